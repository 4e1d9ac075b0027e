import { describe, expect, it } from 'vitest';
import { haloCores } from '../../lib/image/halo.js';

/** Glyphs drawn as `#` (the stroke) in a 7-row bitmap: an O with its counter, an I, an L and a 0 with its counter. */
const GLYPHS = [
  '  ###   #    #       ###  ',
  ' #   #  #    #      #   # ',
  ' #   #  #    #      #   # ',
  ' #   #  #    #      #   # ',
  ' #   #  #    #      #   # ',
  ' #   #  #    #      #   # ',
  '  ###   #    #####   ###  ',
];
const W = 40;
const H = 15;
/** Where the glyphs sit in the crop. */
const LEFT = 7;
const TOP = 4;

function stroke(x: number, y: number): boolean {
  const gx = x - LEFT;
  const gy = y - TOP;
  return gy >= 0 && gy < GLYPHS.length && gx >= 0 && gx < GLYPHS[0].length && GLYPHS[gy][gx] === '#';
}

/**
 * A crop of the glyphs: `ground` everywhere, `ink` on the strokes; with `halo`, a black rim 1 px round each stroke
 * (`outline`) or a black copy 1 px down and right (`shadow`) under the ink.
 */
function crop(ground: number, ink: number, halo?: 'outline' | 'shadow'): Uint8Array {
  const px = new Uint8Array(W * H).fill(ground);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let rim = false;
      if (halo === 'outline') for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) rim ||= stroke(x + dx, y + dy);
      if (halo === 'shadow') rim = stroke(x - 1, y - 1);
      if (rim) px[y * W + x] = 0;
      if (stroke(x, y)) px[y * W + x] = ink;
    }
  }
  return px;
}

describe('haloCores: light text with a dark halo read by its light cores alone', () => {
  it('keeps the light strokes of outlined text on a ground as bright as they are, as dark ink, and not the rims, the ground or the counters', () => {
    const cores = haloCores(crop(255, 255, 'outline'), W, H, GLYPHS.length)!;
    expect(cores).toBeDefined();
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) expect(cores[y * W + x], `${x},${y}`).toBe(stroke(x, y) ? 0 : 255);
  });

  it('keeps the light strokes of outlined text on mid grey, and of text with a drop shadow there', () => {
    for (const halo of ['outline', 'shadow'] as const) {
      const cores = haloCores(crop(130, 240, halo), W, H, GLYPHS.length)!;
      expect(cores, halo).toBeDefined();
      for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) expect(cores[y * W + x], `${halo} ${x},${y}`).toBe(stroke(x, y) ? 0 : 255);
    }
  });

  it('leaves plain text alone: light on a dark or grey ground, dark on a light ground, outlined on black', () => {
    expect(haloCores(crop(0, 255), W, H, GLYPHS.length)).toBeUndefined();
    expect(haloCores(crop(110, 250), W, H, GLYPHS.length)).toBeUndefined();
    expect(haloCores(crop(235, 10), W, H, GLYPHS.length)).toBeUndefined();
    // On black the rim does not show: plain light text, which reads well as it is.
    expect(haloCores(crop(0, 255, 'outline'), W, H, GLYPHS.length)).toBeUndefined();
  });

  it('leaves dark text on a light label patch inside a dark frame alone: the patch is a bright region inside a dark one, but no glyph', () => {
    const px = crop(230, 10);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if (y < 2 || y > 12 || x < 4 || x > 35) px[y * W + x] = 0;
    expect(haloCores(px, W, H, GLYPHS.length)).toBeUndefined();
  });

  it('leaves light text over dark texture alone: its dark pixels lie away from the strokes', () => {
    const px = crop(150, 250);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if (!stroke(x, y) && (x * 7 + y * 3) % 5 === 0) px[y * W + x] = 20;
    expect(haloCores(px, W, H, GLYPHS.length)).toBeUndefined();
  });
});
