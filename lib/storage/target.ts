import path from 'node:path';
import type { AwsSession } from '../engines/aws/session.js';
import { createStorage, type S3ServerSideEncryption } from './index.js';
import type { ObjectStorage } from './types.js';

/** Where a run writes: a local folder, or an S3 bucket and prefix. */
export type StorageTarget = { engine: 'local'; root: string } | { engine: 's3'; bucket: string; prefix: string };

/** Reads `s3://bucket/prefix` as an S3 target and anything else as a local folder. */
export function parseStorageTarget(target: string): StorageTarget {
  const s3 = /^s3:\/\/([^/]+)\/?(.*)$/.exec(target);
  if (s3) return { engine: 's3', bucket: s3[1], prefix: s3[2].replace(/\/+$/, '') };
  return { engine: 'local', root: path.resolve(target) };
}

/** Options of {@link openStorageTarget}. */
export interface OpenTargetOptions {
  /** Local inputs a local folder must never write over. */
  protectedPaths?: ReadonlySet<string>;
  /** The run's AWS session, for `s3://` targets (default: one from the environment). */
  session?: AwsSession;
  /** Server-side encryption of S3 writes (see `S3StorageOptions`). */
  sse?: S3ServerSideEncryption;
  kmsKeyId?: string;
}

/**
 * Opens the storage for a target. Local folders never write over `protectedPaths` (the inputs);
 * the S3 SDK is loaded only for an `s3://` target, on first use.
 */
export function openStorageTarget(target: StorageTarget, options: OpenTargetOptions = {}): ObjectStorage {
  if (target.engine === 's3') {
    return createStorage({ engine: 's3', bucket: target.bucket, prefix: target.prefix || undefined, session: options.session, sse: options.sse, kmsKeyId: options.kmsKeyId });
  }
  return createStorage({ engine: 'local', root: target.root, protectedPaths: options.protectedPaths });
}
