/**
 * D7 of the reliability probe: a list of more than 5,000 questions got no « Suivre » at all,
 * because the one `watch.states` message the schema refused was never sent.
 */
import { describe, expect, it } from 'vitest';
import { MAX_IDS_PER_MESSAGE, requestSchemas, type AnyRequest, type Requester } from '../../lib/messages';
import { watchedAmong } from '../../lib/content/watch-states';

const ids = (count: number) => Array.from({ length: count }, (_, i) => `AN-16-QE-${20_000 + i}`);

/** The background's side, behind the real client's check: a request its schema refuses is never sent. */
function background(watched: Set<string>, failOn?: number) {
  const sent: string[][] = [];
  const request = (async (message: AnyRequest) => {
    const checked = requestSchemas['watch.states'].parse(message);
    sent.push(checked.ids);
    if (sent.length === failOn) throw new Error('Could not establish connection. Receiving end does not exist.');
    return { watched: Object.fromEntries(checked.ids.filter((id) => watched.has(id)).map((id) => [id, { state: 'overdue', seen: true }])) };
  }) as Requester;
  return { request, sent };
}

describe('watchedAmong', () => {
  it('asks about a 12,000-question list in messages the schema accepts, and hears about every question', async () => {
    const all = ids(12_000);
    const watched = new Set([all[0]!, all[6_000]!, all[11_999]!]);
    const { request, sent } = background(watched);
    expect(await watchedAmong(request, all)).toEqual(watched);
    expect(sent.map((chunk) => chunk.length)).toEqual([MAX_IDS_PER_MESSAGE, MAX_IDS_PER_MESSAGE, 2_000]);
    expect(sent.flat()).toEqual(all);
  });

  it('asks once for a list that fits in one message', async () => {
    const { request, sent } = background(new Set(['AN-16-QE-20001']));
    expect(await watchedAmong(request, ids(MAX_IDS_PER_MESSAGE))).toEqual(new Set(['AN-16-QE-20001']));
    expect(sent).toHaveLength(1);
  });

  it('fails as a whole when one message fails: no toggle may guess a state', async () => {
    const { request } = background(new Set(), 2);
    await expect(watchedAmong(request, ids(12_000))).rejects.toThrow('Receiving end does not exist');
  });
});
