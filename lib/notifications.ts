/** The words of Vigie's browser notifications. */
import { type Change } from './polling/changes';
import { formatters, MESSAGES, type Count, type Language } from './i18n';

/** Notification words live here: the content script, which never notifies, does not carry them. */
const NOTIFY = {
  fr: {
    notifyAnswered: (n: string) => `Réponse publiée — Question n° ${n}`,
    notifyClosed: (n: string) => `Question close sans réponse — n° ${n}`,
    notifyLapsed: (n: string) => `Question caduque — n° ${n}`,
    notifyConverted: (n: string) => `Question transformée en question orale — n° ${n}`,
    notifySignaled: (n: string) => `Question signalée — n° ${n}`,
    notifyAnsweredBody: (days: Count) => `réponse après ${days.text} ${days.one ? 'jour' : 'jours'}`,
    notifyClosedBody: (days: Count) => `close après ${days.text} ${days.one ? 'jour' : 'jours'}`,
    notifySignaledBody: (date: string) => `réponse due le ${date}`,
    notifySummary: (n: Count) => `${n.text} questions suivies ont changé`,
    notifySummaryBody: (numbers: string) => `Questions n° ${numbers} — ouvrez Vigie pour le détail.`,
  },
  en: {
    notifyAnswered: (n: string) => `Answer published — Question no. ${n}`,
    notifyClosed: (n: string) => `Question closed without answer — no. ${n}`,
    notifyLapsed: (n: string) => `Question lapsed — no. ${n}`,
    notifyConverted: (n: string) => `Question converted into an oral question — no. ${n}`,
    notifySignaled: (n: string) => `Question signalled — no. ${n}`,
    notifyAnsweredBody: (days: Count) => `answered after ${days.text} ${days.one ? 'day' : 'days'}`,
    notifyClosedBody: (days: Count) => `closed after ${days.text} ${days.one ? 'day' : 'days'}`,
    notifySignaledBody: (date: string) => `answer due ${date}`,
    notifySummary: (n: Count) => `${n.text} watched questions changed`,
    notifySummaryBody: (numbers: string) => `Questions no. ${numbers} — open Vigie for details.`,
  },
} satisfies Record<Language, Record<string, unknown>>;

export interface NotificationText {
  id: string;
  title: string;
  message: string;
}

export const SUMMARY_NOTIFICATION = 'vigie:summary';
const QUESTION_PREFIX = 'vigie:q:';

/** More changes than this in one run make a single summary instead of a burst. */
export const BURST_LIMIT = 3;

export function notificationId(questionId: string): string {
  return QUESTION_PREFIX + questionId;
}

export function questionIdOf(notification: string): string | undefined {
  return notification.startsWith(QUESTION_PREFIX) ? notification.slice(QUESTION_PREFIX.length) : undefined;
}

export function notificationFor({ kind, question, status }: Change, lang: Language): NotificationText {
  const t = { ...MESSAGES[lang], ...NOTIFY[lang] };
  const f = formatters(lang);
  // A Sénat question is named as the Sénat writes it, with its chamber: numbers overlap between chambers.
  const number = question.chamber === 'SEN' ? `${String(question.number).padStart(5, '0')} (Sénat)` : String(question.number);
  const ministry = question.answeringMinistry ?? question.ministry;
  const late = status.daysLate ? t.lateSuffix(f.count(status.daysLate)) : '';
  // A lapse is said by the legislature that ended, a conversion by the title alone.
  const lapsedAtEndOf = status.closure === 'lapsed' ? status.lapsedAtEndOf : undefined;
  const senateLapse = status.closure === 'lapsed' && status.lapseCause && status.closedOn ? status.lapseCause : undefined;
  const why =
    lapsedAtEndOf !== undefined
      ? t.legislatureEnd(lapsedAtEndOf, status.closedOn && f.date(status.closedOn))
      : senateLapse
        ? (senateLapse === 'two-year' ? t.lapseTwoYear : t.lapseCollective)(f.date(status.closedOn!))
        : status.closure === 'converted'
          ? undefined
          : status.closedReason;
  const detail =
    kind === 'answered'
      ? status.daysOpen !== undefined
        ? t.notifyAnsweredBody(f.count(status.daysOpen)) + late
        : ''
      : kind === 'closed'
        ? [why, status.daysOpen !== undefined ? t.notifyClosedBody(f.count(status.daysOpen)) + late : ''].filter(Boolean).join(', ')
        : status.signalDueOn
          ? t.notifySignaledBody(f.date(status.signalDueOn))
          : '';
  const closedTitle = status.closure === 'lapsed' ? t.notifyLapsed : status.closure === 'converted' ? t.notifyConverted : t.notifyClosed;
  return {
    id: notificationId(question.id),
    title: kind === 'answered' ? t.notifyAnswered(number) : kind === 'closed' ? closedTitle(number) : t.notifySignaled(number),
    message: [ministry, detail].filter(Boolean).join(' — ') || question.title || question.author.name,
  };
}

export function summaryFor(changes: readonly Change[], lang: Language): NotificationText {
  const t = NOTIFY[lang];
  const numbers =
    changes
      .slice(0, 8)
      .map((c) => c.question.number)
      .join(', ') + (changes.length > 8 ? '…' : '');
  return {
    id: SUMMARY_NOTIFICATION,
    title: t.notifySummary(formatters(lang).count(changes.length)),
    message: t.notifySummaryBody(numbers),
  };
}

/** One notification per question, or one summary for a burst. */
export function notificationsFor(changes: readonly Change[], lang: Language): NotificationText[] {
  if (changes.length > BURST_LIMIT) return [summaryFor(changes, lang)];
  return changes.map((change) => notificationFor(change, lang));
}
