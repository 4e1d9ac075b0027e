/**
 * Scorer side: rewrites any file into explicit VR little endian, uncompressed, with dcmtk (not the
 * kit), then reads its elements and pixels with the held-out reader.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { readExplicitFile, top, topUS, walk, type ReadElement, type ReadFile } from './dicom-reader.js';

const JPEG = /^1\.2\.840\.10008\.1\.2\.4\.(50|51|57|70)$/;
const JPEG_LS = /^1\.2\.840\.10008\.1\.2\.4\.(80|81)$/;

/** The transfer syntax named in a file's meta header. */
export function transferSyntaxOf(buf: Buffer): string {
  const metaLength = buf.readUInt32LE(132 + 8);
  let pos = 144;
  const end = pos + metaLength;
  while (pos < end) {
    const elem = buf.readUInt16LE(pos + 2);
    const vr = buf.toString('latin1', pos + 4, pos + 6);
    const long = ['OB', 'OW', 'SQ', 'UN', 'UT'].includes(vr);
    const len = long ? buf.readUInt32LE(pos + 8) : buf.readUInt16LE(pos + 6);
    const start = pos + (long ? 12 : 8);
    if (elem === 0x0010) return buf.toString('latin1', start, start + len).replace(/[\0 ]+$/, '');
    pos = start + len;
  }
  return '';
}

const run = promisify(execFile);

/**
 * Reads `file` as explicit VR little endian without compression: as it is when it already is,
 * otherwise rewritten by dcmtk into `out`. Throws when dcmtk cannot.
 */
export async function normalize(file: string, out: string): Promise<ReadFile> {
  const buf = await readFile(file);
  const ts = transferSyntaxOf(buf);
  if (ts === '1.2.840.10008.1.2.1') return readExplicitFile(buf);
  const tool = JPEG.test(ts) ? 'dcmdjpeg' : JPEG_LS.test(ts) ? 'dcmdjpls' : ts === '1.2.840.10008.1.2.5' ? 'dcmdrle' : 'dcmconv';
  await run(tool, tool === 'dcmconv' ? ['+te', file, out] : [file, out]);
  return readExplicitFile(await readFile(out));
}

/** Text of an element for searching (unknown-VR bytes read as Latin-1, as a viewer would show them). */
export function textOf(e: ReadElement): string | undefined {
  if (e.text !== undefined) return e.text;
  if (e.bytes && (e.vr === 'UN' || e.vr === 'OB') && e.tag !== 0x7fe00010 && e.bytes.length < 65536) return e.bytes.toString('latin1');
  return undefined;
}

/** Element texts by path. */
export function textsByPath(file: ReadFile): Map<string, string> {
  const out = new Map<string, string>();
  for (const { path: p, element } of walk(file.elements)) {
    const t = textOf(element);
    if (t !== undefined) out.set(p, t);
  }
  return out;
}

export interface Pixels {
  rows: number;
  columns: number;
  samples: number;
  frames: number;
  photometric: string;
  /** Largest stored value minus smallest possible one. */
  range: number;
  /** Stored values, frame after frame, samples interleaved. */
  values: Int32Array;
}

/** The pixels of a normalized file (8 or 16 bits, interleaved samples). */
export function pixelsOf(file: ReadFile): Pixels | undefined {
  const data = top(file, 0x7fe00010)?.bytes;
  if (!data) return undefined;
  const rows = topUS(file, 0x00280010)!;
  const columns = topUS(file, 0x00280011)!;
  const samples = topUS(file, 0x00280002) ?? 1;
  const bits = topUS(file, 0x00280100)!;
  const stored = topUS(file, 0x00280101) ?? bits;
  const signed = topUS(file, 0x00280103) === 1;
  const planar = topUS(file, 0x00280006) === 1;
  const frames = Number(top(file, 0x00280008)?.text ?? 1) || 1;
  const photometric = top(file, 0x00280004)?.text ?? '';
  if (bits !== 8 && bits !== 16) return undefined;
  const n = rows * columns * samples * frames;
  const values = new Int32Array(n);
  for (let i = 0; i < n; i++) values[i] = bits === 8 ? data[i] : signed ? data.readInt16LE(i * 2) : data.readUInt16LE(i * 2);
  if (planar && samples === 3) {
    const per = rows * columns;
    const copy = values.slice();
    for (let f = 0; f < frames; f++) for (let p = 0; p < per; p++) for (let s = 0; s < 3; s++) values[f * per * 3 + p * 3 + s] = copy[f * per * 3 + s * per + p];
  }
  return { rows, columns, samples, frames, photometric, range: 2 ** stored - 1, values };
}

export const basenameOf = (p: string) => path.basename(p);
