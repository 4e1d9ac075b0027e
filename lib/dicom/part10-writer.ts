/**
 * Writes a dataset (the DICOM JSON model of `dataset.ts`) as Part 10 bytes into one growable
 * buffer. It writes exactly the bytes dcmjs 0.51's `DicomDict.write` wrote for every dataset the
 * kit makes (the tests compare the two), without dcmjs's stream object per element and item:
 * - elements in the order of their sorted tag strings, in implicit VR little endian, explicit VR
 *   little endian (also for deflated and encapsulated syntaxes) or explicit VR big endian;
 * - values as dcmjs formats them (numbers of DS/IS as text, PN objects joined with `=` and `\`,
 *   a value read and not changed since written back as read: the `_rawValue` dcmjs keeps);
 * - even lengths (text padded with a space, UI and binary values with a null byte); a value of a
 *   2-byte-length VR longer than 65535 bytes written as UN with a 4-byte length;
 * - sequences and items of undefined length; top-level Pixel Data in an encapsulated syntax
 *   encapsulated as dcmjs did (20 KiB fragments and a Basic Offset Table; `writeDicom` writes its
 *   own), Pixel Data in an item (an icon) never encapsulated, its first value written;
 * - a VR the table does not know written as UN (as dcmjs did; the reader never makes one).
 * Two differences, for elements the reader never makes: an element without a value list is written
 * empty (dcmjs threw on one of LO, LT, SH or ST, and wrote the word `undefined` in DS and IS), and a
 * binary value that is a view of part of a buffer is written as that part (dcmjs wrote the buffer
 * from its start).
 * A value it cannot write (a number that is not one, text over the VR's maximum length, a
 * sequence item that is not a dataset) throws a {@link DicomWriteError} naming the tag and the VR,
 * never the value.
 */
import type { DicomDict, DicomElement } from './dataset.js';
import { TS } from './transfer-syntaxes.js';

/** A dataset the writer cannot encode; the message names the element (tag and VR), not its value. */
export class DicomWriteError extends Error {
  override name = 'DicomWriteError';
}

/** How one VR's values are encoded. */
interface VrRule {
  type: string;
  kind: 'ascii' | 'utf8' | 'pn' | 'ds' | 'is' | 'u16' | 'i16' | 'u32' | 'i32' | 'f32' | 'f64' | 'u64' | 'at' | 'binary' | 'sq';
  /** Byte that pads an odd length to even. */
  pad: number;
  /** A 4-byte length in explicit VR (and two reserved bytes). */
  long: boolean;
  /** Several values are joined with a backslash. */
  multiple: boolean;
  /** Bytes one value may take; more is an error. */
  maxBytes?: number;
  /** Characters one value may take (and a date/time range query), checked as text. */
  maxChars?: { single: number; range: number };
  /** How dcmjs formats a value read from the file, to tell whether it was changed since. */
  format: (raw: unknown) => unknown;
}

const SPACE = 0x20;
const NULL = 0x00;
const BACKSLASH = 0x5c;
const UNDEFINED_LENGTH = 0xffffffff;
const PIXEL_DATA = '7FE00010';
/** Fragment size dcmjs splits a frame into when it encapsulates it. */
const FRAGMENT_SIZE = 20 * 1024;
const NATIVE_SYNTAXES: ReadonlySet<string> = new Set([TS.ImplicitVRLittleEndian, TS.ExplicitVRLittleEndian, TS.DeflatedExplicitVRLittleEndian, TS.ExplicitVRBigEndian]);

const identity = (raw: unknown) => raw;
const trim = (raw: unknown) => (Array.isArray(raw) ? raw.map((s) => (s as string).trim()) : (raw as string).trim());
const trimEnd = (raw: unknown) => (raw as string).replace(/\s*$/g, '');
const toNumberOrNull = (text: string) => {
  const digits = text.trim().replace(/[^0-9.\\\-+e]/gi, '');
  return digits === '' ? null : Number(digits);
};
const numberString = (raw: unknown) => (Array.isArray(raw) ? raw.map((s) => toNumberOrNull(s as string)) : toNumberOrNull(raw as string));
const uidCharacters = (raw: unknown) => (Array.isArray(raw) ? raw.map((s) => (s as string).replace(/[^0-9.]/g, '')) : (raw as string).replace(/[^0-9.]/g, ''));

