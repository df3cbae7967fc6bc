/** Where a page's overlay goes: right under the title the reader is looking at. */
import type { PageKind } from '../sites';
import { findByText } from '../text';

export function questionAnchor(doc: Document, kind: PageKind): Element | undefined {
  switch (kind) {
    case 'nosdeputes-question':
      return findByText(doc, /Question N°\s*\d+/i, 'h1') ?? doc.querySelector('h1') ?? undefined;
    case 'an-old-question': {
      const number = findByText(doc, /^Question N°\s*:?\s*\d+$/i, 'div,td,span,b,strong,h1,h2,p');
      return number?.closest('section, table, header') ?? number ?? doc.querySelector('main h1, h1') ?? undefined;
    }
    default:
      return doc.querySelector('main h1') ?? doc.querySelector('h1') ?? undefined;
  }
}

export function deputyAnchor(doc: Document): Element | undefined {
  return doc.querySelector('.fiche_depute .info_depute') ?? doc.querySelector('.info_depute') ?? doc.querySelector('h1') ?? undefined;
}
