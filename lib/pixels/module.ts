import type { DicomDataset, DicomDict } from '../dicom/dataset.js';
import { PixelDataError } from './errors.js';
import { syntaxInfo } from '../dicom/transfer-syntaxes.js';
import { firstNumber, firstString, numbers, words16 } from './values.js';
import { PHOTOMETRIC_TERMS, termInMessage, uidInMessage } from '../dicom/shown-values.js';

/** A lookup table: `data[i]` is the output for input `firstMapped + i`; inputs outside are clamped. */
export interface Lut {
  entries: number;
  /** First input value mapped (signed when the pixel data is signed). */
  firstMapped: number;
  /** Bits per output entry. */
  bits: number;
  data: Uint16Array;
}

/** Palette Color lookup tables (red, green, blue). */
export interface PaletteLut {
  red: Lut;
  green: Lut;
  blue: Lut;
}

/** Photometric interpretations the kit decodes, renders and redacts. */
export const SUPPORTED_PHOTOMETRICS = ['MONOCHROME1', 'MONOCHROME2', 'RGB', 'YBR_FULL', 'YBR_FULL_422', 'PALETTE COLOR', 'YBR_RCT', 'YBR_ICT'] as const;

/** The Image Pixel module and the display attributes of one dataset, typed and checked. */
export interface PixelModule {
  rows: number;
  columns: number;
  samplesPerPixel: number;
  /** Photometric Interpretation, e.g. `MONOCHROME2`, `RGB`, `YBR_FULL_422`, `PALETTE COLOR`. */
  photometric: string;
  bitsAllocated: number;
  bitsStored: number;
  highBit: number;
  /** 0 unsigned, 1 two's complement. */
  pixelRepresentation: 0 | 1;
  /** 0 interleaved (R1G1B1R2…), 1 planar (R…G…B…); 0 for one sample per pixel. */
  planarConfiguration: 0 | 1;
  numberOfFrames: number;
  rescaleSlope: number;
  rescaleIntercept: number;
  /** First Window Center value, when present. */
  windowCenter?: number;
  /** First Window Width value, when present. */
  windowWidth?: number;
  /** VOI LUT Function (`LINEAR`, `LINEAR_EXACT`, `SIGMOID`), default `LINEAR`. */
  voiLutFunction: string;
  /** First item of the VOI LUT Sequence, when present. */
  voiLut?: Lut;
  /** Modality LUT Sequence item, when present (replaces rescale). */
  modalityLut?: Lut;
  /** Palette Color LUTs, for `PALETTE COLOR`. */
  palette?: PaletteLut;
  /** Overlay groups (6000–601E) with Overlay Data present. */
  overlayGroups: number[];
  transferSyntaxUID: string;
}

const T = {
  SamplesPerPixel: '00280002',
  Photometric: '00280004',
  PlanarConfiguration: '00280006',
  NumberOfFrames: '00280008',
  Rows: '00280010',
  Columns: '00280011',
  BitsAllocated: '00280100',
  BitsStored: '00280101',
  HighBit: '00280102',
  PixelRepresentation: '00280103',
  WindowCenter: '00281050',
  WindowWidth: '00281051',
  RescaleIntercept: '00281052',
  RescaleSlope: '00281053',
  VoiLutFunction: '00281056',
  ModalityLutSequence: '00283000',
  VoiLutSequence: '00283010',
  LutDescriptor: '00283002',
  LutData: '00283006',
  PixelData: '7FE00010',
} as const;

/**
 * Reads and checks the pixel module of a dataset.
 * @throws PixelDataError naming the missing or unsupported attribute.
 * @example const m = readPixelModule(file.dataset); m.rows, m.photometric
 */
