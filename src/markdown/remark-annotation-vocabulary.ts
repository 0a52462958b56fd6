/**
 * remark-annotation-vocabulary: an article holds the source text and the
 * site's annotations, nothing else.
 *
 *   <Mention person="hong-min">Hong</Mention>     → passes
 *   <Mentoin person="hong-min">Hong</Mentoin>     → fails: unknown annotation <Mentoin> … use one of Mention, Quote, Note, PullQuote
 *   <Quote kind="direct">…</Quote>                → fails: <Quote> needs `by`
 *   import Card from './card.astro'               → fails: articles cannot import or export code
 *   {1 + 1}                                       → fails: only {/* comments *\/} are allowed
 *   {/**\/ run(1) /**\/}                           → fails: a comment must be all the braces hold
 *   “<Quote by="a">… <Quote by="b">…</Quote></Quote>” → fails: one speaker's words inside another's
 *
 * An expression is code, and MDX would run it at build time; an article is
 * content. So an expression passes only when the program the MDX parser
 * (acorn) made of it is empty, i.e. comments and white space alone. A pattern
 * over the text cannot decide that (`/**\/ code /**\/` starts and ends like a
 * comment).
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Node } from 'unist';
import { visitParents } from 'unist-util-visit-parents';
import { VOCABULARY, ANNOTATION_NAMES, attributeProblem } from '../model/vocabulary.ts';
import { literalAttributes } from './mdx-jsx.ts';
import { emptyAnnotations } from '../model/annotations.ts';

/** True when the parsed expression holds no code at all: MDX's parser attaches the program as `data.estree`. */
export function isCommentOnly(node: Node): boolean {
  // The estree Program's shape, as far as this check needs it.
  const program = (node.data as { estree?: { type: string; body: unknown[] } } | undefined)?.estree;
  // No program means the parser did not check the braces; refuse rather than guess.
  return program !== undefined && program.type === 'Program' && program.body.length === 0;
}

const isQuote = (node: Node): boolean =>
  (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && (node as { name?: string | null }).name === 'Quote';

export default function remarkAnnotationVocabulary() {
  return (tree: Root, file: VFile) => {
    // Per-document state is reset here, so one article never sees another's data.
    file.data.summit = emptyAnnotations();

    visitParents(tree, (node, ancestors) => {
      switch (node.type) {
        case 'mdxjsEsm':
          file.fail('Articles cannot import or export code: they hold the source text and annotations only. Remove this line.', node);
        case 'mdxFlowExpression':
        case 'mdxTextExpression':
          if (!isCommentOnly(node)) {
            const shown = node.value.trim().replace(/\s+/g, ' ');
            file.fail(
              `Unexpected expression {${shown.length > 80 ? `${shown.slice(0, 80)}…` : shown}}: articles allow only comments, {/* … */}, with nothing else between the braces (MDX would run it as code at build time). Remove it, or make it a single comment. If these braces are article text, the source has changed; check it against content/sources/.`,
              node,
            );
          }
          break;
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement': {
          const name = node.name ?? '';
          const spec = VOCABULARY[name];
          if (!spec) {
            // A fragment (<>…</>) has no name to quote back, so it is described instead.
            const what = name ? ` <${name}>:` : ': a fragment <>…</>;';
            file.fail(`Unknown annotation${what} use one of ${ANNOTATION_NAMES.join(', ')} (see README, "Authoring").`, node);
          }
          if (name === 'Quote' && ancestors.some(isQuote)) {
            file.fail(
              "A <Quote> inside another <Quote> would credit these words to both speakers. Quote each speaker's words separately: close the outer <Quote> before this one opens, or remove one of them.",
              node,
            );
          }
          const isFlow = node.type === 'mdxJsxFlowElement';
          if (spec.position === 'text' && isFlow) {
            file.fail(
              `<${name}> wraps words inside a paragraph; here it stands on lines of its own. Put the opening and closing tags on the paragraph's line.`,
              node,
            );
          }
          if (spec.position === 'flow' && !isFlow) {
            file.fail(`<${name} /> stands on a line of its own, between paragraphs, not inside one.`, node);
          }
          const { values, problem } = literalAttributes(node);
          if (problem) file.fail(problem, node);
          const attributeError = attributeProblem(name, spec, values);
          if (attributeError) file.fail(`<${name}> ${attributeError}`, node);
          if (spec.wrapsText && node.children.length === 0) {
            file.fail(`<${name}> wraps the article words it annotates; it is empty here.`, node);
          }
          if (!spec.wrapsText && node.children.length > 0) {
            file.fail(`<${name} /> takes no content: write it as <${name} … />.`, node);
          }
          break;
        }
      }
    });
  };
}
