/** Pixel data: decode, render for display, redact in the original encoding, overlays, encoders. */
export { PixelDataError } from './errors.js';
export { TS, syntaxInfo, isEncapsulated, type SyntaxInfo } from '../dicom/transfer-syntaxes.js';
export { readPixelModule, type PixelModule, type Lut, type PaletteLut } from './module.js';
export { type PixelFrame, type RawLayout } from './frames.js';
export { decodeFrames, type DecodedPixels, type DecodeOptions } from './decode.js';
export { checkPixelData, checkDecodedSize } from './validate.js';
export { encodeFrames, encodeFramesDetailed, setPixelData, markLossy, type FrameModule, type EncodeOptions, type EncodedFrames } from './encode.js';
export { frameDigest } from './digest.js';
export { loadCodecs } from './codecs.js';
export { renderFrame, greyMapping, type RenderOptions } from './render.js';
export { toPng, type LabelledBox } from './png.js';
export { redactFrames, type RedactOptions, type RedactResult } from './redact.js';
export { cleanOverlays, type OverlayAction } from './overlays.js';
export { findBurnedInPhi, redactBurnedIn, removeHiddenText, removeOverlays, frameRenderings, showsMoreText, type PixelFinding, type BurnedInSearch, type BurnedInRedaction } from './burned-in.js';
export { removeCodestreamText, stripFrame, UnremovableTextError, type CodestreamRemoval } from './codestream-text.js';
