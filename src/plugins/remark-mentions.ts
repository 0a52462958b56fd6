/**
 * remark-mentions: words that name a person, organisation, place or event are
 * tied to its record. The first mention of a record in an article links to it;
 * later ones are marked but not linked, as a newspaper would.
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
import type { Registry, MentionKind } from '../lib/registry.ts';
import { knownIds, mentionTargets } from '../lib/registry.ts';
import { literalAttributes, idList } from '../lib/mdx-jsx.ts';
import { toElement } from '../lib/mdast-annotation.ts';
import { mentionUrl, urls } from '../lib/urls.ts';
import { sentenceAt } from '../lib/sentences.ts';
import { textOffsetOf, enclosingParagraph } from '../lib/mdast-text.ts';

export interface Options {
  registry: Registry;
}

const KINDS: readonly MentionKind[] = ['person', 'org', 'place', 'event'];
const FILE_OF: Record<MentionKind, string> = { person: 'people', org: 'organisations', place: 'places', event: 'events' };

export default function remarkMentions({ registry }: Options) {
  return (tree: Root, file: VFile) => {
    const linked = new Set<string>();
    visitParents(tree, 'mdxJsxTextElement', (node, ancestors) => {
      if (node.name !== 'Mention') return;
      const { values } = literalAttributes(node);
      const kind = KINDS.find((candidate) => values.has(candidate))!;
      const ids = idList(values.get(kind));
      const targets = mentionTargets(registry, kind);
      if (ids.length === 0) file.fail(`<Mention ${kind}=""> names no ${kind}.`, node);
      for (const id of ids) {
        if (!targets.has(id)) {
          file.fail(`Unknown ${kind} '${id}' in <Mention ${kind}="${values.get(kind)}">. Add it to content/${FILE_OF[kind]}.yaml or fix the id (${knownIds(targets)}).`, node);
        }
      }
      const enclosing = enclosingParagraph(ancestors);
      if (!enclosing) file.fail('<Mention> must be inside a paragraph of the article.', node);
      const { paragraph, anchor } = enclosing;
      const sentence = sentenceAt(toString(paragraph), textOffsetOf(paragraph, node));
      file.data.summit!.mentions.push({ kind, ids, text: toString(node), sentence, paragraph: anchor, line: node.position?.start.line ?? 0 });

      const key = `${kind}:${ids.join(' ')}`;
      // One attribute says what the words name; styles select on it, so no classes are needed.
      const properties = { dataMention: key };
      // A mention of several records (e.g. "three previous summits") links to the timeline that holds them all.
      const href = ids.length > 1 ? (kind === 'event' ? urls.timeline() : undefined) : mentionUrl(kind, ids[0]!, isMeeting(registry, kind, ids[0]!));
      if (href && !linked.has(key)) {
        linked.add(key);
        toElement(node, 'a', { ...properties, href });
      } else {
        toElement(node, 'span', properties);
      }
    });
  };
}

function isMeeting(registry: Registry, kind: MentionKind, id: string): boolean {
  return kind === 'event' && registry.events.get(id)?.kind === 'summit';
}
