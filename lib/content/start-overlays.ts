/**
 * The content script's life on a page: overlays once on server-rendered pages; on the new
 * NosDéputés site (a Next.js app) they follow client-side navigation and re-renders. Watch
 * states come from the background in one request per page (several on the longest lists).
 */
import { type Requester } from '../messages';
import { todayInParis } from '../dates';
import { type DeputyFacts } from '../model';
import { languageOf, siteEnabled, type PageSettings } from '../page-settings';
import { isOurHost, removeStaleHosts } from './hosts';
import { type SiteReader } from '../sites/reader';
import { Overlays, type DeputyLookup, type OverlayState, type WatchTarget } from './overlays';
import { watchedAmong } from './watch-states';
import { followStates } from './follow-states';

export interface ContentOptions {
  doc: Document;
  /** The sites this page module reads. */
  sites: SiteReader;
  settings: PageSettings;
  browserLocale: string | undefined;
  /** Subscribes to settings changes made on the options page: they apply without a reload. */
  onSettingsChanged(listener: (settings: PageSettings) => void): void;
  signal: AbortSignal;
  request: Requester;
}

/** Mutations made only by Vigie itself must not wake the observer again. */
function onlyOurs(records: MutationRecord[]): boolean {
  return records.every((record) => [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)].every(isOurHost));
}

export function startOverlays({
  doc,
  sites,
  settings: initial,
  browserLocale,
  onSettingsChanged,
  signal,
  request,
}: ContentOptions): Overlays {
  removeStaleHosts(doc);
  const overlays = new Overlays(doc, sites);
  let settings = initial;
  let watched: Set<string> | undefined;
  let watchesUnavailable = false;
  const busy = new Set<string>();
  const failed = new Set<string>();
  const deputies = new Map<string, DeputyFacts>();
  const asked = new Set<string>();

  const follows = followStates(request, signal, () => publish());
  const publish = () => {
    const state: OverlayState = {
      watched,
      watchesUnavailable,
      followsUnavailable: follows.unavailable(),
      busy,
      failed,
      deputies,
      toggle,
      follows: follows.state(),
    };
    overlays.update(state);
  };

  async function toggle(target: WatchTarget, want: boolean) {
    busy.add(target.id);
    failed.delete(target.id);
    publish();
    try {
      const reply = await request({ type: 'watch.set', id: target.id, watched: want, question: target.question, ref: target.ref });
      watched ??= new Set();
      if (reply.watched) watched.add(target.id);
      else watched.delete(target.id);
    } catch {
      failed.add(target.id);
    } finally {
      busy.delete(target.id);
      if (!signal.aborted) publish();
    }
  }

  /** Reads which questions are watched; the caller publishes. */
  async function readWatches() {
    const ids = [...new Set(overlays.targets().map((t) => t.id))];
    if (!ids.length || signal.aborted) return;
    try {
      watched = await watchedAmong(request, ids);
      watchesUnavailable = false;
    } catch {
      // No background (extension updated or disabled): the badges stand without the toggle.
      watchesUnavailable = watched === undefined;
    }
  }

  /**
   * Watches and follows asked together and shown together: one re-render of the overlays for both
   * answers, not one per answer.
   */
  async function refreshStates() {
    await Promise.all([readWatches(), follows.refresh(overlays.followTargets())]);
    if (!signal.aborted) publish();
  }

  async function lookUp(lookup: DeputyLookup) {
    if (asked.has(lookup.key)) return;
    asked.add(lookup.key);
    try {
      const { key: _key, ...query } = lookup;
      const reply = await request({ type: 'deputy.facts', ...query });
      if (reply.facts && !signal.aborted) {
        deputies.set(lookup.key, reply.facts);
        publish();
      }
    } catch {
      // The deputy line keeps what the page says.
    }
  }

  const sync = () => {
    if (signal.aborted) return;
    try {
      const env = {
        lang: languageOf(settings, browserLocale),
        today: todayInParis(),
        enabled: (siteId: string) => siteEnabled(settings, siteId),
      };
      const mounted = overlays.sync(doc.location.href, env);
      if (mounted) {
        publish();
        void refreshStates();
        overlays.lookups().forEach((lookup) => void lookUp(lookup));
      }
    } catch {
      // A page we misread must never see an error from us; it simply gets no overlay.
    }
  };
  sync();
  signal.addEventListener('abort', () => overlays.clear(), { once: true });
  onSettingsChanged((next) => {
    settings = next;
    overlays.clear();
    sync();
  });

  // Another tab may have changed the watch list: refresh when this one comes back into view.
  const onVisible = () => {
    if (doc.visibilityState === 'visible') void refreshStates();
  };
  doc.addEventListener('visibilitychange', onVisible, { signal });
  doc.defaultView?.addEventListener(
    'pageshow',
    (event) => {
      if ((event as PageTransitionEvent).persisted) void refreshStates();
    },
    { signal },
  );

  if (!sites.isSinglePageApp(doc)) return overlays;

  let scheduled: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((records) => {
    if (scheduled || onlyOurs(records)) return;
    scheduled = setTimeout(() => {
      scheduled = undefined;
      sync();
    }, 120);
  });
  observer.observe(doc.body, { childList: true, subtree: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(scheduled);
    },
    { once: true },
  );
  return overlays;
}
