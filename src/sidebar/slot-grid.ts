import type { Language } from '../domain/enums';
import { HALVES, WEEKDAYS, slotLabel, type Slot } from '../domain/slots';
import { el } from './dom';

// The 月〜日 × AM/PM grid of 14 tick boxes: a job's 勤務枠 in the 開拓 panel, a member's 就業可能枠
// in the 会員 panel. One table, a row per weekday and a column per half day; each box is named
// by its slot (月AM / Mon-AM) for screen readers and carries `data-slot` for tests.
export interface SlotGrid {
  readonly element: HTMLFieldSetElement;
  value(): Slot[];
  /** Ticks exactly these slots. */
  set(slots: readonly Slot[]): void;
  clear(): void;
  setDisabled(disabled: boolean): void;
}

export function slotGrid(options: { id: string; legend: string; hint: string; lang: Language }): SlotGrid {
  const { id, legend, hint, lang } = options;
  const hintId = `${id}-hint`;
  const boxes: { slot: Slot; box: HTMLInputElement }[] = [];
  const head = el('tr', {}, el('td', {}), ...HALVES.map((h) => el('th', { scope: 'col', text: h })));
  const rows = WEEKDAYS.map((day) => {
    const dayText = slotLabel(`${day}-AM`, lang).replace(/-?AM$/, '');
    return el('tr', {}, el('th', { scope: 'row', text: dayText }), ...HALVES.map((half) => {
      const slot = `${day}-${half}` as Slot;
      const box = el('input', { type: 'checkbox', value: slot, 'aria-label': slotLabel(slot, lang), 'data-slot': slot });
      boxes.push({ slot, box });
      // The whole cell toggles the box: a bigger target for a finger or an unsteady hand.
      return el('td', {}, el('label', { class: 'slot-box' }, box));
    }));
  });
  const element = el('fieldset', { class: 'slots', id, 'aria-describedby': hintId },
    el('legend', { text: legend }),
    el('div', { class: 'hint', id: hintId, text: hint }),
    el('table', { class: 'slot-grid' }, el('thead', {}, head), el('tbody', {}, ...rows)));
  return {
    element,
    value: () => boxes.filter((b) => b.box.checked).map((b) => b.slot),
    set: (slots) => { for (const b of boxes) b.box.checked = slots.includes(b.slot); },
    clear: () => { for (const b of boxes) b.box.checked = false; },
    setDisabled: (disabled) => { element.disabled = disabled; },
  };
}
