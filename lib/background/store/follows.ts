/**
 * Follows, their feed and the digests of the last issues in the store. Matching an issue runs in
 * the transaction that applies it (jo-index.ts): an issue's events are kept exactly when it is.
 */
import { type JoIssue } from '../../sources/jo';
import { issueDigest, issueEntries, matchIssue } from '../../follows/match';
import { type FollowsReader } from '../../follows/reader';
import { type FollowChamber } from '../../follows/chambers';
import { MAX_KNOWN_NUMBERS } from '../../follows/limits';
import {
  chambersOf,
  DIGEST_ISSUES,
  feedEntrySchema,
  followSchema,
  issueDigestSchema,
  type FeedEntry,
  type Follow,
  type IssueDigest,
} from '../../follows/schemas';
import { type Db, type Tx } from './db';

/** Events are kept a year; a follow and a watch are kept until the user removes them. */
export const FEED_KEPT_MS = 365 * 24 * 3_600_000;

function validFollows(values: unknown[]): Follow[] {
  const follows: Follow[] = [];
  for (const value of values) {
    const parsed = followSchema.safeParse(value);
    if (parsed.success) follows.push(parsed.data);
  }
  return follows;
}

export async function listFollows(db: Db): Promise<Follow[]> {
  return validFollows(await db.getAll('follows'));
}

export async function getFollow(db: Db, id: string): Promise<Follow | undefined> {
  const parsed = followSchema.safeParse(await db.get('follows', id));
  return parsed.success ? parsed.data : undefined;
}

export async function putFollow(db: Db, follow: Follow): Promise<Follow> {
  const valid = followSchema.parse(follow);
  await db.put('follows', valid);
  return valid;
}

/** Removes a follow; its events stay (a removal undone finds them), until they age out. */
export async function removeFollow(db: Db, id: string): Promise<Follow | undefined> {
  const removed = await getFollow(db, id);
  await db.delete('follows', id);
  return removed;
}

/** The chambers some follow wants each issue of: their index is read even with no watch to answer. */
export async function followedChambers(db: Db): Promise<Set<FollowChamber>> {
  return new Set((await listFollows(db)).flatMap(chambersOf));
}

