/**
 * The Lambda handler, invoked directly against a loopback S3 server (s3rver) with the event shapes AWS
 * sends: an S3 `ObjectCreated` notification (URL-encoded keys) and a Step Functions Distributed Map
 * batch. Its outputs are byte-identical to a `deid run` on one machine with the same secret, its
 * results prefix holds the manifest entries and map entries, and what it returns names no input.
 */
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLambdaHandler, eventObjects, lambdaConfigFromEnv, LambdaEventError } from '../../lib/deploy/aws-lambda.js';
import { AwsSession } from '../../lib/engines/aws/session.js';
import { openStateStore } from '../../lib/state/store.js';
import { makePhiFixture } from '../fixtures/phi-fixture.js';
import { deid, manifestLines } from '../support/cli.js';
import { projectRoot } from '../support/paths.js';
import { startLoopbackS3, type LoopbackS3 } from '../support/s3rver.js';

const rules = path.join(projectRoot, 'configs/de-id/de_id_rules_auto.yaml');

/** An S3 notification as AWS delivers it (trimmed of the fields the handler does not read). */
const s3Event = (bucket: string, keys: string[]) => ({
  Records: keys.map((key) => ({
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: 'us-east-1',
    eventTime: '2026-11-30T12:00:00.000Z',
    eventName: 'ObjectCreated:Put',
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: 'deid-on-upload',
      bucket: { name: bucket, arn: `arn:aws:s3:::${bucket}` },
      // S3 URL-encodes keys in notifications, a space as "+".
      object: { key: encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/g, '/'), size: 1, eTag: 'x', sequencer: '0' },
    },
  })),
});

