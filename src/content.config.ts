/**
 * The content model. Everything lives in the top-level `content/` folder:
 * the unmodified source texts, the annotated articles, and the records the
 * annotations point to. The data collections are the rows of the kinds table
 * (src/model/kinds.ts DATA_COLLECTIONS): each is read by the one data loader
 * (src/model/data-loader.ts) with its zod schema, and nothing here lists them
 * again. The id fields that name other records become `reference()`s, so each
 * side resolves to the record itself. `reference()` only logs an id that names
 * no record and lets the build go on, so src/model/corpus.ts checks them and
 * fails (src/model/references.ts).
 */
import { defineCollection, reference } from 'astro:content';
import { z } from 'astro/zod';
import { sourceTextLoader } from './markdown/source-loader.ts';
import { articleLoader } from './markdown/article-loader.ts';
import { articleSchema } from './model/schemas/article.ts';
import { eventFields, withEventRules } from './model/schemas/event.ts';
import { DATA_COLLECTIONS } from './model/kinds.ts';
import { dataLoader } from './model/data-loader.ts';

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

/** Each data collection's schema, with references where a record names records of another collection. */
const dataSchemas = {
  ...DATA_COLLECTIONS,
  events: withEventRules(
    eventFields.extend({
      place: reference('places').optional(),
      participants: z.array(reference('people')).default([]),
    }),
  ),
};

type DataSchemas = typeof dataSchemas;

export const collections = {
  sources,
  articles,
  // One collection per data file, each read by the one loader with its schema.
  ...(Object.fromEntries(
    (Object.keys(dataSchemas) as (keyof DataSchemas)[]).map((collection) => [
      collection,
      defineCollection({ loader: dataLoader(collection), schema: dataSchemas[collection] }),
    ]),
  ) as { [C in keyof DataSchemas]: { type: 'content_layer'; loader: ReturnType<typeof dataLoader>; schema: DataSchemas[C] } }),
};
