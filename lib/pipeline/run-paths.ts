/**
 * Where a run may write: the shareable output, and apart from it the sensitive files (state folder
 * with the secret and maps, manifest, reports). Paths are compared after resolving links, so a
 * link cannot put the maps or the manifest into the released tree, nor an output into an input.
 */
import { lstat, readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { parseStorageTarget, type StorageTarget } from '../storage/target.js';

/** A run that cannot start because its options do not fit together (the CLI exits with 2). */
export class RunConfigurationError extends Error {
  override name = 'RunConfigurationError';
}

/**
 * The real path of `p`: links resolved in the part that exists, the missing rest appended
 * (so a folder the run will create is compared where it will really be).
 */
export async function realPathOf(p: string): Promise<string> {
  const absolute = path.resolve(p);
  const rest: string[] = [];
  for (let dir = absolute; ; dir = path.dirname(dir)) {
    try {
      return path.join(await realpath(dir), ...rest);
    } catch {
      if (path.dirname(dir) === dir) return absolute;
      rest.unshift(path.basename(dir));
    }
  }
}

/** True when `inner` is `outer` or inside it (both real, absolute). */
export const isWithin = (inner: string, outer: string) => inner === outer || inner.startsWith(outer.endsWith(path.sep) ? outer : outer + path.sep);

/** A sensitive place of a run: the state folder, the manifest, a report folder. */
export interface SensitivePath {
  /** In words, e.g. `the state folder (secret and identity maps)`. */
  what: string;
  path: string;
}

/** Options of {@link assertRunPathsApart}. */
export interface RunPaths {
  /** The inputs as given (local paths and `s3://` URLs). */
  inputs: readonly string[];
  /** The output: a folder or `s3://bucket/prefix`. */
  out: string;
  sensitive: readonly SensitivePath[];
}

const overlap = (a: string, b: string) => isWithin(a, b) || isWithin(b, a);
const nth = (i: number, n: number) => `input ${i + 1} of ${n}`;

/**
 * Refuses (with a {@link RunConfigurationError}) a run whose places overlap, compared by real path:
 * an output inside an input or holding one (local and S3 alike); a sensitive place inside the
 * output or an input, or holding them; two sensitive places of different kinds inside each other
 * are allowed (the manifest lives in the state folder). Inputs are named by position, never by path.
 */
export async function assertRunPathsApart(paths: RunPaths): Promise<void> {
  const out = parseStorageTarget(paths.out);
  const n = paths.inputs.length;
  const localInputs: Array<{ index: number; real: string }> = [];
  for (const [index, input] of paths.inputs.entries()) {
    const source = parseStorageTarget(input);
    if (source.engine === 'local') localInputs.push({ index, real: await realPathOf(source.root) });
    else if (out.engine === 's3') assertS3Apart(source, out, nth(index, n));
  }
  const realOut = out.engine === 'local' ? await realPathOf(out.root) : undefined;
  if (realOut) {
    for (const input of localInputs) {
      if (overlap(realOut, input.real)) throw new RunConfigurationError(`the output folder ${out.engine === 'local' ? out.root : ''} overlaps ${nth(input.index, n)}: outputs never go inside an input folder (nor inputs inside the output)`);
    }
  }
  for (const place of paths.sensitive) {
    const real = await realPathOf(place.path);
    if (realOut && overlap(real, realOut)) {
      throw new RunConfigurationError(`${place.what} (${place.path}) must be kept apart from the shareable output folder (${paths.out}): neither may hold the other, also through links`);
    }
    for (const input of localInputs) {
      if (overlap(real, input.real)) throw new RunConfigurationError(`${place.what} (${place.path}) overlaps ${nth(input.index, n)}: keep it apart from the inputs`);
    }
  }
}

/** An S3 destination must not be an input's bucket and prefix, nor inside it, nor contain it. */
function assertS3Apart(source: StorageTarget & { engine: 's3' }, out: StorageTarget & { engine: 's3' }, which: string): void {
  if (source.bucket !== out.bucket) return;
  const nested = (a: string, b: string) => a === b || b === '' || a.startsWith(`${b}/`);
  if (nested(out.prefix, source.prefix) || nested(source.prefix, out.prefix)) {
    throw new RunConfigurationError(`the destination s3://${out.bucket}/${out.prefix} overlaps ${which}: outputs never go inside an input, inputs are never overwritten`);
  }
}

/**
 * Links inside the output folder that lead into a sensitive place: releasing the folder (a copy or
 * sync that follows links) would release the maps or the manifest. Resolves to their paths.
 */
export async function linksInto(root: string, places: readonly string[]): Promise<string[]> {
  const targets = await Promise.all(places.map(realPathOf));
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isSymbolicLink()) {
        const real = await realpath(full).catch(() => undefined);
        if (real && targets.some((t) => overlap(real, t))) found.push(full);
      }
    }
  };
  if (await lstat(root).catch(() => undefined)) await walk(root);
  return found;
}
