/** The card on a deputy's page, or under a list's owner: their line without the name the page shows above. */
import { MESSAGES, type Language } from '../../i18n';
import { type Deputy, type QuestionChamber } from '../../model';
import { element } from '../dom';
import { personLine } from './person-line';
import { type DeputyFollowSlot } from './props';

export interface DeputyCardView {
  element: HTMLElement;
  update(follow: DeputyFollowSlot | undefined): void;
}

/** `chamber`: a senator's card where the page is the Sénat's. */
export function deputyCard(doc: Document, deputy: Deputy, lang: Language, chamber?: QuestionChamber): DeputyCardView {
  const line = personLine(doc, lang, chamber, false);
  const card = element(doc, 'section', { class: 'card card--deputy', 'aria-label': MESSAGES[lang].cardTitle }, line.element);
  return {
    element: card,
    update: (follow) => line.update({ deputy, legislature: deputy.legislature, follow }),
  };
}
