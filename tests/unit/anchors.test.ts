import { describe, it, expect } from 'vitest';
import { anchorIds, headingId, quotationBaseId, slugWords } from '../../src/lib/anchors.ts';

const A = 'North Korea’s growing alignment with Russia is giving Kim new latitude.';
const B = 'Subsequent meetings revealed the limitations of personal diplomacy.';
const C = 'But analysts say Kim is increasingly unwilling to risk another encounter.';

describe('slugWords', () => {
  it('lower-cases, drops punctuation and apostrophes, and keeps hyphenated names as words', () => {
    expect(slugWords('North Korea’s “growing” alignment, Kim Jong-un!')).toEqual(['north', 'koreas', 'growing', 'alignment', 'kim', 'jong', 'un']);
    expect(slugWords('— ? —')).toEqual([]);
  });
});

describe('anchorIds', () => {
  it('names each text by a prefix and its first six words', () => {
    expect(anchorIds([A, B], 'p')).toEqual(['p-north-koreas-growing-alignment-with-russia', 'p-subsequent-meetings-revealed-the-limitations-of']);
  });

  it('uses every word of a text shorter than six words', () => {
    expect(anchorIds(['Short one.'], 'p')).toEqual(['p-short-one']);
  });

  it('does not change other ids when a paragraph is inserted, removed or edited elsewhere', () => {
    const before = anchorIds([A, B, C], 'p');
    const inserted = anchorIds([A, 'A new paragraph in between.', B, C], 'p');
    expect([inserted[0], inserted[2], inserted[3]]).toEqual(before);
    expect(anchorIds([A, C], 'p')).toEqual([before[0], before[2]]);
    const edited = anchorIds([A, 'Subsequent meetings revealed the limits of personal diplomacy, he said.', C], 'p');
    expect([edited[0], edited[2]]).toEqual([before[0], before[2]]);
  });

  it('extends texts that share their first words until they differ', () => {
    const first = 'One two three four five six seven eight nine.';
    const second = 'One two three four five six seven eight ten.';
    expect(anchorIds([first, second], 'p')).toEqual(['p-one-two-three-four-five-six-seven-eight-nine', 'p-one-two-three-four-five-six-seven-eight-ten']);
  });

  it('gives the same ids whatever the order of the texts', () => {
    const texts = ['One two three four five six seven.', 'One two three four five six eight nine.', 'One two three four five six eight ten.', B];
    const forward = anchorIds(texts, 'p');
    const backward = anchorIds([...texts].reverse(), 'p').reverse();
    expect(backward).toEqual(forward);
    expect(forward).toEqual([
      'p-one-two-three-four-five-six-seven',
      'p-one-two-three-four-five-six-eight-nine',
      'p-one-two-three-four-five-six-eight-ten',
      'p-subsequent-meetings-revealed-the-limitations-of',
    ]);
  });

  it('tells apart a text that is the start of a longer one', () => {
    expect(anchorIds(['One two three four five six.', 'One two three four five six seven.'], 'p')).toEqual([
      'p-one-two-three-four-five-six',
      'p-one-two-three-four-five-six-seven',
    ]);
    expect(anchorIds(['One two.', 'One two three.'], 'p')).toEqual(['p-one-two', 'p-one-two-three']);
  });

  it('gives identical texts the same id, for the caller to reject', () => {
    expect(anchorIds([B, B], 'p')).toEqual(['p-subsequent-meetings-revealed-the-limitations-of', 'p-subsequent-meetings-revealed-the-limitations-of']);
  });

  it('leaves out an empty prefix and takes another word count', () => {
    expect(anchorIds([B], '', 2)).toEqual(['subsequent-meetings']);
  });
});

describe('headingId', () => {
  it('slugs the heading as GitHub does', () => {
    expect(headingId('Possible pathways for dialogue')).toBe('possible-pathways-for-dialogue');
    expect(headingId('Kim’s “red lines”: what now?')).toBe('kims-red-lines-what-now');
  });
});

describe('quotationBaseId', () => {
  it('joins the speaker and the first six words', () => {
    expect(quotationBaseId('hong-min', 'There is little possibility of the talks resuming')).toBe('hong-min-there-is-little-possibility-of-the');
    expect(quotationBaseId('white-house', 'it remains open')).toBe('white-house-it-remains-open');
  });
});
