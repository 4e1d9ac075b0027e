/**
 * ICC Profile (0028,2000): Type 1 in colour images and presentation states, so it cannot simply be removed. A profile
 * is colour data plus a few texts (its description, copyright, device names), and a crafted one can carry anything in
 * those texts. The kit keeps a profile's colour data and blanks its texts; a profile it cannot vouch for (not an ICC
 * profile, a tag table out of bounds, a tag type that may hold text it does not know how to blank) is replaced by a
 * generic sRGB profile, the dummy value PS3.15 allows for a Type 1 attribute.
 */

/** Tag types (ICC.1 section 10) that hold numbers only: kept as they are. */
const NUMERIC_TYPES = new Set(['XYZ ', 'curv', 'para', 'sf32', 'uf32', 'ui08', 'ui16', 'ui32', 'ui64', 'mft1', 'mft2', 'mAB ', 'mBA ', 'mpet', 'sig ', 'dtim', 'chrm', 'clro', 'view', 'meas', 'vcgt']);

/** What {@link cleanIccProfile} made of a profile. */
export type IccVerdict = { kind: 'kept'; bytes: Uint8Array; blanked: number } | { kind: 'replaced'; bytes: Uint8Array; why: string };

/**
 * Keeps an ICC profile's colour data with every text blanked (spaces, lengths unchanged), or replaces the profile by
 * {@link genericSrgbProfile} when it is not one or holds a tag type that is neither numeric nor a known text type.
 * @param value the element's value (ArrayBuffer or a typed array); not modified.
 */
export function cleanIccProfile(value: unknown): IccVerdict {
  const source = asBytes(value);
  const replace = (why: string): IccVerdict => ({ kind: 'replaced', bytes: genericSrgbProfile(), why });
  if (!source || !isIccProfile(source)) return replace('not an ICC profile');
  const bytes = source.slice();
  const view = new DataView(bytes.buffer);
  const size = view.getUint32(0);
  const count = size >= 132 ? view.getUint32(128) : -1;
  if (count < 0 || 132 + count * 12 > size) return replace('its tag table runs past the profile');
  let blanked = 0;
  for (let i = 0; i < count; i++) {
    const offset = view.getUint32(132 + i * 12 + 4);
    const length = view.getUint32(132 + i * 12 + 8);
    if (length < 8 || offset + length > size) return replace('a tag runs past the profile');
    const type = ascii(bytes, offset, 4);
    const tag = bytes.subarray(offset, offset + length);
    if (type === 'text') blanked += blankBytes(tag.subarray(8));
    else if (type === 'desc') blanked += blankTextDescription(tag);
    else if (type === 'mluc') blanked += blankMultiLocalized(tag);
    else if (!NUMERIC_TYPES.has(type)) return replace('a tag of a type that may hold text');
  }
  return { kind: 'kept', bytes, blanked };
}

/** Whether the bytes are an ICC profile: the `acsp` signature at byte 36 and the declared size (padded by one at most). */
export function isIccProfile(bytes: Uint8Array): boolean {
  if (bytes.length < 128) return false;
  const size = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  return ascii(bytes, 36, 4) === 'acsp' && size >= 128 && size <= bytes.length && bytes.length - size <= 1;
}

let generic: Uint8Array | undefined;

/**
 * A generic sRGB display profile (ICC v2.1: D50 white point, sRGB primaries adapted to D50, gamma 2.2 curves, the
 * description `sRGB (generic)`): the dummy written in place of a profile the kit cannot vouch for.
 */
export function genericSrgbProfile(): Uint8Array {
  generic ??= buildGenericSrgb();
  return generic.slice();
}

