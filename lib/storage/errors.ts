/** An error raised by a storage engine; its message starts with `[deid] [<engine>]` and keeps the `cause`. */
export class StorageError extends Error {
  /** The engine that raised it: `local`, `s3`, `storage` (the registry). */
  readonly engine: string;
  /** The key concerned, when there is one. */
  readonly key?: string;
  /** True when the key names no object (a missing input rather than a broken store). */
  readonly notFound: boolean;
  constructor(engine: string, message: string, options: { key?: string; notFound?: boolean; cause?: unknown } = {}) {
    super(`[deid] [${engine}] ${message}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StorageError';
    this.engine = engine;
    this.key = options.key;
    this.notFound = options.notFound ?? false;
  }
}

/** Wraps `cause` in a {@link StorageError}, appending the cause's message to `message`. */
export function storageError(engine: string, message: string, cause: unknown, options: { key?: string; notFound?: boolean } = {}): StorageError {
  const detail = cause instanceof Error ? `: ${cause.message}` : cause !== undefined ? `: ${String(cause)}` : '';
  return new StorageError(engine, `${message}${detail}`, { ...options, cause });
}
