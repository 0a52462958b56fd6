/**
 * A worker thread of the preview-image pool (src/og/pool.ts): takes the
 * next card from the counter the workers share until none is left, draws it and
 * writes the PNG into the cache folder under its key, then reports how many it
 * drew. The fonts and the glyphs drawn so far stay in the worker from card to
 * card (og-render.ts). Loaded by Node itself (type stripping), so it uses
 * erasable TypeScript only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { cachePng, drawOgCard } from './render.ts';
import type { DrawJob, WorkerReply } from './pool.ts';

const { jobs, cacheDir, next } = workerData as { jobs: DrawJob[]; cacheDir: string; next: Int32Array };
let drawn = 0;
let reply: WorkerReply;
let job: DrawJob | undefined;
try {
  for (let index = Atomics.add(next, 0, 1); index < jobs.length; index = Atomics.add(next, 0, 1)) {
    job = jobs[index]!;
    cachePng(cacheDir, job.key, drawOgCard(job.card));
    drawn += 1;
  }
  reply = { done: drawn };
} catch (error) {
  // The other workers stop at their next card: the build fails anyway.
  Atomics.store(next, 0, jobs.length);
  reply = { error: error instanceof Error ? error.message : String(error), path: job?.path ?? '(unknown)' };
}
parentPort!.postMessage(reply);
