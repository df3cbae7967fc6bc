import { type Language } from '../../lib/i18n';
import { APP_MESSAGES } from '../../lib/i18n-app';
import { anDynUrl } from '../../lib/urls';

/** An example a new user can open right away: a question of the current legislature. */
export const EXAMPLE_QUESTION = anDynUrl('AN-17-QE-1');

export function EmptyState({ lang }: { lang: Language }) {
  const t = APP_MESSAGES[lang];
  return (
    <section class="empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title">{t.emptyTitle}</h2>
      <p>{t.emptyText}</p>
      <p>
        <a href={EXAMPLE_QUESTION} target="_blank" rel="noopener">
          {t.emptyExample}
        </a>
      </p>
    </section>
  );
}
