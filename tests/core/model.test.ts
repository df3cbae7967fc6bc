import { describe, expect, it } from 'vitest';
import {
  deputySchema,
  parseQuestionId,
  QUESTION_TYPES,
  questionId,
  questionRefSchema,
  questionSchema,
  type QuestionKey,
} from '../../lib/model';

/** Every field filled, as a NosDéputés page of a withdrawn then (hypothetically) answered question would give. */
const FULL = {
  id: 'AN-15-QE-19189',
  chamber: 'AN',
  legislature: 15,
  type: 'QE',
  number: 19189,
  author: {
    name: 'Julien Dive',
    anId: 'PA720430',
    slug: 'julien-dive',
    group: { acronym: 'LR', name: 'Les Républicains' },
    constituency: 'Aisne (2e circonscription)',
  },
  ministry: 'Ministère des solidarités et de la santé',
  answeringMinistry: 'Ministère de la santé et de la prévention',
  title: 'Prise de rendez-vous en ligne',
  rubrique: 'santé',
  publishedOn: '2019-04-30',
  answeredOn: '2022-06-14',
  closedOn: '2022-06-21',
  closedReason: 'fin de mandat',
  signaledOn: '2019-10-01',
  reassignedOn: '2020-07-15',
  renewedOn: '2021-03-02',
  text: 'M. Julien Dive alerte Mme la ministre…',
  answerText: 'La ministre…',
  unreadableStatus: 'contradiction',
  urls: {
    an: 'https://www.assemblee-nationale.fr/dyn/15/questions/QANR5L15QE19189',
    nosdeputes: 'https://2017-2022.nosdeputes.fr/15/question/QE/19189',
  },
} as const;

const MINIMAL = {
  id: 'AN-16-QG-12',
  chamber: 'AN',
  legislature: 16,
  type: 'QG',
  number: 12,
  author: { name: 'Élise Morvan' },
  urls: { an: 'https://www.assemblee-nationale.fr/dyn/16/questions/QANR5L16QG12' },
} as const;

function messages(result: { success: boolean; error?: { issues: readonly { message: string }[] } }): string[] {
  return result.error?.issues.map((issue) => issue.message) ?? [];
}

describe('questionSchema', () => {
  it('accepts a question with every field', () => {
    const result = questionSchema.safeParse(FULL);
    expect(result.success).toBe(true);
    expect(result.data).toStrictEqual(FULL);
  });

  it('accepts a question with only the required fields', () => {
    expect(questionSchema.safeParse(MINIMAL).success).toBe(true);
  });

  it.each(QUESTION_TYPES)('accepts type %s', (type) => {
    const q = { ...MINIMAL, type, id: questionId(16, type, 12) };
    expect(questionSchema.safeParse(q).success).toBe(true);
  });

  it.each<[string, Record<string, unknown>]>([
    ['id with another legislature', { id: 'AN-16-QE-19189' }],
    ['id with another type', { id: 'AN-15-QG-19189' }],
    ['id with another number', { id: 'AN-15-QE-19190' }],
    ['zero-padded id', { id: 'AN-15-QE-019189' }],
  ])('rejects an %s', (_name, overrides) => {
    const result = questionSchema.safeParse({ ...FULL, ...overrides });
    expect(result.success).toBe(false);
    expect(messages(result)).toContain('id must match chamber, legislature, type and number');
  });

  it.each<[string, Record<string, unknown>]>([
    ['a bad publication date', { publishedOn: '2019-02-30' }],
    ['a bad answer date', { answeredOn: '2019-02-30' }],
    ['a bad closure date', { closedOn: '2023-02-29' }],
    ['a bad signalement date', { signaledOn: '30/04/2019' }],
    ['a bad reassignment date', { reassignedOn: '2019-4-30' }],
    ['a bad renewal date', { renewedOn: '' }],
  ])('rejects %s', (_name, overrides) => {
    const result = questionSchema.safeParse({ ...FULL, ...overrides });
    expect(result.success).toBe(false);
    expect(messages(result)).toContain('Expected a calendar date YYYY-MM-DD between 1958 and 2100');
  });

  it.each<[string, Record<string, unknown>]>([
    ['an empty author name', { author: { name: '' } }],
    ['a missing author', { author: undefined }],
    ['a bad AN actor id', { author: { name: 'Julien Dive', anId: '720430' } }],
    ['a bad slug', { author: { name: 'Julien Dive', slug: 'Julien Dive' } }],
    ['a group with neither acronym nor name', { author: { name: 'Julien Dive', group: {} } }],
    ['a group with an empty acronym', { author: { name: 'Julien Dive', group: { acronym: '' } } }],
    ['missing urls', { urls: undefined }],
    ['an unknown type', { type: 'QS', id: 'AN-15-QS-19189' }],
    ['another chamber', { chamber: 'SN' }],
    ['legislature 0', { legislature: 0, id: 'AN-0-QE-19189' }],
    ['legislature 100', { legislature: 100, id: 'AN-100-QE-19189' }],
    ['a fractional number', { number: 1.5, id: 'AN-15-QE-1.5' }],
    ['number 0', { number: 0, id: 'AN-15-QE-0' }],
    ['a number given as a string', { number: '19189' }],
    ['an empty closure reason', { closedReason: '' }],
    ['an empty answer text', { answerText: '' }],
    ['an empty unreadable status', { unreadableStatus: '' }],
    ['an empty title', { title: '' }],
  ])('rejects %s', (_name, overrides) => {
    expect(questionSchema.safeParse({ ...FULL, ...overrides }).success).toBe(false);
  });
});

