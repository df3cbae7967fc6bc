/**
 * The few DOM writes the page's views are made of. Text goes in through text nodes only: page and
 * fetched words are data, never markup. Each write is skipped when it would change nothing, so an
 * update costs what changed, and the nodes kept (a focused button) are never moved.
 */

type Child = Node | string;

export function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attributes: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const made = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) made.setAttribute(name, value);
  made.append(...children);
  return made;
}

export function setAttribute(target: Element, name: string, value: string | undefined): void {
  if (value === undefined) {
    if (target.hasAttribute(name)) target.removeAttribute(name);
  } else if (target.getAttribute(name) !== value) target.setAttribute(name, value);
}

export function setText(target: Node, text: string): void {
  if (target.textContent !== text) target.textContent = text;
}

/**
 * Makes `parent`'s children exactly `wanted`, in order, by removing the others and inserting the
 * new ones before the next kept node: what stays is not moved, and keeps focus.
 */
export function setChildren(parent: Node, wanted: readonly Node[]): void {
  const keep = new Set(wanted);
  for (const child of Array.from(parent.childNodes)) if (!keep.has(child)) parent.removeChild(child);
  let next = parent.firstChild;
  for (const node of wanted) {
    if (node === next) next = next.nextSibling;
    else parent.insertBefore(node, next);
  }
}

/** The node for `key` kept from the last update, else a new one: a link or a fact stays the same node while it is shown. */
export function keyed<K, N>(previous: Map<K, N>, keys: readonly K[], make: (key: K) => N): Map<K, N> {
  return new Map(keys.map((key) => [key, previous.get(key) ?? make(key)]));
}
