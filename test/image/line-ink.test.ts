import { describe, expect, it } from 'vitest';
import { inkOnly, isInk, lineInk } from '../../lib/image/line-ink.js';

/** A 60x12 grey band: black ground, a stripe of texture (grey levels 90–200) on the left, white text strokes on the right. */
function band(): Uint8Array {
  const grey = new Uint8Array(60 * 12);
  for (let y = 0; y < 12; y++) {
    for (let x = 0; x < 25; x++) grey[y * 60 + x] = 90 + ((x * 37 + y * 53) % 111);
    // Strokes: every other column of 30..54, rows 2..9.
    if (y >= 2 && y < 10) for (let x = 30; x < 55; x += 2) grey[y * 60 + x] = 255;
  }
  return grey;
}

describe('lineInk: the ink of a line told apart from the texture under it by its level', () => {
  it('takes the text level of light text over darker texture, and leaves the texture out of the ink', () => {
    const grey = band();
    const ink = lineInk(grey, 60, { left: 0, top: 0, width: 60, height: 12 })!;
    expect(ink).toMatchObject({ light: true, level: 255 });
    expect(isInk(255, ink)).toBe(true);
    expect(isInk(200, ink)).toBe(false);
    const page = inkOnly(grey, 60, { left: 0, top: 0, width: 60, height: 12 }, ink);
    // Text strokes black, texture and ground white.
    expect(page[5 * 60 + 30]).toBe(0);
    expect(page[5 * 60 + 10]).toBe(255);
    expect(page[5 * 60 + 31]).toBe(255);
  });

  it('takes dark text on a light ground as dark ink', () => {
    const grey = band().map((v) => 255 - v);
    expect(lineInk(grey, 60, { left: 0, top: 0, width: 60, height: 12 })).toMatchObject({ light: false, level: 0 });
  });

  it('leaves out what lies in the boxes to ignore, and finds no ink in a box without contrast', () => {
    const grey = band();
    const ignore = [{ left: 28, top: 0, width: 32, height: 12 }];
    // Without the text, the brightest level is the texture's.
    expect(lineInk(grey, 60, { left: 0, top: 0, width: 60, height: 12 }, ignore)!.level).toBeLessThan(255);
    expect(inkOnly(grey, 60, { left: 0, top: 0, width: 60, height: 12 }, { light: true, level: 255, tolerance: 16 }, ignore)[5 * 60 + 30]).toBe(255);
    expect(lineInk(new Uint8Array(100).fill(40), 10, { left: 0, top: 0, width: 10, height: 10 })).toBeUndefined();
  });
});
