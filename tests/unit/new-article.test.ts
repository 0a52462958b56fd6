/**
 * `npm run new-article`: the draft it writes (src/cli/draft-article.ts) and the
 * file work around it (src/cli/new-article.ts). A draft is checked by running
 * it through the real Markdown pipeline, so "the result builds" is tested,
 * not assumed.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { draftArticle, escapeMdx, knownNames, tagLines } from '../../src/cli/draft-article.ts';
import { newArticle, NewArticleError } from '../../src/cli/new-article.ts';
import { remarkPlugins } from '../../src/markdown/index.ts';
import type { Registry } from '../../src/model/registry.ts';
import { asPluggable, run, testRegistry } from '../support/markdown.ts';
import { contentDir, projectRoot } from '../support/paths.ts';

const names = knownNames(testRegistry());

/** Runs a drafted article through the plugins of src/markdown/index.ts, as the build does. */
function compile(article: string, registry: Registry) {
  const [, yaml, ...body] = article.split('---\n');
  return run(body.join('---\n'), { plugins: asPluggable(remarkPlugins(registry)), frontmatter: parse(yaml!) as Record<string, unknown> });
}

describe('tagLines', () => {
  it('tags people by full name, and by surname only after their full name', () => {
    const [first, second] = tagLines(['Trump met Donald Trump.', 'Trump and Hong spoke; Hong Min agreed with Hong.'], names);
    expect(first).toBe('Trump met <Mention person="donald-trump">Donald Trump</Mention>.');
    expect(second).toBe(
      '<Mention person="donald-trump">Trump</Mention> and Hong spoke; <Mention person="hong-min">Hong Min</Mention> agreed with <Mention person="hong-min">Hong</Mention>.',
    );
  });

  it('tags organisations, places and events by their names, the longest name winning', () => {
    const [line] = tagLines(['At the Hanoi summit in Hanoi, the Korea Institute for National Unification and the White House spoke.'], names);
    expect(line).toBe(
      'At the <Mention event="hanoi-summit-2019">Hanoi summit</Mention> in <Mention place="hanoi">Hanoi</Mention>, the ' +
        '<Mention org="kinu">Korea Institute for National Unification</Mention> and <Mention person="white-house">the White House</Mention> spoke.',
    );
  });

  it('tags whole words only', () => {
    expect(tagLines(['Hanoian food, Trumpet and Hanoi’s streets.'], names)).toEqual([
      'Hanoian food, Trumpet and <Mention place="hanoi">Hanoi</Mention>’s streets.',
    ]);
  });

  it('leaves a surname two named people share for the editor', () => {
    const registry = testRegistry();
    const both = knownNames(registry).concat([
      { text: 'Park Jie-won', kind: 'person', id: 'park-jie-won' },
      { text: 'Park', kind: 'person', id: 'park-jie-won', short: true },
      { text: 'Park Won-gon', kind: 'person', id: 'park-won-gon' },
      { text: 'Park', kind: 'person', id: 'park-won-gon', short: true },
    ]);
    const lines = tagLines(['Park Jie-won spoke.', 'Park agreed.', 'Park Won-gon spoke.', 'Park disagreed.'], both);
    expect(lines[1]).toBe('<Mention person="park-jie-won">Park</Mention> agreed.');
    expect(lines[3]).toBe('Park disagreed.');
  });
});

describe('escapeMdx', () => {
  it('escapes what MDX would read as tags, expressions or block syntax', () => {
    expect(escapeMdx('a {b} <c> & *d*')).toBe('a \\{b\\} \\<c\\> \\& \\*d\\*');
    expect(escapeMdx('# Not a heading')).toBe('\\# Not a heading');
    expect(escapeMdx('- not a list')).toBe('\\- not a list');
    expect(escapeMdx('1. not a list')).toBe('1\\. not a list');
    expect(escapeMdx('It rose 2.5 per cent.')).toBe('It rose 2.5 per cent.');
  });
});

