import { el, field, uid } from './dom';

// A type-ahead picker: a text input with a <datalist> of "ID フリガナ 名前" options. The browser
// filters the list as one types an ID or kana, and the keyboard works as everywhere else.
// At a large center the options are not sent up front: `search` asks the server once the person
// has typed MIN_QUERY characters and paused for DEBOUNCE_MS, and the datalist shows its answer.
export interface PickOption { readonly id: string; readonly text: string }

export interface Picker {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  /** '' when empty; the ID when the text names exactly one option; null when it names none. */
  value(): string | null;
  clear(): void;
  /** Offers one more option (a record just created in another form); `choose` also fills it in. */
  add(option: PickOption, choose?: boolean): void;
  /** Fills in the record `id` (a correction opens an entry's member, client and job): the known
   *  option's text, or `text` offered as a new option ('' clears). */
  set(id: string, text?: string): void;
}

/** Fetches the options matching what was typed (the server's searchMembers). */
export type PickSearch = (query: string) => Promise<readonly PickOption[]>;

/** One keystroke per server call would queue calls behind each other in Apps Script. */
export const DEBOUNCE_MS = 250;
/** One character matches a good part of 50,000 members: nothing worth showing. */
export const MIN_QUERY = 2;

export function picker(labelText: string, hint: string, options: readonly PickOption[], search?: PickSearch): Picker {
  const listId = uid('list');
  const input = el('input', { type: 'text', list: listId, autocomplete: 'off', spellcheck: 'false' });
  const list = el('datalist', { id: listId });
  // Every option seen so far (given, or answered by a search), so a chosen one is recognised.
  const known = new Map<string, PickOption>();
  const show = (shown: readonly PickOption[]): void => {
    for (const o of shown) known.set(o.id.toLowerCase(), o);
    list.replaceChildren(...shown.map((o) => el('option', { value: `${o.id} ${o.text}` })));
  };
  show(options);
  const wrap = field(labelText, input, hint);
  wrap.append(list);
  if (search) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let latest = '';
    input.addEventListener('input', () => {
      clearTimeout(timer);
      const query = input.value.normalize('NFKC').trim();
      // A chosen option ("M000123 アオキ …") is already known: no search for it.
      if (query.length < MIN_QUERY || (/\s/.test(query) && known.has((query.split(/\s+/)[0] ?? '').toLowerCase()))) return;
      timer = setTimeout(() => {
        latest = query;
        search(query).then((found) => {
          if (latest === query) show(found); // an older answer arriving late must not win
        }, () => undefined); // the list stays as it was; saving says "not found" if need be
      }, DEBOUNCE_MS);
    });
  }
  const add = (option: PickOption, choose = false): void => {
    known.set(option.id.toLowerCase(), option);
    list.append(el('option', { value: `${option.id} ${option.text}` }));
    if (choose) input.value = `${option.id} ${option.text}`.trim();
  };
  return {
    element: wrap,
    input,
    value(): string | null {
      const text = input.value.normalize('NFKC').trim();
      if (text === '') return '';
      const first = (text.split(/\s+/)[0] ?? '').toLowerCase();
      const exact = known.get(first);
      if (exact) return exact.id;
      // Typed a name or kana without choosing from the list: accept it when exactly one matches.
      const hits = [...known.values()].filter((o) => `${o.id} ${o.text}`.normalize('NFKC').includes(text));
      return hits.length === 1 ? (hits[0]?.id ?? null) : null;
    },
    clear(): void {
      input.value = '';
    },
    add,
    set(id: string, text = ''): void {
      if (id === '') { input.value = ''; return; }
      const known1 = known.get(id.toLowerCase());
      if (known1) input.value = `${known1.id} ${known1.text}`.trim();
      else add({ id, text }, true);
    },
  };
}
