/**
 * The markup of a page of results: a quotation by its speaker, with its
 * words marked as Pagefind marked its excerpt; any other page by its title,
 * with the anchored parts that match. Links carry the matched words, for
 * highlighting on arrival. Text only: Pagefind's excerpt HTML never goes
 * into innerHTML.
 */
import { el } from '../dom.ts';
import { excerptParts } from '../excerpt.ts';
import { markedWords } from '../query.ts';
import { HIGHLIGHT_PARAM, type PagefindResultData, type PagefindSubResult } from '../pagefind.ts';

const MAX_SUB_RESULTS = 3;
/** A quotation up to this many words is shown whole; a longer one to this many words. */
const QUOTE_WORDS = 60;

type ResultType = 'quote' | 'person' | 'event' | 'article' | 'page';
const TYPE_LABEL: Record<ResultType, string> = { quote: 'Quotation', person: 'Person', event: 'Event', article: 'Article', page: 'Overview' };

function resultType(url: string): ResultType {
  if (/^\/quotes\/[^/]+\//.test(url)) return 'quote';
  if (/^\/people\/[^/]+\//.test(url)) return 'person';
  if (/^\/timeline\/[^/]+\//.test(url)) return 'event';
  if (/^\/articles\/[^/]+\//.test(url)) return 'article';
  return 'page';
}

/** Pagefind's excerpt as DOM: text nodes and <mark>s only, whatever the excerpt contains. */
function excerptNode(excerpt: string, className: string): HTMLParagraphElement {
  const p = el('p', { class: className });
  for (const part of excerptParts(excerpt)) p.append(part.marked ? el('mark', {}, part.text) : part.text);
  return p;
}

/** Plain text with the given words (and words starting with them) marked: the quotation of a result, marked as Pagefind marked its excerpt. */
function markedText(text: string, words: readonly string[], className: string): HTMLParagraphElement {
  const p = el('p', { class: className });
  const escaped = words.filter((w) => w.length > 1).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (escaped.length === 0) {
    p.append(text);
    return p;
  }
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])((?:${escaped.join('|')})[\\p{L}\\p{N}]*)`, 'giu');
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    p.append(text.slice(last, match.index), el('mark', {}, match[0]));
    last = match.index + match[0].length;
  }
  p.append(text.slice(last));
  return p;
}

function truncate(text: string, words: number): string {
  const all = text.split(/\s+/);
  return all.length <= words ? text : `${all.slice(0, words).join(' ')}…`;
}

/** A result link that highlights `words` on the page it opens (one parameter per word, as Pagefind's highlighter reads them). */
function withHighlight(url: string, words: readonly string[]): string {
  const parsed = new URL(url, location.origin);
  parsed.searchParams.delete(HIGHLIGHT_PARAM);
  for (const word of words) parsed.searchParams.append(HIGHLIGHT_PARAM, word);
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}

const withoutQuery = (url: string) => url.replace(/\?[^#]*/, '');

function relevance(sub: PagefindSubResult): number {
  return (sub.weighted_locations ?? []).reduce((sum, l) => sum + l.balanced_score, 0);
}

/**
 * What to show of a page's hit: the excerpt of its best-matching part and
 * links to the anchored parts (timeline entries, sections, paragraphs) that
 * match, best first, leaving out any that only repeat the page's own title.
 */
function bestParts(data: PagefindResultData, title: string): { excerpt: string; anchored: PagefindSubResult[] } {
  const ranked = [...data.sub_results].sort((a, b) => relevance(b) - relevance(a));
  const anchored = ranked.filter((sub) => sub.url.includes('#') && sub.title.trim() !== title.trim()).slice(0, MAX_SUB_RESULTS);
  const top = ranked[0];
  return { excerpt: top && !top.url.includes('#') ? top.excerpt : anchored.length ? '' : data.excerpt, anchored };
}

/**
 * A quotation's paragraph, when the article's hit is that same paragraph, is shown with the quotation
 * ("also in the article"), not again as its own result: the results to show, and each such quotation's paragraph.
 */
function withoutRepeatedParagraphs(page: readonly PagefindResultData[]): { shown: PagefindResultData[]; alsoIn: Map<PagefindResultData, PagefindSubResult> } {
  const paragraphs = new Map(page.filter((d) => resultType(d.url) === 'quote' && d.meta['context']).map((d) => [d.meta['context']!, d] as const));
  const alsoIn = new Map<PagefindResultData, PagefindSubResult>();
  const shown = page.flatMap((data) => {
    if (resultType(data.url) !== 'article') return [data];
    const rest = data.sub_results.filter((sub) => {
      const quote = paragraphs.get(withoutQuery(sub.url));
      if (quote && !alsoIn.has(quote)) {
        alsoIn.set(quote, sub);
        return false;
      }
      return true;
    });
    if (rest.length === data.sub_results.length) return [data];
    return rest.some((sub) => sub.url.includes('#')) ? [{ ...data, sub_results: rest }] : [];
  });
  return { shown, alsoIn };
}

/**
 * The list of a page of results, each title a heading of `headingLevel`. Links highlight the words
 * Pagefind marked in each result, or `queryWords` (the words searched for) where it marked none.
 */
export function resultList(page: readonly PagefindResultData[], queryWords: readonly string[], headingLevel: 2 | 3): HTMLOListElement {
  const list = el('ol', { class: 'result-list' });
  const Heading = `h${headingLevel}` as const;
  const { shown, alsoIn } = withoutRepeatedParagraphs(page);
  for (const data of shown) {
    const type = resultType(data.url);
    const marked = markedWords([data.excerpt, ...data.sub_results.map((sub) => sub.excerpt)]);
    const highlight = marked.length > 0 ? marked : queryWords;
    const item = el('li', { class: `result result--${type}` });
    const meta = el('p', { class: 'result-meta' });
    if (type === 'quote') {
      const card = data.sub_results.find((sub) => sub.url.includes('#'));
      const href = withHighlight(card?.url ?? data.url, highlight);
      item.append(el(Heading, { class: 'result-title' }, el('a', { href }, data.meta['speaker'] ?? data.meta['title'] ?? data.url)));
      const kind = data.meta['kind'];
      if (kind) meta.append(el('span', { class: `badge badge--${/^Paraphrase/.test(kind) ? 'paraphrase' : 'direct'}` }, kind.replace(/ by the article$/, '')));
      const who = [data.meta['role'], data.meta['affiliation']].filter(Boolean).join(', ');
      if (who) meta.append(kind ? ' · ' : '', who);
      item.append(meta);
      const words = data.meta['quote'];
      if (words) {
        const direct = kind !== undefined && !/^Paraphrase/.test(kind);
        const text = truncate(words, QUOTE_WORDS);
        item.append(markedText(direct ? `“${text}”` : text, highlight, 'result-excerpt result-quote'));
      } else if (data.excerpt) item.append(excerptNode(data.excerpt, 'result-excerpt'));
      const paragraph = alsoIn.get(data);
      if (paragraph) {
        item.append(
          el(
            'p',
            { class: 'result-also' },
            'Also in the article: ',
            el(
              'a',
              { href: withHighlight(paragraph.url, markedWords([paragraph.excerpt]).length ? markedWords([paragraph.excerpt]) : highlight) },
              paragraph.title,
            ),
          ),
        );
      }
    } else {
      const title = data.meta['title'] ?? data.url;
      item.append(el(Heading, { class: 'result-title' }, el('a', { href: withHighlight(data.url, highlight) }, title)));
      meta.append(el('span', { class: 'badge' }, TYPE_LABEL[type]));
      item.append(meta);
      const { excerpt, anchored } = bestParts(data, title);
      if (excerpt) item.append(excerptNode(excerpt, 'result-excerpt'));
      if (anchored.length > 0) {
        const ul = el('ul', { class: 'sub-results', 'aria-label': `Matches in ${title}` });
        for (const sub of anchored) {
          const subMarked = markedWords([sub.excerpt]);
          ul.append(
            el(
              'li',
              {},
              el('a', { href: withHighlight(sub.url, subMarked.length ? subMarked : highlight) }, sub.title),
              excerptNode(sub.excerpt, 'result-excerpt'),
            ),
          );
        }
        item.append(ul);
      }
    }
    list.append(item);
  }
  return list;
}
