import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Every path under a folder (ignored files included) with what tells a change: kind, size, modification time. */
export type TreeSnapshot = Map<string, string>;

/** Folders at the root that belong to tools, not to the project's own files. */
const SKIPPED_AT_ROOT = new Set(['.git', 'node_modules']);

/**
 * Records every file, folder and link under `root` (`.git` and the root's `node_modules` left out),
 * without following links. Ignored files count too: a test that writes `output/x` changes the tree
 * even though `git status` hides it.
 */
export function snapshotTree(root: string): TreeSnapshot {
  const snapshot: TreeSnapshot = new Map();
  const walk = (dir: string, relative: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (relative === '' && SKIPPED_AT_ROOT.has(entry.name)) continue;
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      const full = path.join(dir, entry.name);
      let stat;
      try {
        stat = lstatSync(full);
      } catch {
        continue; // removed while we walked
      }
      if (stat.isDirectory()) {
        snapshot.set(`${rel}/`, 'dir');
        walk(full, rel);
      } else {
        snapshot.set(rel, `${stat.isSymbolicLink() ? 'link' : 'file'} ${stat.size} ${stat.mtimeMs}`);
      }
    }
  };
  walk(root, '');
  return snapshot;
}

/** What changed between two snapshots: paths added, removed or modified (folders listed once, at their top). */
export function treeChanges(before: TreeSnapshot, after: TreeSnapshot): string[] {
  const changes: string[] = [];
  const under = (p: string, dirs: string[]) => dirs.some((d) => p !== d && p.startsWith(d));
  const addedDirs = [...after.keys()].filter((p) => p.endsWith('/') && !before.has(p));
  const removedDirs = [...before.keys()].filter((p) => p.endsWith('/') && !after.has(p));
  for (const [p, state] of after) {
    if (under(p, addedDirs)) continue;
    const was = before.get(p);
    if (was === undefined) changes.push(`added    ${p}`);
    else if (was !== state) changes.push(`modified ${p}`);
  }
  for (const p of before.keys()) {
    if (!after.has(p) && !under(p, removedDirs)) changes.push(`removed  ${p}`);
  }
  return changes.sort((a, b) => a.slice(9).localeCompare(b.slice(9)));
}
