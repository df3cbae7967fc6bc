/**
 * senat.fr question pages and yearly archive, NosSénateurs' archive pages: every Sénat page kind and
 * status (answered, pending, transmitted, lapsed, converted, recalled, legacy wording and layout A),
 * in both DOM implementations, with hostile text and pages cut short.
 */
import { describe, expect, it } from 'vitest';
import { type Question } from '../../lib/model';
import { parsePage, type PageParse } from '../../lib/sites';
import { nossenateursSite } from '../../lib/sites/nossenateurs';
import { senatSite } from '../../lib/sites/senat';
import { questionStatus, refStatus, type QuestionState } from '../../lib/status';
import { DOM_IMPLEMENTATIONS, documentFromHtml, fixtureText, type DomImplementation } from '../helpers/dom';
import { edit, itemsOf, parseFixture, parseText, questionOf, TODAY } from '../helpers/pages';
import { cutPoints, SWEEP_TIMEOUT_MS } from '../helpers/sweep';

const SENAT = (path: string) => `https://www.senat.fr/questions/base/${path}`;
const ANSWERED_2008 = 'senat/senat-qe-repondue-2008-qSEQ080203308.html';
const ANSWERED_2018 = 'senat/senat-qe-repondue-2018-qSEQ181007406.html';
const LAPSED_2022 = 'senat/senat-qe-caduque-2022-qSEQ220628479.html';
const LEGACY_1987 = 'senat/senat-qe-ancien-format-1987-qSEQ870305017.html';
const PENDING = 'senat/synthetic-qe-en-attente-transmise.html';
const CONVERTED = 'senat/synthetic-qe-transformee-rappel.html';
const LAYOUT_A = 'senat/synthetic-qe-layout-a.html';

