import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { type Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { PERMISSION_HOSTS } from './lib/sources/hosts';
import { CONTENT_SCRIPT_MATCHES } from './lib/sites';
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

/** Where the overlay module (entrypoints/overlay.ts) is written; the loader imports it from there. */
const OVERLAY_MODULE = 'content-scripts/content.js';

/** Where the overlay module may be fetched from: the sites' origins only. */
const pageOrigins = [
  ...new Set(CONTENT_SCRIPT_MATCHES.map((pattern) => `${pattern.slice(0, pattern.indexOf('/', pattern.indexOf('//') + 2))}/*`)),
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
        manifest.content_scripts = [{ matches: CONTENT_SCRIPT_MATCHES, js: [OVERLAY_MODULE], run_at: 'document_idle' }];
        return;
      }
      for (const script of manifest.content_scripts ?? []) {
        if (script.js?.includes('content-scripts/loader.js')) script.matches = CONTENT_SCRIPT_MATCHES;
      }
    },
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((entry) => entry.name === 'loader' || entry.name === 'overlay')) {
        config.plugins = [pageSubstitutes(), ...(config.plugins ?? [])];
      }
      // The overlay module is the content script's code: it keeps the content script's file name
      // (content-scripts/content.js), and the loader the manifest injects is content-scripts/loader.js.
      const output = config.build?.rollupOptions?.output;
      if (entrypoints.length === 1 && entrypoints[0]!.name === 'overlay' && output && !Array.isArray(output)) {
        output.entryFileNames = OVERLAY_MODULE;
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
    // Chrome: the overlay module, imported by the loader, at a per-session URL so that pages cannot
    // probe for Vigie at a fixed address.
    ...(browser === 'firefox'
      ? {}
      : { web_accessible_resources: [{ resources: [OVERLAY_MODULE], matches: pageOrigins, use_dynamic_url: true }] }),
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
