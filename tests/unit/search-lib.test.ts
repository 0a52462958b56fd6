/** The pure helpers behind the search UI: URL state and excerpt parsing. */
import { describe, it, expect } from 'vitest';
import { isEmptySearch, pagefindFilters, parseSearchState, serializeSearchState } from '../../src/search/browser/state.ts';
import { decodeEntities, excerptParts } from '../../src/search/browser/excerpt.ts';

describe('search state in the URL', () => {
  it('reads query and repeated facet values, ignoring unknown and empty parameters', () => {
    expect(parseSearchState('?q=+Nobel+prize+&speaker=Hong+Min&speaker=Park+Jie-won&speaker=Hong+Min&colour=red&topic=')).toEqual({
      q: 'Nobel prize',
      filters: { speaker: ['Hong Min', 'Park Jie-won'] },
    });
  });

  it('writes facets in a fixed order, so equal searches give equal URLs, and round-trips', () => {
    const state = { q: 'a&b=c', filters: { kind: ['Direct quote'], speaker: ['Hong Min'] } };
    const text = serializeSearchState(state);
    expect(text).toBe('?q=a%26b%3Dc&speaker=Hong+Min&kind=Direct+quote');
    expect(parseSearchState(text)).toEqual(state);
    expect(serializeSearchState({ q: '  ', filters: { topic: [] } })).toBe('');
  });

  it('knows an empty search and builds Pagefind filters (values of one facet are alternatives)', () => {
    expect(isEmptySearch({ q: ' ', filters: { topic: [] } })).toBe(true);
    expect(isEmptySearch({ q: '', filters: { topic: ['Zoos'] } })).toBe(false);
    expect(pagefindFilters({ q: '', filters: { topic: ['A', 'B'], speaker: [] } })).toEqual({ topic: { any: ['A', 'B'] } });
  });
});

describe('Pagefind excerpts', () => {
  it('split into marked and unmarked text, entities decoded', () => {
    expect(excerptParts('Kim &amp; <mark>Trump</mark> met &lt;b&gt;twice&lt;/b&gt;')).toEqual([
      { text: 'Kim & ', marked: false },
      { text: 'Trump', marked: true },
      { text: ' met <b>twice</b>', marked: false },
    ]);
  });

  it('keep any other markup as text, never as elements', () => {
    const parts = excerptParts('<img src=x onerror=alert(1)> <mark>&lt;script&gt;</mark>');
    expect(parts).toEqual([
      { text: '<img src=x onerror=alert(1)> ', marked: false },
      { text: '<script>', marked: true },
    ]);
  });

  it('decode numeric references and leave unknown ones alone', () => {
    expect(decodeEntities('&#8220;hi&#x201D; &bogus; &#0;')).toBe('“hi” &bogus; &#0;');
  });
});
