import { parseCivilDate } from '../../domain/civil-date';
import { computeReport } from '../../domain/kpi/compute-report';
import { explicitPeriod, fiscalYearPeriod, weekPeriod, type Period } from '../../domain/kpi/period';
import type { Settings } from '../../domain/settings';
import type { Io } from '../io';
import { openWorkbookFile, problemLines } from '../open-workbook-file';
import { renderReportTable } from '../report-table';
import { readCommandLine } from './command-line';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { civilDateTimeIn } from '../../domain/civil-date';
import { writeAnnualStats } from '../../app/work/write-annual-stats';
import { writeWorkbookFile } from '../xlsx-workbook-file';

// `ikigai report --workbook F (--fiscal-year Y | --week DATE | --from D --to D) [--json]
// [--write-stats]` (cli.md). --write-stats writes the year's 年度統計 tab into F through the same
// use case as the menu (writeAnnualStats), F saved by patching only the cells that changed.
export const USAGE = `使い方 / usage: ikigai report --workbook F (--fiscal-year Y | --week DATE | --from D --to D) [--json] [--write-stats]
  --fiscal-year Y   年度 Y（設定の年度開始月から1年。2015 → 2015-04-01〜2016-03-31）/ fiscal year Y
  --week DATE       DATE を含む月曜〜日曜の週 / the Monday..Sunday week holding DATE
  --from D --to D   D から D まで（両日を含む）/ from D to D, both included
  --json            cli.md の JSON で出力 / print the JSON of cli.md
  --write-stats     年度 Y の年度統計を F のシート「年度統計」に書く（--fiscal-year と）/ write fiscal year Y's 年度統計 tab into F (with --fiscal-year)
  終了コード / exit: 0 完了 done, 1 データに問題 the data has problems, 2 指定の誤り bad command line`;

type PeriodChoice = (settings: Settings) => Period;

/** The period the options ask for, or the reason the command line is wrong. */
function choosePeriod(values: { 'fiscal-year'?: string; week?: string; from?: string; to?: string }): PeriodChoice | string {
  const given = [values['fiscal-year'] !== undefined, values.week !== undefined, values.from !== undefined || values.to !== undefined].filter(Boolean).length;
  if (given !== 1) return '期間を --fiscal-year、--week、--from/--to のどれか一つで指定してください / give exactly one of --fiscal-year, --week, --from/--to';
  if (values['fiscal-year'] !== undefined) {
    const text = values['fiscal-year'].trim();
    const fy = Number(text);
    if (!/^\d{4}$/.test(text) || fy < 1900) return `年度が正しくありません / not a fiscal year: ${text}`;
    return (settings) => fiscalYearPeriod(fy, settings);
  }
  if (values.week !== undefined) {
    const day = parseCivilDate(values.week);
    if (!day) return `日付が正しくありません / not a date: ${values.week}`;
    return () => weekPeriod(day);
  }
  if (values.from === undefined || values.to === undefined) return '--from と --to は両方必要です / --from and --to go together';
  const period = explicitPeriod(values.from, values.to);
  if (!period) return `期間が正しくありません / not a period: ${values.from} .. ${values.to}`;
  return () => period;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const line = readCommandLine({
    name: 'report', usage: USAGE, required: ['workbook'],
    options: {
      workbook: { type: 'string' }, 'fiscal-year': { type: 'string' }, week: { type: 'string' },
      from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' }, 'write-stats': { type: 'boolean' },
    },
  }, argv, io);
  if (!line.ok) return line.exit;
  const parsed = line.values;
  const choice = choosePeriod(parsed);
  if (typeof choice === 'string') return line.fail(choice);
  if (parsed['write-stats'] && parsed['fiscal-year'] === undefined) return line.fail('--write-stats は --fiscal-year と使います / --write-stats goes with --fiscal-year');

  const opened = await openWorkbookFile(parsed.workbook, io);
  if (!opened.ok) { io.err(opened.line); return 1; }
  const { workbook, language } = opened;
  // Figures from data with problems would be quietly wrong: name every problem instead.
  if (workbook.problems.length > 0) {
    for (const line of problemLines(workbook.problems, language)) io.err(line);
    return 1;
  }
  const report = computeReport(workbook, choice(workbook.settings));
  if (parsed.json) io.out(JSON.stringify(report, null, 2));
  else for (const line of renderReportTable(report, language, workbook.settings.centerName)) io.out(line);
  if (parsed['write-stats']) {
    const now = civilDateTimeIn(new Date(), workbook.settings.timeZone);
    // One run at a time holds a file: the command line itself is the only writer of F here.
    const lock = { tryLock: () => true, release: () => undefined };
    const written = writeAnnualStats({ store: opened.store, lock }, { lang: language, now, user: operatorName() }, Number(parsed['fiscal-year']));
    if (!written.ok) {
      if (written.code === 'problems') for (const l of problemLines(written.problems, language)) io.err(l);
      return 1;
    }
    if (written.cellsChanged > 0) await writeWorkbookFile(opened.store, resolve(io.cwd, parsed.workbook));
    // With --json, stdout holds the report alone.
    (parsed.json ? io.err : io.out)(written.message);
  }
  return 0;
}

function operatorName(): string {
  try { return userInfo().username; } catch { return ''; }
}
