/**
 * How fast the machine's file system makes new files, measured just before a synthetic build (not a test:
 * a figure for the bench's table). A 1,000-article build creates about 100,000 files and folders, one
 * folder per page, so their cost is part of every build figure, and on the shared machines this project is
 * benched on it is far from constant: on one afternoon (3 December 2026, ext4 without a journal) this probe
 * gave 116–430 µs per folder and file, nearly all of it kernel CPU, and a loop like it 830–1,300 µs just
 * after a build or a large deletion. A build row with its probe says what the disk was like for it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DiskProbe {
  /** Wall time per new folder with one 30 KB file in it, in µs. */
  wallUs: number;
  /** CPU time (user + system) per folder and file, in µs: nearly all of it the kernel's. */
  cpuUs: number;
}

/** Makes `count` folders with a 30 KB file each under `dir` (left for the caller to remove later: a deletion now would slow what follows). */
export function probeDisk(dir: string, count = 1000): DiskProbe {
  mkdirSync(dir, { recursive: true });
  const page = Buffer.alloc(30_000, 'x');
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let n = 0; n < count; n += 1) {
    mkdirSync(join(dir, `page-${n}`));
    writeFileSync(join(dir, `page-${n}`, 'index.html'), page);
  }
  const used = process.cpuUsage(cpu);
  return { wallUs: Math.round(((performance.now() - started) * 1000) / count), cpuUs: Math.round((used.user + used.system) / count) };
}
