import { formatters, type Language } from '../lib/i18n';
import { type RecordView } from '../lib/follows/messages';
import { FOLLOW_OVERLAY_MESSAGES } from '../lib/follows/overlay-words';

export interface DeputyRecordProps {
  record?: RecordView;
  busy: boolean;
  failed?: boolean;
  /** Absent where no page gives the deputy's identifier: the sweep needs it. */
  onAsk?: () => void;
}

function dayOf(timestamp: number): string {
  return new Date(timestamp).toISOString().slice(0, 10);
}

/** A deputy's record: figures with their date and source, worded neutrally; or the one click that reads it. */
export function DeputyRecord({ record, busy, failed, onAsk, lang }: DeputyRecordProps & { lang: Language }) {
  const t = FOLLOW_OVERLAY_MESSAGES[lang];
  const f = formatters(lang);
  if (record) {
    const { stats } = record;
    return (
      <span class="record">
        <span class="record__figures">
          {t.recordFigures(
            f.count(stats.asked),
            f.count(stats.answered),
            f.count(stats.answeredInTime),
            f.count(stats.pending),
            f.count(stats.overdue),
          )}
          {stats.medianDelayDays !== undefined && ` ${t.recordDelay(f.count(stats.medianDelayDays))}`}
        </span>
        <span class="record__source">
          {t.recordSource(f.date(dayOf(record.sweptAt)), f.date(dayOf(record.updatedAt)))}{' '}
          <a href={record.source} rel="noopener">
            {record.source.replace(/^https:\/\//, '')}
          </a>
        </span>
      </span>
    );
  }
  if (!onAsk) return <span class="record muted">{t.recordUnavailable}</span>;
  return (
    <span class="record">
      <button
        type="button"
        class="link-button"
        aria-busy={busy ? 'true' : undefined}
        title={t.askRecordHelp(t.askRecordPages)}
        onClick={
          busy
            ? undefined
            : (event: MouseEvent) => {
                if (event.isTrusted) onAsk();
              }
        }
      >
        {busy ? t.recordBusy : t.askRecord}
      </button>
      {failed && (
        <span class="watch__error" role="alert">
          {' '}
          {t.recordFailed}
        </span>
      )}
    </span>
  );
}
