/**
 * Draws preview cards in a pool of worker threads, one per core
 * (os.availableParallelism()), so a large site's images use every core
 * instead of one. Each worker takes the next card as soon as it has posted
 * the last one; `onPng` receives the PNGs in the order they finish.
 * The first error stops the pool and rejects.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { OgCard } from './og-card.ts';

type Reply = { id: number; png: Uint8Array; error?: undefined } | { id: number; png?: undefined; error: string };

export async function drawInPool(cards: readonly OgCard[], onPng: (index: number, png: Uint8Array) => void, size = availableParallelism()): Promise<void> {
  if (cards.length === 0) return;
  const threads = Math.max(1, Math.min(size, cards.length));
  const workers: Worker[] = [];
  let next = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let done = 0;
      const feed = (worker: Worker) => {
        if (next < cards.length) {
          const id = next++;
          worker.postMessage({ id, card: cards[id] });
        }
      };
      for (let i = 0; i < threads; i += 1) {
        const worker = new Worker(new URL('./og-worker.ts', import.meta.url));
        workers.push(worker);
        worker.on('message', (reply: Reply) => {
          if (reply.error !== undefined) return reject(new Error(`Drawing the preview image of card ${reply.id} failed: ${reply.error}`));
          try {
            onPng(reply.id, reply.png);
          } catch (error) {
            return reject(error);
          }
          if (++done === cards.length) return resolve();
          feed(worker);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (done < cards.length) reject(new Error(`A preview-image worker stopped (exit ${code}) before the images were drawn.`));
        });
        feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
