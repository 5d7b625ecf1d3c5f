import JSZip from 'jszip';
import {
  chmodSync, copyFileSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync,
  symlinkSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cell } from '../../src/domain/cell';
import { MemoryTableStore } from '../../src/local/memory-table-store';
import { readWorkbookFile, WorkbookFileError, writeWorkbookFile } from '../../src/local/xlsx-workbook-file';
import { runIkigai } from '../cli/run-cli';
import { fyBoundaryTables } from '../app/weekly/fixture';
import { cellXml, sheetjsGrid, sheetPart, zipParts } from './xlsx-helpers';

// Saving over an existing workbook rewrites only the cells whose values changed: an unchanged
// store leaves the file alone, other parts stay byte for byte, a symbolic link stays a link,
// the file keeps its mode, formulas stay unless their cell is overwritten. And reading a damaged
// workbook names the part that is damaged, in a line a person can act on.

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'ikigai-write-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function freshWorkbook(name = 'center.xlsx'): Promise<string> {
  const path = join(dir, name);
  await writeWorkbookFile(MemoryTableStore.from(fyBoundaryTables()), path);
  return path;
}

async function rewritePackage(path: string, change: (zip: JSZip) => Promise<void> | void): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  await change(zip);
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

const tmpFiles = (folder: string): string[] => readdirSync(folder).filter((f) => f.endsWith('.tmp'));

