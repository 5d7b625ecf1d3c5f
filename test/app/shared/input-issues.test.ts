import * as z from 'zod/mini';
import { inputIssuesOf, inputIssuesText } from '../../../src/app/shared/input-issues';
import { civilDateArg } from '../../../src/app/shared/arg-schemas';

// errors.bad_input's detail in the caller's language: zod's issue codes said with the catalog's
// words, our own date patterns kept, the path joined with dots, never zod's English sentences.
const SCHEMA = z.object({
  date: civilDateArg,
  rows: z.array(z.object({ hours: z.number().check(z.minimum(0)) })),
  kind: z.enum(['visit', 'call']),
  email: z.string().check(z.regex(/@/, { message: 'e-mail' })),
  minutes: z.number(),
});

function issuesOf(value: unknown) {
  const r = SCHEMA.safeParse(value);
  if (r.success) throw new Error('expected a refusal');
  return inputIssuesOf(r.error.issues, 'input');
}

describe('the fields a call refused, said in the caller\'s language', () => {
  const bad = { date: '2025-02-30', rows: [{ hours: 1 }, { hours: -1 }], kind: 'phone', email: 'x', minutes: '5' };

  it('keeps the field path and the kind of fault, and a date pattern as is', () => {
    expect(issuesOf(bad)).toEqual([
      { field: 'date', kind: 'format', pattern: 'YYYY-MM-DD' },
      { field: 'rows.1.hours', kind: 'too_small' },
      { field: 'kind', kind: 'value' },
      { field: 'email', kind: 'format' },
      { field: 'minutes', kind: 'type' },
    ]);
  });

  it('says them in Japanese and in English, with no word of zod\'s own', () => {
    const ja = inputIssuesText(issuesOf(bad), 'ja');
    const en = inputIssuesText(issuesOf(bad), 'en');
    expect(ja).toBe('date (書き方が違います: YYYY-MM-DD), rows.1.hours (小さすぎるか短すぎます), kind (選べる値ではありません), email (書き方が違います), minutes (形式が違います)');
    expect(en).toBe('date (not written the right way: YYYY-MM-DD), rows.1.hours (too small or too short), kind (not one of the values allowed), email (not written the right way), minutes (not of the right kind)');
    for (const text of [ja, en]) expect(text).not.toMatch(/Invalid|Too big|Too small|[Ee]xpected/);
  });

  it('names the whole input when the fault has no path', () => {
    const r = z.string().safeParse(3);
    if (r.success) throw new Error('expected a refusal');
    expect(inputIssuesText(inputIssuesOf(r.error.issues, 'input'), 'ja')).toBe('input (形式が違います)');
  });
});
