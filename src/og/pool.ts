/**
 * Draws preview cards in a pool of worker threads, one per core
 * (os.availableParallelism()), so a large site's images use every core
 * instead of one. Each worker is sent the whole list once and takes the next
 * card from a counter the workers share (Atomics on a SharedArrayBuffer), so
 * the pool keeps drawing while the main thread is busy with other work (the
 * build's pass over the pages runs meanwhile). A worker writes each PNG into
 * the cache folder itself, under the card's key; nothing is posted back but
 * "done" or the first error, which stops the other workers (the counter is
 * run to the end) and rejects.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { OgCard } from './card.ts';

export interface DrawJob {
  card: OgCard;
  /** The card's cache key (og-render.ts ogCacheKey): the PNG is written to `<cacheDir>/<key>.png`. */
  key: string;
  /** Where the site serves it ("/og/quotes/<id>.png"), for the message when it cannot be drawn. */
  path: string;
}

export type WorkerReply = { done: number; error?: undefined } | { done?: undefined; error: string; path: string };

/** Draws every job into `cacheDir`; resolves once all are there. */
export async function drawInPool(jobs: readonly DrawJob[], cacheDir: string, size = availableParallelism()): Promise<void> {
  if (jobs.length === 0) return;
  const threads = Math.max(1, Math.min(size, jobs.length));
  const next = new Int32Array(new SharedArrayBuffer(4));
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let finished = 0;
      let drawn = 0;
      for (let i = 0; i < threads; i += 1) {
        const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: { jobs, cacheDir, next } });
        workers.push(worker);
        let reported = false;
        worker.on('message', (reply: WorkerReply) => {
          reported = true;
          if (reply.error !== undefined) return reject(new Error(`The preview image ${reply.path} could not be drawn: ${reply.error}`));
          drawn += reply.done;
          if (++finished < threads) return;
          if (drawn === jobs.length) resolve();
          else reject(new Error(`The preview-image workers drew ${drawn} of ${jobs.length} cards.`));
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          // Each worker reports once, then ends; one that ends without reporting failed.
          if (!reported) reject(new Error(`A preview-image worker stopped (exit ${code}) without drawing its share of the images.`));
        });
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
