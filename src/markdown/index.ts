/**
 * The Markdown pipeline, in order. Each plugin is one transform; the order
 * matters and is set here only.
 *
 * 1. vocabulary   refuse anything but source text and known annotations
 *    block types  refuse blocks the source cannot have, links and images
 * 2. fidelity     the text must be the source text, line for line
 * 3. pull quotes  restore the source's run-together pull quote as a figure
 * 4. anchor ids   stable ids on paragraphs and headings (needed by 5–7)
 * 5. mentions     tie names to records
 * 6. quotations   quotation records and markup
 * 7. notes        place the site's context notes
 * 8. margin       quote cards, notes and the compact timeline beside their paragraph
 * 9. export       hand the collected data to Astro
 */
import type { RemarkPlugins, RehypePlugins, unified } from '@astrojs/markdown-remark';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import type { Registry } from '../model/registry.ts';
import remarkAnnotationVocabulary from './remark-annotation-vocabulary.ts';
import remarkBlockTypes from './remark-block-types.ts';
import remarkSourceFidelity from './remark-source-fidelity.ts';
import remarkPullQuotes from './remark-pull-quotes.ts';
import remarkAnchorIds from './remark-anchor-ids.ts';
import remarkMentions from './remark-mentions.ts';
import remarkQuotations from './remark-quotations.ts';
import remarkContextNotes from './remark-context-notes.ts';
import remarkMargin from './remark-margin.ts';
import remarkExportAnnotations from './remark-export-annotations.ts';
import rehypeParagraphLinks from './rehype-paragraph-links.ts';

export function remarkPlugins(registry: Registry): RemarkPlugins {
  return [
    remarkAnnotationVocabulary,
    remarkBlockTypes,
    [remarkSourceFidelity, { registry }],
    [remarkPullQuotes, { registry }],
    remarkAnchorIds,
    [remarkMentions, { registry }],
    [remarkQuotations, { registry }],
    [remarkContextNotes, { registry }],
    [remarkMargin, { registry }],
    remarkExportAnnotations,
  ];
}

export function rehypePlugins(): RehypePlugins {
  return [
    rehypeParagraphLinks,
    [
      rehypeAutolinkHeadings,
      {
        // The heading's words are its own link: no control inside the heading, so its name is its words (WCAG 2.4.6).
        behavior: 'wrap',
        properties: { className: ['heading-link'] },
      },
    ],
  ];
}

/**
 * The site's Markdown processor options (astro.config.mjs `markdown.processor`), from one place so that the
 * article worker thread (article-worker.ts) builds the same processor. smartypants and gfm are off: the
 * article text is published exactly as the source gives it, and no typographic rewriting may touch it.
 * Without a registry (a data file failed to load, which the content guard reports) the plugins are left out.
 */
export function siteMarkdown(registry: Registry | undefined): NonNullable<Parameters<typeof unified>[0]> {
  return { remarkPlugins: registry ? remarkPlugins(registry) : [], rehypePlugins: rehypePlugins(), smartypants: false, gfm: false };
}
