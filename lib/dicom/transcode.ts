/**
 * One walk over an encoded dataset (the bytes after the File Meta Information), used two ways:
 * - {@link inspectDataset} checks that every element, item and fragment lies within the bytes
 *   (dcmjs reads past the end of a truncated file without complaint) and tells whether dcmjs can
 *   read the dataset as it is;
 * - {@link transcodeDataset} rewrites a dataset dcmjs cannot read into one it can: explicit VR in
 *   the same byte order, sequences and items with defined lengths, every text value in UTF-8.
 *
 * What needs the rewrite (each is legal DICOM, or common enough that dcmtk reads it):
 * - a UN element of undefined length, or one the dictionary calls a sequence: a sequence whose
 *   items are Implicit VR Little Endian (PS3.5 6.2.2);
 * - in implicit VR, an element of undefined length that dcmjs's dictionary does not call a sequence
 *   (private and unknown sequences), and an unknown element of defined length whose value is a
 *   list of items (a private sequence, in implicit VR or stored as UN);
 * - a Specific Character Set with code extensions (`ISO 2022 IR 6\ISO 2022 IR 87`), several terms,
 *   or one set in a sequence item that differs from the dataset's;
 * - an item delimiter inside an item of defined length, a sequence delimiter after a sequence of
 *   defined length, and VRs that are not in the standard (read, as dcmtk does, with a 2-byte length);
 * - any item of undefined length: dcmjs finds its end by scanning for delimiter tags, through the
 *   values too, and loses its way in nested sequences or binary values that hold those bytes.
 */
import { CHARSET_VRS, UTF8_CHARSET, charsetTerms, decodeText, decodedByParser, readsAsUtf8 } from './charset.js';
import { STANDARD_VRS, implicitVrOf } from './dictionary.js';

/** How a dataset is encoded. */
export interface DatasetSyntax {
  implicitVR: boolean;
  littleEndian: boolean;
}

/** Why a dataset must be transcoded before dcmjs reads it. */
export type TranscodeReason = 'un-sequence' | 'implicit-sequence' | 'charset' | 'stray-delimiter' | 'unknown-vr' | 'undefined-length-item';

/** Where the top-level Pixel Data element lies in the dataset's bytes (as read, before any rewrite). */
export interface PixelElementPosition {
  /** Offset of its tag. */
  start: number;
  /** Offset of its value (for encapsulated data, of the first item). */
  valueStart: number;
  /** Offset after its value (for encapsulated data, after the sequence delimiter). */
  end: number;
  /** Its VR: as written in explicit VR, as dcmjs would take it in implicit VR. */
  vr: string;
  encapsulated: boolean;
  /** Encapsulated data: the item values in order, the Basic Offset Table first. */
  items?: Uint8Array[];
}

/** What {@link inspectDataset} found. */
export interface Inspection {
  /** Why dcmjs cannot read the dataset as it is (empty when it can). */
  reasons: Set<TranscodeReason>;
  /** The top-level Pixel Data element, when there is one. */
  pixel?: PixelElementPosition;
}

/** A dataset whose structure does not fit its bytes (truncated, or an element where an item belongs). */
export class DatasetStructureError extends Error {
  override name = 'DatasetStructureError';
}

const UNDEFINED = 0xffffffff;
/** Deeper nesting than this is refused rather than risk the call stack (real files nest a handful of levels). */
const MAX_DEPTH = 64;
const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'UC', 'UN', 'UR', 'UT', 'SV', 'UV']);
const WORD_SIZE: Record<string, number> = { US: 2, SS: 2, OW: 2, AT: 2, UL: 4, SL: 4, FL: 4, OF: 4, OL: 4, FD: 8, OD: 8, SV: 8, UV: 8, OV: 8 };
/** Value sizes of the VRs dcmjs reads as numbers. */
const FIXED_SIZE: Record<string, number> = { US: 2, SS: 2, UL: 4, SL: 4, FL: 4, AT: 4, FD: 8, SV: 8, UV: 8 };
const DEFAULT_TERMS = new Set(['', 'ISO_IR 6', 'ISO 2022 IR 6', UTF8_CHARSET]);

/**
 * Walks the whole dataset: says why dcmjs cannot read it as it is and where its Pixel Data lies.
 * @throws DatasetStructureError naming the first element that does not fit the bytes.
 */
