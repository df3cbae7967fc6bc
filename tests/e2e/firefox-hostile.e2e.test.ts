/**
 * Issue #17, page side, in Firefox ESR: the same hostile pages as in Chromium
 * (hostile.e2e.test.ts). A page's scripts can neither read, rewrite nor press Vigie's overlays
 * (probe D6, P1h), a list longer than one message gets every « Suivre » (D7), and the page learns
 * nothing of the extension and cannot stop it (D11); after an update, the old version's overlays
 * go.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Page } from 'puppeteer-core';
import {
  clickWatchButton,
  FIREFOX_EXTENSION_DIR,
  launchFirefox,
  overlayHost,
  overlaySummary,
  withRevealedRoots,
  type FirefoxWithExtension,
} from '../../harness/firefox';
import {
  HOSTILE_LIST,
  HOSTILE_QUESTION,
  HUGE_LIST,
  messagesHeardSoFar,
  pageRecord,
  pressFromPage,
  pressRevealedButtons,
  replayWxtStartup,
  serveHostilePages,
  TAKEOVER_QUESTION,
} from '../../harness/hostile';
import { HOST_SELECTOR } from '../../harness/overlays';
import { startFixtureServer, type FixtureServer } from '../../harness/server';

let server: FixtureServer;
let firefox: FirefoxWithExtension;
/** An extension page, where the store can be read. */
let extension: Page;

beforeAll(async () => {
  server = await startFixtureServer('.e2e-tmp/certs');
  serveHostilePages(server);
  firefox = await launchFirefox(server.port);
  extension = await firefox.extensionPage();
  // Debian's ESR speaks English only: choose French in Vigie's own setting, as a user would.
  await extension.evaluate(() => browser.storage.local.set({ settings: { language: 'fr' } }));
}, 90_000);

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

async function open(url: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  return page;
}

const hostCount = (page: Page) => page.evaluate((selector) => document.querySelectorAll(selector).length, HOST_SELECTOR);

async function overlaysOnceThere(page: Page, count: number, timeout = 15_000) {
  await page.waitForFunction((selector, n) => document.querySelectorAll(selector).length >= n, { timeout }, HOST_SELECTOR, count);
  return overlaySummary(page);
}

const pressed = async (page: Page, id: string) => (await overlayHost(page, id))?.pressed;

/** Watched question ids, read from the store. */
function storedWatches(): Promise<string[]> {
  return extension.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('vigie');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const ids = await new Promise<IDBValidKey[]>((resolve) => {
      const request = db.transaction('watches').objectStore('watches').getAllKeys();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return ids.map(String).sort();
  });
}

describe('a hostile page, in Firefox ESR', () => {
  it('cannot take the overlays over: a page-defined <vigie-overlay>, prototype overrides and late shadow roots change nothing', async () => {
    const page = await open(TAKEOVER_QUESTION.url);
    const [host] = await overlaysOnceThere(page, 1);
    expect(host!.id).toBe(TAKEOVER_QUESTION.id);
    expect(host!.text).toContain('Caduque — fin de la 15e législature');
    expect(host!.text).not.toContain('faux');
    expect(await page.evaluate(pageRecord)).toMatchObject({ attachCalls: 0, customElements: 0, takeovers: { succeeded: 0, refused: 1 } });
    await page.close();
  });

  it('cannot press « Suivre »: buttons out of its reach, its clicks untrusted', async () => {
    const page = await open(HOSTILE_LIST.url);
    await overlaysOnceThere(page, HOSTILE_LIST.ids.length);
    await expect.poll(async () => (await overlaySummary(page)).map((host) => host.pressed)).toEqual(HOSTILE_LIST.ids.map(() => 'false'));
    const [last] = HOSTILE_LIST.ids.slice(-1) as [string];
    const others = `${HOST_SELECTOR}:not([data-vigie-id="${last}"])`;

    expect(await page.evaluate(pressFromPage, others)).toEqual({ hosts: HOSTILE_LIST.ids.length - 1, reached: 0 });
    // The user's click on the last item: once it is stored, any earlier request is too.
    await clickWatchButton(page, last);
    await expect.poll(() => pressed(page, last)).toBe('true');
    expect(await storedWatches()).toEqual([last]);

    // A page that got hold of the buttons anyway (here through WebDriver BiDi): its clicks are
    // untrusted and do nothing.
    expect(await withRevealedRoots(page, () => page.evaluate(pressRevealedButtons, others))).toBe(HOSTILE_LIST.ids.length - 1);
    await clickWatchButton(page, last);
    await expect.poll(() => pressed(page, last)).toBe('false');
    expect(await storedWatches()).toEqual([]);
    expect((await overlaySummary(page)).map((host) => host.pressed)).toEqual(HOSTILE_LIST.ids.map(() => 'false'));
    await page.close();
  });

  it(`gives each of ${HUGE_LIST.count.toLocaleString('en')} list items its « Suivre »`, async () => {
    const page = await open(HUGE_LIST.url);
    await expect.poll(() => hostCount(page), { timeout: 60_000, interval: 500 }).toBe(HUGE_LIST.count);
    // One answer about the watches re-renders every overlay: once the last has its toggle, all have.
    await expect.poll(() => pressed(page, HUGE_LIST.lastId), { timeout: 60_000 }).toBe('false');
    const hosts = await overlaySummary(page);
    expect(hosts.filter((host) => host.pressed === 'false')).toHaveLength(HUGE_LIST.count);
    await page.close();
  }, 240_000);

  it('hears nothing from Vigie, and cannot stop it by replaying WXT’s start-up event with the real extension id', async () => {
    const page = await open(HOSTILE_QUESTION.url);
    await overlaysOnceThere(page, 1);
    await expect.poll(() => pressed(page, HOSTILE_QUESTION.id)).toBe('false');
    expect(await page.evaluate(messagesHeardSoFar)).toEqual([]);

    expect(await page.evaluate(replayWxtStartup, { extensionId: firefox.extensionId, selector: HOST_SELECTOR })).toBe(1);
    // Still running: the overlay answers the user.
    await clickWatchButton(page, HOSTILE_QUESTION.id);
    await expect.poll(() => pressed(page, HOSTILE_QUESTION.id)).toBe('true');
    await clickWatchButton(page, HOSTILE_QUESTION.id);
    await expect.poll(() => pressed(page, HOSTILE_QUESTION.id)).toBe('false');
    expect((await page.evaluate(messagesHeardSoFar)).filter((message) => !message.includes('from-the-page'))).toEqual([]);
    await page.close();
  });
});

describe('after an update', () => {
  it('shows one set of overlays, the new version’s, though Firefox injects it next to the old one’s', async () => {
    const page = await open(HOSTILE_QUESTION.url);
    await overlaysOnceThere(page, 1);
    await page.evaluate((selector) => document.querySelector(selector)!.setAttribute('data-test-old-version', ''), HOST_SELECTOR);
    // The same add-on installed again: Firefox's update path, with the tab left open.
    await firefox.browser.installExtension(FIREFOX_EXTENSION_DIR);
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('[data-test-old-version]').length), { timeout: 20_000 }).toBe(0);
    expect(await hostCount(page)).toBe(1);
    await expect.poll(() => pressed(page, HOSTILE_QUESTION.id), { timeout: 10_000 }).toBe('false');
    await clickWatchButton(page, HOSTILE_QUESTION.id);
    await expect.poll(() => pressed(page, HOSTILE_QUESTION.id)).toBe('true');
    await page.close();
  });
});

declare const browser: typeof import('webextension-polyfill');
