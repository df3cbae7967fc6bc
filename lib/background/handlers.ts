/** What the background answers; every store access goes through here. */
import { todayInParis } from '../dates';
import { checkImportFile, exportWatches, planImport } from '../exchange';
import { type Handlers } from '../messages';
import { type PoliteFetcher } from '../sources/polite-fetch';
import { type Db } from './store/db';
import { recentEvents } from './store/events';
import { applyImport, eraseEverything, getWatches, listWatches, markSeen, setNote, setWatched } from './store/watches';
import { deputyFacts } from './deputies';
import { type Poller } from './poller';

export interface BackgroundDeps {
  db: () => Promise<Db>;
  fetcher: PoliteFetcher;
  poller: Pick<Poller, 'run' | 'schedule' | 'progress'>;
  now: () => number;
  /** Called after the watch list or its seen flags changed (toolbar badge). */
  onWatchesChanged: () => Promise<void>;
  /** Called after « Effacer toutes mes données »: settings and source states go too. */
  onErased: () => Promise<void>;
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
      if (record) await deps.poller.schedule([id]);
      await deps.onWatchesChanged();
      return { watched: !!record, state: record?.state };
    },
    'deputy.facts': async (query) => ({ facts: await deputyFacts(await deps.db(), deps.fetcher, query, deps.now()) }),
    'watch.list': async () => listWatches(await deps.db(), deps.now()),
    // « Tout vérifier » (no ids) runs what the alarm runs, the index first; the Poller decides what else.
    'watch.check': async ({ ids }) => {
      const summary = await deps.poller.run(ids ? { ids } : {});
      return { checked: summary.checked, failed: summary.failed, changed: summary.changes.length, remaining: summary.remaining };
    },
    'poll.progress': async () => ({ ...deps.poller.progress }),
    'watch.seen': async ({ ids }) => {
      const seen = await markSeen(await deps.db(), ids);
      await deps.onWatchesChanged();
      return { seen };
    },
    'watch.note': async ({ id, note }) => ({ saved: !!(await setNote(await deps.db(), id, note)) }),
    'events.recent': async ({ limit }) => ({ events: await recentEvents(await deps.db(), limit) }),
    'data.export': async () => {
      const { records } = await listWatches(await deps.db(), deps.now());
      return { file: exportWatches(records, deps.now()) };
    },
    'data.import': async ({ file, apply }) => {
      const checked = checkImportFile(file);
      if (!checked.ok) throw new Error(`import:${checked.error}`);
      const db = await deps.db();
      const existing = await getWatches(
        db,
        checked.file.watches.map((w) => w.id),
      );
      const plan = planImport(checked.file, existing);
      if (apply && (plan.added.length || plan.updated.length)) {
        await applyImport(db, [...plan.added, ...plan.updated], deps.now());
        await deps.poller.schedule(plan.added.map((record) => record.id));
        await deps.onWatchesChanged();
      }
      return { added: plan.added.map((r) => r.id), updated: plan.updated.map((r) => r.id), unchanged: plan.unchanged, applied: apply };
    },
    'data.erase': async () => {
      await eraseEverything(await deps.db());
      await deps.onErased();
      await deps.onWatchesChanged();
      return { erased: true };
    },
  };
}
