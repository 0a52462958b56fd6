import { describe, it, expect } from 'vitest';
import remarkAnchorIds from '../../src/markdown/remark-anchor-ids.ts';
import remarkMentions from '../../src/markdown/remark-mentions.ts';
import remarkQuotations from '../../src/markdown/remark-quotations.ts';
import { emptyAnnotations } from '../../src/model/annotations.ts';
import { run, failure, toHtml, testRegistry } from '../support/markdown.ts';

const SOURCE = [
  '“There is little possibility of the talks resuming soon,” Hong said.',
  'Trump called for steps after Hanoi to be taken first, the White House said it remains open.',
  'Hong added: “There is little possibility of the talks ever working.”',
].join('\n\n');
const registry = testRegistry({ src: SOURCE });
// Quotations need paragraph ids (remark-anchor-ids) and read event mentions (remark-mentions).
const check = (mdx: string) =>
  run(mdx, {
    plugins: [remarkAnchorIds, [remarkMentions, { registry }], [remarkQuotations, { registry }]],
    frontmatter: { sourceText: 'src' },
    summit: emptyAnnotations(),
  });
const reject = (mdx: string) => failure(() => check(mdx));

describe('remark-quotations', () => {
  it('fails on a <Quote> without a speaker, naming the plugin that checks it', () => {
    expect(reject('Said “<Quote>words</Quote>”.').reason).toBe('<Quote> needs by="…" (remark-annotation-vocabulary checks this; run it first).');
  });

  it('marks a direct quote with <q>, its id and speaker, and records it', () => {
    const { tree, file } = check('“<Quote by="hong-min" topics="talks-prospects">There is little possibility of the talks resuming soon</Quote>,” Hong said.');
    expect(toHtml(tree, file)).toBe(
      '<p id="p-there-is-little-possibility-of-the">“<q data-quote="hong-min-there-is-little-possibility-of-the">There is little possibility of the talks resuming soon</q>,” Hong said.</p>',
    );
    expect(file.data.summit!.quotations).toEqual([
      {
        id: 'hong-min-there-is-little-possibility-of-the',
        speaker: 'hong-min',
        kind: 'direct',
        text: 'There is little possibility of the talks resuming soon',
        paragraph: 'p-there-is-little-possibility-of-the',
        events: [],
        topics: ['talks-prospects'],
        // No stance written: the default, which claims only that the words weigh in on the topic.
        stances: { 'talks-prospects': 'assesses' },
        line: 1,
        parts: ['There is little possibility of the talks resuming soon'],
      },
    ]);
  });

  it('joins a quotation the article splits with its attribution into one, the parts marked and joined by an ellipsis', () => {
    const { tree, file } = check(
      'Trump <Quote by="donald-trump" kind="paraphrase" topics="talks-prospects:supports">called for steps after Hanoi to be taken first</Quote>, the White House said <Quote by="donald-trump" continues="donald-trump-called-for-steps-after-hanoi-to">it remains open</Quote>.',
    );
    const [quotation, ...others] = file.data.summit!.quotations;
    expect(others).toEqual([]);
    expect(quotation!.parts).toEqual(['called for steps after Hanoi to be taken first', 'it remains open']);
    expect(quotation!.text).toBe('called for steps after Hanoi to be taken first … it remains open');
    expect(quotation!.stances).toEqual({ 'talks-prospects': 'supports' });
    expect(toHtml(tree, file)).toContain('<span data-quote="donald-trump-called-for-steps-after-hanoi-to" data-quote-part="2">it remains open</span>');
  });

  it('fails on a later part that names no earlier quotation of its speaker in its paragraph, or carries attributes of its own', () => {
    expect(reject('Trump <Quote by="donald-trump" continues="donald-trump-nothing">called for steps</Quote>.').reason).toMatch(
      /^<Quote continues="donald-trump-nothing"> names no earlier quotation by donald-trump in this paragraph/,
    );
    expect(
      reject(
        'Trump <Quote by="donald-trump" kind="paraphrase">called for steps after Hanoi to be taken first</Quote>, the White House said <Quote by="donald-trump" continues="donald-trump-called-for-steps-after-hanoi-to" topics="talks-prospects">it remains open</Quote>.',
      ).reason,
    ).toBe('A <Quote continues> is a later part of one quotation: give topics on its first part ("donald-trump-called-for-steps-after-hanoi-to") instead.');
  });

  it('records the site’s note and a credit from context', () => {
    const { file } = check(
      '“<Quote by="hong-min" attribution="context" note="What the words describe.">There is little possibility of the talks resuming soon</Quote>,” Hong said.',
    );
    expect(file.data.summit!.quotations[0]).toMatchObject({ attribution: 'context', note: 'What the words describe.' });
    expect(reject('“<Quote by="hong-min" attribution="rumour">There is little</Quote>.”').reason).toMatch(/^Unknown attribution 'rumour'/);
  });

  it('marks a paraphrase with a <span> and a statement with <q>, and takes events from `about` and from mentions inside', () => {
    const { tree, file } = check(
      '<Quote by="donald-trump" kind="paraphrase" about="trump-letter-declined">Trump called for steps after <Mention event="hanoi-summit-2019">Hanoi</Mention> to be taken first</Quote>, the White House said <Quote by="white-house" kind="statement">it remains open</Quote>.',
    );
    expect(toHtml(tree, file)).toBe(
      '<p id="p-trump-called-for-steps-after-hanoi">' +
        '<span data-quote="donald-trump-trump-called-for-steps-after-hanoi">Trump called for steps after ' +
        '<a data-mention="event:hanoi-summit-2019" href="/timeline/hanoi-summit-2019/">Hanoi</a> to be taken first</span>, the White House said ' +
        '<q data-quote="white-house-it-remains-open">it remains open</q>.</p>',
    );
    expect(file.data.summit!.quotations.map(({ id, kind, events }) => ({ id, kind, events }))).toEqual([
      { id: 'donald-trump-trump-called-for-steps-after-hanoi', kind: 'paraphrase', events: ['trump-letter-declined', 'hanoi-summit-2019'] },
      { id: 'white-house-it-remains-open', kind: 'statement', events: [] },
    ]);
  });

  it('fails on an unknown speaker, listing the known people', () => {
    const message = reject('Text.\n\n“<Quote by="hong-mim">There is little</Quote>.”');
    expect(message.reason).toBe(
      "Unknown person 'hong-mim' in <Quote by>. Add them to content/people.yaml or fix the id (known: donald-trump, hong-min, kim-jong-un, white-house).",
    );
    expect(message.line).toBe(3);
    expect(message.column).toBe(2);
  });

  it('fails on an unknown kind, topic or event', () => {
    expect(reject('“<Quote by="hong-min" kind="rumour">There is little</Quote>.”').reason).toBe(
      "Unknown quotation kind 'rumour': use direct, paraphrase, statement.",
    );
    expect(reject('“<Quote by="hong-min" topics="talks-prospects sanctions">There is little</Quote>.”').reason).toBe(
      "Unknown topic 'sanctions' in <Quote topics>. Topics are a fixed vocabulary in content/topics.yaml (known: sanctions-relief, talks-prospects).",
    );
    expect(reject('“<Quote by="hong-min" about="hanoi">There is little</Quote>.”').reason).toBe(
      "Unknown event 'hanoi' in <Quote about>. Add it to content/events.yaml or fix the id (known: hanoi-summit-2019, singapore-summit-2018, trump-letter-declined).",
    );
  });

  it('records the stance written after each topic', () => {
    const { file } = check(
      '“<Quote by="hong-min" topics="talks-prospects:opposes sanctions-relief:supports">There is little possibility of the talks resuming soon</Quote>,” Hong said.',
    );
    const [quotation] = file.data.summit!.quotations;
    expect(quotation!.topics).toEqual(['talks-prospects', 'sanctions-relief']);
    expect(quotation!.stances).toEqual({ 'talks-prospects': 'opposes', 'sanctions-relief': 'supports' });
  });

  it('fails on an unknown stance, with the line and the stances there are', () => {
    const message = reject('Text.\n\n“<Quote by="hong-min" topics="talks-prospects:endorses">There is little</Quote>.”');
    expect(message.reason).toBe(
      "Unknown stance 'endorses' for topic 'talks-prospects' in <Quote topics>: write topic:stance with one of supports (proposes or supports), opposes (opposes or rejects), assesses (assesses or predicts); a topic without one is 'assesses'.",
    );
    expect(message.line).toBe(3);
    // An empty stance ("topic:") is a typo too, not the default.
    expect(reject('“<Quote by="hong-min" topics="talks-prospects:">There is little</Quote>.”').reason).toMatch(
      /^Unknown stance '' for topic 'talks-prospects'/,
    );
  });

  it('fails on a topic given twice, even with different stances', () => {
    expect(reject('“<Quote by="hong-min" topics="talks-prospects:supports talks-prospects:opposes">There is little</Quote>.”').reason).toBe(
      "Topic 'talks-prospects' is given twice in <Quote topics>: give each topic once, with the one stance the words support.",
    );
  });

  it('fails on words that are not verbatim in the source', () => {
    const message = reject('Text.\n\n“<Quote by="hong-min">There is little chance of the talks resuming soon</Quote>,” Hong said.');
    expect(message.reason).toBe(
      'The words of this <Quote> are not verbatim in content/sources/src.txt: "There is little chance of the talks resuming soon…". Quote cards show the article\'s exact words; fix the text to match the source.',
    );
    expect(message.line).toBe(3);
  });

  it('fails on two quotations that get the same id, naming the line of the first', () => {
    const message = reject(
      '“<Quote by="hong-min">There is little possibility of the talks resuming soon</Quote>,” Hong said.\n\nHong added: “<Quote by="hong-min">There is little possibility of the talks ever working.</Quote>”',
    );
    expect(message.reason).toBe(
      'Two quotations get the id "hong-min-there-is-little-possibility-of-the" (this one and line 1): the same speaker\'s words starting the same way. Wrap a longer or different span so they differ.',
    );
    expect(message.line).toBe(3);
  });

  it("fails on a quotation outside the article's paragraphs", () => {
    const message = reject('Text.\n\n## <Quote by="hong-min">There is little</Quote>');
    expect(message.reason).toBe('<Quote> must be inside a paragraph of the article.');
    expect(message.line).toBe(3);
  });
});
