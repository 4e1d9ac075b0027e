import { describe, expect, it } from 'vitest';
import { components, findTextColumns, findTextRegions, patchLines, slidingExtreme } from '../../lib/image/text-regions.js';
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

describe('findTextRegions: a status bar across the frame', () => {
  it('finds each line of light text on a mid-grey bar, the top one against its edge, and no bar in a dark frame', () => {
    const grey = darkFrame();
    fill(grey, { left: 0, top: 6, width: W, height: 30 }, 115);
    const first = thinLine(grey, 10, 9, 14, 235);
    const second = thinLine(grey, 10, 23, 10, 235);
    const lines = patchLines(grey, W, H);
    for (const line of [first, second]) expect(lines.some((r) => covers(r.box, line) && r.box.height < 14), `no patch line covers the line at ${line.top}`).toBe(true);
    // A dark band across the frame is its ground, not a bar.
    const dark = darkFrame();
    fill(dark, { left: 0, top: 6, width: W, height: 30 }, 10);
    thinLine(dark, 10, 9, 14, 235);
    expect(patchLines(dark, W, H)).toEqual([]);
  });
});

/**
 * {@link thinLine} turned a quarter, as a label printed up a side edge: per character a stem across the column, a bar
 * down its left side and, every other character, a second stem; `chars` characters from `top` down the column whose
 * cap line is `left`, 8 px across, in ink `v`. Returns the column's box.
 */
function thinColumn(grey: Uint8Array, left: number, top: number, chars: number, v: number): Box {
  for (let c = 0; c < chars; c++) {
    const y = top + c * 7;
    fill(grey, { left, top: y, width: 8, height: 1 }, v);
    fill(grey, { left, top: y, width: 1, height: 5 }, v);
    if (c % 2 === 0) fill(grey, { left, top: y + 4, width: 8, height: 1 }, v);
  }
  return { left, top, width: 8, height: chars * 7 - 2 };
}

describe('findTextColumns: text turned a quarter', () => {
  it('finds glyphs stacked down a side edge as one column, not as lines', () => {
    const grey = darkFrame();
    const column = thinColumn(grey, 6, 60, 12, 230);
    const columns = findTextColumns(grey, W, H);
    expect(columns.filter((c) => covers(c.box, column) && c.light)).toHaveLength(1);
    const found = columns.find((c) => covers(c.box, column))!;
    // One column, its glyphs' height across it.
    expect(found.box.width).toBeLessThan(12);
    expect(found.glyphHeight).toBe(8);
    // Its glyphs are not a line of the ordinary kind.
    expect(findTextRegions(grey, W, H).some((r) => covers(r.box, column))).toBe(false);
  });

  it('finds no column down the left edge of a block of lines, nor in a frame without text', () => {
    const grey = darkFrame();
    for (let k = 0; k < 6; k++) thinLine(grey, 10, 20 + k * 11, 10 - k, 230);
    expect(findTextRegions(grey, W, H).length).toBeGreaterThanOrEqual(6);
    expect(findTextColumns(grey, W, H)).toEqual([]);
    expect(findTextColumns(darkFrame(), W, H)).toEqual([]);
  });
});

describe('findTextRegions: asked twice', () => {
  it('answers the same pixels alike, and pixels changed in place anew', () => {
    const grey = darkFrame();
    const line = thinLine(grey, 20, 40, 10, 230);
    const first = findTextRegions(grey, W, H);
    expect(first.some((r) => covers(r.box, line))).toBe(true);
    // What a caller does with the answer does not change the next one.
    first[0].box.width = 1;
    expect(findTextRegions(grey, W, H)).toEqual(findTextRegions(darkFrameWith(line), W, H));
    // The same array painted over: its text is gone from the answer.
    fill(grey, { left: 16, top: 36, width: 80, height: 16 }, 10);
    expect(findTextRegions(grey, W, H).some((r) => covers(r.box, line))).toBe(false);
  });
});

/** A fresh dark frame with the same thin line drawn again. */
function darkFrameWith(line: Box): Uint8Array {
  const grey = darkFrame();
  thinLine(grey, line.left, line.top, 10, 230);
  return grey;
}

