import { type Language } from '../lib/i18n';
import { MESSAGES } from '../lib/i18n';
import { type Deputy } from '../lib/model';
import { DeputyLine } from './DeputyLine';

export function DeputyCard({ deputy, lang }: { deputy: Deputy; lang: Language }) {
  return (
    <section class="card card--deputy" aria-label={MESSAGES[lang].cardTitle}>
      <DeputyLine deputy={deputy} legislature={deputy.legislature} lang={lang} showName={false} />
    </section>
  );
}
