/**
 * « Suivre ce ministère » from a question card: the ministry's title as the card prints it, in the
 * card's chamber. Pure: what the follows become, which the background then stores. A title is
 * compared as matching compares it (`foldedWords`), so the card's button and « Suivis » agree.
 */
import { type FollowChamber } from './chambers';
import { followFromDraft } from './drafts';
import { type MinistryTarget } from './messages';
import { foldedWords } from './normalise';
import { type Follow } from './schemas';

export type { MinistryTarget };

type MinistryFollow = Follow & { kind: 'ministry' };

/** The key pages and the background share for one title in one chamber. */
export function ministryKey(target: MinistryTarget): string {
  return `ministry:${target.chamber}:${foldedWords(target.title)}`;
}

function lists(follow: Follow, title: string): follow is MinistryFollow {
  return follow.kind === 'ministry' && follow.titles.some((t) => foldedWords(t) === title);
}

/** Whether a ministry follow lists this title and covers this chamber. */
export function ministryFollowed(follows: readonly Follow[], target: MinistryTarget): boolean {
  const title = foldedWords(target.title);
  return follows.some((follow) => lists(follow, title) && follow.chambers.includes(target.chamber));
}

export interface MinistryChange {
  put: Follow[];
  remove: string[];
}

/**
 * Following a title in a chamber: a follow that lists the title gains the chamber, or a new one is
 * made. No longer following it: a follow of this title alone loses the chamber (and goes when it
 * has none left); a follow of several titles loses this title (and keeps the others).
 */
export function changeMinistryFollow(follows: readonly Follow[], target: MinistryTarget, follow: boolean, now: number): MinistryChange {
  const title = foldedWords(target.title);
  const listing = follows.filter((f): f is MinistryFollow => lists(f, title));
  if (follow) {
    if (listing.some((f) => f.chambers.includes(target.chamber))) return { put: [], remove: [] };
    const existing = listing[0];
    if (existing) return { put: [{ ...existing, chambers: withChamber(existing.chambers, target.chamber) }], remove: [] };
    const made = followFromDraft({ kind: 'ministry', titles: [target.title], chambers: [target.chamber], newQuestions: true }, now);
    return { put: [made], remove: [] };
  }
  const change: MinistryChange = { put: [], remove: [] };
  for (const existing of listing.filter((f) => f.chambers.includes(target.chamber))) {
    if (existing.titles.length === 1) {
      const chambers = existing.chambers.filter((c) => c !== target.chamber);
      if (chambers.length) change.put.push({ ...existing, chambers });
      else change.remove.push(existing.id);
    } else change.put.push({ ...existing, titles: existing.titles.filter((t) => foldedWords(t) !== title) });
  }
  return change;
}

function withChamber(chambers: readonly FollowChamber[], chamber: FollowChamber): FollowChamber[] {
  return [...chambers, chamber].sort();
}
