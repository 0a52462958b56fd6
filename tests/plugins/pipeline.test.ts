/** The pipeline of src/markdown/index.ts: the plugins in order, on a small article and on the real ones. */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { remarkPlugins, rehypePlugins } from '../../src/markdown/index.ts';
import remarkAnnotationVocabulary from '../../src/markdown/remark-annotation-vocabulary.ts';
import remarkSourceFidelity from '../../src/markdown/remark-source-fidelity.ts';
import remarkBlockTypes from '../../src/markdown/remark-block-types.ts';
import remarkPullQuotes from '../../src/markdown/remark-pull-quotes.ts';
import remarkAnchorIds from '../../src/markdown/remark-anchor-ids.ts';
import remarkMentions from '../../src/markdown/remark-mentions.ts';
import remarkQuotations from '../../src/markdown/remark-quotations.ts';
import remarkContextNotes from '../../src/markdown/remark-context-notes.ts';
import remarkMargin from '../../src/markdown/remark-margin.ts';
import remarkExportAnnotations from '../../src/markdown/remark-export-annotations.ts';
import rehypeParagraphLinks from '../../src/markdown/rehype-paragraph-links.ts';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import { loadRegistry } from '../../src/model/registry.ts';
import type { ArticleAnnotations } from '../../src/model/annotations.ts';
import { run, failure, toHtml, testRegistry, asPluggable } from '../support/markdown.ts';
import { contentDir } from '../support/paths.ts';

const SOURCE = 'The headline\nThe dek\n\nHong Min said “it is theatre” about Hanoi.\n\nPossible pathways\n\nIt is theatreHong Min, KINU\n';
const registry = testRegistry({ src: SOURCE });
const frontmatter = { sourceText: 'src', headline: 'The headline', headlineBy: 'source', dek: 'The dek', dekBy: 'source' };
const ARTICLE = [
  '<Mention person="hong-min">Hong Min</Mention> said “<Quote by="hong-min">it is theatre</Quote>” about <Mention event="hanoi-summit-2019">Hanoi</Mention>.',
  '',
  '<Note id="yongbyon" />',
  '',
  '## Possible pathways',
  '',
  '<PullQuote by="hong-min" attribution="Hong Min, KINU">It is theatreHong Min, KINU</PullQuote>',
].join('\n');

/** The plugin of each entry, without its options. */
const pluginsOf = (list: readonly unknown[]) => list.map((entry) => (Array.isArray(entry) ? entry[0] : entry));

