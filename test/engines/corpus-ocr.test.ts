import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readDicom } from '../../lib/dicom/adapter.js';
import { getString } from '../../lib/dicom/elements.js';
import { createLocalPhiDetector, detectPhiInImageText } from '../../lib/engines/local/phi.js';
import { createLocalTextDetector } from '../../lib/engines/local/tesseract.js';
import type { Box, IdentityContext } from '../../lib/engines/types.js';
import { decodeFrames, renderFrame } from '../../lib/pixels/index.js';
import { coveredBy } from './synthetic-text.js';

const corpus = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'corpus');
const ocr = createLocalTextDetector();
afterAll(() => ocr.close());

/** Identity gathered from the original header, as the pipeline will. */
function identity(dict: Parameters<typeof getString>[0]): IdentityContext {
  const values: IdentityContext['values'] = [];
  for (const [keyword, category, vr] of [
    ['PatientName', 'A', 'PN'], ['PatientBirthDate', 'C', 'DA'], ['PatientID', 'R', 'LO'], ['StudyDate', 'C', 'DA'],
    ['ReferringPhysicianName', 'A', 'PN'], ['InstitutionName', 'B', 'LO'],
  ] as const) {
    const value = getString(dict, keyword);
    if (value) values.push({ value, category, source: keyword, vr });
  }
  return { values };
}

async function findings(file: string) {
  const dataset = readDicom(new Uint8Array(readFileSync(join(corpus, file))), file);
  const { module, frames } = await decodeFrames(dataset);
  const image = renderFrame(module, frames[0]);
  const texts = await ocr.detect(image);
  const phi = await detectPhiInImageText(texts, createLocalPhiDetector(), identity(dataset.dict), 'frame 0');
  return { texts, phi };
}

function covered(target: Box, boxes: Box[]): number {
  return Math.max(0, ...boxes.map((b) => coveredBy(target, b)));
}

describe('burned-in PHI of the pseudo-PHI corpus', () => {
  it('davidson_cr_rle.dcm: name, date and DOB boxed as PHI; Semi-Upright, Portable and L kept', async () => {
    const truth = JSON.parse(readFileSync(join(corpus, 'davidson_ocr_ground_truth.json'), 'utf8'));
    const { texts, phi } = await findings('davidson_cr_rle.dcm');
    const boxes = phi.map((f) => f.box!);
    // Presidio recorded its boxes on an image padded by 25 px.
    for (const g of truth.ground_truth as Array<Box & { label: string }>) {
      const box = { left: g.left - 25, top: g.top - 25, width: g.width, height: g.height };
      expect(covered(box, boxes), `${g.label} covered by PHI boxes`).toBeGreaterThanOrEqual(0.9);
    }
    // Where the harmless annotation sits in the rendered frame (measured once from the image).
    const harmless: Record<string, Box> = {
      'Semi-Upright': { left: 1749, top: 19, width: 343, height: 46 },
      Portable: { left: 1895, top: 103, width: 221, height: 36 },
      L: { left: 2038, top: 178, width: 29, height: 51 },
    };
    for (const [label, box] of Object.entries(harmless)) expect(covered(box, boxes), `${label} not boxed`).toBe(0);
    expect(texts.some((t) => t.kind === 'word' && t.text === 'Semi-Upright')).toBe(true);
    expect(texts.some((t) => t.kind === 'word' && t.text === 'Portable')).toBe(true);
    expect(phi.find((f) => f.text.includes('DAVIDSON'))?.category).toBe('A');
    expect(phi.find((f) => f.text === '06.16.1976')?.category).toBe('C');
  });

  it('kaufman_ct.dcm: both PHI lines are boxed', async () => {
    const { texts, phi } = await findings('kaufman_ct.dcm');
    const lines = texts.filter((t) => t.kind === 'line' && /KAUFMAN|DOB/.test(t.text));
    expect(lines).toHaveLength(2);
    const boxes = phi.map((f) => f.box!);
    for (const w of texts.filter((t) => t.kind === 'word' && lines.some((l) => l.lineIndex === t.lineIndex))) {
      if (w.text === 'DOB:') continue;
      expect(covered(w.box, boxes), `${w.text} boxed`).toBeGreaterThanOrEqual(0.99);
    }
  });
});
