/**
 * Loads the unmodified source texts (`content/sources/*.txt`) as a content
 * collection. Astro's glob loader does not read plain text, and these files
 * must stay byte-identical to the seeds, so they get this small loader.
 */
import type { Loader } from 'astro/loaders';
import { readdir, readFile } from 'node:fs/promises';
import { join, basename } from 'node:path';

export function sourceTextLoader(folder: string): Loader {
  return {
    name: 'summit-desk:source-text',
    load: async ({ store, parseData, generateDigest, logger }) => {
      const names = (await readdir(folder)).filter((name) => name.endsWith('.txt')).sort();
      if (names.length === 0) logger.warn(`No source texts (*.txt) in ${folder}.`);
      store.clear();
      for (const name of names) {
        const id = basename(name, '.txt');
        const text = await readFile(join(folder, name), 'utf8');
        const data = await parseData({ id, data: { text, file: join(folder, name) } });
        store.set({ id, data, digest: generateDigest(text) });
      }
    },
  };
}
