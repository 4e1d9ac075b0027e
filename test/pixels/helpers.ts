import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DicomDataset } from '../../lib/dicom/dataset.js';
import type { FrameModule } from '../../lib/pixels/encode.js';
import { allocFrame, type PixelFrame } from '../../lib/pixels/frames.js';

/** Project root, from this file's location. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The shared corpus of real pseudo-PHI files. */
export const corpus = path.resolve(root, '../shared/corpus');

/** An empty dataset in a transfer syntax, for tests that build pixel data in memory. */
export function emptyDataset(transferSyntaxUID: string): DicomDataset {
  return { meta: {}, dict: {}, transferSyntaxUID };
}

/** A frame module with defaults: 64x48 MONOCHROME2 16/12 unsigned. */
export function frameModule(over: Partial<FrameModule> = {}): FrameModule {
  const bitsAllocated = over.bitsAllocated ?? 16;
  const bitsStored = over.bitsStored ?? Math.min(bitsAllocated, 12);
  return {
    rows: 48,
    columns: 64,
    samplesPerPixel: 1,
    photometric: 'MONOCHROME2',
    bitsAllocated,
    bitsStored,
    highBit: bitsStored - 1,
    pixelRepresentation: 0,
    planarConfiguration: 0,
    ...over,
  };
}

/** A deterministic test pattern (gradient + checker + frame number) spanning the stored range. */
export function pattern(m: FrameModule, seed = 0): PixelFrame {
  const n = m.rows * m.columns * m.samplesPerPixel;
  const f = allocFrame(m, n);
  const bits = m.bitsStored;
  const lo = m.pixelRepresentation === 1 ? -(2 ** (bits - 1)) : 0;
  const span = 2 ** bits;
  for (let r = 0; r < m.rows; r++) {
    for (let c = 0; c < m.columns; c++) {
      for (let s = 0; s < m.samplesPerPixel; s++) {
        const g = ((r * m.columns + c) * 2654435761 + s * 977 + seed * 131) % 4096;
        const grad = Math.floor(((c + r + s * 7 + seed) / (m.columns + m.rows + 20)) * span * 0.9);
        const v = ((r >> 3) + (c >> 3)) % 2 === 0 ? grad : (grad + g) % span;
        f[(r * m.columns + c) * m.samplesPerPixel + s] = lo + (v % span);
      }
    }
  }
  return f;
}
