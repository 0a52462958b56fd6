/**
 * For each quotation, the link to its words in the article: the paragraph
 * anchor plus a text fragment that matches only those words on the page.
 */
import { AstroError } from 'astro/errors';
import { formatTextDirective, textDirectiveFor } from '../lib/text-fragment.ts';
import { normalizeWhitespace } from '../lib/text.ts';
import { urls } from '../lib/urls.ts';
import type { ArticleAnnotations } from './annotations.ts';

/** What the links need of an article (corpus.ts Article has it). */
export interface ArticleWords {
  slug: string;
  entry: { data: { headline: string; dek: string } };
  annotations: ArticleAnnotations;
}

/** Quotation id → the URL of its words; fails naming the line when the words are not in their paragraph or name no single place. */
export function wordsUrls(articles: readonly ArticleWords[]): Map<string, string> {
  const wordsUrl = new Map<string, string>();
  for (const article of articles) {
    const blocks = articleTextBlocks(article);
    for (const quotation of article.annotations.quotations) {
      const where = `content/articles/${article.slug}.mdx:${quotation.line}`;
      const paragraph = article.annotations.paragraphs.find((p) => p.id === quotation.paragraph);
      const block = paragraph ? blocks.indexOf(normalizeWhitespace(paragraph.text)) : -1;
      // A quotation in parts spans from its first part to its last, the attribution between them included.
      const first = normalizeWhitespace(quotation.parts[0] ?? quotation.text);
      const last = normalizeWhitespace(quotation.parts.at(-1) ?? quotation.text);
      const start = blocks[block]?.indexOf(first) ?? -1;
      const lastAt = start < 0 ? -1 : (blocks[block]?.indexOf(last, start) ?? -1);
      if (start < 0 || lastAt < 0) {
        throw new AstroError(
          `${where}: the words of quotation "${quotation.id}" are not in its paragraph's text.`,
          'Wrap words of the paragraph the <Quote> stands in, exactly as written there.',
        );
      }
      let directive;
      try {
        directive = textDirectiveFor(blocks, { block, start, end: lastAt + last.length });
      } catch (error) {
        const failure = new AstroError(
          `${where}: ${(error as Error).message}`,
          'Wrap a longer span of the quotation, so its words name one place on the page.',
        );
        failure.cause = error;
        throw failure;
      }
      wordsUrl.set(quotation.id, urls.words(article.slug, quotation.paragraph, formatTextDirective(directive)));
    }
  }
  return wordsUrl;
}

/**
 * The article's own words as a browser finds them on its page, one entry per
 * block: headline, dek, headings, paragraphs, the pull quote. The site's
 * additions (cards, notes) are left out here; tests/site/build/share.test.ts checks
 * the text fragments against the whole built page, additions included.
 */
function articleTextBlocks(article: ArticleWords): string[] {
  const { headline, dek } = article.entry.data;
  const { headings, paragraphs, pullQuotes } = article.annotations;
  return [headline, dek, ...headings.map((h) => h.text), ...paragraphs.map((p) => p.text), ...pullQuotes.flatMap((q) => [q.text, q.attribution])].map(
    normalizeWhitespace,
  );
}
