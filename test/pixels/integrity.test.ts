/**
 * Pixel data is checked against what the header declares, before and after decoding: a file whose
 * pixel data holds more, less or other than its header says fails with a reason in words, in pixel
 * mode and in header mode (`--no-pixels`), and nothing is written for it. Each hostile file carries
 * the PHI fixture's fake identity, so releasing it would leak PHI.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDicom } from '../../lib/dicom/adapter.js';
import { deidentifyFiles, type RunResult } from '../../lib/pipeline/deidentify-files.js';
import { TS } from '../../lib/dicom/transfer-syntaxes.js';
import {
  concat,
  declare,
  encodedFrame,
  fixtureWithPixels,
  greyModule,
  withEncapsulatedPixels,
  withJpegSize,
  withNativePixels,
} from '../support/hostile-pixels.js';
import { projectRoot } from '../support/paths.js';
import { tempDir } from '../support/temp-dir.js';

const rulesPath = path.join(projectRoot, 'configs/de-id/de_id_rules_auto.yaml');
const work = tempDir('pixel-integrity-');

interface Case {
  name: string;
  bytes: () => Promise<Uint8Array>;
  /** What the reason must say. */
  reason: RegExp;
  /**
   * Only pixel mode decodes frames, so only it can see this; header mode (`--no-pixels`) passes the
   * pixels through unread and the output says so (not pixel-checked).
   */
  decodedOnly?: boolean;
}

const g64 = greyModule(64, 64);
const frames = (n: number) => ({ vr: 'IS', value: n });
const size = (rows: number, columns: number) => ({ '00280010': { vr: 'US', value: rows }, '00280011': { vr: 'US', value: columns } });