function rule(type: string, kind: VrRule['kind'], pad: number, options: Partial<Omit<VrRule, 'type' | 'kind' | 'pad'>> = {}): VrRule {
  const binary = ['u16', 'i16', 'u32', 'i32', 'f32', 'f64', 'u64', 'at'].includes(kind);
  return {
    type,
    kind,
    pad,
    long: ['OB', 'OW', 'OF', 'SQ', 'UC', 'UR', 'UT', 'UN', 'OD', 'UV'].includes(type),
    multiple: !binary && !['SQ', 'OF', 'OW', 'OB', 'UN'].includes(type),
    format: identity,
    ...options,
  };
}

/** dcmjs's VR table: the VRs it knows, with their padding, length and formatting rules. */
const RULES: Record<string, VrRule> = {
  AE: rule('AE', 'ascii', SPACE, { maxBytes: 16, format: (raw) => (raw as string).trim() }),
  AS: rule('AS', 'ascii', SPACE, { maxBytes: 4 }),
  AT: rule('AT', 'at', NULL, { maxBytes: 4 }),
  CS: rule('CS', 'ascii', SPACE, { maxBytes: 16, format: trim }),
  DA: rule('DA', 'ascii', SPACE, { maxChars: { single: 8, range: 18 } }),
  DS: rule('DS', 'ds', SPACE, { maxBytes: 16, format: numberString }),
  DT: rule('DT', 'ascii', SPACE, { maxChars: { single: 26, range: 54 } }),
  FL: rule('FL', 'f32', NULL, { maxBytes: 4, format: (raw) => Number(raw) }),
  FD: rule('FD', 'f64', NULL, { maxBytes: 8, format: (raw) => Number(raw) }),
  IS: rule('IS', 'is', SPACE, { maxBytes: 12, format: numberString }),
  LO: rule('LO', 'utf8', SPACE, { format: (raw) => (raw as string).trim() }),
  LT: rule('LT', 'utf8', SPACE, { format: trimEnd }),
  OB: rule('OB', 'binary', NULL),
  OD: rule('OD', 'binary', NULL),
  OF: rule('OF', 'binary', NULL),
  OW: rule('OW', 'binary', NULL),
  PN: rule('PN', 'pn', SPACE, { format: personNameObjects }),
  SH: rule('SH', 'utf8', SPACE, { format: (raw) => (raw as string).trim() }),
  SL: rule('SL', 'i32', NULL, { maxBytes: 4 }),
  SQ: rule('SQ', 'sq', NULL),
  SS: rule('SS', 'i16', NULL, { maxBytes: 2 }),
  ST: rule('ST', 'utf8', SPACE, { format: trimEnd }),
  TM: rule('TM', 'ascii', SPACE, { maxChars: { single: 16, range: 28 }, format: trimEnd }),
  UC: rule('UC', 'utf8', SPACE, { format: trimEnd }),
  UI: rule('UI', 'ascii', NULL, { maxBytes: 64, format: uidCharacters }),
  UL: rule('UL', 'u32', NULL, { maxBytes: 4 }),
  UN: rule('UN', 'binary', NULL),
  UR: rule('UR', 'ascii', SPACE),
  US: rule('US', 'u16', NULL, { maxBytes: 2 }),
  UT: rule('UT', 'utf8', SPACE, { format: trimEnd }),
  UV: rule('UV', 'u64', NULL, { maxBytes: 8 }),
};

/** The rule for an element's VR; dcmjs wrote unknown VRs as UN (and its `ox`/`xs` as OW/US). */
function ruleFor(vr: string): VrRule {
  if (Object.hasOwn(RULES, vr)) return RULES[vr];
  return vr === 'ox' ? RULES.OW : vr === 'xs' ? RULES.US : RULES.UN;
}

/** JavaScript's own conversion of any value to text, which dcmjs relied on (`null` is `'null'`). */
function jsString(value: unknown): string {
  if (typeof value === 'string') return value;
  return value === null ? 'null' : value === undefined ? 'undefined' : (value as { toString(): string }).toString();
}

/** A Person Name string as dcmjs's DICOM JSON objects (to compare with a read value). */
function personNameObjects(raw: unknown): unknown {
  if (raw === undefined || raw === null) return [];
  if (typeof raw === 'string' || raw instanceof String) {
    return String(raw)
      .split('\\')
      .filter(Boolean)
      .map((name) => {
        const [alphabetic, ideographic, phonetic] = name.split('=');
        return { ...(alphabetic ? { Alphabetic: alphabetic } : {}), ...(ideographic ? { Ideographic: ideographic } : {}), ...(phonetic ? { Phonetic: phonetic } : {}) };
      });
  }
  return Array.isArray(raw) ? raw : [Object.assign({}, raw)];
}

