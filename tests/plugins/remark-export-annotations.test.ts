import { describe, it, expect } from 'vitest';
import remarkExportAnnotations from '../../src/plugins/remark-export-annotations.ts';
import { emptyAnnotations } from '../../src/lib/annotations.ts';
import { run } from '../support/markdown.ts';

describe('remark-export-annotations', () => {
  it('adds the collected annotations to the frontmatter Astro returns, keeping the rest', () => {
    const summit = { ...emptyAnnotations(), notes: [{ id: 'yongbyon', after: 'p-words' }] };
    const { file } = run('Words.', { plugins: [remarkExportAnnotations], frontmatter: { headline: 'A headline' }, summit });
    expect(file.data.astro?.frontmatter).toEqual({ headline: 'A headline', annotations: summit });
  });
});
