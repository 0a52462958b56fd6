/**
 * The project files a module imports, directly or through others: its
 * relative imports (type-only ones included), read with es-module-lexer, which
 * reads the import statements of TypeScript as of JavaScript. Pure: the caller
 * gives the reader, so the cache keys (src/og/key.ts) and the import-graph test
 * (tests/unit/import-graph.test.ts) read files their own way.
 */
import { initSync, parse } from 'es-module-lexer';
import { dirname, join } from 'node:path';

initSync();

/** The relative specifiers a module imports or re-exports ("./card.ts", "../lib/text.ts"), in source order. */
export function relativeImports(source: string, file = '(module)'): string[] {
  let imports;
  try {
    [imports] = parse(source, file);
  } catch (error) {
    throw new Error(`${file}: es-module-lexer cannot read its imports: ${(error as Error).message}`, { cause: error });
  }
  return imports.map((entry) => entry.n).filter((name): name is string => name !== undefined && /^\.\.?\//.test(name));
}

/** Every file `entries` import, the entries included, as absolute paths joined from each importer's folder. */
export function importClosure(entries: readonly string[], read: (file: string) => string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of relativeImports(read(file), file)) visit(join(dirname(file), specifier));
  };
  entries.forEach(visit);
  return seen;
}
