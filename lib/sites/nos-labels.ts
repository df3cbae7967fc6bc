/**
 * The labels of a question page on the Regards Citoyens sites: NosDéputés and NosSénateurs are the
 * same software and print the same templates (docs/reference/nosdeputes.md, senat.md §1.3).
 */
import { DATE_IN_TEXT } from '../dates';

const D = DATE_IN_TEXT;
export const SUBMITTED = new RegExp(`^Question soumise le ${D}$`, 'i');
export const WITHDRAWN = new RegExp(`^Retirée le ${D}(?:\\s*\\((.+)\\))?$`, 'i');
export const ANSWERED = new RegExp(`^Réponse émise le ${D}$`, 'i');
export const NO_ANSWER_YET = /^Cette question n['’]a pas encore de réponse\.?$/i;
