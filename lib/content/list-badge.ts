/**
 * A list item's badge and watch toggle, as plain DOM: a list page holds hundreds of them, and
 * cloning one prepared tree per item costs a fraction of rendering a component tree for each
 * (docs/reference/performance.md §3). The markup is the popup's badge (components/Badge.tsx) and
 * the card's toggle (components/WatchButton.tsx), with the same classes and words.
 *
 * The structure is final from the first pass: the toggle is there, disabled, until the background
 * says whether the question is watched, so that its answer changes words and attributes, never
 * the layout of 500 items at once.
 */
import { STATE_ICON_PATHS } from '../../components/state-icon-paths';
import { type WatchProps } from '../../components/WatchButton';
import { formatters, MESSAGES, type Language } from '../i18n';
import { statusLabel } from '../labels';
import { type QuestionStatus } from '../status';

const SVG = 'http://www.w3.org/2000/svg';

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
  const ready = perLanguage.get(lang);
  if (ready) return ready;
  const t = MESSAGES[lang];
  const element = (tag: string, className?: string) => {
    const made = doc.createElement(tag);
    if (className) made.className = className;
    return made;
  };
  const item = element('span', 'list-item');
  const badge = element('span');
  const icon = doc.createElementNS(SVG, 'svg');
  for (const [name, value] of Object.entries({
    class: 'icon',
    viewBox: '0 0 16 16',
    width: '14',
    height: '14',
    'aria-hidden': 'true',
    focusable: 'false',
  }))
    icon.setAttribute(name, value);
  const path = doc.createElementNS(SVG, 'path');
  for (const [name, value] of Object.entries({
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': '1.8',
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
  }))
    path.setAttribute(name, value);
  icon.append(path);
  const assistive = element('span', 'visually-hidden');
  assistive.textContent = `${t.badgeAssistive} `;
  badge.append(icon, assistive, element('span', 'badge__label'));
  const watch = element('span', 'watch');
  const button = element('button', 'watch__button') as HTMLButtonElement;
  button.type = 'button';
  button.title = t.watchHelp;
  button.disabled = true;
  button.setAttribute('aria-pressed', 'false');
  const mark = element('span', 'watch__mark');
  mark.setAttribute('aria-hidden', 'true');
  mark.textContent = '☆';
  button.append(mark, ` ${t.watch}`);
  watch.append(button);
  item.append(badge, watch);
  perLanguage.set(lang, item);
  return item;
}

export function listBadge(doc: Document, status: QuestionStatus, lang: Language): ListBadgeView {
  const t = MESSAGES[lang];
  const item = template(doc, lang).cloneNode(true) as HTMLElement;
  const badge = item.firstElementChild as HTMLElement;
  badge.className = `badge badge--${status.state} badge--compact`;
  badge.setAttribute('data-state', status.state);
  if (status.state === 'unknown') badge.title = t.unknownHelp;
  badge.querySelector('path')!.setAttribute('d', STATE_ICON_PATHS[status.state]);
  badge.lastElementChild!.textContent = statusLabel(status, t, formatters(lang));
  const watchSpan = item.lastElementChild as HTMLElement;
  const button = watchSpan.firstElementChild as HTMLButtonElement;
  const mark = button.firstChild!;
  const words = button.lastChild!;
  let current: WatchProps | undefined;
  let error: HTMLElement | undefined;
  // Only the user acts: a page script's click() or dispatched click is untrusted (see WatchButton).
  button.addEventListener('click', (event) => {
    if (event.isTrusted && current && !current.busy && !current.pending) current.onToggle();
  });
  const shown = { watched: false, busy: false, disabled: true, hidden: false };
  return {
    element: item,
    update(watch) {
      current = watch;
      // Writes only what changed: an attribute set to its own value still costs 500 style checks.
      const next = { watched: watch?.watched ?? false, busy: watch?.busy ?? false, disabled: watch?.pending ?? false, hidden: !watch };
      if (next.hidden !== shown.hidden) watchSpan.hidden = next.hidden;
      if (next.disabled !== shown.disabled) button.disabled = next.disabled;
      if (next.busy !== shown.busy) next.busy ? button.setAttribute('aria-busy', 'true') : button.removeAttribute('aria-busy');
      if (next.watched !== shown.watched) {
        button.setAttribute('aria-pressed', String(next.watched));
        mark.textContent = next.watched ? '★' : '☆';
        words.textContent = ` ${next.watched ? t.watching : t.watch}`;
      }
      Object.assign(shown, next);
      if (watch?.error && !error) {
        error = doc.createElement('span');
        error.className = 'watch__error';
        error.setAttribute('role', 'alert');
        error.textContent = t.watchError;
        watchSpan.append(error);
      } else if (!watch?.error && error) {
        error.remove();
        error = undefined;
      }
    },
  };
}
