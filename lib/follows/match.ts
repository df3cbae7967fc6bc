/**
 * A Journal officiel issue against the follows: each question first published and each answer,
 * matched locally by author, ministry or words — no request. Pure: the store runs it inside the
 * transaction that applies the issue (lib/background/store/jo-index.ts).
 */
import { type IsoDate } from '../dates';
import { type JoIssue, type JoQuestion, type JoQuestionKey } from '../sources/jo/schemas';
import { civilityOf, containsTerm, foldedWords, normalisedName, searchable, senatorNameInJoOrder, subjectTerms } from './normalise';
import {
  DIGEST_TEXT_MAX,
  type DeputyFollow,
  type DeputyMatch,
  type DigestEntry,
  type FeedEntry,
  type FeedKind,
  type Follow,
  type IssueDigest,
} from './schemas';
import { withIndexNews } from './record';

/** One entry of an issue as matching reads it: the question, and for an answer the answer's words. */
export interface IssueEntry {
  kind: FeedKind;
  key: JoQuestionKey;
  on?: IsoDate;
  author?: string;
  /** The ministry asked and, above an answer, the answering one. */
  ministries: string[];
  subject?: string;
  text?: string;
  answer?: string;
}

function entry(kind: FeedKind, question: JoQuestion, on: IsoDate | undefined, answer?: { ministry?: string; text?: string }): IssueEntry {
  const ministries = [question.ministry, answer?.ministry].filter((m): m is string => !!m);
  return {
    kind,
    key: question.key,
    on,
    author: question.author,
    ministries: [...new Set(ministries)],
    subject: question.subject,
    text: question.text,
    answer: answer?.text,
  };
}

/** Every question first published and every question answered, once each. */
export function issueEntries(issue: JoIssue): IssueEntry[] {
  const entries: IssueEntry[] = [];
  const seen = new Set<string>();
  const add = (value: IssueEntry) => {
    const id = `${value.kind}|${keyText(value.key)}`;
    if (seen.has(id)) return;
    seen.add(id);
    entries.push(value);
  };
  for (const question of issue.questions) add(entry('question', question, question.publishedOn ?? issue.publishedOn));
  for (const answer of issue.answers) for (const question of answer.questions) add(entry('answer', question, answer.answeredOn, answer));
  return entries;
}

export function keyText(key: JoQuestionKey): string {
  return `${key.chamber}-${key.legislature}-${key.type}-${key.number}`;
}

const cut = (value: string | undefined, max: number) => (value === undefined ? undefined : value.slice(0, max));

function capped(value: IssueEntry): DigestEntry {
  const digest: DigestEntry = { kind: value.kind, key: value.key };
  if (value.on) digest.on = value.on;
  const author = cut(value.author, 200);
  const ministry = cut(value.ministries[value.ministries.length - 1], 300);
  const subject = cut(value.subject, 500);
  const text = cut(value.text, DIGEST_TEXT_MAX);
  const answer = cut(value.answer, DIGEST_TEXT_MAX);
  return {
    ...digest,
    ...(author ? { author } : {}),
    ...(ministry ? { ministry } : {}),
    ...(subject ? { subject } : {}),
    ...(text ? { text } : {}),
    ...(answer ? { answer } : {}),
  };
}

/** What is kept of an issue for previews: each entry with its texts cut to `DIGEST_TEXT_MAX`. */
export function issueDigest(issue: JoIssue, key: string, order: string): IssueDigest {
  return {
    key,
    chamber: issue.chamber,
    order,
    ...(issue.publishedOn ? { publishedOn: issue.publishedOn } : {}),
    entries: issueEntries(issue).map(capped),
  };
}

/** A digest's entry read back as an issue entry. */
export function fromDigest(value: DigestEntry): IssueEntry {
  const { ministry, ...rest } = value;
  return { ...rest, ministries: ministry ? [ministry] : [] };
}

/**
 * A person's name lookup: a deputy's within their legislature; a senator's in any (their mandate
 * spans the Assemblée's legislatures that number the Senate's questions), in the JO's name order.
 */
function deputyKey(chamber: string, legislature: number, name: string): string {
  if (chamber === 'SENAT') return `SENAT|${normalisedName(senatorNameInJoOrder(name))}`;
  return `${chamber}|${legislature}|${normalisedName(name)}`;
}

