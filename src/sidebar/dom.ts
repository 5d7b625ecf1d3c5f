// Small DOM helpers. Data only ever goes in through textContent or attributes, never innerHTML,
// so a member's name or a note cannot become markup.
type Attrs = Readonly<Record<string, string | number | boolean | null | undefined>>;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string | null)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') node.textContent = String(v);
    else if (k === 'class') node.className = String(v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

let counter = 0;
/** A unique element id, so every field can have a <label for>. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** A labelled field: <label for=id>text</label> followed by the control. */
export function field(labelText: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || uid('f');
  control.id = id;
  const wrap = el('div', { class: 'field' }, el('label', { for: id, text: labelText }), control);
  if (hint) {
    const hintId = `${id}-hint`;
    wrap.append(el('div', { class: 'hint', id: hintId, text: hint }));
    control.setAttribute('aria-describedby', hintId);
  }
  return wrap;
}

/** A status line read out by screen readers; `kind` colours it. */
export function setStatus(node: HTMLElement, text: string, kind: 'ok' | 'error' | 'busy' | '' = ''): void {
  node.textContent = text;
  node.className = `status ${kind}`.trim();
}

/** A sentence with its dates kept whole: at 300px Chromium otherwise breaks "2025-06-11" after a
 *  hyphen, leaving "2025-" at the end of a line. */
export function datesUnbroken(text: string): (string | HTMLElement)[] {
  return text.split(/(\d{4}-\d{2}-\d{2})/).filter((part) => part !== '')
    .map((part) => (/^\d{4}-\d{2}-\d{2}$/.test(part) ? el('span', { class: 'nowrap', text: part }) : part));
}
