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
  /**
   * Writes an object's bytes, flushed, where no reader sees them yet (a temporary file beside `key`),
   * for {@link ObjectStorage.publish} to put in place later, possibly from another thread and under
   * another key. Optional: engines without it are written with `put`.
   */
  stage?(key: string, bytes: Uint8Array): Promise<StagedObject>;
  /** Puts a staged object in place under `key` (atomically); on failure nothing is left behind. */
  publish?(staged: StagedObject, key: string): Promise<void>;
  /** Removes a staged object that will not be published. */
  discard?(staged: StagedObject): Promise<void>;
}

/** An object written by {@link ObjectStorage.stage}: plain data, so it can cross threads. */
export interface StagedObject {
  /** The key it was staged for (checked then against what must not be overwritten). */
  key: string;
  /** Where the engine holds it until published. */
  temporary: string;
}
