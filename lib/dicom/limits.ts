/**
 * Per-file resource limits, checked against declared and derived sizes before anything large is
 * allocated, so a hostile file fails with a reason instead of exhausting the process.
 *
 * Defaults can be changed with environment variables (sizes accept K, M, G suffixes, powers of 1024):
 * - `DEID_MAX_FILE_MEMORY` (default 2G): the memory one file may need, estimated from its sizes;
 * - `DEID_MAX_INFLATE_RATIO` (default 64): how many times its compressed size a deflated dataset may inflate to;
 * - `DEID_MIN_INFLATE_ALLOWANCE` (default 64M): a deflated dataset may always inflate to this much
 *   (a blank image deflates far better than 64:1).
 */

/** The limits in force for one file. */
export interface ResourceLimits {
  /** Estimated peak memory one file may need, in bytes. */
  maxFileMemory: number;
  /** A deflated dataset may inflate to at most `max(maxInflateRatio × compressed size, minInflateAllowance)` bytes. */
  maxInflateRatio: number;
  minInflateAllowance: number;
}

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

/** The defaults, before environment variables. */
export const DEFAULT_LIMITS: Readonly<ResourceLimits> = Object.freeze({
  maxFileMemory: 2 * GiB,
  maxInflateRatio: 64,
  minInflateAllowance: 64 * MiB,
});

/**
 * How many copies of the dataset's bytes one file holds at its peak in header mode: the input, the
 * pixel values read from it, the working copy the steps change, a cleaned copy of the pixels and
 * the output. `bench/read-memory.ts` measured 3.8 to 4.7 times the file above the process's own
 * baseline (64 MiB and 256 MiB files).
 */
export const READ_COPIES = 5;

/** A limit that is not a positive size or number. */
export class LimitsError extends Error {
  override name = 'LimitsError';
}

/**
 * The limits in force: `overrides`, else the environment variables, else {@link DEFAULT_LIMITS}.
 * @throws LimitsError for an environment variable that is not a positive size.
 */
export function resourceLimits(overrides: Partial<ResourceLimits> = {}, env: NodeJS.ProcessEnv = process.env): ResourceLimits {
  return {
    maxFileMemory: overrides.maxFileMemory ?? fromEnv(env, 'DEID_MAX_FILE_MEMORY') ?? DEFAULT_LIMITS.maxFileMemory,
    maxInflateRatio: overrides.maxInflateRatio ?? fromEnv(env, 'DEID_MAX_INFLATE_RATIO') ?? DEFAULT_LIMITS.maxInflateRatio,
    minInflateAllowance: overrides.minInflateAllowance ?? fromEnv(env, 'DEID_MIN_INFLATE_ALLOWANCE') ?? DEFAULT_LIMITS.minInflateAllowance,
  };
}

/** The most bytes a deflated dataset of `compressedBytes` may inflate to. */
export function inflateLimit(compressedBytes: number, limits: ResourceLimits): number {
  return Math.min(Math.max(limits.maxInflateRatio * compressedBytes, limits.minInflateAllowance), Math.floor(limits.maxFileMemory / READ_COPIES));
}

/** A size in words: `1.5 GiB`, `640 MiB`, `12 KiB`, `300 bytes`. */
export function formatBytes(bytes: number): string {
  if (bytes >= GiB) return `${(bytes / GiB).toFixed(1)} GiB`;
  if (bytes >= MiB) return `${(bytes / MiB).toFixed(0)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(0)} KiB`;
  return `${bytes} bytes`;
}

/** Parses `2G`, `512M`, `64`, `1.5G` (powers of 1024). */
export function parseSize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([KMGT]?)i?B?\s*$/i.exec(text);
  if (!match) return undefined;
  const unit = { '': 1, K: 1024, M: MiB, G: GiB, T: 1024 * GiB }[match[2].toUpperCase() as '' | 'K' | 'M' | 'G' | 'T'];
  const value = Number(match[1]) * unit;
  return value > 0 ? value : undefined;
}

function fromEnv(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const text = env[name];
  if (text === undefined || text === '') return undefined;
  const value = parseSize(text);
  if (value === undefined) throw new LimitsError(`${name} must be a positive number or size such as 2G or 512M`);
  return value;
}
