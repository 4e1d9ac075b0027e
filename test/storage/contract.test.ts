import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalStorage } from '../../lib/storage/local.js';
import { createS3Storage } from '../../lib/storage/s3.js';
import { storageContract } from './contract.js';
import { fakeS3 } from './fake-s3.js';

const temporary: string[] = [];
afterAll(async () => {
  await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('contract: local', () =>
  storageContract(async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'deid-storage-'));
    temporary.push(dir);
    // A root not yet created: the engine makes it on first write.
    return createLocalStorage({ root: path.join(dir, 'out') });
  }));

describe('contract: S3 (in-memory fake, 2 keys per list page)', () => storageContract(() => createS3Storage({ bucket: 'deid-test-bucket', client: fakeS3().client })));

describe('contract: S3 under a prefix, beside foreign objects', () => {
  storageContract(() => {
    const s3 = fakeS3();
    // Objects outside the storage's prefix, including a namesake folder, must never show up.
    for (const key of ['med_de_id_img/testing/x.dcm', 'other/P1/1.2.3/4.5/6.7.dcm', 'med_de_id_img/test']) {
      s3.objects.set(key, { bytes: new Uint8Array([0]), input: {} as never });
    }
    return createS3Storage({ bucket: 'deid-test-bucket', prefix: '/med_de_id_img/test/'.slice(1), client: s3.client });
  });
  it('keeps the foreign objects apart (sanity check of the fake)', async () => {
    const s3 = fakeS3();
    s3.objects.set('elsewhere/a.dcm', { bytes: new Uint8Array([0]), input: {} as never });
    const storage = createS3Storage({ bucket: 'deid-test-bucket', prefix: 'mine', client: s3.client });
    await storage.put('a.dcm', new Uint8Array([5]));
    expect([...s3.objects.keys()].sort()).toEqual(['elsewhere/a.dcm', 'mine/a.dcm']);
    expect(await storage.list()).toEqual(['a.dcm']);
  });
});
