/**
 * Who a followed deputy is: chamber, legislature, and the Assemblée's identifier (PA…) when a page
 * gives it, else the normalised name. Pages and the store agree on it through `deputyKey`.
 */
import { MAX_KNOWN_NUMBERS } from './limits';
import { type DeputyIdentity } from './messages';
import { normalisedName } from './normalise';
import { type DeputyFollow, type Follow } from './schemas';

export type { DeputyIdentity };

/** The key pages and the store share for one deputy. */
export function deputyKey(identity: Pick<DeputyIdentity, 'chamber' | 'legislature' | 'name' | 'anId'>): string {
  return `deputy:${identity.chamber}:${identity.legislature}:${identity.anId ?? normalisedName(identity.name)}`;
}

/**
 * The follow of this deputy, if any: the same identifier, or, where one side has none, the same
 * normalised name (and civility-free) in the same chamber and legislature.
 */
export function findDeputyFollow(follows: readonly Follow[], identity: DeputyIdentity): DeputyFollow | undefined {
  const name = normalisedName(identity.name);
  return follows.find(
    (follow): follow is DeputyFollow =>
      follow.kind === 'deputy' &&
      follow.chamber === identity.chamber &&
      follow.legislature === identity.legislature &&
      (follow.anId && identity.anId ? follow.anId === identity.anId : normalisedName(follow.name) === name),
  );
}

/** A new follow of this deputy, or the existing one with what the page adds (identifier, numbers). */
export function followOfDeputy(existing: DeputyFollow | undefined, identity: DeputyIdentity, now: number): DeputyFollow {
  const numbers = [...new Set([...(existing?.numbers ?? []), ...(identity.numbers ?? [])])].slice(0, MAX_KNOWN_NUMBERS);
  const base: DeputyFollow = existing ?? {
    id: deputyKey(identity),
    kind: 'deputy',
    createdAt: now,
    newQuestions: true,
    chamber: identity.chamber,
    legislature: identity.legislature,
    name: identity.name,
    numbers: [],
  };
  return {
    ...base,
    numbers,
    ...(identity.anId && !base.anId ? { anId: identity.anId } : {}),
    ...(identity.slug && !base.slug ? { slug: identity.slug } : {}),
  };
}
