/**
 * The follows' budgets: matching one JO issue of 2,000 entries against 200 follows (≤ 50 ms), and
 * the popup's « Fil » showing its first rows with 200 follows and 50,000 stored events (≤ 100 ms).
 * Each is printed with its ratio to a baseline measured in the same run, so that a loaded
 * machine reads the same: `JSON.parse` of the issue as JSON (the engine turning as much text into
 * objects), and the same popup opened on an empty feed.
 */
import { issueEntries, matchIssue } from '../lib/follows/match';
import { type FeedEntry, type Follow } from '../lib/follows/schemas';
import { type JoIssue, type JoQuestion } from '../lib/sources/jo/schemas';
import { launchWithExtension } from '../harness/browser';
import { median, startBenchSite } from './browser';

export interface FollowsFigures {
  matchMs: number;
  matchBaselineMs: number;
  popupFirstRowsMs: number;
  popupBaselineMs: number;
  entries: number;
  follows: number;
  events: number;
}

const SYLLABLES = [
  'ta',
  'ré',
  'lo',
  'mi',
  'sé',
  'pa',
  'ro',
  'vi',
  'na',
  'cu',
  'dé',
  'fo',
  'gri',
  'bu',
  'lè',
  'to',
  'cha',
  'pé',
  'mo',
  'ni',
];

/** A pseudo-French word of three syllables: 8,000 of them, so that each word is in a few texts, as real words are. */
function word(n: number): string {
  return SYLLABLES[n % 20]! + SYLLABLES[Math.floor(n / 20) % 20]! + SYLLABLES[Math.floor(n / 400) % 20]!;
}

/** `words` words drawn from `seed`, about as long as French text. */
function text(seed: number, words: number): string {
  return Array.from({ length: words }, (_, i) => word((seed * 7_919 + i * 104_729) % 8_000)).join(' ');
}

/** 1,000 questions first published and 1,000 answers, texts of about 1,500 characters, 577 authors. */
export function benchIssue(): JoIssue {
  const question = (number: number): JoQuestion => ({
    key: { chamber: 'AN', legislature: 17, type: 'QE', number },
    publishedOn: '2026-03-10',
    ministry: `Ministère ${number % 30}`,
    author: `${number % 2 ? 'M.' : 'Mme'} Député${number % 577} Nom-Composé`,
    subject: text(number, 6),
    text: `M. le député attire l’attention du Gouvernement sur ${text(number, 200)}.`,
  });
  return {
    format: 'REDIF',
    chamber: 'AN',
    publishedOn: '2026-03-10',
    questions: Array.from({ length: 1_000 }, (_, i) => question(20_000 + i)),
    answers: Array.from({ length: 1_000 }, (_, i) => ({
      questions: [question(5_000 + i)],
      answeredOn: '2026-03-10',
      ministry: `Ministère ${i % 30}`,
      text: `Le Gouvernement ${text(i, 200)}.`,
    })),
  };
}

/** 100 deputies (each with 50 known numbers), 50 ministries, 50 subjects of one to three terms. */
export function benchFollows(): Follow[] {
  const follows: Follow[] = [];
  for (let i = 0; i < 100; i++) {
    follows.push({
      id: `deputy:AN:17:PA${700_000 + i}`,
      kind: 'deputy',
      createdAt: 1,
      newQuestions: true,
      chamber: 'AN',
      legislature: 17,
      name: `${i % 2 ? 'M.' : 'Mme'} Député${i * 5} Nom-Composé`,
      anId: `PA${700_000 + i}`,
      numbers: Array.from({ length: 50 }, (_, k) => 1 + i * 50 + k),
    });
  }
  for (let i = 0; i < 50; i++) {
    follows.push({
      id: `ministry:${i}`,
      kind: 'ministry',
      createdAt: 1,
      newQuestions: i % 2 === 0,
      titles: [`Ministère ${i}`, `MINISTÈRE ${i} bis`],
      chambers: ['AN', 'SENAT'],
    });
    // Words and phrases of the generated texts: some match a few entries, most none.
    const query = i % 2 ? `${word(i * 37)} "${text(i, 2)}"` : word(i * 131);
    follows.push({ id: `subject:${i}`, kind: 'subject', createdAt: 1, newQuestions: true, query, chambers: ['AN'] });
  }
  return follows;
}

