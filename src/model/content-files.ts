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
  return unsafeCharacter(file, new TextDecoder('utf-8').decode(bytes));
}

/**
 * Control characters (but tab and line ends) and the bidirectional embeddings,
 * overrides and isolates: nothing a text needs, and each can change what a
 * reader sees (ESC sequences in a terminal; U+202E turns a quotation's words
 * round on screen). A content file holding one is refused, naming the line.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

/** The first control or bidi-override character in `text`, as a problem naming its line and column, or undefined. */
export function unsafeCharacter(file: string, text: string): ContentFileProblem | undefined {
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    const match = UNSAFE.exec(line);
    if (!match) continue;
    const code = `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    const what = /[\u202A-\u202E\u2066-\u2069]/u.test(match[0]) ? 'a bidirectional override' : 'a control character';
    return {
      file,
      line: index + 1,
      message: `holds ${what} (${code}) at column ${match.index + 1}, which can change what a reader sees. Remove it: a published text needs none.`,
    };
  }
  return undefined;
}

export function formatContentProblem({ file, line, message }: ContentFileProblem): string {
  return `${file}${line ? `:${line}` : ''} ${message}`;
}
