// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QuestionCard } from '../../components/QuestionCard';
import { type Publisher } from '../../lib/sites/types';
import { type Language } from '../../lib/i18n';
import { type Question } from '../../lib/model';
import { questionStatus } from '../../lib/status';

const TODAY = '2026-11-29';
let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** 15-QE-19189: closed at the end of the mandate. */
const CLOSED: Question = {
  id: 'AN-15-QE-19189',
  chamber: 'AN',
  legislature: 15,
  type: 'QE',
  number: 19189,
  author: { name: 'M. Julien Dive', anId: 'PA720000', group: { acronym: 'LR' }, constituency: 'Aisne (2e circonscription)' },
  ministry: 'Solidarités et santé',
  answeringMinistry: 'Solidarités et santé',
  publishedOn: '2019-04-30',
  closedOn: '2022-06-21',
  closedReason: 'Fin de mandat',
  urls: {
    an: 'https://www.assemblee-nationale.fr/dyn/15/questions/QANR5L15QE19189',
    nosdeputes: 'https://2017-2022.nosdeputes.fr/15/question/QE/19189',
  },
};

/** 14-QE-47351: reassigned and renewed before its (late) answer. */
const ANSWERED: Question = {
  id: 'AN-14-QE-47351',
  chamber: 'AN',
  legislature: 14,
  type: 'QE',
  number: 47351,
  author: { name: 'M. François Cornut-Gentille', anId: 'PA923' },
  ministry: 'Défense',
  answeringMinistry: 'Anciens combattants',
  publishedOn: '2014-01-07',
  reassignedOn: '2014-04-03',
  renewedOn: '2014-04-15',
  answeredOn: '2014-05-13',
  answerText: 'Les données…',
  urls: {
    an: 'https://www.assemblee-nationale.fr/dyn/14/questions/QANR5L14QE47351',
    nosdeputes: 'https://2012-2017.nosdeputes.fr/14/question/QE/47351',
  },
};

/** A 17th-legislature question: NosDéputés has no page for it. */
const LEG17: Question = {
  id: 'AN-17-QE-1234',
  chamber: 'AN',
  legislature: 17,
  type: 'QE',
  number: 1234,
  author: { name: 'Mme Élise Morvan' },
  publishedOn: '2026-10-13',
  urls: { an: 'https://www.assemblee-nationale.fr/dyn/17/questions/QANR5L17QE1234' },
};

function card(question: Question, source: Publisher, lang: Language = 'fr'): HTMLElement {
  render(<QuestionCard question={question} status={questionStatus(question, TODAY)} lang={lang} source={source} />, container);
  const section = container.querySelector<HTMLElement>('section.card');
  expect(section).not.toBeNull();
  return section!;
}

function steps(section: HTMLElement): string[] {
  return Array.from(section.querySelectorAll('ol.timeline > li')).map((li) => norm(li.textContent));
}

