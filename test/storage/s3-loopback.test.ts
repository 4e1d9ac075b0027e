/**
 * S3 end to end against a real S3-compatible HTTP server on loopback (s3rver, started and stopped
 * here): the SDK's real serialization, signing, paging, multipart uploads and errors, and `deid run`
 * from one bucket to another in header and pixel mode.
 */
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readDicom } from '../../lib/dicom/adapter.js';
import { setElement, getString } from '../../lib/dicom/elements.js';
import { AwsSession } from '../../lib/engines/aws/session.js';
import { createS3Storage } from '../../lib/storage/s3.js';
import { makePhiFixture } from '../fixtures/phi-fixture.js';
import { deid } from '../support/cli.js';
import { projectRoot } from '../support/paths.js';
import { startLoopbackS3, type LoopbackS3 } from '../support/s3rver.js';
import { storageContract } from './contract.js';
import { tempDir } from '../support/temp-dir.js';

const MIB = 1024 * 1024;
const rulesPath = path.join(projectRoot, 'configs/de-id/de_id_rules_auto.yaml');
let server: LoopbackS3;
let admin: S3Client;
let buckets = 0;

beforeAll(async () => {
  server = await startLoopbackS3();
  admin = new S3Client({ region: 'us-east-1', endpoint: server.endpoint, forcePathStyle: true, credentials: server.credentials });
});
afterAll(async () => {
  admin?.destroy();
  await server?.stop();
});

async function bucket(name = `bucket-${++buckets}`): Promise<string> {
  await admin.send(new CreateBucketCommand({ Bucket: name }));
  return name;
}
const session = () => new AwsSession({ endpointUrl: server.endpoint, region: 'us-east-1', credentials: server.credentials });

describe('contract: S3 against a loopback S3 server (s3rver), 2 keys per list page', () => {
  storageContract(async () => createS3Storage({ bucket: await bucket(), prefix: 'out', session: session(), listPageSize: 2 }));
});

describe('S3 storage against a loopback S3 server', () => {
  it('addresses http://localhost:<port> path-style, without being told', async () => {
    const name = await bucket();
    const storage = createS3Storage({ bucket: name, session: new AwsSession({ endpointUrl: server.endpoint, region: 'us-east-1', credentials: server.credentials }) });
    await storage.put('a.dcm', new Uint8Array([1, 2, 3]));
    expect([...(await storage.get('a.dcm'))]).toEqual([1, 2, 3]);
  });

  it('has(): false for a missing key, an error for a missing bucket (HEAD answers a bare 404 for both)', async () => {
    const name = await bucket();
    expect(await createS3Storage({ bucket: name, session: session() }).has!('nothing.dcm')).toBe(false);
    await expect(createS3Storage({ bucket: 'no-such-bucket', session: session() }).has!('a.dcm')).rejects.toThrow(/cannot check "a\.dcm" at s3:\/\/no-such-bucket\/a\.dcm: no bucket "no-such-bucket"/);
  });

  it('uploads a large object in parts (multipart) and reads it back whole', async () => {
    const name = await bucket();
    const s = session();
    const storage = createS3Storage({ bucket: name, prefix: 'big', session: s, multipartThreshold: 6 * MIB, partSize: 5 * MIB, partsAtOnce: 2 });
    const bytes = new Uint8Array(17 * MIB).map((_, i) => (i * 31) % 251);
    await storage.put('large.dcm', bytes);
    const back = await storage.get('large.dcm');
    expect(back.length).toBe(bytes.length);
    expect(Buffer.from(back).equals(Buffer.from(bytes))).toBe(true);
    expect(s.usage.byApi['s3:UploadPart'].calls).toBe(4);
    expect(s.usage.byApi['s3:PutObject']).toBeUndefined();
  });

  it('writes nothing when a multipart upload fails halfway (the upload is aborted)', async () => {
    const name = await bucket();
    const client = new S3Client({ region: 'us-east-1', endpoint: server.endpoint, forcePathStyle: true, credentials: server.credentials });
    let parts = 0;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'UploadPartCommand' && ++parts === 2) throw Object.assign(new Error('connection reset'), { name: 'NetworkingError' });
        return next(args);
      },
      { step: 'initialize', name: 'failSecondPart' },
    );
    const storage = createS3Storage({ bucket: name, client, multipartThreshold: 6 * MIB, partSize: 5 * MIB, partsAtOnce: 1 });
    // s3rver does not implement AbortMultipartUpload, so the abort's own refusal is what surfaces here.
    await expect(storage.put('large.dcm', new Uint8Array(12 * MIB))).rejects.toThrow(/^\[deid\] \[s3\] cannot write "large\.dcm" to s3:\/\/bucket-\d+\/large\.dcm: /);
    expect(await storage.list()).toEqual([]);
    expect(await storage.has!('large.dcm')).toBe(false);
    client.destroy();
  });
});

