import type { Box } from '../image/types.js';
import { valueCodec, type PixelFrame, type RawLayout } from './frames.js';
import type { PixelModule } from './module.js';
import { greyMapping, modalityFunction } from './render.js';

/** Grows a box by `padding` on every side and clips it to the image; undefined when nothing is left. */
export function padAndClip(box: Box, padding: number, columns: number, rows: number): Box | undefined {
  const left = Math.max(0, Math.floor(box.left - padding));
  const top = Math.max(0, Math.floor(box.top - padding));
  const right = Math.min(columns, Math.ceil(box.left + box.width + padding));
  const bottom = Math.min(rows, Math.ceil(box.top + box.height + padding));
  if (!(right > left && bottom > top)) return undefined;
  return { left, top, width: right - left, height: bottom - top };
}

/**
 * The stored sample values that display as black for this frame: for grey images the darkest
 * value already in the frame when it shows as black under the dataset's window (keeps the range),
 * otherwise the end of the stored range that is darkest (MONOCHROME1: the top); RGB 0,0,0;
 * YBR Y=0 with neutral chroma; PALETTE COLOR the darkest palette entry.
 */
export function blackValue(m: PixelModule, frame: ArrayLike<number>): number[] {
  const bits = m.bitsStored;
  const lo = m.pixelRepresentation === 1 ? -(2 ** (bits - 1)) : 0;
  const hi = lo + 2 ** bits - 1;
  switch (m.photometric) {
    case 'RGB':
      return [lo, lo, lo];
    case 'YBR_FULL':
    case 'YBR_FULL_422':
    case 'YBR_RCT':
    case 'YBR_ICT':
      return [lo, lo + 2 ** (bits - 1), lo + 2 ** (bits - 1)];
    case 'PALETTE COLOR':
      return [darkestPaletteIndex(m, lo, hi)];
    default:
      return [greyBlack(m, frame, lo, hi)];
  }
}

function greyBlack(m: PixelModule, frame: ArrayLike<number>, lo: number, hi: number): number {
  const display = greyMapping(m, frame);
  const modality = modalityFunction(m);
  // Darkest end of the modality scale: the lowest value for MONOCHROME2, the highest for MONOCHROME1.
  const darker = m.photometric === 'MONOCHROME1' ? (a: number, b: number) => modality(a) > modality(b) : (a: number, b: number) => modality(a) < modality(b);
  let best = frame.length > 0 ? frame[0] : lo;
  for (let i = 1; i < frame.length; i++) if (darker(frame[i], best)) best = frame[i];
  if (display(best) === 0) return best;
  const end = darker(lo, hi) ? lo : hi;
  if (display(end) === 0 || m.bitsStored > 16) return end;
  // A VOI LUT that is not monotonic: search the stored range for a value shown black.
  for (let v = lo; v <= hi; v++) if (display(v) === 0) return v;
  return end;
}

function darkestPaletteIndex(m: PixelModule, lo: number, hi: number): number {
  const p = m.palette;
  if (!p) return lo;
  const first = Math.max(lo, Math.min(p.red.firstMapped, p.green.firstMapped, p.blue.firstMapped));
  const last = Math.min(hi, first + Math.max(p.red.entries, p.green.entries, p.blue.entries) - 1);
  const at = (lut: typeof p.red, v: number) => lut.data[Math.min(lut.entries - 1, Math.max(0, v - lut.firstMapped))];
  let best = first;
  let bestSum = Infinity;
  for (let v = first; v <= last; v++) {
    const sum = at(p.red, v) + at(p.green, v) + at(p.blue, v);
    if (sum < bestSum) {
      best = v;
      bestSum = sum;
    }
  }
  return best;
}

/**
 * Writes `fill` (one stored value per sample) into every pixel of `box` in raw little-endian frame
 * bytes, in place; pixels outside the box are not touched. YBR_FULL_422 boxes widen to whole
 * pixel pairs because each pair shares its chroma.
 * @returns the box actually filled.
 */
export function fillRaw(layout: RawLayout, raw: Uint8Array, box: Box, fill: number[]): Box {
  const bytesPerWord = layout.bitsAllocated / 8;
  const words =
    bytesPerWord === 1
      ? raw
      : bytesPerWord === 2
        ? new Uint16Array(raw.buffer, raw.byteOffset, raw.byteLength / 2)
        : new Uint32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
  const { write } = valueCodec(layout);
  const encoded = fill.map((v) => write(v));
  const spp = layout.samplesPerPixel;
  const cols = layout.columns;
  const pixels = layout.rows * cols;
  let { left, width } = box;
  if (spp === 3 && layout.photometric === 'YBR_FULL_422') {
    const right = Math.min(cols, left + width + ((left + width) % 2));
    left -= left % 2;
    width = right - left;
    for (let r = box.top; r < box.top + box.height; r++) {
      for (let c = left; c < left + width; c += 2) {
        const w = (r * cols + c) * 2;
        words[w] = encoded[0];
        if (c + 1 < cols) words[w + 1] = encoded[0];
        words[w + 2] = encoded[1];
        words[w + 3] = encoded[2];
      }
    }
    return { left, top: box.top, width, height: box.height };
  }
  for (let r = box.top; r < box.top + box.height; r++) {
    for (let c = left; c < left + width; c++) {
      const p = r * cols + c;
      if (spp > 1 && layout.planarConfiguration === 1) for (let s = 0; s < spp; s++) words[s * pixels + p] = encoded[s];
      else for (let s = 0; s < spp; s++) words[p * spp + s] = encoded[s];
    }
  }
  return box;
}

export type { PixelFrame };
