/**
 * Burned-in text scoring, independent of the kit's OCR: a PHI word is gone when at least 95% of its
 * glyph pixels were erased (changed, or now lying in a flat area, so nothing of the stroke is left
 * to see); a harmless line is intact when no pixel of its box changed.
 */
import type { Pixels } from './normalize.js';
import type { Box } from './truth.js';

export const WORD_GONE = 0.95;

/** Tolerances in stored units: exact for lossless files, codec noise allowed for lossy ones. */
export function tolerances(p: Pixels, lossy: boolean): { change: number; flat: number } {
  return lossy ? { change: Math.round(p.range * 0.08), flat: Math.round(p.range * 0.08) } : { change: 0, flat: Math.max(1, Math.round(p.range * 0.01)) };
}

/** The glyph pixels of a mask (row-major over the box, MSB first) as image coordinates. */
export function glyphPixels(box: Box, mask: string): [number, number][] {
  const bits = Buffer.from(mask, 'base64');
  const out: [number, number][] = [];
  for (let k = 0; k < box.width * box.height; k++) if (bits[k >> 3] & (0x80 >> (k & 7))) out.push([box.left + (k % box.width), box.top + Math.floor(k / box.width)]);
  return out;
}

function differs(a: Pixels, b: Pixels, i: number, tol: number): boolean {
  for (let s = 0; s < a.samples; s++) if (Math.abs(a.values[i * a.samples + s] - b.values[i * b.samples + s]) > tol) return true;
  return false;
}

/** Fraction of the glyph pixels erased in one frame. */
export function erasedFraction(input: Pixels, output: Pixels, frame: number, glyph: [number, number][], tol: { change: number; flat: number }): number {
  if (glyph.length === 0) return 1;
  const { columns: w, rows: h, samples } = input;
  const base = frame * w * h;
  let erased = 0;
  for (const [x, y] of glyph) {
    const i = base + y * w + x;
    if (differs(input, output, i, tol.change)) {
      erased++;
      continue;
    }
    let flat = true;
    for (let dy = -2; dy <= 2 && flat; dy++)
      for (let dx = -2; dx <= 2 && flat; dx++) {
        const xx = x + dx, yy = y + dy;
        if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
        const j = base + yy * w + xx;
        for (let s = 0; s < samples; s++) if (Math.abs(output.values[j * samples + s] - output.values[i * samples + s]) > tol.flat) flat = false;
      }
    if (flat) erased++;
  }
  return erased / glyph.length;
}

/** Pixels of a box that changed in one frame. */
export function changedInBox(input: Pixels, output: Pixels, frame: number, box: Box, tol: number): number {
  const { columns: w, rows: h } = input;
  let changed = 0;
  for (let y = box.top; y < box.top + box.height; y++)
    for (let x = box.left; x < box.left + box.width; x++) if (differs(input, output, frame * w * h + y * w + x, tol)) changed++;
  return changed;
}

/** Same geometry (otherwise pixel-by-pixel scoring is impossible). */
export const sameGeometry = (a: Pixels, b: Pixels) => a.rows === b.rows && a.columns === b.columns && a.samples === b.samples && a.frames === b.frames;
