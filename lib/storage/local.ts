import { closeSync, constants, fchmodSync, lstatSync, mkdirSync, openSync, realpathSync, renameSync, rmSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { StorageError, storageError } from './errors.js';
import { DURABLE_WRITES, kitTemporaryOwner, makeFoldersSync, temporaryPathFor, TEMP_SUFFIX, writeDurably } from '../safe-files.js';
import { assertKey, normalizePrefix } from './keys.js';
import type { ObjectStorage, StagedObject } from './types.js';

const ENGINE = 'local';
/** A new temporary file: created here and now, never an existing file or a planted link. */
const EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/** Options of the local-disk storage engine. */
export interface LocalStorageOptions {
  /** Folder that holds the objects; created on first write. */
  root: string;
  /** File mode for objects written with `{ sensitive: true }` (default: 0o600, owner only; their new folders get 0o700). */
  sensitiveMode?: number;
  /**
   * Real paths (as `fs.realpath` gives them) that must never be written over: the inputs of a run (optional).
   * A key is compared by its real path, so a root reached through a symbolic link cannot hide an input.
   */
  protectedPaths?: ReadonlySet<string>;
}

const isMissing = (error: unknown) => ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException)?.code ?? '');

/**
 * Object storage on the local disk. Keys are `/`-separated paths under `root` (see `keys.ts` for
 * what a key may hold). Writes go to a hidden temporary file in the same folder, are flushed, and are
 * renamed into place, so a reader never sees half an object and a failed write leaves nothing behind.
 *
 * @example
 * const storage = createLocalStorage({ root: 'output/med_de_id_img' });
 * await storage.put('test/P1/1.2/3.4/5.6.dcm', bytes);
 */
