// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Badge } from '../../components/Badge';
import { type QuestionState } from '../../lib/status';
import { STATUSES } from '../helpers/statuses';

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const LABELS_FR: Record<QuestionState, string> = {
  answered: 'Répondue en 143 jours (83 j de retard)',
  pending: 'En attente — échéance le 13 décembre 2026',
  overdue: 'En retard de 423 jours',
  closed: 'Close sans réponse — fin de mandat, après 1 148 jours',
  unknown: 'Statut inconnu',
};

const LABELS_EN: Record<QuestionState, string> = {
  answered: 'Answered in 143 days (83 days late)',
  pending: 'Pending — due 13 December 2026',
  overdue: 'Overdue by 423 days',
  closed: 'Closed without answer — fin de mandat, after 1,148 days',
  unknown: 'Status unknown',
};

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ');

function badgeIn(root: ParentNode): HTMLElement {
  const badge = root.querySelector<HTMLElement>('.badge');
  expect(badge).not.toBeNull();
  return badge!;
}

describe('Badge', () => {
  for (const state of Object.keys(STATUSES) as QuestionState[]) {
    it(`renders the ${state} state with class, data-state, icon, assistive prefix and words (fr)`, () => {
      render(<Badge status={STATUSES[state]} lang="fr" />, container);
      const badge = badgeIn(container);
      expect(badge.tagName).toBe('SPAN');
      expect(badge.className).toBe(`badge badge--${state}`);
      expect(badge.getAttribute('data-state')).toBe(state);

      const svg = badge.querySelector('svg');
      expect(svg).not.toBeNull();
      expect(svg!.getAttribute('aria-hidden')).toBe('true');
      expect(svg!.getAttribute('focusable')).toBe('false');
      expect(svg!.querySelector('path')?.getAttribute('d')).toBeTruthy();

      const hidden = badge.querySelector('.visually-hidden');
      expect(hidden?.textContent).toBe('Vigie, statut de la question : ');

      const label = badge.querySelector('.badge__label');
      expect(norm(label?.textContent)).toBe(LABELS_FR[state]);
      // Not colour alone: the words are in the badge's own text, after the assistive prefix.
      expect(norm(badge.textContent)).toBe(`Vigie, statut de la question : ${LABELS_FR[state]}`);
    });

    it(`renders the ${state} state in English`, () => {
      render(<Badge status={STATUSES[state]} lang="en" />, container);
      const badge = badgeIn(container);
      expect(badge.querySelector('.visually-hidden')?.textContent).toBe('Vigie, question status: ');
      expect(badge.querySelector('.badge__label')?.textContent).toBe(LABELS_EN[state]);
    });
  }

  it('gives each state its own words and its own icon shape', () => {
    const labels = new Set<string>();
    const icons = new Set<string>();
    for (const state of Object.keys(STATUSES) as QuestionState[]) {
      render(<Badge status={{ state, signaled: false }} lang="fr" />, container);
      const badge = badgeIn(container);
      labels.add(badge.querySelector('.badge__label')!.textContent!);
      icons.add(badge.querySelector('svg path')!.getAttribute('d')!);
      render(null, container);
    }
    expect(labels.size).toBe(5);
    expect(icons.size).toBe(5);
  });

  it('explains an unknown status in a title, and only then', () => {
    render(<Badge status={STATUSES.unknown} lang="fr" />, container);
    expect(badgeIn(container).getAttribute('title')).toBe('Vigie n’a pas pu lire le statut de cette page avec certitude.');
    render(null, container);
    render(<Badge status={STATUSES.answered} lang="fr" />, container);
    expect(badgeIn(container).hasAttribute('title')).toBe(false);
  });

  it('adds the compact modifier when asked', () => {
    render(<Badge status={STATUSES.overdue} lang="fr" compact />, container);
    expect(badgeIn(container).className).toBe('badge badge--overdue badge--compact');
  });
});
