/**
 * Article file names are their slugs (the URL /articles/<slug>/). Astro's glob
 * loader makes an id from each name ("Hanoi Hangover.mdx" → hanoi-hangover),
 * so two files can get one id; it then warns and keeps one of them. Names that
 * are already lower-case slugs cannot collide, so only those are accepted.
 */
const SLUG_FILE = /^[a-z0-9]+(?:-[a-z0-9]+)*\.mdx$/;

/** Problems with the names in content/articles/, one message each (empty when all is well). */
export function articleFileProblems(names: readonly string[], folder = 'content/articles'): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const name of [...names].sort()) {
    if (!name.endsWith('.mdx')) continue;
    const slug = name
      .slice(0, -'.mdx'.length)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    const earlier = seen.get(slug);
    if (earlier)
      problems.push(
        `${folder}/${name}: gets the same slug "${slug}" as ${folder}/${earlier}; one would silently replace the other. Remove or rename one of them.`,
      );
    else seen.set(slug, name);
    if (!SLUG_FILE.test(name)) {
      problems.push(
        `${folder}/${name}: article file names are their URL slugs, lower-case words joined by hyphens. Rename it to ${folder}/${slug || 'article'}.mdx.`,
      );
    }
  }
  return problems;
}
