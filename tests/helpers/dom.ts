import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { parseHtml } from '../../lib/sources/html';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

export function fixtureText(name: string): string {
  return readFileSync(FIXTURES + name, 'utf8');
}

export type DomImplementation = 'linkedom' | 'happy-dom';

/**
 * The background reads fetched pages with linkedom; the content script reads the browser's own
 * DOM, which happy-dom stands in for here. Parsers must agree on both.
 */
export const DOM_IMPLEMENTATIONS: DomImplementation[] = ['linkedom', 'happy-dom'];

export function documentFromHtml(html: string, dom: DomImplementation = 'linkedom', url = 'https://example.invalid/'): Document {
  if (dom === 'linkedom') return parseHtml(html);
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      navigation: { disableMainFrameNavigation: true },
    },
  });
  window.document.write(html);
  return window.document as unknown as Document;
}

export function fixtureDocument(name: string, dom: DomImplementation = 'linkedom', url?: string): Document {
  return documentFromHtml(fixtureText(name), dom, url);
}