describe('the Markdown pipeline', () => {
  it('runs the remark plugins in the documented order, each with the registry it needs', () => {
    const list = remarkPlugins(registry);
    expect(pluginsOf(list)).toEqual([
      remarkAnnotationVocabulary,
      remarkBlockTypes,
      remarkSourceFidelity,
      remarkPullQuotes,
      remarkAnchorIds,
      remarkMentions,
      remarkQuotations,
      remarkContextNotes,
      remarkMargin,
      remarkExportAnnotations,
    ]);
    for (const entry of list) if (Array.isArray(entry)) expect(entry[1]).toEqual({ registry });
    expect(pluginsOf(rehypePlugins())).toEqual([rehypeParagraphLinks, rehypeAutolinkHeadings]);
  });

  it('turns an annotated article into its HTML and exports what it collected', () => {
    const { tree, file } = run(ARTICLE, { plugins: asPluggable(remarkPlugins(registry)), frontmatter });
    expect(toHtml(tree, file, asPluggable(rehypePlugins()))).toBe(
      '<div class="with-margin"><p id="p-hong-min-said-it-is-theatre">' +
        '<a data-mention="person:hong-min" href="/people/hong-min/">Hong Min</a> said “' +
        '<q data-quote="hong-min-it-is-theatre" role="mark" aria-describedby="hong-min-it-is-theatre">it is theatre</q>” about ' +
        '<a data-mention="event:hanoi-summit-2019" href="/timeline/hanoi-summit-2019/">Hanoi</a>.' +
        '<a class="self-link" href="#p-hong-min-said-it-is-theatre" aria-label="Link to paragraph 1" data-share="this paragraph" data-editorial="">¶</a></p>' +
        '<div class="margin" data-editorial=""><QuoteCards ids="hong-min-it-is-theatre" paragraph="p-hong-min-said-it-is-theatre"></QuoteCards><Note id="yongbyon"></Note></div></div>\n' +
        '<CompactTimeline article="test" mentioned="hanoi-summit-2019"></CompactTimeline>\n' +
        '<h2 id="possible-pathways"><a class="heading-link" href="#possible-pathways">Possible pathways</a></h2>\n' +
        '<figure id="pq-it-is-theatre" class="pull-quote" data-speaker="hong-min" aria-hidden="true"><blockquote><p>It is theatre</p></blockquote><figcaption>Hong Min, KINU</figcaption></figure>',
    );
    const annotations = (file.data.astro?.frontmatter as { annotations: ArticleAnnotations }).annotations;
    expect(annotations).toEqual({
      paragraphs: [{ id: 'p-hong-min-said-it-is-theatre', text: 'Hong Min said “it is theatre” about Hanoi.', line: 1 }],
      headings: [{ id: 'possible-pathways', text: 'Possible pathways', depth: 2 }],
      mentions: [
        {
          kind: 'person',
          ids: ['hong-min'],
          text: 'Hong Min',
          sentence: 'Hong Min said “it is theatre” about Hanoi.',
          paragraph: 'p-hong-min-said-it-is-theatre',
          line: 1,
        },
        {
          kind: 'event',
          ids: ['hanoi-summit-2019'],
          text: 'Hanoi',
          sentence: 'Hong Min said “it is theatre” about Hanoi.',
          paragraph: 'p-hong-min-said-it-is-theatre',
          line: 1,
        },
      ],
      quotations: [
        {
          id: 'hong-min-it-is-theatre',
          speaker: 'hong-min',
          kind: 'direct',
          text: 'it is theatre',
          paragraph: 'p-hong-min-said-it-is-theatre',
          events: [],
          topics: [],
          stances: {},
          line: 1,
          parts: ['it is theatre'],
        },
      ],
      notes: [{ id: 'yongbyon', after: 'p-hong-min-said-it-is-theatre' }],
      pullQuotes: [{ id: 'pq-it-is-theatre', speaker: 'hong-min', text: 'It is theatre', attribution: 'Hong Min, KINU' }],
    });
  });

  it('checks the vocabulary before the source, so a misspelt tag is reported as such', () => {
    const message = failure(() =>
      run(ARTICLE.replace(/Mention person/, 'Mentoin person').replace('</Mention> said', '</Mentoin> said'), {
        plugins: asPluggable(remarkPlugins(registry)),
        frontmatter,
      }),
    );
    expect(message.reason).toMatch(/^Unknown annotation <Mentoin>/);
  });

  describe.each(readdirSync(join(contentDir, 'articles')).filter((name) => name.endsWith('.mdx')))('content/articles/%s', (name) => {
    it('passes the pipeline with the real registry, and every annotation points at one of its paragraphs', () => {
      const text = readFileSync(join(contentDir, 'articles', name), 'utf8');
      const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
      const { file } = run(body!, { plugins: asPluggable(remarkPlugins(loadRegistry(contentDir))), frontmatter: parse(yaml!) as Record<string, unknown> });
      const annotations = file.data.summit!;
      const paragraphs = new Set(annotations.paragraphs.map((paragraph) => paragraph.id));
      expect(paragraphs.size).toBe(annotations.paragraphs.length);
      expect(annotations.quotations.length).toBeGreaterThan(0);
      expect(annotations.mentions.length).toBeGreaterThan(0);
      for (const record of [...annotations.quotations, ...annotations.mentions]) expect(paragraphs).toContain(record.paragraph);
      for (const note of annotations.notes) expect(paragraphs).toContain(note.after);
    });
  });
});
