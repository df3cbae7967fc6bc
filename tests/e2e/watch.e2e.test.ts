import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Page } from 'playwright-core';
import {
  clickWatchButton,
  focusWatchButton,
  launchWithExtension,
  overlayHost,
  overlayHosts,
  stopServiceWorker,
  type ExtensionBrowser,
} from '../../harness/browser';
import { HOST_SELECTOR } from '../../harness/overlays';
import { startFixtureServer, type FixtureServer } from '../../harness/server';
import { serveSite } from '../../harness/site';

let server: FixtureServer;
let browser: ExtensionBrowser;
const pages: Page[] = [];

beforeAll(async () => {
  server = await startFixtureServer('.e2e-tmp/certs');
  serveSite(server);
  browser = await launchWithExtension(server.port);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  await Promise.all(pages.splice(0).map((p) => p.close().catch(() => undefined)));
});

async function open(url: string): Promise<Page> {
  const page = await browser.newPage();
  pages.push(page);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector(HOST_SELECTOR);
  return page;
}

/** The watch button of question `id`: its `aria-pressed` and its text, null before it shows. */
const pressed = async (page: Page, id: string) => (await overlayHost(page, id))?.pressed;
const text = async (page: Page, id: string) => (await overlayHost(page, id))?.text;

const QUESTION = 'https://www.nosdeputes.fr/16/question/QE/12874';
const LIST = 'https://www.nosdeputes.fr/elise-morvan/questions';

describe('watching questions', () => {
  it('« Suivre » on a question page survives a reload and shows on the list page', async () => {
    const page = await open(QUESTION);
    await expect.poll(() => pressed(page, 'AN-16-QE-12874')).toBe('false');
    expect(await text(page, 'AN-16-QE-12874')).toContain('Suivre');
    await clickWatchButton(page, 'AN-16-QE-12874');
    await expect.poll(() => pressed(page, 'AN-16-QE-12874')).toBe('true');
    expect(await text(page, 'AN-16-QE-12874')).toContain('Suivie');

    await page.reload();
    await expect.poll(() => pressed(page, 'AN-16-QE-12874')).toBe('true');

    const list = await open(LIST);
    await expect.poll(() => pressed(list, 'AN-16-QE-12874')).toBe('true');
    expect(await pressed(list, 'AN-16-QE-15230')).toBe('false');
    expect(browser.errors).toEqual([]);
  });

  it('is keyboard operable and keeps keys away from the page', async () => {
    const page = await open(QUESTION);
    await page.evaluate(() => {
      (window as unknown as { __keys: number }).__keys = 0;
      document.addEventListener('keydown', () => {
        (window as unknown as { __keys: number }).__keys++;
      });
    });
    await expect.poll(() => pressed(page, 'AN-16-QE-12874')).toBe('true');
    await focusWatchButton(page, 'AN-16-QE-12874');
    await page.keyboard.press('Space');
    await expect.poll(() => pressed(page, 'AN-16-QE-12874')).toBe('false');
    await page.keyboard.press('Enter');
    await expect.poll(() => pressed(page, 'AN-16-QE-12874')).toBe('true');
    expect(await page.evaluate(() => (window as unknown as { __keys: number }).__keys)).toBe(0);
  });

  it('watches from a list item, and the question page agrees', async () => {
    const list = await open(LIST);
    await expect.poll(() => pressed(list, 'AN-16-QE-9120')).toBe('false');
    await clickWatchButton(list, 'AN-16-QE-9120');
    await expect.poll(() => pressed(list, 'AN-16-QE-9120')).toBe('true');
    const states = await (await browser.worker()).evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('vigie');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const all = await new Promise<unknown[]>((resolve) => {
        const req = db.transaction('watches').objectStore('watches').getAll();
        req.onsuccess = () => resolve(req.result);
      });
      db.close();
      return (all as { id: string; state: string }[]).map((r) => `${r.id}:${r.state}`).sort();
    });
    // The 16th legislature has ended: its question « Sans réponse » is stored as lapsed, closed.
    expect(states).toEqual(['AN-16-QE-12874:closed', 'AN-16-QE-9120:closed']);
  });

  it('loses nothing when the service worker is stopped and restarted', async () => {
    await stopServiceWorker(browser);
    const page = await open(LIST);
    await expect.poll(() => pressed(page, 'AN-16-QE-12874'), { timeout: 10_000 }).toBe('true');
    expect(await pressed(page, 'AN-16-QE-9120')).toBe('true');
    const hosts = await overlayHosts(page);
    expect(hosts).toHaveLength(5);
    expect(browser.errors).toEqual([]);
  });
});
