import { describe, expect, it } from 'vitest';
import { cleanIccProfile, genericSrgbProfile, isIccProfile } from '../../lib/metadata/icc-profile.js';

const NAME = 'Oswin Quillfeather';
const bytes = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const utf16 = (s: string) => Array.from(s, (c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff]).flat();

/** An ICC profile of the given tags (signature and body), laid out as ICC.1 says: header, tag table, 4-aligned data. */
function profile(tags: Array<[string, number[]]>): Uint8Array {
  const table = [...u32(tags.length)];
  const data: number[] = [];
  let offset = 132 + tags.length * 12;
  for (const [name, body] of tags) {
    table.push(...bytes(name), ...u32(offset), ...u32(body.length));
    const padded = [...body, ...new Array<number>((4 - (body.length % 4)) % 4).fill(0)];
    data.push(...padded);
    offset += padded.length;
  }
  const header = new Array<number>(128).fill(0);
  header.splice(0, 4, ...u32(offset));
  header.splice(12, 12, ...bytes('mntrRGB XYZ '));
  header.splice(36, 4, ...bytes('acsp'));
  return Uint8Array.from([...header, ...table, ...data]);
}

const red = [...bytes('XYZ '), 0, 0, 0, 0, ...u32(0x6fa2), ...u32(0x38f5), ...u32(0x0390)];
const description = (s: string) => [...bytes('desc'), 0, 0, 0, 0, ...u32(s.length + 1), ...bytes(s), 0, ...u32(0), ...u32(s.length), ...utf16(s), 0, 0, 0, ...new Array<number>(67).fill(0)];
const text = (s: string) => [...bytes('text'), 0, 0, 0, 0, ...bytes(s), 0];
const localized = (s: string) => [...bytes('mluc'), 0, 0, 0, 0, ...u32(1), ...u32(12), ...bytes('enUS'), ...u32(s.length * 2), ...u32(28), ...utf16(s)];
const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');
const readable = (b: Uint8Array) => latin1(b).replace(/\0/g, '');

describe('an ICC Profile (Type 1) is kept as colour data, never as a carrier of text', () => {
  it('blanks every text of a profile (description, copyright, localized names) and keeps its colour data byte for byte', () => {
    const input = profile([
      ['desc', description(`Monitor of ${NAME}`)],
      ['cprt', text(`(c) ${NAME}, 12 Larkspur Lane`)],
      ['dmnd', localized(NAME)],
      ['rXYZ', red],
    ]);
    const before = input.slice();
    const verdict = cleanIccProfile(input.buffer);
    expect(input).toEqual(before); // the input is not modified
    expect(verdict.kind).toBe('kept');
    expect(verdict.bytes.length).toBe(input.length);
    expect(latin1(verdict.bytes)).not.toContain('Oswin');
    expect(readable(verdict.bytes)).not.toMatch(/Quill|Larkspur/);
    expect(isIccProfile(verdict.bytes)).toBe(true);
    const at = latin1(input).indexOf('XYZ ', 132);
    expect(verdict.bytes.subarray(at, at + red.length)).toEqual(Uint8Array.from(red));
  });

  it('keeps a profile without texts byte for byte', () => {
    const input = profile([['rXYZ', red]]);
    const verdict = cleanIccProfile(input);
    expect(verdict).toMatchObject({ kind: 'kept', blanked: 0 });
    expect(verdict.bytes).toEqual(input);
  });

  it('replaces by a generic sRGB profile what it cannot vouch for: not a profile, a tag past the end, a tag type that may hold text', () => {
    const named = [...bytes('ncl2'), 0, 0, 0, 0, ...u32(0), ...u32(1), ...u32(3), ...new Array<number>(64).fill(0), ...bytes(NAME)];
    const pastTheEnd = profile([['rXYZ', red]]);
    pastTheEnd.set(u32(4000), 132 + 8);
    for (const input of [Uint8Array.from(bytes(`${NAME} `.repeat(12))), profile([['ncol', named]]), pastTheEnd]) {
      const verdict = cleanIccProfile(input);
      expect(verdict.kind).toBe('replaced');
      expect(verdict.bytes).toEqual(genericSrgbProfile());
      expect(latin1(verdict.bytes)).not.toContain(NAME);
    }
  });

  it('writes a generic profile that is one: signature, size, even length, a tag table inside it', () => {
    const generic = genericSrgbProfile();
    expect(isIccProfile(generic)).toBe(true);
    expect(generic.length % 2).toBe(0);
    expect(cleanIccProfile(generic).kind).toBe('kept');
    expect(latin1(generic)).toContain('sRGB (generic)');
  });
});
