import * as fc from 'fast-check';
import { parseCivilDate } from '../../../src/domain/civil-date';
import { parseBoolean, parseCell, parseDateCell, parseTimeCell, parseTimestampCell, splitList } from '../../../src/domain/parse/parse-cell';
import { parseSlot, ALL_SLOTS, slotLabel } from '../../../src/domain/slots';
import { MEMBERS_TAB, JOBS_TAB, MATCHES_TAB } from '../../../src/domain/schema/tabs';
import type { Column } from '../../../src/domain/schema/column';

const column = (tab: { columns: readonly Column[] }, key: string): Column => {
  const c = tab.columns.find((x) => x.key === key);
  if (!c) throw new Error(`no column ${key}`);
  return c;
};

describe('parseCivilDate', () => {
  it('reads YYYY-MM-DD and YYYY/M/D and rejects impossible days', () => {
    expect(parseCivilDate('2015-04-01')).toBe('2015-04-01');
    expect(parseCivilDate('2015/4/1')).toBe('2015-04-01');
    expect(parseCivilDate('２０１５／０４／０１')).toBe('2015-04-01');
    expect(parseCivilDate('2015-02-30')).toBeNull();
    expect(parseCivilDate('2015-02-29')).toBeNull();
    expect(parseCivilDate('2016-02-29')).toBe('2016-02-29');
    expect(parseCivilDate('2015-13-01')).toBeNull();
    expect(parseCivilDate('H27.4.1')).toBeNull();
  });

  it('round-trips every real day and never accepts a day the calendar does not have', () => {
    fc.assert(fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
      const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      // The calendar's own answer, independent of the parser: day d exists when Date.UTC keeps it.
      const real = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
      const parsed = parseCivilDate(text);
      expect(parsed).toBe(real ? text : null);
      if (real) expect(parseCivilDate(`${y}/${m}/${d}`)).toBe(text);
    }));
  });
});

describe('splitList', () => {
  it('splits on , 、 and ・ and drops blanks', () => {
    expect(splitList('草刈り、剪定・清掃, 事務,,')).toEqual(['草刈り', '剪定', '清掃', '事務']);
    expect(splitList('')).toEqual([]);
  });

  it('gives back the items it was given, whichever separator joins them', () => {
    const item = fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !/[,、・，､]/.test(s) && s.trim() === s && s !== '');
    fc.assert(fc.property(fc.array(item, { maxLength: 6 }), fc.constantFrom(',', '、', '・', ', '), (items, sep) => {
      expect(splitList(items.join(sep))).toEqual(items);
    }));
  });
});

describe('parseSlot', () => {
  it('reads Japanese and English forms', () => {
    expect(parseSlot('月AM')).toBe('Mon-AM');
    expect(parseSlot('火曜午後')).toBe('Tue-PM');
    expect(parseSlot('mon am')).toBe('Mon-AM');
    expect(parseSlot('Sun-PM')).toBe('Sun-PM');
    expect(parseSlot('月')).toBeNull();
    expect(parseSlot('Xyz-AM')).toBeNull();
  });

  it('reads back every slot from its label in both languages', () => {
    fc.assert(fc.property(fc.constantFrom(...ALL_SLOTS), fc.constantFrom('ja' as const, 'en' as const), (slot, lang) => {
      expect(parseSlot(slotLabel(slot, lang))).toBe(slot);
    }));
  });

  it('returns a slot or null for any text, never throwing', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const r = parseSlot(s);
      expect(r === null || ALL_SLOTS.includes(r)).toBe(true);
    }));
  });
});

