import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { isDateCell, type Cell } from '../../src/domain/cell';

// Looking inside .xlsx packages in tests: parts as bytes, a sheet's <c> elements as written, and
// cell values as SheetJS (not the exceljs reader under test) sees them.

/** Every file part of the package at `path`, by name, as bytes. */
export async function zipParts(path: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(path), { createFolders: false });
  const out = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) out.set(name, await file.async('nodebuffer'));
  return out;
}

/** The part of tab `name`, found through workbook.xml and its relationships. */
export function sheetPart(parts: Map<string, Buffer>, name: string): string {
  const workbook = parts.get('xl/workbook.xml')?.toString('utf8') ?? '';
  const rels = parts.get('xl/_rels/workbook.xml.rels')?.toString('utf8') ?? '';
  const esc = name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const sheet = new RegExp(`<sheet [^>]*name="${esc.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*/>`).exec(workbook)?.[0] ?? '';
  const id = /r:id="([^"]+)"/.exec(sheet)?.[1];
  const rel = [...rels.matchAll(/<Relationship [^>]*\/>/g)].map((m) => m[0]).find((r) => r.includes(`Id="${id}"`)) ?? '';
  const target = /Target="([^"]+)"/.exec(rel)?.[1] ?? '';
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** Each `<c>` element of a sheet's XML, by its reference, exactly as written. */
export function cellXml(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"(?:[^>]*\/>|[^>]*>[\s\S]*?<\/c>)/g)) out.set(m[1] ?? '', m[0]);
  return out;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** A serial day number (1900 system, days since 1899-12-30) as a DateCell, to the second. */
function serialDate(serial: number): Cell {
  const t = new Date(Math.round((serial * 86_400_000 + Date.UTC(1899, 11, 30)) / 1000) * 1000);
  const day = `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  const h = t.getUTCHours(); const m = t.getUTCMinutes(); const s = t.getUTCSeconds();
  return { date: h === 0 && m === 0 && s === 0 ? day : `${day}T${pad(h)}:${pad(m)}:${pad(s)}` };
}

/** Tab `name` as SheetJS reads it: every row from row 1, as domain cells. A number is a date
 *  when SheetJS takes its format for one; the serial is turned into a date here, without the
 *  process's time zone. */
export function sheetjsGrid(path: string, name: string): Cell[][] {
  const book = XLSX.read(readFileSync(path), { cellNF: true });
  const sheet = book.Sheets[name];
  if (!sheet) throw new Error(`SheetJS finds no tab ${name}`);
  const range = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1');
  const grid: Cell[][] = [];
  for (let r = 0; r <= range.e.r; r++) {
    const row: Cell[] = [];
    for (let c = 0; c <= range.e.c; c++) {
      const cell = sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
      if (!cell || cell.t === 'z' || cell.v === undefined) row.push(null);
      else if (cell.t === 'n' && cell.z !== undefined && XLSX.SSF.is_date(cell.z)) row.push(serialDate(cell.v as number));
      else row.push(cell.v as string | number | boolean);
    }
    grid.push(row);
  }
  return grid;
}

const blank = (c: Cell | undefined): boolean => c === undefined || c === null || c === '';

/** A grid as readers agree to see it: '' as blank, midnight dates as days, no trailing blank
 *  cells, no trailing rows that are blank or only spaces (what readWorkbookFile drops). */
export function normalGrid(grid: readonly (readonly (Cell | undefined)[])[]): Cell[][] {
  const rows = grid.map((row) => {
    const out = row.map((c): Cell => {
      if (blank(c)) return null;
      if (isDateCell(c as Cell)) return { date: (c as { date: string }).date.replace(/T00:00:00$/, '') };
      if (typeof c === 'number' && Object.is(c, -0)) return 0;
      return c as Cell;
    });
    while (out.length > 0 && out[out.length - 1] === null) out.pop();
    return out;
  });
  const spaceOnly = (row: readonly Cell[]): boolean => row.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
  while (rows.length > 1 && spaceOnly(rows[rows.length - 1] ?? [])) rows.pop();
  return rows;
}
