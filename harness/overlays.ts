/**
 * What a test sees of Vigie's overlays, in either browser. Their shadow roots are closed: page
 * scripts, and so the drivers' page-side code and locators, get `host.shadowRoot === null`. Only
 * the debugging protocols reach them (CDP in Chromium, WebDriver BiDi in Firefox). Each driver's
 * `withRevealedRoots` hands every root to the page's main world as its host's `shadowRoot` for
 * as long as an action runs, so the functions below, and axe-core, can read the overlays' real
 * markup where it is; then it takes them back, so that the page sees again what a page sees.
 * Nothing of this exists outside the test: a page has no debugging protocol.
 */
import { HOST_SELECTOR } from '../lib/content/hosts';

export { HOST_SELECTOR };

export interface OverlayHost {
  id: string | null;
  state: string | null;
  deputy: string | null;
  text: string;
  /** The watch button's `aria-pressed`, or null when the overlay has no button (yet). */
  pressed: string | null;
}

/** Self-contained, run in the page: undoes the reveal (the hosts' own `shadowRoot` goes, the closed one's null returns). */
export function concealRoots(selector: string): void {
  for (const host of Array.from(document.querySelectorAll(selector))) delete (host as { shadowRoot?: unknown }).shadowRoot;
}

/** Self-contained: both drivers send its source to the page and run it there, with the roots revealed. */
export function describeOverlayHosts(hosts: Element[]): OverlayHost[] {
  return hosts.map((host) => {
    const root = host.shadowRoot;
    const text = Array.from(root?.childNodes ?? [])
      .filter((node) => node.nodeName !== 'STYLE')
      .map((node) => node.textContent)
      .join('');
    return {
      id: host.getAttribute('data-vigie-id'),
      state: host.getAttribute('data-vigie-state'),
      deputy: host.getAttribute('data-vigie-deputy'),
      text: text.replace(/\s+/g, ' ').trim(),
      pressed: root?.querySelector('button')?.getAttribute('aria-pressed') ?? null,
    };
  });
}

/**
 * Self-contained, run in the page with the roots revealed: brings the watch button of the host
 * `selector` finds into view and gives its centre, where the driver then clicks with real
 * (trusted) input.
 */
export function watchButtonCentre(selector: string): { x: number; y: number } | null {
  const button = document.querySelector(selector)?.shadowRoot?.querySelector('button');
  if (!button) return null;
  button.scrollIntoView({ block: 'center' });
  const box = button.getBoundingClientRect();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

export const hostOf = (id: string) => `${HOST_SELECTOR}[data-vigie-id="${id}"]`;

/** Resolves once `condition` holds, checking every 100 ms; fails with `what` after `timeout`. */
export async function until(condition: () => Promise<boolean>, what: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