export function inspectDataset(body: Uint8Array, syntax: DatasetSyntax): Inspection {
  const walker = new Walker(body, syntax, undefined);
  walker.run();
  return { reasons: walker.reasons, pixel: walker.pixel };
}

/**
 * Rewrites a dataset as explicit VR in the same byte order, with defined lengths for sequences and
 * items, text in UTF-8 and Specific Character Set `ISO_IR 192`. Binary values are copied byte for
 * byte. The rewrite stops before the top-level Pixel Data element (see {@link Inspection.pixel}).
 * @param prefix bytes to put before the dataset in the same buffer (a preamble and meta header).
 * @throws DatasetStructureError as {@link inspectDataset}.
 */
export function transcodeDataset(body: Uint8Array, syntax: DatasetSyntax, prefix?: Uint8Array): Uint8Array {
  const sink = new Sink(syntax.littleEndian);
  if (prefix) sink.raw(prefix);
  new Walker(body, syntax, sink).run();
  return sink.concat();
}

interface Context {
  implicit: boolean;
  littleEndian: boolean;
  /** Specific Character Set terms in force. */
  terms: string[];
  depth: number;
}

class Walker {
  readonly reasons = new Set<TranscodeReason>();
  pixel?: PixelElementPosition;
  private readonly view: DataView;

  constructor(
    private readonly body: Uint8Array,
    private readonly syntax: DatasetSyntax,
    private readonly sink: Sink | undefined,
  ) {
    this.view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  }

  run(): void {
    try {
      this.elements(0, this.body.byteLength, { implicit: this.syntax.implicitVR, littleEndian: this.syntax.littleEndian, terms: [], depth: 0 }, false);
    } catch (error) {
      if (error instanceof RangeError && !(error instanceof DatasetStructureError)) {
        throw new DatasetStructureError(`malformed: ${error.message}`);
      }
      throw error;
    }
  }

  private u16(p: number, le: boolean): number {
    return this.view.getUint16(p, le);
  }

  private u32(p: number, le: boolean): number {
    return this.view.getUint32(p, le);
  }

