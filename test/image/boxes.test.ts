import { describe, expect, it } from 'vitest';
import { boxesOutside, inAnyBox } from '../../lib/image/boxes.js';
import type { Box } from '../../lib/image/types.js';

/** Every pixel of `box`, as `x,y`. */
const pixels = (box: Box): string[] => {
  const out: string[] = [];
  for (let y = box.top; y < box.top + box.height; y++) for (let x = box.left; x < box.left + box.width; x++) out.push(`${x},${y}`);
  return out;
};

describe('boxesOutside: what of a fill lies outside the lines kept', () => {
  it('leaves exactly the pixels of the box outside the cuts, each once', () => {
    // A glyph region run across two packed lines, the bands of two kept lines in it (one reaching past its edge).
    const region = { left: 10, top: 10, width: 40, height: 20 };
    const cuts = [
      { left: 30, top: 8, width: 30, height: 10 },
      { left: 12, top: 22, width: 10, height: 5 },
    ];
    const pieces = boxesOutside(region, cuts);
    const covered = pieces.flatMap(pixels);
    expect(new Set(covered).size).toBe(covered.length);
    const expected = pixels(region).filter((p) => {
      const [x, y] = p.split(',').map(Number);
      return !inAnyBox(cuts, x, y);
    });
    expect(covered.sort()).toEqual(expected.sort());
  });

  it('gives the box whole when no cut reaches it, and nothing when one covers it', () => {
    const box = { left: 0, top: 0, width: 10, height: 10 };
    expect(boxesOutside(box, [{ left: 20, top: 0, width: 5, height: 5 }])).toEqual([box]);
    expect(boxesOutside(box, [{ left: -1, top: -1, width: 12, height: 12 }])).toEqual([]);
  });
});
