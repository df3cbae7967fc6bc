import { type BackupInfo } from '../../lib/backup';
import { todayInParis } from '../../lib/dates';
import { formatters, type Language } from '../../lib/i18n';
import { APP_MESSAGES } from '../../lib/i18n-app';
import { anDynUrl } from '../../lib/urls';

/** An example a new user can open right away: a question of the current legislature. */
export const EXAMPLE_QUESTION = anDynUrl('AN-17-QE-1');

export interface EmptyStateProps {
  lang: Language;
  /** A copy of a list that had questions: the empty list may be a lost one, which this brings back. */
  backup?: BackupInfo;
  onRestore?(): void;
}

export function EmptyState({ lang, backup, onRestore }: EmptyStateProps) {
  const t = APP_MESSAGES[lang];
  const f = formatters(lang);
  return (
    <section class="empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title">{t.emptyTitle}</h2>
      {backup && backup.watches > 0 && onRestore && (
        <p class="warning">
          {t.emptyBackup(f.date(todayInParis(new Date(backup.at))), f.count(backup.watches))}{' '}
          <button type="button" class="primary" onClick={onRestore}>
            {t.backupRestore}
          </button>
        </p>
      )}
      <p>{t.emptyText}</p>
      <p>
        <a href={EXAMPLE_QUESTION} target="_blank" rel="noopener">
          {t.emptyExample}
        </a>
      </p>
    </section>
  );
}
