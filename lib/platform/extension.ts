/**
 * The extension API as the browser gives it, without webextension-polyfill: Firefox's `browser` and
 * Chrome's `chrome` both return promises in MV3. Page-side code (the content script and its overlay
 * module) uses this, so that no page loads the polyfill; extension pages may too.
 */
import { type browser as Browser } from 'wxt/browser';

type ExtensionApi = typeof Browser;

const scope = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };

export const extension: ExtensionApi = (scope.browser?.runtime?.id ? scope.browser : scope.chrome)!;
