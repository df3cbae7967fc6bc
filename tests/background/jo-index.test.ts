/**
 * The Journal officiel index in the background: the Poller reads the DILA's folder, downloads new
 * issues and applies each in one transaction (lib/background/store/jo-index.ts), against a fake
 * IndexedDB and a stub fetcher on a fixed clock. Workers killed mid-way, issues never downloaded
 * twice, a first install, and what the index's health does to the per-question reads.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Db } from '../../lib/background/store/db';
import { recentEvents } from '../../lib/background/store/events';
import { Poller } from '../../lib/background/poller';
import { type Change } from '../../lib/polling/changes';
import {
  ARCHIVE_ATTEMPTS,
  DIRECT_READ_GAP_MS,
  INDEX_FAILING_AFTER,
  INDEX_LEASE_MS,
  issueRecordSchema,
} from '../../lib/polling/index-schedule';
import { parisInstant } from '../../lib/paris-time';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { type BytesOutcome, type FetchOutcome, type PoliteFetcher, type RequestLimits } from '../../lib/sources/polite-fetch';
import { watchRecordSchema, type WatchRecord } from '../../lib/records';
import { anOpenDataUrl, AN_WWW } from '../../lib/urls';
import { folderListing, issueArchive, redifAnswer, redifFile, tar } from '../../harness/jo-archives';
import { anQuestionRecord } from '../../harness/an-question';
import { freshIndexedDb, makeQuestion, openTestDb } from '../store/helpers';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Tuesday 10 March 2026, 16:00 in Paris: the day of issue ANQ20260010. */
const NOW = parisInstant('2026-03-10', 16);
const FOLDER_PATH = '/OPENDATA/Questions-Reponses/AN/Annee_en_cours/';
const FOLDER = `https://echanges.dila.gouv.fr${FOLDER_PATH}`;
const name = (number: number) => `ANQ2026${String(number).padStart(4, '0')}.taz`;
/** The Tuesday of issue `number` of 2026 (issue 10 is 10 March). */
const tuesdayOf = (number: number) => new Date(Date.UTC(2026, 2, 10 + 7 * (number - 10))).toISOString().slice(0, 10);

/** An issue answering these questions of the 17th (and one nobody watches). */
function archive(number: number, answered: number[] = []): Uint8Array {
  const rep = [...answered, 99_999].map((n) =>
    redifAnswer({
      questions: [{ number: n, legislature: 17, author: 'Mme Claire Exemple', ministry: 'Intérieur' }],
      date: tuesdayOf(number),
      page: 2100,
      text: `Réponse à la question ${n}.`,
    }),
  );
  return issueArchive(name(number), redifFile({ qe: [], rep }));
}

/** The DILA and the Assemblée as the stub fetcher serves them; every request logged. */
function world() {
  const issues = new Map<number, Uint8Array>();
  const overrides = new Map<string, () => Promise<FetchOutcome | BytesOutcome>>();
  const listing = (): FetchOutcome => ({
    ok: true,
    status: 200,
    contentType: 'text/html',
    body: folderListing(FOLDER_PATH, [...issues.keys()].map(name)),
  });
  const get = vi.fn(async (url: string, _accept: string): Promise<FetchOutcome> => {
    const override = overrides.get(url);
    if (override) return (await override()) as FetchOutcome;
    if (url === FOLDER) return listing();
    const m = /QANR5L17QE(\d+)\.json$/.exec(url);
    if (m)
      return {
        ok: true,
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify(anQuestionRecord({ number: Number(m[1]), publishedOn: '2025-10-07' })),
      };
    return { ok: false, reason: 'http', status: 404 };
  });
  const getBytes = vi.fn(async (url: string, _accept: string, _limits?: RequestLimits): Promise<BytesOutcome> => {
    const override = overrides.get(url);
    if (override) return (await override()) as BytesOutcome;
    const issue = [...issues].find(([number]) => url === `${FOLDER}${name(number)}`);
    return issue
      ? { ok: true, status: 200, contentType: 'application/octet-stream', body: issue[1] }
      : { ok: false, reason: 'http', status: 404 };
  });
  const urls = () => [...get.mock.calls, ...getBytes.mock.calls].map(([url]) => url);
  return {
    issues,
    overrides,
    get,
    getBytes,
    fetcher: { get, getBytes } as unknown as PoliteFetcher,
    listings: () => get.mock.calls.filter(([url]) => url === FOLDER).length,
    downloads: () => getBytes.mock.calls.map(([url]) => url.slice(FOLDER.length)),
    /** What the Assemblée was asked: each of these names a watched question. */
    assemblee: () => urls().filter((url) => new URL(url).hostname === AN_WWW),
  };
}

