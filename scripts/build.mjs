/**
 * Compiles lib/ to JavaScript in dist/ (tsc -p tsconfig.build.json) and stamps the build, so
 * `bin/deid.js` starts without compiling TypeScript. Run by `npm ci` (the `prepare` script), by
 * `npm test` and by `npm run build`. Without TypeScript installed (`npm ci --omit=dev`) it says so
 * and leaves dist/ alone: `bin/deid.js` then runs the sources through tsx.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  console.warn('build: TypeScript is not installed (dev dependencies omitted); bin/deid.js will run the sources through tsx');
  process.exit(0);
}
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
  console.error('build: tsc wrote no dist/cli/main.js');
  process.exit(1);
}
// bin/deid.js runs dist/ only when this stamp is newer than every file of lib/.
writeFileSync(join(root, 'dist', '.built'), `${new Date().toISOString()}\n`);
