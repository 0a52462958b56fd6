/**
 * remark-margin: what the site adds beside a paragraph goes in a margin next
 * to it: in the margin column of the paragraph's own grid row on wide screens
 * (so it starts level with the paragraph's first line and can never drift
 * beside another paragraph), and under the paragraph on phones.
 *
 *   <p id="p-a">…<q data-quote="hong-min-…">…</q>…</p>
 *   <Note id="yongbyon" />
 *   → <div class="with-margin"><p id="p-a">…<q data-quote="hong-min-…" role="mark" aria-describedby="hong-min-…">…</q>…</p>
 *       <div class="margin" data-editorial><QuoteCards ids="hong-min-…" paragraph="p-a" /><Note id="yongbyon" /></div></div>
 *
 * The margin follows its paragraph in the source, so it is read and focused
 * after the words it is about (WCAG 1.3.2, 2.4.3). Each quotation in the text
 * is described by its speaker's card (who, in what capacity, which kind:
 * WCAG 1.3.1); `role="mark"` puts the span in the accessibility tree so the
 * description is announced.
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
  /** Where it stands: in the paragraph's margin (default) or after the paragraph, in the text column. */
  place?: 'margin' | 'after';
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
    // The three meetings in brief, after the first paragraph that refers to one of them: a figure in the
    // text column, not the margin, where its height would push the cards beside later paragraphs.
    component: 'CompactTimeline',
    place: 'after',
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
    const prepared = items.map((item) => ({ component: item.component, place: item.place ?? 'margin', attributesFor: item.prepare(context) }));
    // Each quotation is described by its speaker's card in its paragraph: the card's id is that of the speaker's first quotation there.
    const cardOf = new Map<string, string>();
    for (const [, said] of Map.groupBy(summit.quotations, (q) => `${q.paragraph} ${q.speaker}`)) for (const q of said) cardOf.set(q.id, said[0]!.id);
    const describe = (node: RootContent) => {
      const properties = (node as Annotation).data?.hProperties;
      const quote = properties?.['dataQuote'];
      if (typeof quote === 'string' && cardOf.has(quote)) Object.assign(properties!, { role: 'mark', ariaDescribedBy: cardOf.get(quote) });
      if ('children' in node) for (const child of node.children as RootContent[]) describe(child);
    };
    const children: RootContent[] = [];
    const nodes = tree.children;
    for (let i = 0; i < nodes.length; i += 1) {
      const node = nodes[i]!;
      const id = node.type === 'paragraph' ? node.data?.hProperties?.['id'] : undefined;
      if (typeof id !== 'string') {
        children.push(node);
        continue;
      }
      describe(node);
      const margin: RootContent[] = [];
      const after: RootContent[] = [];
      for (const { component, place, attributesFor } of prepared) {
        const attributes = attributesFor(id);
        if (attributes) (place === 'after' ? after : margin).push(element(component, attributes));
      }
      while (isAuthored(nodes[i + 1])) margin.push(nodes[(i += 1)]!);
      if (margin.length === 0) {
        children.push(node, ...after);
        continue;
      }
      const marginColumn = {
        type: 'annotation',
        children: margin,
        data: { hName: 'div', hProperties: { className: ['margin'], dataEditorial: '' } },
      } as unknown as Annotation;
      children.push({
        type: 'annotation',
        children: [node, marginColumn],
        data: { hName: 'div', hProperties: { className: ['with-margin'] } },
      } as unknown as Annotation);
      children.push(...after);
    }
    tree.children = children;
  };
}
