import { searchKey } from '../domain/text/search-key';
import { el, field, uid } from './dom';
import { latestAnswer } from './latest-answer';

// A type-ahead picker: a text input with a <datalist> of "ID フリガナ 名前" options. The browser
// filters the list as one types an ID or kana, and the keyboard works as everywhere else.
// At a large center the options are not sent up front: `search` asks the server once the person
// has typed MIN_QUERY characters and paused for DEBOUNCE_MS, and the datalist shows its answer.
// What was typed is compared as the server's search compares it (searchKey: hiragana ⇄ katakana,
// widths, spaces between family and given name), and when it is exactly the name of several
// options (two members called 山下 隆) the picker lists them under the field with their ID and
// `detail` (age, district) as buttons to choose from.
export interface PickOption {
  readonly id: string;
  readonly text: string;
  /** What tells two options of one name apart (a member's age and district), shown beside them. */
  readonly detail?: string;
  /** The names an option is known by (a member's 氏名 and フリガナ): several options whose name is
   *  exactly what was typed are listed to choose from. */
  readonly names?: readonly string[];
}

/** The list of options sharing the typed name: its heading, given the count. */
export type SameNameHeading = (count: number) => string;

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
  /** Lists now the options whose name is exactly what was typed, if there are several; true if so. */
  showNamesakes(): boolean;
}

/** Fetches the options matching what was typed (the server's searchMembers). */
export type PickSearch = (query: string) => Promise<readonly PickOption[]>;

/** One keystroke per server call would queue calls behind each other in Apps Script. */
export const DEBOUNCE_MS = 250;
/** One character matches a good part of 50,000 members: nothing worth showing. */
export const MIN_QUERY = 2;

const optionValue = (o: PickOption): string => `${o.id} ${o.text}`.trim();

export function picker(labelText: string, hint: string, options: readonly PickOption[], search?: PickSearch, sameName?: SameNameHeading): Picker {
  const listId = uid('list');
  const input = el('input', { type: 'text', list: listId, autocomplete: 'off', spellcheck: 'false' });
  const list = el('datalist', { id: listId });
  const choices = el('div', { class: 'same-name', hidden: true });
  // Every option seen so far (given, or answered by a search), so a chosen one is recognised.
  const known = new Map<string, PickOption>();
  const option = (o: PickOption): HTMLOptionElement => el('option', { value: optionValue(o), label: o.detail ? `${optionValue(o)} ${o.detail}` : null });
  /** Options whose name is exactly what was typed, when there are several. */
  const namesakes = (): PickOption[] => {
    const key = searchKey(input.value);
    if (key === '') return [];
    const hits = [...known.values()].filter((o) => (o.names ?? []).some((n) => searchKey(n) === key));
    return hits.length >= 2 ? hits : [];
  };
  const showChoices = (): boolean => {
    const hits = sameName ? namesakes() : [];
    choices.hidden = hits.length === 0;
    if (hits.length === 0) { choices.replaceChildren(); return false; }
    choices.replaceChildren(el('div', { class: 'hint', text: sameName?.(hits.length) ?? '' }), ...hits.map((o) => {
      const b = el('button', { type: 'button', class: 'choice', 'data-id': o.id },
        el('span', { class: 'nowrap', text: o.id }), ' ', el('span', { text: o.text }), o.detail ? ' ' : null, o.detail ? el('span', { class: 'muted nowrap', text: o.detail }) : null);
      b.addEventListener('click', () => {
        input.value = optionValue(o);
        choices.hidden = true;
        choices.replaceChildren();
        input.focus();
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
      return b;
    }));
    return true;
  };
  const show = (shown: readonly PickOption[]): void => {
    for (const o of shown) known.set(o.id.toLowerCase(), o);
    list.replaceChildren(...shown.map(option));
    showChoices();
  };
  show(options);
  const wrap = field(labelText, input, hint);
  wrap.append(list, choices);
  const add = (o: PickOption, choose = false): void => {
    known.set(o.id.toLowerCase(), o);
    list.append(option(o));
    if (choose) input.value = optionValue(o);
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Each pause in the typing asks again: only the last answer lists, an older one arriving late
  // would list what no longer matches what was typed.
  const optionsAnswer = latestAnswer();
  input.addEventListener('input', () => {
    clearTimeout(timer);
    optionsAnswer.drop();
    const query = input.value.normalize('NFKC').trim();
    // A chosen option ("M000123 アオキ …") is already known: no search for it.
    if (query.length < MIN_QUERY || (/\s/.test(query) && known.has((query.split(/\s+/)[0] ?? '').toLowerCase()))) { showChoices(); return; }
    timer = setTimeout(() => {
      if (!search) { showChoices(); return; }
      optionsAnswer.ask(search(query)).then(show, () => undefined); // the list stays as it was; saving says "not found" if need be
    }, DEBOUNCE_MS);
  });
  return {
    element: wrap,
    input,
    value(): string | null {
      const text = input.value.normalize('NFKC').trim();
      if (text === '') return '';
      const first = (text.split(/\s+/)[0] ?? '').toLowerCase();
      const exact = known.get(first);
      if (exact) return exact.id;
      // Typed a name or kana without choosing from the list: accept it when exactly one matches
      // (folded as the server's search folds: やました finds ヤマシタ, 山下隆 finds 山下 隆).
      const key = searchKey(text);
      const hits = [...known.values()].filter((o) => searchKey(optionValue(o)).includes(key));
      return hits.length === 1 ? (hits[0]?.id ?? null) : null;
    },
    clear(): void {
      input.value = '';
      choices.hidden = true;
      choices.replaceChildren();
    },
    add,
    showNamesakes: showChoices,
    set(id: string, text = ''): void {
      choices.hidden = true;
      choices.replaceChildren();
      if (id === '') { input.value = ''; return; }
      const known1 = known.get(id.toLowerCase());
      if (known1) input.value = optionValue(known1);
      else add({ id, text }, true);
    },
  };
}
