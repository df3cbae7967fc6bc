/**
 * The Assemblée's open-data record of one question, `{"question": {…}}` (docs/reference/an.md §3):
 * converted from XML, so any repeatable element is an object when single and an array when
 * several, empty elements are null, and numbers are strings.
 */
import * as z from 'zod/mini';
import { isoDay as date } from '../dates';
import { groupFrom } from '../groups';
import { htmlToText } from './html';
import { parseQuestionId, questionSchema, validated, type Question } from '../model';
import { anDynUrl, idFromAnUid, nosdeputesUrl } from '../urls';
import { capitalized, cleanText } from '../text';

const text = z.nullish(z.string());
const numeric = z.nullish(z.union([z.string(), z.number()]));
const oneOrMany = <T extends z.ZodMiniType>(schema: T) => z.union([schema, z.array(schema)]);

const infoJoSchema = z.nullish(z.object({ dateJO: text }));
const organSchema = z.nullish(z.object({ abrege: text, developpe: text }));
const texteSchema = z.object({ infoJO: infoJoSchema, texte: text });

export const anRecordSchema = z.object({
  question: z.object({
    uid: z.string(),
    type: text,
    identifiant: z.nullish(z.object({ numero: numeric, legislature: numeric })),
    indexationAN: z.nullish(
      z.object({
        rubrique: text,
        analyses: z.nullish(z.object({ analyse: z.nullish(oneOrMany(z.nullish(z.string()))) })),
      }),
    ),
    auteur: z.nullish(
      z.object({
        identite: z.nullish(z.object({ acteurRef: text })),
        groupe: z.nullish(z.object({ abrege: text, developpe: text })),
      }),
    ),
    minInt: organSchema,
    minAttribs: z.nullish(
      z.object({
        minAttrib: z.nullish(oneOrMany(z.object({ infoJO: infoJoSchema, denomination: organSchema }))),
      }),
    ),
    textesQuestion: z.nullish(z.object({ texteQuestion: z.nullish(oneOrMany(texteSchema)) })),
    textesReponse: z.nullish(z.object({ texteReponse: z.nullish(oneOrMany(texteSchema)) })),
    cloture: z.nullish(z.object({ codeCloture: text, libelleCloture: text, dateCloture: text, infoJO: infoJoSchema })),
    signalement: z.nullish(z.object({ dateDepotSignal: text, infoJO: infoJoSchema })),
  }),
});

function list<T>(value: T | T[] | null | undefined): T[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function clean(value: string | null | undefined): string | undefined {
  return cleanText(value) || undefined;
}

function richText(value: string | null | undefined): string | undefined {
  return value ? htmlToText(value).trim() || undefined : undefined;
}

/** The one closure code known for sure (docs/reference/an.md §3.3); any other code is read through its label only. */
const ANSWER_PUBLISHED = 'REP_PUB';
/** A closure label that says the question was answered ("Réponse publiée"). */
const ANSWER_LABEL = /^Réponse\b/i;

/**
 * A validated `Question` from an open-data record, or nothing. The record names the author
 * only by id: `known` (the question as last seen on a page) supplies the name and links.
 */
export function parseAnRecord(json: unknown, known?: Question): Question | undefined {
  const parsed = anRecordSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const record = parsed.data.question;
  const id = idFromAnUid(record.uid);
  const key = id ? parseQuestionId(id) : undefined;
  if (!id || !key) return undefined;
  if (record.identifiant) {
    const { numero, legislature } = record.identifiant;
    if ((numero != null && Number(numero) !== key.number) || (legislature != null && Number(legislature) !== key.legislature)) {
      return undefined;
    }
  }
  if (record.type != null && record.type !== key.type) return undefined;
  if (known && known.id !== id) return undefined;

  const questionTexts = list(record.textesQuestion?.texteQuestion);
  const answers = list(record.textesReponse?.texteReponse);
  const attributions = list(record.minAttribs?.minAttrib);
  const lastAnswer = answers[answers.length - 1];
  const cloture = record.cloture;
  const closureLabel = clean(cloture?.libelleCloture);
  const closureSaysAnswered = cloture?.codeCloture === ANSWER_PUBLISHED || (!!closureLabel && ANSWER_LABEL.test(closureLabel));
  // The code is trusted only to confirm an answer; a label that says otherwise makes the record unreadable.
  const closureDisagrees =
    !!cloture &&
    ((cloture.codeCloture === ANSWER_PUBLISHED && !!closureLabel && !ANSWER_LABEL.test(closureLabel)) ||
      (answers.length > 0 && !!closureLabel && !ANSWER_LABEL.test(closureLabel)));
  const answered = answers.length > 0 || closureSaysAnswered;
  const answeredOn = answered ? (date(lastAnswer?.infoJO?.dateJO) ?? date(cloture?.dateCloture)) : undefined;
  const closedOn = !answered && cloture ? date(cloture.dateCloture) : undefined;
  const publishedOn = date(questionTexts[0]?.infoJO?.dateJO) ?? date(attributions[0]?.infoJO?.dateJO);
  const acteurRef = clean(record.auteur?.identite?.acteurRef);
  const group = groupFrom(record.auteur?.groupe?.abrege, record.auteur?.groupe?.developpe, key.legislature);
  const lastAttribution = attributions[attributions.length - 1];
  const analyses = list(record.indexationAN?.analyses?.analyse).map(clean).filter(Boolean);
  const answerText = richText(lastAnswer?.texte);

  let unreadableStatus: string | undefined;
  if (closureDisagrees) unreadableStatus = 'closure code, label and answer disagree';
  else if (answered && !answeredOn && !answerText) unreadableStatus = 'answer without date';
  else if (!answered && cloture && !closedOn) unreadableStatus = 'closure without date';
  // A closure we cannot name may be an answer under an unknown code: say nothing.
  else if (!answered && cloture && !closureLabel) unreadableStatus = 'closure without label';
  else if (!publishedOn) unreadableStatus = 'publication date missing';

  const authorName = known?.author.name ?? acteurRef;
  if (!authorName) return undefined;
  const question: Question = {
    id,
    ...key,
    chamber: 'AN',
    author: {
      ...known?.author,
      name: authorName,
      anId: acteurRef && /^PA\d+$/.test(acteurRef) ? acteurRef : known?.author.anId,
      group: group ?? known?.author.group,
    },
    ministry: clean(record.minInt?.abrege) ?? clean(record.minInt?.developpe),
    answeringMinistry: clean(lastAttribution?.denomination?.abrege) ?? clean(lastAttribution?.denomination?.developpe),
    title: analyses[0] ?? known?.title,
    rubrique: capitalized(cleanText(record.indexationAN?.rubrique)) || undefined,
    publishedOn,
    answeredOn,
    closedOn,
    closedReason: closedOn ? closureLabel : undefined,
    signaledOn: record.signalement ? (date(record.signalement.infoJO?.dateJO) ?? date(record.signalement.dateDepotSignal)) : undefined,
    reassignedOn: attributions.length > 1 ? date(lastAttribution?.infoJO?.dateJO) : undefined,
    text: richText(questionTexts[0]?.texte) ?? known?.text,
    answerText,
    unreadableStatus,
    urls: { an: anDynUrl(id), nosdeputes: known?.urls.nosdeputes ?? nosdeputesUrl(id) },
  };
  return validated(questionSchema, question);
}
