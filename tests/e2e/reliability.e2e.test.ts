/**
 * Hostile sources in Chromium (reliability probe D1, D4, D8): a polling run over an answer nested
 * 20,000 deep and a record redirected to a foreign host finishes, checks every watch and believes
 * only the Assemblée; a list item linking abroad is kept with the Assemblée's address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../harness/browser';
import {
  DEEP,
  FOREIGN_HOST,
  foreignListItem,
  HEALTHY,
  REDIRECTED,
  serveHostileSources,
  watchedQuestion,
} from '../../harness/hostile-sources';
import { startFixtureServer, type FixtureServer } from '../../harness/server';

let server: FixtureServer;
let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  server = await startFixtureServer('.e2e-tmp/certs');
  serveHostileSources(server);
  browser = await launchWithExtension(server.port, { extraHosts: [FOREIGN_HOST] });
  page = await browser.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

declare const chrome: typeof import('wxt/browser').browser;

async function send(message: object): Promise<{ ok: boolean; result?: Record<string, unknown>; error?: string }> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
}

async function stored(id: string): Promise<Record<string, any> | undefined> {
  return page.evaluate(
    (key) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('vigie');
        open.onsuccess = () => {
          const get = open.result.transaction('watches').objectStore('watches').get(key);
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result);
          };
        };
        open.onerror = () => reject(open.error);
      }),
    id,
  );
}

describe('hostile sources in Chromium', () => {
  it('a run over an answer nested 20,000 deep and a record redirected abroad finishes and believes only the Assemblée (D1, D4)', async () => {
    for (const number of [DEEP, HEALTHY, REDIRECTED]) {
      expect((await send({ type: 'watch.set', id: `AN-17-QE-${number}`, watched: true, question: watchedQuestion(number) })).ok).toBe(true);
    }
    // « Vérifier maintenant » on the three: in discreet mode « Tout vérifier » reads only what is due.
    const reply = await send({ type: 'watch.check', ids: [DEEP, HEALTHY, REDIRECTED].map((number) => `AN-17-QE-${number}`) });
    expect(reply.error).toBeUndefined();
    expect(reply.result).toMatchObject({ checked: 3 });
    expect((await stored(`AN-17-QE-${HEALTHY}`))?.state).toBe('answered');
    expect(await stored(`AN-17-QE-${DEEP}`)).toMatchObject({ state: 'answered', question: { answerText: 'La ministre répond.' } });
    const redirected = await stored(`AN-17-QE-${REDIRECTED}`);
    expect(redirected?.state).toBe('overdue');
    expect(redirected?.failures).toBe(1);
  }, 120_000);

  it('a list item linking to a foreign host is kept with the Assemblée’s address, in the store and the popup (D8)', async () => {
    expect((await send({ type: 'watch.set', id: 'AN-16-QE-15230', watched: true, ref: foreignListItem() })).ok).toBe(true);
    expect((await stored('AN-16-QE-15230'))?.ref?.url).toBe('https://www.assemblee-nationale.fr/dyn/16/questions/QANR5L16QE15230');
    const popup = await browser.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const row = popup.locator('li[data-id="AN-16-QE-15230"]');
    await row.waitFor();
    const links = await row.locator('a[href]').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).not.toContain(FOREIGN_HOST);
    await popup.close();
  });
});
