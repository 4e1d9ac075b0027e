import type { DicomDict } from '../dicom/dataset.js';
import { setElement } from '../dicom/elements.js';
import { encodeFrame } from '../pixels/codecs.js';
import { storedToRaw, type RawLayout } from '../pixels/frames.js';
import { syntaxInfo, TS } from '../pixels/syntax.js';
import type { SampleFormat } from './format.js';

/**
 * Writes the Image Pixel module and Pixel Data for frames of stored values, in `transferSyntaxUID`:
 * native syntaxes hold one buffer with every frame; encapsulated ones one codestream per frame,
 * encoded with the kit's codecs (`lib/pixels`). Lossy JPEG Baseline records its compression history.
 * @throws Error naming the syntax when the kit has no encoder for it.
 */
export async function setPixelData(dict: DicomDict, format: SampleFormat, width: number, height: number, frames: ArrayLike<number>[], transferSyntaxUID: string): Promise<void> {
  const info = syntaxInfo(transferSyntaxUID);
  if (!info) throw new Error(`[samples] unknown transfer syntax ${transferSyntaxUID}`);
  if (info.bigEndian) throw new Error(`[samples] big endian samples are not generated (${info.name})`);
  const layout: RawLayout = {
    rows: height,
    columns: width,
    samplesPerPixel: format.samplesPerPixel,
    photometric: format.photometric,
    bitsAllocated: format.bitsAllocated,
    bitsStored: format.bitsStored,
    highBit: format.bitsStored - 1,
    pixelRepresentation: format.pixelRepresentation,
    planarConfiguration: 0,
  };
  const raws = frames.map((values) => storedToRaw(layout, values));
  let photometric: string = format.photometric;
  let value: ArrayBuffer[];
  if (info.codec === 'native') {
    const all = new Uint8Array(raws.reduce((n, r) => n + r.byteLength, 0));
    let offset = 0;
    for (const r of raws) {
      all.set(r, offset);
      offset += r.byteLength;
    }
    value = [all.buffer];
  } else {
    value = [];
    for (const raw of raws) {
      const encoded = await encodeFrame(layout, raw, transferSyntaxUID);
      photometric = encoded.photometric;
      value.push(encoded.bytes.slice().buffer);
    }
  }
  const set = (keyword: string, vr: string, ...values: unknown[]): void => setElement(dict, keyword, vr, values);
  set('SamplesPerPixel', 'US', format.samplesPerPixel);
  set('PhotometricInterpretation', 'CS', photometric);
  if (format.samplesPerPixel > 1) set('PlanarConfiguration', 'US', 0);
  if (frames.length > 1) set('NumberOfFrames', 'IS', frames.length);
  set('Rows', 'US', height);
  set('Columns', 'US', width);
  set('BitsAllocated', 'US', format.bitsAllocated);
  set('BitsStored', 'US', format.bitsStored);
  set('HighBit', 'US', format.bitsStored - 1);
  set('PixelRepresentation', 'US', format.pixelRepresentation);
  if (info.lossy) {
    set('LossyImageCompression', 'CS', '01');
    const encodedBytes = value.reduce((n, b) => n + b.byteLength, 0);
    const rawBytes = raws.reduce((n, r) => n + r.byteLength, 0);
    set('LossyImageCompressionRatio', 'DS', Math.round((rawBytes / encodedBytes) * 100) / 100);
    set('LossyImageCompressionMethod', 'CS', info.lossyMethod ?? 'ISO_10918_1');
  }
  dict['7FE00010'] = { vr: format.bitsAllocated > 8 && info.codec === 'native' ? 'OW' : 'OB', Value: value };
}

export { TS };
