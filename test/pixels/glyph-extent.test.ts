import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDicom, writeDicom } from '../../lib/dicom/adapter.js';
import { createLocalPhiDetector } from '../../lib/engines/local/phi.js';
import type { Box, DetectedText, DisplayImage, TextDetector } from '../../lib/engines/types.js';
import { gatherIdentity } from '../../lib/metadata/index.js';
import { findBurnedInPhi, redactBurnedIn } from '../../lib/pixels/burned-in.js';
import { glyphExtent, lineGap } from '../../lib/pixels/glyph-extent.js';
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

describe('glyphExtent: a box OCR made taller than its line stops short of the kept line beside it', () => {
  /** The padding the redaction adds around each box (redactPixelPhi's default). */
  const PAD = 3;
  const padded = (b: Box): Box => ({ left: b.left - PAD, top: b.top - PAD, width: b.width + 2 * PAD, height: b.height + 2 * PAD });
  const pixelsOf = (t: TruthToken, width: number) => maskPixels({ box: t.box, bits: t.mask }, width).map((p) => ({ left: p % width, top: Math.floor(p / width), width: 1, height: 1 }));

  it('covers every glyph of a 9 px value boxed into the harmless line above or below, and leaves that line whole', async () => {
    let pairs = 0;
    const uncovered: string[] = [];
    const touched: string[] = [];
    const touchedBefore: string[] = [];
    for (const seed of [3, 4, 9]) {
      for (const spec of SAMPLE_SPECS.filter((s) => (s.frames ?? 1) === 1)) {
        const sample = await makeSample(spec, seed, { font: { family: 'monospace', size: 9 } });
        const image = await render(writeDicom(sample.dataset));
        const { lines, phi } = sample.truth;
        const plain = [...sample.truth.harmless, ...sample.truth.other];
        for (const [i, line] of lines.entries()) {
          const a = line.box;
          // The next line up or down, across from this one and without PHI: a harmless line the kit keeps.
          for (const [j, next] of lines.entries()) {
            const b = next.box;
            const gap = b.top > a.top ? b.top - (a.top + a.height) : a.top - (b.top + b.height);
            if (j === i || gap < 0 || gap >= 8 || phi.some((t) => t.line === j) || b.left >= a.left + a.width || a.left >= b.left + b.width) continue;
            for (const word of phi.filter((t) => t.line === i)) {
              const w = word.box;
              const across = plain.filter((t) => t.line === j && t.box.left < w.left + w.width && w.left < t.box.left + t.box.width);
              if (across.length === 0) continue;
              // OCR boxed the word into the middle of the other line (a 9 px date boxed 15 px high and more).
              const middle = b.top + Math.ceil(b.height / 2);
              const tall = b.top > a.top ? { ...w, top: w.top - 1, height: middle - w.top + 1 } : { ...w, top: middle, height: w.top + w.height + 1 - middle };
              const label = `${spec.name}@${seed} ${word.text}`;
              const box = glyphExtent(image, tall, [], [b]);
              const out = pixelsOf(word, image.width).filter((p) => !contains(box, p));
              if (out.length > 0) uncovered.push(`${label}: ${out.length} glyph pixels outside ${JSON.stringify(box)}`);
              const reaches = (fill: Box) => across.some((t) => pixelsOf(t, image.width).some((p) => overlaps(padded(fill), p)));
              if (reaches(box)) touched.push(`${label} ${JSON.stringify(box)}`);
              // Without the kept line the box stays as tall as OCR made it.
              if (reaches(glyphExtent(image, tall))) touchedBefore.push(label);
              pairs++;
            }
          }
        }
      }
    }
    expect(pairs).toBeGreaterThan(5);
    expect(touchedBefore.length).toBe(pairs);
    expect(uncovered, 'PHI glyph pixels left uncovered').toEqual([]);
    expect(touched, 'fills reaching the kept line').toEqual([]);
  }, 60_000);

  it('keeps the harmless line under a 9 px date that OCR boxed down into it, through the whole search', async () => {
    for (const name of ['us_abdomen_jpeg_baseline', 'us_abdomen_rgb_explicit_le']) {
      const sample = await makeSample(SAMPLE_SPECS.find((s) => s.name === name)!, 4, { font: { family: 'monospace', size: 9 } });
      const { lines, phi } = sample.truth;
      // A date with a line without PHI right under it.
      const under = (t: TruthToken) => (l: { box: Box }, j: number) =>
        l.box.top > t.box.top && l.box.top - (t.box.top + t.box.height) < 8 && l.box.left < t.box.left + t.box.width && t.box.left < l.box.left + l.box.width && !phi.some((p) => p.line === j);
      const date = phi.find((t) => /^\d[\d/-]+\d$/.test(t.text) && lines.some(under(t)))!;
      const below = lines.findIndex(under(date));
      const time = [...sample.truth.harmless, ...sample.truth.other].filter((t) => t.line === below);
      expect(time.length, name).toBeGreaterThan(0);
      // OCR reads every line well, the date boxed down to the middle of the time below it.
      const texts: DetectedText[] = [];
      for (const [i, l] of lines.entries()) {
        const words = [...phi, ...sample.truth.harmless, ...sample.truth.other].filter((t) => t.line === i);
        texts.push({ text: words.map((w) => w.text).join(' '), confidence: 95, box: l.box, kind: 'line', lineIndex: i });
        for (const w of words) {
          const box = w === date ? { ...w.box, height: lines[below].box.top + 4 - w.box.top } : w.box;
          texts.push({ text: w.text, confidence: 95, box, kind: 'word', lineIndex: i });
        }
      }
      const textDetector: TextDetector = { name: 'truth', detect: () => Promise.resolve(texts) };
      const findings = await findBurnedInPhi(sample.dataset, { textDetector, phiDetector: createLocalPhiDetector(), identity: gatherIdentity(sample.dataset) });
      const boxes = findings.flatMap((f) => (f.box ? [f.box] : []));
      const image = await render(writeDicom(sample.dataset));
      expect(pixelsOf(date, image.width).filter((p) => !boxes.some((b) => contains(b, p))), `${name}: date pixels left`).toEqual([]);
      expect(boxes.filter((b) => time.some((t) => pixelsOf(t, image.width).some((p) => overlaps(padded(b), p)))), `${name}: fills reaching ${time.map((t) => t.text).join(' ')}`).toEqual([]);
      // The fill's padding stops a row short of the kept line below.
      const over = findings.filter((f) => f.box && overlaps(f.box, date.box));
      expect(over.every((f) => f.fillBounds !== undefined && (f.fillBounds.bottom ?? Infinity) < Math.min(...time.map((t) => t.box.top))), `${name}: fill rows`).toBe(true);
    }
  }, 60_000);

  it('fills every box whole, its padding no further than the rows and columns kept lines leave it', async () => {
    const sample = await makeSample(SAMPLE_SPECS.find((s) => s.name === 'ct_chest_explicit_le')!, 4);
    const box = { left: 200, top: 150, width: 60, height: 10 };
    const finding = { text: 'x', category: 'C' as const, score: 1, type: 'DATE', engine: 'local:pattern', frame: 0, box };
    const free = await redactBurnedIn(sample.dataset, [finding], { padding: 3 }, () => undefined);
    expect(free.filled?.get(0)).toEqual([{ left: 197, top: 147, width: 66, height: 16 }]);
    const again = await makeSample(SAMPLE_SPECS.find((s) => s.name === 'ct_chest_explicit_le')!, 4);
    // A kept line 2 rows below the box; rows asked past the box above are never cut into it.
    const beside = await redactBurnedIn(again.dataset, [{ ...finding, fillBounds: { top: 152, bottom: 161 } }], { padding: 3 }, () => undefined);
    expect(beside.filled?.get(0)).toEqual([{ left: 197, top: 150, width: 66, height: 11 }]);
    // Kept lines 2 columns after the box and just before it, on its line.
    const along = await makeSample(SAMPLE_SPECS.find((s) => s.name === 'ct_chest_explicit_le')!, 4);
    const columns = await redactBurnedIn(along.dataset, [{ ...finding, fillBounds: { left: 199, right: 262 } }], { padding: 3 }, () => undefined);
    expect(columns.filled?.get(0)).toEqual([{ left: 199, top: 147, width: 63, height: 16 }]);
  });
});

