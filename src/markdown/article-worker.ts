/**
 * The worker thread that renders articles beside the content loader (article-render.ts renderArticles):
 * builds the article renderer from the site's Markdown options and the registry, takes the next job
 * from the counter it shares with the loader until none is left, and posts each result. Loaded by Node
 * itself (type stripping), so it uses erasable TypeScript only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadRegistry } from '../model/registry.ts';
import { siteMarkdown } from './index.ts';
import { articleRenderer, renderArticle, type RenderData, type RenderReply } from './article-render.ts';

const { jobs, contentDir, next } = workerData as RenderData;
const post = (reply: RenderReply) => parentPort!.postMessage(reply);
try {
  const renderer = await articleRenderer(siteMarkdown(loadRegistry(contentDir)));
  for (let index = Atomics.add(next, 0, 1); index < jobs.length; index = Atomics.add(next, 0, 1)) {
    const result = await renderArticle(renderer, jobs[index]!);
    // The message alone: the plugin's error object (its syntax tree nodes) need not survive the copy between threads.
    post({ index, result: 'error' in result ? { error: result.error } : result });
  }
  post({ finished: true });
} catch (error) {
  post({ failed: error instanceof Error ? error.message : String(error) });
}
