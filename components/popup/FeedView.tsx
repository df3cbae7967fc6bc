import { useEffect, useState } from 'preact/hooks';
import { formatters, type Language } from '../../lib/i18n';
import { type Requester } from '../../lib/messages';
import { questionId } from '../../lib/model';
import { anDynUrl, nossenateursQuestionUrl, nossenateursSenatorUrl, senatSenatorUrl } from '../../lib/urls';
import { type FollowsReader } from '../../lib/follows/reader';
import { type FeedEntry, type Follow } from '../../lib/follows/schemas';
import { FOLLOW_MESSAGES, followLabel } from '../../lib/follows/words';

/** Entries shown at once: the first rows come from one short cursor, whatever the size of the feed. */
export const FEED_PAGE = 50;

export interface FeedViewProps {
  request: Requester;
  follows: FollowsReader;
  lang: Language;
}

/** The question the entry is about, as a list item the watch list can keep (AN only: the Senate's have no id yet). */
function watchRef(entry: FeedEntry) {
  if (entry.key.chamber !== 'AN') return undefined;
  const id = questionId(entry.key.legislature, entry.key.type, entry.key.number);
  return {
    id,
    ref: {
      id,
      legislature: entry.key.legislature,
      type: entry.key.type,
      number: entry.key.number,
      url: anDynUrl(id),
      ...(entry.kind === 'question' && entry.on ? { publishedOn: entry.on } : {}),
      ...(entry.kind === 'answer' && entry.on ? { answeredOn: entry.on } : {}),
      answered: entry.kind === 'answer',
      closed: false,
      pending: false,
      ...(entry.subject ? { title: entry.subject } : {}),
      ...(entry.ministry ? { ministry: entry.ministry } : {}),
    },
  };
}

/**
 * Where a Sénat entry can be read. senat.fr's page needs the Sénat's reference, which the JO does
 * not print (lib/urls.ts): NosSénateurs' page when its archive covers the question's date, else the
 * followed senator's page, else no link — never an address made up.
 */
function senateUrl(entry: FeedEntry, follow: Follow | undefined): string | undefined {
  const key = { chamber: 'SEN' as const, legislature: entry.key.legislature, type: entry.key.type, number: entry.key.number };
  const archived = nossenateursQuestionUrl(key, entry.kind === 'question' ? entry.on : undefined);
  if (archived) return archived;
  if (follow?.kind !== 'deputy' || follow.chamber !== 'SENAT') return undefined;
  if (follow.senatSlug) return senatSenatorUrl(follow.senatSlug);
  return follow.slug ? nossenateursSenatorUrl(follow.slug) : undefined;
}

/** « Fil »: the follows' events, newest first, each linking to its question, with one click to watch it. */
export function FeedView({ request, follows, lang }: FeedViewProps) {
  const t = FOLLOW_MESSAGES[lang];
  const f = formatters(lang);
  const [entries, setEntries] = useState<FeedEntry[] | undefined>();
  const [byId, setById] = useState<Map<string, Follow>>(new Map());
  const [watched, setWatched] = useState<ReadonlySet<string>>(new Set());
  const [more, setMore] = useState(false);
  const [status, setStatus] = useState('');
  const [checking, setChecking] = useState(false);

  const load = async () => {
    const [first, all] = await Promise.all([follows.feed(FEED_PAGE + 1), follows.follows()]);
    setEntries(first.slice(0, FEED_PAGE));
    setMore(first.length > FEED_PAGE);
    setById(new Map(all.map((follow) => [follow.id, follow])));
    // Shown is seen: the toolbar count drops (after the first paint, never before it).
    if (first.some((entry) => entry.unseen)) void request({ type: 'feed.seen' }).catch(() => undefined);
  };
  useEffect(() => {
    void load().catch(() => setEntries([]));
  }, []);

  const older = async () => {
    const last = entries?.[entries.length - 1];
    if (!last) return;
    const next = await follows.feed(FEED_PAGE + 1, { at: last.at, id: last.id });
    setEntries((current) => [...(current ?? []), ...next.slice(0, FEED_PAGE)]);
    setMore(next.length > FEED_PAGE);
  };

  const watch = async (entry: FeedEntry) => {
    const target = watchRef(entry);
    if (!target) return;
    try {
      const reply = await request({ type: 'watch.set', id: target.id, watched: true, ref: target.ref });
      if (reply.watched) setWatched((s) => new Set(s).add(target.id));
    } catch {
      setStatus(t.actionFailed);
    }
  };

  const checkAll = async () => {
    setChecking(true);
    try {
      await request({ type: 'watch.check' });
      await load();
    } catch {
      setStatus(t.actionFailed);
    } finally {
      setChecking(false);
    }
  };

  return (
    <>
      <div class="toolbar toolbar--actions">
        <button type="button" class="primary" onClick={checkAll} disabled={checking} aria-busy={checking ? 'true' : undefined}>
          {t.checkAll}
        </button>
      </div>
      <p class="status" role="status">
        {status}
      </p>
      {entries && entries.length === 0 && <p class="empty">{t.feedEmpty}</p>}
      {entries && entries.length > 0 && (
        <ul class="rows feed">
          {entries.map((entry) => {
            const target = watchRef(entry);
            const follow = byId.get(entry.followId);
            const isWatched = !!target && watched.has(target.id);
            const url = target?.ref.url ?? (entry.key.chamber === 'SENAT' ? senateUrl(entry, follow) : undefined);
            const label = t.questionLabel(entry.key.number, entry.key.legislature);
            return (
              <li key={entry.id} data-id={entry.id} class={`row${entry.unseen ? ' row--unseen' : ''}`}>
                <p class="row__head">
                  <strong>{entry.kind === 'answer' ? t.feedAnswer : t.feedNewQuestion}</strong>
                  {entry.on && <time dateTime={entry.on}>{f.date(entry.on)}</time>}
                  <span class="row__chamber">{t.feedChamber(t.chamberNames[entry.key.chamber])}</span>
                </p>
                <p class="row__title">
                  {url ? (
                    <a href={url} target="_blank" rel="noopener">
                      {label}
                    </a>
                  ) : (
                    label
                  )}
                  {entry.subject && <span class="row__subject"> — {entry.subject}</span>}
                </p>
                <p class="row__meta">{[entry.author, entry.ministry].filter(Boolean).join(' · ')}</p>
                <p class="row__meta">
                  {follow && t.feedFor(followLabel(follow, lang))}
                  {entry.match === 'ambiguous' && ` — ${t.matchAmbiguous}`}
                  {entry.match === 'name' && ` — ${t.matchName}`}
                </p>
                {target && (
                  <div class="row__actions">
                    <button
                      type="button"
                      class="action"
                      aria-pressed={isWatched ? 'true' : 'false'}
                      onClick={() => !isWatched && watch(entry)}
                    >
                      {isWatched ? t.watchingQuestion : t.watchQuestion}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {more && (
        <button type="button" class="more" onClick={() => void older()}>
          {t.moreFeed}
        </button>
      )}
    </>
  );
}
