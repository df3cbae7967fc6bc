/**
 * The Journal officiel index in the store: what is remembered of each issue, each chamber's
 * reading state, and the one transaction that applies an issue — its record and every watch it
 * answers together, so that an issue is either fully applied or not at all.
 */
import { type Chamber, type JoIssue } from '../../sources/jo';
import { type AppliedCheck, type ScheduleContext } from '../../polling/core';
import { applyIndexIssue, idsAnswered } from '../../polling/index-apply';
import { type IndexStore } from '../../polling/index-run';
import { indexStateSchema, issueRecordSchema, type IssueRecord } from '../../polling/index-schedule';
import { watchRecordSchema, type WatchRecord } from '../../records';
import { type Db } from './db';
import { appendEvent } from './events';
import { noteWatchChanges } from './first-page';
import { applyIssueToFollows } from './follows';
import { type FeedEntry } from '../../follows/schemas';

/**
 * `onFeed` is told the follows' new events of each issue, once its transaction has committed: the
 * follows are matched in the same transaction as the watches, at no cost in requests.
 */
export function indexStore(db: Db, onFeed?: (entries: FeedEntry[]) => void): IndexStore {
  return {
    async state(chamber) {
      const parsed = indexStateSchema.safeParse(await db.get('joIndex', chamber));
      // A state that no longer validates is forgotten: the next read starts afresh, nothing is lost.
      return parsed.success ? parsed.data : undefined;
    },

    async saveState(state) {
      await db.put('joIndex', indexStateSchema.parse(state));
    },

    async issues(chamber: Chamber) {
      const records: IssueRecord[] = [];
      for (const value of await db.getAll('joIssues')) {
        const parsed = issueRecordSchema.safeParse(value);
        if (parsed.success && parsed.data.chamber === chamber) records.push(parsed.data);
      }
      return records;
    },

    async commitIssue(record: IssueRecord, issue: JoIssue | undefined, context: ScheduleContext): Promise<AppliedCheck[]> {
      const tx = db.transaction(['watches', 'joIssues', 'events', 'follows', 'feed', 'joDigests', 'firstPage'], 'readwrite');
      const watchStore = tx.objectStore('watches');
      let checks: AppliedCheck[] = [];
      let feed: FeedEntry[] = [];
      try {
        if (issue) {
          const ids = idsAnswered(issue);
          const values = await Promise.all(ids.map((id) => watchStore.get(id)));
          const watches = new Map<string, WatchRecord>();
          for (const value of values) {
            // A record that no longer validates is left for the watch list's own quarantine.
            const parsed = watchRecordSchema.safeParse(value);
            if (parsed.success) watches.set(parsed.data.id, parsed.data);
          }
          checks = applyIndexIssue(watches, issue, context);
          const written = checks.map((check) => watchRecordSchema.parse(check.record));
          for (const record of written) await watchStore.put(record);
          await noteWatchChanges(tx, { written }, context.now);
          for (const check of checks) for (const event of check.events) await appendEvent(tx, event);
          feed = await applyIssueToFollows(tx, issue, record, context.now);
        }
        await tx.objectStore('joIssues').put(issueRecordSchema.parse(record));
      } catch (error) {
        try {
          tx.abort();
        } catch {
          // A request that failed has aborted the transaction already.
        }
        await tx.done.catch(() => undefined);
        throw error;
      }
      await tx.done;
      if (feed.length) onFeed?.(feed);
      return checks;
    },
  };
}