describe('saving over an existing workbook', () => {
  it('leaves the file untouched, bytes and time, when the store holds what the file holds', async () => {
    const path = await freshWorkbook();
    const bytes = readFileSync(path);
    const mtime = statSync(path).mtimeMs;
    // Read just before (the comparison reuses what was read) …
    await writeWorkbookFile(await readWorkbookFile(path), path);
    // … or from another copy (the file is read again to compare).
    const copy = join(dir, 'copy.xlsx');
    copyFileSync(path, copy);
    await writeWorkbookFile(await readWorkbookFile(copy), path);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(statSync(path).mtimeMs).toBe(mtime);
  });

  it('rewrites only the changed tab\'s part, and in it only the changed cell', async () => {
    const path = await freshWorkbook();
    const before = await zipParts(path);
    const store = await readWorkbookFile(path);
    const members = store.read(['会員'])!;
    const rows = members.rows.map((r) => [...r]);
    rows[1]![1] = '佐々木 一郎（変更）';
    store.replace('会員', members.header, rows);
    await writeWorkbookFile(store, path);
    const after = await zipParts(path);
    const part = sheetPart(after, '会員');
    expect([...after.keys()]).toEqual([...before.keys()]);
    expect([...after.keys()].filter((k) => !after.get(k)!.equals(before.get(k)!))).toEqual([part]);
    const cellsBefore = cellXml(before.get(part)!.toString('utf8'));
    const cellsAfter = cellXml(after.get(part)!.toString('utf8'));
    expect([...cellsAfter.keys()].filter((ref) => cellsAfter.get(ref) !== cellsBefore.get(ref))).toEqual(['B3']);
    expect(cellsAfter.get('B3')).toContain('佐々木 一郎（変更）');
    expect((await readWorkbookFile(path)).read(['会員'])?.rows).toEqual(rows);
  });

  it('keeps a tab the store lacks, adds a tab the file lacks, and clears the rows a shorter table lost', async () => {
    const path = await freshWorkbook();
    const before = await zipParts(path);
    const tables = fyBoundaryTables().filter((t) => t.name !== 'イベント');
    const store = MemoryTableStore.from(tables);
    const activities = store.read(['活動記録'])!;
    store.replace('活動記録', activities.header, activities.rows.slice(0, 2));
    store.replace('独自集計', ['区分', '件数', '日付'], [['訪問', 3, { date: '2016-04-01' }], ['電話', 1, { date: '2016-04-02T09:30:00' }]]);
    await writeWorkbookFile(store, path);
    const back = await readWorkbookFile(path);
    expect(back.tabNames()).toEqual([...fyBoundaryTables().map((t) => t.name), '独自集計']);
    expect(back.read(['イベント'])).toEqual(MemoryTableStore.from(fyBoundaryTables()).read(['イベント']));
    const after = await zipParts(path);
    expect(after.get(sheetPart(after, 'イベント'))).toEqual(before.get(sheetPart(before, 'イベント')));
    expect(back.read(['活動記録'])?.rows).toEqual(activities.rows.slice(0, 2));
    expect(back.read(['独自集計'])?.rows).toEqual([['訪問', 3, { date: '2016-04-01' }], ['電話', 1, { date: '2016-04-02T09:30:00' }]]);
    expect(sheetjsGrid(path, '独自集計')[2]).toEqual(['電話', 1, { date: '2016-04-02T09:30:00' }]);
    // The new tab's header is bold and frozen, as the fresh writer makes it.
    const xml = after.get(sheetPart(after, '独自集計'))!.toString('utf8');
    expect(xml).toContain('state="frozen"');
  });

  it('keeps the file\'s mode and writes through a symbolic link, which stays a link', async () => {
    const real = await freshWorkbook('real.xlsx');
    chmodSync(real, 0o600);
    mkdirSync(join(dir, 'links'));
    const link = join(dir, 'links', 'center.xlsx');
    symlinkSync('../real.xlsx', link);
    const store = await readWorkbookFile(link);
    store.append('活動記録', [['A006', '2016-04-05', 'jc1@center.example', '開拓', '訪問', null, 'C001', null, 30]]);
    await writeWorkbookFile(store, link);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('../real.xlsx');
    expect(statSync(real).mode & 0o777).toBe(0o600);
    expect((await readWorkbookFile(real)).read(['活動記録'])?.rows).toHaveLength(6);
    expect([...tmpFiles(dir), ...tmpFiles(join(dir, 'links'))]).toEqual([]);

    // A link to a file that does not exist yet: the file is made where the link points.
    const dangling = join(dir, 'links', 'new.xlsx');
    symlinkSync('../made.xlsx', dangling);
    await writeWorkbookFile(MemoryTableStore.from(fyBoundaryTables()), dangling);
    expect(lstatSync(dangling).isSymbolicLink()).toBe(true);
    expect((await readWorkbookFile(join(dir, 'made.xlsx'))).tabNames()).toContain('会員');
  });

  it('patches sheets written tersely: an empty <sheetData/>, no <dimension>, no spans or styles', async () => {
    const path = join(dir, 'terse.xlsx');
    await writeWorkbookFile(MemoryTableStore.from([{ name: 'A', header: ['x'], rows: [['old']] }, { name: 'B', header: ['y'], rows: [] }]), path);
    const parts = await zipParts(path);
    const a = sheetPart(parts, 'A'); const b = sheetPart(parts, 'B');
    await rewritePackage(path, (zip) => {
      zip.file(a, parts.get(a)!.toString('utf8').replace(/<dimension [^>]*\/>/, '')
        .replace(/<sheetData>[\s\S]*<\/sheetData>/, '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2" t="b"><v>1</v></c></row></sheetData>'));
      zip.file(b, parts.get(b)!.toString('utf8').replace(/<sheetData>[\s\S]*<\/sheetData>/, '<sheetData/>'));
    });
    const store = await readWorkbookFile(path);
    expect(store.read(['A'])?.rows).toEqual([[1, true]]);
    expect(store.read(['B'])?.header).toEqual([]);
    store.replace('A', ['x', 'z'], [[1, false], ['new', null]]);
    store.replace('B', ['y'], [['added']]);
    await writeWorkbookFile(store, path);
    const back = await readWorkbookFile(path);
    expect(back.read(['A'])).toMatchObject({ header: ['x', 'z'], rows: [[1, false], ['new']] });
    expect(back.read(['B'])).toMatchObject({ header: ['y'], rows: [['added']] });
    expect(sheetjsGrid(path, 'A')).toEqual([['x', 'z'], [1, false], ['new', null]]);
    expect(sheetjsGrid(path, 'B')).toEqual([['y'], ['added']]);
  });

  it('fails without a trace: the file as it was and no temporary file', async () => {
    const path = await freshWorkbook();
    const bytes = readFileSync(path);
    const store = await readWorkbookFile(path);
    store.replace('bad[name]', ['a'], [['b']]);
    await expect(writeWorkbookFile(store, path)).rejects.toThrow(/tab name/);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(tmpFiles(dir)).toEqual([]);
  });
});

