/**
 * The Astro content loader of every data collection (src/content.config.ts
 * makes one per row of DATA_COLLECTIONS in src/model/kinds.ts): it reads the
 * collection's file through the registry's reader (registry.ts
 * readCollection: the YAML, the zod schema, duplicate ids, each problem with
 * its file and line), so the collections and the Markdown plugins' registry
 * hold the same records, read by the same code. It reads once per start:
 * `npm run dev` starts a fresh server when a data file changes (src/cli/dev.ts).
 */
import type { Loader } from 'astro/loaders';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataFile, type DataCollection } from './kinds.ts';
import { readCollection } from './registry.ts';

export function dataLoader(collection: DataCollection, contentDir = 'content'): Loader {
  return {
    name: `summit-desk:data:${collection}`,
    load: async ({ config, store, parseData, generateDigest }) => {
      const folder = join(fileURLToPath(config.root), contentDir);
      const records = readCollection(folder, collection);
      store.clear();
      for (const [id, record] of records) {
        // parseData adds the collection's references (src/content.config.ts) to the record as read.
        const data = await parseData({ id, data: record as Record<string, unknown> });
        store.set({ id, data, digest: generateDigest(data), filePath: join(contentDir, dataFile(collection)) });
      }
    },
  };
}
