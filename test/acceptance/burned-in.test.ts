/**
 * Acceptance bar of issues 3 and 8 on synthetic ground truth: every sample type (CT, MR, CR, US RGB,
 * US JPEG baseline, SC JPEG-LS, SC J2K, multi-frame US RLE) over several seeds goes through the real
 * steps (parse, metadata, pixels with the local engines as `deid run` builds them). The samples show
 * the identity in the forms screens use (name orders and initials, shortened institutions, national
 * and ISO dates, IDs under any label or none) from 9 px up in any corner, beside probe, technique,
 * window and scale lines. Over the whole set, ≥99.5% of PHI words are removed (≥95% of their glyph
 * pixels changed), ≥98% of harmless annotation lines are intact, and no pixel changes outside the
 * boxes the redactor filled. Text-free control images keep their Pixel Data bytes identical, and the
 * committed CR sample's accession number is erased to its last glyph pixel.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDicom, writeDicom } from '../../lib/dicom/adapter.js';
import type { DicomDataset } from '../../lib/dicom/dataset.js';
import { createLocalPhiDetector } from '../../lib/engines/index.js';
import type { Box, TextDetector } from '../../lib/engines/types.js';
import { DicomFile } from '../../lib/file.js';
import { chooseTextEngine, DEFAULT_RULES_PATH, recipeTextDetector, type TextEngineChoice } from '../../lib/pipeline/recipe.js';
import { processFile } from '../../lib/pipeline/process-file.js';
import { loadRules } from '../../lib/rules/index.js';
import { makeSample, type SampleTruth } from '../../lib/samples/make-sample.js';
import { SAMPLE_SPECS } from '../../lib/samples/specs.js';
import { openStateStore } from '../../lib/state/index.js';
import { parseDicom } from '../../lib/steps/parse.js';
import { cleanPixels } from '../../lib/steps/pixels.js';
import { deidentifyMetadata } from '../../lib/steps/deidentify-metadata.js';
import { decodeForScoring, generateSyntheticSet, scoreRedaction, type RedactionScore } from '../fixtures/synthetic/index.js';
import { projectRoot } from '../support/paths.js';

/**
 * Seeds 7 and 2024 are the layouts the detector was tuned on; 31 and 555 are held out, so the bar is
 * also measured on layouts nobody looked at. `DEID_ACCEPTANCE_SEEDS=1,2,3` runs other seeds.
 */
const SEEDS = (process.env.DEID_ACCEPTANCE_SEEDS ?? '7,2024,31,555').split(',').map(Number);
const work = mkdtempSync(path.join(tmpdir(), 'acceptance-burned-in-'));
const rules = loadRules(path.join(projectRoot, DEFAULT_RULES_PATH));
// The OCR `deid run` picks (native tesseract when installed, as `npm run setup` does; else tesseract.js);
// `DEID_TEXT_ENGINE=tesseract.js` or `tesseract-native` measures one of them.
const textEngine = chooseTextEngine((process.env.DEID_TEXT_ENGINE as TextEngineChoice | undefined) ?? 'auto');
const textDetector = (await recipeTextDetector('local', rules, { textEngine })) as TextDetector & { close(): Promise<void> };
const phiDetector = createLocalPhiDetector({ regex: rules.regex, keepList: rules.pixelKeepList, confidenceThreshold: rules.confidenceThreshold });
const steps = [parseDicom(), deidentifyMetadata({ rules, state: openStateStore(path.join(work, 'state')) }), cleanPixels({ textDetector, phiDetector })];

interface Outcome {
  name: string;
  seed: number;
  /** Scored against the truth (removed, kept). */
  truth: RedactionScore;
  /** Scored against the boxes the redactor filled (nothing changed outside them). */
  own: RedactionScore;
}

const outcomes: Outcome[] = [];

function pixelBytes(dataset: DicomDataset): Buffer {
  const value = (dataset.dict['7FE00010']?.Value ?? []) as ArrayBuffer[];
  return Buffer.concat(value.map((b) => Buffer.from(b)));
}

async function deidentify(bytes: Uint8Array, source: string): Promise<DicomFile> {
  const file = await processFile(new DicomFile(source, bytes), steps);
  const fatal = file.messages.find((m) => m.severity === 'fatal');
  if (fatal) throw new Error(`${source}: ${fatal.reason}`);
  return file;
}

