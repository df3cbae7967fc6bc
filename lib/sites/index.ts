/**
 * The site registry: every website Vigie reads, one module each. Page kinds, the options' per-site
 * switches, the content script's match patterns and the manifest's host permissions are all
 * derived from this list; adding a site is one module, its fixtures and one line here.
 */
import { parseUrl } from '../urls';
import { anDynSite } from './an-dyn';
import { anOldSite } from './an-old';
import { nosdeputesSite } from './nosdeputes';
import { nosdeputesNewSite } from './nosdeputes-new';
import { nossenateursSite } from './nossenateurs';
import { senatSite } from './senat';
import { OTHER, type PageDefinition, type PageParse, type SiteDefinition } from './types';

export type { ListItem, PageParse, SiteDefinition } from './types';

export const SITES = [nosdeputesSite, nosdeputesNewSite, anDynSite, anOldSite, senatSite, nossenateursSite] as const;

export type SiteId = (typeof SITES)[number]['id'];
export type PageKind = (typeof SITES)[number]['pages'][number]['kind'];

/** A page definition with the site it belongs to. */
export type SitePage = PageDefinition<PageKind> & { site: SiteDefinition<SiteId, PageKind> };

export const PAGES: readonly SitePage[] = SITES.flatMap((site: SiteDefinition<SiteId, PageKind>) =>
  site.pages.map((page) => ({ ...page, site })),
);

const unique = <T>(values: T[]): T[] => [...new Set(values)];

/** Hosts of every site, for mapping them to the test server. */
export const SITE_HOSTS: readonly string[] = unique(SITES.flatMap((site) => [...site.hosts]));

/** The sites' hosts the background reads pages from: the manifest's host permissions. */
export const FETCHED_SITE_HOSTS: readonly string[] = unique(SITES.flatMap((site) => [...(site.fetchedHosts ?? site.hosts)]));

export const CONTENT_SCRIPT_MATCHES: string[] = unique(SITES.flatMap((site) => [...site.matches]));

/** The page definition for `url`, with its site. */
export function pageAt(url: string | URL): SitePage | undefined {
  const parsed = typeof url === 'string' ? parseUrl(url) : url;
  return parsed && PAGES.find((page) => page.detect(parsed));
}

/** The kind of page at `url`, from the URL alone, or `null` when Vigie has nothing to read there. */
export function detectPage(url: string | URL): PageKind | null {
  return pageAt(url)?.kind ?? null;
}

/**
 * Reads a page. Never throws: a page that is not what its URL promises (an error page, a
 * redesign) reads as `other`.
 */
export function parsePage(doc: Document, url: string | URL): PageParse {
  const parsed = typeof url === 'string' ? parseUrl(url) : url;
  const page = parsed && pageAt(parsed);
  if (!parsed || !page) return OTHER;
  try {
    return page.parse(doc, parsed);
  } catch {
    return OTHER;
  }
}

export function isSinglePageApp(doc: Document): boolean {
  return SITES.some((site: SiteDefinition) => site.isSinglePageApp?.(doc) ?? false);
}
