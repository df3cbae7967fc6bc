/**
 * The page's model (lib/page-model.ts, zod-free, what the content script gets in place of
 * lib/model.ts) and the model the background validates with must reach the same verdict and the
 * same repaired value: on everything the site parsers hand over for every fixture, and on those
 * values broken in each way a changed page could break them.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  deputySchema,
  parseQuestionId,
  questionId,
  questionRefSchema,
  questionSchema,
  validated,
  WITHDRAWN_REASON,
} from '../../lib/page-model';
import { parsePage } from '../../lib/sites';
import { DOM_IMPLEMENTATIONS, fixtureDocument } from '../helpers/dom';
import { SITE_FIXTURES } from '../sites/fixtures';

type SchemaName = 'questionSchema' | 'questionRefSchema' | 'deputySchema';
const NAMES: SchemaName[] = ['questionSchema', 'questionRefSchema', 'deputySchema'];
const handed: { name: SchemaName; value: object }[] = [];

vi.mock('../../lib/model', async () => {
  const actual = await vi.importActual<typeof import('../../lib/model')>('../../lib/model');
  return {
    ...actual,
    // The parsers call `validated(model.xSchema, value)`: note what they hand over, answer as zod does.
    validated: (schema: unknown, value: object) => {
      const name = NAMES.find((n) => actual[n] === schema);
      if (name) handed.push({ name, value: structuredClone(value) });
      return actual.validated(schema as never, value);
    },
  };
});

const zodModel = await vi.importActual<typeof import('../../lib/model')>('../../lib/model');

const PAGE_SCHEMAS = { questionSchema, questionRefSchema, deputySchema };

function bothVerdicts(name: SchemaName, value: object) {
  return { page: validated(PAGE_SCHEMAS[name] as never, value), zod: zodModel.validated(zodModel[name] as never, value) };
}

/** Ways a page's value can be wrong or odd; each applied to every value the parsers produced. */
const BREAKS: [string, (value: Record<string, unknown>) => Record<string, unknown>][] = [
  ['no id', ({ id: _id, ...rest }) => rest],
  ['another id', (v) => ({ ...v, id: 'AN-16-QE-1' })],
  ['an id of no shape', (v) => ({ ...v, id: 'AN-16-QX-1' })],
  ['legislature 0', (v) => ({ ...v, legislature: 0 })],
  ['legislature 100', (v) => ({ ...v, legislature: 100 })],
  ['number 1.5', (v) => ({ ...v, number: 1.5 })],
  ['an impossible date', (v) => ({ ...v, publishedOn: '2024-02-30' })],
  ['a date before 1958', (v) => ({ ...v, publishedOn: '1900-01-01' })],
  ['an empty title', (v) => ({ ...v, title: '' })],
  ['a title of 3,000 characters', (v) => ({ ...v, title: 'a'.repeat(3_000) })],
  ['a text of 25,000 characters', (v) => ({ ...v, text: 't'.repeat(25_000), answerText: 'r'.repeat(30_000) })],
  ['an unknown key', (v) => ({ ...v, injected: '<img src=x>' })],
  ['a foreign url', (v) => ({ ...v, url: 'https://evil.example/', urls: { an: 'https://evil.example/' } })],
  ['a url too long', (v) => ({ ...v, url: `https://x/${'a'.repeat(3_000)}` })],
  ['answered and closed', (v) => ({ ...v, answered: true, closed: true })],
  ['a group with neither acronym nor name', (v) => ({ ...v, group: {}, author: { ...(v.author as object), group: {} } })],
  ['an author with a bad slug', (v) => ({ ...v, slug: 'Bad Slug', author: { ...(v.author as object), slug: 'Bad Slug' } })],
  ['chamber SN', (v) => ({ ...v, chamber: 'SN' })],
  ['no name', ({ name: _name, ...rest }) => ({ ...rest, author: { anId: 'PA1' } })],
  ['a string number', (v) => ({ ...v, number: '12' })],
];

describe('the page model and the zod model', () => {
  for (const { file, url } of Object.values(SITE_FIXTURES).flat()) {
    for (const dom of DOM_IMPLEMENTATIONS) parsePage(fixtureDocument(file, dom, url), url);
  }

  it('share the identity helpers and the words the labels read', () => {
    expect(parseQuestionId).toBe(zodModel.parseQuestionId);
    expect(questionId).toBe(zodModel.questionId);
    expect(WITHDRAWN_REASON).toBe(zodModel.WITHDRAWN_REASON);
  });

  it('see values of every kind from the fixtures', () => {
    expect(new Set(handed.map((h) => h.name))).toEqual(new Set(NAMES));
  });

  it('agree on every value the parsers hand over', () => {
    for (const { name, value } of handed) {
      const { page, zod } = bothVerdicts(name, value);
      expect(zod, name).toBeDefined();
      expect(page, name).toStrictEqual(zod);
    }
  });

  it.each(BREAKS)('agree on values with %s', (_label, breakIt) => {
    for (const { name, value } of handed) {
      const { page, zod } = bothVerdicts(name, breakIt(value as Record<string, unknown>));
      expect(page, `${name} ${JSON.stringify(value).slice(0, 80)}`).toStrictEqual(zod);
    }
  });
});