export function readPixelModule(dataset: DicomDataset): PixelModule {
  const d = dataset.dict;
  const required = (tag: string, name: string): number => {
    const v = firstNumber(d, tag);
    if (v === undefined) throw new PixelDataError(`${name} (${tag.slice(0, 4)},${tag.slice(4)}) is missing or not a number`);
    return v;
  };
  if (!d[T.PixelData]) throw new PixelDataError('the dataset has no Pixel Data (7FE0,0010)');
  const ts = dataset.transferSyntaxUID;
  if (!syntaxInfo(ts)) throw new PixelDataError(`transfer syntax ${uidInMessage(ts)} is not supported for pixel data`);
  const rows = required(T.Rows, 'Rows');
  const columns = required(T.Columns, 'Columns');
  const bitsAllocated = required(T.BitsAllocated, 'Bits Allocated');
  const bitsStored = firstNumber(d, T.BitsStored) ?? bitsAllocated;
  const highBit = firstNumber(d, T.HighBit) ?? bitsStored - 1;
  const samplesPerPixel = firstNumber(d, T.SamplesPerPixel) ?? 1;
  const photometric = (firstString(d, T.Photometric) ?? (samplesPerPixel === 3 ? 'RGB' : 'MONOCHROME2')).toUpperCase();
  const pixelRepresentation = (firstNumber(d, T.PixelRepresentation) ?? 0) === 1 ? 1 : 0;
  const planarConfiguration = samplesPerPixel > 1 && firstNumber(d, T.PlanarConfiguration) === 1 ? 1 : 0;
  const numberOfFrames = readNumberOfFrames(d);

  if (rows <= 0 || columns <= 0) throw new PixelDataError(`Rows ${rows} x Columns ${columns} is not a valid image size`);
  if (![1, 8, 16, 32].includes(bitsAllocated)) throw new PixelDataError(`Bits Allocated ${bitsAllocated} is not supported (1, 8, 16 or 32)`);
  if (bitsAllocated === 1 && samplesPerPixel !== 1) throw new PixelDataError(`Bits Allocated 1 needs one sample per pixel, not ${samplesPerPixel}`);
  if (bitsAllocated === 1 && syntaxInfo(ts)?.codec !== 'native') throw new PixelDataError('Bits Allocated 1 is only defined for native (uncompressed) pixel data');
  if (bitsStored < 1 || bitsStored > bitsAllocated) throw new PixelDataError(`Bits Stored ${bitsStored} does not fit Bits Allocated ${bitsAllocated}`);
  if (highBit < bitsStored - 1 || highBit >= bitsAllocated) throw new PixelDataError(`High Bit ${highBit} does not fit Bits Stored ${bitsStored} / Bits Allocated ${bitsAllocated}`);
  if (!(SUPPORTED_PHOTOMETRICS as readonly string[]).includes(photometric)) {
    throw new PixelDataError(`Photometric Interpretation ${termInMessage(photometric, PHOTOMETRIC_TERMS)} is not supported`);
  }
  const expectedSamples = photometric.startsWith('MONOCHROME') || photometric === 'PALETTE COLOR' ? 1 : 3;
  if (samplesPerPixel !== expectedSamples) {
    throw new PixelDataError(`Samples per Pixel ${samplesPerPixel} does not match Photometric Interpretation ${termInMessage(photometric, PHOTOMETRIC_TERMS)}`);
  }

  const windowCenter = firstNumber(d, T.WindowCenter);
  const windowWidth = firstNumber(d, T.WindowWidth);
  const signed = pixelRepresentation === 1;
  const module: PixelModule = {
    rows,
    columns,
    samplesPerPixel,
    photometric,
    bitsAllocated,
    bitsStored,
    highBit,
    pixelRepresentation,
    planarConfiguration,
    numberOfFrames,
    rescaleSlope: firstNumber(d, T.RescaleSlope) ?? 1,
    rescaleIntercept: firstNumber(d, T.RescaleIntercept) ?? 0,
    voiLutFunction: (firstString(d, T.VoiLutFunction) ?? 'LINEAR').toUpperCase(),
    overlayGroups: overlayGroups(d),
    transferSyntaxUID: ts,
  };
  if (windowCenter !== undefined && windowWidth !== undefined && windowWidth > 0) {
    module.windowCenter = windowCenter;
    module.windowWidth = windowWidth;
  }
  const voiItem = (d[T.VoiLutSequence]?.Value?.[0] as DicomDict | undefined) ?? undefined;
  if (voiItem) module.voiLut = readLut(voiItem, T.LutDescriptor, T.LutData, signed, 'VOI LUT Sequence');
  const modalityItem = (d[T.ModalityLutSequence]?.Value?.[0] as DicomDict | undefined) ?? undefined;
  if (modalityItem) module.modalityLut = readLut(modalityItem, T.LutDescriptor, T.LutData, signed, 'Modality LUT Sequence');
  if (photometric === 'PALETTE COLOR') {
    if (d['00281221'] || d['00281222'] || d['00281223']) {
      throw new PixelDataError('Segmented Palette Color LUTs (0028,1221-1223) are not supported');
    }
    module.palette = {
      red: readLut(d, '00281101', '00281201', signed, 'Red Palette Color LUT'),
      green: readLut(d, '00281102', '00281202', signed, 'Green Palette Color LUT'),
      blue: readLut(d, '00281103', '00281203', signed, 'Blue Palette Color LUT'),
    };
  }
  return module;
}

