/**
 * The articles as an RSS feed. No <pubDate>: the sources give no publication
 * date and the site does not invent one; @astrojs/rss makes pubDate optional,
 * as RSS 2.0 does. Items are in the corpus's (alphabetical) order.
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCorpus } from '../data/corpus.ts';
import { urls } from '../lib/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const corpus = await getCorpus();
  return rss({
    title: 'Summit Desk',
    description: 'News articles on US–North Korea summit diplomacy, published word for word and annotated.',
    site: site!,
    items: corpus.articles.map(({ slug, entry }) => ({
      title: entry.data.headline,
      description: entry.data.dek,
      link: urls.article(slug),
    })),
    customData: '<language>en</language>',
  });
};
