import { createRequire } from 'node:module';
import { PixelDataError } from './errors.js';
import type { RawLayout } from './frames.js';
import { syntaxInfo, TS, type SyntaxInfo } from '../dicom/transfer-syntaxes.js';
import { uidInMessage } from '../dicom/shown-values.js';
import { checkDecodedSize } from './validate.js';

// dcmjs-codecs is CommonJS with a WebAssembly build of libjpeg-turbo, CharLS, OpenJPEG, OpenJPH and an RLE codec.
const require = createRequire(import.meta.url);
type CodecsModule = typeof import('dcmjs-codecs');
type CodecContext = InstanceType<CodecsModule['Context']>;

let loading: Promise<CodecsModule> | undefined;
/** Messages the codecs emit while a frame is decoded (libjpeg's "Corrupt JPEG data: …" among them). */
let codecMessages: string[] | undefined;

/**
 * Loads and initialises the WebAssembly codecs once, on first use. Their informational messages
 * are collected while a frame decodes (and otherwise dropped): a codec that recovers from damaged
 * data says so only there.
 */
export function loadCodecs(): Promise<CodecsModule> {
  loading ??= (async () => {
    const mod = require('dcmjs-codecs') as CodecsModule;
    if (!mod.NativeCodecs.isInitialized()) await mod.NativeCodecs.initializeAsync({ logCodecsInfo: true });
    mod.log.setLevel('info');
    mod.log.info = (...parts: unknown[]) => {
      codecMessages?.push(parts.join(' '));
    };
    return mod;
  })().catch((cause: unknown) => {
    loading = undefined;
    throw new PixelDataError('could not initialise the WebAssembly codecs (dcmjs-codecs)', { cause });
  });
  return loading;
}

/** Codec messages that mean the data was damaged and the decoder made up for it. */
const CODEC_WARNING = /Corrupt JPEG|Premature end|extraneous bytes|Warning|truncat/i;

/** Result of decoding one encapsulated frame: raw little-endian bytes and the layout the codec produced. */
export interface DecodedRaw {
  raw: Uint8Array;
  /** Photometric interpretation of the decoded bytes (JPEG YBR becomes RGB, J2K YBR_RCT/ICT becomes RGB). */
  photometric: string;
  planarConfiguration: 0 | 1;
}

function context(mod: CodecsModule, m: RawLayout, photometric = m.photometric, planar = m.planarConfiguration): CodecContext {
  return new mod.Context({
    width: m.columns,
    height: m.rows,
    bitsAllocated: m.bitsAllocated,
    bitsStored: m.bitsStored,
    samplesPerPixel: m.samplesPerPixel,
    pixelRepresentation: m.pixelRepresentation,
    planarConfiguration: planar,
    photometricInterpretation: photometric,
  });
}

function requireSyntax(uid: string): SyntaxInfo {
  const info = syntaxInfo(uid);
  if (!info) throw new PixelDataError(`transfer syntax ${uidInMessage(uid)} is not supported for pixel data`);
  return info;
}

/**
 * Decodes one encapsulated frame with the WebAssembly codecs.
 * @throws PixelDataError naming the syntax and the codec's message.
 */
export async function decodeEncapsulatedFrame(m: RawLayout, encoded: Uint8Array, transferSyntaxUID: string): Promise<DecodedRaw> {
  const info = requireSyntax(transferSyntaxUID);
  const mod = await loadCodecs();
  const ctx = context(mod, m);
  ctx.setEncodedBuffer(encoded);
  let out: CodecContext;
  const messages: string[] = [];
  codecMessages = messages;
  try {
    switch (info.codec) {
      case 'rle':
        out = mod.NativeCodecs.decodeRle(ctx);
        break;
      case 'jpeg':
        // Colour JPEG streams are YCbCr internally; libjpeg converts them to RGB.
        out = mod.NativeCodecs.decodeJpeg(ctx, { convertColorspaceToRgb: m.samplesPerPixel === 3 && m.photometric !== 'RGB' });
        break;
      case 'jpegls':
        out = mod.NativeCodecs.decodeJpegLs(ctx);
        break;
      case 'j2k':
        out = mod.NativeCodecs.decodeJpeg2000(ctx);
        break;
      case 'htj2k':
        out = mod.NativeCodecs.decodeHtJpeg2000(ctx);
        break;
      case 'jpegxl':
        out = mod.NativeCodecs.decodeJpegXl(ctx);
        break;
      default:
        throw new PixelDataError(`${info.name} pixel data is not encapsulated`);
    }
  } catch (cause) {
    if (cause instanceof PixelDataError) throw cause;
    throw new PixelDataError(`cannot decode ${info.name} frame: ${(cause as Error)?.message ?? cause}`, { cause });
  } finally {
    codecMessages = undefined;
  }
  // A codec that recovered from damaged data (extra bytes, a cut-off scan) decoded something other than the frame.
  const warning = messages.find((message) => CODEC_WARNING.test(message));
  if (warning) throw new PixelDataError(`the ${info.name} decoder reported damaged data: ${warning.replace(/^.*::/, '').trim()}`);
  const decoded = out.getDecodedBuffer();
  if (!decoded) throw new PixelDataError(`the ${info.name} decoder returned no pixels`);
  checkDecodedSize(decoded, m, info.name);
  let photometric = out.getPhotometricInterpretation() ?? m.photometric;
  if (m.samplesPerPixel === 3) {
    // libjpeg converts YCbCr to RGB on request; OpenJPEG undoes the JPEG 2000 colour transform (YBR_RCT/ICT).
    if (info.codec === 'jpeg' || photometric === 'YBR_RCT' || photometric === 'YBR_ICT') photometric = 'RGB';
  }
  return {
    raw: new Uint8Array(decoded.buffer.slice(decoded.byteOffset, decoded.byteOffset + decoded.byteLength)),
    photometric,
    planarConfiguration: out.getPlanarConfiguration() === 1 ? 1 : 0,
  };
}

