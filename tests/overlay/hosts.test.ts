// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHost, HOST_SELECTOR, isOurHost, placeHost, removeStaleHosts } from '../../lib/content/hosts';
import { OVERLAY_ATTRIBUTE } from '../../lib/text';

const CSS = '.badge { color: #14532d; }';

afterEach(() => {
  document.body.replaceChildren();
});

function fragment(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = html;
  document.body.append(div);
  return div;
}

describe('createHost', () => {
  it('makes an empty built-in span marked as ours, its shadow root closed and attached before it reaches the page', () => {
    const { host, root } = createHost(document, {
      attributes: { 'data-vigie-id': 'AN-15-QE-19189', 'data-vigie-state': 'closed' },
      css: CSS,
    });
    // A built-in element: no page-defined custom element can claim or upgrade it.
    expect(host.localName).toBe('span');
    expect(host.getAttribute('is')).toBeNull();
    expect(host.getAttribute(OVERLAY_ATTRIBUTE)).toBe('');
    expect(OVERLAY_ATTRIBUTE).toBe('data-vigie-host');
    expect(host.matches(HOST_SELECTOR)).toBe(true);
    expect(host.getAttribute('data-vigie-id')).toBe('AN-15-QE-19189');
    expect(host.getAttribute('data-vigie-state')).toBe('closed');
    expect(host.hasAttribute('data-vigie-inline')).toBe(false);
    expect(host.isConnected).toBe(false);
    expect(root.mode).toBe('closed');
    expect(root.host).toBe(host);
    expect(host.shadowRoot).toBeNull();
    // The page cannot attach a root of its own once it sees the host.
    expect(() => host.attachShadow({ mode: 'open' })).toThrow();
    expect(host.childNodes.length).toBe(0);
    expect(host.textContent).toBe('');
  });

  it('knows its own hosts from a copy the page forges', () => {
    const { host } = createHost(document, { attributes: {}, css: CSS });
    const forged = fragment(`<span ${OVERLAY_ATTRIBUTE}></span>`).firstElementChild!;
    expect(isOurHost(host)).toBe(true);
    expect(isOurHost(forged)).toBe(false);
    expect(isOurHost(document.createTextNode(''))).toBe(false);
  });

  it('marks inline hosts', () => {
    const { host } = createHost(document, { attributes: {}, css: CSS, inline: true });
    expect(host.getAttribute('data-vigie-inline')).toBe('');
  });

  it('gives the shadow root the stylesheet, shared or as a <style>', () => {
    const a = createHost(document, { attributes: {}, css: CSS }).root;
    const b = createHost(document, { attributes: {}, css: CSS }).root;
    for (const root of [a, b]) {
      const adopted = root.adoptedStyleSheets ?? [];
      const style = root.querySelector('style');
      expect(adopted.length === 1 || style?.textContent === CSS).toBe(true);
    }
    if (a.adoptedStyleSheets?.length) expect(a.adoptedStyleSheets[0]).toBe(b.adoptedStyleSheets[0]);
  });

  for (const type of ['keydown', 'keyup', 'keypress']) {
    it(`keeps ${type} inside the host: the page's shortcuts never see it`, () => {
      const { host, root } = createHost(document, { attributes: {}, css: CSS });
      const wrapper = fragment('<p></p>');
      wrapper.append(host);
      const button = document.createElement('button');
      root.append(button);

      const onPage = vi.fn();
      const onWrapper = vi.fn();
      const inside = vi.fn();
      document.addEventListener(type, onPage);
      wrapper.addEventListener(type, onWrapper);
      button.addEventListener(type, inside);
      try {
        button.dispatchEvent(new KeyboardEvent(type, { key: 'j', bubbles: true, composed: true }));
        host.dispatchEvent(new KeyboardEvent(type, { key: 'k', bubbles: true, composed: true }));
        expect(inside).toHaveBeenCalledTimes(1);
        expect(onWrapper).not.toHaveBeenCalled();
        expect(onPage).not.toHaveBeenCalled();

        // Control: the same event from the page itself does reach the page's listeners.
        wrapper.querySelector('p')!.dispatchEvent(new KeyboardEvent(type, { key: 'j', bubbles: true, composed: true }));
        expect(onWrapper).toHaveBeenCalledTimes(1);
        expect(onPage).toHaveBeenCalledTimes(1);
      } finally {
        document.removeEventListener(type, onPage);
      }
    });
  }

  it('lets other events (clicks) through', () => {
    const { host, root } = createHost(document, { attributes: {}, css: CSS });
    document.body.append(host);
    const link = document.createElement('a');
    root.append(link);
    const onPage = vi.fn();
    document.body.addEventListener('click', onPage);
    link.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(onPage).toHaveBeenCalledTimes(1);
  });
});

