#!/usr/bin/env node
// Runs the compiled CLI (dist/), or the TypeScript sources through tsx when dist/ is missing or
// older than lib/ (see bin/entry.js).
import { fileURLToPath } from 'node:url';
import { chooseEntry } from './entry.js';

// Outputs, manifests and maps are flushed to disk several at a time: more than libuv's 4 threads helps.
process.env.UV_THREADPOOL_SIZE ??= '16';
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
