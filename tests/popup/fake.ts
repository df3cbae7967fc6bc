/** A fake background for the popup and options tests: canned answers, every request recorded. */
import { act } from 'preact/test-utils';
import { type Requester } from '../../lib/messages';
import { requestSchemas, responseSchemas, type AnyRequest, type RequestOf, type RequestType, type ResponseOf } from '../../lib/messages';

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