/** Hostile files: each must fail. */
const hostile: Case[] = [
  {
    name: 'native Pixel Data twice as long as Rows x Columns',
    bytes: async () => withNativePixels(await fixtureWithPixels(g64, 1, TS.ExplicitVRLittleEndian), new Uint8Array(64 * 64 * 2).fill(7)),
    reason: /Pixel Data holds 8192 bytes.*declares 4096/,
  },
  {
    name: 'Number of Frames 1 with two frames of 16-bit native data',
    bytes: async () => {
      const m = greyModule(32, 32, { bitsAllocated: 16, bitsStored: 12, highBit: 11 });
      const two = await fixtureWithPixels(m, 2, TS.ExplicitVRLittleEndian);
      const data = new Uint8Array(two.dict['7FE00010']!.Value![0] as ArrayBuffer);
      return withNativePixels(declare(two, { '00280008': frames(1) }), data, 'OW');
    },
    reason: /Pixel Data holds 4096 bytes.*declares 2048/,
  },
  {
    name: 'native Pixel Data shorter than declared',
    bytes: async () => withNativePixels(await fixtureWithPixels(g64, 1, TS.ExplicitVRLittleEndian), new Uint8Array(4000)),
    reason: /Pixel Data holds 4000 bytes.*declares 4096/,
  },
  {
    name: 'one-bit Pixel Data longer than declared',
    bytes: async () => {
      const dataset = await fixtureWithPixels(g64, 1, TS.ExplicitVRLittleEndian);
      declare(dataset, { '00280100': { vr: 'US', value: 1 }, '00280101': { vr: 'US', value: 1 }, '00280102': { vr: 'US', value: 0 } });
      return withNativePixels(dataset, new Uint8Array(64 * 64).fill(0x55));
    },
    reason: /Pixel Data holds 4096 bytes.*declares 512/,
  },
  {
    name: 'a JPEG whose frame header says 256x256 in a file that declares 512x512',
    bytes: async () => withEncapsulatedPixels(declare(await fixtureWithPixels(greyModule(512, 512), 1, TS.JPEGBaseline), size(512, 512)), { fragments: [await encodedFrame(greyModule(256, 256), TS.JPEGBaseline)] }),
    reason: /codestream of frame 0 is 256 x 256.*declares 512 x 512/,
  },
  {
    name: 'a JPEG whose frame header says 512x512 in a file that declares 256x256',
    bytes: async () => withEncapsulatedPixels(declare(await fixtureWithPixels(greyModule(256, 256), 1, TS.JPEGBaseline), size(256, 256)), { fragments: [await encodedFrame(greyModule(512, 512), TS.JPEGBaseline)] }),
    reason: /codestream of frame 0 is 512 x 512.*declares 256 x 256/,
  },
  {
    name: 'a JPEG whose frame header was rewritten to the declared size while its data is larger',
    bytes: async () => {
      const jpeg = withJpegSize(await encodedFrame(greyModule(128, 128), TS.JPEGBaseline), 64, 64);
      return withEncapsulatedPixels(await fixtureWithPixels(g64, 1, TS.JPEGBaseline), { fragments: [jpeg] });
    },
    reason: /decoder reported damaged data: Corrupt JPEG data: \d+ extraneous bytes/,
    decodedOnly: true,
  },
  {
    name: 'two complete JPEGs in one frame (two fragments)',
    bytes: async () => withEncapsulatedPixels(await fixtureWithPixels(g64, 1, TS.JPEGBaseline), { fragments: [await encodedFrame(g64, TS.JPEGBaseline, 1), await encodedFrame(g64, TS.JPEGBaseline, 2)] }),
    reason: /frame 0 holds .*after the end of its codestream/,
  },
  {
    name: 'two complete JPEGs in one fragment',
    bytes: async () => withEncapsulatedPixels(await fixtureWithPixels(g64, 1, TS.JPEGBaseline), { fragments: [concat([await encodedFrame(g64, TS.JPEGBaseline, 1), await encodedFrame(g64, TS.JPEGBaseline, 2)])] }),
    reason: /frame 0 holds .*after the end of its codestream/,
  },
  {
    name: 'a JPEG cut off halfway',
    bytes: async () => {
      const jpeg = await encodedFrame(greyModule(128, 128), TS.JPEGBaseline);
      return withEncapsulatedPixels(await fixtureWithPixels(greyModule(128, 128), 1, TS.JPEGBaseline), { fragments: [jpeg.subarray(0, jpeg.byteLength >> 1)] });
    },
    reason: /frame 0.*(truncated|cut short|no end)/,
  },
  {
    name: 'a JPEG 2000 codestream cut off halfway',
    bytes: async () => {
      const j2k = await encodedFrame(g64, TS.JPEG2000Lossless);
      return withEncapsulatedPixels(await fixtureWithPixels(g64, 1, TS.JPEG2000Lossless), { fragments: [j2k.subarray(0, j2k.byteLength >> 1)] });
    },
    reason: /frame 0.*(truncated|cut short|no end)/,
  },
  {
    name: 'a JPEG-LS codestream cut off halfway',
    bytes: async () => {
      const jls = await encodedFrame(g64, TS.JPEGLSLossless);
      return withEncapsulatedPixels(await fixtureWithPixels(g64, 1, TS.JPEGLSLossless), { fragments: [jls.subarray(0, jls.byteLength >> 1)] });
    },
    reason: /frame 0.*(truncated|cut short|no end)/,
  },
  {
    name: 'an RLE frame cut off halfway',
    bytes: async () => {
      const rle = await encodedFrame(g64, TS.RLELossless);
      return withEncapsulatedPixels(await fixtureWithPixels(g64, 1, TS.RLELossless), { fragments: [rle.subarray(0, rle.byteLength >> 1)] });
    },
    reason: /RLE segment 0 of frame 0 decodes to \d+ bytes but Rows x Columns is 4096/,
  },
  {
    name: 'RLE segments of a 32x32 image in a file that declares 64x64',
    bytes: async () => withEncapsulatedPixels(await fixtureWithPixels(g64, 1, TS.RLELossless), { fragments: [await encodedFrame(greyModule(32, 32), TS.RLELossless)] }),
    reason: /RLE segment 0 of frame 0 decodes to 1024 bytes but Rows x Columns is 4096/,
  },
  {
    name: 'three complete JPEG fragments for Number of Frames 2',
    bytes: async () => {
      const dataset = declare(await fixtureWithPixels(g64, 2, TS.JPEGBaseline), { '00280008': frames(2) });
      return withEncapsulatedPixels(dataset, { fragments: await Promise.all([0, 1, 2].map((i) => encodedFrame(g64, TS.JPEGBaseline, i))) });
    },
    reason: /3 fragments .*for 2 frames/,
  },
  {
    name: 'one fragment for Number of Frames 2',
    bytes: async () => withEncapsulatedPixels(declare(await fixtureWithPixels(g64, 2, TS.RLELossless), { '00280008': frames(2) }), { fragments: [await encodedFrame(g64, TS.RLELossless)] }),
    reason: /1 fragment for 2 frames/,
  },
  {
    name: 'a Basic Offset Table with three entries for two frames',
    bytes: async () => {
      const fragments = [await encodedFrame(g64, TS.RLELossless, 1), await encodedFrame(g64, TS.RLELossless, 2)];
      const dataset = declare(await fixtureWithPixels(g64, 2, TS.RLELossless), { '00280008': frames(2) });
      return withEncapsulatedPixels(dataset, { fragments, offsets: [0, fragments[0].byteLength + 8, fragments[0].byteLength + 8] });
    },
    reason: /Basic Offset Table has 3 entries.*2 frames/,
  },
  {
    name: 'a Basic Offset Table pointing inside a fragment',
    bytes: async () => {
      const fragments = [await encodedFrame(g64, TS.RLELossless, 1), await encodedFrame(g64, TS.RLELossless, 2)];
      const dataset = declare(await fixtureWithPixels(g64, 2, TS.RLELossless), { '00280008': frames(2) });
      return withEncapsulatedPixels(dataset, { fragments, offsets: [0, 24] });
    },
    reason: /Basic Offset Table.*does not point at a fragment/,
  },
  {
    name: 'Number of Frames 2,000,000,000 over one frame of data',
    bytes: async () => writeDicom(declare(await fixtureWithPixels(g64, 1, TS.ExplicitVRLittleEndian), { '00280008': frames(2_000_000_000) })),
    reason: /Pixel Data holds 4096 bytes but the header declares 8192000000000 .*Number of Frames 2000000000/,
  },
  {
    name: 'Number of Frames 2,000,000,000 over encapsulated data',
    bytes: async () => writeDicom(declare(await fixtureWithPixels(g64, 1, TS.RLELossless), { '00280008': frames(2_000_000_000) })),
    reason: /Basic Offset Table has 1 entry for 2000000000 frames/,
  },
];