describe('parseCell', () => {
  it('reads enumerations by Japanese label or English code', () => {
    expect(parseCell(column(MEMBERS_TAB, 'gender'), '女性')).toEqual({ ok: true, value: 'female' });
    expect(parseCell(column(MEMBERS_TAB, 'gender'), 'Female')).toEqual({ ok: true, value: 'female' });
    const bad = parseCell(column(MEMBERS_TAB, 'gender'), '女');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.code).toBe('bad_enum');
  });

  it('reads dates from date cells and text, and names an impossible one', () => {
    const joined = column(MEMBERS_TAB, 'joined_on');
    expect(parseCell(joined, { date: '2015-04-01' })).toEqual({ ok: true, value: '2015-04-01' });
    expect(parseCell(joined, { date: '2015-04-01T09:30:00' })).toEqual({ ok: true, value: '2015-04-01' });
    expect(parseCell(joined, '2015/04/01')).toEqual({ ok: true, value: '2015-04-01' });
    expect(parseCell(joined, '2015-02-30')).toEqual({ ok: false, code: 'bad_date', params: { value: '2015-02-30' } });
    expect(parseCell(joined, null)).toEqual({ ok: false, code: 'required', params: { header: '入会日' } });
  });

  it('gives blank optional cells their obvious blank', () => {
    expect(parseCell(column(MEMBERS_TAB, 'left_on'), '')).toEqual({ ok: true, value: null });
    expect(parseCell(column(MEMBERS_TAB, 'skills'), null)).toEqual({ ok: true, value: [] });
    expect(parseCell(column(MEMBERS_TAB, 'consent'), null)).toEqual({ ok: true, value: false });
    expect(parseCell(column(MEMBERS_TAB, 'name'), null)).toEqual({ ok: true, value: '' });
  });

  it('reads slot lists and motivation lists with 、', () => {
    expect(parseCell(column(MEMBERS_TAB, 'availability'), '月AM、月AM・火PM')).toEqual({ ok: true, value: ['Mon-AM', 'Tue-PM'] });
    expect(parseCell(column(MEMBERS_TAB, 'motivations'), '健康、収入')).toEqual({ ok: true, value: ['health', 'income'] });
  });

  it('checks integers and ranges', () => {
    expect(parseCell(column(JOBS_TAB, 'headcount'), '２')).toEqual({ ok: true, value: 2 });
    expect(parseCell(column(JOBS_TAB, 'headcount'), 1.5)).toMatchObject({ ok: false, code: 'bad_integer' });
    expect(parseCell(column(JOBS_TAB, 'headcount'), 0)).toMatchObject({ ok: false, code: 'out_of_range' });
    expect(parseCell(column(MATCHES_TAB, 'fit_score'), 'abc')).toMatchObject({ ok: false, code: 'bad_number' });
  });

  it('reads a number typed into an ID cell as the same ID text', () => {
    expect(parseCell(column(MEMBERS_TAB, 'member_id'), 12)).toEqual({ ok: true, value: '12' });
  });
});

describe('booleans, times and timestamps', () => {
  it('accepts checkbox values and the words of workbook.md', () => {
    for (const v of [true, 'TRUE', 'はい', 'yes', 1, '1']) expect(parseBoolean(v)).toBe(true);
    for (const v of [false, 'FALSE', 'いいえ', 'no', 0, '0', '']) expect(parseBoolean(v)).toBe(false);
    expect(parseBoolean('たぶん')).toBeNull();
  });

  it('reads times as text, as a date cell with a time and as a fraction of a day', () => {
    expect(parseTimeCell('9:05')).toBe('09:05');
    expect(parseTimeCell({ date: '1899-12-30T14:00:00' })).toBe('14:00');
    // 14:00 is 14/24 of a day.
    expect(parseTimeCell(14 / 24)).toBe('14:00');
    expect(parseTimeCell('25:00')).toBeNull();
  });

  it('reads timestamps from text and date cells', () => {
    expect(parseTimestampCell('2015/04/01 9:30')).toBe('2015-04-01T09:30:00');
    expect(parseTimestampCell({ date: '2015-04-01T09:30:15' })).toBe('2015-04-01T09:30:15');
    expect(parseDateCell('2015-04-01T23:59:00')).toBe('2015-04-01');
  });
});
