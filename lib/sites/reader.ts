/**
 * Reading pages with a given set of sites. The background reads every site (lib/sites/index.ts);
 * each page module (lib/sites/page-modules.ts) carries only the sites of its own hosts, so that a
 * page compiles and runs no other site's parsers.
 */
import { parseUrl } from '../urls';
import { OTHER, type PageDefinition, type PageParse, type SiteDefinition } from './types';

/** A page definition with the site it belongs to. */
export type SitePage<Id extends string = string, Kind extends string = string> = PageDefinition<Kind> & {
  site: SiteDefinition<Id, Kind>;
};

export interface SiteReader<Id extends string = string, Kind extends string = string> {
  pages: readonly SitePage<Id, Kind>[];
  /** The page definition for `url`, with its site. */
  pageAt(url: string | URL): SitePage<Id, Kind> | undefined;
  /**
   * Reads a page. Never throws: a page that is not what its URL promises (an error page, a
   * redesign) reads as `other`.
   */
  parsePage(doc: Document, url: string | URL): PageParse;
  isSinglePageApp(doc: Document): boolean;
}

export function siteReader<Id extends string, Kind extends string>(sites: readonly SiteDefinition<Id, Kind>[]): SiteReader<Id, Kind> {
  const pages: SitePage<Id, Kind>[] = sites.flatMap((site) => site.pages.map((page) => ({ ...page, site })));
  const pageAt = (url: string | URL) => {
    const parsed = typeof url === 'string' ? parseUrl(url) : url;
    return parsed ? pages.find((page) => page.detect(parsed)) : undefined;
  };
  return {
    pages,
    pageAt,
    parsePage(doc, url) {
      const parsed = typeof url === 'string' ? parseUrl(url) : url;
      const page = parsed && pageAt(parsed);
      if (!parsed || !page) return OTHER;
      try {
        return page.parse(doc, parsed);
      } catch {
        return OTHER;
      }
    },
    isSinglePageApp: (doc) => sites.some((site) => site.isSinglePageApp?.(doc) ?? false),
  };
}
