import { SETTING_KEYS } from '../../domain/settings';
import { signupFormSpec } from '../../domain/signup/form-spec';
import { offeredLabels } from '../../domain/signup/register';
import { cacheEntries, cacheFromEntries } from '../../domain/signup/signup-cache';
import type { Clock, PropertyBag, SignupForms, TableStore } from '../ports';
import { freshCache, readSignupState } from './signup-state';
import { readSheetsForSignup, syncSignup, type SheetsForSignup } from './sync';

// Creates the sign-up form (menu / setup), once: when 設定 already names a form, it only syncs
// the choices. The form ID goes into 設定 申込フォームID so a coordinator can see and keep it.
export interface CreateFormResult { readonly formId: string; readonly publishedUrl: string; readonly created: boolean; readonly choices: string[] }

export function createSignupFormUseCase(ports: { store: TableStore; props: PropertyBag; clock: Clock; forms: SignupForms }): CreateFormResult {
  const sheets = readSheetsForSignup(ports.store);
  const existing = sheets.settings.signupFormId;
  if (existing !== '') {
    const synced = syncSignup({ store: ports.store, props: ports.props, clock: ports.clock, forms: ports.forms });
    return { formId: existing, publishedUrl: '', created: false, choices: synced.choices };
  }
  const { cache } = freshCache(ports.store, ports.clock, cacheFromEntries(ports.props.getAll()));
  const state = readSignupState(ports.store, cache, ports.clock.now());
  const choices = offeredLabels(state.register);
  const made = ports.forms.create(signupFormSpec(sheets.settings.language, sheets.settings.centerName, choices));
  ports.props.setAll(cacheEntries({ ...cache, formId: made.formId, sessionItemId: made.sessionItemId }));
  writeFormId(ports.store, sheets, made.formId);
  return { formId: made.formId, publishedUrl: made.publishedUrl, created: true, choices };
}

function writeFormId(store: TableStore, sheets: SheetsForSignup, formId: string): void {
  const lang = sheets.settings.language;
  const def = SETTING_KEYS.find((k) => k.key === 'signupFormId');
  const key = lang === 'ja' ? def?.ja ?? '申込フォームID' : def?.en ?? 'signup_form_id';
  const tab = sheets.settingsTab;
  if (tab === null) { store.replace(lang === 'ja' ? '設定' : 'Settings', lang === 'ja' ? ['項目', '値'] : ['key', 'value'], [[key, formId]]); return; }
  // 設定's own 項目 and 値 cells, wherever the center put those columns: never a column of its own.
  const { key: keyAt, value: valueAt } = sheets.settingsColumns;
  const row = sheets.settingsRowOf.get('signupFormId') ?? null;
  if (row !== null) store.writeCells(tab, row, { columns: [valueAt], rows: [[formId]] });
  else {
    const pair: [number, string][] = [[keyAt, key], [valueAt, formId]];
    pair.sort((x, y) => x[0] - y[0]);
    store.appendCells(tab, { columns: pair.map((p) => p[0]), rows: [pair.map((p) => p[1])] });
  }
}
