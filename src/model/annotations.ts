/**
 * The structured data the annotation plugins collect from one article. It is
 * stored with the article's HTML (src/markdown/article-loader.ts: the entry's
 * `rendered.metadata.frontmatter.annotations`) and is the single source
 * for quote cards, timelines, people pages and search metadata.
 */
import type { VFile } from 'vfile';
import type { MentionKind } from './kinds.ts';
import type { Stance } from './stances.ts';

export type QuotationKind = 'direct' | 'paraphrase' | 'statement';
export const QUOTATION_KINDS: readonly QuotationKind[] = ['direct', 'paraphrase', 'statement'];

export interface ParagraphRecord {
  /** Stable anchor id (`p-…`). */
  id: string;
  /** The paragraph's text, exactly as in the source. */
  text: string;
  /** Line in the `.mdx` file. */
  line: number;
}

export interface HeadingRecord {
  id: string;
  text: string;
  depth: number;
}

export interface MentionRecord {
  kind: MentionKind;
  /** Record id(s) the words refer to. */
  ids: string[];
  /** The words of the article that make the mention. */
  text: string;
  /** The sentence of the article the words are in. */
  sentence: string;
  paragraph: string;
  line: number;
}

export interface QuotationRecord {
  /** Stable id, from speaker and first words. */
  id: string;
  speaker: string;
  kind: QuotationKind;
  /**
   * The words, verbatim from the article (without the quotation marks around them). A quotation in
   * parts (`parts`) has them joined with " … ", the ellipsis marking the article's words left out
   * (", Hong argued,"): the site's mark, never the source's.
   */
  text: string;
  /** Each part as it stands in the article, in order: one for most quotations (remark-quotations, `continues`). */
  parts: string[];
  /**
   * The site's note on the card, in the site's words: `context` when the article does not name the
   * speaker in the words' sentence (the credit comes from the sentences around it), or a note
   * (`note="…"`) on what the words describe.
   */
  attribution?: 'context' | undefined;
  note?: string | undefined;
  /** Anchor id of the paragraph the words are in. */
  paragraph: string;
  /** Events the quotation is about. */
  events: string[];
  topics: string[];
  /** The stance the words take on each of `topics`, keyed by topic id (src/model/stances.ts). */
  stances: Record<string, Stance>;
  line: number;
}

export interface NoteUse {
  id: string;
  /** Paragraph the note follows. */
  after: string | undefined;
}

export interface PullQuoteRecord {
  id: string;
  speaker: string;
  text: string;
  attribution: string;
}

export interface ArticleAnnotations {
  paragraphs: ParagraphRecord[];
  headings: HeadingRecord[];
  mentions: MentionRecord[];
  quotations: QuotationRecord[];
  notes: NoteUse[];
  pullQuotes: PullQuoteRecord[];
}

export function emptyAnnotations(): ArticleAnnotations {
  return { paragraphs: [], headings: [], mentions: [], quotations: [], notes: [], pullQuotes: [] };
}

/**
 * The annotations collected so far, for a plugin that adds to them or reads
 * them. The vocabulary plugin starts them; a plugin run without it fails here,
 * naming the step that is missing, instead of on an undefined value later.
 */
export function collectedAnnotations(file: VFile, plugin: string): ArticleAnnotations {
  const summit = file.data.summit;
  if (!summit) {
    file.fail(
      `${plugin} runs on the annotations that remark-annotation-vocabulary starts, and found none: run remark-annotation-vocabulary first (the order is set in src/markdown/index.ts).`,
    );
  }
  return summit;
}

declare module 'vfile' {
  interface DataMap {
    /** Collected by the annotation plugins; see `src/markdown/index.ts` for their order. */
    summit: ArticleAnnotations;
  }
}

/** A component the article's HTML leaves to the page: a marker stands where it goes (src/markdown/remark-component-slots.ts). */
export interface ComponentSlot {
  component: string;
  props: Record<string, string>;
}

/** What the data store keeps of a rendered article, under `rendered.metadata.frontmatter` (src/markdown/article-loader.ts). */
export interface RenderedArticle {
  annotations: ArticleAnnotations;
  slots: ComponentSlot[];
}
