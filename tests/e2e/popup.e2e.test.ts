import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Page } from 'playwright-core';
import { todayInParis } from '../../lib/dates';
import {
  anQuestionPage,
  anQuestionPath,
  anQuestionRecord,
  anQuestionUrl,
  anRecordPath,
  type AnQuestionState,
} from '../../harness/an-question';
import { launchWithExtension, watchFromOverlay, type ExtensionBrowser } from '../../harness/browser';
import { html, json, startFixtureServer, type FixtureServer } from '../../harness/server';
import { serveSite } from '../../harness/site';

let server: FixtureServer;
let browser: ExtensionBrowser;
let question: AnQuestionState = { number: 3001, publishedOn: '2025-01-14' };

const QUESTIONS = [
  ['https://2017-2022.nosdeputes.fr/15/question/QE/19189', 'AN-15-QE-19189'],
  ['https://2017-2022.nosdeputes.fr/15/question/QE/24567', 'AN-15-QE-24567'],
  ['https://www.nosdeputes.fr/16/question/QE/12874', 'AN-16-QE-12874'],
] as const;

beforeAll(async () => {
  server = await startFixtureServer('.e2e-tmp/certs');
  serveSite(server);
  server.routes.set(anQuestionPath(3001), () => html(anQuestionPage(question)));
  server.routes.set(anRecordPath(3001), () => json(anQuestionRecord(question)));
  browser = await launchWithExtension(server.port);
  for (const [url, id] of QUESTIONS) await watch(browser, url, id);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function watch(target: ExtensionBrowser, url: string, id: string) {
  const page = await target.newPage();
  await page.goto(url);
  await watchFromOverlay(page, id);
  await page.close();
}

async function openPopup(target: ExtensionBrowser): Promise<Page> {
  const page = await target.newPage();
  await page.goto(`chrome-extension://${target.extensionId}/popup.html`);
  await page.waitForSelector('.rows, .empty-state');
  return page;
}

const rowIds = (page: Page) => page.$$eval('.rows > li', (rows) => rows.map((r) => r.getAttribute('data-id')));

describe('the popup and the options page', () => {
  it('lists the watches with their states, and filters them', async () => {
    const popup = await openPopup(browser);
    expect((await rowIds(popup)).sort()).toEqual(QUESTIONS.map(([, id]) => id).sort());
    const states = await popup.$$eval('.rows > li .badge', (badges) => badges.map((b) => b.getAttribute('data-state')));
    expect(states.sort()).toEqual(['answered', 'closed', 'closed']);
    // « Sans réponse » on its page, lapsed when the 16th legislature ended.
    expect(await popup.textContent('.rows > li[data-id="AN-16-QE-12874"] .badge__label')).toContain(
      'Caduque — fin de la 16e législature (9 juin 2024)',
    );

    await popup.getByLabel('Rechercher').fill('12874');
    await expect.poll(() => rowIds(popup)).toEqual(['AN-16-QE-12874']);
    await popup.getByLabel('Rechercher').fill('');
    await popup.getByLabel('Statut').selectOption('answered');
    await expect.poll(() => rowIds(popup)).toEqual(['AN-15-QE-24567']);
    expect(await popup.textContent('.count')).toContain('1 sur 3');
    await popup.close();
  });

  it('stops watching with an undo', async () => {
    const popup = await openPopup(browser);
    const row = popup.locator('.rows > li[data-id="AN-15-QE-24567"]');
    await row.getByRole('button', { name: 'Ne plus suivre' }).click();
    await expect.poll(() => rowIds(popup)).not.toContain('AN-15-QE-24567');
    await popup.getByRole('button', { name: 'Annuler' }).click();
    await expect.poll(async () => (await rowIds(popup)).sort()).toEqual(QUESTIONS.map(([, id]) => id).sort());
    await popup.reload();
    await popup.waitForSelector('.rows');
    expect(await rowIds(popup)).toContain('AN-15-QE-24567');
    await popup.close();
  });

  it('exports the list and imports it into a fresh profile, losslessly; a bad file changes nothing', async () => {
    const options = await browser.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const downloaded = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Exporter ma liste (JSON)' }).click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toBe(`vigie-questions-${todayInParis()}.json`);
    const exportPath = '.e2e-tmp/export.json';
    await download.saveAs(exportPath);
    const exported = JSON.parse(readFileSync(exportPath, 'utf8'));
    expect(exported).toMatchObject({ format: 'vigie-watchlist', version: 2 });
    expect(exported.watches).toHaveLength(3);
    await options.close();

    const fresh = await launchWithExtension(server.port);
    try {
      const page = await fresh.newPage();
      await page.goto(`chrome-extension://${fresh.extensionId}/options.html`);
      const bogus = '.e2e-tmp/bogus.json';
      writeFileSync(bogus, JSON.stringify({ format: 'autre-chose', watches: [] }));
      await page.setInputFiles('input[type="file"]', bogus);
      await expect.poll(() => page.textContent('.error')).toBe('Ce fichier n’est pas un export de Vigie.');

      await page.setInputFiles('input[type="file"]', exportPath);
      await expect.poll(() => page.textContent('.preview')).toContain('3 à ajouter, 0 à mettre à jour, 0 inchangée(s).');
      await page.getByRole('button', { name: 'Importer', exact: true }).click();
      await expect.poll(() => page.textContent('.data .status')).toContain('Import terminé : 3 questions');

      const reimported = fresh.context.waitForEvent('download');
      await page.getByRole('button', { name: 'Exporter ma liste (JSON)' }).click();
      const again = JSON.parse(readFileSync(await (await reimported).path(), 'utf8'));
      const byId = (file: { watches: { id: string }[] }) => [...file.watches].sort((a, b) => a.id.localeCompare(b.id));
      expect(byId(again)).toEqual(byId(exported));
    } finally {
      await fresh.close();
    }
  });

  it('with notifications off, an answer shows in the popup but raises no notification', async () => {
    const options = await browser.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const toggle = options.getByLabel('Me notifier quand une question suivie reçoit une réponse, est close ou signalée');
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await expect.poll(() => options.textContent('form .status')).toBe('Réglages enregistrés.');
    await options.close();

    await watch(browser, anQuestionUrl(3001), 'AN-17-QE-3001');
    question = { ...question, answer: { on: todayInParis(), text: 'Réponse publiée.' } };
    const worker = await browser.worker();
    await worker.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const open = indexedDB.open('vigie');
        open.onsuccess = () => resolve(open.result);
      });
      await new Promise<void>((resolve) => {
        const store = db.transaction('watches', 'readwrite').objectStore('watches');
        const req = store.get('AN-17-QE-3001');
        req.onsuccess = () => {
          store.put({ ...req.result, nextCheckAt: 0 });
          store.transaction.oncomplete = () => resolve();
        };
      });
      db.close();
      await chrome.alarms.create('vigie:poll', { when: Date.now() + 50 });
    });
    await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({})), { timeout: 20_000 }).toBe('1');
    expect(await worker.evaluate(() => chrome.notifications.getAll())).toEqual({});

    const popup = await openPopup(browser);
    const first = popup.locator('.rows > li').first();
    expect(await first.getAttribute('data-id')).toBe('AN-17-QE-3001');
    expect(await first.getAttribute('class')).toContain('row--unseen');
    await first.getByRole('button', { name: 'Marquer comme vu' }).click();
    await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
    expect(browser.errors).toEqual([]);
  });
});

/** The extension APIs as the service worker sees them (Chrome exposes them as `chrome`). */
declare const chrome: typeof import('wxt/browser').browser;
