/** An in-memory S3 bucket behind aws-sdk-client-mock: PutObject, GetObject, HeadObject, ListObjectsV2 (paged). */
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  type PutObjectCommandInput,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';

export interface FakeS3 {
  client: S3Client;
  mock: ReturnType<typeof mockClient>;
  /** Objects by full key. */
  objects: Map<string, { bytes: Uint8Array; input: PutObjectCommandInput }>;
}

const notFound = (name: 'NotFound' | 'NoSuchBucket', message: string) =>
  new S3ServiceException({ name, message, $fault: 'client', $metadata: { httpStatusCode: 404 } });

/** A fake bucket `bucket` answering at most `pageSize` keys per ListObjectsV2 page, in S3's (UTF-8 byte) order. */
export function fakeS3(bucket = 'deid-test-bucket', pageSize = 2): FakeS3 {
  const client = new S3Client({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
  const mock = mockClient(client);
  const objects: FakeS3['objects'] = new Map();
  const checkBucket = (name?: string) => {
    if (name !== bucket) throw notFound('NoSuchBucket', `The specified bucket does not exist: ${name}`);
  };
  mock.on(PutObjectCommand).callsFake(async (input: PutObjectCommandInput) => {
    checkBucket(input.Bucket);
    if (!(input.Body instanceof Uint8Array)) throw new Error('fake S3 expects a Uint8Array body');
    objects.set(input.Key!, { bytes: Uint8Array.from(input.Body), input });
    return { ETag: '"x"', ServerSideEncryption: input.ServerSideEncryption ?? 'AES256' };
  });
  mock.on(GetObjectCommand).callsFake(async (input: { Bucket?: string; Key?: string }) => {
    checkBucket(input.Bucket);
    const object = objects.get(input.Key!);
    if (!object) throw new NoSuchKey({ message: 'The specified key does not exist.', $metadata: { httpStatusCode: 404 } });
    const copy = Uint8Array.from(object.bytes);
    return { Body: { transformToByteArray: async () => copy }, ContentLength: copy.length };
  });
  mock.on(HeadObjectCommand).callsFake(async (input: { Bucket?: string; Key?: string }) => {
    checkBucket(input.Bucket);
    if (!objects.has(input.Key!)) throw notFound('NotFound', 'Not Found');
    return { ContentLength: objects.get(input.Key!)!.bytes.length };
  });
  mock.on(ListObjectsV2Command).callsFake(async (input: { Bucket?: string; Prefix?: string; ContinuationToken?: string }) => {
    checkBucket(input.Bucket);
    const keys = [...objects.keys()]
      .filter((k) => k.startsWith(input.Prefix ?? ''))
      .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    const start = input.ContinuationToken ? Number(Buffer.from(input.ContinuationToken, 'base64').toString()) : 0;
    const page = keys.slice(start, start + pageSize);
    const more = start + pageSize < keys.length;
    return {
      Contents: page.map((Key) => ({ Key, Size: objects.get(Key)!.bytes.length })),
      KeyCount: page.length,
      IsTruncated: more,
      NextContinuationToken: more ? Buffer.from(String(start + pageSize)).toString('base64') : undefined,
    };
  });
  return { client, mock, objects };
}
