/**
 * A question's status badge as plain DOM, the markup of the popup's `components/Badge.tsx`: an
 * icon, words for screen readers, the label. List items clone a prepared one; cards draw theirs.
 */
import { STATE_ICON_PATHS } from '../../components/state-icon-paths';
import { formatters, MESSAGES, type Language } from '../i18n';
import { statusLabel } from '../labels';
import { type QuestionStatus } from '../status';
import { element } from './dom';

const SVG = 'http://www.w3.org/2000/svg';

function svg(doc: Document, tag: string, attributes: Record<string, string>): SVGElement {
  const made = doc.createElementNS(SVG, tag) as SVGElement;
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  return made;
}

/** The badge's parts that do not depend on the status: cloned as they are. */
export function badgeTemplate(doc: Document, lang: Language): HTMLElement {
  const icon = svg(doc, 'svg', {
    class: 'icon',
    viewBox: '0 0 16 16',
    width: '14',
    height: '14',
    'aria-hidden': 'true',
    focusable: 'false',
  });
  icon.append(
    svg(doc, 'path', {
      fill: 'none',
      stroke: 'currentColor',
      'stroke-width': '1.8',
      'stroke-linecap': 'round',
      'stroke-linejoin': 'round',
    }),
  );
  return element(
    doc,
    'span',
    {},
    icon,
    element(doc, 'span', { class: 'visually-hidden' }, `${MESSAGES[lang].badgeAssistive} `),
    element(doc, 'span', { class: 'badge__label' }),
  );
}

/** Writes a status into a badge made by `badgeTemplate` (or a clone of one). */
export function fillBadge(badge: HTMLElement, status: QuestionStatus, lang: Language, compact: boolean): void {
  const t = MESSAGES[lang];
  badge.className = `badge badge--${status.state}${compact ? ' badge--compact' : ''}`;
  badge.setAttribute('data-state', status.state);
  if (status.state === 'unknown') badge.title = t.unknownHelp;
  badge.querySelector('path')!.setAttribute('d', STATE_ICON_PATHS[status.state]);
  badge.lastElementChild!.textContent = statusLabel(status, t, formatters(lang));
}
