import { closeSync, constants, fstatSync, openSync, read, realpathSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import type { Dirent, Stats } from 'node:fs';
import path from 'node:path';
import { openStorageTarget, parseStorageTarget, type StorageTarget } from '../storage/target.js';
import type { ObjectStorage } from '../storage/types.js';

/** One input of a run: a file to process, or a path that could not be used. */
export interface InputEntry {
  path: string;
  /** True when the file was found by walking a folder (not named by the user). */
  fromFolder: boolean;
  /** Set when the path does not exist or cannot be read: reported as failed. */
  error?: string;
  /** Set when the path is reported but deliberately not read (a link cycle, a second link to a file already taken). */
  skipped?: string;
  /** Reads the bytes of an input kept in object storage (`s3://…`); local files are read from `path`. */
  read?: () => Promise<Uint8Array>;
}

/** Opens the storage an `s3://bucket/prefix` input names (injectable for tests). */
export type StorageOpener = (target: StorageTarget) => ObjectStorage;

/** The file-system calls the walk makes (injectable, so tests can make a folder unreadable even as root). */
export interface WalkFs {
  readdir(dir: string): Promise<Dirent[]>;
  stat(file: string): Promise<Stats>;
}

/** Options of {@link expandInputs}. */
export interface ExpandOptions {
  /** Folders never taken as inputs (the output and state folders); a link into one is reported. */
  exclude?: string[];
  openStorage?: StorageOpener;
  fs?: WalkFs;
}

/** Entries of a folder looked at at once by the walk. */
const STATS_AT_ONCE = 64;

const defaultFs: WalkFs = { readdir: (dir) => readdir(dir, { withFileTypes: true }), stat: (file) => stat(file) };

/** What a non-regular file is, in words. */
export function fileKind(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

const code = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message ?? String(error);
const identity = (info: Stats) => `${info.dev}:${info.ino}`;

/**
 * Expands files and folders (recursively, in name order, hidden entries skipped) into input files.
 * Only regular files are taken: devices, FIFOs and sockets are reported and never opened. Links
 * inside folders are followed once: a folder or file reached a second time (a cycle, or two links
 * to one target) is reported as skipped. A folder that cannot be read is reported and the walk
 * goes on. Folders under `exclude` (output, state) are never taken as inputs.
 */
export async function expandInputs(paths: string[], options: ExpandOptions = {}): Promise<InputEntry[]> {
  const fs = options.fs ?? defaultFs;
  const openStorage = options.openStorage ?? ((t: StorageTarget) => openStorageTarget(t));
  const excluded = new Set<string>();
  for (const dir of options.exclude ?? []) {
    const info = await fs.stat(dir).catch(() => undefined);
    if (info) excluded.add(identity(info));
  }
  const visitedFolders = new Set<string>();
  const takenFiles = new Set<string>();
  const entries: InputEntry[] = [];

  const take = (full: string, info: Stats, fromFolder: boolean) => {
    if (!info.isFile()) return entries.push({ path: full, fromFolder, error: `${fileKind(info)}: not read (only regular files are)` });
    if (takenFiles.has(identity(info))) return entries.push({ path: full, fromFolder, skipped: 'the same file as an earlier input (reached again through a link): not read twice' });
    takenFiles.add(identity(info));
    entries.push({ path: full, fromFolder });
  };
  const walk = async (dir: string, info: Stats): Promise<void> => {
    if (excluded.has(identity(info))) {
      entries.push({ path: dir, fromFolder: true, skipped: 'a link into the output or state folder: not searched' });
      return;
    }
    if (visitedFolders.has(identity(info))) {
      entries.push({ path: dir, fromFolder: true, skipped: 'a folder already searched (a link cycle, or a second link to it): not searched again' });
      return;
    }
    visitedFolders.add(identity(info));
    let children: Dirent[];
    try {
      children = (await fs.readdir(dir)).sort((a, b) => a.name.localeCompare(b.name));
    } catch (error) {
      entries.push({ path: dir, fromFolder: true, error: `cannot read folder: ${code(error)}` });
      return;
    }
    const shown = children.filter((child) => !child.name.startsWith('.'));
    // A group of entries is looked at at once (one after the other, each waited for, took a trip to
    // libuv's thread pool and back per file before the first input was read), then taken in order.
    for (let start = 0; start < shown.length; start += STATS_AT_ONCE) {
      const group = shown.slice(start, start + STATS_AT_ONCE).map((child) => {
        const full = path.join(dir, child.name);
        // Follows a link, once: cycles are caught by the visited sets.
        return { child, full, info: fs.stat(full).then((info) => ({ info }), (error: unknown) => ({ error })) };
      });
      for (const { child, full, info } of group) {
        const found = await info;
        if ('error' in found) {
          entries.push({ path: full, fromFolder: true, error: child.isSymbolicLink() ? `a link to nothing (${code(found.error)})` : `cannot read: ${code(found.error)}` });
          continue;
        }
        if (found.info.isDirectory()) await walk(full, found.info);
        else take(full, found.info, true);
      }
    }
  };
  for (const input of paths) {
    const target = parseStorageTarget(input);
    if (target.engine === 's3') {
      entries.push(...(await listStorage(input, target, openStorage)));
      continue;
    }
    let info: Stats;
    try {
      info = await fs.stat(input);
    } catch (error) {
      entries.push({ path: input, fromFolder: false, error: `cannot read input: ${code(error)}` });
      continue;
    }
    if (info.isDirectory()) await walk(input, info);
    else take(input, info, false);
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

/** The largest input file read by default (2 GiB); larger ones fail with a clear error, never an out-of-memory crash. */
export const DEFAULT_MAX_INPUT_BYTES = 2 * 1024 ** 3;

/** An input that cannot be read; the message says why in words, without the path. */
export class InputReadError extends Error {
  override name = 'InputReadError';
}

const readAsync = (fd: number, bytes: Uint8Array, offset: number) =>
  new Promise<number>((resolve, reject) => read(fd, bytes, offset, bytes.length - offset, offset, (error, bytesRead) => (error ? reject(error) : resolve(bytesRead))));

/**
 * Reads a regular file whole, refusing anything else: opened without blocking (a FIFO swapped in
 * after the walk cannot hang the run), checked to be a regular file of at most `maxBytes`. Opening,
 * checking and closing are done in this thread (microseconds each); only the read, which may wait
 * for the disk, goes to libuv's thread pool: one trip there and back per file, not four.
 */
export async function readRegularFile(file: string, maxBytes = DEFAULT_MAX_INPUT_BYTES): Promise<Uint8Array> {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new InputReadError(`cannot read input: ${code(error)}`, { cause: error });
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new InputReadError(`${fileKind(info)}: not read (only regular files are)`);
    if (info.size > maxBytes) throw new InputReadError(`the file is ${info.size} bytes, over the ${maxBytes}-byte input limit`);
    const bytes = new Uint8Array(info.size);
    for (let offset = 0; offset < bytes.length; ) {
      const bytesRead = await readAsync(fd, bytes, offset);
      if (bytesRead === 0) throw new InputReadError('the file became shorter while it was read');
      offset += bytesRead;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/**
 * Real paths of the inputs, so no output is ever written over one. Resolved in this thread: a
 * resolution takes microseconds, a trip to libuv's thread pool and back per input took longer.
 */
export function realPaths(entries: InputEntry[]): Set<string> {
  const out = new Set<string>();
  for (const entry of entries) {
    if (entry.read) continue;
    out.add(path.resolve(entry.path));
    try {
      out.add(realpathSync.native(entry.path));
    } catch {
      // a path that cannot be resolved is protected as given
    }
  }
  return out;
}
