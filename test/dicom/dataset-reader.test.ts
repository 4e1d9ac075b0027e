/**
 * The kit's own dataset reader (`lib/dicom/dataset-reader.ts`) against dcmjs, the reader it
 * replaces: for every file both read, the datasets must be the same, down to `_rawValue` (the
 * writer keeps unchanged values as read from it), the PN accessors dcmjs adds, property order and
 * byte values; a file dcmjs refuses must be refused with the same error. Files: the sample images,
 * the shared corpus, pydicom's test files, small files the project builds, hand-made datasets with
 * every VR in odd shapes, and mutated copies of all of those (the fuzzer's mutations).
 * `DEID_READER_DIRS` (folders, `:`-separated) adds more files, e.g. the bench corpus.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { types } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readDicom, writeDicom, type ReadOptions } from '../../lib/dicom/adapter.js';
import type { DicomDataset } from '../../lib/dicom/dataset.js';
import { readerCounts } from '../../lib/dicom/dataset-reader.js';
import { TS } from '../../lib/dicom/transfer-syntaxes.js';
import { createRng } from '../../lib/samples/rng.js';
import { makePhiFixture } from '../fixtures/phi-fixture.js';
import { mutate, shapeOf } from '../fuzz/mutate.js';
import { builtSeeds, fileSeeds } from '../fuzz/seeds.js';
import { pydicomDataDir, pydicomFiles } from '../support/pydicom-files.js';
import { encodeElement, itemMarker } from '../support/encode-element.js';

/** Where two values first differ (a path and what differs), or `undefined` when they are the same. */
function difference(a: unknown, b: unknown, at = ''): string | undefined {
  if (typeof a !== typeof b) return `${at}: ${typeof a} against ${typeof b}`;
  if (a === null || b === null || typeof a !== 'object') return Object.is(a, b) ? undefined : `${at}: values differ`;
  const x = a;
  const y = b as object;
  if (Object.getPrototypeOf(x) !== Object.getPrototypeOf(y)) return `${at}: prototypes differ`;
  if (types.isProxy(x) !== types.isProxy(y)) return `${at}: one is a proxy`;
  if (x instanceof ArrayBuffer) {
    return Buffer.compare(Buffer.from(x), Buffer.from(y as ArrayBuffer)) === 0 ? undefined : `${at}: bytes differ`;
  }
  const keysA = Reflect.ownKeys(x);
  const keysB = Reflect.ownKeys(y);
  if (keysA.join(',') !== keysB.join(',')) return `${at}: keys ${keysA.map(String).join(',')} against ${keysB.map(String).join(',')}`;
  for (const key of keysA) {
    const da = Object.getOwnPropertyDescriptor(x, key)!;
    const db = Object.getOwnPropertyDescriptor(y, key)!;
    if (da.enumerable !== db.enumerable || da.writable !== db.writable) return `${at}.${String(key)}: property kinds differ`;
    // The PN accessors are functions made per value: the same source is the same accessor.
    if (typeof da.value === 'function') {
      if (String(da.value) !== String(db.value)) return `${at}.${String(key)}: accessors differ`;
      continue;
    }
    const found = difference(da.value, db.value, `${at}.${String(key)}`);
    if (found) return found;
  }
  return undefined;
}

type Outcome = { dataset: DicomDataset } | { error: string };

function read(bytes: Uint8Array, options: ReadOptions): Outcome {
  try {
    return { dataset: readDicom(bytes, 'input', options) };
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

/** How the own reader's outcome differs from dcmjs's for one file (`undefined`: it does not). */
function compare(bytes: Uint8Array, options: ReadOptions = {}): string | undefined {
  const reference = read(bytes, { ...options, parser: 'dcmjs' });
  const own = read(bytes, options);
  if ('error' in reference || 'error' in own) {
    const a = 'error' in reference ? reference.error : 'read';
    const b = 'error' in own ? own.error : 'read';
    return a === b ? undefined : `dcmjs: ${a}; own: ${b}`;
  }
  return difference(reference.dataset, own.dataset);
}

function filesIn(dirs: string[]): string[] {
  return dirs
    .filter((dir) => existsSync(dir))
    .flatMap((dir) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)))
    .sort();
}

function pydicomOrNone(): string[] {
  try {
    return pydicomFiles(pydicomDataDir());
  } catch {
    return [];
  }
}

