import { describe, it, expect } from 'vitest';
import remarkAnchorIds from '../../src/markdown/remark-anchor-ids.ts';
import remarkMentions from '../../src/markdown/remark-mentions.ts';
import remarkQuotations from '../../src/markdown/remark-quotations.ts';
import remarkMargin from '../../src/markdown/remark-margin.ts';
import { emptyAnnotations } from '../../src/model/annotations.ts';
import { run, toHtml, testRegistry } from '../support/markdown.ts';

const SOURCE = 'Hong said “it is theatre” and “it is over”.\n\nPlain words.\n\nMore words.';
const registry = testRegistry({ src: SOURCE });
const html = (mdx: string) => {
  const { tree, file } = run(mdx, {
    plugins: [remarkAnchorIds, [remarkQuotations, { registry }], [remarkMargin, { registry }]],
    frontmatter: { sourceText: 'src' },
    summit: emptyAnnotations(),
  });
  return toHtml(tree, file);
};

describe('remark-margin', () => {
  it("puts a paragraph's quote cards and the notes after it in a margin beside it", () => {
    expect(
      html(
        'Hong said “<Quote by="hong-min">it is theatre</Quote>” and “<Quote by="hong-min">it is over</Quote>”.\n\n<Note id="yongbyon" />\n\n<Note id="six-party-talks" />\n\nPlain words.',
      ),
    ).toBe(
      // The paragraph first, then its margin; both quotations are described by the speaker's one card (its id is the first's).
      '<div class="with-margin"><p id="p-hong-said-it-is-theatre-and">Hong said “<q data-quote="hong-min-it-is-theatre" role="mark" aria-describedby="hong-min-it-is-theatre">it is theatre</q>” and “<q data-quote="hong-min-it-is-over" role="mark" aria-describedby="hong-min-it-is-theatre">it is over</q>”.</p>' +
        '<div class="margin" data-editorial=""><QuoteCards ids="hong-min-it-is-theatre hong-min-it-is-over" paragraph="p-hong-said-it-is-theatre-and"></QuoteCards><Note id="yongbyon"></Note><Note id="six-party-talks"></Note></div></div>\n' +
        '<p id="p-plain-words">Plain words.</p>',
    );
  });

  it('gives a paragraph with only a note after it a margin with the note', () => {
    expect(html('Plain words.\n\n<Note id="yongbyon" />\n\nMore words.')).toBe(
      '<div class="with-margin"><p id="p-plain-words">Plain words.</p><div class="margin" data-editorial=""><Note id="yongbyon"></Note></div></div>\n<p id="p-more-words">More words.</p>',
    );
  });

  it('leaves paragraphs with nothing beside them, and notes before any paragraph, as they are', () => {
    expect(html('<Note id="yongbyon" />\n\nPlain words.\n\nMore words.')).toBe(
      '<Note id="yongbyon"></Note>\n<p id="p-plain-words">Plain words.</p>\n<p id="p-more-words">More words.</p>',
    );
  });

  it('gives the first paragraph that mentions a meeting a compact timeline of the meetings the article mentions', () => {
    const { tree, file } = run(
      'Plain words, then <Mention event="trump-letter-declined">a letter</Mention>.\n\nAfter <Mention event="hanoi-summit-2019">Hanoi</Mention>, nothing.\n\nBoth <Mention event="singapore-summit-2018 hanoi-summit-2019">summits</Mention> failed.',
      { plugins: [remarkAnchorIds, [remarkMentions, { registry }], [remarkMargin, { registry }]], summit: emptyAnnotations() },
    );
    const output = toHtml(tree, file);
    // A context event is not a meeting, so the first paragraph gets no timeline; the second mentions Hanoi first.
    // The timeline stands after that paragraph, in the text column, not in its margin.
    expect(output).toContain(
      '<p id="p-after-hanoi-nothing">After <a data-mention="event:hanoi-summit-2019" href="/timeline/hanoi-summit-2019/">Hanoi</a>, nothing.</p>\n' +
        '<CompactTimeline article="test" mentioned="hanoi-summit-2019 singapore-summit-2018"></CompactTimeline>',
    );
    expect(output).not.toContain('<div class="margin"');
    expect(output.match(/<CompactTimeline/g)).toHaveLength(1);
    expect(output).toContain('<p id="p-plain-words-then-a-letter">');
    expect(output).not.toMatch(/<div class="margin"[^]*<\/div><p id="p-plain-words-then-a-letter">/);
  });

  it('takes its list of margin items as data: another generated item or authored component needs no code here', () => {
    const { tree, file } = run('Plain words.\n\n<Aside />\n\nMore words.', {
      plugins: [
        remarkAnchorIds,
        [
          remarkMargin,
          {
            registry,
            items: [{ component: 'Flag', prepare: () => (paragraph: string) => (paragraph === 'p-more-words' ? { on: paragraph } : undefined) }],
            authored: ['Aside'],
          },
        ],
      ],
      summit: emptyAnnotations(),
    });
    expect(toHtml(tree, file)).toBe(
      '<div class="with-margin"><p id="p-plain-words">Plain words.</p><div class="margin" data-editorial=""><Aside></Aside></div></div>\n' +
        '<div class="with-margin"><p id="p-more-words">More words.</p><div class="margin" data-editorial=""><Flag on="p-more-words"></Flag></div></div>',
    );
  });

  it('fails, naming the missing step, when the annotations were not collected first', () => {
    expect(() => run('Plain words.', { plugins: [[remarkMargin, { registry }]] })).toThrow(/run them first/);
  });
});
