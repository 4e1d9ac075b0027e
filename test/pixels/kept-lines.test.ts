import { describe, expect, it } from 'vitest';
import { clearAlong, fillBounds, outsideKept } from '../../lib/pixels/kept-lines.js';

describe('fillBounds: a fill\'s padding stops short of the kept lines around it', () => {
  const box = { left: 100, top: 50, width: 40, height: 10 };

  it('stops a row short of a kept line above or below, and a column short of one beside it on its line', () => {
    const above = { left: 90, top: 36, width: 80, height: 10 };
    const below = { left: 120, top: 63, width: 80, height: 10 };
    // `Series: AX LUNG` two columns after a name, and `Se:` two before it, on the name's line.
    const after = { left: 142, top: 51, width: 50, height: 9 };
    const before = { left: 70, top: 50, width: 28, height: 10 };
    expect(fillBounds(box, [above, below, after, before], 8)).toEqual({ top: 47, bottom: 62, right: 141, left: 99 });
  });

  it('never cuts into the box, and leaves sides without a kept line near unbounded', () => {
    const touching = { left: 140, top: 50, width: 30, height: 10 };
    const far = { left: 160, top: 50, width: 30, height: 10 };
    expect(fillBounds(box, [touching], 8)).toEqual({ right: 140 });
    expect(fillBounds(box, [far], 8)).toBeUndefined();
    // A kept line beside the box on another line (sharing under half its height) bounds nothing.
    expect(fillBounds(box, [{ left: 142, top: 56, width: 30, height: 10 }], 8)).toBeUndefined();
  });
});

describe('clearAlong: a band filled across a line stops short of the kept lines beside it on its line', () => {
  it('cuts the band a clearance short of kept lines left and right of the columns it was made for, never into them', () => {
    const band = { left: 10, top: 50, width: 300, height: 10 };
    const kept = [
      { left: 200, top: 51, width: 60, height: 9 },
      { left: 20, top: 50, width: 30, height: 10 },
      // Above the band: for clearOf, not for this.
      { left: 100, top: 36, width: 60, height: 10 },
    ];
    expect(clearAlong(band, kept, { left: 90, right: 150 })).toEqual({ left: 54, top: 50, width: 142, height: 10 });
    // A kept line across the columns the band was made for says nothing.
    expect(clearAlong(band, [{ left: 140, top: 50, width: 30, height: 10 }], { left: 90, right: 150 })).toEqual(band);
  });
});

describe('outsideKept: a badly read word stops short of the kept lines on its line it reaches into', () => {
  it('cuts it from the side of the kept line, keeps it whole beside none, and drops it within one', () => {
    // Garbage boxed across a date and the `Contrast: NONE` read well beside it.
    const word = { left: 62, top: 419, width: 110, height: 21 };
    const contrast = { left: 148, top: 428, width: 90, height: 11 };
    expect(outsideKept(word, [contrast])).toEqual({ left: 62, top: 419, width: 82, height: 21 });
    expect(outsideKept(word, [{ left: 20, top: 425, width: 60, height: 11 }])).toEqual({ left: 84, top: 419, width: 88, height: 21 });
    expect(outsideKept(word, [{ left: 148, top: 450, width: 90, height: 11 }])).toEqual(word);
    expect(outsideKept({ left: 150, top: 428, width: 40, height: 11 }, [contrast])).toBeUndefined();
  });
});