/** DICOM JSON Person Name values as Part 10 text (components joined with `=`, values with `\`). */
function personNameText(value: unknown): string {
  if (typeof value === 'string' || value instanceof String) return String(value);
  const values = Array.isArray(value) ? value : [value];
  return values
    .filter(Boolean)
    .map((v) => {
      if (typeof v === 'string' || v instanceof String) return v;
      const name = v as { Alphabetic?: unknown; Ideographic?: unknown; Phonetic?: unknown };
      return [name.Alphabetic ?? '', name.Ideographic ?? '', name.Phonetic ?? ''].map(jsString).join('=').replace(/=*$/, '');
    })
    .join('\\');
}

/** A number as DS text: as JavaScript writes it, or shortened to 16 characters as dcmjs does. */
function decimalText(value: unknown): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  const text = jsString(value);
  if (text.length <= 16) return text;
  const number = value as number;
  const signChars = number < 0 ? 1 : 0;
  const log = Math.log10(Math.abs(number));
  if (log < -4 || log >= 14 - signChars) {
    const exponential = number.toExponential(16 - signChars);
    return exponential.length <= 16 ? exponential : number.toExponential(16 - (exponential.length - 16) - signChars);
  }
  const fixed = number.toFixed(16 - signChars);
  return fixed.length <= 16 ? fixed : number.toFixed(16 - signChars - (fixed.length - 16));
}

function integerText(value: unknown): string {
  if (typeof value === 'string') return value;
  return value === null ? '' : jsString(value);
}

/** dcmjs's deep equality (keys and values; binary buffers have no keys). */
function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (const key of keysA) {
    if (!keysB.includes(key) || !deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** The values to write: those read from the file (`_rawValue`) when the element still holds what they format to. */
function valuesToWrite(rule: VrRule, element: DicomElement): unknown {
  const raw = (element as { _rawValue?: unknown })._rawValue;
  if (!raw) return element.Value;
  const formatted = Array.isArray(raw) ? raw.map((r) => rule.format(r)) : rule.format(raw);
  return deepEqual(element.Value, formatted) ? raw : element.Value;
}

/** Writes bytes at the end of one buffer that grows as needed. */
class ByteSink {
  bytes: Uint8Array;
  view: DataView;
  length = 0;
  little = true;
  private readonly encoder = new TextEncoder();

  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity);
    this.view = new DataView(this.bytes.buffer);
  }

  ensure(more: number): void {
    const needed = this.length + more;
    if (needed <= this.bytes.byteLength) return;
    const grown = new Uint8Array(Math.max(needed, this.bytes.byteLength * 2));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }

  u8(value: number): void {
    this.ensure(1);
    this.bytes[this.length++] = value;
  }

  u16(value: number): void {
    this.ensure(2);
    this.view.setUint16(this.length, value, this.little);
    this.length += 2;
  }

  u32(value: number): void {
    this.ensure(4);
    this.view.setUint32(this.length, value, this.little);
    this.length += 4;
  }

  /** Each UTF-16 code unit as one byte (its low 8 bits), as dcmjs writes ASCII VRs. */
  latin1(text: string): number {
    const n = text.length;
    this.ensure(n);
    const bytes = this.bytes;
    let p = this.length;
    for (let i = 0; i < n; i++) bytes[p++] = text.charCodeAt(i);
    this.length = p;
    return n;
  }

  utf8(text: string): number {
    this.ensure(text.length * 3);
    const { written } = this.encoder.encodeInto(text, this.bytes.subarray(this.length));
    this.length += written;
    return written;
  }

  raw(bytes: Uint8Array): void {
    this.ensure(bytes.byteLength);
    this.bytes.set(bytes, this.length);
    this.length += bytes.byteLength;
  }
}

interface Syntax {
  implicit: boolean;
  little: boolean;
  /** Pixel Data is encapsulated (the syntax as given, not as normalised). */
  encapsulated: boolean;
}

/** How dcmjs writes a syntax: anything but implicit little and explicit big endian as explicit little endian. */
function syntaxOf(transferSyntaxUID: string): Syntax {
  return {
    implicit: transferSyntaxUID === TS.ImplicitVRLittleEndian,
    little: transferSyntaxUID !== TS.ExplicitVRBigEndian,
    encapsulated: !NATIVE_SYNTAXES.has(transferSyntaxUID),
  };
}

const TAG_KEY = /^[0-9A-Fa-f]{8}$/;

