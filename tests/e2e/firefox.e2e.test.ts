import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Page } from 'puppeteer-core';
import { todayInParis } from '../../lib/dates';
import {
  anQuestionPage,
  anQuestionPath,
  anQuestionRecord,
  anQuestionUrl,
  anRecordPath,
  type AnQuestionState,
} from '../../harness/an-question';
import { clickWatchButton, launchFirefox, overlayHost, overlaySummary, type FirefoxWithExtension } from '../../harness/firefox';
import { HOST_SELECTOR } from '../../harness/overlays';
import { html, json, startFixtureServer, type FixtureServer } from '../../harness/server';
import { FIXTURE_PAGES, serveSite } from '../../harness/site';

let server: FixtureServer;
let firefox: FirefoxWithExtension;
let question: AnQuestionState = { number: 4001, publishedOn: '2025-01-14' };

beforeAll(async () => {
  server = await startFixtureServer('.e2e-tmp/certs');
  serveSite(server);
  server.routes.set(anQuestionPath(4001), () => html(anQuestionPage(question)));
  server.routes.set(anRecordPath(4001), () => json(anQuestionRecord(question)));
  firefox = await launchFirefox(server.port);
  // Debian's ESR speaks English only: choose French in Vigie's own setting, as a user would.
  const extension = await firefox.extensionPage();
  await extension.evaluate(() => browser.storage.local.set({ settings: { language: 'fr' } }));
  await extension.close();
}, 90_000);

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

async function open(url: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

async function hostsOnceThere(page: Page, count: number, timeout = 15_000) {
  await page.waitForFunction((selector, n) => document.querySelectorAll(selector).length >= n, { timeout }, HOST_SELECTOR, count);
  return overlaySummary(page);
}

/** The watch button's `aria-pressed` for question `id`: null before it shows. */
const watchState = async (page: Page, id: string) => (await overlayHost(page, id))?.pressed;

describe('Firefox ESR', () => {
  it.each(FIXTURE_PAGES.map((p) => [new URL(p.url).hostname + new URL(p.url).pathname, p] as const))(
    'badges on %s',
    async (_name, fixturePage) => {
      const page = await open(fixturePage.url);
      const hosts = await hostsOnceThere(page, fixturePage.overlays.length);
      expect(hosts.map((h) => ({ id: h.id ?? undefined, state: h.state ?? undefined, deputy: h.deputy ?? undefined }))).toEqual(
        fixturePage.overlays.map((o) => ({ id: o.id, state: o.state, deputy: o.deputy })),
      );
      for (const [i, expected] of fixturePage.overlays.entries()) {
        if (expected.says) expect(hosts[i]!.text).toContain(expected.says);
      }
      await page.close();
    },
  );

  it('watches a question, and keeps it across a reload', async () => {
    const page = await open('https://www.nosdeputes.fr/16/question/QE/12874');
    await hostsOnceThere(page, 1);
    await expect.poll(() => watchState(page, 'AN-16-QE-12874')).toBe('false');
    await clickWatchButton(page, 'AN-16-QE-12874');
    await expect.poll(() => watchState(page, 'AN-16-QE-12874')).toBe('true');
    await page.reload({ waitUntil: 'load' });
    await hostsOnceThere(page, 1);
    await expect.poll(() => watchState(page, 'AN-16-QE-12874'), { timeout: 10_000 }).toBe('true');
    await page.close();
  });

  it('notifies when an answer appears at the Assemblée', async () => {
    const page = await open(anQuestionUrl(4001));
    await hostsOnceThere(page, 1);
    await expect.poll(() => watchState(page, 'AN-17-QE-4001')).toBe('false');
    await clickWatchButton(page, 'AN-17-QE-4001');
    await expect.poll(() => watchState(page, 'AN-17-QE-4001')).toBe('true');

    question = { ...question, answer: { on: todayInParis(), text: 'Les délais ont été réduits.' } };
    const extension = await firefox.extensionPage();
    await extension.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const req = indexedDB.open('vigie');
        req.onsuccess = () => resolve(req.result);
      });
      await new Promise<void>((resolve) => {
        const store = db.transaction('watches', 'readwrite').objectStore('watches');
        const req = store.get('AN-17-QE-4001');
        req.onsuccess = () => {
          store.put({ ...req.result, nextCheckAt: 0 });
          store.transaction.oncomplete = () => resolve();
        };
      });
      db.close();
      // Headless Firefox has no desktop alert service: a notification is closed as soon as it is
      // raised. Its `onClosed` event is the proof it was raised.
      const raised: string[] = [];
      (window as unknown as { __raised: string[] }).__raised = raised;
      browser.notifications.onClosed.addListener((id) => {
        raised.push(id);
      });
      await browser.alarms.create('vigie:poll', { when: Date.now() + 50 });
    });
    await extension.waitForFunction(() => (window as unknown as { __raised: string[] }).__raised.includes('vigie:q:AN-17-QE-4001'), {
      timeout: 20_000,
      polling: 250,
    });
    expect(await extension.evaluate(() => browser.action.getBadgeText({}))).toBe('1');

    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(
      (selector) => document.querySelector(selector)?.getAttribute('data-vigie-state') === 'answered',
      {
        timeout: 10_000,
      },
      HOST_SELECTOR,
    );
    await page.close();
  });
});

declare const browser: typeof import('webextension-polyfill');
