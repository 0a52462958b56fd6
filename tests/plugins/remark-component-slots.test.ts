import { describe, it, expect } from 'vitest';
import remarkComponentSlots, { SLOT_MARKER_PATTERN } from '../../src/markdown/remark-component-slots.ts';
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { run, failure } from '../support/markdown.ts';

/** The HTML as the article loader's processor prints it: raw HTML (the markers) kept. */
function toHtml(tree: Root, file: VFile): string {
  const processor = unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true });
  return processor.stringify(processor.runSync(tree, file), file);
}

const components = ['QuoteCards', 'Note'];

describe('remark-component-slots', () => {
  it('leaves a numbered marker where each component stands and lists the components with their attributes, in order', () => {
    const mdx = 'First paragraph.\n\n<QuoteCards ids="a b" paragraph="p-first" />\n\n<Note id="yongbyon" />\n\nSecond paragraph.';
    const { tree, file } = run(mdx, { plugins: [[remarkComponentSlots, { components }]] });
    expect(file.data.astro?.frontmatter?.['slots']).toEqual([
      { component: 'QuoteCards', props: { ids: 'a b', paragraph: 'p-first' } },
      { component: 'Note', props: { id: 'yongbyon' } },
    ]);
    const html = toHtml(tree, file);
    // split() with the capture group gives HTML and slot numbers, alternating.
    expect(html.split(new RegExp(SLOT_MARKER_PATTERN, 'g'))).toEqual(['<p>First paragraph.</p>\n', '0', '\n', '1', '\n<p>Second paragraph.</p>']);
  });

  it('drops editors’ comments, which are not article text', () => {
    const { tree, file } = run('{/* A note to the desk. */}\n\nWords {/* inline */} here.', { plugins: [[remarkComponentSlots, { components }]] });
    expect(toHtml(tree, file)).toBe('<p>Words  here.</p>');
    expect(file.data.astro?.frontmatter?.['slots']).toEqual([]);
  });

  it('fails on a component the page does not render, naming it and the ones it does', () => {
    const error = failure(() => run('<Chart data="x" />', { plugins: [[remarkComponentSlots, { components }]] }));
    expect(error.reason).toMatch(/^<Chart> is left in the article after the annotation plugins ran; the page renders only QuoteCards, Note\./);
    expect(error.line).toBe(1);
  });
});