function where(tag: string, vr: string): string {
  return `(${tag.slice(0, 4)},${tag.slice(4)}) ${vr}`;
}

/** Writes each element of `dict` in sorted tag order. */
function writeDict(sink: ByteSink, items: unknown, syntax: Syntax): void {
  if (items === null || typeof items !== 'object' || Array.isArray(items)) throw new DicomWriteError('a sequence item is not a dataset');
  const dict = items as DicomDict;
  for (const tag of Object.keys(dict).sort()) {
    const element = dict[tag];
    if (!TAG_KEY.test(tag)) throw new DicomWriteError(`"${tag.slice(0, 12)}" is not a tag (8 hexadecimal digits)`);
    if (!element || typeof element.vr !== 'string') throw new DicomWriteError(`element (${tag.slice(0, 4)},${tag.slice(4)}) has no VR`);
    writeElement(sink, tag, element, syntax);
  }
}

function writeElement(sink: ByteSink, tag: string, element: DicomElement, syntax: Syntax): void {
  const rule = ruleFor(element.vr);
  const values = valuesToWrite(rule, element);
  sink.little = syntax.little;
  sink.u16(Number.parseInt(tag.slice(0, 4), 16));
  sink.u16(Number.parseInt(tag.slice(4), 16));
  const encapsulated = rule.kind === 'binary' && syntax.encapsulated && tag === PIXEL_DATA && (element.vr === 'OB' || element.vr === 'OW' || element.vr === 'UN');
  // The length (and in explicit VR the VR) is filled in once the value is written.
  const headerAt = sink.length;
  const headerSize = syntax.implicit ? 4 : rule.long ? 8 : 4;
  sink.ensure(headerSize);
  sink.length += headerSize;
  const valueAt = sink.length;
  if (rule.kind === 'sq') writeSequence(sink, values, syntax);
  else if (encapsulated) writeEncapsulated(sink, values, tag, rule);
  else writeValue(sink, rule, values, tag, valueAt);
  const length = rule.kind === 'sq' || encapsulated ? UNDEFINED_LENGTH : sink.length - valueAt;
  const { bytes, view } = sink;
  if (syntax.implicit) {
    view.setUint32(headerAt, length, syntax.little);
  } else if (rule.long) {
    bytes[headerAt] = rule.type.charCodeAt(0);
    bytes[headerAt + 1] = rule.type.charCodeAt(1);
    view.setUint16(headerAt + 2, 0, syntax.little);
    view.setUint32(headerAt + 4, length, syntax.little);
  } else if (length < 0x10000) {
    bytes[headerAt] = rule.type.charCodeAt(0);
    bytes[headerAt + 1] = rule.type.charCodeAt(1);
    view.setUint16(headerAt + 2, length, syntax.little);
  } else {
    // Too long for a 2-byte length: dcmjs wrote such a value as UN, with a 4-byte length.
    sink.ensure(4);
    sink.bytes.copyWithin(valueAt + 4, valueAt, sink.length);
    sink.length += 4;
    sink.bytes[headerAt] = 0x55; // U
    sink.bytes[headerAt + 1] = 0x4e; // N
    sink.view.setUint16(headerAt + 2, 0, syntax.little);
    sink.view.setUint32(headerAt + 4, length, syntax.little);
  }
}

function writeSequence(sink: ByteSink, items: unknown, syntax: Syntax): void {
  if (items) {
    for (let i = 0; i < (items as unknown[]).length; i++) {
      sink.u16(0xfffe);
      sink.u16(0xe000);
      sink.u32(UNDEFINED_LENGTH);
      // dcmjs wrote items in the syntax it normalised to: Pixel Data in an item (an icon) is never encapsulated.
      writeDict(sink, (items as unknown[])[i], { ...syntax, encapsulated: false });
      sink.u16(0xfffe);
      sink.u16(0xe00d);
      sink.u32(0);
    }
  }
  sink.u16(0xfffe);
  sink.u16(0xe0dd);
  sink.u32(0);
}

/** A binary value's bytes (an ArrayBuffer, or a view of one). */
function binaryBytes(value: unknown, tag: string, vr: string): Uint8Array {
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  throw new DicomWriteError(`cannot write ${where(tag, vr)}: its value is not binary data`);
}

