import { civilDateIn, parseCivilDate } from '../../domain/civil-date';
import type { Language } from '../../domain/enums';
import { EXCLUSIONS } from '../../domain/matching/hard-rules';
import { rankCandidates } from '../../domain/matching/rank-candidates';
import { exclusionText, reasonText } from '../../domain/matching/reasons';
import type { MatchResult } from '../../domain/matching/types';
import { slotLabel, type Slot } from '../../domain/slots';
import type { Io } from '../io';
import { openWorkbookFile, problemLines } from '../open-workbook-file';
import { displayWidth } from '../report-table';
import { readCommandLine, requiredMessage } from './command-line';

// `ikigai match --workbook F --job ID [--as-of DATE] [--json] [--limit N]` (cli.md): ranked
// candidates with reasons, and a mosaic team that covers the job's slots. F is never changed.
// Output names members by ID only, like every mail and log (workbook.md on personal data).
export const USAGE = `使い方 / usage: ikigai match --workbook F --job ID [--as-of DATE] [--json] [--limit N]
  --job ID       仕事ID / the job to staff
  --as-of DATE   基準日（既定: センターのタイムゾーンで今日）/ the day to match on (default: today in the center's zone)
  --json         cli.md の JSON で出力（候補者は全員）/ print the JSON of cli.md (every candidate)
  --limit N      表示する候補者の上限（表の既定 20）/ most candidates to print (table default 20)
  終了コード / exit: 0 完了 done, 1 データに問題・仕事IDなし the data has problems or no such job, 2 指定の誤り bad command line`;

const TABLE_LIMIT = 20;

const TEXT = {
  ja: {
    unknownJob: (id: string) => `仕事ID「${id}」は「仕事」シートにありません`,
    job: '仕事', asOf: '基準日', headcount: (h: number, placed: number, need: number) => `必要人数 各枠${h}名（就業中 ${placed}名、あと${need}名）`,
    candidates: (n: number) => `候補者 ${n}名`, excluded: '対象外', none: 'なし',
    head: ['順位', '会員ID', '適合度', '理由'], more: (n: number) => `ほか ${n}名（--json または --limit で全員）`,
    team: 'モザイクチーム（各枠の担当）', backups: '補欠', uncovered: '担当者が足りない枠', noTeam: '（候補者なし）',
    sep: '／', slotSep: '・',
  },
  en: {
    unknownJob: (id: string) => `the job ID "${id}" is not in the Jobs tab`,
    job: 'Job', asOf: 'As of', headcount: (h: number, placed: number, need: number) => `headcount ${h} per slot (${placed} placed, ${need} still needed)`,
    candidates: (n: number) => `${n} candidates`, excluded: 'Not eligible', none: 'none',
    head: ['rank', 'member', 'score', 'reasons'], more: (n: number) => `${n} more (use --json or --limit to see all)`,
    team: 'Mosaic team (who works which slot)', backups: 'Backups', uncovered: 'Slots short of people', noTeam: '(no candidates)',
    sep: '; ', slotSep: ', ',
  },
} as const;

