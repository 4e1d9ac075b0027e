/**
 * AWS text detection with Amazon Rekognition DetectText. Used only when the user chooses the `aws`
 * engine: the image (PNG of the display image) leaves the machine.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { RekognitionClient, RekognitionClientConfig } from '@aws-sdk/client-rekognition';
import { lazyAwsClient } from './client.js';
import { engineError } from '../errors.js';
import type { Box, DetectedText, DisplayImage, TextDetector } from '../types.js';

const ENGINE = 'rekognition';

/** Options of {@link createRekognitionTextDetector}. */
export interface RekognitionTextDetectorOptions {
  /** A ready client, e.g. for tests or custom credentials (default: a new `RekognitionClient(clientConfig)`). */
  client?: RekognitionClient;
  /** Configuration of the client created when none is given, e.g. `{ region: 'us-east-1' }` (optional). */
  clientConfig?: RekognitionClientConfig;
  /** Detections below this confidence (0–100) are dropped (default: 0). */
  minConfidence?: number;
  /** How many distinct images' results to remember by digest (default: 256). */
  cacheSize?: number;
}

/**
 * Creates the Rekognition text detector. The SDK is imported on first use.
 * Returns words and lines in original pixel coordinates; words carry their line's index.
 */
export function createRekognitionTextDetector(options: RekognitionTextDetectorOptions = {}): TextDetector {
  const cache = new Map<string, DetectedText[]>();
  const minConfidence = options.minConfidence ?? 0;
  const cacheSize = options.cacheSize ?? 256;

  const aws = lazyAwsClient(ENGINE, '@aws-sdk/client-rekognition', () => import('@aws-sdk/client-rekognition'), (sdk) => new sdk.RekognitionClient(options.clientConfig ?? {}), options.client);

  return {
    name: 'aws:rekognition',
    async detect(image: DisplayImage): Promise<DetectedText[]> {
      const key = createHash('sha256').update(`${image.width}x${image.height}x${image.channels};`).update(image.data).digest('hex');
      const known = cache.get(key);
      if (known) return known.map((t) => ({ ...t, box: { ...t.box } }));
      const { client, sdk } = await aws.load();
      const png = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: image.channels } }).png().toBuffer();
      let response;
      try {
        response = await client.send(new sdk.DetectTextCommand({ Image: { Bytes: png } }));
      } catch (error) {
        throw engineError(ENGINE, `DetectText failed on a ${image.width}x${image.height} image`, error);
      }
      const detections = (response.TextDetections ?? []).filter((d) => (d.Confidence ?? 0) >= minConfidence && d.DetectedText);
      const lineIds = new Map<number, number>();
      const out: DetectedText[] = [];
      for (const d of detections.filter((x) => x.Type === 'LINE')) {
        const lineIndex = lineIds.size;
        lineIds.set(d.Id ?? -1, lineIndex);
        out.push({ text: d.DetectedText!, box: toPixels(d.Geometry?.BoundingBox, image), confidence: d.Confidence ?? 0, kind: 'line', lineIndex });
      }
      for (const d of detections.filter((x) => x.Type === 'WORD')) {
        let lineIndex = lineIds.get(d.ParentId ?? -1);
        if (lineIndex === undefined) {
          // A word without its line: give it a line of its own so it is still judged.
          lineIndex = lineIds.size;
          lineIds.set(-2 - lineIndex, lineIndex);
          out.push({ text: d.DetectedText!, box: toPixels(d.Geometry?.BoundingBox, image), confidence: d.Confidence ?? 0, kind: 'line', lineIndex });
        }
        out.push({ text: d.DetectedText!, box: toPixels(d.Geometry?.BoundingBox, image), confidence: d.Confidence ?? 0, kind: 'word', lineIndex });
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

/** Rekognition geometry is in ratios of the image size; boxes are rounded outward and clamped. */
function toPixels(b: { Left?: number; Top?: number; Width?: number; Height?: number } | undefined, image: DisplayImage): Box {
  const left = Math.max(0, Math.floor((b?.Left ?? 0) * image.width));
  const top = Math.max(0, Math.floor((b?.Top ?? 0) * image.height));
  const right = Math.min(image.width, Math.ceil(((b?.Left ?? 0) + (b?.Width ?? 0)) * image.width));
  const bottom = Math.min(image.height, Math.ceil(((b?.Top ?? 0) + (b?.Height ?? 0)) * image.height));
  return { left, top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}
