import { useEffect, useRef, useState } from 'preact/hooks';
import { formatters, type Language } from '../../lib/i18n';
import { type Requester } from '../../lib/messages';
import { type FollowDraft } from '../../lib/follows/messages';
import { type FollowsReader } from '../../lib/follows/reader';
import { FOLLOW_CHAMBERS, type FollowChamber } from '../../lib/follows/chambers';
import { MAX_MINISTRY_TITLES, type Follow } from '../../lib/follows/schemas';
import { FOLLOW_MESSAGES, followLabel } from '../../lib/follows/words';

export interface FollowsViewProps {
  request: Requester;
  follows: FollowsReader;
  lang: Language;
}

function dayOf(timestamp: number): string {
  return new Date(timestamp).toISOString().slice(0, 10);
}

/** « Suivis »: every follow with its last event, its options and a remove-with-undo; new ministry and subject follows. */
export function FollowsView({ request, follows, lang }: FollowsViewProps) {
  const t = FOLLOW_MESSAGES[lang];
  const f = formatters(lang);
  const [list, setList] = useState<Follow[] | undefined>();
  const [undo, setUndo] = useState<Follow | undefined>();
  const [status, setStatus] = useState('');
  const undoTimer = useRef<ReturnType<typeof setTimeout>>();

  const load = async () => setList(await follows.follows());
  useEffect(() => {
    void load().catch(() => setList([]));
    return () => clearTimeout(undoTimer.current);
  }, []);

  const attempt = async (action: () => Promise<unknown>) => {
    try {
      await action();
    } catch {
      setStatus(t.actionFailed);
    }
  };

  const remove = async (follow: Follow) => {
    await request({ type: 'follow.remove', id: follow.id });
    setList((current) => current?.filter((f) => f.id !== follow.id));
    clearTimeout(undoTimer.current);
    setUndo(follow);
    undoTimer.current = setTimeout(() => setUndo(undefined), 10_000);
  };

  const restore = async () => {
    if (!undo) return;
    clearTimeout(undoTimer.current);
    await request({ type: 'follow.restore', follows: [undo] });
    setUndo(undefined);
    await load();
  };

  const setOption = async (follow: Follow, newQuestions: boolean) => {
    await request({ type: 'follow.options', id: follow.id, newQuestions });
    await load();
  };

  const addTitle = async (follow: Follow & { kind: 'ministry' }, title: string) => {
    await request({ type: 'follow.options', id: follow.id, titles: [...follow.titles, title] });
    await load();
  };

  const [titles, setTitles] = useState<string[] | undefined>();
  useEffect(() => {
    void request({ type: 'follow.titles' }).then(
      (reply) => setTitles(reply.titles),
      () => setTitles([]),
    );
  }, []);

  const kindName = (follow: Follow) =>
    follow.kind === 'deputy'
      ? follow.chamber === 'SENAT'
        ? t.kindSenator
        : t.kindDeputy
      : follow.kind === 'ministry'
        ? t.kindMinistry
        : t.kindSubject;
  return (
    <>
      <p class="status" role="status">
        {status}
      </p>
      {list && list.length === 0 && <p class="empty">{t.followsEmpty}</p>}
      {list && list.length > 0 && (
        <ul class="rows follows">
          {list.map((follow) => (
            <li key={follow.id} data-follow={follow.id} class="row">
              <p class="row__head">
                <strong>{kindName(follow)}</strong> <span>{followLabel(follow, lang)}</span>
              </p>
              {follow.kind !== 'deputy' && (
                <p class="row__meta">
                  {follow.chambers.length === FOLLOW_CHAMBERS.length
                    ? t.bothChambers
                    : t.chamberScope(follow.chambers.map((c) => t.chamberNames[c]).join(', '))}
                </p>
              )}
              <p class="row__meta">{follow.lastEventAt ? t.lastEvent(f.date(dayOf(follow.lastEventAt))) : t.noEvent}</p>
              <div class="row__actions">
                <label class="field">
                  <span class="visually-hidden">{followLabel(follow, lang)}</span>
                  <select
                    value={follow.newQuestions ? 'all' : 'answers'}
                    onChange={(e) => attempt(() => setOption(follow, e.currentTarget.value === 'all'))}
                  >
                    <option value="answers">{t.answersOnly}</option>
                    <option value="all">{t.newQuestionsToo}</option>
                  </select>
                </label>
                <button type="button" class="action action--danger" onClick={() => attempt(() => remove(follow))}>
                  {t.removeFollow}
                </button>
              </div>
              {follow.kind === 'ministry' && (
                <MoreTitles follow={follow} titles={titles ?? []} lang={lang} onAdd={(title) => attempt(() => addTitle(follow, title))} />
              )}
            </li>
          ))}
        </ul>
      )}
      <NewFollow request={request} lang={lang} titles={titles} onSaved={() => attempt(load)} />
      {undo && (
        <div class="toast" role="status">
          <span>{t.removedFollow(followLabel(undo, lang))}</span>
          <button type="button" onClick={() => attempt(restore)}>
            {t.undo}
          </button>
        </div>
      )}
    </>
  );
}

