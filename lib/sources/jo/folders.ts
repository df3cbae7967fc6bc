/**
 * Where the DILA publishes the weekly Journal officiel « Questions » archives
 * (docs/reference/dila.md, « Where »): one folder per chamber for the current year, one per past
 * year. The host is the one the manifest asks permission for (wxt.config.ts, via lib/sources/hosts.ts).
 */
import { type Chamber } from './schemas';

export const DILA_HOST = 'echanges.dila.gouv.fr';
export const DILA_ORIGIN = `https://${DILA_HOST}`;

/**
 * The folder of `chamber`'s archives: this year's (`Annee_en_cours`), or a past `year`'s. No query
 * string and nothing of the user's: the same request for everyone.
 */
export function folderUrl(chamber: Chamber, year?: number): string {
  return `${DILA_ORIGIN}/OPENDATA/Questions-Reponses/${chamber}/${year === undefined ? 'Annee_en_cours' : String(year)}/`;
}
