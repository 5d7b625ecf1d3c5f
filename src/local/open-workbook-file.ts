import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Language } from '../domain/enums';
import { formatProblem } from '../domain/messages/catalog';
import type { Problem } from '../domain/messages/problem';
import type { Workbook } from '../domain/workbook';
import { loadWorkbook } from '../app/shared/load-workbook';
import { debugDetail } from './debug';
import type { Io } from './io';
import type { MemoryTableStore } from './memory-table-store';
import { readWorkbookFile, WorkbookFileError } from './xlsx-workbook-file';

// What every `ikigai` command that takes `--workbook F` does first: read F (never changing it)
// and type it. A file that cannot be read is one clear line, in Japanese unless the workbook
// could say otherwise.
export type Opened =
  | { readonly ok: true; readonly store: MemoryTableStore; readonly workbook: Workbook; readonly language: Language }
  | { readonly ok: false; readonly line: string };

export async function openWorkbookFile(path: string, io: Io): Promise<Opened> {
  try {
    const store = await readWorkbookFile(resolve(io.cwd, path));
    const workbook = loadWorkbook(store);
    return { ok: true, store, workbook, language: workbook.settings.language };
  } catch (error) {
    if (error instanceof WorkbookFileError) {
      // The line names the file in the catalog's words; the reader's own reason is for DEBUG=ikigai.
      debugDetail(io, error);
      return { ok: false, line: formatProblem(error.problem, 'ja') };
    }
    throw error;
  }
}

/** Each problem as `tab!cell: message` in `lang`. */
export function problemLines(problems: readonly Problem[], lang: Language): string[] {
  return problems.map((p) => formatProblem(p, lang));
}

/** The workbook at `path` (absolute), or null after saying in one line why it cannot be read
 *  (the detail only under DEBUG=ikigai): what every writing command does first. */
export async function readWorkbookOrSay(path: string, io: Io): Promise<MemoryTableStore | null> {
  try {
    return await readWorkbookFile(path);
  } catch (error) {
    if (!(error instanceof WorkbookFileError)) throw error;
    debugDetail(io, error);
    io.err(formatProblem(error.problem, 'ja'));
    return null;
  }
}

/** The text of the CSV file at `path` (absolute), or null after saying in one line that it
 *  cannot be read (`ikigai signup --responses`, `ikigai work import --csv`). */
export function readCsvFileOrSay(path: string, io: Io): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    debugDetail(io, error);
    io.err(`${basename(path)}: ファイルが読めません / cannot read the file: ${path}`);
    return null;
  }
}
