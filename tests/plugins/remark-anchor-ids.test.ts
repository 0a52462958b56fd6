import { describe, it, expect } from 'vitest';
import remarkAnchorIds from '../../src/markdown/remark-anchor-ids.ts';
import { emptyAnnotations } from '../../src/model/annotations.ts';
import { run, failure, toHtml } from '../support/markdown.ts';

const check = (mdx: string) => run(mdx, { plugins: [remarkAnchorIds], summit: emptyAnnotations() });
const reject = (mdx: string) => failure(() => check(mdx));

describe('remark-anchor-ids', () => {
  it('gives paragraphs an id from their first six words and headings one from their text', () => {
    const { tree, file } = check('North Korea’s growing alignment with Russia is giving Kim latitude.\n\n## Possible pathways for dialogue\n\nShort one.');
    expect(toHtml(tree, file)).toBe(
      '<p id="p-north-koreas-growing-alignment-with-russia">North Korea’s growing alignment with Russia is giving Kim latitude.</p>\n' +
        '<h2 id="possible-pathways-for-dialogue">Possible pathways for dialogue</h2>\n' +
        '<p id="p-short-one">Short one.</p>',
    );
    expect(file.data.summit!.paragraphs).toEqual([
      { id: 'p-north-koreas-growing-alignment-with-russia', text: 'North Korea’s growing alignment with Russia is giving Kim latitude.', line: 1 },
      { id: 'p-short-one', text: 'Short one.', line: 5 },
    ]);
    expect(file.data.summit!.headings).toEqual([{ id: 'possible-pathways-for-dialogue', text: 'Possible pathways for dialogue', depth: 2 }]);
  });

  it('reads the words through annotations', () => {
    const { file } = check('<Mention person="kim-jong-un">Kim Jong-un</Mention> said more.');
    expect(file.data.summit!.paragraphs[0]!.id).toBe('p-kim-jong-un-said-more');
  });

  it('adds words to paragraphs that start alike until they differ', () => {
    const { file } = check('One two three four five six seven eight.\n\nOne two three four five six seven nine.\n\nOne two three four five ten.');
    expect(file.data.summit!.paragraphs.map((p) => p.id)).toEqual([
      'p-one-two-three-four-five-six-seven-eight',
      'p-one-two-three-four-five-six-seven-nine',
      'p-one-two-three-four-five-ten',
    ]);
  });

  it('leaves paragraphs inside other blocks alone', () => {
    const { tree, file } = check('> Quoted words.');
    expect(toHtml(tree, file)).toBe('<blockquote>\n<p>Quoted words.</p>\n</blockquote>');
    expect(file.data.summit!.paragraphs).toEqual([]);
  });

  it('fails on two identical paragraphs, naming the line of the first', () => {
    const message = reject('Same words here.\n\nOther words.\n\nSame words here.');
    expect(message.reason).toBe(
      'Duplicate anchor id "p-same-words-here": this paragraph and the one at line 1 would share a permalink. Identical blocks cannot both be linked; check the article against its source.',
    );
    expect(message.line).toBe(5);
  });

  it('fails on a heading whose id a paragraph already has', () => {
    const message = reject('One two three.\n\n## P one two three');
    expect(message.reason).toBe(
      'Duplicate anchor id "p-one-two-three": this heading and the one at line 1 would share a permalink. Identical blocks cannot both be linked; check the article against its source.',
    );
    expect(message.line).toBe(3);
  });

  it('fails on two headings with the same text', () => {
    expect(reject('## Pathways\n\nText.\n\n## Pathways').line).toBe(5);
  });

  it('fails on a heading with no words', () => {
    const message = reject('Text.\n\n## ???');
    expect(message.reason).toBe('This heading has no words to make a permalink from.');
    expect(message.line).toBe(3);
  });
});
