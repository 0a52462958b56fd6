/**
 * Everything the pages need, assembled once per build from the content
 * collections and the annotations each article's plugins collected. Pages
 * read from here; nothing is listed twice by hand.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { AstroError } from 'astro/errors';
import type { ArticleAnnotations, ComponentSlot, MentionRecord, QuotationRecord, RenderedArticle } from './annotations.ts';
import { comparePartialDates } from '../lib/dates.ts';
import { readingMinutes } from '../lib/reading.ts';
import { checkReferences } from './references.ts';
import { checkEditorialMarks } from './editorial-marks.ts';
import { wordsUrls } from './words-urls.ts';
import { passageOf, type Passage } from './passages.ts';
import { namesWithin } from '../lib/named-within.ts';
import { DEFAULT_STANCE } from './stances.ts';
import { DATA_COLLECTIONS, mentionKey, type DataCollection } from './kinds.ts';
import { cacheKeyOf } from './page-keys.ts';
import { following } from '../lib/lists.ts';
import { countByKind } from './attribution.ts';

export interface Article {
  slug: string;
  entry: CollectionEntry<'articles'>;
  /** The article's HTML as the content layer rendered it, with a marker where each of `slots` goes (src/markdown/article-loader.ts). */
  html: string;
  /** The components the article page renders between the HTML (quote cards, context notes, the compact timeline). */
  slots: ComponentSlot[];
  annotations: ArticleAnnotations;
  readingMinutes: number;
}

/** A quotation with the article it comes from. */
export interface Quotation extends QuotationRecord {
  article: string;
}

/** A mention with the article it is in. */
export interface Mention extends MentionRecord {
  article: string;
  /** Its sentence as a passage shown away from the article: whose words it is made of (src/model/passages.ts). */
  passage: Passage;
}

export interface Corpus {
  articles: Article[];
  articleBySlug: Map<string, Article>;
  people: Map<string, CollectionEntry<'people'>['data']>;
  organisations: Map<string, CollectionEntry<'organisations'>['data']>;
  places: Map<string, CollectionEntry<'places'>['data']>;
  /** In chronological order. */
  events: CollectionEntry<'events'>['data'][];
  topics: Map<string, CollectionEntry<'topics'>['data']>;
  notes: Map<string, CollectionEntry<'notes'>['data']>;
  quotations: Quotation[];
  quotationById: Map<string, Quotation>;
  /** Each speaker's quotations, in corpus order (article by article). */
  quotationsBySpeaker: Map<string, Quotation[]>;
  /** Each quotation's place in its speaker's list: a quotation's page finds the ones after it without searching the list. */
  placeBySpeaker: Map<string, number>;
  /** Each speaker's quotations counted by kind ("3 quotations and 1 paraphrase", src/model/attribution.ts), once, not on each of their quotations' pages. */
  countBySpeaker: Map<string, string>;
  /**
   * Mentions keyed by "kind:id" (e.g. "person:hong-min"); a mention of several records is listed under each.
   * A place or organisation named inside the words of an event's mention ("the 2019 Hanoi summit",
   * "the Asia-Pacific Economic Cooperation summit") counts as a mention of it too: the article names it.
   */
  mentionsOf: Map<string, Mention[]>;
  /**
   * The same mentions, article by article: for each article slug, its mentions by the same "kind:id" keys, in the
   * article's order. An article's page asks about its own article here, not by going through every article's
   * mentions of a record (which made the build quadratic in the corpus).
   */
  mentionsIn: Map<string, Map<string, Mention[]>>;
  /** For each quotation id, the link to its words in the article: the paragraph anchor plus a text fragment that matches only those words. */
  wordsUrl: Map<string, string>;
  /**
   * The incremental-build cache key of a page that shows the data records and the named articles
   * (and `extra`, anything else that decides what it shows, such as which quotations it lists): src/model/page-keys.ts.
   */
  pageKey(articles: Iterable<string>, extra?: readonly string[]): string;
}

