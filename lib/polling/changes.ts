/** What counts as news for the user: an answer, a closure, a signalement. */
import { type IsoDate } from '../dates';
import { type Question } from '../model';
import { questionStatus, type QuestionStatus } from '../status';
import { type WatchRecord } from '../records';

export type ChangeKind = 'answered' | 'closed' | 'signaled';

export interface Change {
  kind: ChangeKind;
  question: Question;
  status: QuestionStatus;
}

export function detectChange(before: WatchRecord, after: Question, today: IsoDate): Change | undefined {
  // A question watched from a list has no reading of its own yet: its first check sets the
  // baseline silently rather than announcing what the list simply did not show.
  if (!before.question && before.lastCheckedAt === undefined) return undefined;
  const status = questionStatus(after, today);
  if (status.state === 'answered' && before.state !== 'answered') return { kind: 'answered', question: after, status };
  if (status.state === 'closed' && before.state !== 'closed') return { kind: 'closed', question: after, status };
  if (after.signaledOn && !before.question?.signaledOn) return { kind: 'signaled', question: after, status };
  return undefined;
}