let db: Db;
let clock: { now: number };
let settings: Settings;
let dila: ReturnType<typeof world>;
let announce: ReturnType<typeof vi.fn<(changes: Change[]) => Promise<void>>>;

/** A worker: a Poller on the shared store; a new one is a restarted worker. */
function worker(fetcher: PoliteFetcher = dila.fetcher): Poller {
  return new Poller({ db: async () => db, fetcher, now: () => clock.now, random: () => 0.5, settings: async () => settings, announce });
}

beforeEach(async () => {
  freshIndexedDb();
  db = await openTestDb(undefined, () => NOW);
  clock = { now: NOW };
  settings = { ...DEFAULT_SETTINGS };
  dila = world();
  announce = vi.fn(async (_changes: Change[]) => undefined);
});

afterEach(() => db.close());

/** Watched from its page `daysAgo` days ago, never checked since; its schedule says it is due. */
async function watched(number: number, daysAgo = 7, overrides: Partial<WatchRecord> = {}): Promise<WatchRecord> {
  const question = makeQuestion({
    legislature: 17,
    number,
    publishedOn: '2025-10-07',
    author: { name: 'Mme Claire Exemple', anId: 'PA999903' },
  });
  const record = watchRecordSchema.parse({
    id: question.id,
    question,
    watchedAt: NOW - daysAgo * DAY,
    state: 'overdue',
    failures: 0,
    seen: true,
    nextCheckAt: NOW - HOUR,
    ...overrides,
  });
  await db.put('watches', record);
  return record;
}

const stored = async (id: string) => watchRecordSchema.parse(await db.get('watches', id));
const issuesStored = async () => (await db.getAll('joIssues')).map((value) => issueRecordSchema.parse(value));

