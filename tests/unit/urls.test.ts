import { describe, it, expect } from 'vitest';
import { urls } from '../../src/lib/urls.ts';
import { mentionUrl } from '../../src/model/kinds.ts';

describe('urls', () => {
  it('gives every page a path ending in a slash, and anchors after it', () => {
    expect(urls.home()).toBe('/');
    expect(urls.article('hanoi-hangover')).toBe('/articles/hanoi-hangover/');
    expect(urls.paragraph('hanoi-hangover', 'p-a-b')).toBe('/articles/hanoi-hangover/#p-a-b');
    expect(urls.people()).toBe('/people/');
    expect(urls.person('hong-min')).toBe('/people/hong-min/');
    expect(urls.organisation('kinu')).toBe('/people/#org-kinu');
    expect(urls.place('hanoi')).toBe('/people/#place-hanoi');
    expect(urls.timeline()).toBe('/timeline/');
    expect(urls.timelineEntry('trump-letter-declined')).toBe('/timeline/#trump-letter-declined');
    expect(urls.meeting('hanoi-summit-2019')).toBe('/timeline/hanoi-summit-2019/');
    expect(urls.quotes()).toBe('/quotes/');
    expect(urls.quote('hong-min-a-b')).toBe('/quotes/hong-min-a-b/');
    expect(urls.positions()).toBe('/positions/');
    expect(urls.search()).toBe('/search/');
  });
});

describe('mentionUrl', () => {
  it('links people and meetings to their pages, and the rest to anchors', () => {
    expect(mentionUrl('person', [{ id: 'hong-min', kind: 'person' }])).toBe('/people/hong-min/');
    expect(mentionUrl('org', [{ id: 'kinu' }])).toBe('/people/#org-kinu');
    expect(mentionUrl('place', [{ id: 'hanoi' }])).toBe('/people/#place-hanoi');
    expect(mentionUrl('event', [{ id: 'hanoi-summit-2019', kind: 'summit' }])).toBe('/timeline/hanoi-summit-2019/');
    expect(mentionUrl('event', [{ id: 'six-party-talks-2005', kind: 'context' }])).toBe('/timeline/#six-party-talks-2005');
  });

  it('links a mention of several events to the timeline, and of several people nowhere', () => {
    expect(
      mentionUrl('event', [
        { id: 'a', kind: 'summit' },
        { id: 'b', kind: 'summit' },
      ]),
    ).toBe('/timeline/');
    expect(mentionUrl('person', [{ id: 'a' }, { id: 'b' }])).toBeUndefined();
  });
});
