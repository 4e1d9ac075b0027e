import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDicom, writeDicom } from '../../lib/dicom/adapter.js';
import type { Box, DisplayImage } from '../../lib/engines/types.js';
import { glyphExtent } from '../../lib/pixels/glyph-extent.js';
import { decodeFrames } from '../../lib/pixels/index.js';
import { makeSample, maskPixels, SAMPLE_SPECS, type SampleTruth, type TruthToken } from '../../lib/samples/index.js';
import { frameRenderings } from '../../lib/steps/pixels.js';
import { root } from './helpers.js';

async function render(bytes: Uint8Array): Promise<DisplayImage> {
  const { module, frames } = await decodeFrames(readDicom(bytes, 'sample'));
  return frameRenderings(module, frames[0])[0];
}

const contains = (outer: Box, inner: Box) =>
  outer.left <= inner.left && outer.top <= inner.top && outer.left + outer.width >= inner.left + inner.width && outer.top + outer.height >= inner.top + inner.height;
const overlaps = (a: Box, b: Box) => a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

/** The left part of a word's box, as OCR boxes a word it read short (`A81998` of `A81998973`). */
const cutShort = (box: Box, share: number): Box => ({ ...box, width: Math.max(2, Math.round(box.width * share)) });

describe('glyphExtent: the redaction box covers the whole word from its glyphs', () => {
  it("covers the CR sample's accession number from a box OCR read short, without taking its label", async () => {
    const file = path.join(root, 'images/med_phi_img/cr_chest_rle.dcm');
    const truth = (JSON.parse(readFileSync(path.join(root, 'images/med_phi_img/truth.json'), 'utf8')) as { samples: Array<SampleTruth & { file: string }> }).samples.find((s) => s.file === 'cr_chest_rle.dcm')!;
    const accession = truth.phi.find((t) => t.category === 'R')!;
    const label = truth.other.find((t) => t.line === accession.line)!;
    const image = await render(new Uint8Array(readFileSync(file)));
    // OCR read the label as a word of its own, and the number short (`Acc# A81998`).
    const grown = glyphExtent(image, cutShort(accession.box, 0.67), [label.box]);
    expect(contains(grown, accession.box), JSON.stringify({ grown, word: accession.box })).toBe(true);
    expect(overlaps(grown, label.box)).toBe(false);
  });

  it('grows every cut word of the samples to its end and into no other word, over fonts, sizes and inks', async () => {
    let words = 0;
    const short: string[] = [];
    const into: string[] = [];
    for (const seed of [3, 9]) {
      for (const spec of SAMPLE_SPECS.filter((s) => (s.frames ?? 1) === 1)) {
        const sample = await makeSample(spec, seed);
        const image = await render(writeDicom(sample.dataset));
        const tokens: TruthToken[] = [...sample.truth.phi, ...sample.truth.harmless, ...sample.truth.other];
        for (const word of sample.truth.phi.filter((t) => t.text.replace(/\W/g, '').length >= 4)) {
          const others = tokens.filter((t) => t !== word && t.line === word.line);
          // OCR read the neighbours as words of their own, and this one short.
          const grown = glyphExtent(image, cutShort(word.box, 0.6), others.map((o) => o.box));
          const label = `${spec.name}@${seed} ${word.text}`;
          const outside = maskPixels({ box: word.box, bits: word.mask }, image.width).filter((p) => !contains(grown, { left: p % image.width, top: Math.floor(p / image.width), width: 1, height: 1 }));
          if (outside.length > 0) short.push(`${label}: ${outside.length} glyph pixels outside ${JSON.stringify(grown)} (word ${JSON.stringify(word.box)})`);
          for (const o of others) if (overlaps(grown, o.box)) into.push(`${label} grew into ${o.text}`);
          words++;
        }
      }
    }
    expect(words).toBeGreaterThan(40);
    expect(short, 'words left partly uncovered').toEqual([]);
    expect(into, 'boxes grown into another word').toEqual([]);
  }, 60_000);
});