describe('slidingExtreme', () => {
  it('gives the max and the min of the square around every pixel, clipped at the edges', () => {
    let seed = 3;
    for (const [width, height] of [[23, 17], [1, 9], [9, 1], [40, 6]]) {
      const grey = Uint8Array.from({ length: width * height }, () => (seed = (seed * 1664525 + 1013904223) >>> 0) % 256);
      for (const r of [1, 2, 4, 11]) {
        for (const max of [true, false]) {
          const got = slidingExtreme(grey, width, height, r, max);
          for (let y = 0; y < height; y++) {
            for (let x = 0; x < width; x++) {
              let want = max ? 0 : 255;
              for (let yy = Math.max(0, y - r); yy <= Math.min(height - 1, y + r); yy++) {
                for (let xx = Math.max(0, x - r); xx <= Math.min(width - 1, x + r); xx++) want = max ? Math.max(want, grey[yy * width + xx]) : Math.min(want, grey[yy * width + xx]);
              }
              expect(got[y * width + x], `${width}x${height} r=${r} ${max ? 'max' : 'min'} at ${x},${y}`).toBe(want);
            }
          }
        }
      }
    }
  });
});

describe('components', () => {
  it('groups 8-connected mask pixels as a plain pixel-by-pixel flood fill does, in the order of their first pixel', () => {
    let seed = 11;
    const next = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    for (const [width, height, density] of [[31, 23, 0.3], [31, 23, 0.55], [1, 12, 0.5], [12, 1, 0.5], [40, 9, 0.7], [17, 17, 0.45]] as const) {
      const mask = Uint8Array.from({ length: width * height }, () => (next() < density ? 1 : 0));
      const { list, labels } = components(mask, width, height);
      // The reference: a flood fill over the 8 neighbours of every pixel, one pixel at a time.
      const want = new Int32Array(mask.length).fill(-1);
      let count = 0;
      for (let start = 0; start < mask.length; start++) {
        if (!mask[start] || want[start] >= 0) continue;
        const id = count++;
        const todo = [start];
        want[start] = id;
        let [left, top, right, bottom, pixels]: number[] = [width, height, -1, -1, 0];
        for (let p = todo.pop(); p !== undefined; p = todo.pop()) {
          const x = p % width;
          const y = (p - x) / width;
          [left, top, right, bottom, pixels] = [Math.min(left, x), Math.min(top, y), Math.max(right, x), Math.max(bottom, y), pixels + 1];
          for (let yy = Math.max(0, y - 1); yy <= Math.min(height - 1, y + 1); yy++) {
            for (let xx = Math.max(0, x - 1); xx <= Math.min(width - 1, x + 1); xx++) {
              const q = yy * width + xx;
              if (mask[q] && want[q] < 0) {
                want[q] = id;
                todo.push(q);
              }
            }
          }
        }
        expect(list[id], `${width}x${height} component ${id}`).toEqual({ left, top, right, bottom, count: pixels });
      }
      expect(list).toHaveLength(count);
      expect([...labels]).toEqual([...want]);
    }
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

describe('findTextRegions: lines inside a larger region', () => {
  // A stack of three line patches in the bottom-left corner of a 768 px frame, light grey ink in thin strokes
  // (7 px glyphs): the black frame right around the stack stands out as dark ink against a mean that sees
  // the patches, one ring-shaped "glyph" as tall as the stack with its margin, whose box holds every line.
  const size = 768;
  const grey = new Uint8Array(size * size);
  let s = 7;
  for (let i = 0; i < grey.length; i++) grey[i] = (s = (s * 1664525 + 1013904223) >>> 0) % 4;
  const paint = (b: Box, v: number) => {
    for (let y = b.top; y < b.top + b.height; y++) for (let x = b.left; x < b.left + b.width; x++) grey[y * size + x] = v;
  };
  const line = (left: number, top: number, chars: number): Box => {
    for (let c = 0; c < chars; c++) {
      const x = left + c * 7;
      paint({ left: x, top, width: 1, height: 7 }, 190);
      paint({ left: x, top, width: 5, height: 1 }, 190);
      if (c % 2 === 0) paint({ left: x + 4, top, width: 1, height: 7 }, 190);
    }
    return { left, top, width: chars * 7 - 2, height: 7 };
  };
  paint({ left: 8, top: 716, width: 150, height: 14 }, 255);
  paint({ left: 8, top: 730, width: 90, height: 14 }, 255);
  paint({ left: 8, top: 744, width: 110, height: 14 }, 255);
  const lines = [line(11, 719, 20), line(11, 733, 12), line(11, 747, 15)];

  it('finds each line at its own glyph height, though a region of far taller glyphs holds them all', () => {
    const regions = findTextRegions(grey, size, size);
    expect(regions.some((r) => !r.light && r.glyphHeight > 40 && lines.every((l) => covers(r.box, l)))).toBe(true);
    for (const l of lines) {
      // A crop scaled for the tall region's height would read the 7 px glyphs at 1x: each line needs a region of its own size.
      expect(regions.some((r) => !r.light && r.glyphHeight <= 10 && covers(r.box, l)), `no region of the line at ${l.top}`).toBe(true);
    }
  });
});
