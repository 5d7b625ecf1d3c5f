import { el } from './dom';

// Words from the center's vocabulary (技能 tab, 職種 in use) as a list of tick boxes, with a
// text box for a word the list does not have yet. A member's 技能 and 希望職種 and a job's
// 必要技能 are picked here, so 清掃 is written as the center writes it (issue 12: free text let
// 清掃 and 掃除 miss each other). A word saved earlier that the list lacks gets its own box, ticked,
// so opening a member never drops what the sheet holds.
export interface WordTicks {
  readonly element: HTMLFieldSetElement;
  /** Ticked words, then the ones typed in the box (split on 、 , ・ and spaces), each once. */
  value(): string[];
  set(words: readonly string[]): void;
  clear(): void;
  setDisabled(disabled: boolean): void;
}

export function wordTicks(options: { id: string; legend: string; words: readonly string[]; otherLabel: string; otherHint: string }): WordTicks {
  const { id, legend, otherLabel, otherHint } = options;
  const list = el('div', { class: 'word-ticks', role: 'group', 'aria-label': legend });
  const boxes = new Map<string, HTMLInputElement>();
  const addBox = (word: string): HTMLInputElement => {
    const existing = boxes.get(word);
    if (existing) return existing;
    const box = el('input', { type: 'checkbox', id: `${id}-${boxes.size + 1}`, value: word });
    boxes.set(word, box);
    list.append(el('label', { class: 'word-tick', for: box.id }, box, el('span', { text: word })));
    return box;
  };
  for (const w of options.words) addBox(w);
  const other = el('input', { type: 'text', id: `${id}-other`, maxlength: 200, autocomplete: 'off', 'aria-describedby': `${id}-other-hint` });
  const element = el('fieldset', { class: 'words', id },
    el('legend', { text: legend }),
    list,
    el('label', { class: 'sub', for: other.id, text: otherLabel }),
    other,
    el('div', { class: 'hint', id: `${id}-other-hint`, text: otherHint }));
  if (boxes.size === 0) list.hidden = true;
  return {
    element,
    value(): string[] {
      const ticked = [...boxes.values()].filter((b) => b.checked).map((b) => b.value);
      const typed = other.value.normalize('NFKC').split(/[、,，・\s]+/).map((w) => w.trim()).filter((w) => w !== '');
      return [...new Set([...ticked, ...typed])];
    },
    set(words: readonly string[]): void {
      for (const w of words) addBox(w);
      list.hidden = boxes.size === 0;
      for (const [w, b] of boxes) b.checked = words.includes(w);
      other.value = '';
    },
    clear(): void {
      for (const b of boxes.values()) b.checked = false;
      other.value = '';
    },
    setDisabled(disabled: boolean): void { element.disabled = disabled; },
  };
}
