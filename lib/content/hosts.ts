/**
 * The elements Vigie inserts into a page. Each is an empty built-in `<span>` with a closed shadow
 * root attached before it reaches the page: page CSS neither styles our overlays nor is disturbed
 * by them, and page scripts can neither read nor press what is inside. A custom element would
 * not do: the page could define the name first and take the element over, and the isolated world
 * has no `customElements` anyway.
 */
import { OVERLAY_ATTRIBUTE } from '../text';

/** How tests and a later instance of Vigie find the hosts: the tag is a plain `span`. */
export const HOST_SELECTOR = `[${OVERLAY_ATTRIBUTE}]`;

/** The hosts this instance made: the page may forge the attribute, not membership here. */
const ours = new WeakSet<Node>();

export function isOurHost(node: Node): boolean {
  return ours.has(node);
}

/** Per document and stylesheet text: a constructed sheet can only be adopted where it was made. */
const sharedSheets = new WeakMap<Document, Map<string, CSSStyleSheet | null>>();

function sheetFor(doc: Document, css: string): CSSStyleSheet | null {
  const sheets = sharedSheets.get(doc) ?? new Map<string, CSSStyleSheet | null>();
  sharedSheets.set(doc, sheets);
  if (!sheets.has(css)) {
    let sheet: CSSStyleSheet | null = null;
    try {
      const Sheet = (doc.defaultView?.CSSStyleSheet ?? globalThis.CSSStyleSheet) as typeof CSSStyleSheet | undefined;
      if (Sheet) {
        sheet = new Sheet();
        sheet.replaceSync(css);
      }
    } catch {
      sheet = null;
    }
    sheets.set(css, sheet);
  }
  return sheets.get(css) ?? null;
}

/** One constructed stylesheet for all hosts, or a `<style>` per host where adopting fails. */
function adopt(shadow: ShadowRoot, css: string): void {
  const doc = shadow.ownerDocument;
  const sheet = sheetFor(doc, css);
  if (sheet) {
    try {
      shadow.adoptedStyleSheets = [sheet];
      return;
    } catch {
      // Firefox refuses sheets constructed in the content script's compartment.
      sharedSheets.get(doc)?.set(css, null);
    }
  }
  const style = shadow.ownerDocument.createElement('style');
  style.textContent = css;
  shadow.append(style);
}

export interface HostOptions {
  attributes: Record<string, string>;
  css: string;
  inline?: boolean;
}

export function createHost(doc: Document, { attributes, css, inline }: HostOptions): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement('span');
  host.setAttribute(OVERLAY_ATTRIBUTE, '');
  if (inline) host.setAttribute('data-vigie-inline', '');
  for (const [name, value] of Object.entries(attributes)) host.setAttribute(name, value);
  const root = host.attachShadow({ mode: 'closed' });
  adopt(root, css);
  // The page's own keyboard shortcuts must not fire while a user types or presses keys in Vigie.
  for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (event) => event.stopPropagation());
  ours.add(host);
  return { host, root };
}

/**
 * Hosts left by an instance of Vigie that no longer runs: when the extension is updated or
 * reloaded, Firefox injects the new version into open tabs, and the old one's overlays stay in the
 * page, dead. (Chrome injects nothing into open tabs; its orphaned script removes its own.)
 */
export function removeStaleHosts(doc: Document): void {
  for (const host of Array.from(doc.querySelectorAll(HOST_SELECTOR))) if (!ours.has(host)) host.remove();
}

const INTERACTIVE = 'a, button, [role="button"], summary, label';

/** Next to the item's title: inside a heading, after a link or a button (never nested in one). */
export function placeHost(anchor: Element, host: Element): void {
  if (anchor.matches(INTERACTIVE) || anchor.closest(INTERACTIVE)) {
    (anchor.closest(INTERACTIVE) ?? anchor).after(host);
  } else {
    anchor.append(host);
  }
}
