import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { randomBytes } from 'node:crypto';
import {
  chmodSync, chownSync, closeSync, existsSync, fstatSync, fsyncSync, lstatSync, openSync, readFileSync, readlinkSync,
  realpathSync, renameSync, statSync, unlinkSync, writeSync, type BigIntStats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { cellText, isDateCell, type Cell, type RawTable } from '../domain/cell';
import type { Problem } from '../domain/messages/problem';
import { allSetupTabs } from '../domain/setup/output-tabs';
import { isHiddenWorkTab } from '../domain/schema/tabs';
import { MemoryTableStore } from './memory-table-store';
import { dressSheet } from './xlsx-formats';
import {
  DATE_FORMAT, DATE_TIME_FORMAT, parseXml, PartError, patchXlsx, serializeXml,
  type CellEdit, type NewSheetDressing, type PatchPlan,
} from './xlsx-patch';

// The workbook-file adapter: an .xlsx file (exceljs) in and out of a MemoryTableStore, so the
// local command line runs the same use cases as the add-in. Reading never touches the file.
// Writing a file that does not exist yet builds it whole (exceljs, dressed by xlsx-formats.ts);
// writing over an existing workbook patches it (xlsx-patch.ts): only the cells whose values
// differ from the file are rewritten, and everything else in the package stays as it was. Either
// way the bytes go to a temporary file in the same folder, which takes the original's mode and
// owner and is renamed over the target (a symbolic link's real file), so a failure never leaves
// a half-written workbook.

/** A file that cannot be opened as a workbook; `problem` is what the user is shown. */
export class WorkbookFileError extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.code}: ${String(problem.params.detail ?? '')}`);
    this.name = 'WorkbookFileError';
  }
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** exceljs gives dates as UTC instants whose UTC fields are the wall-clock value typed in the
 *  sheet (spreadsheet dates have no zone), so the UTC getters give back what the person sees. */
function dateToCell(d: Date): Cell {
  if (Number.isNaN(d.getTime())) return null;
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours(); const m = d.getUTCMinutes(); const s = d.getUTCSeconds();
  return { date: h === 0 && m === 0 && s === 0 ? day : `${day}T${pad(h)}:${pad(m)}:${pad(s)}` };
}

function richText(parts: ReadonlyArray<{ text: string }>): string {
  return parts.map((p) => p.text).join('');
}

/** One exceljs cell value as a domain Cell: formulas by their result, rich text and links as text. */
export function fromExcelValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dateToCell(v);
  if ('richText' in v) return richText(v.richText);
  if ('hyperlink' in v) {
    const text: unknown = v.text;
    if (typeof text === 'string') return text;
    if (text && typeof text === 'object' && 'richText' in text) return richText((text as ExcelJS.CellRichTextValue).richText);
    return v.hyperlink;
  }
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    return result === undefined ? null : fromExcelValue(result);
  }
  if ('error' in v) return String(v.error);
  return null;
}

function toExcelValue(c: Cell): { value: ExcelJS.CellValue; numFmt?: string } {
  if (!isDateCell(c)) return { value: c };
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(c.date);
  if (!m) return { value: c.date };
  const [, y, mo, d, h, mi, s] = m;
  const value = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0)));
  return { value, numFmt: h === undefined ? DATE_FORMAT : DATE_TIME_FORMAT };
}

// ---------------------------------------------------------------------------------------------
// Reading

/** A tab as the reader found it, trailing blank rows included: what a save compares against. */
interface FileTable { readonly name: string; readonly header: readonly string[]; readonly rows: readonly (readonly Cell[])[] }
interface FileContents { readonly tables: readonly FileTable[]; readonly hasFormulas: boolean }

function notAWorkbook(path: string, detail: string): WorkbookFileError {
  return new WorkbookFileError({ tab: basename(path), cell: '', code: 'not_a_workbook', params: { path, detail } });
}

/** A short reason for the user's detail line: never JavaScript's own wording ("Cannot read
 *  properties of undefined"), which says nothing about the file. */
function reasonOf(error: unknown): string {
  if (error instanceof PartError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  // jszip's own wording ("Can't find end of central directory : is this a zip file ?...") means
  // nothing to a center's staff.
  if (/zip|central directory|end of data/i.test(message)) return 'not an .xlsx file';
  if (error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError) return 'damaged or unsupported workbook contents';
  return (message.split(/[\n:]/)[0] ?? '').slice(0, 120);
}

/** Which part of a workbook exceljs could not read, and why: run only after it failed. */
async function diagnose(bytes: Buffer, error: unknown): Promise<string> {
  if (error instanceof PartError) return error.message;
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return 'not an .xlsx file';
  }
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir && /\.(xml|rels)$/i.test(n));
  const docs = new Map<string, ReturnType<typeof parseXml>>();
  for (const name of names) {
    let text: string;
    try {
      text = await zip.files[name]!.async('string');
    } catch {
      return `${name}: cannot be unpacked`;
    }
    try {
      docs.set(name, parseXml(text, name));
    } catch (e) {
      return e instanceof PartError ? e.message : `${name}: unreadable`;
    }
  }
  const sharedName = names.find((n) => /(^|\/)sharedStrings\.xml$/i.test(n));
  const shared = sharedName ? docs.get(sharedName) : undefined;
  const count = shared ? shared.getElementsByTagNameNS('*', 'si').length : 0;
  for (const [name, doc] of docs) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const cells = doc.getElementsByTagNameNS('*', 'c');
    for (let i = 0; i < cells.length; i++) {
      const c = cells.item(i);
      if (!c || c.getAttribute('t') !== 's') continue;
      const v = c.getElementsByTagNameNS('*', 'v').item(0)?.textContent ?? '';
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n >= count) {
        return `${name}: cell ${c.getAttribute('r') ?? '?'} points to shared string ${v.slice(0, 20)}, but ${sharedName ?? 'the workbook'} has ${count}`;
      }
    }
  }
  return reasonOf(error);
}

/** A copy of the package exceljs can read: exceljs fails on comments it did not write itself
 *  (openpyxl's xl/comments/comment1.xml and its VML drawing: "Cannot read properties of
 *  undefined (reading 'comments')"), and comments are not data, so the copy has none. The file
 *  itself is never changed. */
async function readableCopy(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes, { createFolders: false });
  let changed = false;
  for (const name of Object.keys(zip.files)) {
    const m = /^(.*\/)_rels\/[^/]+\.xml\.rels$/.exec(name);
    if (!m || !/worksheets\/$/.test(m[1] ?? '')) continue;
    const text = await zip.files[name]!.async('string');
    if (!/\/(comments|vmlDrawing)"/.test(text)) continue;
    const doc = parseXml(text, name);
    const rels = doc.getElementsByTagNameNS('*', 'Relationship');
    for (let i = rels.length - 1; i >= 0; i--) {
      const rel = rels.item(i);
      if (!rel || !/\/(comments|vmlDrawing)$/.test(rel.getAttribute('Type') ?? '')) continue;
      const target = rel.getAttribute('Target') ?? '';
      const part = target.startsWith('/') ? target.slice(1) : join(m[1] ?? '', target).replace(/\\/g, '/');
      zip.remove(part);
      rel.parentNode?.removeChild(rel);
    }
    zip.file(name, serializeXml(doc));
    changed = true;
  }
  return changed ? zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }) : bytes;
}

function isFormula(v: ExcelJS.CellValue): boolean {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && ('formula' in v || 'sharedFormula' in v);
}

async function readContents(bytes: Buffer, path: string): Promise<FileContents> {
  const workbook = new ExcelJS.Workbook();
  try {
    // Validations are not data, and exceljs expands each range into one entry per cell: a
    // whole-column rule (A:A) from Excel would be a million of them.
    // (exceljs types its argument as its own ArrayBuffer-like Buffer; a Node Buffer is what it reads.)
    const input = (await readableCopy(bytes)) as unknown as Parameters<ExcelJS.Xlsx['load']>[0];
    await workbook.xlsx.load(input, { ignoreNodes: ['dataValidations'] });
  } catch (error) {
    throw notAWorkbook(path, await diagnose(bytes, error));
  }
  let hasFormulas = false;
  const rowCells = (values: ExcelJS.RowValues): Cell[] => {
    // exceljs rows are 1-based sparse arrays: index 0 is always empty.
    if (!Array.isArray(values)) return [];
    const cells: Cell[] = [];
    for (let i = 1; i < values.length; i++) {
      const v = values[i] as ExcelJS.CellValue;
      if (!hasFormulas && isFormula(v)) hasFormulas = true;
      cells.push(fromExcelValue(v));
    }
    return cells;
  };
  const tables = workbook.worksheets.map((sheet): FileTable => {
    const sheetRows = sheet.getSheetValues();
    const header = rowCells(sheetRows[1]).map((c) => cellText(c));
    const rows: Cell[][] = [];
    for (let r = 2; r < sheetRows.length; r++) rows.push(rowCells(sheetRows[r]));
    const width = rows.reduce((w, row) => Math.max(w, row.length), header.length);
    while (header.length < width) header.push('');
    return { name: sheet.name, header, rows };
  });
  return { tables, hasFormulas };
}

const blankRow = (row: readonly Cell[]): boolean => row.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

function storeOf(contents: FileContents): MemoryTableStore {
  return MemoryTableStore.from(contents.tables.map((t) => {
    // Trailing blank rows are formatting leftovers, not records.
    let end = t.rows.length;
    while (end > 0 && blankRow(t.rows[end - 1] ?? [])) end -= 1;
    return { name: t.name, header: t.header, rows: t.rows.slice(0, end) };
  }));
}

// What was last read from or written to each file, so that saving right after reading (ikigai
// weekly, the dev server after each write) compares against it instead of reading the file a
// second time. Used only while the file is provably the same one: same device, inode, size,
// modification and change times to the nanosecond; anything else reads the file again.
const SNAPSHOTS_KEPT = 4;
const snapshots = new Map<string, { readonly key: string; readonly contents: FileContents }>();

const keyOf = (s: BigIntStats): string => `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;

