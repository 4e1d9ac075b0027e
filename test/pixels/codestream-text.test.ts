/**
 * Text hidden in encapsulated frames beside the image data (JPEG COM and APPn segments, JPEG 2000
 * comments in the main or a tile-part header, JP2 boxes) is removed without decoding: the image
 * data stays bit for bit, lengths are fixed, a frame without such text keeps its bytes, and each
 * removal is reported. The codestreams are made by the project's encoders; the text is added here.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDicom } from '../../lib/dicom/adapter.js';
import { TS } from '../../lib/dicom/transfer-syntaxes.js';
import { deidentifyFiles, type RunResult } from '../../lib/pipeline/deidentify-files.js';
import { checkFrameCodestream } from '../../lib/pixels/codestream.js';
import { stripFrame, UnremovableTextError } from '../../lib/pixels/codestream-text.js';
import { concat, encodedFrame, fixtureWithPixels, greyModule, withEncapsulatedPixels } from '../support/hostile-pixels.js';
import { projectRoot } from '../support/paths.js';
import { tempDir } from '../support/temp-dir.js';

const g64 = greyModule(64, 64);
const declared = { rows: 64, columns: 64, samplesPerPixel: 1, bitsAllocated: 8 };
const PHI = 'DOE^JANE MRN 4417 DOB 1931-02-03';
const ascii = (text: string) => new TextEncoder().encode(text);

/** A JPEG marker segment with `content`. */
function jpegSegment(marker: number, content: Uint8Array): Uint8Array {
  const length = content.byteLength + 2;
  return concat([new Uint8Array([0xff, marker, length >> 8, length & 0xff]), content]);
}

/** The JPEG with `segments` inserted right after its SOI marker. */
function withJpegSegments(jpeg: Uint8Array, segments: Uint8Array[]): Uint8Array {
  return concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)]);
}

/** A JPEG 2000 comment segment (Rcom 1: Latin-1 text). */
function j2kComment(text: string): Uint8Array {
  const body = ascii(text);
  const length = body.byteLength + 4;
  return concat([new Uint8Array([0xff, 0x64, length >> 8, length & 0xff, 0, 1]), body]);
}

/** The J2K codestream with a comment in its main header (before the first SOT) and one in the first tile-part header (Psot fixed). */
function withJ2kComments(j2k: Uint8Array, main: string, tilePart: string): Uint8Array {
  const sot = findSot(j2k);
  const inMain = j2kComment(main);
  const inTile = j2kComment(tilePart);
  const out = concat([j2k.subarray(0, sot), inMain, j2k.subarray(sot, sot + 12), inTile, j2k.subarray(sot + 12)]);
  const view = new DataView(out.buffer, out.byteOffset);
  const at = sot + inMain.byteLength + 6;
  const psot = view.getUint32(at);
  if (psot !== 0) view.setUint32(at, psot + inTile.byteLength);
  return out;
}

function findSot(j2k: Uint8Array): number {
  for (let p = 2; p + 1 < j2k.byteLength; ) {
    const marker = (j2k[p] << 8) | j2k[p + 1];
    if (marker === 0xff90) return p;
    p += 2 + ((j2k[p + 2] << 8) | j2k[p + 3]);
  }
  throw new Error('no SOT marker');
}

/** A JP2 box. */
function box(type: string, content: Uint8Array): Uint8Array {
  const header = new Uint8Array(8);
  new DataView(header.buffer).setUint32(0, content.byteLength + 8);
  header.set(ascii(type), 4);
  return concat([header, content]);
}

/** A JP2 file around a codestream: signature, file type, header (ihdr, enumerated colour), then `extra` boxes and the codestream. */
function jp2(codestream: Uint8Array, extra: Uint8Array[]): Uint8Array {
  const ihdr = new Uint8Array(14);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, 64);
  v.setUint32(4, 64);
  v.setUint16(8, 1);
  ihdr[10] = 7;
  ihdr[11] = 7;
  const colr = new Uint8Array([1, 0, 0, 0, 0, 0, 17]);
  return concat([
    box('jP  ', new Uint8Array([0x0d, 0x0a, 0x87, 0x0a])),
    box('ftyp', concat([ascii('jp2 '), new Uint8Array(4), ascii('jp2 ')])),
    box('jp2h', concat([box('ihdr', ihdr), box('colr', colr)])),
    ...extra,
    box('jp2c', codestream),
  ]);
}

const contains = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(text);