export function createLocalStorage(options: LocalStorageOptions): ObjectStorage {
  if (typeof options?.root !== 'string' || options.root === '') throw new StorageError(ENGINE, 'option "root" must name a folder');
  const root = path.resolve(options.root);
  const where = (key: string) => `"${key}" under ${root}`;
  const resolveKey = (key: string) => {
    const full = path.resolve(root, assertKey(ENGINE, key));
    // assertKey already refuses `..`; this second check is cheap and keeps the invariant local.
    if (!full.startsWith(root + path.sep)) throw new StorageError(ENGINE, `key ${JSON.stringify(key)} escapes the storage root ${root}`, { key });
    return full;
  };

  /** The real path the object would have: resolves symbolic links in its folder and in itself. */
  function realTarget(target: string): string {
    try {
      return realpathSync.native(target);
    } catch {
      let dir = path.dirname(target);
      const rest = [path.basename(target)];
      for (;;) {
        try {
          return path.join(realpathSync.native(dir), ...rest);
        } catch {
          if (path.dirname(dir) === dir) return target;
          rest.unshift(path.basename(dir));
          dir = path.dirname(dir);
        }
      }
    }
  }

  // The file-system calls below that only look up or name things (lstat, mkdir, open, rename) are
  // made in this thread: each takes microseconds, less than a trip to libuv's thread pool and back,
  // and a thread busy de-identifying the next input would delay every such trip. Only the write,
  // which waits for the disk, leaves the thread (one trip per object, see writeDurably).

  /** Refuses a target that is (through links) one of the protected inputs. */
  function refuseInput(target: string, key: string): void {
    if (!options.protectedPaths || options.protectedPaths.size === 0) return;
    // Nothing at the path (the usual case, a new output): no input can be written over there, and
    // one lstat (which follows links in the folders) shows it. Anything there is resolved in full.
    let occupied = true;
    try {
      lstatSync(target);
    } catch (error) {
      occupied = !isMissing(error);
    }
    if (occupied && options.protectedPaths.has(realTarget(target))) {
      throw new StorageError(ENGINE, `refusing to overwrite an input: ${where(key)}`, { key });
    }
  }

  /** Folders this storage made or found, so an object's folders are made once, not once per object. */
  const folders = new Set<string>();
  function makeFolder(dir: string, sensitive: boolean): void {
    if (folders.has(dir)) return;
    if (sensitive) makeFoldersSync(dir, 0o700);
    else mkdirSync(dir, { recursive: true, mode: 0o755 });
    folders.add(dir);
  }

  /** Creates a new temporary file beside `target` (never an existing file or a link) in its folder, made if need be. */
  function createTemporary(temporary: string, mode: number, sensitive: boolean): number {
    const dir = path.dirname(temporary);
    makeFolder(dir, sensitive);
    try {
      return openSync(temporary, EXCLUSIVE | DURABLE_WRITES, mode);
    } catch (error) {
      // The folder was removed since this storage made it: make it again, once.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      folders.delete(dir);
      makeFolder(dir, sensitive);
      return openSync(temporary, EXCLUSIVE | DURABLE_WRITES, mode);
    }
  }

  /**
   * Writes `bytes` to a new temporary file beside the key's place (never an existing file or a link),
   * flushed, after refusing a place that is an input; returns the temporary. On failure nothing is left.
   */
  async function writeTemporary(key: string, target: string, bytes: Uint8Array, sensitive: boolean): Promise<string> {
    refuseInput(target, key);
    const temporary = temporaryPathFor(target);
    const mode = sensitive ? (options.sensitiveMode ?? 0o600) : 0o644;
    try {
      const fd = createTemporary(temporary, mode, sensitive);
      try {
        if (sensitive) fchmodSync(fd, mode); // exact, whatever the umask
        await writeDurably(fd, bytes);
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      rmSync(temporary, { force: true });
      throw storageError(ENGINE, `cannot write ${where(key)}`, error, { key });
    }
    return temporary;
  }

  /** A staged object's temporary file, checked to be one this engine makes under its root. */
  function ownTemporary(staged: StagedObject): string {
    const temporary = path.resolve(staged.temporary);
    if (!temporary.startsWith(root + path.sep) || kitTemporaryOwner(path.basename(temporary)) === undefined) {
      throw new StorageError(ENGINE, `not a staged object of this storage: ${where(staged.key)}`, { key: staged.key });
    }
    return temporary;
  }

  return {
    name: ENGINE,
    async get(key) {
      const file = resolveKey(key);
      try {
        return new Uint8Array(await readFile(file));
      } catch (error) {
        if (isMissing(error)) throw storageError(ENGINE, `no object ${where(key)}`, error, { key, notFound: true });
        throw storageError(ENGINE, `cannot read ${where(key)}`, error, { key });
      }
    },
    async put(key, bytes, putOptions) {
      const target = resolveKey(key);
      const temporary = await writeTemporary(key, target, bytes, putOptions?.sensitive === true);
      try {
        renameSync(temporary, target);
      } catch (error) {
        rmSync(temporary, { force: true });
        throw storageError(ENGINE, `cannot write ${where(key)}`, error, { key });
      }
    },
    async stage(key, bytes) {
      return { key, temporary: await writeTemporary(key, resolveKey(key), bytes, false) };
    },
    // eslint-disable-next-line @typescript-eslint/require-await -- the interface's methods are asynchronous
    async publish(staged, key) {
      const temporary = ownTemporary(staged);
      const target = resolveKey(key);
      try {
        // The staged key was checked when it was written; another key is checked now.
        if (key !== staged.key) {
          refuseInput(target, key);
          makeFolder(path.dirname(target), false);
        }
        renameSync(temporary, target);
      } catch (error) {
        rmSync(temporary, { force: true });
        if (error instanceof StorageError) throw error;
        throw storageError(ENGINE, `cannot write ${where(key)}`, error, { key });
      }
    },
    // eslint-disable-next-line @typescript-eslint/require-await -- the interface's methods are asynchronous
    async discard(staged) {
      rmSync(ownTemporary(staged), { force: true });
    },
    async list(prefix) {
      const folder = normalizePrefix(ENGINE, prefix);
      const start = folder === '' ? root : resolveKey(folder);
      const keys: string[] = [];
      const walk = async (dir: string): Promise<void> => {
        let entries;
        try {
          entries = await readdir(dir, { withFileTypes: true });
        } catch (error) {
          if (isMissing(error)) return;
          throw storageError(ENGINE, `cannot list ${dir}`, error);
        }
        for (const entry of entries) {
          const full = path.join(dir, entry.name);
          if (entry.isDirectory()) await walk(full);
          else if (entry.isFile() && !entry.name.endsWith(TEMP_SUFFIX)) keys.push(path.relative(root, full).split(path.sep).join('/'));
        }
      };
      await walk(start);
      return keys.sort();
    },
    async has(key) {
      const file = resolveKey(key);
      try {
        return (await stat(file)).isFile();
      } catch (error) {
        if (isMissing(error)) return false;
        throw storageError(ENGINE, `cannot check ${where(key)}`, error, { key });
      }
    },
  };
}
