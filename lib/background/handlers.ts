/** What the background answers; every store access goes through here. */
import { todayInParis } from '../dates';
import { type Handlers } from '../messages';
import { type PoliteFetcher } from '../sources/polite-fetch';
import { type Db } from './store/db';
import { recentEvents } from './store/events';
import { type BackupStore, restoreBackup } from './backup';
import { restoreQuarantined } from './store/db';
import { noteWatchChanges } from './store/first-page';
import { commitImport, discardImport, ImportRefused, stageImport } from './store/imports';
import { eraseEverything, getWatches, markSeen, setNote, setWatched } from './store/watches';
import { deputyFacts } from './deputies';
import { type Poller } from './poller';
import { followHandlers } from './follow-handlers';

export interface BackgroundDeps {
  db: () => Promise<Db>;
  fetcher: PoliteFetcher;
  poller: Pick<Poller, 'run' | 'schedule' | 'scheduler' | 'progress'>;
  now: () => number;
  /** Called after the watch list or its seen flags changed (toolbar badge). */
  onWatchesChanged: () => Promise<void>;
  /** Called after « Effacer toutes mes données »: settings, source states and the backup go too. */
  onErased: () => Promise<void>;
  backup: BackupStore;
}

/** An import Vigie refuses reaches the page as `import:refused: …`, which it tells apart from a failure to write. */
async function refusedAsImportError<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ImportRefused) throw new Error(`import:refused: ${error.message}`);
    throw error;
  }
}

export function createHandlers(deps: BackgroundDeps): Handlers {
  const db = deps.db;
  return {
    ...followHandlers({ db: deps.db, fetcher: deps.fetcher, now: deps.now, onFeedChanged: deps.onWatchesChanged }),
    'watch.states': async ({ ids }) => {
      const records = await getWatches(await deps.db(), ids);
      return { watched: Object.fromEntries([...records].map(([id, r]) => [id, { state: r.state, seen: r.seen }])) };
    },
    'watch.set': async ({ id, watched, question, ref }) => {
      const now = deps.now();
      const record = await setWatched(await deps.db(), { id, watched, question, ref }, now, todayInParis(new Date(now)));
      if (record) await deps.poller.schedule([id]);
      await deps.onWatchesChanged();
      return { watched: !!record, state: record?.state };
    },
    'deputy.facts': async (query) => ({ facts: await deputyFacts(await deps.db(), deps.fetcher, query, deps.now()) }),
    // « Tout vérifier » (no ids) runs what the alarm runs, the index first; the Poller decides what else.
    'watch.check': async ({ ids }) => {
      const summary = await deps.poller.run(ids ? { ids } : {});
      return { checked: summary.checked, failed: summary.failed, changed: summary.changes.length, remaining: summary.remaining };
    },
    'poll.progress': async () => ({ ...deps.poller.progress }),
    'watch.seen': async ({ ids }) => {
      const seen = await markSeen(await deps.db(), ids, deps.now());
      await deps.onWatchesChanged();
      return { seen };
    },
    'watch.note': async ({ id, note }) => ({ saved: !!(await setNote(await deps.db(), id, note)) }),
    'events.recent': async ({ limit }) => ({ events: await recentEvents(await deps.db(), limit) }),
    'import.stage': async ({ importId, watches }) => {
      const now = deps.now();
      return refusedAsImportError(async () => stageImport(await db(), importId, watches, now, todayInParis(new Date(now))));
    },
    'import.commit': async ({ importId }) => {
      const schedule = await deps.poller.scheduler();
      const committed = await refusedAsImportError(async () => commitImport(await deps.db(), importId, deps.now(), schedule));
      await deps.onWatchesChanged();
      return committed.counts;
    },
    'import.discard': async ({ importId }) => {
      await discardImport(await deps.db(), importId);
      return { discarded: true };
    },
    'backup.restore': async () => {
      const restored = await restoreBackup(await db(), deps.backup, deps.now());
      await deps.poller.schedule(restored);
      if (restored.length) await deps.onWatchesChanged();
      return { restored: restored.length };
    },
    'quarantine.retry': async () => {
      const now = deps.now();
      const tx = (await deps.db()).transaction(['watches', 'quarantine', 'firstPage'], 'readwrite');
      const restored = await restoreQuarantined(tx, now);
      await noteWatchChanges(tx, { written: restored }, now);
      const remaining = await tx.objectStore('quarantine').count();
      await tx.done;
      if (restored.length) await deps.onWatchesChanged();
      return { restored: restored.length, remaining };
    },
    'data.erase': async () => {
      await eraseEverything(await deps.db());
      await deps.onErased();
      await deps.onWatchesChanged();
      return { erased: true };
    },
  };
}
