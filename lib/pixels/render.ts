import type { DisplayImage } from '../image/types.js';
import { PixelDataError } from './errors.js';
import type { PixelFrame } from './frames.js';
import type { Lut, PixelModule } from './module.js';

/** Options of {@link renderFrame}. */
export interface RenderOptions {
  /** Window to use instead of the dataset's (in modality units, after rescale). */
  window?: { center: number; width: number };
  /** Ignore the dataset's window and VOI LUT and stretch min..max (default: false). */
  minMax?: boolean;
}

/**
 * Renders one frame of stored values (as {@link decodeFrames} returns them, with its `module`)
 * to an 8-bit display image, as a viewer shows it: modality LUT or rescale, then the window
 * (first value) or VOI LUT (min..max of the frame when neither is present), MONOCHROME1 inverted;
 * PALETTE COLOR expanded and YBR converted to RGB.
 * @example const img = renderFrame(decoded.module, decoded.frames[0]);
 */
export function renderFrame(module: PixelModule, frame: PixelFrame, options: RenderOptions = {}): DisplayImage {
  const pixels = module.rows * module.columns;
  if (frame.length < pixels * module.samplesPerPixel) {
    throw new PixelDataError(`frame has ${frame.length} values, expected ${pixels * module.samplesPerPixel} for ${module.rows}x${module.columns}x${module.samplesPerPixel}`);
  }
  const p = module.photometric;
  if (p === 'MONOCHROME1' || p === 'MONOCHROME2') return renderGrey(module, frame, options);
  if (p === 'PALETTE COLOR') return renderPalette(module, frame);
  if (p === 'RGB' || p === 'YBR_FULL' || p === 'YBR_FULL_422') return renderColour(module, frame);
  throw new PixelDataError(`cannot render Photometric Interpretation ${p}`);
}

/** The display byte for each stored grey value, as a function (table-driven for up to 16 bits). */
export function greyMapping(module: PixelModule, frame: ArrayLike<number>, options: RenderOptions = {}): (stored: number) => number {
  const modality = modalityFunction(module);
  const voi = voiFunction(module, frame, modality, options);
  const invert = module.photometric === 'MONOCHROME1';
  const direct = (v: number) => {
    const out = Math.round(voi(modality(v)));
    const clamped = out < 0 ? 0 : out > 255 ? 255 : out;
    return invert ? 255 - clamped : clamped;
  };
  if (module.bitsStored > 16) return direct;
  const lo = module.pixelRepresentation === 1 ? -(2 ** (module.bitsStored - 1)) : 0;
  const table = new Uint8Array(2 ** module.bitsStored);
  for (let i = 0; i < table.length; i++) table[i] = direct(lo + i);
  return (v: number) => table[v - lo];
}

function renderGrey(module: PixelModule, frame: PixelFrame, options: RenderOptions): DisplayImage {
  const n = module.rows * module.columns;
  const map = greyMapping(module, frame.subarray(0, n), options);
  const data = new Uint8Array(n);
  for (let i = 0; i < n; i++) data[i] = map(frame[i]);
  return { width: module.columns, height: module.rows, channels: 1, data };
}

/** The modality transform (Modality LUT or rescale slope/intercept) as a function of the stored value. */
export function modalityFunction(m: PixelModule): (v: number) => number {
  if (m.modalityLut) {
    const lut = m.modalityLut;
    return (v) => lookup(lut, v);
  }
  const slope = m.rescaleSlope || 1;
  const intercept = m.rescaleIntercept;
  return (v) => v * slope + intercept;
}

function lookup(lut: Lut, v: number): number {
  let i = v - lut.firstMapped;
  if (i < 0) i = 0;
  else if (i >= lut.entries) i = lut.entries - 1;
  return lut.data[i];
}

