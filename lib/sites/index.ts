import { anDynPages } from './an-dyn';
import { anOldPages } from './an-old';
import { nosdeputesPages } from './nosdeputes';
import { nosdeputesNewPages } from './nosdeputes-new';
import { OTHER, type PageDefinition, type PageKind, type PageParse } from './types';

export type { ListItem, PageKind, PageParse } from './types';
export { PAGE_KINDS } from './types';

export const PAGES: readonly PageDefinition[] = [...nosdeputesPages, ...nosdeputesNewPages, ...anDynPages, ...anOldPages];

function toUrl(url: string | URL): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

function definitionFor(url: URL): PageDefinition | undefined {
  return PAGES.find((page) => page.detect(url));
}

/** The kind of page at `url`, from the URL alone, or `null` when Vigie has nothing to read there. */
export function detectPage(url: string | URL): PageKind | null {
  const parsed = toUrl(url);
  return (parsed && definitionFor(parsed)?.kind) ?? null;
}

/**
 * Reads a page. Never throws: a page that is not what its URL promises (an error page, a
 * redesign) reads as `other`.
 */
export function parsePage(doc: Document, url: string | URL): PageParse {
  const parsed = toUrl(url);
  const definition = parsed && definitionFor(parsed);
  if (!parsed || !definition) return OTHER;
  try {
    return definition.parse(doc, parsed);
  } catch {
    return OTHER;
  }
}
