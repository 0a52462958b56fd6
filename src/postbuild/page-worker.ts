/**
 * The worker thread of the page pass (page-thread.ts): reads each built page in order, runs its per-page
 * steps (page-work.ts), writes it back when they changed it and posts the result. It keeps at most
 * `ahead` pages beyond those the main thread has finished with (the count in `done`), so the pages
 * waiting in messages stay few. Loaded by Node itself (type stripping), so it uses erasable TypeScript only.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { aliasEditor } from './permalinks.ts';
import { workPage } from './page-work.ts';
import type { PassData, PassReply } from './page-thread.ts';

const { outDir, pages, moves, done, ahead } = workerData as PassData;
const post = (reply: PassReply) => parentPort!.postMessage(reply);
const aliasAnchors = aliasEditor(moves);
let page = '(before the first page)';
try {
  for (let index = 0; index < pages.length; index += 1) {
    for (let finished = Atomics.load(done, 0); index - finished >= ahead; finished = Atomics.load(done, 0)) Atomics.wait(done, 0, finished);
    page = pages[index]!;
    const { worked, html } = workPage(page, readFileSync(join(outDir, page), 'utf8'), aliasAnchors);
    if (html !== undefined) writeFileSync(join(outDir, page), html);
    post({ worked });
  }
  post({ finished: true });
} catch (error) {
  post({ error: error instanceof Error ? error.message : String(error), page });
}
