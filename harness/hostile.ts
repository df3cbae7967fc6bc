/**
 * Pages whose own scripts work against Vigie, as any script on a supported site may (issue #17,
 * probe findings D6, D7, D11, P1g, P1h). Served at the real addresses, so the content script runs.
 * What page scripts do before Vigie starts is in `listeningScript` and `takeoverScript`; what they
 * do once the overlays are there (reading, pressing, replaying) the tests do in the main world.
 */
import { html, type FixtureServer } from './server';
import { bigNosdeputesList, fixture } from './site';

/** Its page script takes over what it can of the overlays (P1g, P1h). */
export const TAKEOVER_QUESTION = { url: 'https://2017-2022.nosdeputes.fr/15/question/QE/19189', id: 'AN-15-QE-19189' };
/** These pages' scripts listen; the tests act for them once the overlays are there (D6, D11). */
export const HOSTILE_QUESTION = { url: 'https://www.nosdeputes.fr/16/question/QE/12874', id: 'AN-16-QE-12874' };
export const HOSTILE_LIST = {
  url: 'https://www.nosdeputes.fr/elise-morvan/questions',
  ids: ['AN-16-QE-15230', 'AN-16-QE-11907', 'AN-16-QE-12874', 'AN-16-QE-9120', 'AN-16-QE-6044'],
};
/** Longer than one `watch.states` message may carry (5,000 ids). */
export const HUGE_LIST = { url: 'https://www.nosdeputes.fr/tres-gros-volume/questions', count: 6_000, lastId: 'AN-16-QE-25999' };

/** What the page scripts saw: every `message` event, and how their attempts on the overlays went. */
export interface PageRecord {
  messages: string[];
  /** Shadow roots made through the page's own `attachShadow`: Vigie's never go through it. */
  attachCalls: number;
  /** Attempts to attach the page's own shadow root to a host of Vigie's, as it was inserted. */
  takeovers: { succeeded: number; refused: number };
  /** Times a page-defined `<vigie-overlay>` was constructed. */
  customElements: number;
}

/** Runs in the page, first thing in <head>. Self-contained: it is sent as source. */
function listeningScript(): void {
  const record: PageRecord = { messages: [], attachCalls: 0, takeovers: { succeeded: 0, refused: 0 }, customElements: 0 };
  (window as unknown as { __vigieProbe: PageRecord }).__vigieProbe = record;
  window.addEventListener('message', (event) => record.messages.push(JSON.stringify(event.data)));
}

/**
 * Runs in the page after `listeningScript`. Defines `<vigie-overlay>` (the tag Vigie once used),
 * whose constructor takes the element over with a closed root of its own saying « Répondue
 * (faux) »; wraps `attachShadow` to force roots open and count them; and tries to attach a root
 * to every Vigie host it sees arrive.
 */
function takeoverScript(): void {
  const record = (window as unknown as { __vigieProbe: PageRecord }).__vigieProbe;
  const attach = Element.prototype.attachShadow;
  const fake = (root: ShadowRoot) => {
    root.textContent = 'Répondue (faux)';
  };
  customElements.define(
    'vigie-overlay',
    class extends HTMLElement {
      constructor() {
        super();
        record.customElements++;
        fake(attach.call(this, { mode: 'closed' }));
      }
    },
  );
  Element.prototype.attachShadow = function (init: ShadowRootInit) {
    record.attachCalls++;
    return attach.call(this, { ...init, mode: 'open' });
  };
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) {
        if (!(node instanceof Element) || !node.hasAttribute('data-vigie-host')) continue;
        try {
          fake(attach.call(node, { mode: 'open' }));
          record.takeovers.succeeded++;
        } catch {
          record.takeovers.refused++;
        }
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

function withPageScripts(page: string, scripts: (() => void)[]): string {
  const sources = scripts.map((script) => `<script>(${script.toString()})();</script>`).join('');
  return page.replace(/<head[^>]*>/i, (head) => `${head}${sources}`);
}

export function serveHostilePages(server: FixtureServer): void {
  const serve = (url: string, page: () => string, scripts = [listeningScript]) =>
    server.routes.set(new URL(url).host + new URL(url).pathname, () => html(withPageScripts(page(), scripts)));
  serve(TAKEOVER_QUESTION.url, () => fixture('nosdeputes/q-retiree.html'), [listeningScript, takeoverScript]);
  serve(HOSTILE_QUESTION.url, () => fixture('nosdeputes/q-sans-reponse.html'));
  serve(HOSTILE_LIST.url, () => fixture('nosdeputes/list-deputy-questions.html'));
  serve(HUGE_LIST.url, () => bigNosdeputesList(HUGE_LIST.count));
}

/** Runs in the page: what the page script has recorded so far. */
export function pageRecord(): PageRecord {
  return (window as unknown as { __vigieProbe: PageRecord }).__vigieProbe;
}

/**
 * Runs in the page: the messages heard before this call. Messages posted to a window arrive in
 * order, so once a message posted now has arrived, every earlier one has too.
 */
export function messagesHeardSoFar(): Promise<string[]> {
  const marker = `flush-${Math.random()}`;
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (event.data !== marker) return;
      window.removeEventListener('message', onMessage);
      const { messages } = (window as unknown as { __vigieProbe: PageRecord }).__vigieProbe;
      resolve(messages.filter((message) => !message.includes('flush-')));
    };
    window.addEventListener('message', onMessage);
    window.postMessage(marker, '*');
  });
}

/**
 * Runs in the page: what a page script can do to the hosts it finds. Returns how many hosts it
 * found and how many watch buttons it could reach; it clicks those it reaches, and the hosts.
 */
export function pressFromPage(selector: string): { hosts: number; reached: number } {
  const hosts = Array.from(document.querySelectorAll<HTMLElement>(selector));
  let reached = 0;
  for (const host of hosts) {
    const button = host.shadowRoot?.querySelector('button');
    if (button) {
      reached++;
      button.click();
    }
    host.click();
    host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
  }
  return { hosts: hosts.length, reached };
}

/**
 * Runs in the page after the roots were revealed: a page script that got hold of the buttons
 * anyway. Each is pressed once, with a synthetic event of one kind or another.
 */
export function pressRevealedButtons(selector: string): number {
  const buttons = Array.from(document.querySelectorAll(selector)).map((host) => host.shadowRoot!.querySelector('button')!);
  buttons.forEach((button, i) => {
    if (i % 2 === 0) button.click();
    else button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
  });
  return buttons.length;
}

/**
 * Runs in the page: replays the event WXT's content script listened for, under its real name
 * (the extension id is public for a store extension), and the message it posted. Returns how
 * many overlays are left right after: WXT's context removed them synchronously.
 */
export function replayWxtStartup({ extensionId, selector }: { extensionId: string; selector: string }): number {
  const type = `${extensionId}:content:wxt:content-script-started`;
  const detail = { contentScriptName: 'content', messageId: 'from-the-page' };
  document.dispatchEvent(new CustomEvent(type, { detail }));
  window.dispatchEvent(new CustomEvent(type, { detail }));
  window.postMessage({ type, ...detail }, '*');
  return document.querySelectorAll(selector).length;
}