/** The follows compiled once per issue: lookups by name, number, title; subjects' folded terms. */
export interface CompiledFollows {
  byName: Map<string, DeputyFollow[]>;
  byNumber: Map<string, DeputyFollow>;
  byTitle: Map<string, Follow[]>;
  subjects: { follow: Follow & { kind: 'subject' }; terms: string[] }[];
}

export function compileFollows(follows: readonly Follow[]): CompiledFollows {
  const compiled: CompiledFollows = { byName: new Map(), byNumber: new Map(), byTitle: new Map(), subjects: [] };
  for (const follow of follows) {
    if (follow.kind === 'deputy') {
      const key = deputyKey(follow.chamber, follow.legislature, follow.name);
      compiled.byName.set(key, [...(compiled.byName.get(key) ?? []), follow]);
      for (const number of follow.numbers) compiled.byNumber.set(`${follow.chamber}|${follow.legislature}|${number}`, follow);
    } else if (follow.kind === 'ministry') {
      for (const title of follow.titles) {
        const key = foldedWords(title);
        compiled.byTitle.set(key, [...(compiled.byTitle.get(key) ?? []), follow]);
      }
    } else {
      const terms = subjectTerms(follow.query);
      if (terms.length) compiled.subjects.push({ follow, terms });
    }
  }
  return compiled;
}

/** Two followed deputies are the same person only when nothing tells them apart. */
function samePerson(a: DeputyFollow, b: DeputyFollow): boolean {
  if (a.anId && b.anId) return a.anId === b.anId;
  if (a.senatSlug && b.senatSlug) return a.senatSlug === b.senatSlug;
  return a.id === b.id;
}

/** The followed deputies an entry is by, and how sure each match is. */
export function deputiesOf(compiled: CompiledFollows, value: IssueEntry): { follow: DeputyFollow; match: DeputyMatch }[] {
  const { chamber, legislature, number } = value.key;
  const owner = compiled.byNumber.get(`${chamber}|${legislature}|${number}`);
  if (owner) return [{ follow: owner, match: 'confirmed' }];
  if (!value.author) return [];
  const civility = civilityOf(value.author);
  const named = (compiled.byName.get(deputyKey(chamber, legislature, value.author)) ?? []).filter((follow) => {
    const theirs = civilityOf(follow.name);
    return !civility || !theirs || civility === theirs;
  });
  const people = named.filter((follow, i) => named.findIndex((other) => samePerson(other, follow)) === i);
  const match: DeputyMatch = people.length > 1 ? 'ambiguous' : 'name';
  return named.map((follow) => ({ follow, match }));
}

/**
 * Which entries each subject follow matches, for a whole list of entries at once: each entry's
 * text folded once and indexed by word, then each subject's terms looked up — a phrase checked in
 * place only in the entries that hold all its words. Scanning every text for every term of
 * 200 follows cost far more (bench/follows.ts).
 */
export function subjectMatches(compiled: CompiledFollows, entries: readonly IssueEntry[]): Map<number, Follow[]> {
  const matches = new Map<number, Follow[]>();
  if (!compiled.subjects.length) return matches;
  const texts = entries.map((value) => searchable([value.subject, value.text, value.answer].filter(Boolean).join(' \n ')));
  const wanted = new Set(compiled.subjects.flatMap(({ terms }) => terms.flatMap((term) => term.split(' '))));
  const where = new Map<string, Set<number>>();
  texts.forEach((text, index) => {
    for (const word of text.split(/[^a-z0-9]+/)) {
      if (wanted.has(word)) where.set(word, (where.get(word) ?? new Set()).add(index));
    }
  });
  for (const { follow, terms } of compiled.subjects) {
    let candidates: number[] | undefined;
    for (const term of terms) {
      for (const word of term.split(' ')) {
        const holding = where.get(word);
        candidates = !holding ? [] : candidates ? candidates.filter((index) => holding.has(index)) : [...holding];
      }
    }
    for (const index of candidates ?? []) {
      const value = entries[index]!;
      if (!follow.chambers.includes(value.key.chamber)) continue;
      const phrases = terms.filter((term) => term.includes(' '));
      if (phrases.every((term) => containsTerm(texts[index]!, term))) matches.set(index, [...(matches.get(index) ?? []), follow]);
    }
  }
  return matches;
}

