import { describe, it, expect } from 'vitest';
import { frontmatterProblems } from '../../src/model/schema-lines.ts';
import { articleSchema } from '../../src/model/schemas/article.ts';

const ARTICLE = `---
headline: A headline
headlineBy: site
dek: A dek
dekBy: site
publication: 42
sourceText: a-source
topics: [talks-prospects]
---
Text.
`;

describe('schema problems with their line and field', () => {
  it('reports a frontmatter field at its line in the .mdx file', () => {
    expect(frontmatterProblems('content/articles/a.mdx', ARTICLE, articleSchema)).toEqual([
      'content/articles/a.mdx:6: publication: Invalid input: expected string, received number',
    ]);
  });

  it('reports a missing field at the start of the frontmatter, naming it', () => {
    const problems = frontmatterProblems(
      'content/articles/a.mdx',
      ARTICLE.replace('dekBy: site\n', '').replace('publication: 42', 'publication: null'),
      articleSchema,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^content\/articles\/a\.mdx:2: dekBy: Invalid option: expected one of "source"\|"site"$/);
  });

  it('passes good frontmatter', () => {
    expect(frontmatterProblems('a.mdx', ARTICLE.replace('publication: 42', 'publication: null'), articleSchema)).toEqual([]);
  });

  it("names an item of a list field by its index, at the item's line", () => {
    const problems = frontmatterProblems(
      'content/articles/a.mdx',
      ARTICLE.replace('publication: 42', 'publication: null').replace('topics: [talks-prospects]', 'topics:\n  - talks-prospects\n  - Not An Id'),
      articleSchema,
    );
    expect(problems).toEqual(['content/articles/a.mdx:10: topics[1]: ids are lower-case words joined by hyphens, e.g. "hong-min"']);
  });
});
