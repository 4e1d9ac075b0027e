/**
 * Object storage engine (local disk, S3). Keys are `/`-separated relative paths.
 * Writes are atomic: a reader never sees a half-written object.
 */
export interface ObjectStorage {
  readonly name: string;
  get(key: string): Promise<Uint8Array>;
  put(key: string, bytes: Uint8Array, options?: { sensitive?: boolean }): Promise<void>;
  list(prefix?: string): Promise<string[]>;
  has?(key: string): Promise<boolean>;
}
