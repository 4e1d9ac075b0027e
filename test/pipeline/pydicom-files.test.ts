/**
 * `deid run` over pydicom's public test files, which the kit was never tuned on: every file that
 * dcmtk reads (`dcmdump` exits 0) goes through header mode; a subset of small images, one per kind
 * of pixel encoding, goes through pixel mode too. At least 97% of the files the kit is meant to
 * release must come out de-identified (DICOMDIRs are skipped, and objects whose content the kit
 * cannot inspect are refused on purpose: both are counted and printed); the rest must fail with a
 * reason in words that names no path or value.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDicom } from '../../lib/dicom/adapter.js';
import { guardUninspectableContent } from '../../lib/metadata/uninspectable.js';
import { locatePixelElement } from '../../lib/dicom/pixel-element.js';
import { isImplicitVR } from '../../lib/dicom/transfer-syntaxes.js';
import type { ManifestEntry } from '../../lib/pipeline/manifest.js';
import { deidentifyFiles } from '../../lib/pipeline/deidentify-files.js';
import { readPixelModule } from '../../lib/pixels/module.js';
import { projectRoot } from '../support/paths.js';
import { pydicomFiles, readableByDcmtk } from '../support/pydicom-files.js';
import { run } from '../support/tools.js';
import { tempDir } from '../support/temp-dir.js';

const rulesPath = path.join(projectRoot, 'configs/de-id/de_id_rules_auto.yaml');
const work = tempDir('pydicom-files-');

/** Share of the readable files (DICOMDIRs aside) that must be de-identified. */
const REQUIRED_OK = 0.97;

interface Tally {
  readable: number;
  ok: ManifestEntry[];
  failed: ManifestEntry[];
  skipped: ManifestEntry[];
  /**
   * Failed files that the content rules refuse on purpose (issue 9: objects whose content the kit
   * cannot inspect, such as waveforms, or of unknown kind): the kit reads them, and will not release them.
   */
  refused: ManifestEntry[];
}

function tally(entries: ManifestEntry[]): Tally {
  const failed = entries.filter((e) => e.status === 'error');
  return {
    readable: entries.length,
    ok: entries.filter((e) => e.status === 'ok'),
    failed,
    skipped: entries.filter((e) => e.status === 'skipped'),
    refused: failed.filter((e) => refusedByContentRules(e.input)),
  };
}

/** Whether the kit reads the file and its content rules refuse it (see lib/metadata/uninspectable.ts). */
function refusedByContentRules(file: string): boolean {
  try {
    return guardUninspectableContent(readDicom(readFileSync(file), 'refused?')).failReason !== undefined;
  } catch {
    return false;
  }
}

/** Share of the readable files de-identified, DICOMDIRs and files refused on purpose left out. */
const okRate = (t: Tally) => t.ok.length / (t.readable - t.skipped.length - t.refused.length);

function report(label: string, t: Tally, files: number): void {
  const lines = [
    `pydicom test files, ${label}: ${files} files, ${t.readable} readable by dcmtk, ${t.ok.length} de-identified, ${t.failed.length} failed (${t.refused.length} of them refused on purpose as content the kit cannot inspect), ${t.skipped.length} skipped (DICOMDIR)`,
    `  ${(okRate(t) * 100).toFixed(1)}% ok of the readable files the kit is meant to release; ${((t.ok.length / (t.readable - t.skipped.length)) * 100).toFixed(1)}% of all readable non-DICOMDIR files`,
    ...t.failed.map((e) => `  ${t.refused.includes(e) ? 'refused' : 'failed'} ${path.basename(e.input)}: ${e.error}`),
  ];
  console.log(lines.join('\n'));
}

