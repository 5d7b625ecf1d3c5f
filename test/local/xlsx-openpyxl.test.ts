import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryTableStore } from '../../src/local/memory-table-store';
import { readWorkbookFile, writeWorkbookFile } from '../../src/local/xlsx-workbook-file';
import { runIkigai } from '../cli/run-cli';
import { fyBoundaryTables } from '../app/weekly/fixture';

// A workbook that another tool made: openpyxl (Debian's python3-openpyxl) opens one our writer
// made and adds what a center adds in Excel — a formula in its own tab and in an extra column of
// 会員, a hidden tab, merged cells, a validation, a conditional format, a defined name, a
// comment, number formats, fills, fonts, a hyperlink and an autofilter — and makes it 600.
// `ikigai weekly` saves it, and openpyxl (a second, independent reader) finds all of it still
// there, the mode unchanged, and the week's row in 週次KPI.

const PYTHON = '/usr/bin/python3';
const INSTALL = 'apt-get install -y python3-openpyxl';

function openpyxlAvailable(): boolean {
  return spawnSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0;
}

const available = openpyxlAvailable();
if (!available && !process.env.CI) {
  console.warn(`test/local/xlsx-openpyxl.test.ts skipped: ${PYTHON} cannot import openpyxl (${INSTALL})`);
}
// Skipped where openpyxl is missing, but never in CI: there a missing library is a failure.
const describeWithOpenpyxl = available || process.env.CI ? describe : describe.skip;

const ADD_EXTRAS = String.raw`
import sys, openpyxl
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

src, out = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(src)
members = wb['会員']
last = members.max_row
extra = members.max_column + 1
members.cell(row=1, column=extra, value='表示名')
for r in range(2, last + 1):
    members.cell(row=r, column=extra, value='=B%d&"様"' % r)
members['A2'].comment = Comment('入会時に確認済み', 'staff')
members['C2'].fill = PatternFill('solid', fgColor='FFFF00')
members.auto_filter.ref = 'A1:K%d' % last
members.conditional_formatting.add('D2:D%d' % last, CellIsRule(operator='equal', formula=['"女性"'], fill=PatternFill('solid', bgColor='FFC7CE')))

own = wb.create_sheet('センター独自')
own['A1'] = '項目'; own['B1'] = '値'
own['A2'] = '会員数'; own['B2'] = '=COUNTA(会員!A:A)-1'
own['A3'] = '予算'; own['B3'] = 1234.5
own['B3'].number_format = '#,##0.00'
own['B3'].font = Font(bold=True, color='FF0000')
own['B3'].fill = PatternFill('solid', fgColor='DDEBF7')
own['A4'] = 'サイト'; own['A4'].hyperlink = 'https://example.jp/center'
own['D1'] = '見出し'
own.merge_cells('D1:E1')
dv = DataValidation(type='whole', operator='between', formula1='0', formula2='100', allow_blank=True)
own.add_data_validation(dv)
dv.add('B5:B20')

hidden = wb.create_sheet('非表示メモ')
hidden['A1'] = 'メモ'; hidden['A2'] = '内部用'
hidden.sheet_state = 'hidden'

name = DefinedName('会員一覧', attr_text="'会員'!$A$1:$K$%d" % last)
try:
    wb.defined_names.append(name)
except AttributeError:
    wb.defined_names['会員一覧'] = name
wb.save(out)
`;

