/**
 * Resource bombs built by the project's own code, for tests and `bench/bombs.ts`: a deflated file
 * that inflates far beyond its size, and files that declare 2,000,000,000 frames.
 */
import { createDeflateRaw } from 'node:zlib';
import { writeDicom } from '../../lib/dicom/adapter.js';
import { encodeMeta, layoutPart10 } from '../../lib/dicom/part10.js';
import { TS } from '../../lib/dicom/transfer-syntaxes.js';
import { makePhiFixture } from '../fixtures/phi-fixture.js';
import { declare, fixtureWithPixels, greyModule } from './hostile-pixels.js';

const MiB = 1024 ** 2;

/**
 * A deflated file whose dataset inflates to `inflated` bytes: the PHI fixture's header, then a
 * private OB element of zeros. Built by streaming, so the test never holds the inflated bytes.
 */
export async function deflateBomb(inflated: number): Promise<Uint8Array> {
  const fixture = makePhiFixture().dataset;
  const header = { ...fixture, dict: Object.fromEntries(Object.entries(fixture.dict).filter(([tag]) => tag < '00090000' || (tag >= '00100000' && tag < '7FE00010'))) };
  const written = writeDicom(header);
  const { metaElements, datasetOffset } = layoutPart10(written);
  const head = written.subarray(datasetOffset);
  const element = new Uint8Array(12);
  const view = new DataView(element.buffer);
  view.setUint16(0, 0x0009, true);
  view.setUint16(2, 0x1001, true);
  element.set([0x4f, 0x42], 4);
  const zeros = Math.max(0, inflated - head.byteLength - 12 - 16);
  view.setUint32(8, zeros, true);
  const creator = new Uint8Array([0x09, 0x00, 0x10, 0x00, 0x4c, 0x4f, 0x08, 0x00, ...Buffer.from('ACME 1.0')]);
  // Tags must ascend: the group 0008 elements, the private block, then the rest.
  const split = indexOfGroup(head, 0x0010);
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  deflate.write(head.subarray(0, split));
  deflate.write(creator);
  deflate.write(element);
  const block = Buffer.alloc(MiB);
  for (let left = zeros; left > 0; left -= MiB) {
    if (!deflate.write(block.subarray(0, Math.min(MiB, left)))) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end(head.subarray(split));
  await done;
  const meta = encodeMeta(metaElements, TS.DeflatedExplicitVRLittleEndian);
  return Buffer.concat([Buffer.alloc(128), Buffer.from('DICM'), meta, ...chunks]);
}

/** Offset of the first top-level element of `group` in an explicit VR little endian dataset. */
function indexOfGroup(body: Uint8Array, group: number): number {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  for (let p = 0; p + 8 <= body.byteLength; ) {
    if (view.getUint16(p, true) >= group) return p;
    const vr = String.fromCharCode(body[p + 4], body[p + 5]);
    const long = ['OB', 'OW', 'SQ', 'UN', 'UT', 'UC', 'UR'].includes(vr);
    const length = long ? view.getUint32(p + 8, true) : view.getUint16(p + 6, true);
    p += (long ? 12 : 8) + length;
  }
  return body.byteLength;
}


/** The PHI fixture over one 64 x 64 frame, declaring 2,000,000,000 frames (native or RLE). */
export async function frameBomb(encapsulated: boolean): Promise<Uint8Array> {
  const dataset = await fixtureWithPixels(greyModule(64, 64), 1, encapsulated ? TS.RLELossless : TS.ExplicitVRLittleEndian);
  return writeDicom(declare(dataset, { '00280008': { vr: 'IS', value: 2_000_000_000 } }));
}
