/** Transfer syntaxes: the one table of what the kit knows about each (the reader, the writer and the pixel code share it). */

/** What the kit knows about one transfer syntax's pixel encoding. */
export interface SyntaxInfo {
  uid: string;
  name: string;
  /** How pixel data is stored: native (uncompressed) or one of the encapsulated codecs. */
  codec: 'native' | 'rle' | 'jpeg' | 'jpegls' | 'j2k' | 'htj2k' | 'jpegxl';
  /** Whether the codec can lose information (a lossy original is never re-encoded lossily by the kit). */
  lossy: boolean;
  bigEndian: boolean;
  /** Whether the kit can encode this syntax (for redaction write-back and sample generation). */
  encodable: boolean;
  /** Value for Lossy Image Compression Method (0028,2114) when lossy. */
  lossyMethod?: string;
}

/** Transfer Syntax UIDs the kit refers to by name. */
export const TS = {
  ImplicitVRLittleEndian: '1.2.840.10008.1.2',
  ExplicitVRLittleEndian: '1.2.840.10008.1.2.1',
  DeflatedExplicitVRLittleEndian: '1.2.840.10008.1.2.1.99',
  ExplicitVRBigEndian: '1.2.840.10008.1.2.2',
  RLELossless: '1.2.840.10008.1.2.5',
  JPEGBaseline: '1.2.840.10008.1.2.4.50',
  JPEGExtended: '1.2.840.10008.1.2.4.51',
  JPEGLossless: '1.2.840.10008.1.2.4.57',
  JPEGLosslessSV1: '1.2.840.10008.1.2.4.70',
  JPEGLSLossless: '1.2.840.10008.1.2.4.80',
  JPEGLSNearLossless: '1.2.840.10008.1.2.4.81',
  JPEG2000Lossless: '1.2.840.10008.1.2.4.90',
  JPEG2000: '1.2.840.10008.1.2.4.91',
  HTJ2KLossless: '1.2.840.10008.1.2.4.201',
  HTJ2KLosslessRPCL: '1.2.840.10008.1.2.4.202',
  HTJ2K: '1.2.840.10008.1.2.4.203',
  JPEGXLLossless: '1.2.840.10008.1.2.4.110',
  JPEGXL: '1.2.840.10008.1.2.4.112',
} as const;

const table: SyntaxInfo[] = [
  { uid: TS.ImplicitVRLittleEndian, name: 'Implicit VR Little Endian', codec: 'native', lossy: false, bigEndian: false, encodable: true },
  { uid: TS.ExplicitVRLittleEndian, name: 'Explicit VR Little Endian', codec: 'native', lossy: false, bigEndian: false, encodable: true },
  { uid: TS.DeflatedExplicitVRLittleEndian, name: 'Deflated Explicit VR Little Endian', codec: 'native', lossy: false, bigEndian: false, encodable: true },
  { uid: TS.ExplicitVRBigEndian, name: 'Explicit VR Big Endian', codec: 'native', lossy: false, bigEndian: true, encodable: true },
  { uid: TS.RLELossless, name: 'RLE Lossless', codec: 'rle', lossy: false, bigEndian: false, encodable: true },
  { uid: TS.JPEGBaseline, name: 'JPEG Baseline (Process 1)', codec: 'jpeg', lossy: true, bigEndian: false, encodable: true, lossyMethod: 'ISO_10918_1' },
  { uid: TS.JPEGExtended, name: 'JPEG Extended (Process 2 & 4)', codec: 'jpeg', lossy: true, bigEndian: false, encodable: false, lossyMethod: 'ISO_10918_1' },
  { uid: TS.JPEGLossless, name: 'JPEG Lossless (Process 14)', codec: 'jpeg', lossy: false, bigEndian: false, encodable: false },
  { uid: TS.JPEGLosslessSV1, name: 'JPEG Lossless SV1 (Process 14, Selection Value 1)', codec: 'jpeg', lossy: false, bigEndian: false, encodable: true },
  { uid: TS.JPEGLSLossless, name: 'JPEG-LS Lossless', codec: 'jpegls', lossy: false, bigEndian: false, encodable: true },
  { uid: TS.JPEGLSNearLossless, name: 'JPEG-LS Near-Lossless', codec: 'jpegls', lossy: true, bigEndian: false, encodable: false, lossyMethod: 'ISO_14495_1' },
  { uid: TS.JPEG2000Lossless, name: 'JPEG 2000 Lossless', codec: 'j2k', lossy: false, bigEndian: false, encodable: true },
  { uid: TS.JPEG2000, name: 'JPEG 2000', codec: 'j2k', lossy: true, bigEndian: false, encodable: false, lossyMethod: 'ISO_15444_1' },
  { uid: TS.HTJ2KLossless, name: 'HTJ2K Lossless', codec: 'htj2k', lossy: false, bigEndian: false, encodable: true },
  { uid: TS.HTJ2KLosslessRPCL, name: 'HTJ2K Lossless RPCL', codec: 'htj2k', lossy: false, bigEndian: false, encodable: false },
  { uid: TS.HTJ2K, name: 'HTJ2K', codec: 'htj2k', lossy: true, bigEndian: false, encodable: false, lossyMethod: 'ISO_15444_15' },
  { uid: TS.JPEGXLLossless, name: 'JPEG XL Lossless', codec: 'jpegxl', lossy: false, bigEndian: false, encodable: false },
  { uid: TS.JPEGXL, name: 'JPEG XL', codec: 'jpegxl', lossy: true, bigEndian: false, encodable: false, lossyMethod: 'ISO_18181_1' },
];

const byUid = new Map(table.map((s) => [s.uid, s]));

/** Returns what the kit knows about a transfer syntax, or undefined when it cannot handle its pixel data. */
export function syntaxInfo(uid: string): SyntaxInfo | undefined {
  return byUid.get(uid.trim());
}

const NATIVE = new Set(table.filter((s) => s.codec === 'native').map((s) => s.uid));

/**
 * Whether pixel data in this syntax is encapsulated (fragments, one set per frame). Every syntax but
 * the four native ones is, by PS3.5 A.4, including those the kit cannot decode.
 */
export function isEncapsulated(uid: string): boolean {
  return !NATIVE.has(uid.trim());
}

/** True for Implicit VR Little Endian, whose element headers carry no VR. */
export function isImplicitVR(uid: string): boolean {
  return uid.trim() === TS.ImplicitVRLittleEndian;
}

/** True for the retired Explicit VR Big Endian syntax. */
export function isBigEndian(uid: string): boolean {
  return uid.trim() === TS.ExplicitVRBigEndian;
}
