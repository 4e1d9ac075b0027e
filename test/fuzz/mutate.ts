/**
 * Mutations of DICOM files for the fuzzer, each deterministic for a given random generator:
 * bytes, lengths, VRs, transfer syntax UIDs, encapsulated fragments and offset tables, native
 * pixel data length, and the declared sizes (Rows, Columns, Bits, Frames, …).
 */
import { readDicom, writeDicom } from '../../lib/dicom/adapter.js';
import type { DicomDataset } from '../../lib/dicom/dataset.js';
import { encodeMeta, layoutPart10 } from '../../lib/dicom/part10.js';
import { inspectDataset } from '../../lib/dicom/transcode.js';
import { TS, isBigEndian, isImplicitVR } from '../../lib/dicom/transfer-syntaxes.js';
import type { Rng } from '../../lib/samples/rng.js';

/** An element's header as it lies in a file. */
interface ElementAt {
  offset: number;
  vrOffset?: number;
  lengthOffset: number;
  lengthSize: 2 | 4;
  valueOffset: number;
  length: number;
  tag: string;
}

/** What a mutation needs to know about its seed, worked out once per seed. */
export interface SeedShape {
  bytes: Uint8Array;
  datasetOffset: number;
  littleEndian: boolean;
  deflated: boolean;
  elements: ElementAt[];
  /** The top-level Pixel Data element, when there is one. */
  pixel?: { start: number; end: number; valueStart: number; encapsulated: boolean; items: Array<{ offset: number; length: number }> };
  /** The seed parsed, for mutations of declared values (undefined when the seed itself does not parse). */
  dataset?: DicomDataset;
}

/** Works out where a seed's elements and pixel data lie. */
export function shapeOf(bytes: Uint8Array): SeedShape {
  const layout = layoutPart10(bytes);
  const ts = layout.transferSyntaxUID;
  const deflated = ts === TS.DeflatedExplicitVRLittleEndian;
  const body = bytes.subarray(layout.datasetOffset);
  const littleEndian = !isBigEndian(ts);
  const shape: SeedShape = { bytes, datasetOffset: layout.datasetOffset, littleEndian, deflated, elements: [] };
  try {
    shape.dataset = readDicom(bytes, 'seed');
  } catch {
    // mutations of declared values need a readable seed
  }
  if (deflated) return shape;
  shape.elements = listElements(body, isImplicitVR(ts), littleEndian).map((e) => ({
    ...e,
    offset: e.offset + layout.datasetOffset,
    vrOffset: e.vrOffset === undefined ? undefined : e.vrOffset + layout.datasetOffset,
    lengthOffset: e.lengthOffset + layout.datasetOffset,
    valueOffset: e.valueOffset + layout.datasetOffset,
  }));
  const pixel = inspectDataset(body, { implicitVR: isImplicitVR(ts), littleEndian }).pixel;
  if (pixel) {
    const base = layout.datasetOffset;
    const items = (pixel.items ?? []).map((item) => ({ offset: item.byteOffset - body.byteOffset + base, length: item.byteLength }));
    shape.pixel = { start: pixel.start + base, end: pixel.end + base, valueStart: pixel.valueStart + base, encapsulated: pixel.encapsulated, items };
  }
  return shape;
}

