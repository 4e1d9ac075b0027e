/**
 * Vitest global setup: tests write only to temporary folders. The working tree, ignored files
 * included (output/, images/med_de_id_img/, .deid-state/ …), must look the same after the run as
 * before it; otherwise the run fails and lists what changed.
 */
import type { TestProject } from 'vitest/node';
import { projectRoot } from './paths.js';
import { snapshotTree, treeChanges } from './tree-snapshot.js';

export default function setup(project: TestProject): () => void {
  // In watch mode the files being edited are the tree; the check is for runs.
  if (project.vitest.config.watch) return () => {};
  const before = snapshotTree(projectRoot);
  return () => {
    const changes = treeChanges(before, snapshotTree(projectRoot));
    if (changes.length === 0) return;
    const shown = changes.slice(0, 40).map((c) => `  ${c}`).join('\n');
    const more = changes.length > 40 ? `\n  … and ${changes.length - 40} more` : '';
    process.exitCode = 1;
    throw new Error(`tests changed the working tree (they must write to temporary folders only; ignored files count too):\n${shown}${more}`);
  };
}
