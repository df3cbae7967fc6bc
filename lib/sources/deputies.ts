/**
 * Deputy facts a page may lack (group, constituency, mandate), from NosDéputés' deputy API
 * (`/{slug}/json`, docs/reference/nosdeputes.md §5.5) or the question's open-data record.
 */
import * as z from 'zod/mini';
import { isoDay } from '../dates';
import { groupFrom } from '../groups';
import { deputyFactsSchema, validated, type DeputyFacts } from '../model';
import { anRecordSchema } from './an-opendata';
import { constituency } from '../text';
import { nosdeputesHost } from '../urls';

const text = z.nullish(z.string());

export const nosdeputesDeputyJsonSchema = z.object({
  depute: z.object({
    nom: z.string(),
    slug: z.string(),
    groupe_sigle: text,
    groupe: z.nullish(z.object({ organisme: text })),
    nom_circo: text,
    num_circo: z.nullish(z.union([z.number(), z.string()])),
    mandat_debut: text,
    mandat_fin: text,
    id_an: z.nullish(z.union([z.number(), z.string()])),
  }),
});

export function nosdeputesDeputyApiUrl(slug: string, legislature: number): string | undefined {
  const host = nosdeputesHost(legislature);
  return host ? `https://${host}/${slug}/json` : undefined;
}

export function deputyFromNosdeputesJson(json: unknown, legislature: number): DeputyFacts | undefined {
  const parsed = nosdeputesDeputyJsonSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const d = parsed.data.depute;
  const circo = d.num_circo == null ? NaN : Number(d.num_circo);
  const idAn = d.id_an == null ? '' : String(d.id_an).replace(/^PA/, '');
  return validated(deputyFactsSchema, {
    name: d.nom.trim() || undefined,
    slug: d.slug,
    anId: /^\d+$/.test(idAn) ? `PA${idAn}` : undefined,
    group: groupFrom(d.groupe_sigle, d.groupe?.organisme, legislature),
    constituency: d.nom_circo && Number.isInteger(circo) && circo > 0 ? constituency(d.nom_circo, circo) : undefined,
    mandateStart: isoDay(d.mandat_debut),
    mandateEnd: isoDay(d.mandat_fin),
    legislature,
  });
}

/** The author's group as the question's open-data record gives it. */
export function deputyFromAnRecord(json: unknown, legislature: number): DeputyFacts | undefined {
  const parsed = anRecordSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const author = parsed.data.question.auteur;
  const anId = author?.identite?.acteurRef?.trim();
  const facts = validated(deputyFactsSchema, {
    anId: anId && /^PA\d+$/.test(anId) ? anId : undefined,
    group: groupFrom(author?.groupe?.abrege, author?.groupe?.developpe, legislature),
    legislature,
  });
  return facts && Object.keys(facts).length > 1 ? facts : undefined;
}
