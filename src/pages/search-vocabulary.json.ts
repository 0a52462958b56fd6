/** The search UI's vocabulary (src/search/search-terms.ts): fetched with the first search, for corrections and spellings. */
import type { APIRoute } from 'astro';
import { getCorpus } from '../model/corpus.ts';
import { buildVocabulary } from '../search/search-terms.ts';

export const GET: APIRoute = async () => new Response(JSON.stringify(buildVocabulary(await getCorpus())), { headers: { 'Content-Type': 'application/json' } });
