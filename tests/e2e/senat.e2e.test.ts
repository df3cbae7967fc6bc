/**
 * The Sénat end to end, in Chromium with the real hostnames mapped to the fixture server: badges
 * on senat.fr and NosSénateurs (the fixture pages of harness/site.ts, checked by overlays.e2e), and
 * here a watch on a pending senat.fr question, the DILA's Sénat folder publishing the week's archive
 * that answers it, « Tout vérifier » — « Répondue », notified, without asking senat.fr again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInParis } from '../../lib/dates';
import { clickWatchButton, launchWithExtension, overlayHost, type ExtensionBrowser } from '../../harness/browser';
import { folderListing, issueArchive, redifAnswer, redifFile } from '../../harness/jo-archives';
import { bytes, html, startFixtureServer, type FixtureServer } from '../../harness/server';
import { serveSite } from '../../harness/site';

const ID = 'SEN-17-QE-99999';
const PAGE = 'https://www.senat.fr/questions/base/2025/qSEQ250199999.html';
const FOLDER = '/OPENDATA/Questions-Reponses/SENAT/Annee_en_cours/';
const DILA = 'echanges.dila.gouv.fr';
const ANSWER = 'Le ministre de l’intérieur a pris les mesures demandées.';

let server: FixtureServer;
let browser: ExtensionBrowser;
const published = new Map<string, Uint8Array>();

/** A Sénat issue of today answering `numbers` (17th legislature), as the DILA would publish it. */
function issue(name: string, numbers: number[]): Uint8Array {
  const rep = numbers.map((number) =>
    redifAnswer({
      questions: [{ number, legislature: 17, source: 'SENAT', author: 'M. Jean Dupont', ministry: 'Intérieur' }],
      date: todayInParis(),
      page: 3001,
      text: number === 99999 ? ANSWER : 'Une autre réponse.',
    }),
  );
  return issueArchive(name, redifFile({ rep }));
}

function publish(name: string, archive: Uint8Array) {
  published.set(name, archive);
  server.routes.set(`${DILA}${FOLDER}${name}`, bytes(archive));
}

beforeAll(async () => {
  server = await startFixtureServer('.e2e-tmp/certs');
  serveSite(server);
  server.routes.set(`${DILA}${FOLDER}`, () => html(folderListing(FOLDER, [...published.keys()])));
  const year = todayInParis().slice(0, 4);
  publish(`SENQ${year}0090.taz`, issue(`SENQ${year}0090.taz`, [4208]));
  browser = await launchWithExtension(server.port);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the Sénat', () => {
  it('a senat.fr question watched, answered in the Sénat’s JO archive: « Répondue » and notified, senat.fr not asked again', async () => {
    const page = await browser.newPage();
    await page.goto(PAGE);
    await expect.poll(async () => (await overlayHost(page, ID))?.state, { timeout: 15_000 }).toBe('overdue');
    await expect.poll(async () => (await overlayHost(page, ID))?.pressed, { timeout: 10_000 }).toBe('false');
    expect((await overlayHost(page, ID))?.text).toContain("Transmise au Ministère de l'intérieur");
    await clickWatchButton(page, ID);
    await expect.poll(async () => (await overlayHost(page, ID))?.pressed, { timeout: 10_000 }).toBe('true');
    const watchedFrom = server.requests.length;

    const year = todayInParis().slice(0, 4);
    publish(`SENQ${year}0091.taz`, issue(`SENQ${year}0091.taz`, [99999, 4209]));

    const popup = await browser.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.waitForSelector('.rows, .empty-state');
    await popup.getByRole('button', { name: 'Tout vérifier' }).click();
    const worker = await browser.worker();
    await expect.poll(() => worker.evaluate(() => chrome.notifications.getAll()), { timeout: 30_000 }).toEqual({ [`vigie:q:${ID}`]: true });
    const row = popup.locator(`.rows > li[data-id="${ID}"]`);
    await expect.poll(() => row.locator('.badge').getAttribute('data-state'), { timeout: 10_000 }).toBe('answered');
    expect(await row.textContent()).toContain('Sénat n° 99999');
    // The chamber filter keeps it among the Sénat's and drops it from the Assemblée's.
    const chamber = popup.getByLabel('Chambre');
    await chamber.selectOption('AN');
    await expect.poll(() => row.count()).toBe(0);
    await chamber.selectOption('SEN');
    await expect.poll(() => row.count()).toBe(1);

    const since = server.requests.slice(watchedFrom);
    expect(since.filter((request) => request.host.endsWith('senat.fr'))).toEqual([]);
    expect(since.filter((request) => request.host === DILA).map((request) => request.path)).toContain(`${FOLDER}SENQ${year}0091.taz`);
    await page.close();
    await popup.close();
    expect(browser.errors).toEqual([]);
  }, 120_000);
});

/** The extension APIs as the service worker sees them (Chrome exposes them as `chrome`). */
declare const chrome: typeof import('wxt/browser').browser;
