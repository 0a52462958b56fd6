/** The pure helpers behind issue 12: stances, passages that keep their speaker, own words in paraphrases, editorial marks. */
import { describe, it, expect } from 'vitest';
import { DEFAULT_STANCE, STANCES, STANCE_IDS, isStance, splitTopicStance, topicWithStance, describeStances } from '../../src/model/stances.ts';
import { passageOf, quotationMarksPaired } from '../../src/model/passages.ts';
import { splitOwnWords, hasOwnWords } from '../../src/lib/own-words.ts';
import { namesWithin } from '../../src/lib/named-within.ts';
import { articleOgCard, publicationLabel, sicSplit, siteWritten, siteWrittenLabel, withSic } from '../../src/model/editorial-marks.ts';
import { objectPronoun } from '../../src/lib/people.ts';

describe('stances', () => {
  it('are the three the issue asks for, each with its own symbol', () => {
    expect(STANCE_IDS).toEqual(['supports', 'opposes', 'assesses']);
    expect(new Set(STANCE_IDS.map((id) => STANCES[id].symbol)).size).toBe(3);
    expect(STANCES.opposes.label).toBe('Opposes or rejects');
  });

  it('default to the weakest claim', () => {
    expect(DEFAULT_STANCE).toBe('assesses');
  });

  it('split from their topic at the colon', () => {
    expect(splitTopicStance('south-korean-nuclear-option:opposes')).toEqual({ topic: 'south-korean-nuclear-option', stance: 'opposes' });
    expect(splitTopicStance('deterrence')).toEqual({ topic: 'deterrence', stance: undefined });
    expect(splitTopicStance('deterrence:')).toEqual({ topic: 'deterrence', stance: '' });
  });

  it('know their own names only', () => {
    expect(isStance('supports')).toBe(true);
    expect(isStance('proposes')).toBe(false);
    expect(isStance('toString')).toBe(false);
    expect(describeStances()).toBe('supports (proposes or supports), opposes (opposes or rejects), assesses (assesses or predicts)');
  });

  it('read beside their topic', () => {
    expect(topicWithStance('Denuclearisation', 'opposes')).toBe('Denuclearisation: opposes');
  });
});

describe('passageOf', () => {
  const paragraph =
    '“Moreover, Pyongyang remains deeply sceptical of Trump’s overtures. Kim saw the failure of the Hanoi summit as a personal insult – it turned out to be little more than political theatre for Trump.”';
  const hong = { speaker: 'hong-min', kind: 'direct' as const, text: paragraph.slice(1, -1) };

  it('gives a sentence wholly inside a quotation to its speaker, without its stray mark', () => {
    const passage = passageOf(
      'Kim saw the failure of the Hanoi summit as a personal insult – it turned out to be little more than political theatre for Trump.”',
      paragraph,
      [hong],
    );
    expect(passage.whole).toEqual({ speaker: 'hong-min', kind: 'direct' });
    expect(passage.text).toBe(
      'Kim saw the failure of the Hanoi summit as a personal insult – it turned out to be little more than political theatre for Trump.',
    );
    expect(quotationMarksPaired(passage.text)).toBe(true);
    // The opening sentence has a stray opening mark instead.
    expect(passageOf('“Moreover, Pyongyang remains deeply sceptical of Trump’s overtures.', paragraph, [hong]).text).toBe(
      'Moreover, Pyongyang remains deeply sceptical of Trump’s overtures.',
    );
  });

  it('names whom a sentence of the article quotes, keeping the sentence whole', () => {
    const text = '“It may feign interest in dialogue through working-level contacts simply to prevent Trump from responding aggressively,” he said.';
    const passage = passageOf(text, text, [
      {
        speaker: 'hong-min',
        kind: 'direct',
        text: 'It may feign interest in dialogue through working-level contacts simply to prevent Trump from responding aggressively',
      },
    ]);
    expect(passage.whole).toBeUndefined();
    expect(passage.text).toBe(text);
    expect(passage.speakers).toEqual(['hong-min']);
    expect(passage.quoting).toEqual(['hong-min']);
  });

  it('tells a reported view from quoted words, and leaves the article’s own sentences alone', () => {
    const text = 'Koh said Pyongyang was likely to “tread very cautiously”. Nobody else spoke.';
    const koh = { speaker: 'koh-yu-hwan', kind: 'paraphrase' as const, text: 'Pyongyang was likely to “tread very cautiously”' };
    expect(passageOf('Koh said Pyongyang was likely to “tread very cautiously”.', text, [koh])).toEqual({
      text: 'Koh said Pyongyang was likely to “tread very cautiously”.',
      speakers: ['koh-yu-hwan'],
      quoting: [],
    });
    expect(passageOf('Nobody else spoke.', text, [koh])).toEqual({ text: 'Nobody else spoke.', speakers: [], quoting: [] });
  });

  it('checks quotation marks pair up in order', () => {
    expect(quotationMarksPaired('“a” and “b”')).toBe(true);
    expect(quotationMarksPaired('a.”')).toBe(false);
    expect(quotationMarksPaired('”a“')).toBe(false);
  });
});

