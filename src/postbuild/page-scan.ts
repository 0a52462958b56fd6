/**
 * What the steps over dist/ need to know of one built page, read in one pass
 * of a streaming HTML tokenizer (htmlparser2) rather than by building the
 * page's whole tree: its element ids, its links, and the hashes of its inline
 * scripts and styles. The link check, the CSP narrowing, the permalink
 * manifest and the security headers all read this one scan.
 *
 * A tokenizer is enough here and far cheaper than a tree (parse5's trees
 * were a large part of a large build): nothing here depends on
 * how a browser would repair bad nesting, and html-validate checks that the
 * pages have none. Script and style contents are raw text to the tokenizer,
 * as to a browser, so "<a id=…>" inside a script is not taken for an element.
 */
import { createHash } from 'node:crypto';
import { Parser } from 'htmlparser2';

export const LINK_ATTRIBUTES = ['href', 'src', 'srcset'] as const;
export type LinkAttribute = (typeof LINK_ATTRIBUTES)[number];

export interface PageScan {
  /** Every element with an id, in document order: its tag, the id, and whether it is a permalink alias anchor. */
  ids: { tag: string; id: string; alias: boolean }[];
  /** Anchors' `name`s, which a #fragment may also name. */
  names: string[];
  /** Every href, src and srcset value (srcset split into its URLs), in document order. */
  links: { attribute: LinkAttribute; url: string }[];
  /** CSP source expressions ('sha256-…') of the inline executable scripts (not JSON-LD data blocks) and inline styles. */
  scripts: Set<string>;
  styles: Set<string>;
}

/**
 * A copy of `text` that does not hold on to the page it was cut from. The
 * tokenizer hands out slices of the page's markup, and V8 keeps a slice's
 * whole parent string alive: a link or id kept from every page (the link
 * check and the permalink manifest keep them until the pass ends) would keep
 * every page's HTML, gigabytes at 1,000 articles. Concatenating makes a new
 * flat string; slicing that keeps only the copy.
 */
const own = (text: string): string => (text.length < 13 ? text : ` ${text}`.slice(1));

export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The URLs of a srcset: comma-separated candidates, each a URL and an optional descriptor. */
function srcsetUrls(value: string): string[] {
  return value
    .split(/,\s+/)
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

export function scanPage(html: string): PageScan {
  const scan: PageScan = { ids: [], names: [], links: [], scripts: new Set(), styles: new Set() };
  /** The inline script or style being read, and its text so far. */
  let inline: { kind: 'script' | 'style'; text: string } | undefined;
  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        const id = attributes['id'];
        if (id) scan.ids.push({ tag: own(tag), id: own(id), alias: 'data-permalink-alias' in attributes });
        if (tag === 'a' && attributes['name']) scan.names.push(own(attributes['name']));
        for (const attribute of LINK_ATTRIBUTES) {
          const value = attributes[attribute];
          if (!value) continue;
          for (const url of attribute === 'srcset' ? srcsetUrls(value) : [value]) scan.links.push({ attribute, url: own(url) });
        }
        if (tag === 'style') inline = { kind: 'style', text: '' };
        else if (tag === 'script' && attributes['src'] === undefined && attributes['type'] !== 'application/ld+json') inline = { kind: 'script', text: '' };
      },
      ontext(text) {
        if (inline) inline.text += text;
      },
      onclosetag(tag) {
        if (inline && tag === inline.kind) {
          (inline.kind === 'script' ? scan.scripts : scan.styles).add(cspHash(inline.text));
          inline = undefined;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return scan;
}
