/**
 * Debian's Chromium with the production build loaded unpacked, driven by playwright-core.
 * Never downloads a browser.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { HOSTS } from '../lib/sources/hosts';
import { concealRoots, describeOverlayHosts, HOST_SELECTOR, hostOf, until, watchButtonCentre, type OverlayHost } from './overlays';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
export const CHROMIUM = process.env.VIGIE_CHROMIUM ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker(): Promise<Worker>;
  /** Errors thrown in pages (content scripts included) and console errors. */
  errors: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchWithExtension(
  port: number,
  // `extraHosts`: hosts a test serves beyond the sites (a foreign host a page or a redirect points to).
  { locale = 'fr-FR', headless = true, extensionDir = EXTENSION_DIR, extraHosts = [] as readonly string[] } = {},
): Promise<ExtensionBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'vigie-e2e-'));
  const rules = [...HOSTS, ...extraHosts].map((host) => `MAP ${host} 127.0.0.1:${port}`).join(', ');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless,
    locale,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=${rules}, EXCLUDE localhost`,
      // Pages are covered by ignoreHTTPSErrors; the service worker's own fetches need the flag.
      '--ignore-certificate-errors',
      '--disable-quic',
      `--lang=${locale}`,
    ],
  });
  const errors: string[] = [];
  // Only what comes from the extension: the fixture pages' own scripts fail offline.
  const fromExtension = (text: string | undefined) => !!text && text.includes('chrome-extension://');
  const watch = (page: Page) => {
    page.on('pageerror', (error) => {
      if (fromExtension(error.stack)) errors.push(`pageerror ${page.url()}: ${error.message}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && (fromExtension(message.location().url) || fromExtension(message.text()))) {
        errors.push(`console ${page.url()}: ${message.text()}`);
      }
    });
  };
  context.on('page', watch);
  context.pages().forEach(watch);
  const worker = async () => {
    const existing = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    return existing ?? context.waitForEvent('serviceworker', { timeout: 15_000 });
  };
  const extensionId = new URL((await worker()).url()).host;
  return {
    context,
    extensionId,
    worker,
    errors,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

function cdpOf(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

/**
 * Hands the overlays' closed shadow roots to the page's main world as `host.shadowRoot` while
 * `action` runs, then takes them back (harness/overlays.ts says why); only the hosts `selector`
 * matches. CDP describes a host with its closed root; `DOM.resolveNode` makes that root an object
 * of the main world.
 */
export async function withRevealedRoots<T>(page: Page, action: () => Promise<T>, selector = HOST_SELECTOR): Promise<T> {
  const cdp = await cdpOf(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
  const objectGroup = 'vigie-revealed-roots';
  const objects = await Promise.all(
    nodeIds.map(async (nodeId) => {
      const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 0, pierce: true });
      const shadow = node.shadowRoots?.[0];
      return shadow && (await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId, objectGroup })).object.objectId;
    }),
  );
  const roots = objects.filter((objectId) => objectId !== undefined);
  if (roots.length) {
    await cdp.send('Runtime.callFunctionOn', {
      objectId: roots[0]!,
      functionDeclaration: `function (...roots) { for (const root of roots) Object.defineProperty(root.host, 'shadowRoot', { value: root, configurable: true }); }`,
      arguments: roots.map((objectId) => ({ objectId })),
    });
  }
  try {
    return await action();
  } finally {
    await page.evaluate(concealRoots, selector).catch(() => undefined);
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup }).catch(() => undefined);
  }
}

/** What the overlays say about themselves: the test contract of the content script. */
export function overlayHosts(page: Page, selector = HOST_SELECTOR): Promise<OverlayHost[]> {
  return withRevealedRoots(page, () => page.$$eval(selector, describeOverlayHosts), selector);
}

export async function overlayHost(page: Page, id: string): Promise<OverlayHost | undefined> {
  return (await overlayHosts(page, hostOf(id)))[0];
}

/** Waits until the page holds at least `count` overlays, and describes them. */
export async function waitForOverlays(page: Page, count: number, timeout = 10_000): Promise<OverlayHost[]> {
  await page.waitForFunction(
    ({ selector, n }) => document.querySelectorAll(selector).length >= n,
    { selector: HOST_SELECTOR, n: count },
    { timeout },
  );
  return overlayHosts(page);
}

/** The user's click on the watch button of question `id`: real mouse input, a trusted event. */
export async function clickWatchButton(page: Page, id: string): Promise<void> {
  const centre = await withRevealedRoots(page, () => page.evaluate(watchButtonCentre, hostOf(id)), hostOf(id));
  if (!centre) throw new Error(`No watch button for ${id}`);
  await page.mouse.click(centre.x, centre.y);
}

/** Watches question `id` as a user does: waits for its « Suivre », clicks it, waits for « Suivie ». */
export async function watchFromOverlay(page: Page, id: string): Promise<void> {
  const pressed = async (value: string) => (await overlayHost(page, id))?.pressed === value;
  await until(() => pressed('false'), `« Suivre » on ${id}`);
  await clickWatchButton(page, id);
  await until(() => pressed('true'), `« Suivie » on ${id}`);
}

/** Moves the focus to the watch button of question `id`, for keyboard tests. */
export async function focusWatchButton(page: Page, id: string): Promise<void> {
  await withRevealedRoots(
    page,
    () => page.evaluate((selector) => document.querySelector(selector)?.shadowRoot?.querySelector('button')?.focus(), hostOf(id)),
    hostOf(id),
  );
}

/**
 * Stops the extension's service worker the way Chrome does when it idles (CDP
 * ServiceWorker.stopAllWorkers); the next event starts it again from scratch.
 */
export async function stopServiceWorker(browser: ExtensionBrowser): Promise<void> {
  const page = await browser.newPage();
  const cdp = await browser.context.newCDPSession(page);
  const scope = `chrome-extension://${browser.extensionId}/`;
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.scriptURL.startsWith(scope) && v.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
  await page.close();
}
