/**
 * Object storage in an Amazon S3 bucket, under an optional key prefix. Used only when chosen:
 * `@aws-sdk/client-s3` is imported on first use, and the client can be injected (tests, custom credentials).
 */
import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';
import { lazyAwsClient } from '../engines/aws/client.js';
import { StorageError, storageError } from './errors.js';
import { assertKey, joinKey, normalizePrefix } from './keys.js';
import type { ObjectStorage } from './types.js';

const ENGINE = 's3';

/** Server-side encryption S3 applies to the objects written. */
export type S3ServerSideEncryption = 'AES256' | 'aws:kms';

/** Options of {@link createS3Storage}. */
export interface S3StorageOptions {
  /** Bucket name, e.g. `my-deid-output` (required). */
  bucket: string;
  /**
   * Key prefix inside the bucket, a folder such as `med_de_id_img/test` (default: none, the bucket's root).
   * Keys given to the storage are relative to it, and `list` returns them so.
   */
  prefix?: string;
  /** A ready client, e.g. for tests or custom credentials (default: a new `S3Client(clientConfig)` made on first use). */
  client?: S3Client;
  /** Configuration of the client created when none is given, e.g. `{ region: 'us-east-1' }` (optional). */
  clientConfig?: S3ClientConfig;
  /**
   * Server-side encryption asked for on every write (optional). Writes with `{ sensitive: true }` always
   * ask for encryption: this value, or `AES256` (SSE-S3) when it is not set.
   */
  sse?: S3ServerSideEncryption;
  /** KMS key id or ARN for `sse: 'aws:kms'` (default: the bucket's or the account's AWS-managed key). Only with `aws:kms`. */
  kmsKeyId?: string;
  /** Content type of written objects (default: `application/dicom` for keys ending in `.dcm`, else `application/octet-stream`). */
  contentType?: (key: string) => string;
}

type S3Sdk = typeof import('@aws-sdk/client-s3');

/** True when an S3 error means "no such object" (not "no such bucket" or "access denied"). */
function isNoSuchObject(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  if (e?.name === 'NoSuchKey' || e?.name === 'NotFound') return true;
  return e?.$metadata?.httpStatusCode === 404 && e?.name !== 'NoSuchBucket';
}

function assertOptions(options: S3StorageOptions): void {
  // Loose on purpose: legacy buckets may hold capitals and underscores; a key prefix belongs in "prefix".
  if (typeof options?.bucket !== 'string' || !/^[A-Za-z0-9._-]{3,255}$/.test(options.bucket)) {
    throw new StorageError(ENGINE, `option "bucket" must be a bucket name without "/" (put folders in "prefix"), got ${JSON.stringify(options?.bucket)}`);
  }
  if (options.sse !== undefined && options.sse !== 'AES256' && options.sse !== 'aws:kms') {
    throw new StorageError(ENGINE, `option "sse" must be 'AES256' or 'aws:kms', got ${JSON.stringify(options.sse)}`);
  }
  if (options.kmsKeyId !== undefined && options.sse !== 'aws:kms') {
    throw new StorageError(ENGINE, `option "kmsKeyId" needs sse: 'aws:kms' (got sse ${JSON.stringify(options.sse)})`);
  }
}

/**
 * Creates S3 object storage. Keys are checked as by every engine (`keys.ts`: relative, no `..`,
 * no leading `/`) and joined to `prefix` with one `/`. Each `put` is one PutObject, which S3 makes
 * visible all at once (never half an object). `list(prefix)` lists the folder `prefix`, following
 * continuation tokens, and returns sorted keys relative to the storage's own prefix.
 *
 * Sensitive writes (`{ sensitive: true }`) always carry an explicit server-side encryption header
 * (`sse`, default `AES256`), so S3 refuses the write rather than store it unencrypted under a bucket
 * policy that demands otherwise.
 *
 * @example
 * const out = createS3Storage({ bucket: 'deid-output', prefix: 'med_de_id_img', clientConfig: { region: 'us-east-1' }, sse: 'aws:kms' });
 * await out.put('test/P1/1.2/3.4/5.6.dcm', bytes);
 */
