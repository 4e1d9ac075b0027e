/**
 * Logs carry no PHI by default: a failing file is named by its position and a keyed hash, never by
 * its path (input names often hold patient names), and errors never echo header values.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makePhiFixture } from '../fixtures/phi-fixture.js';
import { deid, manifestLines } from '../support/cli.js';

const work = mkdtempSync(path.join(tmpdir(), 'deid-logs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('deid run messages', () => {
  const inputs = path.join(work, 'QUACKENBUSH_HORATIO');
  mkdirSync(inputs);
  const fixture = makePhiFixture();
  fixture.dataset.dict['00280004'] = { vr: 'CS', Value: ['SMITH JOHN'] }; // a name where a defined term belongs
  writeFileSync(path.join(inputs, 'QUACKENBUSH_HORATIO_CT.dcm'), fixture.bytes());
  writeFileSync(path.join(inputs, 'QUACKENBUSH_HORATIO_2.dcm'), makePhiFixture().bytes().subarray(0, 700));

  it('name failing files by position and keyed hash, and never echo a header value', async () => {
    const manifest = path.join(work, 'state', 'm.jsonl');
    const result = await deid('run', inputs, '--out', path.join(work, 'out'), '--state', path.join(work, 'state'), '--manifest', manifest);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: file 1 of 2 \[[0-9a-f]{10}\]: .*truncated/m);
    expect(result.stderr).toMatch(/^error: file 2 of 2 \[[0-9a-f]{10}\]: .*Photometric Interpretation \(a value that is not a defined term, not shown\) is not supported/m);
    for (const text of [result.stderr, result.stdout]) {
      expect(text).not.toMatch(/QUACKENBUSH|HORATIO|SMITH/);
    }
    const lines = manifestLines(manifest);
    expect(lines.map((l) => l.error).join('\n')).not.toContain('SMITH');
    // The manifest is the one place that links a log line's hash to the input.
    expect(lines.map((l) => path.basename(String(l.input)))).toEqual(['QUACKENBUSH_HORATIO_2.dcm', 'QUACKENBUSH_HORATIO_CT.dcm']);
    expect(result.stderr).toContain(`[${String(lines[0].ref)}]`);
  }, 120_000);

  it('--verbose (teaching mode) shows the paths and says so when it starts', async () => {
    const result = await deid('run', inputs, '--out', path.join(work, 'out-v'), '--state', path.join(work, 'state-v'), '--no-pixels', '--verbose');
    expect(result.stderr.split('\n')[0]).toMatch(/--verbose: messages show input paths/);
    expect(result.stderr).toContain('QUACKENBUSH_HORATIO_2.dcm');
  });
});