describe('the AWS Lambda handler against a loopback S3 server', () => {
  let server: LoopbackS3;
  let admin: S3Client;
  const work = mkdtempSync(path.join(tmpdir(), 'deid-lambda-'));
  const local = path.join(work, 'in');
  const state = path.join(work, 'state');
  const names = ['DOE JANE/CT 1.dcm', 'DOE JANE/CT+2.dcm', 'SMITH JOHN/a.dcm', 'SMITH JOHN/b.dcm', 'ROE RICHARD/scan.dcm', 'ROE RICHARD/notes.dcm'];
  const phi: string[] = [];

  beforeAll(async () => {
    server = await startLoopbackS3();
    admin = new S3Client({ region: 'us-east-1', endpoint: server.endpoint, forcePathStyle: true, credentials: server.credentials });
    for (const bucket of ['archive', 'deid-out', 'deid-results']) await admin.send(new CreateBucketCommand({ Bucket: bucket }));
    mkdirSync(local);
    for (const [i, name] of names.entries()) {
      const fixture = makePhiFixture({ patientId: `MRN-90${Math.floor(i / 2)}`, uidRoot: `1.2.826.0.1.3680043.8.498.61${Math.floor(i / 2)}`, instance: i + 1 });
      // The last one is not DICOM: an error entry, not a thrown invocation.
      const bytes = name.endsWith('notes.dcm') ? Buffer.from('not an image') : fixture.bytes();
      phi.push(...fixture.phi.map((p) => p.value).filter((v) => v.length >= 6));
      mkdirSync(path.dirname(path.join(local, name)), { recursive: true });
      writeFileSync(path.join(local, name), bytes);
      await admin.send(new PutObjectCommand({ Bucket: 'archive', Key: `incoming/${name}`, Body: bytes }));
    }
    openStateStore(state);
  });

  afterAll(async () => {
    admin?.destroy();
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  const get = async (bucket: string, key: string) => Buffer.from(await (await admin.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToByteArray());
  const list = async (bucket: string) => ((await admin.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((o) => o.Key!).sort();

  it('reads S3 notifications, Distributed Map items and batches, and refuses anything else', () => {
    expect(eventObjects(s3Event('archive', ['DOE JANE/CT+1.dcm']))).toEqual(['s3://archive/DOE JANE/CT+1.dcm']);
    expect(eventObjects({ bucket: 'archive', key: 'a/b.dcm' })).toEqual(['s3://archive/a/b.dcm']);
    expect(eventObjects({ Items: [{ Key: 'a.dcm' }, { Key: 'b.dcm' }], BatchInput: { bucket: 'archive' } })).toEqual(['s3://archive/a.dcm', 's3://archive/b.dcm']);
    expect(() => eventObjects({ hello: 1 })).toThrow(LambdaEventError);
    expect(() => eventObjects({ Records: [{ eventSource: 'aws:sqs' }] })).toThrow(/not an S3 notification/);
    expect(() => lambdaConfigFromEnv({ DEID_OUT: 's3://out/x', DEID_RESULTS: 's3://res/y' })).toThrow(/exactly one of DEID_SECRET_ID .* and DEID_SECRET/);
    const secret = 'ab'.repeat(32);
    expect(() => createLambdaHandler(lambdaConfigFromEnv({ DEID_OUT: 's3://b/out', DEID_RESULTS: 's3://b/out/results', DEID_SECRET: secret }))).toThrow(/must not overlap/);
  });

  it('de-identifies into the output bucket what one machine gives, with the maps in the results prefix', async () => {
    const secretHex = readFileSync(path.join(state, 'secret.key'), 'utf8').trim();
    const session = new AwsSession({ endpointUrl: server.endpoint, region: 'us-east-1', credentials: server.credentials });
    const config = lambdaConfigFromEnv({ DEID_OUT: 's3://deid-out/released', DEID_RESULTS: 's3://deid-results/run-1', DEID_SECRET: secretHex, DEID_RULES: rules, DEID_PIXELS: 'false' }, session);
    const handler = createLambdaHandler(config);

    const keys = names.map((n) => `incoming/${n}`);
    const first = await handler(s3Event('archive', keys.slice(0, 2)));
    const second = await handler({ Items: keys.slice(2).map((Key) => ({ Key, Size: 1, ETag: '"x"', LastModified: '2026-11-30T12:00:00Z', StorageClass: 'STANDARD' })), BatchInput: { bucket: 'archive' } });
    const files = [...first.files, ...second.files];
    expect([first.ok, first.failed, second.ok, second.failed]).toEqual([2, 0, 3, 1]);
    // What goes back to Step Functions (its execution history) names no input and holds no identity.
    const returned = JSON.stringify([first, second]);
    for (const needle of [...phi, 'DOE', 'JANE', 'SMITH', 'ROE', 'incoming', 'MRN-90', '1.2.826.0.1.3680043.8.498']) expect(returned, needle).not.toContain(needle);

    // The same inputs on one machine, with the same secret: the same names and bytes.
    const localState = path.join(work, 'state-local');
    cpSync(state, localState, { recursive: true });
    const localOut = path.join(work, 'out-local');
    const run = await deid('run', local, '--out', localOut, '--state', localState, '--rules', rules, '--no-pixels');
    expect(run.code, run.stderr).toBe(1);
    const single = manifestLines(path.join(localState, 'manifest.jsonl'));
    const localOutputs = single.filter((e) => e.status === 'ok').map((e) => String(e.output)).sort();
    expect(await list('deid-out')).toEqual(localOutputs.map((o) => `released/${o}`));
    for (const output of localOutputs) expect((await get('deid-out', `released/${output}`)).equals(readFileSync(path.join(localOut, output))), output).toBe(true);

    // The results prefix: one result per input (its manifest entry and map entries), matching the local maps.
    const resultKeys = (await list('deid-results')).filter((k) => k.startsWith('run-1/files/'));
    expect(resultKeys.sort()).toEqual(files.map((f) => `run-1/files/${f.ref}.json`).sort());
    const results = await Promise.all(resultKeys.map(async (k) => JSON.parse((await get('deid-results', k)).toString()) as { entry: { input: string; status: string }; uids: Array<[string, string]>; patients: Array<[string, string]> }));
    expect(results.map((r) => r.entry.input).sort()).toEqual(keys.map((k) => `s3://archive/${k}`).sort());
    const uidMap = JSON.parse(readFileSync(path.join(localState, 'uid_map.json'), 'utf8')) as Record<string, string>;
    const patidMap = JSON.parse(readFileSync(path.join(localState, 'patid_map.json'), 'utf8')) as Record<string, string>;
    expect(Object.fromEntries(results.flatMap((r) => r.uids))).toEqual(uidMap);
    expect(Object.fromEntries(results.flatMap((r) => r.patients))).toEqual(patidMap);
    expect(results.find((r) => r.entry.input.endsWith('notes.dcm'))!.entry.status).toBe('error');

    // Invoked again (a retry after a timeout): the same keys and bytes.
    const before = await Promise.all(localOutputs.map((o) => get('deid-out', `released/${o}`)));
    const again = await handler(s3Event('archive', keys));
    expect(again.files.map((f) => [f.ref, f.status, f.output])).toEqual(files.map((f) => [f.ref, f.status, f.output]));
    const after = await Promise.all(localOutputs.map((o) => get('deid-out', `released/${o}`)));
    expect(after.every((bytes, i) => bytes.equals(before[i]))).toBe(true);
    expect(await list('deid-out')).toHaveLength(localOutputs.length);
  });

  it('gives a second input with the same SOP Instance UID a name of its own instead of writing over the first', async () => {
    const secretHex = readFileSync(path.join(state, 'secret.key'), 'utf8').trim();
    const session = new AwsSession({ endpointUrl: server.endpoint, region: 'us-east-1', credentials: server.credentials });
    const handler = createLambdaHandler(lambdaConfigFromEnv({ DEID_OUT: 's3://deid-out/twins', DEID_RESULTS: 's3://deid-results/run-2', DEID_SECRET: secretHex, DEID_RULES: rules, DEID_PIXELS: 'false' }, session));
    const twin = { patientId: 'MRN-TWIN', uidRoot: '1.2.826.0.1.3680043.8.498.777', instance: 5 };
    await admin.send(new PutObjectCommand({ Bucket: 'archive', Key: 'twins/a.dcm', Body: makePhiFixture(twin).bytes() }));
    await admin.send(new PutObjectCommand({ Bucket: 'archive', Key: 'twins/b.dcm', Body: makePhiFixture({ ...twin, birthDate: '19451224', age: '078Y' }).bytes() }));
    const result = await handler({ Items: [{ Key: 'twins/a.dcm' }, { Key: 'twins/b.dcm' }], BatchInput: { bucket: 'archive' } });
    expect(result.ok).toBe(2);
    const [a, b] = result.files;
    expect(b.output).not.toBe(a.output);
    expect(b.output!.replace(/-[0-9a-f]{8}\.dcm$/, '.dcm')).toBe(a.output);
    expect(b.warnings?.map((w) => w.id)).toContain('save:duplicate-instance');
    expect((await list('deid-out')).filter((k) => k.startsWith('twins/'))).toHaveLength(2);
  });
});
