/**
 * Builds the Pagefind search index of a built site through Pagefind's Node
 * API. Any error Pagefind reports fails the caller: a site whose search
 * silently misses pages is worse than a failed build.
 */
import * as pagefind from 'pagefind';

export interface IndexResult {
  pageCount: number;
  outputPath: string;
}

function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
}

export async function buildSearchIndex(siteDir: string, outputPath: string): Promise<IndexResult> {
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'en' });
    check('createIndex', created.errors);
    const index = created.index;
    if (!index) throw new Error('Pagefind createIndex returned no index.');
    const added = await index.addDirectory({ path: siteDir });
    check('addDirectory', added.errors);
    if (added.page_count === 0) throw new Error(`Pagefind found no pages with content to index in ${siteDir}; is data-pagefind-body on the main content?`);
    const written = await index.writeFiles({ outputPath });
    check('writeFiles', written.errors);
    return { pageCount: added.page_count, outputPath: written.outputPath };
  } finally {
    await pagefind.close();
  }
}
