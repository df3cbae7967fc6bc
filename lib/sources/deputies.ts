/**
 * Deputy facts a page may lack (group, constituency, mandate), from NosDéputés' deputy API
 * (`/{slug}/json`, reference nosdeputes.md §5.5) or the question's open-data record.
 */
import * as z from 'zod/mini';
import { isIsoDate } from '../dates';
import { groupFromAcronym } from '../groups';
import { deputyFactsSchema, type DeputyFacts, type Group } from '../model';
import { dropUndefined } from '../objects';
import { anRecordSchema } from './an-opendata';
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

function isoOrUndefined(value: string | null | undefined): string | undefined {
  const date = value?.slice(0, 10);
  return isIsoDate(date) ? date : undefined;
}

export function deputyFromNosdeputesJson(json: unknown, legislature: number): DeputyFacts | undefined {
  const parsed = nosdeputesDeputyJsonSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const d = parsed.data.depute;
  const circo = d.num_circo == null ? NaN : Number(d.num_circo);
  const acronym = d.groupe_sigle?.trim();
  const groupName = d.groupe?.organisme?.trim();
  const group: Group | undefined = acronym
    ? { ...groupFromAcronym(acronym, legislature), ...(groupName ? { name: groupName } : {}) }
    : groupName ? { name: groupName } : undefined;
  const idAn = d.id_an == null ? '' : String(d.id_an).replace(/^PA/, '');
  const facts = dropUndefined({
    name: d.nom.trim() || undefined,
    slug: d.slug,
    anId: /^\d+$/.test(idAn) ? `PA${idAn}` : undefined,
    group,
    constituency: d.nom_circo && Number.isInteger(circo) && circo > 0 ? `${d.nom_circo.trim()} (${circo}${circo === 1 ? 're' : 'e'} circonscription)` : undefined,
    mandateStart: isoOrUndefined(d.mandat_debut),
    mandateEnd: isoOrUndefined(d.mandat_fin),
    legislature,
  });
  const result = deputyFactsSchema.safeParse(facts);
  return result.success ? result.data : undefined;
}

/** The author's group as the question's open-data record gives it. */
export function deputyFromAnRecord(json: unknown, legislature: number): DeputyFacts | undefined {
  const parsed = anRecordSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const author = parsed.data.question.auteur;
  const acronym = author?.groupe?.abrege?.trim();
  const name = author?.groupe?.developpe?.trim();
  const anId = author?.identite?.acteurRef?.trim();
  const facts = dropUndefined({
    anId: anId && /^PA\d+$/.test(anId) ? anId : undefined,
    group: acronym ? { ...groupFromAcronym(acronym, legislature), ...(name ? { name } : {}) } : name ? { name } : undefined,
    legislature,
  });
  const result = deputyFactsSchema.safeParse(facts);
  return result.success && Object.keys(result.data).length > 1 ? result.data : undefined;
}