let loading: Promise<Corpus> | undefined;

/** The corpus, loaded on first use and shared by every page of the build. */
export function getCorpus(): Promise<Corpus> {
  loading ??= loadCorpus();
  return loading;
}

function byId<T extends { id: string }>(entries: { data: T }[]): Map<string, T> {
  return new Map(entries.map((entry) => [entry.data.id, entry.data]));
}

/** The list under `key`, created on first use. Appending in place keeps building the maps linear in the corpus (copying the list on every append made it quadratic). */
function listIn<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

async function loadCorpus(): Promise<Corpus> {
  // Every data collection of the kinds table, in its order: none is listed here by hand.
  const dataNames = Object.keys(DATA_COLLECTIONS) as DataCollection[];
  const [articleEntries, sources, ...dataEntries] = await Promise.all([
    getCollection('articles'),
    getCollection('sources'),
    ...dataNames.map((name) => getCollection(name)),
  ]);
  const data = Object.fromEntries(dataNames.map((name, index) => [name, dataEntries[index]])) as { [C in DataCollection]: CollectionEntry<C>[] };
  const { people, organisations, places, events, topics, notes } = data;
  if (articleEntries.length === 0)
    throw new AstroError(
      'No articles in content/articles/: the site would be empty.',
      'Add one with `npm run new-article -- <source.txt>` (see the README’s authoring guide).',
    );
  checkReferences({ articles: articleEntries, sources, ...data });
  checkEditorialMarks(articleEntries, new Map(sources.map((entry) => [entry.id, entry.data.text])));

  const articles: Article[] = [];
  for (const entry of articleEntries.sort((a, b) => a.id.localeCompare(b.id))) {
    const stored = entry.rendered?.metadata?.frontmatter as Partial<RenderedArticle> | undefined;
    const { annotations, slots } = stored ?? {};
    if (!entry.rendered || !annotations || !slots) {
      throw new AstroError(
        `content/articles/${entry.id}.mdx: the article was not rendered, or no annotations were collected.`,
        'Articles load through src/markdown/article-loader.ts (src/content.config.ts), which runs the Markdown pipeline of astro.config.mjs `markdown.processor`.',
      );
    }
    if (annotations.paragraphs.length === 0) {
      throw new AstroError(
        `content/articles/${entry.id}.mdx: the article has no paragraphs.`,
        'Copy the source text into the article, line for line (`npm run new-article` does this).',
      );
    }
    articles.push({
      slug: entry.id,
      entry,
      html: entry.rendered.html,
      slots,
      annotations,
      readingMinutes: readingMinutes(annotations.paragraphs.map((p) => p.text).join(' ')),
    });
  }

  const quotations: Quotation[] = [];
  const quotationById = new Map<string, Quotation>();
  const quotationsBySpeaker = new Map<string, Quotation[]>();
  const placeBySpeaker = new Map<string, number>();
  const mentionsOf = new Map<string, Mention[]>();
  const mentionsIn = new Map<string, Map<string, Mention[]>>();
  for (const article of articles) {
    const own = new Map<string, Mention[]>();
    mentionsIn.set(article.slug, own);
    const add = (key: string, mention: Mention) => {
      listIn(mentionsOf, key).push(mention);
      listIn(own, key).push(mention);
    };
    for (const record of article.annotations.quotations) {
      const quotation = { ...record, article: article.slug };
      const earlier = quotationById.get(quotation.id);
      if (earlier) {
        throw new AstroError(
          `Two quotations share the id "${quotation.id}": content/articles/${earlier.article}.mdx:${earlier.line} and content/articles/${article.slug}.mdx:${record.line}.`,
          'Wrap a longer span in one of them so the ids differ.',
        );
      }
      quotationById.set(quotation.id, quotation);
      quotations.push(quotation);
      const bySpeaker = listIn(quotationsBySpeaker, quotation.speaker);
      placeBySpeaker.set(quotation.id, bySpeaker.length);
      bySpeaker.push(quotation);
    }
    const paragraphText = new Map(article.annotations.paragraphs.map((p) => [p.id, p.text]));
    const inParagraph = (id: string) => article.annotations.quotations.filter((q) => q.paragraph === id);
    const named = { place: [...places].map((entry) => entry.data), org: [...organisations].map((entry) => entry.data) };
    for (const record of article.annotations.mentions) {
      const passage = passageOf(record.sentence, paragraphText.get(record.paragraph) ?? record.sentence, inParagraph(record.paragraph));
      for (const id of record.ids) add(mentionKey(record.kind, [id]), { ...record, article: article.slug, passage });
      if (record.kind !== 'event') continue;
      for (const kind of ['place', 'org'] as const) {
        for (const found of namesWithin(record.text, named[kind])) {
          add(mentionKey(kind, [found.id]), { ...record, kind, ids: [found.id], text: found.name, article: article.slug, passage });
        }
      }
    }
  }

  const wordsUrl = wordsUrls(articles);
  const countBySpeaker = new Map([...quotationsBySpeaker].map(([speaker, list]) => [speaker, countByKind(list)]));

  // Every data record, in a stable order: most pages show some of them (a person's role, a meeting's date).
  const dataDigest = cacheKeyOf(dataNames.flatMap((name) => data[name].map((entry) => JSON.stringify(entry.data)).sort()));
  const articleDigest = new Map(
    articles.map((article) => {
      const { digest } = article.entry;
      if (digest === undefined)
        throw new AstroError(
          `content/articles/${article.slug}.mdx has no digest in the data store.`,
          'src/markdown/article-loader.ts stores one with each article.',
        );
      return [article.slug, String(digest)];
    }),
  );
  const pageKey = (slugs: Iterable<string>, extra: readonly string[] = []) =>
    cacheKeyOf([dataDigest, ...[...new Set(slugs)].sort().map((slug) => `${slug}:${articleDigest.get(slug)}`), '\0', ...extra]);

  return {
    pageKey,
    wordsUrl,
    articles,
    articleBySlug: new Map(articles.map((article) => [article.slug, article])),
    people: byId(people),
    organisations: byId(organisations),
    places: byId(places),
    events: events.map((entry) => entry.data).sort((a, b) => comparePartialDates(a.start, b.start)),
    topics: byId(topics),
    notes: byId(notes),
    quotations,
    quotationById,
    quotationsBySpeaker,
    placeBySpeaker,
    countBySpeaker,
    mentionsOf,
    mentionsIn,
  };
}

