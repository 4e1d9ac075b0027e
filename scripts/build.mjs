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
// The locale tables (month names, date forms, units of age: lib/text/locale-data.ts) read once here from this Node's
// ICU data, so that a run reads a file instead of some hundreds of locales; a run on other ICU data reads them itself.
const snapshot = spawnSync(
  process.execPath,
  ['--input-type=module', '-e', `import { readLocaleTables, dataVersions, SNAPSHOT_FILE } from ${JSON.stringify(new URL('../dist/text/locale-data.js', import.meta.url).href)};
import { writeFileSync } from 'node:fs';
writeFileSync(new URL('../dist/text/' + SNAPSHOT_FILE, ${JSON.stringify(import.meta.url)}), JSON.stringify({ versions: dataVersions(), tables: readLocaleTables() }));`],
  { cwd: root, stdio: 'inherit' },
);
if (snapshot.status !== 0) process.exit(snapshot.status ?? 1);
// bin/deid.js runs dist/ only when this stamp is newer than every file of lib/.
writeFileSync(join(root, 'dist', '.built'), `${new Date().toISOString()}\n`);
