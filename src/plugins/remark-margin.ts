/**
 * remark-margin: what the site adds beside a paragraph (its quote cards and
 * any context notes placed after it) goes in a margin next to that paragraph:
 * a column beside the text on wide screens, under the paragraph on phones.
 *
 *   <p id="p-a">…<q data-quote="hong-min-…">…</q>…</p>
 *   <Note id="yongbyon" />
 *   → <div class="with-margin"><p id="p-a">…</p><div class="margin" data-editorial>
 *       <QuoteCards ids="hong-min-…" paragraph="p-a" /><Note id="yongbyon" /></div></div>
 *
 * The article page renders QuoteCards and Note with Astro components.
 */
import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import type { Annotation } from '../lib/mdast-annotation.ts';

function isNote(node: RootContent | undefined): node is MdxJsxFlowElement {
  return node?.type === 'mdxJsxFlowElement' && node.name === 'Note';
}

export default function remarkMargin() {
  return (tree: Root, file: VFile) => {
    const byParagraph = new Map<string, string[]>();
    for (const quotation of file.data.summit!.quotations) {
      byParagraph.set(quotation.paragraph, [...(byParagraph.get(quotation.paragraph) ?? []), quotation.id]);
    }
    const children: RootContent[] = [];
    const nodes = tree.children;
    for (let i = 0; i < nodes.length; i += 1) {
      const node = nodes[i]!;
      const id = node.type === 'paragraph' ? node.data?.hProperties?.['id'] : undefined;
      if (typeof id !== 'string') {
        children.push(node);
        continue;
      }
      const margin: RootContent[] = [];
      const ids = byParagraph.get(id);
      if (ids) {
        margin.push({
          type: 'mdxJsxFlowElement',
          name: 'QuoteCards',
          attributes: [
            { type: 'mdxJsxAttribute', name: 'ids', value: ids.join(' ') },
            { type: 'mdxJsxAttribute', name: 'paragraph', value: id },
          ],
          children: [],
        });
      }
      while (isNote(nodes[i + 1])) margin.push(nodes[(i += 1)]!);
      if (margin.length === 0) {
        children.push(node);
        continue;
      }
      const marginColumn = { type: 'annotation', children: margin, data: { hName: 'div', hProperties: { className: ['margin'], dataEditorial: '' } } } as unknown as Annotation;
      children.push({ type: 'annotation', children: [node, marginColumn], data: { hName: 'div', hProperties: { className: ['with-margin'] } } } as unknown as Annotation);
    }
    tree.children = children;
  };
}
