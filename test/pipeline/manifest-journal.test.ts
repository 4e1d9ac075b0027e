/**
 * The manifest is appended and flushed per file: a run killed midway leaves a manifest that shows
 * every file it finished, one JSON line each; and a second run cannot write the same manifest at once.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { makePhiFixture } from '../fixtures/phi-fixture.js';
import { deid } from '../support/cli.js';
import { projectRoot } from '../support/paths.js';

const work = mkdtempSync(path.join(tmpdir(), 'deid-journal-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const linesOf = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);

describe('a run killed midway', () => {
  it('leaves a manifest of the files it finished, and holds the manifest against a second run', async () => {
    const inputs = path.join(work, 'in');
    mkdirSync(inputs);
    // Enough files, one thread, that the run is still going when the second one starts (a worker pool does 40 in a blink).
    const total = 300;
    for (let i = 1; i <= total; i++) writeFileSync(path.join(inputs, `f${String(i).padStart(3, '0')}.dcm`), makePhiFixture({ instance: i }).bytes());
    const state = path.join(work, 'state');
    const manifest = path.join(state, 'manifest.jsonl');
    const child = spawn(process.execPath, [path.join(projectRoot, 'bin/deid.js'), 'run', inputs, '--out', path.join(work, 'out'), '--state', state, '--no-pixels', '--jobs', '1'], { cwd: projectRoot, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    try {
      const deadline = Date.now() + 60_000;
      while (linesOf(manifest).length < 2 && Date.now() < deadline) await sleep(20);
      const second = await deid('run', inputs, '--out', path.join(work, 'out2'), '--state', state, '--no-pixels');
      child.kill('SIGKILL');
      await exited;
      expect(second.code).toBe(2);
      expect(second.stderr).toMatch(/being written by another run/);
    } finally {
      child.kill('SIGKILL');
    }
    const lines = linesOf(manifest).map((line) => JSON.parse(line) as { input: string; status: string; output?: string });
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.length).toBeLessThan(total);
    lines.forEach((line, i) => {
      expect(path.basename(line.input)).toBe(`f${String(i + 1).padStart(3, '0')}.dcm`);
      expect(line.status).toBe('ok');
      expect(existsSync(path.join(work, 'out', line.output!))).toBe(true);
    });
  }, 120_000);
});
