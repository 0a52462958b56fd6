/**
 * A worker thread of the preview-image pool (src/lib/og-pool.ts): draws the
 * cards it is sent and posts each PNG back (its buffer transferred, not copied).
 * The fonts and the glyphs drawn so far stay in the worker from card to card
 * (og-render.ts). Loaded by Node itself (type stripping), so it uses erasable
 * TypeScript only.
 */
import { parentPort } from 'node:worker_threads';
import { drawOgCard } from './og-render.ts';
import type { OgCard } from './og-card.ts';

parentPort!.on('message', (job: { id: number; card: OgCard }) => {
  try {
    const png = drawOgCard(job.card);
    const bytes = new Uint8Array(png.buffer, png.byteOffset, png.byteLength).slice();
    parentPort!.postMessage({ id: job.id, png: bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
