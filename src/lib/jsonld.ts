/**
 * schema.org structured data, built from the same records the pages show.
 * Every node gets an `@id` (its page URL plus a fragment) so nodes on
 * different pages can point at each other.
 */
export type JsonLd = Record<string, unknown>;

/** Serialises for a <script type="application/ld+json"> block; "<" is escaped so no text can close the element. */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

export function ldId(site: URL, path: string, fragment: string): string {
  return `${new URL(path, site).href}#${fragment}`;
}
