/**
 * The extension API as the browser gives it, without webextension-polyfill: Firefox's `browser` and
 * Chrome's `chrome` both return promises in MV3. Page-side code (the content script and its overlay
 * module) uses this, so that no page loads the polyfill; extension pages may too.
 */
import { type browser as Browser } from 'wxt/browser';

type ExtensionApi = typeof Browser;

const scope = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
let picked: ExtensionApi | undefined;

/**
 * Picked on first use, not when a script loads: the first touch of `runtime` makes the browser build
 * its bindings (several ms), and a content script's load-time work delays the page's load event.
 */
export const extension: ExtensionApi = new Proxy({} as ExtensionApi, {
  get(_, key) {
    picked ??= (scope.browser?.runtime?.id ? scope.browser : scope.chrome)!;
    return Reflect.get(picked, key);
  },
});
