/**
 * A list item's badge and watch toggle, as plain DOM: a list page holds hundreds of them, and
 * cloning one prepared tree per item costs a fraction of rendering a component tree for each
 * (docs/reference/performance.md §3). The markup is the popup's badge (components/Badge.tsx) and
 * the card's toggle, with the same classes and words.
 *
 * The structure is final from the first pass: the toggle is there, disabled, until the background
 * says whether the question is watched, so that its answer changes words and attributes, never
 * the layout of 500 items at once.
 */
import { type Language } from '../i18n';
import { type QuestionStatus } from '../status';
import { badgeTemplate, fillBadge } from './badge';
import { type WatchProps } from './card/props';
import { element } from './dom';
import { bindToggle, toggleMarkup, watchToggle } from './toggle';

export interface ListBadgeView {
  element: HTMLElement;
  /** Shows what is known of the watch: no toggle at all when `watch` is undefined. */
  update(watch: WatchProps | undefined): void;
}

/** One prepared tree per document and language, cloned for each item. */
const prepared = new WeakMap<Document, Map<Language, HTMLElement>>();

function template(doc: Document, lang: Language): HTMLElement {
  const perLanguage = prepared.get(doc) ?? new Map<Language, HTMLElement>();
  prepared.set(doc, perLanguage);
  const ready =
    perLanguage.get(lang) ?? element(doc, 'span', { class: 'list-item' }, badgeTemplate(doc, lang), toggleMarkup(doc, watchToggle(lang)));
  perLanguage.set(lang, ready);
  return ready;
}

export function listBadge(doc: Document, status: QuestionStatus, lang: Language): ListBadgeView {
  const item = template(doc, lang).cloneNode(true) as HTMLElement;
  fillBadge(item.firstElementChild as HTMLElement, status, lang, true);
  const watchSpan = item.lastElementChild as HTMLElement;
  const toggle = bindToggle(watchSpan, watchToggle(lang));
  return {
    element: item,
    update(watch) {
      if (watchSpan.hidden !== !watch) watchSpan.hidden = !watch;
      if (watch)
        toggle.update({ pressed: watch.watched, busy: watch.busy, error: watch.error, pending: watch.pending, onToggle: watch.onToggle });
    },
  };
}