describe('draftArticle', () => {
  const source = [
    'Hanoi talks resume',
    'Officials meet again in the Vietnamese capital',
    '',
    'Donald Trump said the Hanoi summit {was} <not> over & done.',
    '',
    '1. Trump added: “We will see.”',
    '# Hong Min, of the Korea Institute for National Unification, doubted it.',
  ].join('\n');
  const registry = testRegistry({ 'hanoi-talks': source });
  const article = draftArticle({ slug: 'hanoi-talks', source, registry });

  it('writes frontmatter to fill in, taking a headline and dek the source opens with', () => {
    const frontmatter = parse(article.split('---\n')[1]!) as Record<string, unknown>;
    expect(frontmatter).toEqual({
      headline: 'Hanoi talks resume',
      headlineBy: 'source',
      dek: 'Officials meet again in the Vietnamese capital',
      dekBy: 'source',
      publication: null,
      sourceText: 'hanoi-talks',
      topics: [[...registry.topics.keys()][0]],
    });
  });

  it('lets the site write headline and dek when the source starts with its text', () => {
    const plain = 'Donald Trump spoke.\n\nHe left.\n';
    const frontmatter = parse(draftArticle({ slug: 'x', source: plain, registry }).split('---\n')[1]!) as Record<string, unknown>;
    expect(frontmatter['headlineBy']).toBe('site');
    expect(frontmatter['dekBy']).toBe('site');
  });

  it('puts each line of the text in its own paragraph, with the names tagged', () => {
    const body = article.split('*/}\n\n')[1]!;
    expect(body.split('\n\n')).toHaveLength(3);
    expect(body).toContain('<Mention person="donald-trump">Donald Trump</Mention> said the <Mention event="hanoi-summit-2019">Hanoi summit</Mention>');
    expect(body).toContain('<Mention person="donald-trump">Trump</Mention> added');
  });

  it('passes the whole Markdown pipeline as it is: the text is the source, line for line', () => {
    const { file } = compile(article, registry);
    const annotations = file.data.summit!;
    expect(annotations.paragraphs.map((paragraph) => paragraph.text)).toEqual([
      'Donald Trump said the Hanoi summit {was} <not> over & done.',
      '1. Trump added: “We will see.”',
      '# Hong Min, of the Korea Institute for National Unification, doubted it.',
    ]);
    expect(annotations.mentions.map((mention) => `${mention.kind}:${mention.ids.join(' ')}`)).toEqual([
      'person:donald-trump',
      'event:hanoi-summit-2019',
      'person:donald-trump',
      'person:hong-min',
      'org:kinu',
    ]);
  });
});

describe('draftArticle: drafts that build whatever the source holds', () => {
  const long = `A first line of ${'many words '.repeat(14)}with no full stop`;
  const source = [
    long,
    '',
    'import Card from "./card.astro" is how a developer would start a line.',
    'export default is what the next line says.',
    '   Indented words, and two trailing spaces.  ',
    'The same paragraph twice.',
    'The same paragraph twice.',
  ].join('\n');
  const registry = testRegistry({ odd: source });
  const article = draftArticle({ slug: 'odd', source, registry });

  it('takes a first line longer than a headline may be as text, not as the headline', () => {
    expect(long.length).toBeGreaterThan(140);
    expect(long.length).toBeLessThanOrEqual(200);
    expect((parse(article.split('---\n')[1]!) as Record<string, unknown>)['headlineBy']).toBe('site');
  });

  it('passes the whole pipeline: lines starting import or export, spaces at the edges, a repeated paragraph', () => {
    const { file } = compile(article, registry);
    const paragraphs = file.data.summit!.paragraphs;
    expect(paragraphs.map((paragraph) => paragraph.text)).toEqual(source.split('\n').filter((line) => line.trim() !== ''));
    expect(new Set(paragraphs.map((paragraph) => paragraph.id)).size).toBe(paragraphs.length);
  });

  it('escapes only the edges it must: a line is otherwise as escapeMdx leaves it', () => {
    expect(tagLines(['import x', 'imports rose', ' a '], [])).toEqual(['&#x69;mport x', 'imports rose', '&#x20;a&#x20;']);
  });
});

