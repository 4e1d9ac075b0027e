/**
 * Temporary folders for tests, removed when the test file ends: `tempDir('deid-run-')` anywhere in a
 * test file (at module scope or inside a test). Tests write only to these, and a run leaves no litter
 * behind in the system's temporary folder (outputs there hold copies of fixture identities).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];

// Registered when a test file imports this module: runs after all of that file's tests.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder under the system's temporary folder, named `<prefix><random>`, removed after the test file. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
