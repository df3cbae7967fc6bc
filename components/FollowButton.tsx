import { type Language } from '../lib/i18n';
import { FOLLOW_OVERLAY_MESSAGES } from '../lib/follows/overlay-words';

export interface FollowProps {
  followed: boolean;
  busy: boolean;
  error?: boolean;
  onToggle: () => void;
}

/** « Suivre ce député »: a real toggle button, acting on trusted clicks only (see WatchButton). */
export function FollowButton({ followed, busy, error, onToggle, lang }: FollowProps & { lang: Language }) {
  const t = FOLLOW_OVERLAY_MESSAGES[lang];
  return (
    <span class="watch follow">
      <button
        type="button"
        class="watch__button follow__button"
        aria-pressed={followed ? 'true' : 'false'}
        aria-busy={busy ? 'true' : undefined}
        title={t.followHelp}
        onClick={
          busy
            ? undefined
            : (event: MouseEvent) => {
                if (event.isTrusted) onToggle();
              }
        }
      >
        <span aria-hidden="true" class="watch__mark">
          {followed ? '●' : '○'}
        </span>{' '}
        {followed ? t.following : t.follow}
      </button>
      {error && (
        <span class="watch__error" role="alert">
          {t.followError}
        </span>
      )}
    </span>
  );
}
