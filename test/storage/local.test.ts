import { mkdir, mkdtemp, readdir, readFile, realpath, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLocalStorage } from '../../lib/storage/local.js';

// Lets one test make the next file write stop half way, as a full disk would.
const failure = vi.hoisted(() => ({ halfWrite: false }));
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  type WriteCallback = (error: NodeJS.ErrnoException | null, written: number, buffer: Uint8Array) => void;
  const write = ((fd: number, buffer: Uint8Array, offset: number, length: number, position: number | null, callback: WriteCallback) => {
    if (!failure.halfWrite) return actual.write(fd, buffer, offset, length, position, callback);
    failure.halfWrite = false;
    actual.write(fd, buffer, offset, length >> 1, position, (error) => callback(error ?? Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }), 0, buffer));
  }) as typeof actual.write;
  return { ...actual, write, default: { ...actual, write } };
});

let dir: string;
beforeAll(async () => {
  dir = await realpath(await mkdtemp(path.join(tmpdir(), 'deid-local-')));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every file under `root`, relative, including hidden ones. */
async function allFiles(root: string): Promise<string[]> {
  return (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name))).sort();
}

describe('local storage', () => {
  it('leaves no temporary file behind after writes and overwrites', async () => {
    const root = path.join(dir, 'atomic');
    const storage = createLocalStorage({ root });
    await storage.put('a/b/c.dcm', new Uint8Array(100_000).fill(7));
    await storage.put('a/b/c.dcm', new Uint8Array([1, 2]));
    await storage.put('a/d.dcm', new Uint8Array([3]));
    expect(await allFiles(root)).toEqual(['a/b/c.dcm', 'a/d.dcm']);
  });

  it('keeps the previous object whole when a write fails half way, and removes the partial file', async () => {
    const root = path.join(dir, 'half');
    const storage = createLocalStorage({ root });
    await storage.put('P1/x.dcm', new Uint8Array([1, 2, 3]));
    failure.halfWrite = true;
    await expect(storage.put('P1/x.dcm', new Uint8Array(1000).fill(9))).rejects.toThrow(/^\[deid\] \[local\] cannot write "P1\/x\.dcm" under .*: ENOSPC/);
    expect([...(await readFile(path.join(root, 'P1/x.dcm')))]).toEqual([1, 2, 3]);
    failure.halfWrite = true;
    await expect(storage.put('P1/new.dcm', new Uint8Array(1000).fill(9))).rejects.toThrow(/ENOSPC/);
    expect(await allFiles(root)).toEqual(['P1/x.dcm']);
    expect(await storage.list()).toEqual(['P1/x.dcm']);
  });

  it('writes into a folder made again when it was removed after an earlier write made it', async () => {
    const root = path.join(dir, 'removed');
    const storage = createLocalStorage({ root });
    await storage.put('P1/S1/a.dcm', new Uint8Array([1]));
    await rm(path.join(root, 'P1'), { recursive: true });
    await storage.put('P1/S1/b.dcm', new Uint8Array([2]));
    await rm(path.join(root, 'P1'), { recursive: true });
    const staged = await storage.stage!('P1/S1/c.dcm', new Uint8Array([3]));
    await storage.publish!(staged, 'P1/S1/c.dcm');
    expect(await allFiles(root)).toEqual(['P1/S1/c.dcm']);
  });

  it('leaves nothing behind when the final rename fails', async () => {
    const root = path.join(dir, 'rename');
    await mkdir(path.join(root, 'taken.dcm', 'inner'), { recursive: true });
    const storage = createLocalStorage({ root });
    await expect(storage.put('taken.dcm', new Uint8Array([1]))).rejects.toThrow(/cannot write "taken\.dcm"/);
    expect(await allFiles(root)).toEqual([]);
  });

  it('writes sensitive objects owner-only (0600) in owner-only new folders (0700)', async () => {
    const root = path.join(dir, 'sensitive');
    const storage = createLocalStorage({ root });
    await storage.put('state/secret.json', new Uint8Array([1]), { sensitive: true });
    await storage.put('shared/a.dcm', new Uint8Array([1]));
    expect((await stat(path.join(root, 'state/secret.json'))).mode & 0o777).toBe(0o600);
    expect((await stat(path.join(root, 'state'))).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(root, 'shared/a.dcm'))).mode & 0o077).toBe(0o044 & ~process.umask());
    // Overwriting a shared object as sensitive tightens it.
    await storage.put('shared/a.dcm', new Uint8Array([2]), { sensitive: true });
    expect((await stat(path.join(root, 'shared/a.dcm'))).mode & 0o777).toBe(0o600);
  });

  it('refuses to overwrite a protected input, also when the root is reached through a symbolic link', async () => {
    const real = path.join(dir, 'inputs');
    await mkdir(path.join(real, 'P1'), { recursive: true });
    const input = path.join(real, 'P1', 'in.dcm');
    await writeFile(input, 'original');
    await symlink(real, path.join(dir, 'link-to-inputs'));
    for (const root of [real, path.join(dir, 'link-to-inputs')]) {
      const storage = createLocalStorage({ root, protectedPaths: new Set([input]) });
      await expect(storage.put('P1/in.dcm', new Uint8Array([1]))).rejects.toThrow(/^\[deid\] \[local\] refusing to overwrite an input: "P1\/in\.dcm"/);
      await storage.put('P1/other.dcm', new Uint8Array([1]));
    }
    expect(await readFile(input, 'utf8')).toBe('original');
  });

  it('refuses a key that is itself a symbolic link to a protected input', async () => {
    const root = path.join(dir, 'linked-key');
    await mkdir(root, { recursive: true });
    const input = path.join(dir, 'input-elsewhere.dcm');
    await writeFile(input, 'original');
    await symlink(input, path.join(root, 'out.dcm'));
    const storage = createLocalStorage({ root, protectedPaths: new Set([input]) });
    await expect(storage.put('out.dcm', new Uint8Array([1]))).rejects.toThrow(/refusing to overwrite an input/);
    expect(await readFile(input, 'utf8')).toBe('original');
  });

  it('stages an object unseen, publishes it under its key or another one, and discards one never published', async () => {
    const root = path.join(dir, 'staging');
    const input = path.join(dir, 'staged-input.dcm');
    await writeFile(input, 'original');
    await mkdir(root, { recursive: true });
    await symlink(input, path.join(root, 'taken.dcm'));
    const writer = createLocalStorage({ root, protectedPaths: new Set([input]) });
    // Staged in one storage object (a pool thread), published from another (the runner).
    const runner = createLocalStorage({ root, protectedPaths: new Set([input]) });
    const first = await writer.stage!('P1/a.dcm', new Uint8Array([1]));
    const second = await writer.stage!('P1/a.dcm', new Uint8Array([2]));
    const dropped = await writer.stage!('P1/b.dcm', new Uint8Array([3]));
    expect(await runner.list()).toEqual([]);
    await runner.publish!(first, 'P1/a.dcm');
    await runner.publish!(second, 'P1/a-2.dcm');
    await runner.discard!(dropped);
    expect(await runner.list()).toEqual(['P1/a-2.dcm', 'P1/a.dcm']);
    expect([...(await runner.get('P1/a-2.dcm'))]).toEqual([2]);
    expect((await allFiles(root)).filter((f) => f.endsWith('.deid-tmp'))).toEqual([]);
    // A key that leads to an input is refused at staging and at publishing, and nothing is left behind.
    await expect(writer.stage!('taken.dcm', new Uint8Array([4]))).rejects.toThrow(/refusing to overwrite an input/);
    const third = await writer.stage!('P1/c.dcm', new Uint8Array([5]));
    await expect(runner.publish!(third, 'taken.dcm')).rejects.toThrow(/refusing to overwrite an input/);
    expect(await readFile(input, 'utf8')).toBe('original');
    expect((await allFiles(root)).filter((f) => f.endsWith('.deid-tmp'))).toEqual([]);
    // Only the storage's own temporaries under its root are published or removed.
    await expect(runner.publish!({ key: 'x.dcm', temporary: input }, 'x.dcm')).rejects.toThrow(/not a staged object/);
    await expect(runner.discard!({ key: 'x.dcm', temporary: input })).rejects.toThrow(/not a staged object/);
    expect(await readFile(input, 'utf8')).toBe('original');
  });
});
