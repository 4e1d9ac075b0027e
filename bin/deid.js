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
const budgetGiven = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((a) => a.startsWith('--interrupt-budget'));
if (!budgetGiven) v8.setFlagsFromString('--interrupt-budget=600000');
// V8 runs a regular expression first from bytecode and compiles it again to machine code once it
// has run once more (regexp tier-up): the kit's text patterns all run many times, so each was
// compiled twice, and compiling Unicode classes (\p{L}) is costly. They now compile once, to
// machine code. A choice given to node is kept.
const tierUpGiven = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((a) => /^--(no-)?regexp-tier-up/.test(a));
if (!tierUpGiven) v8.setFlagsFromString('--no-regexp-tier-up');
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