/**
 * A few more quotations by the same speaker, for a quotation's page: the ones that follow it (the same
 * article's first), wrapping round. Capped, so each quote page stays the same size however many quotations
 * the corpus holds; listing all of them made every quote page grow with the corpus and the build quadratic.
 */
export function moreBySpeaker(corpus: Corpus, quotation: Quotation, count = 5): { bySpeaker: Quotation[]; more: Quotation[] } {
  const bySpeaker = corpus.quotationsBySpeaker.get(quotation.speaker)!;
  return { bySpeaker, more: following(bySpeaker, corpus.placeBySpeaker.get(quotation.id)!, count) };
}

/** What a QuoteCard needs to show a quotation, resolved from the corpus. */
export function quoteCardProps(corpus: Corpus, quotation: Quotation) {
  const eventById = new Map(corpus.events.map((event) => [event.id, event]));
  return {
    quotation,
    speaker: corpus.people.get(quotation.speaker)!,
    articleHeadline: corpus.articleBySlug.get(quotation.article)!.entry.data.headline,
    topics: quotation.topics.map((id) => ({ id, label: corpus.topics.get(id)!.label, stance: quotation.stances[id] ?? DEFAULT_STANCE })),
    events: quotation.events.map((id) => eventById.get(id)!),
    wordsUrl: corpus.wordsUrl.get(quotation.id)!,
  };
}
