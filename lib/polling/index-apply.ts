/**
 * What one Journal officiel issue does to the watch list: each watched question it answers
 * becomes answered, with the answer's date and text, exactly as a check that read the answer at
 * the Assemblée would make it (`applyReading`): the same state, the same news for the user, the
 * same events. Pure; the store applies the result in one transaction per issue.
 */
import { dropUndefined } from '../objects';
import { chamberOf, questionSchema, type Question, type QuestionId } from '../model';
import { type WatchRecord } from '../records';
import { todayInParis } from '../dates';
import { isFinal, questionStatus } from '../status';
import { questionIdOf, type JoAnswer, type JoIssue, type JoQuestion } from '../sources/jo';
import { applyReading, type AppliedCheck, type ScheduleContext } from './core';

/** The questions an issue answers, as Vigie names them (`AN-…`, `SEN-…`). */
export function idsAnswered(issue: JoIssue): QuestionId[] {
  const ids = new Set<QuestionId>();
  for (const answer of issue.answers) {
    for (const question of answer.questions) ids.add(questionIdOf(question.key));
  }
  return [...ids];
}

/**
 * A question watched from a list has not been read in full: the issue names its author, which a
 * question needs. Without the author it stays as it is; its first read at the Assemblée, due
 * within minutes of the watch, finds the answer.
 */
function fromList(record: WatchRecord, printed: JoQuestion): Omit<Question, 'urls'> | undefined {
  const ref = record.ref;
  if (!ref || !printed.author) return undefined;
  return dropUndefined({
    id: ref.id,
    chamber: chamberOf(ref.id),
    legislature: ref.legislature,
    senatReference: ref.senatReference,
    type: ref.type,
    number: ref.number,
    author: { name: printed.author },
    ministry: ref.ministry ?? printed.ministry,
    title: ref.title ?? printed.subject,
    publishedOn: ref.publishedOn ?? printed.publishedOn,
    text: printed.text,
  });
}

/** The question as the issue leaves it: answered on the issue's date, with the answer's text and ministry. */
function answered(record: WatchRecord, printed: JoQuestion, answer: JoAnswer): Question | undefined {
  const known = record.question ?? fromList(record, printed);
  if (!known) return undefined;
  // The JO settles the status a page could not read.
  const { unreadableStatus: _unreadable, ...rest } = known;
  const parsed = questionSchema.safeParse(
    dropUndefined({
      ...rest,
      // Derived again from the key (and the Sénat's reference) as the schema validates.
      urls: {},
      answeredOn: answer.answeredOn,
      answerText: answer.text ?? rest.answerText,
      answeringMinistry: answer.ministry ?? rest.answeringMinistry,
    }),
  );
  return parsed.success ? parsed.data : undefined;
}

/**
 * What `issue` does to the watches it answers (`watches`, by id: those the store holds among
 * `idsAnswered(issue)`). Questions no one watches are ignored; an answered or closed watch is
 * final and left alone, never rewritten by a later issue; a joint answer answers each of its
 * questions; a question printed twice in the issue is applied once. An answer the question's own
 * dates contradict (dated before its publication, or after today) is left to the Assemblée's reading.
 */
export function applyIndexIssue(watches: ReadonlyMap<string, WatchRecord>, issue: JoIssue, context: ScheduleContext): AppliedCheck[] {
  const today = todayInParis(new Date(context.now));
  const applied = new Map<string, AppliedCheck>();
  for (const answer of issue.answers) {
    for (const printed of answer.questions) {
      const record = watches.get(questionIdOf(printed.key));
      if (!record || applied.has(record.id) || isFinal(record.state)) continue;
      const question = answered(record, printed, answer);
      if (question && questionStatus(question, today).state === 'answered') {
        applied.set(record.id, applyReading(record, question, 'jo-index', context));
      }
    }
  }
  return [...applied.values()];
}