/** Reads each file both ways (with and without forced transcoding); returns the differences found. */
function compareFiles(files: Array<{ name: string; bytes: Uint8Array }>): string[] {
  const found: string[] = [];
  for (const { name, bytes } of files) {
    for (const transcode of ['auto', 'always'] as const) {
      const differs = compare(bytes, { transcode });
      if (differs) found.push(`${name} (${transcode}): ${differs}`);
    }
  }
  return found;
}

describe('the own dataset reader reads as dcmjs reads', () => {
  it('reads the sample images, the shared corpus and pydicom’s test files as dcmjs does', () => {
    const files = [...fileSeeds(), ...pydicomOrNone().map((file) => ({ name: path.basename(file), bytes: new Uint8Array(readFileSync(file)) }))];
    const before = { ...readerCounts };
    expect(compareFiles(files)).toEqual([]);
    // Most of them it reads itself (the rest go to dcmjs whole).
    const own = readerCounts.own - before.own;
    const left = readerCounts.leftToDcmjs - before.leftToDcmjs;
    expect(own).toBeGreaterThan(files.length);
    expect(left).toBeLessThan(own / 10);
  }, 120_000);

  it('reads the files the project builds, in every syntax it writes, itself and as dcmjs does', async () => {
    const files = [...(await builtSeeds()), { name: 'phi-fixture', bytes: writeDicom(makePhiFixture().dataset) }];
    const before = readerCounts.leftToDcmjs;
    expect(compareFiles(files)).toEqual([]);
    expect(readerCounts.leftToDcmjs - before).toBe(0);
  });

  it.skipIf(!process.env.DEID_READER_DIRS)('reads the folders of DEID_READER_DIRS as dcmjs does', () => {
    const files = filesIn((process.env.DEID_READER_DIRS ?? '').split(':').filter(Boolean)).map((file) => ({ name: file, bytes: new Uint8Array(readFileSync(file)) }));
    expect(compareFiles(files)).toEqual([]);
  }, 1_200_000);

  it('fails or reads mutated files as dcmjs does (the fuzzer’s mutations)', async () => {
    const seeds = [...fileSeeds(), ...(await builtSeeds())].map((seed) => ({ seed, shape: shapeOf(seed.bytes) }));
    const rng = createRng(20261202);
    const found: string[] = [];
    for (let i = 0; i < 600; i++) {
      const { seed, shape } = rng.pick(seeds);
      const { bytes, applied } = mutate(shape, rng);
      const differs = compare(bytes);
      if (differs) found.push(`${seed.name} + ${applied.join(', ')}: ${differs}`);
    }
    expect(found).toEqual([]);
  }, 600_000);
});

