/**
 * A small DICOM writer of its own (explicit or implicit VR little endian, defined lengths), so the
 * held-out files do not come from the kit's own serializer.
 */
import { entry, type VR } from './dictionary.js';

export type Value = string | number | readonly (string | number)[] | Uint8Array | Dataset[];

export interface Element {
  tag: number;
  vr: VR;
  value: Value;
}

/** A data set: elements by tag. */
export class Dataset {
  readonly elements = new Map<number, Element>();

  /** Sets an attribute by keyword (`undefined` leaves it out; `''` writes it empty, e.g. a Type 2 attribute). */
  set(keyword: string, value: Value | undefined): this {
    if (value === undefined) return this;
    const e = entry(keyword);
    this.elements.set(e.tag, { tag: e.tag, vr: e.vr, value });
    return this;
  }

  /** Sets an attribute by tag and VR (private attributes, pixel data as OB). */
  setTag(tag: number, vr: VR, value: Value): this {
    this.elements.set(tag, { tag, vr, value });
    return this;
  }

  /** Copies attributes by keyword from another data set. */
  copy(from: Dataset, keywords: readonly string[]): this {
    for (const k of keywords) {
      const e = from.elements.get(entry(k).tag);
      if (e) this.elements.set(e.tag, e);
    }
    return this;
  }

  get(keyword: string): Value | undefined {
    return this.elements.get(entry(keyword).tag)?.value;
  }
}

/** Builds a data set from keyword → value pairs. */
export function ds(values: Record<string, Value | undefined>): Dataset {
  const d = new Dataset();
  for (const [k, v] of Object.entries(values)) d.set(k, v);
  return d;
}

export const EXPLICIT_LE = '1.2.840.10008.1.2.1';
export const IMPLICIT_LE = '1.2.840.10008.1.2';

const LONG_VRS = new Set<VR>(['OB', 'OW', 'SQ', 'UN', 'UT', 'UC', 'UR']);
const TEXT_VRS = new Set<VR>(['AE', 'AS', 'CS', 'DA', 'DS', 'DT', 'IS', 'LO', 'LT', 'PN', 'SH', 'ST', 'TM', 'UC', 'UI', 'UR', 'UT']);

function formatNumber(vr: VR, v: string | number): string {
  if (typeof v === 'string') return v;
  if (vr === 'IS') return String(Math.round(v));
  // DS: at most 16 characters.
  let s = String(v);
  if (s.length > 16) s = v.toPrecision(10).replace(/\.?0+$/, '');
  return s;
}

function encodeValue(e: Element, explicit: boolean, charset: BufferEncoding): Buffer {
  const { vr, value } = e;
  if (vr === 'SQ') {
    const items = (value as Dataset[]).map((item) => {
      const body = encodeDataset(item, explicit, charset);
      const head = Buffer.alloc(8);
      head.writeUInt16LE(0xfffe, 0);
      head.writeUInt16LE(0xe000, 2);
      head.writeUInt32LE(body.length, 4);
      return Buffer.concat([head, body]);
    });
    return Buffer.concat(items);
  }
  if (value instanceof Uint8Array) {
    const b = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    return b.length % 2 ? Buffer.concat([b, Buffer.alloc(1)]) : b;
  }
  const values = (Array.isArray(value) ? value : [value]) as (string | number)[];
  if (TEXT_VRS.has(vr)) {
    let s = values.map((v) => formatNumber(vr, v)).join('\\');
    if (s.length % 2) s += vr === 'UI' ? '\0' : ' ';
    const b = Buffer.from(s, vr === 'UI' || vr === 'DA' || vr === 'TM' || vr === 'CS' ? 'latin1' : charset);
    return b.length % 2 ? Buffer.concat([b, Buffer.from(' ')]) : b;
  }
  const nums = values.map(Number);
  const size = { US: 2, SS: 2, UL: 4, SL: 4, FL: 4, FD: 8, AT: 4 }[vr as string];
  if (!size) throw new Error(`heldout writer: cannot encode VR ${vr} from numbers`);
  const b = Buffer.alloc(size * nums.length);
  nums.forEach((n, i) => {
    const o = i * size;
    if (vr === 'US') b.writeUInt16LE(n, o);
    else if (vr === 'SS') b.writeInt16LE(n, o);
    else if (vr === 'UL') b.writeUInt32LE(n, o);
    else if (vr === 'SL') b.writeInt32LE(n, o);
    else if (vr === 'FL') b.writeFloatLE(n, o);
    else if (vr === 'FD') b.writeDoubleLE(n, o);
    else {
      b.writeUInt16LE(n >>> 16, o);
      b.writeUInt16LE(n & 0xffff, o + 2);
    }
  });
  return b;
}

function encodeElement(e: Element, explicit: boolean, charset: BufferEncoding): Buffer {
  const body = encodeValue(e, explicit, charset);
  let head: Buffer;
  if (!explicit) {
    head = Buffer.alloc(8);
    head.writeUInt32LE(body.length, 4);
  } else if (LONG_VRS.has(e.vr)) {
    head = Buffer.alloc(12);
    head.write(e.vr, 4, 'latin1');
    head.writeUInt32LE(body.length, 8);
  } else {
    if (body.length > 0xffff) throw new Error(`heldout writer: ${e.tag.toString(16)} too long for VR ${e.vr}`);
    head = Buffer.alloc(8);
    head.write(e.vr, 4, 'latin1');
    head.writeUInt16LE(body.length, 6);
  }
  head.writeUInt16LE(e.tag >>> 16, 0);
  head.writeUInt16LE(e.tag & 0xffff, 2);
  return Buffer.concat([head, body]);
}

function encodeDataset(d: Dataset, explicit: boolean, charset: BufferEncoding): Buffer {
  const sorted = [...d.elements.values()].sort((a, b) => (a.tag >>> 0) - (b.tag >>> 0));
  return Buffer.concat(sorted.map((e) => encodeElement(e, explicit, charset)));
}

/** The character encoding a Specific Character Set value asks for (default repertoire, Latin-1 or UTF-8). */
function charsetOf(d: Dataset): BufferEncoding {
  const v = d.get('SpecificCharacterSet');
  return v === 'ISO_IR 192' ? 'utf8' : 'latin1';
}

/** A Part 10 file: preamble, `DICM`, the meta group (explicit VR LE), then the data set. */
export function writeDicomFile(d: Dataset, transferSyntax: string = EXPLICIT_LE): Buffer {
  const meta = new Dataset()
    .setTag(0x00020001, 'OB', new Uint8Array([0, 1]))
    .setTag(0x00020002, 'UI', String(d.get('SOPClassUID')))
    .setTag(0x00020003, 'UI', String(d.get('SOPInstanceUID')))
    .setTag(0x00020010, 'UI', transferSyntax)
    .setTag(0x00020012, 'UI', '2.25.81407339117146237066283187305392281415')
    .setTag(0x00020013, 'SH', 'HELDOUT_GEN_1');
  const metaBody = encodeDataset(meta, true, 'latin1');
  const groupLength = encodeElement({ tag: 0x00020000, vr: 'UL', value: metaBody.length }, true, 'latin1');
  const body = encodeDataset(d, transferSyntax !== IMPLICIT_LE, charsetOf(d));
  return Buffer.concat([Buffer.alloc(128), Buffer.from('DICM'), groupLength, metaBody, body]);
}
