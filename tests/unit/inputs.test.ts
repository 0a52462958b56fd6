/**
 * The content store is keyed by the code that fills it (src/model/inputs.ts `CONTENT_CODE`: the collections,
 * the model, the Markdown plugins, the helpers, the config and the package files). That list is folders, not
 * an import closure, so it must hold every module the content code imports: a plugin that imported from
 * src/components/ would change articles' HTML without changing their key.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { CONTENT_CODE, inputFiles } from '../../src/model/inputs.ts';
import { projectRoot } from '../support/paths.ts';

/** The relative modules a TypeScript file loads at run time (type-only imports are erased first). */
function runtimeImports(file: string): string[] {
  const code = stripTypeScriptTypes(readFileSync(join(projectRoot, file), 'utf8'));
  // Statements only (a line that begins with import or export), not an example in a comment.
  const specifiers = [...code.matchAll(/^\s*(?:import|export)\b[^;'"]*?['"](\.{1,2}\/[^'"]+)['"]/gm)].map((match) => match[1]!);
  return specifiers.map((specifier) =>
    relative(projectRoot, join(projectRoot, dirname(file), specifier))
      .split(sep)
      .join('/'),
  );
}

describe('the content store key', () => {
  const files = inputFiles(projectRoot, CONTENT_CODE).filter((file) => file.endsWith('.ts'));

  it('covers the collections, the schemas and the plugins', () => {
    expect(files).toContain('src/content.config.ts');
    expect(files.some((file) => file.startsWith('src/model/schemas/'))).toBe(true);
    expect(files).toContain('src/markdown/index.ts');
  });

  it('holds every module the content code imports', () => {
    const covered = new Set(files);
    expect(files.flatMap(runtimeImports).length, 'imports were found at all').toBeGreaterThan(20);
    const outside = files.flatMap((file) =>
      runtimeImports(file)
        .filter((target) => !covered.has(target))
        .map((target) => `${file} → ${target}`),
    );
    expect(outside).toEqual([]);
  });
});
