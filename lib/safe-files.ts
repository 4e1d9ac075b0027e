/**
 * Safe local file writing, shared by the output storage, the state folder, the manifest and the
 * reports: temporary files created exclusively next to their target (never through a planted
 * link), with exact modes whatever the umask, renamed into place; folders created with exact
 * modes; and the kit's own leftover temporary files recognised and removed.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fchmodSync, fdatasync, fsyncSync, mkdirSync, chmodSync, openSync, renameSync, rmSync, write, writeSync } from 'node:fs';
import { chmod, mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

/** Every temporary file the kit writes ends with this and starts with a dot: `.name.<pid>-<hex>.deid-tmp`. */
export const TEMP_SUFFIX = '.deid-tmp';
const TEMP_NAME = /^\..+\.(?:(\d+)-)?[0-9a-f]{12}\.deid-tmp$/;

/** Flags for a new temporary file: created here and now, never an existing file or a link. */
const EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/**
 * Open flag that makes each write return only once its data (and the size needed to read it back)
 * is on disk, as a write followed by `fdatasync` would, in one system call: one trip to libuv's
 * thread pool instead of two. 0 where the platform lacks it ({@link writeDurably} then flushes).
 */
export const DURABLE_WRITES: number = (constants as Partial<typeof constants>).O_DSYNC ?? 0;

const writeAsync = (fd: number, bytes: Uint8Array, offset: number) =>
  new Promise<number>((resolve, reject) => write(fd, bytes, offset, bytes.length - offset, null, (error, written) => (error ? reject(error) : resolve(written))));
const fdatasyncAsync = promisify(fdatasync);

/**
 * Writes all of `bytes` to `fd` off this thread and resolves once they are on disk: `fd` should be
 * opened with {@link DURABLE_WRITES} (each write is then flushed as it is made, usually one write in
 * all); without that flag the data is flushed by `fdatasync` afterwards.
 */
export async function writeDurably(fd: number, bytes: Uint8Array, durableWrites = DURABLE_WRITES !== 0): Promise<void> {
  for (let offset = 0; offset < bytes.length; ) offset += await writeAsync(fd, bytes, offset);
  if (!durableWrites) await fdatasyncAsync(fd);
}

/** The path of a new temporary file beside `target`, named so a later run can tell it is the kit's and whose. */
export function temporaryPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
}

/**
 * For a name {@link temporaryPathFor} made, the id of the process that made it (0 for the older
 * names without one); undefined for any other name.
 */
export function kitTemporaryOwner(name: string): number | undefined {
  const m = TEMP_NAME.exec(name);
  return m ? Number(m[1] ?? 0) : undefined;
}

/**
 * Creates `dir` and its missing parents with exactly `mode` (default 0o700, owner only): the new
 * folders are chmod-ed after creation, so a permissive umask (000) cannot make them world-writable.
 * Existing folders are left as they are.
 */
export async function makeFolders(dir: string, mode = 0o700): Promise<void> {
  const first = await mkdir(dir, { recursive: true, mode });
  if (first) for (const created of createdChain(first, dir)) await chmod(created, mode);
}

/** {@link makeFolders}, synchronously. */
export function makeFoldersSync(dir: string, mode = 0o700): void {
  const first = mkdirSync(dir, { recursive: true, mode });
  if (first) for (const created of createdChain(first, dir)) chmodSync(created, mode);
}

/** The folders from `first` (the first one mkdir created) down to `dir`. */
function createdChain(first: string, dir: string): string[] {
  const chain = [path.resolve(first)];
  const rest = path.relative(first, dir);
  if (rest) for (const part of rest.split(path.sep)) chain.push(path.join(chain[chain.length - 1], part));
  return chain;
}

/** Options of {@link writeFileAtomic}. */
export interface AtomicWriteOptions {
  /** Mode of the file (default 0o600, owner only); applied exactly, whatever the umask. */
  mode?: number;
  /** Mode of folders created for it (default 0o700). */
  folderMode?: number;
}

/**
 * Writes `target` atomically: a temporary file created exclusively beside it (O_EXCL|O_NOFOLLOW, so
 * a planted file or link is never followed or reused), written, flushed to disk, renamed into place.
 * A failed write leaves nothing behind.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  await makeFolders(path.dirname(target), options.folderMode ?? 0o700);
  const temporary = temporaryPathFor(target);
  try {
    const handle = await open(temporary, EXCLUSIVE, options.mode ?? 0o600);
    try {
      await handle.chmod(options.mode ?? 0o600);
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** {@link writeFileAtomic}, synchronously. */
export function writeFileAtomicSync(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  makeFoldersSync(path.dirname(target), options.folderMode ?? 0o700);
  const temporary = temporaryPathFor(target);
  try {
    const fd = openSync(temporary, EXCLUSIVE, options.mode ?? 0o600);
    try {
      fchmodSync(fd, options.mode ?? 0o600);
      const bytes = typeof data === 'string' ? Buffer.from(data) : data;
      for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** True while a process with this id runs (ours always; 0, the id of older temporary names, never). */
export function processIsAlive(pid: number): boolean {
  if (pid === 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the kit's temporary files left under `root` by runs that were killed (their process is
 * gone); a temporary file of a run still going on is left alone. Links are not followed.
 * Resolves to the number of files removed.
 */
export async function removeLeftoverTemporaries(root: string): Promise<number> {
  let removed = 0;
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return; // a folder we cannot read holds nothing we wrote
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) {
        const owner = kitTemporaryOwner(entry.name);
        if (owner !== undefined && !processIsAlive(owner)) {
          await rm(full, { force: true });
          removed++;
        }
      }
    }
  };
  await walk(root);
  return removed;
}
