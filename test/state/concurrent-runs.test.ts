/**
 * Two real `deid run` processes sharing one state folder: neither loses the other's UID or
 * Patient ID map entries (the maps are merged under a lock on every flush).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makePhiFixture } from '../fixtures/phi-fixture.js';
import { projectRoot } from '../support/paths.js';

const work = mkdtempSync(path.join(tmpdir(), 'deid-concurrent-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the real command in its own process; resolves to its exit code and stderr. */
function deidProcess(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'bin/deid.js'), ...args], { cwd: projectRoot, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('two runs sharing one state folder at the same time', () => {
  it('keep every UID and Patient ID map entry of both runs', async () => {
    const state = path.join(work, 'state');
    const batches = ['A', 'B'].map((name, b) => {
      const dir = path.join(work, `in-${name}`);
      mkdirSync(dir);
      const uidRoot = `1.2.826.0.1.3680043.8.498.${700 + b}`;
      const patientId = `MRN-${name}${name}-${b}1234`;
      const sops: string[] = [];
      for (let i = 1; i <= 8; i++) {
        const fixture = makePhiFixture({ uidRoot, patientId, instance: i });
        sops.push(String(fixture.dataset.dict['00080018']!.Value![0]));
        writeFileSync(path.join(dir, `${name}${i}.dcm`), fixture.bytes());
      }
      return { name, dir, patientId, sops };
    });
    const runs = await Promise.all(
      batches.map((batch) =>
        deidProcess(['run', batch.dir, '--out', path.join(work, `out-${batch.name}`), '--state', state, '--manifest', path.join(state, `${batch.name}.jsonl`), '--no-pixels']),
      ),
    );
    expect(runs.map((r) => r.code), runs.map((r) => r.stderr).join('\n')).toEqual([0, 0]);
    const uidMap = JSON.parse(readFileSync(path.join(state, 'uid_map.json'), 'utf8')) as Record<string, string>;
    const patientIds = JSON.parse(readFileSync(path.join(state, 'patid_map.json'), 'utf8')) as Record<string, string>;
    for (const batch of batches) {
      expect(Object.keys(patientIds)).toContain(batch.patientId);
      for (const sop of batch.sops) expect(uidMap[sop], `${batch.name}: ${sop}`).toMatch(/^2\.25\.\d+$/);
    }
  }, 300_000);
});
