import { createHash } from 'node:crypto';

/**
 * The top-level Pixel Data element as it stood in the input, kept so that untouched
 * pixel data is written back byte for byte (dcmjs would re-fragment it).
 */
export interface RawPixelElement {
  /** The whole element, header included, exactly as it stood in the dataset stream (absent for big endian). */
  bytes?: Uint8Array;
  /** Whether the value was encapsulated (undefined length, items). */
  encapsulated: boolean;
  /** Whether the header was written in implicit VR. */
  implicitVR: boolean;
  /**
   * The frames as read, each as the parts (views into the bytes read, not copies) it was made of:
   * frames that differ from them were changed. Absent for big endian data (its frames were swapped).
   */
  original?: Uint8Array[][];
  /** Digest of the frames as read, when `original` is absent; a changed digest means the pixels were changed. */
  digest?: string;
}

const ITEM = 0xe000fffe; // (FFFE,E000) read as a little-endian uint32 of group then element
const SEQUENCE_DELIMITER = 0xe0ddfffe;

/** Digest of a list of frame buffers, used to notice in-place changes to pixel data. */
export function framesDigest(frames: readonly ArrayBuffer[]): string {
  const hash = createHash('sha256');
  for (const frame of frames) {
    hash.update(new Uint8Array(frame));
    hash.update('|');
  }
  return hash.digest('hex');
}

/**
 * True when every frame holds exactly the bytes of its parts as read ({@link RawPixelElement.original}):
 * a byte comparison, far cheaper than hashing the frames again.
 */
export function framesMatch(frames: readonly unknown[], original: readonly (readonly Uint8Array[])[]): boolean {
  if (frames.length !== original.length) return false;
  for (const [i, frame] of frames.entries()) {
    let bytes: Buffer;
    if (frame instanceof ArrayBuffer) bytes = Buffer.from(frame);
    else if (ArrayBuffer.isView(frame)) bytes = Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength);
    else return false;
    let offset = 0;
    for (const part of original[i]) {
      const end = offset + part.byteLength;
      if (end > bytes.byteLength || !bytes.subarray(offset, end).equals(part)) return false;
      offset = end;
    }
    if (offset !== bytes.byteLength) return false;
  }
  return true;
}

interface Located {
  start: number;
  end: number;
  encapsulated: boolean;
  fragments?: Uint8Array[];
  offsetTable?: number[];
}

/**
 * Finds the top-level Pixel Data element in a little-endian dataset stream (no preamble or meta).
 * It is the last (7FE0,0010) whose value runs to the end of the stream, or up to trailing
 * elements of groups above 7FE0 (padding, signatures). Returns undefined when there is none.
 */
export function locatePixelElement(body: Uint8Array, implicitVR: boolean): Located | undefined {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  for (let p = body.length - 8; p >= 0; p--) {
    if (body[p] !== 0xe0 || body[p + 1] !== 0x7f || body[p + 2] !== 0x10 || body[p + 3] !== 0x00) continue;
    const found = implicitVR ? tryImplicit(view, p) : tryExplicit(view, body, p);
    if (found && endsCleanly(view, found.end)) return found;
  }
  return undefined;
}

function tryExplicit(view: DataView, body: Uint8Array, p: number): Located | undefined {
  if (p + 12 > view.byteLength) return undefined;
  const vr = String.fromCharCode(body[p + 4], body[p + 5]);
  if (vr !== 'OB' && vr !== 'OW' && vr !== 'UN') return undefined;
  if (view.getUint16(p + 6, true) !== 0) return undefined;
  return readValue(view, p, p + 12, view.getUint32(p + 8, true));
}

function tryImplicit(view: DataView, p: number): Located | undefined {
  return readValue(view, p, p + 8, view.getUint32(p + 4, true));
}

