import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3ServiceException } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { createStorage } from '../../lib/storage/index.js';
import { createS3Storage } from '../../lib/storage/s3.js';
import { fakeS3 } from './fake-s3.js';

const BUCKET = 'deid-test-bucket';

describe('S3 storage', () => {
  it('follows continuation tokens: 7 objects at 2 per page take 4 ListObjectsV2 calls', async () => {
    const s3 = fakeS3(BUCKET, 2);
    const storage = createS3Storage({ bucket: BUCKET, prefix: 'out', client: s3.client });
    const keys = Array.from({ length: 7 }, (_, i) => `P${i % 2}/s/${i}.dcm`);
    for (const key of keys) await storage.put(key, new Uint8Array([1]));
    expect(await storage.list()).toEqual([...keys].sort());
    const calls = s3.mock.commandCalls(ListObjectsV2Command).map((c) => c.args[0].input);
    expect(calls).toHaveLength(4);
    expect(calls[0]).toMatchObject({ Bucket: BUCKET, Prefix: 'out/' });
    expect(calls[0].ContinuationToken).toBeUndefined();
    for (const call of calls.slice(1)) expect(call.ContinuationToken).toBeTruthy();
  });

  it('fails rather than return a partial listing when a truncated page has no token', async () => {
    const s3 = fakeS3(BUCKET);
    s3.mock.on(ListObjectsV2Command).resolves({ Contents: [{ Key: 'a.dcm' }], IsTruncated: true });
    await expect(createS3Storage({ bucket: BUCKET, client: s3.client }).list()).rejects.toThrow(/^\[deid\] \[s3\] cannot list s3:\/\/deid-test-bucket\/: page 1 is truncated/);
  });

  it('asks for AES256 on sensitive writes when no encryption is configured, and for nothing on others', async () => {
    const s3 = fakeS3(BUCKET);
    const storage = createS3Storage({ bucket: BUCKET, client: s3.client });
    await storage.put('state/secret.json', new Uint8Array([1]), { sensitive: true });
    await storage.put('P1/a.dcm', new Uint8Array([1]));
    expect(s3.objects.get('state/secret.json')!.input.ServerSideEncryption).toBe('AES256');
    expect(s3.objects.get('P1/a.dcm')!.input.ServerSideEncryption).toBeUndefined();
    expect(s3.objects.get('P1/a.dcm')!.input).toMatchObject({ ContentType: 'application/dicom', ContentLength: 1 });
  });

  it('asks for the configured KMS key on every write', async () => {
    const s3 = fakeS3(BUCKET);
    const kmsKeyId = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const storage = createS3Storage({ bucket: BUCKET, client: s3.client, sse: 'aws:kms', kmsKeyId });
    await storage.put('a.dcm', new Uint8Array([1]));
    await storage.put('b.json', new Uint8Array([1]), { sensitive: true });
    for (const key of ['a.dcm', 'b.json']) expect(s3.objects.get(key)!.input).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: kmsKeyId });
  });

  it('checks its options when made', () => {
    const client = fakeS3(BUCKET).client;
    expect(() => createS3Storage({ bucket: BUCKET, client, kmsKeyId: 'k' })).toThrow(/^\[deid\] \[s3\] option "kmsKeyId" needs sse: 'aws:kms'/);
    expect(() => createS3Storage({ bucket: BUCKET, client, sse: 'aws:fsx' as never })).toThrow(/option "sse" must be 'AES256' or 'aws:kms'/);
    expect(() => createS3Storage({ bucket: 'my-bucket/folder', client })).toThrow(/option "bucket".*put folders in "prefix"/);
    expect(() => createS3Storage({ bucket: BUCKET, client, prefix: '../up' })).toThrow(/invalid prefix "\.\.\/up"/);
  });

  it('prefixes errors with the engine, names the object and keeps the cause', async () => {
    const s3 = fakeS3(BUCKET);
    const denied = new S3ServiceException({ name: 'AccessDenied', message: 'Access Denied', $fault: 'client', $metadata: { httpStatusCode: 403 } });
    s3.mock.on(PutObjectCommand).rejects(denied);
    s3.mock.on(HeadObjectCommand).rejects(denied);
    s3.mock.on(GetObjectCommand).rejects(denied);
    const storage = createS3Storage({ bucket: BUCKET, prefix: 'out', client: s3.client });
    const error = await storage.put('P1/a.dcm', new Uint8Array([1])).catch((e: Error) => e);
    expect((error as Error).message).toBe('[deid] [s3] cannot write "P1/a.dcm" to s3://deid-test-bucket/out/P1/a.dcm: Access Denied');
    expect((error as Error).cause).toBe(denied);
    // A 403 may hide a missing key or a real denial: never answer "absent" or "not found" for it.
    await expect(storage.has!('P1/a.dcm')).rejects.toThrow(/^\[deid\] \[s3\] cannot check "P1\/a\.dcm"/);
    await expect(storage.get('P1/a.dcm')).rejects.toMatchObject({ notFound: false, message: expect.stringMatching(/cannot read "P1\/a\.dcm"/) });
  });

  it('does not take a missing bucket for a missing object', async () => {
    const storage = createS3Storage({ bucket: 'another-bucket', client: fakeS3(BUCKET).client });
    await expect(storage.has!('a.dcm')).rejects.toThrow(/cannot check "a\.dcm" at s3:\/\/another-bucket\/a\.dcm: The specified bucket does not exist/);
    await expect(storage.get('a.dcm')).rejects.toMatchObject({ notFound: false });
  });

  it('sends nothing before first use', () => {
    const s3 = fakeS3(BUCKET);
    createS3Storage({ bucket: BUCKET, client: s3.client });
    expect(s3.mock.calls()).toHaveLength(0);
  });
});

describe('storage registry', () => {
  it('makes local storage by default and S3 only when chosen; rejects unknown engines', async () => {
    expect(createStorage({ root: '/tmp/deid-registry-never-written' }).name).toBe('local');
    expect(createStorage({ engine: 'local', root: '/tmp/deid-registry-never-written' }).name).toBe('local');
    const s3 = fakeS3(BUCKET);
    const storage = createStorage({ engine: 's3', bucket: BUCKET, prefix: 'p', client: s3.client });
    expect(storage.name).toBe('s3');
    await storage.put('k.dcm', new Uint8Array([3]));
    expect(s3.objects.has('p/k.dcm')).toBe(true);
    expect(() => createStorage({ engine: 'gcs', root: 'x' } as never)).toThrow(/^\[deid\] \[storage\] unknown storage engine "gcs": use 'local'/);
  });
});
