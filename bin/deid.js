#!/usr/bin/env node
// Runs the TypeScript sources directly (no build step): tsx compiles them on load.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../lib/cli/main.ts');
process.exitCode = await main(process.argv);
