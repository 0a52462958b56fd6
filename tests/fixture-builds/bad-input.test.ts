/**
 * Bad content fails the build loudly: each fixture is a copy of the project
 * with one small break. Each must make `astro build` exit non-zero with a
 * message that names the file (and the line where one is known) and says how
 * to fix it, and must leave no dist/ behind: every fixture starts with a stale
 * "good" dist/ in place, which a failed build must remove, so `serve dist`
 * has nothing to serve.
 *
 * Builds run two at a time (the machine has two cores), each in its own copy
 * under tests/.tmp/ with node_modules symlinked.
 */
import { describe, expect, test } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { makeFixture, type Fixture } from '../support/fixture.ts';
import { projectRoot } from '../support/paths.ts';

const TK = 'content/articles/trump-kim-fourth-meeting.mdx';
const HANOI = 'content/articles/hanoi-hangover.mdx';

/** The line of `file` (in the real project) whose text contains `text`: expectations follow the content as it is edited. */
function lineOf(file: string, text: string): number {
  const index = readFileSync(join(projectRoot, file), 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(text));
  if (index === -1) throw new Error(`bad-input: "${text}" is not in ${file}; update the fixture`);
  return index + 1;
}
/** "file:line" (and ":column" when given) as a pattern for the message. */
const at = (file: string, line: number, column?: number) =>
  new RegExp(`${file.replaceAll('.', '\\.')}:${line}${column === undefined ? ':\\d+' : `:${column}`}`);

interface BadInput {
  name: string;
  edit(fixture: Fixture): void;
  /** The file the message must name, with its line when the line is known. */
  where: RegExp;
  /** What the message must say is wrong and how to fix it. */
  says: RegExp[];
  /** Environment for the build (e.g. a bad SITE_URL). */
  env?: Record<string, string>;
  /** Set for content that carries a payload: the file (in the fixture) the payload would create if it ran. */
  marker?: string;
}

/** The file a payload below would write if the build ran it as code (relative to the fixture's root). */
const MARKER = 'payload-ran.txt';
/** A line of code that writes MARKER in the folder the build runs in. */
const WRITE_MARKER = `process.getBuiltinModule("node:fs").writeFileSync("${MARKER}", "ran")`;
/** The paragraph of the Trump–Kim article after which the inserted blocks go; what is inserted starts two lines below it. */
const AFTER_TK_PARAGRAPH = 'abandoned their nuclear programs.\n';
const INSERTED = at(TK, lineOf(TK, AFTER_TK_PARAGRAPH.trim()) + 2, 1);
const KIM_MENTION = '<Mention person="kim-jong-un">Kim Jong-un</Mention>';

