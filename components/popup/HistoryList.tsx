import { type Language } from '../../lib/i18n';
import { APP_MESSAGES } from '../../lib/i18n-app';
import { parseQuestionId } from '../../lib/model';
import { type EventRecord } from '../../lib/records';

export interface HistoryListProps {
  events: readonly EventRecord[];
  lang: Language;
}

export function HistoryList({ events, lang }: HistoryListProps) {
  const t = APP_MESSAGES[lang];
  if (!events.length) return <p class="empty">{t.historyEmpty}</p>;
  const time = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
  return (
    <ol class="history">
      {events.map((event) => {
        const key = event.questionId ? parseQuestionId(event.questionId) : undefined;
        const what =
          event.type === 'check'
            ? `${t.eventLabels.check} ${event.ok ? t.checkOk : t.checkFailed(event.detail ?? '?')}`
            : event.type === 'change' && event.to
              ? `${t.eventLabels.change} : ${t.stateNames[event.to]}`
              : t.eventLabels[event.type];
        return (
          <li key={event.seq ?? `${event.at}-${event.type}-${event.questionId}`} class={`history__item history__item--${event.type}`}>
            <time dateTime={new Date(event.at).toISOString()}>{time.format(event.at)}</time>
            <span class="history__what">{what}</span>
            {key && <span class="history__question">{t.questionNumber(key.number, key.legislature)}</span>}
            {event.source && <span class="history__source">{t.sources[event.source]}</span>}
          </li>
        );
      })}
    </ol>
  );
}
