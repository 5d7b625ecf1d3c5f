import type { Io } from '../io';
import { openWorkbookFile, problemLines } from '../open-workbook-file';
import { readCommandLine } from './command-line';
import { unknownSkillWarnings } from '../../domain/skills/unknown-skills';

// `ikigai check --workbook F` (cli.md): every problem of F against workbook.md, one line each.
export const USAGE = `使い方 / usage: ikigai check --workbook F
  F の各シートを workbook.md の約束事と照合し、問題を「シート!セル: 内容」で表示します。
  Checks F against the workbook contract and prints each problem as "tab!cell: reason".
  技能シートにない技能は警告として表示します（終了コードは変わりません）。
  Skills the Skills tab does not know are printed as warnings (they do not change the exit code).
  終了コード / exit: 0 問題なし no problems, 1 問題あり problems found, 2 指定の誤り bad command line`;

const OK = { ja: '問題はありません', en: 'No problems found' } as const;

export async function run(argv: string[], io: Io): Promise<number> {
  const line = readCommandLine({ name: 'check', usage: USAGE, options: { workbook: { type: 'string' } }, required: ['workbook'] }, argv, io);
  if (!line.ok) return line.exit;

  const opened = await openWorkbookFile(line.values.workbook, io);
  if (!opened.ok) { io.out(opened.line); return 1; }
  const lines = problemLines(opened.workbook.problems, opened.language);
  // Warnings (a skill the 技能 tab does not know) are printed after the problems and leave the
  // exit code at 0 when there is nothing else.
  const warnings = problemLines(unknownSkillWarnings(opened.workbook), opened.language);
  for (const line of [...lines, ...warnings]) io.out(line);
  if (lines.length === 0) { io.out(OK[opened.language]); return 0; }
  return 1;
}
