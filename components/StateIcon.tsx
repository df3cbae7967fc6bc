import { type QuestionState } from '../lib/status';
import { STATE_ICON_PATHS } from './state-icon-paths';

/** Decorative: the badge's words carry the meaning. */
export function StateIcon({ state }: { state: QuestionState }) {
  return (
    <svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path
        d={STATE_ICON_PATHS[state]}
        fill="none"
        stroke="currentColor"
        stroke-width="1.8"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}
