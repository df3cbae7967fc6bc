/**
 * Who a followed person is. A deputy: the Assemblée's legislature and identifier (PA…) when a page
 * gives it, else the normalised name. A senator: the name as the Senate JO prints it, with the
 * senat.fr and NosSénateurs slugs where a page gives them; not bound to one legislature, since a
 * senator's six-year mandate spans the Assemblée's legislatures that number the Senate's questions.
 * Pages and the store agree on it through `deputyKey`.
 */
import { MAX_KNOWN_NUMBERS } from './limits';
import { type DeputyIdentity } from './messages';
import { normalisedName, senatorNameInJoOrder } from './normalise';
import { type DeputyFollow, type Follow } from './schemas';

export type { DeputyIdentity };

type Keyed = Pick<DeputyIdentity, 'chamber' | 'legislature' | 'name' | 'anId' | 'slug' | 'senatSlug'>;

/** The key pages and the store share for one person: a senator's slugs keep homonyms apart. */
export function deputyKey(identity: Keyed): string {
  if (identity.chamber === 'SENAT') {
    const who = identity.senatSlug ?? identity.slug ?? normalisedName(senatorNameInJoOrder(identity.name));
    return `deputy:SENAT:${who}`;
  }
  return `deputy:${identity.chamber}:${identity.legislature}:${identity.anId ?? normalisedName(identity.name)}`;
}

/** Whether two of a person's descriptions may be the same person: an identifier both give decides, else the name. */
function samePerson(a: Keyed, b: Keyed): boolean {
  if (a.chamber !== b.chamber) return false;
  if (a.chamber === 'AN') {
    if (a.legislature !== b.legislature) return false;
    if (a.anId && b.anId) return a.anId === b.anId;
  } else {
    if (a.senatSlug && b.senatSlug) return a.senatSlug === b.senatSlug;
    if (a.slug && b.slug) return a.slug === b.slug;
  }
  return normalisedName(senatorNameInJoOrder(a.name)) === normalisedName(senatorNameInJoOrder(b.name));
}

/** The follow of this person, if any: the same identifier, or, where one side has none, the same normalised name. */
export function findDeputyFollow(follows: readonly Follow[], identity: DeputyIdentity): DeputyFollow | undefined {
  return follows.find((follow): follow is DeputyFollow => follow.kind === 'deputy' && samePerson(follow, identity));
}

/** A new follow of this person, or the existing one with what the page adds (identifiers, numbers). */
export function followOfDeputy(existing: DeputyFollow | undefined, identity: DeputyIdentity, now: number): DeputyFollow {
  // Numbers confirm a match within one legislature: a senator seen in a later one moves to it.
  const newer = existing && identity.legislature > existing.legislature;
  const kept = !existing || newer ? [] : existing.numbers;
  const added = !existing || newer || identity.legislature === existing.legislature ? (identity.numbers ?? []) : [];
  const numbers = [...new Set([...kept, ...added])].slice(0, MAX_KNOWN_NUMBERS);
  const known: DeputyFollow | undefined = existing && newer ? { ...existing, legislature: identity.legislature } : existing;
  const base: DeputyFollow = known ?? {
    id: deputyKey(identity),
    kind: 'deputy',
    createdAt: now,
    newQuestions: true,
    chamber: identity.chamber,
    legislature: identity.legislature,
    // A senator is kept under the name the JO prints, which is what matching compares.
    name: identity.chamber === 'SENAT' ? senatorNameInJoOrder(identity.name) : identity.name,
    numbers: [],
  };
  return {
    ...base,
    numbers,
    ...(identity.anId && !base.anId ? { anId: identity.anId } : {}),
    ...(identity.slug && !base.slug ? { slug: identity.slug } : {}),
    ...(identity.senatSlug && !base.senatSlug ? { senatSlug: identity.senatSlug } : {}),
  };
}
