/**
 * The script the browser injects into every matching page: it only imports the overlay module
 * (entrypoints/overlay.ts, written to content-scripts/content.js), a web-accessible file. Manifest content scripts get no V8 code cache
 * and are compiled whole on every load, before the page's `load` event; a module imported this way
 * is code-cached by Chrome and fetched asynchronously, so the page's load is not held for it.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { extension } from '../lib/platform/extension';

export default defineContentScript({
  // Filled in from the site registry by wxt.config.ts (`build:manifestGenerated`): importing the
  // registry here would bundle every site into this loader.
  matches: [],
  runAt: 'document_idle',
  // Firefox runs the overlay module itself as the content script (wxt.config.ts).
  include: ['chrome'],
  main() {
    // The overlay module makes its own context (lib/content/script-context.ts) and starts itself.
    // WXT's typed paths name the module after its entry (overlay.js); wxt.config.ts writes it here.
    const start = () => {
      const url = (extension.runtime.getURL as (path: string) => string)('/content-scripts/content.js');
      void import(/* @vite-ignore */ url);
    };
    // `document_idle` runs this just before the page's load event, which waits for it: even the
    // first touch of the extension API (its bindings are made then) would delay the page's load.
    if (document.readyState === 'complete') start();
    else window.addEventListener('load', start, { once: true });
  },
});
