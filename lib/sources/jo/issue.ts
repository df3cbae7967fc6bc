/**
 * Reads one weekly JO « Questions » issue file: the questions it publishes and the answers it
 * prints (docs/reference/dila.md). A broken entry is reported and skipped, never its siblings;
 * only a file that is not well-formed XML, or has no section at all, is refused whole.
 */
import { parseFrenchDate, type IsoDate } from '../../dates';
import { type EntryReader } from './entries';
import { redifReader } from './redif';
import {
  issueYearSchema,
  type IssueContext,
  type IssueFormat,
  type IssueReading,
  type JoAnswer,
  type JoQuestion,
  type Rejection,
} from './schemas';
import { SEQ_ROOT, seqReader } from './seq';
import { scanSections } from './xml';

/** `NumJO="20240010"`: the year, then the issue's number in it. */
const SEQ_NUMBER = /^(\d{4})(\d{4})$/;

/**
 * Where a REDIF file states its own date is not documented (its root is not): the date most of
 * its entries carry is taken for the issue's.
 */
function commonestDate(questions: JoQuestion[], answers: JoAnswer[]): IsoDate | undefined {
  const counts = new Map<IsoDate, number>();
  const dates = [...questions.map((q) => q.publishedOn), ...answers.map((a) => a.answeredOn)];
  for (const date of dates) if (date) counts.set(date, (counts.get(date) ?? 0) + 1);
  let best: IsoDate | undefined;
  for (const [date, count] of counts) if (best === undefined || count > counts.get(best)!) best = date;
  return best;
}

/**
 * `context` is what the archive's folder and name tell (`ListedIssue` fits): the file's chamber,
 * against which each entry's own `source` is read, and the issue's year and number.
 */
export function readIssue(xml: string, context: IssueContext): IssueReading {
  let format: IssueFormat = 'REDIF';
  let reader: EntryReader = redifReader(context.chamber);
  let issueDate: IsoDate | undefined;
  let year = context.year;
  let number = context.number;
  const questions: JoQuestion[] = [];
  const answers: JoAnswer[] = [];
  const rejected: Rejection[] = [];

  const scan = scanSections(xml, {
    root(name, attributes) {
      if (name !== SEQ_ROOT) return;
      format = 'SEQ';
      issueDate = parseFrenchDate(attributes.DateJO);
      reader = seqReader(issueDate);
      const numbered = SEQ_NUMBER.exec(attributes.NumJO ?? '');
      if (numbered && issueYearSchema.safeParse(Number(numbered[1])).success) {
        year ??= Number(numbered[1]);
        number ??= Number(numbered[2]) || undefined;
      }
    },
    entry(part, index, entry) {
      const report = (problems: string[]) => {
        for (const reason of problems) rejected.push({ section: part, index, reason });
      };
      if (part === 'QE') {
        const reading = reader.question(entry);
        report(reading.problems);
        if (reading.value) questions.push(reading.value);
      } else {
        const reading = reader.answer(entry);
        report(reading.problems);
        if (reading.value) answers.push(reading.value);
      }
    },
  });
  if (!scan.ok) return { ok: false, reason: 'xml-malformed', detail: scan.detail };
  if (scan.sections === 0) return { ok: false, reason: 'no-sections', detail: 'no <Section part="QE"> nor <Section part="REP">' };
  const publishedOn = issueDate ?? commonestDate(questions, answers);
  return {
    ok: true,
    issue: {
      format,
      chamber: context.chamber,
      ...(year !== undefined ? { year } : {}),
      ...(number !== undefined ? { number } : {}),
      ...(publishedOn ? { publishedOn } : {}),
      questions,
      answers,
    },
    rejected,
  };
}