describe('stripFrame', () => {
  it('leaves a JPEG without comments byte for byte (the same bytes)', async () => {
    const jpeg = await encodedFrame(g64, TS.JPEGBaseline);
    const result = stripFrame(jpeg, 'jpeg', declared, 0);
    expect(result.removed).toEqual([]);
    expect(result.bytes).toBe(jpeg);
  });

  it('removes JPEG COM, Exif, XMP and IPTC segments and gives back the original codestream', async () => {
    const jpeg = await encodedFrame(g64, TS.JPEGBaseline);
    const tagged = withJpegSegments(jpeg, [
      jpegSegment(0xfe, ascii(PHI)),
      jpegSegment(0xe1, concat([ascii('Exif\0\0'), ascii(PHI)])),
      jpegSegment(0xe1, concat([ascii('http://ns.adobe.com/xap/1.0/\0'), ascii(`<x:xmpmeta>${PHI}</x:xmpmeta>`)])),
      jpegSegment(0xed, concat([ascii('Photoshop 3.0\0'), ascii(PHI)])),
    ]);
    const result = stripFrame(tagged, 'jpeg', declared, 3);
    expect(result.removed.map((r) => r.what)).toEqual(['JPEG comment (COM)', 'JPEG application segment APP1 (Exif)', 'JPEG application segment APP1 (XMP)', 'JPEG application segment APP13 (Photoshop/IPTC)']);
    expect(Buffer.from(result.bytes).equals(Buffer.from(jpeg))).toBe(true);
  });

  it('keeps the JFIF and Adobe fields a decoder needs, and drops a JFIF thumbnail', async () => {
    const jpeg = await encodedFrame(g64, TS.JPEGBaseline);
    const jfif = concat([ascii('JFIF\0'), new Uint8Array([1, 1, 0, 0, 1, 0, 1, 0, 0])]);
    const adobe = concat([ascii('Adobe'), new Uint8Array([0, 100, 0, 0, 0, 0, 0])]);
    const plain = withJpegSegments(jpeg, [jpegSegment(0xe0, jfif), jpegSegment(0xee, adobe)]);
    expect(stripFrame(plain, 'jpeg', declared, 0).bytes).toBe(plain);

    // A 2x1 RGB thumbnail whose bytes spell text.
    const thumbnail = concat([ascii('JFIF\0'), new Uint8Array([1, 1, 0, 0, 1, 0, 1, 2, 1]), ascii('DOE^JA')]);
    const result = stripFrame(withJpegSegments(jpeg, [jpegSegment(0xe0, thumbnail), jpegSegment(0xee, adobe)]), 'jpeg', declared, 0);
    expect(result.removed.map((r) => r.what)).toEqual(['JPEG JFIF thumbnail (APP0)']);
    expect(Buffer.from(result.bytes).equals(Buffer.from(plain))).toBe(true);
  });

  it('fails closed on a reserved JPEG marker segment whose content it cannot judge', async () => {
    const tagged = withJpegSegments(await encodedFrame(g64, TS.JPEGBaseline), [jpegSegment(0xf0, ascii(PHI))]);
    expect(() => stripFrame(tagged, 'jpeg', declared, 0)).toThrow(UnremovableTextError);
  });

  it('removes JPEG 2000 comments from the main and a tile-part header and fixes the tile-part length', async () => {
    const j2k = await encodedFrame(g64, TS.JPEG2000Lossless);
    const tagged = withJ2kComments(j2k, PHI, `tile ${PHI}`);
    const result = stripFrame(tagged, 'j2k', declared, 0);
    expect(result.removed.map((r) => r.what)).toEqual(['JPEG 2000 comment (COM)', 'JPEG 2000 comment (COM) in a tile-part header']);
    expect(contains(result.bytes, 'DOE^JANE')).toBe(false);
    // What the encoder wrote, back byte for byte (its own version banner, if any, included).
    expect(Buffer.from(result.bytes).equals(Buffer.from(j2k))).toBe(true);
    expect(() => checkFrameCodestream(result.bytes, 'j2k', declared, 0)).not.toThrow();
  });

  it('removes JP2 boxes beside the codestream (XML, UUID) and keeps the rest of the file valid', async () => {
    const j2k = await encodedFrame(g64, TS.JPEG2000Lossless);
    const plain = jp2(j2k, []);
    const uuid = concat([new Uint8Array(16).fill(0x9c), ascii(PHI)]);
    const tagged = jp2(withJ2kComments(j2k, PHI, PHI), [box('xml ', ascii(`<patient>${PHI}</patient>`)), box('uuid', uuid)]);
    // The walker refuses the file as it is: the boxes hold text it does not read.
    expect(() => checkFrameCodestream(tagged, 'j2k', declared, 0)).toThrow(/box holding text/);
    const result = stripFrame(tagged, 'j2k', declared, 0);
    expect(result.removed.map((r) => r.what)).toEqual(['JP2 xml box', 'JP2 uuid box', 'JPEG 2000 comment (COM)', 'JPEG 2000 comment (COM) in a tile-part header']);
    expect(Buffer.from(result.bytes).equals(Buffer.from(plain))).toBe(true);
    expect(() => checkFrameCodestream(result.bytes, 'j2k', declared, 0)).not.toThrow();
  });
});

