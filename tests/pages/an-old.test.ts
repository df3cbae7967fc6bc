import { TODAY, edit, parseFixture, parseText, questionOf } from '../helpers/pages';
import { describe, expect, it } from 'vitest';
import { type Question } from '../../lib/model';
import { detectPage } from '../../lib/sites';
import { questionStatus } from '../../lib/status';
import { DOM_IMPLEMENTATIONS, fixtureText } from '../helpers/dom';
import { cutPoints, SWEEP_TIMEOUT_MS } from '../helpers/sweep';

const OLD = 'https://questions.assemblee-nationale.fr';
const WWW = 'https://www.assemblee-nationale.fr';

describe('detectPage (old questions. site)', () => {
  it.each([
    `${OLD}/q14/14-47351QE.htm`,
    `${OLD}/q15/15-19189QE.htm`,
    `${OLD}/q15/15-8QOSD.htm`,
    `${OLD}/q10/10-2052QG.htm`,
    // Old http: links, NosDéputés' « source » links among them, name the same pages.
    'http://questions.assemblee-nationale.fr/q14/14-47351QE.htm',
  ])('%s → an-old-question', (url) => {
    expect(detectPage(url)).toBe('an-old-question');
  });

  it.each([
    `${OLD}/q14/15-47351QE.htm`, // two legislatures
    `${WWW}/q14/14-47351QE.htm`,
    `${OLD}/q14/14-47351QX.htm`,
  ])('%s → null', (url) => {
    expect(detectPage(url)).toBeNull();
  });
});

