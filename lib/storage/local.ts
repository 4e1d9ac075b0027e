import { constants } from 'node:fs';
import { lstat, mkdir, open, readFile, readdir, realpath, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { StorageError, storageError } from './errors.js';
import { kitTemporaryOwner, makeFolders, temporaryPathFor, TEMP_SUFFIX } from '../safe-files.js';
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
  async function realTarget(target: string): Promise<string> {
    try {
      return await realpath(target);
    } catch {
      let dir = path.dirname(target);
      const rest = [path.basename(target)];
      for (;;) {
        try {
          return path.join(await realpath(dir), ...rest);
        } catch {
          if (path.dirname(dir) === dir) return target;
          rest.unshift(path.basename(dir));
          dir = path.dirname(dir);
        }
      }
    }
  }

  /** Refuses a target that is (through links) one of the protected inputs. */
  async function refuseInput(target: string, key: string): Promise<void> {
    if (!options.protectedPaths || options.protectedPaths.size === 0) return;
    // Nothing at the path (the usual case, a new output): no input can be written over there, and
    // one lstat (which follows links in the folders) shows it. Anything there is resolved in full.
    const occupied = await lstat(target).then(
      () => true,
      (error: unknown) => !isMissing(error),
    );
    if (occupied && options.protectedPaths.has(await realTarget(target))) {
      throw new StorageError(ENGINE, `refusing to overwrite an input: ${where(key)}`, { key });
    }
  }

  /**
   * Writes `bytes` to a new temporary file beside the key's place (never an existing file or a link),
   * flushed, after refusing a place that is an input; returns the temporary. On failure nothing is left.
   */
  async function writeTemporary(key: string, target: string, bytes: Uint8Array, sensitive: boolean): Promise<string> {
    await refuseInput(target, key);
    const temporary = temporaryPathFor(target);
    const mode = sensitive ? (options.sensitiveMode ?? 0o600) : 0o644;
    try {
      if (sensitive) await makeFolders(path.dirname(target), 0o700);
      else await mkdir(path.dirname(target), { recursive: true, mode: 0o755 });
      const handle = await open(temporary, EXCLUSIVE, mode);
      try {
        if (sensitive) await handle.chmod(mode); // exact, whatever the umask
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      await rm(temporary, { force: true });
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
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        throw storageError(ENGINE, `cannot write ${where(key)}`, error, { key });
      }
    },
    async stage(key, bytes) {
      return { key, temporary: await writeTemporary(key, resolveKey(key), bytes, false) };
    },
    async publish(staged, key) {
      const temporary = ownTemporary(staged);
      const target = resolveKey(key);
      try {
        // The staged key was checked when it was written; another key is checked now.
        if (key !== staged.key) {
          await refuseInput(target, key);
          await mkdir(path.dirname(target), { recursive: true, mode: 0o755 });
        }
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        if (error instanceof StorageError) throw error;
        throw storageError(ENGINE, `cannot write ${where(key)}`, error, { key });
      }
    },
    async discard(staged) {
      await rm(ownTemporary(staged), { force: true });
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
