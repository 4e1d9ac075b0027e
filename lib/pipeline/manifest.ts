/**
 * The run manifest: its line (one per input) and the journal a run appends them to. Building a line
 * from a processed file is `manifest-entry.ts` (it knows the steps; a runner that only orders and
 * writes lines does not load them).
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import type { SafeHarborCategory } from '../safe-harbor.js';
import { DURABLE_WRITES, makeFolders, writeDurably } from '../safe-files.js';
import type { ManifestWarning } from './warnings.js';

/** One line of the run manifest (JSON Lines), one per input. */
export interface ManifestEntry {
  /** The input path: the manifest is the one place that links inputs to outputs (keep it with the state). */
  input: string;
  /** A short keyed hash of the input path: how logs name the file without its path. */
  ref?: string;
  output?: string;
  status: 'ok' | 'error' | 'skipped';
  error?: string;
  /** Counts of metadata actions taken, by action code (`X`, `Z`, `D`, `U`, `C`, …). */
  actions?: Record<string, number>;
  /** Whether burned-in text was looked for in the pixels; false with `--no-pixels`. */
  pixelsChecked?: boolean;
  /** Number of pixel boxes redacted. */
  pixelBoxes?: number;
  /** Non-fatal warnings, one per kind: a stable id, a sentence and a count (see the README). */
  warnings?: ManifestWarning[];
  /** Findings (header actions and burned-in text) by Safe Harbor identifier (`A` names, `C` dates, …). */
  identifiers?: Partial<Record<SafeHarborCategory, number>>;
  /** sha256 of the input's bytes: with `rulesHash` (and the run's options), how a later run knows the input is done. */
  contentHash?: string;
  /** sha256 of the rules file the input was de-identified by. */
  rulesHash?: string;
  /** Set when an earlier run into the same output already de-identified this input (same content, rules and options): not done again. */
  resumed?: boolean;
}

/** The manifest of a run being written: one line appended and flushed to disk per input. */
export interface ManifestJournal {
  readonly path: string;
  /** Appends one entry as one JSON line and flushes it, so a killed run still shows what it did. */
  append(entry: ManifestEntry): Promise<void>;
  /** Appends entries, one JSON line each, in one write and one flush. */
  appendMany(entries: readonly ManifestEntry[]): Promise<void>;
  /** Closes the file and releases it for other runs. */
  close(): Promise<void>;
}

/** The manifest is being written by another run (the CLI exits with 2). */
export class ManifestInUseError extends Error {
  override name = 'ManifestInUseError';
}

/**
 * Starts the manifest at `manifestPath`: its folders created owner-only, the file owner-only,
 * opened without following a link (a planted link is refused, never written through), emptied, and
 * locked against another run writing the same manifest at the same time.
 *
 * @throws ManifestInUseError when another live run holds it.
 */
export async function openManifestJournal(manifestPath: string): Promise<ManifestJournal> {
  await makeFolders(path.dirname(manifestPath), 0o700);
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(manifestPath, { realpath: false, lockfilePath: `${manifestPath}.lock`, stale: 10_000, onCompromised: () => {} });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new ManifestInUseError(`the manifest ${manifestPath} is being written by another run: give this run its own --manifest`, { cause: error });
    throw error;
  }
  let handle: FileHandle;
  try {
    // Durable writes: each append is on disk when writeDurably returns (one write, no separate flush).
    handle = await open(manifestPath, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_APPEND | constants.O_NOFOLLOW | DURABLE_WRITES, 0o600);
    await handle.chmod(0o600);
  } catch (error) {
    await release();
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new ManifestInUseError(`the manifest ${manifestPath} is a symbolic link: refused (it is never written through a link)`, { cause: error });
    throw error;
  }
  return {
    path: manifestPath,
    async append(entry) {
      await writeDurably(handle.fd, Buffer.from(`${JSON.stringify(entry)}\n`));
    },
    async appendMany(entries) {
      if (entries.length === 0) return;
      await writeDurably(handle.fd, Buffer.from(entries.map((entry) => `${JSON.stringify(entry)}\n`).join('')));
    },
    async close() {
      await handle.close();
      await release();
    },
  };
}