function remember(real: string, key: string, contents: FileContents): void {
  snapshots.delete(real);
  snapshots.set(real, { key, contents });
  while (snapshots.size > SNAPSHOTS_KEPT) snapshots.delete(snapshots.keys().next().value as string);
}

function readWithKey(path: string): { bytes: Buffer; key: string; stat: BigIntStats } {
  const fd = openSync(path, 'r');
  try {
    const stat = fstatSync(fd, { bigint: true });
    return { bytes: readFileSync(fd), key: keyOf(stat), stat };
  } finally {
    closeSync(fd);
  }
}

/** Reads every tab of the .xlsx at `path` (header = row 1). Throws WorkbookFileError when the
 *  file is missing or is not a readable workbook. */
export async function readWorkbookFile(path: string): Promise<MemoryTableStore> {
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new WorkbookFileError({ tab: basename(path), cell: '', code: 'file_not_found', params: { path } });
  }
  const real = realpathSync(path);
  const { bytes, key } = readWithKey(real);
  const contents = await readContents(bytes, path);
  remember(real, key, contents);
  return storeOf(contents);
}

// ---------------------------------------------------------------------------------------------
// Writing

const noTime = (date: string): string => date.replace(/T00:00(:00)?$/, '');

function sameCell(a: Cell | undefined, b: Cell | undefined): boolean {
  const blankA = a === undefined || a === null || a === '' || (typeof a === 'number' && !Number.isFinite(a));
  const blankB = b === undefined || b === null || b === '' || (typeof b === 'number' && !Number.isFinite(b));
  if (blankA || blankB) return blankA && blankB;
  if (isDateCell(a as Cell) || isDateCell(b as Cell)) {
    return isDateCell(a as Cell) && isDateCell(b as Cell) && noTime((a as { date: string }).date) === noTime((b as { date: string }).date);
  }
  return a === b;
}

