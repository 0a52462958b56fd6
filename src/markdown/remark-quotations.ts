/**
 * remark-quotations: what someone said, as the article reports it, becomes a
 * quotation record (the source of quote cards, people pages and the positions
 * matrix) and is marked in the text.
 *
 *   “<Quote by="hong-min" topics="talks-prospects">There is little possibility …</Quote>,” Hong told …
 *   → <q data-quote="hong-min-there-is-little-possibility-of-the">There is little possibility …</q>
 *   <Quote by="frank-aum" kind="paraphrase">called for …</Quote>
 *   → <span data-quote="frank-aum-called-for-a-pragmatic-interim-agreement">called for …</span>
 *
 * kind: direct (default), paraphrase (the article's words for what was said),
 * statement (an institution's official words). Each topic may carry the
 * stance the words take on it (src/model/stances.ts), `assesses` when none is
 * written:
 *
 *   <Quote by="vipin-narang" topics="deterrence:supports south-korean-nuclear-option:opposes">…</Quote>
 *   → topics ["deterrence", "south-korean-nuclear-option"], stances { deterrence: "supports", …: "opposes" }
 *
 * A quotation the article splits with its attribution (“Even if new talks were
 * to take place, Hong argued, any agreement would …”) is one quotation in parts:
 * the later part names the one it continues, in the same paragraph, by the same
 * speaker, and carries no attributes of its own. The record's words are the parts
 * joined with " … " (the site's ellipsis for the words left out), so no card shows
 * a subordinate clause alone:
 *
 *   <Quote by="hong-min" kind="paraphrase">Even if …</Quote>, Hong argued, <Quote by="hong-min" continues="hong-min-even-if-new-talks-were-to">any agreement …</Quote>
 *
 * `attribution="context"` marks words the article does not credit in their own
 * sentence (the card says the credit comes from the sentences around them);
 * `note="…"` is the site's note on the card, in the site's words.
 *
 * Fails on an unknown speaker, topic, stance, event or kind, on a topic given
 * twice, on words that are not verbatim in the source text, on two
 * quotations with the same id, and on a `continues` that names no earlier
 * quotation of the same speaker in the same paragraph.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visitParents } from 'unist-util-visit-parents';
import { toString } from 'mdast-util-to-string';
import type { Registry } from '../model/registry.ts';
import { knownIds } from '../model/registry.ts';
import { literalAttributes, idList } from './mdx-jsx.ts';
import { toElement } from './mdast-annotation.ts';
import { quotationBaseId } from '../lib/anchors.ts';
import { QUOTATION_KINDS, collectedAnnotations, type QuotationKind } from '../model/annotations.ts';
import { requireParagraph } from './mdast-text.ts';
import { visit } from 'unist-util-visit';
import type { Node } from 'unist';
import type { Annotation } from './mdast-annotation.ts';
import { DEFAULT_STANCE, describeStances, isStance, splitTopicStance, type Stance } from '../model/stances.ts';

/** Event ids of the mentions inside a node (remark-mentions has already marked them). */
function mentionedEvents(node: Node): string[] {
  const ids: string[] = [];
  visit(node, (inner) => {
    if (inner.type !== 'annotation') return;
    const key = (inner as Annotation).data.hProperties?.['dataMention'];
    if (typeof key === 'string' && key.startsWith('event:')) ids.push(...key.slice('event:'.length).split(' '));
  });
  return ids;
}

export interface Options {
  registry: Registry;
}

