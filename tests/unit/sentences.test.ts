import { describe, it, expect } from 'vitest';
import { splitSentences, sentenceAt } from '../../src/lib/sentences.ts';

describe('splitSentences', () => {
  it('splits after a full stop, question or exclamation mark before a capital', () => {
    expect(splitSentences('The talks ended in 2005. He recommended more. Why? Nobody knows!')).toEqual([
      'The talks ended in 2005.',
      'He recommended more.',
      'Why?',
      'Nobody knows!',
    ]);
  });

  it('keeps "U.S." before a lower-case word inside its sentence', () => {
    expect(splitSentences('Then the U.S. president met Kim. The U.S. military was there.')).toEqual([
      'Then the U.S. president met Kim.',
      'The U.S. military was there.',
    ]);
  });

  it('keeps a closing quotation mark with the sentence it ends', () => {
    expect(splitSentences('He said: “It is over.” Then he left.')).toEqual(['He said: “It is over.”', 'Then he left.']);
    expect(splitSentences('\'It is over,\' he said. "Then what?" Nobody knew.')).toEqual(["'It is over,' he said.", '"Then what?"', 'Nobody knew.']);
  });

  it('starts a sentence at an opening quotation mark', () => {
    expect(splitSentences('He paused. “We will see,” he said.')).toEqual(['He paused.', '“We will see,” he said.']);
  });

  it('does not split inside numbers, or before a lower-case word', () => {
    expect(splitSentences('It cost 1.5 billion. and so on')).toEqual(['It cost 1.5 billion. and so on']);
  });

  it('gives nothing for blank text, and the text for one sentence', () => {
    expect(splitSentences('   ')).toEqual([]);
    expect(splitSentences('No full stop')).toEqual(['No full stop']);
  });
});

describe('sentenceAt', () => {
  const text = 'Hong said so. Then Kim left the U.S. team. Later more.';
  it('finds the sentence around an offset', () => {
    expect(sentenceAt(text, 0)).toBe('Hong said so.');
    expect(sentenceAt(text, text.indexOf('Kim'))).toBe('Then Kim left the U.S. team.');
    expect(sentenceAt(text, text.indexOf('Later'))).toBe('Later more.');
  });

  it('counts the space after a sentence with the next one', () => {
    expect(sentenceAt(text, text.indexOf(' Then'))).toBe('Then Kim left the U.S. team.');
  });

  it('gives the whole text for an offset past its end', () => {
    expect(sentenceAt(text, text.length + 5)).toBe(text);
  });
});
