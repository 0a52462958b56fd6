import { describe, it, expect } from 'vitest';
import { normalizeWhitespace, sourceLines, truncateWords, plural, countInWords, capitalise } from '../../src/lib/text.ts';

describe('normalizeWhitespace', () => {
  it('collapses runs of white space, including newlines and no-break spaces, and trims', () => {
    expect(normalizeWhitespace('  One\n\ttwo \u00a0 three  ')).toBe('One two three');
  });
  it('changes nothing else', () => {
    expect(normalizeWhitespace('“Quoted” – dash’s')).toBe('“Quoted” – dash’s');
  });
});

describe('sourceLines', () => {
  it('keeps lines with words, numbered from 1 as in the file', () => {
    expect(sourceLines('Headline\nDek\n\nFirst.\n  \nSecond.\n')).toEqual([
      { line: 1, text: 'Headline' },
      { line: 2, text: 'Dek' },
      { line: 4, text: 'First.' },
      { line: 6, text: 'Second.' },
    ]);
  });
  it('reads Windows line endings the same way', () => {
    expect(sourceLines('One.\r\n\r\nTwo.\r\n')).toEqual([
      { line: 1, text: 'One.' },
      { line: 3, text: 'Two.' },
    ]);
  });
  it("keeps a line's own spaces, which fidelity compares", () => {
    expect(sourceLines(' Indented \n')).toEqual([{ line: 1, text: ' Indented ' }]);
  });
});

describe('truncateWords', () => {
  it('leaves short text alone', () => {
    expect(truncateWords('Short text', 10)).toBe('Short text');
  });
  it('cuts at the last word boundary within the limit, and ends with an ellipsis', () => {
    expect(truncateWords('The talks collapsed over sanctions relief', 20)).toBe('The talks collapsed…');
    expect(truncateWords('The talks collapsed over sanctions relief', 20).length).toBeLessThanOrEqual(20);
  });
  it('drops punctuation left before the ellipsis', () => {
    expect(truncateWords('Hanoi, Singapore, and the DMZ', 19)).toBe('Hanoi, Singapore…');
    expect(truncateWords('Pyongyang and Washington – again', 28)).toBe('Pyongyang and Washington…');
  });
  it('cuts inside a word when the only space is too early', () => {
    expect(truncateWords('A denuclearisation', 10)).toBe('A denucle…');
  });
});

describe('plural', () => {
  it('uses the singular for one only, and an irregular plural when given', () => {
    expect(plural(1, 'mention')).toBe('1 mention');
    expect(plural(0, 'mention')).toBe('0 mentions');
    expect(plural(3, 'mention')).toBe('3 mentions');
    expect(plural(2, 'summary', 'summaries')).toBe('2 summaries');
  });
});

describe('countInWords', () => {
  it('writes counts up to ten in words, and larger ones in figures', () => {
    expect(countInWords(0, 'article')).toBe('no articles');
    expect(countInWords(1, 'article')).toBe('one article');
    expect(countInWords(3, 'meeting')).toBe('three meetings');
    expect(countInWords(10, 'article')).toBe('ten articles');
    expect(countInWords(12, 'quotation')).toBe('12 quotations');
    expect(countInWords(2, 'person', 'people')).toBe('two people');
  });

  it('can start a sentence', () => {
    expect(capitalise(countInWords(3, 'summit'))).toBe('Three summits');
  });
});
