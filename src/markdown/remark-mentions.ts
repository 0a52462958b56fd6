/**
 * remark-mentions: words that name a person, organisation, place or event are
 * tied to its record. The first mention of a record in an article links to it;
 * later ones are marked but not linked, as a newspaper would. The kinds, their
 * data files and their URLs are the rows of src/model/kinds.ts.
 *
 *   <Mention person="hong-min">Hong Min</Mention>  → <a href="/people/hong-min/" data-mention="person:hong-min">Hong Min</a>
 *   <Mention person="hong-min">Hong</Mention>      → <span data-mention="person:hong-min">Hong</span>
 *   <Mention event="a b">three summits</Mention>   → one mention of two events (links to the timeline)
 *   <Mention person="hong-mim">…</Mention>         → fails: unknown person 'hong-mim' … known: donald-trump, hong-min, …
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visitParents } from 'unist-util-visit-parents';
import { toString } from 'mdast-util-to-string';
import type { Registry } from '../model/registry.ts';
import { knownIds, mentionTargets } from '../model/registry.ts';
import { MENTION_KINDS, dataFile, kindOf, mentionKey, mentionUrl } from '../model/kinds.ts';
import { collectedAnnotations } from '../model/annotations.ts';
import { literalAttributes, idList } from './mdx-jsx.ts';
import { toElement } from './mdast-annotation.ts';
import { sentenceAt } from '../lib/sentences.ts';
import { textOffsetOf, requireParagraph } from './mdast-text.ts';

export interface Options {
  registry: Registry;
}

export default function remarkMentions({ registry }: Options) {
  return (tree: Root, file: VFile) => {
    const summit = collectedAnnotations(file, 'remark-mentions');
    const linked = new Set<string>();
    visitParents(tree, 'mdxJsxTextElement', (node, ancestors) => {
      if (node.name !== 'Mention') return;
      const { values } = literalAttributes(node);
      const kind = MENTION_KINDS.find((candidate) => values.has(kindOf(candidate).attribute));
      if (!kind) {
        // remark-annotation-vocabulary refuses this first; here only when it did not run.
        file.fail(
          `<Mention> needs one of ${MENTION_KINDS.map((k) => `${kindOf(k).attribute}="…"`).join(', ')} (remark-annotation-vocabulary checks this; run it first).`,
          node,
        );
      }
      const { attribute, collection, noun } = kindOf(kind);
      const ids = idList(values.get(attribute));
      const targets = mentionTargets(registry, kind);
      if (ids.length === 0) file.fail(`<Mention ${attribute}=""> names no ${noun}.`, node);
      const records = ids.map((id) => {
        const record = targets.get(id);
        if (!record) {
          file.fail(
            `Unknown ${noun} '${id}' in <Mention ${attribute}="${values.get(attribute)}">. Add it to content/${dataFile(collection)} or fix the id (${knownIds(targets)}).`,
            node,
          );
        }
        return record;
      });
      const { paragraph, anchor } = requireParagraph(ancestors, node, file, '<Mention>', 'remark-mentions');
      const sentence = sentenceAt(toString(paragraph), textOffsetOf(paragraph, node));
      summit.mentions.push({ kind, ids, text: toString(node), sentence, paragraph: anchor, line: node.position?.start.line ?? 0 });

      const key = mentionKey(kind, ids);
      // One attribute says what the words name; styles select on it, so no classes are needed.
      const properties = { dataMention: key };
      const href = mentionUrl(kind, records);
      if (href && !linked.has(key)) {
        linked.add(key);
        toElement(node, 'a', { ...properties, href });
      } else {
        toElement(node, 'span', properties);
      }
    });
  };
}
