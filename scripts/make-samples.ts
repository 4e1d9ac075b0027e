/**
 * Writes the synthetic sample images to `images/med_phi_img/` (or the folder given as the first
 * argument) with a `truth.json` of the burned-in text beside them. Run with `npm run samples`.
 * File names say what the file is (`ct_chest_explicit_le.dcm`), never who is in it.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDicom } from '../lib/dicom/adapter.js';
import { makeSample, SAMPLE_SPECS } from '../lib/samples/index.js';

/** The seed of the committed samples; change it and the samples (and truth) change. */
export const SAMPLES_SEED = 1;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(process.argv[2] ?? join(root, 'images', 'med_phi_img'));
mkdirSync(outDir, { recursive: true });

/** Writes through a temporary name, so a crash never leaves half a file. */
function writeAtomic(path: string, bytes: Uint8Array | string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}

const samples = [];
let total = 0;
for (const spec of SAMPLE_SPECS) {
  const { dataset, truth } = await makeSample(spec, SAMPLES_SEED);
  const file = `${spec.name}.dcm`;
  const bytes = writeDicom(dataset);
  writeAtomic(join(outDir, file), bytes);
  total += bytes.byteLength;
  samples.push({ file, ...truth });
  console.log(`${file.padEnd(34)} ${String(bytes.byteLength).padStart(8)} bytes  ${truth.phi.length} PHI words, ${truth.harmless.length} harmless`);
}
writeAtomic(join(outDir, 'truth.json'), `${JSON.stringify({ generator: 'lib/samples (npm run samples)', seed: SAMPLES_SEED, samples }, null, 1)}\n`);
console.log(`wrote ${samples.length} samples (${(total / 1e6).toFixed(2)} MB) and truth.json to ${outDir}`);
