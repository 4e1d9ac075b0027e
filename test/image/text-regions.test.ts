import { describe, expect, it } from 'vitest';
import { findTextRegions, patchLines } from '../../lib/image/text-regions.js';
import type { Box } from '../../lib/image/types.js';

const W = 256;
const H = 256;

/** A dark, noisy frame (as the margins of a radiograph), deterministic. */
function darkFrame(): Uint8Array {
  let s = 7;
  const grey = new Uint8Array(W * H);
  for (let i = 0; i < grey.length; i++) grey[i] = 6 + ((s = (s * 1664525 + 1013904223) >>> 0) % 12);
  return grey;
}

function fill(grey: Uint8Array, b: Box, v: number): void {
  for (let y = b.top; y < b.top + b.height; y++) for (let x = b.left; x < b.left + b.width; x++) grey[y * W + x] = v;
}

/**
 * Glyph-like marks of thin (one-pixel) strokes, as small text is drawn: per character a stem, a bar
 * across its top and, every other character, a second stem; `chars` characters from `left` on the line
 * whose cap line is `top`, 8 px high, in ink `v`. Returns the line's box.
 */
function thinLine(grey: Uint8Array, left: number, top: number, chars: number, v: number): Box {
  for (let c = 0; c < chars; c++) {
    const x = left + c * 7;
    fill(grey, { left: x, top, width: 1, height: 8 }, v);
    fill(grey, { left: x, top, width: 5, height: 1 }, v);
    if (c % 2 === 0) fill(grey, { left: x + 4, top, width: 1, height: 8 }, v);
  }
  return { left, top, width: chars * 7 - 2, height: 8 };
}

const covers = (r: Box, line: Box) => r.left <= line.left + 1 && r.left + r.width >= line.left + line.width - 1 && r.top <= line.top + 1 && r.top + r.height >= line.top + line.height - 1;

describe('findTextRegions: label patches', () => {
  // A light label patch in a dark corner holding two lines of grey ink: the ink is 74 levels under the
  // patch, darker than the patch but not than a neighbourhood mean that sees the dark frame around it.
  const grey = darkFrame();
  fill(grey, { left: 8, top: 200, width: 90, height: 32 }, 224);
  const first = thinLine(grey, 12, 204, 12, 150);
  const second = thinLine(grey, 12, 219, 9, 150);

  it('finds each line of faint ink on a patch as a region of its own, dark on light', () => {
    const regions = findTextRegions(grey, W, H).filter((r) => !r.light);
    for (const line of [first, second]) {
      const region = regions.find((r) => covers(r.box, line));
      expect(region, `no region covers the line at ${line.top}`).toBeDefined();
      // One line, not the patch's block of two.
      expect(region!.box.height).toBeLessThan(14);
    }
  });

  it('finds no patch lines in a frame without patches, nor on an empty patch', () => {
    const plain = darkFrame();
    expect(patchLines(plain, W, H)).toEqual([]);
    fill(plain, { left: 8, top: 200, width: 90, height: 32 }, 224);
    expect(patchLines(plain, W, H)).toEqual([]);
  });

  it('keeps the lines of a ragged stack of line patches apart from the frame beside the shorter line', () => {
    const ragged = darkFrame();
    fill(ragged, { left: 8, top: 200, width: 90, height: 16 }, 224);
    fill(ragged, { left: 8, top: 216, width: 50, height: 16 }, 224);
    const long = thinLine(ragged, 12, 204, 12, 150);
    const short = thinLine(ragged, 12, 220, 6, 150);
    const lines = patchLines(ragged, W, H);
    const shortRegion = lines.find((r) => covers(r.box, short));
    expect(shortRegion).toBeDefined();
    // The dark frame right of the short line's patch is not ink.
    expect(shortRegion!.box.left + shortRegion!.box.width).toBeLessThanOrEqual(58);
    expect(lines.some((r) => covers(r.box, long))).toBe(true);
  });
});

describe('findTextRegions: faint text', () => {
  // Grey text in thin strokes straight on the dark frame, 30 levels above it (grey overlay text at half contrast).
  const grey = darkFrame();
  const line = thinLine(grey, 20, 30, 10, 42);

  it('finds a line of thin grey strokes on a dark frame that the first pass loses, as light ink', () => {
    expect(findTextRegions(grey, W, H, { faintContrast: 40 }).some((r) => covers(r.box, line))).toBe(false);
    expect(findTextRegions(grey, W, H).some((r) => r.light && covers(r.box, line))).toBe(true);
  });

  it('finds nothing in the noise of a plain dark frame with the faint pass', () => {
    expect(findTextRegions(darkFrame(), W, H)).toEqual([]);
  });
});