describe('removeStaleHosts', () => {
  it('removes the hosts a previous instance of Vigie left, and keeps this one’s', () => {
    const page = fragment(`<h2>Titre<span ${OVERLAY_ATTRIBUTE} data-vigie-id="AN-16-QE-1"></span></h2><p>Texte</p>`);
    const { host } = createHost(document, { attributes: {}, css: CSS });
    page.append(host);
    removeStaleHosts(document);
    expect(Array.from(document.querySelectorAll(HOST_SELECTOR))).toEqual([host]);
    expect(page.querySelector('h2')!.textContent).toBe('Titre');
    expect(page.querySelector('p')!.textContent).toBe('Texte');
  });
});

describe('placeHost', () => {
  const newHost = () => createHost(document, { attributes: {}, css: CSS, inline: true }).host;

  it('puts the host after a link, inside its heading', () => {
    const div = fragment('<h2><a href="/16/question/QE/1">Question Écrite N° 1</a> <small>suite</small></h2>');
    const a = div.querySelector('a')!;
    const host = newHost();
    placeHost(a, host);
    expect(a.nextSibling).toBe(host);
    expect(host.parentElement).toBe(div.querySelector('h2'));
    expect(a.contains(host)).toBe(false);
  });

  it('appends the host to a heading, after the link it holds', () => {
    const div = fragment('<h2><a href="/16/question/QE/1">Question Écrite N° 1</a></h2>');
    const h2 = div.querySelector('h2')!;
    const host = newHost();
    placeHost(h2, host);
    expect(h2.lastChild).toBe(host);
    expect(host.previousSibling).toBe(h2.querySelector('a'));
  });

  it('puts the host after a role=button anchor, never inside it', () => {
    const div = fragment('<h3><span role="button" tabindex="0">Question N° 12</span></h3>');
    const button = div.querySelector('[role="button"]')!;
    const host = newHost();
    placeHost(button, host);
    expect(button.nextSibling).toBe(host);
    expect(button.contains(host)).toBe(false);
    expect(host.parentElement?.tagName).toBe('H3');
  });

  it('climbs out of the link an anchor sits in', () => {
    const div = fragment('<h4><a href="/x"><span class="title">Titre</span></a></h4>');
    const span = div.querySelector('.title')!;
    const host = newHost();
    placeHost(span, host);
    expect(div.querySelector('a')!.nextSibling).toBe(host);
    expect(div.querySelector('a')!.contains(host)).toBe(false);
    expect(host.parentElement?.tagName).toBe('H4');
  });

  it('also steps out of buttons and summaries', () => {
    const div = fragment('<details><summary>Détails</summary></details><div><button>Voir</button></div>');
    const h1 = newHost();
    const h2 = newHost();
    placeHost(div.querySelector('summary')!, h1);
    placeHost(div.querySelector('button')!, h2);
    expect(div.querySelector('summary')!.nextSibling).toBe(h1);
    expect(div.querySelector('button')!.nextSibling).toBe(h2);
  });
});
