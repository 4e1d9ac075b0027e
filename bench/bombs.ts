/**
 * Resource bombs through `deid run` (`npx tsx bench/bombs.ts [--pixels]`): makes a batch of the
 * bombs the kit can build (Number of Frames 2,000,000,000 over native and over RLE data, deflated
 * datasets inflating to 1 GiB and to 3 GiB) with one ordinary file after them, runs the real CLI on
 * it in a child process and prints its peak memory (GNU time), its time and what the manifest says.
 * A script printing figures, not a test: the limits themselves are tested in test/dicom/limits.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatBytes } from '../lib/dicom/limits.js';
import { makePhiFixture } from '../test/fixtures/phi-fixture.js';
import { deflateBomb, frameBomb } from '../test/support/bombs.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pixels = process.argv.includes('--pixels');
const GiB = 1024 ** 3;

const work = mkdtempSync(path.join(tmpdir(), 'deid-bombs-'));
const input = path.join(work, 'in');
mkdirSync(input);
const files: Array<[string, () => Promise<Uint8Array>]> = [
  ['1-frames-2e9-native.dcm', () => frameBomb(false)],
  ['2-frames-2e9-rle.dcm', () => frameBomb(true)],
  ['3-deflate-1GiB.dcm', () => deflateBomb(GiB)],
  ['4-deflate-3GiB.dcm', () => deflateBomb(3 * GiB)],
  ['5-ordinary.dcm', async () => makePhiFixture().bytes()],
];
for (const [name, make] of files) {
  const started = Date.now();
  writeFileSync(path.join(input, name), await make());
  console.log(`made ${name}: ${formatBytes(statSync(path.join(input, name)).size)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const manifest = path.join(work, 'manifest.jsonl');
const args = [path.join(root, 'bin/deid.js'), 'run', input, '--out', path.join(work, 'out'), '--state', path.join(work, 'state'), '--manifest', manifest, ...(pixels ? [] : ['--no-pixels'])];
const started = Date.now();
const timed = existsSync('/usr/bin/time');
const child = timed
  ? spawnSync('/usr/bin/time', ['-f', 'peak-rss-kb %M', process.execPath, ...args], { encoding: 'utf8', timeout: 600_000 })
  : spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 600_000 });
const seconds = (Date.now() - started) / 1000;
const peak = Number(/peak-rss-kb (\d+)/.exec(child.stderr)?.[1] ?? 0) * 1024;
console.log(`\ndeid run ${pixels ? '(pixel mode)' : '--no-pixels'} over ${files.length} files: exit ${child.status}${child.signal ? ` signal ${child.signal}` : ''}, ${seconds.toFixed(1)} s, peak memory ${timed ? formatBytes(peak) : 'not measured (no /usr/bin/time)'}`);
if (existsSync(manifest)) {
  for (const line of readFileSync(manifest, 'utf8').trim().split('\n')) {
    const entry = JSON.parse(line) as { input: string; status: string; error?: string };
    console.log(`  ${path.basename(entry.input)}: ${entry.status}${entry.error ? ` — ${entry.error}` : ''}`);
  }
} else {
  console.log('  no manifest was written');
}
rmSync(work, { recursive: true, force: true });
