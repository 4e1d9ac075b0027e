#!/usr/bin/env node
// Runs the compiled CLI (dist/), or the TypeScript sources through tsx when dist/ is missing or
// older than lib/ (see bin/entry.js).
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { chooseEntry } from './entry.js';

// Outputs, manifests and maps are flushed to disk several at a time: more than libuv's 4 threads helps.
process.env.UV_THREADPOOL_SIZE ??= '16';
// V8 optimises a function once it has run about 66 KB of bytecode (its default interrupt budget).
// A run's code is large and its inputs few: 1,000 header files spent a fifth of the run's CPU
// optimising functions (a third with --jobs 2, where each thread optimises its own copy), most of
// them run too little to repay it. Nine times that budget optimises only the hot ones: perf, 1,000
// header files: --jobs 1 8.4 -> 6.9 CPU s, --jobs 2 10.9 -> 8.5. A budget given to node is kept.
const nodeOptions = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
const given = (flag) => nodeOptions.some((a) => a.startsWith(flag));
if (!given('--interrupt-budget')) v8.setFlagsFromString('--interrupt-budget=600000');
// After each full collection V8 lets the old generation grow to up to 4 times what survived it before
// the next; a run's old generation is mostly dead per-file data, so the peak followed that factor, not
// the work. Twice what survived: 1,000 header files, --jobs 1, peak 224 -> 189 MB, 2 -> 5 full
// collections (~0.1 s CPU of ~8). (1.5 times saved 6 MB more for 15 more collections.) A value given to node is kept.
if (!given('--heap-growing-percent')) v8.setFlagsFromString('--heap-growing-percent=100');
// V8 runs a regular expression first from bytecode and compiles it again to machine code once it
// has run once more (regexp tier-up): the kit's text patterns all run many times, so each was
// compiled twice, and compiling Unicode classes (\p{L}) is costly. They now compile once, to
// machine code. A choice given to node is kept.
if (!given('--regexp-tier-up') && !given('--no-regexp-tier-up')) v8.setFlagsFromString('--no-regexp-tier-up');
const root = fileURLToPath(new URL('..', import.meta.url));
let main;
if (process.env.DEID_FROM_SOURCE !== '1' && chooseEntry(root) === 'dist') {
  ({ main } = await import('../dist/cli/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../lib/cli/main.ts'));
}
process.exitCode = await main(process.argv);
