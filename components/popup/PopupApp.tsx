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
import { filterRows, sortRows, toRow, type SortOrder, type WatchListReader } from '../../lib/watchlist';
import { EmptyState } from './EmptyState';
import { HistoryList } from './HistoryList';
import { WatchRow } from './WatchRow';

export interface PopupAppProps {
  request: Requester;
  /** The list itself, read in pages from the store: it never crosses messaging whole. */
  list: WatchListReader;
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
export const PAGE_SIZE = 100;

interface Undo {
  record: WatchRecord;
  number: number;
}

export function PopupApp({ request, list, lang, now = Date.now, openOptions, download, backupInfo }: PopupAppProps) {
  const t = APP_MESSAGES[lang];
  const f = formatters(lang);
  const [records, setRecords] = useState<WatchRecord[] | undefined>();
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
      let loaded: WatchRecord[] = [];
      let unread: unknown[] = [];
      let shownUpTo = -1;
      for await (const page of list.pages()) {
        loaded = loaded.concat(page.records);
        unread = unread.concat(page.unreadable);
        // The first page at once, then the rest in large steps: 100,000 watches stay a few renders.
        if (shownUpTo < 0 || loaded.length - shownUpTo >= REFRESH_EVERY) {
          setRecords(loaded);
          shownUpTo = loaded.length;
        }
      }
      setRecords(loaded);
      setUnreadable(unread.concat(await list.setAside()));
      if (!loaded.length) setBackup(await backupInfo?.().catch(() => undefined));
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
    if (tab === 'history')
      void request({ type: 'events.recent', limit: 200 }).then(
        (r) => setEvents(r.events),
        () => setEvents([]),
      );
  }, [tab]);

  const today = todayInParis(new Date(now()));
  const rows = useMemo(() => (records ?? []).map((r) => toRow(r, today)), [records, today]);
  const visible = useMemo(() => sortRows(filterRows(rows, { text, state, chamber }), order), [rows, text, state, chamber, order]);

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
    setRecords((list) => list?.filter((r) => r.id !== record.id));
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
          {records && records.length > 0 && (
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
                  {t.count(f.count(visible.length), f.count(rows.length))}
                </span>
              </div>
              <p class="status" role="status">
                {status}
              </p>
              {visible.length === 0 ? (
                <p class="empty">{t.noMatch}</p>
              ) : (
                <ul class="rows">
                  {visible.slice(0, shown).map((row) => (
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
