/** Plain-text offsets inside mdast trees. */
import type { Node, Parent } from 'unist';

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
