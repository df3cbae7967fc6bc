/**
 * The in-browser measures: the content script's cost on real pages (the bench build reports
 * each detect → parse → render pass), and the store with 10,000 watches.
 */
import { type Page } from 'playwright-core';
import { exportedWatch, importChunks } from '../lib/exchange';
import { questionId, type Question } from '../lib/model';
import { questionStatus } from '../lib/status';
import { type WatchRecord } from '../lib/records';
import { anDynUrl, nosdeputesUrl } from '../lib/urls';
import { launchWithExtension, type ExtensionBrowser } from '../harness/browser';
import { html, startFixtureServer, type FixtureServer } from '../harness/server';
import { bigNosdeputesList, serveSite } from '../harness/site';

export const BENCH_EXTENSION_DIR = '.output/bench/chrome-mv3';
export const SEED_QUESTION = 'https://2017-2022.nosdeputes.fr/15/question/QE/19189';
export const LIST_500 = 'https://www.nosdeputes.fr/cinq-cents/questions';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface PageCost {
  /** Vigie's detect → parse → render, ms. */
  vigie: number;
  /** The same pass repeated right after, its code compiled, ms. */
  warm: number;
  /** The page's own load: from navigation start to the end of its load event, ms. */
  pageLoad: number;
  /** The page's own parsing and layout: from the first byte to DOMContentLoaded's end, ms. */
  pageParse: number;
}

async function loadOnce(browser: ExtensionBrowser, url: string): Promise<PageCost> {
  const page: Page = await browser.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-vigie-bench-warm-ms'), null, { timeout: 10_000 });
    return await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return {
        vigie: Number(document.documentElement.getAttribute('data-vigie-bench-ms')),
        warm: Number(document.documentElement.getAttribute('data-vigie-bench-warm-ms')),
        pageLoad: navigation.loadEventEnd,
        pageParse: navigation.domContentLoadedEventEnd - navigation.responseStart,
      };
    });
  } finally {
    await page.close();
  }
}

export async function measurePage(browser: ExtensionBrowser, url: string, loads: number): Promise<PageCost> {
  await loadOnce(browser, url); // warm-up: caches, JIT
  const runs: PageCost[] = [];
  for (let i = 0; i < loads; i++) runs.push(await loadOnce(browser, url));
  return {
    vigie: median(runs.map((r) => r.vigie)),
    warm: median(runs.map((r) => r.warm)),
    pageLoad: median(runs.map((r) => r.pageLoad)),
    pageParse: median(runs.map((r) => r.pageParse)),
  };
}

function benchQuestion(i: number): Question {
  const number = 1 + i;
  const id = questionId(17, 'QE', number);
  return {
    id,
    chamber: 'AN',
    legislature: 17,
    type: 'QE',
    number,
    author: {
      name: `Député ${i % 577}`,
      anId: `PA${700000 + (i % 577)}`,
      group: { acronym: 'EPR', name: 'Ensemble pour la République' },
      constituency: 'Finistère (3e circonscription)',
    },
    ministry: 'Intérieur',
    answeringMinistry: 'Intérieur',
    title: `Question de démonstration n° ${number}`,
    rubrique: 'Sécurité',
    publishedOn: '2025-01-14',
    ...(i % 3 === 0 ? { answeredOn: '2025-06-10' } : {}),
    text: 'M. le député attire l’attention de M. le ministre de l’intérieur sur une question de démonstration, écrite pour mesurer Vigie avec dix mille questions suivies. '.repeat(
      3,
    ),
    urls: { an: anDynUrl(id), nosdeputes: nosdeputesUrl(id) },
  };
}

export function tenThousandWatches(now: number): WatchRecord[] {
  return Array.from({ length: 10_000 }, (_, i) => {
    const question = benchQuestion(i);
    return {
      id: question.id,
      question,
      watchedAt: now - i * 60_000,
      state: questionStatus(question, '2026-11-29').state,
      failures: 0,
      seen: i % 50 !== 0,
      lastCheckedAt: now - 3_600_000,
    };
  });
}

export interface StoreCost {
  writeAll: number;
  readAll: number;
  /** First paint of the popup: its first frame with content. */
  popupFirstPaint: number;
  /** Until the first page of rows is on screen. */
  popupListReady: number;
}

export async function measureStore(browser: ExtensionBrowser, runs: number): Promise<StoreCost> {
  const page = await browser.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const chunks = importChunks(tenThousandWatches(Date.now()).map(exportedWatch));
  const times = await page.evaluate(async (parts) => {
    const send = async (message: unknown) => {
      const reply = (await chrome.runtime.sendMessage(message)) as { ok: boolean; error?: string };
      if (!reply.ok) throw new Error(reply.error);
    };
    let t = performance.now();
    for (const watches of parts) await send({ type: 'import.stage', importId: 'bench', watches });
    await send({ type: 'import.commit', importId: 'bench' });
    const writeAll = performance.now() - t;
    // What the popup does: the store read directly, without messaging.
    t = performance.now();
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('vigie');
      open.onsuccess = () => {
        const all = open.result.transaction('watches').objectStore('watches').getAll();
        all.onsuccess = () => {
          open.result.close();
          resolve();
        };
        all.onerror = () => reject(all.error);
      };
      open.onerror = () => reject(open.error);
    });
    return { writeAll, readAll: performance.now() - t };
  }, chunks);
  await page.close();
  const paints: number[] = [];
  const ready: number[] = [];
  for (let i = 0; i < runs; i++) {
    const popup = await browser.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.waitForSelector('.rows > li', { timeout: 30_000 });
    const timing = await popup.evaluate(() => ({
      paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      ready: performance.now(),
    }));
    paints.push(timing.paint);
    ready.push(timing.ready);
    await popup.close();
  }
  return { ...times, popupFirstPaint: median(paints), popupListReady: median(ready) };
}

export async function startBenchSite(): Promise<FixtureServer> {
  const server = await startFixtureServer('.e2e-tmp/certs');
  serveSite(server);
  server.routes.set('www.nosdeputes.fr/cinq-cents/questions', () => html(bigNosdeputesList(500)));
  return server;
}

export async function launchBenchBrowser(port: number): Promise<ExtensionBrowser> {
  return launchWithExtension(port, { extensionDir: BENCH_EXTENSION_DIR });
}

declare const chrome: typeof import('wxt/browser').browser;