/**
 * Number of Frames (0028,0008): absent means 1; present, it must be a positive whole number
 * (`1A` or `-3` is refused rather than read as 1, which would hide the frames after the first).
 */
function readNumberOfFrames(d: DicomDict): number {
  const element = d[T.NumberOfFrames];
  const value = element?.Value?.[0];
  if (value === undefined || value === null || value === '') return 1;
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  if (!Number.isInteger(n) || n < 1) throw new PixelDataError('Number of Frames (0028,0008) is not a positive whole number');
  return n;
}

/** Reads a LUT from its descriptor (entries, first mapped, bits) and data elements. */
function readLut(dict: DicomDict, descriptorTag: string, dataTag: string, signed: boolean, name: string): Lut {
  const desc = numbers(dict, descriptorTag);
  if (desc.length < 3) throw new PixelDataError(`${name}: descriptor (${descriptorTag.slice(0, 4)},${descriptorTag.slice(4)}) is missing or incomplete`);
  const entries = desc[0] === 0 ? 65536 : desc[0];
  // The descriptor's first-mapped value is US or SS; a signed image reads it as signed.
  const firstMapped = signed && desc[1] > 32767 ? desc[1] - 65536 : desc[1];
  const bits = desc[2];
  let data = words16(dict, dataTag);
  if (!data) throw new PixelDataError(`${name}: LUT data (${dataTag.slice(0, 4)},${dataTag.slice(4)}) is missing`);
  if (bits <= 8 && data.length * 2 >= entries && data.length < entries) {
    // 8-bit entries packed two per 16-bit word.
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    data = Uint16Array.from(bytes.subarray(0, entries));
  }
  if (data.length < entries) throw new PixelDataError(`${name}: ${data.length} LUT entries present, descriptor says ${entries}`);
  return { entries, firstMapped, bits, data: data.subarray(0, entries) };
}

/** Overlay groups (6000, 6002, … 601E) that carry Overlay Data (60xx,3000). */
function overlayGroups(dict: DicomDict): number[] {
  const groups: number[] = [];
  for (let g = 0x6000; g <= 0x601e; g += 2) {
    const tag = g.toString(16).toUpperCase() + '3000';
    if (dict[tag]) groups.push(g);
  }
  return groups;
}

/**
 * Bytes of one native frame in its stored layout (YBR_FULL_422 stores two samples per pixel).
 * For Bits Allocated 1 frames are not whole bytes: use {@link nativeDataBytes} and `bits.ts`.
 */
export function nativeFrameBytes(m: Pick<PixelModule, 'rows' | 'columns' | 'samplesPerPixel' | 'photometric' | 'bitsAllocated'>): number {
  const samples = m.photometric === 'YBR_FULL_422' ? 2 : m.samplesPerPixel;
  return m.rows * m.columns * samples * (m.bitsAllocated / 8);
}

/** Bytes of all native frames together, without the pad byte: Rows × Columns × samples × frames × Bits Allocated / 8, rounded up. */
export function nativeDataBytes(m: PixelModule): number {
  const samples = m.photometric === 'YBR_FULL_422' ? 2 : m.samplesPerPixel;
  return Math.ceil((m.rows * m.columns * samples * m.numberOfFrames * m.bitsAllocated) / 8);
}

/** The layout frames are decoded to: one-bit data becomes one byte per pixel (0 or 1). */
export function byteAligned<T extends { bitsAllocated: number }>(m: T): T {
  return m.bitsAllocated === 1 ? { ...m, bitsAllocated: 8 } : m;
}