function readValue(view: DataView, start: number, valueStart: number, length: number): Located | undefined {
  if (length !== 0xffffffff) {
    const end = valueStart + length;
    return end <= view.byteLength ? { start, end, encapsulated: false } : undefined;
  }
  const items: Uint8Array[] = [];
  let q = valueStart;
  while (q + 8 <= view.byteLength) {
    const tag = view.getUint32(q, true);
    const itemLength = view.getUint32(q + 4, true);
    if (tag === SEQUENCE_DELIMITER) {
      const [table, ...fragments] = items;
      if (!table) return undefined;
      const offsetTable: number[] = [];
      const tableView = new DataView(table.buffer, table.byteOffset, table.byteLength);
      for (let i = 0; i + 4 <= table.byteLength; i += 4) offsetTable.push(tableView.getUint32(i, true));
      return { start, end: q + 8, encapsulated: true, fragments, offsetTable };
    }
    if (tag !== ITEM || itemLength === 0xffffffff || q + 8 + itemLength > view.byteLength) return undefined;
    items.push(new Uint8Array(view.buffer, view.byteOffset + q + 8, itemLength));
    q += 8 + itemLength;
  }
  return undefined;
}

/** After Pixel Data only trailing elements of groups above 7FE0 may follow (padding, signatures). */
function endsCleanly(view: DataView, end: number): boolean {
  if (end === view.byteLength) return true;
  if (end + 4 > view.byteLength) return false;
  return view.getUint16(end, true) > 0x7fe0;
}

/** The Extended Offset Table (7FE0,0001) and its lengths (7FE0,0002), as numbers. */
export interface ExtendedOffsets {
  offsets: number[];
  lengths: number[];
}

/**
 * Groups encapsulated fragments into frames (PS3.5 A.4) and checks that they agree with Number of
 * Frames: by the Extended Offset Table when present, else by the Basic Offset Table when it has
 * entries (one per frame, each at a fragment's start), else one fragment per frame when the counts
 * agree, all fragments for a single frame, or frames split at JPEG / JPEG 2000 start markers.
 * @throws Error saying, in words, how the fragments and tables disagree with Number of Frames.
 */
export function fragmentsToFrames(fragments: Uint8Array[], offsetTable: number[], numberOfFrames: number, extended?: ExtendedOffsets): Uint8Array[] {
  return fragmentGroups(fragments, offsetTable, numberOfFrames, extended).map(concat);
}

