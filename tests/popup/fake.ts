/**
 * A fake background for the popup and options tests: canned answers, every request recorded; and a
 * fake of the list the popup reads from the store itself, page by page.
 */
import { act } from 'preact/test-utils';
import { type Requester } from '../../lib/messages';
import { requestSchemas, responseSchemas, type AnyRequest, type RequestOf, type RequestType, type ResponseOf } from '../../lib/messages';
import { type WatchRecord, watchRecordSchema } from '../../lib/records';
import { type FirstPage, type WatchListReader } from '../../lib/watchlist';

export type FakeHandlers = {
  [T in RequestType]?: (message: RequestOf<T>) => ResponseOf<T> | Promise<ResponseOf<T>>;
};

export interface FakeBackground {
  request: Requester;
  calls: AnyRequest[];
  /** The recorded requests of one type. */
  callsOf<T extends RequestType>(type: T): RequestOf<T>[];
}

/**
 * Each request must be valid for its schema (as the real client checks before sending) and
 * each canned answer valid for its response schema (as the real client checks on receipt).
 */
export function fakeBackground(handlers: FakeHandlers): FakeBackground {
  const calls: AnyRequest[] = [];
  const request = (async (message: AnyRequest) => {
    calls.push(message);
    requestSchemas[message.type].parse(message);
    const handler = handlers[message.type] as ((m: AnyRequest) => unknown) | undefined;
    if (!handler) throw new Error(`No fake answer for ${message.type}`);
    return responseSchemas[message.type].parse(await handler(message));
  }) as Requester;
  return {
    request,
    calls,
    callsOf: <T extends RequestType>(type: T) => calls.filter((c) => c.type === type) as RequestOf<T>[],
  };
}

export interface FakeList extends WatchListReader {
  /** How many times the list was read from its first page. */
  reads: number;
  /** The size of every page served, in order, over all reads. */
  pageSizes: number[];
  /** Thrown by the next reads, as a store that cannot be opened would. */
  error: Error | undefined;
  /** Records the store holds but that do not validate, counted on the first page. */
  unreadable: unknown[];
  /** What was set aside as unreadable, as it was stored. */
  setAsideRecords: unknown[];
  setAsideCalls: number;
}

export interface FakeListOptions {
  pageSize?: number;
  unreadable?: unknown[];
  setAside?: unknown[];
  /** The rows the background keeps ready, served for any day; none unless given. */
  firstPage?: FirstPage;
  /** Awaited before the first page of the list is served: the list is still loading until it settles. */
  pagesHeld?: Promise<void>;
}

/**
 * The list as `watchListReader` serves it: pages of at most `pageSize` valid records (each one
 * checked against the schema, as the real reader does), then what was set aside. `records` may be
 * a function, for a list that changes between reads (an unwatch, an undo, a retry).
 */
export function fakeList(
  records: readonly WatchRecord[] | (() => readonly WatchRecord[]) = [],
  { pageSize = 500, unreadable = [], setAside = [], firstPage, pagesHeld }: FakeListOptions = {},
): FakeList {
  const list: FakeList = {
    reads: 0,
    pageSizes: [],
    error: undefined,
    unreadable,
    setAsideRecords: setAside,
    setAsideCalls: 0,
    async firstPage() {
      if (list.error) throw list.error;
      return firstPage && { records: firstPage.records.map((record) => watchRecordSchema.parse(structuredClone(record))) };
    },
    async *pages() {
      list.reads++;
      await pagesHeld;
      if (list.error) throw list.error;
      const all = typeof records === 'function' ? records() : records;
      let start = 0;
      do {
        const page = all.slice(start, start + pageSize).map((record) => watchRecordSchema.parse(structuredClone(record)));
        list.pageSizes.push(page.length);
        yield { records: page, unreadable: start === 0 ? structuredClone(list.unreadable) : [] };
        start += pageSize;
      } while (start < all.length);
    },
    async setAside() {
      list.setAsideCalls++;
      if (list.error) throw list.error;
      return structuredClone(list.setAsideRecords);
    },
  };
  return list;
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Real timers, kept before any test fakes them. */
const realSetTimeout = globalThis.setTimeout;

/** Lets pending requests answer and Preact render and run its effects, a few rounds deep. */
export async function settle(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      for (let j = 0; j < 10; j++) await Promise.resolve();
      await new Promise((resolve) => realSetTimeout(resolve, 0));
    });
  }
}

/**
 * Settles until `done()` holds, for work that takes many rounds (a real store behind the page).
 * Bounded by rounds, not by time: a slow machine only makes it take longer.
 */
export async function settleUntil(done: () => boolean, rounds = 2_000): Promise<void> {
  for (let i = 0; i < rounds && !done(); i++) await settle(1);
  if (!done()) throw new Error(`Still waiting after ${rounds} rounds`);
}

/** Collapses every kind of space (Intl writes narrow no-break spaces) to one plain space. */
export const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ');

export function byText<E extends Element = HTMLElement>(root: ParentNode, selector: string, text: string): E {
  const found = [...root.querySelectorAll<E>(selector)].filter((e) => norm(e.textContent).trim() === text);
  if (found.length !== 1) throw new Error(`Expected one ${selector} reading « ${text} », found ${found.length}`);
  return found[0]!;
}

export function queryByText(root: ParentNode, selector: string, text: string): Element | undefined {
  return [...root.querySelectorAll(selector)].find((e) => norm(e.textContent).trim() === text);
}

export async function click(element: Element): Promise<void> {
  await act(() => {
    (element as HTMLElement).click();
  });
  await settle();
}

export async function typeInto(input: HTMLInputElement, value: string): Promise<void> {
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await settle();
}

export async function choose(select: HTMLSelectElement, value: string): Promise<void> {
  await act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}
