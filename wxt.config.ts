import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { type Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { PERMISSION_HOSTS } from './lib/sources/hosts';
import { CONTENT_SCRIPT_MATCHES, SITES } from './lib/sites';
import { pageModuleByHost, pageModulePath, pageModules } from './lib/sites/page-modules';
import { PAGE_SUBSTITUTES } from './lib/page-substitutes';

const here = (path: string) => fileURLToPath(new URL(`./${path}`, import.meta.url));
const substitutes = new Map(Object.entries(PAGE_SUBSTITUTES).map(([from, to]) => [here(from), here(to)]));

/** Page-side builds take the zod-free twins of some modules (lib/page-substitutes.ts). */
const pageSubstitutes = (): Plugin => ({
  name: 'vigie:page-substitutes',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    if (!importer) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    return (resolved && substitutes.get(resolved.id)) ?? null;
  },
});

/** One module per group of sites (lib/sites/page-modules.ts): a page loads its own host's only. */
const PAGE_MODULES = pageModules(SITES);
const PAGE_ENTRY_PREFIX = 'page-';

/** Where a page module may be imported from: its sites' origins only. */
const originsOf = (matches: readonly string[]) => [
  ...new Set(matches.map((pattern) => `${pattern.slice(0, pattern.indexOf('/', pattern.indexOf('//') + 2))}/*`)),
];

// The hosts the background fetches from: the sites and the Journal officiel index (echanges.dila.gouv.fr).
const hostPermissions = PERMISSION_HOSTS.map((host) => `https://${host}/*`);

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: lib/ stays plain TypeScript that tests import directly.
  imports: false,
  hooks: {
    // Chrome: the loader (entrypoints/loader.content.ts), whose matches come from the site registry.
    // Firefox caches content scripts itself and its linter refuses a computed import(): there the
    // overlay module is the content script.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser === 'firefox') {
        manifest.content_scripts = PAGE_MODULES.map((module) => ({ matches: module.matches, js: [module.path], run_at: 'document_idle' }));
        return;
      }
      for (const script of manifest.content_scripts ?? []) {
        if (script.js?.includes('content-scripts/loader.js')) script.matches = CONTENT_SCRIPT_MATCHES;
      }
    },
    'vite:build:extendConfig': (entrypoints, config) => {
      const pageEntry = entrypoints.length === 1 && entrypoints[0]!.name.startsWith(PAGE_ENTRY_PREFIX) ? entrypoints[0]! : undefined;
      const loader = entrypoints.some((entry) => entry.name === 'loader');
      if (loader || pageEntry) config.plugins = [pageSubstitutes(), ...(config.plugins ?? [])];
      // The loader knows which module each host loads without importing the registry (every site).
      if (loader) config.define = { ...config.define, __VIGIE_PAGE_MODULES__: JSON.stringify(pageModuleByHost(PAGE_MODULES)) };
      // A page module is content-script code: it goes beside the loader, content-scripts/<name>.js.
      const output = config.build?.rollupOptions?.output;
      if (pageEntry && output && !Array.isArray(output)) {
        const name = pageEntry.name.slice(PAGE_ENTRY_PREFIX.length);
        if (!PAGE_MODULES.some((module) => module.name === name))
          throw new Error(`${pageEntry.name}: no such page module in lib/sites/page-modules.ts`);
        output.entryFileNames = pageModulePath(name);
      }
    },
  },
  zip: {
    // What AMO reviewers need to rebuild the package; tests, demo data and screenshots stay out.
    excludeSources: ['tests/**', 'docs/**', 'bench/**', '.ci/**', '*.tmp.ts', '.e2e-tmp/**'],
  },
  vite: () => ({
    plugins: [preact()],
    resolve: {
      alias: {
        'cssomnom/parse': fileURLToPath(new URL('./lib/shims/css-parse.ts', import.meta.url)),
        // WXT's context tells every page the extension id and lets it stop the content script.
        'wxt/utils/content-script-context': fileURLToPath(new URL('./lib/content/script-context.ts', import.meta.url)),
      },
    },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: 'Vigie',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    permissions: ['storage', 'alarms', 'notifications'],
    // From Chrome 110 each extension API call resets the service worker's idle timer and the
    // 5-minute cap is gone: a polling run (storage reads between requests 2 s apart) is not cut short.
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '110' }),
    action: { default_title: '__MSG_extName__' },
    // Everything Vigie runs ships in the package: no remote code, no eval.
    content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'" },
    host_permissions: hostPermissions,
    // Chrome: the page modules, imported by the loader, each from its own sites' pages only, at a
    // per-session URL so that pages cannot probe for Vigie at a fixed address.
    ...(browser === 'firefox'
      ? {}
      : {
          web_accessible_resources: PAGE_MODULES.map((module) => ({
            resources: [module.path],
            matches: originsOf(module.matches),
            use_dynamic_url: true,
          })),
        }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'vigie@vigie-parlement.fr',
              strict_min_version: '153.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '153.0' },
          },
        }
      : {}),
  }),
});
