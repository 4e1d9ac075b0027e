import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readDicom, writeDicom } from '../../lib/dicom/adapter.js';
import { getString } from '../../lib/dicom/elements.js';
import { decodeFrames } from '../../lib/pixels/decode.js';
import { syntaxInfo } from '../../lib/dicom/transfer-syntaxes.js';
import { makeSample, SAMPLE_SPECS, toDicomName, unpackMask, type Sample } from '../../lib/samples/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = mkdtempSync(join(tmpdir(), 'samples-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SEED = 11;
const cache = new Map<string, Promise<Sample>>();
const sample = (name: string, seed = SEED): Promise<Sample> => {
  const key = `${name}:${seed}`;
  if (!cache.has(key)) cache.set(key, makeSample(SAMPLE_SPECS.find((s) => s.name === name)!, seed));
  return cache.get(key)!;
};

describe('sample generator', () => {
  it('gives the same file and truth for the same seed, and another identity for another seed', async () => {
    const spec = SAMPLE_SPECS.find((s) => s.modality === 'MR')!;
    const a = await makeSample(spec, 'repeat');
    const b = await makeSample(spec, 'repeat');
    expect(Buffer.from(writeDicom(a.dataset)).equals(Buffer.from(writeDicom(b.dataset)))).toBe(true);
    expect(b.truth).toEqual(a.truth);
    const c = await makeSample(spec, 'other');
    expect(toDicomName(c.identity.patient) === toDicomName(a.identity.patient) && c.identity.mrn === a.identity.mrn).toBe(false);
  });

  it('never names files after the patient', async () => {
    for (const spec of SAMPLE_SPECS) {
      const { identity } = await sample(spec.name);
      expect(spec.name.toUpperCase()).not.toContain(identity.patient.family);
      expect(spec.name).toMatch(/^[a-z0-9_]+$/);
    }
  });
});

