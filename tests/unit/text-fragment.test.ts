import { describe, it, expect } from 'vitest';
import { formatTextDirective, matchTextDirective, parseTextDirective, textDirectiveFor } from '../../src/lib/text-fragment.ts';

describe('formatTextDirective', () => {
  it('escapes the characters that separate the parts', () => {
    expect(formatTextDirective({ textStart: 'non-proliferation, and more & less' })).toBe(':~:text=non%2Dproliferation%2C%20and%20more%20%26%20less');
  });

  it('writes prefix-, start, end, -suffix in that order', () => {
    expect(formatTextDirective({ prefix: 'said', textStart: 'a b', textEnd: 'c', suffix: 'd' })).toBe(':~:text=said-,a%20b,c,-d');
  });

  it('round-trips through parseTextDirective, typographic quotes included', () => {
    const directive = { prefix: 'Korea’s', textStart: 'the “reset”', textEnd: 'end – here', suffix: 'x-y' };
    expect(parseTextDirective(`#p-a${formatTextDirective(directive)}`)).toEqual(directive);
  });
});

describe('matchTextDirective', () => {
  const blocks = ['Kim met Trump in Hanoi.', 'Then Kim met Putin, and Kim met   Xi.', 'The meeting in Hanoi failed.'];

  it('finds every place the words occur, ignoring case, within blocks', () => {
    expect(matchTextDirective(blocks, { textStart: 'kim met' })).toEqual([
      { block: 0, start: 0, end: 7 },
      { block: 1, start: 5, end: 12 },
      { block: 1, start: 24, end: 31 },
    ]);
  });

  it('matches whole words only', () => {
    expect(matchTextDirective(blocks, { textStart: 'Han' })).toEqual([]);
    expect(matchTextDirective(blocks, { textStart: 'Hanoi' })).toHaveLength(2);
  });

  it('does not match across two blocks', () => {
    expect(matchTextDirective(blocks, { textStart: 'Hanoi. Then' })).toEqual([]);
  });

  it('narrows with a prefix or a suffix', () => {
    expect(matchTextDirective(blocks, { prefix: 'and', textStart: 'Kim met' })).toEqual([{ block: 1, start: 24, end: 31 }]);
    expect(matchTextDirective(blocks, { textStart: 'Kim met', suffix: 'Putin' })).toEqual([{ block: 1, start: 5, end: 12 }]);
  });

  it('collapses white space in the page text', () => {
    expect(matchTextDirective(blocks, { textStart: 'Kim met Xi' })).toEqual([{ block: 1, start: 24, end: 34 }]);
  });

  it('takes a range from textStart to the first textEnd after it', () => {
    expect(matchTextDirective(blocks, { textStart: 'The meeting', textEnd: 'failed' })).toEqual([
      { block: 2, start: 0, end: 'The meeting in Hanoi failed'.length },
    ]);
  });
});

describe('textDirectiveFor', () => {
  it('uses the words alone when they occur once', () => {
    const blocks = ['One two three.', 'Four five six.'];
    expect(textDirectiveFor(blocks, { block: 1, start: 0, end: 9 })).toEqual({ textStart: 'Four five' });
  });

  it('adds the word before when the words occur elsewhere', () => {
    const blocks = ['He said little possibility of talks.', 'She saw little possibility of talks.'];
    // "little possibility of talks" is in both blocks; "saw" sets the second apart.
    expect(textDirectiveFor(blocks, { block: 1, start: 8, end: 35 })).toEqual({ prefix: 'saw', textStart: 'little possibility of talks' });
  });

  it('uses a suffix when nothing comes before the words', () => {
    // "as" follows both; "as a" only the second ("a" does not match the start of the word "an").
    const blocks = ['Kim saw the failure as an insult', 'Kim saw the failure as a lesson'];
    expect(textDirectiveFor(blocks, { block: 1, start: 0, end: 19 })).toEqual({ textStart: 'Kim saw the failure', suffix: 'as a' });
  });

  it('gives long words as a start and an end', () => {
    const words = 'one two three four five six seven eight nine ten eleven twelve';
    const directive = textDirectiveFor([words], { block: 0, start: 0, end: words.length });
    expect(directive).toEqual({ textStart: 'one two three four', textEnd: 'nine ten eleven twelve' });
    expect(matchTextDirective([words], directive)).toEqual([{ block: 0, start: 0, end: words.length }]);
  });

  it('fails, naming the words, when the same block occurs twice', () => {
    expect(() => textDirectiveFor(['Same words here.', 'Same words here.'], { block: 1, start: 0, end: 10 })).toThrow(/"Same words/);
  });
});
