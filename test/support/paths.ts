import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The project root. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared corpus of real pseudo-PHI files, beside the project (never copied into it). */
export const corpusDir = path.resolve(projectRoot, '../shared/corpus');

/** Path of a corpus file; throws a clear error when the corpus is missing. */
export function corpusFile(name: string): string {
  const file = path.join(corpusDir, name);
  if (!existsSync(file)) throw new Error(`corpus file missing: ${file} (tests expect ../shared/corpus beside the project)`);
  return file;
}
