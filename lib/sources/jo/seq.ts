/**
 * Entries of the Senate's legacy `SEQ*.xml` files (docs/reference/dila.md, « Legacy Senate
 * format »): `<Question>` in QE; `<Question_Reponse>` with `<Questions>` and `<Reponse>` in REP.
 * They carry no legislature, and the Senate restarts its numbers with each Assemblée legislature
 * (senat.md §1.1): a question's key takes the legislature its date surely falls in (lib/senate-rules.ts).
 */
import * as z from 'zod/mini';
import { parseFrenchDate, type IsoDate } from '../../dates';
import { senateLegislatureOn } from '../../senate-rules';
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
import { type JoQuestion } from './schemas';
import { childElement, childElements, type XmlElement } from './xml';

/** The root element and its attributes: the issue's date and `YYYYNNNN` number. */
export const SEQ_ROOT = 'QuestionsPubliees';

const gestionSchema = z.object({
  NumQ: numberField,
  DateQ: requiredField,
});

function readQuestion(element: XmlElement): Checked<JoQuestion> {
  if (element.name !== 'Question') return { problem: `<${element.name}> where a <Question> was expected` };
  const gestion = childElement(element, 'Gestion');
  const raw = checked(gestionSchema, { NumQ: lineOf(childElement(gestion, 'NumQ')), DateQ: lineOf(childElement(gestion, 'DateQ')) });
  if (!('value' in raw)) return raw;
  const publishedOn = parseFrenchDate(raw.value.DateQ);
  if (!publishedOn) return { problem: `DateQ: ${raw.value.DateQ} is not a date` };
  const legislature = senateLegislatureOn(publishedOn);
  if (legislature === undefined)
    return {
      problem: `DateQ: ${publishedOn} falls where the Sénat's numbering is not certain (between legislatures, or before its first ordinary session)`,
    };
  const number = Number(raw.value.NumQ);
  const author = childElement(gestion, 'Auteur');
  return checkedQuestion({
    key: { chamber: 'SENAT', legislature, type: 'QE', number },
    publishedOn,
    page: optionalPage(lineOf(childElement(gestion, 'PageJO'))),
    ministry: lineOf(childElement(childElement(gestion, 'Destinataire'), 'TitreMinistere')),
    author:
      ['Civilite', 'Prenom', 'Nom']
        .map((name) => lineOf(childElement(author, name)))
        .filter(Boolean)
        .join(' ') || undefined,
    subject: lineOf(childElement(gestion, 'Objet')),
    text: questionText(childElement(element, 'TexteQ'), number).text,
  });
}

/** `issueDate` is the root's `DateJO`: an answer's date is its issue's. */
export function seqReader(issueDate: IsoDate | undefined): EntryReader {
  return {
    question: (entry) => questionEntry(readQuestion(entry)),
    answer(entry) {
      if (entry.name !== 'Question_Reponse') return { problems: [`<${entry.name}> where a <Question_Reponse> was expected`] };
      const answer = childElement(entry, 'Reponse');
      if (!answer) return { problems: ['no <Reponse>'] };
      const questions = childElement(entry, 'Questions');
      const { read, problems } = jointQuestions(questions ? childElements(questions, 'Question') : [], readQuestion);
      if (read.length === 0) return { problems };
      if (!issueDate) return { problems: [...problems, 'answer without a date: the file has no DateJO'] };
      const gestion = childElement(answer, 'Gestion');
      return answerEntry(
        {
          questions: read,
          answeredOn: issueDate,
          page: optionalPage(lineOf(childElement(gestion, 'PageJO'))),
          ministry: lineOf(childElement(childElement(gestion, 'MinReponse'), 'TitreMinistereJO')),
          text: textOf(childElement(answer, 'Texte_Reponse')),
        },
        problems,
      );
    },
  };
}
