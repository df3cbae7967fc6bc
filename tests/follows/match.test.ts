import { describe, expect, it } from 'vitest';
import {
  compileFollows,
  subjectMatches,
  deputiesOf,
  followsOf,
  issueEntries,
  matchIssue,
  ministryTitles,
  previewMatches,
  issueDigest,
  type IssueEntry,
} from '../../lib/follows/match';
import { containsTerm, normalisedName, searchable, subjectTerms } from '../../lib/follows/normalise';
import { recordStats, withIndexNews } from '../../lib/follows/record';
import { type DeputyFollow, type DeputyRecord, type Follow } from '../../lib/follows/schemas';
import { type JoIssue } from '../../lib/sources/jo';

const AT = Date.UTC(2026, 2, 10, 18);

function deputy(name: string, overrides: Partial<DeputyFollow> = {}): DeputyFollow {
  return {
    id: `deputy:AN:17:${name}`,
    kind: 'deputy',
    createdAt: 1,
    newQuestions: true,
    chamber: 'AN',
    legislature: 17,
    name,
    numbers: [],
    ...overrides,
  };
}

function entry(overrides: Partial<IssueEntry> & { number?: number } = {}): IssueEntry {
  const { number = 4512, ...rest } = overrides;
  return { kind: 'answer', key: { chamber: 'AN', legislature: 17, type: 'QE', number }, on: '2026-03-10', ministries: [], ...rest };
}

describe('names', () => {
  it.each([
    ['Mme Corinne Vignon', 'corinne vignon'],
    ['M. Fabrice Exemple', 'fabrice exemple'],
    ['Monsieur Jean-Luc Mélenchon', 'jean luc melenchon'],
    ['MME ÉLISE\u00a0MORVAN', 'elise morvan'],
    ['Mme Marie-Noëlle d’Estaing', 'marie noelle estaing'],
    ['M. Charles de Courson', 'charles courson'],
    ['M. Charles Courson', 'charles courson'],
    ['Mme Anne-Laure Blin (Maine-et-Loire)', 'anne laure blin'],
    ['M. Nicolas Dupont-Aignan', 'nicolas dupont aignan'],
    ['Mlle Zoé Du Bois', 'zoe bois'],
  ])('%s → %s', (name, normalised) => expect(normalisedName(name)).toBe(normalised));
});

describe('subject terms', () => {
  it.each([
    ['Doctolib', ['doctolib']],
    ['"maisons France services"', ['maisons france services']],
    ['« maisons France services » ruralité', ['maisons france services', 'ruralite']],
    ['  ÉCOLE  école ', ['ecole']],
    ['', []],
  ])('%j', (query, terms) => expect(subjectTerms(query)).toEqual(terms));

  it('matches whole words, accents, apostrophes and NBSP aside', () => {
    const text = searchable('L’accès à l’eau potable dans les Maisons\u00a0France-Services de l’Ardèche');
    expect(containsTerm(text, 'eau')).toBe(true);
    expect(containsTerm(text, 'maisons france services')).toBe(true);
    expect(containsTerm(text, 'ardeche')).toBe(true);
    expect(containsTerm(searchable('beaucoup de bateaux'), 'eau')).toBe(false);
  });
});

describe('deputies', () => {
  it('matches the JO name whatever its civility, accents or hyphens', () => {
    const compiled = compileFollows([deputy('Élise Morvan')]);
    expect(deputiesOf(compiled, entry({ author: 'Mme Elise MORVAN' })).map((m) => m.match)).toEqual(['name']);
    expect(deputiesOf(compiled, entry({ author: 'M. Élise Morvan' }))).toHaveLength(1);
  });

  it('never matches another legislature, chamber or a different civility', () => {
    const compiled = compileFollows([deputy('Mme Élise Morvan')]);
    expect(
      deputiesOf(compiled, { ...entry({ author: 'Mme Élise Morvan' }), key: { chamber: 'AN', legislature: 16, type: 'QE', number: 1 } }),
    ).toEqual([]);
    expect(
      deputiesOf(compiled, { ...entry({ author: 'Mme Élise Morvan' }), key: { chamber: 'SENAT', legislature: 17, type: 'QE', number: 1 } }),
    ).toEqual([]);
    expect(deputiesOf(compiled, entry({ author: 'M. Élise Morvan' }))).toEqual([]);
  });

  it('confirms by a known number, even under a name printed differently', () => {
    const compiled = compileFollows([deputy('M. Fabrice Exemple', { numbers: [4512] })]);
    expect(deputiesOf(compiled, entry({ author: 'M. F. Exemple' })).map((m) => m.match)).toEqual(['confirmed']);
  });

  it('shows homonyms as ambiguous for each, never merged, unless a number settles it', () => {
    const a = deputy('M. Jean Martin', { id: 'deputy:AN:17:PA1', anId: 'PA1', numbers: [10] });
    const b = deputy('M. Jean Martin', { id: 'deputy:AN:17:PA2', anId: 'PA2', numbers: [20] });
    const compiled = compileFollows([a, b]);
    expect(deputiesOf(compiled, entry({ number: 30, author: 'M. Jean Martin' })).map((m) => [m.follow.id, m.match])).toEqual([
      [a.id, 'ambiguous'],
      [b.id, 'ambiguous'],
    ]);
    expect(deputiesOf(compiled, entry({ number: 20, author: 'M. Jean Martin' })).map((m) => [m.follow.id, m.match])).toEqual([
      [b.id, 'confirmed'],
    ]);
  });
});

