/**
 * The question model's rules that need no zod: bounds, patterns and the derived values. The zod
 * schemas (lib/model.ts) and the page's hand-written checks (lib/page-model.ts) both read them, so
 * that the two can differ in how they check, never in what.
 */
import { parseQuestionId, type QuestionKey } from './question-key';
import { anDynUrl, primaryUrl, questionUrls, SENAT_REFERENCE } from './urls';

/** Every date Vigie handles falls in the Fifth Republic, and before the end of the century. */
export const EARLIEST_DATE = '1958-10-04';
export const LATEST_DATE = '2100-12-31';
/** A length past which a page's or a file's words are cut rather than kept whole. */
export const SHORT_TEXT_MAX = 2_000;
/** A question's text and its answer are kept this long at most; the rest stays on the Assemblée's page. */
export const STORED_TEXT_MAX = 20_000;

/** `PA` + digits: the Assemblée's actor id, shared by its site and its open data. */
export const AN_ACTOR_ID = /^PA\d+$/;
export const DEPUTY_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A senator's page on senat.fr, `/senateur/{slug}.html` (`masson_jean_louis01051n`). */
export const SENAT_SLUG = /^[a-z0-9_]{1,80}$/;

/**
 * The reason a site gives when it says only « Retirée »: what the closure label leaves unsaid
 * rather than words to repeat.
 */
export const WITHDRAWN_REASON = 'Retirée';

export const cut = (max: number) => (value: string) => (value.length > max ? value.slice(0, max) : value);

/** A Sénat reference ends with the question's own number (`SEQ0802` + `03308`), five digits for a written one. */
export function referenceMatches(q: { chamber?: unknown; type?: unknown; number?: unknown; senatReference?: unknown }): boolean {
  const m = typeof q.senatReference === 'string' ? SENAT_REFERENCE.exec(q.senatReference) : null;
  return !!m && q.chamber === 'SEN' && q.type === 'QE' && /^\d{5}$/.test(m[3]!) && Number(m[3]) === q.number;
}

/** A list item's address, from its key: the Assemblée's page, or the Sénat's (NosSénateurs' archive without a reference). */
export function refUrl(r: { id: string; publishedOn?: string; senatReference?: string }): string | undefined {
  return withKey(r.id, (key) =>
    key.chamber === 'AN' ? anDynUrl(key) : primaryUrl(questionUrls(key, { reference: r.senatReference, publishedOn: r.publishedOn })),
  );
}

/** An address is derived only from a well-formed key (zod runs every check, even after one failed). */
export function withKey<T>(id: string, build: (key: QuestionKey) => T): T | undefined {
  const key = parseQuestionId(id);
  return key ? build(key) : undefined;
}

/** A question whose text or answer is longer than Vigie keeps, cut to `STORED_TEXT_MAX` and marked. */
export function capTexts<Q extends { text?: unknown; answerText?: unknown; textsCapped?: unknown }>(question: Q): Q {
  const long = (value: unknown): value is string => typeof value === 'string' && value.length > STORED_TEXT_MAX;
  if (!long(question.text) && !long(question.answerText)) return question;
  return {
    ...question,
    ...(typeof question.text === 'string' ? { text: cut(STORED_TEXT_MAX)(question.text) } : {}),
    ...(typeof question.answerText === 'string' ? { answerText: cut(STORED_TEXT_MAX)(question.answerText) } : {}),
    textsCapped: true,
  };
}
