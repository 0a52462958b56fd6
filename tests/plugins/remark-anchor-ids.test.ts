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

  it('gives a paragraph identical to an earlier one the same id with -2, and leaves the earlier one as it was', () => {
    const { tree, file } = check('Same words here.\n\nOther words.\n\nSame words here.\n\nSame words here.');
    expect(file.data.summit!.paragraphs.map((p) => p.id)).toEqual(['p-same-words-here', 'p-other-words', 'p-same-words-here-2', 'p-same-words-here-3']);
    expect(toHtml(tree, file)).toContain('<p id="p-same-words-here-2">Same words here.</p>');
  });

  it('gives a heading whose id a paragraph already has, or a repeated heading, the next free id', () => {
    const { file } = check('One two three.\n\n## P one two three\n\n## Pathways\n\nText.\n\n## Pathways');
    expect(file.data.summit!.headings.map((h) => h.id)).toEqual(['p-one-two-three-2', 'pathways', 'pathways-2']);
  });

  it('fails on a heading with no words', () => {
    const message = reject('Text.\n\n## ???');
    expect(message.reason).toBe('This heading has no words to make a permalink from.');
    expect(message.line).toBe(3);
  });
});
