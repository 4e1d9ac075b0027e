import { existsSync } from 'node:fs';
import { chmod } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../safe-files.js';

/** Options of {@link writeReportFile}. */
export interface WriteReportOptions {
  /** The content holds PHI text: file 0600 and folder 0700 (owner only) (default: false). */
  sensitive?: boolean;
}

/**
 * Writes a report atomically (temporary file in the same folder, then rename), creating the
 * folder. Sensitive reports are owner-only, and so is their folder.
 */
export async function writeReportFile(file: string, content: string | Uint8Array, options: WriteReportOptions = {}): Promise<void> {
  const dir = path.dirname(file);
  try {
    // Exclusive temporary file beside the target (never through a link), exact modes whatever the umask.
    await writeFileAtomic(file, content, { mode: options.sensitive ? 0o600 : 0o644, folderMode: options.sensitive ? 0o700 : 0o755 });
    if (options.sensitive) await chmod(dir, 0o700);
  } catch (error) {
    throw new Error(`[deid] [reports] cannot write ${file}: ${(error as Error).message}`, { cause: error });
  }
}

/** A UTC timestamp for report names: `20261127T123456Z`. */
export function reportTimestamp(date = new Date()): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Picks a timestamp for a set of report names in `dir` so no earlier report is replaced:
 * `20261127T123456Z`, or `20261127T123456Z-2`, `-3`… when one of `names(stamp)` already exists.
 */
export function freeReportStamp(dir: string, names: (stamp: string) => string[], date = new Date()): string {
  const base = reportTimestamp(date);
  for (let n = 1; n < 10000; n++) {
    const stamp = n === 1 ? base : `${base}-${n}`;
    if (!names(stamp).some((name) => existsSync(path.join(dir, name)))) return stamp;
  }
  throw new Error(`[deid] [reports] no free report name in ${dir} for ${base}`);
}
