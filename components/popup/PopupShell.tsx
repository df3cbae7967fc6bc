import { useState } from 'preact/hooks';
import { type FollowsReader } from '../../lib/follows/reader';
import { FOLLOW_MESSAGES } from '../../lib/follows/words';
import { FeedView } from './FeedView';
import { FollowsView } from './FollowsView';
import { PopupApp, type PopupAppProps } from './PopupApp';

export const POPUP_VIEWS = ['questions', 'feed', 'follows'] as const;
export type PopupView = (typeof POPUP_VIEWS)[number];

export interface PopupShellProps extends PopupAppProps {
  follows: FollowsReader;
  /** The view to open on: `#feed` from a follow's notification. */
  initial?: PopupView;
}

/**
 * The popup's three views around the watch list, which stays as it is: « Questions » (the list,
 * kept mounted so that its state survives a visit to the others), « Fil » and « Suivis ».
 */
export function PopupShell({ follows, initial = 'questions', ...app }: PopupShellProps) {
  const t = FOLLOW_MESSAGES[app.lang];
  const [view, setView] = useState<PopupView>(initial);
  const names: Record<PopupView, string> = { questions: t.tabQuestions, feed: t.tabFeed, follows: t.tabFollows };
  return (
    <div class="shell">
      <div role="tablist" class="tabs tabs--views" aria-label="Vigie">
        {POPUP_VIEWS.map((name, i) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`view-${name}`}
            aria-controls={`view-panel-${name}`}
            aria-selected={view === name ? 'true' : 'false'}
            tabIndex={view === name ? 0 : -1}
            class="tab"
            onClick={() => setView(name)}
            onKeyDown={(e) => {
              const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
              if (!step) return;
              const next = POPUP_VIEWS[(i + step + POPUP_VIEWS.length) % POPUP_VIEWS.length]!;
              setView(next);
              (e.currentTarget.parentElement?.querySelector(`#view-${next}`) as HTMLElement | null)?.focus();
            }}
          >
            {names[name]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="view-panel-questions" aria-labelledby="view-questions" hidden={view !== 'questions'}>
        <PopupApp {...app} />
      </div>
      {view === 'feed' && (
        <section role="tabpanel" id="view-panel-feed" aria-labelledby="view-feed" class="panel popup">
          <FeedView request={app.request} follows={follows} lang={app.lang} />
        </section>
      )}
      {view === 'follows' && (
        <section role="tabpanel" id="view-panel-follows" aria-labelledby="view-follows" class="panel popup">
          <FollowsView request={app.request} follows={follows} lang={app.lang} />
        </section>
      )}
    </div>
  );
}
