/**
 * Debian's Chromium with the production build loaded unpacked, driven by playwright-core.
 * Never downloads a browser.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { HOSTS } from '../lib/sources/hosts';
import { describeOverlayHosts, type OverlayHost } from './overlays';

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
  { locale = 'fr-FR', headless = true, extensionDir = EXTENSION_DIR } = {},
): Promise<ExtensionBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'vigie-e2e-'));
  const rules = HOSTS.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(', ');
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

/** What the overlays say about themselves: the test contract of the content script. */
export async function overlayHosts(page: Page): Promise<OverlayHost[]> {
  return page.$$eval('vigie-overlay', describeOverlayHosts);
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
