/** What the popup reads of the follows straight from the store, page by page (no message carries the feed). */
import { type FeedEntry, type Follow } from './schemas';

export interface FollowsReader {
  follows(): Promise<Follow[]>;
  /** Newest first: at most `limit` entries, older than `before` (an entry's `at`, `id`) when given. */
  feed(limit: number, before?: { at: number; id: string }): Promise<FeedEntry[]>;
}