describe('formulas in a patched tab', () => {
  // 計算: B2:B4 one shared formula (B2 its master), C2 a formula with a text result; a
  // calculation chain lists them, as Excel writes it.
  const SHEET_DATA = '<sheetData>'
    + '<row r="1"><c r="A1" t="inlineStr"><is><t>n</t></is></c><c r="B1" t="inlineStr"><is><t>double</t></is></c><c r="C1" t="inlineStr"><is><t>label</t></is></c></row>'
    + '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" ref="B2:B4" si="0">A2*2</f><v>4</v></c><c r="C2" t="str"><f>"x"&amp;A2</f><v>x2</v></c></row>'
    + '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>6</v></c></row>'
    + '<row r="4"><c r="A4"><v>4</v></c><c r="B4"><f t="shared" si="0"/><v>8</v></c></row>'
    + '</sheetData>';
  const CALC_CHAIN = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B2" i="1"/><c r="B3"/><c r="B4"/><c r="C2"/></calcChain>';

  async function withFormulas(): Promise<{ path: string; part: string }> {
    const path = join(dir, 'calc.xlsx');
    await writeWorkbookFile(MemoryTableStore.from([...fyBoundaryTables(), { name: '計算', header: ['n'], rows: [] }]), path);
    const part = sheetPart(await zipParts(path), '計算');
    await rewritePackage(path, async (zip) => {
      const xml = await zip.file(part)!.async('string');
      zip.file(part, xml.replace(/<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/, SHEET_DATA).replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:C4"/>'));
      zip.file('xl/calcChain.xml', CALC_CHAIN);
      const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
      zip.file('xl/_rels/workbook.xml.rels', rels.replace('</Relationships>',
        '<Relationship Id="rIdCalc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'));
      const types = await zip.file('[Content_Types].xml')!.async('string');
      zip.file('[Content_Types].xml', types.replace('</Types>',
        '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'));
    });
    return { path, part };
  }

  it('are read as their results and left as written when their value did not change', async () => {
    const { path, part } = await withFormulas();
    const store = await readWorkbookFile(path);
    expect(store.read(['計算'])?.rows).toEqual([[2, 4, 'x2'], [3, 6], [4, 8]]);
    const before = cellXml((await zipParts(path)).get(part)!.toString('utf8'));
    store.update('計算', 3, [[30, 6]]);
    await writeWorkbookFile(store, path);
    const parts = await zipParts(path);
    const after = cellXml(parts.get(part)!.toString('utf8'));
    for (const ref of ['B2', 'B3', 'B4', 'C2']) expect([ref, after.get(ref)]).toEqual([ref, before.get(ref)]);
    expect(after.get('A3')).toBe('<c r="A3"><v>30</v></c>');
    expect(parts.has('xl/calcChain.xml')).toBe(true);
    // The cached results may be stale now: spreadsheet apps are asked to recalculate on open.
    expect(parts.get('xl/workbook.xml')!.toString('utf8')).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
  });

  it('give way to the value written over them; cells that shared the formula keep their values', async () => {
    const { path, part } = await withFormulas();
    const store = await readWorkbookFile(path);
    store.update('計算', 2, [[2, '手入力', 'y']]);
    await writeWorkbookFile(store, path);
    const parts = await zipParts(path);
    const xml = parts.get(part)!.toString('utf8');
    expect(xml).not.toContain('<f');
    expect(parts.has('xl/calcChain.xml')).toBe(false);
    expect(parts.get('xl/_rels/workbook.xml.rels')!.toString('utf8')).not.toContain('calcChain');
    expect(parts.get('[Content_Types].xml')!.toString('utf8')).not.toContain('calcChain');
    const expected: Cell[][] = [[2, '手入力', 'y'], [3, 6], [4, 8]];
    expect((await readWorkbookFile(path)).read(['計算'])?.rows).toEqual(expected);
    expect(sheetjsGrid(path, '計算').slice(1)).toEqual([[2, '手入力', 'y'], [3, 6, null], [4, 8, null]]);
  });
});

describe('reading a damaged or unusual workbook', () => {
  async function detailOf(path: string): Promise<string> {
    const error: unknown = await readWorkbookFile(path).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookFileError);
    const problem = (error as WorkbookFileError).problem;
    expect(problem.code).toBe('not_a_workbook');
    return String(problem.params.detail);
  }

  it('reads a cell comment another tool wrote (openpyxl\'s comments and VML parts)', async () => {
    const path = await freshWorkbook();
    const part = sheetPart(await zipParts(path), '会員');
    const rels = part.replace(/([^/]+)$/, '_rels/$1.rels');
    await rewritePackage(path, async (zip) => {
      zip.file('xl/comments/comment1.xml', '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>staff</author></authors><commentList><comment ref="A2" authorId="0"><text><t>確認済み</t></text></comment></commentList></comments>');
      zip.file('xl/drawings/commentsDrawing1.vml', '<xml xmlns:v="urn:schemas-microsoft-com:vml"><v:shape type="#_x0000_t202"/></xml>');
      zip.file(rels, '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="/xl/comments/comment1.xml" Id="comments"/>'
        + '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="/xl/drawings/commentsDrawing1.vml" Id="anysvml"/></Relationships>');
      const xml = await zip.file(part)!.async('string');
      zip.file(part, xml.replace('</worksheet>', '<legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="anysvml"/></worksheet>'));
    });
    const bytes = readFileSync(path);
    expect((await readWorkbookFile(path)).read(['会員'])?.rows).toHaveLength(5);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    const run = await runIkigai(dir, ['check', '--workbook', 'center.xlsx']);
    expect([run.code, `${run.out}\n${run.err}`]).toEqual([0, '問題はありません\n']);
  });

  it('names the sheet whose cell points past the shared strings', async () => {
    const path = await freshWorkbook();
    const part = sheetPart(await zipParts(path), 'コーディネータ');
    await rewritePackage(path, async (zip) => {
      const xml = await zip.file(part)!.async('string');
      zip.file(part, xml.replace(/(<c r="A2"[^>]*t="s"[^>]*><v>)\d+/, '$1999999'));
    });
    const detail = await detailOf(path);
    expect(detail).toBe(`${part}: cell A2 points to shared string 999999, but xl/sharedStrings.xml has ${detail.split(' has ')[1]}`);
    expect(detail).not.toMatch(/Cannot|undefined/);
    const run = await runIkigai(dir, ['check', '--workbook', 'center.xlsx']);
    expect(run.code).toBe(1);
    // check prints its findings on stdout.
    expect(run.out).toContain('ワークブック（.xlsx）として読めません');
    expect(`${run.out}\n${run.err}`).not.toMatch(/Cannot|undefined|richText/);
  });

  it('names the sheet whose XML is cut short', async () => {
    const path = await freshWorkbook();
    const part = sheetPart(await zipParts(path), '会員');
    await rewritePackage(path, async (zip) => {
      const xml = await zip.file(part)!.async('string');
      zip.file(part, xml.slice(0, Math.floor(xml.length / 2)));
    });
    expect(await detailOf(path)).toBe(`${part}: truncated or not well-formed XML`);
    const run = await runIkigai(dir, ['check', '--workbook', 'center.xlsx']);
    expect(run.code).toBe(1);
    expect(`${run.out}\n${run.err}`).not.toMatch(/Cannot|undefined|sheetNo/);
  });

  it('keeps an Excel error value as its text', async () => {
    const path = await freshWorkbook();
    const part = sheetPart(await zipParts(path), '会員');
    await rewritePackage(path, async (zip) => {
      const xml = await zip.file(part)!.async('string');
      zip.file(part, xml.replace(/<c r="I2"[^>]*>[\s\S]*?<\/c>/, '<c r="I2" t="e"><v>#N/A</v></c>'));
    });
    expect((await readWorkbookFile(path)).read(['会員'])?.rows[0]?.[8]).toBe('#N/A');
  });
});
