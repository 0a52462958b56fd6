/**
 * remark-source-fidelity: the article's words are the source's words.
 *
 * Each paragraph and heading, read as plain text (annotations are transparent),
 * must equal the next line of `content/sources/<sourceText>.txt`, in order,
 * with none missing. When the headline and dek come from the source
 * (`headlineBy: source`, `dekBy: source`), they must equal its first lines.
 *
 *   source:  "Subsequent meetings revealed the limitations of personal diplomacy."
 *   article: "Subsequent <Mention …>meetings</Mention> revealed the limitations of personal diplomacy."  → passes
 *   article: "Later meetings revealed the limitations of personal diplomacy."                           → fails at its line
 */
import type { Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { toString } from 'mdast-util-to-string';
import type { Registry } from '../model/registry.ts';
import { sourceLines } from '../lib/text.ts';
import { showInvisible } from '../lib/invisible.ts';

/** Source ids are file names in content/sources/: lower-case words joined by hyphens, nothing that could name a path. */
const SOURCE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface Options {
  registry: Registry;
}

/** Blocks that carry source lines: paragraphs, headings, and a pull quote standing on its own lines. */
function isTextBlock(node: RootContent): boolean {
  return node.type === 'paragraph' || node.type === 'heading' || (node.type === 'mdxJsxFlowElement' && node.name === 'PullQuote');
}

/** A line in a message: invisible characters named, and spaces at its edges shown (␠), which would otherwise look like nothing. */
function shown(text: string): string {
  return showInvisible(text).replace(/^ +| +$/g, (spaces) => '␠'.repeat(spaces.length));
}

/** When the only difference is spaces at the edges of the line, the fix: Markdown drops them unless written as references. */
function edgeHint(expected: string, actual: string): string {
  if (expected === actual || expected.trim() !== actual.trim()) return '';
  return 'The source line starts or ends with spaces (␠), which Markdown drops from a paragraph: write each as &#x20; (npm run new-article does). ';
}

export default function remarkSourceFidelity({ registry }: Options) {
  return (tree: Root, file: VFile) => {
    const frontmatter = (file.data.astro?.frontmatter ?? {}) as Record<string, unknown>;
    const sourceId = frontmatter['sourceText'];
    if (typeof sourceId !== 'string') {
      file.fail("Frontmatter needs `sourceText`: the id of the article's source in content/sources/ (the file name without .txt).", tree);
    }
    if (!SOURCE_ID.test(sourceId)) {
      file.fail(
        `\`sourceText: ${sourceId}\` must name a file in content/sources/ by its name without .txt (lower-case words joined by hyphens, e.g. sourceText: hanoi-hangover); paths are not allowed.`,
        tree,
      );
    }
    const source = registry.sourceText(sourceId);
    if (source === undefined) {
      file.fail(
        `No source text content/sources/${sourceId}.txt for \`sourceText: ${sourceId}\` (a link to a file outside content/sources/ does not count). Copy the seed there unchanged, or fix the id.`,
        tree,
      );
    }
    const where = `content/sources/${sourceId}.txt`;
    const lines = sourceLines(source);
    let next = 0;

    for (const field of ['headline', 'dek'] as const) {
      if (frontmatter[`${field}By`] !== 'source') continue;
      const expected = lines[next];
      if (!expected || frontmatter[field] !== expected.text) {
        file.fail(
          `Frontmatter \`${field}\` says it comes from the source (${field}By: source), but it differs from ${where} line ${expected?.line ?? '?'}: expected "${showInvisible(expected?.text ?? '')}", found "${showInvisible(String(frontmatter[field] ?? ''))}". Copy it exactly, or set ${field}By: site.`,
          tree,
        );
      }
      next += 1;
    }

    for (const block of tree.children) {
      if (!isTextBlock(block)) continue;
      const actual = toString(block);
      const expected = lines[next];
      if (!expected) {
        file.fail(
          `This ${block.type} is not in the source: ${where} has no more lines. Articles publish the source text only; put the site's own words in a <Note>.`,
          block,
        );
      }
      if (actual !== expected.text) {
        file.fail(
          `This ${block.type} differs from ${where} line ${expected.line}.\n  expected: ${shown(expected.text)}\n  found:    ${shown(actual)}\n${edgeHint(expected.text, actual)}Annotations may wrap the words but never change them.`,
          block,
        );
      }
      next += 1;
    }
    if (next < lines.length) {
      const missing = lines[next]!;
      file.fail(
        `The article stops before the end of ${where}: line ${missing.line} ("${missing.text.slice(0, 60)}…") is missing. Every line of the source must be published.`,
        tree,
      );
    }
  };
}
