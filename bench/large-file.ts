/**
 * A large native file for memory measurements: the PHI fixture's header over `mib` MiB of 16-bit
 * pixel data, in frames of 1024 x 1024 (blank, so OCR finds no text and time stays short).
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeDicom } from '../lib/dicom/adapter.js';
import { makePhiFixture } from '../test/fixtures/phi-fixture.js';

/** Writes the file as `<dir>/large.dcm` (the folder is made); returns its path, size and frame count. */
export function writeLargeFile(dir: string, mib: number): { file: string; size: number; frames: number } {
  const frames = Math.max(1, Math.round(mib / 2));
  const dataset = makePhiFixture().dataset;
  const us = (value: number) => ({ vr: 'US', Value: [value] });
  Object.assign(dataset.dict, {
    '00280008': { vr: 'IS', Value: [frames] },
    '00280010': us(1024),
    '00280011': us(1024),
    '00280100': us(16),
    '00280101': us(12),
    '00280102': us(11),
    '7FE00010': { vr: 'OW', Value: [new ArrayBuffer(frames * 1024 * 1024 * 2)] },
  });
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'large.dcm');
  writeFileSync(file, writeDicom(dataset));
  return { file, size: statSync(file).size, frames };
}
