/** The site's public address, as astro.config.mjs reads it: absolute URLs in the built pages start with it. */
export const SITE_URL = new URL(process.env['SITE_URL'] ?? 'http://localhost:4321');

/** The site path of an absolute URL on the site, or undefined for a URL elsewhere. */
export function sitePath(url: string): string | undefined {
  const parsed = new URL(url);
  return parsed.origin === SITE_URL.origin ? parsed.pathname : undefined;
}
