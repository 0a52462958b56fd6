import { describe, it, expect } from 'vitest';
import { wordCount, readingMinutes } from '../../src/lib/reading.ts';

describe('wordCount', () => {
  it('counts words between any white space', () => {
    expect(wordCount('  Kim Jong-un met\nDonald  Trump. ')).toBe(5);
    expect(wordCount('')).toBe(0);
  });
});

describe('readingMinutes', () => {
  const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');
  it('rounds to the nearest minute at 230 words a minute, and never says 0', () => {
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes(words(344))).toBe(1);
    expect(readingMinutes(words(345))).toBe(2);
    expect(readingMinutes(words(1150))).toBe(5);
  });
});
