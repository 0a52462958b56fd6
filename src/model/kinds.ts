/**
 * The kinds of record an article can name with `<Mention>`, in one table. Each
 * row says which collection (and so which data file and zod schema) holds the
 * records, which `<Mention>` attribute names them, where a record lives on the
 * site, and whether a mention of it adds something to the paragraph's margin.
 *
 * The vocabulary check (src/model/vocabulary.ts), remark-mentions, the URL
 * helpers, the registry, the content collections (src/content.config.ts), the
 * corpus, its data digest and the permalink record ids read this table; none
 * lists the kinds again. A new kind touches three files: its schema in
 * src/model/schemas/, its rows here (DATA_COLLECTIONS and KINDS), and its data
 * file content/<collection>.yaml (tests/unit/new-mention-kind.test.ts).
 */
import type { z } from 'astro/zod';
import { personSchema } from './schemas/person.ts';
import { organisationSchema } from './schemas/organisation.ts';
import { placeSchema } from './schemas/place.ts';
import { eventSchema } from './schemas/event.ts';
import { topicSchema } from './schemas/topic.ts';
import { noteSchema } from './schemas/note.ts';
import { urls } from '../lib/urls.ts';

/**
 * Every data collection the annotations point to, with the schema of its
 * records (references to other records are plain ids, checked by
 * src/model/references.ts). The registry parses each data file with these.
 */
export const DATA_COLLECTIONS = {
  people: personSchema,
  organisations: organisationSchema,
  places: placeSchema,
  events: eventSchema,
  topics: topicSchema,
  notes: noteSchema,
} as const;

export type DataCollection = keyof typeof DATA_COLLECTIONS;
export type RecordOf<C extends DataCollection> = z.output<(typeof DATA_COLLECTIONS)[C]>;

/** The data file a collection is read from, relative to `content/`. */
export function dataFile(collection: DataCollection): string {
  return `${collection}.yaml`;
}

/** Something the site adds beside the paragraph where a kind of record is first mentioned. */
export interface MarginItem {
  /** The component the article page renders (an MDX tag left in the tree for Astro). */
  component: string;
  /** Which mentioned records count (e.g. only the meetings among the events). */
  includes: (record: { kind?: string }) => boolean;
}

export interface AnnotatableKind<C extends DataCollection = DataCollection> {
  /** The `<Mention>` attribute that names records of this kind: `<Mention person="hong-min">`. */
  attribute: string;
  collection: C;
  /** What one record is called in messages ("person", "organisation"). */
  noun: string;
  /** Where a mention of one record links, if anywhere (a kind without pages of its own is marked, not linked). */
  url?: (id: string, record: RecordOf<C>) => string;
  /** Where a mention of several records at once links, if anywhere (one page holding them all). */
  groupUrl?: () => string;
  /** What a mention adds to the margin, if anything. */
  margin?: MarginItem;
}

const isMeeting = (record: { kind?: string }) => record.kind === 'summit';

/** The table. Keys are the `<Mention>` attributes; the order is the order messages list them in. */
export const KINDS = {
  person: { attribute: 'person', collection: 'people', noun: 'person', url: (id) => urls.person(id) } satisfies AnnotatableKind<'people'>,
  org: { attribute: 'org', collection: 'organisations', noun: 'organisation', url: (id) => urls.organisation(id) } satisfies AnnotatableKind<'organisations'>,
  place: { attribute: 'place', collection: 'places', noun: 'place', url: (id) => urls.place(id) } satisfies AnnotatableKind<'places'>,
  event: {
    attribute: 'event',
    collection: 'events',
    noun: 'event',
    // Meetings have pages of their own; other events are entries on the timeline.
    url: (id, record) => (isMeeting(record) ? urls.meeting(id) : urls.timelineEntry(id)),
    groupUrl: () => urls.timeline(),
    // The first paragraph that names a meeting gets a compact timeline of the meetings beside it.
    margin: { component: 'CompactTimeline', includes: isMeeting },
  } satisfies AnnotatableKind<'events'>,
} as const;

export type MentionKind = keyof typeof KINDS;

/** The rows, in table order. */
export const MENTION_KINDS = Object.keys(KINDS) as MentionKind[];

/** One row, typed loosely enough to be used for any kind. */
export function kindOf(kind: MentionKind): AnnotatableKind {
  return KINDS[kind] as AnnotatableKind;
}

export function isMentionKind(value: string): value is MentionKind {
  return Object.hasOwn(KINDS, value);
}

/** The kinds whose mentions put something in the margin, with what they put there. */
export function marginKinds(): { kind: MentionKind; collection: DataCollection; margin: MarginItem }[] {
  return MENTION_KINDS.flatMap((kind) => {
    const { collection, margin } = kindOf(kind);
    return margin ? [{ kind, collection, margin }] : [];
  });
}

/**
 * Where a mention links: a mention of one record to that record; a mention of
 * several at once ("three previous summits") to the page that holds them all,
 * or nowhere when the kind has no such page.
 */
export function mentionUrl(kind: MentionKind, records: readonly { id: string; kind?: string }[]): string | undefined {
  const row = kindOf(kind);
  const [only] = records;
  if (records.length === 1 && only) return (row.url as ((id: string, record: { kind?: string }) => string) | undefined)?.(only.id, only);
  return row.groupUrl?.();
}

/**
 * The key a mention is filed and marked under: "person:hong-min"; "event:a b"
 * for one mention of several records. Pages look mentions up by it
 * (`corpus.mentionsOf`), and styles select on it (`data-mention`).
 */
export function mentionKey(kind: MentionKind, ids: readonly string[]): string {
  return `${kind}:${ids.join(' ')}`;
}