const REF = {
  id: 'AN-16-QE-4020',
  legislature: 16,
  type: 'QE',
  number: 4020,
  url: 'https://www.assemblee-nationale.fr/dyn/16/questions/QANR5L16QE4020',
  publishedOn: '2023-01-10',
  answered: false,
  closed: false,
  pending: true,
} as const;

describe('addresses, derived from the key (reliability D8)', () => {
  it.each([
    ['plain http', { an: 'http://www.assemblee-nationale.fr/dyn/15/questions/QANR5L15QE19189' }],
    ['a foreign host', { an: 'https://evil.test/15/question', nosdeputes: 'https://evil.test/15/question/QE/19189' }],
    ['text that is no address', { an: 'https://www.assemblee-nationale.fr/dyn/15 questions' }],
  ])('a question given %s gets the addresses of its key', (_name, urls) => {
    expect(questionSchema.parse({ ...FULL, urls }).urls).toEqual({
      an: 'https://www.assemblee-nationale.fr/dyn/15/questions/QANR5L15QE19189',
      nosdeputes: 'https://2017-2022.nosdeputes.fr/15/question/QE/19189',
    });
  });

  it('a list item given a foreign link points at the Assemblée’s page of its key', () => {
    expect(questionRefSchema.parse({ ...REF, url: 'https://evil.test/16/question/QE/4020' }).url).toBe(
      'https://www.assemblee-nationale.fr/dyn/16/questions/QANR5L16QE4020',
    );
  });
});

describe('questionRefSchema', () => {
  it.each<[string, Record<string, unknown>]>([
    ['pending', {}],
    ['answered', { pending: false, answered: true, answeredOn: '2023-03-01' }],
    ['closed', { pending: false, closed: true }],
    ['none of the three (unreadable)', { pending: false, unreadableStatus: 'pas de statut' }],
    ['with a title', { title: 'Hôpitaux' }],
  ])('accepts a %s ref', (_name, overrides) => {
    expect(questionRefSchema.safeParse({ ...REF, ...overrides }).success).toBe(true);
  });

  it.each<[string, Record<string, unknown>]>([
    ['answered and pending', { answered: true, pending: true }],
    ['closed and pending', { closed: true, pending: true }],
    ['answered and closed', { answered: true, closed: true, pending: false }],
    ['all three', { answered: true, closed: true, pending: true }],
  ])('rejects %s at once', (_name, overrides) => {
    const result = questionRefSchema.safeParse({ ...REF, ...overrides });
    expect(result.success).toBe(false);
    expect(messages(result)).toContain('answered, closed and pending exclude each other');
  });

  it.each<[string, Record<string, unknown>]>([
    ['an id that does not match', { id: 'AN-16-QE-4021' }],
    ['a bad date', { publishedOn: '2023-02-29' }],
    ['a missing flag', { pending: undefined }],
    ['a flag given as a string', { answered: 'false' }],
  ])('rejects %s', (_name, overrides) => {
    expect(questionRefSchema.safeParse({ ...REF, ...overrides }).success).toBe(false);
  });
});

describe('deputySchema', () => {
  it('accepts a deputy and rejects a bad one', () => {
    const deputy = {
      name: 'Julien Dive',
      slug: 'julien-dive',
      anId: 'PA720430',
      group: { acronym: 'LR' },
      constituency: 'Aisne (2e circonscription)',
      mandateStart: '2017-06-21',
      mandateEnd: '2022-06-21',
      legislature: 15,
    };
    expect(deputySchema.safeParse(deputy).success).toBe(true);
    expect(deputySchema.safeParse({ ...deputy, name: '' }).success).toBe(false);
    expect(deputySchema.safeParse({ ...deputy, mandateEnd: '2022-06-31' }).success).toBe(false);
  });
});

