/**
 * Pixel evaluation on synthetic samples with a fake identity burned in (lib/samples): after
 * lib/steps/pixels redacted them, the evaluation finds no PHI left and reads nothing on the filled
 * boxes; on an unredacted image it finds the name with a box, and redactRemaining fills it; what a
 * box left readable of a value (the CR sample's accession cut short) is found and filled; and
 * `evaluateFiles` re-reads the pixels it redacted before it releases a file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cloneDataset, readDicom, writeDicom } from '../../lib/dicom/adapter.js';
import { createLocalPhiDetector, createLocalTextDetector } from '../../lib/engines/index.js';
import type { Box, DetectedText, DisplayImage, PhiDetector, TextDetector } from '../../lib/engines/types.js';
import type { EvaluationPixelFinding } from '../../lib/evaluate/index.js';
import { evaluateFiles } from '../../lib/pipeline/evaluate-files.js';
import { evaluatePixels, redactRemaining } from '../../lib/steps/index.js';
import { DicomFile } from '../../lib/file.js';
import { gatherIdentity } from '../../lib/metadata/index.js';
import { processFile } from '../../lib/pipeline/process-file.js';
import { findFilledBoxes, maskBoxes } from '../../lib/pixels/filled-boxes.js';
import { decodeFrames } from '../../lib/pixels/index.js';
import { redactFrames } from '../../lib/pixels/redact.js';
import { makeSample, maskPixels, SAMPLE_SPECS, type SampleTruth } from '../../lib/samples/index.js';
import { parseDicom } from '../../lib/steps/parse.js';
import { cleanPixels, frameRenderings } from '../../lib/steps/pixels.js';
import { projectRoot } from '../support/paths.js';

const textDetector = createLocalTextDetector();
afterAll(() => textDetector.close?.());

const overlaps = (a: Box, b: Box) => a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

describe('evaluatePixels', () => {
  it('finds no PHI in pixels lib/steps/pixels redacted, and finds the burned-in name where nothing was redacted', async () => {
    const sample = await makeSample(SAMPLE_SPECS.find((s) => s.modality === 'CT')!, 'evaluate-pixels');
    const identity = gatherIdentity(sample.dataset);
    const phiDetector = createLocalPhiDetector();
    const nameTokens = sample.truth.phi.filter((t) => t.category === 'A');
    expect(nameTokens.length).toBeGreaterThan(0);

    // De-identify the pixels with the project's pixel step.
    const deid = new DicomFile('sample.dcm', writeDicom(sample.dataset));
    await processFile(deid, [parseDicom(), cleanPixels({ textDetector, phiDetector })]);
    expect(deid.failed).toBe(false);
    expect(deid.data.pixelsModified).toBe(true);

    // Evaluate the written result with the original identity.
    const evaluated = new DicomFile('deid.dcm', writeDicom(deid.dataset!));
    evaluated.data.sourceIdentity = identity;
    await processFile(evaluated, [parseDicom(), evaluatePixels({ textDetector, phiDetector })]);
    const left = evaluated.data.evaluationPixelFindings!;
    const phiLeft = left.filter((f) => f.box && sample.truth.phi.some((t) => overlaps(f.box!, t.box)));
    expect(phiLeft).toEqual([]);

    // The same image without redaction: the name is found, with a box on it, and redactRemaining fills it.
    const raw = new DicomFile('raw.dcm');
    raw.original = sample.dataset;
    raw.dataset = cloneDataset(sample.dataset);
    raw.data.sourceIdentity = identity;
    await processFile(raw, [evaluatePixels({ textDetector, phiDetector }), redactRemaining()]);
    const found = raw.data.evaluationPixelFindings!;
    expect(found.some((f) => f.category === 'A' && f.box && nameTokens.some((t) => overlaps(f.box!, t.box)))).toBe(true);
    expect(raw.data.pixelsModified).toBe(true);
    expect(raw.messages.some((m) => m.step === 'redact-remaining' && m.action === 'fill')).toBe(true);
    // Messages never hold the text.
    for (const m of raw.messages) for (const t of nameTokens) expect(m.reason).not.toContain(t.text);
  }, 180_000);
});

/** Over half of `a` inside `b`. */
const mostlyIn = (a: Box, b: Box) => {
  const w = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const h = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return w > 0 && h > 0 && w * h > 0.5 * a.width * a.height;
};

async function firstRendering(bytes: Uint8Array): Promise<DisplayImage> {
  const { module, frames } = await decodeFrames(readDicom(bytes, 'image'));
  return frameRenderings(module, frames[0])[0];
}

describe('the evaluation masks the boxes already filled', () => {
  it('finds the black boxes of a redacted report scan, and OCR reads no word on them once masked', async () => {
    const sample = await makeSample(SAMPLE_SPECS.find((s) => s.modality === 'SC')!, 'mask-boxes');
    const deid = new DicomFile('sample.dcm', writeDicom(sample.dataset));
    await processFile(deid, [parseDicom(), cleanPixels({ textDetector, phiDetector: createLocalPhiDetector() })]);
    const filled = (deid.data.pixelFilled as Map<number, Box[]>).get(0)!;
    const image = await firstRendering(writeDicom(deid.dataset!));
    // Dark text on light paper: every filled box stands out as a black rectangle and is found from the pixels alone.
    const found = findFilledBoxes(image);
    for (const box of filled) expect(found.some((f) => mostlyIn(box, f)), JSON.stringify(box)).toBe(true);
    const words = (await textDetector.detect(maskBoxes(image, found))).filter((t) => t.kind === 'word');
    expect(words.filter((w) => found.some((b) => mostlyIn(w.box, b))).map((w) => w.text)).toEqual([]);
    // The report's own text is still read.
    expect(words.some((w) => /FINDINGS/i.test(w.text))).toBe(true);
  }, 120_000);

  it('takes a text-free image with natural black ground for what it is: no boxes', async () => {
    const control = await makeSample(SAMPLE_SPECS.find((s) => s.modality === 'US')!, 'mask-boxes', { text: false });
    expect(findFilledBoxes(await firstRendering(writeDicom(control.dataset)))).toEqual([]);
  });
});

