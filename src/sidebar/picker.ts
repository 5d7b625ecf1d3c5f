import { el, field, uid } from './dom';

// A type-ahead picker: a text input with a <datalist> of "ID フリガナ 名前" options. The browser
// filters the list as one types an ID or kana, and the keyboard works as everywhere else.
export interface PickOption { readonly id: string; readonly text: string }

export interface Picker {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  /** '' when empty; the ID when the text names exactly one option; null when it names none. */
  value(): string | null;
  clear(): void;
}

export function picker(labelText: string, hint: string, options: readonly PickOption[]): Picker {
  const listId = uid('list');
  const input = el('input', { type: 'text', list: listId, autocomplete: 'off', spellcheck: 'false' });
  const list = el('datalist', { id: listId });
  for (const o of options) list.append(el('option', { value: `${o.id} ${o.text}` }));
  const wrap = field(labelText, input, hint);
  wrap.append(list);
  const byId = new Map(options.map((o) => [o.id.toLowerCase(), o.id]));
  return {
    element: wrap,
    input,
    value(): string | null {
      const text = input.value.normalize('NFKC').trim();
      if (text === '') return '';
      const first = (text.split(/\s+/)[0] ?? '').toLowerCase();
      const exact = byId.get(first);
      if (exact) return exact;
      // Typed a name or kana without choosing from the list: accept it when exactly one matches.
      const hits = options.filter((o) => `${o.id} ${o.text}`.normalize('NFKC').includes(text));
      return hits.length === 1 ? (hits[0]?.id ?? null) : null;
    },
    clear(): void {
      input.value = '';
    },
  };
}