const INSPECT = String.raw`
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
members, own, hidden = wb['会員'], wb['センター独自'], wb['非表示メモ']
extra = [c.value for c in members[1]].index('表示名') + 1
def names():
    try:
        return sorted((n.name, n.attr_text) for n in wb.defined_names.definedName)
    except AttributeError:
        return sorted((k, v.attr_text) for k, v in wb.defined_names.items())
out = {
  'sheets': [[ws.title, ws.sheet_state] for ws in wb.worksheets],
  'protected': sorted(ws.title for ws in wb.worksheets if ws.protection.sheet),
  'own_formula': own['B2'].value,
  'member_formulas': [members.cell(row=r, column=extra).value for r in range(2, members.max_row + 1)],
  'merged': sorted(str(r) for r in own.merged_cells.ranges),
  'validations': sorted([str(v.sqref), v.type, v.formula1, v.formula2] for v in own.data_validations.dataValidation),
  'conditional': sorted([str(cf.sqref), [[r.type, r.operator, r.formula] for r in cf.rules]] for cf in members.conditional_formatting),
  'defined_names': names(),
  'comment': [members['A2'].comment.text, members['A2'].comment.author] if members['A2'].comment else None,
  'number_format': own['B3'].number_format,
  'font': [own['B3'].font.b, own['B3'].font.color.rgb if own['B3'].font.color else None],
  'fill': own['B3'].fill.fgColor.rgb,
  'member_fill': members['C2'].fill.fgColor.rgb,
  'hyperlink': own['A4'].hyperlink.target if own['A4'].hyperlink else None,
  'autofilter': members.auto_filter.ref,
  'hidden_values': [[c for c in row] for row in hidden.iter_rows(values_only=True)],
  'own_values': [[c for c in row] for row in own.iter_rows(values_only=True)],
  'member_values': [[c if not hasattr(c, 'isoformat') else c.isoformat() for c in row] for row in members.iter_rows(values_only=True)],
  'kpi': [[c if not hasattr(c, 'isoformat') else c.isoformat() for c in row] for row in wb['週次KPI'].iter_rows(values_only=True)] if '週次KPI' in wb.sheetnames else None,
}
print(json.dumps(out, ensure_ascii=False))
`;

interface Found {
  sheets: [string, string][]; own_formula: string; member_formulas: string[]; merged: string[]; validations: unknown[];
  conditional: unknown[]; defined_names: [string, string][]; comment: [string, string] | null; number_format: string;
  font: [boolean, string | null]; fill: string; member_fill: string; hyperlink: string | null; autofilter: string;
  hidden_values: unknown[][]; own_values: unknown[][]; member_values: unknown[][]; kpi: unknown[][] | null;
  protected: string[];
}

// A sheet protection in the file (what Sheets' download writes for a protected tab, or a center's
// own in Excel): ikigai adds none (Excel has no warning-only protection) and must keep what is there.
const PROTECT = String.raw`
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for name in sys.argv[2:]:
    wb[name].protection.sheet = True
wb.save(sys.argv[1])
`;

function protect(dir: string, path: string, names: readonly string[]): void {
  const script = join(dir, 'protect.py');
  writeFileSync(script, PROTECT);
  execFileSync(PYTHON, ['-I', script, path, ...names]);
}

function inspect(dir: string, path: string): Found {
  const script = join(dir, 'read-back.py');
  writeFileSync(script, INSPECT);
  return JSON.parse(execFileSync(PYTHON, ['-I', script, path], { encoding: 'utf8' })) as Found;
}

/** Everything openpyxl added, which a save must keep. */
function extras(f: Found): Omit<Found, 'sheets' | 'kpi' | 'member_values' | 'protected'> & { sheets: [string, string][] } {
  const { kpi: _kpi, member_values: _members, protected: _protected, ...rest } = f;
  // 週次KPI and the add-in's own working tabs (`_活動集計`, hidden: workbook.md) are what a run
  // adds; every other sheet must come back as it was.
  return { ...rest, sheets: f.sheets.filter(([name]) => name !== '週次KPI' && !name.startsWith('_')) };
}

