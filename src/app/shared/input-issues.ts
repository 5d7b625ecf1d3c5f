import type { Language } from '../../domain/enums';
import { wordText, type WordText } from '../../domain/messages/catalog';

// errors.bad_input's detail — which field of a call was refused and why — in the caller's
// language. zod's own messages are English sentences ("Invalid input"), so only its issue code is
// kept and said with the catalog's words; a date, month or time pattern our schemas name as the
// message (YYYY-MM-DD, YYYY-MM, HH:MM) is shown as is, since it is the same in any language. The
// sidebar finds the field by the `field (` at the start of each item (panels/members.ts).

export type InputIssueKind = keyof WordText['inputIssues'];

/** One refused field: its path (`rows.3.hours`), what kind of fault, and a pattern to follow. */
export interface InputIssue {
  readonly field: string;
  readonly kind: InputIssueKind;
  readonly pattern?: string;
}

/** The part of a zod issue we read (zod/mini's issues have this shape). */
interface ZodIssueLike {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

const KIND_BY_CODE: Readonly<Record<string, InputIssueKind>> = {
  invalid_type: 'type', too_big: 'too_big', too_small: 'too_small', invalid_value: 'value',
  invalid_format: 'format', unrecognized_keys: 'keys', custom: 'value',
};

const PATTERN = /^[A-Z]{2,4}(?:[-:][A-Z]{2})+$/;

export function inputIssuesOf(issues: readonly ZodIssueLike[], root: string): InputIssue[] {
  return issues.map((i) => {
    const pattern = PATTERN.test(i.message) ? i.message : undefined;
    const kind = pattern ? 'format' : KIND_BY_CODE[i.code] ?? 'other';
    return { field: i.path.map(String).join('.') || root, kind, ...(pattern ? { pattern } : {}) };
  });
}

/** `date (書き方が違います: YYYY-MM-DD), minutes (形式が違います)`. */
export function inputIssuesText(issues: readonly InputIssue[], lang: Language): string {
  const words = wordText(lang);
  return issues.map((i) => `${i.field} (${words.inputIssues[i.kind]}${i.pattern ? `: ${i.pattern}` : ''})`).join(', ');
}
