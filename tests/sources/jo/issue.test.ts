import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readIssue } from '../../../lib/sources/jo/issue';
import { issueReadingSchema, questionIdOf, type IssueReading, type JoIssue } from '../../../lib/sources/jo/schemas';
import { redifAnswer, redifFile, redifQuestion, type RedifQuestionSpec } from '../../../harness/jo-archives';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/jo/${name}`, import.meta.url), 'utf8');
const REDIF = fixture('REDIF_ANQ20260010.xml');
const SEQ = fixture('SEQ20240010.xml');
const AN = { chamber: 'AN', year: 2026, number: 10 } as const;

function read(xml: string, context: Parameters<typeof readIssue>[1] = AN): IssueReading {
  const reading = readIssue(xml, context);
  expect(issueReadingSchema.safeParse(reading).success).toBe(true);
  return reading;
}

function issueOf(reading: IssueReading): { issue: JoIssue; rejected: Extract<IssueReading, { ok: true }>['rejected'] } {
  if (!reading.ok) throw new Error(`expected a reading, got ${reading.reason}: ${reading.detail}`);
  return reading;
}

const question = (spec: RedifQuestionSpec) => redifQuestion({ date: '2026-03-10', page: 1890, ...spec });

describe('readIssue on the REDIF fixture', () => {
  const { issue, rejected } = issueOf(read(REDIF));

  it('reads the issue and rejects nothing', () => {
    expect(rejected).toEqual([]);
    expect(issue).toMatchObject({ format: 'REDIF', chamber: 'AN', year: 2026, number: 10, publishedOn: '2026-03-10' });
  });

  it('reads a question first published in the issue, its texts decoded and its header removed', () => {
    expect(issue.questions[0]).toEqual({
      key: { chamber: 'AN', legislature: 17, type: 'QE', number: 13382 },
      publishedOn: '2026-03-10',
      page: 1890,
      ministry: 'Santé et accès aux soins',
      author: 'Mme Élise Morvan',
      subject: "Délais d'attente en centre dentaire",
      text:
        "Mme Élise Morvan attire l'attention de Mme la ministre de la santé et de l’accès aux soins sur les délais d'attente" +
        ' dans les centres dentaires du Finistère : plus de six mois pour une première consultation.\n' +
        'Elle lui demande quelles mesures le Gouvernement entend prendre & dans quels délais.',
    });
  });

  it("takes a question's date from its header when it has no referencePublication", () => {
    expect(issue.questions[1]).toEqual({
      key: { chamber: 'AN', legislature: 17, type: 'QE', number: 13383 },
      publishedOn: '2026-03-10',
      ministry: 'Éducation nationale',
      author: 'M. Paul Ledoux',
      subject: 'Remplacement des enseignants absents',
      text: "M. Paul Ledoux interroge Mme la ministre de l'éducation nationale sur le remplacement des enseignants absents dans les collèges ruraux.",
    });
  });

  it('keeps a Senate question of an Assemblée file with its own chamber, and another legislature with its own', () => {
    expect(issue.questions.map((q) => q.key)).toEqual([
      { chamber: 'AN', legislature: 17, type: 'QE', number: 13382 },
      { chamber: 'AN', legislature: 17, type: 'QE', number: 13383 },
      { chamber: 'SENAT', legislature: 17, type: 'QE', number: 4021 },
      { chamber: 'AN', legislature: 16, type: 'QE', number: 9876 },
    ]);
    expect(issue.questions.map((q) => questionIdOf(q.key))).toEqual([
      'AN-17-QE-13382',
      'AN-17-QE-13383',
      'SEN-17-QE-4021',
      'AN-16-QE-9876',
    ]);
  });

  it('reads an answer: the REP marker is a written question, the question dated by its header only', () => {
    expect(issue.answers[0]).toEqual({
      questions: [
        {
          key: { chamber: 'AN', legislature: 17, type: 'QE', number: 12001 },
          publishedOn: '2026-01-13',
          ministry: 'Transition écologique',
          author: 'M. Karim Belaïd',
          subject: 'Rénovation énergétique des logements sociaux',
          text: "M. Karim Belaïd attire l'attention de M. le ministre sur la rénovation énergétique des logements sociaux.",
        },
      ],
      answeredOn: '2026-03-10',
      page: 1925,
      ministry: 'Transition écologique',
      text:
        'La rénovation énergétique du parc social est une priorité du Gouvernement.\n' +
        'Le dispositif « Seconde vie » sera étendu en 2026 & ses crédits doublés.',
    });
  });

  it('reads a joint answer as answering each of its questions', () => {
    const joint = issue.answers[1]!;
    expect(joint.questions.map((q) => questionIdOf(q.key))).toEqual(['AN-17-QE-12210', 'AN-17-QE-12344']);
    expect(joint).toMatchObject({ answeredOn: '2026-03-10', page: 1931, ministry: 'Travail et emplois' });
    expect(joint.text).toBe("Les aides à l'embauche d'apprentis sont maintenues en 2026.\nUn décret précisera leurs montants.");
  });
});

describe('readIssue on the legacy Senate fixture', () => {
  const { issue, rejected } = issueOf(read(SEQ, { chamber: 'SENAT' }));

  it('takes the issue date and number from the root, the legislature from each question date', () => {
    expect(issue).toMatchObject({ format: 'SEQ', chamber: 'SENAT', year: 2024, number: 10, publishedOn: '2024-03-07' });
    expect(issue.questions).toEqual([
      {
        key: { chamber: 'SENAT', legislature: 16, type: 'QE', number: 10521 },
        publishedOn: '2024-03-07',
        page: 1012,
        ministry: "Ministère de l'éducation nationale et de la jeunesse",
        author: 'M. Jean Exemple',
        subject: 'Fermeture de classes en zone rurale',
        text: "M. Jean Exemple attire l'attention de Mme la ministre sur les fermetures de classes.\nIl lui demande quelles sont ses intentions.",
      },
    ]);
  });

  it('rejects a question dated between two legislatures, whose key cannot be built', () => {
    expect(rejected).toEqual([
      {
        section: 'QE',
        index: 1,
        reason:
          "DateQ: 2024-06-20 falls where the Sénat's numbering is not certain (between legislatures, or before its first ordinary session)",
      },
    ]);
  });

  it('dates an answer with its issue and reads the escaped HTML of its texts', () => {
    expect(issue.answers).toEqual([
      {
        questions: [
          {
            key: { chamber: 'SENAT', legislature: 16, type: 'QE', number: 9876 },
            publishedOn: '2023-12-14',
            page: 5901,
            ministry: 'Ministère de la transition écologique',
            author: 'Mme Marie Modèle',
            subject: 'Entretien des routes départementales',
            text: "Mme Marie Modèle interroge M. le ministre sur l'entretien des routes.",
          },
        ],
        answeredOn: '2024-03-07',
        page: 1045,
        ministry: 'Transition écologique et cohésion des territoires',
        text: "Les départements sont compétents : l'État les accompagne.\nUne circulaire est en préparation.",
      },
    ]);
  });

  it('rejects the answers of a file without DateJO, and keeps its questions', () => {
    const { issue: undated, rejected: why } = issueOf(read(SEQ.replace(' DateJO="2024-03-07"', ''), { chamber: 'SENAT' }));
    expect(undated.answers).toEqual([]);
    expect(undated.questions).toHaveLength(1);
    // The issue is still dated, as a REDIF file is, by the date most of its entries carry.
    expect(undated.publishedOn).toBe('2024-03-07');
    expect(why).toContainEqual({ section: 'REP', index: 0, reason: 'answer without a date: the file has no DateJO' });
  });
});

describe('readIssue on broken files', () => {
  it('refuses XML cut anywhere before its end, never reading it as a shorter issue', () => {
    const end = REDIF.lastIndexOf('</REDIF>');
    for (let cut = 0; cut < end; cut += 37) {
      const reading = read(REDIF.slice(0, cut));
      expect(reading, `cut at ${cut}`).toMatchObject({ ok: false, reason: 'xml-malformed' });
    }
  });

  it('says where XML cut mid-element stops', () => {
    const cut = REDIF.indexOf('sur les délais');
    expect(read(REDIF.slice(0, cut))).toEqual({
      ok: false,
      reason: 'xml-malformed',
      detail: expect.stringMatching(/unclosed tag: texteQuestion/),
    });
  });

  it.each([
    ['mismatched tags', redifFile({ qe: [question({ number: 1 }).replace('</numeroQuestion>', '</numeroquestion>')] })],
    ['text that is not XML', 'Service Unavailable'],
    ['an HTML error page', '<!DOCTYPE html><html><head><meta charset="utf-8"><title>503</title></head><body>503</body></html>'],
    ['an empty file', ''],
  ])('refuses %s as malformed XML', (_label, xml) => {
    expect(read(xml)).toMatchObject({ ok: false, reason: 'xml-malformed' });
  });

  it('refuses a bare ampersand, which is not XML', () => {
    expect(read(redifFile({ qe: [question({ number: 1, text: 'Procter & Gamble' })] }))).toMatchObject({
      ok: false,
      reason: 'xml-malformed',
    });
  });

  it.each([
    ['a well-formed file without sections', '<?xml version="1.0"?><html><body>503 Backend fetch failed</body></html>'],
    ['sections of other parts only', '<JO><Section part="XYZ"><question/></Section></JO>'],
  ])('refuses %s as having no sections', (_label, xml) => {
    expect(read(xml)).toEqual({ ok: false, reason: 'no-sections', detail: 'no <Section part="QE"> nor <Section part="REP">' });
  });

  it('reads a file with empty sections as an issue with nothing in it', () => {
    expect(read(redifFile({ qe: [], rep: [] }))).toEqual({
      ok: true,
      issue: { format: 'REDIF', chamber: 'AN', year: 2026, number: 10, questions: [], answers: [] },
      rejected: [],
    });
  });

  it('reads sections under any root element name', () => {
    const { issue } = issueOf(read(redifFile({ root: 'DebatsQuestionsReponses', qe: [question({ number: 5 })] })));
    expect(issue.questions.map((q) => q.key.number)).toEqual([5]);
  });
});

describe('readIssue on broken entries', () => {
  const reading = (qe: string[], rep: string[] = []) => issueOf(read(redifFile({ qe, rep })));

  it('rejects an entry without numeroQuestion and keeps its siblings', () => {
    const { issue, rejected } = reading([question({ number: 1 }), question({ number: undefined }), question({ number: 3 })]);
    expect(issue.questions.map((q) => q.key.number)).toEqual([1, 3]);
    expect(rejected).toEqual([{ section: 'QE', index: 1, reason: 'numeroQuestion: missing' }]);
  });

  it.each<[string, RedifQuestionSpec, string | RegExp]>([
    ['a number that is not one', { number: '13 382' }, 'numeroQuestion: not a positive number'],
    ['number zero', { number: 0 }, 'numeroQuestion: not a positive number'],
    ['no legislature', { number: 1, legislature: '' }, 'legislature: missing'],
    ['a legislature out of range', { number: 1, legislature: 150 }, /^key\.legislature: /],
    ['an unknown type', { number: 1, type: 'QX' }, 'type: QX is not a question type'],
    ['an unknown source', { number: 1, source: 'CESE' }, 'source: CESE is neither AN nor SENAT'],
  ])('rejects %s with its reason', (_label, spec, reason) => {
    const { issue, rejected } = reading([question({ number: 100 }), question(spec)]);
    expect(issue.questions).toHaveLength(1);
    expect(rejected).toEqual([
      { section: 'QE', index: 1, reason: expect.stringMatching(typeof reason === 'string' ? `^${reason}$` : reason) },
    ]);
  });

  it('rejects an entry that is not a question', () => {
    const { rejected } = reading(['<commentaire>Rubrique</commentaire>']);
    expect(rejected).toEqual([{ section: 'QE', index: 0, reason: '<commentaire> where a <question> was expected' }]);
  });

  it('takes the file chamber for a question without source', () => {
    const { issue } = issueOf(
      readIssue(redifFile({ qe: [question({ number: 7 }).replace('<source>AN</source>', '')] }), { chamber: 'SENAT' }),
    );
    expect(issue.questions[0]!.key).toEqual({ chamber: 'SENAT', legislature: 17, type: 'QE', number: 7 });
  });

  it('counts entries across sections of the same part', () => {
    const xml = redifFile({ qe: [question({ number: 1 })] }).replace(
      '</Section>',
      `</Section><Section part="QE">${question({ number: undefined })}</Section>`,
    );
    expect(issueOf(read(xml)).rejected).toEqual([{ section: 'QE', index: 1, reason: 'numeroQuestion: missing' }]);
  });

  it('keeps a joint answer for the questions that read, and says which did not', () => {
    const { issue, rejected } = reading(
      [],
      [redifAnswer({ questions: [{ number: 21 }, { number: undefined }], date: '2026-03-10', page: 1931, text: 'Réponse.' })],
    );
    expect(issue.answers.map((a) => a.questions.map((q) => q.key.number))).toEqual([[21]]);
    expect(rejected).toEqual([{ section: 'REP', index: 0, reason: 'question 2 of 2: numeroQuestion: missing' }]);
  });

  it('rejects an answer entry without a question, without a reponse, or without any date', () => {
    const { issue, rejected } = reading(
      [],
      [
        '<questionReponse><reponse><texteReponse>Sans question.</texteReponse></reponse></questionReponse>',
        `<questionReponse>${redifQuestion({ number: 31, type: 'REP', date: '2026-03-10' })}</questionReponse>`,
        redifAnswer({ questions: [{ number: 32 }], text: 'Sans date.' }),
        redifAnswer({ questions: [{ number: 33 }], date: '2026-03-10', text: 'Valide.' }),
      ],
    );
    expect(issue.answers.map((a) => a.questions[0]!.key.number)).toEqual([33]);
    expect(rejected).toEqual([
      { section: 'REP', index: 0, reason: 'no question above the answer' },
      { section: 'REP', index: 1, reason: 'no <reponse>' },
      { section: 'REP', index: 2, reason: 'answer without a date' },
    ]);
  });

  it("dates an answer by its question's referencePublication when the reponse has none", () => {
    const { issue } = reading([], [redifAnswer({ questions: [{ number: 41, date: '2026-03-10', page: 1950 }], text: 'Réponse.' })]);
    expect(issue.answers[0]).toMatchObject({ answeredOn: '2026-03-10', page: 1950 });
  });

  it('leaves out a page or date that does not read, not the question', () => {
    const { issue, rejected } = reading([question({ number: 51, date: 'bientôt', page: 'XII' })]);
    expect(rejected).toEqual([]);
    expect(issue.questions[0]).not.toHaveProperty('page');
    expect(issue.questions[0]).not.toHaveProperty('publishedOn');
  });
});

describe('readIssue texts', () => {
  const textOf = (text: string, number = 61) => issueOf(read(redifFile({ qe: [question({ number, text })] }))).issue.questions[0]!.text;

  it('keeps a header whose number is not the question’s, or whose date does not read', () => {
    expect(textOf('62. — 10 mars 2026. — M. X demande.')).toBe('62. — 10 mars 2026. — M. X demande.');
    expect(textOf('61. — 10 brumaire an II. — M. X demande.')).toBe('61. — 10 brumaire an II. — M. X demande.');
  });

  it('reads undeclared HTML entities rather than refusing the file', () => {
    expect(textOf('Question&nbsp;: pourquoi&#160;? &eacute;t&eacute;')).toBe('Question : pourquoi ? été');
  });

  it('reads HTML elements inside the XML as paragraphs and inline text', () => {
    expect(textOf('<p>Le 15<sup>e</sup> alinéa.</p><p>Second<br/>suite</p>')).toBe('Le 15e alinéa.\nSecond\nsuite');
  });

  it('reads HTML escaped in the text or wrapped in CDATA as paragraphs, never as markup', () => {
    expect(textOf('&lt;p&gt;Un &amp;amp; deux&lt;/p&gt;&lt;p&gt;trois&lt;/p&gt;')).toBe('Un & deux\ntrois');
    expect(textOf('<![CDATA[<div>Un</div><div>deux &eacute;t&eacute;</div>]]>')).toBe('Un\ndeux été');
  });

  it('takes line breaks as paragraphs only where no markup marks them', () => {
    expect(textOf('Un\n\ndeux\r\ntrois')).toBe('Un\ndeux\ntrois');
    expect(textOf('<p>Un\nsuite</p><p>deux</p>')).toBe('Un suite\ndeux');
  });
});
