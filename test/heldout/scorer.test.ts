/**
 * Checks of the held-out measuring stick itself (fast, no OCR, no kit run): the set is
 * deterministic and valid, and the scorer counts everything as left when nothing was removed and
 * as gone when the PHI pixels were painted over.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExplicitFile, top, topUS } from './dicom-reader.js';
import { generateHeldout, type GeneratedSet } from './generate.js';
import type { Pixels } from './normalize.js';
import { changedInBox, erasedFraction, glyphPixels } from './pixel-score.js';
import { emptyResult, scoreOutputs } from './score.js';

const SUBSET = new Set(['ct_b', 'mr_a', 'us_a', 'us_c', 'sc_c', 'hd_mr', 'sr_enh_a', 'seg_a', 'rt_a']);
const only = (name: string) => SUBSET.has(name);

function pixels(values: number[][], samples = 1): Pixels {
  return { rows: values.length, columns: values[0].length, samples, frames: 1, photometric: 'MONOCHROME2', range: 255, values: Int32Array.from(values.flat()) };
}

describe('held-out scorer', () => {
  let dir: string;
  let set: GeneratedSet;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'heldout-scorer-'));
    set = await generateHeldout(path.join(dir, 'in'), path.join(dir, 'truth'), undefined, only);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('generates the same bytes from the same seed', async () => {
    const again = await generateHeldout(path.join(dir, 'again'), path.join(dir, 'again-truth'), undefined, only);
    for (const t of again.truths.filter((x) => x.file === 'us_a.dcm' || x.file === 'sr_enh_a.dcm' || x.file === 'seg_a.dcm')) {
      const hash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
      expect(hash(path.join(dir, 'again', t.file))).toBe(hash(path.join(dir, 'in', t.file)));
    }
  }, 120_000);

  it('counts every planted value as left, every word as kept and every line as intact when the output is the input', async () => {
    const r = emptyResult(0, set.truths);
    await scoreOutputs(r, set.truths, set.dir, (t) => ({ output: path.join(set.dir, t.file) }), path.join(dir, 'identity'));
    expect(r.refused).toEqual([]);
    expect(r.header.planted).toBeGreaterThan(200);
    expect(r.header.left.length).toBe(r.header.planted);
    expect(r.words.kept).toBe(r.words.total);
    expect(r.codes.total).toBeGreaterThan(0);
    expect(r.codes.kept).toBe(r.codes.total);
    expect(r.conformance.newErrors).toEqual([]);
    expect(r.conformance.inputErrors).toBe(0);
    expect(r.burned.total).toBeGreaterThan(30);
    expect(r.burned.gone).toBe(0);
    expect(r.harmless.intact).toBe(r.harmless.total);
    expect(Object.keys(r.header.byKind)).toContain('age>89');
  }, 120_000);

  it('counts burned-in PHI as gone when its boxes are painted over, and harmless lines as intact', async () => {
    const truths = set.truths.filter((t) => t.file === 'mr_a.dcm' || t.file === 'us_a.dcm');
    for (const t of truths) {
      const buf = readFileSync(path.join(set.dir, t.file));
      const file = readExplicitFile(buf);
      const data = top(file, 0x7fe00010)!.bytes!;
      const bytes = topUS(file, 0x00280100)! / 8;
      for (const w of t.pixels.phi)
        for (const f of w.frames)
          for (let y = w.box.top - 1; y <= w.box.top + w.box.height; y++)
            for (let x = w.box.left - 1; x <= w.box.left + w.box.width; x++)
              for (let s = 0; s < t.samplesPerPixel; s++) {
                const i = ((f * t.rows + y) * t.columns + x) * t.samplesPerPixel + s;
                if (bytes === 1) data[i] = 0;
                else data.writeUInt16LE(0, i * 2);
              }
      writeFileSync(path.join(dir, `painted-${t.file}`), buf);
    }
    const r = emptyResult(0, truths);
    await scoreOutputs(r, truths, set.dir, (t) => ({ output: path.join(dir, `painted-${t.file}`) }), path.join(dir, 'painted'));
    expect(r.burned.total).toBeGreaterThan(5);
    expect(r.burned.gone).toBe(r.burned.total);
    expect(r.harmless.intact).toBe(r.harmless.total);
  }, 60_000);

  it('takes a dark glyph inside a black box as erased, an untouched glyph as not', () => {
    // Dark "ink" (0) on light (200): painting the box black leaves the ink value unchanged but flat.
    const input = pixels([...Array(9)].map((_, y) => [...Array(9)].map((_, x) => (x === 4 && y > 1 && y < 7 ? 0 : 200))));
    const glyph: [number, number][] = [[4, 2], [4, 3], [4, 4], [4, 5], [4, 6]];
    const painted = pixels([...Array(9)].map(() => Array(9).fill(0)));
    const tol = { change: 0, flat: 2 };
    expect(erasedFraction(input, painted, 0, glyph, tol)).toBe(1);
    expect(erasedFraction(input, input, 0, glyph, tol)).toBe(0);
    expect(changedInBox(input, painted, 0, { left: 0, top: 0, width: 2, height: 2 }, 0)).toBe(4);
    expect(glyphPixels({ left: 3, top: 5, width: 3, height: 1 }, Buffer.from([0b10100000]).toString('base64'))).toEqual([[3, 5], [5, 5]]);
  });
});
