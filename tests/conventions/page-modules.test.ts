/**
 * The page modules (lib/sites/page-modules.ts): every site in one of them, a host never split
 * between two, and each module's entry point loading exactly its own sites — never another site's
 * parsers, nor the registry that holds them all.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SITES } from '../../lib/sites';
import { PAGE_MODULES, pageModuleByHost, pageModules } from '../../lib/sites/page-modules';
import { type SiteDefinition } from '../../lib/sites/types';
import { pageEntries, pageModuleImports, repositorySources } from './boundaries';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SITE_FILES = ['an-dyn', 'an-old', 'nosdeputes', 'nosdeputes-new', 'nossenateurs', 'senat'];

/** Site id → the module that defines it, read from the modules' exports. */
async function siteFiles(): Promise<Map<string, string>> {
  const byId = new Map<string, string>();
  for (const file of SITE_FILES) {
    const exports: Record<string, unknown> = await import(`../../lib/sites/${file}.ts`);
    for (const value of Object.values(exports)) {
      const site = value as Partial<SiteDefinition>;
      if (site && typeof site === 'object' && typeof site.id === 'string' && Array.isArray(site.pages))
        byId.set(site.id, `lib/sites/${file}`);
    }
  }
  return byId;
}

describe('page modules', () => {
  const files = repositorySources(ROOT);
  const modules = pageModules(SITES);

  it('put every site in exactly one module', () => {
    const placed = Object.values(PAGE_MODULES).flat() as string[];
    expect([...placed].sort()).toEqual(SITES.map((site) => site.id).sort());
  });

  it('never split a host between two modules: the loader picks one module per host', () => {
    const claims = modules.flatMap((module) => module.hosts.map((host) => `${host} ${module.name}`));
    const hosts = modules.flatMap((module) => module.hosts);
    expect(new Set(hosts).size, claims.join('\n')).toBe(hosts.length);
    expect(Object.keys(pageModuleByHost(modules)).sort()).toEqual([...new Set(SITES.flatMap((site) => [...site.hosts]))].sort());
  });

  it('each have an entry point, and every page entry point is a module', () => {
    const entries = pageEntries(files).filter((path) => path.startsWith('entrypoints/page-'));
    expect(entries.sort()).toEqual(modules.map((module) => `entrypoints/page-${module.name}.ts`).sort());
    for (const entry of entries) expect(existsSync(`${ROOT}${entry}`)).toBe(true);
  });

  it('load exactly their own sites, and not the registry of all sites', async () => {
    const definedIn = await siteFiles();
    expect([...definedIn.keys()].sort()).toEqual(SITES.map((site) => site.id).sort());
    const siteModules = new Set(definedIn.values());
    for (const module of modules) {
      const loaded = pageModuleImports(files, `entrypoints/page-${module.name}.ts`);
      const own = (PAGE_MODULES[module.name] as readonly string[]).map((id) => definedIn.get(id));
      expect([...loaded].filter((path) => siteModules.has(path)).sort(), module.name).toEqual(own.sort());
      expect(loaded.has('lib/sites') || loaded.has('lib/sites/index'), module.name).toBe(false);
    }
  });
});
