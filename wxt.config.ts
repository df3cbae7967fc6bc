import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { HOSTS } from './lib/sources/hosts';

// The sites and the Journal officiel index (echanges.dila.gouv.fr), nothing broader.
const hostPermissions = HOSTS.map((host) => `https://${host}/*`);

export default defineConfig({
  // The bench build (timing marks in the content script) never overwrites the real one.
  outDir: process.env.WXT_BENCH === 'true' ? '.output/bench' : '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: lib/ stays plain TypeScript that tests import directly.
  imports: false,
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
