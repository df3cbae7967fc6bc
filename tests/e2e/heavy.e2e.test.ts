/**
 * Heavy users keep their data (reliability probe D2, D5), in Chromium, where the limits bite: an
 * import of 70,000 watches, past the worker's largest spread call, is written whole, scheduled and
 * reported truthfully; a list over 64 MiB, past the largest runtime message, is shown by the popup
 * and exported whole.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Page } from 'playwright-core';
import { anQuestionPage, anQuestionPath } from '../../harness/an-question';
import { launchWithExtension, type ExtensionBrowser } from '../../harness/browser';
import { html, startFixtureServer, type FixtureServer } from '../../harness/server';

let server: FixtureServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startFixtureServer('.e2e-tmp/certs');
  server.routes.set(anQuestionPath(100_001), () => html(anQuestionPage({ number: 100_001, publishedOn: '2025-01-14' })));
  browser = await launchWithExtension(server.port);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

declare const chrome: typeof import('wxt/browser').browser;

/** A Vigie export of `count` watches of the 17th legislature, numbered from `first`; `text` long texts make it heavy. */
function exportFile(count: number, first: number, text = ''): string {
  const watches = Array.from({ length: count }, (_, i) => {
    const number = first + i;
    const id = `AN-17-QE-${number}`;
    const snapshot = text
      ? {
          question: {
            id,
            chamber: 'AN',
            legislature: 17,
            type: 'QE',
            number,
            author: { name: 'Mme Claire Exemple' },
            publishedOn: '2025-01-14',
            text,
            answerText: text,
            answeredOn: '2025-06-03',
            urls: { an: '' },
          },
        }
      : { ref: { id, legislature: 17, type: 'QE', number, url: '', answered: false, closed: false, pending: true } };
    return { id, ...snapshot, watchedAt: Date.UTC(2025, 5, 1), state: text ? 'answered' : 'pending', seen: true };
  });
  return JSON.stringify({ format: 'vigie-watchlist', version: 1, exportedAt: new Date().toISOString(), watches });
}

async function storeCount(page: Page, which: 'all' | 'scheduled'): Promise<number> {
  return page.evaluate(
    (mode) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('vigie');
        open.onsuccess = () => {
          const all = open.result.transaction('watches').objectStore('watches').getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve(mode === 'all' ? all.result.length : all.result.filter((r) => r.nextCheckAt !== undefined).length);
          };
        };
        open.onerror = () => reject(open.error);
      }),
    which,
  );
}

async function importThroughOptions(path: string, added: RegExp): Promise<Page> {
  const options = await browser.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.setInputFiles('input[type="file"]', path);
  await expect.poll(() => options.textContent('.preview'), { timeout: 300_000 }).toMatch(added);
  await options.getByRole('button', { name: 'Importer', exact: true }).click();
  return options;
}

describe('heavy users in Chromium', () => {
  it('imports 70,000 watches: every one written and scheduled, the page says so, polling goes on (D2)', async () => {
    // The Assemblée paused for the hour: polling runs meet the pause and ask nothing, whatever is due.
    const setup = await browser.newPage();
    await setup.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await setup.evaluate(async () => {
      const until = Date.now() + 3_600_000;
      await chrome.storage.local.set({
        'source:www.assemblee-nationale.fr': { failures: 5, backoffUntil: until, circuitOpenUntil: until },
      });
    });
    await setup.close();
    writeFileSync('.e2e-tmp/70000.json', exportFile(70_000, 100_001));
    const options = await importThroughOptions('.e2e-tmp/70000.json', /70\s000 à ajouter/);
    await expect.poll(() => options.textContent('.data .status'), { timeout: 300_000 }).toMatch(/Import terminé : 70\s000 questions/);
    expect(await options.textContent('.error').catch(() => null)).toBeNull();
    expect(await storeCount(options, 'all')).toBe(70_000);
    expect(await storeCount(options, 'scheduled')).toBe(70_000);
    // A polling run over 70,000 due watches finishes (the source paused, so that it asks nothing):
    // before, every run threw on the spread of 70,000 ids and no watch was ever checked again.
    const check = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'watch.check', ids: ['AN-17-QE-100001'] }));
    expect(check).toMatchObject({ ok: true, result: { checked: 0 } });
    expect((check as { result: { remaining: number } }).result.remaining).toBeGreaterThan(0);
    await options.close();
  }, 600_000);

  it('shows and exports a list heavier than a runtime message can carry (D5)', async () => {
    // 1,700 answered questions with two texts of 20,000 characters each: about 68 MB, past 64 MiB.
    writeFileSync('.e2e-tmp/heavy.json', exportFile(1_700, 300_001, 'x'.repeat(20_000)));
    const options = await importThroughOptions('.e2e-tmp/heavy.json', /1\s700 à ajouter/);
    await expect.poll(() => options.textContent('.data .status'), { timeout: 300_000 }).toMatch(/Import terminé : 1\s700 questions/);

    const total = await storeCount(options, 'all');
    const popup = await browser.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const written = new Intl.NumberFormat('fr-FR').format(total).replace(/\s/g, '\\s');
    await expect.poll(() => popup.textContent('.count'), { timeout: 120_000 }).toMatch(new RegExp(`${written}$`));
    expect(await popup.locator('[role="alert"]').count()).toBe(0);
    await popup.close();

    const downloaded = options.waitForEvent('download', { timeout: 300_000 });
    await options.getByRole('button', { name: 'Exporter ma liste (JSON)' }).click();
    const file = JSON.parse(readFileSync(await (await downloaded).path(), 'utf8')) as { watches: unknown[] };
    expect(file.watches).toHaveLength(total);
    await options.close();
  }, 900_000);
});