  /** Walks elements from `p` to `end`, or to the item delimiter when `inUndefinedItem`. Returns the position after. */
  private elements(p: number, end: number, ctx: Context, inUndefinedItem: boolean): number {
    const le = ctx.littleEndian;
    while (p < end) {
      if (p + 8 > end) throw new DatasetStructureError(`truncated inside an element header at byte ${p}`);
      const group = this.u16(p, le);
      const element = this.u16(p + 2, le);
      if (group === 0xfffe) {
        if (element === 0xe00d) {
          if (inUndefinedItem) return p + 8;
          // dcmtk calls this an "ItemDelimitationItem for re-encoding" and skips it.
          this.reasons.add('stray-delimiter');
          p += 8;
          continue;
        }
        if (element === 0xe0dd) {
          this.reasons.add('stray-delimiter');
          p += 8;
          continue;
        }
        throw new DatasetStructureError(`malformed: an item ${hex(group, element)} stands where a data element was expected (byte ${p})`);
      }
      let vr: string;
      let length: number;
      let valueStart: number;
      if (ctx.implicit) {
        length = this.u32(p + 4, le);
        valueStart = p + 8;
        vr = implicitVrOf(group, element, length === UNDEFINED);
      } else {
        vr = String.fromCharCode(this.body[p + 4], this.body[p + 5]);
        if (!STANDARD_VRS.has(vr)) {
          // dcmtk reads an unknown VR with a 2-byte length; dcmjs would take it as UN with a 4-byte one.
          this.reasons.add('unknown-vr');
          vr = 'UN';
          length = this.u16(p + 6, le);
          valueStart = p + 8;
        } else if (LONG_VRS.has(vr)) {
          if (p + 12 > end) throw new DatasetStructureError(`truncated inside the header of ${hex(group, element)} at byte ${p}`);
          length = this.u32(p + 8, le);
          valueStart = p + 12;
        } else {
          length = this.u16(p + 6, le);
          valueStart = p + 8;
        }
      }
      const topLevelPixels = group === 0x7fe0 && element === 0x0010 && ctx.depth === 0;
      if (topLevelPixels) this.sink?.halt();
      if (length === UNDEFINED) {
        if (group === 0x7fe0 && element === 0x0010) {
          const items: Uint8Array[] = [];
          const after = this.encapsulated(vr, valueStart, end, ctx, items);
          if (topLevelPixels) this.pixel = { start: p, valueStart, end: after, vr: vr === 'OW' ? 'OW' : 'OB', encapsulated: true, items };
          p = after;
          continue;
        }
        let itemContext = ctx;
        if (vr === 'UN') {
          this.reasons.add('un-sequence');
          itemContext = { ...ctx, implicit: true, littleEndian: true };
        } else if (vr !== 'SQ') {
          if (!ctx.implicit) throw new DatasetStructureError(`malformed: ${hex(group, element)} (VR ${vr}) has an undefined length`);
          this.reasons.add('implicit-sequence');
        }
        p = this.sequence(group, element, valueStart, end, itemContext, true, ctx);
        continue;
      }
      if (valueStart + length > end) {
        throw new DatasetStructureError(`truncated: ${hex(group, element)} needs ${length} bytes at byte ${valueStart} but only ${end - valueStart} remain`);
      }
      // dcmjs reads fixed-size values whole: a length that is not a multiple of the size would make
      // it read past the element and lose its place in the file (taking garbage for lengths).
      const readAs = vr === 'UN' && !ctx.implicit ? implicitVrOf(group, element, false) : vr;
      const size = FIXED_SIZE[readAs];
      if (size && length % size !== 0) {
        throw new DatasetStructureError(`malformed: ${hex(group, element)} (VR ${readAs}) holds ${length} bytes, not a whole number of ${size}-byte values`);
      }
      if (topLevelPixels) {
        this.pixel = { start: p, valueStart, end: valueStart + length, vr, encapsulated: false };
      } else if (vr === 'UN' && !ctx.implicit && length > 0 && implicitVrOf(group, element, false) === 'SQ') {
        // A sequence stored as UN holds Implicit VR Little Endian items (PS3.5 6.2.2); dcmjs would
        // read them as explicit VR and lose its way (a 2 KB file made it allocate 775 MB).
        this.reasons.add('un-sequence');
        this.sequence(group, element, valueStart, valueStart + length, { ...ctx, implicit: true, littleEndian: true }, false, ctx);
      } else if (vr === 'UN' && this.holdsItems(valueStart, length, ctx.implicit ? ctx : { ...ctx, implicit: true, littleEndian: true })) {
        // An unknown (private) element whose value is a list of items is a sequence: read it as one,
        // so the text in it is seen (and cleaned) like any other.
        this.reasons.add(ctx.implicit ? 'implicit-sequence' : 'un-sequence');
        this.sequence(group, element, valueStart, valueStart + length, ctx.implicit ? ctx : { ...ctx, implicit: true, littleEndian: true }, false, ctx);
      } else if (vr === 'SQ') {
        this.sequence(group, element, valueStart, valueStart + length, ctx, false, ctx);
      } else {
        this.value(group, element, vr, valueStart, length, ctx);
      }
      p = valueStart + length;
    }
    if (inUndefinedItem) throw new DatasetStructureError('truncated: a sequence item has no end');
    return p;
  }

  /** Whether a value of unknown VR starts with an item tag and reads cleanly as a sequence's items. */
  private holdsItems(start: number, length: number, itemCtx: Context): boolean {
    if (length < 8 || this.u16(start, itemCtx.littleEndian) !== 0xfffe || this.u16(start + 2, itemCtx.littleEndian) !== 0xe000) return false;
    const dry = new Walker(this.body, this.syntax, undefined);
    try {
      dry.sequence(0, 0, start, start + length, itemCtx, false, { ...itemCtx, depth: 0 });
      return true;
    } catch (error) {
      if (error instanceof DatasetStructureError) return false;
      throw error;
    }
  }

  /** A plain value: notes the character set, and in a rewrite re-encodes text and swaps words as needed. */
  private value(group: number, element: number, vr: string, start: number, length: number, ctx: Context): void {
    const bytes = this.body.subarray(start, start + length);
    if (group === 0x0008 && element === 0x0005) {
      const terms = charsetTerms(new TextDecoder('latin1').decode(bytes));
      const inherited = ctx.terms.join('\\');
      if (!decodedByParser(terms) || (ctx.depth > 0 && terms.join('\\') !== inherited)) this.reasons.add('charset');
      ctx.terms = terms;
      if (this.sink) this.sink.element(group, element, 'CS', new TextEncoder().encode(UTF8_CHARSET));
      return;
    }
    if (!this.sink) return;
    let out: Uint8Array = bytes;
    if (rewritesText(vr, ctx.terms)) {
      out = rewrittenText(bytes, ctx.terms, vr);
    } else if (ctx.littleEndian !== this.sink.littleEndian && WORD_SIZE[vr]) {
      out = swapped(bytes, WORD_SIZE[vr]);
    }
    this.sink.element(group, element, vr, out);
  }