function buildGenericSrgb(): Uint8Array {
  const xyz = (x: number, y: number, z: number) => [...sig('XYZ '), 0, 0, 0, 0, ...s15(x), ...s15(y), ...s15(z)];
  const text = (s: string) => [...sig('text'), 0, 0, 0, 0, ...sig(s), 0];
  const description = (s: string) => [...sig('desc'), 0, 0, 0, 0, ...u32(s.length + 1), ...sig(s), 0, ...u32(0), ...u32(0), 0, 0, 0, ...new Array<number>(67).fill(0)];
  const gamma22 = [...sig('curv'), 0, 0, 0, 0, ...u32(1), 0x02, 0x33];
  const tags: Array<[string, number[]]> = [
    ['desc', description('sRGB (generic)')],
    ['cprt', text('No copyright, use freely')],
    ['wtpt', xyz(0.9642, 1, 0.8249)],
    ['rXYZ', xyz(0.4361, 0.2225, 0.0139)],
    ['gXYZ', xyz(0.3851, 0.7169, 0.0971)],
    ['bXYZ', xyz(0.1431, 0.0606, 0.7141)],
    ['rTRC', gamma22],
    ['gTRC', gamma22],
    ['bTRC', gamma22],
  ];
  const table: number[] = [...u32(tags.length)];
  const data: number[] = [];
  let offset = 128 + 4 + tags.length * 12;
  for (const [name, body] of tags) {
    table.push(...sig(name), ...u32(offset), ...u32(body.length));
    const padded = [...body, ...new Array<number>((4 - (body.length % 4)) % 4).fill(0)];
    data.push(...padded);
    offset += padded.length;
  }
  const header = new Array<number>(128).fill(0);
  const put = (at: number, values: number[]) => values.forEach((v, i) => (header[at + i] = v));
  put(0, u32(offset));
  put(8, [0x02, 0x10, 0, 0]);
  put(12, [...sig('mntr'), ...sig('RGB '), ...sig('XYZ ')]);
  put(24, [0x07, 0xd0, 0, 1, 0, 1]); // 2000-01-01 00:00:00
  put(36, sig('acsp'));
  put(68, [...s15(0.9642), ...s15(1), ...s15(0.8249)]);
  return Uint8Array.from([...header, ...table, ...data]);
}

/** Blanks a `desc` tag (ICC.1:2001 textDescriptionType): the ASCII, Unicode and ScriptCode strings, in place. */
function blankTextDescription(tag: Uint8Array): number {
  const view = new DataView(tag.buffer, tag.byteOffset, tag.byteLength);
  if (tag.length < 12) return 0;
  const asciiCount = Math.min(view.getUint32(8), tag.length - 12);
  let blanked = blankBytes(tag.subarray(12, 12 + asciiCount));
  const unicodeAt = 12 + asciiCount;
  if (unicodeAt + 8 > tag.length) return blanked;
  const unicodeCount = Math.min(view.getUint32(unicodeAt + 4), Math.floor((tag.length - unicodeAt - 8) / 2));
  blanked += blankUtf16(tag.subarray(unicodeAt + 8, unicodeAt + 8 + unicodeCount * 2));
  const scriptAt = unicodeAt + 8 + unicodeCount * 2;
  if (scriptAt + 3 <= tag.length) blanked += blankBytes(tag.subarray(scriptAt + 3, Math.min(tag.length, scriptAt + 3 + 67)));
  return blanked;
}

/** Blanks every string of an `mluc` tag (multiLocalizedUnicodeType), in place. */
function blankMultiLocalized(tag: Uint8Array): number {
  const view = new DataView(tag.buffer, tag.byteOffset, tag.byteLength);
  if (tag.length < 16) return 0;
  const records = view.getUint32(8);
  const recordSize = view.getUint32(12);
  let blanked = 0;
  for (let i = 0; i < records && 16 + i * recordSize + 12 <= tag.length && recordSize >= 12; i++) {
    const at = 16 + i * recordSize;
    const length = view.getUint32(at + 4);
    const offset = view.getUint32(at + 8);
    blanked += blankUtf16(tag.subarray(Math.min(offset, tag.length), Math.min(offset + length, tag.length)));
  }
  return blanked;
}

/** Turns every byte but NUL into a space; returns how many held something else. */
function blankBytes(bytes: Uint8Array): number {
  let changed = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0) continue;
    if (bytes[i] !== 0x20) changed++;
    bytes[i] = 0x20;
  }
  return changed;
}

/** Turns every big-endian UTF-16 code unit but NUL into a space. */
function blankUtf16(bytes: Uint8Array): number {
  let changed = 0;
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    if (bytes[i] === 0 && bytes[i + 1] === 0) continue;
    if (bytes[i] !== 0 || bytes[i + 1] !== 0x20) changed++;
    bytes[i] = 0;
    bytes[i + 1] = 0x20;
  }
  return changed;
}

function asBytes(value: unknown): Uint8Array | undefined {
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  return undefined;
}

const ascii = (bytes: Uint8Array, at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));
const sig = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const s15 = (n: number) => u32(Math.round(n * 65536) >>> 0);
