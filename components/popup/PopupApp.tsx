import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type Requester } from '../../lib/messages';
import { todayInParis } from '../../lib/dates';
import { exportedWatch } from '../../lib/exchange';
import { formatters, type Language } from '../../lib/i18n';
import { APP_MESSAGES } from '../../lib/i18n-app';
import { QUESTION_CHAMBERS, type QuestionChamber } from '../../lib/model';
import { type EventRecord, type WatchRecord } from '../../lib/records';
import { QUESTION_STATES, type QuestionState } from '../../lib/status';
import { type BackupInfo } from '../../lib/backup';
import {
  filterRows,
  FIRST_SCREEN_ROWS,
  mergeSorted,
  OPENING_ORDER,
  ROWS_AT_ONCE,
  sortRows,
  toRow,
  type FirstPage,
  type SortOrder,
  type WatchListReader,
  type WatchRow as Row,
} from '../../lib/watchlist';
import { EmptyState } from './EmptyState';
import { HistoryList } from './HistoryList';
import { WatchRow } from './WatchRow';

export interface PopupAppProps {
  request: Requester;
  /** The list itself, read in pages from the store: it never crosses messaging whole. */
  list: WatchListReader;
  /**
   * The first screen of the rows the background kept ready for today, read before the first
   * render: shown at once, in their final order, then the rest of those rows, until the whole list
   * replaces them without moving them.
   */
  firstScreen?: FirstPage;
  lang: Language;
  now?: () => number;
  openOptions(): void;
  /** Saves a file the user downloads: the records that could not be read, as they were stored. */
  download(name: string, text: string): void;
  /** The backup copy of the list, offered when the list is empty. */
  backupInfo?(): Promise<BackupInfo | undefined>;
}

/** While a long list loads, the rows shown are refreshed every this many records, not at each page. */
const REFRESH_EVERY = 10_000;

/** Rows rendered at once; more on demand, so 10,000 watches open as fast as 10. */
export const PAGE_SIZE = ROWS_AT_ONCE;

/**
 * Rows the background kept ready beyond the first screen follow this many at a time, a task each,
 * while the list is read: no task of the opening builds a hundred rows at once.
 */
const ROWS_PER_TASK = 20;

/** The list as read: its records, and its rows already sorted in the opening order, page by page as they came. */
interface Loaded {
  records: WatchRecord[];
  sorted: Row[];
}

interface Undo {
  record: WatchRecord;
  number: number;
}