  /** A sequence's items, from `start` to `end` or to the sequence delimiter. Returns the position after. */
  sequence(group: number, element: number, start: number, end: number, itemCtx: Context, undefinedLength: boolean, ownerCtx: Context): number {
    if (ownerCtx.depth >= MAX_DEPTH) throw new DatasetStructureError(`malformed: sequences nested more than ${MAX_DEPTH} deep`);
    const owner = hex(group, element);
    const le = itemCtx.littleEndian;
    const opened = this.sink?.open(group, element);
    let p = start;
    let closed = false;
    while (p + 8 <= end) {
      const itemGroup = this.u16(p, le);
      const itemElement = this.u16(p + 2, le);
      const length = this.u32(p + 4, le);
      if (itemGroup === 0xfffe && itemElement === 0xe0dd) {
        p += 8;
        if (undefinedLength) {
          closed = true;
          break;
        }
        this.reasons.add('stray-delimiter');
        continue;
      }
      if (itemGroup !== 0xfffe || itemElement !== 0xe000) {
        throw new DatasetStructureError(`malformed: ${owner} holds ${hex(itemGroup, itemElement)} where an item was expected (byte ${p})`);
      }
      const child: Context = { ...itemCtx, terms: [...ownerCtx.terms], depth: ownerCtx.depth + 1 };
      const item = this.sink?.openItem();
      if (length === UNDEFINED) {
        this.reasons.add('undefined-length-item');
        p = this.elements(p + 8, end, child, true);
      } else {
        if (p + 8 + length > end) throw new DatasetStructureError(`truncated: an item of ${owner} needs ${length} bytes at byte ${p + 8}`);
        this.elements(p + 8, p + 8 + length, child, false);
        p += 8 + length;
      }
      if (item) this.sink!.close(item);
    }
    if (undefinedLength && !closed) throw new DatasetStructureError(`truncated: ${owner} has no sequence delimiter`);
    if (!undefinedLength && p !== end) throw new DatasetStructureError(`truncated: ${owner} ends inside an item header at byte ${p}`);
    if (opened) this.sink!.close(opened);
    return p;
  }

  /** Encapsulated pixel data: fragments of defined length up to the sequence delimiter, copied as they are. */
  private encapsulated(vr: string, start: number, end: number, ctx: Context, items: Uint8Array[]): number {
    let p = start;
    while (p + 8 <= end) {
      const group = this.u16(p, ctx.littleEndian);
      const element = this.u16(p + 2, ctx.littleEndian);
      const length = this.u32(p + 4, ctx.littleEndian);
      if (group === 0xfffe && element === 0xe0dd) {
        this.sink?.encapsulated(vr === 'OW' ? 'OW' : 'OB', this.body.subarray(start, p + 8));
        return p + 8;
      }
      if (group !== 0xfffe || element !== 0xe000) {
        throw new DatasetStructureError(`malformed: encapsulated Pixel Data holds ${hex(group, element)} where a fragment was expected (byte ${p})`);
      }
      if (length === UNDEFINED) throw new DatasetStructureError(`malformed: a Pixel Data fragment has an undefined length (byte ${p})`);
      if (p + 8 + length > end) throw new DatasetStructureError(`truncated: a Pixel Data fragment needs ${length} bytes at byte ${p + 8}`);
      items.push(this.body.subarray(p + 8, p + 8 + length));
      p += 8 + length;
    }
    throw new DatasetStructureError('truncated: encapsulated Pixel Data has no sequence delimiter');
  }
}

/** Collects the rewritten dataset as a list of chunks (values are views of the input until the end). */
class Sink {
  private readonly chunks: Uint8Array[] = [];
  private size = 0;
  private halted = false;

  constructor(readonly littleEndian: boolean) {}

  /** Writes nothing more: the top-level Pixel Data and what follows it are read apart. */
  halt(): void {
    this.halted = true;
  }

  /** Bytes written as they are. */
  raw(bytes: Uint8Array): void {
    this.push(bytes);
  }

  private push(bytes: Uint8Array): void {
    if (this.halted) return;
    this.chunks.push(bytes);
    this.size += bytes.byteLength;
  }

