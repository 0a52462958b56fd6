/**
 * The content model. Everything lives in the top-level `content/` folder:
 * the unmodified source texts, the annotated articles, and the records the
 * annotations point to. The data collections are the rows of the kinds table
 * (src/model/kinds.ts DATA_COLLECTIONS): each is read by the one data loader
 * (src/model/data-loader.ts) with its zod schema, and nothing here lists them
 * again. Fields that name other records stay plain ids: they are declared and
 * checked once, in src/model/references.ts (Astro's `reference()` would only
 * log an id that names no record and let the build go on).
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { sourceTextLoader } from './markdown/source-loader.ts';
import { articleLoader } from './markdown/article-loader.ts';
import { articleSchema } from './model/schemas/article.ts';
import { DATA_COLLECTIONS, type DataCollection } from './model/kinds.ts';
import { dataLoader } from './model/data-loader.ts';

const sources = defineCollection({
  loader: sourceTextLoader('./content/sources'),
  schema: z.strictObject({ text: z.string().min(1, 'a source text is never empty'), file: z.string() }),
});

const articles = defineCollection({
  // Rendered once, at content sync, and kept in the data store (src/markdown/article-loader.ts).
  loader: articleLoader({ folder: 'content/articles' }),
  schema: articleSchema,
});

export const collections = {
  sources,
  articles,
  // One collection per data file, each read by the one loader with its schema.
  ...(Object.fromEntries(
    (Object.keys(DATA_COLLECTIONS) as DataCollection[]).map((collection) => [
      collection,
      defineCollection({ loader: dataLoader(collection), schema: DATA_COLLECTIONS[collection] }),
    ]),
  ) as { [C in DataCollection]: { type: 'content_layer'; loader: ReturnType<typeof dataLoader>; schema: (typeof DATA_COLLECTIONS)[C] } }),
};
