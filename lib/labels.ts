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
    case 'overdue': {
      const head =
        status.daysLate === undefined ? t.overdue : status.signaled ? t.signaledLate(n(status.daysLate)) : t.overdueBy(n(status.daysLate));
      return status.announcedOn ? `${head} — ${t.announced(f.date(status.announcedOn))}` : head;
    }
    case 'pending':
      if (status.announcedOn) return `${t.pending} — ${t.announced(f.date(status.announcedOn))}`;
      if (status.signaled && status.signalDueOn) return t.signaledDue(f.date(status.signalDueOn));
      return status.dueOn ? t.pendingUntil(f.date(status.dueOn)) : t.pending;
    case 'closed': {
      const after = status.daysOpen !== undefined ? `, ${t.closedAfter(n(status.daysOpen))}` : '';
      const late = after && status.daysLate ? t.lateSuffix(n(status.daysLate)) : '';
      return closureWords(status, t, f) + after + late;
    }
    case 'unknown':
      return t.unknown;
  }
}

/** How the question closed: lapsed with its legislature, converted, or in the source's own words. */
function closureWords(status: QuestionStatus, t: Messages, f: Formatters): string {
  if (status.closure === 'lapsed' && status.lapsedAtEndOf !== undefined) {
    return `${t.lapsed} — ${t.legislatureEnd(status.lapsedAtEndOf, status.closedOn && f.date(status.closedOn))}`;
  }
  if (status.closure === 'lapsed' && status.lapseCause && status.closedOn) {
    const cause = status.lapseCause === 'two-year' ? t.lapseTwoYear : t.lapseCollective;
    return `${t.lapsed} — ${cause(f.date(status.closedOn))}`;
  }
  // The Sénat's « La question est caduque » with no rule to date it.
  if (status.closure === 'lapsed') return status.closedOn ? `${t.lapsed} (${f.date(status.closedOn)})` : t.lapsed;
  if (status.closure === 'converted') return t.converted;
  const reason =
    status.closedReason && status.closedReason.toLowerCase() !== WITHDRAWN_REASON.toLowerCase()
      ? status.closedReason.charAt(0).toLowerCase() + status.closedReason.slice(1)
      : undefined;
  return reason ? `${t.closed} — ${reason}` : t.closed;
}