describe.each(SAMPLE_SPECS.map((s) => [s.name, s] as const))('sample %s', (name, spec) => {
  it('reads back with readDicom in its transfer syntax, with the fake identity in the header', async () => {
    const s = await sample(name);
    const bytes = writeDicom(s.dataset);
    const back = readDicom(bytes, name);
    expect(back.transferSyntaxUID).toBe(spec.transferSyntaxUID);
    expect(getString(back.dict, 'PatientName')).toBe(toDicomName(s.identity.patient));
    expect(getString(back.dict, 'PatientID')).toBe(s.identity.mrn);
    expect(getString(back.dict, 'StudyDescription')).toContain(s.identity.patient.family);
    expect(getString(back.dict, 'BurnedInAnnotation')).toBe('YES');
    // The burned-in identity is the header's identity.
    const burned = s.truth.phi.flatMap((t) => t.text.toUpperCase().split(/[,^\s]+/));
    expect(burned).toContain(s.identity.patient.family);
    expect(burned.some((t) => t === s.identity.mrn || t.includes(s.identity.studyDate.slice(0, 4)))).toBe(true);
  });

  it('is accepted by dcmdump', async () => {
    const path = join(tmp, `${name}.dcm`);
    writeFileSync(path, writeDicom((await sample(name)).dataset));
    const out = execFileSync('dcmdump', ['-q', path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
    expect(out).toContain('(7fe0,0010)');
    expect(out).not.toMatch(/^E: /m);
  });

  it('decodes to the pixels it was made from', async () => {
    const s = await sample(name);
    const decoded = await decodeFrames(readDicom(writeDicom(s.dataset), name));
    expect(decoded.frames).toHaveLength(spec.frames ?? 1);
    expect(decoded.module.columns).toBe(spec.width);
    const lossy = syntaxInfo(spec.transferSyntaxUID)!.lossy;
    decoded.frames.forEach((frame, f) => {
      const made = s.frames[f];
      if (!lossy) {
        expect(Array.from(frame)).toEqual(Array.from(made));
        return;
      }
      let sum = 0;
      for (let i = 0; i < made.length; i++) sum += Math.abs(frame[i] - made[i]);
      expect(sum / made.length).toBeLessThan(8);
    });
  });

  it('has truth boxes inside the image that cover every pixel the text changed', async () => {
    const s = await sample(name);
    const clean = await makeSample(spec, SEED, { text: false });
    const { width, height, samplesPerPixel: spp } = s.truth;
    const tokens = [...s.truth.phi, ...s.truth.harmless, ...s.truth.other];
    expect(s.truth.phi.length).toBeGreaterThan(3);
    expect(s.truth.harmless.length).toBeGreaterThan(1);
    expect(clean.truth.phi).toHaveLength(0);
    for (const t of tokens) {
      expect(t.box.left).toBeGreaterThan(0);
      expect(t.box.top).toBeGreaterThan(0);
      expect(t.box.left + t.box.width).toBeLessThan(width);
      expect(t.box.top + t.box.height).toBeLessThan(height);
    }
    // Label patches are part of the picture: they sit within 3 px of their line.
    const covered = new Uint8Array(width * height);
    const mark = (b: { left: number; top: number; width: number; height: number }, pad: number): void => {
      for (let y = b.top - pad; y < b.top + b.height + pad; y++) for (let x = b.left - pad; x < b.left + b.width + pad; x++) covered[y * width + x] = 1;
    };
    for (const t of tokens) mark(t.box, 0);
    for (const line of s.truth.lines) mark(line.box, 3);
    for (let f = 0; f < s.frames.length; f++) {
      let stray = 0;
      for (let p = 0; p < width * height; p++) {
        let differs = false;
        for (let c = 0; c < spp; c++) if (s.frames[f][p * spp + c] !== clean.frames[f][p * spp + c]) differs = true;
        if (differs && !covered[p]) stray++;
      }
      expect(stray, `frame ${f}: pixels changed by the text outside every truth box`).toBe(0);
    }
    // Every glyph pixel is really text: its value differs clearly from the text-free image.
    for (const t of tokens) {
      const bits = unpackMask({ box: t.box, bits: t.mask });
      const glyphs = bits.reduce((n, b) => n + b, 0);
      expect(glyphs, `${t.text} has glyph pixels`).toBeGreaterThan(3);
      const f = t.frame === 'all' ? 0 : t.frame;
      let changed = 0;
      for (let y = 0; y < t.box.height; y++) {
        for (let x = 0; x < t.box.width; x++) {
          if (!bits[y * t.box.width + x]) continue;
          const p = (t.box.top + y) * width + t.box.left + x;
          if (s.frames[f][p * spp] !== clean.frames[f][p * spp] || s.frames[f][p * spp + spp - 1] !== clean.frames[f][p * spp + spp - 1]) changed++;
        }
      }
      expect(changed / glyphs, `${t.text}: glyph pixels that differ from the text-free image`).toBeGreaterThan(0.9);
    }
  });
});

describe('turned blocks', () => {
  it('draws a block turned up along the left edge and one turned down along the right, each word tall and where its glyphs are', async () => {
    const spec = SAMPLE_SPECS.find((x) => x.name === 'cr_chest_rle')!;
    const word = (text: string, role: 'phi' | 'harmless') => ({ text, role, ...(role === 'phi' ? { category: 'A' as const } : {}) });
    const s = await makeSample(spec, SEED, {
      blocks: () => [
        { at: 'left-middle', turn: 'up', ink: 'light', sizes: [14, 14], span: 0.6, lines: [[word('WHITCOMBE', 'phi'), word('ADELINE', 'phi')]] },
        { at: 'right-middle', turn: 'down', ink: 'light', sizes: [14, 14], span: 0.6, lines: [[word('LMLO', 'harmless')]] },
      ],
    });
    const clean = await makeSample(spec, SEED, { text: false });
    const { width, samplesPerPixel: spp } = s.truth;
    const [surname, given] = s.truth.phi;
    const [view] = s.truth.harmless;
    for (const t of [surname, given, view]) expect(t.box.height, `${t.text} runs along the edge`).toBeGreaterThan(2 * t.box.width);
    expect(surname.box.left + surname.box.width).toBeLessThan(width / 8);
    expect(view.box.left).toBeGreaterThan((width * 7) / 8);
    // Up the frame: the first word lies below the second. Down: a word reads from its top.
    expect(surname.box.top).toBeGreaterThan(given.box.top + given.box.height - 1);
    // Every glyph pixel of the truth is text in the frame.
    for (const t of [surname, given, view]) {
      const bits = unpackMask({ box: t.box, bits: t.mask });
      let changed = 0;
      let glyphs = 0;
      for (let y = 0; y < t.box.height; y++) {
        for (let x = 0; x < t.box.width; x++) {
          if (!bits[y * t.box.width + x]) continue;
          glyphs++;
          const p = ((t.box.top + y) * width + t.box.left + x) * spp;
          if (s.frames[0][p] !== clean.frames[0][p]) changed++;
        }
      }
      expect(glyphs).toBeGreaterThan(20);
      expect(changed / glyphs, `${t.text}: glyph pixels that differ from the text-free image`).toBeGreaterThan(0.9);
    }
  });
});

describe('the multi-frame sample', () => {
  it('burns the name into every frame and repeats some frames exactly', async () => {
    const spec = SAMPLE_SPECS.find((s) => (s.frames ?? 1) > 1)!;
    const s = await sample(spec.name);
    const name = s.truth.phi.filter((t) => t.category === 'A');
    expect(name.length).toBeGreaterThan(0);
    expect(name.every((t) => t.frame === 'all')).toBe(true);
    const same = s.frames.slice(1).some((f, i) => Buffer.from(f.buffer).equals(Buffer.from(s.frames[i].buffer)));
    expect(same).toBe(true);
    expect(s.truth.harmless.some((t) => typeof t.frame === 'number')).toBe(true);
  });
});

describe('committed samples in images/med_phi_img', () => {
  it('have a truth.json whose identities match the files', () => {
    const truth = JSON.parse(readFileSync(join(root, 'images/med_phi_img/truth.json'), 'utf8')) as { samples: Array<{ file: string; phi: Array<{ text: string; category: string }> }> };
    expect(truth.samples.map((s) => s.file).sort()).toEqual(SAMPLE_SPECS.map((s) => `${s.name}.dcm`).sort());
    for (const entry of truth.samples) {
      const ds = readDicom(readFileSync(join(root, 'images/med_phi_img', entry.file)), entry.file);
      const family = getString(ds.dict, 'PatientName')!.split('^')[0];
      expect(entry.phi.some((t) => t.category === 'A' && t.text.toUpperCase().split(/[,^\s]+/).includes(family))).toBe(true);
    }
  });
});
