/**
 * Bounded resources: declared sizes are checked before anything is allocated, inflation of a
 * deflated dataset stops at a limit proportional to the file's size, and a per-file memory ceiling
 * is enforced by checks, not by running out of memory. Limits are configurable.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DicomReadError, readDicom, writeDicom } from '../../lib/dicom/adapter.js';
import { LimitsError, parseSize, resourceLimits } from '../../lib/dicom/limits.js';
import { deidentifyFiles } from '../../lib/pipeline/deidentify-files.js';
import { checkPixelData } from '../../lib/pixels/validate.js';
import { TS } from '../../lib/dicom/transfer-syntaxes.js';
import { makePhiFixture } from '../fixtures/phi-fixture.js';
import { deflateBomb } from '../support/bombs.js';
import { declare, fixtureWithPixels, greyModule } from '../support/hostile-pixels.js';
import { projectRoot } from '../support/paths.js';
import { tempDir } from '../support/temp-dir.js';

const MiB = 1024 ** 2;
const work = tempDir('limits-');

/** Runs `fn` and returns how far resident memory rose above where it started (sampled as it runs). */
async function peakRise(fn: () => unknown): Promise<number> {
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    await fn();
  } catch {
    // the caller checks the outcome separately
  } finally {
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  return peak - before;
}

describe('deflated datasets', () => {
  let gibBomb: Promise<Uint8Array> | undefined;
  const bombOfOneGiB = () => (gibBomb ??= deflateBomb(1024 * MiB));

  it('refuses a decompression bomb (1 GiB of zeros in a 1 MiB file) without inflating it', async () => {
    const bomb = await bombOfOneGiB();
    expect(bomb.byteLength).toBeLessThan(2 * MiB);
    let error: unknown;
    const rise = await peakRise(() => {
      try {
        readDicom(bomb, 'bomb');
      } catch (caught) {
        error = caught;
      }
    });
    expect(error).toBeInstanceOf(DicomReadError);
    expect((error as Error).message).toMatch(/inflates to more than 64 MiB, the limit for its size .*decompression bomb/);
    // Inflation stops at the limit (64 MiB), far from the 1 GiB it would reach.
    expect(rise).toBeLessThan(400 * MiB);
  });

  it('reads a deflated file within the limit, and the limit follows the settings', async () => {
    const file = await deflateBomb(16 * MiB);
    expect(readDicom(file, 'sparse').dict['00091001']!.vr).toBe('OB');
    expect(() => readDicom(file, 'sparse', { limits: { maxInflateRatio: 8, minInflateAllowance: MiB } })).toThrow(/inflates to more than 1 MiB/);
  });

  it('reports the bomb as a failed file in a batch that goes on, with a complete manifest', async () => {
    const bombFile = path.join(work, 'bomb.dcm');
    writeFileSync(bombFile, await bombOfOneGiB());
    const goodFile = path.join(work, 'good.dcm');
    writeFileSync(goodFile, makePhiFixture({ instance: 2 }).bytes());
    const result = await deidentifyFiles([bombFile, goodFile], {
      out: path.join(work, 'out'),
      stateDir: path.join(work, 'state'),
      rulesPath: path.join(projectRoot, 'configs/de-id/de_id_rules_auto.yaml'),
      pixels: false,
    });
    expect(result.entries.map((e) => e.status)).toEqual(['error', 'ok']);
    expect(result.entries[0].error).toMatch(/decompression bomb/);
  });
});

describe('declared sizes and the per-file memory limit', () => {
  it('fails Number of Frames 2,000,000,000 before allocating anything for it', async () => {
    const dataset = readDicom(writeDicom(declare(await fixtureWithPixels(greyModule(64, 64), 1, TS.ExplicitVRLittleEndian), { '00280008': { vr: 'IS', value: 2_000_000_000 } })), 'frames');
    let error: unknown;
    const rise = await peakRise(() => {
      try {
        checkPixelData(dataset);
      } catch (caught) {
        error = caught;
      }
    });
    expect((error as Error).message).toMatch(/Pixel Data holds 4096 bytes but the header declares 8192000000000/);
    expect(rise).toBeLessThan(64 * MiB);
  });

  it('fails a file whose dataset needs more memory than the limit allows', () => {
    const bytes = makePhiFixture().bytes();
    expect(() => readDicom(bytes, 'big', { limits: { maxFileMemory: 10_000 } })).toThrow(/needs about .* above the per-file memory limit of 10 KiB/);
  });

  it('fails pixels that would decode to more than the limit allows', async () => {
    const dataset = readDicom(writeDicom(await fixtureWithPixels(greyModule(256, 256), 4, TS.RLELossless)), 'pixels');
    expect(() => checkPixelData(dataset, resourceLimits({ maxFileMemory: 512 * 1024 }))).toThrow(/declares 256 KiB of pixels .* above the per-file memory limit of 512 KiB/);
    expect(() => checkPixelData(dataset)).not.toThrow();
  });

  it('reads limits from the environment and refuses ones that are not sizes', () => {
    expect(resourceLimits({}, { DEID_MAX_FILE_MEMORY: '512M', DEID_MAX_INFLATE_RATIO: '32' })).toMatchObject({ maxFileMemory: 512 * MiB, maxInflateRatio: 32 });
    expect(resourceLimits({}, {}).maxFileMemory).toBe(2 * 1024 * MiB);
    expect(() => resourceLimits({}, { DEID_MAX_FILE_MEMORY: 'lots' })).toThrow(LimitsError);
    expect(parseSize('1.5G')).toBe(1.5 * 1024 * MiB);
  });
});
