/**
 * Throughput of `deid run --queue` with 1, 2 and 3 `deid worker` processes on a loopback Redis
 * (`npm run bench:queue`), beside the baseline of `deid run` on one machine in one process, over
 * generated header-only files (`BENCH_QUEUE_FILES`, default 300; `--no-pixels`). Each run starts
 * from a copy of one state folder (one secret, empty maps), and its outputs are checked to be the
 * baseline's bytes. Times run from the coordinator's start to its exit, with the workers already
 * waiting (their start-up is printed apart). Run it with `nice` on a shared machine.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { openStateStore } from '../lib/state/store.js';
import { makePhiFixture } from '../test/fixtures/phi-fixture.js';
import { projectRoot } from '../test/support/paths.js';
import { startLoopbackRedis } from '../test/support/redis.js';
import { startWorker, stopWorkers } from '../test/support/workers.js';

const files = Number(process.env.BENCH_QUEUE_FILES ?? 300);
const rules = path.join(projectRoot, 'configs/de-id/de_id_rules_auto.yaml');
const work = mkdtempSync(path.join(tmpdir(), 'deid-bench-queue-'));

/** Runs bin/deid.js; resolves with its exit code and wall seconds. */
function deid(args: string[]): Promise<{ code: number; seconds: number; stdout: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'bin/deid.js'), ...args], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code: code ?? -1, seconds: (performance.now() - started) / 1000, stdout }));
  });
}

/** sha256 of every file under `dir`, by relative path. */
function digests(dir: string, base = dir, into = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) digests(full, base, into);
    else into.set(path.relative(base, full), createHash('sha256').update(readFileSync(full)).digest('hex'));
  }
  return into;
}

const inputs = path.join(work, 'in');
mkdirSync(inputs);
for (let i = 0; i < files; i++) {
  const fixture = makePhiFixture({ patientId: `MRN-${1000 + (i % 50)}`, uidRoot: `1.2.826.0.1.3680043.8.498.8${i % 50}.${i % 7}`, instance: i + 1 });
  writeFileSync(path.join(inputs, `f${String(i).padStart(5, '0')}.dcm`), fixture.bytes());
}
const state = path.join(work, 'state');
openStateStore(state);
const fresh = (name: string) => {
  const dir = path.join(work, `state-${name}`);
  cpSync(state, dir, { recursive: true });
  return dir;
};

console.log(`deid run --queue throughput: ${files} generated header-only files (--no-pixels), ${cpus().length} CPU(s), loopback redis-server`);
const redis = await startLoopbackRedis();
try {
  const baselineOut = path.join(work, 'out-local');
  const baseline = await deid(['run', inputs, '--out', baselineOut, '--state', fresh('local'), '--rules', rules, '--no-pixels']);
  if (baseline.code !== 0) throw new Error(`the one-machine run exited ${baseline.code}: ${baseline.stdout}`);
  const expected = digests(baselineOut);
  const rows = [{ what: 'deid run, one process (baseline)', seconds: baseline.seconds, same: true }];
  for (const count of [1, 2, 3]) {
    const stateDir = fresh(`queue-${count}`);
    const out = path.join(work, `out-queue-${count}`);
    const readyAt = performance.now();
    const workers = Array.from({ length: count }, (_, i) => startWorker(redis.url, `bench-${count}-${i + 1}`, ['--state', stateDir]));
    await Promise.all(workers.map((w) => w.ready));
    const startup = (performance.now() - readyAt) / 1000;
    const run = await deid(['run', inputs, '--out', out, '--state', stateDir, '--rules', rules, '--no-pixels', '--queue', redis.url]);
    await stopWorkers(workers);
    if (run.code !== 0) throw new Error(`the queue run with ${count} worker(s) exited ${run.code}: ${run.stdout}`);
    const got = digests(out);
    const same = got.size === expected.size && [...expected].every(([k, v]) => got.get(k) === v);
    rows.push({ what: `deid run --queue, ${count} worker(s) (started in ${startup.toFixed(1)} s)`, seconds: run.seconds, same });
  }
  for (const row of rows) {
    console.log(`${row.what.padEnd(52)} ${row.seconds.toFixed(1).padStart(6)} s  ${(files / row.seconds).toFixed(1).padStart(6)} files/s  ${(baseline.seconds / row.seconds).toFixed(2)}x baseline  outputs ${row.same ? 'identical' : 'DIFFER'}`);
  }
  if (rows.some((r) => !r.same)) process.exitCode = 1;
} finally {
  await redis.stop();
  rmSync(work, { recursive: true, force: true });
}
