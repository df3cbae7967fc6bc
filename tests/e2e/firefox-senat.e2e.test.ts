/**
 * The Sénat in Firefox ESR: a watched senat.fr question answered by the Sénat's weekly JO archive is
 * notified, read by the alarm's own run (the badges on senat.fr and NosSénateurs pages are checked
 * by firefox.e2e over harness/site.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInParis } from '../../lib/dates';
import { clickWatchButton, launchFirefox, overlayHost, type FirefoxWithExtension } from '../../harness/firefox';
import { HOST_SELECTOR } from '../../harness/overlays';
import { folderListing, issueArchive, redifAnswer, redifFile } from '../../harness/jo-archives';
import { bytes, html, startFixtureServer, type FixtureServer } from '../../harness/server';
import { serveSite } from '../../harness/site';

const ID = 'SEN-17-QE-99999';
const PAGE = 'https://www.senat.fr/questions/base/2025/qSEQ250199999.html';
const FOLDER = '/OPENDATA/Questions-Reponses/SENAT/Annee_en_cours/';
const DILA = 'echanges.dila.gouv.fr';

let server: FixtureServer;
let firefox: FirefoxWithExtension;

beforeAll(async () => {
  server = await startFixtureServer('.e2e-tmp/certs');
  serveSite(server);
  const name = `SENQ${todayInParis().slice(0, 4)}0091.taz`;
  const archive = issueArchive(
    name,
    redifFile({
      rep: [
        redifAnswer({
          questions: [{ number: 99999, legislature: 17, source: 'SENAT', author: 'M. Jean Dupont' }],
          date: todayInParis(),
          text: 'Réponse publiée au JO Sénat.',
        }),
      ],
    }),
  );
  server.routes.set(`${DILA}${FOLDER}`, () => html(folderListing(FOLDER, [name])));
  server.routes.set(`${DILA}${FOLDER}${name}`, bytes(archive));
  firefox = await launchFirefox(server.port);
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

describe('the Sénat in Firefox', () => {
  it('notifies a watched senat.fr question answered in the Sénat’s JO archive', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(PAGE, { waitUntil: 'load' });
    await page.waitForFunction((selector) => !!document.querySelector(selector), { timeout: 15_000 }, HOST_SELECTOR);
    await expect.poll(async () => (await overlayHost(page, ID))?.state, { timeout: 10_000 }).toBe('overdue');
    await clickWatchButton(page, ID);
    await expect.poll(async () => (await overlayHost(page, ID))?.pressed, { timeout: 10_000 }).toBe('true');

    const extension = await firefox.extensionPage();
    await extension.evaluate(async () => {
      const raised: string[] = [];
      (window as unknown as { __raised: string[] }).__raised = raised;
      // Headless Firefox closes a notification as soon as it is raised: `onClosed` proves it was.
      browser.notifications.onClosed.addListener((id) => {
        raised.push(id);
      });
      await browser.alarms.create('vigie:poll', { when: Date.now() + 50 });
    });
    await extension.waitForFunction(() => (window as unknown as { __raised: string[] }).__raised.includes('vigie:q:SEN-17-QE-99999'), {
      timeout: 30_000,
      polling: 250,
    });
    expect(await extension.evaluate(() => browser.action.getBadgeText({}))).toBe('1');
    await page.close();
  });
});

declare const browser: typeof import('webextension-polyfill');
