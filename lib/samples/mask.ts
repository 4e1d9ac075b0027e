import type { Box } from '../image/types.js';

/**
 * A word's glyph pixels: a bit per pixel of its box, row-major, packed and base64-encoded,
 * so truth files stay small and readable as JSON.
 */
export interface GlyphMask {
  /** Same box as the word's. */
  box: Box;
  /** Base64 of `ceil(width * height / 8)` bytes, most significant bit first. */
  bits: string;
}

/** Coverage at or above this (of 255) makes a pixel a glyph pixel: the core of the stroke, not its faint anti-aliased rim. */
export const GLYPH_ALPHA_THRESHOLD = 128;

/** Packs the pixels of `alpha` (box-sized coverage) at or above the threshold into a mask. */
export function maskFromAlpha(box: Box, alpha: Uint8Array, threshold = GLYPH_ALPHA_THRESHOLD): GlyphMask {
  const n = box.width * box.height;
  if (alpha.length !== n) throw new Error(`[samples] mask needs ${n} coverage values for a ${box.width}x${box.height} box, got ${alpha.length}`);
  const bytes = new Uint8Array(Math.ceil(n / 8));
  for (let i = 0; i < n; i++) if (alpha[i] >= threshold) bytes[i >> 3] |= 0x80 >> (i & 7);
  return { box: { ...box }, bits: Buffer.from(bytes).toString('base64') };
}

/** Unpacks a mask into one byte (0 or 1) per pixel of its box. */
export function unpackMask(mask: GlyphMask): Uint8Array {
  const n = mask.box.width * mask.box.height;
  const bytes = Buffer.from(mask.bits, 'base64');
  if (bytes.length !== Math.ceil(n / 8)) throw new Error(`[samples] mask of a ${mask.box.width}x${mask.box.height} box needs ${Math.ceil(n / 8)} bytes, got ${bytes.length}`);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (bytes[i >> 3] >> (7 - (i & 7))) & 1;
  return out;
}

/** The frame coordinates of every glyph pixel of a mask, as `y * width + x` indices into a frame `frameWidth` wide. */
export function maskPixels(mask: GlyphMask, frameWidth: number): number[] {
  const bits = unpackMask(mask);
  const out: number[] = [];
  for (let y = 0; y < mask.box.height; y++) {
    for (let x = 0; x < mask.box.width; x++) if (bits[y * mask.box.width + x]) out.push((mask.box.top + y) * frameWidth + mask.box.left + x);
  }
  return out;
}