/** A reason a person can act on: words, no JavaScript internals, no path, no file name. */
function expectClearReason(entry: ManifestEntry): void {
  const reason = entry.error ?? '';
  expect(reason, path.basename(entry.input)).toMatch(/[a-z]{3,} [a-z]{2,} [a-z]{2,}/i);
  expect(reason).not.toMatch(/Cannot read properties|is not a function|\bundefined\b(?! length)|NaN|\bat \S+ \(|Error:/);
  expect(reason).not.toContain(path.dirname(entry.input));
  expect(reason).not.toContain(path.basename(entry.input));
}

const files = pydicomFiles();
let readable: string[];

describe('pydicom test files through deid run', () => {
  let header: Tally;
  let pixels: Tally;
  let subset: string[];
  beforeAll(async () => {
    readable = await readableByDcmtk(files);
    const headerRun = await deidentifyFiles(readable, { out: path.join(work, 'out-header'), stateDir: path.join(work, 'state-header'), rulesPath, pixels: false });
    header = tally(headerRun.entries);
    report('header mode (--no-pixels)', header, files.length);
    // Pixel mode decodes, renders and reads text: a subset of the files header mode passed.
    subset = smallImagesPerEncoding(header.ok.map((e) => e.input));
    const pixelRun = await deidentifyFiles(subset, { out: path.join(work, 'out-pixels'), stateDir: path.join(work, 'state-pixels'), rulesPath, pixels: true });
    pixels = tally(pixelRun.entries);
    report('pixel mode, small images', pixels, subset.length);
  }, 600_000);

  it('finds the package and most of its files readable by dcmtk', () => {
    expect(files.length).toBeGreaterThan(150);
    expect(readable.length).toBeGreaterThan(150);
  });

  it(`de-identifies at least ${REQUIRED_OK * 100}% of the readable files in header mode`, () => {
    expect(okRate(header)).toBeGreaterThanOrEqual(REQUIRED_OK);
    // Refusals on purpose stay few, so they cannot hide failures of the reader.
    expect(header.refused.length).toBeLessThanOrEqual(5);
  });

  it('parses every file dcmtk reads but one or two (whatever the later steps decide)', () => {
    const unparsed = readable.filter((file) => {
      try {
        readDicom(readFileSync(file), 'parse');
        return false;
      } catch {
        return true;
      }
    });
    console.log(`pydicom test files the reader cannot parse: ${unparsed.length} of ${readable.length}${unparsed.map((f) => ` ${path.basename(f)}`).join(',')}`);
    expect(unparsed.length).toBeLessThanOrEqual(readable.length * 0.01);
  });

  it('fails every other file with a reason in words, and skips only DICOMDIRs', () => {
    for (const entry of header.failed) expectClearReason(entry);
    for (const entry of header.skipped) expect(entry.error).toMatch(/DICOMDIR/);
  });

  it('reads the files that needed the new reader paths', () => {
    const ok = new Set(header.ok.map((e) => path.basename(e.input)));
    // UN sequences, private sequences, one-bit pixels, ISO 2022 sets, big endian without meta, meta without group length…
    // … and files without a SOP Class UID (generic instances, with a warning).
    for (const name of ['UN_sequence.dcm', 'meta_missing_tsyntax.dcm', 'nested_priv_SQ.dcm', 'rtdose_rle.dcm', 'liver_1frame.dcm', 'liver_expb_1frame.dcm', 'chrH31.dcm', 'chrH32.dcm', 'chrI2.dcm', 'chrJapMulti.dcm', 'chrKoreanMulti.dcm', 'chrSQEncoding.dcm', 'ExplVR_BigEndNoMeta.dcm', 'no_meta_group_length.dcm', 'J2K_pixelrep_mismatch.dcm']) {
      expect(ok, name).toContain(name);
    }
  });

  it('writes outputs that the kit reads back, and dcmtk too (a sample)', () => {
    header.ok.forEach((entry, index) => {
      const file = path.join(work, 'out-header', entry.output!);
      expect(() => readDicom(readFileSync(file), 'output')).not.toThrow();
      if (index % 8 === 0) expect(run('dcmdump', ['-q', file]).status, path.basename(entry.input)).toBe(0);
    });
  });

  it('checks the pixels of every image header mode passed, one per pixel encoding, or fails it with a reason', () => {
    expect(subset.length).toBeGreaterThanOrEqual(10);
    expect(pixels.ok.every((e) => e.pixelsChecked)).toBe(true);
    expect(okRate(pixels)).toBeGreaterThanOrEqual(REQUIRED_OK);
    for (const entry of pixels.failed) expectClearReason(entry);
  });

  it('passes one-bit pixel data through byte for byte when nothing is redacted', () => {
    const entry = pixels.ok.find((e) => path.basename(e.input) === 'liver_1frame.dcm');
    expect(entry, 'liver_1frame.dcm').toBeDefined();
    expect(entry!.pixelBoxes).toBe(0);
    const element = (file: string) => {
      const bytes = readFileSync(file);
      const ts = readDicom(bytes, 'x').transferSyntaxUID;
      const metaEnd = 132 + 12 + bytes.readUInt32LE(140);
      const body = bytes.subarray(metaEnd);
      const at = locatePixelElement(body, isImplicitVR(ts))!;
      return body.subarray(at.start, at.end);
    };
    expect(Buffer.from(element(path.join(work, 'out-pixels', entry!.output!))).equals(Buffer.from(element(entry!.input)))).toBe(true);
  });
});

/**
 * The smallest image of each pixel encoding (transfer syntax, bits allocated, samples per pixel),
 * up to 128 x 128 pixels over all frames, plus the one-bit segmentation.
 */
function smallImagesPerEncoding(candidates: string[]): string[] {
  const best = new Map<string, { file: string; pixels: number }>();
  for (const file of candidates) {
    try {
      const dataset = readDicom(readFileSync(file), 'candidate');
      if (!dataset.dict['7FE00010']) continue;
      const m = readPixelModule(dataset);
      const pixels = m.rows * m.columns * m.numberOfFrames;
      const key = `${dataset.transferSyntaxUID} ${m.bitsAllocated} ${m.samplesPerPixel}`;
      if (pixels <= 128 * 128 && (!best.has(key) || best.get(key)!.pixels > pixels)) best.set(key, { file, pixels });
    } catch {
      // Files the kit refuses are counted by the header-mode run.
    }
  }
  const chosen = [...best.values()].map((b) => b.file);
  const segmentation = candidates.find((f) => path.basename(f) === 'liver_1frame.dcm');
  return [...new Set([...chosen, ...(segmentation ? [segmentation] : [])])].sort();
}
