/** A ministry or subject follow from what the user composed: its id comes from its content, so a second save is the same follow. */
import { type FollowDraft } from './messages';
import { foldedWords } from './normalise';
import { type Follow } from './schemas';

/** FNV-1a, 32 bits: a short, stable id for a list of titles too long to be one. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export function followFromDraft(draft: FollowDraft, now: number): Follow {
  const chambers = [...new Set(draft.chambers)];
  if (draft.kind === 'ministry') {
    const titles = [...new Set(draft.titles.map((t) => t.trim()).filter(Boolean))];
    const key = titles.map(foldedWords).sort().join('|');
    return { id: `ministry:${hash(key)}`, kind: 'ministry', createdAt: now, newQuestions: draft.newQuestions, titles, chambers };
  }
  const query = draft.query.trim();
  return { id: `subject:${hash(foldedWords(query))}`, kind: 'subject', createdAt: now, newQuestions: draft.newQuestions, query, chambers };
}
