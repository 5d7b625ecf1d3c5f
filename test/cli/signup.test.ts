import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fc from 'fast-check';
import * as XLSX from 'xlsx';
import { parseCsv } from '../../src/local/csv';
import { runIkigai } from './run-cli';

// `ikigai signup`: a center's paper and phone sign-ups played through the form's submit use case.
// The sample: one 入会説明会 (E001) with 25 places, far in the future so it is open whenever the
// test runs, and 60 answers. Every 6th answer (i % 6 === 5: 10 of them) is one the rules send to
// 要確認, in turn: no consent, an event ID no session has (E999), no name, no contact at all, and
// again. The other 50 are valid and in file order: the first 25 confirmed, the next 25 waitlisted
// (a 要確認 answer takes no place). Addresses: i % 4 === 0 one valid address (15 answers:
// i = 0, 4, …, 56), i % 4 === 1 none, i % 4 === 2 two addresses, i % 4 === 3 not an address;
// one mail each for the 15 (whatever the status), none for the 45 others.

function workbook(): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ikigai-signup-'));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['項目', '値'], ['言語', 'ja'], ['センター名', 'みどり市シルバー人材センター']]), '設定');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([
    ['イベントID', '種別', '名称', '開催日', '開始時刻', '会場', '定員', '状態'],
    ['E001', '入会説明会', '入会説明会', '2099-06-01', '10:00', '本館', 25, '受付中'],
  ]), 'イベント');
  const path = join(dir, 'center.xlsx');
  XLSX.writeFile(wb, path);
  return { dir, path };
}

const JA = ['氏名', 'フリガナ', '電話', 'メール', '年代', '性別', 'きっかけ', 'イベントID', '個人情報同意'];
const EN = ['name', 'kana', 'phone', 'email', 'age_band', 'gender', 'source', 'event_id', 'consent'];

const quote = (f: string): string => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);

function answers(): string[][] {
  return Array.from({ length: 60 }, (_, i) => {
    const n = String(i).padStart(3, '0');
    const email = [`p${n}@example.jp`, '', `a${n}@example.jp, b${n}@example.jp`, 'メールなし'][i % 4] ?? '';
    const row = [`山田 ${n}`, `ヤマダ ${n}`, `090-1111-0${n}`, email, '60代前半', '女性', '広報誌・チラシ', 'E001', 'はい'];
    if (i % 6 === 5) {
      const which = Math.floor(i / 6) % 4;
      if (which === 0) row[8] = '';
      if (which === 1) row[7] = 'E999';
      if (which === 2) row[0] = '';
      if (which === 3) { row[2] = ''; row[3] = ''; }
    }
    return row;
  });
}

function csv(header: string[], rows: string[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
}

function statuses(path: string): string[] {
  const wb = XLSX.read(readFileSync(path));
  const sheet = wb.Sheets['申込'];
  if (!sheet) return [];
  const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet);
  return rows.map((r) => String(r['状態']));
}

const mails = (dir: string): string[] => { try { return readdirSync(dir).filter((f) => f.endsWith('.eml')); } catch { return []; } };

