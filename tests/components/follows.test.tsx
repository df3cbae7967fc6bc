// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeputyLine } from '../../components/DeputyLine';
import { DeputyRecord } from '../../components/DeputyRecord';
import { FollowButton } from '../../components/FollowButton';
import { type RecordView } from '../../lib/follows/messages';

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

/** A click the browser made for a user: only those act (see WatchButton). */
function trustedClick(element: Element) {
  const event = new MouseEvent('click', { bubbles: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  element.dispatchEvent(event);
}

const RECORD: RecordView = {
  legislature: 17,
  sweptAt: Date.UTC(2026, 2, 1),
  updatedAt: Date.UTC(2026, 2, 10),
  source: 'https://www.assemblee-nationale.fr/dyn/deputes/PA795321/questions',
  pages: 3,
  today: '2026-03-10',
  stats: { asked: 25, answered: 12, answeredInTime: 4, medianDelayDays: 97, pending: 6, overdue: 7 },
};

describe('FollowButton', () => {
  it('is a real toggle, in both languages, acting on trusted clicks only', () => {
    const onToggle = vi.fn();
    render(<FollowButton followed={false} busy={false} onToggle={onToggle} lang="fr" />, container);
    const button = container.querySelector('button')!;
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(button.textContent).toContain('Suivre ce député');
    button.click();
    expect(onToggle).not.toHaveBeenCalled();
    trustedClick(button);
    expect(onToggle).toHaveBeenCalledOnce();
    render(<FollowButton followed busy={false} error onToggle={onToggle} lang="en" />, container);
    expect(container.querySelector('button')!.getAttribute('aria-pressed')).toBe('true');
    expect(container.textContent).toContain('Deputy followed');
    expect(container.querySelector('[role="alert"]')!.textContent).toBe('The follow could not be saved.');
  });
});

describe('DeputyRecord', () => {
  it('says the figures neutrally, with their date and source', () => {
    render(<DeputyRecord record={RECORD} busy={false} lang="fr" />, container);
    const text = container.textContent!;
    expect(text).toContain(
      '25 questions écrites dans la législature ; 12 répondues, dont 4 dans le délai ; 6 en attente et 7 en retard aujourd’hui.',
    );
    expect(text).toContain('Délai médian de réponse : 97 jours.');
    expect(text).toContain('lue le 1er mars 2026');
    expect(container.querySelector('a')!.getAttribute('href')).toBe(RECORD.source);
    // No ranking, no judgement.
    expect(text).not.toMatch(/meilleur|pire|classement|bon|mauvais/i);
  });

  it('offers the one-click reading, says when it failed, and says where it is available when it cannot be read here', () => {
    const onAsk = vi.fn();
    render(<DeputyRecord busy={false} failed onAsk={onAsk} lang="fr" />, container);
    trustedClick(container.querySelector('button')!);
    expect(onAsk).toHaveBeenCalledOnce();
    expect(container.querySelector('[role="alert"]')).not.toBeNull();
    render(<DeputyRecord busy={false} lang="en" />, container);
    expect(container.textContent).toBe('Record available from their page on the Assemblée nationale’s site.');
  });
});

describe('DeputyLine with a follow', () => {
  it('carries the button and the record on the deputy’s line', async () => {
    await act(() => {
      render(
        <DeputyLine
          deputy={{ name: 'M. Fabrice Exemple', anId: 'PA795321' }}
          legislature={17}
          lang="fr"
          follow={{ follow: { followed: true, busy: false, onToggle: () => undefined }, record: { record: RECORD, busy: false } }}
        />,
        container,
      );
    });
    const line = container.querySelector('p.deputy')!;
    expect(line.querySelector('button[aria-pressed="true"]')!.textContent).toContain('Député suivi');
    expect(line.querySelector('.record')!.textContent).toContain('25 questions écrites');
  });
});

describe('following a senator or a ministry', () => {
  it('« Suivre ce sénateur » and « Suivre ce ministère » are real toggles, in both languages', () => {
    const onToggle = vi.fn();
    render(<FollowButton followed={false} busy={false} onToggle={onToggle} lang="fr" subject="senator" />, container);
    const button = container.querySelector('button')!;
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(button.textContent).toContain('Suivre ce sénateur');
    trustedClick(button);
    expect(onToggle).toHaveBeenCalledOnce();
    render(<FollowButton followed busy={false} onToggle={onToggle} lang="en" subject="senator" />, container);
    expect(container.querySelector('button')!.getAttribute('aria-pressed')).toBe('true');
    expect(container.textContent).toContain('Senator followed');
    render(<FollowButton followed={false} busy={false} onToggle={onToggle} lang="fr" subject="ministry" help="aide" />, container);
    expect(container.querySelector('button')!.textContent).toContain('Suivre ce ministère');
    expect(container.querySelector('button')!.getAttribute('title')).toBe('aide');
    render(<FollowButton followed busy={false} onToggle={onToggle} lang="en" subject="ministry" />, container);
    expect(container.textContent).toContain('Ministry followed');
  });

  it('the senator line offers « Suivre ce sénateur » and no record', () => {
    const follow = { followed: false, busy: false, onToggle: () => undefined };
    render(
      <DeputyLine
        deputy={{ name: 'M. Jean Dupont', group: { acronym: 'LR' }, constituency: 'Ain', senatSlug: 'dupont_jean01' }}
        chamber="SEN"
        lang="fr"
        follow={{ follow }}
      />,
      container,
    );
    expect(container.querySelector('button.follow__button--senator')!.textContent).toContain('Suivre ce sénateur');
    expect(container.textContent).not.toContain('bilan');
    expect(container.querySelector('a')!.getAttribute('href')).toBe('https://www.senat.fr/senateur/dupont_jean01.html');
  });
});
