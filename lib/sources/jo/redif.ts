/**
 * Entries of a `REDIF_*.xml` file (docs/reference/dila.md, « REDIF format »): `<question>` in the
 * QE section; in REP, one or more `<question>` and one `<reponse>` per entry.
 */
import * as z from 'zod/mini';
import { parseFrenchDate, type IsoDate } from '../../dates';
import { type QuestionType } from '../../model';
import {
  answerEntry,
  checked,
  checkedQuestion,
  jointQuestions,
  numberField,
  optionalPage,
  questionEntry,
  questionText,
  requiredField,
  textOf,
  type Checked,
  type EntryReader,
} from './entries';
import { lineOf } from './plain-text';
import { CHAMBERS, type Chamber, type JoQuestion } from './schemas';
import { childElement, childElements, type XmlElement } from './xml';

/** In REP, `type` holds the marker `REP`: the question answered is a written one (dila.md). */
const TYPES: Readonly<Record<string, QuestionType>> = { QE: 'QE', REP: 'QE', QG: 'QG', QOSD: 'QOSD' };

const idSchema = z.object({
  numeroQuestion: numberField,
  legislature: numberField,
  type: requiredField.check(z.refine((type) => type in TYPES, { error: (issue) => `${String(issue.input)} is not a question type` })),
  source: z.optional(z.enum(CHAMBERS, { error: (issue) => `${String(issue.input)} is neither AN nor SENAT` })),
});

interface RedifQuestion {
  question: JoQuestion;
  /** `referencePublication`: the question's JO in QE, the answer's in REP. */
  reference: { date?: IsoDate; page?: number };
}

/**
 * One `<question>`. Its `source` says its chamber, which may not be the file's; without one,
 * the question is taken to be of the file's chamber.
 */
function readQuestion(element: XmlElement, fileChamber: Chamber, aboveAnswer: boolean): Checked<RedifQuestion> {
  if (element.name !== 'question') return { problem: `<${element.name}> where a <question> was expected` };
  const id = childElement(element, 'idQuestion');
  const raw = checked(idSchema, {
    numeroQuestion: lineOf(childElement(id, 'numeroQuestion')),
    legislature: lineOf(childElement(id, 'legislature')),
    type: lineOf(childElement(id, 'type')),
    source: lineOf(childElement(id, 'source')),
  });
  if (!('value' in raw)) return raw;
  const number = Number(raw.value.numeroQuestion);
  const publication = childElement(element, 'referencePublication');
  const reference = {
    date: parseFrenchDate(lineOf(childElement(publication, 'datePublication'))),
    page: optionalPage(lineOf(childElement(publication, 'pageJO'))),
  };
  const { text, headerDate } = questionText(childElement(element, 'texteQuestion'), number);
  const question = checkedQuestion({
    key: { chamber: raw.value.source ?? fileChamber, legislature: Number(raw.value.legislature), type: TYPES[raw.value.type], number },
    publishedOn: aboveAnswer ? headerDate : (reference.date ?? headerDate),
    page: aboveAnswer ? undefined : reference.page,
    ministry: lineOf(childElement(element, 'ministreJO')),
    author: lineOf(childElement(element, 'parlementaire')),
    subject: lineOf(childElement(element, 'Objet')),
    text,
  });
  return 'value' in question ? { value: { question: question.value, reference } } : question;
}

export function redifReader(fileChamber: Chamber): EntryReader {
  return {
    question(entry) {
      const read = readQuestion(entry, fileChamber, false);
      return questionEntry('value' in read ? { value: read.value.question } : read);
    },
    answer(entry) {
      const answer = childElement(entry, 'reponse');
      if (!answer) return { problems: ['no <reponse>'] };
      const { read, problems } = jointQuestions(childElements(entry, 'question'), (q) => readQuestion(q, fileChamber, true));
      if (read.length === 0) return { problems };
      const publication = childElement(answer, 'referencePublication');
      const answeredOn =
        parseFrenchDate(lineOf(childElement(publication, 'datePublication'))) ?? read.find((q) => q.reference.date)?.reference.date;
      if (!answeredOn) return { problems: [...problems, 'answer without a date'] };
      return answerEntry(
        {
          questions: read.map((q) => q.question),
          answeredOn,
          page: optionalPage(lineOf(childElement(publication, 'pageJO'))) ?? read.find((q) => q.reference.page)?.reference.page,
          ministry: read.find((q) => q.question.ministry)?.question.ministry,
          text: textOf(childElement(answer, 'texteReponse')),
        },
        problems,
      );
    },
  };
}
