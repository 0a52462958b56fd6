/**
 * The articles as an RSS feed. No <pubDate> unless the frontmatter gives the
 * original publication date (`published`): the site does not invent one; @astrojs/rss makes pubDate optional,
 * as RSS 2.0 does. Items are in the corpus's (alphabetical) order.
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCorpus } from '../model/corpus.ts';
import { urls } from '../lib/urls.ts';
import { correctionsText, creditLine, siteWritten, withSic } from '../model/editorial-marks.ts';

export const GET: APIRoute = async ({ site }) => {
  const corpus = await getCorpus();
  return rss({
    title: 'Summit Desk',
    description: 'News articles on US–North Korea summit diplomacy, published word for word and annotated.',
    site: site!,
    // Feed readers show only text, so the site's marks are written in square brackets, the editor's convention:
    // a headline or summary Summit Desk wrote says so, and the source's slips keep their [sic].
    items: corpus.articles.map(({ slug, entry }) => {
      const { data } = entry;
      const ours = siteWritten(data);
      return {
        title: `${withSic(data.headline, 'headline', data.sic)}${ours.includes('headline') ? ' [headline by Summit Desk]' : ''}`,
        // Then the credit line and every correction, dated, as the article page shows them.
        description: `${withSic(data.dek, 'dek', data.sic)}${ours.includes('summary') ? ' [summary by Summit Desk; the source has no headline or summary]' : ''} [${creditLine(data)}]${correctionsText(data.corrections)}`,
        link: urls.article(slug),
        ...(data.published ? { pubDate: new Date(`${data.published}T00:00:00Z`) } : {}),
      };
    }),
    customData: '<language>en</language>',
  });
};