describe('ministries and subjects', () => {
  const ministry: Follow = {
    id: 'ministry:1',
    kind: 'ministry',
    createdAt: 1,
    newQuestions: false,
    titles: ['Santé et accès aux soins'],
    chambers: ['AN'],
  };
  const subject: Follow = {
    id: 'subject:1',
    kind: 'subject',
    createdAt: 1,
    newQuestions: true,
    query: 'Doctolib "rendez-vous"',
    chambers: ['AN'],
  };
  const senateOnly: Follow = { ...subject, id: 'subject:2', chambers: ['SENAT'] };

  it('a ministry by any of its titles, case and accents aside; answers only when so chosen', () => {
    const compiled = compileFollows([ministry]);
    expect(followsOf(compiled, entry({ ministries: ['SANTE ET ACCES AUX SOINS'] }))).toHaveLength(1);
    expect(followsOf(compiled, entry({ kind: 'question', ministries: ['Santé et accès aux soins'] }))).toEqual([]);
  });

  it('a subject on the subject, the question and the answer, in its chambers only', () => {
    const compiled = compileFollows([subject, senateOnly]);
    const entries = [
      entry({ number: 1, subject: 'Prise de rendez-vous', answer: 'La plateforme DOCTOLIB…' }),
      entry({ number: 2, subject: 'Prise de rendez\u00a0vous', text: 'L’accès à Doctolib' }),
      entry({ number: 3, subject: 'Doctolib' }),
      entry({ number: 4, subject: 'Doctolibre et rendez-vous' }),
      {
        ...entry({ number: 5, subject: 'Rendez-vous Doctolib' }),
        key: { chamber: 'SENAT' as const, legislature: 17, type: 'QE' as const, number: 5 },
      },
    ];
    const found = subjectMatches(compiled, entries);
    expect([...found].map(([index, follows]) => [index, follows.map((f) => f.id)])).toEqual([
      [0, ['subject:1']],
      [1, ['subject:1']],
      // The Senate's entry, for the follow of the Senate only.
      [4, ['subject:2']],
    ]);
    expect(followsOf(compiled, entries[0]!, found.get(0)).map((m) => m.follow.id)).toEqual(['subject:1']);
  });
});

describe('an issue', () => {
  const issue: JoIssue = {
    format: 'REDIF',
    chamber: 'AN',
    publishedOn: '2026-03-10',
    questions: [
      {
        key: { chamber: 'AN', legislature: 17, type: 'QE', number: 13382 },
        author: 'M. Fabrice Exemple',
        ministry: 'Santé',
        subject: 'Doctolib',
        publishedOn: '2026-03-10',
      },
    ],
    answers: [
      {
        questions: [
          { key: { chamber: 'AN', legislature: 17, type: 'QE', number: 4512 }, author: 'M. Fabrice Exemple', ministry: 'Agriculture' },
          { key: { chamber: 'AN', legislature: 17, type: 'QE', number: 4512 }, author: 'M. Fabrice Exemple', ministry: 'Agriculture' },
        ],
        answeredOn: '2026-03-10',
        ministry: 'Agriculture et souveraineté alimentaire',
        text: 'Le prix du lait…',
      },
    ],
  };

  it('makes one event per follow, kind and question, and keeps a followed deputy’s record current', () => {
    const follow = deputy('M. Fabrice Exemple', {
      numbers: [4512],
      record: { sweptAt: 1, updatedAt: 1, source: 'x', pages: 1, questions: [{ number: 4512, publishedOn: '2025-10-01' }] },
    });
    const result = matchIssue([follow], issueEntries(issue), 'AN/ANQ20260010.taz', AT);
    expect(result.entries.map((e) => [e.kind, e.key.number, e.match, e.unseen])).toEqual([
      ['question', 13382, 'name', 1],
      ['answer', 4512, 'confirmed', 1],
    ]);
    const updated = result.follows[0] as DeputyFollow;
    expect(updated.lastEventAt).toBe(AT);
    expect(updated.record!.questions).toEqual([
      { number: 13382, publishedOn: '2026-03-10' },
      { number: 4512, publishedOn: '2025-10-01', answeredOn: '2026-03-10' },
    ]);
  });

  it('previews a draft on the kept digests and offers the titles they print', () => {
    const digest = issueDigest(issue, 'AN/ANQ20260010.taz', '2026-0010');
    const draft: Follow = { id: 'subject:x', kind: 'subject', createdAt: 1, newQuestions: true, query: 'lait', chambers: ['AN'] };
    expect(previewMatches(draft, [digest])).toEqual({ matched: 1, entries: 2, issues: 1 });
    expect(ministryTitles([digest])).toEqual(['Agriculture et souveraineté alimentaire', 'Santé']);
  });
});

describe('a record', () => {
  it('counts, dates and measures with the deadline rules, and takes the index’s news', () => {
    let record: DeputyRecord = {
      sweptAt: 1,
      updatedAt: 1,
      source: 'x',
      pages: 1,
      questions: [
        { number: 1, publishedOn: '2025-01-07', answeredOn: '2025-02-18' },
        { number: 2, publishedOn: '2025-01-07', answeredOn: '2025-06-10' },
        { number: 3, publishedOn: '2025-01-07' },
        { number: 4, publishedOn: '2026-03-03' },
      ],
    };
    expect(recordStats(record, 17, '2026-03-10')).toEqual({
      asked: 4,
      answered: 2,
      answeredInTime: 1,
      medianDelayDays: 98,
      pending: 1,
      overdue: 1,
    });
    record = withIndexNews(record, entry({ number: 3, on: '2026-03-10' }), 2);
    expect(recordStats(record, 17, '2026-03-10')).toMatchObject({ answered: 3, overdue: 0 });
  });
});
