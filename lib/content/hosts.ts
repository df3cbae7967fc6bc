/**
 * The elements Vigie inserts into a page. Each is an empty custom element with an open shadow
 * root: page CSS neither styles our overlays nor is disturbed by them.
 */
import { OVERLAY_ATTRIBUTE } from '../text';

export const HOST_TAG = 'vigie-overlay';

/** Per document: a constructed sheet can only be adopted where it was made. */
const sharedSheets = new WeakMap<Document, CSSStyleSheet | null>();

function sheetFor(doc: Document, css: string): CSSStyleSheet | null {
  if (!sharedSheets.has(doc)) {
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
    sharedSheets.set(doc, sheet);
  }
  return sharedSheets.get(doc) ?? null;
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
      sharedSheets.set(doc, null);
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
  const host = doc.createElement(HOST_TAG);
  host.setAttribute(OVERLAY_ATTRIBUTE, '');
  if (inline) host.setAttribute('data-vigie-inline', '');
  for (const [name, value] of Object.entries(attributes)) host.setAttribute(name, value);
  const root = host.attachShadow({ mode: 'open' });
  adopt(root, css);
  // The page's own keyboard shortcuts must not fire while a user types or presses keys in Vigie.
  for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (event) => event.stopPropagation());
  return { host, root };
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
