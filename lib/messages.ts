/**
 * The typed messages between pages (content scripts, popup, options) and the background, which
 * alone writes the store (the popup and the options page read it directly, in pages). The
 * background validates both ways: every request on arrival (it may come from a page), every result
 * before it is sent. The client (lib/platform/client.ts) checks the envelope and trusts the
 * extension's own reply, so that no page loads these schemas. No message carries the whole list:
 * imports go in chunks of a few MB.
 */
import * as z from 'zod/mini';
import {
  anActorIdSchema,
  deputyFactsSchema,
  deputySlugSchema,
  legislatureSchema,
  questionIdSchema,
  questionRefSchema,
  questionSchema,
} from './model';
import { exportedWatchSchema, IMPORT_CHUNK_WATCHES } from './exchange';
import { eventRecordSchema, NOTE_MAX_LENGTH, questionStateSchema } from './records';
import { FOLLOW_CONTENT_REQUESTS, followRequestSchemas, followResponseSchemas } from './follows/messages';

import { MAX_IDS_PER_MESSAGE } from './message-limits';

export { MAX_IDS_PER_MESSAGE } from './message-limits';

const ids = z.array(questionIdSchema).check(z.maxLength(MAX_IDS_PER_MESSAGE));
const importId = z.string().check(z.regex(/^[\w-]{1,64}$/));
const count = z.number().check(z.int(), z.minimum(0));
const importCountsSchema = z.object({ added: count, updated: count, unchanged: count });

export const requestSchemas = {
  /** Which of these questions are watched: one round trip for a whole page. */
  'watch.states': z.object({ type: z.literal('watch.states'), ids }),
  'watch.set': z.object({
    type: z.literal('watch.set'),
    id: questionIdSchema,
    watched: z.boolean(),
    question: z.optional(questionSchema),
    ref: z.optional(questionRefSchema),
  }),
  /** Facts about a deputy that the page lacks, fetched and cached by the background. */
  'deputy.facts': z.object({
    type: z.literal('deputy.facts'),
    slug: z.optional(deputySlugSchema),
    anId: z.optional(anActorIdSchema),
    legislature: z.optional(legislatureSchema),
    questionId: z.optional(questionIdSchema),
  }),
  /** « Vérifier maintenant »: these questions, or every question that can still change. */
  'watch.check': z.object({ type: z.literal('watch.check'), ids: z.optional(ids) }),
  'poll.progress': z.object({ type: z.literal('poll.progress') }),
  'watch.seen': z.object({ type: z.literal('watch.seen'), ids }),
  'watch.note': z.object({ type: z.literal('watch.note'), id: questionIdSchema, note: z.string().check(z.maxLength(NOTE_MAX_LENGTH)) }),
  'events.recent': z.object({
    type: z.literal('events.recent'),
    limit: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(1000))),
  }),
  /** One chunk of an import, merged with the list and staged; nothing is written until `import.commit`. */
  'import.stage': z.object({
    type: z.literal('import.stage'),
    importId,
    watches: z.array(exportedWatchSchema).check(z.maxLength(IMPORT_CHUNK_WATCHES)),
  }),
  /** Writes every staged chunk of the import: all of it, or, should the worker stop, all of it at its next start. */
  'import.commit': z.object({ type: z.literal('import.commit'), importId }),
  'import.discard': z.object({ type: z.literal('import.discard'), importId }),
  /** Puts back the questions of the backup copy that the list lacks. */
  'backup.restore': z.object({ type: z.literal('backup.restore') }),
  /** Tries the repairs again on the questions set aside as unreadable. */
  'quarantine.retry': z.object({ type: z.literal('quarantine.retry') }),
  'data.erase': z.object({ type: z.literal('data.erase') }),
  ...followRequestSchemas,
} as const;

const progressSchema = z.object({ running: z.boolean(), done: z.number(), total: z.number() });

