/**
 * remark-context-notes: `<Note id="…" />` places one of the site's own
 * explanatory notes (content/notes.yaml) after a paragraph. The note's words
 * are never in the article file, so they cannot be mistaken for the source.
 *
 *   <Note id="six-party-talks" />  → kept for the ContextNote component, recorded as following the paragraph before it
 *   <Note id="six-party-talk" />   → fails: unknown note 'six-party-talk' … known: military-demarcation-line, six-party-talks, …
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import type { Registry } from '../model/registry.ts';
import { knownIds } from '../model/registry.ts';
import { literalAttributes } from './mdx-jsx.ts';
import { collectedAnnotations } from '../model/annotations.ts';

export interface Options {
  registry: Registry;
}

export default function remarkContextNotes({ registry }: Options) {
  return (tree: Root, file: VFile) => {
    const summit = collectedAnnotations(file, 'remark-context-notes');
    const used = new Set<string>();
    let lastParagraph: string | undefined;
    visit(tree, (node) => {
      const id = node.data?.hProperties?.['id'];
      if (node.type === 'paragraph' && typeof id === 'string') lastParagraph = id;
      if (node.type !== 'mdxJsxFlowElement' || node.name !== 'Note') return;
      const noteId = literalAttributes(node).values.get('id');
      if (noteId === undefined) file.fail('<Note> needs id="…" (remark-annotation-vocabulary checks this; run it first).', node);
      if (!registry.notes.has(noteId)) {
        file.fail(`Unknown note '${noteId}' in <Note id>. Write it in content/notes.yaml or fix the id (${knownIds(registry.notes)}).`, node);
      }
      if (used.has(noteId)) file.fail(`<Note id="${noteId}" /> is already placed in this article; a note appears once.`, node);
      used.add(noteId);
      summit.notes.push({ id: noteId, after: lastParagraph });
    });
  };
}