/** {@link fragmentsToFrames}, the frames left as their fragments (views, not copies). */
export function fragmentGroups(fragments: Uint8Array[], offsetTable: number[], numberOfFrames: number, extended?: ExtendedOffsets): Uint8Array[][] {
  if (fragments.length === 0) throw new Error('holds no fragments');
  const starts: number[] = [];
  let position = 0;
  for (const fragment of fragments) {
    starts.push(position);
    position += fragment.byteLength + 8;
  }
  const frameAt = (offset: number, label: string, index: number) => {
    const k = starts.indexOf(offset);
    if (k < 0) throw new Error(`the ${label} entry ${index} (${offset}) does not point at a fragment`);
    return k;
  };
  if (extended) {
    if (offsetTable.length > 0) throw new Error('has both a Basic and an Extended Offset Table');
    const { offsets, lengths } = extended;
    if (offsets.length !== numberOfFrames || lengths.length !== numberOfFrames) {
      throw new Error(`the Extended Offset Table has ${offsets.length} entries and ${lengths.length} lengths for ${numberOfFrames} frames`);
    }
    return offsets.map((offset, i) => {
      const first = frameAt(offset, 'Extended Offset Table', i);
      const last = i + 1 < offsets.length ? frameAt(offsets[i + 1], 'Extended Offset Table', i + 1) : fragments.length;
      if (last <= first) throw new Error('the Extended Offset Table entries are not in increasing order');
      const frame = fragments.slice(first, last);
      const length = frame.reduce((sum, f) => sum + f.byteLength, 0);
      if (length !== lengths[i] && length !== lengths[i] + 1) {
        throw new Error(`frame ${i} is ${length} bytes but the Extended Offset Table Lengths say ${lengths[i]}`);
      }
      return frame;
    });
  }
  if (offsetTable.length > 0) {
    if (offsetTable.length !== numberOfFrames) {
      throw new Error(`the Basic Offset Table has ${offsetTable.length} ${plural(offsetTable.length, 'entry', 'entries')} for ${numberOfFrames} ${plural(numberOfFrames, 'frame', 'frames')}`);
    }
    const firsts = offsetTable.map((offset, i) => frameAt(offset, 'Basic Offset Table', i));
    if (firsts[0] !== 0) throw new Error('the first Basic Offset Table entry does not point at the first fragment');
    return firsts.map((first, i) => {
      const last = firsts[i + 1] ?? fragments.length;
      if (last <= first) throw new Error('the Basic Offset Table entries are not in increasing order');
      return fragments.slice(first, last);
    });
  }
  if (numberOfFrames === 1) return [fragments];
  if (fragments.length === numberOfFrames) return fragments.map((f) => [f]);
  if (fragments.length < numberOfFrames) {
    throw new Error(`holds ${fragments.length} ${plural(fragments.length, 'fragment', 'fragments')} for ${numberOfFrames} frames`);
  }
  const frames: Uint8Array[][] = [];
  for (const fragment of fragments) {
    const startsImage = fragment[0] === 0xff && (fragment[1] === 0xd8 || fragment[1] === 0x4f);
    if (startsImage || frames.length === 0) frames.push([fragment]);
    else frames[frames.length - 1].push(fragment);
  }
  if (frames.length !== numberOfFrames) {
    throw new Error(`holds ${fragments.length} fragments that start ${frames.length} images for ${numberOfFrames} frames`);
  }
  return frames;
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** The parts joined in one new array (one copy). */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, p) => sum + p.byteLength, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/**
 * Encodes a Pixel Data element in little endian: native values as one OB/OW value,
 * encapsulated frames as a Basic Offset Table and one fragment per frame.
 */
export function encodePixelElement(
  frames: readonly ArrayBuffer[],
  options: { encapsulated: boolean; implicitVR: boolean; vr: 'OB' | 'OW' },
): Uint8Array {
  const parts: Uint8Array[] = [];
  const header = (length: number, vr: string) => {
    const bytes = new Uint8Array(options.implicitVR ? 8 : 12);
    const view = new DataView(bytes.buffer);
    view.setUint16(0, 0x7fe0, true);
    view.setUint16(2, 0x0010, true);
    if (options.implicitVR) view.setUint32(4, length, true);
    else {
      bytes[4] = vr.charCodeAt(0);
      bytes[5] = vr.charCodeAt(1);
      view.setUint32(8, length, true);
    }
    return bytes;
  };
  const item = (tag: number, length: number) => {
    const bytes = new Uint8Array(8);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, tag, true);
    view.setUint32(4, length, true);
    return bytes;
  };
  if (!options.encapsulated) {
    const value = concat(frames.map((f) => new Uint8Array(f)));
    const padded = value.byteLength % 2 ? concat([value, new Uint8Array(1)]) : value;
    return concat([header(padded.byteLength, options.vr), padded]);
  }
  const table = new Uint8Array(frames.length * 4);
  const tableView = new DataView(table.buffer);
  let offset = 0;
  const fragments = frames.map((frame, i) => {
    tableView.setUint32(i * 4, offset, true);
    const bytes = new Uint8Array(frame);
    const padded = bytes.byteLength % 2 ? concat([bytes, new Uint8Array(1)]) : bytes;
    offset += padded.byteLength + 8;
    return concat([item(ITEM, padded.byteLength), padded]);
  });
  parts.push(header(0xffffffff, 'OB'), item(ITEM, table.byteLength), table, ...fragments, item(SEQUENCE_DELIMITER, 0));
  return concat(parts);
}
