/**
 * The preview-image pool: every card is drawn once, by one of the workers, into
 * the cache folder under its key; a card that cannot be drawn rejects the pool
 * with the worker's message. (The workers share a counter, so neither the main
 * thread nor the order of replies decides who draws what.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drawInPool } from '../../src/og/pool.ts';
import { drawOgCard } from '../../src/og/render.ts';
import type { OgCard } from '../../src/og/card.ts';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));
const folder = () => {
  const made = mkdtempSync(join(tmpdir(), 'og-pool-'));
  folders.push(made);
  return made;
};

const card = (n: number): OgCard => ({ label: 'Direct quote', title: `Words of card number ${n}`, quote: 'direct', byline: 'A speaker' });

describe('drawInPool', () => {
  it('draws each card once into the cache folder, with the bytes drawing it alone gives', async () => {
    const cache = folder();
    const jobs = Array.from({ length: 7 }, (_, n) => ({ card: card(n), key: `key-${n}`, path: `/og/quotes/q-${n}.png` }));
    await drawInPool(jobs, cache, 2);
    expect(readdirSync(cache).sort()).toEqual(jobs.map((job) => `${job.key}.png`).sort());
    for (const job of jobs) expect(readFileSync(join(cache, `${job.key}.png`)).equals(drawOgCard(job.card))).toBe(true);
  }, 60_000);

  it('rejects naming the image and the worker’s message when a card cannot be drawn', async () => {
    const jobs = [
      { card: card(1), key: 'good', path: '/og/quotes/good.png' },
      { card: { ...card(2), title: 'Words with 한 in them' }, key: 'bad', path: '/og/quotes/bad.png' },
    ];
    await expect(drawInPool(jobs, folder(), 2)).rejects.toThrow(/^The preview image \/og\/quotes\/bad\.png could not be drawn: .*U\+D55C/);
  }, 60_000);
});
