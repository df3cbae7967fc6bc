import { TODAY, edit, itemsOf, parseFixture, parseText, questionOf } from '../helpers/pages';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../lib/sources/html';
import { detectPage, parsePage, type PageParse } from '../../lib/sites';
import { questionStatus, refStatus, type QuestionStatus } from '../../lib/status';
import { DOM_IMPLEMENTATIONS, fixtureDocument, fixtureText } from '../helpers/dom';
import { cutPoints, SWEEP_TIMEOUT_MS } from '../helpers/sweep';

const WWW = 'https://www.assemblee-nationale.fr';
const QUESTIONS = 'https://questions.assemblee-nationale.fr';

/** The state a page gives, `other` when it gives no question at all. */
function stateOf(result: PageParse): QuestionStatus['state'] | 'other' {
  return result.kind === 'question' ? questionStatus(result.question, TODAY).state : 'other';
}

describe('detectPage (dyn)', () => {
  it.each([
    [`${WWW}/dyn/15/questions/QANR5L15QE19189`, 'an-question'],
    [`${QUESTIONS}/dyn/16/questions/QANR5L16QE4020`, 'an-question'],
    [`${WWW}/dyn/17/questions/QANR5L17QG312`, 'an-question'],
    [`${WWW}/dyn/17/questions/QANR5L17QOSD187/`, 'an-question'],
    [`${WWW}/dyn/deputes/PA795321/questions`, 'an-deputy-questions'],
    [`${WWW}/dyn/deputes/PA795321/questions?page=2&limit=10`, 'an-deputy-questions'],
    // Old http: links name the same pages.
    ['http://www.assemblee-nationale.fr/dyn/16/questions/QANR5L16QE4020', 'an-question'],
    ['http://www.assemblee-nationale.fr/dyn/deputes/PA795321/questions', 'an-deputy-questions'],
  ])('%s → %s', (url, kind) => {
    expect(detectPage(url)).toBe(kind);
  });

  it.each([
    `${WWW}/dyn/15/questions/QANR5L16QE4020`, // legislature in the path and in the uid disagree
    `${WWW}/dyn/16/questions/QANR5L16QE4020.pdf`,
    `${WWW}/dyn/16/questions`,
    `${QUESTIONS}/dyn/deputes/PA795321/questions`,
  ])('%s → null', (url) => {
    expect(detectPage(url)).toBeNull();
  });
});