describe('splitOwnWords', () => {
  it('sets apart the fragments in quotation marks, marks included', () => {
    expect(splitOwnWords('was likely to “tread very cautiously” to avoid')).toEqual([
      { text: 'was likely to ', own: false },
      { text: '“tread very cautiously”', own: true },
      { text: ' to avoid', own: false },
    ]);
    expect(splitOwnWords('“a” then “b”').map((s) => s.own)).toEqual([true, false, true]);
    expect(hasOwnWords('called for a pragmatic interim agreement')).toBe(false);
  });
});

describe('namesWithin', () => {
  const records = [
    { id: 'hanoi', name: 'Hanoi' },
    { id: 'mit', name: 'MIT' },
    { id: 'apec', name: 'Asia-Pacific Economic Cooperation' },
  ];
  it('finds names as whole words only', () => {
    expect(namesWithin('the 2019 Hanoi summit', records).map((r) => r.id)).toEqual(['hanoi']);
    expect(namesWithin('the Asia-Pacific Economic Cooperation summit in October', records).map((r) => r.id)).toEqual(['apec']);
    expect(namesWithin('a SUMMIT of Hanoians', records)).toEqual([]);
  });
});

describe('editorial marks', () => {
  it('say which of headline and summary the site wrote', () => {
    expect(siteWritten({ headlineBy: 'site', dekBy: 'site' })).toEqual(['headline', 'summary']);
    expect(siteWrittenLabel({ headlineBy: 'site', dekBy: 'site' })).toBe('Headline and summary by Summit Desk');
    expect(siteWrittenLabel({ headlineBy: 'source', dekBy: 'site' })).toBe('Summary by Summit Desk');
    expect(siteWrittenLabel({ headlineBy: 'source', dekBy: 'source' })).toBeUndefined();
  });

  it('put [sic] after the given words, in the field given', () => {
    const sic = [{ field: 'dek' as const, after: 'more focused Russia' }];
    const dek = 'is now more focused Russia, despite';
    expect(sicSplit(dek, 'dek', sic)).toEqual(['is now more focused Russia', ', despite']);
    expect(withSic(dek, 'dek', sic)).toBe('is now more focused Russia [sic], despite');
    expect(withSic(dek, 'headline', sic)).toBe(dek);
  });

  it('label an inferred publication', () => {
    expect(publicationLabel('This Week in Asia', 'Hong told This Week in Asia')).toBe(
      'This Week in Asia (inferred from the text: “Hong told This Week in Asia”)',
    );
    expect(publicationLabel(null, undefined)).toBe('Source not stated');
  });

  it('mark a site-written headline on the preview image, and keep the [sic] there', () => {
    const card = articleOgCard({
      headline: 'A fourth meeting is floated',
      headlineBy: 'site',
      dek: 'Trump would welcome it.',
      dekBy: 'site',
      publication: null,
      sic: [],
    });
    expect(card.label).toBe('Article · headline by Summit Desk');
    expect(card.detail).toBe('Headline and summary by Summit Desk; the source has none');
    const source = articleOgCard({
      headline: 'Hanoi hangover',
      headlineBy: 'source',
      dek: 'is now more focused Russia, despite',
      dekBy: 'source',
      publication: 'This Week in Asia',
      publicationInferredFrom: 'Hong told This Week in Asia',
      sic: [{ field: 'dek', after: 'more focused Russia' }],
    });
    expect(source).toEqual({
      label: 'Article',
      title: 'Hanoi hangover',
      body: 'is now more focused Russia [sic], despite',
      byline: 'This Week in Asia',
      detail: 'Source inferred from the text',
    });
  });

  it('refer to a person as the articles do', () => {
    expect(objectPronoun({ name: 'Kim Jong-un', pronoun: 'he' })).toBe('him');
    expect(objectPronoun({ name: 'The White House' })).toBe('The White House');
  });
});
