import path from 'node:path';
import { createStorage } from './index.js';
import type { ObjectStorage } from './types.js';

/** Where a run writes: a local folder, or an S3 bucket and prefix. */
export type StorageTarget = { engine: 'local'; root: string } | { engine: 's3'; bucket: string; prefix: string };

/** Reads `s3://bucket/prefix` as an S3 target and anything else as a local folder. */
export function parseStorageTarget(target: string): StorageTarget {
  const s3 = /^s3:\/\/([^/]+)\/?(.*)$/.exec(target);
  if (s3) return { engine: 's3', bucket: s3[1], prefix: s3[2].replace(/\/+$/, '') };
  return { engine: 'local', root: path.resolve(target) };
}

/**
 * Opens the storage for a target. Local folders never write over `protectedPaths` (the inputs);
 * the S3 SDK is loaded only for an `s3://` target.
 */
export function openStorageTarget(target: StorageTarget, options: { protectedPaths?: ReadonlySet<string> } = {}): ObjectStorage {
  if (target.engine === 's3') return createStorage({ engine: 's3', bucket: target.bucket, prefix: target.prefix || undefined });
  return createStorage({ engine: 'local', root: target.root, protectedPaths: options.protectedPaths });
}
