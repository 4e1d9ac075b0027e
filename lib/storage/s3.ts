/**
 * Object storage in an Amazon S3 bucket (or an S3-compatible store), under an optional key prefix.
 * Used only when chosen: `@aws-sdk/client-s3` is imported on first use through the kit's one AWS
 * client loader, configured by the run's {@link AwsSession}; the client can be injected (tests).
 * Large objects go up in parts (`@aws-sdk/lib-storage`), reads stream into one buffer, and a bounded
 * number of transfers run at once.
 */
import { randomUUID } from 'node:crypto';
import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';
import pLimit from 'p-limit';
import { lazyAwsClient } from '../engines/aws/client.js';
import { AwsSession } from '../engines/aws/session.js';
import type { ImageStaging } from '../engines/types.js';
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
  /** A ready client, e.g. for tests (default: a new `S3Client` from the session, made on first use). */
  client?: S3Client;
  /** Extra configuration of the client created when none is given, over the session's (optional). */
  clientConfig?: S3ClientConfig;
  /** The run's AWS session: profile, region, endpoint, path-style addressing, retries, usage meter (default: a new one from the environment). */
  session?: AwsSession;
  /** Objects of at least this many bytes are uploaded in parts (multipart upload) (default: 16 MiB). */
  multipartThreshold?: number;
  /** Part size of multipart uploads, 5 MiB at least (default: 8 MiB). */
  partSize?: number;
  /** Parts of one object uploaded at once (default: 4). */
  partsAtOnce?: number;
  /** Reads and writes running at once through this storage (default: 4). */
  maxConcurrentTransfers?: number;
  /** Keys per ListObjectsV2 page (default: S3's 1,000). */
  listPageSize?: number;
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

const MIB = 1024 * 1024;

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
  if (options.partSize !== undefined && !(options.partSize >= 5 * MIB)) {
    throw new StorageError(ENGINE, `option "partSize" must be at least 5 MiB (S3's smallest part), got ${String(options.partSize)}`);
  }
  for (const name of ['partsAtOnce', 'maxConcurrentTransfers', 'listPageSize'] as const) {
    const v = options[name];
    if (v !== undefined && !(Number.isInteger(v) && v >= 1)) throw new StorageError(ENGINE, `option "${name}" must be a positive integer, got ${String(v)}`);
  }
}

/** Reads a response body into one buffer of its announced length (no second copy), or collects it when no length is given. */
async function readBody(body: unknown, length: number | undefined): Promise<Uint8Array> {
  const stream = body as AsyncIterable<Uint8Array> & { transformToByteArray?: () => Promise<Uint8Array> };
  if (length === undefined || typeof stream[Symbol.asyncIterator] !== 'function') {
    if (stream.transformToByteArray) return stream.transformToByteArray();
    throw new Error('the response body cannot be read');
  }
  const out = new Uint8Array(length);
  let at = 0;
  for await (const chunk of stream) {
    if (at + chunk.length > length) throw new Error(`the object is longer than its announced ${length} bytes`);
    out.set(chunk, at);
    at += chunk.length;
  }
  if (at !== length) throw new Error(`the object ended after ${at} of its announced ${length} bytes`);
  return out;
}

