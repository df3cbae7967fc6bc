import { type Language } from '../lib/i18n';
import { type QuestionStatus } from '../lib/status';
import { Badge } from './Badge';
import { WatchButton, type WatchProps } from './WatchButton';

export interface ListBadgeProps {
  status: QuestionStatus;
  lang: Language;
  watch?: WatchProps;
}

export function ListBadge({ status, lang, watch }: ListBadgeProps) {
  return (
    <span class="list-item">
      <Badge status={status} lang={lang} compact />
      {watch && <WatchButton {...watch} lang={lang} state={status.state} />}
    </span>
  );
}
