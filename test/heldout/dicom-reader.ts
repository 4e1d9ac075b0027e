/**
 * A small reader for explicit VR little endian Part 10 files, used by the scorer after dcmtk has
 * rewritten a file into that syntax (so the scorer does not depend on the kit's own parser).
 */
export interface ReadElement {
  tag: number;
  vr: string;
  /** Text VRs: the decoded string (multi-values joined by `\`). */
  text?: string;
  /** Sequences: the items. */
  items?: ReadElement[][];
  /** Other VRs: the raw bytes. */
  bytes?: Buffer;
}

const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'UC', 'UN', 'UR', 'UT', 'SV', 'UV']);
const TEXT_VRS = new Set(['AE', 'AS', 'CS', 'DA', 'DS', 'DT', 'IS', 'LO', 'LT', 'PN', 'SH', 'ST', 'TM', 'UC', 'UI', 'UR', 'UT']);
const UNDEFINED = 0xffffffff;

class Cursor {
  constructor(readonly buf: Buffer, public pos: number) {}
}

function readItems(c: Cursor, length: number, encoding: BufferEncoding, implicitInside: boolean): ReadElement[][] {
  const items: ReadElement[][] = [];
  const end = length === UNDEFINED ? c.buf.length : c.pos + length;
  while (c.pos < end) {
    const group = c.buf.readUInt16LE(c.pos);
    const elem = c.buf.readUInt16LE(c.pos + 2);
    const len = c.buf.readUInt32LE(c.pos + 4);
    c.pos += 8;
    if (group === 0xfffe && elem === 0xe0dd) break;
    if (group !== 0xfffe || elem !== 0xe000) throw new Error(`heldout reader: expected an item at ${c.pos - 8}`);
    items.push(readElements(c, len, encoding, implicitInside));
  }
  return items;
}

function readElements(c: Cursor, length: number, encoding: BufferEncoding, implicit: boolean): ReadElement[] {
  const out: ReadElement[] = [];
  const end = length === UNDEFINED ? c.buf.length : c.pos + length;
  while (c.pos < end) {
    const group = c.buf.readUInt16LE(c.pos);
    const elem = c.buf.readUInt16LE(c.pos + 2);
    const tag = ((group << 16) | elem) >>> 0;
    if (group === 0xfffe) {
      c.pos += 8;
      if (elem === 0xe00d) break; // item delimiter
      continue;
    }
    let vr: string;
    let len: number;
    if (implicit) {
      vr = 'UN';
      len = c.buf.readUInt32LE(c.pos + 4);
      c.pos += 8;
    } else {
      vr = c.buf.toString('latin1', c.pos + 4, c.pos + 6);
      if (LONG_VRS.has(vr)) {
        len = c.buf.readUInt32LE(c.pos + 8);
        c.pos += 12;
      } else {
        len = c.buf.readUInt16LE(c.pos + 6);
        c.pos += 8;
      }
    }
    if (vr === 'SQ' || (len === UNDEFINED && vr === 'UN')) {
      out.push({ tag, vr: 'SQ', items: readItems(c, len, encoding, implicit || vr === 'UN') });
      continue;
    }
    if (len === UNDEFINED) {
      // Encapsulated pixel data: keep the fragments' bytes.
      const start = c.pos;
      readItems(c, UNDEFINED, encoding, implicit);
      out.push({ tag, vr, bytes: c.buf.subarray(start, c.pos) });
      continue;
    }
    const raw = c.buf.subarray(c.pos, c.pos + len);
    c.pos += len;
    if (TEXT_VRS.has(vr)) out.push({ tag, vr, text: raw.toString(vr === 'UI' ? 'latin1' : encoding).replace(/[\0 ]+$/, '') });
    else out.push({ tag, vr, bytes: raw });
    if (tag === 0x00080005 && out.length) {
      const cs = out[out.length - 1].text ?? '';
      encoding = cs.includes('ISO_IR 192') ? 'utf8' : 'latin1';
    }
  }
  return out;
}

export interface ReadFile {
  transferSyntax: string;
  elements: ReadElement[];
}

/** Reads a Part 10 file whose data set is explicit VR little endian (or implicit, with every VR unknown). */
export function readExplicitFile(buf: Buffer): ReadFile {
  if (buf.toString('latin1', 128, 132) !== 'DICM') throw new Error('heldout reader: not a Part 10 file');
  const c = new Cursor(buf, 132);
  const metaLengthEl = readElements(new Cursor(buf, 132), 12, 'latin1', false)[0];
  const metaLength = metaLengthEl.bytes!.readUInt32LE(0);
  c.pos = 132 + 12;
  const meta = readElements(c, metaLength, 'latin1', false);
  const transferSyntax = meta.find((e) => e.tag === 0x00020010)?.text ?? '';
  const elements = readElements(c, UNDEFINED, 'latin1', transferSyntax === '1.2.840.10008.1.2');
  return { transferSyntax, elements };
}

/** Every element in the tree, with its path (`0040A730[2].0040A160`). */
export function* walk(elements: ReadElement[], prefix = ''): Generator<{ path: string; element: ReadElement }> {
  for (const e of elements) {
    const hex = e.tag.toString(16).toUpperCase().padStart(8, '0');
    const path = prefix ? `${prefix}.${hex}` : hex;
    yield { path, element: e };
    const items = e.items ?? [];
    for (let i = 0; i < items.length; i++) yield* walk(items[i], `${path}[${i}]`);
  }
}

/** A top-level element by tag. */
export function top(file: ReadFile, tag: number): ReadElement | undefined {
  return file.elements.find((e) => e.tag === tag);
}

/** A top-level US value. */
export function topUS(file: ReadFile, tag: number): number | undefined {
  const e = top(file, tag);
  return e?.bytes && e.bytes.length >= 2 ? e.bytes.readUInt16LE(0) : e?.text ? Number(e.text) : undefined;
}
