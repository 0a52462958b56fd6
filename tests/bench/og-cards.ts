/**
 * CPU cost of drawing link-preview cards (not a test: figures for the
 * closing note). Run with Node 24: `node tests/bench/og-cards.ts [N]`.
 *
 * The cards are quotation cards made from the real articles' <Quote>s, with
 * "Dispatch i item j" before the words as the synthetic bench corpus has
 * them, so N cards are N different images. Two figures:
 *   inline: drawOgCard one card after another on this thread; the first
 *           card (fonts loaded, caches empty) apart, then the rest per card.
 *   pool:   drawInPool as the build calls it (worker start-up, fonts loaded
 *           in each worker), the whole process's CPU per card.
 *   resvg:  the same cards drawn whole as SVG by @resvg/resvg-js (the same
 *           layout; tests/bench/og-resvg.ts), inline, first card apart.
 * CPU time comes from process.cpuUsage(), which counts every thread of the
 * process, so the pool's figure includes its workers.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drawOgCard } from '../../src/og/render.ts';
import { drawInPool } from '../../src/og/pool.ts';
import type { OgCard } from '../../src/og/card.ts';
import { createResvgDrawer } from './og-resvg.ts';

const N = Number(process.argv[2] ?? 100);
const articles = join(import.meta.dirname, '..', '..', 'content', 'articles');

function quotationCards(count: number): OgCard[] {
  const quotes: { by: string; kind: string; text: string }[] = [];
  for (const file of readdirSync(articles).filter((name) => name.endsWith('.mdx'))) {
    const mdx = readFileSync(join(articles, file), 'utf8');
    for (const match of mdx.matchAll(/<Quote\b([^>]*)>([\s\S]*?)<\/Quote>/g)) {
      const attributes = match[1]!;
      quotes.push({
        by: /by="([^"]+)"/.exec(attributes)![1]!,
        kind: /kind="([^"]+)"/.exec(attributes)?.[1] ?? 'direct',
        text: match[2]!
          .replace(/<[^>]+>/g, '')
          .replace(/\s+/g, ' ')
          .trim(),
      });
    }
  }
  if (quotes.length === 0) throw new Error(`No <Quote> in ${articles}: nothing to draw.`);
  return Array.from({ length: count }, (_, i) => {
    const quote = quotes[i % quotes.length]!;
    const name = quote.by.replace(/(^|-)(\w)/g, (_m, dash: string, letter: string) => `${dash ? ' ' : ''}${letter.toUpperCase()}`);
    return {
      label: quote.kind === 'paraphrase' ? 'Paraphrase by the article' : quote.kind === 'statement' ? 'Official statement' : 'Direct quote',
      title: `Dispatch ${Math.floor(i / quotes.length) + 1} item ${(i % quotes.length) + 1} ${quote.text}`,
      quote: quote.kind === 'paraphrase' ? 'paraphrase' : 'direct',
      byline: name,
      detail: `Researcher, Institute ${i % 7} for Regional Studies`,
    };
  });
}

const ms = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
const cards = quotationCards(N + 1);

let start = process.cpuUsage();
let bytes = (await drawOgCard(cards[0]!)).length;
const first = ms(process.cpuUsage(start));
start = process.cpuUsage();
for (const card of cards.slice(1)) bytes += (await drawOgCard(card)).length;
const rest = ms(process.cpuUsage(start));
console.log(`inline: first card ${first.toFixed(1)} ms CPU, then ${(rest / N).toFixed(2)} ms CPU per card over ${N}; ${Math.round(bytes / (N + 1))} B per PNG`);

start = process.cpuUsage();
const wall = performance.now();
const poolCache = mkdtempSync(join(tmpdir(), 'og-cards-'));
await drawInPool(
  cards.slice(1).map((card, index) => ({ card, key: `card-${index}`, path: `/og/card-${index}.png` })),
  poolCache,
);
rmSync(poolCache, { recursive: true, force: true });
const pool = ms(process.cpuUsage(start));
console.log(`pool:   ${(pool / N).toFixed(2)} ms CPU per card (${pool.toFixed(0)} ms CPU, ${(performance.now() - wall).toFixed(0)} ms wall for ${N} cards)`);

const resvg = createResvgDrawer();
start = process.cpuUsage();
bytes = resvg(cards[0]!).length;
const resvgFirst = ms(process.cpuUsage(start));
start = process.cpuUsage();
for (const card of cards.slice(1)) bytes += resvg(card).length;
const resvgRest = ms(process.cpuUsage(start));
console.log(
  `resvg:  first card ${resvgFirst.toFixed(1)} ms CPU, then ${(resvgRest / N).toFixed(2)} ms CPU per card over ${N}; ${Math.round(bytes / (N + 1))} B per PNG; ${(resvgRest / rest).toFixed(2)}× the hand-written inline CPU`,
);