describe('the weekly read, in discreet mode (the default)', () => {
  it('a first install reads only the latest few issues, and the one answering a watch makes it « Répondue », announced', async () => {
    expect(settings.discreet).toBe(true);
    for (let number = 1; number <= 10; number++) dila.issues.set(number, archive(number, number === 9 ? [2871] : []));
    const watch = await watched(2871);
    const summary = await worker().run();

    expect(dila.listings()).toBe(1);
    expect(dila.downloads()).toEqual([name(7), name(8), name(9), name(10)]);
    expect((await issuesStored()).map((issue) => [issue.name, issue.status, issue.publishedOn, issue.answers])).toEqual([
      [name(7), 'applied', tuesdayOf(7), 1],
      [name(8), 'applied', tuesdayOf(8), 1],
      [name(9), 'applied', tuesdayOf(9), 2],
      [name(10), 'applied', tuesdayOf(10), 1],
    ]);
    const after = await stored(watch.id);
    expect(after).toMatchObject({
      state: 'answered',
      seen: false,
      lastChangeAt: NOW,
      question: { answeredOn: tuesdayOf(9), answerText: 'Réponse à la question 2871.' },
    });
    expect(announce).toHaveBeenCalledOnce();
    expect(announce.mock.calls[0]![0].map((change) => [change.kind, change.question.id])).toEqual([['answered', watch.id]]);
    expect(summary).toMatchObject({ checked: 1, failed: 0, remaining: 0 });
    expect(summary.changes).toHaveLength(1);
    const events = (await recentEvents(db, 100)).reverse().map(({ seq: _seq, ...event }) => event);
    expect(events).toEqual([
      { at: NOW, type: 'check', questionId: watch.id, source: 'jo-index', ok: true, from: 'overdue', to: 'answered' },
      { at: NOW, type: 'change', questionId: watch.id, source: 'jo-index', from: 'overdue', to: 'answered', detail: 'answered' },
    ]);
    // Nothing asked of the Assemblée: the index answered, and the page the user watched it from is a week old.
    expect(dila.assemblee()).toEqual([]);
  });

  it('the same request for every user: the folder itself, no query string, HTML asked for', async () => {
    dila.issues.set(10, archive(10));
    await watched(2871);
    await worker().run();
    expect(dila.get.mock.calls).toEqual([[FOLDER, 'text/html']]);
    expect(dila.getBytes.mock.calls.map(([url, accept]) => [url, accept])).toEqual([[`${FOLDER}${name(10)}`, '*/*']]);
    expect(new URL(FOLDER).search).toBe('');
  });

  it('an applied issue is never downloaded again: not by the next read, nor by a restarted worker', async () => {
    dila.issues.set(10, archive(10));
    await watched(2871);
    await worker().run({});
    await worker().run({});
    expect(dila.listings()).toBe(2);
    expect(dila.downloads()).toEqual([name(10)]);
    // Next Tuesday's read, at its random moment (the dice say 18:00).
    dila.issues.set(11, archive(11));
    clock.now = parisInstant('2026-03-17', 18);
    await worker().run();
    expect(dila.downloads()).toEqual([name(10), name(11)]);
  });

  it('reads on schedule: not again this week once its issue is in, next Tuesday afternoon', async () => {
    dila.issues.set(10, archive(10));
    await watched(2871);
    const poller = worker();
    await poller.run();
    for (const later of [HOUR, DAY, 5 * DAY]) {
      clock.now = NOW + later;
      await poller.run();
    }
    expect(dila.listings()).toBe(1);
    const state = await db.get('joIndex', 'AN');
    expect(state).toMatchObject({ chamber: 'AN', failures: 0, lastReadAt: NOW, nextReadAt: parisInstant('2026-03-17', 18) });
    clock.now = state!.nextReadAt!;
    await poller.run();
    expect(dila.listings()).toBe(2);
  });

  it('no watch the index could answer, no request at all', async () => {
    dila.issues.set(10, archive(10));
    await watched(2871, 7, { state: 'answered', question: makeQuestion({ legislature: 17, number: 2871, answeredOn: '2026-03-03' }) });
    await worker().run({});
    expect(dila.get).not.toHaveBeenCalled();
    expect(dila.getBytes).not.toHaveBeenCalled();
  });

  it('the per-question read of discreet mode: a watch not read for a month is read once, then not for another', async () => {
    dila.issues.set(10, archive(10));
    const old = await watched(2871, 40);
    const recent = await watched(2872, 10);
    await worker().run();
    expect(dila.assemblee()).toEqual([anOpenDataUrl(old.id)]);
    expect((await stored(old.id)).lastCheckedAt).toBe(NOW);
    expect((await stored(recent.id)).lastCheckedAt).toBeUndefined();
    // Due again by its own schedule a few days later, still held back by the month's gap.
    clock.now = NOW + 10 * DAY;
    await worker().run();
    expect(dila.assemblee()).toEqual([anOpenDataUrl(old.id)]);
    clock.now = NOW + DIRECT_READ_GAP_MS + HOUR;
    dila.issues.set(14, archive(14));
    await worker().run();
    expect(dila.assemblee()).toEqual([anOpenDataUrl(old.id), anOpenDataUrl(recent.id), anOpenDataUrl(old.id)]);
  });
});

describe('« Tout vérifier »: the same check as the alarm, index first', () => {
  it('in discreet mode: the index whatever its schedule, then only what is due; every watch it vouches for counts', async () => {
    dila.issues.set(10, archive(10));
    await watched(2871);
    await watched(2872);
    const poller = worker();
    await poller.run();
    // Next Tuesday, before its read is due: the issue is out.
    dila.issues.set(11, archive(11, [2872]));
    clock.now = parisInstant('2026-03-17', 15);
    const summary = await poller.run({});
    expect(dila.listings()).toBe(2);
    expect(dila.downloads()).toEqual([name(10), name(11)]);
    expect(dila.assemblee()).toEqual([]);
    expect(summary).toMatchObject({ checked: 2, failed: 0, remaining: 0 });
    expect(summary.changes.map((change) => change.question.id)).toEqual(['AN-17-QE-2872']);
  });

  it('discreet mode off: every question the Assemblée can tell about is read too, after the index', async () => {
    settings = { ...settings, discreet: false };
    dila.issues.set(10, archive(10, [2871]));
    await watched(2871, 7, { nextCheckAt: NOW + DAY });
    const other = await watched(2872, 7, { nextCheckAt: NOW + DAY });
    const summary = await worker().run({});
    // 2871 answered by the index: final, not asked.
    expect(dila.assemblee()).toEqual([anOpenDataUrl(other.id)]);
    expect(summary).toMatchObject({ checked: 2, failed: 0 });
  });

  it('« Vérifier maintenant » on one question: the index, then that question at the Assemblée', async () => {
    dila.issues.set(10, archive(10));
    const one = await watched(2871, 7, { nextCheckAt: NOW + DAY });
    await watched(2872, 7, { nextCheckAt: NOW + DAY });
    await worker().run({ ids: [one.id] });
    expect(dila.listings()).toBe(1);
    expect(dila.assemblee()).toEqual([anOpenDataUrl(one.id)]);
  });
});