describe('deid run s3://src/prefix --out s3://dst/prefix against the loopback server', () => {
  let src: string;
  let dst: string;
  const work = tempDir('deid-s3-loopback-');
  const fixtures = [makePhiFixture({ instance: 1 }), makePhiFixture({ instance: 2 })];
  const large = makePhiFixture({ instance: 3, uidRoot: '1.2.826.0.1.3680043.8.498.555' });

  beforeAll(async () => {
    src = await bucket('de-id-src');
    dst = await bucket('de-id-dst');
    // A 20 MiB image (4000x2600, 16 bits): past the 16 MiB multipart threshold on the way out.
    const dict = large.dataset.dict;
    setElement(dict, 'Rows', 'US', [2600]);
    setElement(dict, 'Columns', 'US', [4000]);
    setElement(dict, 'BitsAllocated', 'US', [16]);
    setElement(dict, 'BitsStored', 'US', [12]);
    setElement(dict, 'HighBit', 'US', [11]);
    setElement(dict, 'SamplesPerPixel', 'US', [1]);
    dict['7FE00010'] = { vr: 'OW', Value: [new Uint16Array(4000 * 2600).map((_, i) => i % 4096).buffer] };
    const put = (Bucket: string, Key: string, Body: Uint8Array) => admin.send(new PutObjectCommand({ Bucket, Key, Body }));
    await put(src, 'in/JONES_ANN_1.dcm', fixtures[0].bytes());
    await put(src, 'in/JONES_ANN_2.dcm', fixtures[1].bytes());
    await put(src, 'large/JONES_ANN_3.dcm', large.bytes());
    await put(src, 'in/broken.dcm', new Uint8Array(300).fill(7));
    await put(src, 'elsewhere/other.dcm', fixtures[0].bytes());
    vi.stubEnv('AWS_ACCESS_KEY_ID', server.credentials.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', server.credentials.secretAccessKey);
    vi.stubEnv('AWS_REGION', 'us-east-1');
  });
  afterAll(() => vi.unstubAllEnvs());

  const run = (prefix: string, ...extra: string[]) =>
    deid('run', `s3://${src}/in`, ...(extra.includes('--no-pixels') ? [`s3://${src}/large`] : []), '--out', `s3://${dst}/${prefix}`, '--endpoint-url', server.endpoint, '--state', path.join(work, `state-${prefix}`), '--rules', rulesPath, ...extra);

  it('header mode: de-identifies every DICOM object, the large one through multipart; a broken one fails and writes nothing', async () => {
    const result = await run('header', '--no-pixels');
    expect(result.code).toBe(1); // broken.dcm
    expect(result.stderr).toMatch(/Amazon S3: reads the original files from s3:\/\/de-id-src\/in, s3:\/\/de-id-src\/large/);
    expect(result.stdout).toMatch(/^3 de-identified, 1 failed, 0 skipped, 3 not pixel-checked/);
    expect(result.stdout).toMatch(/s3:UploadPart: \d+ calls/);
    const out = createS3Storage({ bucket: dst, prefix: 'header', session: session() });
    const keys = await out.list();
    expect(keys).toHaveLength(3);
    for (const key of keys) {
      expect(key).toMatch(/^PAT-[A-Z0-9]+\/2\.25\.\d+\/2\.25\.\d+\/2\.25\.\d+\.dcm$/);
      const written = readDicom(await out.get(key));
      expect(getString(written.dict, 'PatientName')).toBe('The^Patient');
    }
    // The sources are untouched.
    expect(await createS3Storage({ bucket: src, session: session() }).list()).toHaveLength(5);
  });

  it('pixel mode (local engine): reads, checks the pixels, writes; nothing staged is left behind', async () => {
    const result = await run('pixels');
    expect(result.stdout).toMatch(/^2 de-identified, 1 failed, 0 skipped; \d+ pixel box(es)? redacted\noutput: s3:\/\/de-id-dst\/pixels\n/);
    const keys = await createS3Storage({ bucket: dst, session: session() }).list();
    expect(keys.filter((k) => k.startsWith('pixels/'))).toHaveLength(2);
    expect(keys.filter((k) => !k.startsWith('pixels/') && !k.startsWith('header/'))).toEqual([]);
  });

  it('a missing destination bucket stops the run before anything is read or written (exit 2, one message)', async () => {
    const result = await deid('run', `s3://${src}/in`, '--out', 's3://no-such-dst/out', '--endpoint-url', server.endpoint, '--state', path.join(work, 'state-x'), '--rules', rulesPath, '--no-pixels');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/s3:\/\/no-such-dst\/out cannot be used: no bucket "no-such-dst"/);
    expect(existsSync(path.join(work, 'state-x'))).toBe(false);
  });
});
