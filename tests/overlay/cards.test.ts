// @vitest-environment happy-dom
/**
 * The page's cards, drawn as plain DOM: what they say in each state (the markup itself is held to
 * the components' by card-markup.test.ts), that their buttons stay the same elements through every
 * update, that only a user's click acts, and that odd input draws a card rather than throwing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deputyCard } from '../../lib/content/card/deputy-card';
import { personLine, type PersonLineProps, slugFromName } from '../../lib/content/card/person-line';
import { type DeputyRecordProps, type FollowProps } from '../../lib/content/card/props';
import { questionCard, type QuestionCardState } from '../../lib/content/card/question-card';
import { recordView } from '../../lib/content/card/record';
import { followToggle, toggleView } from '../../lib/content/toggle';
import { type Language } from '../../lib/i18n';
import { type DeputyFacts, type Question } from '../../lib/model';
import { type Publisher } from '../../lib/sites/types';
import { questionStatus } from '../../lib/status';
import { cardStates, DEPUTIES, IMG, QUESTIONS, RECORD, TODAY } from '../helpers/overlay-cases';

const drawn: HTMLElement[] = [];
afterEach(() => {
  for (const element of drawn.splice(0)) element.remove();
});

/** In the document, as on a page: focus and clicks need it. */
function shown<T extends { element: HTMLElement }>(view: T): T {
  document.body.append(view.element);
  drawn.push(view.element);
  return view;
}

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** A click the browser made for a user: only those act. */
function trustedClick(element: Element) {
  const event = new MouseEvent('click', { bubbles: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  element.dispatchEvent(event);
}

const CLOSED = QUESTIONS.closed!.question;
const ANSWERED: Question = { ...QUESTIONS.answered!.question, answerText: 'Les données…' };
delete ANSWERED.signaledOn;
const LEG17: Question = { ...QUESTIONS.waiting!.question };
delete LEG17.announcedOn;

function card(question: Question, source: Publisher, lang: Language = 'fr', state: QuestionCardState = {}): HTMLElement {
  const view = shown(questionCard(document, { question, status: questionStatus(question, TODAY), lang, source }));
  view.update(state);
  expect(view.element.matches('section.card')).toBe(true);
  return view.element;
}

function steps(section: HTMLElement): string[] {
  return Array.from(section.querySelectorAll('ol.timeline > li')).map((li) => norm(li.textContent));
}

describe('question card — badge', () => {
  it('leads with the status badge', () => {
    const section = card(CLOSED, 'nosdeputes');
    expect(section.getAttribute('aria-label')).toBe('Vigie');
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

describe('question card — timeline', () => {
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

describe('question card — ministries', () => {
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

describe('question card — link to the other site', () => {
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

describe('question card — author', () => {
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

  it('fills in the facts the background learns later, the page’s own words first', () => {
    const view = shown(questionCard(document, { question: LEG17, status: questionStatus(LEG17, TODAY), lang: 'fr', source: 'an' }));
    view.update({});
    const line = view.element.querySelector('.deputy')!;
    expect(line.querySelectorAll('.deputy__fact')).toHaveLength(0);
    expect(Array.from(line.querySelectorAll('a')).map((a) => a.getAttribute('href'))).toEqual([
      'https://www.nosdeputes.fr/depute/elise-morvan',
    ]);
    view.update({
      authorFacts: {
        name: 'Autre nom',
        anId: 'PA795321',
        group: { acronym: 'REN', name: 'Renaissance' },
        constituency: 'Finistère (3e circonscription)',
      },
    });
    expect(view.element.querySelector('.deputy')).toBe(line);
    expect(line.querySelector('.deputy__name')?.textContent).toBe('Mme Élise Morvan');
    expect(Array.from(line.querySelectorAll('.deputy__fact')).map((f) => f.textContent)).toEqual([
      'REN — Renaissance',
      'Finistère (3e circonscription)',
    ]);
    expect(Array.from(line.querySelectorAll('a')).map((a) => a.getAttribute('href'))).toEqual([
      'https://www.assemblee-nationale.fr/dyn/deputes/PA795321',
      'https://www.nosdeputes.fr/depute/elise-morvan',
    ]);
  });
});

const facts = (p: Element) => Array.from(p.querySelectorAll('.deputy__fact')).map((f) => f.textContent);
const links = (p: Element) => Array.from(p.querySelectorAll('a')).map((a) => [a.textContent, a.getAttribute('href')]);

function line(
  deputy: DeputyFacts & { name: string },
  legislature: number | undefined,
  lang: Language = 'fr',
  showName = true,
  rest: Partial<PersonLineProps> = {},
): HTMLElement {
  const view = shown(personLine(document, lang, undefined, showName));
  view.update({ deputy, legislature, ...rest });
  expect(view.element.matches('p.deputy')).toBe(true);
  return view.element;
}

const DIVE: DeputyFacts & { name: string } = {
  name: 'M. Julien Dive',
  anId: 'PA720000',
  group: { acronym: 'LR' },
  constituency: 'Aisne (2e circonscription)',
  mandateStart: '2017-06-21',
};

describe('slugFromName', () => {
  it('drops the civility, accents and case', () => {
    expect(slugFromName('M. Julien Dive')).toBe('julien-dive');
    expect(slugFromName('Mme Élise Morvan')).toBe('elise-morvan');
    expect(slugFromName('M. François Cornut-Gentille')).toBe('francois-cornut-gentille');
    expect(slugFromName('Madame Marie-George Buffet')).toBe('marie-george-buffet');
    expect(slugFromName('Hélène Vasseur')).toBe('helene-vasseur');
  });

  it('gives nothing for a name with no letters', () => {
    expect(slugFromName('M. ')).toBeUndefined();
    expect(slugFromName('—')).toBeUndefined();
  });
});

describe('the deputy line', () => {
  it('completes a group known only by its acronym for the legislature (15th: LR)', () => {
    expect(facts(line(DIVE, 15))[0]).toBe('LR — Les Républicains');
  });

  it('shows name, group, constituency and mandate start, in that order', () => {
    const p = line(DIVE, 15);
    expect(p.querySelector('.deputy__name')?.textContent).toBe('M. Julien Dive');
    expect(facts(p)).toEqual(['LR — Les Républicains', 'Aisne (2e circonscription)', 'en mandat depuis le 21 juin 2017']);
  });

  it('shows a finished mandate as a span', () => {
    expect(facts(line({ ...DIVE, mandateEnd: '2020-07-03' }, 15))[2]).toBe('mandat du 21 juin 2017 au 3 juillet 2020');
    expect(facts(line({ ...DIVE, mandateEnd: '2020-07-03' }, 15, 'en'))[2]).toBe('in office 21 June 2017 – 3 July 2020');
    expect(facts(line(DIVE, 15, 'en'))[2]).toBe('in office since 21 June 2017');
  });

  it('keeps a group the page named in full, and an acronym unknown for the legislature as is', () => {
    expect(facts(line({ name: 'Élise Morvan', group: { acronym: 'REN', name: 'Renaissance' } }, 16))).toEqual(['REN — Renaissance']);
    expect(facts(line({ name: 'Élise Morvan', group: { name: 'Renaissance' } }, 16))).toEqual(['Renaissance']);
    expect(facts(line({ name: 'X', group: { acronym: 'XYZ' } }, 15))).toEqual(['XYZ']);
    expect(facts(line({ name: 'X', group: { acronym: 'LR' } }, undefined))).toEqual(['LR']);
  });

  it('links to the Assemblée by PA id and to the legislature’s NosDéputés archive by slug', () => {
    expect(links(line(DIVE, 15))).toEqual([
      ['Fiche Assemblée nationale', 'https://www.assemblee-nationale.fr/dyn/deputes/PA720000'],
      ['Fiche NosDéputés', 'https://2017-2022.nosdeputes.fr/julien-dive'],
    ]);
  });

  it('uses the slug it is given over one derived from the name', () => {
    expect(links(line({ name: 'Mme Élise Morvan', slug: 'elise-morvan-2' }, 16))).toEqual([
      ['Fiche NosDéputés', 'https://2022-2024.nosdeputes.fr/elise-morvan-2'],
    ]);
  });

  it('derives the slug from the name when there is none (Mme Élise Morvan → elise-morvan)', () => {
    expect(links(line({ name: 'Mme Élise Morvan' }, 16))).toEqual([['Fiche NosDéputés', 'https://2022-2024.nosdeputes.fr/elise-morvan']]);
  });

  it('links to the new NosDéputés site from the 17th legislature, or with no legislature', () => {
    expect(links(line({ name: 'Mme Élise Morvan' }, 17))[0]![1]).toBe('https://www.nosdeputes.fr/depute/elise-morvan');
    expect(links(line({ name: 'Mme Élise Morvan' }, undefined))[0]![1]).toBe('https://www.nosdeputes.fr/depute/elise-morvan');
  });

  it('has no Assemblée link without a PA id', () => {
    expect(line({ name: 'M. Julien Dive' }, 15).querySelector('a[href*="assemblee-nationale.fr"]')).toBeNull();
  });

  it('speaks English', () => {
    expect(links(line(DIVE, 15, 'en')).map(([text]) => text)).toEqual(['Assemblée nationale profile', 'NosDéputés profile']);
  });

  it('can leave the name out', () => {
    expect(line(DIVE, 15, 'fr', false).querySelector('.deputy__name')).toBeNull();
  });
});

describe('the deputy card', () => {
  it('shows the deputy line without the name, for the deputy’s legislature', () => {
    const view = shown(deputyCard(document, DEPUTIES.deputy!.deputy, 'fr'));
    view.update(undefined);
    const section = view.element;
    expect(section.matches('section.card.card--deputy')).toBe(true);
    expect(section.getAttribute('aria-label')).toBe('Vigie');
    expect(section.querySelector('.deputy__name')).toBeNull();
    expect(facts(section)).toEqual(['REN — Renaissance', 'Finistère (3e circonscription)', 'en mandat depuis le 22 juin 2022']);
    expect(links(section)).toEqual([
      ['Fiche Assemblée nationale', 'https://www.assemblee-nationale.fr/dyn/deputes/PA795321'],
      ['Fiche NosDéputés', 'https://2022-2024.nosdeputes.fr/elise-morvan'],
    ]);
  });
});

function follow(subject: 'deputy' | 'senator' | 'ministry', props: FollowProps, lang: Language = 'fr', help?: string) {
  const view = shown(toggleView(document, followToggle(lang, subject, help)));
  const { followed, ...rest } = props;
  view.update({ pressed: followed, ...rest });
  return view.element;
}

function record(props: DeputyRecordProps, lang: Language = 'fr'): HTMLElement {
  const view = shown(recordView(document, lang));
  view.update(props);
  return view.element;
}

describe('the follow button', () => {
  it('is a real toggle, in both languages, acting on trusted clicks only', () => {
    const onToggle = vi.fn();
    const button = follow('deputy', { followed: false, busy: false, onToggle }).querySelector('button')!;
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(button.textContent).toContain('Suivre ce député');
    button.click();
    expect(onToggle).not.toHaveBeenCalled();
    trustedClick(button);
    expect(onToggle).toHaveBeenCalledOnce();
    const followed = follow('deputy', { followed: true, busy: false, error: true, onToggle }, 'en');
    expect(followed.querySelector('button')!.getAttribute('aria-pressed')).toBe('true');
    expect(followed.textContent).toContain('Deputy followed');
    expect(followed.querySelector('[role="alert"]')!.textContent).toBe('The follow could not be saved.');
  });

  it('« Suivre ce sénateur » and « Suivre ce ministère » are real toggles, in both languages', () => {
    const onToggle = vi.fn();
    const senator = follow('senator', { followed: false, busy: false, onToggle }).querySelector('button')!;
    expect(senator.getAttribute('aria-pressed')).toBe('false');
    expect(senator.textContent).toContain('Suivre ce sénateur');
    trustedClick(senator);
    expect(onToggle).toHaveBeenCalledOnce();
    const followed = follow('senator', { followed: true, busy: false, onToggle }, 'en');
    expect(followed.querySelector('button')!.getAttribute('aria-pressed')).toBe('true');
    expect(followed.textContent).toContain('Senator followed');
    const ministry = follow('ministry', { followed: false, busy: false, onToggle }, 'fr', 'aide').querySelector('button')!;
    expect(ministry.textContent).toContain('Suivre ce ministère');
    expect(ministry.getAttribute('title')).toBe('aide');
    expect(follow('ministry', { followed: true, busy: false, onToggle }, 'en').textContent).toContain('Ministry followed');
  });
});

describe('the record', () => {
  it('says the figures neutrally, with their date and source', () => {
    const element = record({ record: RECORD, busy: false });
    const text = element.textContent!;
    expect(text).toContain(
      '25 questions écrites dans la législature ; 12 répondues, dont 4 dans le délai ; 6 en attente et 7 en retard aujourd’hui.',
    );
    expect(text).toContain('Délai médian de réponse : 97 jours.');
    expect(text).toContain('lue le 1er mars 2026');
    expect(element.querySelector('a')!.getAttribute('href')).toBe(RECORD.source);
    // No ranking, no judgement.
    expect(text).not.toMatch(/meilleur|pire|classement|bon|mauvais/i);
  });

  it('offers the one-click reading, says when it failed, and says where it is available when it cannot be read here', () => {
    const onAsk = vi.fn();
    const asking = record({ busy: false, failed: true, onAsk });
    asking.querySelector('button')!.click();
    expect(onAsk).not.toHaveBeenCalled();
    trustedClick(asking.querySelector('button')!);
    expect(onAsk).toHaveBeenCalledOnce();
    expect(asking.querySelector('[role="alert"]')).not.toBeNull();
    expect(record({ busy: false }, 'en').textContent).toBe('Record available from their page on the Assemblée nationale’s site.');
  });
});

describe('the person line with a follow', () => {
  it('carries the button and the record on the deputy’s line', () => {
    const p = line({ name: 'M. Fabrice Exemple', anId: 'PA795321' }, 17, 'fr', true, {
      follow: { follow: { followed: true, busy: false, onToggle: () => undefined }, record: { record: RECORD, busy: false } },
    });
    expect(p.querySelector('button[aria-pressed="true"]')!.textContent).toContain('Député suivi');
    expect(p.querySelector('.record')!.textContent).toContain('25 questions écrites');
  });

  it('the senator line offers « Suivre ce sénateur » and no record', () => {
    const view = shown(personLine(document, 'fr', 'SEN', true));
    view.update({
      deputy: { name: 'M. Jean Dupont', group: { acronym: 'LR' }, constituency: 'Ain', senatSlug: 'dupont_jean01' },
      follow: { follow: { followed: false, busy: false, onToggle: () => undefined }, record: { record: RECORD, busy: false } },
    });
    expect(view.element.querySelector('button.follow__button--senator')!.textContent).toContain('Suivre ce sénateur');
    expect(view.element.querySelector('.record')).toBeNull();
    expect(view.element.textContent).not.toContain('bilan');
    expect(view.element.querySelector('a')!.getAttribute('href')).toBe('https://www.senat.fr/senateur/dupont_jean01.html');
  });
});

describe('updates in place', () => {
  /** The card's buttons by role: the watch toggle, the author's follow, the record's, the ministry's follow. */
  const buttons = (section: Element) => ({
    watch: section.querySelector<HTMLButtonElement>('.card__head button'),
    follow: section.querySelector<HTMLButtonElement>('.deputy .follow__button'),
    record: section.querySelector<HTMLButtonElement>('.record button'),
    ministry: section.querySelector<HTMLButtonElement>('.ministry-line button'),
  });

  it('keeps the same buttons, and the keyboard focus, from « not yet known » to known, busy and failed', () => {
    const question = QUESTIONS.answered!.question;
    const view = shown(questionCard(document, { question, status: questionStatus(question, TODAY), lang: 'fr', source: 'an' }));
    const states = new Map(cardStates('AN', question.ministry));
    view.update(states.get('nothing known')!);
    const first = buttons(view.element);
    expect(first.watch!.disabled).toBe(true);
    expect(first.follow!.disabled).toBe(true);
    expect(first.ministry!.disabled).toBe(true);
    expect(first.record).toBeNull();

    view.update(states.get('known')!);
    const known = buttons(view.element);
    expect(known.watch).toBe(first.watch);
    expect(known.follow).toBe(first.follow);
    expect(known.ministry).toBe(first.ministry);
    expect(known.watch!.disabled).toBe(false);
    expect(known.watch!.getAttribute('aria-pressed')).toBe('false');
    expect(known.record!.textContent).toBe('Voir son bilan de questions écrites');
    known.watch!.focus();
    expect(document.activeElement).toBe(known.watch);

    view.update(states.get('busy')!);
    const busy = buttons(view.element);
    expect(busy).toEqual(known);
    expect(busy.watch!.getAttribute('aria-busy')).toBe('true');
    expect(busy.watch!.getAttribute('aria-pressed')).toBe('true');
    expect(busy.watch!.textContent).toBe('★ Suivie');
    expect(busy.follow!.getAttribute('aria-busy')).toBe('true');
    expect(busy.record!.getAttribute('aria-busy')).toBe('true');

    view.update(states.get('failed')!);
    const failed = buttons(view.element);
    expect(failed).toEqual(known);
    expect(failed.watch!.hasAttribute('aria-busy')).toBe(false);
    expect(view.element.querySelectorAll('[role="alert"]')).toHaveLength(4);
    expect(document.activeElement).toBe(first.watch);

    // The record read, the background gone a while, then back: the toggles come back as the same buttons.
    view.update(states.get('watched, record read')!);
    expect(view.element.querySelector('.record button')).toBeNull();
    expect(view.element.querySelector('.watch__note')?.textContent).toBe('Suivie, mais déjà répondue : Vigie ne la vérifiera plus.');
    view.update(states.get('background unavailable')!);
    expect(buttons(view.element)).toEqual({ watch: null, follow: null, record: null, ministry: null });
    view.update(states.get('known again')!);
    const again = buttons(view.element);
    expect(again.watch).toBe(first.watch);
    expect(again.follow).toBe(first.follow);
    expect(again.ministry).toBe(first.ministry);
    expect(again.record).toBe(known.record);
  });

  it('keeps the deputy card’s follow button through its states', () => {
    const { deputy } = DEPUTIES.deputy!;
    const view = shown(deputyCard(document, deputy, 'en'));
    const states = cardStates('AN', undefined);
    view.update(states[0]![1].follow);
    const button = view.element.querySelector('button')!;
    for (const [, state] of states.slice(1, 5)) {
      view.update(state.follow);
      expect(view.element.querySelector('.follow__button')).toBe(button);
    }
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(button.textContent).toBe('● Deputy followed');
  });

  it('acts on a user’s click only, and not while the answer is awaited or being saved', () => {
    const question = QUESTIONS.closed!.question;
    const view = shown(questionCard(document, { question, status: questionStatus(question, TODAY), lang: 'fr', source: 'nosdeputes' }));
    const onToggle = vi.fn();
    const onFollow = vi.fn();
    const onAsk = vi.fn();
    const state = (props: { busy: boolean; pending?: boolean }): QuestionCardState => ({
      watch: { watched: false, ...props, onToggle },
      follow: { follow: { followed: false, ...props, onToggle: onFollow }, record: { busy: props.busy, onAsk } },
    });
    view.update(state({ busy: false, pending: true }));
    const { watch, follow: followButton } = buttons(view.element);
    trustedClick(watch!);
    trustedClick(followButton!);
    view.update(state({ busy: true }));
    trustedClick(watch!);
    trustedClick(followButton!);
    trustedClick(buttons(view.element).record!);
    view.update(state({ busy: false }));
    for (const button of [watch!, followButton!, buttons(view.element).record!]) {
      button.click();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    }
    expect(onToggle).not.toHaveBeenCalled();
    expect(onFollow).not.toHaveBeenCalled();
    expect(onAsk).not.toHaveBeenCalled();
    trustedClick(watch!);
    trustedClick(followButton!);
    trustedClick(buttons(view.element).record!);
    expect([onToggle.mock.calls.length, onFollow.mock.calls.length, onAsk.mock.calls.length]).toEqual([1, 1, 1]);
  });
});

describe('odd input', () => {
  it('draws a card, without throwing, from a question with next to nothing known', () => {
    const bare = { id: 'AN-17-QE-1', chamber: 'AN', legislature: 17, type: 'QE', number: 1, author: { name: '' }, urls: {} } as Question;
    for (const source of ['an', 'nosdeputes', 'senat', 'nossenateurs'] as const) {
      const section = card(bare, source, 'en', {
        authorFacts: { name: '', group: {} },
        follow: { follow: { followed: false, busy: false, onToggle: () => undefined } },
      });
      expect(section.querySelector('.badge')).not.toBeNull();
      expect(section.querySelector('.deputy__name')).toBeNull();
      expect(section.querySelector('ol.timeline')).toBeNull();
    }
  });

  it('takes the same state twice, and states in any order, without a change or a throw', () => {
    const question = QUESTIONS.senate!.question;
    const view = shown(questionCard(document, { question, status: questionStatus(question, TODAY), lang: 'fr', source: 'senat' }));
    const states = cardStates('SEN', question.ministry);
    for (const [, state] of [...states].reverse()) {
      view.update(state);
      const before = view.element.outerHTML;
      view.update(state);
      expect(view.element.outerHTML).toBe(before);
    }
  });

  it('writes hostile words as text in the late facts and the ministry’s title', () => {
    const section = card(LEG17, 'an', 'fr', {
      authorFacts: { group: { name: IMG }, constituency: IMG, mandateStart: '2024-07-18' },
      ministryFollow: { title: IMG, chamber: 'AN', followed: false, busy: false, onToggle: () => undefined },
    });
    expect(section.querySelectorAll('img,script')).toHaveLength(0);
    expect(section.querySelector('.ministry-line__title')!.textContent).toBe(`Ministère : ${IMG}`);
    expect(facts(section.querySelector('.deputy')!)).toEqual([IMG, IMG, 'en mandat depuis le 18 juillet 2024']);
  });
});
