/** Query understanding (src/search/browser/query.ts) and the build's vocabulary helpers (src/search/search-terms.ts). */
import { describe, it, expect } from 'vitest';
import { markedWords, plainQuery, queryWords, rankAnyWords, unconfirmedWords, type Vocabulary } from '../../src/search/browser/query.ts';
import { editDistance, nearestKnown, understandQuery } from '../../src/search/browser/correct.ts';
import { usSpellings, vocabularyWords } from '../../src/search/search-terms.ts';

const vocabulary: Vocabulary = {
  words: ['aum', 'bandow', 'frank', 'hong', 'jie', 'jie-won', 'jiewon', 'min', 'narang', 'nukes', 'park', 'town', 'vipin', 'won'],
  spellings: { theater: 'theatre', normalization: 'normalisation' },
};

describe('queryWords', () => {
  it('lower-cases, keeps hyphenated words whole and drops possessives', () => {
    expect(queryWords("Trump’s “Nobel” Peace-Prize, Kim's")).toEqual(['trump', 'nobel', 'peace-prize', 'kim']);
  });
});

describe('editDistance', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('kho', 'koh')).toBe(1);
    expect(editDistance('narrang', 'narang')).toBe(1);
    expect(editDistance('window', 'bandow')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('nearestKnown', () => {
  it('corrects a misspelt name to the nearest known word with the same first letter', () => {
    expect(nearestKnown('narrang', vocabulary.words)).toBe('narang');
    expect(nearestKnown('bandoe', vocabulary.words)).toBe('bandow');
  });
  it('leaves known words, word forms of known words, short words and common words alone', () => {
    expect(nearestKnown('narang', vocabulary.words)).toBeUndefined();
    expect(nearestKnown('towns', vocabulary.words)).toBeUndefined();
    expect(nearestKnown('mint', vocabulary.words)).toBeUndefined();
    expect(nearestKnown('won', vocabulary.words)).toBeUndefined();
    expect(nearestKnown('window', vocabulary.words)).toBeUndefined();
  });
});

describe('understandQuery', () => {
  it('drops question and stop words, unless nothing else is left', () => {
    expect(understandQuery('who thinks denuclearisation is unlikely').query).toBe('denuclearisation unlikely');
    expect(understandQuery('what did Frank Aum propose').query).toBe('frank aum propose');
    expect(understandQuery('the').query).toBe('the');
  });
  it('searches the articles’ spelling of a US word, and corrects a misspelt name, saying so', () => {
    const theatre = understandQuery('political theater', vocabulary);
    expect(theatre.query).toBe('political theatre');
    expect(theatre.corrections).toEqual([]);
    const narang = understandQuery('Vipin Narrang', vocabulary);
    expect(narang.query).toBe('vipin narang');
    expect(narang.corrections).toEqual([{ from: 'narrang', to: 'narang' }]);
  });
  it('searches the words as typed when asked to', () => {
    const exact = understandQuery('who is Narrang', vocabulary, { exact: true });
    expect(exact.query).toBe('who is narrang');
    expect(exact.corrections).toEqual([]);
  });
  it('leaves the words the results confirmed as typed', () => {
    const withTreaty = { ...vocabulary, words: [...vocabulary.words, 'treaty'] };
    // Two edits from "treaty": taken for a typo of it when every word may be corrected.
    expect(understandQuery('Narrang threats', withTreaty).query).toBe('narang treaty');
    const only = understandQuery('Narrang threats', withTreaty, { only: ['narrang'] });
    expect(only.query).toBe('narang threats');
    expect(only.corrections).toEqual([{ from: 'narrang', to: 'narang' }]);
  });
  it('works without a vocabulary', () => {
    expect(understandQuery('Narrang', undefined).query).toBe('narrang');
  });
});

describe('rankAnyWords', () => {
  it('puts pages with more of the words first, then the higher summed score', () => {
    const a = { id: 'a', score: 1 };
    const b = { id: 'b', score: 5 };
    const c = { id: 'c', score: 2 };
    expect(rankAnyWords([[a, b], [a, c], [c]]).map((r) => r.id)).toEqual(['c', 'a', 'b']);
    expect(rankAnyWords([[b], [a]]).map((r) => r.id)).toEqual(['b', 'a']);
  });
});

describe('plainQuery and unconfirmedWords', () => {
  it('drop stop words without the vocabulary, and find the words the results did not mark', () => {
    expect(plainQuery('who is Narrang').query).toBe('narrang');
    expect(plainQuery('who is Narrang', { exact: true }).query).toBe('who is narrang');
    // "proposes" is confirmed by "proposing", "narrang" by nothing Pagefind marked ("nar…" matched "narang").
    expect(unconfirmedWords(['frank', 'proposes', 'narrang'], ['frank', 'proposing', 'narang'])).toEqual(['narrang']);
  });
});

describe('markedWords', () => {
  it('collects the words Pagefind marked, once each', () => {
    expect(markedWords(['the <mark>Jie-won</mark> and <mark>normalisation</mark>', '<mark>normalisation</mark> again'])).toEqual(['jie-won', 'normalisation']);
  });
});

describe('vocabulary helpers', () => {
  it('splits hyphenated names into parts and the joined form', () => {
    expect(vocabularyWords('Park Jie-won, MIT')).toEqual(['park', 'jie-won', 'jie', 'won', 'jiewon', 'mit']);
  });
  it('gives US spellings only for UK words whose US form the text never uses', () => {
    const map = usSpellings([
      'theatre',
      'normalisation',
      'denuclearisation',
      'denuclearization',
      'defence',
      'sceptical',
      'exercises',
      'programme',
      'behaviour',
    ]);
    expect(map).toEqual({
      theater: 'theatre',
      normalization: 'normalisation',
      defense: 'defence',
      skeptical: 'sceptical',
      program: 'programme',
      behavior: 'behaviour',
    });
  });
});
