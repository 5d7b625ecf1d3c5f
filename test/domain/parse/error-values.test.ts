import * as fc from 'fast-check';
import { parseSettings } from '../../../src/domain/settings';
import { columnLetter, type Cell } from '../../../src/domain/cell';
import { formatProblem } from '../../../src/domain/messages/catalog';
import { ERROR_VALUES, errorValueOf, isNonFinite } from '../../../src/domain/parse/error-value';
import { parseCell } from '../../../src/domain/parse/parse-cell';
import { parseTable } from '../../../src/domain/parse/parse-table';
import type { Column } from '../../../src/domain/schema/column';
import { ACTIVITIES_TAB, DATA_TABS, EVENTS_TAB, JOBS_TAB, MATCHES_TAB, MEMBERS_TAB, type TabDef } from '../../../src/domain/schema/tabs';
import { READ_TABS } from '../../../src/domain/workbook';
import { rawWorkbook } from '../raw-workbook';

// workbook.md: a cell holding an error value (a formula that failed) or a number that is not
// finite is a problem wherever a value is read, never an ID, a number or a text.

const column = (tab: TabDef, key: string): Column => {
  const c = tab.columns.find((x) => x.key === key);
  if (!c) throw new Error(`no column ${key}`);
  return c;
};

// The literals as Excel and Google Sheets show them, typed here, not taken from the code.
const LITERALS = ['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA'];

describe('errorValueOf', () => {
  it('knows the error values of the red team list, and Sheets’ #ERROR!', () => {
    for (const e of [...LITERALS, '#ERROR!']) expect(errorValueOf(e)).toBe(e);
    expect(ERROR_VALUES).toEqual(expect.arrayContaining(LITERALS));
  });

  it('reads one padded, in small letters or full width as the same error value', () => {
    expect(errorValueOf(' #N/A ')).toBe('#N/A');
    expect(errorValueOf('\u3000#ref!')).toBe('#REF!');
    expect(errorValueOf('＃Ｎ／Ａ')).toBe('#N/A');
    expect(errorValueOf('#div/0!\u3000')).toBe('#DIV/0!');
  });

  it('leaves text that only looks like one alone', () => {
    for (const text of ['#1', '#N/A を直す', 'see #REF!', 'N/A', '#NA', '#', '', '＃１番']) expect(errorValueOf(text)).toBeNull();
    for (const c of [0, 1, true, null, { date: '2015-04-01' }] as Cell[]) expect(errorValueOf(c)).toBeNull();
  });
});

describe('isNonFinite', () => {
  it('is true for NaN and ±Infinity as numbers and as the text JavaScript or Python prints', () => {
    for (const c of [NaN, Infinity, -Infinity, 'NaN', 'nan', 'Infinity', '-Infinity', '+Infinity', 'inf', '-inf', ' NaN ']) expect(isNonFinite(c)).toBe(true);
    for (const c of [0, -1, 1e308, 'N', 'Nana', 'info', 'M00001', '', null, true] as Cell[]) expect(isNonFinite(c)).toBe(false);
  });
});

describe('a cell holding an error value', () => {
  it('is the error_value problem in every column of every tab, required or not, whatever its type', () => {
    for (const def of DATA_TABS) {
      for (const c of def.columns as readonly Column[]) {
        for (const e of LITERALS) {
          expect([`${def.ja}.${c.key}`, parseCell(c, e)]).toEqual([`${def.ja}.${c.key}`, { ok: false, code: 'error_value', params: { value: e } }]);
        }
      }
    }
  });

  it('names its cell and leaves out a row whose ID is #N/A, without counting #N/A as an ID', () => {
    const parsed = parseTable(MEMBERS_TAB, {
      name: '会員', header: ['会員ID', '入会日', '週上限日数'],
      rows: [['M1', '2015-04-01', 3], ['#N/A', '2015-04-01', 2], ['M3', '2015-04-01', '#DIV/0!']],
    });
    expect(parsed.problems.map((p) => formatProblem(p, 'ja'))).toEqual([
      '会員!A3: エラー値 #N/A が入っています（式を直すか、値を入れてください）',
      '会員!C4: エラー値 #DIV/0! が入っています（式を直すか、値を入れてください）',
    ]);
    // M3 is kept (週上限日数 is optional) with the bad cell read as blank.
    expect(parsed.records.map((r) => [r.member_id, r.max_days_per_week])).toEqual([['M1', 3], ['M3', null]]);
    expect(parsed.droppedIds).toEqual([]);
  });

  it('speaks English in the English catalog', () => {
    const parsed = parseTable(JOBS_TAB, { name: 'Jobs', header: ['job_id', 'title'], rows: [['J1', '#REF!']] });
    expect(parsed.problems.map((p) => formatProblem(p, 'en'))).toEqual(['Jobs!B2: holds the error value #REF! (fix the formula or type the value)']);
  });

  it('in a reference is its own problem, not a reference to a record that does not exist', () => {
    const wb = rawWorkbook({
      会員: { header: ['会員ID', '入会日'], rows: [['M1', '2015-04-01']] },
      マッチング: { header: ['マッチングID', '仕事ID', '会員ID', '契約形態', '状態'], rows: [['X1', '#N/A', 'M1', '派遣', '候補'], ['X2', null, '#REF!', '派遣', '候補']] },
    });
    expect(wb.problems.map((p) => `${p.tab}!${p.cell} ${p.code}`)).toEqual(['マッチング!B2 error_value', 'マッチング!C3 error_value']);
    expect(wb.matches.map((m) => [m.match_id, m.job_id])).toEqual([['X1', null]]);
  });
});

