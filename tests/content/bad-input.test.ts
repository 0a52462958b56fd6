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
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { makeFixture, type Fixture } from '../support/fixture.ts';

const TK = 'content/articles/trump-kim-fourth-meeting.mdx';
const HANOI = 'content/articles/hanoi-hangover.mdx';

interface BadInput {
  name: string;
  edit(fixture: Fixture): void;
  /** The file the message must name, with its line when the line is known. */
  where: RegExp;
  /** What the message must say is wrong and how to fix it. */
  says: RegExp[];
}

const cases: BadInput[] = [
  {
    name: 'missing frontmatter field',
    edit: (f) => f.replace(TK, 'dekBy: site\n', ''),
    where: /content\/articles\/trump-kim-fourth-meeting\.mdx/,
    says: [/dekBy/, /expected one of "source"\|"site"/],
  },
  {
    name: 'frontmatter field of the wrong type',
    edit: (f) => f.replace(TK, 'publication: null', 'publication: 42'),
    where: /content\/articles\/trump-kim-fourth-meeting\.mdx/,
    says: [/publication/, /Expected type `"string"`, received `"number"`/],
  },
  {
    name: 'data record field of the wrong type',
    edit: (f) => f.replace('content/people.yaml', '\n  kind: person', '\n  kind: robot'),
    where: /content\/people\.yaml/,
    says: [/kind/, /expected one of/i],
  },
  {
    name: 'impossible date',
    edit: (f) => f.replace('content/events.yaml', "start: '2018-06-12'", "start: '2018-13-45'"),
    where: /content\/events\.yaml/,
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
    where: /content\/articles\/trump-kim-fourth-meeting\.mdx:8\b/,
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
    edit: (f) => f.write('content/notes.yaml', `${f.read('content/notes.yaml')}- id: yongbyon\n  title: Yongbyon again\n  body: A second record with the same id.\n`),
    where: /content\/notes\.yaml:\d+/,
    says: [/duplicate id "yongbyon" \(first at line \d+\)/, /Ids must be unique: rename one, or merge the two records/],
  },
  {
    name: 'quotation not verbatim',
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
    name: 'broken internal link',
    edit: (f) => f.replace(TK, '<Mention person="kim-jong-un">Kim Jong-un</Mention>', '[Kim Jong-un](/people/kim-jong-um/)'),
    where: /content\/articles\/trump-kim-fourth-meeting\.mdx:\d+/,
    says: [/href="\/people\/kim-jong-um\/" points to \/people\/kim-jong-um\/, which is not in the build/, /Fix: point the link at a page or record id that exists/],
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
];

interface Outcome {
  code: number | null;
  output: string;
  distLeft: boolean;
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
    const { code, output } = await fixture.build();
    return { code, output, distLeft: existsSync(fixture.outDir) };
  } finally {
    fixture.remove();
  }
}

// All builds start when the file loads, so the tests below only wait for their own.
const outcomes = new Map(cases.map((item) => [item.name, withSlot(() => buildBroken(item))]));
for (const outcome of outcomes.values()) outcome.catch(() => {}); // reported by the test that awaits it

describe('bad input fails the build with a message that explains itself', () => {
  test('there are at least 12 kinds of bad input', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  test.each(cases)('$name', { timeout: 300_000 }, async ({ name, where, says }) => {
    const { code, output, distLeft } = await outcomes.get(name)!;
    // Colour codes and the build's progress lines are noise in a failure message.
    const text = stripVTControlCharacters(output);
    expect(code, text).not.toBe(0);
    expect(text).toMatch(where);
    for (const pattern of says) expect(text).toMatch(pattern);
    expect(distLeft, 'a failed build must leave no dist/ to serve').toBe(false);
  });
});
