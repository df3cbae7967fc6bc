/**
 * HTML from the network, read with a small DOM implementation: a Chrome service worker has no
 * DOMParser, and the site parsers need a Document, never regexes over markup.
 */
import { DOMParser } from 'linkedom';
import { textLines } from '../text';

export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** Text of an HTML fragment (open-data answers carry `<p>`, `<br>`, tables). */
export function htmlToText(html: string): string {
  const doc = parseHtml(`<!doctype html><html><body>${html}</body></html>`);
  return textLines(doc.body).join('\n');
}
