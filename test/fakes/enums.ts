// The Apps Script enumerations the fakes hand out. In Apps Script they are opaque objects whose
// String() is their name; plain name strings behave the same for `===` and for printing.
type Names<K extends string> = { readonly [P in K]: P };

function names<K extends string>(...keys: K[]): Names<K> {
  const out = {} as { [P in K]: P };
  for (const k of keys) (out as Record<K, K>)[k] = k;
  return Object.freeze(out);
}

export const WEEKDAY = names('SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY');
export const EVENT_TYPE = names('CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED');
export const TRIGGER_SOURCE = names('SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR');
export const PROTECTION_TYPE = names('RANGE', 'SHEET');
export const DATA_VALIDATION_CRITERIA = names('VALUE_IN_LIST', 'CHECKBOX', 'DATE_IS_VALID_DATE');
export const BUTTON = names('CLOSE', 'OK', 'CANCEL', 'YES', 'NO');
export const BUTTON_SET = names('OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL');

export type CriteriaName = keyof typeof DATA_VALIDATION_CRITERIA;
