/**
 * Encodes data elements and item markers byte by byte, for tests that build datasets in shapes the
 * kit's writer never makes (implicit VR, big endian, undefined lengths, odd paddings).
 */

const LONG_VRS = new Set(['OB', 'OW', 'SQ', 'UN', 'UT', 'UC', 'UR', 'OD', 'OF', 'OL', 'OV', 'SV', 'UV']);

/** How an element is encoded (default: explicit VR little endian, defined length). */
export interface ElementEncoding {
  implicit?: boolean;
  bigEndian?: boolean;
  /** An undefined length (0xFFFFFFFF) whatever `value` holds: it then ends with its own delimiter. */
  undefinedLength?: boolean;
}

/** One element: its header in the given encoding, then `value` as it is. */
export function encodeElement(group: number, element: number, vr: string, value: Uint8Array, options: ElementEncoding = {}): Uint8Array {
  const le = !options.bigEndian;
  const long = options.implicit || LONG_VRS.has(vr);
  const header = new Uint8Array(options.implicit ? 8 : long ? 12 : 8);
  const view = new DataView(header.buffer);
  view.setUint16(0, group, le);
  view.setUint16(2, element, le);
  const length = options.undefinedLength ? 0xffffffff : value.byteLength;
  if (options.implicit) view.setUint32(4, length, le);
  else {
    header[4] = vr.charCodeAt(0);
    header[5] = vr.charCodeAt(1);
    if (long) view.setUint32(8, length, le);
    else view.setUint16(6, length, le);
  }
  return Buffer.concat([header, value]);
}

/** An item (FFFE,E000) or delimiter (E00D, E0DD) header with its length. */
export function itemMarker(element: number, length: number, bigEndian = false): Uint8Array {
  const bytes = new Uint8Array(8);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfffe, !bigEndian);
  view.setUint16(2, element, !bigEndian);
  view.setUint32(4, length, !bigEndian);
  return bytes;
}