/** Every element header of a well-formed dataset, sequences and items included. */
function listElements(body: Uint8Array, implicit: boolean, le: boolean): ElementAt[] {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const out: ElementAt[] = [];
  const long = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'UC', 'UN', 'UR', 'UT', 'SV', 'UV']);
  const walk = (start: number, end: number, depth: number): number => {
    let p = start;
    while (p + 8 <= end && depth < 8) {
      const group = view.getUint16(p, le);
      const element = view.getUint16(p + 2, le);
      if (group === 0xfffe) {
        const length = view.getUint32(p + 4, le);
        if (element === 0xe00d || element === 0xe0dd) return p + 8;
        p = length === 0xffffffff ? walk(p + 8, end, depth + 1) : p + 8 + length;
        continue;
      }
      const vr = implicit ? '' : String.fromCharCode(body[p + 4], body[p + 5]);
      const isLong = implicit || long.has(vr);
      const lengthOffset = implicit ? p + 4 : isLong ? p + 8 : p + 6;
      const length = isLong ? view.getUint32(lengthOffset, le) : view.getUint16(lengthOffset, le);
      const valueOffset = implicit ? p + 8 : isLong ? p + 12 : p + 8;
      const tag = (group.toString(16).padStart(4, '0') + element.toString(16).padStart(4, '0')).toUpperCase();
      out.push({ offset: p, vrOffset: implicit ? undefined : p + 4, lengthOffset, lengthSize: isLong ? 4 : 2, valueOffset, length, tag });
      if (length === 0xffffffff) p = walk(valueOffset, end, depth + 1);
      else if (vr === 'SQ') {
        walk(valueOffset, valueOffset + length, depth + 1);
        p = valueOffset + length;
      } else p = valueOffset + length;
      if (p > end) break;
    }
    return p;
  };
  try {
    walk(0, body.byteLength, 0);
  } catch {
    // a malformed seed: what was listed is enough
  }
  return out;
}

/** One mutation: its name (for the report) and how it changes a seed. */
interface Mutation {
  name: string;
  applies(shape: SeedShape): boolean;
  apply(shape: SeedShape, bytes: Uint8Array, rng: Rng): Uint8Array;
}

const SYNTAXES = [...Object.values(TS), '', '1.2.3.4', '1.2.840.10008.1.2.4.100', 'SMITH^JOHN', '1.2.840.10008.1.2.1.99\0\0\0', undefined];
const VRS = ['OB', 'OW', 'UN', 'SQ', 'UT', 'LO', 'US', 'UL', 'FD', 'DS', 'PN', 'ZZ', '\0\0', 'ob'];
const HOSTILE_NUMBERS = [0, 1, 2, 3, 7, 8, 15, 16, 17, 31, 32, 33, 64, 255, 256, 1023, 4096, 32767, 65535];

const TEXT_VRS = new Set(['LO', 'SH', 'PN', 'ST', 'LT', 'UT', 'CS', 'DA', 'TM', 'DS', 'IS', 'AE', 'UI']);
const vrAt = (bytes: Uint8Array, e: ElementAt) => String.fromCharCode(bytes[e.vrOffset!], bytes[e.vrOffset! + 1]);
const clone = (bytes: Uint8Array) => new Uint8Array(bytes);
const splice = (bytes: Uint8Array, start: number, end: number, insert: Uint8Array) => {
  const out = new Uint8Array(bytes.byteLength - (end - start) + insert.byteLength);
  out.set(bytes.subarray(0, start));
  out.set(insert, start);
  out.set(bytes.subarray(end), start + insert.byteLength);
  return out;
};

