/**
 * remark-block-types: an article body holds only the kinds of block its
 * source has (paragraphs, the heading, the pull quote), the site's notes and
 * comments. Everything else would publish words that are not the source's
 * (a `> quotation`, a list, a code block between paragraphs are not compared
 * with it) or bring in what the annotations are there to control (links,
 * images: the site's own links come from <Mention> and <Quote>).
 *
 *   > Words the source never printed.        → fails: a block quotation is not a block of the source
 *   [Kim](javascript:alert(1))               → fails: Markdown links are not allowed
 *   ![x](data:image/svg+xml;base64,…)        → fails: images are not allowed
 *
 * It runs right after the vocabulary check, on the tree as MDX parsed it.
 */
import type { Root } from 'mdast';
import type { Node, Parent } from 'unist';
import type { VFile } from 'vfile';
import { visitParents } from 'unist-util-visit-parents';

const ARTICLE_HOLDS = 'An article holds paragraphs, the heading (## …), the pull quote (<PullQuote>), notes (<Note id="…" />) and comments ({/* … */}) only';

/** What may stand directly in the document, in a flow annotation (<PullQuote>), and inside a paragraph or heading. */
const IN_ROOT = new Set(['paragraph', 'heading', 'mdxJsxFlowElement', 'mdxFlowExpression']);
const PHRASING = new Set(['text', 'emphasis', 'strong', 'break', 'mdxJsxTextElement', 'mdxTextExpression']);
// A pull quote on one line holds its words directly; written over several lines, it holds a paragraph.
const IN_FLOW_ANNOTATION = new Set(['paragraph', ...PHRASING]);

/** Why each refused node type is refused, and what to do instead. */
const REFUSED: Record<string, string> = {
  blockquote: `A block quotation (> …) is not one of the source's blocks and would be published unchecked. ${ARTICLE_HOLDS}. Quoted words are marked in their paragraph with <Quote by="…">…</Quote>`,
  list: `A list (- …, 1. …) is not one of the source's blocks and would be published unchecked. ${ARTICLE_HOLDS}. If these are source lines, write each as a paragraph; the site's own words go in a <Note>`,
  listItem: `A list item is not one of the source's blocks. ${ARTICLE_HOLDS}`,
  code: `A code block is not one of the source's blocks and would be published unchecked. ${ARTICLE_HOLDS}. Remove it`,
  inlineCode: 'Code spans (`…`) are not article text: the source has no code. Remove the backticks',
  thematicBreak: `A rule (---, ***) is not one of the source's blocks. ${ARTICLE_HOLDS}. Remove it`,
  html: `Raw HTML is not allowed in an article. ${ARTICLE_HOLDS}`,
  link: 'Markdown links ([words](address)) are not allowed in an article: the site makes its own links from the annotations. Link a name with <Mention person="…">…</Mention>, or remove the link and keep the words',
  linkReference:
    'Markdown reference links ([words][label]) are not allowed in an article: the site makes its own links from the annotations. Use <Mention …>…</Mention>, or remove the brackets',
  image: 'Images (![…](…)) are not allowed in an article: it publishes the source text only, and an image could show other words than the source. Remove it',
  imageReference: 'Images (![…][label]) are not allowed in an article: it publishes the source text only. Remove it',
  definition: 'Link definitions ([label]: address) are not allowed in an article: the site makes its own links from the annotations. Remove this line',
  footnoteReference: 'Footnotes are not allowed in an article: the site\'s own words go in a <Note id="…" />. Remove it',
  footnoteDefinition: 'Footnotes are not allowed in an article: the site\'s own words go in a <Note id="…" />. Remove it',
  table: `A table is not one of the source's blocks. ${ARTICLE_HOLDS}`,
};

function allowedIn(parent: Node | undefined): Set<string> {
  if (!parent || parent.type === 'root') return IN_ROOT;
  if (parent.type === 'mdxJsxFlowElement') return IN_FLOW_ANNOTATION;
  return PHRASING;
}

export default function remarkBlockTypes() {
  return (tree: Root, file: VFile) => {
    visitParents(tree, (node: Node, ancestors: Parent[]) => {
      if (node.type === 'root') return;
      const parent = ancestors.at(-1);
      if (allowedIn(parent).has(node.type) && !(node.type === 'heading' && (node as { depth?: number }).depth !== 2)) return;
      if (node.type === 'heading') {
        file.fail(`Headings in an article are level 2 (## …): the page's level 1 heading is the headline. Write this heading as "## …".`, node);
      }
      const reason = REFUSED[node.type] ?? `This ${node.type} is not allowed here. ${ARTICLE_HOLDS}`;
      file.fail(`${reason}.`, node);
    });
  };
}
