import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ObjectStorage } from './types.js';

/** Options of the local-disk storage engine. */
export interface LocalStorageOptions {
  /** Folder that holds the objects; created on first write. */
  root: string;
  /** File mode for objects written with `{ sensitive: true }` (default: 0o600, owner only). */
  sensitiveMode?: number;
  /** Real paths that must never be written over (the inputs of a run). */
  protectedPaths?: ReadonlySet<string>;
}

/**
 * Object storage on the local disk. Writes go to a temporary file in the same folder
 * and are renamed into place, so a reader never sees half a file.
 */
export function createLocalStorage(options: LocalStorageOptions): ObjectStorage {
  const root = path.resolve(options.root);
  const resolveKey = (key: string) => {
    const full = path.resolve(root, key);
    if (full !== root && !full.startsWith(root + path.sep)) throw new Error(`[deid] [local] key "${key}" escapes the storage root ${root}`);
    return full;
  };
  return {
    name: 'local',
    async get(key) {
      return new Uint8Array(await readFile(resolveKey(key)));
    },
    async put(key, bytes, putOptions) {
      const target = resolveKey(key);
      if (options.protectedPaths?.has(target)) throw new Error(`[deid] [local] refusing to overwrite an input: ${target}`);
      await mkdir(path.dirname(target), { recursive: true, mode: putOptions?.sensitive ? 0o700 : 0o755 });
      const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(temporary, bytes, { mode: putOptions?.sensitive ? (options.sensitiveMode ?? 0o600) : 0o644 });
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        throw new Error(`[deid] [local] cannot write ${target}: ${(error as Error).message}`, { cause: error });
      }
    },
    async list(prefix = '') {
      const start = resolveKey(prefix);
      const keys: string[] = [];
      const walk = async (dir: string): Promise<void> => {
        for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
          const full = path.join(dir, entry.name);
          if (entry.isDirectory()) await walk(full);
          else if (entry.isFile()) keys.push(path.relative(root, full).split(path.sep).join('/'));
        }
      };
      await walk(start);
      return keys.sort();
    },
    async has(key) {
      return stat(resolveKey(key)).then(
        (s) => s.isFile(),
        () => false,
      );
    },
  };
}
