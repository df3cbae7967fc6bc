/**
 * The popup with 10,000 watches: when the rows the user will see first (the final first rows, in
 * the final order) are on screen, with the service worker awake and asleep; the longest task
 * while the rest arrives; and each keystroke in the search box, until its frame.
 */
import { type Page } from 'playwright-core';
import { type ExtensionBrowser } from '../../harness/browser';
import { exportedWatch, importChunks } from '../../lib/exchange';
import { median, tenThousandWatches } from '../browser';

/** The first rows the user sees, compared from the first paint of rows to the last. */
const FIRST_ROWS = 10;

/**
 * Installed before the popup's own scripts: notes every change of the first rows, and long tasks.
 * The popup is done once the row count holds still.
 */
const RECORDER = `(() => {
  const seen = (window.__rows = []);
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });
  const note = () => {
    const rows = document.querySelectorAll('.rows > li');
    if (!rows.length) return;
    const first = Array.from(rows).slice(0, ${FIRST_ROWS}).map((li) => li.textContent).join('\\n');
    const count = document.querySelector('.count')?.textContent ?? '';
    if (seen.length && seen[seen.length - 1].first === first && seen[seen.length - 1].count === count) return;
    seen.push({ at: performance.now(), first, count });
  };
  new MutationObserver(note).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

export interface PopupCost {
  /** Open → the final first rows on screen, ms (median). */
  firstRowsAwake: number;
  firstRowsAsleep: number;
  /** Open → every row loaded and counted, ms (median). */
  allRows: number;
  /** Longest task after the first rows were shown, ms (median over opens). */
  longestTaskAfter: number;
  /** Keystroke → its frame in the search box, ms: median and worst. */
  keystroke: number;
  keystrokeWorst: number;
}

export async function importTenThousand(browser: ExtensionBrowser): Promise<void> {
  const page = await browser.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const chunks = importChunks(tenThousandWatches(Date.now()).map(exportedWatch));
  await page.evaluate(async (parts) => {
    const send = async (message: unknown) => {
      const reply = (await chrome.runtime.sendMessage(message)) as { ok: boolean; error?: string };
      if (!reply.ok) throw new Error(reply.error);
    };
    for (const watches of parts) await send({ type: 'import.stage', importId: 'bench', watches });
    await send({ type: 'import.commit', importId: 'bench' });
  }, chunks);
  await page.close();
}

/** Stops the extension's service worker, as Chrome does after 30 s idle. */
async function putWorkerToSleep(browser: ExtensionBrowser): Promise<void> {
  const page = await browser.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const session = await browser.context.newCDPSession(page);
  const stopped = new Promise<void>((resolve) => {
    session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.every((v) => v.runningStatus === 'stopped')) resolve();
    });
  });
  await session.send('ServiceWorker.enable');
  await session.send('ServiceWorker.stopAllWorkers');
  await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 3_000))]);
  await session.detach();
  await page.close();
}

interface Open {
  firstRows: number;
  allRows: number;
  longestTaskAfter: number;
}

async function openPopup(browser: ExtensionBrowser): Promise<{ page: Page; open: Open }> {
  const page = await browser.newPage();
  await page.addInitScript(RECORDER);
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  // Done when the whole list is read (the list is busy until then: its first rows show long before)
  // and the rows have not changed for a second.
  await page.waitForFunction(
    () => {
      const rows = (window as unknown as { __rows: { at: number }[] }).__rows;
      return rows.length > 0 && !document.querySelector('ul.rows[aria-busy]') && performance.now() - rows[rows.length - 1]!.at > 1_000;
    },
    null,
    { timeout: 60_000, polling: 200 },
  );
  const open = await page.evaluate(() => {
    const w = window as unknown as { __rows: { at: number; first: string }[]; __longTasks: { start: number; duration: number }[] };
    const final = w.__rows[w.__rows.length - 1]!;
    let settled = w.__rows.length - 1;
    while (settled > 0 && w.__rows[settled - 1]!.first === final.first) settled--;
    const firstRows = w.__rows[settled]!.at;
    return {
      firstRows,
      allRows: final.at,
      longestTaskAfter: Math.max(0, ...w.__longTasks.filter((t) => t.start >= firstRows).map((t) => t.duration)),
    };
  });
  return { page, open };
}

async function keystrokes(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
    const times: number[] = [];
    for (const text of ['d', 'dé', 'dém', 'démo', 'démon', 'démo', 'dém', '1', '12', '']) {
      const started = performance.now();
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      times.push(performance.now() - started);
    }
    return times;
  });
}

/** Open → rows on screen for the floor page (bench/trace/floor.ts), ms (median of `rounds` after a warm-up). */
export async function measurePopupFloor(browser: ExtensionBrowser, rounds: number): Promise<number> {
  const opens: number[] = [];
  for (let i = 0; i <= rounds; i++) {
    const { page, open } = await openPopup(browser);
    await page.close();
    if (i > 0) opens.push(open.firstRows);
  }
  return median(opens);
}

export async function measurePopup(browser: ExtensionBrowser, rounds: number): Promise<PopupCost> {
  const awake: Open[] = [];
  const asleep: Open[] = [];
  const keys: number[] = [];
  await openPopup(browser).then(({ page }) => page.close()); // warm-up
  for (let i = 0; i < rounds; i++) {
    const first = await openPopup(browser);
    awake.push(first.open);
    keys.push(...(await keystrokes(first.page)));
    await first.page.close();
    await putWorkerToSleep(browser);
    const second = await openPopup(browser);
    asleep.push(second.open);
    await second.page.close();
  }
  const all = [...awake, ...asleep];
  return {
    firstRowsAwake: median(awake.map((o) => o.firstRows)),
    firstRowsAsleep: median(asleep.map((o) => o.firstRows)),
    allRows: median(all.map((o) => o.allRows)),
    longestTaskAfter: median(all.map((o) => o.longestTaskAfter)),
    keystroke: median(keys),
    keystrokeWorst: Math.max(...keys),
  };
}

declare const chrome: typeof import('wxt/browser').browser;
