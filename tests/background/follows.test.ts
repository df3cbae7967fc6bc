/**
 * Follows in the background: an issue read by the index makes events for a followed deputy, a
 * ministry and a subject in the same run, with no request beyond the index's; the handlers follow,
 * sweep a record, preview, and mark the feed seen.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Db } from '../../lib/background/store/db';
import { createHandlers } from '../../lib/background/handlers';
import { Poller } from '../../lib/background/poller';
import { countUnseenFeed, feedPage, listDigests, listFollows, pruneFeed, FEED_KEPT_MS } from '../../lib/background/store/follows';
import { type FeedEntry } from '../../lib/follows/schemas';
import { parisInstant } from '../../lib/paris-time';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { type BytesOutcome, type FetchOutcome, type PoliteFetcher } from '../../lib/sources/polite-fetch';
import { folderListing, issueArchive, redifAnswer, redifFile, redifQuestion } from '../../harness/jo-archives';
import { freshIndexedDb, openTestDb } from '../store/helpers';

const NOW = parisInstant('2026-03-10', 16);
const FOLDER_PATH = '/OPENDATA/Questions-Reponses/AN/Annee_en_cours/';
const FOLDER = `https://echanges.dila.gouv.fr${FOLDER_PATH}`;
const LIST = 'https://www.assemblee-nationale.fr/dyn/deputes/PA795321/questions';
const DEPUTY = { chamber: 'AN' as const, legislature: 17, name: 'M. Fabrice Exemple', anId: 'PA795321', numbers: [4512] };

function issue(): Uint8Array {
  return issueArchive(
    'ANQ20260010.taz',
    redifFile({
      qe: [
        redifQuestion({
          number: 13382,
          date: '2026-03-10',
          page: 2000,
          author: 'M. Fabrice Exemple',
          ministry: 'Santé',
          subject: 'Prise de rendez-vous sur Doctolib',
        }),
        redifQuestion({
          number: 13383,
          date: '2026-03-10',
          page: 2001,
          author: 'Mme Claire Autre',
          ministry: 'Intérieur',
          subject: 'Titres d’identité',
        }),
      ],
      rep: [
        redifAnswer({
          questions: [{ number: 4512, legislature: 17, author: 'M. Fabrice Exemple', ministry: 'Agriculture', subject: 'Prix du lait' }],
          date: '2026-03-10',
          page: 2100,
          text: 'Le prix du lait payé aux producteurs…',
        }),
      ],
    }),
  );
}

function world() {
  const get = vi.fn(async (url: string): Promise<FetchOutcome> => {
    if (url === FOLDER) return { ok: true, status: 200, contentType: 'text/html', body: folderListing(FOLDER_PATH, ['ANQ20260010.taz']) };
    if (url === LIST)
      return { ok: true, status: 200, contentType: 'text/html', body: readFileSync('tests/fixtures/an/an-deputy-questions.html', 'utf8') };
    return { ok: false, reason: 'http', status: 404 };
  });
  const getBytes = vi.fn(
    async (url: string): Promise<BytesOutcome> =>
      url === `${FOLDER}ANQ20260010.taz`
        ? { ok: true, status: 200, contentType: 'application/octet-stream', body: issue() }
        : { ok: false, reason: 'http', status: 404 },
  );
  return {
    get,
    getBytes,
    fetcher: { get, getBytes } as unknown as PoliteFetcher,
    urls: () => [...get.mock.calls, ...getBytes.mock.calls].map(([url]) => url),
  };
}

let db: Db;
let source: ReturnType<typeof world>;
let announce: ReturnType<typeof vi.fn<(changes: unknown[], feed: FeedEntry[]) => Promise<void>>>;
let badge: ReturnType<typeof vi.fn<() => Promise<void>>>;

function setUp() {
  const poller = new Poller({
    db: async () => db,
    fetcher: source.fetcher,
    now: () => NOW,
    random: () => 0.5,
    settings: async () => ({ ...DEFAULT_SETTINGS }),
    announce,
  });
  const handlers = createHandlers({
    db: async () => db,
    fetcher: source.fetcher,
    poller,
    now: () => NOW,
    onWatchesChanged: badge,
    onErased: async () => undefined,
    backup: { load: async () => undefined, save: async () => undefined },
  });
  return { poller, handlers };
}

beforeEach(async () => {
  freshIndexedDb();
  db = await openTestDb(undefined, () => NOW);
  source = world();
  announce = vi.fn(async () => undefined);
  badge = vi.fn(async () => undefined);
});
afterEach(() => db.close());

describe('follows and the weekly index', () => {
  it('« Tout vérifier » with follows and no watch reads the issue and makes their events, asking nothing else', async () => {
    const { poller, handlers } = setUp();
    await handlers['follow.deputy']({ type: 'follow.deputy', identity: DEPUTY, follow: true });
    await handlers['follow.save']({
      type: 'follow.save',
      draft: { kind: 'subject', query: 'doctolib', chambers: ['AN'], newQuestions: true },
    });
    await handlers['follow.save']({
      type: 'follow.save',
      draft: { kind: 'ministry', titles: ['INTÉRIEUR'], chambers: ['AN'], newQuestions: false },
    });

    await poller.run({});
    // These follows are the Assemblée's only: its folder and its new issue, not the Sénat's folder, nothing else.
    expect(source.urls()).toEqual([FOLDER, `${FOLDER}ANQ20260010.taz`]);
    const feed = await feedPage(db, 50);
    expect(feed.map((e) => [e.followId.split(':')[0], e.kind, e.key.number, e.match ?? null]).sort()).toEqual([
      ['deputy', 'answer', 4512, 'confirmed'],
      ['deputy', 'question', 13382, 'name'],
      ['subject', 'question', 13382, null],
    ]);
    expect(await countUnseenFeed(db)).toBe(3);
    expect(announce).toHaveBeenCalledOnce();
    expect(announce.mock.calls[0]![1]).toHaveLength(3);
    expect((await listDigests(db)).map((d) => [d.key, d.entries.length])).toEqual([['AN/ANQ20260010.taz', 3]]);
    const deputy = (await listFollows(db)).find((f) => f.kind === 'deputy')!;
    expect(deputy.lastEventAt).toBe(NOW);

    // The issue is never read twice, and an event never recorded twice.
    await poller.run({});
    expect(await feedPage(db, 50)).toHaveLength(3);
    expect(announce).toHaveBeenCalledOnce();

    expect(await handlers['feed.seen']({ type: 'feed.seen' })).toEqual({ seen: 3 });
    expect(await countUnseenFeed(db)).toBe(0);
    expect(badge).toHaveBeenCalled();
  });

  it('previews a subject on the kept issues and offers the ministries’ titles', async () => {
    const { poller, handlers } = setUp();
    await handlers['follow.deputy']({ type: 'follow.deputy', identity: DEPUTY, follow: true });
    await poller.run({});
    expect(
      await handlers['follow.preview']({
        type: 'follow.preview',
        draft: { kind: 'subject', query: 'lait', chambers: ['AN'], newQuestions: true },
      }),
    ).toEqual({
      matched: 1,
      entries: 3,
      issues: 1,
    });
    expect(
      await handlers['follow.preview']({
        type: 'follow.preview',
        draft: { kind: 'subject', query: 'lait', chambers: ['SENAT'], newQuestions: true },
      }),
    ).toMatchObject({
      matched: 0,
    });
    expect((await handlers['follow.titles']({ type: 'follow.titles' })).titles.sort()).toEqual(['Agriculture', 'Intérieur', 'Santé']);
  });

  it('prunes events older than a year, and only those', async () => {
    const entry = (id: string, at: number): FeedEntry => ({
      id,
      followId: 'subject:x',
      at,
      kind: 'answer',
      key: { chamber: 'AN', legislature: 17, type: 'QE', number: 1 },
      issue: 'AN/x',
    });
    await db.put('feed', entry('old', NOW - FEED_KEPT_MS - 1));
    await db.put('feed', entry('recent', NOW - FEED_KEPT_MS + 1));
    expect(await pruneFeed(db, NOW)).toBe(1);
    expect((await feedPage(db, 10)).map((e) => e.id)).toEqual(['recent']);
  });
});

describe('the follow handlers', () => {
  it('follows a deputy once, whatever page it comes from, and unfollows', async () => {
    const { handlers } = setUp();
    await handlers['follow.deputy']({ type: 'follow.deputy', identity: { ...DEPUTY, anId: undefined, numbers: [1] }, follow: true });
    await handlers['follow.deputy']({ type: 'follow.deputy', identity: { ...DEPUTY, name: 'Fabrice EXEMPLE' }, follow: true });
    const follows = await listFollows(db);
    expect(follows).toHaveLength(1);
    expect(follows[0]).toMatchObject({ kind: 'deputy', anId: 'PA795321', numbers: [1, 4512] });
    const states = await handlers['follow.states']({
      type: 'follow.states',
      identities: [DEPUTY, { ...DEPUTY, anId: 'PA1', name: 'Mme Autre' }],
    });
    expect(states).toEqual({ states: { 'deputy:AN:17:PA795321': { followed: true }, 'deputy:AN:17:PA1': { followed: false } } });
    await handlers['follow.deputy']({ type: 'follow.deputy', identity: DEPUTY, follow: false });
    expect(await listFollows(db)).toEqual([]);
  });

  it('follows a senator once from senat.fr and NosSénateurs, reads no record for them, and unfollows', async () => {
    const { handlers } = setUp();
    const fromSenat = { chamber: 'SENAT' as const, legislature: 17, name: 'M. DUPONT Jean', numbers: [99999] };
    const fromArchive = { chamber: 'SENAT' as const, legislature: 17, name: 'Jean Dupont', slug: 'jean-dupont', numbers: [4321] };
    expect(await handlers['follow.deputy']({ type: 'follow.deputy', identity: fromSenat, follow: true })).toEqual({ followed: true });
    await handlers['follow.deputy']({ type: 'follow.deputy', identity: fromArchive, follow: true });
    const follows = await listFollows(db);
    expect(follows).toEqual([
      expect.objectContaining({
        id: 'deputy:SENAT:jean dupont',
        chamber: 'SENAT',
        name: 'M. Jean DUPONT',
        slug: 'jean-dupont',
        numbers: [99999, 4321],
      }),
    ]);
    const states = await handlers['follow.states']({
      type: 'follow.states',
      identities: [fromSenat, fromArchive, { ...fromSenat, chamber: 'AN' }],
    });
    expect(states.states).toEqual({
      'deputy:SENAT:jean dupont': { followed: true },
      'deputy:SENAT:jean-dupont': { followed: true },
      'deputy:AN:17:dupont jean': { followed: false },
    });
    expect(await handlers['deputy.record']({ type: 'deputy.record', identity: fromSenat })).toEqual({ failed: 'no-identifier' });
    expect(source.urls()).toEqual([]);
    await handlers['follow.deputy']({ type: 'follow.deputy', identity: fromArchive, follow: false });
    expect(await listFollows(db)).toEqual([]);
  });

  it('follows a ministry from a card in its chamber, tells the page, adds titles and unfollows', async () => {
    const { handlers } = setUp();
    const target = { chamber: 'SENAT' as const, title: 'Intérieur' };
    expect(await handlers['follow.ministry']({ type: 'follow.ministry', target, follow: true })).toEqual({ followed: true });
    const [made] = await listFollows(db);
    expect(made).toMatchObject({ kind: 'ministry', titles: ['Intérieur'], chambers: ['SENAT'], newQuestions: true });
    const states = await handlers['follow.states']({
      type: 'follow.states',
      identities: [],
      ministries: [target, { ...target, chamber: 'AN' }, { chamber: 'AN', title: 'Santé' }],
    });
    expect(states.ministries).toEqual({ 'ministry:SENAT:interieur': true, 'ministry:AN:interieur': false, 'ministry:AN:sante': false });
    expect(
      await handlers['follow.options']({ type: 'follow.options', id: made!.id, titles: ['Intérieur', 'INTÉRIEUR ET OUTRE-MER'] }),
    ).toEqual({
      saved: true,
    });
    expect((await listFollows(db))[0]).toMatchObject({ titles: ['Intérieur', 'INTÉRIEUR ET OUTRE-MER'], chambers: ['SENAT'] });
    await handlers['follow.options']({ type: 'follow.options', id: made!.id, chambers: ['AN', 'SENAT'] });
    expect(
      (await handlers['follow.states']({ type: 'follow.states', identities: [], ministries: [{ ...target, chamber: 'AN' }] })).ministries,
    ).toEqual({
      'ministry:AN:interieur': true,
    });
    expect(await handlers['follow.ministry']({ type: 'follow.ministry', target, follow: false })).toEqual({ followed: false });
    expect((await listFollows(db))[0]).toMatchObject({ titles: ['INTÉRIEUR ET OUTRE-MER'], chambers: ['AN', 'SENAT'] });
  });

  it('sweeps a record from the Assemblée’s list once a day, and keeps it with the follow', async () => {
    const { handlers } = setUp();
    await handlers['follow.deputy']({ type: 'follow.deputy', identity: DEPUTY, follow: true });
    const { record } = await handlers['deputy.record']({ type: 'deputy.record', identity: DEPUTY });
    // The fixture's first page holds 12 items, 9 written questions; past it, « not found »: the list is read.
    expect(source.urls()).toEqual([LIST, `${LIST}?page=2&limit=10`]);
    expect(record).toMatchObject({ legislature: 17, sweptAt: NOW, pages: 1, source: LIST, stats: { asked: 9, answered: 4 } });
    expect(await handlers['deputy.record']({ type: 'deputy.record', identity: DEPUTY })).toEqual({ record });
    expect(source.urls()).toHaveLength(2);
    const [follow] = await listFollows(db);
    expect(follow).toMatchObject({ record: { pages: 1 }, numbers: expect.arrayContaining([4512, 4388, 905]) });
    expect((await handlers['follow.states']({ type: 'follow.states', identities: [DEPUTY] })).states['deputy:AN:17:PA795321']).toEqual({
      followed: true,
      record,
    });
  });
});
