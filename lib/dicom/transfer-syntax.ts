/** Transfer Syntax UIDs the kit reads and writes, and what they imply for encoding. */
export const TransferSyntax = {
  ImplicitVRLittleEndian: '1.2.840.10008.1.2',
  ExplicitVRLittleEndian: '1.2.840.10008.1.2.1',
  DeflatedExplicitVRLittleEndian: '1.2.840.10008.1.2.1.99',
  ExplicitVRBigEndian: '1.2.840.10008.1.2.2',
  JpegBaseline: '1.2.840.10008.1.2.4.50',
  JpegExtended: '1.2.840.10008.1.2.4.51',
  JpegLossless: '1.2.840.10008.1.2.4.57',
  JpegLosslessSV1: '1.2.840.10008.1.2.4.70',
  JpegLsLossless: '1.2.840.10008.1.2.4.80',
  JpegLsNearLossless: '1.2.840.10008.1.2.4.81',
  Jpeg2000Lossless: '1.2.840.10008.1.2.4.90',
  Jpeg2000: '1.2.840.10008.1.2.4.91',
  RleLossless: '1.2.840.10008.1.2.5',
} as const;

const NATIVE = new Set<string>([
  TransferSyntax.ImplicitVRLittleEndian,
  TransferSyntax.ExplicitVRLittleEndian,
  TransferSyntax.DeflatedExplicitVRLittleEndian,
  TransferSyntax.ExplicitVRBigEndian,
]);

/** True when pixel data is stored encapsulated (compressed) under this syntax. */
export function isEncapsulated(transferSyntaxUID: string): boolean {
  return !NATIVE.has(transferSyntaxUID);
}

/** True for Implicit VR Little Endian, whose element headers carry no VR. */
export function isImplicitVR(transferSyntaxUID: string): boolean {
  return transferSyntaxUID === TransferSyntax.ImplicitVRLittleEndian;
}

/** True for the retired Explicit VR Big Endian syntax. */
export function isBigEndian(transferSyntaxUID: string): boolean {
  return transferSyntaxUID === TransferSyntax.ExplicitVRBigEndian;
}