export const responseSchemas = {
  'watch.states': z.object({ watched: z.record(questionIdSchema, z.object({ state: questionStateSchema, seen: z.boolean() })) }),
  'watch.set': z.object({ watched: z.boolean(), state: z.optional(questionStateSchema) }),
  'deputy.facts': z.object({ facts: z.optional(deputyFactsSchema) }),
  'watch.check': z.object({ checked: z.number(), failed: z.number(), changed: z.number(), remaining: z.number() }),
  'poll.progress': progressSchema,
  'watch.seen': z.object({ seen: z.number() }),
  'watch.note': z.object({ saved: z.boolean() }),
  'events.recent': z.object({ events: z.array(eventRecordSchema) }),
  'import.stage': importCountsSchema,
  'import.commit': importCountsSchema,
  'import.discard': z.object({ discarded: z.boolean() }),
  'quarantine.retry': z.object({ restored: z.number(), remaining: z.number() }),
  'backup.restore': z.object({ restored: count }),
  'data.erase': z.object({ erased: z.boolean() }),
  ...followResponseSchemas,
} satisfies Record<keyof typeof requestSchemas, z.ZodMiniType>;

export type RequestType = keyof typeof requestSchemas;
export type RequestOf<T extends RequestType> = z.infer<(typeof requestSchemas)[T]>;
export type ResponseOf<T extends RequestType> = z.infer<(typeof responseSchemas)[T]>;
export type AnyRequest = { [T in RequestType]: RequestOf<T> }[RequestType];

/** Sends one request and resolves with its validated reply: what the views and the overlays are given. */
export type Requester = <M extends AnyRequest>(message: M) => Promise<ResponseOf<M['type']>>;

/** What a content script, running inside a website, may ask for. */
export const CONTENT_SCRIPT_REQUESTS: ReadonlySet<RequestType> = new Set<RequestType>([
  'watch.states',
  'watch.set',
  'deputy.facts',
  ...FOLLOW_CONTENT_REQUESTS,
]);

export type Envelope<T = unknown> = { ok: true; result: T } | { ok: false; error: string };

const envelopeSchema = z.union([
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

/** zod/mini carries no error texts (they would weigh on the content script): say it ourselves. */
function issueText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'too_big':
      return `at most ${String(issue.maximum)}`;
    case 'too_small':
      return `at least ${String(issue.minimum)}`;
    case 'invalid_format':
      return `not a valid ${issue.format}`;
    case 'invalid_value':
      return `expected ${issue.values.map(String).join(' or ')}`;
    case 'unrecognized_keys':
      return `unexpected ${issue.keys.join(', ')}`;
    default:
      return issue.message;
  }
}

function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(message)'}: ${issueText(issue)}`)
    .join('; ');
}

export type ParsedRequest = { ok: true; request: AnyRequest } | { ok: false; error: string };

export function parseRequest(raw: unknown): ParsedRequest {
  const type = raw && typeof raw === 'object' ? (raw as { type?: unknown }).type : undefined;
  if (typeof type !== 'string') return { ok: false, error: 'Invalid message: no type' };
  if (!Object.hasOwn(requestSchemas, type)) return { ok: false, error: `Unknown message type: ${type.slice(0, 60)}` };
  const parsed = requestSchemas[type as RequestType].safeParse(raw);
  return parsed.success
    ? { ok: true, request: parsed.data as AnyRequest }
    : { ok: false, error: `Invalid ${type} message: ${describeIssues(parsed.error)}` };
}

export function parseResponse<T extends RequestType>(type: T, raw: unknown): ResponseOf<T> {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) throw new Error(`Invalid reply to ${type}`);
  if (!envelope.data.ok) throw new Error(envelope.data.error);
  const result = responseSchemas[type].safeParse(envelope.data.result);
  if (!result.success) throw new Error(`Invalid reply to ${type}: ${describeIssues(result.error)}`);
  return result.data as ResponseOf<T>;
}

export type Handlers = { [T in RequestType]: (request: RequestOf<T>) => Promise<ResponseOf<T>> };

export interface SenderInfo {
  /** True for the extension's own pages (popup, options), false for content scripts. */
  fromExtensionPage: boolean;
}

/** Runs the handler for one incoming message; never throws, always answers an envelope. */
export async function route(raw: unknown, sender: SenderInfo, handlers: Handlers): Promise<Envelope> {
  const parsed = parseRequest(raw);
  if (!parsed.ok) return parsed;
  const { request } = parsed;
  if (!sender.fromExtensionPage && !CONTENT_SCRIPT_REQUESTS.has(request.type)) {
    return { ok: false, error: `Not allowed from a web page: ${request.type}` };
  }
  try {
    const handler = handlers[request.type] as (r: AnyRequest) => Promise<unknown>;
    const result = responseSchemas[request.type].safeParse(await handler(request));
    if (!result.success) return { ok: false, error: `Invalid result for ${request.type}: ${describeIssues(result.error)}` };
    return { ok: true, result: result.data };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
