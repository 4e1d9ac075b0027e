/**
 * AWS text detection with Amazon Rekognition DetectText. Used only when the user chooses the `aws`
 * engine: the image (PNG renderings of the pixels, or tiles of them) leaves the machine.
 *
 * DetectText reads at most 100 words per image, so a response near that many is read again in
 * overlapping tiles until every tile answers with fewer; words read twice in overlaps are kept once.
 * Images over the 5 MB Bytes limit go through S3 (when a staging bucket is given, as the source did)
 * or as a size-bounded JPEG; images under 80 px are padded. Boxes always come back in the original
 * image's pixels.
 */
import { createHash } from 'node:crypto';
import type { RekognitionClient, RekognitionClientConfig } from '@aws-sdk/client-rekognition';
import { lazyAwsClient } from './client.js';
import {
  MAX_IMAGE_BYTES,
  MAX_S3_IMAGE_BYTES,
  cropImage,
  encodeBoundedJpeg,
  encodePng,
  gridTiles,
  mergeTileWords,
  padToMinimum,
  type Region,
  type TileWord,
} from './rekognition-images.js';
import { AwsSession } from './session.js';
import { EngineError, engineError } from '../errors.js';
import type { Box, DetectedText, DisplayImage, ImageStaging, TextDetector } from '../types.js';

const ENGINE = 'rekognition';

/** Options of {@link createRekognitionTextDetector}. */
export interface RekognitionTextDetectorOptions {
  /** A ready client, e.g. for tests (default: a new `RekognitionClient` from the session, made on first use). */
  client?: RekognitionClient;
  /** Extra configuration of the client created when none is given, over the session's (optional). */
  clientConfig?: RekognitionClientConfig;
  /** The run's AWS session: profile, region, retries, usage meter (default: a new one from the environment). */
  session?: AwsSession;
  /**
   * Words under this confidence (0–100) are not returned: sent as `Filters.WordFilter.MinConfidence`
   * (default: 0, no filter). The runner sends half the rules' `confidence_threshold`, the lowest
   * confidence any local rule trusts a word at, so no word the local evidence could use is filtered out.
   */
  minConfidence?: number;
  /** A response with at least this many words may have been cut at the service's 100: its region is read again in tiles (default: 80). */
  denseWords?: number;
  /** Images with a longer side are read in overlapping tiles of at most this side (default: 4096). */
  maxSide?: number;
  /** The smallest tile side; a region this small still near 100 words fails the image rather than lose words (default: 160). */
  minTileSide?: number;
  /** Where renderings over the 5 MB Bytes limit are uploaded for an S3Object call (default: none; a size-bounded JPEG is sent instead). */
  staging?: ImageStaging;
  /** How many distinct images' results to remember by digest (default: 256). */
  cacheSize?: number;
}

interface RawDetection {
  DetectedText?: string;
  Type?: string;
  Id?: number;
  ParentId?: number;
  Confidence?: number;
  Geometry?: { BoundingBox?: { Left?: number; Top?: number; Width?: number; Height?: number } };
}

/**
 * Creates the Rekognition text detector. The SDK is imported on first use.
 * Returns words and lines in original pixel coordinates; words carry their line's index.
 *
 * @example
 * const text = createRekognitionTextDetector({ session, minConfidence: 30, staging });
 * const found = await text.detect(image);
 */