const mutations: Mutation[] = [
  {
    name: 'flip bytes',
    applies: () => true,
    apply(shape, bytes, rng) {
      const out = clone(bytes);
      const headerEnd = shape.pixel ? Math.min(shape.pixel.valueStart + 64, out.byteLength) : out.byteLength;
      for (let n = rng.int(1, 8); n > 0; n--) {
        const at = rng.chance(0.75) ? rng.int(0, headerEnd - 1) : rng.int(0, out.byteLength - 1);
        out[at] = rng.chance(0.5) ? rng.int(0, 255) : out[at] ^ (1 << rng.int(0, 7));
      }
      return out;
    },
  },
  {
    name: 'truncate',
    applies: (shape) => shape.bytes.byteLength > 140,
    apply: (_shape, bytes, rng) => bytes.slice(0, rng.chance(0.5) ? rng.int(0, bytes.byteLength - 1) : bytes.byteLength - rng.int(1, Math.min(64, bytes.byteLength - 1))),
  },
  {
    name: 'length field',
    applies: (shape) => shape.elements.length > 0,
    apply(shape, bytes, rng) {
      const e = rng.pick(shape.elements);
      const out = clone(bytes);
      const view = new DataView(out.buffer);
      const choices = e.lengthSize === 4 ? [0, 1, e.length + 1, e.length - 1, e.length * 2, 0xffffffff, 0xfffffffe, 0x7fffffff, rng.int(0, 1 << 20)] : [0, 1, e.length + 1, e.length - 1, e.length * 2, 0xffff, rng.int(0, 0xffff)];
      const value = rng.pick(choices) >>> 0;
      if (e.lengthSize === 4) view.setUint32(e.lengthOffset, value, shape.littleEndian);
      else view.setUint16(e.lengthOffset, value & 0xffff, shape.littleEndian);
      return out;
    },
  },
  {
    name: 'VR',
    applies: (shape) => shape.elements.some((e) => e.vrOffset !== undefined),
    apply(shape, bytes, rng) {
      const e = rng.pick(shape.elements.filter((x) => x.vrOffset !== undefined));
      const out = clone(bytes);
      const vr = rng.pick(VRS);
      out[e.vrOffset!] = vr.charCodeAt(0);
      out[e.vrOffset! + 1] = vr.charCodeAt(1);
      return out;
    },
  },
  {
    name: 'transfer syntax UID',
    applies: (shape) => shape.datasetOffset >= 132,
    apply(shape, bytes, rng) {
      const { metaElements, datasetOffset } = layoutPart10(bytes);
      const ts = rng.pick(SYNTAXES);
      return Buffer.concat([bytes.subarray(0, 132), encodeMeta(metaElements, ts), bytes.subarray(datasetOffset)]);
    },
  },
  {
    name: 'declared size',
    applies: (shape) => shape.dataset !== undefined,
    apply(shape, bytes, rng) {
      const dataset = readDicom(bytes, 'seed');
      const us = (v: number) => ({ vr: 'US', Value: [v] });
      const choice = rng.int(0, 9);
      const number = rng.chance(0.2) ? rng.int(0, 70000) : rng.pick(HOSTILE_NUMBERS);
      const d = dataset.dict;
      switch (choice) {
        case 0:
          d['00280010'] = us(number & 0xffff);
          break;
        case 1:
          d['00280011'] = us(number & 0xffff);
          break;
        case 2:
          d['00280100'] = us(rng.pick([0, 1, 7, 8, 12, 16, 24, 32, 64, number & 0xffff]));
          break;
        case 3:
          d['00280101'] = us(rng.pick([0, 1, 8, 12, 16, 17, 33, number & 0xffff]));
          break;
        case 4:
          d['00280102'] = us(rng.pick([0, 7, 11, 15, 16, 31, 40, number & 0xffff]));
          break;
        case 5:
          d['00280008'] = { vr: 'IS', Value: [rng.pick([0, 1, 2, 3, 100, 65536, 2_000_000_000, -1, number])] };
          break;
        case 6:
          d['00280002'] = us(rng.pick([0, 1, 2, 3, 4, 255]));
          break;
        case 7:
          d['00280004'] = { vr: 'CS', Value: [rng.pick(['MONOCHROME1', 'MONOCHROME2', 'RGB', 'YBR_FULL_422', 'PALETTE COLOR', 'YBR_RCT', 'HSV', 'SMITH JOHN', ''])] };
          break;
        case 8:
          d['00280103'] = us(rng.pick([0, 1, 2, 65535]));
          break;
        default:
          d['00280006'] = us(rng.pick([0, 1, 2]));
      }
      return writeDicom(dataset);
    },
  },
  {
    name: 'fragments and offset table',
    applies: (shape) => shape.pixel?.encapsulated === true && shape.pixel.items.length >= 2,
    apply(shape, bytes, rng) {
      const pixel = shape.pixel!;
      let items = pixel.items.map((item) => bytes.slice(item.offset, item.offset + item.length));
      const [table, ...fragments] = items;
      let frags = fragments;
      let bot = table;
      switch (rng.int(0, 8)) {
        case 0: // drop a fragment
          frags = frags.filter((_, i) => i !== rng.int(0, frags.length - 1));
          break;
        case 1: // duplicate a fragment
          frags = [...frags, frags[rng.int(0, frags.length - 1)]];
          break;
        case 2: // reverse their order
          frags = [...frags].reverse();
          break;
        case 3: {
          // cut a fragment short
          const i = rng.int(0, frags.length - 1);
          frags = frags.map((f, k) => (k === i ? f.subarray(0, rng.int(0, f.byteLength)) : f));
          break;
        }
        case 4: {
          // append a second codestream (or garbage) to a fragment
          const i = rng.int(0, frags.length - 1);
          const extra = rng.chance(0.5) ? frags[rng.int(0, frags.length - 1)] : Uint8Array.from({ length: rng.int(2, 64) }, () => rng.int(0, 255));
          frags = frags.map((f, k) => (k === i ? Buffer.concat([f, extra]) : f));
          break;
        }
        case 5: {
          // split a fragment in two
          const i = rng.int(0, frags.length - 1);
          const cut = rng.int(0, frags[i].byteLength);
          frags = [...frags.slice(0, i), frags[i].subarray(0, cut), frags[i].subarray(cut), ...frags.slice(i + 1)];
          break;
        }
        case 6: {
          // an offset table with wrong entries
          const entries = rng.int(0, frags.length + 2);
          bot = new Uint8Array(entries * 4);
          for (let i = 0; i < entries; i++) new DataView(bot.buffer).setUint32(i * 4, rng.chance(0.5) ? rng.int(0, 1 << 16) : i * 8, true);
          break;
        }
        case 7: // no offset table item at all
          items = frags;
          return splice(bytes, pixel.valueStart, pixel.end, encapsulatedItems(items));
        default: {
          // merge two fragments
          if (frags.length >= 2) frags = [Buffer.concat([frags[0], frags[1]]), ...frags.slice(2)];
        }
      }
      return splice(bytes, pixel.valueStart, pixel.end, encapsulatedItems([bot, ...frags]));
    },
  },
  {
    name: 'native pixel data length',
    applies: (shape) => shape.pixel !== undefined && !shape.pixel.encapsulated && shape.littleEndian,
    apply(shape, bytes, rng) {
      const pixel = shape.pixel!;
      const value = bytes.subarray(pixel.valueStart, pixel.end);
      const delta = rng.pick([-value.byteLength, -1, -2, 1, 2, 64, value.byteLength, 7]);
      const grown =
        delta < 0 ? value.subarray(0, Math.max(0, value.byteLength + delta)) : Buffer.concat([value, Uint8Array.from({ length: delta }, () => (rng.chance(0.5) ? 0 : rng.int(0, 255)))]);
      const out = splice(bytes, pixel.valueStart, pixel.end, grown);
      const view = new DataView(out.buffer);
      view.setUint32(pixel.valueStart - 4, grown.byteLength, true);
      return out;
    },
  },
  {
    name: 'text value',
    applies: (shape) => shape.elements.some((e) => e.vrOffset !== undefined && TEXT_VRS.has(vrAt(shape.bytes, e)) && e.length > 0),
    apply(shape, bytes, rng) {
      // Same length, other bytes: high bytes, escape sequences, backslashes, NULs (the file stays well formed).
      const e = rng.pick(shape.elements.filter((x) => x.vrOffset !== undefined && TEXT_VRS.has(vrAt(shape.bytes, x)) && x.length > 0));
      const out = clone(bytes);
      const alphabet = [0x1b, 0x24, 0x28, 0x29, 0x42, 0x4a, 0x5c, 0x5e, 0x3d, 0x00, 0x20, 0x41, 0xa4, 0xb1, 0xc8, 0xe9, 0xff, 0x0a, 0x0d];
      for (let i = 0; i < e.length && e.valueOffset + i < out.byteLength; i++) out[e.valueOffset + i] = rng.chance(0.5) ? rng.pick(alphabet) : rng.int(0, 255);
      return out;
    },
  },
  {
    name: 'character set',
    applies: (shape) => shape.dataset !== undefined,
    apply(_shape, bytes, rng) {
      const dataset = readDicom(bytes, 'seed');
      const terms = ['', 'ISO_IR 100', 'ISO_IR 192', 'ISO 2022 IR 6', 'ISO 2022 IR 87', 'ISO 2022 IR 13', 'ISO 2022 IR 149', 'ISO 2022 IR 58', 'ISO_IR 144', 'GB18030', 'GBK', 'ISO_IR 999', 'SMITH'];
      dataset.dict['00080005'] = { vr: 'CS', Value: Array.from({ length: rng.int(1, 3) }, () => rng.pick(terms)) };
      dataset.dict['00100010'] = { vr: 'PN', Value: [{ Alphabetic: rng.pick(['Yamada^Tarou=山田^太郎', 'Hong^Gildong=洪^吉洞=홍^길동', 'Buc^Jérôme', 'Люкceмбypг', '\u001b$B;3ED']) }] };
      return writeDicom(dataset);
    },
  },
  {
    name: 'splice bytes',
    applies: (shape) => shape.bytes.byteLength > 200,
    apply(_shape, bytes, rng) {
      const from = rng.int(0, bytes.byteLength - 1);
      const chunk = bytes.slice(from, Math.min(bytes.byteLength, from + rng.int(1, 256)));
      const at = rng.int(132, bytes.byteLength - 1);
      return rng.chance(0.5) ? splice(bytes, at, at, chunk) : splice(bytes, at, Math.min(bytes.byteLength, at + chunk.byteLength), new Uint8Array(0));
    },
  },
];

