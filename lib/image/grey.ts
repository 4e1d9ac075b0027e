import type { DisplayImage } from './types.js';

/**
 * One grey level per pixel, the brightest of its channels (the image's own data when it is grey already).
 * Text in colour overlays (yellow, green) is brighter than its background in at least one channel: the
 * maximum keeps it bright where a luminance mix could wash it out. OCR and the region search read this.
 */
export function brightestChannel(image: DisplayImage): Uint8Array {
  if (image.channels === 1) return image.data;
  const out = new Uint8Array(image.width * image.height);
  const d = image.data;
  for (let i = 0, j = 0; i < out.length; i++, j += 3) out[i] = Math.max(d[j], d[j + 1], d[j + 2]);
  return out;
}

/** The grey level below which (inclusive) a share `q` of the `n` pixels counted in `hist` lie. */
export function greyPercentile(hist: Uint32Array, n: number, q: number): number {
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += hist[v];
    if (seen >= q * n) return v;
  }
  return 255;
}
