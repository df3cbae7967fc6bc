import { MESSAGES, type Language } from '../lib/i18n';
import { isFinal, type QuestionState } from '../lib/status';

export interface WatchProps {
  watched: boolean;
  busy: boolean;
  error?: boolean;
  /** Shown, disabled, until the background says whether the question is watched: the layout stays put. */
  pending?: boolean;
  onToggle: () => void;
}

export interface WatchButtonProps extends WatchProps {
  lang: Language;
  state: QuestionState;
  /** Say, next to the button, that a finished question will not be checked again. */
  explain?: boolean;
}

/**
 * Only the user acts: a real click, or Enter / Space on the focused button, which the browser
 * turns into a trusted click. A page script that reaches the button and calls `click()` or
 * dispatches a click gets an untrusted event, and nothing happens.
 */
function onTrustedClick(action: () => void) {
  return (event: MouseEvent) => {
    if (event.isTrusted) action();
  };
}

export function WatchButton({ watched, busy, error, pending, onToggle, lang, state, explain }: WatchButtonProps) {
  const t = MESSAGES[lang];
  const final = watched && isFinal(state);
  return (
    <span class="watch">
      <button
        type="button"
        class="watch__button"
        aria-pressed={watched ? 'true' : 'false'}
        aria-busy={busy ? 'true' : undefined}
        title={t.watchHelp}
        disabled={pending}
        onClick={busy || pending ? undefined : onTrustedClick(onToggle)}
      >
        <span aria-hidden="true" class="watch__mark">
          {watched ? '★' : '☆'}
        </span>{' '}
        {watched ? t.watching : t.watch}
      </button>
      {explain && final && <span class="watch__note">{state === 'answered' ? t.watchedAnswered : t.watchedFinal}</span>}
      {error && (
        <span class="watch__error" role="alert">
          {t.watchError}
        </span>
      )}
    </span>
  );
}
