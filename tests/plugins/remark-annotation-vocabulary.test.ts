import { describe, it, expect } from 'vitest';
import remarkAnnotationVocabulary, { isCommentOnly } from '../../src/markdown/remark-annotation-vocabulary.ts';
import { emptyAnnotations } from '../../src/model/annotations.ts';
import { run, failure, ARTICLE_PATH } from '../support/markdown.ts';

const check = (mdx: string) => run(mdx, { plugins: [remarkAnnotationVocabulary] });
const reject = (mdx: string) => failure(() => check(mdx));

/** Two paragraphs of plain text, so the bad line of each case below is line 5. */
const lead = 'First paragraph.\n\nSecond paragraph.\n\n';

describe('remark-annotation-vocabulary', () => {
  it('accepts source text with every annotation of the vocabulary, and leaves the tree as it was', () => {
    const mdx = [
      '{/* A comment about the source. */}',
      '',
      '“<Quote by="hong-min" kind="direct" topics="talks-prospects" about="hanoi-summit-2019">Words</Quote>,” <Mention person="hong-min">Hong</Mention> said.',
      '',
      '<Note id="six-party-talks" />',
      '',
      '<PullQuote by="hong-min" attribution="Hong Min">WordsHong Min</PullQuote>',
    ].join('\n');
    const { tree, file } = check(mdx);
    expect(tree.children.map((node) => node.type)).toEqual(['mdxFlowExpression', 'paragraph', 'mdxJsxFlowElement', 'paragraph']);
    expect(file.messages).toEqual([]);
    expect(file.data.summit).toEqual(emptyAnnotations());
  });

  it('starts each document with empty annotations, whatever the file held before', () => {
    const { file } = run('Text.', { plugins: [remarkAnnotationVocabulary], summit: { ...emptyAnnotations(), notes: [{ id: 'stale', after: undefined }] } });
    expect(file.data.summit).toEqual(emptyAnnotations());
  });

  it('rejects an unknown annotation name, listing the known ones, at its line', () => {
    const message = reject(`${lead}Words of <Mentoin person="hong-min">Hong</Mentoin>.`);
    expect(message.reason).toBe('Unknown annotation <Mentoin>: use one of Mention, Quote, Note, PullQuote (see README, "Authoring").');
    expect(message.line).toBe(5);
    expect(message.column).toBe(10);
    expect(message.file).toBe(ARTICLE_PATH);
    expect(message.fatal).toBe(true);
  });

  it('names a fragment plainly when it rejects one', () => {
    const message = reject(`${lead}Words of <>a fragment</> here.`);
    expect(message.reason).toBe('Unknown annotation: a fragment <>…</>; use one of Mention, Quote, Note, PullQuote (see README, "Authoring").');
    expect(message.line).toBe(5);
  });

  it('rejects a missing required attribute and shows how to write it', () => {
    const message = reject(`${lead}“<Quote kind="direct">Words</Quote>.”`);
    expect(message.reason).toBe('<Quote> needs `by`, e.g. <Quote by="…">.');
    expect(message.line).toBe(5);
  });

  it('treats an empty required attribute as missing', () => {
    expect(reject(`${lead}“<Quote by=" ">Words</Quote>.”`).reason).toBe('<Quote> needs `by`, e.g. <Quote by="…">.');
  });

  it('rejects an attribute the annotation does not take, listing those it does', () => {
    const message = reject(`${lead}“<Quote by="hong-min" speaker="hong-min">Words</Quote>.”`);
    expect(message.reason).toBe('<Quote> has no attribute `speaker`; it takes by, kind, topics, about, continues, attribution, note.');
    expect(message.line).toBe(5);
  });

  it('needs exactly one kind of record on a <Mention>', () => {
    expect(reject(`${lead}<Mention>Hong</Mention> said.`).reason).toBe('<Mention> takes exactly one of person, org, place, event; found none.');
    const two = reject(`${lead}<Mention person="hong-min" org="kinu">Hong</Mention> said.`);
    expect(two.reason).toBe('<Mention> takes exactly one of person, org, place, event; found person, org.');
    expect(two.line).toBe(5);
  });

  it('rejects attribute values that are not quoted strings', () => {
    expect(reject(`${lead}“<Quote by={speaker}>Words</Quote>.”`).reason).toBe('<Quote> attribute `by` must be a quoted string, not an expression {…}.');
    expect(reject(`${lead}“<Quote by>Words</Quote>.”`).reason).toBe('<Quote> attribute `by` needs a value in quotes, e.g. by="…".');
    expect(reject(`${lead}“<Quote {...props}>Words</Quote>.”`).reason).toBe('<Quote> takes plain attributes, not a spread ({...}).');
  });

  it('rejects import and export lines', () => {
    const message = reject(`${lead}import Card from './card.astro'`);
    expect(message.reason).toBe('Articles cannot import or export code: they hold the source text and annotations only. Remove this line.');
    expect(message.line).toBe(5);
    expect(reject(`${lead}export const year = 2019`).line).toBe(5);
  });

  it('rejects expressions in text and on their own line, but allows comments', () => {
    const inline = reject(`${lead}It is {1 + 1} words.`);
    expect(inline.reason).toBe(
      'Unexpected expression {1 + 1}: articles allow only comments, {/* … */}, with nothing else between the braces (MDX would run it as code at build time). Remove it, or make it a single comment. If these braces are article text, the source has changed; check it against content/sources/.',
    );
    expect(inline.line).toBe(5);
    expect(inline.column).toBe(7);
    expect(reject(`${lead}{ year }`).reason).toMatch(/^Unexpected expression \{year\}: /);
    expect(() => check(`${lead}Text {/* an inline comment */} here.`)).not.toThrow();
  });

  it('accepts an expression only when its parsed program is empty: code between two comments is code', () => {
    // The payload of the review that found the hole: it ran a command at build time and published its output.
    const payload = '{/**/ "x" + process.getBuiltinModule("node:child_process").execSync("id -un").toString() /**/}';
    const flow = reject(`${lead}${payload}`);
    expect(flow.reason).toMatch(/^Unexpected expression \{\/\*\*\/ "x" \+ process/);
    expect(flow.line).toBe(5);
    expect(reject(`${lead}Text ${payload} here.`).line).toBe(5);
    expect(reject(`${lead}{/* one */ run() /* two */}`).reason).toMatch(/^Unexpected expression/);
    expect(reject(`${lead}{/* a comment */ // and a line comment\n0}`).reason).toMatch(/^Unexpected expression/);
    expect(() => check(`${lead}{/* one */ /* two */}\n\nText {/* a */ /* b */} here.`)).not.toThrow();
  });

  it('refuses an expression that the parser did not analyse, rather than guess', () => {
    expect(isCommentOnly({ type: 'mdxFlowExpression' })).toBe(false);
    expect(isCommentOnly({ type: 'mdxFlowExpression', data: { estree: { type: 'Program', body: [] } } } as never)).toBe(true);
  });

  it('rejects expressions and spreads in attributes', () => {
    expect(reject(`${lead}Said <Mention person={process.exit(1)}>Hong</Mention>.`).reason).toBe(
      '<Mention> attribute `person` must be a quoted string, not an expression {…}.',
    );
    expect(reject(`${lead}Said <Mention {...globalThis}>Hong</Mention>.`).reason).toBe('<Mention> takes plain attributes, not a spread ({...}).');
  });

  it('refuses a quotation inside another quotation', () => {
    const message = reject(`${lead}“<Quote by="hong-min">Words <Quote by="donald-trump">of another</Quote></Quote>.”`);
    expect(message.reason).toMatch(/^A <Quote> inside another <Quote> would credit these words to both speakers/);
    expect(message.line).toBe(5);
    expect(message.column).toBe(29);
  });

  it('keeps text annotations inside paragraphs and notes between them', () => {
    const flowMention = reject(`${lead}<Mention person="hong-min">\nHong\n</Mention>`);
    expect(flowMention.reason).toBe(
      "<Mention> wraps words inside a paragraph; here it stands on lines of its own. Put the opening and closing tags on the paragraph's line.",
    );
    expect(flowMention.line).toBe(5);
    const inlineNote = reject(`${lead}Words <Note id="yongbyon" /> here.`);
    expect(inlineNote.reason).toBe('<Note /> stands on a line of its own, between paragraphs, not inside one.');
    expect(inlineNote.line).toBe(5);
  });

  it('rejects an empty wrapping annotation and a note with content', () => {
    expect(reject(`${lead}Said <Mention person="hong-min"></Mention>.`).reason).toBe('<Mention> wraps the article words it annotates; it is empty here.');
    const note = reject(`${lead}<Note id="yongbyon">\nWords of the site.\n</Note>`);
    expect(note.reason).toBe('<Note /> takes no content: write it as <Note … />.');
    expect(note.line).toBe(5);
  });
});
