/**
 * rehype-paragraph-links: a "¶" self-link at the end of every paragraph that
 * has a permalink id, shown on hover and keyboard focus. Its name numbers
 * the paragraph, so each of the article's ¶ links says where it goes even
 * when listed alone (WCAG 2.4.9). It is the site's,
 * not the article's, so it is marked `data-editorial` (left out of fidelity
 * checks; the search index leaves out `.self-link`). `data-share`
 * asks src/client/share.ts to add copy and share buttons beside it.
 *
 *   <p id="p-subsequent-meetings-revealed-the-limitations-of">Subsequent …</p>
 *   → <p id="p-subsequent-…">Subsequent …<a class="self-link" href="#p-subsequent-…" aria-label="Link to paragraph 1" data-share="this paragraph" data-editorial>¶</a></p>
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { h } from 'hastscript';

export default function rehypeParagraphLinks() {
  return (tree: Root) => {
    let count = 0;
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'p' || typeof node.properties['id'] !== 'string') return;
      node.children.push(
        h(
          'a',
          {
            className: ['self-link'],
            href: `#${node.properties['id']}`,
            ariaLabel: `Link to paragraph ${(count += 1)}`,
            dataShare: 'this paragraph',
            dataEditorial: '',
          },
          '¶',
        ),
      );
    });
  };
}
