import { type QuestionState, type QuestionStatus } from '../../lib/status';

/** One status of each state, as the badge tests (components and the page's plain-DOM list badge) draw them. */
export const STATUSES: Record<QuestionState, QuestionStatus> = {
  answered: { state: 'answered', signaled: false, daysOpen: 143, daysLate: 83 },
  pending: { state: 'pending', signaled: false, dueOn: '2026-12-13', daysOpen: 15 },
  overdue: { state: 'overdue', signaled: false, daysLate: 423, daysOpen: 483 },
  closed: { state: 'closed', signaled: false, closedReason: 'fin de mandat', daysOpen: 1148 },
  unknown: { state: 'unknown', signaled: false },
};