/** Frames as dcmjs encapsulates them: an offset table, then each frame in 20 KiB fragments. */
function writeEncapsulated(sink: ByteSink, values: unknown, tag: string, rule: VrRule): void {
  const frames = ((values ?? []) as unknown[]).map((frame) => binaryBytes(frame, tag, rule.type));
  sink.u16(0xfffe);
  sink.u16(0xe000);
  sink.u32(frames.length * 4);
  let offset = 0;
  for (const frame of frames) {
    sink.u32(offset);
    const fragments = Math.ceil(frame.byteLength / FRAGMENT_SIZE);
    offset += frame.byteLength + (frame.byteLength & 1) + fragments * 8;
  }
  for (const frame of frames) {
    const fragments = Math.ceil(frame.byteLength / FRAGMENT_SIZE);
    for (let j = 0, start = 0; j < fragments; j++) {
      const last = j === fragments - 1;
      const end = last ? frame.byteLength : start + FRAGMENT_SIZE;
      const padded = last && (frame.byteLength & 1) === 1;
      sink.u16(0xfffe);
      sink.u16(0xe000);
      sink.u32(end - start + (padded ? 1 : 0));
      sink.raw(frame.subarray(start, end));
      if (padded) sink.u8(rule.pad);
      start = end;
    }
  }
  sink.u16(0xfffe);
  sink.u16(0xe0dd);
  sink.u32(0);
}

