/**
 * Checks that a content file can be read as the site expects before anything
 * parses it: UTF-8 text, within a size that a hand-edited article or data
 * file never reaches. Non-UTF-8 bytes would otherwise be turned silently
 * into "�" (or fail deep inside the bundler), and a runaway file would slow
 * or break the build far from its cause.
 */

/** The seed articles are 2–15 kB; anything past this is a wrong file, not a long article. */
export const MAX_CONTENT_BYTES = 256 * 1024;

export interface ContentFileProblem {
  file: string;
  line?: number;
  message: string;
}

export function checkContentFile(file: string, bytes: Uint8Array, maxBytes = MAX_CONTENT_BYTES): ContentFileProblem | undefined {
  if (bytes.length > maxBytes) {
    return {
      file,
      message: `is ${Math.round(bytes.length / 1024)} kB, over the ${Math.round(maxBytes / 1024)} kB limit for a content file. Check that it is the right file; split a long text into separate articles.`,
    };
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Find the first byte that is not UTF-8 by decoding growing prefixes line by line.
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, i));
        } catch {
          break;
        }
        line += 1;
        start = i + 1;
      }
    }
    return { file, line, message: 'is not valid UTF-8 text. Re-save it as UTF-8 (in most editors: "Save with encoding" → UTF-8).' };
  }
  return undefined;
}

export function formatContentProblem({ file, line, message }: ContentFileProblem): string {
  return `${file}${line ? `:${line}` : ''} ${message}`;
}
