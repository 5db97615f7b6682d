// Tiny DOM builder: elements from tag, attributes and children. Text is always set as text, never parsed as HTML.

export type Child = Node | string | number | null | undefined | false;
type Listener = (event: Event) => void;
export type Attrs = Record<string, string | number | boolean | undefined | null | Listener>;

let nextId = 0;

/** A document-unique id for label/aria wiring. */
export function uid(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

function applyAttr(el: HTMLElement, name: string, value: Attrs[string]): void {
  if (value === undefined || value === null || value === false) return;
  if (typeof value === 'function') {
    el.addEventListener(name.slice(2).toLowerCase(), value);
  } else if (name === 'className') {
    el.className = String(value);
  } else if (name === 'value' && 'value' in el) {
    (el as HTMLInputElement).value = String(value);
  } else if (name === 'checked' || name === 'disabled' || name === 'selected') {
    (el as unknown as Record<string, boolean>)[name] = Boolean(value);
    if (name === 'disabled') el.setAttribute('disabled', '');
  } else {
    el.setAttribute(name, value === true ? '' : String(value));
  }
}

/** Creates an element; `on*` attributes become listeners, `className` and `value` set properties. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) applyAttr(el, name, value);
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Replaces every child of `parent`. */
export function replaceChildren(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

/** Disables a button while `work` runs and shows `busyText` on it; restores it afterwards. */
export async function withBusyButton<T>(
  button: HTMLButtonElement,
  busyText: string,
  work: () => Promise<T>,
): Promise<T> {
  const idle = button.textContent ?? '';
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  button.textContent = busyText;
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    button.textContent = idle;
  }
}
