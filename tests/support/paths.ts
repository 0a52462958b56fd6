/** Folders the tests read. */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const distDir = join(projectRoot, 'dist');
export const contentDir = join(projectRoot, 'content');
export const bin = (name: string) => join(projectRoot, 'node_modules', '.bin', name);
