import { describe, expect, it } from 'vitest';
import { forIndex, titleParagraphs } from '../../src/search/index-text.ts';

describe('paragraph titles for search sub-results (added for Pagefind, not in the page)', () => {
  it('titles each paragraph with an id by its first six words, leaving out the ¶ link and markup', () => {
    const html =
      '<p id="p-but-analysts">But analysts say <span data-mention="person:kim-jong-un">Kim</span> is increasingly unwilling to risk.<a class="self-link" href="#p-but-analysts">¶</a></p>';
    expect(titleParagraphs(html)).toBe(
      html.replace('<p id="p-but-analysts">', '<p id="p-but-analysts" data-pagefind-title="¶ But analysts say Kim is increasingly…">'),
    );
  });

  it('escapes quotation marks and ampersands in the title, and leaves a paragraph without an id or with a title alone', () => {
    expect(titleParagraphs('<p id="p-a">He said "yes" & left.</p>')).toBe(
      '<p id="p-a" data-pagefind-title="¶ He said &quot;yes&quot; &amp; left.…">He said "yes" & left.</p>',
    );
    expect(titleParagraphs('<p>No id here.</p>')).toBe('<p>No id here.</p>');
    expect(titleParagraphs('<p id="p-b" data-pagefind-title="Kept">Words</p>')).toBe('<p id="p-b" data-pagefind-title="Kept">Words</p>');
  });

  it('titles paragraphs on article pages only', () => {
    const html = '<p id="p-a">One two</p>';
    expect(forIndex(html, true)).toContain('data-pagefind-title="¶ One two…"');
    expect(forIndex(html, false)).not.toContain('data-pagefind-title');
  });

  it('hands Pagefind no style sheet or script, and keeps the metadata and filters around them', () => {
    const head =
      '<head><style>p{color:red}</style><script type="application/ld+json">{"@type":"Quotation"}</script>' +
      '<meta data-pagefind-filter="speaker[content]" content="Hong Min"><script>boot()</script></head>';
    const page = `<html lang="en">${head}<body><noscript><p>No script</p></noscript><main data-pagefind-body><p>Words</p></main></body></html>`;
    const given = forIndex(page, false);
    expect(given).not.toMatch(/<style|<script|color:red|Quotation|boot\(\)/);
    expect(given).toContain('<meta data-pagefind-filter="speaker[content]" content="Hong Min">');
    expect(given).toContain('<main data-pagefind-body><p>Words</p> </main>');
  });

  it("hands Pagefind only the language, the head's Pagefind tags and the indexed <main>, unless Pagefind reads something else", () => {
    const head = '<head><title>T</title><meta name="description" content="D"><meta data-pagefind-meta="kind[content]" content="Paraphrase"></head>';
    const main = '<main id="main" data-pagefind-body><h1>Words</h1><p data-pagefind-ignore>Share</p></main>';
    const page = `<!DOCTYPE html><html lang="en">${head}<body><header data-pagefind-ignore="all"><a href="/">Home</a></header>${main}<footer>F</footer></body></html>`;
    expect(forIndex(page, false)).toBe(
      '<!DOCTYPE html><html lang="en"><head><meta data-pagefind-meta="kind[content]" content="Paraphrase"></head><body>' +
        '<main id="main" data-pagefind-body><h1>Words</h1> <p data-pagefind-ignore>Share</p> </main></body></html>',
    );
    // A filter outside <main>, in the body or among the head's other tags: the page goes whole.
    const filtered = page.replace('<footer>', '<footer><span data-pagefind-filter="topic">Sanctions</span>');
    expect(forIndex(filtered, false)).toContain('<footer><span data-pagefind-filter="topic">Sanctions</span>F</footer>');
    const titled = page.replace('<title>T</title>', '<title data-pagefind-meta="title">T</title>');
    expect(forIndex(titled, false)).toContain('<title data-pagefind-meta="title">T</title>');
    // No indexed <main>: whole.
    expect(forIndex(page.replace(' data-pagefind-body', ''), false)).toContain('<header data-pagefind-ignore="all">');
  });
});