/** Valid files of the same kinds: each must pass, so the checks are not simply refusing everything. */
const valid: Case[] = [
  { name: 'valid native 8-bit', bytes: async () => writeDicom(await fixtureWithPixels(g64, 1, TS.ExplicitVRLittleEndian)), reason: /.*/ },
  { name: 'valid native 16-bit, two frames', bytes: async () => writeDicom(await fixtureWithPixels(greyModule(32, 32, { bitsAllocated: 16, bitsStored: 12, highBit: 11 }), 2, TS.ExplicitVRLittleEndian)), reason: /.*/ },
  {
    // Zero bytes after the frames hold nothing; some writers pad so (pydicom's MR_small_padded.dcm).
    name: 'valid native 8-bit followed by zero padding',
    bytes: async () => {
      const dataset = await fixtureWithPixels(g64, 1, TS.ExplicitVRLittleEndian);
      const data = new Uint8Array(dataset.dict['7FE00010']!.Value![0] as ArrayBuffer);
      return withNativePixels(dataset, concat([data, new Uint8Array(128)]));
    },
    reason: /.*/,
  },
  { name: 'valid JPEG baseline', bytes: async () => writeDicom(await fixtureWithPixels(g64, 1, TS.JPEGBaseline)), reason: /.*/ },
  { name: 'valid RLE, two frames with an offset table', bytes: async () => writeDicom(await fixtureWithPixels(g64, 2, TS.RLELossless)), reason: /.*/ },
  { name: 'valid JPEG 2000', bytes: async () => writeDicom(await fixtureWithPixels(g64, 1, TS.JPEG2000Lossless)), reason: /.*/ },
  { name: 'valid JPEG-LS', bytes: async () => writeDicom(await fixtureWithPixels(g64, 1, TS.JPEGLSLossless)), reason: /.*/ },
  {
    name: 'valid JPEG split over two fragments',
    bytes: async () => {
      const jpeg = await encodedFrame(g64, TS.JPEGBaseline);
      const cut = jpeg.byteLength >> 1;
      return withEncapsulatedPixels(await fixtureWithPixels(g64, 1, TS.JPEGBaseline), { fragments: [jpeg.subarray(0, cut - (cut % 2)), jpeg.subarray(cut - (cut % 2))] });
    },
    reason: /.*/,
  },
];

