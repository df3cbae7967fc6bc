import { type Language } from '../lib/i18n';
import { FOLLOW_OVERLAY_MESSAGES } from '../lib/follows/overlay-words';

export interface FollowProps {
  followed: boolean;
  busy: boolean;
  error?: boolean;
  /** Shown, disabled, until the background says whether it is followed: the card's layout stays put. */
  pending?: boolean;
  onToggle: () => void;
}

/** Who or what the button follows: its words say so. */
export type FollowSubject = 'deputy' | 'senator' | 'ministry';

/**
 * « Suivre ce député », « Suivre ce sénateur », « Suivre ce ministère »: a real toggle button,
 * acting on trusted clicks only (see WatchButton). `help` replaces the default tooltip.
 */
export function FollowButton({
  followed,
  busy,
  error,
  pending,
  onToggle,
  lang,
  subject = 'deputy',
  help,
}: FollowProps & { lang: Language; subject?: FollowSubject; help?: string }) {
  const t = FOLLOW_OVERLAY_MESSAGES[lang];
  const words = {
    deputy: [t.follow, t.following],
    senator: [t.followSenator, t.followingSenator],
    ministry: [t.followMinistry, t.followingMinistry],
  }[subject];
  return (
    <span class="watch follow">
      <button
        type="button"
        class={`watch__button follow__button follow__button--${subject}`}
        aria-pressed={followed ? 'true' : 'false'}
        aria-busy={busy ? 'true' : undefined}
        title={help ?? t.followHelp}
        disabled={pending}
        onClick={
          busy || pending
            ? undefined
            : (event: MouseEvent) => {
                if (event.isTrusted) onToggle();
              }
        }
      >
        <span aria-hidden="true" class="watch__mark">
          {followed ? '●' : '○'}
        </span>{' '}
        {followed ? words[1] : words[0]}
      </button>
      {error && (
        <span class="watch__error" role="alert">
          {t.followError}
        </span>
      )}
    </span>
  );
}
