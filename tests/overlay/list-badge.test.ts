// @vitest-environment happy-dom
/**
 * The list badge: its toggle drawn from the first pass and filled in later, the trusted-click
 * rule, hostile words as text. Its markup is held to the components' by card-markup.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listBadge } from '../../lib/content/list-badge';
import { MESSAGES } from '../../lib/i18n';
import { LIST_WATCHES as WATCHES } from '../helpers/overlay-cases';
import { STATUSES } from '../helpers/statuses';

const containers: HTMLElement[] = [];
afterEach(() => {
  for (const made of containers.splice(0)) made.remove();
});

function container(): HTMLElement {
  const made = document.createElement('div');
  document.body.append(made);
  containers.push(made);
  return made;
}

describe('listBadge', () => {
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
