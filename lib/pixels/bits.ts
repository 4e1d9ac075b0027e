/**
 * Pixel data with Bits Allocated 1 (segmentations, some overlays-as-images): pixels are packed
 * eight to a byte, the first pixel in the least significant bit (PS3.5 8.1.1), and frames follow
 * one another without padding, so a frame may start in the middle of a byte.
 */

/** Unpacks `count` one-bit values starting at bit `bitOffset` into one byte (0 or 1) per pixel. */
export function unpackBits(packed: Uint8Array, bitOffset: number, count: number): Uint8Array {
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const bit = bitOffset + i;
    out[i] = (packed[bit >>> 3] >>> (bit & 7)) & 1;
  }
  return out;
}

/** Packs one byte per pixel (0 or non-zero) back into `packed` from bit `bitOffset`; other bits are kept. */
export function packBits(values: ArrayLike<number>, packed: Uint8Array, bitOffset: number): void {
  for (let i = 0; i < values.length; i++) {
    const bit = bitOffset + i;
    const mask = 1 << (bit & 7);
    if (values[i]) packed[bit >>> 3] |= mask;
    else packed[bit >>> 3] &= ~mask;
  }
}
