/**
 * Peak memory of one large file through `deid run` (`npx tsx bench/read-memory.ts [MiB] [--pixels]`):
 * writes a native 16-bit multi-frame file of about the given size (default 256 MiB of pixel data)
 * with the PHI fixture's header, runs the CLI on it in a child process and prints its peak memory
 * (GNU time) as a multiple of the file size. The per-file memory checks in lib/dicom/limits.ts
 * (READ_COPIES) and lib/pixels/validate.ts (DECODE_COPIES) are based on these multiples.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatBytes } from '../lib/dicom/limits.js';
import { writeLargeFile } from './large-file.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mib = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 256);
const pixels = process.argv.includes('--pixels');

const work = mkdtempSync(path.join(tmpdir(), 'deid-read-memory-'));
const { file, size, frames } = writeLargeFile(path.join(work, 'in'), mib);

const args = [path.join(root, 'bin/deid.js'), 'run', path.dirname(file), '--out', path.join(work, 'out'), '--state', path.join(work, 'state'), ...(pixels ? [] : ['--no-pixels'])];
const started = Date.now();
const child = spawnSync('/usr/bin/time', ['-f', 'peak-rss-kb %M', process.execPath, ...args], { encoding: 'utf8' });
const peak = Number(/peak-rss-kb (\d+)/.exec(child.stderr)?.[1] ?? 0) * 1024;
console.log(
  `deid run ${pixels ? '(pixel mode)' : '--no-pixels'} on a ${formatBytes(size)} file (${frames} frames of 1024 x 1024 x 16 bits): exit ${child.status}, ${((Date.now() - started) / 1000).toFixed(1)} s, peak memory ${formatBytes(peak)} = ${(peak / size).toFixed(2)} x the file`,
);
if (child.status !== 0) console.log(child.stdout, child.stderr.split('\n').slice(-5).join('\n'));
rmSync(work, { recursive: true, force: true });