function timed(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

function measureMatch(runs: number) {
  const issue = benchIssue();
  const follows = benchFollows();
  const json = JSON.stringify(issue);
  // The reader hands matching the issue it read; matching starts from there.
  const match = () => matchIssue(follows, issueEntries(issue), 'AN/bench', Date.now());
  const entries = match().entries.length;
  const times: number[] = [];
  const baselines: number[] = [];
  for (let i = 0; i < runs; i++) {
    times.push(timed(match));
    baselines.push(timed(() => JSON.parse(json)));
  }
  return { matchMs: median(times), matchBaselineMs: median(baselines), entries, follows: follows.length, matched: entries };
}

function benchFeed(count: number, follows: readonly Follow[], now: number): FeedEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const follow = follows[i % follows.length]!;
    return {
      id: `${follow.id}|answer|AN-17-QE-${i + 1}`,
      followId: follow.id,
      // Spread over the year kept (older ones are pruned, and a prune under way would hold up the popup).
      at: now - Math.floor(i / 150) * 24 * 3_600_000,
      kind: i % 3 ? 'answer' : 'question',
      key: { chamber: 'AN', legislature: 17, type: 'QE', number: i + 1 },
      issue: `AN/ANQ2026${String(i % 50).padStart(4, '0')}.taz`,
      on: '2026-03-10',
      author: `M. Député${i % 577}`,
      ministry: `Ministère ${i % 30}`,
      subject: text(i, 6),
      ...(i < 200 ? { unseen: 1 as const } : {}),
    };
  });
}

async function measurePopup(runs: number, follows: readonly Follow[], events: number) {
  const server = await startBenchSite();
  const browser = await launchWithExtension(server.port);
  try {
    const page = await browser.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    // The worker opens (and creates) the database first: an extension page never creates it.
    await page.evaluate(async () => chrome.runtime.sendMessage({ type: 'follow.titles' }));
    const open = async (selector: string) => {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const popup = await browser.newPage();
        await popup.goto(`chrome-extension://${browser.extensionId}/popup.html#feed`);
        await popup.waitForSelector(selector, { timeout: 30_000 }).catch(async (error) => {
          throw new Error(`${String(error)}\n${(await popup.locator('body').textContent())?.slice(0, 500)}`);
        });
        times.push(await popup.evaluate(() => performance.now()));
        await popup.close();
      }
      return median(times);
    };
    const baseline = await open('#view-panel-feed .empty');
    await page.evaluate(
      async ({ follows, feed }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('vigie');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const tx = db.transaction(['follows', 'feed'], 'readwrite');
        for (const follow of follows) tx.objectStore('follows').put(follow);
        for (const entry of feed) tx.objectStore('feed').put(entry);
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      { follows, feed: benchFeed(events, follows, Date.now()) },
    );
    await page.close();
    // The first open marks the unseen seen; later ones show the same rows.
    const full = await open('.feed > li');
    return { popupFirstRowsMs: full, popupBaselineMs: baseline };
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function measureFollows(quick: boolean): Promise<FollowsFigures> {
  const match = measureMatch(quick ? 10 : 30);
  const follows = benchFollows();
  const popup = await measurePopup(quick ? 3 : 10, follows, 50_000);
  return { ...match, ...popup, follows: follows.length, events: 50_000 };
}

declare const chrome: typeof import('wxt/browser').browser;

type AtMost<B> = (name: string, value: number, unit: string, budget: number, note?: string) => B;

export async function followsBudgets<B>(
  quick: boolean,
  atMost: AtMost<B>,
  round: (value: number, digits?: number) => number,
): Promise<B[]> {
  const f = await measureFollows(quick);
  return [
    atMost(
      'follows: one issue matched, 2,000 entries × 200 follows',
      f.matchMs,
      'ms',
      50,
      `median; ${round(f.matchMs / f.matchBaselineMs, 1)} × JSON.parse of the same issue (${round(f.matchBaselineMs)} ms)`,
    ),
    atMost(
      'follows: « Fil » first rows, 200 follows, 50,000 events',
      f.popupFirstRowsMs,
      'ms',
      100,
      `from navigation to the first rows, median; ${round(f.popupFirstRowsMs / f.popupBaselineMs, 2)} × the same popup on an empty feed (${round(f.popupBaselineMs)} ms)`,
    ),
  ];
}