export function PopupApp({ request, list, firstScreen, lang, now = Date.now, openOptions, download, backupInfo }: PopupAppProps) {
  const t = APP_MESSAGES[lang];
  const f = formatters(lang);
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  /** The rows kept ready, shown until the whole list has come. */
  const [opening, setOpening] = useState(() => firstScreen?.records.map((record) => toRow(record, todayInParis(new Date(now())))));
  const [grown, setGrown] = useState(FIRST_SCREEN_ROWS);
  /** A list is on screen: reading it again replaces it whole, never page by page. */
  const listShown = useRef(!!firstScreen);
  /** What could not be read, as stored: records of the list that no longer validate, and those set aside. */
  const [unreadable, setUnreadable] = useState<unknown[]>([]);
  const [backup, setBackup] = useState<BackupInfo | undefined>();
  const [failed, setFailed] = useState(false);
  const [tab, setTab] = useState<'watches' | 'history'>('watches');
  const [events, setEvents] = useState<EventRecord[] | undefined>();
  const [text, setText] = useState('');
  const [state, setState] = useState<QuestionState | 'all'>('all');
  const [chamber, setChamber] = useState<QuestionChamber | 'all'>('all');
  const [order, setOrder] = useState<SortOrder>('late');
  const [shown, setShown] = useState(PAGE_SIZE);
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>();
  const [status, setStatus] = useState('');
  const [checking, setChecking] = useState<ReadonlySet<string>>(new Set());
  const [undo, setUndo] = useState<Undo | undefined>();
  const undoTimer = useRef<ReturnType<typeof setTimeout>>();

  const load = async () => {
    try {
      const today = todayInParis(new Date(now()));
      if (opening && !loaded) {
        const first = await list.firstPage(today).catch(() => undefined);
        // Taken whole, first screen included: a change written since the first screen was read shows in both.
        if (first) setOpening(first.records.map((record) => toRow(record, today)));
      }
      const records: WatchRecord[] = [];
      let sorted: Row[] = [];
      let unread: unknown[] = [];
      let shownUpTo = -1;
      for await (const page of list.pages()) {
        records.push(...page.records);
        unread = unread.concat(page.unreadable);
        // Each page sorted as it comes and merged in: no one long sort of the whole list at the end.
        sorted = mergeSorted(
          sorted,
          sortRows(
            page.records.map((record) => toRow(record, today)),
            OPENING_ORDER,
          ),
          OPENING_ORDER,
        );
        // Without rows kept ready, the first page at once, then the rest in large steps: 100,000 watches stay a few renders.
        if (!listShown.current && (shownUpTo < 0 || records.length - shownUpTo >= REFRESH_EVERY)) {
          setLoaded({ records: records.slice(), sorted });
          shownUpTo = records.length;
        }
      }
      listShown.current = true;
      setLoaded({ records, sorted });
      setOpening(undefined);
      setUnreadable(unread.concat(await list.setAside()));
      if (!records.length) setBackup(await backupInfo?.().catch(() => undefined));
      setFailed(false);
    } catch {
      setFailed(true);
    }
  };
  useEffect(() => {
    void load();
    return () => clearTimeout(undoTimer.current);
  }, []);
  useEffect(() => {
    if (loaded || !opening || grown >= Math.min(opening.length, PAGE_SIZE)) return;
    const next = setTimeout(() => setGrown((n) => n + ROWS_PER_TASK), 0);
    return () => clearTimeout(next);
  }, [loaded, opening, grown]);
  useEffect(() => {
    if (tab === 'history')
      void request({ type: 'events.recent', limit: 200 }).then(
        (r) => setEvents(r.events),
        () => setEvents([]),
      );
  }, [tab]);

  const records = loaded?.records;
  // Sorted once per order; a keystroke only filters, which keeps the order.
  const ordered = useMemo(
    () => (loaded ? (order === OPENING_ORDER ? loaded.sorted : sortRows(loaded.sorted, order)) : (opening ?? [])),
    [loaded, opening, order],
  );
  const visible = useMemo(() => filterRows(ordered, { text, state, chamber }), [ordered, text, state, chamber]);

  const checkAll = async () => {
    setProgress({ done: 0, total: 0 });
    const timer = setInterval(() => {
      void request({ type: 'poll.progress' }).then(
        (p) => p.running && setProgress({ done: p.done, total: p.total }),
        () => undefined,
      );
    }, 400);
    try {
      const summary = await request({ type: 'watch.check' });
      setStatus(
        summary.remaining ? t.checkedSome(f.count(summary.checked), f.count(summary.remaining)) : t.checkedAll(f.count(summary.checked)),
      );
    } catch {
      setStatus(t.checkFailedAll);
    } finally {
      clearInterval(timer);
      setProgress(undefined);
      await load();
    }
  };

  /** Runs a row action; a failure is said, never swallowed. */
  const attempt = async (action: () => Promise<unknown>) => {
    try {
      await action();
    } catch {
      setStatus(t.actionFailed);
    }
  };

  const checkOne = async (id: string) => {
    setChecking((s) => new Set(s).add(id));
    try {
      await attempt(() => request({ type: 'watch.check', ids: [id] }));
    } finally {
      setChecking((s) => {
        const next = new Set(s);
        next.delete(id);
        return next;
      });
      await load();
    }
  };

  const unwatch = async (record: WatchRecord, number: number) => {
    await request({ type: 'watch.set', id: record.id, watched: false });
    const kept = (row: Row) => row.record.id !== record.id;
    setLoaded((current) => current && { records: current.records.filter((r) => r.id !== record.id), sorted: current.sorted.filter(kept) });
    setOpening((current) => current?.filter(kept));
    clearTimeout(undoTimer.current);
    setUndo({ record, number });
    undoTimer.current = setTimeout(() => setUndo(undefined), 10_000);
  };

  const restore = async () => {
    if (!undo) return;
    clearTimeout(undoTimer.current);
    // An import of the one record restores it whole: note, dates and history flags included.
    const importId = `undo-${now()}`;
    await request({ type: 'import.stage', importId, watches: [exportedWatch(undo.record)] });
    await request({ type: 'import.commit', importId });
    setUndo(undefined);
    await load();
  };

  const markSeen = async (ids: string[]) => {
    await request({ type: 'watch.seen', ids });
    await load();
  };

  /** What could not be read, as it was stored: the user's data, theirs to keep or to send for help. */
  const exportUnreadable = async () => {
    download(`vigie-illisibles-${todayInParis(new Date(now()))}.json`, JSON.stringify(unreadable, null, 2));
  };

  const restoreBackup = async () => {
    const { restored } = await request({ type: 'backup.restore' });
    setStatus(t.backupRestored(f.count(restored)));
    await load();
  };

  const retryUnreadable = async () => {
    const { restored } = await request({ type: 'quarantine.retry' });
    setStatus(t.retriedUnreadable(f.count(restored)));
    await load();
  };

  const unseen = (records ?? []).filter((r) => !r.seen).map((r) => r.id);

  return (
    <main class="popup">
      <header class="popup__header">
        <h1>{t.popupTitle}</h1>
        <button type="button" class="link-button" onClick={openOptions}>
          {t.options}
        </button>
      </header>
      <div role="tablist" class="tabs" aria-label={t.popupTitle}>
        {(['watches', 'history'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-controls={`panel-${name}`}
            aria-selected={tab === name ? 'true' : 'false'}
            tabIndex={tab === name ? 0 : -1}
            class="tab"
            onClick={() => setTab(name)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                const next = name === 'watches' ? 'history' : 'watches';
                setTab(next);
                (e.currentTarget.parentElement?.querySelector(`#tab-${next}`) as HTMLElement | null)?.focus();
              }
            }}
          >
            {name === 'watches' ? t.tabWatches : t.tabHistory}
          </button>
        ))}
      </div>

      {tab === 'watches' && (
        <section role="tabpanel" id="panel-watches" aria-labelledby="tab-watches" class="panel">
          {failed && (
            <p class="error" role="alert">
              {t.error}
            </p>
          )}
          {unreadable.length > 0 && (
            <div class="warning" role="status">
              <p>{t.unreadable(f.count(unreadable.length))}</p>
              <button type="button" onClick={() => attempt(exportUnreadable)}>
                {t.exportUnreadable}
              </button>{' '}
              <button type="button" onClick={() => attempt(retryUnreadable)}>
                {t.retryUnreadable}
              </button>
            </div>
          )}
          {records && records.length === 0 && <EmptyState lang={lang} backup={backup} onRestore={() => attempt(restoreBackup)} />}
          {(records ? records.length > 0 : !!opening?.length) && (
            <>
              <div class="toolbar">
                <label class="field">
                  <span>{t.search}</span>
                  <input
                    type="search"
                    value={text}
                    placeholder={t.searchPlaceholder}
                    onInput={(e) => {
                      setText(e.currentTarget.value);
                      setShown(PAGE_SIZE);
                    }}
                  />
                </label>
                <label class="field">
                  <span>{t.filterState}</span>
                  <select
                    value={state}
                    onChange={(e) => {
                      setState(e.currentTarget.value as QuestionState | 'all');
                      setShown(PAGE_SIZE);
                    }}
                  >
                    <option value="all">{t.filterAll}</option>
                    {QUESTION_STATES.map((s) => (
                      <option key={s} value={s}>
                        {t.stateLabels[s]}
                      </option>
                    ))}
                  </select>
                </label>
                <label class="field">
                  <span>{t.filterChamber}</span>
                  <select
                    value={chamber}
                    onChange={(e) => {
                      setChamber(e.currentTarget.value as QuestionChamber | 'all');
                      setShown(PAGE_SIZE);
                    }}
                  >
                    {(['all', ...QUESTION_CHAMBERS] as const).map((c) => (
                      <option key={c} value={c}>
                        {t.chamberLabels[c]}
                      </option>
                    ))}
                  </select>
                </label>
                <label class="field">
                  <span>{t.sort}</span>
                  <select value={order} onChange={(e) => setOrder(e.currentTarget.value as SortOrder)}>
                    <option value="late">{t.sortLate}</option>
                    <option value="change">{t.sortChange}</option>
                    <option value="oldest">{t.sortOldest}</option>
                  </select>
                </label>
              </div>
              <div class="toolbar toolbar--actions">
                <button type="button" class="primary" onClick={checkAll} disabled={!!progress} aria-busy={progress ? 'true' : undefined}>
                  {progress ? t.checking(progress.done, progress.total) : t.checkAll}
                </button>
                {unseen.length > 0 && (
                  <button type="button" onClick={() => attempt(() => markSeen(unseen))}>
                    {t.markSeen} ({unseen.length})
                  </button>
                )}
                <span class="count" aria-live="polite">
                  {records && t.count(f.count(visible.length), f.count(records.length))}
                </span>
              </div>
              <p class="status" role="status">
                {status}
              </p>
              {visible.length === 0 ? (
                records && <p class="empty">{t.noMatch}</p>
              ) : (
                <ul class="rows" aria-busy={records ? undefined : 'true'}>
                  {visible.slice(0, loaded ? shown : Math.min(shown, grown)).map((row) => (
                    <WatchRow
                      key={row.record.id}
                      row={row}
                      lang={lang}
                      now={now()}
                      checking={checking.has(row.record.id)}
                      onCheck={() => checkOne(row.record.id)}
                      onUnwatch={() => attempt(() => unwatch(row.record, row.number))}
                      onSeen={() => attempt(() => markSeen([row.record.id]))}
                    />
                  ))}
                </ul>
              )}
              {visible.length > shown && (
                <button type="button" class="more" onClick={() => setShown((n) => n + PAGE_SIZE)}>
                  {t.more(f.count(Math.min(PAGE_SIZE, visible.length - shown)))}
                </button>
              )}
            </>
          )}
        </section>
      )}

      {tab === 'history' && (
        <section role="tabpanel" id="panel-history" aria-labelledby="tab-history" class="panel">
          {events && <HistoryList events={events} lang={lang} />}
        </section>
      )}

      {undo && (
        <div class="toast" role="status">
          <span>{t.removed(undo.number)}</span>
          <button type="button" onClick={() => attempt(restore)}>
            {t.undo}
          </button>
        </div>
      )}
    </main>
  );
}
