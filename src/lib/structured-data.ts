/**
 * schema.org nodes for people, meetings, quotations and articles. Each has an
 * `@id` on the page that shows it, so the nodes link to each other across pages.
 */
import { ldId, type JsonLd } from './jsonld.ts';
import { urls } from './urls.ts';

interface PersonData {
  id: string;
  name: string;
  kind: 'person' | 'office';
  role: string;
  affiliation?: string | undefined;
}

export function personRef(site: URL, id: string): JsonLd {
  return { '@id': ldId(site, urls.person(id), 'person') };
}

export function personLd(site: URL, person: PersonData): JsonLd {
  if (person.kind === 'office') {
    return {
      '@context': 'https://schema.org',
      '@type': 'GovernmentOrganization',
      '@id': ldId(site, urls.person(person.id), 'person'),
      name: person.name,
      description: person.role,
    };
  }
  return {
    '@context': 'https://schema.org',
    '@type': 'Person',
    '@id': ldId(site, urls.person(person.id), 'person'),
    name: person.name,
    jobTitle: person.role,
    ...(person.affiliation ? { affiliation: { '@type': 'Organization', name: person.affiliation } } : {}),
    url: new URL(urls.person(person.id), site).href,
  };
}

interface EventData {
  id: string;
  name: string;
  start: string;
  end?: string | undefined;
  summary: string;
  outcome?: string | undefined;
}

export function eventLd(site: URL, event: EventData, place: { name: string; country?: string | undefined } | undefined, participants: PersonData[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    '@id': ldId(site, urls.meeting(event.id), 'event'),
    name: event.name,
    startDate: event.start,
    ...(event.end ? { endDate: event.end } : {}),
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    description: [event.summary, event.outcome].filter(Boolean).join(' '),
    ...(place
      ? { location: { '@type': 'Place', name: place.name, ...(place.country ? { address: { '@type': 'PostalAddress', addressCountry: place.country } } : {}) } }
      : {}),
    attendee: participants.map((person) => ({ '@type': 'Person', name: person.name, ...personRef(site, person.id) })),
    url: new URL(urls.meeting(event.id), site).href,
  };
}

interface QuotationData {
  id: string;
  text: string;
  kind: 'direct' | 'paraphrase' | 'statement';
  article: string;
  paragraph: string;
}

/**
 * The speaker's own words are a schema.org `Quotation` with the speaker as `creator`. The article's
 * paraphrase is not: its words are the article's, so it is a `CreativeWork` that is part of the
 * article (whose author the article is) and `about` the person, never `creator`d by them.
 * (`Claim` would fit, but it is still a pending schema.org type; `author` takes a Person or an
 * Organization, and the article's author is unknown, so `isPartOf` carries the authorship.)
 */
export function quotationLd(site: URL, quotation: QuotationData, speaker: PersonData, articleHeadline: string): JsonLd {
  const node = {
    '@id': ldId(site, urls.quote(quotation.id), 'quotation'),
    text: quotation.text,
    isPartOf: { '@type': 'NewsArticle', '@id': articleId(site, quotation.article), headline: articleHeadline },
    url: new URL(urls.quote(quotation.id), site).href,
  };
  if (quotation.kind === 'paraphrase') {
    return {
      '@context': 'https://schema.org',
      '@type': 'CreativeWork',
      ...node,
      name: `The article’s paraphrase of ${speaker.name}`,
      description: `The article’s words for what ${speaker.name} said, not ${speaker.name}’s own words; any in quotation marks are theirs.`,
      about: personLd(site, speaker),
    };
  }
  return { '@context': 'https://schema.org', '@type': 'Quotation', ...node, creator: personLd(site, speaker) };
}

