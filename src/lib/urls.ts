/**
 * Every URL the site links to is made here, so pages, plugins and tests agree
 * on where a record lives. Where a mentioned record links is a column of the
 * kinds table (src/model/kinds.ts), built from these.
 */

export const urls = {
  home: () => '/',
  article: (slug: string) => `/articles/${slug}/`,
  paragraph: (slug: string, anchor: string) => `/articles/${slug}/#${anchor}`,
  people: () => '/people/',
  person: (id: string) => `/people/${id}/`,
  organisation: (id: string) => `/people/#org-${id}`,
  place: (id: string) => `/people/#place-${id}`,
  timeline: () => '/timeline/',
  timelineEntry: (id: string) => `/timeline/#${id}`,
  meeting: (id: string) => `/timeline/${id}/`,
  quotes: () => '/quotes/',
  quote: (id: string) => `/quotes/${id}/`,
  positions: () => '/positions/',
  search: () => '/search/',
  /** A file of the Pagefind search index and runtime, which the build writes to dist/pagefind/ (src/integrations/pagefind.ts). */
  searchIndex: (file = '') => `/pagefind/${file}`,
  /** A quotation's words in the article, as a text fragment (see lib/text-fragment.ts); `directive` is ":~:text=…". */
  words: (slug: string, anchor: string, directive: string) => `/articles/${slug}/#${anchor}${directive}`,
  /** Link-preview images (src/pages/[images]/[...card].png.ts), 1200×630. */
  ogImage: {
    site: () => '/og/site.png',
    article: (slug: string) => `/og/articles/${slug}.png`,
    quote: (id: string) => `/og/quotes/${id}.png`,
    meeting: (id: string) => `/og/meetings/${id}.png`,
  },
  /** Square PNG icons, drawn from public/favicon.svg (src/pages/icons/[size].png.ts). */
  icon: (size: number) => `/icons/${size}.png`,
  rss: () => '/rss.xml',
  sitemap: () => '/sitemap-index.xml',
} as const;
