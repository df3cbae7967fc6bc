import { type QuestionState } from '../lib/status';

/** The icon of each state, drawn in a 16 × 16 box: the Preact icon and the page's plain-DOM badges share it. */
export const STATE_ICON_PATHS: Record<QuestionState, string> = {
  answered: 'M3.5 8.5l3 3 6-7',
  pending: 'M8 4v4l2.5 2.5M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 0 0 0-13z',
  overdue: 'M8 2L1.5 14h13L8 2zM8 6.5v3.5M8 12v.5',
  closed: 'M4.5 4.5l7 7M11.5 4.5l-7 7',
  unknown: 'M6 6a2 2 0 1 1 3 1.7c-.6.4-1 .8-1 1.6V10M8 12.5v.5',
};
