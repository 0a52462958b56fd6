/**
 * What search knows beyond the pages' own words (issue 24, items 1 and 2):
 * - the terms a quotation page is findable by (speaker, role, organisation,
 *   topics with stances, events and places, with the curated variants of the
 *   data files), indexed as hidden text weighted below the words themselves;
 * - the vocabulary the search UI corrects misspelt words against (names,
 *   organisations, topics, places, events, their variants and the articles'
 *   proper nouns) and the US spellings of the articles' UK words, written by
 *   the build to a small static file the UI fetches with its first search.
 */
import type { Corpus, Quotation } from '../model/corpus.ts';
import { DEFAULT_STANCE, topicWithStance } from '../model/stances.ts';
import type { Vocabulary } from './browser/query.ts';

/** Organisations whose name is part of an affiliation as the articles give it ("Dongguk University, Seoul"). */
function organisationsIn(corpus: Corpus, affiliation: string | undefined) {
  if (!affiliation) return [];
  return [...corpus.organisations.values()].filter((org) => affiliation.includes(org.name));
}

/** The phrases a quotation page is findable by besides its words, in a stable order, without repeats. */
export function quotationSearchTerms(corpus: Corpus, quotation: Quotation): string[] {
  const speaker = corpus.people.get(quotation.speaker);
  const terms: string[] = [];
  if (speaker) {
    terms.push(speaker.name, speaker.role);
    if (speaker.affiliation) terms.push(speaker.affiliation);
    for (const org of organisationsIn(corpus, speaker.affiliation)) terms.push(...org.variants);
  }
  for (const id of quotation.topics) {
    const topic = corpus.topics.get(id);
    if (!topic) continue;
    terms.push(topicWithStance(topic.label, quotation.stances[id] ?? DEFAULT_STANCE), ...topic.variants);
  }
  for (const id of quotation.events) {
    const event = corpus.events.find((e) => e.id === id);
    if (!event) continue;
    terms.push(event.name, ...event.variants);
    const place = event.place ? corpus.places.get(event.place) : undefined;
    if (place) terms.push(place.name, ...place.variants);
  }
  return [...new Set(terms)];
}

const WORD = /[\p{L}\p{N}]+(?:[-’'][\p{L}\p{N}]+)*/gu;

/** Lower-case words of a text; a hyphenated word also as its parts and joined ("jie-won" → "jie-won", "jie", "won", "jiewon"). */
export function vocabularyWords(text: string): string[] {
  const out: string[] = [];
  for (const [word] of text.toLowerCase().matchAll(WORD)) {
    const plain = word.replace(/[’']s$/, '').replace(/[’']/g, '');
    if (/\d/.test(plain)) continue;
    out.push(plain);
    if (plain.includes('-')) out.push(...plain.split('-'), plain.replaceAll('-', ''));
  }
  return out.filter((w) => w.length >= 3);
}

/** Words ending in -ise that are spelt so in US English too. */
const NOT_ISE =
  /^(exercis|compromis|enterpris|expertis|otherwis|promis|surpris|advertis|franchis|merchandis|supervis|televis|revis|devis|advis|prais|rais|cruis|premis|arise|rise|wise|noise|poise)/;

/**
 * US spellings of the UK words in a text ("normalisation" → "normalization",
 * "theatre" → "theater", "defence" → "defense", "sceptical" → "skeptical"),
 * for words whose US form the text never uses: a search for the US form is
 * then run with the text's own word.
 */
export function usSpellings(words: Iterable<string>): Record<string, string> {
  const all = new Set(words);
  const map: Record<string, string> = {};
  const rules: [RegExp, string][] = [
    [/is(e|es|ed|ing|ation|ations|er|ers)$/, 'iz$1'],
    [/tre(s)?$/, 'ter$1'],
    [/^(de|of)fence(s)?$/, '$1fense$2'],
    [/^scepti/, 'skepti'],
    [/^programme(s)?$/, 'program$1'],
    [/([a-z]{3})our(s|ed|ing|able|ite|ites)?$/, '$1or$2'],
  ];
  for (const word of all) {
    if (word.length < 5 || NOT_ISE.test(word)) continue;
    for (const [rule, replacement] of rules) {
      if (!rule.test(word)) continue;
      const us = word.replace(rule, replacement);
      if (us !== word && !all.has(us)) map[us] = word;
    }
  }
  return map;
}

/** The vocabulary file's content: sorted, so the build's output is stable. */
export function buildVocabulary(corpus: Corpus): Vocabulary {
  const names: string[] = [];
  for (const person of corpus.people.values()) names.push(person.name);
  for (const org of corpus.organisations.values()) names.push(org.name, ...org.variants);
  for (const place of corpus.places.values()) names.push(place.name, ...place.variants);
  for (const event of corpus.events) names.push(event.name, ...event.variants);
  for (const topic of corpus.topics.values()) names.push(topic.label, ...topic.variants);
  const text = corpus.articles.flatMap((article) => [article.entry.data.headline, ...article.annotations.paragraphs.map((p) => p.text)]).join('\n');
  // The articles' proper nouns (capitalised other than at a sentence's start): Pyongyang, Washington, Ukraine…
  const proper = [...text.matchAll(/(?<![.!?“"]\s|^)(?<=\s)\p{Lu}[\p{L}-]+/gmu)].map(([word]) => word);
  const words = new Set([...vocabularyWords(names.join(' ')), ...vocabularyWords(proper.join(' '))]);
  return { words: [...words].sort(), spellings: Object.fromEntries(Object.entries(usSpellings(vocabularyWords(text))).sort()) };
}