  private tag(view: DataView, group: number, element: number): void {
    view.setUint16(0, group, this.littleEndian);
    view.setUint16(2, element, this.littleEndian);
  }

  /** An element with a value, in explicit VR (a short-length VR too long for 16 bits becomes UN). */
  element(group: number, element: number, vr: string, value: Uint8Array): void {
    const long = LONG_VRS.has(vr) || value.byteLength > 0xffff;
    const header = new Uint8Array(long ? 12 : 8);
    const view = new DataView(header.buffer);
    this.tag(view, group, element);
    const written = long && !LONG_VRS.has(vr) ? 'UN' : vr;
    header[4] = written.charCodeAt(0);
    header[5] = written.charCodeAt(1);
    if (long) view.setUint32(8, value.byteLength, this.littleEndian);
    else view.setUint16(6, value.byteLength, this.littleEndian);
    this.push(header);
    this.push(value);
  }

  /** Encapsulated Pixel Data: an OB header of undefined length and the fragments as read. */
  encapsulated(vr: 'OB' | 'OW', items: Uint8Array): void {
    const header = new Uint8Array(12);
    const view = new DataView(header.buffer);
    this.tag(view, 0x7fe0, 0x0010);
    header[4] = vr.charCodeAt(0);
    header[5] = vr.charCodeAt(1);
    view.setUint32(8, UNDEFINED, this.littleEndian);
    this.push(header);
    this.push(items);
  }

  /** Starts a sequence whose length is filled in by {@link close}. */
  open(group: number, element: number): Opened {
    const header = new Uint8Array(12);
    const view = new DataView(header.buffer);
    this.tag(view, group, element);
    header[4] = 0x53; // S
    header[5] = 0x51; // Q
    this.push(header);
    return { view, lengthAt: 8, start: this.size };
  }

  /** Starts an item whose length is filled in by {@link close}. */
  openItem(): Opened {
    const header = new Uint8Array(8);
    const view = new DataView(header.buffer);
    this.tag(view, 0xfffe, 0xe000);
    this.push(header);
    return { view, lengthAt: 4, start: this.size };
  }

  close(opened: Opened): void {
    const length = this.size - opened.start;
    if (length >= UNDEFINED) throw new DatasetStructureError('malformed: a sequence is longer than 4 GiB');
    opened.view.setUint32(opened.lengthAt, length, this.littleEndian);
  }

  concat(): Uint8Array {
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.byteLength;
    }
    return out;
  }
}

interface Opened {
  view: DataView;
  lengthAt: number;
  start: number;
}

function hex(group: number, element: number): string {
  return `(${group.toString(16).padStart(4, '0')},${element.toString(16).padStart(4, '0')})`.toUpperCase();
}

/** Whether a rewrite re-encodes a value of this VR under these Specific Character Set terms (else it copies its bytes). */
export function rewritesText(vr: string, terms: readonly string[]): boolean {
  return CHARSET_VRS.has(vr) && terms.some((term) => !DEFAULT_TERMS.has(term));
}

/** A text value as a rewrite writes it: decoded under `terms`, in UTF-8, padded with a space to an even length. */
export function rewrittenText(bytes: Uint8Array, terms: readonly string[], vr: string): Uint8Array {
  // Text in ASCII under a set that is ASCII there (most text under ISO_IR 100) is UTF-8 already.
  const text = stripPadding(bytes);
  return readsAsUtf8(text, terms) ? evenPadded(text) : utf8Padded(decodeText(text, terms, vr));
}

/** Text without its trailing padding (spaces or NULs): padding is added again after re-encoding. */
function stripPadding(bytes: Uint8Array): Uint8Array {
  let end = bytes.byteLength;
  while (end > 0 && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0x00)) end--;
  return bytes.subarray(0, end);
}

function utf8Padded(text: string): Uint8Array {
  return evenPadded(new TextEncoder().encode(text));
}

/** Text bytes padded with a space to an even length. */
function evenPadded(encoded: Uint8Array): Uint8Array {
  if (encoded.byteLength % 2 === 0) return encoded;
  const padded = new Uint8Array(encoded.byteLength + 1);
  padded.set(encoded);
  padded[encoded.byteLength] = 0x20;
  return padded;
}

function swapped(bytes: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(bytes);
  for (let i = 0; i + size <= out.byteLength; i += size) out.subarray(i, i + size).reverse();
  return out;
}
