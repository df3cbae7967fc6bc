/**
 * The page modules: a page loads only the parsers of its own host's sites, not every site's
 * (issue #16: each KB of the page's code is compiled and run on every load). Sites that share a
 * host share a module. Each module's entry point is `entrypoints/page-<name>.ts`, which imports
 * exactly these sites (tests/conventions/page-modules.test.ts); wxt.config.ts derives the manifest
 * and the loader's host map from here.
 */
import { type SiteDefinition } from './types';
import { type SiteId } from '.';

export const PAGE_MODULES = {
  // The archives' question pages are also served at www.nosdeputes.fr, the new site's host.
  nosdeputes: ['nosdeputes', 'nosdeputesNew'],
  // Both serve questions.assemblee-nationale.fr.
  an: ['an', 'anOld'],
  senat: ['senat'],
  nossenateurs: ['nossenateurs'],
} as const satisfies Record<string, readonly SiteId[]>;

export type PageModuleName = keyof typeof PAGE_MODULES;

/** Where a page module is written in the package. */
export const pageModulePath = (name: string): string => `content-scripts/${name}.js`;

export interface PageModule {
  name: PageModuleName;
  path: string;
  /** Match patterns of its sites: where Firefox runs it, and the pages Chrome lets import it. */
  matches: string[];
  hosts: string[];
}

/** Each page module with the match patterns and hosts of its sites, read from the registry. */
export function pageModules(sites: readonly SiteDefinition[]): PageModule[] {
  return (Object.entries(PAGE_MODULES) as [PageModuleName, readonly string[]][]).map(([name, ids]) => {
    const own = sites.filter((site) => ids.includes(site.id));
    return {
      name,
      path: pageModulePath(name),
      matches: [...new Set(own.flatMap((site) => [...site.matches]))],
      hosts: [...new Set(own.flatMap((site) => [...site.hosts]))],
    };
  });
}

/** The page module each host loads: what the Chrome loader imports. */
export function pageModuleByHost(modules: readonly PageModule[]): Record<string, string> {
  return Object.fromEntries(modules.flatMap((module) => module.hosts.map((host) => [host, module.path])));
}
