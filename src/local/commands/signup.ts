import { readCsvFileOrSay, readWorkbookOrSay } from '../open-workbook-file';
import { basename, dirname, join, resolve } from 'node:path';
import { handleSignupSubmit, type SignupSubmitPorts } from '../../app/signup/submit';
import { loadCache, readSignupState } from '../../app/signup/signup-state';
import { REGISTRATIONS_TAB, tabNames } from '../../domain/schema/tabs';
import { cellText, columnLetter } from '../../domain/cell';
import { civilDateTimeIn } from '../../domain/civil-date';
import { locateColumns } from '../../domain/parse/parse-table';
import { parseFormTimestamp, readSignupAnswers } from '../../domain/signup/form-answers';
import { SIGNUP_QUESTION_KEYS, type SignupQuestionKey } from '../../domain/signup/form-spec';
import { parseCsv } from '../csv';
import { debugging } from '../debug';
import { EmlMailer } from '../eml-mailer';
import type { Io } from '../io';
import { MemoryKeyValueStore } from '../memory-key-value-store';
import { MemoryPropertyBag } from '../memory-property-bag';
import { writeWorkbookFile } from '../xlsx-workbook-file';
import { readCommandLine } from './command-line';

// `ikigai signup --workbook F --responses R.csv [--mail-dir D] [--json]` (cli.md): sign-ups taken
// on paper or on the phone, played in file order through the same submit use case as the form
// (handleSignupSubmit): the same register of places (申込 itself), the same rules for a place, a
// waitlist spot or 要確認, the same mails (as .eml). A row 申込 already holds (its フォーム回答ID,
// or without one its content) is a duplicate: running the same file twice adds nothing.
export const USAGE = `使い方 / usage: ikigai signup --workbook F --responses R.csv [--mail-dir DIR] [--json]
  --responses R.csv  申込の見出し（日本語か英語）の CSV: 氏名 フリガナ 電話 メール 年代 性別 きっかけ イベントID 個人情報同意 [申込日時] [フォーム回答ID]
                     a CSV with 申込's headers (ja or en): name kana phone email age_band gender source event_id consent [registered_at] [response_id]
  --mail-dir DIR     確認メール(.eml)の保存先（既定: F と同じフォルダの mail）/ where the .eml go (default: mail/ beside F)
  --json             件数を JSON で / the counts as JSON
  終了コード / exit: 0 完了 done, 1 データに問題 data problems, 2 指定の誤り bad command line`;

/** The CSV's columns: the form's questions (by 申込's column of the same meaning) and two optional ones. */
const QUESTION_COLUMN: Readonly<Record<SignupQuestionKey, string>> = {
  name: 'name', kana: 'kana', phone: 'phone', email: 'email', age_band: 'age_band', gender: 'gender',
  source: 'source', session: 'event_id', consent: 'consent',
};
const OPTIONAL = ['registered_at', 'response_id'] as const;
type CsvColumn = SignupQuestionKey | (typeof OPTIONAL)[number];

/** Consent as a person writes it on paper: only a clear yes counts (anything else is 要確認). */
const YES = new Set(['true', '1', 'はい', '同意', '同意する', '同意します', 'yes', 'y', '○', '〇', '✓', 'レ', '済', '個人情報の利用に同意します', 'i agree to the use of my personal data']);

export interface SignupCounts { confirmed: number; waitlisted: number; needs_review: number; duplicates: number; mails: number }

const fold = (s: string): string => s.normalize('NFKC').trim().toLowerCase().replace(/[\s-]+/g, '_');

function columnOfHeader(title: string): CsvColumn | null {
  const wanted = fold(title);
  const col = REGISTRATIONS_TAB.columns.find((c) => fold(c.ja) === wanted || fold(c.key) === wanted);
  if (!col) return null;
  const q = SIGNUP_QUESTION_KEYS.find((k) => QUESTION_COLUMN[k] === col.key);
  if (q) return q;
  return (OPTIONAL as readonly string[]).includes(col.key) ? (col.key as CsvColumn) : null;
}


