/**
 * Records an earlier version of Vigie wrote, or that no longer pass today's stricter schemas,
 * repaired where the repair is certain before anything is set aside: words trimmed, empty optional
 * fields dropped, French dates rewritten as ISO, addresses derived again from the key, a missing
 * chamber or watch date defaulted, an over-long note cut, the state recomputed. What still does not
 * validate goes to quarantine, where the popup counts it and can export it.
 */
import { isIsoDate, parseFrenchDate, todayInParis } from '../../dates';
import { deputySlugSchema, parseQuestionId, questionRefSchema, questionSchema, validated } from '../../model';
import { isPlainObject } from '../../objects';
import { LATEST_TIMESTAMP, NOTE_MAX_LENGTH, watchRecordSchema, type WatchRecord } from '../../records';
import { stateOfSnapshot } from '../../status';
import { cleanText } from '../../text';
import { anDynUrl, questionUrls } from '../../urls';

const DATE_FIELDS = ['publishedOn', 'depositedOn', 'answeredOn', 'closedOn', 'signaledOn', 'reassignedOn', 'renewedOn'];
const WORD_FIELDS = ['title', 'ministry', 'answeringMinistry', 'rubrique', 'closedReason', 'unreadableStatus', 'name', 'constituency', 'acronym'];
const TEXT_FIELDS = ['text', 'answerText'];

/** Trimmed words, ISO dates, no empty optional fields, through nested objects (author, group). */
function tidied(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (isPlainObject(field)) out[key] = tidied(field);
    else if (typeof field !== 'string') out[key] = field;
    else if (DATE_FIELDS.includes(key)) out[key] = isIsoDate(field) ? field : (parseFrenchDate(field) ?? field);
    else if (WORD_FIELDS.includes(key)) {
      const words = cleanText(field);
      if (words) out[key] = words;
    } else if (TEXT_FIELDS.includes(key)) {
      const text = field.trim();
      if (text) out[key] = text;
    } else out[key] = field;
  }
  return out;
}

function repairedQuestion(raw: unknown): unknown {
  if (!isPlainObject(raw)) return raw;
  const question = tidied(raw);
  const key = typeof question.id === 'string' ? parseQuestionId(question.id.trim()) : undefined;
  if (!key) return question;
  const author = isPlainObject(question.author) ? { ...question.author } : question.author;
  // A NosDéputés slug is derived from a name: one that does not have its shape is left out, not guessed.
  if (isPlainObject(author) && !deputySlugSchema.safeParse(author.slug).success) delete author.slug;
  const given = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const urls = questionUrls(key, { reference: given(question.senatReference), publishedOn: given(question.publishedOn) });
  // Records written before the Sénat came have no chamber: their `AN-…` id says it.
  return { ...question, ...key, id: question.id, author, urls };
}

function repairedRef(raw: unknown): unknown {
  if (!isPlainObject(raw)) return raw;
  const ref = tidied(raw);
  const key = typeof ref.id === 'string' ? parseQuestionId(ref.id) : undefined;
  if (!key) return ref;
  const { chamber: _chamber, ...fields } = key;
  // A Sénat item's address is derived when it validates, from its reference or its date.
  return { ...ref, ...fields, url: key.chamber === 'AN' ? anDynUrl(key) : ref.url };
}

const timestamp = (value: unknown, now: number): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= Math.min(now, LATEST_TIMESTAMP) ? Math.floor(value) : undefined;

/**
 * A valid watch from what an earlier version stored (a version-1 `{ id, question, addedAt, note }`
 * or a record today's schema refuses), or nothing when no certain repair makes it valid.
 */
export function repairedWatch(raw: unknown, now: number): WatchRecord | undefined {
  if (!isPlainObject(raw) || typeof raw.id !== 'string') return undefined;
  const question = raw.question === undefined ? undefined : questionSchema.safeParse(repairedQuestion(raw.question));
  const ref = raw.ref === undefined ? undefined : questionRefSchema.safeParse(repairedRef(raw.ref));
  if (question && !question.success) return undefined;
  const snapshot = question?.data ? { question: question.data } : ref?.success ? { ref: ref.data } : undefined;
  if (!snapshot) return undefined;
  const note = typeof raw.note === 'string' ? raw.note.trim().slice(0, NOTE_MAX_LENGTH) : '';
  const failures = typeof raw.failures === 'number' && Number.isInteger(raw.failures) && raw.failures >= 0 ? raw.failures : 0;
  const candidate = {
    id: raw.id.trim(),
    ...snapshot,
    watchedAt: timestamp(raw.watchedAt, now) ?? timestamp(raw.addedAt, now) ?? now,
    state: stateOfSnapshot(snapshot, todayInParis(new Date(now))),
    lastCheckedAt: timestamp(raw.lastCheckedAt, now),
    lastChangeAt: timestamp(raw.lastChangeAt, now),
    failures,
    seen: typeof raw.seen === 'boolean' ? raw.seen : true,
    ...(note ? { note } : {}),
  };
  return validated(watchRecordSchema, candidate);
}