interface ArticleData {
  slug: string;
  headline: string;
  description: string;
  /** As the source states it; null when it names none (then there is no publisher node: the site does not guess). */
  publication: string | null;
  /** The words of the source the publication is inferred from, when the source does not state it: then no `publisher` either. */
  publicationInferredFrom?: string | undefined;
  /** The original publication's URL, byline and date, where known (src/model/schemas/article.ts). */
  originalUrl?: string | undefined;
  byline?: string | undefined;
  datePublished?: string | undefined;
  /** Corrections, oldest first: each a schema.org CorrectionComment. */
  corrections?: readonly { date: string; text: string }[] | undefined;
  image: string;
  /** "Headline and summary by Summit Desk" when the site wrote them (the source has none); see `creditText` below. */
  siteWritten?: string | undefined;
}

/** What an article is about and whom it mentions, as `@id` references where the site has a page for the record. */
export interface ArticleLinks {
  /** Meetings (with their own pages) the article discusses. */
  meetings: string[];
  /** Other events, named only. */
  events: string[];
  topics: string[];
  people: string[];
  organisations: string[];
  places: string[];
}

export function articleId(site: URL, slug: string): string {
  return ldId(site, urls.article(slug), 'article');
}

export function newsArticleLd(site: URL, article: ArticleData, links: ArticleLinks): JsonLd {
  const url = new URL(urls.article(article.slug), site).href;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': articleId(site, article.slug),
    headline: article.headline,
    description: article.description,
    // A headline the site wrote stays in `headline` (it is what the page shows as one, and the source's first line,
    // over 200 characters, is no headline), and `creditText` says whose it is: schema.org defines it on every
    // CreativeWork as text crediting the people or organisations associated with the work. `alternativeHeadline`
    // would claim a second title, which this is not.
    ...(article.siteWritten ? { creditText: `${article.siteWritten}; the source has none. The article text is the source’s, word for word.` } : {}),
    // A publication inferred from the text is no `publisher` (schema.org states it as fact): it is said as an inference, in words.
    ...(article.publication && article.publicationInferredFrom
      ? {
          creditText: `Publication not stated by the source; inferred by Summit Desk from its text (“${article.publicationInferredFrom}”): ${article.publication}.`,
        }
      : {}),
    ...(article.originalUrl ? { isBasedOn: article.originalUrl } : {}),
    ...(article.byline ? { author: { '@type': 'Person', name: article.byline } } : {}),
    ...(article.datePublished ? { datePublished: article.datePublished } : {}),
    ...(article.corrections && article.corrections.length > 0
      ? { correction: article.corrections.map((c) => ({ '@type': 'CorrectionComment', datePublished: c.date, text: c.text })) }
      : {}),
    url,
    mainEntityOfPage: url,
    inLanguage: 'en',
    image: new URL(article.image, site).href,
    // A publisher only when the source states it; no datePublished or author unless the frontmatter gives them.
    ...(article.publication && !article.publicationInferredFrom ? { publisher: { '@type': 'Organization', name: article.publication } } : {}),
    about: [...links.meetings.map((id) => ({ '@id': ldId(site, urls.meeting(id), 'event') })), ...links.events.map((name) => ({ '@type': 'Event', name }))],
    // The site's topics are labels, not things with pages of their own: schema.org's
    // `keywords` says that in one string, where `about` needed an object per topic.
    ...(links.topics.length > 0 ? { keywords: links.topics.join(', ') } : {}),
    mentions: [
      ...links.people.map((id) => personRef(site, id)),
      ...links.organisations.map((name) => ({ '@type': 'Organization', name })),
      ...links.places.map((name) => ({ '@type': 'Place', name })),
    ],
    // No hasPart listing the quotations: each Quotation names its article with isPartOf, and
    // repeating the relation here cost ~560 bytes gzip on the long article, which took the
    // page past the 14.6 KB first-round-trip budget (issue 8).
  };
}

/** A page's place in the site, from the home page down; the last crumb is the page itself. */
export function breadcrumbLd(site: URL, trail: { name: string; path: string }[]): JsonLd {
  const last = trail.at(-1)!;
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    '@id': ldId(site, last.path, 'breadcrumb'),
    itemListElement: trail.map((crumb, index) => ({ '@type': 'ListItem', position: index + 1, name: crumb.name, item: new URL(crumb.path, site).href })),
  };
}
