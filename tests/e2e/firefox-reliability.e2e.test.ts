/**
 * Hostile sources in Firefox ESR (reliability probe D1, D4, D8), as in Chromium: the run finishes,
 * only the Assemblée is believed, a foreign list link is not kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxWithExtension } from '../../harness/firefox';
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
let firefox: FirefoxWithExtension;
let page: Page;

beforeAll(async () => {
  server = await startFixtureServer('.e2e-tmp/certs');
  serveHostileSources(server);
  firefox = await launchFirefox(server.port, { extraHosts: [FOREIGN_HOST] });
  page = await firefox.extensionPage();
}, 90_000);

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

declare const browser: typeof import('webextension-polyfill');

async function send(message: object): Promise<{ ok: boolean; result?: Record<string, unknown>; error?: string }> {
  return page.evaluate((m) => browser.runtime.sendMessage(m), message) as Promise<{
    ok: boolean;
    result?: Record<string, unknown>;
    error?: string;
  }>;
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
  ) as Promise<Record<string, any> | undefined>;
}

describe('hostile sources in Firefox ESR', () => {
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

  it('a list item linking to a foreign host is kept with the Assemblée’s address (D8)', async () => {
    expect((await send({ type: 'watch.set', id: 'AN-16-QE-15230', watched: true, ref: foreignListItem() })).ok).toBe(true);
    expect((await stored('AN-16-QE-15230'))?.ref?.url).toBe('https://www.assemblee-nationale.fr/dyn/16/questions/QANR5L16QE15230');
  });
});
