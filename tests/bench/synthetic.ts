/**
 * Synthetic corpora for the build benchmark: a temporary copy of the project
 * whose content/ holds the two real articles plus enough synthetic ones to
 * reach N. Each synthetic article recombines the real articles' paragraphs
 * (with their mentions, quotations and context notes) in a new order, and
 * gets its own source text in content/sources/, so it passes the whole
 * pipeline (vocabulary, fidelity, quotations, anchors) like a real article.
 *
 *   real:      “<Quote by="hong-min" …>There is little possibility …</Quote>,” Hong told …
 *   synthetic: “<Quote by="hong-min" …>Dispatch 17 item 3 There is little possibility …</Quote>,” Hong told …
 *
 * The "Dispatch N item M" words, written into both the MDX and its source
 * text, keep quotation ids unique across the corpus (an id is the speaker
 * and the first words).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { linkNodeModules } from '../support/project-copy.ts';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { random } from '../support/random.ts';

interface Block {
  /** The block's MDX line (a paragraph or a `##` heading). */
  mdx: string;
  /** `<Note … />` lines that follow it in the real article. */
  notes: string[];
  topics: string[];
}

const QUOTE_OPEN = /<Quote\b[^>]*>/g;
const ANNOTATION_TAG = /<\/?(?:Mention|Quote)\b[^>]*>/g;

/** The article's blocks, in order: comments and the pull quote (a layout artefact of one source) left out. */
export function articleBlocks(mdx: string): Block[] {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(mdx);
  if (!match) throw new Error('An article without frontmatter: cannot recombine it.');
  const frontmatter = parseYaml(match[1]!) as { topics?: string[] };
  const topics = frontmatter.topics ?? [];
  const blocks: Block[] = [];
  // Editors' comments ({/* … */}) may span lines and blank lines; they are not article text.
  const body = match[2]!.replace(/\{\/\*[\s\S]*?\*\/\}/g, '');
  for (const chunk of body.split(/\n\s*\n/)) {
    const text = chunk.trim();
    if (!text || text.startsWith('<PullQuote')) continue;
    if (text.startsWith('<Note ')) {
      blocks.at(-1)?.notes.push(text);
      continue;
    }
    if (text.includes('\n')) throw new Error(`A block spanning several lines cannot be recombined safely: "${text.slice(0, 60)}…"`);
    blocks.push({ mdx: text, notes: [], topics });
  }
  return blocks;
}

/** The plain text of an MDX block as its source line reads: annotation tags removed, `## ` dropped. */
export function plainText(mdx: string): string {
  return mdx.replace(ANNOTATION_TAG, '').replace(/^#{1,6} /, '');
}

export interface SyntheticArticle {
  slug: string;
  mdx: string;
  source: string;
}

/** The n-th synthetic article (n ≥ 1), built from `pool`. */
export function syntheticArticle(pool: readonly Block[], n: number): SyntheticArticle {
  const next = random(n * 7919);
  const count = Math.min(pool.length, 8 + Math.floor(next() * 17)); // 8–24 blocks, the real articles have 9 and 30
  const order = pool
    .map((block, index) => ({ block, key: next(), index }))
    .sort((a, b) => a.key - b.key)
    .slice(0, count);
  const slug = `synthetic-${String(n).padStart(4, '0')}`;
  let quote = 0;
  const lines: string[] = [];
  const notesPlaced = new Set<string>();
  const topics = new Set<string>();
  const body: string[] = [];
  for (const { block } of order) {
    // Each quotation gets words (and so an id) of its own; a part that continues another would name the real
    // article's id, so it stands as a quotation by itself here.
    const mdx = block.mdx.replace(QUOTE_OPEN, (open) => `${open.replace(/\s+continues="[^"]*"/, '')}Dispatch ${n} item ${++quote} `);
    body.push(mdx);
    lines.push(plainText(mdx));
    for (const note of block.notes) {
      if (notesPlaced.has(note)) continue;
      notesPlaced.add(note);
      body.push(note);
    }
    for (const topic of block.topics) topics.add(topic);
  }
  const headline = `Synthetic dispatch ${n}: recombined analysis of summit diplomacy`;
  const dek = `Benchmark article ${n}, made of ${count} passages of the real articles in a new order.`;
  const mdx = [
    '---',
    `headline: '${headline}'`,
    'headlineBy: site',
    `dek: '${dek}'`,
    'dekBy: site',
    'publication: null',
    `sourceText: ${slug}`,
    `topics: [${[...topics].join(', ')}]`,
    '---',
    '',
    body.join('\n\n'),
    '',
  ].join('\n');
  return { slug, mdx, source: `${lines.join('\n')}\n` };
}

/** What a synthetic project copy needs from the real one; node_modules is linked, not copied. */
const COPIED = ['src', 'content', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/**
 * Writes a copy of the project at `target` whose corpus has `total` articles
 * (the real ones plus synthetic ones). Returns the number of synthetic articles.
 */
export function writeSyntheticProject(projectRoot: string, target: string, total: number): number {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const name of COPIED) {
    if (existsSync(join(projectRoot, name))) cpSync(join(projectRoot, name), join(target, name), { recursive: true });
  }
  // node_modules: each package linked, with private build caches, so the preview images
  // start cold and the real project's caches are neither read nor filled.
  linkNodeModules(projectRoot, target);
  const articlesDir = join(target, 'content/articles');
  const sourcesDir = join(target, 'content/sources');
  const real = readdirSync(articlesDir)
    .filter((name) => name.endsWith('.mdx'))
    .sort();
  const pool = real.flatMap((name) => articleBlocks(readFileSync(join(articlesDir, name), 'utf8')));
  const synthetic = Math.max(0, total - real.length);
  for (let n = 1; n <= synthetic; n += 1) {
    const article = syntheticArticle(pool, n);
    writeFileSync(join(articlesDir, `${article.slug}.mdx`), article.mdx);
    writeFileSync(join(sourcesDir, `${article.slug}.txt`), article.source);
  }
  return synthetic;
}

/**
 * Edits one synthetic article the way a desk would between two builds: its
 * standfirst (written by the site, so no source text changes with it).
 */
export function editOneArticle(target: string): string {
  const file = join(target, 'content/articles/synthetic-0001.mdx');
  const mdx = readFileSync(file, 'utf8');
  const edited = mdx.replace(/^dek: '([^']*)'$/m, (_line, dek: string) => `dek: '${dek} Updated.'`);
  if (edited === mdx) throw new Error(`${file} has no dek line to edit for the warm rebuild.`);
  writeFileSync(file, edited);
  return file;
}
