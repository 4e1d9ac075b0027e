import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDicom } from '../../lib/dicom/adapter.js';
import { getString } from '../../lib/dicom/elements.js';
import { deidentifyFiles } from '../../lib/pipeline/deidentify-files.js';
import { createS3Storage } from '../../lib/storage/s3.js';
import { parseStorageTarget } from '../../lib/storage/target.js';
import { makePhiFixture } from '../fixtures/phi-fixture.js';
import { fakeS3 } from '../storage/fake-s3.js';
import { projectRoot } from '../support/paths.js';
import { tempDir } from '../support/temp-dir.js';

describe('deid run into an S3 destination bucket', () => {
  it('reads s3://bucket/prefix as an S3 target and anything else as a folder', () => {
    expect(parseStorageTarget('s3://de-id-dst/de-id-dicom-images/')).toEqual({ engine: 's3', bucket: 'de-id-dst', prefix: 'de-id-dicom-images' });
    expect(parseStorageTarget('s3://de-id-dst')).toEqual({ engine: 's3', bucket: 'de-id-dst', prefix: '' });
    expect(parseStorageTarget('output/x')).toEqual({ engine: 'local', root: path.resolve('output/x') });
  });

  it('writes the de-identified files under the prefix with the usual layout', async () => {
    const work = tempDir('deid-s3-');
    const input = path.join(work, 'JONES_ANN.dcm');
    const fixture = makePhiFixture();
    writeFileSync(input, fixture.bytes());
    const s3 = fakeS3('de-id-dst');
    const result = await deidentifyFiles([input], {
      out: 's3://de-id-dst/de-id-dicom-images',
      outStorage: createS3Storage({ bucket: 'de-id-dst', prefix: 'de-id-dicom-images', client: s3.client }),
      stateDir: path.join(work, 'state'),
      rulesPath: path.join(projectRoot, 'configs/de-id/de_id_rules_auto.yaml'),
      pixels: false,
      preflight: false, // the fake bucket is not reachable through a real client
    });
    expect(result.entries.map((e) => e.status)).toEqual(['ok']);
    const keys = [...s3.objects.keys()];
    expect(keys).toEqual([`de-id-dicom-images/${result.entries[0].output}`]);
    expect(keys[0]).toMatch(/^de-id-dicom-images\/PAT-[A-Z0-9]+\/2\.25\.\d+\/2\.25\.\d+\/2\.25\.\d+\.dcm$/);
    const written = readDicom(s3.objects.get(keys[0])!.bytes);
    expect(getString(written.dict, 'PatientName')).toBe('The^Patient');
  });

  it('reads every object under an s3:// source prefix, skips what is not DICOM, and writes to another bucket', async () => {
    const work = tempDir('deid-s3-src-');
    const source = fakeS3('de-id-src');
    const destination = fakeS3('de-id-dst');
    const fixture = makePhiFixture();
    const put = (Key: string, bytes: Uint8Array) => source.objects.set(Key, { bytes, input: { Bucket: 'de-id-src', Key } });
    put('dicom-images/SMITH_JOHN.dcm', fixture.bytes());
    put('dicom-images/notes.txt', new TextEncoder().encode('not an image'));
    put('elsewhere/other.dcm', fixture.bytes());
    const result = await deidentifyFiles(['s3://de-id-src/dicom-images'], {
      out: 's3://de-id-dst/de-id-dicom-images',
      outStorage: createS3Storage({ bucket: 'de-id-dst', prefix: 'de-id-dicom-images', client: destination.client }),
      openInputStorage: (target) => createS3Storage({ bucket: (target as { bucket: string }).bucket, prefix: (target as { prefix: string }).prefix, client: source.client }),
      stateDir: path.join(work, 'state'),
      rulesPath: path.join(projectRoot, 'configs/de-id/de_id_rules_auto.yaml'),
      pixels: false,
      preflight: false,
    });
    expect(result.entries.map((e) => [e.input, e.status])).toEqual([
      ['s3://de-id-src/dicom-images/SMITH_JOHN.dcm', 'ok'],
      ['s3://de-id-src/dicom-images/notes.txt', 'skipped'],
    ]);
    expect(destination.objects.size).toBe(1);
    expect(source.objects.size).toBe(3);
  });

  it('refuses a destination that overlaps an S3 input', async () => {
    await expect(
      deidentifyFiles(['s3://de-id-src/dicom-images'], { out: 's3://de-id-src/dicom-images/out', stateDir: tempDir('deid-s3-x-'), pixels: false }),
    ).rejects.toThrow(/overlaps input 1 of 1/);
  });
});