export async function run(argv: string[], io: Io): Promise<number> {
  const line = readCommandLine({
    name: 'signup', usage: USAGE, required: ['workbook', 'responses'],
    options: { workbook: { type: 'string' }, responses: { type: 'string' }, 'mail-dir': { type: 'string' }, json: { type: 'boolean' } },
  }, argv, io);
  if (!line.ok) return line.exit;
  const { values } = line;
  const path = resolve(io.cwd, values.workbook);
  const csvPath = resolve(io.cwd, values.responses);
  const csvName = basename(csvPath);

  const text = readCsvFileOrSay(csvPath, io);
  if (text === null) return 1;
  const records = parseCsv(text);
  const header = records[0] ?? [];
  // The header first, whole: every title known, each once, the nine questions all there.
  const problems: string[] = [];
  const at = new Map<CsvColumn, number>();
  header.forEach((title, i) => {
    if (title.trim() === '') return;
    const col = columnOfHeader(title);
    const cell = `${csvName}!${columnLetter(i)}1`;
    if (!col) problems.push(`${cell}: 見出し「${title}」は申込の列ではありません（使える列: 氏名 フリガナ 電話 メール 年代 性別 きっかけ イベントID 個人情報同意 申込日時 フォーム回答ID）`
      + ` / header "${title}" is not a column of 申込 (use: name kana phone email age_band gender source event_id consent registered_at response_id)`);
    else if (at.has(col)) problems.push(`${cell}: 見出し「${title}」が2回あります / header "${title}" appears twice`);
    else at.set(col, i);
  });
  const missing = SIGNUP_QUESTION_KEYS.filter((k) => !at.has(k));
  if (missing.length > 0) {
    const ja = missing.map((k) => REGISTRATIONS_TAB.columns.find((c) => c.key === QUESTION_COLUMN[k])?.ja ?? k);
    problems.push(`${csvName}!1: 見出しに ${ja.join('・')} がありません / the header lacks ${missing.map((k) => QUESTION_COLUMN[k]).join(', ')}`);
  }
  if (problems.length > 0) { for (const p of problems) io.err(p); return 1; }

  const store = await readWorkbookOrSay(path, io);
  if (!store) return 1;
  const mailDir = values['mail-dir'] ? resolve(io.cwd, values['mail-dir']) : join(dirname(path), 'mail');
  const clock = { now: () => new Date() };
  const mailer = new EmlMailer(mailDir, { clock, label: 'signup' });
  const props = new MemoryPropertyBag(new MemoryKeyValueStore());
  const ports: SignupSubmitPorts = {
    store, props, clock, mailer, forms: null,
    lock: { tryLock: () => true, release: () => undefined },
    log: debugging() ? (l) => io.err(l) : undefined,
  };

  // The sessions by イベントID, as the form names them (an ID no open session has is sent as it
  // is, and the rules make the answer 要確認: unknown session).
  const cache = loadCache(props, store, clock);
  const state = readSignupState(store, cache, clock.now());
  const labelOf = new Map(state.register.sessions.map((s) => [s.eventId.normalize('NFKC').trim().toUpperCase(), s.label]));
  const known = answeredKeys(store);

  const started = clock.now();
  const counts: SignupCounts = { confirmed: 0, waitlisted: 0, needs_review: 0, duplicates: 0, mails: 0 };
  let added = 0;
  records.slice(1).forEach((record, r) => {
    if (record.every((f) => f.trim() === '')) return;
    const field = (c: CsvColumn): string => { const i = at.get(c); return i === undefined ? '' : (record[i] ?? '').trim(); };
    const stampText = field('registered_at');
    // Without 申込日時 the run's time, one second further for each row: the core takes answers of
    // the same second from the same person as one (a form delivery seen twice), which rows taken
    // down by hand are not; the dedupe of this file is by its key, below.
    const submittedAt = stampText === '' ? civilDateTimeIn(new Date(started.getTime() + 1000 * r), cache.timeZone) : parseFormTimestamp(stampText);
    if (submittedAt === null) {
      problems.push(`${csvName}!${columnLetter(at.get('registered_at') ?? 0)}${r + 2}: 申込日時「${stampText}」が日時として読めません（例: 2026/11/20 10:23）/ "${stampText}" is not a date and time (e.g. 2026-11-20 10:23)`);
      return;
    }
    const answer = (k: SignupQuestionKey): string => {
      const v = field(k);
      if (k === 'session') return labelOf.get(v.normalize('NFKC').toUpperCase()) ?? v;
      if (k === 'consent') return YES.has(v.normalize('NFKC').toLowerCase()) ? v : '';
      return v;
    };
    const responseId = field('response_id');
    const event = { values: [stampText, ...SIGNUP_QUESTION_KEYS.map(answer)], ...(responseId ? { responseId } : {}) };
    const key = readSignupAnswers(event).responseKey;
    if (known.has(key)) { counts.duplicates += 1; return; }
    const out = handleSignupSubmit(ports, event, submittedAt);
    known.add(key);
    switch (out.outcome) {
      case 'confirmed': case 'waitlisted': case 'needs_review': counts[out.outcome] += 1; added += 1; break;
      case 'duplicate_person': counts.duplicates += 1; added += 1; break;
      case 'skipped_duplicate': counts.duplicates += 1; break;
      default: break;
    }
    if (out.mailed) counts.mails += 1;
  });

  if (added > 0) await writeWorkbookFile(store, path);
  if (values.json) {
    io.out(JSON.stringify({ confirmed: counts.confirmed, waitlisted: counts.waitlisted, needs_review: counts.needs_review, duplicates: counts.duplicates, mails: counts.mails }));
  } else {
    io.out(`確定 confirmed ${counts.confirmed} / キャンセル待ち waitlisted ${counts.waitlisted} / 要確認 needs review ${counts.needs_review} / 重複 duplicates ${counts.duplicates} / メール mails ${counts.mails}`);
    io.out(added > 0 ? `保存しました / saved: ${path}` : `申込は変わりません / 申込 unchanged`);
    for (const p of mailer.written) io.out(`メール / mail: ${p}`);
  }
  if (problems.length > 0) { for (const p of problems) io.err(p); return 1; }
  return 0;
}

/** The answer keys 申込 holds: the part of each フォーム回答ID after its time (`<time>/<key>`). */
function answeredKeys(store: SignupSubmitPorts['store']): Set<string> {
  const raw = store.read(tabNames(REGISTRATIONS_TAB));
  const keys = new Set<string>();
  if (!raw) return keys;
  const i = locateColumns(REGISTRATIONS_TAB, raw.name, raw.header).index.get('response_id');
  if (i === undefined) return keys;
  for (const row of raw.rows) {
    const id = cellText(row[i]);
    const slash = id.lastIndexOf('/');
    if (slash >= 0) keys.add(id.slice(slash + 1));
  }
  return keys;
}
