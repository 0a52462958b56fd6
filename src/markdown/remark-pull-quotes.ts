/**
 * remark-pull-quotes: a pull quote whose attribution the source ran into its
 * words becomes a figure again, without changing a character.
 *
 *   <PullQuote by="hong-min" attribution="Hong Min, KINU">…political theatreHong Min, KINU</PullQuote>
 *   → <figure class="pull-quote" id="pq-…"><blockquote><p>…political theatre</p></blockquote><figcaption>Hong Min, KINU</figcaption></figure>
 *
 * No white space is put between the quotation and its caption, so the figure's
 * text is still, character for character, the source line.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit, SKIP } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import type { Registry } from '../model/registry.ts';
import { knownIds } from '../model/registry.ts';
import { literalAttributes, type JsxElement } from './mdx-jsx.ts';
import { anchorIds } from '../lib/anchors.ts';
import { collectedAnnotations } from '../model/annotations.ts';
import type { Annotation } from './mdast-annotation.ts';

export interface Options {
  registry: Registry;
}

function isPullQuote(node: unknown): node is JsxElement {
  const candidate = node as JsxElement;
  return (candidate.type === 'mdxJsxTextElement' || candidate.type === 'mdxJsxFlowElement') && candidate.name === 'PullQuote';
}

export default function remarkPullQuotes({ registry }: Options) {
  return (tree: Root, file: VFile) => {
    const summit = collectedAnnotations(file, 'remark-pull-quotes');
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return;
      // On a line of its own a tag is wrapped in a paragraph; the figure replaces both.
      const pullQuote =
        node.type === 'paragraph' && node.children.length === 1 && isPullQuote(node.children[0]) ? node.children[0] : isPullQuote(node) ? node : undefined;
      if (!pullQuote) return;
      if (parent.type !== 'root') file.fail('<PullQuote> stands on a line of its own, between paragraphs.', pullQuote);
      const { values } = literalAttributes(pullQuote);
      const speaker = values.get('by') ?? '';
      const attribution = values.get('attribution') ?? '';
      if (!registry.people.has(speaker)) {
        file.fail(`Unknown person '${speaker}' in <PullQuote by>. Add them to content/people.yaml or fix the id (${knownIds(registry.people)}).`, pullQuote);
      }
      // The figure is rebuilt from plain text, so a tag inside would vanish with its record: refuse it.
      visit(pullQuote, (inner) => {
        if (inner !== pullQuote && (inner.type === 'mdxJsxTextElement' || inner.type === 'mdxJsxFlowElement')) {
          file.fail(
            `<PullQuote> holds plain words only: the <${inner.name ?? ''}> inside it would be lost from the figure. Annotate these words where the article says them, or remove the tag.`,
            inner,
          );
        }
      });
      const text = toString(pullQuote);
      if (!text.endsWith(attribution) || text.length === attribution.length) {
        file.fail(
          `<PullQuote attribution="${attribution}"> must be the end of the pull quote's text, after the quoted words; the text ends "…${text.slice(-40)}".`,
          pullQuote,
        );
      }
      const words = text.slice(0, text.length - attribution.length);
      const id = anchorIds([words], 'pq')[0]!;
      if (summit.pullQuotes.some((earlier) => earlier.id === id)) {
        file.fail(`Two pull quotes would share the permalink "${id}": a pull quote's words appear once per article.`, pullQuote);
      }
      summit.pullQuotes.push({ id, speaker, text: words, attribution });

      const figure: Annotation = {
        type: 'annotation',
        children: [],
        data: {
          hName: 'figure',
          // Hidden from assistive technology: its words are read where the article says them; a second reading repeats them.
          hProperties: { id, className: ['pull-quote'], dataSpeaker: speaker, ariaHidden: 'true' },
          hChildren: [
            {
              type: 'element',
              tagName: 'blockquote',
              properties: {},
              children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: words }] }],
            },
            { type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: attribution }] },
          ],
        },
        ...(node.position ? { position: node.position } : {}),
      };
      parent.children.splice(index, 1, figure);
      return SKIP;
    });
  };
}
