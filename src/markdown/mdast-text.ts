/** Plain-text offsets inside mdast trees. */
import type { Node, Parent } from 'unist';
import type { Paragraph } from 'mdast';
import type {} from 'mdast-util-to-hast';
import type { VFile } from 'vfile';

/**
 * Where `target` starts in the plain text of `root` (the text
 * `mdast-util-to-string` gives), or -1 when it is not inside it.
 */
export function textOffsetOf(root: Node, target: Node): number {
  let offset = 0;
  let found = -1;
  const walk = (node: Node): boolean => {
    if (node === target) {
      found = offset;
      return true;
    }
    if ('value' in node && typeof node.value === 'string' && node.type === 'text') offset += node.value.length;
    if ('children' in node) for (const child of (node as Parent).children) if (walk(child)) return true;
    return false;
  };
  walk(root);
  return found;
}

/** The nearest paragraph among a node's ancestors and its permalink id (set by remark-anchor-ids), if it has one. */
export function enclosingParagraph(ancestors: readonly Node[]): { paragraph: Paragraph; anchor: string } | undefined {
  const paragraph = ancestors.findLast((ancestor): ancestor is Paragraph => ancestor.type === 'paragraph');
  const anchor = paragraph?.data?.hProperties?.['id'];
  return paragraph && typeof anchor === 'string' ? { paragraph, anchor } : undefined;
}

/**
 * The enclosing paragraph and its id, for a plugin that records where an
 * annotation stands. Fails at the node when it is outside any paragraph, and
 * names the missing step when the paragraph has no id because remark-anchor-ids
 * has not run.
 */
export function requireParagraph(ancestors: readonly Node[], node: Node, file: VFile, tag: string, plugin: string): { paragraph: Paragraph; anchor: string } {
  const enclosing = enclosingParagraph(ancestors);
  if (enclosing) return enclosing;
  if (ancestors.some((ancestor) => ancestor.type === 'paragraph')) {
    file.fail(
      `${tag}'s paragraph has no permalink id: ${plugin} records annotations by the ids remark-anchor-ids gives; run remark-anchor-ids first (the order is set in src/markdown/index.ts).`,
      node,
    );
  }
  file.fail(`${tag} must be inside a paragraph of the article.`, node);
}
