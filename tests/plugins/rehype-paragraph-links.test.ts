import { describe, it, expect } from 'vitest';
import remarkAnchorIds from '../../src/markdown/remark-anchor-ids.ts';
import rehypeParagraphLinks from '../../src/markdown/rehype-paragraph-links.ts';
import { emptyAnnotations } from '../../src/model/annotations.ts';
import { run, toHtml } from '../support/markdown.ts';

describe('rehype-paragraph-links', () => {
  it('ends each paragraph that has an id with a "¶" self-link marked as the site\'s and for sharing, and leaves others alone', () => {
    const { tree, file } = run('Subsequent meetings revealed the limits.\n\n> Quoted words.', { plugins: [remarkAnchorIds], summit: emptyAnnotations() });
    expect(toHtml(tree, file, [rehypeParagraphLinks])).toBe(
      '<p id="p-subsequent-meetings-revealed-the-limits">Subsequent meetings revealed the limits.' +
        '<a class="self-link" href="#p-subsequent-meetings-revealed-the-limits" aria-label="Link to paragraph 1" data-share="this paragraph" data-editorial="">¶</a></p>\n' +
        '<blockquote>\n<p>Quoted words.</p>\n</blockquote>',
    );
  });
});
