/**
 * Vigie's shadow roots are closed: `host.shadowRoot` is null, in tests as on pages. Tests read
 * them the way only a debugger could, by keeping each root `attachShadow` returns in their window.
 */
import { vi } from 'vitest';

/** Records the shadow roots attached in `doc`'s window from now on (until the test's mocks are restored). */
export function recordShadowRoots(doc: Document): (host: Element) => ShadowRoot {
  const roots = new WeakMap<Element, ShadowRoot>();
  const { prototype } = (doc.defaultView as Window & typeof globalThis).Element;
  const attach = prototype.attachShadow;
  vi.spyOn(prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.set(this, root);
    return root;
  });
  return (host) => {
    const root = roots.get(host);
    if (!root) throw new Error(`No shadow root was attached to this <${host.localName}>`);
    return root;
  };
}

/** A click as the browser makes it for a user: happy-dom marks no event trusted, so the test does. */
export function trustedClick(target: Element): void {
  const event = new (target.ownerDocument.defaultView as unknown as typeof globalThis).MouseEvent('click', {
    bubbles: true,
    composed: true,
  });
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
}