describe('newArticle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'summit-new-article-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const content = join(dir, 'content');
  cpSync(contentDir, content, { recursive: true });
  const sourcePath = join(dir, 'Trump Kim Letter.txt');
  writeFileSync(sourcePath, 'Donald Trump wrote to Kim Jong-un again.\n\nTrump said he would wait.\n');

  it('copies the source and writes the article under a slug made from the file name', () => {
    const result = newArticle({ sourcePath, contentDir: content });
    expect(result.slug).toBe('trump-kim-letter');
    expect(readFileSync(join(content, 'sources', 'trump-kim-letter.txt'))).toEqual(readFileSync(sourcePath));
    const article = readFileSync(join(content, 'articles', 'trump-kim-letter.mdx'), 'utf8');
    expect(article).toContain('sourceText: trump-kim-letter');
    expect(result.mentions).toBe(3);
  });

  it('refuses to overwrite an article, or a different source under the same slug', () => {
    const before = readFileSync(join(content, 'articles', 'trump-kim-letter.mdx'), 'utf8');
    expect(() => newArticle({ sourcePath, contentDir: content })).toThrow(/trump-kim-letter\.mdx already exists; new-article never overwrites an article/);
    expect(readFileSync(join(content, 'articles', 'trump-kim-letter.mdx'), 'utf8')).toBe(before);
    const other = join(dir, 'other.txt');
    writeFileSync(other, 'Different words.\n');
    expect(() => newArticle({ sourcePath: other, slug: 'hanoi-hangover', contentDir: content })).toThrow(/already exists/);
  });

  it('takes a slug from --slug, and refuses one that is not an id', () => {
    expect(newArticle({ sourcePath, slug: 'letter-two', contentDir: content }).slug).toBe('letter-two');
    expect(() => newArticle({ sourcePath, slug: 'Letter Two', contentDir: content })).toThrow(/cannot be an article's slug: ids are lower-case words/);
  });

  it('fails clearly on a source that is not UTF-8 text, writing nothing', () => {
    const latin1 = join(dir, 'latin1.txt');
    writeFileSync(latin1, Buffer.from('Caf\xe9 society\n', 'latin1'));
    const error = (() => {
      try {
        newArticle({ sourcePath: latin1, contentDir: content });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(NewArticleError);
    expect((error as Error).message).toMatch(/latin1\.txt:1 is not valid UTF-8 text\. Re-save it as UTF-8/);
    expect(existsSync(join(content, 'articles', 'latin1.mdx'))).toBe(false);
    expect(existsSync(join(content, 'sources', 'latin1.txt'))).toBe(false);
    const binary = join(dir, 'binary.txt');
    writeFileSync(binary, Buffer.from([0x41, 0x00, 0x42]));
    expect(() => newArticle({ sourcePath: binary, contentDir: content })).toThrow(/NUL bytes: it is not a text file/);
  });

  it.each([
    ['ESC', '\u001b[31m', 'a control character (U+001B)'],
    ['U+202E', '\u202e', 'a bidirectional override (U+202E)'],
  ])('refuses a source holding %s, naming its line, and writes nothing', (_name, character, what) => {
    const bad = join(dir, 'bidi.txt');
    writeFileSync(bad, `A clean first line.\n\nSaid “${character}words turned round”.\n`);
    expect(() => newArticle({ sourcePath: bad, contentDir: content })).toThrow(new RegExp(`bidi\\.txt:3 holds ${RegExp.escape(what)} at column 7`));
    expect(existsSync(join(content, 'articles', 'bidi.mdx'))).toBe(false);
    expect(existsSync(join(content, 'sources', 'bidi.txt'))).toBe(false);
  });

  it('runs from npm, exiting non-zero with the message and no stack on bad input', () => {
    const cli = spawnSync(process.execPath, [join(projectRoot, 'src/cli/new-article.ts')], { encoding: 'utf8' });
    expect(cli.status).toBe(2);
    expect(cli.stderr).toContain('Usage: npm run new-article -- <source.txt> [--slug <slug>]');
    const missing = spawnSync(process.execPath, [join(projectRoot, 'src/cli/new-article.ts'), join(dir, 'nothing.txt')], { encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^new-article: No file at .*nothing\.txt\./);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});
