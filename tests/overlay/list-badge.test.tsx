// @vitest-environment happy-dom
/**
 * The list badge is plain DOM for speed; these tests hold it to the components it stands for
 * (Badge and WatchButton): the same elements, classes, attributes and words, in every state and
 * both languages, and the same trusted-click rule.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Badge } from '../../components/Badge';
import { WatchButton, type WatchProps } from '../../components/WatchButton';
import { listBadge } from '../../lib/content/list-badge';
import { MESSAGES, type Language } from '../../lib/i18n';
import { type QuestionState, type QuestionStatus } from '../../lib/status';
import { STATUSES } from '../helpers/statuses';

const containers: HTMLElement[] = [];
afterEach(() => {
  for (const container of containers.splice(0)) {
    render(null, container);
    container.remove();
  }
});

function container(): HTMLElement {
  const made = document.createElement('div');
  document.body.append(made);
  containers.push(made);
  return made;
}

/** What the components render for the same item: a compact badge and, when known, the toggle. */
function fromComponents(status: QuestionStatus, lang: Language, watch: WatchProps | undefined): HTMLElement {
  const into = container();
  render(
    <span class="list-item">
      <Badge status={status} lang={lang} compact />
      {watch && <WatchButton {...watch} lang={lang} state={status.state} />}
    </span>,
    into,
  );
  return into.firstElementChild as HTMLElement;
}

/** Markup with the attributes in a fixed order, so that two trees compare by content. */
function canonical(element: Element): string {
  const attributes = Array.from(element.attributes)
    .map((a) => `${a.name}="${a.value}"`)
    .sort()
    .join(' ');
  const children = Array.from(element.childNodes)
    .map((node) => (node.nodeType === 1 ? canonical(node as Element) : (node.textContent ?? '')))
    .join('');
  return `<${element.tagName.toLowerCase()} ${attributes}>${children.replace(/\s+/g, ' ')}</${element.tagName.toLowerCase()}>`;
}

const noop = () => undefined;
const WATCHES: Record<string, WatchProps> = {
  'not yet known': { watched: false, busy: false, pending: true, onToggle: noop },
  'not watched': { watched: false, busy: false, onToggle: noop },
  watched: { watched: true, busy: false, onToggle: noop },
  'being saved': { watched: true, busy: true, onToggle: noop },
  'failed to save': { watched: false, busy: false, error: true, onToggle: noop },
};

describe('listBadge', () => {
  for (const lang of ['fr', 'en'] as const) {
    for (const state of Object.keys(STATUSES) as QuestionState[]) {
      for (const [name, watch] of Object.entries(WATCHES)) {
        it(`is the components' markup: ${state}, toggle ${name} (${lang})`, () => {
          const view = listBadge(document, STATUSES[state], lang);
          view.update(watch);
          expect(canonical(view.element)).toBe(canonical(fromComponents(STATUSES[state], lang, watch)));
        });
      }
    }
  }

  it('keeps its toggle in place from the first pass and fills it in when the answer comes', () => {
    const view = listBadge(document, STATUSES.pending, 'fr');
    container().append(view.element);
    const button = view.element.querySelector('button')!;
    expect(button.disabled).toBe(true);
    expect(button.getAttribute('aria-pressed')).toBe('false');
    view.update(WATCHES.watched);
    // The same button, now usable and pressed.
    expect(view.element.querySelector('button')).toBe(button);
    expect(button.disabled).toBe(false);
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(button.textContent).toBe('★ Suivie');
  });

  it('takes the toggle out when the background cannot say, and shows the error only while it stands', () => {
    const view = listBadge(document, STATUSES.pending, 'en');
    view.update(undefined);
    expect(view.element.querySelector<HTMLElement>('.watch')!.hidden).toBe(true);
    view.update(WATCHES['failed to save']);
    expect(view.element.querySelector<HTMLElement>('.watch')!.hidden).toBe(false);
    expect(view.element.querySelector('[role="alert"]')?.textContent).toBe(MESSAGES.en.watchError);
    view.update(WATCHES['not watched']);
    expect(view.element.querySelector('[role="alert"]')).toBeNull();
  });

  it('acts on a user’s click only, and not while the state is unknown or being saved', () => {
    const onToggle = vi.fn();
    const view = listBadge(document, STATUSES.overdue, 'fr');
    container().append(view.element);
    const button = view.element.querySelector('button')!;
    const trusted = () => {
      const event = new MouseEvent('click', { bubbles: true });
      Object.defineProperty(event, 'isTrusted', { value: true });
      button.dispatchEvent(event);
    };
    view.update({ watched: false, busy: false, pending: true, onToggle });
    trusted();
    view.update({ watched: false, busy: true, onToggle });
    trusted();
    view.update({ watched: false, busy: false, onToggle });
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onToggle).not.toHaveBeenCalled();
    trusted();
    expect(onToggle).toHaveBeenCalledTimes(1);
  });

  it('reads page-hostile words as text', () => {
    const view = listBadge(document, { state: 'closed', signaled: false, closedReason: '<img src=x onerror=alert(1)>' }, 'fr');
    expect(view.element.querySelector('img')).toBeNull();
    expect(view.element.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
