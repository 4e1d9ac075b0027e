// Starts the project's tslab kernel with tsx registered, so notebook cells can
// import the ESM TypeScript library in lib/ (NodeNext, `.js`-suffixed imports).
// Packages resolve from this file's location, i.e. the project's node_modules.
import { createRequire } from 'node:module';
import { register as registerEsm } from 'tsx/esm/api';
import { register as registerCjs } from 'tsx/cjs/api';

const connectionFile = process.argv[2];
if (!connectionFile) {
  console.error('[deid-tslab] usage: node launch.mjs <connection_file>');
  process.exitCode = 2;
} else {
  registerEsm();
  registerCjs();
  const require = createRequire(import.meta.url);
  require('tslab/dist/main.js').startKernel({ configPath: connectionFile, enableFindLocal: false });
}
