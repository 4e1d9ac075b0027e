/** The contract every object storage engine keeps; run against each engine (S3 with an in-memory fake). */
import { expect, it } from 'vitest';
import type { ObjectStorage } from '../../lib/storage/types.js';

/** Every byte value, twice, plus a run of zeros: text decoding or newline handling would corrupt it. */
const binary = () => {
  const bytes = new Uint8Array(600);
  for (let i = 0; i < 512; i++) bytes[i] = i % 256;
  return bytes;
};

/** Keys of a DICOM output tree plus siblings whose names share a prefix with a folder (`P1` / `P10`). */
const TREE = ['P1/1.2.3/4.5/6.7.dcm', 'P1/1.2.3/4.5/6.8.dcm', 'P1/1.2.3/9.9/1.1.dcm', 'P10/2.2/3.3/4.4.dcm', 'report.tsv'];

const ESCAPING = ['../outside.dcm', 'a/../../outside.dcm', 'a/../b.dcm', '/etc/passwd', './a.dcm', 'a//b.dcm', 'a/b/', '', 'a\\..\\b'];

/**
 * Checks an engine: binary round trip, overwrite, nested keys, sorted relative listing with and
 * without a folder prefix, `has`, a missing key's error naming the key, keys escaping the root refused.
 * `make` returns a fresh, empty storage.
 */
export function storageContract(make: () => Promise<ObjectStorage> | ObjectStorage): void {
  it('round-trips binary bytes exactly', async () => {
    const storage = await make();
    expect(storage.name).toMatch(/^[a-z0-9]+$/);
    const bytes = binary();
    await storage.put('bin/all-bytes.dcm', bytes);
    const back = await storage.get('bin/all-bytes.dcm');
    expect(back).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(back).equals(Buffer.from(bytes))).toBe(true);
  });

  it('overwrites an object with new content, shorter or longer', async () => {
    const storage = await make();
    await storage.put('x.dcm', new Uint8Array([1, 2, 3, 4, 5, 6]));
    await storage.put('x.dcm', new Uint8Array([9]));
    expect([...(await storage.get('x.dcm'))]).toEqual([9]);
    await storage.put('x.dcm', new Uint8Array([7, 7, 7, 7, 7, 7, 7, 7]));
    expect([...(await storage.get('x.dcm'))]).toEqual([7, 7, 7, 7, 7, 7, 7, 7]);
    expect(await storage.list()).toEqual(['x.dcm']);
  });

  it('stores nested keys and lists every key sorted and relative to the storage', async () => {
    const storage = await make();
    for (const [i, key] of [...TREE].reverse().entries()) await storage.put(key, new Uint8Array([i]));
    expect(await storage.list()).toEqual([...TREE].sort());
    expect(await storage.list('')).toEqual([...TREE].sort());
    expect([...(await storage.get('P1/1.2.3/9.9/1.1.dcm'))]).toEqual([TREE.length - 1 - 2]);
  });

  it('lists a folder prefix without its namesakes (P1 is not P10), with or without a trailing slash', async () => {
    const storage = await make();
    for (const key of TREE) await storage.put(key, new Uint8Array([1]));
    const underP1 = TREE.filter((k) => k.startsWith('P1/')).sort();
    expect(await storage.list('P1')).toEqual(underP1);
    expect(await storage.list('P1/')).toEqual(underP1);
    expect(await storage.list('P1/1.2.3/4.5')).toEqual(['P1/1.2.3/4.5/6.7.dcm', 'P1/1.2.3/4.5/6.8.dcm']);
    expect(await storage.list('nothing/here')).toEqual([]);
  });

  it('says whether a key holds an object', async () => {
    const storage = await make();
    await storage.put('a/b.dcm', new Uint8Array([1]));
    expect(await storage.has?.('a/b.dcm')).toBe(true);
    expect(await storage.has?.('a/c.dcm')).toBe(false);
    expect(await storage.has?.('a')).toBe(false);
  });

  it('names the missing key when reading it fails', async () => {
    const storage = await make();
    const error = await storage.get('P9/missing-object.dcm').then(
      () => undefined,
      (e: Error & { notFound?: boolean; key?: string }) => e,
    );
    expect(error?.message).toMatch(new RegExp(`^\\[deid\\] \\[${storage.name}\\] no object "P9/missing-object\\.dcm"`));
    expect(error?.notFound).toBe(true);
    expect(error?.key).toBe('P9/missing-object.dcm');
  });

  it('refuses keys that could escape the storage root, and writes nothing for them', async () => {
    const storage = await make();
    for (const key of ESCAPING) {
      await expect(storage.put(key, new Uint8Array([1])), key).rejects.toThrow(/invalid key/);
      await expect(storage.get(key), key).rejects.toThrow(/invalid key/);
      await expect(storage.has?.(key) ?? Promise.reject(new Error('invalid key')), key).rejects.toThrow(/invalid key/);
    }
    await expect(storage.list('../')).rejects.toThrow(/invalid prefix/);
    await expect(storage.list('a/../..')).rejects.toThrow(/invalid prefix/);
    expect(await storage.list()).toEqual([]);
  });
}
