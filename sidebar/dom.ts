/**
 * A tiny element builder. Text is only ever set through text nodes / textContent, so values
 * from the sheet are always rendered as text, never parsed as HTML.
 */
export type Child = Node | string | number | null | undefined | false | Child[];

export type AttrValue = string | number | boolean | null | undefined;

export interface Attrs {
  [name: string]: AttrValue | ((ev: Event) => void);
}

/** Properties set directly (not as attributes) so the live state of form controls is right. */
const PROPS = new Set(['value', 'checked', 'selected', 'disabled', 'open', 'hidden']);

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  let value: string | undefined;
  if (attrs) {
    for (const name of Object.keys(attrs)) {
      const v = attrs[name];
      if (v == null || v === false) {
        if (PROPS.has(name)) (el as unknown as Record<string, unknown>)[name] = false;
        continue;
      }
      if (typeof v === 'function') {
        if (!name.startsWith('on')) continue;
        el.addEventListener(name.slice(2).toLowerCase(), v as EventListener);
      } else if (name === 'class') {
        el.className = String(v);
      } else if (name === 'value') {
        value = String(v); // set after the children, so a <select> has its options
      } else if (PROPS.has(name)) {
        (el as unknown as Record<string, unknown>)[name] = !!v;
      } else if (/^on/i.test(name)) {
        // never string event handlers
        continue;
      } else {
        el.setAttribute(name, v === true ? '' : String(v));
      }
    }
  }
  append(el, children);
  if (value !== undefined) (el as unknown as { value: string }).value = value;
  return el;
}

function append(parent: Node, children: Child[]): void {
  for (const c of children) {
    if (c == null || c === false) continue;
    if (Array.isArray(c)) append(parent, c);
    else if (typeof c === 'string' || typeof c === 'number') parent.appendChild(document.createTextNode(String(c)));
    else parent.appendChild(c);
  }
}