describe.each(DOM_IMPLEMENTATIONS)('AN dyn question pages (%s)', (dom) => {
  it('reads the seed question QANR5L15QE19189, closed "Fin de mandat" (an-dyn-qe-retiree.html)', () => {
    const q = questionOf(parseFixture('an/an-dyn-qe-retiree.html', `${WWW}/dyn/15/questions/QANR5L15QE19189`, dom));
    expect(q).toEqual({
      id: 'AN-15-QE-19189',
      chamber: 'AN',
      legislature: 15,
      type: 'QE',
      number: 19189,
      author: {
        name: 'M. Julien Dive',
        anId: 'PA999901',
        group: { acronym: 'LR', name: 'Les Républicains' },
        constituency: 'Aisne (2e circonscription)',
      },
      ministry: 'Solidarités et santé',
      answeringMinistry: 'Solidarités et santé',
      title: 'Prise en charge des dispositifs médicaux (titre fictif)',
      rubrique: 'Santé',
      publishedOn: '2019-04-30',
      closedOn: '2022-06-21',
      closedReason: 'Fin de mandat',
      text: expect.stringMatching(/^M\. Julien Dive attire l'attention .* en la matière\.$/),
      urls: {
        an: `${WWW}/dyn/15/questions/QANR5L15QE19189`,
        nosdeputes: 'https://2017-2022.nosdeputes.fr/15/question/QE/19189',
      },
    });
    expect(questionStatus(q, TODAY)).toEqual({
      state: 'closed',
      signaled: false,
      dueOn: '2019-06-30',
      closedOn: '2022-06-21',
      closedReason: 'Fin de mandat',
      closure: 'lapsed',
      lapsedAtEndOf: 15,
      daysOpen: 1148,
      daysLate: 1087,
    });
  });

  it('reads the same page served on the questions. host', () => {
    const url = `${QUESTIONS}/dyn/15/questions/QANR5L15QE19189`;
    const q = questionOf(parseFixture('an/an-dyn-qe-retiree.html', url, dom));
    expect(q.id).toBe('AN-15-QE-19189');
    expect(q.urls.an).toBe(`${WWW}/dyn/15/questions/QANR5L15QE19189`);
    expect(questionStatus(q, TODAY)).toMatchObject({ state: 'closed', daysOpen: 1148 });
  });

  it('reads an answered question (an-dyn-qe-repondue.html)', () => {
    const q = questionOf(parseFixture('an/an-dyn-qe-repondue.html', `${WWW}/dyn/16/questions/QANR5L16QE4020`, dom));
    expect(q).toEqual({
      id: 'AN-16-QE-4020',
      chamber: 'AN',
      legislature: 16,
      type: 'QE',
      number: 4020,
      author: {
        name: 'M. François Piquemal',
        anId: 'PA999902',
        group: { name: 'La France insoumise - Nouvelle Union Populaire écologique et sociale' },
        constituency: 'Haute-Garonne (4e circonscription)',
      },
      ministry: 'Ville et logement',
      answeringMinistry: 'Ville et logement',
      title: "Bouclier tarifaire d'électricité pour le logement accompagné",
      rubrique: 'Logement',
      publishedOn: '2022-12-13',
      answeredOn: '2023-02-28',
      text: expect.stringMatching(/^M\. François Piquemal interroge .* logement accompagné\.$/),
      answerText: expect.stringMatching(/^En 2023, le bouclier tarifaire .* type PME \[…\]\.$/),
      urls: {
        an: `${WWW}/dyn/16/questions/QANR5L16QE4020`,
        nosdeputes: 'https://2022-2024.nosdeputes.fr/16/question/QE/4020',
      },
    });
    expect(questionStatus(q, TODAY)).toEqual({
      state: 'answered',
      signaled: false,
      dueOn: '2023-02-13',
      answeredOn: '2023-02-28',
      daysOpen: 77,
      daysLate: 15,
    });
  });

  it('reads a pending 17th-legislature question ("Date :" singular) and ignores dates quoted in its text', () => {
    const q = questionOf(parseFixture('an/an-dyn-qe-17-pending.html', `${WWW}/dyn/17/questions/QANR5L17QE2871`, dom));
    expect(q).toEqual({
      id: 'AN-17-QE-2871',
      chamber: 'AN',
      legislature: 17,
      type: 'QE',
      number: 2871,
      author: {
        name: 'Mme Claire Exemple',
        anId: 'PA999903',
        group: { acronym: 'DR', name: 'Droite Républicaine' },
        constituency: 'Cantal (1re circonscription)',
      },
      ministry: 'Intérieur',
      answeringMinistry: 'Intérieur',
      title: "Délais de délivrance des titres d'identité en zone rurale",
      rubrique: "Papiers d'identité",
      // Not 2024-06-04 ("sa question publiée le 4 juin 2024" in the text).
      publishedOn: '2025-01-14',
      // No answeredOn: "la réponse publiée le 12 mars 2024" is running text about another question.
      text: expect.stringContaining('Suite à la réponse publiée le 12 mars 2024'),
      urls: { an: `${WWW}/dyn/17/questions/QANR5L17QE2871` },
    });
    expect(questionStatus(q, TODAY)).toEqual({
      state: 'overdue',
      signaled: false,
      dueOn: '2025-03-14',
      daysOpen: 684,
      daysLate: 625,
    });
    expect(questionStatus(q, '2025-02-01')).toEqual({
      state: 'pending',
      signaled: false,
      dueOn: '2025-03-14',
      daysOpen: 18,
    });
  });

  it('reads a question closed "Retrait par l\'auteur", date on the label\'s line', () => {
    const q = questionOf(parseFixture('an/an-dyn-qe-retrait-auteur.html', `${WWW}/dyn/16/questions/QANR5L16QE7312`, dom));
    expect(q).toEqual({
      id: 'AN-16-QE-7312',
      chamber: 'AN',
      legislature: 16,
      type: 'QE',
      number: 7312,
      author: {
        name: 'M. Paul Modèle',
        anId: 'PA999905',
        group: { acronym: 'LIOT', name: 'Libertés, Indépendants, Outre-mer et Territoires' },
        constituency: 'Lozère (1re circonscription)',
      },
      ministry: 'Éducation nationale et jeunesse',
      answeringMinistry: 'Éducation nationale et jeunesse',
      title: 'Fermeture de classes dans les écoles rurales',
      rubrique: 'Enseignement maternel et primaire',
      publishedOn: '2023-05-02',
      closedOn: '2023-09-12',
      closedReason: "Retrait par l'auteur",
      text: expect.stringMatching(/^M\. Paul Modèle interroge .* critères retenus\.$/),
      urls: {
        an: `${WWW}/dyn/16/questions/QANR5L16QE7312`,
        nosdeputes: 'https://2022-2024.nosdeputes.fr/16/question/QE/7312',
      },
    });
    expect(questionStatus(q, TODAY)).toEqual({
      state: 'closed',
      signaled: false,
      dueOn: '2023-07-02',
      closedOn: '2023-09-12',
      closedReason: "Retrait par l'auteur",
      closure: 'other',
      daysOpen: 133,
      daysLate: 72,
    });
  });

  it('reads a question au Gouvernement answered in the sitting', () => {
    const q = questionOf(parseFixture('an/an-dyn-qg.html', `${WWW}/dyn/17/questions/QANR5L17QG312`, dom));
    expect(q).toEqual({
      id: 'AN-17-QG-312',
      chamber: 'AN',
      legislature: 17,
      type: 'QG',
      number: 312,
      author: {
        name: 'Mme Louise Essai',
        anId: 'PA999906',
        group: { acronym: 'RN', name: 'Rassemblement National' },
        constituency: 'Nord (12e circonscription)',
      },
      ministry: 'Intérieur',
      answeringMinistry: 'Intérieur',
      title: 'Sécurité dans les transports du quotidien',
      rubrique: 'Transports ferroviaires',
      publishedOn: '2025-03-05',
      answeredOn: '2025-03-05',
      text: expect.stringMatching(/^Mme la présidente\. La parole est à Mme Louise Essai\./),
      answerText: expect.stringMatching(/^Mme la présidente\. La parole est à M\. le ministre/),
      urls: { an: `${WWW}/dyn/17/questions/QANR5L17QG312` },
    });
    // No written deadline for questions au Gouvernement.
    expect(questionStatus(q, TODAY)).toEqual({ state: 'answered', signaled: false, answeredOn: '2025-03-05', daysOpen: 0 });
  });

  it('reads a question orale sans débat on the questions. host, answered on the sitting date', () => {
    const url = `${QUESTIONS}/dyn/17/questions/QANR5L17QOSD187`;
    const q = questionOf(parseFixture('an/an-dyn-qosd.html', url, dom));
    expect(q).toEqual({
      id: 'AN-17-QOSD-187',
      chamber: 'AN',
      legislature: 17,
      type: 'QOSD',
      number: 187,
      author: {
        name: 'M. Jean Témoin',
        anId: 'PA999907',
        group: { acronym: 'SOC', name: 'Socialistes et apparentés' },
        constituency: 'Puy-de-Dôme (3e circonscription)',
      },
      ministry: 'Transports',
      answeringMinistry: 'Transports',
      title: 'Desserte ferroviaire du Massif central',
      rubrique: 'Transports ferroviaires',
      publishedOn: '2025-02-04',
      answeredOn: '2025-02-11',
      text: expect.stringMatching(/^M\. Jean Témoin appelle l'attention/),
      answerText: expect.stringMatching(/^M\. le ministre chargé des transports\./),
      urls: { an: `${WWW}/dyn/17/questions/QANR5L17QOSD187` },
    });
    expect(questionStatus(q, TODAY)).toEqual({ state: 'answered', signaled: false, answeredOn: '2025-02-11', daysOpen: 7 });
  });

  it('reads a signalée question: late from the base deadline, its ten days beside it', () => {
    const url = `${QUESTIONS}/dyn/17/questions/QANR5L17QE3456`;
    const q = questionOf(parseFixture('an/an-dyn-qe-signalee.html', url, dom));
    expect(q).toEqual({
      id: 'AN-17-QE-3456',
      chamber: 'AN',
      legislature: 17,
      type: 'QE',
      number: 3456,
      author: {
        name: 'Mme Sophie Spécimen',
        anId: 'PA999908',
        group: { acronym: 'ECOS', name: 'Écologiste et Social' },
        constituency: 'Seine-Saint-Denis (5e circonscription)',
      },
      ministry: 'Éducation nationale',
      answeringMinistry: 'Éducation nationale',
      title: 'Pénurie de médecins scolaires',
      rubrique: 'Enseignement',
      publishedOn: '2025-01-28',
      signaledOn: '2025-04-15',
      text: expect.stringMatching(/^Mme Sophie Spécimen interroge/),
      urls: { an: `${WWW}/dyn/17/questions/QANR5L17QE3456` },
    });
    expect(questionStatus(q, TODAY)).toEqual({
      state: 'overdue',
      signaled: true,
      dueOn: '2025-03-28',
      signalDueOn: '2025-04-25',
      daysOpen: 670,
      daysLate: 611,
      signalDaysLate: 583,
    });
  });

  it('keeps a question text that opens like a label ("Mme X : …") or names a circonscription', () => {
    const html = edit(
      fixtureText('an/an-dyn-qg.html'),
      'Mme la présidente. La parole est à Mme Louise Essai. Mme Louise Essai. Monsieur',
      'Mme Louise Essai : dans ma circonscription (Nord, 12e circonscription) comme ailleurs, monsieur',
    );
    const q = questionOf(parseText(html, `${WWW}/dyn/17/questions/QANR5L17QG312`, dom));
    expect(q.text).toMatch(/^Mme Louise Essai : dans ma circonscription .* présence humaine dans les gares \?$/);
    expect(q.author.constituency).toBe('Nord (12e circonscription)');
  });

  it('reads a redesigned page by its labels: no <main>, &nbsp; colons, new classes, answer before the metadata', () => {
    const q = questionOf(parseFixture('an/an-dyn-qe-variant-markup.html', `${WWW}/dyn/17/questions/QANR5L17QE1042`, dom));
    expect(q).toEqual({
      id: 'AN-17-QE-1042',
      chamber: 'AN',
      legislature: 17,
      type: 'QE',
      number: 1042,
      author: {
        name: 'Mme Anne Exemple', // "(EPR)" after the name in the link is dropped
        anId: 'PA999904',
        group: { acronym: 'EPR', name: 'Ensemble pour la République' },
        constituency: 'Gironde (1re circonscription)',
      },
      ministry: 'Agriculture et souveraineté alimentaire',
      answeringMinistry: 'Agriculture, souveraineté alimentaire et forêt',
      title: 'Accès au foncier agricole pour les jeunes installés',
      rubrique: 'Agriculture',
      publishedOn: '2024-10-22',
      answeredOn: '2024-12-17',
      // The question text, not the circonscription line that sits between it and the author.
      text: "Mme Anne Exemple attire l'attention de Mme la ministre de l'agriculture sur l'accès au foncier des jeunes agriculteurs. Elle lui demande quelles mesures sont envisagées.",
      answerText:
        "Le Gouvernement a fait de l'installation des jeunes agriculteurs une priorité.\nLe fonds « Entrepreneurs du vivant » sera doté de 400 millions d'euros.",
      urls: { an: `${WWW}/dyn/17/questions/QANR5L17QE1042` },
    });
    expect(questionStatus(q, TODAY)).toEqual({
      state: 'answered',
      signaled: false,
      dueOn: '2024-12-22',
      answeredOn: '2024-12-17',
      daysOpen: 56,
      daysLate: 0,
    });
  });
});

describe.each(DOM_IMPLEMENTATIONS)('AN dyn question pages, bad input (%s)', (dom) => {
  const REPONDUE = `${WWW}/dyn/16/questions/QANR5L16QE4020`;
  const repondue = () => fixtureText('an/an-dyn-qe-repondue.html');

  it('reads an HTTP 503 error page as other', () => {
    expect(parseFixture('an/an-error-503.html', REPONDUE, dom)).toEqual({ kind: 'other' });
  });

  it('reads a 404 page served at a question URL as other', () => {
    expect(parseFixture('an/an-error-404.html', `${WWW}/dyn/17/questions/QANR5L17QE99999`, dom)).toEqual({ kind: 'other' });
  });

  it('reads an empty document as other', () => {
    expect(parseText('', REPONDUE, dom)).toEqual({ kind: 'other' });
    expect(parseText('<html><head></head><body></body></html>', REPONDUE, dom)).toEqual({ kind: 'other' });
    expect(parseText('<main><p>Question de :</p></main>', REPONDUE, dom)).toEqual({ kind: 'other' });
  });

  it('never reads a value from the next label when a label is empty', () => {
    const q = questionOf(parseFixture('an/an-dyn-labels-no-value.html', `${WWW}/dyn/17/questions/QANR5L17QE2871`, dom));
    expect(q).toEqual({
      id: 'AN-17-QE-2871',
      chamber: 'AN',
      legislature: 17,
      type: 'QE',
      number: 2871,
      author: { name: 'Mme Claire Exemple', anId: 'PA999903' },
      unreadableStatus: 'publication date unreadable',
      urls: { an: `${WWW}/dyn/17/questions/QANR5L17QE2871` },
    });
    expect(questionStatus(q, TODAY)).toEqual({ state: 'unknown', signaled: false });
  });

  it('reads a page with empty labels and no author link as other', () => {
    const html = edit(fixtureText('an/an-dyn-labels-no-value.html'), /<a class="link"[^>]*>Mme Claire Exemple<\/a>/, '');
    expect(parseText(html, `${WWW}/dyn/17/questions/QANR5L17QE2871`, dom)).toEqual({ kind: 'other' });
  });

  it('reads a page naming another number than its URL as other', () => {
    expect(parseFixture('an/an-dyn-qe-retiree.html', `${WWW}/dyn/15/questions/QANR5L15QE19190`, dom)).toEqual({ kind: 'other' });
    expect(parseFixture('an/an-dyn-qe-repondue.html', `${WWW}/dyn/16/questions/QANR5L16QE402`, dom)).toEqual({ kind: 'other' });
  });

  it('reads a page naming another type than its URL as other', () => {
    expect(parseFixture('an/an-dyn-qe-retiree.html', `${WWW}/dyn/15/questions/QANR5L15QG19189`, dom)).toEqual({ kind: 'other' });
    expect(parseFixture('an/an-dyn-qg.html', `${WWW}/dyn/17/questions/QANR5L17QE312`, dom)).toEqual({ kind: 'other' });
  });

  it('reads a page naming another legislature than its URL as other', () => {
    expect(parseFixture('an/an-dyn-qe-repondue.html', `${WWW}/dyn/15/questions/QANR5L15QE4020`, dom)).toEqual({ kind: 'other' });
  });

  it('reads a number contradiction even without <title> or breadcrumb, from the heading', () => {
    const html = edit(
      edit(repondue(), /<title>[^<]*<\/title>/, ''),
      /<nav class="breadcrumb"[\s\S]*?<\/nav>/,
      '<p class="_bold">Question écrite n° 4021</p>',
    );
    expect(parseText(html, REPONDUE, dom)).toEqual({ kind: 'other' });
  });

  it('says unknown when the answer line has no readable date', () => {
    const html = edit(repondue(), '>28 février 2023<', '>28 févr<');
    const q = questionOf(parseText(html, REPONDUE, dom));
    expect(q.unreadableStatus).toBe('answer date unreadable');
    expect(questionStatus(q, TODAY).state).toBe('unknown');
  });

  it('says unknown when an answer text shows without an answer date', () => {
    const html = edit(edit(repondue(), /<span class="_regular">Réponse publiée le[\s\S]*?<\/span>/, ''), 'Dates :', 'Date :');
    const q = questionOf(parseText(html, REPONDUE, dom));
    expect(q.answeredOn).toBeUndefined();
    expect(q.unreadableStatus).toBe('answer without date');
    expect(questionStatus(q, TODAY).state).toBe('unknown');
  });

  it('says unknown when "Dates :" announces more dates than the page holds', () => {
    const html = edit(
      edit(repondue(), /<span class="_regular">Réponse publiée le[\s\S]*?<\/span>/, ''),
      /<section class="question-reponse[\s\S]*?<\/section>/,
      '',
    );
    const q = questionOf(parseText(html, REPONDUE, dom));
    expect(q.unreadableStatus).toBe('dates incomplete');
    expect(questionStatus(q, TODAY).state).toBe('unknown');
  });

  it('says unknown when a page shows both an answer and a closure', () => {
    const html = edit(
      repondue(),
      '<p class="_mt-small">',
      '<div><p class="_bold">Date de cloture :</p><span>21 juin 2023</span> <span>Fin de mandat</span></div><p class="_mt-small">',
    );
    const q = questionOf(parseText(html, REPONDUE, dom));
    expect(q.unreadableStatus).toBe('answered and closed');
    expect(questionStatus(q, TODAY).state).toBe('unknown');
  });

  it('says unknown when the closure date cannot be read', () => {
    const html = edit(
      fixtureText('an/an-dyn-qe-retiree.html'),
      '<span class="_regular">21 juin 2022</span>',
      '<span class="_regular">juin</span>',
    );
    const q = questionOf(parseText(html, `${WWW}/dyn/15/questions/QANR5L15QE19189`, dom));
    expect(q.unreadableStatus).toBe('closure date unreadable');
    expect(questionStatus(q, TODAY).state).toBe('unknown');
  });

  it('never throws on a document without body, or a URL it cannot read', () => {
    const doc = parseHtml('');
    expect(() => parsePage(doc, REPONDUE)).not.toThrow();
    expect(parsePage(doc, REPONDUE)).toEqual({ kind: 'other' });
    expect(parsePage(fixtureDocument('an/an-dyn-qe-repondue.html', dom), 'not a url')).toEqual({ kind: 'other' });
  });
});

/**
 * A page cut anywhere (a dropped connection, a body read half-way) must never read as a status the
 * whole page does not have. Every cut position, every 23 characters, both DOMs.
 */
describe.each(DOM_IMPLEMENTATIONS)('AN dyn question pages, truncated HTML (%s)', (dom) => {
  const cuts = (name: string): string[] => {
    const html = fixtureText(`an/${name}`);
    return cutPoints(html, { step: 23 }).map((end) => html.slice(0, end));
  };

  it(
    'an answered page cut anywhere reads as other, unknown or answered on the right date',
    () => {
      const url = `${WWW}/dyn/16/questions/QANR5L16QE4020`;
      for (const html of cuts('an-dyn-qe-repondue.html')) {
        const result = parseText(html, url, dom);
        const state = stateOf(result);
        expect(['other', 'unknown', 'answered'], html.slice(-80)).toContain(state);
        if (result.kind === 'question' && state === 'answered') expect(result.question.answeredOn).toBe('2023-02-28');
      }
    },
    SWEEP_TIMEOUT_MS,
  );

  it(
    'an answered page with its answer block first, cut anywhere, never reads as pending',
    () => {
      const url = `${WWW}/dyn/17/questions/QANR5L17QE1042`;
      for (const html of cuts('an-dyn-qe-variant-markup.html')) {
        const result = parseText(html, url, dom);
        expect(['other', 'unknown', 'answered'], html.slice(-80)).toContain(stateOf(result));
      }
    },
    SWEEP_TIMEOUT_MS,
  );

  it(
    'a pending page cut anywhere never reads as answered or closed',
    () => {
      const url = `${WWW}/dyn/17/questions/QANR5L17QE2871`;
      for (const html of cuts('an-dyn-qe-17-pending.html')) {
        const result = parseText(html, url, dom);
        expect(['other', 'unknown', 'overdue'], html.slice(-80)).toContain(stateOf(result));
        if (result.kind === 'question' && result.question.publishedOn) expect(result.question.publishedOn).toBe('2025-01-14');
      }
    },
    SWEEP_TIMEOUT_MS,
  );

  it(
    'a closed page cut anywhere never reads as answered, and once its closure label shows, never as pending',
    () => {
      const url = `${WWW}/dyn/15/questions/QANR5L15QE19189`;
      const html = fixtureText('an/an-dyn-qe-retiree.html');
      const label = html.indexOf('Date de cloture :</p>') + 'Date de cloture :'.length;
      for (const cut of cuts('an-dyn-qe-retiree.html')) {
        const state = stateOf(parseText(cut, url, dom));
        expect(['other', 'unknown', 'overdue', 'closed'], cut.slice(-80)).toContain(state);
        if (cut.length >= label) expect(['unknown', 'closed'], cut.slice(-80)).toContain(state);
      }
      // Known limit: a cut falling exactly between the "Date :" block and the "Date de cloture :"
      // block leaves a complete-looking pending page; only the fetch layer can tell (no `</html>`).
    },
    SWEEP_TIMEOUT_MS,
  );
});

describe.each(DOM_IMPLEMENTATIONS)('AN deputy question list (%s)', (dom) => {
  const URL_LIST = `${WWW}/dyn/deputes/PA795321/questions`;

  it('reads twelve items of every type, each titled by its heading', () => {
    const items = itemsOf(parseFixture('an/an-deputy-questions.html', URL_LIST, dom));
    const expected: [string, string, string, 'pending' | 'answered', string?][] = [
      ['QE', '4512', 'Prix du lait payé aux producteurs', 'pending'],
      ['QE', '4388', 'Déserts médicaux en Ardèche', 'answered', '2025-04-08'],
      ['QG', '389', "Prix de l'électricité pour les ménages", 'answered'],
      ['QE', '3921', 'Entretien des routes nationales', 'pending'],
      ['QE', '3507', 'Compétence eau des communautés de communes', 'answered', '2025-03-11'],
      ['QOSD', '164', 'Fermeture de classes en zone de montagne', 'answered'],
      ['QE', '2990', 'Dotation globale de fonctionnement des petites communes', 'pending'],
      ['QE', '2714', 'Classement des stations de tourisme', 'answered', '2025-02-04'],
      ['QG', '201', 'Crise viticole', 'answered'],
      ['QE', '1876', 'Fermeture de bureaux de poste', 'pending'],
      ['QE', '1234', 'Diagnostic de performance énergétique des logements anciens', 'answered', '2024-12-17'],
      ['QE', '905', 'Revalorisation des pensions agricoles', 'pending'],
    ];
    const headings = { QE: 'Question écrite', QG: 'Question au Gouvernement', QOSD: 'Question orale sans débat' } as const;
    expect(items).toHaveLength(expected.length);
    items.forEach((item, i) => {
      const [type, number, title, status, answeredOn] = expected[i]!;
      const answered = status === 'answered';
      expect(item.ref).toEqual({
        id: `AN-17-${type}-${number}`,
        legislature: 17,
        type,
        number: Number(number),
        url: `${WWW}/dyn/17/questions/QANR5L17${type}${number}`,
        ...(answeredOn ? { answeredOn } : {}),
        answered,
        closed: false,
        pending: !answered,
        title,
      });
      expect(item.element.tagName).toBe('H3');
      expect(item.element.textContent?.trim()).toBe(`${headings[type as keyof typeof headings]} n° ${number}`);
      // The list gives no publication date: a waiting question is pending, its deadline unknown.
      expect(refStatus(item.ref, TODAY)).toEqual(
        answered ? { state: 'answered', signaled: false, ...(answeredOn ? { answeredOn } : {}) } : { state: 'pending', signaled: false },
      );
    });
  });

  it('reads a redesigned list by its words, and skips or withholds items it cannot trust', () => {
    const url = `${WWW}/dyn/deputes/PA795322/questions?page=3&limit=10`;
    const items = itemsOf(parseFixture('an/an-deputy-questions-variant.html', url, dom));
    expect(items.map((item) => item.ref)).toEqual([
      {
        id: 'AN-17-QE-1100',
        legislature: 17,
        type: 'QE',
        number: 1100,
        url: `${WWW}/dyn/17/questions/QANR5L17QE1100`,
        publishedOn: '2024-12-10',
        answered: false,
        closed: false,
        pending: true,
        title: "Pénurie d'amoxicilline",
      },
      {
        id: 'AN-17-QE-1200',
        legislature: 17,
        type: 'QE',
        number: 1200,
        url: `${WWW}/dyn/17/questions/QANR5L17QE1200`,
        publishedOn: '2024-12-10',
        answeredOn: '2025-02-25',
        answered: true,
        closed: false,
        pending: false,
        title: 'Effectifs de gendarmerie',
      },
      // n° 1500 links to QANR5L17QE1501: skipped.
      {
        id: 'AN-17-QE-1600',
        legislature: 17,
        type: 'QE',
        number: 1600,
        url: `${WWW}/dyn/17/questions/QANR5L17QE1600`,
        answered: false,
        closed: false,
        pending: false,
        unreadableStatus: 'status words not found',
        title: 'Continuité territoriale',
      },
      {
        id: 'AN-17-QE-1700',
        legislature: 17,
        type: 'QE',
        number: 1700,
        url: `${WWW}/dyn/17/questions/QANR5L17QE1700`,
        answered: false,
        closed: false,
        pending: false,
        unreadableStatus: 'contradictory status words',
        title: 'Frais bancaires',
      },
      {
        id: 'AN-17-QE-1800',
        legislature: 17,
        type: 'QE',
        number: 1800,
        url: `${WWW}/dyn/17/questions/QANR5L17QE1800`,
        answered: false,
        closed: false,
        pending: false,
        unreadableStatus: 'answer date unreadable',
        title: 'Réseau fibre',
      },
    ]);
    for (const item of items) {
      // The heading "Question écrite n° …", not the "Voir la question" link.
      expect(item.element.tagName).toBe('H4');
      expect(item.element.textContent).toMatch(new RegExp(`^Question écrite n°\\s${item.ref.number}$`));
    }
    expect(items.map((item) => refStatus(item.ref, TODAY))).toEqual([
      { state: 'overdue', signaled: false, dueOn: '2025-02-10', daysOpen: 719, daysLate: 657 },
      { state: 'answered', signaled: false, dueOn: '2025-02-10', answeredOn: '2025-02-25', daysOpen: 77, daysLate: 15 },
      { state: 'unknown', signaled: false },
      { state: 'unknown', signaled: false },
      { state: 'unknown', signaled: false },
    ]);
  });

  it('uses the link as the element when an item has no heading', () => {
    const html = `<main><ul>
      <li><a href="/dyn/17/questions/QANR5L17QE77">Titre : Routes</a><p>Question sans réponse</p></li>
      <li><a href="/dyn/17/questions/QANR5L17QE78">Titre : Ponts</a><p>Réponse publiée le 2 avril 2025</p></li>
    </ul></main>`;
    const items = itemsOf(parseText(html, URL_LIST, dom));
    expect(items.map((item) => [item.ref.id, item.ref.pending, item.ref.answeredOn, item.element.tagName])).toEqual([
      ['AN-17-QE-77', true, undefined, 'A'],
      ['AN-17-QE-78', false, '2025-04-02', 'A'],
    ]);
  });

  it('reads error pages and lists without questions as other', () => {
    expect(parseFixture('an/an-error-503.html', URL_LIST, dom)).toEqual({ kind: 'other' });
    expect(parseFixture('an/an-error-404.html', URL_LIST, dom)).toEqual({ kind: 'other' });
    expect(parseText('', URL_LIST, dom)).toEqual({ kind: 'other' });
    expect(parseText('<main><h1>M. X</h1><p>Aucune question.</p></main>', URL_LIST, dom)).toEqual({ kind: 'other' });
    // Links whose legislature and uid disagree, or to another site, are no questions.
    expect(
      parseText(
        '<main><a href="/dyn/16/questions/QANR5L17QE1">Question écrite n° 1</a><a href="https://example.org/dyn/17/questions/QANR5L17QE2">x</a></main>',
        URL_LIST,
        dom,
      ),
    ).toEqual({ kind: 'other' });
  });

  it('a list cut anywhere never gives an item a status its full list does not give', () => {
    const html = fixtureText('an/an-deputy-questions.html');
    const full = new Map(itemsOf(parseText(html, URL_LIST, dom)).map((item) => [item.ref.id, item.ref]));
    for (let end = 0; end < html.length; end += 37) {
      const result = parseText(html.slice(0, end), URL_LIST, dom);
      if (result.kind !== 'question-list') continue;
      for (const { ref } of result.items) {
        const whole = full.get(ref.id)!;
        if (ref.answered) expect(ref.answeredOn).toBe(whole.answeredOn);
        if (ref.answered || ref.pending) expect([ref.answered, ref.pending]).toEqual([whole.answered, whole.pending]);
      }
    }
  });
});
