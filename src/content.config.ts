/**
 * The content model. Everything lives in the top-level `content/` folder:
 * the unmodified source texts, the annotated articles, and the records the
 * annotations point to. One schema file per concept in `src/model/schemas/`; the
 * data collections are those of the kinds table (src/model/kinds.ts), which the
 * Markdown plugins' registry parses with the same schemas. Here the id fields
 * that name other records become `reference()`s, so each side resolves to the
 * record itself. `reference()` only logs an id that names no record and lets
 * the build go on, so src/model/corpus.ts checks them and fails (see
 * src/model/references.ts).
 */
import { defineCollection, reference } from 'astro:content';
import { file } from 'astro/loaders';
import { z } from 'astro/zod';
import { sourceTextLoader } from './markdown/source-loader.ts';
import { articleLoader } from './markdown/article-loader.ts';
import { articleSchema } from './model/schemas/article.ts';
import { eventFields, withEventRules } from './model/schemas/event.ts';
import { DATA_COLLECTIONS, dataFile } from './model/kinds.ts';

const sources = defineCollection({
  loader: sourceTextLoader('./content/sources'),
  schema: z.strictObject({ text: z.string().min(1, 'a source text is never empty'), file: z.string() }),
});

const articles = defineCollection({
  // Rendered once, at content sync, and kept in the data store (src/markdown/article-loader.ts).
  loader: articleLoader({ folder: 'content/articles' }),
  schema: articleSchema.extend({
    sourceText: reference('sources'),
    topics: z.array(reference('topics')).min(1, 'list at least one topic from content/topics.yaml'),
  }),
});

const events = defineCollection({
  loader: file(`./content/${dataFile('events')}`),
  schema: withEventRules(
    eventFields.extend({
      place: reference('places').optional(),
      participants: z.array(reference('people')).default([]),
    }),
  ),
});

export const collections = {
  sources,
  articles,
  // The data collections, each read from its file with its schema from the kinds table.
  people: defineCollection({ loader: file(`./content/${dataFile('people')}`), schema: DATA_COLLECTIONS.people }),
  organisations: defineCollection({ loader: file(`./content/${dataFile('organisations')}`), schema: DATA_COLLECTIONS.organisations }),
  places: defineCollection({ loader: file(`./content/${dataFile('places')}`), schema: DATA_COLLECTIONS.places }),
  events,
  topics: defineCollection({ loader: file(`./content/${dataFile('topics')}`), schema: DATA_COLLECTIONS.topics }),
  notes: defineCollection({ loader: file(`./content/${dataFile('notes')}`), schema: DATA_COLLECTIONS.notes }),
};
