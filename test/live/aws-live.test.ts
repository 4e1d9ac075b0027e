/**
 * Live AWS checks, run only when asked: `DEID_LIVE_AWS=1` with credentials and a region in the
 * environment (or `AWS_PROFILE`). Optional `DEID_LIVE_S3=s3://bucket/prefix` adds S3 writes there
 * (deleted afterwards). They cost a few cents at most: a handful of DetectText images and DetectPHI units.
 */
import { describe, expect, it } from 'vitest';
import { createPhiDetector, createTextDetector } from '../../lib/engines/index.js';
import { preflightAws } from '../../lib/engines/aws/preflight.js';
import { AwsSession } from '../../lib/engines/aws/session.js';
import { formatUsage } from '../../lib/engines/aws/usage.js';
import { createS3Storage } from '../../lib/storage/s3.js';
import { parseStorageTarget } from '../../lib/storage/target.js';
import { renderScene } from '../engines/synthetic-text.js';

const live = process.env.DEID_LIVE_AWS === '1';
const why = 'skipped: set DEID_LIVE_AWS=1 with AWS credentials and a region to run the live AWS suite';

describe.skipIf(live)('live AWS suite', () => {
  it(why, () => {
    console.info(`[deid] live AWS suite ${why}`);
  });
});

describe.runIf(live)('live AWS suite', () => {
  const session = new AwsSession({ ...(process.env.AWS_REGION ? { region: process.env.AWS_REGION } : {}) });

  it('finds credentials and a region', async () => {
    const { region } = await preflightAws(session, { services: ['rekognition', 'comprehendmedical'] });
    expect(region).toMatch(/^[a-z]{2}-[a-z]+-\d$/);
  });

  it('reads burned-in text with Rekognition and judges it with Comprehend Medical and the local evidence', async () => {
    const { image } = await renderScene({
      width: 640, height: 240, polarity: 'light-on-dark',
      texts: [
        { text: 'QUILLON, ASTRID', x: 12, y: 40, size: 28, font: 'DejaVu Sans' },
        { text: 'DOB 02/11/1931', x: 12, y: 90, size: 28, font: 'DejaVu Sans' },
        { text: 'PORTABLE AP', x: 12, y: 200, size: 28, font: 'DejaVu Sans' },
      ],
    });
    const text = await createTextDetector({ engine: 'aws', session, minConfidence: 30 });
    const phi = await createPhiDetector({ engine: 'aws', session, confidenceThreshold: 60, local: {} });
    const { imageTextToSpans } = await import('../../lib/engines/local/phi.js');
    const found = await text.detect(image);
    expect(found.filter((t) => t.kind === 'word').map((w) => w.text.toUpperCase())).toEqual(expect.arrayContaining(['QUILLON,', 'ASTRID']));
    const findings = await phi.detect(imageTextToSpans(found), { values: [{ value: 'QUILLON^ASTRID', category: 'A', source: 'PatientName', vr: 'PN' }] });
    expect(findings.some((f) => /QUILLON/i.test(f.text))).toBe(true);
    expect(findings.some((f) => /02\/11\/1931/.test(f.text))).toBe(true);
    expect(findings.some((f) => /PORTABLE/i.test(f.text))).toBe(false);
    await text.close?.();
    await phi.close?.();
    console.info(formatUsage(session.usage.summary()));
  });

  it.runIf(Boolean(process.env.DEID_LIVE_S3))('writes, reads, checks and deletes an object in DEID_LIVE_S3', async () => {
    const target = parseStorageTarget(process.env.DEID_LIVE_S3!);
    if (target.engine !== 's3') throw new Error('DEID_LIVE_S3 must be s3://bucket/prefix');
    const storage = createS3Storage({ bucket: target.bucket, prefix: `${target.prefix ? `${target.prefix}/` : ''}deid-live-${Date.now()}`, session, sse: 'AES256' });
    await storage.put('probe.bin', new Uint8Array([1, 2, 3]));
    expect([...(await storage.get('probe.bin'))]).toEqual([1, 2, 3]);
    expect(await storage.has!('probe.bin')).toBe(true);
    await storage.remove('probe.bin');
    expect(await storage.has!('probe.bin')).toBe(false);
  });
});
