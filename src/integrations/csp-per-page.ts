/**
 * Gives each built page a Content-Security-Policy <meta> with only its own
 * inline hashes (see src/lib/csp-narrow.ts). Not an integration of its own:
 * the link check (link-check.ts) calls it with each page it has already read
 * and parsed, so each page is read and parsed once for both (at 1,000
 * articles a second pass cost as much again as the link check). Runs before
 * the headers are written, so the header policy lists exactly the hashes
 * pages use.
 */
import type { Root } from 'hast';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { narrowPolicy } from '../lib/csp-narrow.ts';

export function cspNarrowing(root: string): { onPage: (page: string, html: string, tree: Root) => void; savedBytes: () => number } {
  let saved = 0;
  return {
    onPage: (page, html, tree) => {
      const narrowed = narrowPolicy(html, page, tree);
      if (narrowed === html) return;
      saved += html.length - narrowed.length;
      writeFileSync(join(root, page), narrowed);
    },
    savedBytes: () => saved,
  };
}
