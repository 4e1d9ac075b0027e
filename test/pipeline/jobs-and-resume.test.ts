/**
 * `--jobs`: the same outputs (bytes and names), the same manifest in input order, whatever the
 * number of worker threads. Resuming: a second run into the same output and state skips the inputs
 * already done (same content, rules and options, output still there), reports them as such, and
 * does the rest, also after a run that was killed.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autoThreads } from '../../lib/pipeline/pool.js';
import { makePhiFixture } from '../fixtures/phi-fixture.js';
import { deid, filesUnder, manifestLines } from '../support/cli.js';
import { projectRoot } from '../support/paths.js';

const work = mkdtempSync(path.join(tmpdir(), 'deid-jobs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const inputs = path.join(work, 'in');
/** Output files relative to their folder, with their bytes. */
const outputsOf = (dir: string) => new Map(filesUnder(dir).map((f) => [path.relative(dir, f), readFileSync(f).toString('base64')]));
/** A state folder with the same secret as `from` (so the pseudonyms agree) and nothing else. */
function stateLike(from: string, name: string): string {
  const dir = path.join(work, name);
  mkdirSync(dir, { mode: 0o700 });
  copyFileSync(path.join(from, 'secret.key'), path.join(dir, 'secret.key'));
  return dir;
}

beforeAll(() => {
  mkdirSync(inputs);
  for (let i = 1; i <= 10; i++) {
    const fixture = makePhiFixture({ instance: i, ...(i > 6 ? { uidRoot: '1.2.826.0.1.3680043.8.498.77', patientId: 'MRN-77-0042' } : {}) });
    writeFileSync(path.join(inputs, `scan${String(i).padStart(2, '0')}.dcm`), fixture.bytes());
  }
  // The same file twice (the later copy gets a numbered name) and a stray text file (skipped).
  copyFileSync(path.join(inputs, 'scan03.dcm'), path.join(inputs, 'scan03-copy.dcm'));
  writeFileSync(path.join(inputs, 'notes.txt'), 'not an image\n');
});

describe('deid run --jobs', () => {
  it('writes the same files under the same names, and the same manifest, with 1 thread and with 3', async () => {
    const one = await deid('run', inputs, '--out', path.join(work, 'out-1'), '--state', path.join(work, 'state-1'), '--no-pixels', '--jobs', '1');
    expect(one.code, one.stderr).toBe(0);
    const state3 = stateLike(path.join(work, 'state-1'), 'state-3');
    const three = await deid('run', inputs, '--out', path.join(work, 'out-3'), '--state', state3, '--no-pixels', '--jobs', '3');
    expect(three.code, three.stderr).toBe(0);

    const a = outputsOf(path.join(work, 'out-1'));
    const b = outputsOf(path.join(work, 'out-3'));
    expect(a.size).toBe(11);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [name, bytes] of a) expect(b.get(name), name).toBe(bytes);
    expect([...a.keys()].filter((k) => k.endsWith('-2.dcm'))).toHaveLength(1);

    const m1 = readFileSync(path.join(work, 'state-1', 'manifest.jsonl'), 'utf8');
    expect(readFileSync(path.join(state3, 'manifest.jsonl'), 'utf8')).toBe(m1);
    const lines = manifestLines(path.join(work, 'state-1', 'manifest.jsonl'));
    expect(lines.map((l) => path.basename(String(l.input)))).toEqual([
      'notes.txt', 'scan01.dcm', 'scan02.dcm', 'scan03-copy.dcm', 'scan03.dcm', 'scan04.dcm', 'scan05.dcm',
      'scan06.dcm', 'scan07.dcm', 'scan08.dcm', 'scan09.dcm', 'scan10.dcm',
    ]);
    expect(lines[0].status).toBe('skipped');
    for (const line of lines.slice(1)) {
      expect(line.status).toBe('ok');
      expect(line.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(line.rulesHash).toMatch(/^[0-9a-f]{64}$/);
    }
    // The maps hold what both runs made, once each.
    expect(readFileSync(path.join(state3, 'uid_mapping.csv'), 'utf8')).toBe(readFileSync(path.join(work, 'state-1', 'uid_mapping.csv'), 'utf8'));
  }, 240_000);

  it('without --jobs, does a few header-only files in one thread (a pool would cost more than it saves), with the same result', async () => {
    const stateAuto = stateLike(path.join(work, 'state-1'), 'state-auto');
    const auto = await deid('run', inputs, '--out', path.join(work, 'out-auto'), '--state', stateAuto, '--no-pixels');
    expect(auto.code, auto.stderr).toBe(0);
    expect(auto.stdout).toMatch(/; 1 thread; /);
    const a = outputsOf(path.join(work, 'out-auto'));
    expect(a.size).toBe(11);
    const one = outputsOf(path.join(work, 'out-1'));
    for (const [name, bytes] of one) expect(a.get(name), name).toBe(bytes);
    expect(readFileSync(path.join(stateAuto, 'manifest.jsonl'), 'utf8')).toBe(readFileSync(path.join(work, 'state-1', 'manifest.jsonl'), 'utf8'));
  }, 240_000);
});

