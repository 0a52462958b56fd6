import { describe, it, expect } from 'vitest';
import remarkPullQuotes from '../../src/markdown/remark-pull-quotes.ts';
import { emptyAnnotations } from '../../src/model/annotations.ts';
import { run, failure, toHtml, testRegistry } from '../support/markdown.ts';

const registry = testRegistry();
const check = (mdx: string) => run(mdx, { plugins: [[remarkPullQuotes, { registry }]], summit: emptyAnnotations() });
const reject = (mdx: string) => failure(() => check(mdx));

const FIGURE =
  '<figure id="pq-it-is-little-more-than-political" class="pull-quote" data-speaker="hong-min" aria-hidden="true">' +
  '<blockquote><p>It is little more than political theatre</p></blockquote><figcaption>Hong Min, KINU</figcaption></figure>';

describe('remark-pull-quotes', () => {
  it('turns a pull quote on one line into a figure, splitting off the attribution without adding a character', () => {
    const { tree, file } = check(
      'Before.\n\n<PullQuote by="hong-min" attribution="Hong Min, KINU">It is little more than political theatreHong Min, KINU</PullQuote>\n\nAfter.',
    );
    expect(toHtml(tree, file)).toBe(`<p>Before.</p>\n${FIGURE}\n<p>After.</p>`);
    expect(file.data.summit!.pullQuotes).toEqual([
      { id: 'pq-it-is-little-more-than-political', speaker: 'hong-min', text: 'It is little more than political theatre', attribution: 'Hong Min, KINU' },
    ]);
  });

  it('does the same for a pull quote whose tags stand on lines of their own', () => {
    const { tree, file } = check(
      '<PullQuote by="hong-min" attribution="Hong Min, KINU">\nIt is little more than political theatreHong Min, KINU\n</PullQuote>',
    );
    expect(toHtml(tree, file)).toBe(FIGURE);
  });

  it('keeps the position of the pull quote on the figure, for later messages', () => {
    const { tree } = check(
      'Before.\n\n<PullQuote by="hong-min" attribution="Hong Min, KINU">It is little more than political theatreHong Min, KINU</PullQuote>',
    );
    expect(tree.children[1]!.position?.start.line).toBe(3);
  });

  it('fails on a pull quote inside a paragraph', () => {
    const message = reject('Before.\n\nAs he said <PullQuote by="hong-min" attribution="Hong">WordsHong</PullQuote>');
    expect(message.reason).toBe('<PullQuote> stands on a line of its own, between paragraphs.');
    expect(message.line).toBe(3);
    expect(message.column).toBe(12);
  });

  it('fails on an unknown speaker, listing the known people', () => {
    const message = reject('Before.\n\n<PullQuote by="hong-mim" attribution="Hong">WordsHong</PullQuote>');
    expect(message.reason).toBe(
      "Unknown person 'hong-mim' in <PullQuote by>. Add them to content/people.yaml or fix the id (known: donald-trump, hong-min, kim-jong-un, white-house).",
    );
    expect(message.line).toBe(3);
  });

  it('fails when the attribution is not the end of the text', () => {
    const message = reject('Before.\n\n<PullQuote by="hong-min" attribution="Hong Min, KINU">It is little more than political theatre</PullQuote>');
    expect(message.reason).toBe(
      '<PullQuote attribution="Hong Min, KINU"> must be the end of the pull quote\'s text, after the quoted words; the text ends "…It is little more than political theatre".',
    );
    expect(message.line).toBe(3);
  });

  it('fails on a second pull quote with the same words, which would share its permalink', () => {
    const line = '<PullQuote by="hong-min" attribution="Hong Min, KINU">It is little more than political theatreHong Min, KINU</PullQuote>';
    const message = reject(`${line}\n\nBetween.\n\n${line}`);
    expect(message.reason).toBe(
      'Two pull quotes would share the permalink "pq-it-is-little-more-than-political": a pull quote\'s words appear once per article.',
    );
    expect(message.line).toBe(5);
  });

  it('fails when the attribution is the whole text, leaving no quoted words', () => {
    expect(reject('<PullQuote by="hong-min" attribution="Hong Min">Hong Min</PullQuote>').reason).toMatch(
      /^<PullQuote attribution="Hong Min"> must be the end of the pull quote's text, after the quoted words/,
    );
  });

  it('fails on an annotation inside a pull quote, which the figure would silently drop', () => {
    const message = reject('Before.\n\n<PullQuote by="hong-min" attribution="Hong"><Mention person="kim-jong-un">Kim</Mention> wordsHong</PullQuote>');
    expect(message.reason).toBe(
      '<PullQuote> holds plain words only: the <Mention> inside it would be lost from the figure. Annotate these words where the article says them, or remove the tag.',
    );
    expect(message.line).toBe(3);
    expect(message.column).toBe(45);
  });
});
