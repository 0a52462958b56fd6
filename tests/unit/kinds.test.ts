import { describe, it, expect } from 'vitest';
import { DATA_COLLECTIONS, KINDS, MENTION_KINDS, dataFile, isMentionKind, kindOf, marginKinds, mentionKey } from '../../src/model/kinds.ts';
import { VOCABULARY } from '../../src/model/vocabulary.ts';

describe('the kinds table', () => {
  it('has one row per kind, each with its own attribute and a data collection', () => {
    const attributes = MENTION_KINDS.map((kind) => KINDS[kind].attribute);
    expect(new Set(attributes).size).toBe(attributes.length);
    for (const kind of MENTION_KINDS) expect(Object.keys(DATA_COLLECTIONS)).toContain(kindOf(kind).collection);
    expect(dataFile('organisations')).toBe('organisations.yaml');
  });

  it('is what the vocabulary lets <Mention> name', () => {
    expect(VOCABULARY['Mention']?.attributes.keyof().options).toEqual(MENTION_KINDS.map((kind) => KINDS[kind].attribute));
  });

  it('tells a kind from any other string', () => {
    expect(isMentionKind('org')).toBe(true);
    expect(isMentionKind('organisation')).toBe(false);
    expect(isMentionKind('toString')).toBe(false);
  });

  it('files a mention under its kind and ids', () => {
    expect(mentionKey('person', ['hong-min'])).toBe('person:hong-min');
    expect(mentionKey('event', ['a', 'b'])).toBe('event:a b');
  });

  it('says what a mention adds to the margin: a compact timeline, for meetings only', () => {
    const margins = marginKinds();
    expect(margins.map(({ kind, margin }) => [kind, margin.component])).toEqual([['event', 'CompactTimeline']]);
    const [events] = margins;
    expect(events?.margin.includes({ kind: 'summit' })).toBe(true);
    expect(events?.margin.includes({ kind: 'context' })).toBe(false);
  });
});