describe('what a box left readable of a value', () => {
  it('finds the tail of the CR sample\'s accession number beside a box that covered 62% of it, and redactRemaining erases the whole number', async () => {
    const file = path.join(projectRoot, 'images/med_phi_img/cr_chest_rle.dcm');
    const truth = (JSON.parse(readFileSync(path.join(projectRoot, 'images/med_phi_img/truth.json'), 'utf8')) as { samples: Array<SampleTruth & { file: string }> }).samples.find((s) => s.file === 'cr_chest_rle.dcm')!;
    const accession = truth.phi.find((t) => t.category === 'R')!;
    const original = readDicom(readFileSync(file), 'cr');
    const cut = cloneDataset(original);
    await redactFrames(cut, new Map([[0, [{ ...accession.box, width: Math.round(accession.box.width * 0.62) }]]]), { padding: 2 });

    const evaluated = new DicomFile('cut.dcm', writeDicom(cut));
    evaluated.data.sourceIdentity = gatherIdentity(original);
    await processFile(evaluated, [parseDicom(), evaluatePixels({ textDetector, phiDetector: createLocalPhiDetector() }), redactRemaining()]);
    const found = evaluated.data.evaluationPixelFindings as EvaluationPixelFinding[];
    const tail = found.filter((f) => f.box && f.box.left > accession.box.left + accession.box.width * 0.5 && f.box.top < accession.box.top + accession.box.height && f.box.top + f.box.height > accession.box.top);
    expect(tail.length, JSON.stringify(found.map((f) => [f.text, f.type]))).toBeGreaterThan(0);
    expect(tail.every((f) => f.category === 'R')).toBe(true);

    // Every glyph pixel of the accession number now differs from the original.
    const before = (await decodeFrames(original)).frames[0];
    const after = (await decodeFrames(readDicom(writeDicom(evaluated.dataset!), 'after'))).frames[0];
    const glyphs = maskPixels({ box: accession.box, bits: accession.mask }, truth.width);
    expect(glyphs.filter((p) => before[p] === after[p]).length).toBe(0);
  }, 120_000);
});

describe('evaluateFiles re-reads the pixels it redacted before releasing a file', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'evaluate-recheck-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** A detector that flags every word `LEAK`, wherever it is. */
  const leakDetector: PhiDetector = {
    name: 'test:leak',
    detect(spans) {
      return Promise.resolve(spans.flatMap((s) => (s.words ?? []).filter((w) => w.text === 'LEAK').map((w) => ({ text: w.text, category: 'A' as const, score: 1, type: 'test', engine: 'test', box: w.box, location: s.location }))));
    },
  };
  /** OCR that reads `LEAK` at the given places, one place per call (the last one repeats). */
  const readingAt = (places: Box[]): TextDetector => {
    let call = 0;
    return {
      name: 'test:ocr',
      detect(): Promise<DetectedText[]> {
        const box = places[Math.min(call++, places.length - 1)];
        return Promise.resolve([{ text: 'LEAK', box, confidence: 95, kind: 'line', lineIndex: 0 }, { text: 'LEAK', box, confidence: 95, kind: 'word', lineIndex: 0 }]);
      },
    };
  };
  const input = async (name: string) => {
    // 8-bit grey: one rendering per frame, so one OCR call per reading.
    const control = await makeSample(SAMPLE_SPECS.find((s) => s.name === 'sc_document_jpeg_ls')!, 'recheck', { text: false });
    const file = path.join(work, `${name}.dcm`);
    writeFileSync(file, writeDicom(control.dataset));
    return file;
  };

  it('releases a file whose pixels read clean after the evaluation filled what it found', async () => {
    const result = await evaluateFiles([await input('clean')], { out: path.join(work, 'out-clean'), reportDir: path.join(work, 'report-clean'), stateDir: path.join(work, 'state'), phiDetector: leakDetector, textDetector: readingAt([{ left: 20, top: 20, width: 40, height: 12 }, { left: 20, top: 20, width: 40, height: 12 }]) });
    const [entry] = result.files;
    expect(entry.file.failed).toBe(false);
    expect(entry.file.data.remainingPixelBoxes).toBe(1);
    // Read again with the new box masked: the word on it is the box's, nothing is left.
    expect(entry.file.data.verifiedPixelFindings).toEqual([]);
    expect(entry.output).toBeDefined();
  }, 60_000);

  it('fails, and does not release, a file whose pixels still read as PHI after the evaluation redacted them', async () => {
    const result = await evaluateFiles([await input('leaky')], { out: path.join(work, 'out-leaky'), reportDir: path.join(work, 'report-leaky'), stateDir: path.join(work, 'state'), phiDetector: leakDetector, textDetector: readingAt([{ left: 20, top: 20, width: 40, height: 12 }, { left: 200, top: 200, width: 40, height: 12 }]) });
    const [entry] = result.files;
    expect(entry.file.failed).toBe(true);
    expect(entry.file.messages.some((m) => m.ruleId === 'evaluate:pixel-leak-remains')).toBe(true);
    expect(entry.output).toBeUndefined();
  }, 60_000);
});
