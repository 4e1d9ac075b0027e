/**
 * Where a run reads and writes: linkage data (manifest, state) never lands in the released tree
 * nor in an input, temporary files are never written through a planted link, folders are
 * owner-only whatever the umask, a killed run's temporary files are cleaned, and inputs that are
 * not there, not regular files, unreadable or looping are reported instead of hanging or aborting.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandInputs } from '../../lib/pipeline/inputs.js';
import { deidentifyFiles } from '../../lib/pipeline/deidentify-files.js';
import { makePhiFixture } from '../fixtures/phi-fixture.js';
import { deid, filesUnder, manifestLines } from '../support/cli.js';

const work = mkdtempSync(path.join(tmpdir(), 'deid-paths-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;
/** A fresh folder with one fixture file in it. */
function inputFolder(name = `in${++n}`): string {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'SMITH_JOHN.dcm'), makePhiFixture({ instance: n }).bytes());
  return dir;
}
const run = (...args: string[]) => deid('run', ...args, '--no-pixels');

describe('linkage data is kept apart from the release and the inputs', () => {
  it('refuses a manifest inside --out, exit 2, and writes nothing there', async () => {
    const out = path.join(work, 'out-m');
    const result = await run(inputFolder(), '--out', out, '--state', path.join(work, 'state-m'), '--manifest', path.join(out, 'manifest.jsonl'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/manifest .*apart from the shareable output/);
    expect(filesUnder(out)).toEqual([]);
  });

  it('refuses a manifest or a state folder inside an input folder', async () => {
    const input = inputFolder();
    expect((await run(input, '--out', path.join(work, 'o1'), '--state', path.join(work, 's1'), '--manifest', path.join(input, 'm.jsonl'))).code).toBe(2);
    expect((await run(input, '--out', path.join(work, 'o2'), '--state', path.join(input, 'state'))).code).toBe(2);
    expect(existsSync(path.join(input, 'm.jsonl')) || existsSync(path.join(input, 'state'))).toBe(false);
  });

  it('refuses a state folder that reaches the output through a link, and an output that reaches the state', async () => {
    const out = path.join(work, 'out-l');
    mkdirSync(path.join(out, 'sub'), { recursive: true });
    const linkedState = path.join(work, 'state-link');
    symlinkSync(path.join(out, 'sub'), linkedState);
    const a = await run(inputFolder(), '--out', out, '--state', linkedState);
    expect(a.code).toBe(2);
    expect(filesUnder(out)).toEqual([]);

    const state = path.join(work, 'state-real');
    mkdirSync(path.join(state, 'release'), { recursive: true });
    const linkedOut = path.join(work, 'out-link');
    symlinkSync(path.join(state, 'release'), linkedOut);
    expect((await run(inputFolder(), '--out', linkedOut, '--state', state)).code).toBe(2);
    expect(filesUnder(state)).toEqual([]);
  });

  it('refuses an output folder holding a link into the state folder', async () => {
    const out = path.join(work, 'out-holds-link');
    const state = path.join(work, 'state-linked-from-out');
    mkdirSync(out);
    mkdirSync(state);
    symlinkSync(state, path.join(out, 'maps'));
    const result = await run(inputFolder(), '--out', out, '--state', state);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/link\(s\) into the state folder/);
  });

  it('refuses evaluation reports inside --out or inside an input', async () => {
    const input = inputFolder();
    const out = path.join(work, 'eval-out');
    const inOut = await deid('evaluate', input, '--out', out, '--report', path.join(out, 'report'), '--state', path.join(work, 'state-e'), '--no-pixels');
    expect(inOut.code).toBe(2);
    expect(inOut.stderr).toMatch(/report folder .*apart from the shareable output/);
    const inInput = await deid('evaluate', input, '--out', path.join(work, 'eval-out2'), '--report', path.join(input, 'report'), '--state', path.join(work, 'state-e'), '--no-pixels');
    expect(inInput.code).toBe(2);
    expect(existsSync(path.join(input, 'report')) || existsSync(path.join(out, 'report'))).toBe(false);
  });

  it('refuses an output folder inside an input folder, and creates nothing', async () => {
    const input = inputFolder();
    const result = await run(input, '--out', path.join(input, 'deid'), '--state', path.join(work, 'state-o'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/overlaps input 1 of 1/);
    expect(existsSync(path.join(input, 'deid'))).toBe(false);
    expect(existsSync(path.join(work, 'state-o'))).toBe(false);
  });
});

describe('inputs that are not there or not usable', () => {
  it('a missing input is a usage error (exit 2) that creates no state folder', async () => {
    const state = path.join(work, 'state-missing');
    const result = await run(inputFolder(), path.join(work, 'no-such-file.dcm'), '--out', path.join(work, 'out-missing'), '--state', state);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/input 2 of 2 does not exist/);
    expect(existsSync(state)).toBe(false);
    expect(existsSync(path.join(work, 'out-missing'))).toBe(false);
  });

  it('an empty input folder is a usage error (exit 2) that creates nothing', async () => {
    const empty = path.join(work, 'empty');
    mkdirSync(empty);
    const state = path.join(work, 'state-empty');
    const result = await run(empty, '--out', path.join(work, 'out-empty'), '--state', state);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no input file found/);
    expect(existsSync(state)).toBe(false);
  });

  it('reports /dev/zero and a FIFO per path, never opening them, and goes on', async () => {
    const input = inputFolder();
    const fifo = path.join(input, 'pipe.dcm');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const manifest = path.join(work, 'state-special', 'm.jsonl');
    const result = await run('/dev/zero', input, '--out', path.join(work, 'out-special'), '--state', path.join(work, 'state-special'), '--manifest', manifest);
    expect(result.code).toBe(1);
    const lines = manifestLines(manifest);
    expect(lines.map((l) => [path.basename(String(l.input)), l.status])).toEqual([
      ['zero', 'error'],
      ['pipe.dcm', 'error'],
      ['SMITH_JOHN.dcm', 'ok'],
    ]);
    expect(lines[0].error).toMatch(/a character device: not read/);
    expect(lines[1].error).toMatch(/a FIFO \(named pipe\): not read/);
  }, 30_000);

  it('fails a file over the input size limit with a clear error instead of reading it', async () => {
    const result = await deidentifyFiles([inputFolder()], { out: path.join(work, 'out-big'), stateDir: path.join(work, 'state-big'), pixels: false, maxInputBytes: 1000 });
    expect(result.entries[0]).toMatchObject({ status: 'error', error: expect.stringMatching(/over the 1000-byte input limit/) });
  });

  it('follows links inside an input folder once: a linked file is read, a link cycle is reported', async () => {
    const input = inputFolder();
    const elsewhere = inputFolder();
    symlinkSync(path.join(elsewhere, 'SMITH_JOHN.dcm'), path.join(input, 'linked.dcm'));
    symlinkSync(input, path.join(input, 'loop'));
    const manifest = path.join(work, 'state-links', 'm.jsonl');
    const result = await run(input, '--out', path.join(work, 'out-links'), '--state', path.join(work, 'state-links'), '--manifest', manifest);
    expect(result.code).toBe(0);
    const lines = manifestLines(manifest).map((l) => [path.basename(String(l.input)), l.status, l.error ?? '']);
    expect(lines).toEqual([
      ['linked.dcm', 'ok', ''],
      ['loop', 'skipped', expect.stringMatching(/link cycle/)],
      ['SMITH_JOHN.dcm', 'ok', ''],
    ]);
    expect(result.stderr).toMatch(/skipped: file 2 of 3 \[[0-9a-f]{10}\]: .*link cycle/);
  });

  it('reports an unreadable folder per path and goes on with the rest of the batch', async () => {
    const input = inputFolder();
    mkdirSync(path.join(input, 'locked'));
    writeFileSync(path.join(input, 'locked', 'x.dcm'), 'x');
    // As root a chmod 000 folder is still readable: the walk's readdir is made to fail as it would for a user.
    const fs = {
      readdir: async (dir: string): Promise<Dirent[]> => {
        if (dir.endsWith('locked')) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
        return readdir(dir, { withFileTypes: true });
      },
      stat: (file: string) => stat(file),
    };
    const entries = await expandInputs([input], { fs });
    expect(entries.map((e) => [path.basename(e.path), e.error ?? ''])).toEqual([
      ['locked', 'cannot read folder: EACCES'],
      ['SMITH_JOHN.dcm', ''],
    ]);
  });
});

