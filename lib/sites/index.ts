/**
 * The site registry: every website Vigie reads, one module each. Page kinds, the options' per-site
 * switches, the content script's match patterns and the manifest's host permissions are all
 * derived from this list; adding a site is one module, its fixtures and one line here.
 */
import { anDynSite } from './an-dyn';
import { anOldSite } from './an-old';
import { nosdeputesSite } from './nosdeputes';
import { nosdeputesNewSite } from './nosdeputes-new';
import { nossenateursSite } from './nossenateurs';
import { senatSite } from './senat';
import { siteReader, type SitePage as ReaderPage } from './reader';

export type { ListItem, PageParse } from './types';

export const SITES = [nosdeputesSite, nosdeputesNewSite, anDynSite, anOldSite, senatSite, nossenateursSite] as const;

export type SiteId = (typeof SITES)[number]['id'];
export type PageKind = (typeof SITES)[number]['pages'][number]['kind'];

/** A page definition with the site it belongs to. */
export type SitePage = ReaderPage<SiteId, PageKind>;

/** Every site: what the background reads. */
export const ALL_SITES = siteReader<SiteId, PageKind>(SITES);

export const PAGES: readonly SitePage[] = ALL_SITES.pages;

const unique = <T>(values: T[]): T[] => [...new Set(values)];

/** Hosts of every site, for mapping them to the test server. */
export const SITE_HOSTS: readonly string[] = unique(SITES.flatMap((site) => [...site.hosts]));

/** The sites' hosts the background reads pages from: the manifest's host permissions. */
export const FETCHED_SITE_HOSTS: readonly string[] = unique(SITES.flatMap((site) => [...(site.fetchedHosts ?? site.hosts)]));

export const CONTENT_SCRIPT_MATCHES: string[] = unique(SITES.flatMap((site) => [...site.matches]));

/** The page definition for `url`, with its site, among every site. */
export const pageAt = ALL_SITES.pageAt;

/** The kind of page at `url`, from the URL alone, or `null` when Vigie has nothing to read there. */
export function detectPage(url: string | URL): PageKind | null {
  return pageAt(url)?.kind ?? null;
}

/** Reads a page of any site; never throws (`SiteReader.parsePage`). */
export const parsePage = ALL_SITES.parsePage;