/** Writes a value that is not a sequence nor encapsulated, padded to even length. */
function writeValue(sink: ByteSink, rule: VrRule, value: unknown, tag: string, valueAt: number): void {
  if (rule.kind === 'binary') {
    // Only the first value of a binary element is written (dcmjs keeps one); none is an empty value.
    const first = ((value ?? []) as unknown[])[0];
    if (first !== undefined && first !== null) sink.raw(binaryBytes(first, tag, rule.type));
  } else {
    // No value list at all is an empty value (dcmjs wrote the word `undefined` in DS and IS).
    const numbers = value === undefined ? [] : listOf(value);
    const texts = rule.kind === 'ds' ? numbers.map(decimalText) : rule.kind === 'is' ? numbers.map(integerText) : rule.kind === 'pn' ? personNameText(value) : value;
    writeValues(sink, rule, texts, tag);
  }
  if (((sink.length - valueAt) & 1) === 1) sink.u8(rule.pad);
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** Writes one value or each of a list (backslash-separated where the VR has several), checking lengths. */
function writeValues(sink: ByteSink, rule: VrRule, value: unknown, tag: string): void {
  if (value === null || value === '' || value === undefined) return;
  if (!Array.isArray(value)) {
    check(rule, value, writeOne(sink, rule, value, tag), tag);
    return;
  }
  value.forEach((v, k) => {
    if (rule.multiple && k > 0) sink.u8(BACKSLASH);
    const written = writeOne(sink, rule, v, tag);
    check(rule, v, written, tag);
  });
}

/** Refuses a value longer than its VR allows, as dcmjs did (character-limited VRs are not checked). */
function check(rule: VrRule, value: unknown, written: number, tag: string): void {
  if (value === null) return;
  if (rule.maxChars) {
    if (typeof value !== 'string' && !(value instanceof String)) return;
    const text = jsString(value);
    const max = text.includes('-') ? rule.maxChars.range : rule.maxChars.single;
    if (text.length > max) throw new DicomWriteError(`cannot write ${where(tag, rule.type)}: a value of ${text.length} characters, above the VR's maximum of ${max}`);
    return;
  }
  if (rule.kind === 'pn') {
    const text = jsString(value);
    for (const name of text.split('\\')) {
      for (const component of name.split('=')) {
        if (component.length > 64) throw new DicomWriteError(`cannot write ${where(tag, rule.type)}: a name component of ${component.length} characters, above the maximum of 64`);
      }
    }
    return;
  }
  if (rule.maxBytes !== undefined && written > rule.maxBytes) {
    throw new DicomWriteError(`cannot write ${where(tag, rule.type)}: a value of ${written} bytes, above the VR's maximum of ${rule.maxBytes}`);
  }
}

/** dcmjs's `toInt`: a string is parsed, anything that is not a number refused. */
function integer(value: unknown, tag: string, vr: string): number {
  if (Array.isArray(value) || Number.isNaN(Number(value))) throw new DicomWriteError(`cannot write ${where(tag, vr)}: a value is not a number`);
  // parseInt without a radix, as dcmjs: `0x10` is 16.
  return typeof value === 'string' ? Number.parseInt(value) : (value as number);
}

/** dcmjs's `toFloat`: a string is parsed, anything else written as JavaScript converts it. */
function float(value: unknown): number {
  return typeof value === 'string' ? Number.parseFloat(value) : (value as number);
}

/** Writes one value; returns its byte count. */
function writeOne(sink: ByteSink, rule: VrRule, value: unknown, tag: string): number {
  const view = () => {
    sink.ensure(8);
    return sink.view;
  };
  const at = sink.length;
  switch (rule.kind) {
    case 'ascii':
    case 'ds':
    case 'is': {
      const text = value || '';
      if (typeof text !== 'string' && !(text instanceof String)) throw new DicomWriteError(`cannot write ${where(tag, rule.type)}: a value is not text`);
      return sink.latin1(String(text));
    }
    case 'utf8':
    case 'pn':
      // TextEncoder's conversion: undefined is empty, anything else its string.
      return sink.utf8(value === undefined ? '' : jsString(value));
    case 'u16':
      view().setUint16(at, integer(value, tag, rule.type), sink.little);
      return advance(sink, 2);
    case 'i16':
      view().setInt16(at, integer(value, tag, rule.type), sink.little);
      return advance(sink, 2);
    case 'u32':
      view().setUint32(at, integer(value, tag, rule.type), sink.little);
      return advance(sink, 4);
    case 'i32':
      view().setInt32(at, integer(value, tag, rule.type), sink.little);
      return advance(sink, 4);
    case 'f32':
      view().setFloat32(at, float(value), sink.little);
      return advance(sink, 4);
    case 'f64':
      view().setFloat64(at, float(value), sink.little);
      return advance(sink, 8);
    case 'u64':
      if (typeof value !== 'bigint') throw new DicomWriteError(`cannot write ${where(tag, rule.type)}: a value is not a 64-bit integer (BigInt)`);
      view().setBigUint64(at, value, sink.little);
      return advance(sink, 8);
    case 'at': {
      const number = value as number;
      view().setUint16(at, integer(number >> 16, tag, rule.type), sink.little);
      sink.view.setUint16(at + 2, integer(number & 0xffff, tag, rule.type), sink.little);
      return advance(sink, 4);
    }
    default:
      throw new DicomWriteError(`cannot write ${where(tag, rule.type)}`);
  }
}

function advance(sink: ByteSink, bytes: number): number {
  sink.length += bytes;
  return bytes;
}

/** Where the parts of an encoded file are. */
export interface EncodedPart10 {
  /** Preamble, `DICM`, File Meta Information, dataset, then the bytes given to append. */
  bytes: Uint8Array;
  /** Offset of the dataset (the end of the File Meta Information). */
  datasetOffset: number;
}

/**
 * Encodes a Part 10 file: the 128-byte preamble, `DICM`, the File Meta Information (explicit VR
 * little endian, with its group length) from `meta`, then `dict` in `transferSyntaxUID` (the
 * meta's Transfer Syntax UID is set to it when missing), then `append` (e.g. a Pixel Data element
 * already encoded) copied once, into the same buffer.
 *
 * @throws DicomWriteError when an element cannot be written (the message names its tag and VR).
 */
export function encodePart10(meta: DicomDict, dict: DicomDict, transferSyntaxUID: string, append?: Uint8Array): EncodedPart10 {
  const sink = new ByteSink(64 * 1024 + (append?.byteLength ?? 0));
  sink.length = 128;
  sink.latin1('DICM');
  const withSyntax: DicomDict = meta['00020010'] ? meta : { ...meta, '00020010': { vr: 'UI', Value: [transferSyntaxUID] } };
  // The group length element (12 bytes) first, its value once the group is written.
  const groupLengthAt = sink.length;
  sink.ensure(12);
  sink.length += 12;
  const metaSyntax = syntaxOf(TS.ExplicitVRLittleEndian);
  writeDict(sink, withSyntax, metaSyntax);
  const datasetOffset = sink.length;
  const view = sink.view;
  view.setUint16(groupLengthAt, 0x0002, true);
  view.setUint16(groupLengthAt + 2, 0x0000, true);
  sink.bytes[groupLengthAt + 4] = 0x55; // U
  sink.bytes[groupLengthAt + 5] = 0x4c; // L
  view.setUint16(groupLengthAt + 6, 4, true);
  view.setUint32(groupLengthAt + 8, datasetOffset - groupLengthAt - 12, true);
  writeDict(sink, dict, syntaxOf(jsString(withSyntax['00020010']?.Value?.[0] ?? transferSyntaxUID)));
  if (append) sink.raw(append);
  return { bytes: sink.bytes.subarray(0, sink.length), datasetOffset };
}