beforeAll(async () => {
  for (const seed of SEEDS) {
    const dir = path.join(work, `seed-${seed}`);
    mkdirSync(dir);
    const { items } = await generateSyntheticSet({ dir, seed });
    for (const item of items) {
      const bytes = writeDicom(item.dataset);
      const file = await deidentify(bytes, item.path);
      const before = await decodeForScoring(bytes, item.path);
      const after = await decodeForScoring(writeDicom(file.dataset!), `${item.path} (de-identified)`);
      const filled = file.data.pixelFilled ?? new Map<number, Box[]>();
      outcomes.push({
        name: item.spec.name,
        seed,
        truth: scoreRedaction(before, after, item.truth),
        own: scoreRedaction(before, after, item.truth, { allowedBoxes: (f) => filled.get(f) ?? [] }),
      });
    }
  }
  // 32 OCR'd files: ~6 min alone on 2 busy cores, more beside the rest of the suite; the timeout only
  // guards against a hang.
}, 1_200_000);

afterAll(async () => {
  await textDetector.close();
  rmSync(work, { recursive: true, force: true });
});

describe('burned-in PHI on synthetic ground truth (issue 3 acceptance)', () => {
  it('covers every sample type over several seeds', () => {
    for (const spec of SAMPLE_SPECS) expect(outcomes.filter((o) => o.name === spec.name).length, spec.name).toBe(SEEDS.length);
    expect(outcomes.some((o) => o.truth.phiTotal > 20)).toBe(true); // the multi-frame file counts its words per frame
  });

  it('removes at least 99.5% of PHI words and keeps at least 98% of harmless annotation lines intact, over the whole set', () => {
    const sum = (f: (o: Outcome) => number) => outcomes.reduce((s, o) => s + f(o), 0);
    const removed = sum((o) => o.truth.phiRemoved) / sum((o) => o.truth.phiTotal);
    const kept = sum((o) => o.truth.harmlessKeptCount) / sum((o) => o.truth.harmlessTotal);
    const linesKept = sum((o) => o.truth.harmlessLinesKept) / sum((o) => o.truth.harmlessLinesTotal);
    const table = outcomes.map((o) => `${o.name}@${o.seed}: ${o.truth.phiRemoved}/${o.truth.phiTotal} removed, ${o.truth.harmlessKeptCount}/${o.truth.harmlessTotal} kept, ${o.own.changedOutsideBoxes} px outside${o.truth.missed.length ? `; missed ${o.truth.missed.map((m) => `${m.text}#${m.frame}`).join(' ')}` : ''}${o.truth.damaged.length ? `; damaged ${o.truth.damaged.map((d) => d.text).join(' ')}` : ''}`);
    console.log(`${textEngine}: removed ${(removed * 100).toFixed(1)}% of ${sum((o) => o.truth.phiTotal)} PHI words, kept ${(kept * 100).toFixed(1)}% of harmless words and ${(linesKept * 100).toFixed(1)}% of ${sum((o) => o.truth.harmlessLinesTotal)} harmless lines\n${table.join('\n')}`);
    expect(removed, table.join('\n')).toBeGreaterThanOrEqual(0.995);
    expect(linesKept, table.join('\n')).toBeGreaterThanOrEqual(0.98);
  });

  it("erases every glyph pixel of the committed CR sample's accession number", async () => {
    const file = path.join(projectRoot, 'images/med_phi_img/cr_chest_rle.dcm');
    const truth = (JSON.parse(readFileSync(path.join(projectRoot, 'images/med_phi_img/truth.json'), 'utf8')) as { samples: Array<SampleTruth & { file: string }> }).samples.find((s) => s.file === 'cr_chest_rle.dcm')!;
    const bytes = new Uint8Array(readFileSync(file));
    const out = await deidentify(bytes, 'committed CR sample');
    const score = scoreRedaction(await decodeForScoring(bytes), await decodeForScoring(writeDicom(out.dataset!)), { ...truth, phi: truth.phi.filter((t) => t.category === 'R') }, { removedThreshold: 1 });
    expect(score.phiTotal).toBe(1);
    expect(score.missed, JSON.stringify(score.missed)).toEqual([]);
  }, 120_000);

  it('changes no pixel outside the boxes the redactor filled', () => {
    for (const o of outcomes) expect(o.own.changedOutsideBoxes, `${o.name}@${o.seed}`).toBe(0);
  });

  it('keeps the Pixel Data bytes of text-free control images identical', async () => {
    for (const spec of SAMPLE_SPECS.filter((s) => ['CT', 'US', 'SC'].includes(s.modality) && (s.frames ?? 1) === 1).slice(0, 3)) {
      const control = await makeSample(spec, SEEDS[0], { text: false });
      const bytes = writeDicom(control.dataset);
      const file = await deidentify(bytes, `control ${spec.name}`);
      expect(file.data.pixelsChecked, spec.name).toBe(true);
      expect(file.data.pixelFilled, spec.name).toBeUndefined();
      const out = readDicom(writeDicom(file.dataset!), `control ${spec.name} (de-identified)`);
      expect(pixelBytes(out).equals(pixelBytes(readDicom(bytes, spec.name))), spec.name).toBe(true);
    }
  }, 120_000);
});