describe('datasets with every VR in odd shapes', () => {
  const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
  const u16 = (...n: number[]) => new Uint8Array(new Uint16Array(n).buffer);
  const u32 = (...n: number[]) => new Uint8Array(new Uint32Array(n).buffer);
  const f64 = (...n: number[]) => new Uint8Array(new Float64Array(n).buffer);
  type Element = [number, number, string, Uint8Array | Element[][], boolean?];

  /** Encodes elements (a sequence: a list of items, each a list of elements; `true` last for undefined lengths). */
  function encode(elements: Element[], implicit: boolean, bigEndian: boolean, undefinedItems = false): Uint8Array {
    const parts: Uint8Array[] = [];
    const marker = (element: number, length: number) => itemMarker(element, length, bigEndian);
    for (const [group, element, vr, value, undefinedLength] of elements) {
      if (value instanceof Uint8Array) {
        let bytes = value;
        // Numbers are given little endian: swapped for big endian by their word size.
        const size = { US: 2, SS: 2, AT: 2, OW: 2, UL: 4, SL: 4, FL: 4, OF: 4, OL: 4, FD: 8, OD: 8, UV: 8, SV: 8, OV: 8 }[vr];
        if (bigEndian && size) {
          bytes = new Uint8Array(value);
          for (let i = 0; i + size <= bytes.length; i += size) bytes.subarray(i, i + size).reverse();
        }
        parts.push(encodeElement(group, element, vr, bytes, { implicit, bigEndian }));
        continue;
      }
      const items = value.map((item) => encode(item, implicit, bigEndian, undefinedItems));
      const body = items.flatMap((item, i) => (undefinedLength && undefinedItems && i !== 2 ? [marker(0xe000, 0xffffffff), item, marker(0xe00d, 0)] : [marker(0xe000, item.byteLength), item]));
      parts.push(encodeElement(group, element, vr, Buffer.concat(body), { implicit, bigEndian, undefinedLength }), ...(undefinedLength ? [marker(0xe0dd, 0)] : []));
    }
    return Buffer.concat(parts);
  }

  function part10(body: Uint8Array, syntax: string): Uint8Array {
    const ui = latin1(syntax.length % 2 ? `${syntax}\0` : syntax);
    const meta = Buffer.concat([encode([[0x0002, 0x0001, 'OB', new Uint8Array([0, 1])], [0x0002, 0x0002, 'UI', latin1('1.2.840.10008.5.1.4.1.1.7\0')], [0x0002, 0x0003, 'UI', latin1('2.25.77\0')], [0x0002, 0x0010, 'UI', ui]], false, false)]);
    return Buffer.concat([new Uint8Array(128), latin1('DICM'), encode([[0x0002, 0x0000, 'UL', u32(meta.byteLength)]], false, false), meta, body]);
  }

  const shapes = (charset: string | undefined): Element[] => [
    ...(charset === undefined ? [] : [[0x0008, 0x0005, 'CS', latin1(charset)] as Element]),
    [0x0008, 0x0008, 'CS', latin1('ORIGINAL\\PRIMARY \\AXIAL ')],
    [0x0008, 0x0016, 'UI', latin1('1.2.840.10008.5.1.4.1.1.7\0')],
    [0x0008, 0x0018, 'UI', latin1('2.25.77\\2.25.78 \0')],
    [0x0008, 0x0020, 'DA', latin1('20240101\\20240102 ')],
    [0x0008, 0x0030, 'TM', latin1('101010.5  ')],
    [0x0008, 0x0050, 'SH', latin1(' ACC\u00e9 1\0')],
    [0x0008, 0x0054, 'AE', latin1(' STATION\\B ')],
    [0x0008, 0x0080, 'LO', latin1('H\u00f4pital \u0080 Nord\\ Annexe   ')],
    [0x0008, 0x0081, 'ST', latin1('Rue 1\r\n\t \\ 2  ')],
    [0x0008, 0x0090, 'PN', latin1('DOE^JOHN=\u00c9^J\\\\ROE^R=^=X ')],
    [0x0008, 0x0092, 'PN', latin1('')],
    [0x0008, 0x0094, 'SH', latin1('')],
    [0x0008, 0x0201, 'SH', latin1('+0100 ')],
    [0x0008, 0x1030, 'LO', latin1('  ')],
    [0x0008, 0x1040, 'LO', latin1('A\\B\\C ')],
    [0x0008, 0x0119, 'UC', latin1('long \\ code  ')],
    [0x0008, 0x0120, 'UR', latin1('http://x/?id=1 ')],
    [0x0010, 0x1010, 'AS', latin1('042Y')],
    [0x0010, 0x1020, 'DS', latin1(' 1.75\\+2e1\\abc\\\\-0.5 ')],
    [0x0010, 0x1030, 'DS', latin1('')],
    [0x0010, 0x21b0, 'LT', latin1('History: a\\b  \0')],
    [0x0010, 0x4000, 'LT', latin1('')],
    [0x0018, 0x1000, 'LO', latin1('SN\u00ff\0')],
    [0x0018, 0x9004, 'CS', latin1('')],
    [0x0018, 0x1310, 'US', u16(0, 256, 1, 0)],
    [0x0018, 0x9313, 'FD', f64(1.5, -2, Number.MIN_VALUE)],
    [0x0020, 0x0013, 'IS', latin1('12 ')],
    [0x0020, 0x9165, 'AT', u16(0x0010, 0x0010, 0x7fe0, 0x0010)],
    [0x0028, 0x0010, 'US', u16(4)],
    [0x0028, 0x0011, 'US', new Uint8Array(0)],
    [0x0028, 0x0106, 'SS', u16(0xffff)],
    [0x0028, 0x1052, 'DS', latin1('-1024')],
    [0x0028, 0x9001, 'UL', u32(7, 0xffffffff)],
    [0x0040, 0xa132, 'UL', new Uint8Array(0)],
    [0x0040, 0x9212, 'FD', f64(0.25)],
    [0x0066, 0x0040, 'OL', u32(1, 2)],
    [0x0066, 0x0025, 'OW', u16(1, 2, 3)],
    [0x0066, 0x0016, 'OF', u32(0x3f800000)],
    [0x0066, 0x0021, 'OD', f64(2.5)],
    [0x0009, 0x0010, 'LO', latin1('ACME 1.0')],
    [0x0009, 0x0001, 'LO', latin1('EARLY ')],
    [0x0009, 0x1001, 'UN', latin1('BLOB')],
    [0x0009, 0x1002, 'LO', latin1('private text ')],
    [0x0040, 0x0275, 'SQ', [[[0x0040, 0x0007, 'LO', latin1('Step \u00e9')]], [], [[0x0008, 0x0005, 'CS', latin1('ISO_IR 192')], [0x0040, 0x0007, 'LO', new Uint8Array(Buffer.from('Schritt \u00fc', 'utf8'))], [0x0040, 0xa730, 'SQ', [[[0x0010, 0x0010, 'PN', latin1('NESTED^NAME')]]], true]]], true],
    [0x0040, 0xa043, 'SQ', [[[0x0008, 0x0100, 'SH', latin1('T-0001')]], []]],
    [0x0040, 0xa168, 'SQ', []],
    [0x0072, 0x0026, 'AT', new Uint8Array(0)],
    [0x0072, 0x0064, 'IS', latin1('1\\2\\3 ')],
    [0x0072, 0x0076, 'FL', u32(0x3fc00000)],
    [0x0072, 0x007c, 'SL', new Uint8Array(0)],
    [0x0072, 0x0081, 'OV', u32(1, 2)],
    [0x0072, 0x0082, 'SV', u32(3, 0)],
    [0x0072, 0x0083, 'UV', u32(0xffffffff, 0xffffffff, 5, 0)],
    [0x6002, 0x3000, 'OW', u16(0xff00)],
  ];

  it.each([
    ['explicit VR little endian', TS.ExplicitVRLittleEndian, false, false],
    ['implicit VR little endian', TS.ImplicitVRLittleEndian, true, false],
    ['explicit VR big endian', TS.ExplicitVRBigEndian, false, true],
  ])('reads %s itself and as dcmjs does, under each character set, with items of defined or undefined length', (_name, syntax, implicit, bigEndian) => {
    const before = readerCounts.leftToDcmjs;
    for (const undefinedItems of [false, true]) {
      for (const charset of [undefined, '', 'ISO_IR 100', 'ISO_IR 192', 'ISO_IR 144', 'ISO_IR 13', 'ISO 2022 IR 6\\ISO 2022 IR 87', 'ISO_IR 999']) {
        const file = part10(encode(shapes(charset), implicit, bigEndian, undefinedItems), syntax);
        for (const transcode of ['auto', 'always'] as const) expect(compare(file, { transcode }), `${charset} ${transcode}`).toBeUndefined();
        expect('dataset' in read(file, {}), `${charset} is read`).toBe(true);
      }
    }
    expect(readerCounts.leftToDcmjs - before).toBe(0);
  });

  it('leaves to dcmjs what it does not read itself: the whole file', () => {
    const before = readerCounts.leftToDcmjs;
    // A standard attribute stored as UN, which dcmjs reads by its dictionary's VR; in implicit VR, one
    // whose dictionary VR is not a VR (LUT Data, `US or OW`), written UN when transcoded.
    const uidElement: Element = [0x0008, 0x0016, 'UI', latin1('1.2.840.10008.5.1.4.1.1.7\0')];
    const files = [
      part10(encode([uidElement, [0x0010, 0x0010, 'UN', latin1('DOE^JANE')]], false, false), TS.ExplicitVRLittleEndian),
      part10(encode([uidElement, [0x0028, 0x3006, 'OW', u16(9, 8)], [0x0040, 0x0275, 'SQ', [[[0x0010, 0x0010, 'PN', latin1('DOE^JANE')]]], true]], true, false, true), TS.ImplicitVRLittleEndian),
    ];
    for (const file of files) expect(compare(file)).toBeUndefined();
    expect(readerCounts.leftToDcmjs - before).toBe(2);
  });
});
