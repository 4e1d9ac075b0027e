/**
 * A structural walk over an encoded dataset that checks every element fits in the bytes.
 * dcmjs reads past the end of a truncated file without complaint (it pads with zeros),
 * so truncation is caught here before a half-read file is treated as whole.
 */

const UNDEFINED = 0xffffffff;
const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'UC', 'UN', 'UR', 'UT', 'SV', 'UV']);

/**
 * Returns a description of the first structural problem, or undefined when every element
 * (and every item of every sequence) lies within the bytes.
 */
export function findStructuralProblem(body: Uint8Array, options: { implicitVR: boolean; littleEndian: boolean }): string | undefined {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const le = options.littleEndian;
  const tagAt = (p: number) => [view.getUint16(p, le), view.getUint16(p + 2, le)] as const;
  const hex = (g: number, e: number) => `(${g.toString(16).padStart(4, '0')},${e.toString(16).padStart(4, '0')})`.toUpperCase();

  // Walks elements from `p` until `end` or, when `untilDelimiter`, an item delimiter. Returns the position after.
  const walkElements = (p: number, end: number, untilDelimiter: boolean, implicit: boolean): number => {
    while (p < end) {
      if (p + 8 > end) throw new Error(`truncated inside an element header at byte ${p}`);
      const [group, element] = tagAt(p);
      if (group === 0xfffe && element === 0xe00d) return p + 8; // item delimiter
      let length: number;
      let valueStart: number;
      let vr = '';
      if (implicit || group === 0xfffe) {
        length = view.getUint32(p + 4, le);
        valueStart = p + 8;
      } else {
        vr = String.fromCharCode(body[p + 4], body[p + 5]);
        if (LONG_VRS.has(vr)) {
          if (p + 12 > end) throw new Error(`truncated inside the header of ${hex(group, element)} at byte ${p}`);
          length = view.getUint32(p + 8, le);
          valueStart = p + 12;
        } else {
          length = view.getUint16(p + 6, le);
          valueStart = p + 8;
        }
      }
      if (length === UNDEFINED) {
        p = walkItems(valueStart, end, implicit || vr === 'UN', hex(group, element));
      } else {
        if (valueStart + length > end) {
          throw new Error(`truncated: ${hex(group, element)} needs ${length} bytes at byte ${valueStart} but only ${end - valueStart} remain`);
        }
        p = valueStart + length;
      }
    }
    if (untilDelimiter) throw new Error('truncated: a sequence item has no end');
    return p;
  };

  // Walks the items of an undefined-length sequence (or encapsulated pixel data) until its delimiter.
  const walkItems = (p: number, end: number, implicit: boolean, owner: string): number => {
    while (p + 8 <= end) {
      const [group, element] = tagAt(p);
      const length = view.getUint32(p + 4, le);
      if (group === 0xfffe && element === 0xe0dd) return p + 8;
      if (group !== 0xfffe || element !== 0xe000) throw new Error(`malformed: ${owner} holds ${hex(group, element)} where an item was expected (byte ${p})`);
      if (length === UNDEFINED) p = walkElements(p + 8, end, true, implicit);
      else {
        if (p + 8 + length > end) throw new Error(`truncated: an item of ${owner} needs ${length} bytes at byte ${p + 8}`);
        p += 8 + length;
      }
    }
    throw new Error(`truncated: ${owner} has no sequence delimiter`);
  };

  try {
    walkElements(0, body.byteLength, false, options.implicitVR);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
