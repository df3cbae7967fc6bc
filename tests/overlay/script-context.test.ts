// @vitest-environment happy-dom
/**
 * D11 of the reliability probe: WXT's content-script context posted the extension id to the page
 * and stopped the script when the page replayed its start-up event. Vigie's own context tells
 * the page nothing, takes no orders from it, and stops only when the extension is really gone.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from '../../lib/content/script-context';

const started = () => new ContentScriptContext();

afterEach(() => {
  fakeBrowser.reset();
});

/** The extension updated, disabled or removed: Chrome's orphaned scripts see no `runtime.id`. */
function extensionGone() {
  Object.defineProperty(fakeBrowser.runtime, 'id', { value: undefined, configurable: true, writable: true });
}

describe('the content script context', () => {
  it('says nothing to the page when it starts: no message posted, no event dispatched', () => {
    const posted = vi.spyOn(window, 'postMessage');
    const onDocument = vi.spyOn(document, 'dispatchEvent');
    const onWindow = vi.spyOn(window, 'dispatchEvent');
    started();
    expect(posted).not.toHaveBeenCalled();
    expect(onDocument).not.toHaveBeenCalled();
    expect(onWindow).not.toHaveBeenCalled();
  });

  it('keeps running when the page replays WXT’s start-up event with the real extension id', () => {
    const context = started();
    const name = `${fakeBrowser.runtime.id}:content:wxt:content-script-started`;
    const detail = { contentScriptName: 'content', messageId: 'from-the-page' };
    document.dispatchEvent(new CustomEvent(name, { detail }));
    window.dispatchEvent(new CustomEvent(name, { detail }));
    window.dispatchEvent(new MessageEvent('message', { data: { type: name, ...detail } }));
    expect(context.signal.aborted).toBe(false);
  });

  it('keeps running when the page fakes the events that make it look at the extension', () => {
    const context = started();
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('pageshow'));
    expect(context.signal.aborted).toBe(false);
  });

  it.each([
    ['the page comes back into view', () => document.dispatchEvent(new Event('visibilitychange'))],
    ['the page comes back from the back-forward cache', () => window.dispatchEvent(new Event('pageshow'))],
  ])('stops once the extension is gone, seen when %s', (_when, event) => {
    const context = started();
    const stopped = vi.fn();
    context.onInvalidated(stopped);
    extensionGone();
    expect(context.signal.aborted).toBe(false);
    event();
    expect(context.signal.aborted).toBe(true);
    expect(stopped).toHaveBeenCalledTimes(1);
  });

  it('lets a listener be removed before it runs', () => {
    const context = started();
    const stopped = vi.fn();
    const remove = context.onInvalidated(stopped);
    remove();
    extensionGone();
    document.dispatchEvent(new Event('visibilitychange'));
    expect(context.signal.aborted).toBe(true);
    expect(stopped).not.toHaveBeenCalled();
  });
});
