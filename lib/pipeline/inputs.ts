import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { openStorageTarget, parseStorageTarget, type StorageTarget } from '../storage/target.js';
import type { ObjectStorage } from '../storage/types.js';

/** One input of a run: a file to process, or a path that could not be used. */
export interface InputEntry {
  path: string;
  /** True when the file was found by walking a folder (not named by the user). */
  fromFolder: boolean;
  /** Set when the path does not exist or cannot be read. */
  error?: string;
  /** Reads the bytes of an input kept in object storage (`s3://…`); local files are read from `path`. */
  read?: () => Promise<Uint8Array>;
}

/** Opens the storage an `s3://bucket/prefix` input names (injectable for tests). */
export type StorageOpener = (target: StorageTarget) => ObjectStorage;

/**
 * Expands files and folders (recursively, in name order, hidden entries skipped) into input files.
 * Paths under `exclude` (the output and state folders) are never taken as inputs.
 */
export async function expandInputs(paths: string[], exclude: string[] = [], openStorage: StorageOpener = (t) => openStorageTarget(t)): Promise<InputEntry[]> {
  const excluded = exclude.map((p) => path.resolve(p));
  const isExcluded = (p: string) => excluded.some((e) => p === e || p.startsWith(e + path.sep));
  const entries: InputEntry[] = [];
  const walk = async (dir: string): Promise<void> => {
    const children = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const child of children) {
      if (child.name.startsWith('.')) continue;
      const full = path.join(dir, child.name);
      if (isExcluded(path.resolve(full))) continue;
      if (child.isDirectory()) await walk(full);
      else if (child.isFile()) entries.push({ path: full, fromFolder: true });
    }
  };
  for (const input of paths) {
    const target = parseStorageTarget(input);
    if (target.engine === 's3') {
      entries.push(...(await listStorage(input, target, openStorage)));
      continue;
    }
    const info = await stat(input).catch((error: NodeJS.ErrnoException) => error);
    if (info instanceof Error) entries.push({ path: input, fromFolder: false, error: `cannot read input: ${info.code ?? info.message}` });
    else if (info.isDirectory()) await walk(input);
    else entries.push({ path: input, fromFolder: false });
  }
  return entries;
}

/** Every object under an `s3://bucket/prefix` input, as entries read from the storage. */
async function listStorage(input: string, target: StorageTarget & { engine: 's3' }, openStorage: StorageOpener): Promise<InputEntry[]> {
  const storage = openStorage(target);
  let keys: string[];
  try {
    keys = await storage.list();
  } catch (error) {
    return [{ path: input, fromFolder: false, error: `cannot list input: ${(error as Error).message}` }];
  }
  const base = `s3://${target.bucket}/${target.prefix ? `${target.prefix}/` : ''}`;
  return keys.map((key) => ({ path: `${base}${key}`, fromFolder: true, read: () => storage.get(key) }));
}

/** Real paths of the inputs, so no output is ever written over one. */
export async function realPaths(entries: InputEntry[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const entry of entries) {
    if (entry.read) continue;
    out.add(path.resolve(entry.path));
    const real = await realpath(entry.path).catch(() => undefined);
    if (real) out.add(real);
  }
  return out;
}
