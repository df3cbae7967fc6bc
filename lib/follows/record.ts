/**
 * A deputy's record of written questions in a legislature: read once from the Assemblée's list of
 * their questions, kept current from the weekly index, and summed up by the same deadline rules as
 * every badge (lib/status.ts). Figures only: no ranking, no judgement.
 */
import { daysBetween, type IsoDate } from '../dates';
import { type QuestionRef } from '../model';
import { statusFromFacts } from '../status';
import { MAX_KNOWN_NUMBERS } from './limits';
import { type DeputyRecord, type RecordQuestion } from './schemas';
import { type IssueEntry } from './match';

/** The written questions of a swept list, each once. */
export function recordFromRefs(refs: readonly QuestionRef[], legislature: number, source: string, pages: number, at: number): DeputyRecord {
  const questions = new Map<number, RecordQuestion>();
  for (const ref of refs) {
    if (ref.type !== 'QE' || ref.legislature !== legislature || questions.has(ref.number)) continue;
    questions.set(ref.number, {
      number: ref.number,
      ...(ref.publishedOn ? { publishedOn: ref.publishedOn } : {}),
      ...(ref.answered && ref.answeredOn ? { answeredOn: ref.answeredOn } : {}),
      ...(ref.closed ? { closed: true as const } : {}),
    });
  }
  return { sweptAt: at, source, pages, updatedAt: at, questions: [...questions.values()].slice(0, MAX_KNOWN_NUMBERS) };
}

/** The record with what one index entry, matched to the deputy, tells: a new question, or an answer. */
export function withIndexNews(record: DeputyRecord, value: IssueEntry, at: number): DeputyRecord {
  const { number } = value.key;
  const known = record.questions.find((q) => q.number === number);
  if (value.kind === 'question') {
    if (known || record.questions.length >= MAX_KNOWN_NUMBERS) return record;
    return { ...record, updatedAt: at, questions: [...record.questions, { number, ...(value.on ? { publishedOn: value.on } : {}) }] };
  }
  if (known?.answeredOn || !value.on) return record;
  const answered: RecordQuestion = { ...(known ?? { number }), answeredOn: value.on };
  delete answered.closed;
  const others = record.questions.filter((q) => q.number !== number);
  if (!known && others.length >= MAX_KNOWN_NUMBERS) return record;
  return { ...record, updatedAt: at, questions: [...others, answered] };
}

export interface RecordStats {
  asked: number;
  answered: number;
  /** Answered on or before the Règlement's deadline. */
  answeredInTime: number;
  /** Days from publication to answer, the median of the answers whose both dates are known. */
  medianDelayDays?: number;
  pending: number;
  overdue: number;
}

function median(values: number[]): number | undefined {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

export function recordStats(record: DeputyRecord, legislature: number, today: IsoDate): RecordStats {
  const stats: RecordStats = { asked: record.questions.length, answered: 0, answeredInTime: 0, pending: 0, overdue: 0 };
  const delays: number[] = [];
  for (const q of record.questions) {
    const status = statusFromFacts(
      {
        type: 'QE',
        legislature,
        publishedOn: q.publishedOn,
        answered: !!q.answeredOn,
        answeredOn: q.answeredOn,
        closed: !!q.closed,
        saysPending: !q.answeredOn && !q.closed,
        unreadable: false,
      },
      today,
    );
    if (status.state === 'answered') {
      stats.answered++;
      if (!status.daysLate && status.dueOn) stats.answeredInTime++;
      if (q.publishedOn && q.answeredOn) delays.push(daysBetween(q.publishedOn, q.answeredOn));
    } else if (status.state === 'overdue') stats.overdue++;
    else if (status.state === 'pending') stats.pending++;
  }
  const delay = median(delays);
  return delay === undefined ? stats : { ...stats, medianDelayDays: delay };
}
