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
import { isUnifiedProcessor, parseFrontmatter } from '@astrojs/markdown-remark';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentCodeDigest } from '../model/inputs.ts';
import { articleRenderer, renderArticles, type ArticleJob, type ArticleRenderer } from './article-render.ts';

export type { RenderedArticle } from '../model/annotations.ts';

/** The files, named relative to `root` (so a cache restored into another folder still matches), and their bytes, hashed in a stable order. */
function digestOfFiles(root: string, paths: Iterable<string>): string {
  const hash = createHash('sha256');
  for (const path of [...paths].sort()) hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0');
  return hash.digest('hex');
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

/** The site's processor (astro.config.mjs `markdown.processor`), as an article renderer (article-render.ts). */
async function createRenderer({ config }: LoaderContext): Promise<ArticleRenderer> {
  const site = config.markdown.processor;
  if (!isUnifiedProcessor(site)) {
    throw new AstroError(
      'The articles need the unified() Markdown processor: their annotation plugins are remark and rehype plugins.',
      'Set `markdown.processor: unified(siteMarkdown(registry))` (src/markdown/index.ts) in astro.config.mjs.',
    );
  }
  return articleRenderer(site.options);
}

async function syncArticles({ store, parseData, generateDigest, logger }: LoaderContext, root: string, folder: string, renderer: ArticleRenderer) {
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
  // The articles whose digest changed, rendered together (on two threads when there are many), then stored in order.
  const changed: (ArticleJob & { id: string; digest: string })[] = [];
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
    if (store.get(id)?.digest !== digest) changed.push({ id, path, file, content, frontmatter, digest });
  }
  const results = await renderArticles(changed, renderer, { root, contentDir });
  for (const [index, { id, path, file, frontmatter, digest }] of changed.entries()) {
    const data = await parseData({ id, data: frontmatter, filePath: path });
    const result = results[index]!;
    if ('error' in result) {
      const failure = new AstroError(
        result.error,
        'Fix the article at the line given (the message says what the annotation needs); the README’s authoring guide lists the tags.',
      );
      failure.cause = result.cause;
      throw failure;
    }
    store.set({ id, data, filePath: file, digest, rendered: { html: result.html, metadata: { frontmatter: result.article } } });
  }
  for (const id of untouched) store.delete(id);
  if (names.length === 0) logger.warn(`No articles (*.mdx) in ${relative(root, folder)}.`);
}