describe('progress survives the worker', () => {
  it('killed mid-apply: nothing of the issue is kept, and it is applied whole at the next read', async () => {
    dila.issues.set(9, archive(9));
    await watched(2871);
    await watched(2872);
    await worker().run();
    const [a, b] = [await stored('AN-17-QE-2871'), await stored('AN-17-QE-2872')];
    const events = await db.count('events');
    dila.issues.set(10, archive(10, [2871, 2872]));
    clock.now = NOW + 2 * HOUR;
    // The transaction dies at its last write (the issue's own record), as when the worker stops before it commits.
    const put = IDBObjectStore.prototype.put;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'joIssues') throw new DOMException('The worker stopped', 'AbortError');
      return put.apply(this, args as Parameters<IDBObjectStore['put']>);
    });
    const first = await worker().run({});
    spy.mockRestore();
    expect(first.changes).toEqual([]);
    expect(await stored(a!.id)).toEqual(a);
    expect(await stored(b!.id)).toEqual(b);
    expect((await issuesStored()).map((issue) => issue.name)).toEqual([name(9)]);
    expect(await db.count('events')).toBe(events);
    expect(announce).not.toHaveBeenCalled();
    expect(await db.get('joIndex', 'AN')).toMatchObject({ failures: 1, lastFailure: 'not applied (AbortError)' });

    clock.now = (await db.get('joIndex', 'AN'))!.nextReadAt!;
    const second = await worker().run();
    expect(second.changes.map((change) => change.question.id)).toEqual([a!.id, b!.id]);
    expect((await issuesStored()).map((issue) => issue.name)).toEqual([name(9), name(10)]);
    expect(dila.downloads()).toEqual([name(9), name(10), name(10)]);
  });

  it('killed mid-download: nothing is kept; the restarted worker waits out the booked read, then reads it', async () => {
    dila.issues.set(10, archive(10, [2871]));
    const watch = await watched(2871);
    // The first worker never sees the archive arrive: it is stopped while downloading.
    dila.overrides.set(`${FOLDER}${name(10)}`, () => new Promise(() => undefined));
    void worker().run();
    await vi.waitFor(() => expect(dila.getBytes).toHaveBeenCalledOnce());
    dila.overrides.clear();
    expect(await db.count('joIssues')).toBe(0);
    expect(await stored(watch.id)).toEqual(watch);

    // A new worker at the next alarms: the read stays booked for an hour, not retried at every alarm.
    clock.now = NOW + 15 * MINUTE;
    await worker().run();
    expect(dila.getBytes).toHaveBeenCalledOnce();
    clock.now = NOW + INDEX_LEASE_MS;
    await worker().run();
    expect(dila.downloads()).toEqual([name(10), name(10)]);
    expect(await stored(watch.id)).toMatchObject({ state: 'answered' });
  });
});

describe('across New Year', () => {
  const PAST = FOLDER.replace('Annee_en_cours', '2026');
  const listingsAsked = () => dila.get.mock.calls.map(([url]) => url).filter((url) => url.includes('/Questions-Reponses/'));

  it('in early January the past year’s folder is read too; not there yet (404), it lists nothing', async () => {
    dila.issues.set(10, archive(10));
    await watched(2871);
    clock.now = parisInstant('2027-01-08', 16);
    await worker().run();
    expect(listingsAsked()).toEqual([FOLDER, PAST]);
    expect(dila.downloads()).toEqual([name(10)]);
    expect(await db.get('joIndex', 'AN')).toMatchObject({ failures: 0, lastReadAt: clock.now });
    // Any other failure of that folder is a failed read.
    dila.overrides.set(PAST, async () => ({ ok: false, reason: 'http', status: 503 }));
    await worker().run({});
    expect(await db.get('joIndex', 'AN')).toMatchObject({ failures: 1, lastFailure: 'HTTP 503' });
  });
});