export function createRekognitionTextDetector(options: RekognitionTextDetectorOptions = {}): TextDetector {
  const cache = new Map<string, DetectedText[]>();
  const session = options.session ?? new AwsSession();
  const minConfidence = options.minConfidence ?? 0;
  const denseWords = options.denseWords ?? 80;
  const maxSide = options.maxSide ?? 4096;
  const minTileSide = options.minTileSide ?? 160;
  const cacheSize = options.cacheSize ?? 256;
  if (!(minConfidence >= 0 && minConfidence <= 100)) throw engineError(ENGINE, `minConfidence must be from 0 to 100, got ${String(minConfidence)}`);
  if (!(denseWords >= 1 && denseWords <= 100)) throw engineError(ENGINE, `denseWords must be from 1 to 100 (the service returns at most 100 words), got ${String(denseWords)}`);
  if (!(minTileSide >= 80 && maxSide >= minTileSide * 2)) throw engineError(ENGINE, `need minTileSide >= 80 and maxSide >= 2 x minTileSide, got ${minTileSide} and ${maxSide}`);

  const aws = lazyAwsClient({
    engine: ENGINE,
    packageName: '@aws-sdk/client-rekognition',
    importSdk: () => import('@aws-sdk/client-rekognition'),
    makeClient: (sdk) => new sdk.RekognitionClient({ ...session.clientConfig('rekognition'), ...options.clientConfig }),
    injected: options.client,
  });

  /** One DetectText call on one region: its words in original coordinates. */
  async function readOnce(image: DisplayImage, region: Region, tile: number): Promise<TileWord[]> {
    const { client, sdk } = await aws.load();
    const padded = padToMinimum(cropImage(image, region));
    const png = await encodePng(padded);
    let input: { Bytes?: Uint8Array; S3Object?: { Bucket: string; Name: string } };
    let staged: Awaited<ReturnType<ImageStaging['put']>> | undefined;
    if (png.length <= MAX_IMAGE_BYTES) input = { Bytes: png };
    else if (options.staging && png.length <= MAX_S3_IMAGE_BYTES) {
      staged = await options.staging.put(png);
      input = { S3Object: { Bucket: staged.bucket, Name: staged.key } };
    } else {
      input = { Bytes: (await encodeBoundedJpeg(padded, MAX_IMAGE_BYTES)).bytes };
    }
    let response;
    try {
      session.usage.record('rekognition:DetectText', { images: 1, bytes: input.Bytes?.length ?? 0 });
      response = await client.send(
        new sdk.DetectTextCommand({ Image: input, ...(minConfidence > 0 ? { Filters: { WordFilter: { MinConfidence: minConfidence } } } : {}) }),
      );
    } catch (error) {
      session.noteError(error);
      throw engineError(ENGINE, `DetectText failed on a ${padded.width}x${padded.height} image`, error);
    } finally {
      if (staged) {
        const { bucket, key } = staged;
        await staged.remove().catch((error: unknown) => {
          throw engineError(ENGINE, `could not delete the rendering staged at s3://${bucket}/${key}; it shows the pixels, burned-in PHI included: delete it by hand`, error);
        });
      }
    }
    return toTileWords(response.TextDetections ?? [], padded, region, tile, minConfidence);
  }

  /** Reads a region whole, or in tiles when it is too large or its answer may have been cut at 100 words. */
  async function readRegion(image: DisplayImage, region: Region, next: { tile: number }): Promise<TileWord[]> {
    const longest = Math.max(region.width, region.height);
    if (longest > maxSide) {
      const cols = Math.ceil(region.width / (maxSide * 0.8));
      const rows = Math.ceil(region.height / (maxSide * 0.8));
      const out: TileWord[] = [];
      for (const tile of gridTiles(region, cols, rows, 0.2 / Math.max(cols, rows))) out.push(...(await readRegion(image, tile, next)));
      return out;
    }
    const words = await readOnce(image, region, next.tile++);
    if (words.length < denseWords) return words;
    if (Math.min(region.width, region.height) < minTileSide * 2) {
      throw engineError(ENGINE, `${words.length} words in a ${region.width}x${region.height} region, near DetectText's limit of 100, and the region is too small to split: cannot be sure every word was read`);
    }
    // Two by two, each tile 60% of the region's side: a word up to a fifth of the region wide lies whole in one of them.
    const out: TileWord[] = [];
    for (const tile of gridTiles(region, 2, 2, 0.2)) out.push(...(await readRegion(image, tile, next)));
    return out;
  }

  return {
    name: 'aws:rekognition',
    async detect(image: DisplayImage): Promise<DetectedText[]> {
      const key = createHash('sha256').update(`${image.width}x${image.height}x${image.channels};`).update(image.data).digest('hex');
      const known = cache.get(key);
      if (known) return known.map((t) => ({ ...t, box: { ...t.box } }));
      let out: DetectedText[];
      try {
        out = mergeTileWords(await readRegion(image, { left: 0, top: 0, width: image.width, height: image.height }, { tile: 0 }));
      } catch (error) {
        if (error instanceof EngineError) throw error;
        throw engineError(ENGINE, `could not prepare a ${image.width}x${image.height} image for DetectText`, error);
      }
      cache.set(key, out.map((t) => ({ ...t, box: { ...t.box } })));
      if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
      return out;
    },
    async close(): Promise<void> {
      cache.clear();
      aws.destroy();
    },
  };
}

/**
 * The WORD detections of one response as words of the original image: ratios of the (padded) tile
 * become pixels, clipped to the tile's own pixels, moved by the tile's offset. Words keep their LINE.
 */
function toTileWords(detections: RawDetection[], padded: DisplayImage, region: Region, tile: number, minConfidence: number): TileWord[] {
  const out: TileWord[] = [];
  for (const d of detections) {
    if (d.Type !== 'WORD' || !d.DetectedText || (d.Confidence ?? 0) < minConfidence) continue;
    const box = toPixels(d.Geometry?.BoundingBox, padded, region);
    if (box.width === 0 || box.height === 0) continue; // entirely in the padding
    out.push({ text: d.DetectedText, box, confidence: Math.max(0, Math.min(100, d.Confidence ?? 0)), line: `${tile}:${d.ParentId ?? `w${d.Id ?? out.length}`}` });
  }
  return out;
}

/** Rekognition geometry is in ratios of the image sent; boxes are rounded outward, clipped to the region and moved to original coordinates. */
function toPixels(b: { Left?: number; Top?: number; Width?: number; Height?: number } | undefined, sent: DisplayImage, region: Region): Box {
  const left = Math.max(0, Math.floor((b?.Left ?? 0) * sent.width));
  const top = Math.max(0, Math.floor((b?.Top ?? 0) * sent.height));
  const right = Math.min(region.width, Math.ceil(((b?.Left ?? 0) + (b?.Width ?? 0)) * sent.width));
  const bottom = Math.min(region.height, Math.ceil(((b?.Top ?? 0) + (b?.Height ?? 0)) * sent.height));
  return { left: region.left + Math.min(left, region.width), top: region.top + Math.min(top, region.height), width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}