export function createS3Storage(options: S3StorageOptions): ObjectStorage {
  assertOptions(options);
  const bucket = options.bucket;
  const base = normalizePrefix(ENGINE, options.prefix);
  const importSdk = (): Promise<S3Sdk> => import('@aws-sdk/client-s3');
  const makeClient = (sdk: S3Sdk) => new sdk.S3Client(options.clientConfig ?? {});
  const s3 = lazyAwsClient(ENGINE, '@aws-sdk/client-s3', importSdk, makeClient, options.client, (message, cause) => storageError(ENGINE, message, cause));
  const url = (key: string) => `s3://${bucket}/${joinKey(base, key)}`;
  const contentType = options.contentType ?? ((key: string) => (key.toLowerCase().endsWith('.dcm') ? 'application/dicom' : 'application/octet-stream'));


  return {
    name: ENGINE,
    async get(key) {
      const objectKey = joinKey(base, assertKey(ENGINE, key));
      const { client, sdk } = await s3.load();
      try {
        const response = await client.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: objectKey }));
        if (!response.Body) throw new Error('the response has no body');
        return await response.Body.transformToByteArray();
      } catch (error) {
        if (isNoSuchObject(error)) throw storageError(ENGINE, `no object "${key}" at ${url(key)}`, error, { key, notFound: true });
        throw storageError(ENGINE, `cannot read "${key}" from ${url(key)}`, error, { key });
      }
    },
    async put(key, bytes, putOptions) {
      const objectKey = joinKey(base, assertKey(ENGINE, key));
      const encryption = options.sse ?? (putOptions?.sensitive ? 'AES256' : undefined);
      const { client, sdk } = await s3.load();
      try {
        await client.send(
          new sdk.PutObjectCommand({
            Bucket: bucket,
            Key: objectKey,
            Body: bytes,
            ContentLength: bytes.byteLength,
            ContentType: contentType(key),
            ...(encryption ? { ServerSideEncryption: encryption } : {}),
            ...(encryption === 'aws:kms' && options.kmsKeyId ? { SSEKMSKeyId: options.kmsKeyId } : {}),
          }),
        );
      } catch (error) {
        throw storageError(ENGINE, `cannot write "${key}" to ${url(key)}`, error, { key });
      }
    },
    async list(prefix) {
      const sub = normalizePrefix(ENGINE, prefix);
      const folder = sub === '' ? base : joinKey(base, sub);
      const listPrefix = folder === '' ? undefined : `${folder}/`;
      const strip = base === '' ? 0 : base.length + 1;
      const { client, sdk } = await s3.load();
      const keys: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        let response;
        try {
          response = await client.send(new sdk.ListObjectsV2Command({ Bucket: bucket, Prefix: listPrefix, ContinuationToken: token }));
        } catch (error) {
          throw storageError(ENGINE, `cannot list s3://${bucket}/${listPrefix ?? ''} (page ${pages + 1})`, error);
        }
        pages++;
        for (const object of response.Contents ?? []) {
          // Zero-byte "folder" markers that consoles create are not objects of ours.
          if (object.Key && !object.Key.endsWith('/')) keys.push(object.Key.slice(strip));
        }
        if (response.IsTruncated && !response.NextContinuationToken) {
          throw new StorageError(ENGINE, `cannot list s3://${bucket}/${listPrefix ?? ''}: page ${pages} is truncated but has no continuation token`);
        }
        token = response.IsTruncated ? response.NextContinuationToken : undefined;
      } while (token);
      return keys.sort();
    },
    async has(key) {
      const objectKey = joinKey(base, assertKey(ENGINE, key));
      const { client, sdk } = await s3.load();
      try {
        await client.send(new sdk.HeadObjectCommand({ Bucket: bucket, Key: objectKey }));
        return true;
      } catch (error) {
        if (isNoSuchObject(error)) return false;
        // Without s3:ListBucket, S3 answers 403 for a missing key too: say so rather than guess.
        throw storageError(ENGINE, `cannot check "${key}" at ${url(key)}`, error, { key });
      }
    },
  };
}

export default createS3Storage;