describe('a number that is not finite', () => {
  const memberId = column(MEMBERS_TAB, 'member_id');
  const jobId = column(JOBS_TAB, 'job_id');
  const refId = column(MATCHES_TAB, 'job_id');

  it('is never an ID, as a number or as its text', () => {
    for (const c of [NaN, Infinity, -Infinity, 'NaN', 'Infinity', '-Infinity', 'nan']) {
      for (const col of [memberId, jobId, refId]) {
        expect(parseCell(col, c)).toEqual({ ok: false, code: 'not_finite', params: { value: typeof c === 'number' ? String(c) : c } });
      }
    }
    // An ID that only contains the letters is an ID.
    expect(parseCell(memberId, 'NaN1')).toEqual({ ok: true, value: 'NaN1' });
    expect(parseCell(memberId, 12)).toEqual({ ok: true, value: '12' });
  });

  it('is never a number, a time, a date, a yes/no or a text', () => {
    const cells: Array<[TabDef, string]> = [
      [JOBS_TAB, 'headcount'], [MATCHES_TAB, 'fit_score'], [EVENTS_TAB, 'start_time'], [ACTIVITIES_TAB, 'date'],
      [JOBS_TAB, 'social_contribution'], [MEMBERS_TAB, 'name'], [MEMBERS_TAB, 'skills'],
    ];
    for (const [def, key] of cells) {
      for (const n of [NaN, Infinity, -Infinity]) {
        expect([key, parseCell(column(def, key), n)]).toEqual([key, { ok: false, code: 'not_finite', params: { value: String(n) } }]);
      }
    }
    // The text in a number column was never a number either.
    expect(parseCell(column(JOBS_TAB, 'headcount'), 'Infinity')).toMatchObject({ ok: false, code: 'bad_number' });
    // (Before, a NaN day fraction read as the time `NaN:NaN`.)
    expect(parseCell(column(EVENTS_TAB, 'start_time'), NaN)).toMatchObject({ ok: false });
  });

  it('says so in both languages', () => {
    const parsed = parseTable(MEMBERS_TAB, { name: '会員', header: ['会員ID', '入会日'], rows: [[NaN, '2015-04-01']] });
    const [problem] = parsed.problems;
    expect(problem && formatProblem(problem, 'ja')).toBe('会員!A2: 「NaN」は値として使えません（数の計算に失敗した結果です）');
    expect(problem && formatProblem(problem, 'en')).toBe('会員!A2: "NaN" cannot be used as a value (it is what a failed calculation leaves)');
    expect(parsed.records).toEqual([]);
  });
});

// A sound row of `def`: its required cells filled with a value of their type, the rest blank.
function soundRow(def: TabDef, header: readonly Column[], i: number): Cell[] {
  return header.map((c) => {
    if (!c.required) return null;
    if (c.type === 'id') return `${c.key}-${i}`;
    if (c.type === 'date') return '2015-04-01';
    if (c.type === 'enum') return c.enumeration.codes[0] ?? null;
    if (c.type === 'number' || c.type === 'int') return i;
    return `${def.key}-${i}`;
  });
}

describe('error values anywhere in a random table', () => {
  it('are each reported with the A1 cell they stand in, and nothing else is', () => {
    const padding = fc.array(fc.constantFrom(' ', '\u3000'), { maxLength: 2 }).map((s) => s.join(''));
    // Each literal as typed: padded, in small letters or not.
    const literal = fc.tuple(fc.constantFrom(...LITERALS), fc.boolean(), padding, padding)
      .map(([e, lower, before, after]) => ({ canonical: e, text: `${before}${lower ? e.toLowerCase() : e}${after}` }));
    const table = fc.constantFrom(...READ_TABS).chain((def) => fc.record({
      def: fc.constant(def as TabDef),
      header: fc.shuffledSubarray([...(def.columns as readonly Column[])], { minLength: def.columns.length, maxLength: def.columns.length }),
      rowCount: fc.integer({ min: 1, max: 6 }),
    })).chain(({ def, header, rowCount }) => fc.record({
      def: fc.constant(def), header: fc.constant(header), rowCount: fc.constant(rowCount),
      // Where the error values go: (row, column) pairs, each at most once.
      errors: fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: rowCount - 1 }), fc.integer({ min: 0, max: header.length - 1 }), literal),
        { minLength: 1, maxLength: 5, selector: ([r, c]) => `${r},${c}` }),
    }));
    fc.assert(fc.property(table, ({ def, header, rowCount, errors }) => {
      const rows = Array.from({ length: rowCount }, (_, i) => soundRow(def, header, i));
      for (const [r, c, { text }] of errors) (rows[r] as Cell[])[c] = text;
      const parsed = parseTable(def, { name: def.ja, header: header.map((c) => c.ja), rows });
      const got = parsed.problems.map((p) => `${p.cell} ${p.code} ${p.params.value}`).sort();
      // Row r is sheet row r + 2 (row 1 is the header); column c is its letter.
      const expected = errors.map(([r, c, { canonical }]) => `${columnLetter(c)}${r + 2} error_value ${canonical}`).sort();
      expect(got).toEqual(expected);
      // A row with an error value in a required cell is left out; every other row is read.
      const dropped = new Set(errors.filter(([, c]) => header[c]?.required).map(([r]) => r));
      expect(parsed.records).toHaveLength(rowCount - dropped.size);
    }), { numRuns: 500 });
  });
});

describe('error values in 設定', () => {
  it('reports #N/A as センター名 with its cell and keeps the default name', () => {
    const { settings, problems } = parseSettings({ name: '設定', header: ['項目', '値'], rows: [['センター名', '#N/A'], ['言語', 'ja']] });
    expect(settings.centerName).toBe('');
    expect(problems).toEqual([{ tab: '設定', cell: 'B2', code: 'error_value', params: { value: '#N/A' } }]);
  });
});