/** Maps modality values to 0..255 by window, VOI LUT or the frame's range. */
function voiFunction(m: PixelModule, frame: ArrayLike<number>, modality: (v: number) => number, options: RenderOptions): (x: number) => number {
  const window = options.minMax ? undefined : options.window ?? (m.windowCenter !== undefined && m.windowWidth !== undefined ? { center: m.windowCenter, width: m.windowWidth } : undefined);
  if (window && window.width > 0) {
    const c = window.center;
    const w = window.width;
    switch (m.voiLutFunction) {
      case 'SIGMOID':
        return (x) => 255 / (1 + Math.exp((-4 * (x - c)) / w));
      case 'LINEAR_EXACT':
        return (x) => ((x - c) / w + 0.5) * 255;
      default: {
        // PS3.3 C.11.2.1.2.1: LINEAR with the half-pixel offsets.
        if (w <= 1) return (x) => (x <= c - 0.5 ? 0 : 255);
        const bottom = c - 0.5 - (w - 1) / 2;
        const top = c - 0.5 + (w - 1) / 2;
        return (x) => (x <= bottom ? 0 : x > top ? 255 : ((x - (c - 0.5)) / (w - 1) + 0.5) * 255);
      }
    }
  }
  if (m.voiLut && !options.minMax) {
    const lut = m.voiLut;
    let max = 2 ** lut.bits - 1;
    for (let i = 0; i < lut.data.length; i++) if (lut.data[i] > max) max = lut.data[i];
    return (x) => (lookup(lut, Math.round(x)) / max) * 255;
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < frame.length; i++) {
    const v = frame[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const a = modality(lo);
  const b = modality(hi);
  const min = Math.min(a, b);
  const range = Math.abs(b - a) || 1;
  return (x) => ((x - min) / range) * 255;
}

function renderColour(m: PixelModule, frame: PixelFrame): DisplayImage {
  const n = m.rows * m.columns;
  const data = new Uint8Array(n * 3);
  const max = 2 ** m.bitsStored - 1;
  const scale = 255 / max;
  const signedOffset = m.pixelRepresentation === 1 ? 2 ** (m.bitsStored - 1) : 0;
  const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));
  if (m.photometric === 'RGB') {
    for (let i = 0; i < n * 3; i++) data[i] = clamp((frame[i] + signedOffset) * scale);
  } else {
    // YBR_FULL (PS3.3 C.7.6.3.1.2), chroma centred on half the range.
    const mid = 2 ** (m.bitsStored - 1);
    for (let p = 0; p < n; p++) {
      const y = frame[p * 3] + signedOffset;
      const cb = frame[p * 3 + 1] + signedOffset - mid;
      const cr = frame[p * 3 + 2] + signedOffset - mid;
      data[p * 3] = clamp((y + 1.402 * cr) * scale);
      data[p * 3 + 1] = clamp((y - 0.344136 * cb - 0.714136 * cr) * scale);
      data[p * 3 + 2] = clamp((y + 1.772 * cb) * scale);
    }
  }
  return { width: m.columns, height: m.rows, channels: 3, data };
}

function renderPalette(m: PixelModule, frame: PixelFrame): DisplayImage {
  const palette = m.palette;
  if (!palette) throw new PixelDataError('PALETTE COLOR image without Palette Color LUTs (0028,1101-1203)');
  const n = m.rows * m.columns;
  const data = new Uint8Array(n * 3);
  const luts = [palette.red, palette.green, palette.blue];
  // Entries are 8 or 16 bits; 8-bit entries are sometimes written in the high byte of each word.
  const shifts = luts.map((lut) => {
    let max = 0;
    for (let i = 0; i < lut.data.length; i++) if (lut.data[i] > max) max = lut.data[i];
    return lut.bits > 8 || max > 255 ? 8 : 0;
  });
  for (let p = 0; p < n; p++) {
    const v = frame[p];
    for (let s = 0; s < 3; s++) data[p * 3 + s] = lookup(luts[s], v) >> shifts[s];
  }
  return { width: m.columns, height: m.rows, channels: 3, data };
}