const cases: BadInput[] = [
  {
    name: 'missing frontmatter field',
    edit: (f) => f.replace(TK, 'dekBy: site\n', ''),
    where: /content\/articles\/trump-kim-fourth-meeting\.mdx:2\b/,
    says: [/dekBy: Invalid option: expected one of "source"\|"site"/, /Fix the field at the line given/],
  },
  {
    name: 'frontmatter field of the wrong type',
    edit: (f) => f.replace(TK, 'publication: null', 'publication: 42'),
    where: /content\/articles\/trump-kim-fourth-meeting\.mdx:6: publication: /,
    says: [/publication: Invalid input: expected string, received number/, /Fix the field at the line given/],
  },
  {
    name: 'data record field of the wrong type',
    edit: (f) => f.replace('content/people.yaml', '\n  kind: person', '\n  kind: robot'),
    where: new RegExp(`content/people\\.yaml:${lineOf('content/people.yaml', '  kind: person')}: \`kind\`: `),
    says: [/`kind`: Invalid option: expected one of "person"\|"office"/, /Fix the record at the file and line named/],
  },
  {
    name: 'impossible date',
    edit: (f) => f.replace('content/events.yaml', "start: '2018-06-12'", "start: '2018-13-45'"),
    where: new RegExp(`content/events\\.yaml:${lineOf('content/events.yaml', "start: '2018-06-12'")}: \`start\`: `),
    says: [/start/, /expected a real date written YYYY, YYYY-MM or YYYY-MM-DD/],
  },
  {
    name: 'unknown person in a mention',
    edit: (f) => f.replace(TK, '<Mention person="kim-jong-un">Kim Jong-un</Mention>', '<Mention person="kim-jong-um">Kim Jong-un</Mention>'),
    where: /content\/articles\/trump-kim-fourth-meeting\.mdx:\d+:\d+/,
    says: [/Unknown person 'kim-jong-um'/, /Add it to content\/people\.yaml or fix the id/, /known: .*kim-jong-un/],
  },
  {
    name: 'unknown event in a mention',
    edit: (f) => f.replace(TK, 'event="singapore-summit-2018"', 'event="singapore-summit-2081"'),
    where: /content\/articles\/trump-kim-fourth-meeting\.mdx:\d+:\d+/,
    says: [/Unknown event 'singapore-summit-2081'/, /known: .*singapore-summit-2018/],
  },
  {
    name: 'unknown topic in frontmatter',
    edit: (f) => f.replace(TK, 'topics: [talks-prospects,', 'topics: [talk-prospects,'),
    where: new RegExp(`content/articles/trump-kim-fourth-meeting\\.mdx:${lineOf(TK, 'topics: [talks-prospects,')}\\b`),
    says: [/unknown topics id "talk-prospects"/, /known: .*talks-prospects/],
  },
  {
    name: 'unknown participant in an event',
    edit: (f) => f.replace('content/events.yaml', 'participants: [donald-trump, kim-jong-un]', 'participants: [donald-trump, kim-jong-il]'),
    where: /content\/events\.yaml:\d+/,
    says: [/event singapore-summit-2018 → participants: unknown people id "kim-jong-il"/, /add the record there/],
  },
  {
    name: 'duplicate record id',
    edit: (f) =>
      f.write('content/notes.yaml', `${f.read('content/notes.yaml')}- id: yongbyon\n  title: Yongbyon again\n  body: A second record with the same id.\n`),
    where: /content\/notes\.yaml:\d+/,
    says: [/duplicate id "yongbyon" \(first at line \d+\)/, /Ids must be unique: rename one, or merge the two records/],
  },
  {
    // A quotation's words are part of its paragraph, so changed words are caught by the paragraph check
    // (remark-source-fidelity) before the quotation's own check; tests/plugins/remark-quotations.test.ts tests that one.
    name: 'words inside a quotation changed (caught by the paragraph check)',
    edit: (f) => f.replace(TK, 'I look forward to seeing him', 'I look forward to meeting him'),
    where: /content\/articles\/trump-kim-fourth-meeting\.mdx:\d+/,
    says: [/differs from content\/sources\/trump-kim-fourth-meeting\.txt line \d+/, /Annotations may wrap the words but never change them/],
  },
  {
    name: 'unclosed MDX tag',
    edit: (f) => f.replace(TK, 'I look forward to seeing him</Quote>', 'I look forward to seeing him'),
    where: /content\/articles\/trump-kim-fourth-meeting\.mdx:\d+/,
    says: [/Expected a closing tag for `<Quote>`/],
  },
  {
    name: 'unknown annotation name',
    edit: (f) => f.replace(TK, '<Mention person="kim-jong-un">Kim Jong-un</Mention>', '<Mentoin person="kim-jong-un">Kim Jong-un</Mentoin>'),
    where: /content\/articles\/trump-kim-fourth-meeting\.mdx:\d+:\d+/,
    says: [/Unknown annotation <Mentoin>/, /use one of Mention, Quote/],
  },
  {
    name: 'empty article',
    edit: (f) => f.write(TK, `${f.read(TK).split('---\n').slice(0, 2).join('---\n')}---\n`),
    where: /content\/articles\/trump-kim-fourth-meeting\.mdx:\d+/,
    says: [/stops before the end of content\/sources\/trump-kim-fourth-meeting\.txt/, /Every line of the source must be published/],
  },
  {
    // Articles cannot hold links of their own (see "Markdown link" below), so the broken link is on a page.
    name: 'broken internal link',
    edit: (f) =>
      f.write('src/pages/broken-link.astro', '<!doctype html><html lang="en"><title>x</title><a href="/people/kim-jong-um/">Kim Jong-un</a></html>\n'),
    where: /broken-link/,
    says: [
      /href="\/people\/kim-jong-um\/" points to \/people\/kim-jong-um\/, which is not in the build/,
      /Fix: point the link at a page or record id that exists/,
    ],
  },
  {
    name: 'oversized file',
    edit: (f) => f.write('content/sources/huge.txt', 'word '.repeat(100_000)),
    where: /content\/sources\/huge\.txt/,
    says: [/over the 256 kB limit/, /Check that it is the right file/],
  },
  {
    name: 'file that is not UTF-8',
    // A YAML comment with "é" written in Latin-1 (the single byte 0xE9), added as line 4.
    edit: (f) => {
      const [first, rest] = f.read(HANOI).split('headlineBy: source\n');
      f.write(HANOI, Buffer.concat([Buffer.from(`${first}headlineBy: source\n# caf`), Buffer.from([0xe9]), Buffer.from(`\n${rest}`)]));
    },
    where: /content\/articles\/hanoi-hangover\.mdx:4\b/,
    says: [/is not valid UTF-8 text/, /Re-save it as UTF-8/],
  },
  // Issue 15, section 1: holes a hostile review found. Each must fail, name the file and line, and run nothing.
  {
    name: 'expression between two comments (build-time code)',
    edit: (f) => f.replace(TK, AFTER_TK_PARAGRAPH, `${AFTER_TK_PARAGRAPH}\n{/**/ "x" + ${WRITE_MARKER} /**/}\n`),
    where: INSERTED,
    says: [/Unexpected expression \{\/\*\*\/ "x" \+ process/, /MDX would run it as code/, /Remove it, or make it a single comment/],
    marker: MARKER,
  },
  {
    name: 'expression in an attribute',
    edit: (f) => f.replace(TK, '<Mention person="kim-jong-un">Kim Jong-un</Mention>', `<Mention person={${WRITE_MARKER}}>Kim Jong-un</Mention>`),
    where: at(TK, lineOf(TK, KIM_MENTION)),
    says: [/<Mention> attribute `person` must be a quoted string, not an expression/],
    marker: MARKER,
  },
  {
    name: 'block quotation between paragraphs (invented text)',
    edit: (f) => f.replace(TK, AFTER_TK_PARAGRAPH, `${AFTER_TK_PARAGRAPH}\n> Kim said he would never meet Trump again.\n`),
    where: INSERTED,
    says: [/A block quotation \(> …\) is not one of the source's blocks/, /Quoted words are marked in their paragraph with <Quote/],
  },
  {
    name: 'list item between paragraphs (invented text)',
    edit: (f) => f.replace(TK, AFTER_TK_PARAGRAPH, `${AFTER_TK_PARAGRAPH}\n- Kim said he would never meet Trump again.\n`),
    where: INSERTED,
    says: [/A list \(- …, 1\. …\) is not one of the source's blocks/, /write each as a paragraph/],
  },
  {
    name: 'fenced code block between paragraphs (invented text)',
    edit: (f) => f.replace(TK, AFTER_TK_PARAGRAPH, `${AFTER_TK_PARAGRAPH}\n\`\`\`\nKim said he would never meet Trump again.\n\`\`\`\n`),
    where: INSERTED,
    says: [/A code block is not one of the source's blocks/, /Remove it/],
  },
  {
    name: 'Markdown javascript: link inside a mention',
    edit: (f) =>
      f.replace(TK, '<Mention person="kim-jong-un">Kim Jong-un</Mention>', '<Mention person="kim-jong-un">[Kim Jong-un](javascript:alert(1))</Mention>'),
    where: at(TK, lineOf(TK, KIM_MENTION)),
    says: [/Markdown links \(\[words\]\(address\)\) are not allowed in an article/, /Link a name with <Mention person="…">/],
  },
  {
    name: 'data: image inside a quotation',
    edit: (f) => f.replace(TK, '>I look forward to seeing him<', '>![I look forward to seeing him](data:image/svg+xml;base64,PHN2Zy8+)<'),
    where: at(TK, lineOf(TK, '>I look forward to seeing him<')),
    says: [/Images \(!\[…\]\(…\)\) are not allowed in an article/, /Remove it/],
  },
  {
    name: 'sourceText pointing outside content/sources/',
    edit: (f) => {
      f.write('outside.txt', f.read('content/sources/trump-kim-fourth-meeting.txt'));
      f.replace(TK, 'sourceText: trump-kim-fourth-meeting', 'sourceText: ../../outside');
    },
    where: /content\/articles\/trump-kim-fourth-meeting\.mdx:7: sourceText: /,
    says: [/ids are lower-case words joined by hyphens/, /Fix the field at the line given/],
  },
  {
    name: 'sourceText naming no source',
    edit: (f) => f.replace(TK, 'sourceText: trump-kim-fourth-meeting', 'sourceText: trump-kim-fifth-meeting'),
    where: /content\/articles\/trump-kim-fourth-meeting\.mdx/,
    says: [/No source text content\/sources\/trump-kim-fifth-meeting\.txt/, /Copy the seed there unchanged, or fix the id/],
  },
  {
    name: 'quotation nested in a quotation',
    // The words as tagged in the text (an MDX comment above quotes them too).
    edit: (f) => f.replace(TK, '>expressed openness to re-engaging with', '>expressed <Quote by="kim-jong-un">openness to re-engaging with</Quote>'),
    where: at(TK, lineOf(TK, '>expressed openness to re-engaging with')),
    says: [/A <Quote> inside another <Quote> would credit these words to both speakers/, /close the outer <Quote> before this one opens/],
  },
  {
    name: 'two article files with one slug',
    edit: (f) => f.write('content/articles/Hanoi Hangover.mdx', f.read(HANOI)),
    where: /content\/articles\/Hanoi Hangover\.mdx/,
    says: [
      /Article files that cannot be published/,
      /gets the same slug "hanoi-hangover" as content\/articles\/Hanoi Hangover\.mdx/,
      /article file names are their URL slugs, lower-case words joined by hyphens\. Rename it/,
    ],
  },
  {
    name: 'SITE_URL without a scheme',
    edit: () => {},
    env: { SITE_URL: 'example.org' },
    where: /SITE_URL="example\.org"/,
    says: [/is not a web address/, /e\.g\. SITE_URL=https:\/\/example\.org/],
  },
  {
    name: 'site-written headline of 5,000 characters',
    edit: (f) => f.replace(TK, 'headline: A fourth Trump–Kim meeting', `headline: ${'A very long headline '.repeat(240)}A fourth Trump–Kim meeting`),
    where: /content\/articles\/trump-kim-fourth-meeting\.mdx:2: headline: /,
    says: [/a headline is at most 140 characters/, /shorten it/],
  },
  {
    name: 'a line that differs from the source by an invisible character',
    edit: (f) => f.replace(TK, '>Subsequent meetings<', '>Subsequent\u00a0meetings<'),
    where: at(TK, lineOf(TK, '>Subsequent meetings<')),
    says: [/expected: Subsequent meetings revealed/, /found: {4}Subsequent⟨U\+00A0⟩meetings revealed/, /Annotations may wrap the words but never change them/],
  },
];

interface Outcome {
  code: number | null;
  output: string;
  distLeft: boolean;
  /** Whether the payload's marker file exists after the build. */
  payloadRan: boolean;
}

/** At most two fixture builds at a time. */
let free = 2;
const waiting: (() => void)[] = [];
async function withSlot<T>(task: () => Promise<T>): Promise<T> {
  if (free > 0) free -= 1;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await task();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else free += 1;
  }
}

async function buildBroken(item: BadInput): Promise<Outcome> {
  const fixture = makeFixture(item.name.replace(/\W+/g, '-'));
  try {
    item.edit(fixture);
    // A stale "good" site from an earlier build, which the failed build must not leave behind.
    mkdirSync(fixture.outDir, { recursive: true });
    writeFileSync(join(fixture.outDir, 'index.html'), '<!doctype html><title>stale</title>');
    const { code, output } = await fixture.build(item.env ? { env: item.env } : {});
    return { code, output, distLeft: existsSync(fixture.outDir), payloadRan: item.marker ? existsSync(join(fixture.root, item.marker)) : false };
  } finally {
    fixture.remove();
  }
}

// All builds start when the file loads, so the tests below only wait for their own.
const outcomes = new Map(cases.map((item) => [item.name, withSlot(() => buildBroken(item))]));
for (const outcome of outcomes.values()) outcome.catch(() => {}); // reported by the test that awaits it

describe('bad input fails the build with a message that explains itself', () => {
  test('there are at least 12 kinds of bad input', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  test.each(cases)('$name', { timeout: 300_000 }, async ({ name, where, says, marker }) => {
    const { code, output, distLeft, payloadRan } = await outcomes.get(name)!;
    // Colour codes and the build's progress lines are noise in a failure message.
    const text = stripVTControlCharacters(output);
    expect(code, text).not.toBe(0);
    expect(text).toMatch(where);
    for (const pattern of says) expect(text).toMatch(pattern);
    expect(distLeft, 'a failed build must leave no dist/ to serve').toBe(false);
    if (marker) expect(payloadRan, `the payload ran: ${marker} exists`).toBe(false);
  });
});

describe('a build stopped part-way publishes nothing', () => {
  test.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s while pages are being written removes dist/', { timeout: 300_000 }, async (signal, exitCode) => {
    const outcome = await withSlot(async () => {
      const fixture = makeFixture(`stopped-${signal}`);
      try {
        let sent = false;
        let distWhenStopped = false;
        // A site from an earlier build, which the stopped build must not leave behind as if it were its own.
        mkdirSync(fixture.outDir, { recursive: true });
        writeFileSync(join(fixture.outDir, 'index.html'), '<!doctype html><title>stale</title>');
        const { code, output } = await fixture.build({
          onOutput: (text, child) => {
            // The first page written ("├─ /…/index.html"): the new site is half-built from here on (beside dist/).
            if (sent || !/├─ \/.*index\.html/.test(text)) return;
            sent = true;
            distWhenStopped = existsSync(join(fixture.outDir, 'index.html'));
            child.kill(signal);
          },
        });
        return { sent, distWhenStopped, code, output, distLeft: existsSync(fixture.outDir) };
      } finally {
        fixture.remove();
      }
    });
    expect(outcome.sent, `the build never started writing pages:\n${outcome.output}`).toBe(true);
    expect(outcome.distWhenStopped, 'dist/ existed when the build was stopped').toBe(true);
    expect(outcome.code).toBe(exitCode);
    expect(outcome.output).toMatch(new RegExp(`Build stopped by ${signal}: removed .*dist`));
    expect(outcome.distLeft, 'a stopped build must leave no dist/ to serve').toBe(false);
  });
});
