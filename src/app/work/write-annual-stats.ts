import type { Language } from '../../domain/enums';
import { JOB_ENGAGEMENT, SECTOR, labelOf } from '../../domain/enums';
import { fiscalYearPeriod } from '../../domain/kpi/period';
import type { Problem } from '../../domain/messages/problem';
import { statsText } from '../../domain/messages/catalog';
import { parseTable } from '../../domain/parse/parse-table';
import { encodeRecord, type ColumnKey } from '../../domain/schema/record-cells';
import { ANNUAL_STATS_TAB, SETTINGS_TAB, headerName, tabName, tabNames, type AnnualStatsRow } from '../../domain/schema/tabs';
import { parseSettings } from '../../domain/settings';
import { annualStatistics, type StatLine } from '../../domain/work/annual-statistics';
import type { Lock, TableStore } from '../ports';
import { writeAudit } from '../shared/audit';
import { loadWorkbookPart, type WorkbookPlan } from '../shared/read-part';
import { updateRecord } from '../shared/record-writes';
import { underWriteLock } from '../shared/write-boundary';
import { appendRecords } from './append-records';
import type { WorkContext } from './record-work';

// Writes a fiscal year's 年度統計 (domain/work/annual-statistics.ts) into its tab, under the write
// boundary: one row per line of the form, keyed by (年度, 区分, 項目) as the cells show them in the
// center's language. A line already in the tab gets only its changed number cells rewritten; a
// missing line is appended; other years' rows, rows a person added and any column of the center's
// own are never touched. Data problems in what it reads stop it before anything is written.
// Service use: 設定, the columns of STATS_READS, 年度統計 whole (a few dozen rows a year), at most
// one setValues per changed run of a line plus one append, one audit row.

/** What the statistics read: never a name, a phone or an address. */
export const STATS_READS: WorkbookPlan = {
  members: { columns: ['member_id', 'gender', 'birth_date', 'joined_on', 'left_on'] },
  clients: { columns: ['client_id', 'sector'] },
  jobs: { columns: ['job_id', 'client_id', 'engagement', 'unit_price', 'unit'] },
  work_log: { columns: ['work_id', 'date', 'member_id', 'job_id', 'hours', 'amount'] },
};

export interface StatsPorts { readonly store: TableStore; readonly lock: Lock }

export type WriteStatsResult =
  | { readonly ok: true; readonly fiscalYear: number; readonly tab: string; readonly lines: number; readonly cellsChanged: number; readonly message: string }
  | { readonly ok: false; readonly code: 'busy' }
  | { readonly ok: false; readonly code: 'problems'; readonly problems: readonly Problem[] };

const KEYS: readonly ColumnKey<typeof ANNUAL_STATS_TAB>[] = ANNUAL_STATS_TAB.columns.map((c) => c.key);
const NUMBER_KEYS = ['male', 'female', 'other', 'total'] as const;

/** The 区分 and 項目 texts of a line in `lang`. */
export function lineLabels(line: StatLine, lang: Language): { section: string; item: string } {
  const t = statsText(lang);
  const section = t.sections[line.section];
  if (line.item === 'total') return { section, item: t.total };
  if (line.section === 'members') return { section, item: t.ageBands[line.item as keyof typeof t.ageBands] ?? line.item };
  if (line.section === 'person_days_engagement') return { section, item: labelOf(JOB_ENGAGEMENT, line.item as (typeof JOB_ENGAGEMENT.codes)[number], lang) };
  if (line.section === 'person_days_sector') {
    return { section, item: line.item === 'unknown' ? t.sectorUnknown : labelOf(SECTOR, line.item as (typeof SECTOR.codes)[number], lang) };
  }
  if (line.item === 'allocation') return { section, item: t.allocation };
  if (line.item === 'dispatch') return { section, item: t.dispatch };
  return { section, item: line.item };
}

