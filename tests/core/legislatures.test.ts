import { describe, expect, it } from 'vitest';
import { legislatureOn } from '../../lib/legislatures';

describe('legislatureOn', () => {
  it.each([
    ['1986-04-01', undefined],
    ['1986-04-02', 8],
    ['2017-06-20', 14],
    ['2017-06-21', 15],
    ['2024-06-09', 16],
    ['2024-06-10', undefined],
    ['2024-07-17', undefined],
    ['2024-07-18', 17],
    ['2026-03-10', 17],
  ])('on %s is %s', (date, legislature) => {
    expect(legislatureOn(date)).toBe(legislature);
  });
});