describe('ikigai signup', () => {
  it('plays 60 answers for a 25-place session by the rules; a second run adds nothing', async () => {
    const { dir, path } = workbook();
    writeFileSync(join(dir, 'answers.csv'), csv(JA, answers()));
    const first = await runIkigai(dir, ['signup', '--workbook', 'center.xlsx', '--responses', 'answers.csv', '--mail-dir', 'out', '--json']);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toBe('{"confirmed":25,"waitlisted":25,"needs_review":10,"duplicates":0,"mails":15}');
    const s = statuses(path);
    expect(s).toHaveLength(60);
    expect(s.filter((x) => x === '確定')).toHaveLength(25);
    expect(s.filter((x) => x === 'キャンセル待ち')).toHaveLength(25);
    expect(s.filter((x) => x === '要確認')).toHaveLength(10);
    const sent = mails(join(dir, 'out'));
    expect(sent).toHaveLength(15);
    const to = sent.map((f) => /^To: (.*)$/m.exec(readFileSync(join(dir, 'out', f), 'utf8'))?.[1]?.trim()).sort();
    expect(to).toEqual(Array.from({ length: 15 }, (_, k) => `p${String(k * 4).padStart(3, '0')}@example.jp`));

    const before = readFileSync(path);
    const second = await runIkigai(dir, ['signup', '--workbook', 'center.xlsx', '--responses', 'answers.csv', '--mail-dir', 'out', '--json']);
    expect(second.code).toBe(0);
    expect(second.out).toBe('{"confirmed":0,"waitlisted":0,"needs_review":0,"duplicates":60,"mails":0}');
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(mails(join(dir, 'out'))).toHaveLength(15);
  });

  it('reads an English header, 申込日時 and フォーム回答ID (the dedupe key when given)', async () => {
    const { dir, path } = workbook();
    const rows = answers().slice(0, 3).map((r, i) => [...r, `2026/11/2${i} 10:00`, `P-${i}`]);
    writeFileSync(join(dir, 'en.csv'), csv([...EN, 'registered_at', 'response_id'], rows));
    const first = await runIkigai(dir, ['signup', '--workbook', 'center.xlsx', '--responses', 'en.csv', '--mail-dir', 'out', '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out)).toEqual({ confirmed: 3, waitlisted: 0, needs_review: 0, duplicates: 0, mails: 1 });
    // The same IDs with a corrected kana: still the same answers.
    const edited = rows.map((r) => r.map((f, j) => (j === 1 ? `${f}（訂正）` : f)));
    writeFileSync(join(dir, 'en2.csv'), csv([...EN, 'registered_at', 'response_id'], edited));
    const again = await runIkigai(dir, ['signup', '--workbook', 'center.xlsx', '--responses', 'en2.csv', '--mail-dir', 'out', '--json']);
    expect(JSON.parse(again.out)).toMatchObject({ confirmed: 0, duplicates: 3 });
    const wb = XLSX.read(readFileSync(path), { cellDates: false });
    const rowsOut = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['申込'] as XLSX.WorkSheet, { raw: false });
    expect(rowsOut).toHaveLength(3);
  });

  it('names a bad header at its cell and exits 1, the workbook untouched', async () => {
    const { dir, path } = workbook();
    const before = readFileSync(path);
    writeFileSync(join(dir, 'bad.csv'), csv(['氏名', 'ふりがな', '電話', 'メール', '年代', '性別', 'きっかけ', 'イベントID'], []));
    const bad = await runIkigai(dir, ['signup', '--workbook', 'center.xlsx', '--responses', 'bad.csv']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('bad.csv!B1: 見出し「ふりがな」は申込の列ではありません');
    expect(bad.err).toContain('見出しに フリガナ・個人情報同意 がありません');
    expect(bad.err).toContain('the header lacks kana, consent');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('exits 2 on a wrong command line', async () => {
    const run = await runIkigai('/', ['signup', '--workbook', 'x.xlsx']);
    expect(run.code).toBe(2);
    expect(run.err).toContain('--responses');
  });
});

describe('parseCsv (RFC 4180)', () => {
  const field = fc.string({ unit: fc.constantFrom('a', 'あ', ',', '"', '\r', '\n', ' ', 'x') });
  const table = fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 })
    // A record of one empty field is an empty line, which a reader cannot tell from none.
    .filter((rows) => rows.every((r) => !(r.length === 1 && r[0] === '')));
  const write = (rows: string[][], eol: string): string => rows.map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(',')).join(eol);

  it('reads back what RFC 4180 writes: quotes, commas, CR/LF inside quotes, CRLF or LF records, a BOM, a last line break or none', () => {
    fc.assert(fc.property(table, fc.constantFrom('\r\n', '\n'), fc.boolean(), fc.boolean(), (rows, eol, bom, trailing) => {
      const text = `${bom ? '\uFEFF' : ''}${write(rows, eol)}${trailing ? eol : ''}`;
      expect(parseCsv(text)).toEqual(rows);
    }));
  });

  it('reads unquoted fields as they are', () => {
    expect(parseCsv('a,b,,c\r\nd\n\ne,f')).toEqual([['a', 'b', '', 'c'], ['d'], [''], ['e', 'f']]);
    expect(parseCsv('"a ""x"", y",z\n')).toEqual([['a "x", y', 'z']]);
  });
});
