/**
 * Following a deputy end to end, in Chromium with the real hostnames mapped to the fixture server:
 * on the Assemblée's list of a deputy's questions, « Suivre ce député »; the DILA publishes the
 * week's archive with an answer to one of their questions; « Tout vérifier » in the popup's
 * « Fil » — a grouped notification and a « Fil » entry, and nothing asked of the Assemblée.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Page } from 'playwright-core';
import { todayInParis } from '../../lib/dates';
import { launchWithExtension, withRevealedRoots, type ExtensionBrowser } from '../../harness/browser';
import { folderListing, issueArchive, redifAnswer, redifFile, redifQuestion } from '../../harness/jo-archives';
import { until } from '../../harness/overlays';
import { serveSite } from '../../harness/site';
import { bytes, html, startFixtureServer, type FixtureServer } from '../../harness/server';

const LIST = 'https://www.assemblee-nationale.fr/dyn/deputes/PA795321/questions';
const KEY = 'deputy:AN:17:PA795321';
const HOST = `[data-vigie-deputy="${KEY}"]`;
const FOLDER = '/OPENDATA/Questions-Reponses/AN/Annee_en_cours/';
const DILA = 'echanges.dila.gouv.fr';
/** Pending on the deputy's list (the fixture): the issue answers it. */
const NUMBER = 4512;

let server: FixtureServer;
let browser: ExtensionBrowser;
const published = new Map<string, Uint8Array>();

function publish(name: string, archive: Uint8Array) {
  published.set(name, archive);
  server.routes.set(`${DILA}${FOLDER}${name}`, bytes(archive));
}

beforeAll(async () => {
  server = await startFixtureServer('.e2e-tmp/certs');
  serveSite(server);
  server.routes.set(`${DILA}${FOLDER}`, () => html(folderListing(FOLDER, [...published.keys()])));
  browser = await launchWithExtension(server.port);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The follow button's state and, when asked, its centre for a real (trusted) click. */
function followButton(page: Page) {
  return withRevealedRoots(
    page,
    () =>
      page.evaluate((selector) => {
        const button = document.querySelector(selector)?.shadowRoot?.querySelector('button.follow__button');
        if (!button) return undefined;
        const box = button.getBoundingClientRect();
        return {
          pressed: button.getAttribute('aria-pressed'),
          text: button.textContent,
          x: box.x + box.width / 2,
          y: box.y + box.height / 2,
        };
      }, HOST),
    HOST,
  );
}

describe('following a deputy', () => {
  it('« Suivre ce député », an answer in the week’s issue, « Tout vérifier » → a notification and a « Fil » entry, nothing asked of the Assemblée', async () => {
    const page = await browser.newPage();
    await page.goto(LIST);
    await until(async () => (await followButton(page))?.pressed === 'false', '« Suivre ce député »');
    const before = (await followButton(page))!;
    expect(before.text).toContain('Suivre ce député');
    await page.mouse.click(before.x, before.y);
    await until(async () => (await followButton(page))?.pressed === 'true', '« Député suivi »');
    const followedFrom = server.requests.length;

    const today = todayInParis();
    const name = `ANQ${today.slice(0, 4)}0091.taz`;
    publish(
      name,
      issueArchive(
        name,
        redifFile({
          qe: [redifQuestion({ number: 13999, date: today, page: 2000, author: 'Mme Claire Autre' })],
          rep: [
            redifAnswer({
              questions: [
                { number: NUMBER, legislature: 17, author: 'M. Fabrice Exemple', ministry: 'Agriculture', subject: 'Prix du lait' },
              ],
              date: today,
              page: 2101,
              text: 'Le prix du lait payé aux producteurs fait l’objet d’un suivi attentif.',
            }),
          ],
        }),
      ),
    );

    const popup = await browser.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByRole('tab', { name: 'Fil' }).click();
    await popup.getByRole('button', { name: 'Tout vérifier' }).click();
    const worker = await browser.worker();
    await expect
      .poll(() => worker.evaluate(() => chrome.notifications.getAll()), { timeout: 30_000 })
      .toEqual({ [`vigie:feed:${KEY}`]: true });

    const entry = popup.locator('.feed > li').first();
    await expect.poll(() => entry.textContent(), { timeout: 10_000 }).toContain(`Question n° ${NUMBER}`);
    const text = await entry.textContent();
    expect(text).toContain('Réponse publiée');
    expect(text).toContain('Prix du lait');
    expect(text).toContain('Suivi : M. Fabrice Exemple');
    expect(await popup.locator('.feed > li').count()).toBe(1);

    // After the follow: only the DILA's folder and its archive; never the question, nor the Assemblée at all.
    const since = server.requests.slice(followedFrom);
    expect(since.filter((request) => request.path.includes(`QANR5L17QE${NUMBER}`))).toEqual([]);
    expect(since.filter((request) => request.host.endsWith('assemblee-nationale.fr'))).toEqual([]);
    expect(since.filter((request) => request.host === DILA).map((request) => request.path)).toContain(`${FOLDER}${name}`);

    // « Suivis » lists the deputy with its last event.
    await popup.getByRole('tab', { name: 'Suivis' }).click();
    await expect.poll(() => popup.locator(`.follows > li[data-follow="${KEY}"]`).textContent()).toContain('dernier événement');
    await page.close();
    await popup.close();
    expect(browser.errors).toEqual([]);
  });
});

/** The extension APIs as the service worker sees them (Chrome exposes them as `chrome`). */
declare const chrome: typeof import('wxt/browser').browser;
