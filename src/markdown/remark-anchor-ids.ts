/**
 * remark-anchor-ids: stable permalink ids on every paragraph and section
 * heading, derived from their own text so they survive edits elsewhere.
 *
 *   North Korea’s growing alignment with Russia is giving …  → <p id="p-north-koreas-growing-alignment-with-russia">
 *   ## Possible pathways for dialogue                       → <h2 id="possible-pathways-for-dialogue">
 *
 * Two identical paragraphs, or a paragraph id equal to a heading id, fail the
 * build: a permalink must name exactly one place.
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
    const claim = (id: string, node: Paragraph | Heading) => {
      const earlier = seen.get(id);
      if (earlier) {
        file.fail(
          `Duplicate anchor id "${id}": this ${node.type} and the one at line ${earlier.position?.start.line ?? '?'} would share a permalink. Identical blocks cannot both be linked; check the article against its source.`,
          node,
        );
      }
      seen.set(id, node);
      setId(node, id);
    };
    const summit = collectedAnnotations(file, 'remark-anchor-ids');
    paragraphs.forEach((node, i) => {
      claim(ids[i]!, node);
      summit.paragraphs.push({ id: ids[i]!, text: texts[i]!, line: node.position?.start.line ?? 0 });
    });
    for (const node of headings) {
      const text = toString(node);
      const id = headingId(text);
      if (!id) file.fail('This heading has no words to make a permalink from.', node);
      claim(id, node);
      summit.headings.push({ id, text, depth: node.depth });
    }
  };
}