function rowOf(year: number, line: StatLine, lang: Language): AnnualStatsRow {
  const { section, item } = lineLabels(line, lang);
  return {
    fiscal_year: year, section, item,
    male: line.bySex?.male ?? null, female: line.bySex?.female ?? null, other: line.bySex?.other ?? null, total: line.total,
  };
}

export function writeAnnualStats(ports: StatsPorts, ctx: WorkContext, fiscalYear: number): WriteStatsResult {
  const locked = underWriteLock(ports, (): WriteStatsResult => {
    const { settings, problems: settingProblems } = parseSettings(ports.store.read(tabNames(SETTINGS_TAB)));
    const workbook = loadWorkbookPart(ports.store, STATS_READS, settings);
    const problems = [...settingProblems, ...workbook.problems];
    if (problems.length > 0) return { ok: false, code: 'problems', problems };
    const stats = annualStatistics({ ...workbook, feeRate: settings.feeRate }, fiscalYear, fiscalYearPeriod(fiscalYear, settings));
    const wanted = stats.lines.map((l) => rowOf(fiscalYear, l, ctx.lang));

    const raw = ports.store.read(tabNames(ANNUAL_STATS_TAB, ctx.lang));
    let tab: string;
    let changed = 0;
    if (!raw) {
      tab = tabName(ANNUAL_STATS_TAB, ctx.lang);
      ports.store.replace(tab, ANNUAL_STATS_TAB.columns.map((c) => headerName(c, ctx.lang)),
        wanted.map((r) => { const cells = encodeRecord(ANNUAL_STATS_TAB, r, ctx.lang); return KEYS.map((k) => cells[k] ?? null); }));
      changed = wanted.length * KEYS.length;
    } else {
      tab = raw.name;
      const parsed = parseTable(ANNUAL_STATS_TAB, raw);
      const broken = parsed.problems.filter((p) => p.code === 'missing_header' || p.code === 'duplicate_header');
      if (broken.length > 0) return { ok: false, code: 'problems', problems: broken };
      // A number cell a person typed badly in the year's lines is rewritten like any changed cell;
      // the key cells must read, or the line is taken as missing and appended.
      const at = new Map<string, { record: AnnualStatsRow; row: number }>();
      parsed.records.forEach((r, i) => {
        if (r.fiscal_year === fiscalYear) at.set(`${r.section.trim()}\u0000${r.item.trim()}`, { record: r, row: parsed.rowNumbers[i] ?? 0 });
      });
      const missing: AnnualStatsRow[] = [];
      for (const r of wanted) {
        const found = at.get(`${r.section}\u0000${r.item}`);
        if (!found) { missing.push(r); continue; }
        const before = { ...found.record };
        const after = { ...found.record, ...Object.fromEntries(NUMBER_KEYS.map((k) => [k, r[k]])) };
        changed += updateRecord(ports.store, ANNUAL_STATS_TAB, { tab, index: parsed.columnIndex, row: found.row }, before, after, ctx.lang).length;
      }
      if (missing.length > 0) {
        appendRecords<typeof ANNUAL_STATS_TAB>(ports.store, { name: tab, index: parsed.columnIndex }, KEYS, missing.map((r) => encodeRecord(ANNUAL_STATS_TAB, r, ctx.lang)));
        changed += missing.length * KEYS.length;
      }
    }
    const t = statsText(ctx.lang);
    if (changed === 0) return { ok: true, fiscalYear, tab, lines: wanted.length, cellsChanged: 0, message: t.unchanged(fiscalYear, tab) };
    writeAudit(ports.store, ctx.lang, {
      at: ctx.now, user: ctx.user, action: 'write_annual_stats', sheet: tab, recordId: String(fiscalYear), detail: `lines=${wanted.length} cells=${changed}`,
    });
    return { ok: true, fiscalYear, tab, lines: wanted.length, cellsChanged: changed, message: t.written(fiscalYear, tab, wanted.length, changed) };
  });
  return locked.ok ? locked.value : { ok: false, code: 'busy' };
}