describe('what the index cannot read', () => {
  it(`an archive that does not open is tried again within the hour, then set aside after ${ARCHIVE_ATTEMPTS} attempts`, async () => {
    dila.issues.set(9, archive(9));
    const poller = worker();
    await watched(2871);
    await poller.run();
    dila.issues.set(10, archive(10).subarray(0, 200));
    clock.now = NOW + HOUR;
    for (let attempt = 1; attempt <= ARCHIVE_ATTEMPTS; attempt++) {
      await poller.run({});
      const record = (await issuesStored()).find((issue) => issue.name === name(10))!;
      expect(record).toMatchObject({ status: 'unreadable', attempts: attempt });
      expect(record.reason).toMatch(/^gzip-corrupt/);
    }
    expect(dila.downloads()).toEqual([name(9), name(10), name(10), name(10)]);
    await poller.run({});
    expect(dila.downloads()).toHaveLength(4);
  });

  it('an archive over the size limit is not downloaded whole, nor again: set aside at once; the limit is asked of the fetcher', async () => {
    dila.issues.set(10, archive(10));
    dila.overrides.set(`${FOLDER}${name(10)}`, async () => ({ ok: false, reason: 'too-large' }));
    await watched(2871);
    await worker().run();
    expect((await issuesStored())[0]).toMatchObject({
      status: 'unreadable',
      attempts: ARCHIVE_ATTEMPTS,
      reason: 'larger than 67108864 bytes',
    });
    expect(dila.getBytes.mock.calls[0]![2]).toMatchObject({ maxBytes: 64 * 1024 * 1024 });
    await worker().run({});
    expect(dila.getBytes).toHaveBeenCalledOnce();
  });

  it('an archive without the rich file (an old one with only XML1JO) is set aside as unreadable', async () => {
    dila.issues.set(10, tar([{ name: 'XML1JO_AN20260010.xml', content: '<JO/>' }]));
    await watched(2871);
    await worker().run();
    expect((await issuesStored())[0]).toMatchObject({ status: 'unreadable', reason: expect.stringMatching(/^no-issue-member/) });
  });

  it('a listing that lacks an issue already read is not the folder: a failed read, retried within the hour', async () => {
    dila.issues.set(10, archive(10));
    await watched(2871);
    const poller = worker();
    await poller.run();
    dila.overrides.set(FOLDER, async () => ({
      ok: true,
      status: 200,
      contentType: 'text/html',
      body: '<html><body>Maintenance</body></html>',
    }));
    clock.now = NOW + 7 * DAY;
    await poller.run({});
    expect(await db.get('joIndex', 'AN')).toMatchObject({
      failures: 1,
      lastFailure: `the listing lacks ${name(10)}`,
      nextReadAt: clock.now + HOUR,
    });
  });
});

describe('the fallback: today’s per-question schedule while the index is failing or stale', () => {
  it(`after ${INDEX_FAILING_AFTER} failed reads, due watches are read at the Assemblée again; back to discreet once it reads`, async () => {
    dila.issues.set(10, archive(10));
    const watch = await watched(2871, 10);
    const poller = worker();
    await poller.run();
    expect(dila.assemblee()).toEqual([]);
    dila.overrides.set(FOLDER, async () => ({ ok: false, reason: 'http', status: 503 }));
    clock.now = NOW + 7 * DAY;
    for (let failures = 1; failures <= INDEX_FAILING_AFTER; failures++) {
      await poller.run({});
      expect(await db.get('joIndex', 'AN')).toMatchObject({ failures });
      expect(dila.assemblee()).toEqual(failures < INDEX_FAILING_AFTER ? [] : [anOpenDataUrl(watch.id)]);
    }
    dila.overrides.clear();
    clock.now += 3 * DAY;
    await db.put('watches', { ...(await stored(watch.id)), nextCheckAt: clock.now - HOUR });
    await poller.run({});
    expect(dila.assemblee()).toHaveLength(1);
  });

  it('no new issue for more than two weeks: the index is stale, due watches are read again', async () => {
    dila.issues.set(10, archive(10));
    const watch = await watched(2871, 10);
    const poller = worker();
    await poller.run();
    clock.now = NOW + 16 * DAY;
    await poller.run({});
    expect(dila.assemblee()).toEqual([]);
    clock.now = NOW + 18 * DAY;
    await poller.run({});
    expect(dila.assemblee()).toEqual([anOpenDataUrl(watch.id)]);
  });
});
