import { describe, it, expect } from 'vitest';
import remarkExportAnnotations from '../../src/markdown/remark-export-annotations.ts';
import { emptyAnnotations } from '../../src/model/annotations.ts';
import { run, failure } from '../support/markdown.ts';

describe('remark-export-annotations', () => {
  it('adds the collected annotations to the frontmatter Astro returns, keeping the rest', () => {
    const summit = { ...emptyAnnotations(), notes: [{ id: 'yongbyon', after: 'p-words' }] };
    const { file } = run('Words.', { plugins: [remarkExportAnnotations], frontmatter: { headline: 'A headline' }, summit });
    expect(file.data.astro?.frontmatter).toEqual({ headline: 'A headline', annotations: summit });
  });

  it('fails, naming the missing step, when no plugin before it started the annotations', () => {
    const error = failure(() => run('Words.', { plugins: [remarkExportAnnotations] }));
    expect(error.reason).toMatch(
      /^remark-export-annotations runs on the annotations that remark-annotation-vocabulary starts, and found none: run remark-annotation-vocabulary first/,
    );
  });
});
