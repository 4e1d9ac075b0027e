import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDicom } from '../../lib/dicom/adapter.js';
import type { DicomDataset } from '../../lib/dicom/dataset.js';
import { createLocalTextDetector } from '../../lib/engines/index.js';
import type { Box, DetectedText } from '../../lib/engines/types.js';
import { deidentifyFiles, type RunResult } from '../../lib/pipeline/deidentify-files.js';
import { decodeFrames, renderFrame } from '../../lib/pixels/index.js';
import { corpusFile, projectRoot } from '../support/paths.js';
import { dciodvfyErrors, run } from '../support/tools.js';
import { tempDir } from '../support/temp-dir.js';

const names = ['davidson_cr_rle.dcm', 'davidson_no_pixels.dcm', 'kaufman_ct.dcm', 'rodgers_pt_rgb.dcm'];
const identities = ['DAVIDSON', 'DOUGLAS', 'KAUFMAN', 'SCOTT', 'RODGERS', 'SAMUEL'];

/** Display values of a dataset's first frame. */
async function display(dataset: DicomDataset) {
  const decoded = await decodeFrames(dataset);
  return renderFrame(decoded.module, decoded.frames[0]);
}

/** Fraction of the bright (glyph) pixels of `box` in `before` that differ in `after`. */
function glyphPixelsChanged(before: { width: number; data: Uint8Array }, after: { data: Uint8Array }, box: Box): number {
  let glyph = 0;
  let changed = 0;
  for (let y = box.top; y < box.top + box.height; y++) {
    for (let x = box.left; x < box.left + box.width; x++) {
      const i = y * before.width + x;
      if (before.data[i] < 160) continue;
      glyph++;
      if (after.data[i] !== before.data[i]) changed++;
    }
  }
  return glyph ? changed / glyph : 1;
}

function pixelsUnchanged(before: { width: number; data: Uint8Array }, after: { data: Uint8Array }, box: Box): number {
  let same = 0;
  for (let y = box.top; y < box.top + box.height; y++) {
    for (let x = box.left; x < box.left + box.width; x++) if (after.data[y * before.width + x] === before.data[y * before.width + x]) same++;
  }
  return same / (box.width * box.height);
}

describe('de-identifying the real pseudo-PHI corpus', () => {
  const work = tempDir('deid-corpus-');
  const out = path.join(work, 'out');
  const detector = createLocalTextDetector();
  let result: RunResult;
  const output = (name: string) => {
    const entry = result.entries.find((e) => path.basename(e.input) === name)!;
    return readDicom(readFileSync(path.join(out, entry.output!)), entry.output);
  };
  const input = (name: string) => readDicom(readFileSync(corpusFile(name)), name);
  const read = async (dataset: DicomDataset): Promise<DetectedText[]> => (await detector.detect(await display(dataset))).filter((t) => t.kind === 'line');

  beforeAll(async () => {
    result = await deidentifyFiles(names.map(corpusFile), {
      out,
      stateDir: path.join(work, 'state'),
      rulesPath: path.join(projectRoot, 'configs/de-id/de_id_rules_auto.yaml'),
    });
  });
  afterAll(() => detector.close?.());

  it('de-identifies every corpus file', () => {
    expect(result.entries.map((e) => [path.basename(e.input), e.status, e.pixelsChecked])).toEqual(names.map((n) => [n, 'ok', true]));
  });

  it.each(names)('writes %s so that dcmdump reads it and dciodvfy finds no more errors than in the input', (name) => {
    const entry = result.entries.find((e) => path.basename(e.input) === name)!;
    const file = path.join(out, entry.output!);
    expect(run('dcmdump', ['-q', file]).status).toBe(0);
    expect(dciodvfyErrors(file)).toBeLessThanOrEqual(dciodvfyErrors(corpusFile(name)));
    const text = readFileSync(file).toString('latin1').toUpperCase();
    for (const identity of identities) expect(text).not.toContain(identity);
  });

  it('removes the name, date and DOB lines burned into davidson_cr_rle.dcm and keeps Semi-Upright and Portable', async () => {
    const truth = JSON.parse(readFileSync(corpusFile('davidson_ocr_ground_truth.json'), 'utf8'));
    const before = await display(input('davidson_cr_rle.dcm'));
    const after = await display(output('davidson_cr_rle.dcm'));
    for (const box of truth.ground_truth as Array<Box & { label: string }>) {
      expect(glyphPixelsChanged(before, after, box), box.label).toBeGreaterThanOrEqual(0.95);
    }
    for (const word of (truth.ocr_results_formatted as Array<Box & { label: string }>).filter((w) => ['Semi-Upright', 'Portable'].includes(w.label))) {
      expect(pixelsUnchanged(before, after, word), word.label).toBe(1);
    }
    const text = (await read(output('davidson_cr_rle.dcm'))).map((t) => t.text).join('\n');
    expect(text).not.toMatch(/DAVIDSON|DOUGLAS|1976|2012/);
    expect(text).toMatch(/Portable/);
  });

  it('removes both PHI lines burned into kaufman_ct.dcm', async () => {
    const before = (await read(input('kaufman_ct.dcm'))).map((t) => t.text).join('\n');
    expect(before).toMatch(/KAUFMAN/);
    const after = (await read(output('kaufman_ct.dcm'))).map((t) => t.text).join('\n');
    expect(after).not.toMatch(/KAUFMAN|SCOTT|1943|2012|DOB/);
  });

  it('leaves the pixel data of an image with no burned-in text byte-identical', () => {
    const before = Buffer.from(input('rodgers_pt_rgb.dcm').dict['7FE00010']!.Value![0] as ArrayBuffer);
    const after = Buffer.from(output('rodgers_pt_rgb.dcm').dict['7FE00010']!.Value![0] as ArrayBuffer);
    expect(after.equals(before)).toBe(true);
  });
});
