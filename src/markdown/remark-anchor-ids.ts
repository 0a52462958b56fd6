/**
 * remark-anchor-ids: stable permalink ids on every paragraph and section
 * heading, derived from their own text so they survive edits elsewhere.
 *
 *   North Korea’s growing alignment with Russia is giving …  → <p id="p-north-koreas-growing-alignment-with-russia">
 *   ## Possible pathways for dialogue                       → <h2 id="possible-pathways-for-dialogue">
 *
 * A permalink must name exactly one place: a paragraph identical to an earlier
 * one (a source may repeat a line), or a block whose id another already has,
 * gets the id with "-2" (then "-3", …) after it. Only the later block's id
 * changes, so an article that had no duplicates keeps every id it had.
 */
import type { Root, Paragraph, Heading } from 'mdast';
import type { VFile } from 'vfile';
import { toString } from 'mdast-util-to-string';
import { anchorIds, headingId } from '../lib/anchors.ts';
import { collectedAnnotations } from '../model/annotations.ts';

function setId(node: Paragraph | Heading, id: string): void {
  node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } };
}

export default function remarkAnchorIds() {
  return (tree: Root, file: VFile) => {
    const paragraphs = tree.children.filter((node): node is Paragraph => node.type === 'paragraph');
    const headings = tree.children.filter((node): node is Heading => node.type === 'heading');
    const texts = paragraphs.map((node) => toString(node));
    const ids = anchorIds(texts, 'p');
    const seen = new Map<string, Paragraph | Heading>();
    const claim = (id: string, node: Paragraph | Heading): string => {
      let unique = id;
      for (let n = 2; seen.has(unique); n += 1) unique = `${id}-${n}`;
      seen.set(unique, node);
      setId(node, unique);
      return unique;
    };
    const summit = collectedAnnotations(file, 'remark-anchor-ids');
    paragraphs.forEach((node, i) => {
      summit.paragraphs.push({ id: claim(ids[i]!, node), text: texts[i]!, line: node.position?.start.line ?? 0 });
    });
    for (const node of headings) {
      const text = toString(node);
      const id = headingId(text);
      if (!id) file.fail('This heading has no words to make a permalink from.', node);
      summit.headings.push({ id: claim(id, node), text, depth: node.depth });
    }
  };
}
