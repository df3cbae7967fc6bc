import { describe, expect, expectTypeOf, it } from 'vitest';
import { FOLLOW_CHAMBERS, type FollowChamber } from '../../lib/follows/chambers';
import { CHAMBERS, type Chamber, type JoQuestionKey } from '../../lib/sources/jo/schemas';
import { type FeedEntry } from '../../lib/follows/schemas';

describe('the chambers a follow may name', () => {
  it('are the JO index’s', () => {
    expect([...FOLLOW_CHAMBERS]).toEqual([...CHAMBERS]);
    expectTypeOf<FollowChamber>().toEqualTypeOf<Chamber>();
    expectTypeOf<FeedEntry['key']>().toEqualTypeOf<JoQuestionKey>();
  });
});
