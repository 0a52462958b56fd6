/**
 * The article's own text as a reader sees it on the built page: the text of
 * its header and body with everything the site adds (self-links, quote
 * cards, context notes, labels: all marked `data-editorial`) taken out.
 * Each block (heading, paragraph, pull-quote figure) is one line.
 */
export function articleBlocks(document: Document): string[] {
  const article = document.querySelector('article.article');
  if (!article) throw new Error('No <article class="article"> on the page');
  const copy = article.cloneNode(true) as Element;
  for (const added of copy.querySelectorAll('[data-editorial]')) added.remove();
  const blocks = copy.querySelectorAll(
    'h1, .dek, [data-article-body] > p, [data-article-body] > h2, [data-article-body] > figure, [data-article-body] > .with-margin > p',
  );
  return [...blocks].map((block) => (block.textContent ?? '').replace(/\s+/g, ' ').trim());
}
