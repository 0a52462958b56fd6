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
 * The first paragraph that refers to one of the three meetings also gets a
 * compact timeline of the meetings in its margin, marking those this article
 * mentions:  → <CompactTimeline mentioned="singapore-summit-2018 hanoi-summit-2019" />
 *
 * The article page renders QuoteCards, Note and CompactTimeline with Astro components.
 */
import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import type { Annotation } from '../lib/mdast-annotation.ts';
import type { Registry } from '../lib/registry.ts';

export interface Options {
  registry: Registry;
}

function isNote(node: RootContent | undefined): node is MdxJsxFlowElement {
  return node?.type === 'mdxJsxFlowElement' && node.name === 'Note';
}

export default function remarkMargin({ registry }: Options) {
  return (tree: Root, file: VFile) => {
    const summit = file.data.summit!;
    const byParagraph = new Map<string, string[]>();
    for (const quotation of summit.quotations) {
      byParagraph.set(quotation.paragraph, [...(byParagraph.get(quotation.paragraph) ?? []), quotation.id]);
    }
    const meetingMentions = summit.mentions.filter((mention) => mention.kind === 'event' && mention.ids.some((id) => registry.events.get(id)?.kind === 'summit'));
    const firstMeetingParagraph = meetingMentions[0]?.paragraph;
    const mentionedMeetings = [...new Set(meetingMentions.flatMap((mention) => mention.ids))].filter((id) => registry.events.get(id)?.kind === 'summit');
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
      if (id === firstMeetingParagraph) {
        margin.push({
          type: 'mdxJsxFlowElement',
          name: 'CompactTimeline',
          attributes: [
            { type: 'mdxJsxAttribute', name: 'article', value: file.stem ?? '' },
            { type: 'mdxJsxAttribute', name: 'mentioned', value: mentionedMeetings.join(' ') },
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