/** Result of encoding one frame: the codestream and the photometric interpretation the header must carry. */
export interface EncodedFrame {
  bytes: Uint8Array;
  photometric: string;
}

/**
 * Encodes one raw little-endian frame (interleaved or planar per `m`) into an encapsulated syntax.
 * Lossless syntaxes round-trip exactly; JPEG Baseline needs 8-bit data and is lossy.
 * @throws PixelDataError when the kit has no encoder for the syntax or the codec refuses the data.
 */
export async function encodeFrame(m: RawLayout, raw: Uint8Array, transferSyntaxUID: string, options: { quality?: number } = {}): Promise<EncodedFrame> {
  const info = requireSyntax(transferSyntaxUID);
  if (!info.encodable || info.codec === 'native') throw new PixelDataError(`no encoder for ${info.name} (${info.uid})`);
  if (m.photometric === 'YBR_FULL_422') throw new PixelDataError(`cannot encode YBR_FULL_422 stored data into ${info.name}; convert to YBR_FULL or RGB first`);
  const mod = await loadCodecs();
  const ctx = context(mod, m);
  ctx.setDecodedBuffer(raw);
  let out: CodecContext;
  try {
    switch (info.uid) {
      case TS.RLELossless:
        out = mod.NativeCodecs.encodeRle(ctx);
        break;
      case TS.JPEGBaseline:
        if (m.bitsStored !== 8 || m.bitsAllocated !== 8) throw new PixelDataError(`JPEG Baseline needs 8-bit data, got Bits Stored ${m.bitsStored}`);
        out = mod.NativeCodecs.encodeJpeg(ctx, { lossy: true, quality: options.quality ?? 90 });
        break;
      case TS.JPEGLosslessSV1:
        out = mod.NativeCodecs.encodeJpeg(ctx, { lossy: false, predictor: 1, pointTransform: 0 });
        break;
      case TS.JPEGLSLossless:
        out = mod.NativeCodecs.encodeJpegLs(ctx, { lossy: false });
        break;
      case TS.JPEG2000Lossless:
        out = mod.NativeCodecs.encodeJpeg2000(ctx, { lossy: false });
        break;
      case TS.HTJ2KLossless:
        out = mod.NativeCodecs.encodeHtJpeg2000(ctx, { lossy: false });
        break;
      default:
        throw new PixelDataError(`no encoder for ${info.name} (${info.uid})`);
    }
  } catch (cause) {
    if (cause instanceof PixelDataError) throw cause;
    throw new PixelDataError(`cannot encode frame as ${info.name}: ${(cause as Error)?.message ?? cause}`, { cause });
  }
  const bytes = out.getEncodedBuffer();
  if (!bytes || bytes.length === 0) throw new PixelDataError(`the ${info.name} encoder returned no data`);
  let photometric = m.photometric;
  // libjpeg stores colour as YCbCr; DICOM names it YBR_FULL_422 (default 2x1 subsampling) for lossy JPEG.
  if (info.uid === TS.JPEGBaseline && m.samplesPerPixel === 3 && m.photometric === 'RGB') photometric = 'YBR_FULL_422';
  return { bytes: new Uint8Array(bytes), photometric };
}