describe('findBurnedInPhi: an ID shape another reading reads as harmless annotation is that annotation misread', () => {
  /** Two readings of one place in a blank corner of the CT sample: `W/L 609/216` read as `WIL 6097216`, and read well (or not at all). */
  async function findingsAt(second: boolean, header?: string) {
    const sample = await makeSample(SAMPLE_SPECS.find((s) => s.name === 'ct_chest_explicit_le')!, 4);
    if (header) sample.dataset.dict['00100020'] = { vr: 'LO', Value: [header] };
    const place = { left: 200, top: 150, width: 70, height: 9 };
    const word = (text: string, left: number, width: number, confidence: number, lineIndex: number): DetectedText => ({ text, confidence, box: { left, top: 150, width, height: 9 }, kind: 'word', lineIndex });
    const texts: DetectedText[] = [{ text: 'WIL 6097216', confidence: 60, box: place, kind: 'line', lineIndex: 0 }, word('WIL', 200, 16, 55, 0), word('6097216', 220, 50, 62, 0)];
    if (second) texts.push({ text: 'W/L 609/216', confidence: 88, box: place, kind: 'line', lineIndex: 1 }, word('W/L', 200, 16, 85, 1), word('609/216', 220, 50, 90, 1));
    const textDetector: TextDetector = { name: 'two readings', detect: () => Promise.resolve(texts) };
    const findings = await findBurnedInPhi(sample.dataset, { textDetector, phiDetector: createLocalPhiDetector(), identity: gatherIdentity(sample.dataset) });
    return findings.filter((f) => f.box && overlaps(f.box, place));
  }

  it('fills the ID shape read alone, and not when another reading reads the place as a window value', async () => {
    expect((await findingsAt(false)).map((f) => `${f.engine}:${f.type}`)).toContain('local:pattern:ID');
    expect(await findingsAt(true)).toEqual([]);
  });

  it('still fills the patient ID of the header read there, whatever another reading makes of it', async () => {
    expect((await findingsAt(true, '6097216')).map((f) => f.engine)).toContain('local:header-value');
  });
});

