import { addDays, addMonths, daysBetween, type IsoDate } from './dates';
import { dropUndefined } from './objects';
import { type Question, type QuestionRef, type QuestionType } from './model';

export const QUESTION_STATES = ['answered', 'pending', 'overdue', 'closed', 'unknown'] as const;
export type QuestionState = (typeof QUESTION_STATES)[number];

/** Answered and closed questions never change again: never checked, never late any more. */
export function isFinal(state: QuestionState): boolean {
  return state === 'answered' || state === 'closed';
}

export interface QuestionStatus {
  state: QuestionState;
  /** When the answer is (or was) due under the Règlement; written questions only. */
  dueOn?: IsoDate;
  /** From publication to the answer, the closure, or today. */
  daysOpen?: number;
  /** Days past `dueOn`: for a late answer, a closure without answer, or a question still waiting. */
  daysLate?: number;
  signaled: boolean;
  answeredOn?: IsoDate;
  closedOn?: IsoDate;
  closedReason?: string;
}

/** What the rules need to know, whether it comes from a question page or a list item. */
export interface StatusFacts {
  type: QuestionType;
  publishedOn?: IsoDate;
  /** Filing date, days or weeks before the JO publication the deadline runs from. */
  depositedOn?: IsoDate;
  answered: boolean;
  answeredOn?: IsoDate;
  closed: boolean;
  closedOn?: IsoDate;
  closedReason?: string;
  signaledOn?: IsoDate;
  /** The source says in words that no answer has come (a list's « Sans réponse »). */
  saysPending: boolean;
  unreadable: boolean;
}

/**
 * Règlement de l'Assemblée nationale, art. 135: ministers answer within two months of the
 * question's publication in the Journal officiel. Before the 2009 reform the old art. 139 gave
 * one month; we take the resolution of 27 May 2009, in force for the session opening
 * 1 September 2009, as the cut-over.
 */
export const REFORM_2009 = '2009-09-01';
/** Art. 135: once a group president signals a question, the minister has ten days. */
export const SIGNALED_DELAY_DAYS = 10;

export function answerDueOn(type: QuestionType, publishedOn: IsoDate, signaledOn?: IsoDate): IsoDate | undefined {
  // Questions au Gouvernement and oral questions are answered in the chamber: no written deadline.
  if (type !== 'QE') return undefined;
  if (signaledOn) return addDays(signaledOn, SIGNALED_DELAY_DAYS);
  return addMonths(publishedOn, publishedOn < REFORM_2009 ? 1 : 2);
}

function late(dueOn: IsoDate | undefined, end: IsoDate): number | undefined {
  return dueOn === undefined ? undefined : Math.max(0, daysBetween(dueOn, end));
}

export function statusFromFacts(facts: StatusFacts, today: IsoDate): QuestionStatus {
  const signaled = !!facts.signaledOn;
  const unknown: QuestionStatus = { state: 'unknown', signaled };
  if (facts.unreadable) return unknown;
  const { publishedOn, answeredOn, closedOn } = facts;
  // Dates out of order, or in the future, mean the source was misread or is wrong: say nothing
  // rather than guess (an oral question's sitting still ahead is not an answer).
  for (const later of [answeredOn, closedOn, facts.signaledOn]) {
    if (later && ((publishedOn && later < publishedOn) || later > today)) return unknown;
  }
  const dueOn = publishedOn ? answerDueOn(facts.type, publishedOn, facts.signaledOn) : undefined;
  const open = (end: IsoDate) => (publishedOn ? daysBetween(publishedOn, end) : undefined);

  if (facts.answered || answeredOn) {
    return dropUndefined<QuestionStatus>({
      state: 'answered',
      signaled,
      dueOn,
      answeredOn,
      daysOpen: answeredOn ? open(answeredOn) : undefined,
      daysLate: answeredOn ? late(dueOn, answeredOn) : undefined,
    });
  }
  if (facts.closed || closedOn) {
    return dropUndefined<QuestionStatus>({
      state: 'closed',
      signaled,
      dueOn,
      closedOn,
      closedReason: facts.closedReason,
      daysOpen: closedOn ? open(closedOn) : undefined,
      daysLate: closedOn ? late(dueOn, closedOn) : undefined,
    });
  }
  if (!publishedOn && facts.depositedOn && facts.type === 'QE' && today >= facts.depositedOn) {
    // The deadline is unknown, but publication follows filing within weeks: three months after
    // filing, the two months since publication have certainly passed.
    const daysOpen = daysBetween(facts.depositedOn, today);
    return { state: today > addMonths(facts.depositedOn, 3) ? 'overdue' : 'pending', signaled, daysOpen };
  }
  // A list may say « sans réponse » without the publication date: pending, deadline unknown.
  if (!publishedOn) return facts.saysPending ? { state: 'pending', signaled } : unknown;
  if (today < publishedOn) return unknown;
  const overdue = dueOn !== undefined && today > dueOn;
  return dropUndefined<QuestionStatus>({
    state: overdue ? 'overdue' : 'pending',
    signaled,
    dueOn,
    daysOpen: open(today),
    daysLate: overdue ? late(dueOn, today) : undefined,
  });
}

export function questionFacts(q: Question): StatusFacts {
  return {
    type: q.type,
    publishedOn: q.publishedOn,
    answered: !!(q.answeredOn || q.answerText),
    answeredOn: q.answeredOn,
    closed: !!q.closedOn || !!q.closedReason,
    closedOn: q.closedOn,
    closedReason: q.closedReason,
    signaledOn: q.signaledOn,
    saysPending: false,
    unreadable: !!q.unreadableStatus,
  };
}

export function refFacts(ref: QuestionRef): StatusFacts {
  return {
    type: ref.type,
    publishedOn: ref.publishedOn,
    depositedOn: ref.depositedOn,
    answered: ref.answered,
    answeredOn: ref.answeredOn,
    closed: ref.closed,
    signaledOn: undefined,
    saysPending: ref.pending,
    unreadable: !!ref.unreadableStatus || !(ref.answered || ref.closed || ref.pending),
  };
}

export function questionStatus(q: Question, today: IsoDate): QuestionStatus {
  return statusFromFacts(questionFacts(q), today);
}

export function refStatus(ref: QuestionRef, today: IsoDate): QuestionStatus {
  return statusFromFacts(refFacts(ref), today);
}

/** The state of what a watch keeps: the question read in full, or else the list item it was watched from. */
export function stateOfSnapshot(snapshot: { question?: Question; ref?: QuestionRef }, today: IsoDate): QuestionState {
  if (snapshot.question) return questionStatus(snapshot.question, today).state;
  return snapshot.ref ? refStatus(snapshot.ref, today).state : 'unknown';
}
