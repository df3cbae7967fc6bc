/**
 * Following a senator end to end, in Chromium with the real hostnames mapped to the fixture server:
 * on a senat.fr question page, « Suivre ce sénateur »; the DILA's Sénat folder publishes the week's
 * archive with an answer to another question of theirs; « Tout vérifier » in the popup's « Fil » — a
 * notification and a « Fil » entry naming the Sénat, and nothing asked of senat.fr about it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Page } from 'playwright-core';
import { todayInParis } from '../../lib/dates';
import { launchWithExtension, withRevealedRoots, type ExtensionBrowser } from '../../harness/browser';
import { folderListing, issueArchive, redifAnswer, redifFile } from '../../harness/jo-archives';
import { until } from '../../harness/overlays';
import { serveSite } from '../../harness/site';
import { bytes, html, startFixtureServer, type FixtureServer } from '../../harness/server';

/** The synthetic pending question of « M. DUPONT Jean » (harness/site.ts). */
const PAGE = 'https://www.senat.fr/questions/base/2025/qSEQ250199999.html';
const HOST = '[data-vigie-id="SEN-17-QE-99999"]';
/** No slug on the page: the senator is known by the name the JO prints. */
const KEY = 'deputy:SENAT:jean dupont';
const FOLDER = '/OPENDATA/Questions-Reponses/SENAT/Annee_en_cours/';
const DILA = 'echanges.dila.gouv.fr';
/** Another question of the same senator, answered in the week's issue. */
const NUMBER = 4321;

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

/** The senator's follow button: its state and, for a real (trusted) click, its centre. */
function followButton(page: Page) {
  return withRevealedRoots(
    page,
    () =>
      page.evaluate((selector) => {
        const button = document.querySelector(selector)?.shadowRoot?.querySelector('button.follow__button--senator');
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

describe('following a senator', () => {
  it('« Suivre ce sénateur », an answer in the Sénat’s issue, « Tout vérifier » → a notification and a « Fil » entry naming the Sénat, senat.fr not asked', async () => {
    const page = await browser.newPage();
    await page.goto(PAGE);
    await until(async () => (await followButton(page))?.pressed === 'false', '« Suivre ce sénateur »');
    const before = (await followButton(page))!;
    expect(before.text).toContain('Suivre ce sénateur');
    await page.mouse.click(before.x, before.y);
    await until(async () => (await followButton(page))?.pressed === 'true', '« Sénateur suivi »');
    expect((await followButton(page))?.text).toContain('Sénateur suivi');
    const followedFrom = server.requests.length;

    const name = `SENQ${todayInParis().slice(0, 4)}0091.taz`;
    publish(
      name,
      issueArchive(
        name,
        redifFile({
          rep: [
            redifAnswer({
              questions: [
                {
                  number: NUMBER,
                  legislature: 17,
                  source: 'SENAT',
                  author: 'M. Jean Dupont',
                  ministry: 'Intérieur',
                  subject: 'Polices municipales',
                },
              ],
              date: todayInParis(),
              page: 3002,
              text: 'Les polices municipales relèvent des maires.',
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
    expect(text).toContain('Chambre : Sénat');
    expect(text).toContain('Polices municipales');
    expect(text).toContain('Suivi : M. Jean DUPONT (Sénat)');
    expect(text).toContain('Auteur reconnu par son nom');
    expect(await popup.locator('.feed > li').count()).toBe(1);

    // After the follow: the DILA's folder and its archive; never senat.fr, about that question or any other.
    const since = server.requests.slice(followedFrom);
    expect(since.filter((request) => request.host.endsWith('senat.fr'))).toEqual([]);
    expect(since.filter((request) => request.path.includes(String(NUMBER)) && request.host !== DILA)).toEqual([]);
    expect(since.filter((request) => request.host === DILA).map((request) => request.path)).toContain(`${FOLDER}${name}`);

    // « Suivis » lists the senator, as a senator.
    await popup.getByRole('tab', { name: 'Suivis' }).click();
    const row = popup.locator(`.follows > li[data-follow="${KEY}"]`);
    await expect.poll(() => row.textContent()).toContain('dernier événement');
    expect(await row.textContent()).toContain('Sénateur');
    await page.close();
    await popup.close();
    expect(browser.errors).toEqual([]);
  }, 120_000);
});

/** The extension APIs as the service worker sees them (Chrome exposes them as `chrome`). */
declare const chrome: typeof import('wxt/browser').browser;
