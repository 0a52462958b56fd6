import { describe, expect, it } from 'vitest';
import { following } from '../../src/lib/lists.ts';

describe('following', () => {
  it('takes the items after the index, wrapping round, never the item itself', () => {
    expect(following(['a', 'b', 'c', 'd'], 2, 3)).toEqual(['d', 'a', 'b']);
    expect(following(['a', 'b', 'c', 'd'], 0, 10)).toEqual(['b', 'c', 'd']);
  });
  it('gives nothing for a list of one, and stops at count', () => {
    expect(following(['a'], 0, 5)).toEqual([]);
    expect(following(['a', 'b', 'c', 'd', 'e', 'f', 'g'], 1, 2)).toEqual(['c', 'd']);
  });
  it('refuses an index outside the list', () => {
    expect(() => following(['a'], 1, 1)).toThrow(RangeError);
    expect(() => following(['a'], -1, 1)).toThrow(RangeError);
  });
});
