/**
 * The content script's life on a page: overlays once on server-rendered pages; on the new
 * NosDéputés site (a Next.js app) they follow client-side navigation and re-renders.
 */
import { todayInParis } from '../dates';
import type { Language } from '../i18n';
import { NOSDEPUTES_WWW } from '../urls';
import { HOST_TAG } from './hosts';
import { Overlays } from './overlays';

export interface ContentOptions {
  doc: Document;
  lang: Language;
  signal: AbortSignal;
}

function isSinglePageApp(doc: Document): boolean {
  return doc.location?.hostname === NOSDEPUTES_WWW
    && !!doc.querySelector('#__next, script[src*="/_next/"], link[href*="/_next/"]');
}

/** Mutations made only by Vigie itself must not wake the observer again. */
function onlyOurs(records: MutationRecord[]): boolean {
  return records.every((record) =>
    [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)].every(
      (node) => node.nodeType === 1 && (node as Element).localName === HOST_TAG,
    ));
}

export function startOverlays({ doc, lang, signal }: ContentOptions): Overlays {
  const overlays = new Overlays(doc);
  const sync = () => {
    if (signal.aborted) return;
    try {
      overlays.sync(doc.location.href, { lang, today: todayInParis() });
    } catch {
      // A page we misread must never see an error from us; it simply gets no overlay.
    }
  };
  sync();
  signal.addEventListener('abort', () => overlays.clear(), { once: true });
  if (!isSinglePageApp(doc)) return overlays;

  let scheduled = 0;
  const observer = new MutationObserver((records) => {
    if (scheduled || onlyOurs(records)) return;
    scheduled = window.setTimeout(() => {
      scheduled = 0;
      sync();
    }, 120);
  });
  observer.observe(doc.body, { childList: true, subtree: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(scheduled);
  }, { once: true });
  return overlays;
}
