/**
 * The content model. Everything lives in the top-level `content/` folder:
 * the unmodified source texts, the annotated articles, and the records the
 * annotations point to. One schema file per concept in `src/schemas/`; here
 * their id fields become `reference()`s, so Astro fails the build on an id
 * that names no record.
 */
import { defineCollection, reference } from 'astro:content';
import { glob, file } from 'astro/loaders';
import { z } from 'astro/zod';
import { sourceTextLoader } from './lib/source-loader.ts';
import { articleSchema } from './schemas/article.ts';
import { personSchema } from './schemas/person.ts';
import { organisationSchema } from './schemas/organisation.ts';
import { placeSchema } from './schemas/place.ts';
import { eventFields, withEventRules } from './schemas/event.ts';
import { topicSchema } from './schemas/topic.ts';
import { noteSchema } from './schemas/note.ts';

const sources = defineCollection({
  loader: sourceTextLoader('./content/sources'),
  schema: z.strictObject({ text: z.string().min(1, 'a source text is never empty'), file: z.string() }),
});

const articles = defineCollection({
  loader: glob({ base: './content/articles', pattern: '*.mdx' }),
  schema: articleSchema.extend({
    sourceText: reference('sources'),
    topics: z.array(reference('topics')).min(1, 'list at least one topic from content/topics.yaml'),
  }),
});

const events = defineCollection({
  loader: file('./content/events.yaml'),
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
  events,
  people: defineCollection({ loader: file('./content/people.yaml'), schema: personSchema }),
  organisations: defineCollection({ loader: file('./content/organisations.yaml'), schema: organisationSchema }),
  places: defineCollection({ loader: file('./content/places.yaml'), schema: placeSchema }),
  topics: defineCollection({ loader: file('./content/topics.yaml'), schema: topicSchema }),
  notes: defineCollection({ loader: file('./content/notes.yaml'), schema: noteSchema }),
};
