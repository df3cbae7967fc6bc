/**
 * Which questions on the page are watched, asked of the background. One message carries at most
 * `MAX_IDS_PER_MESSAGE` ids (the background refuses more), so a longer list
 * is asked for in several messages: every item of a list of any length gets its « Suivre ».
 */
import { MAX_IDS_PER_MESSAGE } from '../message-limits';
import { type Requester } from '../messages';

function inChunks<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/** Rejects if any message fails: a toggle shown for a question whose state is unknown could lie. */
export async function watchedAmong(request: Requester, ids: string[]): Promise<Set<string>> {
  const replies = await Promise.all(inChunks(ids, MAX_IDS_PER_MESSAGE).map((chunk) => request({ type: 'watch.states', ids: chunk })));
  return new Set(replies.flatMap((reply) => Object.keys(reply.watched)));
}
