/**
 * Renders articles to HTML and the annotations their plugins collect: the processor an article goes
 * through (the site's Markdown processor with MDX's syntax in front and the component slots behind),
 * and the rendering of a list of articles, which a worker thread (article-worker.ts) shares when the
 * list is long enough to pay for one. The loader (article-loader.ts) stores the results in order.
 */
import { unified } from '@astrojs/markdown-remark';
import remarkMdx from 'remark-mdx';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import remarkComponentSlots from './remark-component-slots.ts';
import type { RenderedArticle } from '../model/annotations.ts';

/** The components an article's HTML may leave to the page (the margin's items and the authored context note). */
export const ARTICLE_COMPONENTS = ['QuoteCards', 'Note', 'CompactTimeline'] as const;

export type ArticleRenderer = Awaited<ReturnType<ReturnType<typeof unified>['createRenderer']>>;

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

/** An article's renderer, from the site's processor options (astro.config.mjs `markdown.processor`, markdown/index.ts `siteMarkdown`). */
export function articleRenderer(site: NonNullable<Parameters<typeof unified>[0]>): Promise<ArticleRenderer> {
  const processor = unified({
    ...site,
    remarkPlugins: [remarkMdx, ...(site.remarkPlugins ?? []), [remarkComponentSlots, { components: ARTICLE_COMPONENTS }]],
    rehypePlugins: [...(site.rehypePlugins ?? []), collapseEmptyAttributes],
  });
  return processor.createRenderer({ syntaxHighlight: false, gfm: false, smartypants: false });
}

/** One article to render: its file (absolute, and as named in messages) and its MDX after the frontmatter. */
export interface ArticleJob {
  path: string;
  file: string;
  content: string;
  frontmatter: Record<string, unknown>;
}

/** An article's HTML and collected data, or why it could not be rendered ("file:line:column: reason"). */
export type ArticleResult = { html: string; article: RenderedArticle } | { error: string; cause?: unknown };

/** "content/articles/x.mdx:12:5: message" from a plugin's VFileMessage (or any error with a place). */
function located(error: unknown, file: string): string {
  const { line, column, reason, message } = error as { line?: number; column?: number; reason?: string; message?: string };
  const where = line ? `${file}:${line}${column ? `:${column}` : ''}` : file;
  return `${where}: ${reason ?? message ?? String(error)}`;
}

export async function renderArticle(renderer: ArticleRenderer, job: ArticleJob): Promise<ArticleResult> {
  let rendered;
  try {
    rendered = await renderer.render(job.content, { frontmatter: job.frontmatter, fileURL: pathToFileURL(job.path) });
  } catch (error) {
    return { error: located(error, job.file), cause: error };
  }
  const { annotations, slots } = rendered.metadata.frontmatter as Partial<RenderedArticle>;
  if (!annotations || !slots)
    return { error: `${job.file}: the annotation plugins collected nothing; src/markdown/index.ts must list remark-export-annotations.` };
  return { html: rendered.code, article: { annotations, slots } };
}

/** What a worker is given: the jobs, where the content is (for the registry its plugins check against), and the counter it shares. */
export interface RenderData {
  jobs: readonly ArticleJob[];
  contentDir: string;
  next: Int32Array;
}
export type RenderReply = { index: number; result: ArticleResult } | { finished: true } | { failed: string };

/** Below this many articles to render, a worker costs more to start (its modules, the registry) than it saves. */
export const SHARED_FROM = 64;

/**
 * Renders the jobs, results in the jobs' order. With enough of them and more than one core, a worker
 * thread renders beside this one: each takes the next job from a counter they share, so neither waits
 * for the other's share. The worker builds the same renderer from the same options (`siteMarkdown`
 * with the registry read by the one loader of the data files), so where an article is rendered does
 * not change its bytes (tests/unit/article-render.test.ts).
 */
export async function renderArticles(
  jobs: readonly ArticleJob[],
  renderer: ArticleRenderer,
  shared: { root: string; contentDir: string },
  threads = availableParallelism(),
  /** The counter the threads take jobs from (a test passes its own, to watch it). */
  next = new Int32Array(new SharedArrayBuffer(4)),
): Promise<ArticleResult[]> {
  const results: ArticleResult[] = new Array(jobs.length);
  const helped =
    threads > 1 && jobs.length >= SHARED_FROM
      ? new Promise<void>((resolve, reject) => {
          const data: RenderData = { jobs, contentDir: shared.contentDir, next };
          // Loaded by Node from the project (type stripping), as the page pass's workers are.
          const worker = new Worker(pathToFileURL(join(shared.root, 'src', 'markdown', 'article-worker.ts')), { workerData: data });
          let finished = false;
          worker.on('message', (reply: RenderReply) => {
            if ('index' in reply) results[reply.index] = reply.result;
            else if ('finished' in reply) finished = true;
            else reject(new Error(`Rendering the articles in a worker thread failed: ${reply.failed}`));
          });
          worker.on('error', reject);
          worker.on('exit', () => (finished ? resolve() : reject(new Error('The article worker thread stopped before its last article.'))));
        })
      : undefined;
  // A failure of the worker is the build's failure, reported once this thread has finished its share.
  helped?.catch(() => {});
  for (let index = Atomics.add(next, 0, 1); index < jobs.length; index = Atomics.add(next, 0, 1)) {
    results[index] = await renderArticle(renderer, jobs[index]!);
  }
  await helped;
  return results;
}
