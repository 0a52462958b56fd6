import { describe, it, expect } from 'vitest';
import remarkAnchorIds from '../../src/plugins/remark-anchor-ids.ts';
import remarkQuotations from '../../src/plugins/remark-quotations.ts';
import remarkMargin from '../../src/plugins/remark-margin.ts';
import { emptyAnnotations } from '../../src/lib/annotations.ts';
import { run, toHtml, testRegistry } from '../support/markdown.ts';

const SOURCE = 'Hong said “it is theatre” and “it is over”.\n\nPlain words.\n\nMore words.';
const registry = testRegistry({ src: SOURCE });
const html = (mdx: string) => {
  const { tree, file } = run(mdx, {
    plugins: [remarkAnchorIds, [remarkQuotations, { registry }], remarkMargin],
    frontmatter: { sourceText: 'src' },
    summit: emptyAnnotations(),
  });
  return toHtml(tree, file);
};

describe('remark-margin', () => {
  it('puts a paragraph\'s quote cards and the notes after it in a margin beside it', () => {
    expect(html('Hong said “<Quote by="hong-min">it is theatre</Quote>” and “<Quote by="hong-min">it is over</Quote>”.\n\n<Note id="yongbyon" />\n\n<Note id="six-party-talks" />\n\nPlain words.')).toBe(
      '<div class="with-margin"><p id="p-hong-said-it-is-theatre-and">Hong said “<q class="quotation quotation--direct" data-quote="hong-min-it-is-theatre" data-speaker="hong-min">it is theatre</q>” and “<q class="quotation quotation--direct" data-quote="hong-min-it-is-over" data-speaker="hong-min">it is over</q>”.</p>' +
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
    expect(html('<Note id="yongbyon" />\n\nPlain words.\n\nMore words.')).toBe('<Note id="yongbyon"></Note>\n<p id="p-plain-words">Plain words.</p>\n<p id="p-more-words">More words.</p>');
  });
});
