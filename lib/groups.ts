import { type Group } from './model';
import { foldAccents } from './text';

/**
 * Parliamentary groups by acronym, per legislature, as the Assemblée names them. Pages often
 * show only one of the two; the overlay shows both.
 */
const GROUPS: Record<number, Record<string, string>> = {
  14: {
    SRC: 'Socialiste, républicain et citoyen',
    SER: 'Socialiste, écologiste et républicain',
    UMP: 'Union pour un mouvement populaire',
    LR: 'Les Républicains',
    UDI: 'Union des démocrates et indépendants',
    ECOLO: 'Écologiste',
    RRDP: 'Radical, républicain, démocrate et progressiste',
    GDR: 'Gauche démocrate et républicaine',
    NI: 'Non inscrits',
  },
  15: {
    LREM: 'La République en Marche',
    LR: 'Les Républicains',
    MODEM: 'Mouvement Démocrate et apparentés',
    SOC: 'Socialistes et apparentés',
    NG: 'Nouvelle Gauche',
    UAI: 'UDI, Agir et Indépendants',
    LC: 'Les Constructifs',
    'UDI-I': 'UDI et Indépendants',
    AE: 'Agir ensemble',
    LFI: 'La France insoumise',
    GDR: 'Gauche démocrate et républicaine',
    LT: 'Libertés et Territoires',
    EDS: 'Écologie Démocratie Solidarité',
    NI: 'Non inscrits',
  },
  16: {
    RE: 'Renaissance',
    REN: 'Renaissance',
    RN: 'Rassemblement National',
    'LFI-NUPES': 'La France insoumise - NUPES',
    LFI: 'La France insoumise - NUPES',
    LR: 'Les Républicains',
    DEM: 'Démocrate (MoDem et Indépendants)',
    MODEM: 'Démocrate (MoDem et Indépendants)',
    SOC: 'Socialistes et apparentés',
    HOR: 'Horizons et apparentés',
    ECOLO: 'Écologiste - NUPES',
    ECO: 'Écologiste - NUPES',
    'GDR-NUPES': 'Gauche démocrate et républicaine - NUPES',
    GDR: 'Gauche démocrate et républicaine - NUPES',
    LIOT: 'Libertés, Indépendants, Outre-mer et Territoires',
    NI: 'Non inscrits',
  },
  17: {
    EPR: 'Ensemble pour la République',
    RN: 'Rassemblement National',
    'LFI-NFP': 'La France insoumise - Nouveau Front Populaire',
    LFI: 'La France insoumise - Nouveau Front Populaire',
    SOC: 'Socialistes et apparentés',
    DR: 'Droite Républicaine',
    ECOS: 'Écologiste et Social',
    DEM: 'Les Démocrates',
    HOR: 'Horizons & Indépendants',
    LIOT: 'Libertés, Indépendants, Outre-mer et Territoires',
    GDR: 'Gauche Démocrate et Républicaine',
    UDR: 'Union des droites pour la République',
    NI: 'Non inscrits',
  },
};

function groupFromAcronym(acronym: string, legislature: number | undefined): Group {
  const clean = acronym.trim();
  const name = legislature === undefined ? undefined : GROUPS[legislature]?.[clean.toUpperCase()];
  return name ? { acronym: clean, name } : { acronym: clean };
}

/** The acronym of a group the page names in full ("Les Républicains" → LR). */
function groupFromName(name: string, legislature: number | undefined): Group {
  const clean = name.trim();
  const table = legislature === undefined ? undefined : GROUPS[legislature];
  const normalize = (s: string) =>
    foldAccents(s)
      .toLowerCase()
      .replace(/[^a-z]+/g, ' ')
      .trim();
  const wanted = normalize(clean);
  const acronym = table && Object.entries(table).find(([, full]) => normalize(full) === wanted)?.[0];
  return acronym ? { acronym, name: clean } : { name: clean };
}

/**
 * A group from what a source gives, the acronym, the full name or both: the acronym's table entry,
 * with the source's own name when it has one.
 */
export function groupFrom(
  acronym: string | null | undefined,
  name: string | null | undefined,
  legislature: number | undefined,
): Group | undefined {
  const cleanAcronym = acronym?.trim();
  const cleanName = name?.trim();
  if (cleanAcronym) return { ...groupFromAcronym(cleanAcronym, legislature), ...(cleanName ? { name: cleanName } : {}) };
  return cleanName ? groupFromName(cleanName, legislature) : undefined;
}
