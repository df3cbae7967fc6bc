/**
 * The chambers a follow may name: the JO index's (`CHAMBERS` in lib/sources/jo/schemas.ts, which
 * is background-only; tests/follows/chambers.test.ts keeps the two lists equal), here for the
 * schemas that pages and messages share.
 */
import * as z from 'zod/mini';
import { legislatureSchema, questionNumberSchema, questionTypeSchema } from '../model';

export const FOLLOW_CHAMBERS = ['AN', 'SENAT'] as const;
export const followChamberSchema = z.enum(FOLLOW_CHAMBERS);
export type FollowChamber = z.infer<typeof followChamberSchema>;

/** A question as the JO index keys it (`joQuestionKeySchema`): chamber, legislature, type, number. */
export const followQuestionKeySchema = z.object({
  chamber: followChamberSchema,
  legislature: legislatureSchema,
  type: questionTypeSchema,
  number: questionNumberSchema,
});
