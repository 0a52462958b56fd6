/**
 * Loads the articles (`content/articles/*.mdx`) into the content layer already
 * rendered. Each article's MDX is parsed with remark-mdx (MDX's own syntax:
 * the annotation tags, the editors' comments) and run through the annotation
 * plugins by the site's Markdown processor, the `unified()` of
 * @astrojs/markdown-remark configured in astro.config.mjs, once, while Astro
 * syncs its content. The HTML, the annotations the plugins collected and the
 * components the page renders beside the paragraphs (remark-component-slots)
 * are kept in Astro's data store (node_modules/.astro/data-store.json).
 *
 * Why not Astro's glob loader and @astrojs/mdx: MDX compiles every article into
 * a JavaScript module that Vite bundles and the page then runs. The articles
 * hold no code (the vocabulary plugin refuses it), so that module only ever
 * printed HTML, at a large share of a large build's time and memory. Here an
 * article is HTML from the start, and the data store keeps it between builds:
 * an article is rendered again only when its digest changes, and the digest
 * covers everything that shapes its entry (its file, its source text, the data
 * files, and the code: src/model/inputs.ts).
 *
 * Bad content fails here, with the file, line and column the plugin named: the
 * glob loader would log a render error and store the entry without HTML.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { isUnifiedProcessor, parseFrontmatter, unified } from '@astrojs/markdown-remark';
import remarkMdx from 'remark-mdx';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import remarkComponentSlots from './remark-component-slots.ts';
import type { RenderedArticle } from '../model/annotations.ts';
import { contentCodeDigest } from '../model/inputs.ts';

export type { RenderedArticle } from '../model/annotations.ts';

/** The components an article's HTML may leave to the page (the margin's items and the authored context note). */
export const ARTICLE_COMPONENTS = ['QuoteCards', 'Note', 'CompactTimeline'] as const;

type Renderer = Awaited<ReturnType<ReturnType<typeof unified>['createRenderer']>>;

/** The files, named relative to `root` (so a cache restored into another folder still matches), and their bytes, hashed in a stable order. */
function digestOfFiles(root: string, paths: Iterable<string>): string {
  const hash = createHash('sha256');
  for (const path of [...paths].sort()) hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0');
  return hash.digest('hex');
}

/** "content/articles/x.mdx:12:5: message" from a plugin's VFileMessage (or any error with a place). */
function located(error: unknown, file: string): string {
  const { line, column, reason, message } = error as { line?: number; column?: number; reason?: string; message?: string };
  const where = line ? `${file}:${line}${column ? `:${column}` : ''}` : file;
  return `${where}: ${reason ?? message ?? String(error)}`;
}

export function articleLoader(options: { folder: string }): Loader {
  return {
    name: 'summit-desk:articles',
    load: async (context) => {
      const { config } = context;
      const root = fileURLToPath(config.root);
      // Once per start: `npm run dev` starts a fresh server when an article, a data file or the code that
      // renders them changes (src/cli/dev.ts), as Astro's in-place restart would keep a stale content layer.
      await syncArticles(context, root, join(root, options.folder), await createRenderer(context));
    },
  };
}

/**
 * `data-editorial` rather than `data-editorial=""`, as Astro prints the pages around it: unified's
 * settings are how a plugin configures the compiler (rehype-stringify passes them to hast-util-to-html).
 */
function collapseEmptyAttributes(this: {
  data(key: 'settings'): Record<string, unknown> | undefined;
  data(key: 'settings', value: Record<string, unknown>): void;
}) {
  this.data('settings', { ...this.data('settings'), collapseEmptyAttributes: true });
}

/** The site's processor (astro.config.mjs `markdown.processor`) with MDX's syntax in front and the component slots behind. */
async function createRenderer({ config }: LoaderContext): Promise<Renderer> {
  const site = config.markdown.processor;
  if (!isUnifiedProcessor(site)) {
    throw new AstroError(
      'The articles need the unified() Markdown processor: their annotation plugins are remark and rehype plugins.',
      'Set `markdown.processor: unified({ … })` from @astrojs/markdown-remark in astro.config.mjs.',
    );
  }
  const processor = unified({
    ...site.options,
    remarkPlugins: [remarkMdx, ...site.options.remarkPlugins, [remarkComponentSlots, { components: ARTICLE_COMPONENTS }]],
    rehypePlugins: [...site.options.rehypePlugins, collapseEmptyAttributes],
  });
  return processor.createRenderer({ syntaxHighlight: false, gfm: false, smartypants: false });
}

async function syncArticles({ store, parseData, generateDigest, logger }: LoaderContext, root: string, folder: string, renderer: Renderer) {
  const contentDir = join(root, 'content');
  // What every article's entry depends on besides its own file and source: the records its annotations
  // name, and the code that turns it into HTML and data (src/model/inputs.ts: the collections and their
  // schemas, the model, the plugins, the config, the package files).
  const shared = `${contentCodeDigest(root)}\0${digestOfFiles(
    root,
    readdirSync(contentDir)
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => join(contentDir, name)),
  )}`;
  const names = readdirSync(folder)
    .filter((name) => name.endsWith('.mdx'))
    .sort();
  const untouched = new Set(store.keys());
  for (const name of names) {
    const id = name.slice(0, -'.mdx'.length);
    const path = join(folder, name);
    const file = relative(root, path);
    const contents = readFileSync(path, 'utf8');
    const { frontmatter, content } = parseFrontmatter(contents, { frontmatter: 'empty-with-spaces' });
    const sourceId = typeof frontmatter['sourceText'] === 'string' ? frontmatter['sourceText'] : '';
    let source = '';
    try {
      source = readFileSync(join(contentDir, 'sources', `${sourceId}.txt`), 'utf8');
    } catch {
      // No such source: the fidelity plugin says so, with the line.
    }
    const digest = generateDigest(`${shared}\0${contents}\0${source}`);
    untouched.delete(id);
    if (store.get(id)?.digest === digest) continue;
    const data = await parseData({ id, data: frontmatter, filePath: path });
    let rendered;
    try {
      rendered = await renderer.render(content, { frontmatter, fileURL: pathToFileURL(path) });
    } catch (error) {
      const failure = new AstroError(
        located(error, file),
        'Fix the article at the line given (the message says what the annotation needs); the README’s authoring guide lists the tags.',
      );
      failure.cause = error;
      throw failure;
    }
    const { annotations, slots } = rendered.metadata.frontmatter as Partial<RenderedArticle>;
    if (!annotations || !slots) {
      throw new AstroError(`${file}: the annotation plugins collected nothing.`, 'src/markdown/index.ts must list remark-export-annotations.');
    }
    store.set({
      id,
      data,
      filePath: file,
      digest,
      rendered: { html: rendered.code, metadata: { frontmatter: { annotations, slots } satisfies RenderedArticle } },
    });
  }
  for (const id of untouched) store.delete(id);
  if (names.length === 0) logger.warn(`No articles (*.mdx) in ${relative(root, folder)}.`);
}
