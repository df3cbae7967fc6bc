/** What the background answers; every store access goes through here. */
import { todayInParis } from '../dates';
import type { Handlers } from '../messages';
import type { PoliteFetcher } from '../sources/polite-fetch';
import type { Db } from '../store/db';
import { getWatches, setWatched } from '../store/watches';
import { deputyFacts } from './deputies';

export interface BackgroundDeps {
  db: () => Promise<Db>;
  fetcher: PoliteFetcher;
  now: () => number;
  /** Called after the watch list changed (badge count, scheduling). */
  onWatchesChanged: () => void;
}

export function createHandlers(deps: BackgroundDeps): Handlers {
  return {
    'watch.states': async ({ ids }) => {
      const records = await getWatches(await deps.db(), ids);
      return { watched: Object.fromEntries([...records].map(([id, r]) => [id, { state: r.state, seen: r.seen }])) };
    },
    'watch.set': async ({ id, watched, question, ref }) => {
      const now = deps.now();
      const record = await setWatched(await deps.db(), { id, watched, question, ref }, now, todayInParis(new Date(now)));
      deps.onWatchesChanged();
      return { watched: !!record, state: record?.state };
    },
    'deputy.facts': async (query) => ({ facts: await deputyFacts(await deps.db(), deps.fetcher, query, deps.now()) }),
  };
}
