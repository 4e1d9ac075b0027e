import { inAnyBox } from './boxes.js';
import type { Box } from './types.js';

/**
 * The ink of one line of screen text, told apart from what lies under it by its level: screens draw
 * text in one colour, while the anatomy, speckle or texture it runs over spreads across many levels.
 * `light`: lighter than its ground. A pixel is ink when it lies within `tolerance` of `level`.
 */
export interface LineInk {
  light: boolean;
  level: number;
  tolerance: number;
}

/** Least distance (0–255) between the ink level and the ground for a box to hold ink at all. */
const LEAST_CONTRAST = 24;
/** Share of a box's pixels at the far end of its values where the ink level is taken: a few stray pixels do not set it, a short word's solid strokes do. */
const INK_SHARE = 0.005;

/**
 * The ink level of the line in `box` of a grey image: the polarity whose extreme lies furthest from the
 * ground (the median), its level taken half a percent in from that extreme (the solid strokes, not a
 * stray pixel), with a tolerance of a quarter of the contrast (24–64 levels: the solid strokes of small glyphs
 * are kept, texture well darker than the text is not), `ignore` left out. Undefined when the box holds no contrast.
 */
export function lineInk(grey: Uint8Array, width: number, box: Box, ignore: readonly Box[] = []): LineInk | undefined {
  const hist = new Uint32Array(256);
  let n = 0;
  for (let y = box.top; y < box.top + box.height; y++)
    for (let x = box.left, i = y * width + x; x < box.left + box.width; x++, i++) {
      if (ignore.length > 0 && inAnyBox(ignore, x, y)) continue;
      hist[grey[i]]++;
      n++;
    }
  if (n === 0) return undefined;
  const at = (share: number) => {
    let seen = 0;
    for (let v = 0; v < 256; v++) if ((seen += hist[v]) > share * n) return v;
    return 255;
  };
  const ground = at(0.5);
  const dark = at(INK_SHARE);
  const bright = at(1 - INK_SHARE);
  const light = bright - ground >= ground - dark;
  const level = light ? bright : dark;
  const contrast = Math.abs(level - ground);
  if (contrast < LEAST_CONTRAST) return undefined;
  return { light, level, tolerance: Math.min(64, Math.max(24, Math.round(contrast / 4))) };
}

/** True when grey value `v` is ink of `ink` (at its level, or beyond it, away from the ground). */
export function isInk(v: number, ink: LineInk): boolean {
  return ink.light ? v >= ink.level - ink.tolerance : v <= ink.level + ink.tolerance;
}

/**
 * `box` of a grey image as a page of the ink alone, dark on white, row by row: black where {@link isInk};
 * a glyph's anti-aliased edge (a pixel beside ink, past the middle between ground and ink) in grey, as far
 * as it goes towards the ink (hysteresis, as edge finders do: texture dots never touching ink are left
 * out); white elsewhere and in `ignore`.
 */
export function inkOnly(grey: Uint8Array, width: number, box: Box, ink: LineInk, ignore: readonly Box[] = []): Uint8Array {
  const { width: w, height: h } = box;
  const at = (x: number, y: number) => grey[(box.top + y) * width + box.left + x];
  // 0: left out (in `ignore`), 1: ink, 2: anything else.
  const kind = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) if (!(ignore.length > 0 && inAnyBox(ignore, box.left + x, box.top + y))) kind[y * w + x] = isInk(at(x, y), ink) ? 1 : 2;
  const edgeFrom = ink.light ? ink.level - ink.tolerance : ink.level + ink.tolerance;
  const middle = ink.light ? edgeFrom - ink.tolerance : edgeFrom + ink.tolerance;
  const out = new Uint8Array(w * h).fill(255);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      if (kind[y * w + x] === 1) {
        out[y * w + x] = 0;
        continue;
      }
      const v = at(x, y);
      const toward = ink.light ? (v - middle) / (edgeFrom - middle) : (middle - v) / (middle - edgeFrom);
      if (toward <= 0 || kind[y * w + x] === 0) continue;
      let beside = false;
      for (let dy = -1; dy <= 1 && !beside; dy++) for (let dx = -1; dx <= 1 && !beside; dx++) beside = x + dx >= 0 && x + dx < w && y + dy >= 0 && y + dy < h && kind[(y + dy) * w + x + dx] === 1;
      if (beside) out[y * w + x] = Math.round(255 * (1 - Math.min(1, toward)));
    }
  return out;
}
