/**
 * Astro hands the pages its content store (every article's rendered HTML and
 * annotations) as one module, `export default JSON.parse("…")`, whose string
 * literal grows with the corpus. V8 compiles a string literal that holds
 * characters beyond Latin-1 (the articles' curly quotes) in time that grows
 * faster than its length, so at a thousand articles compiling that one line was
 * among the build's largest costs, where the same text in pieces of a megabyte
 * compiles in a small part of the time (npm run bench). This plugin rewrites
 * the module to join such pieces before the same JSON.parse: the module
 * exports the same value. Code of any other shape is left as it is.
 */
import type { AstroIntegration } from 'astro';

/** Astro's id for the store's module once resolved (astro/dist/content/consts.js). */
export const CONTENT_STORE_MODULE = '\0astro:data-layer-content';
const PREFIX = 'export default JSON.parse(';
const SUFFIX = ')';
/** Characters per piece: well below the lengths at which compiling one literal slows down. */
export const PIECE_LENGTH = 1 << 20;

/** The store module with its one string literal split into pieces joined at run time, or undefined when `code` is not of that shape. */
export function splitStoreLiteral(code: string, pieceLength = PIECE_LENGTH): string | undefined {
  const source = code.trim();
  if (!source.startsWith(PREFIX) || !source.endsWith(SUFFIX)) return undefined;
  let text: unknown;
  try {
    text = JSON.parse(source.slice(PREFIX.length, -SUFFIX.length));
  } catch {
    return undefined;
  }
  if (typeof text !== 'string' || text.length <= pieceLength) return undefined;
  const pieces: string[] = [];
  // A piece never ends between the two halves of a surrogate pair, so each is well-formed text.
  for (let start = 0; start < text.length;) {
    let end = Math.min(start + pieceLength, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end += end - 1 > start ? -1 : 1;
    pieces.push(JSON.stringify(text.slice(start, end)));
    start = end;
  }
  return `${PREFIX}[\n${pieces.join(',\n')}\n].join(""))`;
}

export default function contentStoreModuleIntegration(): AstroIntegration {
  return {
    name: 'summit-desk:content-store-module',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'summit-desk:content-store-module',
                transform(code, id) {
                  if (id !== CONTENT_STORE_MODULE) return undefined;
                  const split = splitStoreLiteral(code);
                  return split === undefined ? undefined : { code: split, map: { mappings: '' } };
                },
              },
            ],
          },
        });
      },
    },
  };
}