describe('autoThreads (the threads a run takes without --jobs)', () => {
  it('takes one per core when pixels are read: a thread pays for itself with its first image', () => {
    expect(autoThreads({ pixels: true }, 3, 8)).toBe(8);
    expect(autoThreads({ pixels: true }, 1, 1)).toBe(1);
  });

  it('header only: one thread per 400 files (the runner\'s thread among them), at most the cores less one, at least one', () => {
    expect(autoThreads({ pixels: false }, 399, 8)).toBe(1);
    expect(autoThreads({ pixels: false }, 1000, 8)).toBe(2);
    expect(autoThreads({ pixels: false }, 1000, 2)).toBe(1);
    expect(autoThreads({ pixels: false }, 100_000, 8)).toBe(7);
    expect(autoThreads({ pixels: false }, 100_000, 2)).toBe(1);
    expect(autoThreads({ pixels: false }, 100_000, 1)).toBe(1);
  });
});

describe('resuming a run', () => {
  it('skips inputs already done, reports them as such, and does what is missing or new', async () => {
    const out = path.join(work, 'out-r');
    const state = path.join(work, 'state-r');
    const first = await deid('run', inputs, '--out', out, '--state', state, '--no-pixels', '--jobs', '2');
    expect(first.code, first.stderr).toBe(0);
    const before = outputsOf(out);
    const mtimes = new Map(filesUnder(out).map((f) => [f, statSync(f).mtimeMs]));

    const again = await deid('run', inputs, '--out', out, '--state', state, '--no-pixels', '--jobs', '2');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/11 already done/);
    const lines = manifestLines(path.join(state, 'manifest.jsonl'));
    expect(lines.filter((l) => l.resumed === true)).toHaveLength(11);
    for (const line of lines.filter((l) => l.resumed)) {
      expect(line.status).toBe('skipped');
      expect(existsSync(path.join(out, String(line.output)))).toBe(true);
      expect(line.contentHash).toMatch(/^[0-9a-f]{64}$/);
    }
    for (const [file, mtime] of mtimes) expect(statSync(file).mtimeMs, 'not written again').toBe(mtime);

    // One output lost, one input new: those two are done, the rest skipped.
    const lost = lines.find((l) => String(l.input).endsWith('scan05.dcm'))!;
    rmSync(path.join(out, String(lost.output)));
    writeFileSync(path.join(inputs, 'scan11.dcm'), makePhiFixture({ instance: 11 }).bytes());
    try {
      const third = await deid('run', inputs, '--out', out, '--state', state, '--no-pixels', '--jobs', '2');
      expect(third.code, third.stderr).toBe(0);
      const now = manifestLines(path.join(state, 'manifest.jsonl'));
      expect(now.filter((l) => l.resumed).map((l) => path.basename(String(l.input)))).not.toContain('scan05.dcm');
      expect(now.filter((l) => l.status === 'ok').map((l) => path.basename(String(l.input))).sort()).toEqual(['scan05.dcm', 'scan11.dcm']);
      const after = outputsOf(out);
      for (const [name, bytes] of before) expect(after.get(name), name).toBe(bytes);
      expect(after.size).toBe(before.size + 1);

      // Other rules (a different rules file, even with the same entries) do every input again.
      const rules = path.join(work, 'rules-copy.yaml');
      writeFileSync(rules, `${readFileSync(path.join(projectRoot, 'configs/de-id/de_id_rules_auto.yaml'), 'utf8')}\n# a copy\n`);
      const other = await deid('run', inputs, '--out', out, '--state', state, '--no-pixels', '--jobs', '2', '--rules', rules);
      expect(other.code, other.stderr).toBe(0);
      expect(manifestLines(path.join(state, 'manifest.jsonl')).filter((l) => l.resumed)).toHaveLength(0);
    } finally {
      rmSync(path.join(inputs, 'scan11.dcm'));
    }
  }, 300_000);

  it('finishes what a killed run left, with the outputs a whole run makes', async () => {
    const many = path.join(work, 'many');
    mkdirSync(many);
    const total = 40;
    for (let i = 1; i <= total; i++) writeFileSync(path.join(many, `f${String(i).padStart(2, '0')}.dcm`), makePhiFixture({ instance: 100 + i }).bytes());
    const out = path.join(work, 'out-k');
    const state = path.join(work, 'state-k');
    const manifest = path.join(state, 'manifest.jsonl');
    const child = spawn(process.execPath, [path.join(projectRoot, 'bin/deid.js'), 'run', many, '--out', out, '--state', state, '--no-pixels', '--jobs', '2'], { cwd: projectRoot, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    try {
      const deadline = Date.now() + 120_000;
      while ((existsSync(manifest) ? readFileSync(manifest, 'utf8').split('\n').length - 1 : 0) < 3 && Date.now() < deadline) await sleep(10);
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    const killed = manifestLines(manifest).length;
    // The killed run's manifest lock goes stale after 10 s; until then a new run is refused, saying so.
    let resumed = await deid('run', many, '--out', out, '--state', state, '--no-pixels', '--jobs', '2');
    for (let tries = 0; resumed.code === 2 && /being written by another run/.test(resumed.stderr) && tries < 30; tries++) {
      await sleep(1000);
      resumed = await deid('run', many, '--out', out, '--state', state, '--no-pixels', '--jobs', '2');
    }
    expect(resumed.code, resumed.stderr).toBe(0);
    const lines = manifestLines(manifest);
    expect(lines).toHaveLength(total);
    const skipped = lines.filter((l) => l.resumed).length;
    expect(skipped).toBeGreaterThanOrEqual(1);
    expect(skipped).toBeLessThanOrEqual(killed);
    expect(lines.filter((l) => l.status === 'ok').length + skipped).toBe(total);

    const whole = path.join(work, 'out-whole');
    const wholeRun = await deid('run', many, '--out', whole, '--state', stateLike(state, 'state-whole'), '--no-pixels', '--jobs', '1');
    expect(wholeRun.code, wholeRun.stderr).toBe(0);
    const a = outputsOf(out);
    const b = outputsOf(whole);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [name, bytes] of b) expect(a.get(name), name).toBe(bytes);
    // No temporary file of the killed run is left in the output.
    expect(filesUnder(out).filter((f) => f.endsWith('.deid-tmp'))).toEqual([]);
  }, 300_000);
});

describe('content hashes of the resume ledger', () => {
  it('are the sha256 of the input whatever its size (large inputs are hashed in the calling thread, uncopied)', async () => {
    const { contentHashOffThread } = await import('../../lib/pipeline/resume.js');
    const { createHash } = await import('node:crypto');
    for (const size of [1024, 20 * 1024 * 1024]) {
      const bytes = new Uint8Array(size).map((_, i) => (i * 31) & 0xff);
      expect(await contentHashOffThread(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });
});