/**
 * Creates S3 object storage. Keys are checked as by every engine (`keys.ts`: relative, no `..`,
 * no leading `/`) and joined to `prefix` with one `/`. A `put` is one PutObject, or from
 * `multipartThreshold` up a multipart upload (aborted on failure); either way S3 makes the object
 * visible all at once (never half an object). `get` streams the body into one buffer. `has` tells a
 * missing key from a missing bucket (an error). `list(prefix)` lists the folder `prefix`, following
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
export function createS3Storage(options: S3StorageOptions): S3Storage {
  assertOptions(options);
  const bucket = options.bucket;
  const base = normalizePrefix(ENGINE, options.prefix);
  const session = options.session ?? new AwsSession();
  const usage = session.usage;
  const multipartThreshold = options.multipartThreshold ?? 16 * MIB;
  const partSize = options.partSize ?? 8 * MIB;
  const limit = pLimit(options.maxConcurrentTransfers ?? 4);
  const url = (key: string) => `s3://${bucket}/${joinKey(base, key)}`;
  const contentType = options.contentType ?? ((key: string) => (key.toLowerCase().endsWith('.dcm') ? 'application/dicom' : 'application/octet-stream'));
  const aws = lazyAwsClient({
    engine: ENGINE,
    packageName: '@aws-sdk/client-s3',
    importSdk: () => import('@aws-sdk/client-s3'),
    makeClient: (sdk) => new sdk.S3Client({ ...session.clientConfig('s3'), ...options.clientConfig }),
    injected: options.client,
    loadError: (message, cause) => storageError(ENGINE, message, cause),
  });
  const load = () => aws.load();
  const fail = (message: string, error: unknown, extra: { key?: string; notFound?: boolean } = {}) => {
    session.noteError(error);
    return storageError(ENGINE, message, error, extra);
  };
  let bucketChecked: Promise<void> | undefined;

  /** HeadBucket once: a 404 from HeadObject means "no such key" only when the bucket exists. */
  function checkBucket(): Promise<void> {
    bucketChecked ??= (async () => {
      const { client, sdk } = await load();
      usage.record('s3:HeadBucket');
      try {
        await client.send(new sdk.HeadBucketCommand({ Bucket: bucket }));
      } catch (error) {
        bucketChecked = undefined;
        const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
        throw fail(status === 404 ? `no bucket "${bucket}" (or it is not visible with these credentials)` : `cannot reach bucket "${bucket}"`, error);
      }
    })();
    return bucketChecked;
  }

  async function putObject(key: string, bytes: Uint8Array, sensitive: boolean): Promise<void> {
    const objectKey = joinKey(base, assertKey(ENGINE, key));
    const encryption = options.sse ?? (sensitive ? 'AES256' : undefined);
    const params = {
      Bucket: bucket,
      Key: objectKey,
      ContentType: contentType(key),
      ...(encryption ? { ServerSideEncryption: encryption } : {}),
      ...(encryption === 'aws:kms' && options.kmsKeyId ? { SSEKMSKeyId: options.kmsKeyId } : {}),
    };
    const { client, sdk } = await load();
    try {
      if (bytes.byteLength < multipartThreshold) {
        usage.record('s3:PutObject', { bytes: bytes.byteLength });
        await client.send(new sdk.PutObjectCommand({ ...params, Body: bytes, ContentLength: bytes.byteLength }));
        return;
      }
      // In parts: a failed upload is aborted, so no object (and no half of one) appears.
      const { Upload } = await import('@aws-sdk/lib-storage');
      const parts = Math.ceil(bytes.byteLength / partSize);
      usage.record('s3:CreateMultipartUpload');
      for (let i = 0; i < parts; i++) usage.record('s3:UploadPart', { bytes: Math.min(partSize, bytes.byteLength - i * partSize) });
      usage.record('s3:CompleteMultipartUpload');
      await new Upload({ client, params: { ...params, Body: bytes }, partSize, queueSize: options.partsAtOnce ?? 4, leavePartsOnError: false }).done();
    } catch (error) {
      throw fail(`cannot write "${key}" to ${url(key)}`, error, { key });
    }
  }

  return {
    name: ENGINE,
    bucket,
    prefix: base,
    async get(key) {
      const objectKey = joinKey(base, assertKey(ENGINE, key));
      return limit(async () => {
        const { client, sdk } = await load();
        usage.record('s3:GetObject');
        try {
          const response = await client.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: objectKey }));
          if (!response.Body) throw new Error('the response has no body');
          return await readBody(response.Body, response.ContentLength);
        } catch (error) {
          if (isNoSuchObject(error)) throw storageError(ENGINE, `no object "${key}" at ${url(key)}`, error, { key, notFound: true });
          throw fail(`cannot read "${key}" from ${url(key)}`, error, { key });
        }
      });
    },
    async put(key, bytes, putOptions) {
      assertKey(ENGINE, key);
      return limit(() => putObject(key, bytes, Boolean(putOptions?.sensitive)));
    },
    async list(prefix) {
      const sub = normalizePrefix(ENGINE, prefix);
      const folder = sub === '' ? base : joinKey(base, sub);
      const listPrefix = folder === '' ? undefined : `${folder}/`;
      const strip = base === '' ? 0 : base.length + 1;
      const { client, sdk } = await load();
      const keys: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        let response;
        usage.record('s3:ListObjectsV2');
        try {
          response = await client.send(new sdk.ListObjectsV2Command({ Bucket: bucket, Prefix: listPrefix, ContinuationToken: token, MaxKeys: options.listPageSize }));
        } catch (error) {
          throw fail(`cannot list s3://${bucket}/${listPrefix ?? ''} (page ${pages + 1})`, error);
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
      const { client, sdk } = await load();
      usage.record('s3:HeadObject');
      try {
        await client.send(new sdk.HeadObjectCommand({ Bucket: bucket, Key: objectKey }));
        return true;
      } catch (error) {
        // Without s3:ListBucket, S3 answers 403 for a missing key too: say so rather than guess.
        if (!isNoSuchObject(error)) throw fail(`cannot check "${key}" at ${url(key)}`, error, { key });
      }
      // HEAD has no body, so a missing bucket also answers a bare 404: ask the bucket before saying "absent".
      await checkBucket().catch((error: unknown) => {
        if (!(error instanceof Error)) throw error;
        throw storageError(ENGINE, `cannot check "${key}" at ${url(key)}: ${error.message.replace(/^\[deid\] \[s3\] /, '')}`, error.cause ?? error, { key });
      });
      return false;
    },
    async remove(key) {
      const objectKey = joinKey(base, assertKey(ENGINE, key));
      const { client, sdk } = await load();
      usage.record('s3:DeleteObject');
      try {
        await client.send(new sdk.DeleteObjectCommand({ Bucket: bucket, Key: objectKey }));
      } catch (error) {
        throw fail(`cannot delete "${key}" at ${url(key)}`, error, { key });
      }
    },
    checkBucket,
  };
}

/** S3 storage: {@link ObjectStorage} plus where it writes, deletion and a bucket check. */
export interface S3Storage extends ObjectStorage {
  readonly bucket: string;
  /** The key prefix in canonical form (`''` for the bucket's root). */
  readonly prefix: string;
  remove(key: string): Promise<void>;
  /** HeadBucket (once): rejects when the bucket is missing or cannot be reached with these credentials. */
  checkBucket(): Promise<void>;
}

/**
 * Staging for Rekognition: renderings over its 5 MB Bytes limit are uploaded here (encrypted, under a
 * random name), read by DetectText as an S3Object, and deleted right after the call. They hold PHI:
 * a rendering that cannot be deleted fails the file, naming the object to delete by hand.
 *
 * @example createS3ImageStaging(createS3Storage({ bucket: 'de-id-dst', prefix: 'de-id-dicom-images.deid-staging', session }))
 */
export function createS3ImageStaging(storage: S3Storage): ImageStaging {
  const location = `s3://${storage.bucket}/${storage.prefix}`;
  return {
    location,
    async put(bytes) {
      const name = `${randomUUID()}.png`;
      await storage.put(name, bytes, { sensitive: true });
      return {
        bucket: storage.bucket,
        key: joinKey(storage.prefix, name),
        remove: () => storage.remove(name),
      };
    },
  };
}

export default createS3Storage;
