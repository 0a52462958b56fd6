/**
 * Runs MDX text through the annotation plugins, the way the remark-directive
 * and rehype-slug tests do: a fragment in, a tree or HTML out. Astro's MDX
 * integration is not involved, so each plugin can be tested on its own.
 */
import { unified, type Pluggable, type PluggableList } from 'unified';
import type { RemarkPlugins, RehypePlugins } from '@astrojs/markdown-remark';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import type { Root } from 'mdast';
import type { Element, ElementContent, Properties } from 'hast';
import type { State } from 'mdast-util-to-hast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { createRegistry, type Registry } from '../../src/model/registry.ts';
import type { ArticleAnnotations } from '../../src/model/annotations.ts';

/** The path every test article pretends to have, so messages can be checked for it. */
export const ARTICLE_PATH = 'content/articles/test.mdx';

/** A small registry: a few records of each kind, and source texts by id. */
export function testRegistry(sources: Record<string, string> = {}): Registry {
  // Records are parsed with the real schemas, so a meeting needs what the schema asks of one.
  const meeting = { kind: 'summit' as const, place: 'hanoi', participants: ['donald-trump', 'kim-jong-un'], summary: 'A summit.', outcome: 'An outcome.' };
  return createRegistry(
    {
      people: [
        { id: 'donald-trump', name: 'Donald Trump', kind: 'person', role: 'US president' },
        { id: 'hong-min', name: 'Hong Min', kind: 'person', role: 'Senior researcher' },
        { id: 'kim-jong-un', name: 'Kim Jong-un', kind: 'person', role: 'Leader of North Korea' },
        { id: 'white-house', name: 'The White House', kind: 'office', role: 'Office of the US president' },
      ],
      organisations: [{ id: 'kinu', name: 'Korea Institute for National Unification' }],
      places: [{ id: 'hanoi', name: 'Hanoi' }],
      events: [
        { ...meeting, id: 'hanoi-summit-2019', name: 'Hanoi summit', start: '2019-02-27', place: 'hanoi' },
        { ...meeting, id: 'singapore-summit-2018', name: 'Singapore summit', start: '2018-06-12' },
        { id: 'trump-letter-declined', name: 'Letter declined', kind: 'context', start: '2025-10', summary: 'A letter was declined.' },
      ],
      topics: [
        { id: 'sanctions-relief', label: 'Sanctions relief' },
        { id: 'talks-prospects', label: 'Prospects for talks' },
      ],
      notes: [
        { id: 'six-party-talks', title: 'The six-party talks', body: 'Talks from 2003 to 2009.' },
        { id: 'yongbyon', title: 'Yongbyon', body: 'The nuclear complex.' },
      ],
    },
    (id) => sources[id],
  );
}

export interface RunOptions {
  /** Plugins to run after remark-parse and remark-mdx, in order. */
  plugins: PluggableList;
  /** The article's frontmatter, as Astro hands it to remark plugins. */
  frontmatter?: Record<string, unknown>;
  /**
   * Annotations collected so far. The vocabulary plugin starts them; a test of
   * a later plugin on its own passes empty ones here.
   */
  summit?: ArticleAnnotations;
}

export interface RunResult {
  tree: Root;
  file: VFile;
}

/** Parses `mdx` and runs the plugins over it; throws what they throw. */
export function run(mdx: string, { plugins, frontmatter = {}, summit }: RunOptions): RunResult {
  const file = new VFile({ path: ARTICLE_PATH, value: mdx, data: { astro: { frontmatter } } });
  if (summit) file.data.summit = summit;
  const processor = unified().use(remarkParse).use(remarkMdx).use(plugins);
  const tree = processor.runSync(processor.parse(file), file) as Root;
  return { tree, file };
}

/**
 * MDX tags still in the tree after the plugins (`<Note />`, `<QuoteCards />`)
 * are components Astro renders. Here they come out as elements of the same
 * name with their attributes, so the HTML shows where they stand.
 */
function jsxAsElement(state: State, node: MdxJsxFlowElement | MdxJsxTextElement): Element {
  const properties: Properties = {};
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string') properties[attribute.name] = attribute.value;
  }
  return { type: 'element', tagName: node.name ?? 'fragment', properties, children: state.all(node) as ElementContent[] };
}

/** The HTML of a tree the plugins produced (remark-rehype + rehype-stringify, with `extraRehype` between). */
export function toHtml(tree: Root, file: VFile, extraRehype: PluggableList = []): string {
  const processor = unified()
    .use(remarkRehype, { handlers: { mdxJsxFlowElement: jsxAsElement, mdxJsxTextElement: jsxAsElement } })
    .use(extraRehype)
    .use(rehypeStringify);
  const hast = processor.runSync(tree, file);
  return processor.stringify(hast, file);
}

/**
 * Astro's plugin lists may name a plugin by a string it resolves itself;
 * unified takes functions only. Ours are all functions, which this checks.
 */
export function asPluggable(list: RemarkPlugins | RehypePlugins): PluggableList {
  return list.map((entry): Pluggable => {
    const plugin: unknown = Array.isArray(entry) ? entry[0] : entry;
    if (typeof plugin !== 'function') throw new Error(`expected a plugin function, got ${JSON.stringify(plugin)}`);
    return entry as Pluggable;
  });
}

/** Runs `action` and returns the VFileMessage it throws; fails the test if it throws nothing else. */
export function failure(action: () => unknown): VFileMessage {
  try {
    action();
  } catch (error) {
    if (error instanceof VFileMessage) return error;
    throw error;
  }
  throw new Error('expected a VFileMessage to be thrown, but nothing was thrown');
}
