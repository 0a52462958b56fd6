import { describe, it, expect } from 'vitest';
import remarkBlockTypes from '../../src/markdown/remark-block-types.ts';
import { run, failure, ARTICLE_PATH } from '../support/markdown.ts';

const check = (mdx: string) => run(mdx, { plugins: [remarkBlockTypes] });
const reject = (mdx: string) => failure(() => check(mdx));

/** Two paragraphs of plain text, so the bad line of each case below is line 5. */
const lead = 'First paragraph.\n\nSecond paragraph.\n\n';

describe('remark-block-types', () => {
  it('accepts paragraphs, a level-2 heading, a pull quote, notes, comments and inline annotations', () => {
    const mdx = [
      '{/* comment */}',
      '',
      'Words with <Mention person="hong-min">Hong</Mention> and “<Quote by="hong-min">a quote</Quote>” {/* aside */}.',
      '',
      '## A heading',
      '',
      '<Note id="yongbyon" />',
      '',
      '<PullQuote by="hong-min" attribution="Hong Min">',
      'WordsHong Min',
      '</PullQuote>',
      '',
      '<PullQuote by="hong-min" attribution="Hong Min">WordsHong Min</PullQuote>',
    ].join('\n');
    expect(check(mdx).file.messages).toEqual([]);
  });

  // Each of these put words on the page (or a link or image) that the fidelity check never compared with the source.
  const refused: [string, string, RegExp][] = [
    ['a block quotation', '> Words the source never printed.', /^A block quotation \(> …\) is not one of the source's blocks/],
    ['a list', '- Invented item', /^A list \(- …, 1\. …\) is not one of the source's blocks/],
    ['an ordered list', '1. Invented item', /^A list/],
    ['a fenced code block', '```\ninvented\n```', /^A code block is not one of the source's blocks/],
    ['an indented-looking rule', '***', /^A rule/],
    ['a level-3 heading', '### Invented', /^Headings in an article are level 2/],
    ['a link to another site', 'See [this](https://example.org).', /^Markdown links \(\[words\]\(address\)\) are not allowed/],
    ['a javascript: link inside a mention', 'Said <Mention person="kim-jong-un">[Kim Jong-un](javascript:alert(1))</Mention>.', /^Markdown links/],
    [
      'an image inside a quotation',
      '“<Quote by="hong-min">![Other words](data:image/svg+xml;base64,PHN2Zy8+)</Quote>”',
      /^Images \(!\[…\]\(…\)\) are not allowed/,
    ],
    ['a link definition', '[kim]: https://example.org', /^Link definitions/],
    ['a reference link', 'See [kim][kim].\n\n[kim]: https://example.org', /^Markdown reference links/],
    ['a code span', 'Some `code` here.', /^Code spans/],
  ];
  it.each(refused)('refuses %s, at its line, saying what to do instead', (_name, body, reason) => {
    const message = reject(`${lead}${body}`);
    expect(message.reason).toMatch(reason);
    expect(message.reason).toMatch(/(Remove|Use|write|Link|Write|Quoted words)/);
    expect(message.line).toBe(5);
    expect(message.file).toBe(ARTICLE_PATH);
    expect(message.fatal).toBe(true);
  });

  it('refuses blocks nested inside a pull quote other than its paragraph', () => {
    expect(reject(`${lead}<PullQuote by="hong-min" attribution="Hong Min">\n\n- a list\n\n</PullQuote>`).reason).toMatch(/^A list/);
  });
});
