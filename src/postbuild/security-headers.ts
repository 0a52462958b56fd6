/**
 * The site's security policy, written once. Astro's `security.csp` reads the
 * directives from here for the per-page <meta> policy (with the hashes of each
 * page's own inline scripts and styles), and the `security-headers`
 * integration writes the same policy as HTTP headers for static hosts
 * (`dist/_headers`) and for `serve` (`dist/serve.json`).
 *
 * A <meta> policy cannot carry `frame-ancestors` (browsers ignore it there),
 * so that directive is header-only.
 */

/** Directives every page gets, in the <meta> policy and in the header policy. */
export const cspDirectives = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
] as const;

/**
 * Script sources besides the per-page hashes. Pagefind compiles its
 * WebAssembly search engine in the browser, which needs 'wasm-unsafe-eval'
 * (WebAssembly only, not JavaScript eval). Never 'unsafe-inline'.
 */
export const scriptResources = ["'self'", "'wasm-unsafe-eval'"] as const;
export const styleResources = ["'self'"] as const;

/** Directives a <meta> policy ignores, so they only travel as headers. */
export const headerOnlyDirectives = ["frame-ancestors 'none'"] as const;

export interface InlineHashes {
  scripts: Iterable<string>;
  styles: Iterable<string>;
}

/**
 * The header form of the policy. A header policy and a <meta> policy are both
 * enforced, so the header must allow every inline script and style hash any
 * page uses (collected from the built pages), or it would block what the
 * page's own policy allows.
 */
export function contentSecurityPolicy(hashes: InlineHashes): string {
  const quote = (hash: string) => (hash.startsWith("'") ? hash : `'${hash}'`);
  const scripts = [...new Set([...scriptResources, ...[...hashes.scripts].map(quote)])];
  const styles = [...new Set([...styleResources, ...[...hashes.styles].map(quote)])];
  return [...cspDirectives, `script-src ${scripts.join(' ')}`, `style-src ${styles.join(' ')}`, ...headerOnlyDirectives].join('; ');
}

/** Every header a static host should send with every response. */
export function securityHeaders(hashes: InlineHashes): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(hashes),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    // For browsers older than frame-ancestors; same meaning.
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  };
}

/** Netlify / Cloudflare Pages `_headers` file: a path pattern, then indented `Name: value` lines. */
/**
 * Vite names every file it emits under /_astro/ (scripts, the fonts, the print sheet) by a hash of its content:
 * a file there never changes, so a browser may keep it without asking again. A returning reader's page then has
 * its text face from the cache within `font-display: optional`'s moment, with no request at all.
 */
export const IMMUTABLE = { path: '/_astro/', headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } } as const;

export function toHeadersFile(headers: Record<string, string>): string {
  const block = (path: string, entries: Record<string, string>) => [path, ...Object.entries(entries).map(([name, value]) => `  ${name}: ${value}`)];
  return [...block('/*', headers), ...block(`${IMMUTABLE.path}*`, IMMUTABLE.headers), ''].join('\n');
}

/**
 * Headers that act only on a document: a browser applies a CSP, framing and
 * permissions policy from the response that loads a page (or a worker; the
 * search runs without one), never from a script, stylesheet or index file.
 */
const DOCUMENT_ONLY = new Set(['Content-Security-Policy', 'X-Frame-Options', 'Permissions-Policy']);

/**
 * `serve`'s configuration (read from serve.json in the served folder): clean
 * URLs with trailing slashes, as Astro builds them; every header on the pages,
 * and on every other file only the ones that act there. Over `serve`'s
 * HTTP/1.1 each header is re-sent with every response: the ~1.1 KB policy on
 * each of a first search's 8–10 index and script files was a tenth of it.
 */
export function toServeConfig(headers: Record<string, string>) {
  const entries = Object.entries(headers);
  const pick = (documentOnly: boolean) => entries.filter(([key]) => DOCUMENT_ONLY.has(key) === documentOnly).map(([key, value]) => ({ key, value }));
  return {
    cleanUrls: true,
    trailingSlash: true,
    headers: [
      { source: '**', headers: pick(false) },
      { source: '**/*.html', headers: pick(true) },
      { source: `${IMMUTABLE.path.slice(1)}**`, headers: Object.entries(IMMUTABLE.headers).map(([key, value]) => ({ key, value })) },
    ],
  };
}

/** The hashes in a page's CSP <meta> tag ("script-src 'self' 'sha256-…'; style-src …"). */
export function hashesInPolicy(policy: string): { scripts: string[]; styles: string[] } {
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const directive of policy.split(';')) {
    const [name, ...values] = directive.trim().split(/\s+/);
    const found = values.filter((value) => /^'sha(256|384|512)-/.test(value));
    if (name === 'script-src' || name === 'script-src-elem') scripts.push(...found);
    if (name === 'style-src' || name === 'style-src-elem') styles.push(...found);
  }
  return { scripts, styles };
}
