/**
 * Issue #17, page side, in Chromium: a page's own scripts can neither read, rewrite nor press
 * Vigie's overlays (probe D6, P1g, P1h), a list longer than one message gets every « Suivre »
 * (D7), and the page learns nothing of the extension and cannot stop it (D11).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Page } from 'playwright-core';
import {
  clickWatchButton,
  EXTENSION_DIR,
  launchWithExtension,
  overlayHost,
  overlayHosts,
  waitForOverlays,
  withRevealedRoots,
  type ExtensionBrowser,
} from '../../harness/browser';
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
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startFixtureServer('.e2e-tmp/certs');
  serveHostilePages(server);
  browser = await launchWithExtension(server.port);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/** Watched question ids, read from the store in the service worker. */
async function storedWatches(): Promise<string[]> {
  return (await browser.worker()).evaluate(async () => {
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

const pressed = async (page: Page, id: string) => (await overlayHost(page, id))?.pressed;

describe('a hostile page, in Chromium', () => {
  it('cannot take the overlays over: a page-defined <vigie-overlay>, prototype overrides and late shadow roots change nothing', async () => {
    const page = await open(TAKEOVER_QUESTION.url);
    const [host] = await waitForOverlays(page, 1);
    expect(host!.id).toBe(TAKEOVER_QUESTION.id);
    expect(host!.text).toContain('Caduque — fin de la 15e législature');
    expect(host!.text).not.toContain('faux');
    const record = await page.evaluate(pageRecord);
    expect(record).toMatchObject({ attachCalls: 0, customElements: 0, takeovers: { succeeded: 0, refused: 1 } });
    await page.close();
  });

  it('cannot press « Suivre »: buttons out of its reach, its clicks untrusted', async () => {
    const page = await open(HOSTILE_LIST.url);
    await waitForOverlays(page, HOSTILE_LIST.ids.length);
    await expect.poll(async () => (await overlayHosts(page)).map((host) => host.pressed)).toEqual(HOSTILE_LIST.ids.map(() => 'false'));
    const [last] = HOSTILE_LIST.ids.slice(-1) as [string];
    const others = `${HOST_SELECTOR}:not([data-vigie-id="${last}"])`;

    // A fresh page: the main world sees the hosts and nothing inside them.
    const attempt = await page.evaluate(pressFromPage, others);
    expect(attempt).toEqual({ hosts: HOSTILE_LIST.ids.length - 1, reached: 0 });
    // The user's click on the last item: once it is stored, any earlier request is too.
    await clickWatchButton(page, last);
    await expect.poll(() => pressed(page, last)).toBe('true');
    expect(await storedWatches()).toEqual([last]);

    // A page that got hold of the buttons anyway (here through the debugging protocol): its
    // clicks are untrusted and do nothing.
    expect(await withRevealedRoots(page, () => page.evaluate(pressRevealedButtons, others))).toBe(HOSTILE_LIST.ids.length - 1);
    await clickWatchButton(page, last);
    await expect.poll(() => pressed(page, last)).toBe('false');
    expect(await storedWatches()).toEqual([]);
    expect((await overlayHosts(page)).map((host) => host.pressed)).toEqual(HOSTILE_LIST.ids.map(() => 'false'));
    await page.close();
  });

  it(`gives each of ${HUGE_LIST.count.toLocaleString('en')} list items its « Suivre »`, async () => {
    const page = await open(HUGE_LIST.url);
    await page.waitForFunction(
      ({ selector, n }) => document.querySelectorAll(selector).length === n,
      { selector: HOST_SELECTOR, n: HUGE_LIST.count },
      { timeout: 60_000 },
    );
    // One answer about the watches re-renders every overlay: once the last has its toggle, all have.
    await expect.poll(() => pressed(page, HUGE_LIST.lastId), { timeout: 60_000 }).toBe('false');
    const hosts = await overlayHosts(page);
    expect(hosts.filter((host) => host.pressed === 'false')).toHaveLength(HUGE_LIST.count);
    await page.close();
  }, 180_000);

  it('hears nothing from Vigie, and cannot stop it by replaying WXT’s start-up event with the real extension id', async () => {
    const page = await open(HOSTILE_QUESTION.url);
    await waitForOverlays(page, 1);
    await expect.poll(() => pressed(page, HOSTILE_QUESTION.id)).toBe('false');
    expect(await page.evaluate(messagesHeardSoFar)).toEqual([]);

    expect(await page.evaluate(replayWxtStartup, { extensionId: browser.extensionId, selector: HOST_SELECTOR })).toBe(1);
    // Still running: the overlay answers the user.
    await clickWatchButton(page, HOSTILE_QUESTION.id);
    await expect.poll(() => pressed(page, HOSTILE_QUESTION.id)).toBe('true');
    await clickWatchButton(page, HOSTILE_QUESTION.id);
    await expect.poll(() => pressed(page, HOSTILE_QUESTION.id)).toBe('false');
    expect((await page.evaluate(messagesHeardSoFar)).filter((message) => !message.includes('from-the-page'))).toEqual([]);
    await page.close();
  });

  it('ships no start-up signal: the content script neither posts messages nor names events after the extension', () => {
    const scripts = readdirSync(`${EXTENSION_DIR}/content-scripts`).filter((file) => file.endsWith('.js'));
    expect(scripts).toContain('loader.js');
    expect(scripts.length).toBeGreaterThan(1);
    for (const file of scripts) {
      const script = readFileSync(`${EXTENSION_DIR}/content-scripts/${file}`, 'utf8');
      expect(script, file).not.toContain('postMessage');
      expect(script, file).not.toContain('content-script-started');
    }
  });
});

describe('once the extension is gone (updated, disabled, removed)', () => {
  it('removes its overlays when the page comes back into view, and not before', async () => {
    const page = await open(HOSTILE_QUESTION.url);
    await waitForOverlays(page, 1);
    const count = () => page.evaluate((selector) => document.querySelectorAll(selector).length, HOST_SELECTOR);
    const backIntoView = () => page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await backIntoView();
    expect(await count()).toBe(1);

    // The worker dies with the reload: its evaluation may never answer.
    void (await browser.worker()).evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    await expect
      .poll(
        async () => {
          await backIntoView();
          return count();
        },
        { timeout: 20_000, interval: 250 },
      )
      .toBe(0);
    await page.close();
  });
});

/** The extension APIs as the service worker sees them (Chrome exposes them as `chrome`). */
declare const chrome: typeof import('wxt/browser').browser;
