/**
 * Seeds for the mutation fuzzer: the sample images, the shared corpus, and small files the project
 * builds itself (the PHI fixture's header over 64 x 64 pixels in every syntax the kit writes), so
 * most mutated inputs are small and fast while every kind of encoding gets mutated.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { writeDicom } from '../../lib/dicom/adapter.js';
import { encodeMeta, layoutPart10 } from '../../lib/dicom/part10.js';
import { TS } from '../../lib/dicom/transfer-syntaxes.js';
import { deflateRawSync } from 'node:zlib';
import { fixtureWithPixels, greyModule } from '../support/hostile-pixels.js';
import { frameModule } from '../pixels/helpers.js';
import { corpusDir, projectRoot } from '../support/paths.js';

/** One seed file. */
export interface Seed {
  name: string;
  bytes: Uint8Array;
  /** Small enough for pixel mode (OCR) in the fuzzer's time budget. */
  small: boolean;
}

/** The sample images and the shared corpus (DICOM files only). */
export function fileSeeds(): Seed[] {
  const dirs = [path.join(projectRoot, 'images/med_phi_img'), corpusDir];
  return dirs
    .filter((dir) => existsSync(dir))
    .flatMap((dir) => readdirSync(dir).filter((n) => n.endsWith('.dcm')).map((n) => path.join(dir, n)))
    .sort()
    .map((file) => ({ name: path.basename(file), bytes: new Uint8Array(readFileSync(file)), small: false }));
}

/** Small files built by the project: one per syntax and pixel layout it writes, plus deflated and big endian ones. */
export async function builtSeeds(): Promise<Seed[]> {
  const grey8 = greyModule(64, 64);
  const grey16 = frameModule({ rows: 48, columns: 64 });
  const rgb = frameModule({ rows: 32, columns: 32, samplesPerPixel: 3, photometric: 'RGB', bitsAllocated: 8, bitsStored: 8, highBit: 7 });
  const specs: Array<[string, ReturnType<typeof greyModule>, number, string]> = [
    ['native-8', grey8, 1, TS.ExplicitVRLittleEndian],
    ['native-16-2f', grey16, 2, TS.ExplicitVRLittleEndian],
    ['implicit-16', grey16, 1, TS.ImplicitVRLittleEndian],
    ['native-rgb', rgb, 1, TS.ExplicitVRLittleEndian],
    ['rle-8-2f', grey8, 2, TS.RLELossless],
    ['rle-16', grey16, 1, TS.RLELossless],
    ['jpeg-8', grey8, 1, TS.JPEGBaseline],
    ['jpeg-rgb', rgb, 1, TS.JPEGBaseline],
    ['jpeg-ll-16', grey16, 1, TS.JPEGLosslessSV1],
    ['jpegls-16', grey16, 1, TS.JPEGLSLossless],
    ['j2k-16', grey16, 1, TS.JPEG2000Lossless],
    ['htj2k-8', grey8, 1, TS.HTJ2KLossless],
  ];
  const seeds: Seed[] = [];
  for (const [name, m, frames, syntax] of specs) {
    seeds.push({ name: `built-${name}.dcm`, bytes: writeDicom(await fixtureWithPixels(m, frames, syntax)), small: true });
  }
  const native = writeDicom(await fixtureWithPixels(grey8, 1, TS.ExplicitVRLittleEndian));
  seeds.push({ name: 'built-deflated.dcm', bytes: deflated(native), small: true });
  const header = await fixtureWithPixels(grey8, 1, TS.ExplicitVRLittleEndian);
  delete header.dict['7FE00010'];
  seeds.push({ name: 'built-big-endian-header.dcm', bytes: writeDicom({ ...header, transferSyntaxUID: TS.ExplicitVRBigEndian }), small: true });
  return seeds;
}

/** The same file with its dataset deflated (Deflated Explicit VR Little Endian). */
function deflated(bytes: Uint8Array): Uint8Array {
  const { metaElements, datasetOffset } = layoutPart10(bytes);
  const meta = encodeMeta(metaElements, TS.DeflatedExplicitVRLittleEndian);
  return Buffer.concat([Buffer.alloc(128), Buffer.from('DICM'), meta, deflateRawSync(bytes.subarray(datasetOffset))]);
}
