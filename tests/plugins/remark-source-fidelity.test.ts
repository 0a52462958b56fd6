import { describe, it, expect } from 'vitest';
import remarkSourceFidelity from '../../src/markdown/remark-source-fidelity.ts';
import { run, failure, testRegistry, ARTICLE_PATH } from '../support/markdown.ts';

const SOURCE = 'The headline\nThe dek, as the source gives it\n\nFirst paragraph of the source.\n\nPossible pathways\n\nSecond paragraph, with “a quote”.\n';
const registry = testRegistry({ src: SOURCE, crlf: SOURCE.replace(/\n/g, '\r\n') });
const fromSource = { sourceText: 'src', headline: 'The headline', headlineBy: 'source', dek: 'The dek, as the source gives it', dekBy: 'source' };
const BODY = 'First paragraph of the source.\n\n## Possible pathways\n\nSecond paragraph, with “a quote”.';

const check = (mdx: string, frontmatter: Record<string, unknown> = fromSource) => run(mdx, { plugins: [[remarkSourceFidelity, { registry }]], frontmatter });
const reject = (mdx: string, frontmatter: Record<string, unknown> = fromSource) => failure(() => check(mdx, frontmatter));

describe('remark-source-fidelity', () => {
  it('accepts the source text, line for line, with annotations wrapping its words', () => {
    const mdx =
      'First <Mention person="hong-min">paragraph</Mention> of the source.\n\n{/* a comment is not a line */}\n\n## Possible pathways\n\n<Note id="yongbyon" />\n\nSecond paragraph, with “<Quote by="hong-min">a quote</Quote>”.';
    const { tree, file } = check(mdx);
    expect(file.messages).toEqual([]);
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph', 'mdxFlowExpression', 'heading', 'mdxJsxFlowElement', 'paragraph']);
  });

  it('reads a source with Windows line endings the same way', () => {
    expect(() => check(BODY, { ...fromSource, sourceText: 'crlf' })).not.toThrow();
  });

  it('counts a pull quote standing on its own lines as a source line', () => {
    const source = 'Words of the quoteHong Min\n\nNext line.\n';
    const withPullQuote = testRegistry({ pq: source });
    const mdx = '<PullQuote by="hong-min" attribution="Hong Min">\nWords of the quoteHong Min\n</PullQuote>\n\nNext line.';
    expect(() => run(mdx, { plugins: [[remarkSourceFidelity, { registry: withPullQuote }]], frontmatter: { sourceText: 'pq' } })).not.toThrow();
  });

  it('skips the first lines only for the headline and dek that come from the source', () => {
    const siteWords = { sourceText: 'src', headline: 'Our own headline', headlineBy: 'site', dek: 'Our own dek', dekBy: 'site' };
    const message = reject(BODY, siteWords);
    expect(message.reason).toBe(
      'This paragraph differs from content/sources/src.txt line 1.\n  expected: The headline\n  found:    First paragraph of the source.\nAnnotations may wrap the words but never change them.',
    );
    expect(message.line).toBe(1);
    expect(() => check(`The headline\n\nThe dek, as the source gives it\n\n${BODY}`, siteWords)).not.toThrow();
  });

  it('fails on a paragraph whose words differ from the source, quoting both, at its line', () => {
    const message = reject('First paragraph of the source.\n\n## Possible pathways\n\nSecond paragraph, with “a quotation”.');
    expect(message.reason).toBe(
      'This paragraph differs from content/sources/src.txt line 8.\n  expected: Second paragraph, with “a quote”.\n  found:    Second paragraph, with “a quotation”.\nAnnotations may wrap the words but never change them.',
    );
    expect(message.line).toBe(5);
    expect(message.file).toBe(ARTICLE_PATH);
  });

  it('shows spaces at the edges of a line, and says how to keep them, when they are all that differs', () => {
    const edges = testRegistry({ src: '  Indented words. \n' });
    const message = failure(() =>
      run('Indented words.', { plugins: [[remarkSourceFidelity, { registry: edges }]], frontmatter: { sourceText: 'src', headlineBy: 'site', dekBy: 'site' } }),
    );
    expect(message.reason).toContain('expected: ␠␠Indented words.␠\n  found:    Indented words.\n');
    expect(message.reason).toContain('write each as &#x20;');
  });

  it('fails on a heading that differs from the source', () => {
    const message = reject('First paragraph of the source.\n\n## Possible pathway\n\nSecond paragraph, with “a quote”.');
    expect(message.reason).toMatch(/^This heading differs from content\/sources\/src.txt line 6\.\n/);
    expect(message.line).toBe(3);
  });

  it('fails on a line the source does not have', () => {
    const message = reject(`${BODY}\n\nA sentence of our own.`);
    expect(message.reason).toBe(
      "This paragraph is not in the source: content/sources/src.txt has no more lines. Articles publish the source text only; put the site's own words in a <Note>.",
    );
    expect(message.line).toBe(7);
  });

  it('fails when a source line is missing, naming it', () => {
    const message = reject('First paragraph of the source.\n\n## Possible pathways');
    expect(message.reason).toBe(
      'The article stops before the end of content/sources/src.txt: line 8 ("Second paragraph, with “a quote”.…") is missing. Every line of the source must be published.',
    );
    expect(message.line).toBe(1);
  });

  it('fails when a headline said to come from the source differs from it', () => {
    const message = reject(BODY, { ...fromSource, headline: 'The Headline' });
    expect(message.reason).toBe(
      'Frontmatter `headline` says it comes from the source (headlineBy: source), but it differs from content/sources/src.txt line 1: expected "The headline", found "The Headline". Copy it exactly, or set headlineBy: site.',
    );
    expect(message.line).toBe(1);
  });

  it('fails when a dek said to come from the source differs from it', () => {
    const message = reject(BODY, { ...fromSource, dek: 'The dek as the source gives it' });
    expect(message.reason).toBe(
      'Frontmatter `dek` says it comes from the source (dekBy: source), but it differs from content/sources/src.txt line 2: expected "The dek, as the source gives it", found "The dek as the source gives it". Copy it exactly, or set dekBy: site.',
    );
  });

  it('fails without a sourceText, or with one that names no source', () => {
    expect(reject(BODY, {}).reason).toBe("Frontmatter needs `sourceText`: the id of the article's source in content/sources/ (the file name without .txt).");
    expect(reject(BODY, { sourceText: 'nowhere' }).reason).toBe(
      'No source text content/sources/nowhere.txt for `sourceText: nowhere` (a link to a file outside content/sources/ does not count). Copy the seed there unchanged, or fix the id.',
    );
  });

  it('shows invisible characters, so lines that differ only by one do not look identical', () => {
    const message = reject(BODY.replace('First paragraph', 'First\u00a0paragraph').replace('source.', 'source.\u200b'));
    expect(message.reason).toContain('  expected: First paragraph of the source.\n  found:    First⟨U+00A0⟩paragraph of the source.⟨U+200B⟩\n');
  });

  it('reads sources only inside content/sources/, by a plain id', () => {
    for (const id of ['../../outside', '../sources/src', '/etc/passwd', 'Src', 'src.txt']) {
      expect(reject(BODY, { ...fromSource, sourceText: id }).reason).toBe(
        `\`sourceText: ${id}\` must name a file in content/sources/ by its name without .txt (lower-case words joined by hyphens, e.g. sourceText: hanoi-hangover); paths are not allowed.`,
      );
    }
  });
});
