/**
 * Articles rendered beside the loader in a worker thread (src/markdown/article-render.ts renderArticles)
 * come out as they do on the loader's own thread: the worker builds its renderer from the same options
 * (siteMarkdown) and the registry of the same data files, so where an article is rendered never changes
 * its bytes; a broken article gives the same located message on either thread.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { articleRenderer, renderArticles, SHARED_FROM, type ArticleJob, type ArticleRenderer } from '../../src/markdown/article-render.ts';
import { siteMarkdown } from '../../src/markdown/index.ts';
import { loadRegistry } from '../../src/model/registry.ts';
import { projectRoot } from '../support/paths.ts';

const contentDir = join(projectRoot, 'content');
const articlesDir = join(contentDir, 'articles');

function job(name: string, edit: (mdx: string) => string = (mdx) => mdx): ArticleJob {
  const path = join(articlesDir, name);
  const { frontmatter, content } = parseFrontmatter(edit(readFileSync(path, 'utf8')), { frontmatter: 'empty-with-spaces' });
  return { path, file: `content/articles/${name}`, content, frontmatter };
}

const names = readdirSync(articlesDir)
  .filter((name) => name.endsWith('.mdx'))
  .sort();
// Enough jobs for a worker, the real articles in turn; the last one broken (a tag the vocabulary does not know).
const jobs = Array.from({ length: SHARED_FROM + 6 }, (_, n) => job(names[n % names.length]!));
jobs.push(job(names[0]!, (mdx) => mdx.replace(/\n\n([A-Z])/, '\n\n<Unknown>x</Unknown> $1')));

describe('articles rendered in a worker thread beside the loader', () => {
  it('come out byte for byte as on the loader’s thread, broken ones with the same message', async () => {
    const renderer = await articleRenderer(siteMarkdown(loadRegistry(contentDir)));
    const alone = await renderArticles(jobs, renderer, { root: projectRoot, contentDir }, 1);
    const broken = alone.at(-1)!;
    expect(broken).toEqual({ error: expect.stringMatching(/^content\/articles\/.+\.mdx:\d+:\d+: .*Unknown/), cause: expect.anything() });
    expect(alone.slice(0, -1).every((result) => 'html' in result && result.html.length > 1000)).toBe(true);

    // This thread's renderer holds its first job until every other job has been taken (by the worker), and marks what it renders.
    const next = new Int32Array(new SharedArrayBuffer(4));
    const held = {
      render: async (...args: Parameters<ArticleRenderer['render']>) => {
        while (Atomics.load(next, 0) < jobs.length) await new Promise((resolve) => setTimeout(resolve, 10));
        const rendered = await renderer.render(...args);
        return { ...rendered, code: `MAIN ${rendered.code}` };
      },
    } as ArticleRenderer;
    const shared = await renderArticles(jobs, held, { root: projectRoot, contentDir }, 2, next);
    const byWorker = shared.flatMap((result, index) => ('html' in result && !result.html.startsWith('MAIN ') ? [index] : []));
    // One job was this thread's; every other (the broken last one apart) was rendered by the worker.
    expect(byWorker.length).toBe(jobs.length - 2);
    for (const index of byWorker) expect(shared[index]).toEqual(alone[index]);
    expect(shared.at(-1)).toMatchObject({ error: (broken as { error: string }).error });
  });
});