/** The follows an entry matches, with how sure a deputy's match is; `subjects`, those `subjectMatches` found for it. */
export function followsOf(
  compiled: CompiledFollows,
  value: IssueEntry,
  subjects: readonly Follow[] = [],
): { follow: Follow; match?: DeputyMatch }[] {
  const found: { follow: Follow; match?: DeputyMatch }[] = deputiesOf(compiled, value);
  const chamber = value.key.chamber;
  for (const ministry of value.ministries) {
    for (const follow of compiled.byTitle.get(foldedWords(ministry)) ?? []) {
      const inChamber = follow.kind !== 'deputy' && follow.chambers.includes(chamber);
      if (inChamber && !found.some((f) => f.follow.id === follow.id)) found.push({ follow });
    }
  }
  for (const follow of subjects) found.push({ follow });
  return found.filter(({ follow }) => value.kind === 'answer' || follow.newQuestions);
}

export interface IssueMatch {
  entries: FeedEntry[];
  /** The follows whose last event or record changed. */
  follows: Follow[];
}

/**
 * What one issue does to the follows: the feed entries it makes (one per follow, kind and
 * question), and the follows it touches — their last event, and a followed deputy's record
 * kept current by the questions and answers matched to them (never by an ambiguous match).
 */
export function matchIssue(follows: readonly Follow[], entries: readonly IssueEntry[], issue: string, at: number): IssueMatch {
  if (!follows.length) return { entries: [], follows: [] };
  const compiled = compileFollows(follows);
  const made = new Map<string, FeedEntry>();
  const touched = new Map<string, Follow>();
  const subjects = subjectMatches(compiled, entries);
  entries.forEach((value, index) => {
    for (const { follow, match } of followsOf(compiled, value, subjects.get(index))) {
      const id = `${follow.id}|${value.kind}|${keyText(value.key)}`;
      if (made.has(id)) continue;
      made.set(id, feedEntry(id, follow.id, value, issue, at, match));
      // One copy per follow touched, however many of its entries the issue holds.
      const current = touched.get(follow.id) ?? { ...follow, lastEventAt: at };
      if (current.kind === 'deputy' && current.record && match !== 'ambiguous' && value.key.type === 'QE') {
        current.record = withIndexNews(current.record, value, at);
      }
      touched.set(follow.id, current);
    }
  });
  return { entries: [...made.values()], follows: [...touched.values()] };
}

function feedEntry(id: string, followId: string, value: IssueEntry, issue: string, at: number, match: DeputyMatch | undefined): FeedEntry {
  const ministry = value.ministries[value.ministries.length - 1];
  return {
    id,
    followId,
    at,
    kind: value.kind,
    key: value.key,
    issue,
    ...(value.on ? { on: value.on } : {}),
    ...(value.author ? { author: value.author.slice(0, 200) } : {}),
    ...(ministry ? { ministry: ministry.slice(0, 300) } : {}),
    ...(value.subject ? { subject: value.subject.slice(0, 500) } : {}),
    ...(match ? { match } : {}),
    unseen: 1,
  };
}

/** How many entries of the kept issues a follow not yet saved would match: the preview before saving. */
export function previewMatches(follow: Follow, digests: readonly IssueDigest[]): { matched: number; entries: number; issues: number } {
  const compiled = compileFollows([follow]);
  let matched = 0;
  let entries = 0;
  for (const digest of digests) {
    const values = digest.entries.map(fromDigest);
    const subjects = subjectMatches(compiled, values);
    values.forEach((value, index) => {
      entries++;
      if (followsOf(compiled, value, subjects.get(index)).length) matched++;
    });
  }
  return { matched, entries, issues: digests.length };
}

/** The ministries' titles the kept issues print, most frequent first: what a ministry follow offers. */
export function ministryTitles(digests: readonly IssueDigest[]): string[] {
  const counts = new Map<string, number>();
  for (const digest of digests)
    for (const value of digest.entries) if (value.ministry) counts.set(value.ministry, (counts.get(value.ministry) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'fr')).map(([title]) => title);
}
