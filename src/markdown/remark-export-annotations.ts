/**
 * remark-export-annotations: hands what the annotation plugins collected to
 * the article loader (src/markdown/article-loader.ts), which stores it with the
 * article's HTML in Astro's data store (`rendered.metadata.frontmatter.annotations`).
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { collectedAnnotations } from '../model/annotations.ts';

export default function remarkExportAnnotations() {
  return (_tree: Root, file: VFile) => {
    const astro = (file.data.astro ??= {});
    astro.frontmatter = { ...astro.frontmatter, annotations: collectedAnnotations(file, 'remark-export-annotations') };
  };
}
