import type { ManifestEntry } from '../pipeline/manifest.js';
import { capMessage } from '../pipeline/messages.js';

/** Longest per-file message printed (the manifest keeps the capped full reason). */
const MAX_LINE = 300;

/**
 * One log line for a file that failed or was skipped, naming it by its position in the run and a
 * short keyed hash of its path (`file 12 of 340 [3f9a0c1b2d]`), never by the path, which often
 * holds a patient name; `verbose` (teaching mode) adds the path. The manifest links the hash to the path.
 */
export function describeFile(entry: ManifestEntry, done: number, total: number, verbose: boolean): string {
  const label = entry.status === 'error' ? 'error' : entry.status;
  const where = `file ${done} of ${total}${entry.ref ? ` [${entry.ref}]` : ''}${verbose ? ` ${entry.input}` : ''}`;
  let reason = entry.error ?? '';
  if (!verbose) for (const part of pathParts(entry.input)) reason = reason.split(part).join('<input>');
  return `${label}: ${where}: ${capMessage(reason, MAX_LINE)}`;
}

/** The path and its last name, the forms in which an error text could repeat it. */
function pathParts(input: string): string[] {
  const name = input.split(/[\\/]/).pop() ?? '';
  return [input, ...(name.length >= 4 ? [name] : [])];
}
