import { type Language } from '../lib/i18n';
import { MESSAGES } from '../lib/i18n';
import { type Deputy } from '../lib/model';
import { DeputyLine, type DeputyFollowSlot } from './DeputyLine';

export function DeputyCard({ deputy, lang, follow }: { deputy: Deputy; lang: Language; follow?: DeputyFollowSlot }) {
  return (
    <section class="card card--deputy" aria-label={MESSAGES[lang].cardTitle}>
      <DeputyLine deputy={deputy} legislature={deputy.legislature} lang={lang} showName={false} follow={follow} />
    </section>
  );
}