describe('lineGap: the padding of a fill stops at the gap to the line above or below', () => {
  /** The padding the redaction adds around each box (redactPixelPhi's default), and how far the bound is looked for. */
  const PAD = 3;
  const REACH = 8;
  const pixelsOf = (t: TruthToken, width: number) => maskPixels({ box: t.box, bits: t.mask }, width).map((p) => ({ left: p % width, top: Math.floor(p / width), width: 1, height: 1 }));
  /** `box` padded by PAD, the rows no further than `gap` allows (as the redaction pads within its bounds). */
  const padWithin = (box: Box, gap?: { top?: number; bottom?: number }): Box => {
    const top = Math.max(box.top - PAD, Math.min(box.top, gap?.top ?? -Infinity));
    const bottom = Math.min(box.top + box.height + PAD, Math.max(box.top + box.height, gap?.bottom ?? Infinity));
    return { left: box.left - PAD, top, width: box.width + 2 * PAD, height: bottom - top };
  };

  it('covers every glyph of a PHI word and leaves the words of lines packed 1.1 font sizes above and below it untouched', async () => {
    let pairs = 0;
    const uncovered: string[] = [];
    const touched: string[] = [];
    const touchedBefore: string[] = [];
    for (const [family, size] of [['DejaVu Sans Condensed', 10], ['Liberation Mono', 13], ['DejaVu Serif', 16]] as const) {
      for (const seed of [1, 2, 3]) {
        // An identity panel whose lines stand 1.1 font sizes apart, the age on a line of its own under the name.
        const sample = await makeSample(SAMPLE_SPECS[0], `tight-${seed}`, {
          font: { family, size },
          blocks: (id) => [
            {
              at: 'top-left',
              ink: 'light',
              leading: 1.1,
              span: 0.6,
              lines: [
                [{ text: `${id.patient.family},`, role: 'phi', category: 'A' }, { text: id.patient.given, role: 'phi', category: 'A' }],
                [{ text: 'Age', role: 'harmless' }, { text: '55', role: 'harmless' }],
                [{ text: 'MRN', role: 'other' }, { text: id.mrn, role: 'phi', category: 'H' }],
                [{ text: 'Gain', role: 'harmless' }, { text: 'Tilt', role: 'harmless' }, { text: 'Sagittal', role: 'harmless' }],
              ],
            },
          ],
        });
        const image = await render(writeDicom(sample.dataset));
        const { phi } = sample.truth;
        const plain = [...sample.truth.harmless, ...sample.truth.other];
        for (const word of phi) {
          // The word's glyphs and their anti-aliased rim, as glyphExtent grows a box to.
          const box = { left: word.box.left - 1, top: word.box.top - 1, width: word.box.width + 2, height: word.box.height + 2 };
          const near = plain.filter((t) => t.line !== word.line && t.box.left < box.left + box.width + PAD && box.left - PAD < t.box.left + t.box.width);
          const label = `${family} ${size}px@${seed} ${word.text}`;
          const fill = padWithin(box, lineGap(image, box, REACH));
          const out = pixelsOf(word, image.width).filter((p) => !contains(fill, p));
          if (out.length > 0) uncovered.push(`${label}: ${out.length} glyph pixels outside ${JSON.stringify(fill)}`);
          const reaches = (f: Box) => near.some((t) => pixelsOf(t, image.width).some((p) => overlaps(f, p)));
          if (reaches(padWithin(box))) {
            touchedBefore.push(label);
            if (reaches(fill)) touched.push(`${label} ${JSON.stringify(fill)}`);
          }
          pairs++;
        }
      }
    }
    expect(pairs).toBeGreaterThan(20);
    // The plain padding reaches the lines beside in these packed panels: the bound is what keeps them whole.
    expect(touchedBefore.length).toBeGreaterThan(3);
    expect(uncovered, 'PHI glyph pixels left uncovered').toEqual([]);
    expect(touched, 'fills reaching another line').toEqual([]);
  }, 60_000);
});