/** The cells of `after` that differ from `before` (0-based sheet rows: 0 is the header). */
function diffTab(before: FileTable, after: RawTable): CellEdit[] {
  const edits: CellEdit[] = [];
  const height = Math.max(before.rows.length, after.rows.length) + 1;
  for (let r = 0; r < height; r++) {
    const a: readonly Cell[] = (r === 0 ? before.header : before.rows[r - 1]) ?? [];
    const b: readonly Cell[] = (r === 0 ? after.header : after.rows[r - 1]) ?? [];
    const width = Math.max(a.length, b.length);
    for (let c = 0; c < width; c++) {
      if (!sameCell(a[c], b[c])) edits.push({ row: r, col: c, value: b[c] ?? null });
    }
  }
  return edits;
}

/** What the fresh writer would dress a new tab with (xlsx-formats.ts), for the patcher. */
function dressingOf(name: string, table: RawTable): NewSheetDressing | undefined {
  const sheet = new ExcelJS.Workbook().addWorksheet('scratch');
  if (!dressSheet(sheet, name, table.header, table.rows, allSetupTabs())) return undefined;
  const widths: (number | undefined)[] = [];
  const formats: (string | undefined)[] = [];
  for (let i = 0; i < table.header.length; i++) {
    const column = sheet.getColumn(i + 1);
    widths.push(column.width);
    formats.push(column.numFmt || undefined);
  }
  const model = (sheet as unknown as { dataValidations?: { model?: Record<string, ExcelJS.DataValidation | undefined> } }).dataValidations?.model ?? {};
  const validations = Object.entries(model).flatMap(([sqref, v]) => {
    const formula = v?.type === 'list' ? v.formulae?.[0] : undefined;
    return typeof formula === 'string' ? [{ sqref, formula, ...(v?.errorStyle ? { errorStyle: v.errorStyle } : {}) }] : [];
  });
  return { widths, formats, validations };
}

/** The patch that turns `before` into `store`, or null when they hold the same values; and
 *  what the file holds once it is applied. */