describe('temporary files and folders', () => {
  it('never writes through a link planted at the manifest path or its old temporary name', async () => {
    const state = path.join(work, 'state-planted');
    mkdirSync(state);
    const victim = path.join(work, 'victim.txt');
    writeFileSync(victim, 'do not touch\n');
    const manifest = path.join(state, 'manifest.jsonl');
    symlinkSync(victim, `${manifest}.${process.pid}.tmp`);
    const first = await run(inputFolder(), '--out', path.join(work, 'out-planted'), '--state', state);
    expect(first.code).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('do not touch\n');
    expect(lstatSync(manifest).isSymbolicLink()).toBe(false);

    rmSync(manifest);
    symlinkSync(victim, manifest);
    const second = await run(inputFolder(), '--out', path.join(work, 'out-planted2'), '--state', state);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/symbolic link: refused/);
    expect(readFileSync(victim, 'utf8')).toBe('do not touch\n');
  });

  it('creates the manifest and state folders owner-only even under umask 000', async () => {
    const previous = process.umask(0);
    try {
      const state = path.join(work, 'umask', 'a', 'state');
      const manifest = path.join(work, 'umask', 'b', 'c', 'manifest.jsonl');
      expect((await run(inputFolder(), '--out', path.join(work, 'out-umask'), '--state', state, '--manifest', manifest)).code).toBe(0);
      for (const dir of [path.join(work, 'umask'), path.join(work, 'umask', 'a'), state, path.join(work, 'umask', 'b'), path.dirname(manifest)]) {
        expect((statSync(dir).mode & 0o777).toString(8), dir).toBe('700');
      }
      for (const file of [manifest, ...filesUnder(state)]) expect((statSync(file).mode & 0o777).toString(8), file).toBe('600');
    } finally {
      process.umask(previous);
    }
  });

  it("removes a killed run's leftover temporary file from --out, and leaves a live run's alone", async () => {
    const out = path.join(work, 'out-leftover');
    mkdirSync(path.join(out, 'PAT-X'), { recursive: true });
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const live = spawn('sleep', ['30']);
    try {
      const killed = path.join(out, 'PAT-X', `.2.25.1.dcm.${dead}-0123456789ab.deid-tmp`);
      const older = path.join(out, `.2.25.2.dcm.0123456789ab.deid-tmp`);
      const running = path.join(out, 'PAT-X', `.2.25.3.dcm.${live.pid}-0123456789ab.deid-tmp`);
      for (const file of [killed, older, running]) writeFileSync(file, 'half a file');
      expect((await run(inputFolder(), '--out', out, '--state', path.join(work, 'state-leftover'))).code).toBe(0);
      expect(existsSync(killed)).toBe(false);
      expect(existsSync(older)).toBe(false);
      expect(existsSync(running)).toBe(true);
    } finally {
      live.kill();
    }
  });
});
