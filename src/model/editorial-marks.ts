/**
 * The site's own marks on an article's headline and dek, wherever they are
 * shown: which of them Summit Desk wrote (the source has none), where an
 * editorial [sic] goes, and whether the publication is inferred from the text.
 * Pure: the pages, the feed, the preview images and the JSON-LD all ask here,
 * so they say the same thing.
 */

import type { CollectionEntry } from 'astro:content';
import { formatPartialDate } from '../lib/dates.ts';

interface Byline {
  headlineBy: 'source' | 'site';
  dekBy: 'source' | 'site';
}

/** Which of headline and summary the site wrote, in reading order ("headline", "summary"). */
export function siteWritten({ headlineBy, dekBy }: Byline): ('headline' | 'summary')[] {
  return [...(headlineBy === 'site' ? (['headline'] as const) : []), ...(dekBy === 'site' ? (['summary'] as const) : [])];
}

/** "Headline and summary by Summit Desk", or undefined when both are the source's. */
export function siteWrittenLabel(byline: Byline): string | undefined {
  const parts = siteWritten(byline);
  if (parts.length === 0) return undefined;
  const what = parts.join(' and ');
  return `${what[0]!.toUpperCase()}${what.slice(1)} by Summit Desk`;
}

export interface SicMark {
  field: 'headline' | 'dek';
  after: string;
}

/**
 * `text` split where the site adds "[sic]": the text before, then the rest.
 * "…more focused Russia, despite…" with after "more focused Russia" →
 * ["…more focused Russia", ", despite…"]. One piece when there is no mark.
 */
export function sicSplit(text: string, field: SicMark['field'], marks: readonly SicMark[]): string[] {
  const mark = marks.find((m) => m.field === field);
  const at = mark ? text.indexOf(mark.after) : -1;
  if (!mark || at < 0) return [text];
  const end = at + mark.after.length;
  return [text.slice(0, end), text.slice(end)];
}

/** The text with " [sic]" inserted, for plain-text places (the feed, preview images), where square brackets are the editor's mark. */
export function withSic(text: string, field: SicMark['field'], marks: readonly SicMark[]): string {
  return sicSplit(text, field, marks).join(' [sic]');
}

/** "This Week in Asia (inferred from the text: “Hong told This Week in Asia”)" or just the name. */
export function publicationLabel(publication: string | null, inferredFrom: string | undefined): string {
  if (publication === null) return 'Source not stated';
  return inferredFrom ? `${publication} (inferred from the text: “${inferredFrom}”)` : publication;
}

interface ArticleCardData extends Byline {
  headline: string;
  dek: string;
  publication: string | null;
  publicationInferredFrom?: string | undefined;
  sic: readonly SicMark[];
}

/** What an article's preview card shows (src/og/card.ts OgCard has this shape; the model does not import the drawing). */
export interface ArticleCard {
  label: string;
  title: string;
  body: string;
  byline: string;
  detail: string | undefined;
}

/** An article's link-preview image: a headline the site wrote is labelled as the site's on the image itself, where a preview shows it as a headline. */
export function articleOgCard(data: ArticleCardData): ArticleCard {
  const ours = siteWrittenLabel(data);
  return {
    label: ours ? `Article · ${siteWritten(data).includes('headline') ? 'headline' : 'summary'} by Summit Desk` : 'Article',
    title: withSic(data.headline, 'headline', data.sic),
    body: withSic(data.dek, 'dek', data.sic),
    byline: data.publication ?? 'Source not stated',
    detail: ours ? `${ours}; the source has none` : data.publicationInferredFrom ? 'Source inferred from the text' : undefined,
  };
}

/**
 * The site's marks on an article's own words must fit them: a [sic] follows
 * words that are there, once; an inferred publication is inferred from words
 * the source really has.
 */
export function checkEditorialMarks(articles: CollectionEntry<'articles'>[], sources: Map<string, string>) {
  for (const entry of articles) {
    const file = entry.filePath ?? `content/articles/${entry.id}.mdx`;
    const { data } = entry;
    for (const sic of data.sic) {
      const count = data[sic.field].split(sic.after).length - 1;
      if (count !== 1) {
        throw new Error(
          `${file}: sic: "${sic.after}" occurs ${count} times in the ${sic.field} ("${data[sic.field]}"); give words that occur exactly once, the [sic] goes after them.`,
        );
      }
    }
    if (data.publicationInferredFrom !== undefined) {
      const source = sources.get(data.sourceText) ?? '';
      if (data.publication === null)
        throw new Error(`${file}: publicationInferredFrom is set but publication is null; name the publication it infers, or remove the field.`);
      if (!source.includes(data.publicationInferredFrom)) {
        throw new Error(
          `${file}: publicationInferredFrom "${data.publicationInferredFrom}" is not in content/sources/${data.sourceText}.txt; quote the words of the source the publication is inferred from.`,
        );
      }
      if (!data.publicationInferredFrom.includes(data.publication)) {
        throw new Error(`${file}: publicationInferredFrom "${data.publicationInferredFrom}" does not name the publication "${data.publication}".`);
      }
    }
  }
}

export interface Provenance {
  publication: string | null;
  publicationInferredFrom?: string | undefined;
  originalUrl?: string | undefined;
  /** null: the source gives none. */
  byline: string | null;
  /** YYYY-MM-DD; null: the source gives none. */
  published: string | null;
  rights?: string | undefined;
}

/** "2 December 2026", from YYYY-MM-DD (the day as written: no time zone involved). */
export const formatDay = formatPartialDate;

/** "Correction, 2 December 2026": a correction note's dated lead. */
export function correctionLabel(date: string): string {
  return `Correction, ${formatDay(date)}`;
}

/**
 * The credit line, as a newsroom writes one for a republished piece, saying plainly what is unknown:
 * "Originally published by This Week in Asia (inferred from the text: “Hong told This Week in Asia”).
 * The source gives no byline and no publication date."
 */
export function creditLine(p: Provenance): string {
  const by = p.byline ? `, by ${p.byline}` : '';
  const on = p.published ? ` on ${formatDay(p.published)}` : '';
  const first =
    p.publication === null
      ? `The source does not name where it was first published${by}${on}.`
      : `Originally published by ${publicationLabel(p.publication, p.publicationInferredFrom)}${by}${on}.`;
  const unknown = [p.byline ? undefined : 'no byline', p.published ? undefined : 'no publication date'].filter(Boolean);
  const missing = unknown.length > 0 ? ` The source gives ${unknown.join(' and ')}.` : '';
  const rights = p.rights ? ` Republished under ${p.rights}.` : '';
  return `${first}${missing}${rights}`;
}

/** Corrections as the feed writes them, after the summary: "[Correction, 2 December 2026: …]". */
export function correctionsText(corrections: readonly { date: string; text: string }[]): string {
  return corrections.map((c) => ` [${correctionLabel(c.date)}: ${c.text}]`).join('');
}
