/**
 * remark-component-slots: an article is stored as HTML (src/markdown/article-loader.ts), but
 * the blocks the margin placed beside its paragraphs (quote cards, context notes, the
 * compact timeline) are Astro components, rendered by the article page. Each one
 * left in the tree becomes a marker comment, `<!--summit-slot:N-->`, and its name and
 * attributes are listed (`frontmatter.slots[N]`), so the page renders component N
 * where marker N stands. MDX comments ({/* … *\/}), which the vocabulary plugin has
 * already checked hold nothing but a comment, are editors' notes: they are dropped.
 *
 *   <QuoteCards ids="a b" />   →   <!--summit-slot:0-->   and   slots[0] = { component: 'QuoteCards', props: { ids: 'a b' } }
 *
 * MDX cannot hold an HTML comment (`<!--` is a syntax error there), so no article
 * text can forge a marker.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { literalAttributes } from './mdx-jsx.ts';
import type { ComponentSlot } from '../model/annotations.ts';

export type { ComponentSlot } from '../model/annotations.ts';

export const slotMarker = (index: number) => `<!--summit-slot:${index}-->`;
/** Splits stored HTML at the markers: HTML strings and slot indices, alternating (`split` with a capture group). */
export const SLOT_MARKER_PATTERN = /<!--summit-slot:(\d+)-->/;

export default function remarkComponentSlots({ components }: { components: readonly string[] }) {
  const known = new Set(components);
  return (tree: Root, file: VFile) => {
    const slots: ComponentSlot[] = [];
    visit(tree, (node, index, parent) => {
      if (parent === undefined || index === undefined) return;
      if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const name = node.name ?? '';
      if (!known.has(name)) {
        file.fail(
          `<${name || '>'}> is left in the article after the annotation plugins ran; the page renders only ${[...known].join(', ')}. An annotation plugin must turn it into markup.`,
          node,
        );
      }
      const { values, problem } = literalAttributes(node);
      if (problem) file.fail(problem, node);
      parent.children.splice(index, 1, { type: 'html', value: slotMarker(slots.length) });
      slots.push({ component: name, props: Object.fromEntries(values) });
      return SKIP;
    });
    const astro = (file.data.astro ??= {});
    astro.frontmatter = { ...astro.frontmatter, slots };
  };
}
