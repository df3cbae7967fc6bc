import { describe, expect, it } from 'vitest';
import { type Question } from '../../lib/model';
import { parsePage } from '../../lib/sites';
import { parseAnRecord } from '../../lib/sources/an-opendata';
import { questionStatus } from '../../lib/status';
import { fixtureDocument, fixtureText } from '../helpers/dom';

const TODAY = '2026-11-29';
const WWW = 'https://www.assemblee-nationale.fr';

type Json = Record<string, any>;

function record(name: string): Json {
  return JSON.parse(fixtureText(`an/${name}`)) as Json;
}

/** A fixture record with `change` applied to its `question`. */
function variant(name: string, change: (q: Json) => void): Json {
  const json = record(name);
  change(json.question);
  return json;
}

function pageQuestion(name: string, url: string): Question {
  const result = parsePage(fixtureDocument(`an/${name}`, 'linkedom', url), url);
  if (result.kind !== 'question') throw new Error(`${name} did not parse`);
  return result.question;
}

const SEED = 'opendata-QANR5L15QE19189.json';

describe('parseAnRecord', () => {
  it('reads the seed record QANR5L15QE19189: closed "Fin de mandat" on 2022-06-21, 1148 days open', () => {
    const q = parseAnRecord(record(SEED));
    expect(q).toEqual({
      id: 'AN-15-QE-19189',
      chamber: 'AN',
      legislature: 15,
      type: 'QE',
      number: 19189,
      // Without a page to supply the name, the record only has the actor id.
      author: { name: 'PA999901', anId: 'PA999901', group: { acronym: 'LR', name: 'Les Républicains' } },
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
    expect(questionStatus(q!, TODAY)).toEqual({
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

  it('takes the name and links from the question as last seen on its page, and agrees with the page', () => {
    const known = pageQuestion('an-dyn-qe-retiree.html', `${WWW}/dyn/15/questions/QANR5L15QE19189`);
    const q = parseAnRecord(record(SEED), known);
    expect(q?.author).toEqual({
      name: 'M. Julien Dive',
      anId: 'PA999901',
      group: { acronym: 'LR', name: 'Les Républicains' },
      constituency: 'Aisne (2e circonscription)',
    });
    expect(q?.urls).toEqual(known.urls);
    expect(questionStatus(q!, TODAY)).toEqual(questionStatus(known, TODAY));
  });

  it('refuses a known question with another id', () => {
    const other = pageQuestion('an-dyn-qe-repondue.html', `${WWW}/dyn/16/questions/QANR5L16QE4020`);
    expect(parseAnRecord(record(SEED), other)).toBeUndefined();
  });

  it("reads an answer after a changement d'attribution: arrays of minAttrib and texteReponse, HTML answer as text", () => {
    const q = parseAnRecord(record('opendata-QANR5L17QE1042-answered.json'));
    expect(q).toEqual({
      id: 'AN-17-QE-1042',
      chamber: 'AN',
      legislature: 17,
      type: 'QE',
      number: 1042,
      author: { name: 'PA999904', anId: 'PA999904', group: { acronym: 'EPR', name: 'Ensemble pour la République' } },
      ministry: 'Agriculture et souveraineté alimentaire',
      answeringMinistry: 'Agriculture, souveraineté alimentaire et forêt', // the last minAttrib
      title: 'Accès au foncier agricole pour les jeunes installés', // the first analyse
      rubrique: 'Agriculture',
      publishedOn: '2024-10-22',
      answeredOn: '2024-12-17', // the last texteReponse
      reassignedOn: '2024-11-05',
      text: "Mme Anne Exemple attire l'attention de Mme la ministre de l'agriculture sur l'accès au foncier des jeunes agriculteurs. Elle lui demande quelles mesures sont envisagées.",
      answerText: [
        "Le Gouvernement a fait de l'installation des jeunes agriculteurs une priorité.",
        "Le fonds « Entrepreneurs du vivant » sera doté de 400 millions d'euros :",
        '- 200 M€ en prêts ;',
        '- 200 M€ en garanties.',
        'Année',
        'Installations',
        '2023',
        '12 500',
        'Ces crédits & dispositifs seront évalués en 2026.',
      ].join('\n'),
      urls: { an: `${WWW}/dyn/17/questions/QANR5L17QE1042` },
    });
    expect(q!.answerText).not.toMatch(/[<>]|&amp;|&nbsp;/);
    expect(questionStatus(q!, TODAY)).toEqual({
      state: 'answered',
      signaled: false,
      dueOn: '2024-12-22',
      answeredOn: '2024-12-17',
      daysOpen: 56,
      daysLate: 0,
    });
    // The redesigned page of the same question says the same.
    const page = pageQuestion('an-dyn-qe-variant-markup.html', `${WWW}/dyn/17/questions/QANR5L17QE1042`);
    expect(questionStatus(q!, TODAY)).toEqual(questionStatus(page, TODAY));
  });

  it('reads numbers given as numbers, and a signalement: late from the base deadline, its ten days beside it', () => {
    const q = parseAnRecord(record('opendata-QANR5L17QE3456-signalee.json'));
    expect(q).toEqual({
      id: 'AN-17-QE-3456',
      chamber: 'AN',
      legislature: 17,
      type: 'QE',
      number: 3456,
      author: { name: 'PA999908', anId: 'PA999908', group: { acronym: 'ECOS', name: 'Écologiste et Social' } },
      ministry: 'Éducation nationale',
      answeringMinistry: 'Éducation nationale',
      title: 'Pénurie de médecins scolaires',
      rubrique: 'Enseignement',
      publishedOn: '2025-01-28',
      signaledOn: '2025-04-15', // the JO date of the signalement, not its filing date
      text: "Mme Sophie Spécimen interroge Mme la ministre de l'éducation nationale sur la pénurie de médecins scolaires en Seine-Saint-Denis.",
      urls: { an: `${WWW}/dyn/17/questions/QANR5L17QE3456` },
    });
    expect(questionStatus(q!, TODAY)).toEqual({
      state: 'overdue',
      signaled: true,
      dueOn: '2025-03-28',
      signalDueOn: '2025-04-25',
      daysOpen: 670,
      daysLate: 611,
      signalDaysLate: 583,
    });
    const page = pageQuestion('an-dyn-qe-signalee.html', 'https://questions.assemblee-nationale.fr/dyn/17/questions/QANR5L17QE3456');
    expect(questionStatus(q!, TODAY)).toEqual(questionStatus(page, TODAY));
  });

  it('reads strings and numbers alike in identifiant', () => {
    const asStrings = parseAnRecord(
      variant('opendata-QANR5L17QE3456-signalee.json', (q) => {
        q.identifiant = { numero: '3456', regime: '5eme Republique', legislature: '17' };
      }),
    );
    expect(asStrings).toEqual(parseAnRecord(record('opendata-QANR5L17QE3456-signalee.json')));
  });

  it('reads codeCloture REP_PUB without textesReponse as answered on the closure date', () => {
    const q = parseAnRecord(record('opendata-QANR5L16QE4020-rep-pub.json'));
    expect(q).toEqual({
      id: 'AN-16-QE-4020',
      chamber: 'AN',
      legislature: 16,
      type: 'QE',
      number: 4020,
      author: {
        name: 'PA999902',
        anId: 'PA999902',
        group: { acronym: 'LFI-NUPES', name: 'La France insoumise - Nouvelle Union Populaire écologique et sociale' },
      },
      ministry: 'Ville et logement',
      answeringMinistry: 'Ville et logement',
      title: "Bouclier tarifaire d'électricité pour le logement accompagné",
      rubrique: 'Logement',
      publishedOn: '2022-12-13',
      answeredOn: '2023-02-28',
      text: expect.stringMatching(/^M\. François Piquemal interroge/),
      urls: {
        an: `${WWW}/dyn/16/questions/QANR5L16QE4020`,
        nosdeputes: 'https://2022-2024.nosdeputes.fr/16/question/QE/4020',
      },
    });
    expect(q!.answerText).toBeUndefined();
    expect(questionStatus(q!, TODAY)).toEqual({
      state: 'answered',
      signaled: false,
      dueOn: '2023-02-13',
      answeredOn: '2023-02-28',
      daysOpen: 77,
      daysLate: 15,
    });
  });

  it('reads an unknown codeCloture through its libellé only', () => {
    const q = parseAnRecord(record('opendata-QANR5L16QE7312-unknown-code.json'));
    expect(q).toEqual({
      id: 'AN-16-QE-7312',
      chamber: 'AN',
      legislature: 16,
      type: 'QE',
      number: 7312,
      author: { name: 'PA999905', anId: 'PA999905', group: { acronym: 'LIOT', name: 'Libertés, Indépendants, Outre-mer et Territoires' } },
      ministry: 'Éducation nationale et jeunesse',
      answeringMinistry: 'Éducation nationale et jeunesse',
      title: 'Fermeture de classes dans les écoles rurales',
      rubrique: 'Enseignement maternel et primaire',
      publishedOn: '2023-05-02',
      closedOn: '2023-09-12',
      closedReason: "Retrait par l'auteur",
      text: expect.stringMatching(/^M\. Paul Modèle interroge/),
      urls: {
        an: `${WWW}/dyn/16/questions/QANR5L16QE7312`,
        nosdeputes: 'https://2022-2024.nosdeputes.fr/16/question/QE/7312',
      },
    });
    expect(questionStatus(q!, TODAY)).toEqual({
      state: 'closed',
      signaled: false,
      dueOn: '2023-07-02',
      closedOn: '2023-09-12',
      closedReason: "Retrait par l'auteur",
      closure: 'other',
      daysOpen: 133,
      daysLate: 72,
    });
    const page = pageQuestion('an-dyn-qe-retrait-auteur.html', `${WWW}/dyn/16/questions/QANR5L16QE7312`);
    expect(questionStatus(q!, TODAY)).toEqual(questionStatus(page, TODAY));
  });

  it('reads an unknown code whose libellé says "Réponse publiée" as answered', () => {
    const q = parseAnRecord(
      variant('opendata-QANR5L16QE7312-unknown-code.json', (r) => {
        r.cloture.libelleCloture = 'Réponse publiée';
      }),
    );
    expect(q?.answeredOn).toBe('2023-09-12');
    expect(q?.closedOn).toBeUndefined();
    expect(questionStatus(q!, TODAY).state).toBe('answered');
  });

  it('says unknown for a closure it cannot name (unknown code, no libellé)', () => {
    const q = parseAnRecord(
      variant('opendata-QANR5L16QE7312-unknown-code.json', (r) => {
        r.cloture.libelleCloture = null;
      }),
    );
    expect(q?.unreadableStatus).toBe('closure without label');
    expect(q?.closedReason).toBeUndefined();
    expect(questionStatus(q!, TODAY)).toEqual({ state: 'unknown', signaled: false });
  });

  it('says unknown when code, libellé and answer disagree', () => {
    const repPubClosedLabel = parseAnRecord(
      variant('opendata-QANR5L16QE4020-rep-pub.json', (r) => {
        r.cloture.libelleCloture = 'Fin de mandat';
      }),
    );
    expect(questionStatus(repPubClosedLabel!, TODAY).state).toBe('unknown');

    const answerButWithdrawn = parseAnRecord(
      variant('opendata-QANR5L17QE1042-answered.json', (r) => {
        r.cloture = { codeCloture: 'RET_AUT', libelleCloture: "Retrait par l'auteur", dateCloture: '2024-12-20', infoJO: null };
      }),
    );
    expect(questionStatus(answerButWithdrawn!, TODAY).state).toBe('unknown');
  });

  it('says unknown when a closure or an answer has no date', () => {
    const closure = parseAnRecord(
      variant(SEED, (r) => {
        r.cloture.dateCloture = null;
      }),
    );
    expect(closure?.unreadableStatus).toBe('closure without date');
    expect(questionStatus(closure!, TODAY).state).toBe('unknown');

    const answer = parseAnRecord(
      variant('opendata-QANR5L16QE4020-rep-pub.json', (r) => {
        r.cloture.dateCloture = null;
      }),
    );
    expect(answer?.unreadableStatus).toBe('answer without date');
    expect(questionStatus(answer!, TODAY).state).toBe('unknown');

    const published = parseAnRecord(
      variant('opendata-QANR5L17QE3456-signalee.json', (r) => {
        r.textesQuestion = null;
        r.minAttribs = null;
      }),
    );
    expect(published?.unreadableStatus).toBe('publication date missing');
    expect(questionStatus(published!, TODAY).state).toBe('unknown');
  });

  it('reads a question au Gouvernement answered in the JO des débats', () => {
    const q = parseAnRecord(record('opendata-QANR5L17QG312.json'));
    expect(q).toMatchObject({
      id: 'AN-17-QG-312',
      type: 'QG',
      number: 312,
      publishedOn: '2025-03-05',
      answeredOn: '2025-03-05',
      text: "Mme la présidente. La parole est à Mme Louise Essai.\nMme Louise Essai. Monsieur le ministre de l'intérieur, les agressions se multiplient dans les trains régionaux.",
      answerText: expect.stringMatching(/^Mme la présidente\. La parole est à M\. le ministre de l'intérieur\.\nM\. le ministre\./),
    });
    expect(questionStatus(q!, TODAY)).toEqual({ state: 'answered', signaled: false, answeredOn: '2025-03-05', daysOpen: 0 });
    const page = pageQuestion('an-dyn-qg.html', `${WWW}/dyn/17/questions/QANR5L17QG312`);
    expect(questionStatus(q!, TODAY)).toEqual(questionStatus(page, TODAY));
  });
});

describe('parseAnRecord, bad input', () => {
  it('returns nothing for anything but a record (truncated JSON never reaches it)', () => {
    const text = fixtureText(`an/${SEED}`);
    expect(() => JSON.parse(text.slice(0, text.length / 2))).toThrow(SyntaxError);
    for (const value of [undefined, null, '', 'string', text, 42, true, [], {}, { question: null }, { question: [] }]) {
      expect(parseAnRecord(value)).toBeUndefined();
    }
  });

  it('returns nothing for a record of the wrong shape', () => {
    expect(parseAnRecord({ questions: record(SEED).question })).toBeUndefined();
    expect(
      parseAnRecord(
        variant(SEED, (q) => {
          q.uid = 19189;
        }),
      ),
    ).toBeUndefined();
    expect(
      parseAnRecord(
        variant(SEED, (q) => {
          delete q.uid;
        }),
      ),
    ).toBeUndefined();
    expect(
      parseAnRecord(
        variant(SEED, (q) => {
          q.textesReponse = 'none';
        }),
      ),
    ).toBeUndefined();
    expect(
      parseAnRecord(
        variant(SEED, (q) => {
          q.cloture = 'Fin de mandat';
        }),
      ),
    ).toBeUndefined();
    expect(
      parseAnRecord(
        variant(SEED, (q) => {
          q.minAttribs.minAttrib = [42];
        }),
      ),
    ).toBeUndefined();
  });

  it('returns nothing for a uid it cannot read', () => {
    for (const uid of ['QANR5L15QE', 'QSNR5L15QE19189', 'QANR5L15QX19189', 'qanr5l15qe19189', ' QANR5L15QE19189']) {
      expect(
        parseAnRecord(
          variant(SEED, (q) => {
            q.uid = uid;
          }),
        ),
        uid,
      ).toBeUndefined();
    }
  });

  it('returns nothing when identifiant or type contradicts the uid', () => {
    expect(
      parseAnRecord(
        variant(SEED, (q) => {
          q.identifiant.numero = '19190';
        }),
      ),
    ).toBeUndefined();
    expect(
      parseAnRecord(
        variant(SEED, (q) => {
          q.identifiant.legislature = '16';
        }),
      ),
    ).toBeUndefined();
    expect(
      parseAnRecord(
        variant(SEED, (q) => {
          q.identifiant.numero = 19190;
        }),
      ),
    ).toBeUndefined();
    expect(
      parseAnRecord(
        variant(SEED, (q) => {
          q.identifiant.numero = 'dix-neuf';
        }),
      ),
    ).toBeUndefined();
    expect(
      parseAnRecord(
        variant(SEED, (q) => {
          q.type = 'QG';
        }),
      ),
    ).toBeUndefined();
    // Agreeing values, as numbers, are fine.
    expect(
      parseAnRecord(
        variant(SEED, (q) => {
          q.identifiant = { numero: 19189, legislature: 15 };
        }),
      )?.id,
    ).toBe('AN-15-QE-19189');
  });

  it('returns nothing when neither the record nor a known question names the author', () => {
    expect(
      parseAnRecord(
        variant(SEED, (q) => {
          q.auteur = null;
        }),
      ),
    ).toBeUndefined();
    expect(
      parseAnRecord(
        variant(SEED, (q) => {
          q.auteur.identite.acteurRef = '  ';
        }),
      ),
    ).toBeUndefined();
  });

  it('never throws', () => {
    const hostile = [
      {
        question: {
          uid: 'QANR5L15QE19189',
          textesQuestion: { texteQuestion: { texte: '<script>alert(1)</script><p>Texte</p>' } },
          auteur: { identite: { acteurRef: 'PA1' } },
        },
      },
      {
        question: {
          uid: 'QANR5L15QE19189',
          indexationAN: { analyses: { analyse: [null, '', 'Titre'] } },
          auteur: { identite: { acteurRef: 'PA1' } },
        },
      },
      Object.create(null),
    ];
    for (const value of hostile) expect(() => parseAnRecord(value)).not.toThrow();
    const q = parseAnRecord(hostile[0]);
    expect(q?.text).toBe('Texte');
    expect(q?.unreadableStatus).toBe('publication date missing');
    expect(parseAnRecord(hostile[1])?.title).toBe('Titre');
  });
});