describe('deid run on frames with hidden text', () => {
  const work = tempDir('codestream-text-');
  const rulesPath = path.join(projectRoot, 'configs/de-id/de_id_rules_auto.yaml');
  const names = ['jpeg-with-text', 'j2k-with-text', 'jpeg-plain'] as const;
  const frames: Record<(typeof names)[number], Uint8Array> = {} as never;
  const inputs: string[] = [];
  const runs: Record<'pixels' | 'header', RunResult> = {} as never;

  beforeAll(async () => {
    mkdirSync(path.join(work, 'in'));
    const jpeg = await encodedFrame(g64, TS.JPEGBaseline);
    const j2k = await encodedFrame(g64, TS.JPEG2000Lossless);
    frames['jpeg-with-text'] = withJpegSegments(jpeg, [jpegSegment(0xfe, ascii(PHI)), jpegSegment(0xe1, concat([ascii('Exif\0\0'), ascii(PHI)]))]);
    frames['j2k-with-text'] = withJ2kComments(j2k, PHI, PHI);
    frames['jpeg-plain'] = jpeg;
    const syntax = { 'jpeg-with-text': TS.JPEGBaseline, 'j2k-with-text': TS.JPEG2000Lossless, 'jpeg-plain': TS.JPEGBaseline };
    for (const name of names) {
      const file = path.join(work, 'in', `${name}.dcm`);
      writeFileSync(file, withEncapsulatedPixels(await fixtureWithPixels(g64, 1, syntax[name]), { fragments: [frames[name]] }));
      inputs.push(file);
    }
    for (const mode of ['pixels', 'header'] as const) {
      runs[mode] = await deidentifyFiles(inputs, { out: path.join(work, `out-${mode}`), stateDir: path.join(work, `state-${mode}`), rulesPath, pixels: mode === 'pixels' });
    }
  }, 180_000);

  const output = (mode: 'pixels' | 'header', name: (typeof names)[number]) => {
    const entry = runs[mode].entries[names.indexOf(name)];
    expect(entry.error).toBeUndefined();
    expect(entry.status).toBe('ok');
    return { entry, file: path.join(work, `out-${mode}`, entry.output!) };
  };
  const frameOf = (file: string) => new Uint8Array(readDicom(readFileSync(file)).dict['7FE00010']!.Value![0] as ArrayBuffer);

  describe.each(['pixels', 'header'] as const)('%s mode', (mode) => {
    it.each(['jpeg-with-text', 'j2k-with-text'] as const)('%s: the text is gone, the removal reported, the image data kept', (name) => {
      const { entry, file } = output(mode, name);
      expect(entry.warnings?.map((w) => w.id)).toContain('pixel:codestream-text');
      const bytes = readFileSync(file);
      expect(bytes.includes('DOE^JANE')).toBe(false);
      expect(bytes.includes('MRN 4417')).toBe(false);
      const frame = frameOf(file);
      // The bare number is looked for in the codestream only: a random new UID elsewhere may hold `4417`.
      expect(Buffer.from(frame).includes('4417')).toBe(false);
      expect(frame.byteLength).toBeLessThan(frames[name].byteLength);
      expect(() => checkFrameCodestream(frame, name === 'j2k-with-text' ? 'j2k' : 'jpeg', declared, 0)).not.toThrow();
    });

    it('jpeg-plain: Pixel Data is byte-identical', () => {
      const { entry, file } = output(mode, 'jpeg-plain');
      expect((entry.warnings ?? []).map((w) => w.id)).not.toContain('pixel:codestream-text');
      expect(Buffer.from(frameOf(file)).equals(Buffer.from(frames['jpeg-plain']))).toBe(true);
    });
  });

  it('dcmtk decodes the stripped JPEG to the same pixels as the plain one', () => {
    const decoded = (file: string, name: string) => {
      const target = path.join(work, `${name}.raw.dcm`);
      execFileSync('dcmdjpeg', [file, target]);
      return Buffer.from(readDicom(readFileSync(target)).dict['7FE00010']!.Value![0] as ArrayBuffer);
    };
    const stripped = decoded(output('header', 'jpeg-with-text').file, 'stripped');
    const plain = decoded(output('header', 'jpeg-plain').file, 'plain');
    expect(stripped.byteLength).toBe(64 * 64);
    expect(stripped.equals(plain)).toBe(true);
  });
});
