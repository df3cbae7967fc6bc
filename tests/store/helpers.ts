/** Shared builders for the store, messaging and sources tests: valid questions, list items, a fresh fake IndexedDB. */
import {
  IDBCursor, IDBCursorWithValue, IDBDatabase, IDBFactory, IDBIndex, IDBKeyRange, IDBObjectStore,
  IDBOpenDBRequest, IDBRequest, IDBTransaction, IDBVersionChangeEvent,
} from 'fake-indexeddb';
import {
  questionId, questionRefSchema, questionSchema, type Question, type QuestionRef, type QuestionType,
} from '../../lib/model';
import { openDB, type IDBPDatabase } from 'idb';
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

/**
 * The stores each released version created, frozen here as they were shipped (lib/background/store/db.ts
 * moves on): upgrade tests write an old database exactly as its release left it.
 */
const PAST_SCHEMAS: readonly ((db: IDBPDatabase) => void)[] = [
  // 1: the first release.
  (db) => db.createObjectStore('watches', { keyPath: 'id' }),
  // 2: cache, history, quarantine (1968cb7).
  (db) => {
    db.createObjectStore('cache', { keyPath: 'key' }).createIndex('expiresAt', 'expiresAt');
    db.createObjectStore('events', { keyPath: 'seq', autoIncrement: true }).createIndex('at', 'at');
    db.createObjectStore('quarantine', { keyPath: 'seq', autoIncrement: true });
  },
  // 3: staged imports and meta.
  (db) => {
    db.createObjectStore('staging', { keyPath: ['importId', 'id'] });
    db.createObjectStore('meta', { keyPath: 'key' });
  },
  // 4: the Journal officiel index.
  (db) => {
    db.createObjectStore('joIssues', { keyPath: 'key' });
    db.createObjectStore('joIndex', { keyPath: 'chamber' });
  },
  // 5: follows, their feed and the issues' digests.
  (db) => {
    db.createObjectStore('follows', { keyPath: 'id' });
    const feed = db.createObjectStore('feed', { keyPath: 'id' });
    feed.createIndex('at', 'at');
    feed.createIndex('followId', 'followId');
    feed.createIndex('unseen', 'unseen');
    db.createObjectStore('joDigests', { keyPath: 'key' }).createIndex('chamber', 'chamber');
  },
];

/** Opens a new database at a past `version` with the stores that release had, for the test to fill. */
export function openPastVersion(name: string, version: number): Promise<IDBPDatabase> {
  if (version < 1 || version > PAST_SCHEMAS.length) throw new RangeError(`No past schema for version ${version}`);
  return openDB(name, version, {
    upgrade(db) {
      for (const create of PAST_SCHEMAS.slice(0, version)) create(db);
    },
  });
}
