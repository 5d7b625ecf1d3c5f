import { userInfo } from 'node:os';
import { basename, resolve } from 'node:path';
import { checkWorkImport, type ImportReason } from '../../app/work/import-work';
import { recordWork } from '../../app/work/record-work';
import { civilDateTimeIn } from '../../domain/civil-date';
import { parseSettings } from '../../domain/settings';
import { SETTINGS_TAB, tabNames } from '../../domain/schema/tabs';
import { parseCsv } from '../csv';
import type { Io } from '../io';
import { MemoryKeyValueStore } from '../memory-key-value-store';
import { readCsvFileOrSay, readWorkbookOrSay } from '../open-workbook-file';
import { writeWorkbookFile } from '../xlsx-workbook-file';
import { readCommandLine } from './command-line';

// `ikigai work import --workbook F --csv R.csv [--dry-run] [--by NAME]` (cli.md): paper work
// reports (就業日報・月報) typed into a CSV with 就業実績's headers, added through the same
// recordWork as the sidebar (closed months refused, rows numbered W…, one audit row). Every bad
// line is named (R.csv:line: reason) and then nothing is written; a line 就業実績 already holds
// (same day, member and job, same hours and amount) is a duplicate: a second import of the same
// file adds nothing (src/app/work/import-work.ts).
export const USAGE = `使い方 / usage: ikigai work import --workbook F --csv R.csv [--dry-run] [--by NAME]
  --csv R.csv  就業実績の見出し（日本語か英語）の CSV: 就業日 会員ID 仕事ID 時間 [金額] [確認] [メモ]
               a CSV with 就業実績's headers (ja or en): date member_id job_id hours [amount] [confirmed] [notes]
  --dry-run    確かめるだけで書きません / check only, write nothing
  --by NAME    監査ログに記録する名前（既定: OS のユーザー名）/ who imports, for 監査ログ (default: the OS user name)
  終了コード / exit: 0 完了 done, 1 悪い行がある・失敗 bad lines or the step failed, 2 指定の誤り bad command line`;

/** Why a line is bad, in both languages (the codec's own reasons are in the center's language). */
function reasonText(r: ImportReason): string {
  switch (r.code) {
    case 'cell': return r.text;
    case 'unknown_header': return `見出し「${r.header}」は就業実績の列ではありません（使える列: 就業日 会員ID 仕事ID 時間 金額 確認 メモ）/ header "${r.header}" is not a column of 就業実績 (use: date member_id job_id hours amount confirmed notes)`;
    case 'add_in_header': return `見出し「${r.header}」はアドインが付けます。列を消してください / "${r.header}" is set by the add-in: remove the column`;
    case 'unknown_member': return `会員「${r.member}」は会員シートにありません / member "${r.member}" is not in 会員`;
    case 'unknown_job': return `仕事「${r.job}」は仕事シートにありません / job "${r.job}" is not in 仕事`;
    case 'not_placed': return `会員 ${r.member} は ${r.date} に仕事 ${r.job} で成立していません / member ${r.member} is not placed on job ${r.job} on ${r.date}`;
    case 'month_closed': return `${r.month} は月次締め済みです（管理者が再開すれば取り込めます）/ ${r.month} is closed (a manager can reopen it)`;
    case 'conflict': return `同じ日・会員・仕事の行が就業実績の ${r.row} 行目に ${r.hours} 時間で記録済みです / 就業実績 row ${r.row} already holds this day, member and job with ${r.hours} h`;
    case 'twice': return `${r.line} 行目と同じ日・会員・仕事です / the same day, member and job as line ${r.line}`;
  }
}

function operator(given: string | undefined): string {
  if (given && given.trim() !== '') return given.trim();
  try { return userInfo().username; } catch { return ''; }
}

export async function run(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h') { io.out(USAGE); return 0; }
  if (sub !== 'import') {
    io.err(`ikigai work: ${sub ? `不明な操作「${sub}」/ unknown step "${sub}"` : 'import を指定してください / say import'}\n${USAGE}`);
    return 2;
  }
  const line = readCommandLine({
    name: 'work import', usage: USAGE, required: ['workbook', 'csv'],
    options: { workbook: { type: 'string' }, csv: { type: 'string' }, 'dry-run': { type: 'boolean' }, by: { type: 'string' } },
  }, rest, io);
  if (!line.ok) return line.exit;
  const { values } = line;
  const path = resolve(io.cwd, values.workbook);
  const csvPath = resolve(io.cwd, values.csv);
  const csvName = basename(csvPath);
  const text = readCsvFileOrSay(csvPath, io);
  if (text === null) return 1;
  const store = await readWorkbookOrSay(path, io);
  if (!store) return 1;
  const settings = parseSettings(store.read(tabNames(SETTINGS_TAB))).settings;
  const lang = settings.language;

  const checked = checkWorkImport(store, lang, parseCsv(text));
  if (!checked.ok) {
    for (const b of checked.bad) io.err(`${csvName}:${b.line}: ${reasonText(b.reason)}`);
    io.err(`${checked.bad.length} 件の問題があるため、何も取り込んでいません / ${checked.bad.length} problem(s): nothing imported`);
    return 1;
  }
  const counts = `追加 to add ${checked.rows.length} / 記録済み already recorded ${checked.duplicates.length}`;
  if (values['dry-run'] || checked.rows.length === 0) {
    io.out(counts);
    io.out(values['dry-run'] ? '確認のみ。ファイルは変えていません / checked only (--dry-run): the file is unchanged' : '就業実績は変わりません / 就業実績 unchanged');
    return 0;
  }
  const ctx = { lang, now: civilDateTimeIn(new Date(), settings.timeZone), user: operator(values.by) };
  // The command line is the only writer of F; the W counter is seeded from 就業実績's ID column.
  const result = recordWork({ store, lock: { tryLock: () => true, release: () => undefined }, props: new MemoryKeyValueStore() }, ctx, checked.rows);
  if (!result.ok) {
    io.err(result.code === 'month_closed' ? `${result.months.join(', ')} は月次締め済みです / closed` : `取り込めませんでした / not imported: ${result.code === 'busy' ? 'busy' : result.detail}`);
    return 1;
  }
  await writeWorkbookFile(store, path);
  io.out(`追加 added ${result.workIds.length} (${result.workIds[0] ?? ''}…${result.workIds[result.workIds.length - 1] ?? ''}) / 記録済み already recorded ${checked.duplicates.length}`);
  io.out(`保存しました / saved: ${path}`);
  return 0;
}
