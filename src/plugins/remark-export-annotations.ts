/**
 * remark-export-annotations: hands what the annotation plugins collected to
 * Astro, which returns it from `render(entry)` as
 * `remarkPluginFrontmatter.annotations`.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { collectedAnnotations } from '../lib/annotations.ts';

export default function remarkExportAnnotations() {
  return (_tree: Root, file: VFile) => {
    const astro = (file.data.astro ??= {});
    astro.frontmatter = { ...astro.frontmatter, annotations: collectedAnnotations(file, 'remark-export-annotations') };
  };
}
