/**
 * The Journal officiel index end to end, in Chromium with the real hostnames mapped to the fixture
 * server (echanges.dila.gouv.fr among them): watch a question on its page, the DILA publishes the
 * week's archive answering it, « Tout vérifier » in the popup — the question is « Répondue », with
 * a notification, and neither its page nor its open-data record was asked for after the watch.
 */
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
import { launchWithExtension, overlayHost, watchFromOverlay, type ExtensionBrowser } from '../../harness/browser';
import { folderListing, issueArchive, redifAnswer, redifFile, redifQuestion } from '../../harness/jo-archives';
import { bytes, html, json, startFixtureServer, type FixtureServer } from '../../harness/server';

const NUMBER = 4871;
const ID = `AN-17-QE-${NUMBER}`;
const FOLDER = '/OPENDATA/Questions-Reponses/AN/Annee_en_cours/';
const DILA = 'echanges.dila.gouv.fr';
const ANSWER = 'Les délais de délivrance ont été ramenés à trois semaines.';

let server: FixtureServer;
let browser: ExtensionBrowser;
const question: AnQuestionState = { number: NUMBER, publishedOn: '2025-01-14' };
/** The archives the DILA's folder lists, by file name. */
const published = new Map<string, Uint8Array>();

/** An issue of today, as the DILA would publish it: a question first published, and these answers. */
function issue(name: string, answered: number[]): Uint8Array {
  const today = todayInParis();
  const rep = answered.map((number) =>
    redifAnswer({
      questions: [{ number, legislature: 17, author: 'Mme Claire Exemple', ministry: 'Intérieur', subject: 'Titres d’identité' }],
      date: today,
      page: 2101,
      text: number === NUMBER ? ANSWER : 'Une autre réponse.',
    }),
  );
  return issueArchive(name, redifFile({ qe: [redifQuestion({ number: 9001, date: today, page: 2000, author: 'M. Paul Ledoux' })], rep }));
}

function publish(name: string, archive: Uint8Array) {
  published.set(name, archive);
  server.routes.set(`${DILA}${FOLDER}${name}`, bytes(archive));
}

beforeAll(async () => {
  server = await startFixtureServer('.e2e-tmp/certs');
  server.routes.set(anQuestionPath(NUMBER), () => html(anQuestionPage(question)));
  server.routes.set(anRecordPath(NUMBER), () => json(anQuestionRecord(question)));
  server.routes.set(`${DILA}${FOLDER}`, () => html(folderListing(FOLDER, [...published.keys()])));
  // This week's issue is out already, answering someone else's question: the index is up to date.
  const year = todayInParis().slice(0, 4);
  publish(`ANQ${year}0090.taz`, issue(`ANQ${year}0090.taz`, [9002]));
  browser = await launchWithExtension(server.port);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPopup(): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.waitForSelector('.rows, .empty-state');
  return page;
}

describe('the Journal officiel index', () => {
  it('« Tout vérifier » reads the new issue: the watched question is « Répondue », notified, and never asked of the Assemblée', async () => {
    const page = await browser.newPage();
    await page.goto(anQuestionUrl(NUMBER));
    await watchFromOverlay(page, ID);
    const watchedFrom = server.requests.length;

    // The next issue answers it.
    const year = todayInParis().slice(0, 4);
    publish(`ANQ${year}0091.taz`, issue(`ANQ${year}0091.taz`, [9003, NUMBER]));

    const popup = await openPopup();
    await popup.getByRole('button', { name: 'Tout vérifier' }).click();
    const worker = await browser.worker();
    await expect.poll(() => worker.evaluate(() => chrome.notifications.getAll()), { timeout: 30_000 }).toEqual({ [`vigie:q:${ID}`]: true });
    expect(await worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
    // The index vouches for the one watch it can answer.
    await expect.poll(() => popup.locator('p.status').textContent(), { timeout: 30_000 }).toBe('1 question vérifiée');

    const row = popup.locator(`.rows > li[data-id="${ID}"]`);
    await expect.poll(() => row.locator('.badge').getAttribute('data-state'), { timeout: 10_000 }).toBe('answered');
    expect(await row.locator('.badge').textContent()).toContain('Répondue');

    const record = await worker.evaluate(async (key) => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const open = indexedDB.open('vigie');
        open.onsuccess = () => resolve(open.result);
      });
      const value = await new Promise<Record<string, any> | undefined>((resolve) => {
        const req = db.transaction('watches').objectStore('watches').get(key);
        req.onsuccess = () => resolve(req.result);
      });
      db.close();
      return value;
    }, ID);
    expect(record).toMatchObject({ state: 'answered', seen: false, question: { answeredOn: todayInParis(), answerText: ANSWER } });

    // After the watch: only the DILA's folder and its archives, never this question's page or record.
    const since = server.requests.slice(watchedFrom);
    const own = since.filter((request) => request.path.includes(`QANR5L17QE${NUMBER}`));
    expect(own).toEqual([]);
    const dila = since.filter((request) => request.host === DILA).map((request) => request.path);
    expect(dila).toContain(`${FOLDER}ANQ${year}0091.taz`);
    expect(dila.every((path) => path.startsWith(FOLDER) && !path.includes('?'))).toBe(true);
    expect(dila.filter((path) => path === `${FOLDER}ANQ${year}0090.taz`).length).toBeLessThanOrEqual(1);

    // The question's own page, opened again by the user, shows the answer Vigie now knows of.
    question.answer = { on: todayInParis(), text: ANSWER };
    await page.reload();
    await expect.poll(async () => (await overlayHost(page, ID))?.state).toBe('answered');
    await page.close();
    await popup.close();
    expect(browser.errors).toEqual([]);
  });
});

/** The extension APIs as the service worker sees them (Chrome exposes them as `chrome`). */
declare const chrome: typeof import('wxt/browser').browser;
