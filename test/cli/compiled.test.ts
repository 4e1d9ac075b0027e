/**
 * The compiled CLI: `npm ci` (prepare) and `npm test` build lib/ into dist/, and `bin/deid.js` runs
 * that JavaScript (no TypeScript compile at start) as long as it is newer than every file of lib/.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain JavaScript beside bin/deid.js, without types
import { chooseEntry } from '../../bin/entry.js';
import { makePhiFixture } from '../fixtures/phi-fixture.js';
import { filesUnder, manifestLines } from '../support/cli.js';
import { projectRoot } from '../support/paths.js';

const work = mkdtempSync(path.join(tmpdir(), 'deid-compiled-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('bin/deid.js', () => {
  it('runs dist/ when its build is newer than every file of lib/, the sources otherwise', () => {
    const project = path.join(work, 'project');
    mkdirSync(path.join(project, 'lib', 'cli'), { recursive: true });
    writeFileSync(path.join(project, 'lib', 'cli', 'main.ts'), '');
    expect(chooseEntry(project)).toBe('source'); // never built
    mkdirSync(path.join(project, 'dist'));
    writeFileSync(path.join(project, 'dist', '.built'), '');
    const past = new Date(Date.now() - 60_000);
    utimesSync(path.join(project, 'lib', 'cli', 'main.ts'), past, past);
    expect(chooseEntry(project)).toBe('dist');
    writeFileSync(path.join(project, 'lib', 'cli', 'main.ts'), '// edited after the build');
    expect(chooseEntry(project)).toBe('source');
  });

  it('has a fresh build of this project (npm test builds it first; else run npm run build)', () => {
    expect(chooseEntry(projectRoot)).toBe('dist');
  });

  it('de-identifies through the compiled code, in worker threads', () => {
    const inputs = path.join(work, 'in');
    mkdirSync(inputs);
    for (let i = 1; i <= 3; i++) writeFileSync(path.join(inputs, `f${i}.dcm`), makePhiFixture({ instance: i }).bytes());
    const help = spawnSync(process.execPath, [path.join(projectRoot, 'bin/deid.js'), 'run', '--help'], { cwd: projectRoot, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--jobs <n>/);
    const state = path.join(work, 'state');
    const run = spawnSync(process.execPath, [path.join(projectRoot, 'bin/deid.js'), 'run', inputs, '--out', path.join(work, 'out'), '--state', state, '--no-pixels', '--jobs', '2'], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, DEID_FROM_SOURCE: '' },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^3 de-identified, 0 failed, 0 skipped/);
    expect(run.stdout).toMatch(/3 files in [\d.]+ s: [\d.]+ files\/s, [\d.]+ MB\/s read; 2 threads; peak memory \d+ MB/);
    expect(filesUnder(path.join(work, 'out'))).toHaveLength(3);
    expect(manifestLines(path.join(state, 'manifest.jsonl')).map((l) => l.status)).toEqual(['ok', 'ok', 'ok']);
  });
});
