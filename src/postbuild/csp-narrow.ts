/**
 * Narrows a page's Content-Security-Policy <meta> to the inline scripts and
 * styles that page really has. Astro's static `security.csp` gives every page
 * the hashes of every inline script and style in the whole site (23 on each
 * page here, ~1 KB gzip of incompressible base64); a page needs its own two
 * or three. A tighter policy is also a safer one.
 */
import { scanPage, type PageScan } from './page-scan.ts';

const META = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i;
const HASH = /^'sha256-[A-Za-z0-9+/=]+'$/;

/** Hashes of the executable inline scripts (not JSON-LD data blocks) and inline styles of a page (its markup, or its scan when already made). */
export function inlineHashes(page: string | PageScan): { scripts: Set<string>; styles: Set<string> } {
  // Scanned, not matched with a pattern: "<script>" may stand as text in an attribute.
  const { scripts, styles } = typeof page === 'string' ? scanPage(page) : page;
  return { scripts, styles };
}

/**
 * The page with its policy's script-src and style-src hashes cut down to its
 * own inline elements. Throws when the page has an inline script or style the
 * policy does not allow: the page would be broken, so the build must fail.
 */
export function narrowPolicy(html: string, page: string, scan?: PageScan): string {
  const match = META.exec(html);
  if (!match) return html;
  const policy = match[2]!.replaceAll('&#39;', "'");
  const own = inlineHashes(scan ?? html);
  const directives = policy.split(';').map((directive) => {
    const [name, ...sources] = directive.trim().split(/\s+/);
    const needed = name === 'script-src' ? own.scripts : name === 'style-src' ? own.styles : undefined;
    if (!needed) return directive.trim();
    for (const hash of needed) {
      if (!sources.includes(hash))
        throw new Error(
          `${page}: an inline ${name === 'script-src' ? 'script' : 'style'} (${hash}) is not allowed by the page's Content-Security-Policy; it would be blocked in the browser.`,
        );
    }
    return [name, ...sources.filter((source) => !HASH.test(source) || needed.has(source))].join(' ');
  });
  const narrowed = directives.filter(Boolean).join(';');
  return html.replace(META, (_all, open: string, _content: string, close: string) => `${open}${narrowed}${close}`);
}