describe('questionId / parseQuestionId', () => {
  it.each<[string, QuestionKey]>([
    ['AN-15-QE-19189', { chamber: 'AN', legislature: 15, type: 'QE', number: 19189 }],
    ['AN-16-QG-12', { chamber: 'AN', legislature: 16, type: 'QG', number: 12 }],
    ['AN-15-QOSD-8', { chamber: 'AN', legislature: 15, type: 'QOSD', number: 8 }],
    ['AN-8-QE-19975', { chamber: 'AN', legislature: 8, type: 'QE', number: 19975 }],
    ['AN-17-QE-999999', { chamber: 'AN', legislature: 17, type: 'QE', number: 999999 }],
    ['SEN-16-QE-4208', { chamber: 'SEN', legislature: 16, type: 'QE', number: 4208 }],
    ['SEN-13-QE-3308', { chamber: 'SEN', legislature: 13, type: 'QE', number: 3308 }],
  ])('%s ⇄ %j', (id, key) => {
    expect(parseQuestionId(id)).toStrictEqual(key);
    expect(questionId(key.legislature, key.type, key.number, key.chamber)).toBe(id);
  });

  it.each([
    '',
    'AN-15-QE',
    'AN-15-QE-',
    'AN-15-XX-1',
    'SN-15-QE-1',
    'an-15-qe-1',
    'AN-15-qe-1',
    ' AN-15-QE-1',
    'AN-15-QE-1 ',
    'AN-100-QE-1',
    'AN-15-QE-1234567',
    'AN-15-QE-1.5',
    'AN--QE-1',
    'QANR5L15QE19189',
    'AN_15_QE_1',
  ])('rejects %j', (id) => {
    expect(parseQuestionId(id)).toBeUndefined();
  });
});

describe('Sénat questions', () => {
  const SENATE = {
    id: 'SEN-13-QE-3308',
    chamber: 'SEN',
    legislature: 13,
    type: 'QE',
    number: 3308,
    author: { name: 'M. MASSON Jean Louis', group: { acronym: 'NI' }, constituency: 'Moselle' },
    publishedOn: '2008-02-07',
    senatReference: 'SEQ080203308',
    urls: { an: 'https://www.assemblee-nationale.fr/dyn/13/questions/QANR5L13QE3308' },
  } as const;

  it('derives the Sénat’s page from the reference and NosSénateurs’ from the key, never the Assemblée’s', () => {
    const parsed = questionSchema.parse(SENATE);
    expect(parsed.urls).toStrictEqual({
      senat: 'https://www.senat.fr/questions/base/2008/qSEQ080203308.html',
      nossenateurs: 'https://archive.nossenateurs.fr/question/13/03308',
    });
  });

  it('links NosSénateurs only over the span its archive covers', () => {
    const late = questionSchema.parse({
      ...SENATE,
      id: 'SEN-17-QE-4208',
      legislature: 17,
      number: 4208,
      publishedOn: '2025-04-03',
      senatReference: 'SEQ250404208',
    });
    expect(late.urls).toStrictEqual({ senat: 'https://www.senat.fr/questions/base/2025/qSEQ250404208.html' });
  });

  it.each<[string, Record<string, unknown>]>([
    ['a reference of another number', { senatReference: 'SEQ080203309' }],
    ['an oral question’s reference on a written question', { senatReference: 'SEQ08020330S' }],
    ['a reference on an Assemblée question', { id: 'AN-13-QE-3308', chamber: 'AN' }],
    ['an id of the other chamber', { chamber: 'AN' }],
  ])('rejects %s', (_name, overrides) => {
    expect(questionSchema.safeParse({ ...SENATE, ...overrides }).success).toBe(false);
  });

  it('gives a Sénat list item its address from the reference, else NosSénateurs’ archive, else refuses it', () => {
    const ref = {
      id: 'SEN-13-QE-3308',
      legislature: 13,
      type: 'QE',
      number: 3308,
      url: 'x',
      answered: false,
      closed: false,
      pending: true,
    };
    expect(questionRefSchema.parse({ ...ref, senatReference: 'SEQ080203308' }).url).toBe(
      'https://www.senat.fr/questions/base/2008/qSEQ080203308.html',
    );
    expect(questionRefSchema.parse({ ...ref, publishedOn: '2008-02-07' }).url).toBe('https://archive.nossenateurs.fr/question/13/03308');
    expect(questionRefSchema.safeParse(ref).success).toBe(false);
  });
});

describe('watches stored before the Sénat', () => {
  it('an AN question as version 4 stored it reads back unchanged: its id, chamber and addresses', () => {
    const stored = JSON.parse(JSON.stringify(FULL));
    expect(questionSchema.parse(stored)).toStrictEqual(stored);
  });
});