describe.each(DOM_IMPLEMENTATIONS)('AN old question pages (%s)', (dom) => {
  it("layout B, answered after a changement d'attribution and a renouvellement (an-old-qe.html)", () => {
    const q = questionOf(parseFixture('an/an-old-qe.html', `${OLD}/q14/14-47351QE.htm`, dom));
    expect(q).toEqual({
      id: 'AN-14-QE-47351',
      chamber: 'AN',
      legislature: 14,
      type: 'QE',
      number: 47351,
      author: {
        name: 'M. François Cornut-Gentille',
        anId: 'PA923',
        group: { acronym: 'LR', name: 'Les Républicains' },
        constituency: 'Haute-Marne',
      },
      ministry: 'Défense',
      answeringMinistry: 'Défense',
      title: 'équipements militaires. vieillissement. bilan',
      rubrique: 'défense',
      publishedOn: '2014-01-07',
      answeredOn: '2014-05-13',
      reassignedOn: '2014-04-03',
      renewedOn: '2014-04-15',
      text: expect.stringMatching(/^M\. François Cornut-Gentille interroge .* de l'armée de terre\.$/),
      answerText: expect.stringMatching(/^Les données relatives .* tableau suivant :\nTYPE DE MATÉRIEL\n[\s\S]*\nVAB Génie\n314\n302\n30$/),
      urls: {
        an: `${WWW}/dyn/14/questions/QANR5L14QE47351`,
        nosdeputes: 'https://2012-2017.nosdeputes.fr/14/question/QE/47351',
      },
    });
    expect(questionStatus(q, TODAY)).toEqual({
      state: 'answered',
      signaled: false,
      dueOn: '2014-02-07',
      answeredOn: '2014-05-13',
      daysOpen: 126,
      daysLate: 95,
    });
  });

  it('layout B, unanswered (the "Être alerté(e)" box is no answer, a date quoted in the text is no answer date): lapsed with the 14th', () => {
    const q = questionOf(parseFixture('an/an-old-b-pending.html', `${OLD}/q14/14-71234QE.htm`, dom));
    expect(q).toEqual({
      id: 'AN-14-QE-71234',
      chamber: 'AN',
      legislature: 14,
      type: 'QE',
      number: 71234,
      author: {
        name: 'Mme Hélène Fictive',
        anId: 'PA999911',
        group: { acronym: 'SRC', name: 'Socialiste, républicain et citoyen' },
        constituency: 'Gers',
      },
      ministry: 'Agriculture, agroalimentaire et forêt',
      answeringMinistry: 'Agriculture, agroalimentaire et forêt',
      title: 'jeunes agriculteurs. installation. aides',
      rubrique: 'agriculture',
      publishedOn: '2014-12-09',
      text: expect.stringContaining('Malgré la réponse publiée le 14/10/2014 à la question n° 60123'),
      urls: {
        an: `${WWW}/dyn/14/questions/QANR5L14QE71234`,
        nosdeputes: 'https://2012-2017.nosdeputes.fr/14/question/QE/71234',
      },
    });
    expect(questionStatus(q, TODAY)).toEqual({
      state: 'closed',
      signaled: false,
      dueOn: '2015-01-09',
      closedOn: '2017-06-20',
      closure: 'lapsed',
      closureInferred: true,
      lapsedAtEndOf: 14,
      daysOpen: 924,
      daysLate: 893,
    });
  });

  it('layout B, withdrawn "(fin de mandat)"', () => {
    const q = questionOf(parseFixture('an/an-old-b-retiree.html', `${OLD}/q14/14-102345QE.htm`, dom));
    expect(q).toEqual({
      id: 'AN-14-QE-102345',
      chamber: 'AN',
      legislature: 14,
      type: 'QE',
      number: 102345,
      author: {
        name: 'M. Luc Illustratif',
        anId: 'PA999912',
        group: { acronym: 'LR', name: 'Les Républicains' },
        constituency: 'Vendée',
      },
      ministry: 'Économie et finances',
      answeringMinistry: 'Économie et finances',
      title: 'taux. travaux de rénovation',
      rubrique: 'impôts et taxes',
      publishedOn: '2017-02-07',
      closedOn: '2017-06-19',
      closedReason: 'Fin de mandat', // as the open data's libellé has it
      text: expect.stringMatching(/^M\. Luc Illustratif interroge .* rénovation énergétique\.$/),
      urls: {
        an: `${WWW}/dyn/14/questions/QANR5L14QE102345`,
        nosdeputes: 'https://2012-2017.nosdeputes.fr/14/question/QE/102345',
      },
    });
    expect(questionStatus(q, TODAY)).toEqual({
      state: 'closed',
      signaled: false,
      dueOn: '2017-04-07',
      closedOn: '2017-06-19',
      closedReason: 'Fin de mandat',
      closure: 'lapsed',
      lapsedAtEndOf: 14,
      daysOpen: 132,
      daysLate: 73,
    });
  });

  it("layout B, signalée then answered within the ten days, after a changement d'attribution", () => {
    const q = questionOf(parseFixture('an/an-old-b-signalee.html', `${OLD}/q14/14-80555QE.htm`, dom));
    expect(q).toEqual({
      id: 'AN-14-QE-80555',
      chamber: 'AN',
      legislature: 14,
      type: 'QE',
      number: 80555,
      author: {
        name: 'Mme Agathe Fictive',
        anId: 'PA999913',
        group: { acronym: 'UDI', name: 'Union des démocrates et indépendants' },
        constituency: 'Marne',
      },
      ministry: 'Intérieur',
      answeringMinistry: 'Logement, égalité des territoires et ruralité',
      title: 'urbanisme. permis de construire. instruction',
      rubrique: 'communes',
      publishedOn: '2015-05-19',
      answeredOn: '2015-10-13',
      signaledOn: '2015-10-05',
      reassignedOn: '2015-06-16',
      text: expect.stringMatching(/^Mme Agathe Fictive attire l'attention/),
      answerText: expect.stringMatching(/^Depuis le 1er juillet 2015, .* 10 000 habitants ou plus\.$/),
      urls: {
        an: `${WWW}/dyn/14/questions/QANR5L14QE80555`,
        nosdeputes: 'https://2012-2017.nosdeputes.fr/14/question/QE/80555',
      },
    });
    expect(questionStatus(q, TODAY)).toEqual({
      state: 'answered',
      signaled: true,
      dueOn: '2015-07-19',
      signalDueOn: '2015-10-15',
      answeredOn: '2015-10-13',
      daysOpen: 147,
      daysLate: 86,
      signalDaysLate: 0,
    });
  });

  it('layout A (table), the same answered question as layout B', () => {
    const q = questionOf(parseFixture('an/an-old-a-qe.html', `${OLD}/q14/14-47351QE.htm`, dom));
    expect(q).toEqual({
      id: 'AN-14-QE-47351',
      chamber: 'AN',
      legislature: 14,
      type: 'QE',
      number: 47351,
      author: {
        name: 'M. François Cornut-Gentille',
        group: { acronym: 'UMP', name: 'Union pour un Mouvement Populaire' },
        constituency: 'Haute-Marne',
      },
      ministry: 'Défense',
      answeringMinistry: 'Défense',
      title: 'équipements militaires. vieillissement. bilan',
      rubrique: 'défense',
      publishedOn: '2014-01-07',
      answeredOn: '2014-05-13',
      reassignedOn: '2014-04-03',
      renewedOn: '2014-04-15',
      // The question's own text only: layout A keeps both texts in one cell.
      text: "M. François Cornut-Gentille interroge M. le ministre de la défense sur les équipements des unités du génie de l'armée de terre. […]",
      answerText: 'Les données relatives aux équipements du génie […] figurent dans le tableau suivant :\nEBG\n42\nSPRAT\n8',
      urls: {
        an: `${WWW}/dyn/14/questions/QANR5L14QE47351`,
        nosdeputes: 'https://2012-2017.nosdeputes.fr/14/question/QE/47351',
      },
    });
    expect(questionStatus(q, TODAY)).toEqual({
      state: 'answered',
      signaled: false,
      dueOn: '2014-02-07',
      answeredOn: '2014-05-13',
      daysOpen: 126,
      daysLate: 95,
    });
  });

  it('layout A, withdrawn "(fin de mandat)" at the end of the 13th legislature', () => {
    const q = questionOf(parseFixture('an/an-old-a-retiree.html', `${OLD}/q13/13-118765QE.htm`, dom));
    expect(q).toEqual({
      id: 'AN-13-QE-118765',
      chamber: 'AN',
      legislature: 13,
      type: 'QE',
      number: 118765,
      author: { name: 'Mme Odile Modèle', group: { name: 'Nouveau Centre' }, constituency: 'Orne' },
      ministry: 'Santé',
      answeringMinistry: 'Travail, emploi et santé',
      title: 'maternités. fermeture. zones rurales',
      rubrique: 'santé',
      publishedOn: '2011-09-27',
      closedOn: '2012-06-19',
      closedReason: 'Fin de mandat',
      reassignedOn: '2011-11-14',
      text: "Mme Odile Modèle attire l'attention de M. le ministre de la santé sur la fermeture des maternités en zone rurale.",
      urls: {
        an: `${WWW}/dyn/13/questions/QANR5L13QE118765`,
        nosdeputes: 'https://2007-2012.nosdeputes.fr/13/question/QE/118765',
      },
    });
    expect(questionStatus(q, TODAY)).toEqual({
      state: 'closed',
      signaled: false,
      dueOn: '2011-10-27',
      closedOn: '2012-06-19',
      closedReason: 'Fin de mandat',
      closure: 'lapsed',
      lapsedAtEndOf: 13,
      daysOpen: 266,
      daysLate: 236,
    });
  });

  it('the seed question\'s old URL (leg. 15) serves the dyn layout: closed "Fin de mandat", 1148 days open', () => {
    const q = questionOf(parseFixture('an/an-dyn-qe-retiree.html', `${OLD}/q15/15-19189QE.htm`, dom));
    expect(q).toMatchObject({
      id: 'AN-15-QE-19189',
      author: {
        name: 'M. Julien Dive',
        anId: 'PA999901',
        group: { acronym: 'LR', name: 'Les Républicains' },
        constituency: 'Aisne (2e circonscription)',
      },
      publishedOn: '2019-04-30',
      closedOn: '2022-06-21',
      closedReason: 'Fin de mandat',
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

  it('a leg.-15 old URL serving the dyn layout, with a "Question N°" heading and a bold name, is read as dyn', () => {
    const q = questionOf(parseFixture('an/an-old-15-dyn.html', `${OLD}/q15/15-44415QE.htm`, dom));
    expect(q).toEqual({
      id: 'AN-15-QE-44415',
      chamber: 'AN',
      legislature: 15,
      type: 'QE',
      number: 44415,
      author: {
        name: 'M. Marc Exemplaire',
        anId: 'PA999914',
        group: { acronym: 'LREM', name: 'La République en Marche' },
        constituency: 'Haute-Savoie (6e circonscription)',
      },
      ministry: 'Solidarités et santé',
      answeringMinistry: 'Solidarités et santé',
      title: 'Tarification des transports sanitaires',
      rubrique: 'Santé',
      publishedOn: '2021-12-07',
      answeredOn: '2022-03-15',
      text: expect.stringMatching(/^M\. Marc Exemplaire interroge/),
      answerText: expect.stringMatching(/^Un avenant à la convention/),
      urls: {
        an: `${WWW}/dyn/15/questions/QANR5L15QE44415`,
        nosdeputes: 'https://2017-2022.nosdeputes.fr/15/question/QE/44415',
      },
    });
    expect(questionStatus(q, TODAY)).toEqual({
      state: 'answered',
      signaled: false,
      dueOn: '2022-02-07',
      answeredOn: '2022-03-15',
      daysOpen: 98,
      daysLate: 36,
    });
  });

  it('the dyn closure of a leg.-15 page served at its old URL is kept (never read as pending by the old reader)', () => {
    const html = edit(
      fixtureText('an/an-dyn-qe-retiree.html'),
      '<h1 class="h2 _mb-small">',
      '<p class="_bold">Question N° 19189</p><p><strong>M. Julien Dive</strong></p><h1 class="h2 _mb-small">',
    );
    const q = questionOf(parseText(html, `${OLD}/q15/15-19189QE.htm`, dom));
    expect(questionStatus(q, TODAY).state).toBe('closed');
  });
});

describe.each(DOM_IMPLEMENTATIONS)('AN old question pages, bad input (%s)', (dom) => {
  const URL_B = `${OLD}/q14/14-47351QE.htm`;
  const layoutB = () => fixtureText('an/an-old-qe.html');

  it('reads error pages and empty documents as other', () => {
    expect(parseFixture('an/an-error-503.html', URL_B, dom)).toEqual({ kind: 'other' });
    expect(parseFixture('an/an-error-404.html', URL_B, dom)).toEqual({ kind: 'other' });
    expect(parseText('', URL_B, dom)).toEqual({ kind: 'other' });
    expect(parseText('<div id="contenu-page"></div>', URL_B, dom)).toEqual({ kind: 'other' });
  });

  it('reads a page whose number, type or legislature contradicts its URL as other', () => {
    expect(parseFixture('an/an-old-qe.html', `${OLD}/q14/14-47352QE.htm`, dom)).toEqual({ kind: 'other' });
    expect(parseFixture('an/an-old-qe.html', `${OLD}/q14/14-47351QG.htm`, dom)).toEqual({ kind: 'other' });
    expect(parseFixture('an/an-old-a-qe.html', `${OLD}/q14/14-47352QE.htm`, dom)).toEqual({ kind: 'other' });
    // Layout A names its legislature ("14ème législature").
    expect(parseFixture('an/an-old-a-qe.html', `${OLD}/q13/13-47351QE.htm`, dom)).toEqual({ kind: 'other' });
    // A contradicting old page is not handed to the dyn reader either.
    expect(parseFixture('an/an-old-15-dyn.html', `${OLD}/q15/15-44416QE.htm`, dom)).toEqual({ kind: 'other' });
  });

  it('never takes the next label\'s line for an empty "Rubrique >" or "Ministère attributaire >"', () => {
    const html = edit(
      edit(layoutB(), 'Rubrique &gt;</span> défense', 'Rubrique &gt;</span>'),
      'Ministère attributaire &gt;</span> Défense',
      'Ministère attributaire &gt;</span>',
    );
    const q = questionOf(parseText(html, URL_B, dom));
    expect(q.rubrique).toBeUndefined();
    expect(q.answeringMinistry).toBeUndefined();
    expect(q.title).toBe('équipements militaires. vieillissement. bilan');
    expect(questionStatus(q, TODAY).state).toBe('answered');
  });

  it('says unknown when the answer or withdrawal line has no readable date', () => {
    const noAnswerDate = edit(
      layoutB(),
      '<span class="question_big_content">13/05/2014</span>',
      '<span class="question_big_content"></span>',
    );
    const q1 = questionOf(parseText(noAnswerDate, URL_B, dom));
    expect(q1.unreadableStatus).toBe('answer date unreadable');
    expect(questionStatus(q1, TODAY).state).toBe('unknown');

    const noClosureDate = edit(fixtureText('an/an-old-b-retiree.html'), '>19/06/2017<', '><');
    const q2 = questionOf(parseText(noClosureDate, `${OLD}/q14/14-102345QE.htm`, dom));
    expect(q2.unreadableStatus).toBe('closure date unreadable');
    expect(questionStatus(q2, TODAY).state).toBe('unknown');
  });

  it('says unknown when the publication date is missing', () => {
    const html = edit(layoutB(), '>07/01/2014<', '><');
    const q = questionOf(parseText(html, URL_B, dom));
    expect(q.unreadableStatus).toBe('publication date unreadable');
    expect(questionStatus(q, TODAY).state).toBe('unknown');
  });

  it(
    'an answered or withdrawn page cut anywhere never reads as pending, nor as another status',
    () => {
      const cases: [string, string, string, Partial<Question>][] = [
        ['an-old-qe.html', URL_B, 'answered', { answeredOn: '2014-05-13' }],
        ['an-old-a-qe.html', URL_B, 'answered', { answeredOn: '2014-05-13' }],
        ['an-old-b-retiree.html', `${OLD}/q14/14-102345QE.htm`, 'closed', { closedOn: '2017-06-19' }],
        ['an-old-a-retiree.html', `${OLD}/q13/13-118765QE.htm`, 'closed', { closedOn: '2012-06-19' }],
        // Unanswered in a finished legislature: lapsed with it.
        ['an-old-b-pending.html', `${OLD}/q14/14-71234QE.htm`, 'closed', { publishedOn: '2014-12-09' }],
      ];
      for (const [name, url, whole, facts] of cases) {
        const html = fixtureText(`an/${name}`);
        for (const end of cutPoints(html, { step: 29 })) {
          const result = parseText(html.slice(0, end), url, dom);
          if (result.kind !== 'question') {
            expect(result).toEqual({ kind: 'other' });
            continue;
          }
          const state = questionStatus(result.question, TODAY).state;
          expect(['unknown', whole], `${name} cut at ${end}`).toContain(state);
          if (state === whole) expect(result.question).toMatchObject(facts);
        }
      }
    },
    SWEEP_TIMEOUT_MS,
  );
});
