/**
 * Draws preview cards in worker threads, beside whatever the main thread is
 * doing (Astro rendering the pages). Each worker is sent the whole list once
 * and takes the next card from a counter the workers share; a card is drawn
 * by whoever claims it first (one Atomics.compareExchange per card), so the
 * main thread, asked for a card no worker has reached yet, claims and draws
 * it itself instead of waiting. A worker writes each PNG into the cache
 * folder under the card's key and posts its index; the first error stops the
 * other workers (the counter is run to the end) and rejects every wait.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { OgCard } from './card.ts';

export interface DrawJob {
  card: OgCard;
  /** The card's cache key (key.ts ogCacheKey): the PNG is written to `<cacheDir>/<key>.png`. */
  key: string;
  /** Where the site serves it ("/og/quotes/<id>.png"), for the message when it cannot be drawn. */
  path: string;
}

export type WorkerReply = { drawn: number } | { finished: true } | { error: string; path: string };

/** The shared state the workers get: the jobs, where to write, the counter, and one claim per job (0 free, 1 taken). */
export interface WorkerData {
  jobs: readonly DrawJob[];
  cacheDir: string;
  next: Int32Array;
  claims: Int32Array;
}

/**
 * The worker's file, loaded by Node itself (type stripping) from the project:
 * in a build this module runs from Astro's bundle, where the file beside it is not.
 */
const WORKER = pathToFileURL(join(process.cwd(), 'src', 'og', 'worker.ts'));

export class DrawingPool {
  /** Resolves when every job is drawn (by a worker or by a caller that claimed it), rejects on the first failure. */
  readonly finished: Promise<void>;
  private readonly claims: Int32Array;
  private readonly done: Uint8Array;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }[]>();
  private failure: Error | undefined;

  constructor(jobs: readonly DrawJob[], cacheDir: string, size = availableParallelism()) {
    const threads = Math.max(0, Math.min(size, jobs.length));
    const next = new Int32Array(new SharedArrayBuffer(4));
    this.claims = new Int32Array(new SharedArrayBuffer(4 * Math.max(1, jobs.length)));
    this.done = new Uint8Array(jobs.length);
    const data: WorkerData = { jobs, cacheDir, next, claims: this.claims };
    const workers: Promise<void>[] = [];
    for (let i = 0; i < threads; i += 1) {
      const worker = new Worker(WORKER, { workerData: data });
      // A build that fails elsewhere must not wait for the drawing to end.
      worker.unref();
      workers.push(
        new Promise<void>((resolve, reject) => {
          let finished = false;
          worker.on('message', (reply: WorkerReply) => {
            if ('drawn' in reply) return this.markDrawn(reply.drawn);
            if ('finished' in reply) {
              finished = true;
              return resolve();
            }
            this.fail(new Error(`The preview image ${reply.path} could not be drawn: ${reply.error}`));
            reject(this.failure);
          });
          worker.on('error', (error) => {
            this.fail(error);
            reject(error);
          });
          // Each worker says it is finished, then ends; one that ends without saying so failed.
          worker.on('exit', (code) => {
            if (finished) return;
            this.fail(new Error(`A preview-image worker stopped (exit ${code}) without drawing its share of the images.`));
            reject(this.failure);
          });
        }),
      );
    }
    this.finished = Promise.all(workers).then(() => {
      const missing = this.done.indexOf(0);
      if (missing >= 0 && Atomics.load(this.claims, missing) === 0) throw new Error(`The preview-image workers left ${jobs[missing]!.path} undrawn.`);
    });
    // Awaited by whoever needs it; a failure is reported there (or by the step that fails first).
    this.finished.catch(() => {});
  }

  /** Claims job `index` for the caller: true when no worker had it, and the caller now draws it. */
  claim(index: number): boolean {
    return Atomics.compareExchange(this.claims, index, 0, 1) === 0;
  }

  /** Resolves once a worker has written job `index` into the cache (call after a claim that returned false). */
  drawn(index: number): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.done[index]) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const list = this.waiting.get(index) ?? [];
      list.push({ resolve, reject });
      this.waiting.set(index, list);
    });
  }

  private markDrawn(index: number): void {
    this.done[index] = 1;
    for (const { resolve } of this.waiting.get(index) ?? []) resolve();
    this.waiting.delete(index);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const list of this.waiting.values()) for (const { reject } of list) reject(this.failure);
    this.waiting.clear();
  }
}

/** Draws every job into `cacheDir` in worker threads; resolves once all are there (the bench and the tests). */
export function drawInPool(jobs: readonly DrawJob[], cacheDir: string, size = availableParallelism()): Promise<void> {
  return new DrawingPool(jobs, cacheDir, Math.max(1, size)).finished;
}
