/**
 * Storage registry: pick an object storage engine by name. `local` (a folder) is the default;
 * nothing touches AWS unless `engine: 's3'` is chosen (the S3 module loads its SDK on first use).
 */
import { StorageError } from './errors.js';
import { createLocalStorage, type LocalStorageOptions } from './local.js';
import { createS3Storage, type S3StorageOptions } from './s3.js';
import type { ObjectStorage } from './types.js';

export type { ObjectStorage } from './types.js';
export { StorageError } from './errors.js';
export { assertKey } from './keys.js';
export { createLocalStorage, type LocalStorageOptions } from './local.js';
export { createS3Storage, createS3ImageStaging, type S3Storage, type S3StorageOptions, type S3ServerSideEncryption } from './s3.js';

/** Storage engine names. */
export type StorageEngineName = 'local' | 's3';

/** Options of {@link createStorage}: the engine name plus that engine's own options. */
export type StorageChoice = ({ engine?: 'local' } & LocalStorageOptions) | ({ engine: 's3' } & S3StorageOptions);

/**
 * Creates object storage: `local` (a folder on disk; default) or `s3` (a bucket and prefix).
 *
 * @example
 * createStorage({ engine: 'local', root: 'images/med_de_id_img' });
 * createStorage({ engine: 's3', bucket: 'deid-output', prefix: 'med_de_id_img', clientConfig: { region: 'us-east-1' } });
 */
export function createStorage(choice: StorageChoice): ObjectStorage {
  const engine: unknown = choice?.engine;
  if (engine === undefined || engine === 'local') {
    const { engine: _engine, ...options } = choice as { engine?: 'local' } & LocalStorageOptions;
    return createLocalStorage(options);
  }
  if (engine === 's3') {
    const { engine: _engine, ...options } = choice as { engine: 's3' } & S3StorageOptions;
    return createS3Storage(options);
  }
  throw new StorageError('storage', `unknown storage engine ${JSON.stringify(engine)}: use 'local' (a folder; default) or 's3'`);
}
