// Starts the project's tslab kernel with tsx registered, so notebook cells can import the ESM
// TypeScript library in lib/ (NodeNext, `.js`-suffixed imports) as `deid-kit/...`: the committed
// symlink notebooks/node_modules/deid-kit -> ../../lib makes tslab's type checker treat lib/ as a
// package (type-checked, not re-compiled by tslab), and tsx runs it at require time.
// Packages resolve from this file's location, i.e. the project's node_modules.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { register as registerEsm } from 'tsx/esm/api';
import { register as registerCjs } from 'tsx/cjs/api';
import { patchTslabConverter } from './shorthand.mjs';

const connectionFile = process.argv[2];
if (!connectionFile) {
  console.error('[deid-tslab] usage: node launch.mjs <connection_file>');
  process.exitCode = 2;
} else {
  const alias = fileURLToPath(new URL('../../../../notebooks/node_modules/deid-kit/index.ts', import.meta.url));
  if (!existsSync(alias) && !existsSync(alias.replace(/index\.ts$/, 'safe-harbor.ts'))) {
    console.error(`[deid-tslab] ${alias.replace(/\/[^/]+$/, '')} is missing: notebooks cannot import 'deid-kit/...'. Restore it with: git checkout -- notebooks/node_modules/deid-kit`);
  }
  registerEsm();
  registerCjs();
  const require = createRequire(import.meta.url);
  patchTslabConverter(require);
  require('tslab/dist/main.js').startKernel({ configPath: connectionFile, enableFindLocal: false });
}
