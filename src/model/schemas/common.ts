/** Pieces shared by the content schemas. */
import { z } from 'astro/zod';

/** Record ids: lower-case words joined by hyphens, as they appear in URLs. */
export const recordId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case words joined by hyphens, e.g. "hong-min"');

/** A non-empty line of text with no leading or trailing space. */
export const line = z.string().trim().min(1, 'must not be empty');

/**
 * Other words readers search for a record by: US and UK spellings, short
 * forms ("DMZ", "nukes"). Indexed for search only (weighted below the
 * page's own words, src/search/search-terms.ts) and never shown as the
 * site's text, so they are search aids, not facts.
 */
export const searchVariants = z.array(line).default([]);
