/**
 * Runs the per-page steps of the page pass (page-work.ts) in worker threads (page-worker.ts), one per
 * core, each on every n-th page, and hands each page's result, in the pages' order, to `take` on this
 * thread, for the steps that need every page (the link check, the permalink manifest, the headers).
 * Reading, scanning, narrowing, rewriting and preparing a page for search are most of the pass's work,
 * and need nothing but the page.
 *
 * The workers keep at most AHEAD pages beyond those taken, so few results wait in messages. The first
 * failure (a step's error in a worker, or `take`'s) stops the workers and rejects.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PermalinkMoves } from './permalinks.ts';
import type { WorkedPage } from './page-work.ts';

export interface PassData {
  outDir: string;
  /** Where the worker writes what search is given of each page (src/search/pagefind-index.ts PreparedPages). */
  searchFolder: string;
  pages: readonly string[];
  moves: PermalinkMoves;
  /** How many pages the main thread has taken; the workers wait on it. */
  done: Int32Array;
  ahead: number;
  /** This worker's number, and how many there are: it takes pages worker, worker + workers, … */
  worker: number;
  workers: number;
}

export type PassReply = { worked: WorkedPage; index: number } | { finished: true } | { error: string; page: string };

/** Pages the worker may prepare ahead of those taken: enough to keep both threads busy, a few results in memory. */
export const AHEAD = 16;

export function passInThread(
  root: string,
  outDir: string,
  searchFolder: string,
  pages: readonly string[],
  moves: PermalinkMoves,
  take: (worked: WorkedPage) => void,
  threads = availableParallelism(),
): Promise<void> {
  const done = new Int32Array(new SharedArrayBuffer(4));
  const workers = Math.max(1, Math.min(threads, pages.length));
  // Loaded by Node from the project, as the preview images' workers are (src/og/pool.ts): in a build this
  // module runs from Astro's bundle of the config, where the file beside it is not.
  const file = pathToFileURL(join(root, 'src', 'postbuild', 'page-worker.ts'));
  const started = Array.from(
    { length: workers },
    (_, worker) => new Worker(file, { workerData: { outDir, searchFolder, pages, moves, done, ahead: AHEAD, worker, workers } satisfies PassData }),
  );
  return new Promise<void>((resolve, reject) => {
    let over = false;
    const finished = new Set<Worker>();
    /** Results that came before an earlier page's, by page number, and the next page to take. */
    const waiting = new Map<number, WorkedPage>();
    let next = 0;
    const end = (error?: unknown) => {
      if (over) return;
      over = true;
      // Settled once every worker has stopped, so that no write of theirs lands after the caller has moved on.
      void Promise.allSettled(started.map((worker) => worker.terminate())).then(() => {
        if (error === undefined) resolve();
        else reject(error instanceof Error ? error : new Error(String(error)));
      });
    };
    for (const worker of started) {
      worker.on('message', (reply: PassReply) => {
        if (over) return;
        if ('error' in reply) end(new Error(reply.error.startsWith(reply.page) ? reply.error : `${reply.page}: ${reply.error}`));
        else if ('finished' in reply) {
          finished.add(worker);
          if (finished.size === workers) end(next === pages.length ? undefined : new Error(`The page pass ended at page ${next} of ${pages.length}.`));
        } else {
          waiting.set(reply.index, reply.worked);
          for (let worked = waiting.get(next); worked; worked = waiting.get(next)) {
            waiting.delete(next);
            try {
              take(worked);
            } catch (error) {
              end(error);
              return;
            }
            next += 1;
            Atomics.add(done, 0, 1);
            Atomics.notify(done, 0);
          }
        }
      });
      worker.on('error', end);
      worker.on('exit', (code) => {
        if (!finished.has(worker)) end(new Error(`A page pass worker thread stopped (exit code ${code}) before its last page.`));
      });
    }
  });
}
