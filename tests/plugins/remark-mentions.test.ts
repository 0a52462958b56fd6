import { describe, it, expect } from 'vitest';
import remarkAnchorIds from '../../src/markdown/remark-anchor-ids.ts';
import remarkMentions from '../../src/markdown/remark-mentions.ts';
import { emptyAnnotations } from '../../src/model/annotations.ts';
import { run, failure, toHtml, testRegistry } from '../support/markdown.ts';

const registry = testRegistry();
// Mentions need the paragraph ids that remark-anchor-ids sets.
const check = (mdx: string) => run(mdx, { plugins: [remarkAnchorIds, [remarkMentions, { registry }]], summit: emptyAnnotations() });
const reject = (mdx: string) => failure(() => check(mdx));
const html = (mdx: string) => {
  const { tree, file } = check(mdx);
  return toHtml(tree, file);
};

describe('remark-mentions', () => {
  it('links the first mention of a record and marks the later ones', () => {
    expect(html('<Mention person="hong-min">Hong Min</Mention> spoke; <Mention person="hong-min">Hong</Mention> added more.')).toBe(
      '<p id="p-hong-min-spoke-hong-added-more">' +
        '<a data-mention="person:hong-min" href="/people/hong-min/">Hong Min</a> spoke; ' +
        '<span data-mention="person:hong-min">Hong</span> added more.</p>',
    );
  });

  it('links each kind of record to where it lives', () => {
    const output = html(
      'At <Mention org="kinu">KINU</Mention> in <Mention place="hanoi">Hanoi</Mention> after <Mention event="hanoi-summit-2019">the summit</Mention> and <Mention event="trump-letter-declined">the letter</Mention>.',
    );
    expect(output).toContain('<a data-mention="org:kinu" href="/people/#org-kinu">KINU</a>');
    expect(output).toContain('<a data-mention="place:hanoi" href="/people/#place-hanoi">Hanoi</a>');
    // A summit has a page of its own; another event is an entry on the timeline.
    expect(output).toContain('<a data-mention="event:hanoi-summit-2019" href="/timeline/hanoi-summit-2019/">the summit</a>');
    expect(output).toContain('<a data-mention="event:trump-letter-declined" href="/timeline/#trump-letter-declined">the letter</a>');
  });

  it('links a mention of several events to the timeline, and marks one of several people without a link', () => {
    expect(
      html(
        '<Mention event="singapore-summit-2018 hanoi-summit-2019">Two summits</Mention> by <Mention person="donald-trump kim-jong-un">the two leaders</Mention>.',
      ),
    ).toBe(
      '<p id="p-two-summits-by-the-two-leaders">' +
        '<a data-mention="event:singapore-summit-2018 hanoi-summit-2019" href="/timeline/">Two summits</a> by ' +
        '<span data-mention="person:donald-trump kim-jong-un">the two leaders</span>.</p>',
    );
  });

  it('records each mention with its sentence, paragraph and line', () => {
    const { file } = check('First line.\n\nHong said so. Then <Mention person="kim-jong-un">Kim</Mention> left the U.S. team. Later more.');
    expect(file.data.summit!.mentions).toEqual([
      { kind: 'person', ids: ['kim-jong-un'], text: 'Kim', sentence: 'Then Kim left the U.S. team.', paragraph: 'p-hong-said-so-then-kim-left', line: 3 },
    ]);
  });

  it('fails on an unknown record of each kind, listing the known ids and the file to add it to', () => {
    const person = reject('Text.\n\nSaid <Mention person="hong-mim">Hong</Mention>.');
    expect(person.reason).toBe(
      'Unknown person \'hong-mim\' in <Mention person="hong-mim">. Add it to content/people.yaml or fix the id (known: donald-trump, hong-min, kim-jong-un, white-house).',
    );
    expect(person.line).toBe(3);
    expect(person.column).toBe(6);
    expect(reject('At <Mention org="unesco">it</Mention>.').reason).toBe(
      'Unknown organisation \'unesco\' in <Mention org="unesco">. Add it to content/organisations.yaml or fix the id (known: kinu).',
    );
    expect(reject('In <Mention place="hanoy">Hanoi</Mention>.').reason).toBe(
      'Unknown place \'hanoy\' in <Mention place="hanoy">. Add it to content/places.yaml or fix the id (known: hanoi).',
    );
    expect(reject('After <Mention event="hanoi-summit-2019 hanoi-summit">them</Mention>.').reason).toBe(
      'Unknown event \'hanoi-summit\' in <Mention event="hanoi-summit-2019 hanoi-summit">. Add it to content/events.yaml or fix the id (known: hanoi-summit-2019, singapore-summit-2018, trump-letter-declined).',
    );
  });

  it('fails on a mention that names no record', () => {
    expect(reject('Said <Mention person=" ">Hong</Mention>.').reason).toBe('<Mention person=""> names no person.');
  });

  it("fails on a mention outside the article's paragraphs", () => {
    const message = reject('Text.\n\n## About <Mention person="hong-min">Hong</Mention>');
    expect(message.reason).toBe('<Mention> must be inside a paragraph of the article.');
    expect(message.line).toBe(3);
  });

  it('fails, naming the missing steps, when run without the plugins it depends on', () => {
    const alone = failure(() => run('Said <Mention person="hong-min">Hong</Mention>.', { plugins: [[remarkMentions, { registry }]] }));
    expect(alone.reason).toMatch(/^remark-mentions runs on the annotations that remark-annotation-vocabulary starts, and found none/);
    const withoutIds = failure(() =>
      run('Said <Mention person="hong-min">Hong</Mention>.', { plugins: [[remarkMentions, { registry }]], summit: emptyAnnotations() }),
    );
    expect(withoutIds.reason).toMatch(/^<Mention>'s paragraph has no permalink id: .*run remark-anchor-ids first/);
    // The vocabulary plugin refuses a <Mention> that names no kind; without it, this plugin still says what is wrong.
    expect(reject('Said <Mention>Hong</Mention>.').reason).toBe(
      '<Mention> needs one of person="…", org="…", place="…", event="…" (remark-annotation-vocabulary checks this; run it first).',
    );
  });
});
