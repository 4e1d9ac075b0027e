import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { stretchGrey } from '../../lib/image/stretch.js';

/** Grey pixels from a seeded generator: a ground of `ground` ± `spread` with a share of ink at `ink`. */
function page(width: number, height: number, seed: number, ground: number, spread: number, ink: number): Uint8Array {
  let s = seed;
  const next = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  return Uint8Array.from({ length: width * height }, () => (next() < 0.15 ? ink : Math.max(0, Math.min(255, Math.round(ground + (next() * 2 - 1) * spread)))));
}

async function sharpNormalise(pixels: Uint8Array, width: number, height: number, invert: boolean): Promise<Uint8Array> {
  let pipeline = sharp(pixels, { raw: { width, height, channels: 1 } }).normalise();
  if (invert) pipeline = pipeline.negate({ alpha: false });
  return new Uint8Array(await pipeline.toColourspace('b-w').raw().toBuffer());
}

describe('stretchGrey', () => {
  it("stretches grey pages as sharp's normalise() does, to within one level", async () => {
    const cases = [
      { width: 300, height: 40, seed: 1, ground: 30, spread: 12, ink: 220, invert: true }, // light text on a dark overlay
      { width: 180, height: 30, seed: 2, ground: 200, spread: 20, ink: 90, invert: false }, // dark text on a label patch
      { width: 640, height: 150, seed: 3, ground: 120, spread: 60, ink: 250, invert: true }, // text on anatomy, many pixels
      { width: 90, height: 20, seed: 4, ground: 5, spread: 3, ink: 40, invert: true }, // faint text on black
    ];
    for (const c of cases) {
      const pixels = page(c.width, c.height, c.seed, c.ground, c.spread, c.ink);
      const expected = await sharpNormalise(pixels, c.width, c.height, c.invert);
      const got = stretchGrey(pixels, c.invert);
      const worst = got.reduce((m, v, i) => Math.max(m, Math.abs(v - expected[i])), 0);
      expect(worst, `case ${c.seed}`).toBeLessThanOrEqual(1);
    }
  });

  it('spreads a low-contrast page over the whole range', () => {
    const pixels = page(200, 50, 5, 100, 10, 130);
    const out = stretchGrey(pixels);
    expect(Math.max(...out) - Math.min(...out)).toBeGreaterThan(200);
  });

  it('leaves a flat page as it is, and only inverts it when asked', () => {
    const flat = new Uint8Array(100).fill(77);
    expect(stretchGrey(flat)).toEqual(flat);
    expect([...stretchGrey(flat, true)]).toEqual(new Array(100).fill(178));
  });
});
