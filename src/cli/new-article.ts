/**
 * `npm run new-article -- <source.txt> [--slug <slug>]`
 *
 * Starts an article from a source text: copies the source unchanged to
 * content/sources/<slug>.txt and writes content/articles/<slug>.mdx, the text
 * line for line under frontmatter to fill in, with the names the data files
 * know pre-tagged as <Mention>s (src/cli/draft-article.ts). The result builds
 * as it is. Refuses to overwrite an article or a different source, and a
 * source that is not UTF-8 text.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import GithubSlugger from 'github-slugger';
import { loadRegistry } from '../model/registry.ts';
import { checkContentFile, formatContentProblem } from '../model/content-files.ts';
import { recordId } from '../model/schemas/common.ts';
import { draftArticle } from './draft-article.ts';

export interface NewArticleOptions {
  /** The source text to publish. */
  sourcePath: string;
  slug?: string | undefined;
  /** The project's content folder. */
  contentDir: string;
}

export interface NewArticleResult {
  slug: string;
  sourceFile: string;
  articleFile: string;
  /** How many names were pre-tagged. */
  mentions: number;
}

/** A failure the author can fix; the CLI prints its message without a stack. */
export class NewArticleError extends Error {}

export function newArticle({ sourcePath, slug: givenSlug, contentDir }: NewArticleOptions): NewArticleResult {
  if (!existsSync(sourcePath)) throw new NewArticleError(`No file at ${sourcePath}. Give the path of the source text (a .txt file).`);
  const bytes = readFileSync(sourcePath);
  if (bytes.includes(0)) throw new NewArticleError(`${sourcePath} holds NUL bytes: it is not a text file. Give the article's text, saved as UTF-8.`);
  // Not UTF-8, too large, or a control or bidi-override character (named with its line): refused before anything is written.
  const problem = checkContentFile(sourcePath, bytes);
  if (problem) throw new NewArticleError(formatContentProblem(problem));
  const source = bytes.toString('utf8');
  if (source.trim() === '') throw new NewArticleError(`${sourcePath} is empty: there is no text to publish.`);

  const slug = givenSlug ?? new GithubSlugger().slug(basename(sourcePath, extname(sourcePath)));
  const valid = recordId.safeParse(slug);
  if (!valid.success) throw new NewArticleError(`"${slug}" cannot be an article's slug: ${valid.error.issues[0]?.message ?? 'invalid'}. Pass one with --slug.`);

  const sourceFile = join(contentDir, 'sources', `${slug}.txt`);
  const articleFile = join(contentDir, 'articles', `${slug}.mdx`);
  if (existsSync(articleFile))
    throw new NewArticleError(`${articleFile} already exists; new-article never overwrites an article. Choose another slug with --slug, or edit that file.`);
  // The source may already be in place (copied by hand); then it must be this text, byte for byte.
  if (existsSync(sourceFile) && !readFileSync(sourceFile).equals(bytes)) {
    throw new NewArticleError(`${sourceFile} already exists with a different text; sources are never overwritten. Choose another slug with --slug.`);
  }

  // Drafted before anything is written, so a bad data file leaves no half-made article behind.
  const article = draftArticle({ slug, source, registry: loadRegistry(contentDir) });
  mkdirSync(join(contentDir, 'sources'), { recursive: true });
  mkdirSync(join(contentDir, 'articles'), { recursive: true });
  writeFileSync(sourceFile, bytes);
  writeFileSync(articleFile, article, { flag: 'wx' });
  return { slug, sourceFile, articleFile, mentions: article.split('<Mention ').length - 1 };
}

function main(argv: string[]): number {
  const usage = 'Usage: npm run new-article -- <source.txt> [--slug <slug>]';
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { slug: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  const [sourcePath, ...extra] = parsed.positionals;
  if (parsed.values.help) {
    console.log(usage);
    return 0;
  }
  if (!sourcePath || extra.length > 0) {
    console.error(usage);
    return 2;
  }
  const root = process.env['INIT_CWD'] ?? process.cwd();
  const contentDir = resolve(import.meta.dirname, '..', '..', 'content');
  try {
    const result = newArticle({ sourcePath: resolve(root, sourcePath), slug: parsed.values.slug, contentDir });
    const show = (file: string) => relative(process.cwd(), file);
    console.log(`Copied the source to ${show(result.sourceFile)}.`);
    console.log(`Wrote ${show(result.articleFile)} with ${result.mentions} names pre-tagged as <Mention>s.`);
    console.log('Next: fill in its frontmatter, check the tags, add <Quote>s, then `npm run build` (see the README’s authoring guide).');
    return 0;
  } catch (error) {
    if (error instanceof NewArticleError || (error instanceof Error && /\.yaml/.test(error.message))) {
      console.error(`new-article: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

if (import.meta.main) process.exitCode = main(process.argv.slice(2));