describe('QuestionCard — badge', () => {
  it('leads with the status badge', () => {
    const section = card(CLOSED, 'nosdeputes');
    expect(section.getAttribute('aria-label')).toBe('Vigie');
    // The badge comes first (possibly in a header row), before the timeline.
    const badge = section.querySelector('.badge');
    expect(badge).not.toBeNull();
    expect(section.querySelectorAll('.badge')).toHaveLength(1);
    expect(section.firstElementChild?.contains(badge!)).toBe(true);
    const timeline = section.querySelector('ol.timeline')!;
    expect(badge!.compareDocumentPosition(timeline) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(section.querySelector('.badge')?.getAttribute('data-state')).toBe('closed');
    expect(norm(section.querySelector('.badge__label')?.textContent)).toBe(
      'Caduque — fin de la 15e législature (21 juin 2022), après 1 148 jours (1 087 j de retard)',
    );
  });
});

describe('QuestionCard — timeline', () => {
  it('lists publication, deadline and closure with its reason, in date order', () => {
    expect(steps(card(CLOSED, 'nosdeputes'))).toEqual([
      'Publiée au JO 30 avril 2019',
      'Échéance 30 juin 2019',
      'Clôture 21 juin 2022 — Fin de mandat',
    ]);
  });

  it('puts the deadline among reassignment and renewal by date, and ends with the answer', () => {
    expect(steps(card(ANSWERED, 'an'))).toEqual([
      'Publiée au JO 7 janvier 2014',
      'Échéance 7 février 2014',
      "Changement d'attribution 3 avril 2014",
      'Renouvelée 15 avril 2014',
      'Réponse publiée 13 mai 2014',
    ]);
  });

  it('dates each step with a machine-readable <time>', () => {
    const times = Array.from(card(ANSWERED, 'an').querySelectorAll('ol.timeline time')).map((t) => t.getAttribute('datetime'));
    expect(times).toEqual(['2014-01-07', '2014-02-07', '2014-04-03', '2014-04-15', '2014-05-13']);
  });

  it('shows a signalled question with both deadlines: the one first missed, and the signalement’s ten days', () => {
    const signaled: Question = { ...CLOSED, signaledOn: '2019-09-02', answeredOn: '2019-09-20' };
    delete signaled.closedOn;
    delete signaled.closedReason;
    const section = card(signaled, 'nosdeputes');
    expect(steps(section)).toEqual([
      'Publiée au JO 30 avril 2019',
      'Échéance 30 juin 2019',
      'Signalée 2 septembre 2019 — réponse due le 12 septembre 2019 (8 j de retard)',
      'Réponse publiée 20 septembre 2019',
    ]);
    expect(norm(section.querySelector('.badge__label')?.textContent)).toBe('Répondue en 143 jours (82 j de retard)');
  });

  it('says when a closure is the calendar’s, not the page’s', () => {
    const lapsed: Question = { ...CLOSED, legislature: 16, id: 'AN-16-QE-19189', publishedOn: '2024-01-09' };
    delete lapsed.closedOn;
    delete lapsed.closedReason;
    const section = card(lapsed, 'nosdeputes');
    expect(norm(section.querySelector('.badge__label')?.textContent)).toBe(
      'Caduque — fin de la 16e législature (9 juin 2024), après 152 jours (92 j de retard)',
    );
    expect(steps(section)).toEqual([
      'Publiée au JO 9 janvier 2024',
      'Échéance 9 mars 2024',
      'Clôture 9 juin 2024 — déduite du calendrier des législatures',
    ]);
    expect(steps(card(lapsed, 'nosdeputes', 'en'))).toContain('Closed 9 June 2024 — inferred from the calendar of legislatures');
  });

  it('shows the closing date NosDéputés announces while it is ahead', () => {
    const announced: Question = { ...LEG17, announcedOn: '2026-12-01' };
    expect(steps(card(announced, 'an'))).toEqual([
      'Publiée au JO 13 octobre 2026',
      'Réponse annoncée 1er décembre 2026',
      'Échéance 13 décembre 2026',
    ]);
  });

  it('shows publication and deadline only for a question still waiting', () => {
    expect(steps(card(LEG17, 'an'))).toEqual(['Publiée au JO 13 octobre 2026', 'Échéance 13 décembre 2026']);
  });

  it('speaks English', () => {
    expect(steps(card(CLOSED, 'nosdeputes', 'en'))).toEqual([
      'Published in the JO 30 April 2019',
      'Due 30 June 2019',
      'Closed 21 June 2022 — Fin de mandat',
    ]);
  });

  it('has no timeline when there is no date at all', () => {
    const undated: Question = { ...LEG17 };
    delete undated.publishedOn;
    expect(card(undated, 'an').querySelector('ol.timeline')).toBeNull();
  });
});

describe('QuestionCard — ministries', () => {
  it('shows « asked → answering » when the question changed hands', () => {
    const p = card(ANSWERED, 'an').querySelector('.ministries');
    expect(p).not.toBeNull();
    expect(norm(p!.textContent)).toBe('Ministère interrogé / Ministère répondant : Défense → Anciens combattants');
    expect(p!.querySelector('.visually-hidden')).not.toBeNull();
  });

  it('says nothing when both are the same ministry', () => {
    expect(card(CLOSED, 'nosdeputes').querySelector('.ministries')).toBeNull();
  });

  it('says nothing when only one is known', () => {
    const q: Question = { ...ANSWERED };
    delete q.ministry;
    expect(card(q, 'an').querySelector('.ministries')).toBeNull();
  });
});

describe('QuestionCard — link to the other site', () => {
  it('on NosDéputés, links to the Assemblée', () => {
    const links = Array.from(card(CLOSED, 'nosdeputes').querySelectorAll('.links a'));
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute('href')).toBe('https://www.assemblee-nationale.fr/dyn/15/questions/QANR5L15QE19189');
    expect(links[0]!.textContent).toBe('Voir sur assemblee-nationale.fr');
  });

  it('on the Assemblée, links to NosDéputés', () => {
    const links = Array.from(card(CLOSED, 'an').querySelectorAll('.links a'));
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute('href')).toBe('https://2017-2022.nosdeputes.fr/15/question/QE/19189');
    expect(links[0]!.textContent).toBe('Voir sur NosDéputés.fr');
  });

  it('in English', () => {
    expect(card(CLOSED, 'nosdeputes', 'en').querySelector('.links a')?.textContent).toBe('See on assemblee-nationale.fr');
    expect(card(CLOSED, 'an', 'en').querySelector('.links a')?.textContent).toBe('See on NosDéputés.fr');
  });

  it('on the Assemblée for the 17th legislature, says there is no NosDéputés page', () => {
    const links = card(LEG17, 'an').querySelector('.links')!;
    expect(links.querySelectorAll('a')).toHaveLength(0);
    expect(norm(links.textContent)).toBe('Pas de page NosDéputés pour cette législature');
    expect(links.querySelector('.muted')).not.toBeNull();
  });
});

describe('QuestionCard — author', () => {
  it('shows the author line with the legislature’s group and links', () => {
    const deputy = card(CLOSED, 'nosdeputes').querySelector('.deputy')!;
    expect(deputy.querySelector('.deputy__name')?.textContent).toBe('M. Julien Dive');
    expect(Array.from(deputy.querySelectorAll('.deputy__fact')).map((f) => f.textContent)).toEqual([
      'LR — Les Républicains',
      'Aisne (2e circonscription)',
    ]);
    expect(Array.from(deputy.querySelectorAll('a')).map((a) => a.getAttribute('href'))).toEqual([
      'https://www.assemblee-nationale.fr/dyn/deputes/PA720000',
      'https://2017-2022.nosdeputes.fr/julien-dive',
    ]);
  });
});
