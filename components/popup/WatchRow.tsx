import { Badge } from '../Badge';
import { formatters, type Language } from '../../lib/i18n';
import { APP_MESSAGES } from '../../lib/i18n-app';
import { type WatchRow as Row } from '../../lib/watchlist';
import { isFinal } from '../../lib/status';

export interface WatchRowProps {
  row: Row;
  lang: Language;
  now: number;
  checking: boolean;
  onCheck(): void;
  onUnwatch(): void;
  onSeen(): void;
}

const relative = new Map<Language, Intl.RelativeTimeFormat>();

export function sinceText(then: number, now: number, lang: Language): string {
  if (!relative.has(lang)) relative.set(lang, new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }));
  const format = relative.get(lang)!;
  const minutes = Math.round((then - now) / 60_000);
  if (Math.abs(minutes) < 60) return format.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 48) return format.format(hours, 'hour');
  return format.format(Math.round(hours / 24), 'day');
}

export function WatchRow({ row, lang, now, checking, onCheck, onUnwatch, onSeen }: WatchRowProps) {
  const t = APP_MESSAGES[lang];
  const f = formatters(lang);
  const { record, status } = row;
  const final = isFinal(status.state);
  const headingId = `row-${record.id}`;
  return (
    <li class={`row${record.seen ? '' : ' row--unseen'}`} aria-labelledby={headingId} data-id={record.id}>
      <div class="row__head">
        <Badge status={status} lang={lang} compact />
        {!record.seen && <span class="row__new">{t.isNew}</span>}
      </div>
      <h3 class="row__title" id={headingId}>
        <a href={row.url} target="_blank" rel="noopener">
          {row.chamber === 'SEN' ? t.senateQuestionNumber(row.number, row.legislature) : t.questionNumber(row.number, row.legislature)}
        </a>
        {row.title && <span class="row__subject"> — {row.title}</span>}
      </h3>
      <p class="row__meta">
        {[
          row.deputy,
          row.ministry,
          status.daysOpen !== undefined && !final ? t.daysOpen(f.count(status.daysOpen)) : undefined,
          record.lastCheckedAt ? t.lastChecked(sinceText(record.lastCheckedAt, now, lang)) : t.neverChecked,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {record.note && <p class="row__note">{record.note}</p>}
      <div class="row__actions">
        {row.pages.map((page) => (
          <a key={page.publisher} class="action" href={page.url} target="_blank" rel="noopener">
            {t.openPublisher[page.publisher]}
          </a>
        ))}
        <button
          type="button"
          class="action"
          onClick={onCheck}
          disabled={final || checking}
          title={final ? t.checkNowFinal : undefined}
          aria-busy={checking ? 'true' : undefined}
        >
          {t.checkNow}
        </button>
        {!record.seen && (
          <button type="button" class="action" onClick={onSeen}>
            {t.markSeen}
          </button>
        )}
        <button type="button" class="action action--danger" onClick={onUnwatch}>
          {t.unwatch}
        </button>
      </div>
    </li>
  );
}
