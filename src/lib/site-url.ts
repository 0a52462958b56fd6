/**
 * The site's public address from the SITE_URL environment variable. Astro's
 * own check says only "Invalid URL"; this names the variable and the fix.
 */
export function siteUrl(value: string | undefined, fallback = 'http://localhost:4321'): string {
  if (value === undefined || value === '') return fallback;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname) {
    throw new Error(
      `SITE_URL="${value}" is not a web address. Set SITE_URL to the site's full address with its scheme, e.g. SITE_URL=https://${value.replace(/^[a-z]+:\/*/i, '') || 'example.org'}, or unset it for a local build.`,
    );
  }
  return value;
}
