import { SETTING_KEYS } from '../../domain/settings';
import { signupFormSpec } from '../../domain/signup/form-spec';
import { offeredLabels } from '../../domain/signup/ledger';
import type { Clock, PropertyBag, SignupForms, TableStore } from '../ports';
import { loadLedger, readSheetsForSignup, rebuildLedger, saveLedger, type SheetsForSignup } from './sync';

// Creates the sign-up form (menu / setup), once: when 設定 already names a form, it only syncs
// the choices. The form ID goes into 設定 申込フォームID so a coordinator can see and keep it.
export interface CreateFormResult { readonly formId: string; readonly publishedUrl: string; readonly created: boolean; readonly choices: string[] }

export function createSignupFormUseCase(ports: { store: TableStore; props: PropertyBag; clock: Clock; forms: SignupForms }): CreateFormResult {
  const sheets = readSheetsForSignup(ports.store);
  const { ledger: previous, keys } = loadLedger(ports.props);
  const existing = sheets.settings.signupFormId;
  if (existing !== '') {
    let ledger = rebuildLedger(sheets, previous, ports.clock.now());
    ledger.recentResponses = previous?.recentResponses ?? [];
    const itemId = ports.forms.setSessions(existing, ledger.sessionItemId, offeredLabels(ledger), signupFormSpec(ledger.language, '', []).closedMessage);
    ledger = { ...ledger, sessionItemId: itemId };
    saveLedger(ports.props, ledger, keys);
    return { formId: existing, publishedUrl: '', created: false, choices: offeredLabels(ledger) };
  }
  const draft = rebuildLedger(sheets, previous, ports.clock.now(), '', '');
  const choices = offeredLabels(draft);
  const made = ports.forms.create(signupFormSpec(sheets.settings.language, sheets.settings.centerName, choices));
  const ledger = { ...rebuildLedger(sheets, previous, ports.clock.now(), made.formId, made.sessionItemId), recentResponses: previous?.recentResponses ?? [] };
  saveLedger(ports.props, ledger, keys);
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
