/**
 * The script the browser injects into every matching page: it only imports the page module of the
 * page's host (entrypoints/page-*.ts, written to content-scripts/<name>.js), a web-accessible file.
 * Manifest content scripts get no V8 code cache and are compiled whole on every load, before the
 * page's `load` event; a module imported this way is code-cached by Chrome and fetched
 * asynchronously, so the page's load is not held for it.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { extension } from '../lib/platform/extension';

/** Host → page module path, written in by wxt.config.ts from lib/sites/page-modules.ts. */
declare const __VIGIE_PAGE_MODULES__: Record<string, string>;

export default defineContentScript({
  // Filled in from the site registry by wxt.config.ts (`build:manifestGenerated`): importing the
  // registry here would bundle every site into this loader.
  matches: [],
  runAt: 'document_idle',
  // Firefox runs each page module itself as a content script (wxt.config.ts).
  include: ['chrome'],
  main() {
    const module = Object.hasOwn(__VIGIE_PAGE_MODULES__, location.hostname) ? __VIGIE_PAGE_MODULES__[location.hostname] : undefined;
    if (!module) return;
    // The page module makes its own context (lib/content/script-context.ts) and starts itself.
    const start = () => {
      const url = (extension.runtime.getURL as (path: string) => string)(`/${module}`);
      void import(/* @vite-ignore */ url);
    };
    // `document_idle` runs this just before the page's load event, which waits for it: even the
    // first touch of the extension API (its bindings are made then) would delay the page's load.
    if (document.readyState === 'complete') start();
    else window.addEventListener('load', start, { once: true });
  },
});
