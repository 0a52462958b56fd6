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
    return { '@context': 'https://schema.org', '@type': 'GovernmentOrganization', '@id': ldId(site, urls.person(person.id), 'person'), name: person.name, description: person.role };
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
    ...(place ? { location: { '@type': 'Place', name: place.name, ...(place.country ? { address: { '@type': 'PostalAddress', addressCountry: place.country } } : {}) } } : {}),
    attendee: participants.map((person) => ({ '@type': 'Person', name: person.name, ...personRef(site, person.id) })),
    url: new URL(urls.meeting(event.id), site).href,
  };
}

interface QuotationData {
  id: string;
  text: string;
  article: string;
  paragraph: string;
}

export function quotationLd(site: URL, quotation: QuotationData, speaker: PersonData, articleHeadline: string): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'Quotation',
    '@id': ldId(site, urls.quote(quotation.id), 'quotation'),
    text: quotation.text,
    creator: personLd(site, speaker),
    isPartOf: { '@type': 'NewsArticle', '@id': ldId(site, urls.article(quotation.article), 'article'), headline: articleHeadline },
    url: new URL(urls.quote(quotation.id), site).href,
  };
}
