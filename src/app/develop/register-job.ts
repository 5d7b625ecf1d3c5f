import * as z from 'zod/mini';
import { lazySchema } from '../../domain/lazy-schema';
import { JOB_ENGAGEMENT, PAY_UNIT } from '../../domain/enums';
import { locateColumns } from '../../domain/parse/parse-table';
import { CLIENTS_TAB, JOBS_TAB, type Job } from '../../domain/schema/tabs';
import { encodeRecord } from '../../domain/schema/record-cells';
import { ALL_SLOTS } from '../../domain/slots';
import { civilDateArg, recordId, shortText, slotArg } from '../shared/arg-schemas';
import { writeAudit } from '../shared/audit';
import { JOB_IDS, idsInColumn, nextId } from '../shared/next-id';
import { readColumnsOf } from '../shared/read-part';
import { appendRecord, layoutOf } from '../shared/append-record';
import { keyNewJob } from '../matching/job-search-index';
import type { CallContext, SidebarPorts } from '../shared/call-context';
import { ApiError } from '../shared/api-error';
import { wordText } from '../../domain/messages/catalog';
import type { JobOption, RegisterJobInput, RegisterJobOutput } from '../shared/api-types';

// 開拓: the job a client has just agreed to, recorded from the sidebar so that it is in the
// マッチング panel's list at once. The caller holds the lock. Service use: the ID column of
// 業務提供先 (the client must exist; no other column is read), the header of 仕事, the ID
// counter (the ID column of 仕事 is read once per document to seed it), one append, one audit append.

export const REGISTER_JOB_INPUT = lazySchema(() => z.strictObject({
  client_id: recordId,
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  category: z.optional(shortText),
  engagement: z.optional(z.nullable(z.enum(JOB_ENGAGEMENT.codes))),
  required_skills: z.optional(z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(40))).check(z.maxLength(20))),
  slots: z.optional(z.array(slotArg).check(z.maxLength(ALL_SLOTS.length))),
  headcount: z.optional(z.int().check(z.gte(1), z.lte(999))),
  district: z.optional(shortText),
  start_on: z.optional(z.nullable(civilDateArg)),
  end_on: z.optional(z.nullable(civilDateArg)),
  pay: z.optional(shortText),
  unit_price: z.optional(z.nullable(z.number().check(z.gte(0), z.lte(1_000_000)))),
  unit: z.optional(z.nullable(z.enum(PAY_UNIT.codes))),
  social_contribution: z.optional(z.boolean()),
  status: z.optional(z.enum(['open', 'proposed'])),
  created_on: z.optional(civilDateArg),
}).check(z.refine((j) => !j.start_on || !j.end_on || j.start_on <= j.end_on, { message: 'start_on <= end_on', path: ['end_on'] })));

export function registerJob(ports: SidebarPorts, ctx: CallContext, input: RegisterJobInput): RegisterJobOutput {
  const { store } = ports;
  const lang = ctx.lang;
  const client = clientOf(ports, input.client_id, lang);
  if (!client) throw new ApiError('not_found', { what: wordText(lang).things.client, id: input.client_id });

  const layout = layoutOf(store, JOBS_TAB, lang);
  const jobId = nextId(ports.props, JOB_IDS, () => idsInColumn(store, layout.name, layout.index.get('job_id') ?? -1));
  const createdOn = input.created_on ?? ctx.today;
  const status = input.status ?? 'open';
  // In the order of the week whatever order the boxes were ticked in, each slot once.
  const slots = ALL_SLOTS.filter((s) => input.slots?.includes(s));
  const headcount = input.headcount ?? 1;
  const record = {
    job_id: jobId,
    client_id: input.client_id,
    title: input.title,
    category: input.category ?? '',
    engagement: input.engagement ?? null,
    required_skills: [...(input.required_skills ?? [])],
    slots,
    headcount,
    // The client's district unless the job is somewhere else (a household's garden, a branch).
    district: input.district !== undefined && input.district !== '' ? input.district : client.district,
    start_on: input.start_on ?? null,
    end_on: input.end_on ?? null,
    pay: input.pay ?? '',
    social_contribution: input.social_contribution ?? false,
    status,
    created_on: createdOn,
    coordinator: ctx.email,
    // What a member's work on it pays (単価, per hour unless 単価区分 says per day): the monthly
    // close's input. Written only when given, so a 仕事 tab without those columns is no problem.
    ...(input.unit_price !== undefined && input.unit_price !== null ? { unit_price: input.unit_price, unit: input.unit ?? null } : {}),
  };
  appendRecord<typeof JOBS_TAB>(store, layout, encodeRecord(JOBS_TAB, record, lang));
  // The picker's search key, on the row 仕事 was appended to (job-search-index.ts).
  keyNewJob(store, record, client.name);
  const counted: Job = { ...record, unit_price: record.unit_price ?? null, unit: record.unit ?? null };
  ctx.figures?.record('jobs', {}, { jobs: [counted] });
  ctx.figures?.words([record.district], [record.category]);

  writeAudit(store, lang, {
    at: ctx.now, user: ctx.email, action: 'register_job', sheet: layout.name, recordId: jobId,
    detail: [`client=${input.client_id}`, `status=${status}`, input.engagement ? `engagement=${input.engagement}` : '',
      slots.length > 0 ? `slots=${slots.join(',')}` : '', `headcount=${headcount}`].filter((s) => s !== '').join(' '),
  });
  // A new job: every slot open, headcount places in each.
  const job: JobOption = {
    id: jobId, title: input.title, client_id: input.client_id, client_name: client.name, status, slots, headcount,
    open_slots: slots, places_left: headcount * Math.max(1, slots.length),
  };
  return { job, created_on: createdOn };
}

/** The client `clientId` of 業務提供先 (its name and district), or null. Reads 提供先ID…地区: 業種 is
 *  read too because it sits between them, so the columns are one run (one getValues), not two. */
function clientOf(ports: SidebarPorts, clientId: string, lang: CallContext['lang']): { name: string; district: string } | null {
  const raw = readColumnsOf(ports.store, CLIENTS_TAB, ['client_id', 'name', 'sector', 'district']);
  if (!raw) throw new ApiError('bad_workbook', { detail: wordText(lang).missingTab(CLIENTS_TAB) });
  const index = locateColumns(CLIENTS_TAB, raw.name, raw.header).index;
  const at = (k: string): number => index.get(k) ?? -1;
  if (at('client_id') < 0) throw new ApiError('bad_workbook', { detail: `${raw.name}: ${lang === 'ja' ? CLIENTS_TAB.columns[0].ja : 'client_id'}` });
  const wanted = clientId.trim();
  const row = raw.rows.find((r) => String(r[at('client_id')] ?? '').trim() === wanted);
  if (!row) return null;
  const text = (k: string): string => (at(k) >= 0 ? String(row[at(k)] ?? '').trim() : '');
  return { name: text('name'), district: text('district') };
}
