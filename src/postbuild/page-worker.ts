/**
 * A worker thread of the page pass (page-thread.ts): reads its share of the built pages (every `workers`-th,
 * from its own number), in order, runs each one's per-page
 * steps (page-work.ts), writes it back when they changed it, writes what search is given of it into the
 * folder Pagefind reads (src/search/index-text.ts writePrepared) and posts the result. It keeps at most
 * `ahead` pages beyond those the main thread has taken (the count in `done`), so the results waiting
 * in messages stay few. Loaded by Node itself (type stripping), so it uses erasable TypeScript only.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { aliasEditor } from './permalinks.ts';
import { workPage } from './page-work.ts';
import { writePrepared } from '../search/index-text.ts';
import type { PassData, PassReply } from './page-thread.ts';

const { outDir, searchFolder, pages, moves, done, ahead, worker, workers } = workerData as PassData;
const made = new Set<string>();
const post = (reply: PassReply) => parentPort!.postMessage(reply);
const aliasAnchors = aliasEditor(moves);
let page = '(before the first page)';
try {
  for (let index = worker; index < pages.length; index += workers) {
    for (let finished = Atomics.load(done, 0); index - finished >= ahead; finished = Atomics.load(done, 0)) Atomics.wait(done, 0, finished);
    page = pages[index]!;
    const { worked, html, indexable } = workPage(page, readFileSync(join(outDir, page), 'utf8'), aliasAnchors);
    if (html !== undefined) writeFileSync(join(outDir, page), html);
    writePrepared(searchFolder, page, indexable, made);
    post({ worked, index });
  }
  post({ finished: true });
} catch (error) {
  post({ error: error instanceof Error ? error.message : String(error), page });
}