function planPatch(before: FileContents, store: MemoryTableStore): { plan: PatchPlan | null; after: FileContents } {
  const inFile = new Map(before.tables.map((t) => [t.name, t]));
  const written = new Map<string, FileTable>();
  const edits = new Map<string, CellEdit[]>();
  const added: Array<{ name: string; rows: Cell[][]; dressing?: NewSheetDressing }> = [];
  for (const name of store.tabNames()) {
    const table = store.read([name]);
    if (!table || table.name !== name) continue;
    written.set(name, { name, header: table.header, rows: table.rows });
    const old = inFile.get(name);
    if (old) {
      const changes = diffTab(old, table);
      if (changes.length > 0) edits.set(name, changes);
    } else {
      const dressing = dressingOf(name, table);
      added.push({ name, rows: [[...table.header], ...table.rows.map((r) => [...r])], ...(dressing ? { dressing } : {}) });
    }
  }
  // A tab the store no longer has stays in the file as it is.
  const tables = [...before.tables.map((t) => written.get(t.name) ?? t), ...added.map((a) => written.get(a.name)!)];
  const after = { tables, hasFormulas: before.hasFormulas };
  const plan = edits.size > 0 || added.length > 0 ? { edits, added, recalculate: before.hasFormulas } : null;
  return { plan, after };
}

/** Where to write `path`: the file itself, or the real file a symbolic link points to (also when
 *  that file does not exist yet), so the link stays a link. */
function realTarget(path: string): string {
  let p = resolve(path);
  try {
    return realpathSync(p);
  } catch {
    // Missing, or a link to a missing file: follow the links by hand.
  }
  for (let hops = 0; hops < 40; hops++) {
    let isLink: boolean;
    try {
      isLink = lstatSync(p).isSymbolicLink();
    } catch {
      return p;
    }
    if (!isLink) return p;
    p = resolve(dirname(p), readlinkSync(p));
  }
  return p;
}

/** Writes `bytes` to a temporary file beside `target` with `original`'s mode and owner (when
 *  allowed), then renames it over `target`; the temporary file never outlives a failure. */
function writeAtomically(target: string, bytes: Uint8Array, original: BigIntStats | null): BigIntStats {
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(temporary, 'wx', original ? Number(original.mode & 0o777n) : 0o666);
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
    if (original) {
      try {
        chownSync(temporary, Number(original.uid), Number(original.gid));
      } catch (error) {
        // Only root may give a file away; anyone else keeps the file as their own.
        if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
      }
      // After chown, which clears set-id bits.
      chmodSync(temporary, Number(original.mode & 0o7777n));
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temporary, target);
    return statSync(target, { bigint: true });
  } catch (error) {
    if (fd !== null) {
      try { closeSync(fd); } catch { /* already failing */ }
    }
    try { unlinkSync(temporary); } catch { /* never created, or already renamed */ }
    throw error;
  }
}

/** A whole new workbook: date cells as real dates, header row bold and frozen, and
 *  workbook.md's tabs dressed as 初期設定 dresses them (xlsx-formats.ts). */
async function freshWorkbook(store: MemoryTableStore): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const setupTabs = allSetupTabs();
  for (const name of store.tabNames()) {
    const table = store.read([name]);
    if (!table) continue;
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    // The add-in's working tabs (`_継続支援`…) are hidden, as setup hides them in Sheets.
    if (isHiddenWorkTab(name)) sheet.state = 'hidden';
    sheet.addRow([...table.header]).font = { bold: true };
    for (const row of table.rows) {
      const converted = row.map(toExcelValue);
      const added = sheet.addRow(converted.map((c) => c.value));
      converted.forEach((c, i) => { if (c.numFmt) added.getCell(i + 1).numFmt = c.numFmt; });
    }
    dressSheet(sheet, name, table.header, table.rows, setupTabs);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Saves every tab of `store` to `path`. A new file is built whole (freshWorkbook). An existing
 *  workbook is patched: only the cells whose values differ from what the file holds are
 *  rewritten, tabs the file lacks are added, and the rest of the package — other cells and tabs,
 *  formulas, styles, merges, validations, names, comments, hidden state — stays as it was; when
 *  nothing differs the file is not touched at all. Tabs the store lacks stay in the file. */
export async function writeWorkbookFile(store: MemoryTableStore, path: string): Promise<void> {
  const target = realTarget(path);
  if (!existsSync(target)) {
    snapshots.delete(target);
    writeAtomically(target, await freshWorkbook(store), null);
    return;
  }
  const { bytes, key, stat } = readWithKey(target);
  const known = snapshots.get(target);
  const before = known && known.key === key ? known.contents : await readContents(bytes, target);
  const { plan, after } = planPatch(before, store);
  if (!plan) {
    remember(target, key, before);
    return;
  }
  let patched: Buffer;
  try {
    patched = await patchXlsx(bytes, plan);
  } catch (error) {
    if (error instanceof PartError) throw notAWorkbook(target, error.message);
    throw error;
  }
  const written = writeAtomically(target, patched, stat);
  remember(target, keyOf(written), after);
}