/** Newest first, through the date index: the first rows of 50,000 events read in one short cursor. */
export async function feedPage(db: Db, limit: number, before?: { at: number; id: string }): Promise<FeedEntry[]> {
  const out: FeedEntry[] = [];
  const range = before ? IDBKeyRange.upperBound(before.at) : null;
  const index = db.transaction('feed').store.index('at');
  for (let cursor = await index.openCursor(range, 'prev'); cursor && out.length < limit; cursor = await cursor.continue()) {
    if (before && cursor.value.at === before.at && cursor.value.id >= before.id) continue;
    const parsed = feedEntrySchema.safeParse(cursor.value);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

export function followsReader(db: Db): FollowsReader {
  return { follows: () => listFollows(db), feed: (limit, before) => feedPage(db, limit, before) };
}

export async function countUnseenFeed(db: Db): Promise<number> {
  return db.countFromIndex('feed', 'unseen');
}

/** Marks these entries seen, or every unseen one. */
export async function markFeedSeen(db: Db, ids?: readonly string[]): Promise<number> {
  const tx = db.transaction('feed', 'readwrite');
  let seen = 0;
  const wanted = ids && new Set(ids);
  for (let cursor = await tx.store.index('unseen').openCursor(); cursor; cursor = await cursor.continue()) {
    if (wanted && !wanted.has(cursor.value.id)) continue;
    const { unseen: _unseen, ...rest } = cursor.value;
    await cursor.update(rest);
    seen++;
  }
  await tx.done;
  return seen;
}

/** Events older than a year go; nothing else does. */
export async function pruneFeed(db: Db, now: number): Promise<number> {
  const tx = db.transaction('feed', 'readwrite');
  let pruned = 0;
  const old = IDBKeyRange.upperBound(now - FEED_KEPT_MS, true);
  for (let cursor = await tx.store.index('at').openCursor(old); cursor; cursor = await cursor.continue()) {
    await cursor.delete();
    pruned++;
  }
  await tx.done;
  return pruned;
}

/** The kept issues, newest first (of one chamber, or all). */
export async function listDigests(db: Db): Promise<IssueDigest[]> {
  const digests: IssueDigest[] = [];
  for (const value of await db.getAll('joDigests')) {
    const parsed = issueDigestSchema.safeParse(value);
    if (parsed.success) digests.push(parsed.data);
  }
  return digests.sort((a, b) => (a.order < b.order ? 1 : a.order > b.order ? -1 : 0));
}

/** The stores of the transaction that applies an issue. */
export type IssueStores = ['watches', 'joIssues', 'events', 'follows', 'feed', 'joDigests', 'firstPage'];

/**
 * The issue against every follow, inside the transaction that applies it: new events written (an
 * event already recorded is left as it is), the follows it touched updated, and the issue's digest
 * kept in place of its chamber's oldest beyond `DIGEST_ISSUES`. Returns the new events.
 */
export async function applyIssueToFollows(
  tx: Tx<IssueStores>,
  issue: JoIssue,
  record: { key: string; order: string },
  at: number,
): Promise<FeedEntry[]> {
  const entries = issueEntries(issue);
  const follows = validFollows(await tx.objectStore('follows').getAll());
  const matched = matchIssue(follows, entries, record.key, at);
  const feed = tx.objectStore('feed');
  const added: FeedEntry[] = [];
  for (const entry of matched.entries) {
    if (await feed.count(entry.id)) continue;
    await feed.add(feedEntrySchema.parse(entry));
    added.push(entry);
  }
  for (const follow of matched.follows) await tx.objectStore('follows').put(followSchema.parse(follow));
  const digests = tx.objectStore('joDigests');
  await digests.put(issueDigestSchema.parse(issueDigest(issue, record.key, record.order)));
  const keys = (await digests.index('chamber').getAll(issue.chamber)).map((d) => ({ key: d.key, order: d.order }));
  keys.sort((a, b) => (a.order < b.order ? 1 : -1));
  for (const old of keys.slice(DIGEST_ISSUES)) await digests.delete(old.key);
  return added;
}

export type FollowImportCounts = { added: number; updated: number; unchanged: number };

/** Follows from a file or an undo, merged by id: a follow already kept is updated only where the file adds to it. */
export async function importFollows(db: Db, follows: readonly Follow[]): Promise<FollowImportCounts> {
  const tx = db.transaction('follows', 'readwrite');
  const counts: FollowImportCounts = { added: 0, updated: 0, unchanged: 0 };
  for (const follow of follows) {
    const current = followSchema.safeParse(await tx.store.get(follow.id));
    if (!current.success) {
      await tx.store.put(followSchema.parse(follow));
      counts.added++;
      continue;
    }
    const merged = mergeFollow(current.data, follow);
    if (JSON.stringify(merged) === JSON.stringify(current.data)) counts.unchanged++;
    else {
      await tx.store.put(followSchema.parse(merged));
      counts.updated++;
    }
  }
  await tx.done;
  return counts;
}

function mergeFollow(current: Follow, incoming: Follow): Follow {
  if (current.kind !== incoming.kind) return current;
  if (current.kind === 'deputy' && incoming.kind === 'deputy') {
    const numbers = [...new Set([...current.numbers, ...incoming.numbers])].slice(0, MAX_KNOWN_NUMBERS);
    const record = !current.record || (incoming.record && incoming.record.updatedAt > current.record.updatedAt) ? incoming.record : current.record;
    return { ...current, numbers, ...(record ? { record } : {}), createdAt: Math.min(current.createdAt, incoming.createdAt) };
  }
  return { ...current, createdAt: Math.min(current.createdAt, incoming.createdAt) };
}