/** More of a ministry's names for a follow made from one card's title: the titles the last issues print. */
function MoreTitles({
  follow,
  titles,
  lang,
  onAdd,
}: {
  follow: Follow & { kind: 'ministry' };
  titles: readonly string[];
  lang: Language;
  onAdd: (title: string) => void;
}) {
  const t = FOLLOW_MESSAGES[lang];
  const offered = titles.filter((title) => !follow.titles.includes(title)).slice(0, 60);
  const [picked, setPicked] = useState('');
  if (!offered.length || follow.titles.length >= MAX_MINISTRY_TITLES) return null;
  return (
    <div class="row__actions">
      <label class="field">
        <span>{t.addTitle}</span>
        <select value={picked} onChange={(e) => setPicked(e.currentTarget.value)}>
          <option value="" />
          {offered.map((title) => (
            <option key={title} value={title}>
              {title}
            </option>
          ))}
        </select>
      </label>
      <button type="button" class="action" disabled={!picked} onClick={() => picked && onAdd(picked)}>
        {t.addTitleButton}
      </button>
    </div>
  );
}

/** The chambers a new follow covers: both (the default), or one. */
const SCOPES: readonly (readonly FollowChamber[])[] = [FOLLOW_CHAMBERS, ['AN'], ['SENAT']];

function NewFollow({
  request,
  lang,
  titles,
  onSaved,
}: {
  request: Requester;
  lang: Language;
  titles: string[] | undefined;
  onSaved: () => void;
}) {
  const t = FOLLOW_MESSAGES[lang];
  const f = formatters(lang);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [query, setQuery] = useState('');
  const [chambers, setChambers] = useState<readonly FollowChamber[]>(FOLLOW_CHAMBERS);
  const [newQuestions, setNewQuestions] = useState(true);
  const [preview, setPreview] = useState<Record<'ministry' | 'subject', string>>({ ministry: '', subject: '' });
  const [saved, setSaved] = useState('');

  const draftOf = (kind: 'ministry' | 'subject'): FollowDraft | undefined => {
    const common = { chambers: [...chambers], newQuestions };
    if (!common.chambers.length) return undefined;
    if (kind === 'ministry') return chosen.size ? { kind, titles: [...chosen], ...common } : undefined;
    return query.trim() ? { kind, query: query.trim().slice(0, 300), ...common } : undefined;
  };

  const showPreview = async (kind: 'ministry' | 'subject') => {
    const draft = draftOf(kind);
    if (!draft) return;
    const reply = await request({ type: 'follow.preview', draft });
    const text = reply.issues ? t.previewResult(f.count(reply.matched), f.count(reply.entries), f.count(reply.issues)) : t.previewNothing;
    setPreview((p) => ({ ...p, [kind]: text }));
  };

  const save = async (kind: 'ministry' | 'subject') => {
    const draft = draftOf(kind);
    if (!draft) return;
    await request({ type: 'follow.save', draft });
    setSaved(t.saved);
    if (kind === 'subject') setQuery('');
    else setChosen(new Set());
    onSaved();
  };

  const toggle = <T,>(set: ReadonlySet<T>, value: T, on: boolean): Set<T> => {
    const next = new Set(set);
    if (on) next.add(value);
    else next.delete(value);
    return next;
  };

  return (
    <div class="new-follow">
      <fieldset>
        <legend>{t.chambers}</legend>
        {SCOPES.map((scope) => (
          <label key={scope.join('+')}>
            <input
              type="radio"
              name="follow-chambers"
              value={scope.join('+')}
              checked={scope.join('+') === chambers.join('+')}
              onChange={(e) => e.currentTarget.checked && setChambers(scope)}
            />{' '}
            {scope.length === FOLLOW_CHAMBERS.length ? t.bothChambers : t.chamberNames[scope[0]!]}
          </label>
        ))}
        <label>
          <input type="checkbox" checked={newQuestions} onChange={(e) => setNewQuestions(e.currentTarget.checked)} /> {t.newQuestionsToo}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t.addSubject}</legend>
        <label class="field">
          <span>{t.subjectQuery}</span>
          <input type="text" value={query} maxLength={300} onInput={(e) => setQuery(e.currentTarget.value)} />
        </label>
        <p class="row__meta">{t.subjectHelp}</p>
        <button type="button" onClick={() => void showPreview('subject')} disabled={!query.trim()}>
          {t.preview}
        </button>{' '}
        <button type="button" class="primary" onClick={() => void save('subject')} disabled={!query.trim()}>
          {t.save}
        </button>
        <p role="status">{preview.subject}</p>
      </fieldset>
      <fieldset>
        <legend>{t.addMinistry}</legend>
        {titles && titles.length === 0 && <p class="row__meta">{t.noMinistryTitles}</p>}
        {titles && titles.length > 0 && (
          <fieldset class="titles">
            <legend class="visually-hidden">{t.ministryTitles}</legend>
            {titles.slice(0, 60).map((title) => (
              <label key={title} class="title-choice">
                <input
                  type="checkbox"
                  checked={chosen.has(title)}
                  onChange={(e) => setChosen(toggle(chosen, title, e.currentTarget.checked))}
                />{' '}
                {title}
              </label>
            ))}
          </fieldset>
        )}
        <button type="button" onClick={() => void showPreview('ministry')} disabled={!chosen.size}>
          {t.preview}
        </button>{' '}
        <button type="button" class="primary" onClick={() => void save('ministry')} disabled={!chosen.size}>
          {t.save}
        </button>
        <p role="status">{preview.ministry}</p>
      </fieldset>
      <p role="status">{saved}</p>
    </div>
  );
}
