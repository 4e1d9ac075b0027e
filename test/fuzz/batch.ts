/**
 * Runs one batch of fuzzed inputs through the real `deid run` in a child process, bounded in time
 * and heap, and checks what it left: an exit code that is not a crash, one manifest line per input
 * with a clear reason for each failure, exactly the outputs of the files that passed (no partial,
 * temporary or stray file), outputs that parse again, and the child's peak memory.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { readDicom } from '../../lib/dicom/adapter.js';
import type { ManifestEntry } from '../../lib/pipeline/manifest.js';
import { projectRoot } from '../support/paths.js';
import { run } from '../support/tools.js';

/** How one batch went. */
export interface BatchResult {
  inputs: number;
  ok: number;
  errors: number;
  skipped: number;
  /** Problems found: a crash, a hang, a missing manifest line, an unclear reason, a stray or unreadable output. */
  problems: string[];
  /** Peak resident memory of the child, in bytes (0 when it could not be measured). */
  peakRss: number;
  milliseconds: number;
  /** Per-file failure reasons, for the report. */
  reasons: string[];
}

/** Options of {@link runBatch}. */
export interface BatchOptions {
  inputDir: string;
  workDir: string;
  inputs: number;
  pixels: boolean;
  timeoutMs: number;
  /** V8 heap limit of the child, in MiB. */
  maxOldSpaceMb: number;
  /** Check every n-th valid output with dcmdump too (0: none). */
  dcmdumpEvery: number;
}

const TIME = '/usr/bin/time';
/** What a reason must not look like: JavaScript internals instead of words. */
const UNCLEAR = /Cannot read properties|is not a function|is not defined|\bundefined\b(?! length)|NaN|Maximum call stack|\bat \S+ \(|Invalid array length|Invalid typed array length/;

/** Runs `deid run` over `inputDir` in a child process and checks the result. */
export async function runBatch(options: BatchOptions): Promise<BatchResult> {
  const out = path.join(options.workDir, 'out');
  const manifest = path.join(options.workDir, 'manifest.jsonl');
  const args = [
    `--max-old-space-size=${options.maxOldSpaceMb}`,
    path.join(projectRoot, 'bin/deid.js'),
    'run',
    options.inputDir,
    '--out',
    out,
    '--state',
    path.join(options.workDir, 'state'),
    '--manifest',
    manifest,
    ...(options.pixels ? [] : ['--no-pixels']),
  ];
  const timed = existsSync(TIME);
  const started = Date.now();
  const child = timed ? spawn(TIME, ['-f', 'peak-rss-kb %M', process.execPath, ...args], { cwd: projectRoot }) : spawn(process.execPath, args, { cwd: projectRoot });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-200_000)));
  child.stdout.resume();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.timeoutMs);
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  clearTimeout(timer);
  const milliseconds = Date.now() - started;
  const peakKb = Number(/peak-rss-kb (\d+)/.exec(stderr)?.[1] ?? 0);
  const result: BatchResult = { inputs: options.inputs, ok: 0, errors: 0, skipped: 0, problems: [], peakRss: peakKb * 1024, milliseconds, reasons: [] };
  if (timedOut) result.problems.push(`hang: the batch did not finish in ${options.timeoutMs / 1000} s`);
  // /usr/bin/time reports a child killed by a signal as "Command terminated by signal N" and exits 128+N.
  const crashed = exit.signal !== null || /Command terminated by signal|FATAL ERROR|heap out of memory|Aborted/.test(stderr);
  if (!timedOut && (crashed || (exit.code !== 0 && exit.code !== 1))) {
    result.problems.push(`crash: deid exited with code ${exit.code}${exit.signal ? ` (signal ${exit.signal})` : ''}: ${stderr.split('\n').filter((l) => !l.startsWith('error: ')).slice(-6).join(' | ')}`);
  }
  if (!existsSync(manifest)) {
    result.problems.push('no manifest was written');
    return result;
  }
  const entries = readFileSync(manifest, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as ManifestEntry);
  if (entries.length !== options.inputs) result.problems.push(`the manifest has ${entries.length} lines for ${options.inputs} inputs`);
  const expectedOutputs = new Set<string>();
  for (const entry of entries) {
    if (entry.status === 'ok') {
      result.ok++;
      expectedOutputs.add(entry.output!);
    } else {
      if (entry.status === 'error') result.errors++;
      else result.skipped++;
      const reason = entry.error ?? '';
      result.reasons.push(reason);
      if (!/[a-z]{3,} [a-z]{2,} [a-z]{2,}/i.test(reason) || UNCLEAR.test(reason)) result.problems.push(`unclear reason for ${path.basename(entry.input)}: ${reason.slice(0, 200)}`);
    }
  }
  const written = existsSync(out)
    ? readdirSync(out, { recursive: true, withFileTypes: true })
        .filter((e) => !e.isDirectory())
        .map((e) => path.relative(out, path.join(e.parentPath, e.name)))
    : [];
  for (const file of written) if (!expectedOutputs.has(file)) result.problems.push(`stray or partial file in --out: ${file}`);
  for (const file of expectedOutputs) if (!written.includes(file)) result.problems.push(`missing output: ${file}`);
  let index = 0;
  for (const file of expectedOutputs) {
    const full = path.join(out, file);
    if (!existsSync(full)) continue;
    try {
      readDicom(readFileSync(full), 'output');
    } catch (error) {
      result.problems.push(`an output does not parse again: ${file}: ${(error as Error).message.slice(0, 200)}`);
    }
    if (options.dcmdumpEvery > 0 && index++ % options.dcmdumpEvery === 0 && run('dcmdump', ['-q', full]).status !== 0) {
      result.problems.push(`dcmdump cannot read an output: ${file}`);
    }
  }
  return result;
}