describe.each(DOM_IMPLEMENTATIONS)('senat.fr question pages (%s)', (dom) => {
  const read = (file: string, path: string) => questionOf(parseFixture(file, SENAT(path), dom));

  it('reads an answered question: senator line, dates, answering ministry, texts, reference', () => {
    const q = read(ANSWERED_2008, '2008/qSEQ080203308.html');
    expect(q).toMatchObject({
      id: 'SEN-13-QE-3308',
      chamber: 'SEN',
      legislature: 13,
      number: 3308,
      author: { name: 'M. MASSON Jean Louis', group: { acronym: 'NI' }, constituency: 'Moselle' },
      publishedOn: '2008-02-07',
      answeredOn: '2008-04-10',
      answeringMinistry: "Secrétariat d'État aux Relations avec le Parlement",
      senatReference: 'SEQ080203308',
      urls: {
        senat: 'https://www.senat.fr/questions/base/2008/qSEQ080203308.html',
        nossenateurs: 'https://archive.nossenateurs.fr/question/13/03308',
      },
    });
    expect(q.text).toMatch(/^M\. Jean Louis Masson attire/);
    expect(q.answerText).toMatch(/^Monsieur le Secrétaire d'État/);
    expect(q.unreadableStatus).toBeUndefined();
    expect(questionStatus(q, TODAY)).toMatchObject({ state: 'answered', daysOpen: 63, daysLate: 34, dueOn: '2008-03-07' });
  });

  it('reads an answer whose page was cut inside it, and the two-month rule of 2019', () => {
    const q = read(ANSWERED_2018, '2018/qSEQ181007406.html');
    expect(q).toMatchObject({
      id: 'SEN-15-QE-7406',
      answeredOn: '2018-11-01',
      answeringMinistry: 'Premier ministre - Relations avec le Parlement',
    });
    expect(questionStatus(q, TODAY)).toMatchObject({ state: 'answered', daysOpen: 7, daysLate: 0, dueOn: '2018-11-25' });
  });

  it('reads the legacy « Réponse du ministère : » wording and the one-month rule', () => {
    const q = read(LEGACY_1987, '1987/qSEQ870305017.html');
    expect(q).toMatchObject({
      id: 'SEN-8-QE-5017',
      publishedOn: '1987-03-12',
      answeredOn: '1987-04-09',
      answeringMinistry: 'Relations avec le Parlement',
    });
    expect(q.answerText).toMatch(/^Réponse\. -Le ministre/);
    expect(questionStatus(q, TODAY)).toMatchObject({ state: 'answered', dueOn: '1987-04-12', daysLate: 0 });
  });

  it('reads « La question est caduque » as lapsed, dated by the collective caducité, in the legislature the page states', () => {
    const q = read(LAPSED_2022, '2022/qSEQ220628479.html');
    expect(q).toMatchObject({ id: 'SEN-15-QE-28479', publishedOn: '2022-06-30', closedReason: 'La question est caduque' });
    expect(questionStatus(q, TODAY)).toMatchObject({
      state: 'closed',
      closure: 'lapsed',
      lapseCause: 'collective',
      closedOn: '2022-06-30',
    });
  });

  it('reads « En attente » and « Transmise au … »: pending or overdue, the transmission kept, the deadline from publication', () => {
    const q = read(PENDING, '2025/qSEQ250199999.html');
    expect(q).toMatchObject({
      id: 'SEN-17-QE-99999',
      awaitingAnswer: true,
      transmittedTo: "Ministère de l'intérieur",
      answeringMinistry: "Ministère de l'intérieur",
    });
    expect(questionStatus(q, '2025-02-01')).toMatchObject({ state: 'pending', dueOn: '2025-03-09' });
    expect(questionStatus(q, '2025-04-01')).toMatchObject({ state: 'overdue', daysLate: 23 });
    // Two years on, the rule lapsed it while the page still says it awaits an answer.
    expect(questionStatus(q, '2027-10-05').state).toBe('unknown');
  });

  it('reads a conversion into an oral question and the question it recalls, with their links', () => {
    const q = read(CONVERTED, '2025/qSEQ250399998.html');
    expect(q).toMatchObject({
      id: 'SEN-17-QE-99998',
      closedReason: 'Transformée en question orale sans débat',
      convertedTo: 'SEQ25050123S',
      recalls: { number: 1234, senatReference: 'SEQ241001234' },
    });
    expect(questionStatus(q, TODAY)).toMatchObject({ state: 'closed', closure: 'converted' });
  });

  it('reads the older layout A, whose labels carry the number and the JO lines', () => {
    const q = read(LAYOUT_A, '2008/qSEQ080203308.html');
    expect(q).toMatchObject({
      id: 'SEN-13-QE-3308',
      publishedOn: '2008-02-07',
      answeredOn: '2008-04-10',
      answeringMinistry: "Secrétariat d'État aux Relations avec le Parlement",
      author: { name: 'M. Jean Louis Masson', senatSlug: 'masson_jean_louis01051n' },
    });
    expect(q.answerText).toMatch(/^Monsieur le Secrétaire/);
  });

  it('is the same question on every host and through visio.do', () => {
    const html = fixtureText(ANSWERED_2008);
    for (const url of [
      'https://senat.fr/questions/base/2008/qSEQ080203308.html',
      'http://www2.senat.fr/questions/base/2008/qSEQ080203308.html',
      'https://www.senat.fr/basile/visio.do?id=qSEQ080203308',
    ]) {
      expect(questionOf(parseText(html, url, dom)).id).toBe('SEN-13-QE-3308');
    }
  });

  it('reads no legislature a page states that the calendar does not know, or that its date contradicts', () => {
    const html = fixtureText(ANSWERED_2008);
    expect(parseText(edit(html, '13e législature', '99e législature'), SENAT('2008/qSEQ080203308.html'), dom).kind).toBe('other');
    expect(parseText(edit(html, '13e législature', '15e législature'), SENAT('2008/qSEQ080203308.html'), dom).kind).toBe('other');
    // Without the line, the date says it.
    const bare = edit(html, '<p class="legislature">13e législature</p>', '');
    expect(questionOf(parseText(bare, SENAT('2008/qSEQ080203308.html'), dom)).id).toBe('SEN-13-QE-3308');
  });

  it('reads nothing where the page is no question at all, or another question’s in layout A; layout B takes the number from its address', () => {
    const html = fixtureText(ANSWERED_2008);
    // Layout B prints no reference of its own to compare with the address: a known limit.
    expect(parseText(html, SENAT('2008/qSEQ080203309.html'), dom).kind).toBe('question');
    expect(parseText('<html><body><h1>The page cannot be found</h1></body></html>', SENAT('2008/qSEQ080203308.html'), dom).kind).toBe(
      'other',
    );
    const layoutA = fixtureText(LAYOUT_A);
    expect(parseText(layoutA, SENAT('2008/qSEQ080203309.html'), dom).kind).toBe('other');
  });

  it('takes no label from inside the question’s or the answer’s text', () => {
    const html = fixtureText(PENDING);
    const hostile = edit(
      html,
      '<p>M. Jean Dupont attire',
      '<p>Réponse du Ministère de la vérité publiée le 16/01/2025</p><p>La question est caduque</p><p>M. Jean Dupont attire',
    );
    const q = questionOf(parseText(hostile, SENAT('2025/qSEQ250199999.html'), dom));
    expect(q.answeredOn).toBeUndefined();
    expect(q.closedReason).toBeUndefined();
    expect(questionStatus(q, '2025-02-01').state).toBe('pending');
    const inAnswer = edit(fixtureText(ANSWERED_2008), '<p>- page 726</p>', '<p>La question est caduque</p><p>- page 726</p>');
    expect(questionStatus(questionOf(parseText(inAnswer, SENAT('2008/qSEQ080203308.html'), dom)), TODAY).state).toBe('answered');
  });

  it('reads an answer and a lapse on one page, or markup in the senator line, as « Statut inconnu » or nothing', () => {
    const both = edit(fixtureText(ANSWERED_2008), '<p class="maj">', '<p>La question est caduque</p><p class="maj">');
    expect(questionStatus(questionOf(parseText(both, SENAT('2008/qSEQ080203308.html'), dom)), TODAY).state).toBe('unknown');
    const script = edit(
      fixtureText(ANSWERED_2008),
      'MASSON Jean Louis',
      '<script>alert(1)</script>MASSON <img src=x onerror=alert(1)>Jean Louis',
    );
    const q = questionOf(parseText(script, SENAT('2008/qSEQ080203308.html'), dom));
    expect(q.author.name).toBe('M. MASSON Jean Louis');
  });
});

describe.each(DOM_IMPLEMENTATIONS)('senat.fr yearly archive (%s)', (dom) => {
  it('lists each question once, keyed where the month says the legislature, status unknown', () => {
    const items = itemsOf(parseFixture('senat/synthetic-archive-2025.html', SENAT('2025/'), dom));
    expect(items.map((item) => item.ref.id)).toStrictEqual(['SEN-17-QE-99999', 'SEN-17-QE-99998', 'SEN-17-QE-4208']);
    expect(items[2]!.ref.url).toBe('https://www.senat.fr/questions/base/2025/qSEQ250404208.html');
    for (const item of items) expect(refStatus(item.ref, TODAY).state).toBe('unknown');
  });
});

const NS = (path: string) => `https://archive.nossenateurs.fr${path}`;

describe.each(DOM_IMPLEMENTATIONS)('NosSénateurs archive (%s)', (dom) => {
  it('reads an answered question with its senat.fr source', () => {
    const q = questionOf(parseFixture('nossenateurs/q-repondue.html', NS('/question/13/03308'), dom));
    expect(q).toMatchObject({
      id: 'SEN-13-QE-3308',
      author: { name: 'Jean Louis Masson', slug: 'jean-louis-masson' },
      ministry: "Secrétariat d'État aux Relations avec le Parlement",
      publishedOn: '2008-02-07',
      answeredOn: '2008-04-10',
      senatReference: 'SEQ080203308',
    });
    expect(q.urls.senat).toBe('https://www.senat.fr/questions/base/2008/qSEQ080203308.html');
    expect(questionStatus(q, TODAY)).toMatchObject({ state: 'answered', daysLate: 34 });
  });

  it('reads « Retirée le … (caduque) » as lapsed', () => {
    const q = questionOf(parseFixture('nossenateurs/q-caduque.html', NS('/question/15/28479'), dom));
    expect(questionStatus(q, TODAY)).toMatchObject({
      state: 'closed',
      closure: 'lapsed',
      closedOn: '2022-06-30',
      lapseCause: 'collective',
    });
  });

  it('takes its frozen « pas encore de réponse » for what it is: the rules lapse it', () => {
    const q = questionOf(parseFixture('nossenateurs/q-sans-reponse.html', NS('/question/16/09876'), dom));
    expect(q.awaitingAnswer).toBeUndefined();
    expect(questionStatus(q, '2023-02-01').state).toBe('pending');
    expect(questionStatus(q, TODAY)).toMatchObject({ state: 'closed', closure: 'lapsed', lapseCause: 'two-year', closedOn: '2025-10-01' });
  });

  it('lists a senator’s written questions (no status words) and search results (with them)', () => {
    const senator = itemsOf(parseFixture('nossenateurs/list-senator-questions.html', NS('/jean-louis-masson/questions/ecrites'), dom));
    expect(senator.map((item) => item.ref.id)).toStrictEqual(['SEN-13-QE-3308', 'SEN-15-QE-7406', 'SEN-15-QE-1']);
    expect(senator[0]!.ref.url).toBe('https://archive.nossenateurs.fr/question/13/03308');
    expect(refStatus(senator[0]!.ref, TODAY).state).toBe('unknown');
    const search = itemsOf(parseFixture('nossenateurs/list-search.html', NS('/rechercher/questions/questions%20%C3%A9crites'), dom));
    const states = Object.fromEntries(search.map((item) => [item.ref.id, refStatus(item.ref, TODAY).state]));
    expect(states).toStrictEqual<Record<string, QuestionState>>({
      'SEN-13-QE-3308': 'answered',
      'SEN-15-QE-28479': 'closed',
      'SEN-16-QE-9876': 'unknown',
    });
  });
});

/** A site's own parser, without parsePage's try/catch: pages cut short must not make it throw. */
function parseDirect(html: string, url: string, dom: DomImplementation): PageParse {
  const parsed = new URL(url);
  const definition = [...senatSite.pages, ...nossenateursSite.pages].find((page) => page.detect(parsed))!;
  const doc = documentFromHtml(html, dom, url);
  try {
    return definition.parse(doc, parsed);
  } finally {
    if (dom === 'happy-dom') void (doc.defaultView as unknown as { close?: () => unknown } | null)?.close?.();
  }
}

const TRUNCATION_CASES: { file: string; url: string; allowed: QuestionState[] }[] = [
  { file: ANSWERED_2008, url: SENAT('2008/qSEQ080203308.html'), allowed: ['answered', 'unknown'] },
  { file: LAPSED_2022, url: SENAT('2022/qSEQ220628479.html'), allowed: ['closed', 'unknown'] },
  { file: PENDING, url: SENAT('2025/qSEQ250199999.html'), allowed: ['pending', 'unknown'] },
  { file: 'nossenateurs/q-repondue.html', url: NS('/question/13/03308'), allowed: ['answered', 'unknown'] },
];

describe.each(DOM_IMPLEMENTATIONS)('Sénat pages cut short (%s)', (dom) => {
  it.each(TRUNCATION_CASES)(
    '$file cut anywhere: never throws, never another status',
    ({ file, url, allowed }) => {
      const html = fixtureText(file);
      const points = cutPoints(html, {
        step: dom === 'linkedom' ? 61 : 197,
        around: [{ pattern: /Réponse|caduque|En attente/, before: 40, after: 80 }],
      });
      // A cut before the body leaves no document to read in linkedom: the sweep starts at the body.
      for (const at of points.filter((point) => point > html.indexOf('<body'))) {
        const page = parseDirect(html.slice(0, at), url, dom);
        if (page.kind !== 'question') continue;
        const state = questionStatus(page.question as Question, '2025-02-01').state;
        expect(allowed, `cut at ${at}: ${state}`).toContain(state);
      }
      expect(parsePage(documentFromHtml(html, dom, url), url).kind).toBe('question');
    },
    SWEEP_TIMEOUT_MS,
  );
});