const all = [...hostile, ...valid];
const inputs: string[] = [];
const runs: Record<'pixels' | 'header', { result: RunResult; out: string }> = {} as never;

beforeAll(async () => {
  for (const [index, c] of all.entries()) {
    const file = path.join(work, 'in', `case-${String(index).padStart(2, '0')}.dcm`);
    if (index === 0) (await import('node:fs')).mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, await c.bytes());
    inputs.push(file);
  }
  for (const mode of ['pixels', 'header'] as const) {
    const out = path.join(work, `out-${mode}`);
    const result = await deidentifyFiles(inputs, { out, stateDir: path.join(work, `state-${mode}`), rulesPath, pixels: mode === 'pixels' });
    runs[mode] = { result, out };
  }
}, 240_000);

function entry(mode: 'pixels' | 'header', name: string) {
  return runs[mode].result.entries[all.findIndex((c) => c.name === name)];
}

function written(out: string): string[] {
  if (!existsSync(out)) return [];
  return readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(out, path.join(e.parentPath, e.name)))
    .sort();
}

describe.each(['pixels', 'header'] as const)('pixel data that lies about itself (%s mode)', (mode) => {
  it.each(hostile.filter((c) => mode === 'pixels' || !c.decodedOnly).map((c) => [c.name, c] as const))('%s: fails with a reason in words', (_name, c) => {
    const e = entry(mode, c.name);
    expect(e.status, `${c.name} was released`).toBe('error');
    expect(e.error).toMatch(c.reason);
    // A reason in words: a sentence, not a stack frame or a bare code.
    expect(e.error).toMatch(/[a-z]{3,} [a-z]{2,} /i);
    expect(e.error).not.toMatch(/Cannot read properties|\bundefined\b(?! length)|NaN|\bat \w+ \(/);
  });

  it.each(valid.map((c) => [c.name, c] as const))('%s: passes', (_name, c) => {
    const e = entry(mode, c.name);
    expect(e.error).toBeUndefined();
    expect(e.status).toBe('ok');
  });

  if (mode === 'header') {
    it.each(hostile.filter((c) => c.decodedOnly).map((c) => [c.name, c] as const))('%s: is released only as not pixel-checked', (_name, c) => {
      const e = entry(mode, c.name);
      if (e.status === 'ok') expect(e.pixelsChecked).toBe(false);
    });
  }

  it('writes exactly the outputs of the files that passed, nothing for the others', () => {
    const expected = runs[mode].result.entries.filter((e) => e.status === 'ok').map((e) => e.output!).sort();
    expect(written(runs[mode].out)).toEqual(expected);
    expect(expected).toHaveLength(valid.length + (mode === 'header' ? hostile.filter((c) => c.decodedOnly).length : 0));
  });
});
