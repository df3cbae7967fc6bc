import { formatters, MESSAGES, type Language } from '../lib/i18n';
import { statusLabel } from '../lib/labels';
import { type QuestionStatus } from '../lib/status';
import { StateIcon } from './StateIcon';

export interface BadgeProps {
  status: QuestionStatus;
  lang: Language;
  compact?: boolean;
}

export function Badge({ status, lang, compact }: BadgeProps) {
  const t = MESSAGES[lang];
  const label = statusLabel(status, t, formatters(lang));
  return (
    <span
      class={`badge badge--${status.state}${compact ? ' badge--compact' : ''}`}
      data-state={status.state}
      title={status.state === 'unknown' ? t.unknownHelp : undefined}
    >
      <StateIcon state={status.state} />
      <span class="visually-hidden">{t.badgeAssistive} </span>
      <span class="badge__label">{label}</span>
    </span>
  );
}
