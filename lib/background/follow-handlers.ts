/** The follows' handlers (spread into handlers.ts): the store, the sweep of a deputy's record, the toolbar count. */
import { todayInParis } from '../dates';
import { type Handlers } from '../messages';
import { deputyKey, findDeputyFollow, followOfDeputy, type DeputyIdentity } from '../follows/identity';
import { type RecordView } from '../follows/messages';
import { previewMatches, ministryTitles } from '../follows/match';
import { recordStats } from '../follows/record';
import { deputyRecordSchema, type DeputyRecord, type Follow } from '../follows/schemas';
import { followFromDraft } from '../follows/drafts';
import { changeMinistryFollow, ministryFollowed, ministryKey } from '../follows/ministry';
import { sweepDeputy } from '../polling/deputy-sweep';
import { type PoliteFetcher } from '../sources/polite-fetch';
import { cacheGet, cachePut } from './store/cache';
import { type Db } from './store/db';
import { getFollow, importFollows, listDigests, listFollows, markFeedSeen, putFollow, removeFollow } from './store/follows';

/** A record is read again at most once a day, whatever the pages ask. */
export const RECORD_SWEEP_GAP_MS = 24 * 3_600_000;
/** The record of a deputy not followed is kept a week (a followed one keeps it in the follow). */
const RECORD_CACHE_MS = 7 * 24 * 3_600_000;

export interface FollowDeps {
  db: () => Promise<Db>;
  fetcher: PoliteFetcher;
  now: () => number;
  /** The toolbar count changed. */
  onFeedChanged: () => Promise<void>;
}

type FollowHandlerTypes =
  | 'follow.states'
  | 'follow.deputy'
  | 'follow.ministry'
  | 'deputy.record'
  | 'follow.save'
  | 'follow.options'
  | 'follow.remove'
  | 'follow.restore'
  | 'follow.preview'
  | 'follow.titles'
  | 'feed.seen';

const recordCacheKey = (identity: DeputyIdentity) => `record:${deputyKey(identity)}`;

function view(record: DeputyRecord, legislature: number, now: number): RecordView {
  const today = todayInParis(new Date(now));
  const { questions: _questions, ...rest } = record;
  return { ...rest, legislature, today, stats: recordStats(record, legislature, today) };
}

async function storedRecord(db: Db, follows: readonly Follow[], identity: DeputyIdentity, now: number): Promise<DeputyRecord | undefined> {
  return findDeputyFollow(follows, identity)?.record ?? (await cacheGet(db, recordCacheKey(identity), deputyRecordSchema, now));
}

export function followHandlers(deps: FollowDeps): Pick<Handlers, FollowHandlerTypes> {
  return {
    'follow.states': async ({ identities, ministries }) => {
      const db = await deps.db();
      const follows = await listFollows(db);
      const now = deps.now();
      const states: Record<string, { followed: boolean; record?: RecordView }> = {};
      for (const identity of identities) {
        const record = await storedRecord(db, follows, identity, now);
        states[deputyKey(identity)] = {
          followed: !!findDeputyFollow(follows, identity),
          ...(record ? { record: view(record, identity.legislature, now) } : {}),
        };
      }
      if (!ministries?.length) return { states };
      return {
        states,
        ministries: Object.fromEntries(ministries.map((target) => [ministryKey(target), ministryFollowed(follows, target)])),
      };
    },
    'follow.ministry': async ({ target, follow }) => {
      const db = await deps.db();
      const change = changeMinistryFollow(await listFollows(db), target, follow, deps.now());
      for (const id of change.remove) await removeFollow(db, id);
      for (const changed of change.put) await putFollow(db, changed);
      return { followed: ministryFollowed(await listFollows(db), target) };
    },
    'follow.deputy': async ({ identity, follow }) => {
      const db = await deps.db();
      const existing = findDeputyFollow(await listFollows(db), identity);
      if (!follow) {
        if (existing) await removeFollow(db, existing.id);
        return { followed: false };
      }
      const now = deps.now();
      const made = followOfDeputy(existing, identity, now);
      const cached = made.record ? undefined : await cacheGet(db, recordCacheKey(identity), deputyRecordSchema, now);
      await putFollow(db, cached ? { ...made, record: cached } : made);
      return { followed: true };
    },
    'deputy.record': async ({ identity }) => {
      const db = await deps.db();
      const now = deps.now();
      const follows = await listFollows(db);
      const known = await storedRecord(db, follows, identity, now);
      if (known && now - known.sweptAt < RECORD_SWEEP_GAP_MS) return { record: view(known, identity.legislature, now) };
      if (!identity.anId || identity.chamber !== 'AN')
        return { failed: 'no-identifier', ...(known ? { record: view(known, identity.legislature, now) } : {}) };
      const swept = await sweepDeputy(deps.fetcher, identity.anId, identity.legislature, deps.now);
      if (!swept.ok) return { failed: swept.reason.slice(0, 200), ...(known ? { record: view(known, identity.legislature, now) } : {}) };
      // The list is the deputy's own: its numbers confirm the JO's name matches from now on.
      const numbers = swept.record.questions.map((q) => q.number);
      const follow = findDeputyFollow(await listFollows(db), identity);
      if (follow) await putFollow(db, { ...followOfDeputy(follow, { ...identity, numbers }, now), record: swept.record });
      else await cachePut(db, recordCacheKey(identity), 'deputy', swept.record, RECORD_CACHE_MS, now);
      return { record: view(swept.record, identity.legislature, deps.now()) };
    },
    'follow.save': async ({ draft }) => ({ follow: await putFollow(await deps.db(), followFromDraft(draft, deps.now())) }),
    'follow.options': async ({ id, newQuestions, titles, chambers }) => {
      const db = await deps.db();
      const follow = await getFollow(db, id);
      if (!follow) return { saved: false };
      const options = newQuestions === undefined ? {} : { newQuestions };
      if (follow.kind === 'deputy') await putFollow(db, { ...follow, ...options });
      else {
        const scope = chambers ? { chambers: [...new Set(chambers)] } : {};
        const named = follow.kind === 'ministry' && titles ? { titles: [...new Set(titles.map((t) => t.trim()).filter(Boolean))] } : {};
        await putFollow(db, { ...follow, ...options, ...scope, ...named });
      }
      return { saved: true };
    },
    'follow.remove': async ({ id }) => {
      const removed = await removeFollow(await deps.db(), id);
      return removed ? { removed } : {};
    },
    'follow.restore': async ({ follows }) => importFollows(await deps.db(), follows),
    'follow.preview': async ({ draft }) => previewMatches(followFromDraft(draft, deps.now()), await listDigests(await deps.db())),
    'follow.titles': async () => ({ titles: ministryTitles(await listDigests(await deps.db())) }),
    'feed.seen': async ({ ids }) => {
      const seen = await markFeedSeen(await deps.db(), ids);
      await deps.onFeedChanged();
      return { seen };
    },
  };
}