export default function remarkQuotations({ registry }: Options) {
  return (tree: Root, file: VFile) => {
    const summit = collectedAnnotations(file, 'remark-quotations');
    const frontmatter = (file.data.astro?.frontmatter ?? {}) as Record<string, unknown>;
    const sourceId = String(frontmatter['sourceText'] ?? '');
    const source = registry.sourceText(sourceId) ?? '';
    const lines = new Map<string, number>();

    visitParents(tree, 'mdxJsxTextElement', (node, ancestors) => {
      if (node.name !== 'Quote') return;
      const { values } = literalAttributes(node);
      const speaker = values.get('by');
      if (speaker === undefined) file.fail('<Quote> needs by="…" (remark-annotation-vocabulary checks this; run it first).', node);
      if (!registry.people.has(speaker)) {
        file.fail(`Unknown person '${speaker}' in <Quote by>. Add them to content/people.yaml or fix the id (${knownIds(registry.people)}).`, node);
      }
      const continues = values.get('continues');
      if (continues !== undefined) {
        const extra = ['kind', 'topics', 'about', 'attribution', 'note'].filter((name) => values.has(name));
        if (extra.length > 0) {
          file.fail(`A <Quote continues> is a later part of one quotation: give ${extra.join(', ')} on its first part ("${continues}") instead.`, node);
        }
        const { anchor } = requireParagraph(ancestors, node, file, '<Quote>', 'remark-quotations');
        const first = summit.quotations.find((q) => q.id === continues);
        if (!first || first.paragraph !== anchor || first.speaker !== speaker) {
          file.fail(
            `<Quote continues="${continues}"> names no earlier quotation by ${speaker} in this paragraph. Give the id of the part it continues (the speaker's id and its first words), written before it in the same paragraph.`,
            node,
          );
        }
        const part = toString(node);
        if (!source.includes(part)) {
          file.fail(
            `The words of this <Quote> are not verbatim in content/sources/${sourceId}.txt: "${part.slice(0, 80)}…". Fix the text to match the source.`,
            node,
          );
        }
        first.parts.push(part);
        for (const event of mentionedEvents(node)) if (!first.events.includes(event)) first.events.push(event);
        first.text = first.parts.join(' … ');
        toElement(node, first.kind === 'paraphrase' ? 'span' : 'q', { dataQuote: first.id, dataQuotePart: String(first.parts.length) });
        return;
      }
      const kind = (values.get('kind') ?? 'direct') as QuotationKind;
      if (!QUOTATION_KINDS.includes(kind)) {
        file.fail(`Unknown quotation kind '${kind}': use ${QUOTATION_KINDS.join(', ')}.`, node);
      }
      const attribution = values.get('attribution');
      if (attribution !== undefined && attribution !== 'context') {
        file.fail(
          `Unknown attribution '${attribution}' in <Quote>: the one value is "context" (the article credits the words only in the sentences around them).`,
          node,
        );
      }
      const note = values.get('note');
      const topics: string[] = [];
      const stances: Record<string, Stance> = {};
      for (const entry of idList(values.get('topics'))) {
        const { topic, stance = DEFAULT_STANCE } = splitTopicStance(entry);
        if (!registry.topics.has(topic)) {
          file.fail(`Unknown topic '${topic}' in <Quote topics>. Topics are a fixed vocabulary in content/topics.yaml (${knownIds(registry.topics)}).`, node);
        }
        if (!isStance(stance)) {
          file.fail(
            `Unknown stance '${stance}' for topic '${topic}' in <Quote topics>: write topic:stance with one of ${describeStances()}; a topic without one is '${DEFAULT_STANCE}'.`,
            node,
          );
        }
        if (topics.includes(topic)) {
          file.fail(`Topic '${topic}' is given twice in <Quote topics>: give each topic once, with the one stance the words support.`, node);
        }
        topics.push(topic);
        stances[topic] = stance;
      }
      const about = idList(values.get('about'));
      for (const event of about) {
        if (!registry.events.has(event)) {
          file.fail(`Unknown event '${event}' in <Quote about>. Add it to content/events.yaml or fix the id (${knownIds(registry.events)}).`, node);
        }
      }
      // A quotation is about the events it names in its own words, as well as those its `about` lists.
      const events = [...new Set([...about, ...mentionedEvents(node)])];
      const text = toString(node);
      if (!source.includes(text)) {
        file.fail(
          `The words of this <Quote> are not verbatim in content/sources/${sourceId}.txt: "${text.slice(0, 80)}…". Quote cards show the article's exact words; fix the text to match the source.`,
          node,
        );
      }
      const id = quotationBaseId(speaker, text);
      const line = node.position?.start.line ?? 0;
      if (lines.has(id)) {
        file.fail(
          `Two quotations get the id "${id}" (this one and line ${lines.get(id)}): the same speaker's words starting the same way. Wrap a longer or different span so they differ.`,
          node,
        );
      }
      lines.set(id, line);
      const { anchor } = requireParagraph(ancestors, node, file, '<Quote>', 'remark-quotations');
      summit.quotations.push({
        id,
        speaker,
        kind,
        text,
        parts: [text],
        paragraph: anchor,
        events,
        topics,
        stances,
        line,
        ...(attribution ? { attribution: 'context' as const } : {}),
        ...(note ? { note } : {}),
      });

      const properties = { dataQuote: id };
      // <q> for words the speaker said; the article already prints the quotation marks.
      toElement(node, kind === 'paraphrase' ? 'span' : 'q', properties);
    });
  };
}
