/**
 * Storage keys, shared by every engine so they accept and refuse the same keys: `/`-separated
 * relative paths with no empty, `.` or `..` segment, no leading `/`, no backslash, no control character.
 */
import { StorageError } from './errors.js';

function keyProblem(key: string): string | undefined {
  if (typeof key !== 'string') return 'is not a string';
  if (key === '') return 'is empty';
  if (key.startsWith('/')) return 'starts with "/" (keys are relative to the storage root)';
  if (key.includes('\\')) return 'holds a backslash';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(key)) return 'holds a control character';
  for (const segment of key.split('/')) {
    if (segment === '') return 'has an empty segment ("//" or a trailing "/")';
    if (segment === '.' || segment === '..') return `has a "${segment}" segment, which could escape the storage root`;
  }
  return undefined;
}

/** Returns `key` when it is a valid storage key, else throws a {@link StorageError} naming the key and the problem. */
export function assertKey(engine: string, key: string): string {
  const problem = keyProblem(key);
  if (problem) throw new StorageError(engine, `invalid key ${JSON.stringify(key)}: it ${problem}`, { key });
  return key;
}

/**
 * A list prefix or an engine's base prefix in canonical form: `''` for none, else a valid key
 * without trailing `/` (`'a/b/'` and `'a/b'` name the same folder).
 */
export function normalizePrefix(engine: string, prefix: string | undefined): string {
  if (prefix === undefined || prefix === '') return '';
  const trimmed = prefix.replace(/\/+$/, '');
  if (trimmed === '') throw new StorageError(engine, `invalid prefix ${JSON.stringify(prefix)}: it names no folder`, { key: prefix });
  const problem = keyProblem(trimmed);
  if (problem) throw new StorageError(engine, `invalid prefix ${JSON.stringify(prefix)}: it ${problem}`, { key: prefix });
  return trimmed;
}

/** Joins a canonical prefix (from {@link normalizePrefix}) and a valid key. */
export function joinKey(prefix: string, key: string): string {
  return prefix === '' ? key : `${prefix}/${key}`;
}