describeWithOpenpyxl('a workbook made by openpyxl, saved by ikigai', () => {
  let dir: string;
  let file: string;
  let before: Found;

  beforeAll(async () => {
    if (!available) throw new Error(`${PYTHON} cannot import openpyxl; CI must install it (${INSTALL})`);
    dir = mkdtempSync(join(tmpdir(), 'ikigai-openpyxl-'));
    const base = join(dir, 'base.xlsx');
    await writeWorkbookFile(MemoryTableStore.from(fyBoundaryTables()), base);
    file = join(dir, 'center.xlsx');
    writeFileSync(join(dir, 'add-extras.py'), ADD_EXTRAS);
    execFileSync(PYTHON, ['-I', join(dir, 'add-extras.py'), base, file]);
    chmodSync(file, 0o600);
    before = inspect(dir, file);
  });
  afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

  it('starts with every extra in place (so the checks below mean something)', () => {
    expect(before.sheets).toContainEqual(['非表示メモ', 'hidden']);
    expect(before.own_formula).toBe('=COUNTA(会員!A:A)-1');
    expect(before.member_formulas).toEqual(['=B2&"様"', '=B3&"様"', '=B4&"様"', '=B5&"様"', '=B6&"様"']);
    expect(before.merged).toEqual(['D1:E1']);
    expect(before.validations).toEqual([['B5:B20', 'whole', '0', '100']]);
    expect(before.conditional).toEqual([['D2:D6', [['cellIs', 'equal', ['"女性"']]]]]);
    expect(before.defined_names).toContainEqual(['会員一覧', "'会員'!$A$1:$K$6"]);
    expect(before.comment).toEqual(['入会時に確認済み', 'staff']);
    expect(before.number_format).toBe('#,##0.00');
    expect(before.font).toEqual([true, '00FF0000']);
    expect(before.fill).toBe('00DDEBF7');
    expect(before.member_fill).toBe('00FFFF00');
    expect(before.hyperlink).toBe('https://example.jp/center');
    expect(before.autofilter).toBe('A1:K6');
    expect(before.kpi).toBeNull();
  });

  it('reads (openpyxl\'s comment parts used to stop exceljs)', async () => {
    const store = await readWorkbookFile(file);
    expect(store.read(['会員'])?.rows).toHaveLength(5);
    expect(store.read(['非表示メモ'])?.rows).toEqual([['内部用']]);
  });

  it('keeps every extra, the mode and the other tabs through `ikigai weekly`, and writes the week', async () => {
    const run = await runIkigai(dir, ['weekly', '--workbook', 'center.xlsx', '--week', '2016-04-01']);
    expect([run.code, run.err]).toEqual([0, '']);
    expect(run.out).toContain('週次KPI を書き込みました');
    const after = inspect(dir, file);
    expect(extras(after)).toEqual(extras(before));
    expect(after.member_values).toEqual(before.member_values);
    expect(after.sheets.filter(([n]) => !n.startsWith('_')).map(([n]) => n)).toEqual([...before.sheets.map(([n]) => n), '週次KPI']);
    // The weekly run keeps its activity totals in its own tab, hidden, as in Google Sheets.
    expect(after.sheets).toContainEqual(['_活動集計', 'hidden']);
    expect(after.kpi).toHaveLength(2);
    expect(after.kpi?.[0]?.slice(0, 3)).toEqual(['週開始', '週終了', '会員数']);
    expect(after.kpi?.[1]?.slice(0, 3)).toEqual(['2016-03-28T00:00:00', '2016-04-03T00:00:00', 4]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    // A second week appends to the 週次KPI tab the first run added — after the file's 会員 and the
    // add-in's hidden _活動集計 got a sheet protection (as a download from Sheets carries its
    // protected tabs): both stay protected, _活動集計 hidden, through the save and the patch below.
    expect(after.protected).toEqual([]);
    protect(dir, file, ['会員', '_活動集計']);
    chmodSync(file, 0o600);
    expect((await runIkigai(dir, ['weekly', '--workbook', 'center.xlsx', '--week', '2016-04-08'])).code).toBe(0);
    const again = inspect(dir, file);
    expect(again.protected).toEqual(['_活動集計', '会員']);
    expect(again.sheets).toContainEqual(['_活動集計', 'hidden']);
    expect(extras(again)).toEqual(extras(before));
    expect(again.kpi?.map((r) => r[0])).toEqual(['週開始', '2016-03-28T00:00:00', '2016-04-04T00:00:00']);
  });

  it('patches cells of a tab openpyxl wrote, next to its formulas, comment, filter and formats', async () => {
    const store = await readWorkbookFile(file);
    const members = store.read(['会員'])!;
    const rows = members.rows.map((r) => [...r]);
    rows[1]![1] = '佐々木 一郎';
    rows.push(['M006', '新会員', null, '女性', { date: '2016-04-05' }, null, '窓口', null, null, '水AM', true]);
    store.replace('会員', members.header, rows);
    await writeWorkbookFile(store, file);
    const after = inspect(dir, file);
    expect(extras(after)).toEqual({ ...extras(before), member_formulas: [...before.member_formulas, null] });
    // A protected tab's cells patched, its protection kept (ikigai's own writes are not stopped by it).
    expect(after.protected).toEqual(['_活動集計', '会員']);
    expect(after.member_values[2]?.[1]).toBe('佐々木 一郎');
    expect(after.member_values[6]?.slice(0, 5)).toEqual(['M006', '新会員', null, '女性', '2016-04-05T00:00:00']);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const back = (await readWorkbookFile(file)).read(['会員'])!;
    expect(back.rows[5]?.slice(0, 5)).toEqual(['M006', '新会員', null, '女性', { date: '2016-04-05' }]);
  });
});