/** Encodes encapsulated Pixel Data items (and the sequence delimiter), little endian. */
function encapsulatedItems(items: Uint8Array[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const item of items) {
    const header = new Uint8Array(8);
    const view = new DataView(header.buffer);
    view.setUint32(0, 0xe000fffe, true);
    view.setUint32(4, item.byteLength, true);
    parts.push(header, item);
  }
  const end = new Uint8Array(8);
  new DataView(end.buffer).setUint32(0, 0xe0ddfffe, true);
  parts.push(end);
  return Buffer.concat(parts);
}

/** Mutations aimed at pixel data and the attributes that describe it. */
const PIXEL_FOCUSED = new Set(['declared size', 'fragments and offset table', 'native pixel data length', 'flip bytes', 'truncate']);

/** Mutations that work from the seed's structure, so they can only come first. */
const PARSING = new Set(['declared size', 'character set', 'fragments and offset table', 'native pixel data length', 'text value']);

/**
 * Applies one to three mutations to a seed. Returns the mutated bytes and the names of the mutations
 * (a mutation that throws on an already-mutated input is skipped).
 */
export function mutate(shape: SeedShape, rng: Rng, focus: 'any' | 'pixels' = 'any'): { bytes: Uint8Array; applied: string[] } {
  let bytes = shape.bytes;
  const applied: string[] = [];
  // Pixel mode decodes: its inputs get one mutation aimed at the pixel data or what declares it,
  // so most still reach the decoders (a random byte usually stops a file at the parser).
  const count = focus === 'pixels' ? 1 : rng.pick([1, 1, 1, 2, 2, 3]);
  // A mutation of declared values parses the file, so it goes first, on the intact seed.
  const candidates = mutations.filter((m) => m.applies(shape) && (focus === 'any' || PIXEL_FOCUSED.has(m.name)));
  for (let i = 0; i < count; i++) {
    const mutation = i === 0 ? rng.pick(candidates) : rng.pick(candidates.filter((m) => !PARSING.has(m.name)));
    try {
      bytes = mutation.apply(shape, bytes, rng);
      applied.push(mutation.name);
    } catch {
      // not applicable to this input
    }
  }
  if (applied.length === 0) {
    bytes = mutations[0].apply(shape, bytes, rng);
    applied.push(mutations[0].name);
  }
  return { bytes, applied };
}

/** The names of the mutations, for the report. */
export const mutationNames = mutations.map((m) => m.name);
