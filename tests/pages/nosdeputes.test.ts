/**
 * Legacy NosDéputés pages (legislatures 13–16): question page, deputy's question list, search
 * results, deputy page. Every parse runs under both DOM implementations, and every status is
 * checked for a fixed day.
 */
import { TODAY, deputyOf, itemsOf, questionOf } from '../helpers/pages';
import { describe, expect, it } from 'vitest';
import { type Deputy, type QuestionRef } from '../../lib/model';
import { detectPage, parsePage, type PageParse } from '../../lib/sites';
import { nosdeputesSite } from '../../lib/sites/nosdeputes';
import { questionStatus, refStatus, type QuestionState, type QuestionStatus } from '../../lib/status';
import { textOf } from '../../lib/text';
import { DOM_IMPLEMENTATIONS, documentFromHtml, fixtureDocument, fixtureText, type DomImplementation } from '../helpers/dom';
import { cutPoints, SWEEP_TIMEOUT_MS } from '../helpers/sweep';

function read(file: string, url: string, dom: DomImplementation): PageParse {
  return parsePage(fixtureDocument(`nosdeputes/${file}`, dom, url), url);
}

/** The site's own parser, without parsePage's try/catch: bad input must not make it throw either. */
function parseDirect(html: string, url: string, dom: DomImplementation): PageParse {
  const parsed = new URL(url);
  const definition = nosdeputesSite.pages.find((page) => page.detect(parsed));
  if (!definition) throw new Error(`No NosDéputés reader for ${url}`);
  const doc = documentFromHtml(html, dom, url);
  try {
    return definition.parse(doc, parsed);
  } finally {
    // happy-dom keeps a window per document: close it, the sweeps below parse hundreds.
    if (dom === 'happy-dom') void (doc.defaultView as unknown as { close?: () => unknown } | null)?.close?.();
  }
}

const SEED_URL = 'https://2017-2022.nosdeputes.fr/15/question/QE/19189';
const an = (uid: string) => `https://www.assemblee-nationale.fr/dyn/${/^QANR5L(\d+)/.exec(uid)![1]}/questions/${uid}`;

// ---------------------------------------------------------------------------------------------
// Question pages
// ---------------------------------------------------------------------------------------------

interface QuestionCase {
  title: string;
  file: string;
  url: string;
  question: Record<string, unknown>;
  status: QuestionStatus;
}