function pad(text: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/** The JSON of cli.md: reasons rendered in the workbook's language, slots as English codes. */
export function matchJson(result: MatchResult, lang: Language): unknown {
  return {
    job_id: result.job_id,
    as_of: result.as_of,
    candidates: result.candidates.map((c) => ({
      member_id: c.member_id, score: c.score, slots: c.slots, parts: c.parts,
      recent_work_days: c.recent_work_days, reasons: c.reasons.map((r) => reasonText(r, lang)),
    })),
    team: {
      members: result.team.members.map((m) => ({ member_id: m.member_id, slots: m.slots })),
      backups: result.team.backups,
      uncovered_slots: result.team.uncovered_slots,
    },
    placed: result.placed,
    need: result.need,
    excluded: result.excluded,
  };
}

export function matchTable(result: MatchResult, title: string, headcount: number, lang: Language, limit: number): string[] {
  const t = TEXT[lang];
  const slots = (list: readonly Slot[]): string => list.map((s) => slotLabel(s, lang)).join(t.slotSep);
  const lines: string[] = [];
  lines.push(`${t.job} ${result.job_id}${title ? `（${title}）` : ''}  ${t.asOf} ${result.as_of}  ${t.headcount(headcount, result.placed.length, result.need)}`);
  const turnedAway = EXCLUSIONS.filter((e) => (result.excluded[e] ?? 0) > 0).map((e) => `${exclusionText(e, lang)} ${result.excluded[e]}`);
  lines.push(`${t.candidates(result.candidates.length)}  ${t.excluded}: ${turnedAway.length ? turnedAway.join(', ') : t.none}`);
  lines.push('');
  const shown = result.candidates.slice(0, limit);
  const rows = shown.map((c, i) => [String(i + 1), c.member_id, String(c.score), c.reasons.map((r) => reasonText(r, lang)).join(t.sep)]);
  const widths = [0, 1, 2].map((i) => Math.max(displayWidth(t.head[i] ?? ''), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (r: readonly string[]): string =>
    `  ${pad(r[0] ?? '', widths[0] ?? 0, true)}  ${pad(r[1] ?? '', widths[1] ?? 0)}  ${pad(r[2] ?? '', widths[2] ?? 0, true)}  ${r[3] ?? ''}`.trimEnd();
  lines.push(line(t.head), ...rows.map(line));
  if (result.candidates.length > shown.length) lines.push(`  ${t.more(result.candidates.length - shown.length)}`);
  lines.push('');
  lines.push(t.team);
  if (result.team.members.length === 0) lines.push(`  ${result.need === 0 ? t.none : t.noTeam}`);
  const idWidth = Math.max(0, ...result.team.members.map((m) => displayWidth(m.member_id)));
  for (const m of result.team.members) lines.push(`  ${pad(m.member_id, idWidth)}  ${slots(m.slots)}`);
  lines.push(`${t.backups}: ${result.team.backups.length ? result.team.backups.map((b) => `${slotLabel(b.slot, lang)} ${b.member_id}`).join(t.slotSep === '・' ? '、' : ', ') : t.none}`);
  lines.push(`${t.uncovered}: ${result.team.uncovered_slots.length ? slots(result.team.uncovered_slots) : t.none}`);
  return lines;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const line = readCommandLine({
    name: 'match', usage: USAGE, required: ['workbook'],
    options: {
      workbook: { type: 'string' }, job: { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean' },
      limit: { type: 'string' },
    },
  }, argv, io);
  if (!line.ok) return line.exit;
  const { values } = line;
  // Not in `required`: an ID of spaces is no ID.
  const jobId = values.job?.trim();
  if (!jobId) return line.fail(requiredMessage(['job']));
  const asOfGiven = values['as-of'] === undefined ? null : parseCivilDate(values['as-of']);
  if (values['as-of'] !== undefined && asOfGiven === null) return line.fail(`日付が正しくありません / not a date: ${values['as-of']}`);
  let limit: number | undefined;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 0) return line.fail('--limit は0以上の整数 / --limit must be a whole number ≥ 0');
  }

  const opened = await openWorkbookFile(values.workbook, io);
  if (!opened.ok) { io.err(opened.line); return 1; }
  const { workbook, language } = opened;
  // A ranking from data with problems could propose someone a rule should have turned away.
  if (workbook.problems.length > 0) {
    for (const line of problemLines(workbook.problems, language)) io.err(line);
    return 1;
  }
  const asOf = asOfGiven ?? civilDateIn(new Date(), workbook.settings.timeZone);
  const result = rankCandidates(workbook, jobId, asOf, limit === undefined || !values.json ? {} : { limit });
  if (!result) { io.err(`ikigai match: ${TEXT[language].unknownJob(jobId)}`); return 1; }
  if (values.json) {
    io.out(JSON.stringify(matchJson(result, language), null, 2));
    return 0;
  }
  const job = workbook.jobs.find((j) => j.job_id === jobId);
  for (const line of matchTable(result, job?.title ?? '', job?.headcount ?? 1, language, limit ?? TABLE_LIMIT)) io.out(line);
  return 0;
}
