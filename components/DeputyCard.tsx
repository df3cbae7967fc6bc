import { type Language } from '../lib/i18n';
import { MESSAGES } from '../lib/i18n';
import { type Deputy, type QuestionChamber } from '../lib/model';
import { DeputyLine, type DeputyFollowSlot } from './DeputyLine';

export function DeputyCard({
  deputy,
  lang,
  follow,
  chamber,
}: {
  deputy: Deputy;
  lang: Language;
  follow?: DeputyFollowSlot;
  /** A senator's card where the page is the Sénat's. */
  chamber?: QuestionChamber;
}) {
  return (
    <section class="card card--deputy" aria-label={MESSAGES[lang].cardTitle}>
      <DeputyLine deputy={deputy} legislature={deputy.legislature} chamber={chamber} lang={lang} showName={false} follow={follow} />
    </section>
  );
}
