/**
 * A worker thread of the preview-image pool (src/og/pool.ts): takes the
 * next card from the counter the workers share until none is left, draws
 * each one nobody has claimed and writes the PNG into the cache folder under
 * its key, posting the card's index; then says it is finished. The fonts and
 * the glyphs drawn so far stay in the worker from card to card (render.ts).
 * Loaded by Node itself (type stripping), so it uses erasable TypeScript only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { cachePng, drawOgCard } from './render.ts';
import type { DrawJob, WorkerData, WorkerReply } from './pool.ts';

const { jobs, cacheDir, next, claims } = workerData as WorkerData;
let job: DrawJob | undefined;
const post = (reply: WorkerReply) => parentPort!.postMessage(reply);
try {
  for (let index = Atomics.add(next, 0, 1); index < jobs.length; index = Atomics.add(next, 0, 1)) {
    if (Atomics.compareExchange(claims, index, 0, 1) !== 0) continue;
    job = jobs[index]!;
    cachePng(cacheDir, job.key, drawOgCard(job.card));
    post({ drawn: index });
  }
  post({ finished: true });
} catch (error) {
  // The other workers stop at their next card: the build fails anyway.
  Atomics.store(next, 0, jobs.length);
  post({ error: error instanceof Error ? error.message : String(error), path: job?.path ?? '(unknown)' });
}
