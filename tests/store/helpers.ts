/** Shared builders for the store, messaging and sources tests: valid questions, list items, a fresh fake IndexedDB. */
import {
  IDBCursor, IDBCursorWithValue, IDBDatabase, IDBFactory, IDBIndex, IDBKeyRange, IDBObjectStore,
  IDBOpenDBRequest, IDBRequest, IDBTransaction, IDBVersionChangeEvent,
} from 'fake-indexeddb';
import {
  questionId, questionRefSchema, questionSchema, type Question, type QuestionRef, type QuestionType,
} from '../../lib/model';
import { openVigieDb, type Db } from '../../lib/background/store/db';
import { watchRecordSchema, type WatchRecord } from '../../lib/records';
import { anDynUrl } from '../../lib/urls';

/** 1 June 2024, noon in Paris: the fixed "now" of these tests. */
export const NOW = Date.UTC(2024, 5, 1, 10, 0, 0);
export const TODAY = '2024-06-01';

export type QuestionOverrides = Partial<Omit<Question, 'author' | 'urls'>> & Partial<Pick<Question, 'author' | 'urls'>>;

/**
 * A question that satisfies `questionSchema`: by default a 16th-legislature QE published
 * 15 January 2024, due 15 March 2024, hence `overdue` on {@link TODAY}.
 */
export function makeQuestion(overrides: QuestionOverrides = {}): Question {
  const legislature = overrides.legislature ?? 16;
  const type: QuestionType = overrides.type ?? 'QE';
  const number = overrides.number ?? 4020;
  const id = questionId(legislature, type, number);
  return questionSchema.parse({
    chamber: 'AN',
    author: { name: 'Élise Morvan', anId: 'PA795321', slug: 'elise-morvan' },
    ministry: 'Ministère de la santé et de la prévention',
    title: 'Prise de rendez-vous en ligne',
    publishedOn: '2024-01-15',
    text: 'Mme Élise Morvan attire l’attention de M. le ministre…',
    urls: { an: anDynUrl(id) },
    ...overrides,
    id, legislature, type, number,
  });
}

/** A list item that satisfies `questionRefSchema`: by default pending, published 1 May 2024. */
export function makeRef(overrides: Partial<QuestionRef> = {}): QuestionRef {
  const legislature = overrides.legislature ?? 16;
  const type: QuestionType = overrides.type ?? 'QE';
  const number = overrides.number ?? 4020;
  const id = questionId(legislature, type, number);
  return questionRefSchema.parse({
    url: anDynUrl(id),
    publishedOn: '2024-05-01',
    answered: false,
    closed: false,
    pending: true,
    ...overrides,
    id, legislature, type, number,
  });
}

/** A stored record as the store would write it, validated. */
export function makeRecord(overrides: Partial<WatchRecord> & { number?: number } = {}): WatchRecord {
  const { number = 4020, ...rest } = overrides;
  const question = makeQuestion({ number });
  return watchRecordSchema.parse({
    id: question.id, question, watchedAt: NOW, state: 'overdue', failures: 0, seen: true, ...rest,
  });
}

let counter = 0;

/** A fresh fake IndexedDB for this test; call from `beforeEach`. */
export function freshIndexedDb(): void {
  // idb tells requests, cursors and transactions apart with `instanceof` on the globals.
  Object.assign(globalThis, {
    IDBCursor, IDBCursorWithValue, IDBDatabase, IDBIndex, IDBKeyRange, IDBObjectStore,
    IDBOpenDBRequest, IDBRequest, IDBTransaction, IDBVersionChangeEvent,
  });
  globalThis.indexedDB = new IDBFactory();
}

/** A unique database name, so nothing carries over between tests even on a shared factory. */
export function nextDbName(): string {
  return `test-${++counter}`;
}

export function openTestDb(name = nextDbName(), now: () => number = () => NOW): Promise<Db> {
  return openVigieDb({ name, now });
}

export function isValidRecord(value: unknown): boolean {
  return watchRecordSchema.safeParse(value).success;
}
