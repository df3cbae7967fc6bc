/**
 * The context WXT hands to the content script's `main`, in place of WXT's own (wxt.config.ts
 * aliases `wxt/utils/content-script-context` here). WXT's announces every start to the page, by
 * `window.postMessage` and by an event on `document` named after the extension id, and stops the
 * script when it hears that event: any page could read Vigie's id and, by replaying the event,
 * remove Vigie from itself. This one tells the page nothing and takes no orders from it.
 *
 * It stops when the extension is gone (updated, disabled, removed): Chrome leaves the old script
 * running in open tabs, orphaned, with `runtime.id` undefined. That is read whenever the page
 * comes back into view; a page that fakes these events only makes us read it again.
 */
import { extension as browser } from '../platform/extension';

export class ContentScriptContext {
  private readonly controller = new AbortController();

  constructor() {
    const stopIfOrphaned = () => {
      if (browser.runtime?.id == null) this.controller.abort();
    };
    const options = { signal: this.controller.signal };
    document.addEventListener('visibilitychange', stopIfOrphaned, options);
    window.addEventListener('pageshow', stopIfOrphaned, options);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  onInvalidated(callback: () => void): () => void {
    this.controller.signal.addEventListener('abort', callback, { once: true });
    return () => this.controller.signal.removeEventListener('abort', callback);
  }
}
