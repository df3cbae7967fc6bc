import { type Formatters, type Messages } from './i18n';
import { WITHDRAWN_REASON } from './model';
import { type QuestionStatus } from './status';

/** The badge's words: the state, said in full, never left to a colour. */
export function statusLabel(status: QuestionStatus, t: Messages, f: Formatters): string {
  const n = (value: number) => f.count(value);
  switch (status.state) {
    case 'answered': {
      if (status.daysOpen === undefined) return t.answered;
      const head = status.daysOpen === 0 ? t.answeredSameDay : t.answeredIn(n(status.daysOpen));
      return status.daysLate ? head + t.lateSuffix(n(status.daysLate)) : head;
    }
    case 'overdue':
      if (status.daysLate === undefined) return t.overdue;
      if (status.signaled) return t.signaledLate(n(status.daysLate));
      return t.overdueBy(n(status.daysLate));
    case 'pending':
      if (!status.dueOn) return t.pending;
      return status.signaled ? t.signaledDue(f.date(status.dueOn)) : t.pendingUntil(f.date(status.dueOn));
    case 'closed': {
      const reason =
        status.closedReason && status.closedReason.toLowerCase() !== WITHDRAWN_REASON.toLowerCase()
          ? status.closedReason.charAt(0).toLowerCase() + status.closedReason.slice(1)
          : undefined;
      const after = status.daysOpen !== undefined ? t.closedAfter(n(status.daysOpen)) : undefined;
      if (reason && after) return `${t.closed} — ${reason}, ${after}`;
      if (reason) return `${t.closed} — ${reason}`;
      if (after) return `${t.closed}, ${after}`;
      return t.closed;
    }
    case 'unknown':
      return t.unknown;
  }
}
