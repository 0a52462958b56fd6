/**
 * remark-margin: what the site adds beside a paragraph goes in a margin next
 * to it: floated into the margin column on wide screens (Tufte-style float and
 * clear, so a tall margin never pushes the next paragraph down: it flows on
 * down the margin instead), and under the paragraph on phones.
 *
 *   <p id="p-a">…<q data-quote="hong-min-…">…</q>…</p>
 *   <Note id="yongbyon" />
 *   → <div class="with-margin"><div class="margin" data-editorial>
 *       <QuoteCards ids="hong-min-…" paragraph="p-a" /><Note id="yongbyon" /></div><p id="p-a">…</p></div>
 *
 * The margin comes first in the wrapper because a float starts at the line
 * where it stands: placed before its paragraph it lines up with the
 * paragraph's first line. Phones reverse the two visually (see the article page).
 *
 * What goes in a margin is data, not code: `items` (generated from the
 * annotations: quote cards, the compact timeline of the meetings) and
 * `authored` (components an author writes after a paragraph, such as
 * <Note />, which move into that paragraph's margin). The article page
 * renders each component by name.
 */
import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import type { Annotation } from './mdast-annotation.ts';
import type { Registry } from '../model/registry.ts';
import type { ArticleAnnotations } from '../model/annotations.ts';

/** What a margin item is computed from: the article's annotations, the registry, the article's slug. */
export interface MarginContext {
  summit: ArticleAnnotations;
  registry: Registry;
  article: string;
}

/** A kind of margin item the site generates: a component, and its attributes for a paragraph (undefined: none there). */
export interface MarginItem {
  component: string;
  /** Called once per article; returns the attributes for each paragraph id. */
  prepare(context: MarginContext): (paragraph: string) => Record<string, string> | undefined;
}

/** The generated margin items, in the order they stand in a margin. */
export const defaultItems: readonly MarginItem[] = [
  {
    // One entry per paragraph with quotations; QuoteCards groups them by speaker.
    component: 'QuoteCards',
    prepare: ({ summit }) => {
      const byParagraph = Map.groupBy(summit.quotations, (quotation) => quotation.paragraph);
      return (paragraph) => {
        const ids = byParagraph.get(paragraph)?.map((quotation) => quotation.id);
        return ids ? { ids: ids.join(' '), paragraph } : undefined;
      };
    },
  },
  {
    // The three meetings in brief, beside the first paragraph that refers to one of them.
    component: 'CompactTimeline',
    prepare: ({ summit, registry, article }) => {
      const isMeeting = (id: string) => registry.events.get(id)?.kind === 'summit';
      const mentions = summit.mentions.filter((mention) => mention.kind === 'event' && mention.ids.some(isMeeting));
      const mentioned = [...new Set(mentions.flatMap((mention) => mention.ids))].filter(isMeeting);
      return (paragraph) => (paragraph === mentions[0]?.paragraph ? { article, mentioned: mentioned.join(' ') } : undefined);
    },
  },
];

export interface Options {
  registry: Registry;
  /** Generated margin items (default: quote cards, then the compact timeline). */
  items?: readonly MarginItem[];
  /** Authored block components that join the margin of the paragraph before them. */
  authored?: readonly string[];
}

const element = (name: string, attributes: Record<string, string>): MdxJsxFlowElement => ({
  type: 'mdxJsxFlowElement',
  name,
  attributes: Object.entries(attributes).map(([key, value]) => ({ type: 'mdxJsxAttribute', name: key, value })),
  children: [],
});

export default function remarkMargin({ registry, items = defaultItems, authored = ['Note'] }: Options) {
  const isAuthored = (node: RootContent | undefined): node is MdxJsxFlowElement =>
    node?.type === 'mdxJsxFlowElement' && typeof node.name === 'string' && authored.includes(node.name);
  return (tree: Root, file: VFile) => {
    const summit = file.data.summit;
    if (!summit) file.fail('remark-margin needs the annotations collected by remark-mentions and remark-quotations: run them first.');
    const context: MarginContext = { summit, registry, article: file.stem ?? '' };
    const prepared = items.map((item) => ({ component: item.component, attributesFor: item.prepare(context) }));
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
      for (const { component, attributesFor } of prepared) {
        const attributes = attributesFor(id);
        if (attributes) margin.push(element(component, attributes));
      }
      while (isAuthored(nodes[i + 1])) margin.push(nodes[(i += 1)]!);
      if (margin.length === 0) {
        children.push(node);
        continue;
      }
      const marginColumn = {
        type: 'annotation',
        children: margin,
        data: { hName: 'div', hProperties: { className: ['margin'], dataEditorial: '' } },
      } as unknown as Annotation;
      children.push({
        type: 'annotation',
        children: [marginColumn, node],
        data: { hName: 'div', hProperties: { className: ['with-margin'] } },
      } as unknown as Annotation);
    }
    tree.children = children;
  };
}
