/**
 * Which code `deid` runs: the compiled JavaScript in dist/ (made by `npm run build`, which `npm ci`
 * runs as `prepare`) when it is there and newer than every file of lib/; else the TypeScript
 * sources, through tsx (a fresh edit, or a build that never ran).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time (ms) of the files under `dir`; 0 when there is none. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const mtime = statSync(join(entry.parentPath, entry.name)).mtimeMs;
    if (mtime > latest) latest = mtime;
  }
  return latest;
}

/**
 * `'dist'` when `<root>/dist/.built` is newer than every file of `<root>/lib`, else `'source'`.
 * @param {string} root the project folder
 * @returns {'dist' | 'source'}
 */
export function chooseEntry(root) {
  let built;
  try {
    built = statSync(join(root, 'dist', '.built')).mtimeMs;
  } catch {
    return 'source';
  }
  return newest(join(root, 'lib')) <= built ? 'dist' : 'source';
}