const QUESTION_CASES: QuestionCase[] = [
  {
    title: 'seed 15/QE/19189: R with motif "fin de mandat", archive host',
    file: 'q-retiree.html',
    url: SEED_URL,
    question: {
      id: 'AN-15-QE-19189',
      chamber: 'AN',
      legislature: 15,
      type: 'QE',
      number: 19189,
      author: { name: 'Julien Dive', slug: 'julien-dive' },
      answeringMinistry: 'Ministère de la santé',
      publishedOn: '2019-04-30',
      closedOn: '2022-06-21',
      closedReason: 'fin de mandat',
      text: expect.stringMatching(
        /^M\. Julien Dive attire l'attention de Mme la ministre des solidarités et de la santé .* outil public de prise de rendez-vous\.$/,
      ),
      urls: { an: an('QANR5L15QE19189'), nosdeputes: 'https://2017-2022.nosdeputes.fr/15/question/QE/19189' },
    },
    status: {
      state: 'closed',
      signaled: false,
      dueOn: '2019-06-30',
      closedOn: '2022-06-21',
      closedReason: 'fin de mandat',
      closure: 'lapsed',
      lapsedAtEndOf: 15,
      daysOpen: 1148,
      daysLate: 1087,
    },
  },
  {
    title: 'A: "Réponse émise le …" with the answer text',
    file: 'q-repondue.html',
    url: 'https://2017-2022.nosdeputes.fr/15/question/QE/24567',
    question: {
      id: 'AN-15-QE-24567',
      chamber: 'AN',
      legislature: 15,
      type: 'QE',
      number: 24567,
      author: { name: 'Hélène Vasseur', slug: 'helene-vasseur' },
      answeringMinistry: "Ministère de l'agriculture",
      publishedOn: '2019-11-26',
      answeredOn: '2020-02-04',
      text: expect.stringMatching(/^Mme Hélène Vasseur attire l'attention de M\. le ministre de l'agriculture/),
      answerText: expect.stringMatching(/^Le Gouvernement a fixé, après consultation du public, .* l'acquisition de ces équipements\.$/),
      urls: { an: an('QANR5L15QE24567'), nosdeputes: 'https://2017-2022.nosdeputes.fr/15/question/QE/24567' },
    },
    status: { state: 'answered', signaled: false, dueOn: '2020-01-26', answeredOn: '2020-02-04', daysOpen: 70, daysLate: 9 },
  },
  {
    title: 'P: "Réponse" + "Cette question n\'a pas encore de réponse." on www (16th)',
    file: 'q-sans-reponse.html',
    url: 'https://www.nosdeputes.fr/16/question/QE/12874',
    question: {
      id: 'AN-16-QE-12874',
      chamber: 'AN',
      legislature: 16,
      type: 'QE',
      number: 12874,
      author: { name: 'Élise Morvan', slug: 'elise-morvan', group: { acronym: 'REN', name: 'Renaissance' } },
      answeringMinistry: "Ministère de l'éducation nationale",
      publishedOn: '2023-11-07',
      text: expect.stringMatching(/^Mme Élise Morvan attire l'attention .* continuité du service public de l'éducation\.$/),
      urls: { an: an('QANR5L16QE12874'), nosdeputes: 'https://2022-2024.nosdeputes.fr/16/question/QE/12874' },
    },
    status: {
      state: 'closed',
      signaled: false,
      dueOn: '2024-01-07',
      closedOn: '2024-06-09',
      closure: 'lapsed',
      closureInferred: true,
      lapsedAtEndOf: 16,
      daysOpen: 215,
      daysLate: 154,
    },
  },
  {
    title: 'R without motif: "Retirée le {date}" only',
    file: 'q-retiree-sans-motif.html',
    url: 'https://www.nosdeputes.fr/16/question/QE/9120',
    question: {
      id: 'AN-16-QE-9120',
      chamber: 'AN',
      legislature: 16,
      type: 'QE',
      number: 9120,
      author: { name: 'Élise Morvan', slug: 'elise-morvan', group: { acronym: 'REN', name: 'Renaissance' } },
      answeringMinistry: "Ministère de l'intérieur",
      publishedOn: '2023-06-13',
      closedOn: '2023-10-03',
      closedReason: 'Retirée',
      text: expect.stringMatching(/^Mme Élise Morvan interroge M\. le ministre de l'intérieur/),
      urls: { an: an('QANR5L16QE9120'), nosdeputes: 'https://2022-2024.nosdeputes.fr/16/question/QE/9120' },
    },
    status: {
      state: 'closed',
      signaled: false,
      dueOn: '2023-08-13',
      closedOn: '2023-10-03',
      closedReason: 'Retirée',
      closure: 'other',
      daysOpen: 112,
      daysLate: 51,
    },
  },
  {
    title: 'A0: "<h2>Réponse</h2>" + answer, no date → answered without date',
    file: 'q-reponse-sans-date.html',
    url: 'https://2017-2022.nosdeputes.fr/15/question/QE/31877',
    question: {
      id: 'AN-15-QE-31877',
      chamber: 'AN',
      legislature: 15,
      type: 'QE',
      number: 31877,
      author: { name: 'Hélène Vasseur', slug: 'helene-vasseur' },
      answeringMinistry: 'Ministère de la transition écologique',
      publishedOn: '2020-11-03',
      text: expect.stringMatching(/^Mme Hélène Vasseur attire l'attention .* zone rurale ; elle lui demande/),
      answerText:
        "Le Gouvernement a renforcé en 2021 les aides au remplacement des chaudières au fioul par des équipements utilisant des énergies renouvelables. Les ménages aux revenus modestes et très modestes bénéficient de montants bonifiés, cumulables avec les certificats d'économies d'énergie.\n\nUn bilan de ces dispositifs sera présenté au Parlement à l'issue de l'année 2022.",
      urls: { an: an('QANR5L15QE31877'), nosdeputes: 'https://2017-2022.nosdeputes.fr/15/question/QE/31877' },
    },
    status: { state: 'answered', signaled: false, dueOn: '2021-01-03' },
  },
  {
    title: 'F: "Réponse à venir le …" → the announced date, closed on it once past',
    file: 'q-reponse-a-venir.html',
    url: 'https://www.nosdeputes.fr/16/question/QE/15871',
    question: {
      id: 'AN-16-QE-15871',
      chamber: 'AN',
      legislature: 16,
      type: 'QE',
      number: 15871,
      author: { name: 'Karim Benhaddou', slug: 'karim-benhaddou', group: { acronym: 'LFI-NUPES', name: 'La France insoumise - NUPES' } },
      answeringMinistry: 'Ministère du travail',
      publishedOn: '2024-03-05',
      announcedOn: '2024-04-09',
      text: expect.stringMatching(/^M\. Karim Benhaddou interroge/),
      urls: { an: an('QANR5L16QE15871'), nosdeputes: 'https://2022-2024.nosdeputes.fr/16/question/QE/15871' },
    },
    status: { state: 'closed', signaled: false, dueOn: '2024-05-05', closedOn: '2024-04-09', closure: 'other', daysOpen: 35, daysLate: 0 },
  },
  {
    title: '14th legislature (2012-2017 host, "par email" alert, apparenté group in the photo title)',
    file: 'q14-retiree.html',
    url: 'https://2012-2017.nosdeputes.fr/14/question/QE/104512',
    question: {
      id: 'AN-14-QE-104512',
      chamber: 'AN',
      legislature: 14,
      type: 'QE',
      number: 104512,
      author: {
        name: 'Bernard Lefèvre',
        slug: 'bernard-lefevre',
        group: { acronym: 'SER', name: 'Socialiste, écologiste et républicain' },
      },
      answeringMinistry: "Ministère de l'agriculture",
      publishedOn: '2017-02-28',
      closedOn: '2017-06-20',
      closedReason: 'fin de mandat',
      text: expect.stringMatching(/^M\. Bernard Lefèvre attire l'attention .* à quelle date les paiements seront effectués\.$/),
      urls: { an: an('QANR5L14QE104512'), nosdeputes: 'https://2012-2017.nosdeputes.fr/14/question/QE/104512' },
    },
    status: {
      state: 'closed',
      signaled: false,
      dueOn: '2017-04-28',
      closedOn: '2017-06-20',
      closedReason: 'fin de mandat',
      closure: 'lapsed',
      lapsedAtEndOf: 14,
      daysOpen: 112,
      daysLate: 53,
    },
  },
  {
    title: '13th legislature (2007-2012 host, no alert box, no /13 prefix), one-month deadline before the 2009 reform',
    file: 'q13-repondue.html',
    url: 'https://2007-2012.nosdeputes.fr/question/QE/21346',
    question: {
      id: 'AN-13-QE-21346',
      chamber: 'AN',
      legislature: 13,
      type: 'QE',
      number: 21346,
      author: { name: 'Jacques Perrin', slug: 'jacques-perrin' },
      answeringMinistry: 'Ministère de la santé',
      publishedOn: '2008-04-22',
      answeredOn: '2008-12-09',
      text: expect.stringMatching(/^M\. Jacques Perrin attire l'attention/),
      answerText: expect.stringMatching(/^La continuité de l'accueil des urgences/),
      urls: { an: an('QANR5L13QE21346'), nosdeputes: 'https://2007-2012.nosdeputes.fr/13/question/QE/21346' },
    },
    status: { state: 'answered', signaled: false, dueOn: '2008-05-22', answeredOn: '2008-12-09', daysOpen: 231, daysLate: 201 },
  },
  {
    title: '13th legislature, same page with the /13 prefix',
    file: 'q13-repondue.html',
    url: 'https://2007-2012.nosdeputes.fr/13/question/QE/21346',
    question: {
      id: 'AN-13-QE-21346',
      chamber: 'AN',
      legislature: 13,
      type: 'QE',
      number: 21346,
      author: { name: 'Jacques Perrin', slug: 'jacques-perrin' },
      answeringMinistry: 'Ministère de la santé',
      publishedOn: '2008-04-22',
      answeredOn: '2008-12-09',
      text: expect.any(String),
      answerText: expect.any(String),
      urls: { an: an('QANR5L13QE21346'), nosdeputes: 'https://2007-2012.nosdeputes.fr/13/question/QE/21346' },
    },
    status: { state: 'answered', signaled: false, dueOn: '2008-05-22', answeredOn: '2008-12-09', daysOpen: 231, daysLate: 201 },
  },
  {
    title: 'A with renamed classes, wrapper divs, &nbsp; in the labels, answer block before the question',
    file: 'q-variante-balisage.html',
    url: 'https://www.nosdeputes.fr/16/question/QE/11907',
    question: {
      id: 'AN-16-QE-11907',
      chamber: 'AN',
      legislature: 16,
      type: 'QE',
      number: 11907,
      author: { name: 'Élise Morvan', slug: 'elise-morvan' },
      answeringMinistry: 'Ministère de la transition écologique',
      publishedOn: '2023-10-03',
      answeredOn: '2024-01-30',
      answerText: expect.stringMatching(/^Le Gouvernement a engagé, dans le cadre du plan eau/),
      urls: { an: an('QANR5L16QE11907'), nosdeputes: 'https://2022-2024.nosdeputes.fr/16/question/QE/11907' },
    },
    status: { state: 'answered', signaled: false, dueOn: '2023-12-03', answeredOn: '2024-01-30', daysOpen: 119, daysLate: 58 },
  },
  {
    title: 'P with wrapper divs, typographic apostrophe, &nbsp; before the colon of the photo title',
    file: 'q-sans-reponse-variante.html',
    url: 'https://www.nosdeputes.fr/16/question/QE/15230',
    question: {
      id: 'AN-16-QE-15230',
      chamber: 'AN',
      legislature: 16,
      type: 'QE',
      number: 15230,
      author: { name: 'Élise Morvan', slug: 'elise-morvan', group: { acronym: 'REN', name: 'Renaissance' } },
      answeringMinistry: "Ministère de l'agriculture",
      publishedOn: '2024-02-20',
      text: expect.stringMatching(/^Mme Élise Morvan attire l'attention de M\. le ministre de l'agriculture/),
      urls: { an: an('QANR5L16QE15230'), nosdeputes: 'https://2022-2024.nosdeputes.fr/16/question/QE/15230' },
    },
    status: {
      state: 'closed',
      signaled: false,
      dueOn: '2024-04-20',
      closedOn: '2024-06-09',
      closure: 'lapsed',
      closureInferred: true,
      lapsedAtEndOf: 16,
      daysOpen: 110,
      daysLate: 50,
    },
  },
  {
    title: 'labels without values → unreadable, status unknown',
    file: 'q-labels-vides.html',
    url: 'https://2017-2022.nosdeputes.fr/15/question/QE/4410',
    question: {
      id: 'AN-15-QE-4410',
      chamber: 'AN',
      legislature: 15,
      type: 'QE',
      number: 4410,
      author: { name: 'Paul Garnier', slug: 'paul-garnier' },
      unreadableStatus: 'no status block',
      urls: { an: an('QANR5L15QE4410'), nosdeputes: 'https://2017-2022.nosdeputes.fr/15/question/QE/4410' },
    },
    status: { state: 'unknown', signaled: false },
  },
  {
    title: 'P on the 16th archive host, nothing about the dissolution: lapsed on 9 June 2024, by the calendar',
    file: 'q16-archive-sans-reponse.html',
    url: 'https://2022-2024.nosdeputes.fr/16/question/QE/14032',
    question: {
      id: 'AN-16-QE-14032',
      chamber: 'AN',
      legislature: 16,
      type: 'QE',
      number: 14032,
      author: {
        name: 'Marc Lestrade',
        slug: 'marc-lestrade',
        group: { acronym: 'LIOT', name: 'Libertés, Indépendants, Outre-mer et Territoires' },
      },
      answeringMinistry: 'Ministère de la santé',
      publishedOn: '2024-01-09',
      text: expect.stringMatching(/^M\. Marc Lestrade attire l'attention .* dans les territoires ruraux\.$/),
      urls: { an: an('QANR5L16QE14032'), nosdeputes: 'https://2022-2024.nosdeputes.fr/16/question/QE/14032' },
    },
    status: {
      state: 'closed',
      signaled: false,
      dueOn: '2024-03-09',
      closedOn: '2024-06-09',
      closure: 'lapsed',
      closureInferred: true,
      lapsedAtEndOf: 16,
      daysOpen: 152,
      daysLate: 92,
    },
  },
];

describe.each(DOM_IMPLEMENTATIONS)('NosDéputés question page (%s)', (dom) => {
  it.each(QUESTION_CASES)('$title', ({ file, url, question, status }) => {
    expect(detectPage(url)).toBe('nosdeputes-question');
    const parsed = questionOf(read(file, url, dom));
    expect(parsed).toStrictEqual(question);
    expect(questionStatus(parsed, TODAY)).toStrictEqual(status);
  });

  it('reads the seed question as closed at the end of the mandate, 1148 days after publication', () => {
    const status = questionStatus(questionOf(read('q-retiree.html', SEED_URL, dom)), TODAY);
    expect(status.state).toBe('closed');
    expect(status.closedReason).toBe('fin de mandat');
    expect(status.daysOpen).toBe(1148);
  });

  it('reads « Réponse à venir le 9 avril 2024 » as pending with that date until it has passed', () => {
    const question = questionOf(read('q-reponse-a-venir.html', 'https://www.nosdeputes.fr/16/question/QE/15871', dom));
    expect(questionStatus(question, '2024-04-09')).toStrictEqual({
      state: 'pending',
      signaled: false,
      dueOn: '2024-05-05',
      announcedOn: '2024-04-09',
      daysOpen: 35,
    });
    expect(questionStatus(question, '2024-04-10')).toMatchObject({ state: 'closed', closedOn: '2024-04-09' });
  });

  it('reads a page reached through an old http: link as the same page, with https links', () => {
    const url = 'http://2017-2022.nosdeputes.fr/15/question/QE/19189';
    expect(detectPage(url)).toBe('nosdeputes-question');
    expect(questionOf(read('q-retiree.html', url, dom))).toStrictEqual(questionOf(read('q-retiree.html', SEED_URL, dom)));
  });
});

// ---------------------------------------------------------------------------------------------
// Deputy's list and search results
// ---------------------------------------------------------------------------------------------

interface ListCase {
  title: string;
  file: string;
  url: string;
  kind: 'nosdeputes-deputy-questions' | 'nosdeputes-search';
  heading: 'H2' | 'H4';
  items: { ref: QuestionRef; status: QuestionStatus }[];
}

/** The item's address is the Assemblée's, derived from its key, whatever the list links to (reliability D8). */
const ref = (legislature: number, number: number, rest: Partial<QuestionRef>): QuestionRef => ({
  id: `AN-${legislature}-QE-${number}`,
  legislature,
  type: 'QE',
  number,
  url: `https://www.assemblee-nationale.fr/dyn/${legislature}/questions/QANR5L${legislature}QE${number}`,
  answered: false,
  closed: false,
  pending: false,
  ...rest,
});

/** The five questions of list-deputy-questions.html and list-search-questions.html. */
const MORVAN_ITEMS: ListCase['items'] = [
  {
    ref: ref(16, 15230, {
      publishedOn: '2024-02-20',
      pending: true,
      ministry: "Ministère de l'agriculture et de la souveraineté alimentaire",
    }),
    status: {
      state: 'closed',
      signaled: false,
      dueOn: '2024-04-20',
      closedOn: '2024-06-09',
      closure: 'lapsed',
      closureInferred: true,
      lapsedAtEndOf: 16,
      daysOpen: 110,
      daysLate: 50,
    },
  },
  {
    ref: ref(16, 11907, {
      publishedOn: '2023-10-03',
      answeredOn: '2024-01-30',
      answered: true,
      ministry: 'Ministère de la transition écologique et de la cohésion des territoires',
    }),
    status: { state: 'answered', signaled: false, dueOn: '2023-12-03', answeredOn: '2024-01-30', daysOpen: 119, daysLate: 58 },
  },
  {
    ref: ref(16, 12874, {
      publishedOn: '2023-11-07',
      pending: true,
      ministry: "Ministère de l'éducation nationale et de la jeunesse",
    }),
    status: {
      state: 'closed',
      signaled: false,
      dueOn: '2024-01-07',
      closedOn: '2024-06-09',
      closure: 'lapsed',
      closureInferred: true,
      lapsedAtEndOf: 16,
      daysOpen: 215,
      daysLate: 154,
    },
  },
  {
    ref: ref(16, 9120, { publishedOn: '2023-06-13', closed: true, ministry: "Ministère de l'intérieur et des outre-mer" }),
    status: { state: 'closed', signaled: false, dueOn: '2023-08-13', closure: 'other' },
  },
  {
    ref: ref(16, 6044, {
      publishedOn: '2023-02-21',
      answeredOn: '2023-07-11',
      answered: true,
      ministry: 'Ministère de la santé et de la prévention',
    }),
    status: { state: 'answered', signaled: false, dueOn: '2023-04-21', answeredOn: '2023-07-11', daysOpen: 140, daysLate: 81 },
  },
];

const LIST_CASES: ListCase[] = [
  {
    title: "deputy's list on the 16th archive host, closures never loaded: « Sans réponse » lapsed on 9 June 2024",
    file: 'list16-archive-deputy-questions.html',
    url: 'https://2022-2024.nosdeputes.fr/marc-lestrade/questions',
    kind: 'nosdeputes-deputy-questions',
    heading: 'H2',
    items: [
      {
        ref: ref(16, 14032, {
          publishedOn: '2024-01-09',
          pending: true,
          ministry: 'Ministère de la santé et de la prévention',
        }),
        status: {
          state: 'closed',
          signaled: false,
          dueOn: '2024-03-09',
          closedOn: '2024-06-09',
          closure: 'lapsed',
          closureInferred: true,
          lapsedAtEndOf: 16,
          daysOpen: 152,
          daysLate: 92,
        },
      },
      {
        ref: ref(16, 15402, {
          publishedOn: '2024-05-07',
          pending: true,
          ministry: "Ministère de l'agriculture et de la souveraineté alimentaire",
        }),
        status: {
          state: 'closed',
          signaled: false,
          dueOn: '2024-07-07',
          closedOn: '2024-06-09',
          closure: 'lapsed',
          closureInferred: true,
          lapsedAtEndOf: 16,
          daysOpen: 33,
          daysLate: 0,
        },
      },
      {
        ref: ref(16, 10553, {
          publishedOn: '2023-09-12',
          answeredOn: '2023-11-28',
          answered: true,
          ministry: 'Ministère de la transition écologique et de la cohésion des territoires',
        }),
        status: { state: 'answered', signaled: false, dueOn: '2023-11-12', answeredOn: '2023-11-28', daysOpen: 77, daysLate: 16 },
      },
      {
        ref: ref(16, 8810, { publishedOn: '2023-05-30', closed: true, ministry: "Ministère de l'intérieur et des outre-mer" }),
        status: { state: 'closed', signaled: false, dueOn: '2023-07-30', closure: 'other' },
      },
    ],
  },
  {
    title: "deputy's list on www (16th): Sans réponse, Réponse le, Retirée",
    file: 'list-deputy-questions.html',
    url: 'https://www.nosdeputes.fr/elise-morvan/questions',
    kind: 'nosdeputes-deputy-questions',
    heading: 'H2',
    items: MORVAN_ITEMS,
  },
  {
    title: "deputy's list, page 2: (Réponse le //), an unknown suffix, a question shown twice",
    file: 'list-deputy-questions-page2.html',
    url: 'https://www.nosdeputes.fr/marc-ollivier/questions?page=2',
    kind: 'nosdeputes-deputy-questions',
    heading: 'H2',
    items: [
      {
        ref: ref(16, 8412, { publishedOn: '2023-05-30', answered: true, ministry: 'Ministère de la santé et de la prévention' }),
        status: { state: 'answered', signaled: false, dueOn: '2023-07-30' },
      },
      {
        ref: ref(16, 7020, { unreadableStatus: 'status words not found' }),
        status: { state: 'unknown', signaled: false },
      },
      {
        ref: ref(16, 5518, { publishedOn: '2023-02-07', answeredOn: '2023-05-16', answered: true, ministry: 'Ministère des armées' }),
        status: { state: 'answered', signaled: false, dueOn: '2023-04-07', answeredOn: '2023-05-16', daysOpen: 98, daysLate: 39 },
      },
    ],
  },
  {
    title: "deputy's list on the 14th legislature's archive host",
    file: 'list14-deputy-questions.html',
    url: 'https://2012-2017.nosdeputes.fr/bernard-lefevre/questions',
    kind: 'nosdeputes-deputy-questions',
    heading: 'H2',
    items: [
      {
        ref: ref(14, 104512, {
          publishedOn: '2017-02-28',
          closed: true,
          ministry: "Ministère de l'agriculture, de l'agroalimentaire et de la forêt",
        }),
        status: { state: 'closed', signaled: false, dueOn: '2017-04-28', closure: 'other' },
      },
      {
        ref: ref(14, 99310, {
          publishedOn: '2016-09-27',
          answeredOn: '2017-02-14',
          answered: true,
          ministry: "Ministère de l'environnement, de l'énergie et de la mer",
        }),
        status: { state: 'answered', signaled: false, dueOn: '2016-11-27', answeredOn: '2017-02-14', daysOpen: 140, daysLate: 79 },
      },
      {
        ref: ref(14, 87655, {
          publishedOn: '2016-07-12',
          answeredOn: '2016-09-20',
          answered: true,
          ministry: "Ministère de l'éducation nationale, de l'enseignement supérieur et de la recherche",
        }),
        status: { state: 'answered', signaled: false, dueOn: '2016-09-12', answeredOn: '2016-09-20', daysOpen: 70, daysLate: 8 },
      },
    ],
  },
  {
    title: 'search results filtered on written questions (www)',
    file: 'list-search-questions.html',
    url: 'https://www.nosdeputes.fr/recherche/?object_name=QuestionEcrite&tag=parlementaire%3Delise+morvan&sort=1',
    kind: 'nosdeputes-search',
    heading: 'H4',
    items: MORVAN_ITEMS,
  },
  {
    title: 'search results mixing types: only written questions kept, a link to another number skipped',
    file: 'search-mixed.html',
    url: 'https://www.nosdeputes.fr/recherche/%C3%A9olien?object_name=QuestionEcrite',
    kind: 'nosdeputes-search',
    heading: 'H4',
    items: [
      {
        ref: ref(16, 13502, { publishedOn: '2023-12-05', pending: true, ministry: 'Ministère de la transition énergétique' }),
        status: {
          state: 'closed',
          signaled: false,
          dueOn: '2024-02-05',
          closedOn: '2024-06-09',
          closure: 'lapsed',
          closureInferred: true,
          lapsedAtEndOf: 16,
          daysOpen: 187,
          daysLate: 125,
        },
      },
      {
        ref: ref(16, 10233, {
          publishedOn: '2023-07-18',
          answeredOn: '2023-10-24',
          answered: true,
          ministry: 'Ministère de la transition énergétique',
        }),
        status: { state: 'answered', signaled: false, dueOn: '2023-09-18', answeredOn: '2023-10-24', daysOpen: 98, daysLate: 36 },
      },
    ],
  },
  {
    title: 'written-question search on the 14th archive host: (Réponse le //), absolute link',
    file: 'search14.html',
    url: 'https://2012-2017.nosdeputes.fr/rechercher/questions/abattoirs',
    kind: 'nosdeputes-search',
    heading: 'H4',
    items: [
      {
        ref: ref(14, 101877, {
          publishedOn: '2016-12-06',
          closed: true,
          ministry: "Ministère de l'agriculture, de l'agroalimentaire et de la forêt",
        }),
        status: { state: 'closed', signaled: false, dueOn: '2017-02-06', closure: 'other' },
      },
      {
        ref: ref(14, 96408, {
          publishedOn: '2016-06-14',
          answered: true,
          ministry: "Ministère de l'agriculture, de l'agroalimentaire et de la forêt",
        }),
        status: { state: 'answered', signaled: false, dueOn: '2016-08-14' },
      },
      {
        ref: ref(14, 94120, {
          publishedOn: '2016-03-29',
          pending: true,
          ministry: "Ministère de l'agriculture, de l'agroalimentaire et de la forêt",
        }),
        status: {
          state: 'closed',
          signaled: false,
          dueOn: '2016-05-29',
          closedOn: '2017-06-20',
          closure: 'lapsed',
          closureInferred: true,
          lapsedAtEndOf: 14,
          daysOpen: 448,
          daysLate: 387,
        },
      },
    ],
  },
];

describe.each(DOM_IMPLEMENTATIONS)('NosDéputés question lists (%s)', (dom) => {
  it.each(LIST_CASES)('$title', ({ file, url, kind, heading, items: expected }) => {
    expect(detectPage(url)).toBe(kind);
    const items = itemsOf(read(file, url, dom));
    expect(items.map((item) => item.ref)).toStrictEqual(expected.map((e) => e.ref));
    expect(items.map((item) => refStatus(item.ref, TODAY))).toStrictEqual(expected.map((e) => e.status));
    for (const item of items) {
      // The badge goes on the item's title heading, the one that links to the question.
      expect(item.element.tagName).toBe(heading);
      expect(textOf(item.element)).toMatch(new RegExp(`^Question Écrite N° ${item.ref.number} du `));
      const link = item.element.querySelector('a[href*="/question/QE/"]');
      expect(new URL(link!.getAttribute('href')!, url).pathname).toMatch(new RegExp(`/question/QE/${item.ref.number}$`));
    }
  });

  it('keeps the first of two identical items', () => {
    const url = 'https://www.nosdeputes.fr/marc-ollivier/questions?page=2';
    const doc = fixtureDocument('nosdeputes/list-deputy-questions-page2.html', dom, url);
    const items = itemsOf(parsePage(doc, url));
    expect(items.filter((item) => item.ref.number === 5518)).toHaveLength(1);
    const headings = Array.from(doc.querySelectorAll('.interventions h2')).filter((h) => textOf(h).includes('N° 5518 '));
    expect(headings).toHaveLength(2);
    expect(items.find((item) => item.ref.number === 5518)!.element).toBe(headings[0]);
  });

  it('does not read an unfiltered search (mixed types) as a question list', () => {
    const url = 'https://www.nosdeputes.fr/recherche/%C3%A9olien';
    expect(detectPage(url)).toBeNull();
    expect(read('search-mixed.html', url, dom)).toStrictEqual({ kind: 'other' });
  });
});

// ---------------------------------------------------------------------------------------------
// Deputy pages
// ---------------------------------------------------------------------------------------------

const DEPUTY_CASES: { title: string; file: string; url: string; deputy: Deputy }[] = [
  {
    title: 'sitting deputy on www (16th)',
    file: 'deputy.html',
    url: 'https://www.nosdeputes.fr/elise-morvan',
    deputy: {
      name: 'Élise Morvan',
      slug: 'elise-morvan',
      anId: 'PA795321',
      group: { acronym: 'REN', name: 'Renaissance' },
      constituency: 'Finistère (3e circonscription)',
      mandateStart: '2022-06-22',
      legislature: 16,
    },
  },
  {
    title: 'ancienne députée with a finished mandate ("Mandat clos rempli du … au …")',
    file: 'deputy-ancienne.html',
    url: 'https://2017-2022.nosdeputes.fr/claire-dumontet',
    deputy: {
      name: 'Claire Dumontet',
      slug: 'claire-dumontet',
      anId: 'PA720118',
      group: { acronym: 'LREM', name: 'La République en Marche' },
      constituency: 'Gironde (4e circonscription)',
      mandateStart: '2017-06-21',
      mandateEnd: '2020-08-03',
      legislature: 15,
    },
  },
  {
    title: 'député apparenté, &nbsp; around the colons, 1ère circonscription',
    file: 'deputy-apparente.html',
    url: 'https://www.nosdeputes.fr/jean-marc-kervella',
    deputy: {
      name: 'Jean-Marc Kervella',
      slug: 'jean-marc-kervella',
      anId: 'PA795877',
      group: { acronym: 'LR', name: 'Les Républicains' },
      constituency: "Côtes-d'Armor (1re circonscription)",
      mandateStart: '2022-06-22',
      legislature: 16,
    },
  },
  {
    title: '15th archive page of an ancien député re-elected in 2022 ("Ce député a été réélu" h3)',
    file: 'deputy-15-reelu.html',
    url: 'https://2017-2022.nosdeputes.fr/thierry-gaudin',
    deputy: {
      name: 'Thierry Gaudin',
      slug: 'thierry-gaudin',
      anId: 'PA719560',
      group: { acronym: 'LR', name: 'Les Républicains' },
      constituency: 'Somme (3e circonscription)',
      mandateStart: '2017-06-21',
      mandateEnd: '2022-06-21',
      legislature: 15,
    },
  },
];

describe.each(DOM_IMPLEMENTATIONS)('NosDéputés deputy page (%s)', (dom) => {
  it.each(DEPUTY_CASES)('$title', ({ file, url, deputy }) => {
    expect(detectPage(url)).toBe('nosdeputes-deputy');
    expect(deputyOf(read(file, url, dom))).toStrictEqual(deputy);
  });

  it('reads the page by its labels when the class names change', () => {
    const { file, url, deputy } = DEPUTY_CASES[0]!;
    const html = fixtureText(`nosdeputes/${file}`)
      .replace(/class="fiche_depute"/g, 'class="depute-fiche"')
      .replace(/class="info_depute"/g, 'class="depute-entete"')
      .replace(/class="contenu_depute"/g, 'class="depute-corps"')
      .replace(/class="boite_depute"/g, 'class="depute-boite"');
    expect(html).not.toMatch(/info_depute|contenu_depute/);
    expect(deputyOf(parseDirect(html, url, dom))).toStrictEqual(deputy);
  });
});

// ---------------------------------------------------------------------------------------------
// Bad input
// ---------------------------------------------------------------------------------------------

const QUESTION_URL = SEED_URL;
const PAGE_URLS = [
  QUESTION_URL,
  'https://www.nosdeputes.fr/16/question/QE/12874',
  'https://www.nosdeputes.fr/elise-morvan/questions',
  'https://www.nosdeputes.fr/recherche/?object_name=QuestionEcrite&tag=parlementaire%3Delise+morvan&sort=1',
  'https://www.nosdeputes.fr/elise-morvan',
];

/** The states a page may show when cut short: its own, or unknown. */
const TRUNCATION_CASES: { file: string; url: string; allowed: QuestionState[] }[] = [
  { file: 'q-retiree.html', url: SEED_URL, allowed: ['closed', 'unknown'] },
  { file: 'q-repondue.html', url: 'https://2017-2022.nosdeputes.fr/15/question/QE/24567', allowed: ['answered', 'unknown'] },
  { file: 'q-sans-reponse.html', url: 'https://www.nosdeputes.fr/16/question/QE/12874', allowed: ['closed', 'unknown'] },
  { file: 'q-reponse-sans-date.html', url: 'https://2017-2022.nosdeputes.fr/15/question/QE/31877', allowed: ['answered', 'unknown'] },
  { file: 'q-reponse-a-venir.html', url: 'https://www.nosdeputes.fr/16/question/QE/15871', allowed: ['closed', 'unknown'] },
  { file: 'q16-archive-sans-reponse.html', url: 'https://2022-2024.nosdeputes.fr/16/question/QE/14032', allowed: ['closed', 'unknown'] },
  { file: 'q-sans-reponse-variante.html', url: 'https://www.nosdeputes.fr/16/question/QE/15230', allowed: ['closed', 'unknown'] },
];

/** Every character of the date and status lines, a coarser step elsewhere. */
const cutsOf = (html: string, dom: DomImplementation) =>
  cutPoints(html, {
    step: dom === 'linkedom' ? 157 : 997,
    around: [
      { pattern: /Question soumise/, before: 10, after: 60 },
      { pattern: /<div id="reponse">/, before: 10, after: 260 },
    ],
  });

describe.each(DOM_IMPLEMENTATIONS)('NosDéputés bad input (%s)', (dom) => {
  it.each(TRUNCATION_CASES)(
    '$file cut anywhere: never throws, never another status',
    ({ file, url, allowed }) => {
      const html = fixtureText(`nosdeputes/${file}`);
      for (const cut of cutsOf(html, dom)) {
        const page = parseDirect(html.slice(0, cut), url, dom);
        if (page.kind === 'other') continue;
        const state = questionStatus(questionOf(page), TODAY).state;
        if (!allowed.includes(state)) throw new Error(`${file} cut at ${cut} reads as ${state}`);
      }
    },
    SWEEP_TIMEOUT_MS,
  );

  it('reads a question page cut in half as other, or with an unreadable status', () => {
    for (const { file, url } of TRUNCATION_CASES) {
      const html = fixtureText(`nosdeputes/${file}`);
      const page = parseDirect(html.slice(0, Math.floor(html.length / 2)), url, dom);
      if (page.kind !== 'other') expect(questionStatus(questionOf(page), TODAY).state).toBe('unknown');
    }
  });

  it('reads a P page cut inside "Cette question n\'a pas encore de réponse." as unknown, not answered', () => {
    const url = 'https://www.nosdeputes.fr/16/question/QE/12874';
    const html = fixtureText('nosdeputes/q-sans-reponse.html');
    const cut = html.indexOf('pas encore de réponse.') + 'pas encore'.length;
    const question = questionOf(parseDirect(html.slice(0, cut), url, dom));
    expect(question.unreadableStatus).toBe('answer block truncated');
    expect(question.answerText).toBeUndefined();
    expect(questionStatus(question, TODAY).state).toBe('unknown');
  });

  it.each([
    ['list-deputy-questions.html', 'https://www.nosdeputes.fr/elise-morvan/questions'],
    ['list-deputy-questions-page2.html', 'https://www.nosdeputes.fr/marc-ollivier/questions?page=2'],
    [
      'list-search-questions.html',
      'https://www.nosdeputes.fr/recherche/?object_name=QuestionEcrite&tag=parlementaire%3Delise+morvan&sort=1',
    ],
    ['search14.html', 'https://2012-2017.nosdeputes.fr/rechercher/questions/abattoirs'],
  ])(
    '%s cut anywhere: each item whole or unknown, never another status',
    (file, url) => {
      const html = fixtureText(`nosdeputes/${file}`);
      const full = itemsOf(parseDirect(html, url, dom));
      for (let cut = 0; cut < html.length; cut += dom === 'linkedom' ? 23 : 211) {
        const page = parseDirect(html.slice(0, cut), url, dom);
        if (page.kind === 'other') continue;
        for (const item of itemsOf(page)) {
          if (refStatus(item.ref, TODAY).state === 'unknown') continue;
          expect(item.ref).toStrictEqual(full.find((whole) => whole.ref.id === item.ref.id)!.ref);
        }
      }
    },
    60_000,
  );

  it.each([
    ['deputy.html', 'https://www.nosdeputes.fr/elise-morvan'],
    ['deputy-ancienne.html', 'https://2017-2022.nosdeputes.fr/claire-dumontet'],
  ])(
    '%s cut anywhere: never throws',
    (file, url) => {
      const html = fixtureText(`nosdeputes/${file}`);
      for (let cut = 0; cut < html.length; cut += dom === 'linkedom' ? 41 : 409) {
        const page = parseDirect(html.slice(0, cut), url, dom);
        expect(['deputy', 'other']).toContain(page.kind);
      }
    },
    60_000,
  );

  const ERROR_PAGES = ['err-503.html', 'err-404.html', 'err-symfony.html'];
  describe.each(ERROR_PAGES)('HTTP error page %s', (file) => {
    it.each(PAGE_URLS)('is other at %s', (url) => {
      expect(detectPage(url)).not.toBeNull();
      expect(parseDirect(fixtureText(`nosdeputes/${file}`), url, dom)).toStrictEqual({ kind: 'other' });
    });
  });

  it.each(PAGE_URLS)('reads an empty document as other at %s', (url) => {
    for (const html of ['', '<html></html>', '<!DOCTYPE html><html><head><title></title></head><body></body></html>']) {
      expect(parseDirect(html, url, dom)).toStrictEqual({ kind: 'other' });
    }
  });

  it('reads a question page without its #reponse block as unknown', () => {
    for (const [file, url] of [
      ['q-retiree.html', SEED_URL],
      ['q-sans-reponse.html', 'https://www.nosdeputes.fr/16/question/QE/12874'],
    ] as const) {
      const html = fixtureText(`nosdeputes/${file}`).replace(/<div id="reponse">[\s\S]*?<\/div>/, '');
      expect(html).not.toContain('id="reponse"');
      const question = questionOf(parseDirect(html, url, dom));
      expect(question.unreadableStatus).toBe('no status block');
      expect(questionStatus(question, TODAY)).toStrictEqual({ state: 'unknown', signaled: false });
    }
  });

  it("reads a page whose number differs from the URL's as other", () => {
    expect(read('q-retiree.html', 'https://2017-2022.nosdeputes.fr/15/question/QE/19188', dom)).toStrictEqual({ kind: 'other' });
    expect(read('q-retiree.html', 'https://2017-2022.nosdeputes.fr/15/question/QE/1918', dom)).toStrictEqual({ kind: 'other' });
    // The title names 19189 but the question block is another one's.
    const html = fixtureText('nosdeputes/q-retiree.html').replace('id="question19189"', 'id="question19188"');
    expect(parseDirect(html, SEED_URL, dom)).toStrictEqual({ kind: 'other' });
  });

  it("does not read a page at another legislature's host or path", () => {
    expect(detectPage('https://2012-2017.nosdeputes.fr/15/question/QE/19189')).toBeNull();
    expect(detectPage('https://2017-2022.nosdeputes.fr/question/QE/19189')).toBeNull();
    expect(
      parsePage(fixtureDocument('nosdeputes/q-retiree.html', dom), 'https://2012-2017.nosdeputes.fr/15/question/QE/19189'),
    ).toStrictEqual({ kind: 'other' });
  });

  it('reads a question page served at a list or deputy URL as other', () => {
    expect(parseDirect(fixtureText('nosdeputes/q-retiree.html'), 'https://2017-2022.nosdeputes.fr/julien-dive', dom)).toStrictEqual({
      kind: 'other',
    });
    expect(parseDirect(fixtureText('nosdeputes/deputy.html'), 'https://www.nosdeputes.fr/elise-morvan/questions', dom)).toStrictEqual({
      kind: 'other',
    });
  });
});
