import type { Language } from '../lib/i18n';
import type { QuestionStatus } from '../lib/status';
import { Badge } from './Badge';

export interface ListBadgeProps {
  status: QuestionStatus;
  lang: Language;
}

export function ListBadge({ status, lang }: ListBadgeProps) {
  return (
    <span class="list-item">
      <Badge status={status} lang={lang} compact />
    </span>
  );
}
