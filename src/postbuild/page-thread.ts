/**
 * Runs the per-page steps of the page pass (page-work.ts) in a worker thread (page-worker.ts) and hands
 * each page's result, in the pages' order, to `take` on this thread: the steps that need every page (the
 * link check, the permalink manifest, the headers) and the search index, which Pagefind's service builds
 * in a process of its own. Reading, scanning, narrowing, rewriting and preparing a page for search were
 * most of this thread's work in the pass; beside it they use the machine's other core.
 *
 * `take` settles when it is done with a page (Pagefind has indexed it); the worker keeps at most AHEAD
 * pages beyond those settled. The first failure (a step's error in the worker, or `take`'s) stops the
 * worker and rejects, once the pages already taken have settled.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PermalinkMoves } from './permalinks.ts';
import type { WorkedPage } from './page-work.ts';

export interface PassData {
  outDir: string;
  pages: readonly string[];
  moves: PermalinkMoves;
  /** How many pages the main thread has finished with; the worker waits on it. */
  done: Int32Array;
  ahead: number;
}

export type PassReply = { worked: WorkedPage } | { finished: true } | { error: string; page: string };

/** Pages prepared ahead of those finished: enough to keep Pagefind's service and this thread busy, a few pages' markup in memory. */
export const AHEAD = 16;

export function passInThread(
  root: string,
  outDir: string,
  pages: readonly string[],
  moves: PermalinkMoves,
  take: (worked: WorkedPage) => Promise<void>,
): Promise<void> {
  const done = new Int32Array(new SharedArrayBuffer(4));
  const data: PassData = { outDir, pages, moves, done, ahead: AHEAD };
  // Loaded by Node from the project, as the preview images' workers are (src/og/pool.ts): in a build this
  // module runs from Astro's bundle of the config, where the file beside it is not.
  const worker = new Worker(pathToFileURL(join(root, 'src', 'postbuild', 'page-worker.ts')), { workerData: data });
  return new Promise<void>((resolve, reject) => {
    const running = new Set<Promise<void>>();
    let failure: { error: unknown } | undefined;
    let finished = false;
    const settle = () => {
      if (running.size > 0 || !(finished || failure)) return;
      if (failure) reject(failure.error);
      else resolve();
    };
    const fail = (error: unknown) => {
      failure ??= { error };
      void worker.terminate();
      settle();
    };
    worker.on('message', (reply: PassReply) => {
      if (failure) return;
      if ('error' in reply) {
        fail(new Error(reply.error.startsWith(reply.page) ? reply.error : `${reply.page}: ${reply.error}`));
        return;
      }
      if ('finished' in reply) {
        finished = true;
        void worker.terminate();
        settle();
        return;
      }
      let taken: Promise<void>;
      try {
        taken = take(reply.worked);
      } catch (error) {
        taken = Promise.reject(error);
      }
      const step: Promise<void> = taken.then(
        () => {
          running.delete(step);
          Atomics.add(done, 0, 1);
          Atomics.notify(done, 0);
          settle();
        },
        (error: unknown) => {
          running.delete(step);
          fail(error);
        },
      );
      running.add(step);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!finished) fail(new Error(`The page pass's worker thread stopped (exit code ${code}) before the last page.`));
    });
  });
}
