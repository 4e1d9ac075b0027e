/**
 * Pixel evaluation on a synthetic CT with a fake identity burned in (lib/samples): after
 * lib/steps/pixels redacted it, the evaluation finds no PHI left; on the unredacted image it finds
 * the name with a box, and redactRemaining fills it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cloneDataset, writeDicom } from '../../lib/dicom/adapter.js';
import { createLocalPhiDetector, createLocalTextDetector } from '../../lib/engines/index.js';
import type { Box } from '../../lib/engines/types.js';
import { evaluatePixels, redactRemaining } from '../../lib/steps/index.js';
import { DicomFile } from '../../lib/file.js';
import { gatherIdentity } from '../../lib/metadata/index.js';
import { processFile } from '../../lib/pipeline/process-file.js';
import { makeSample, SAMPLE_SPECS } from '../../lib/samples/index.js';
import { parseDicom } from '../../lib/steps/parse.js';
import { cleanPixels } from '../../lib/steps/pixels.js';

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
