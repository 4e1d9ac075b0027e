/**
 * A stand-in for Rekognition DetectText behind aws-sdk-client-mock that answers as the service does:
 * it decodes the image it is sent (PNG or JPEG bytes, or an S3Object read from a fake bucket), finds
 * which part of the original scene it shows, and returns the scene's words visible there, at most 100
 * (the service's limit), words cut by the image's edge cut short, with LINE and WORD detections and
 * geometry in ratios of the image sent. It checks each request as the service would (size, format,
 * sides of 80 px at least) and records what it saw.
 */
import { DetectTextCommand, InvalidImageFormatException, RekognitionClient, type DetectTextCommandInput } from '@aws-sdk/client-rekognition';
import { mockClient } from 'aws-sdk-client-mock';
import sharp from 'sharp';
import type { Box, DisplayImage } from '../../../lib/engines/types.js';
import { createRng } from '../../../lib/samples/rng.js';

/** A word of the scene: its text, box in original pixels, line and confidence. */
export interface SceneWord {
  text: string;
  box: Box;
  line: number;
  confidence: number;
}

/** What one call received. */
export interface SeenCall {
  source: 'bytes' | 's3';
  format: 'png' | 'jpeg';
  bytes: number;
  width: number;
  height: number;
  /** The region of the original the image showed. */
  region: Box;
  words: number;
  minConfidence?: number;
}

/** A grey image of seeded noise over a soft gradient (a radiograph's texture, no two rows alike) and `words` laid out on it. */
export function noiseImage(width: number, height: number, seed = 7): DisplayImage {
  const rng = createRng(seed);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = Math.floor(40 + (x / width) * 120 + rng.next() * 64);
  return { width, height, channels: 1, data };
}

/** `rows` lines of `perRow` words each, spread over the image, every word distinct. */
export function layWords(width: number, height: number, rows: number, perRow: number, options: { wordWidth?: number; wordHeight?: number; margin?: number } = {}): SceneWord[] {
  const w = options.wordWidth ?? 60;
  const h = options.wordHeight ?? 16;
  const margin = options.margin ?? 10;
  const words: SceneWord[] = [];
  const gapX = (width - 2 * margin - perRow * w) / Math.max(1, perRow - 1);
  const gapY = (height - 2 * margin - rows * h) / Math.max(1, rows - 1);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < perRow; c++) {
      const box = { left: Math.round(margin + c * (w + gapX)), top: Math.round(margin + r * (h + gapY)), width: w, height: h };
      words.push({ text: `W${r}X${c}${String.fromCharCode(65 + ((r * perRow + c) % 26))}`, box, line: r, confidence: 90 + ((r + c) % 10) });
    }
  }
  return words;
}

/** Where `tile` lies in `image`: an exact search on the tile's first row (noise makes it unique). */
function locate(image: DisplayImage, tile: { data: Uint8Array; width: number; height: number }): Box | undefined {
  const probe = Math.min(24, tile.width);
  for (let y = 0; y + tile.height <= image.height; y++) {
    const row = y * image.width;
    for (let x = 0; x + tile.width <= image.width; x++) {
      let k = 0;
      while (k < probe && image.data[row + x + k] === tile.data[k]) k++;
      if (k === probe) return { left: x, top: y, width: tile.width, height: tile.height };
    }
  }
  return undefined;
}

/**
 * A mocked Rekognition client answering from `scene`. `objects` is the fake bucket S3Object requests
 * read from. Padding (a tile under 80 px) is found by the padded part's repeated corner colour.
 */
export function fakeRekognition(image: DisplayImage, scene: SceneWord[], objects?: Map<string, { bytes: Uint8Array }>) {
  const client = new RekognitionClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
  const mock = mockClient(client);
  const calls: SeenCall[] = [];
  mock.on(DetectTextCommand).callsFake(async (input: DetectTextCommandInput) => {
    let bytes: Uint8Array;
    let source: SeenCall['source'];
    if (input.Image?.Bytes) {
      bytes = input.Image.Bytes;
      source = 'bytes';
      if (bytes.length > 5 * 1024 * 1024) throw new InvalidImageFormatException({ message: 'Image bytes exceed 5 MB', $metadata: {} });
    } else if (input.Image?.S3Object) {
      const object = objects?.get(input.Image.S3Object.Name!);
      if (!object) throw new InvalidImageFormatException({ message: `Unable to get object ${input.Image.S3Object.Name}`, $metadata: {} });
      bytes = object.bytes;
      source = 's3';
      if (bytes.length > 15 * 1024 * 1024) throw new InvalidImageFormatException({ message: 'S3 object exceeds 15 MB', $metadata: {} });
    } else throw new InvalidImageFormatException({ message: 'no image', $metadata: {} });
    const head = Buffer.from(bytes.subarray(0, 4));
    const format = head[0] === 0x89 && head.toString('latin1', 1, 4) === 'PNG' ? 'png' : head[0] === 0xff && head[1] === 0xd8 ? 'jpeg' : undefined;
    if (!format) throw new InvalidImageFormatException({ message: 'Request has unsupported image format', $metadata: {} });
    const { data, info } = await sharp(bytes).greyscale().raw().toBuffer({ resolveWithObject: true });
    if (info.width < 80 || info.height < 80) throw new InvalidImageFormatException({ message: 'Image is smaller than 80 px', $metadata: {} });
    // The part of the original shown: exact for PNG (found by its pixels, padding aside), the whole image for a JPEG.
    let region: Box | undefined;
    let shownWidth = info.width;
    let shownHeight = info.height;
    if (format === 'png') {
      for (shownWidth = info.width; shownWidth > 1 && isPadding(data, info.width, shownWidth - 1, 'col', info.height); shownWidth--);
      for (shownHeight = info.height; shownHeight > 1 && isPadding(data, info.width, shownHeight - 1, 'row', shownWidth); shownHeight--);
      const tile = new Uint8Array(shownWidth);
      tile.set(data.subarray(0, shownWidth));
      region = locate(image, { data: tile, width: shownWidth, height: shownHeight });
    } else {
      region = { left: 0, top: 0, width: image.width, height: image.height };
    }
    if (!region) throw new Error('fake Rekognition: the image sent is not a part of the scene');
    const sx = format === 'png' ? 1 : info.width / image.width;
    const sy = format === 'png' ? 1 : info.height / image.height;
    const min = input.Filters?.WordFilter?.MinConfidence ?? 0;
    const visible = scene
      .filter((w) => w.confidence >= min)
      .map((w) => clipWord(w, region))
      .filter((w): w is SceneWord => w !== undefined)
      .sort((a, b) => a.box.top - b.box.top || a.box.left - b.box.left)
      .slice(0, 100);
    calls.push({ source, format, bytes: bytes.length, width: info.width, height: info.height, region, words: visible.length, ...(min ? { minConfidence: min } : {}) });
    const ratio = (b: Box) => ({
      Left: ((b.left - region.left) * sx) / info.width,
      Top: ((b.top - region.top) * sy) / info.height,
      Width: (b.width * sx) / info.width,
      Height: (b.height * sy) / info.height,
    });
    const detections = [];
    let id = 0;
    const lines = [...new Set(visible.map((w) => w.line))];
    const lineIds = new Map<number, number>();
    for (const line of lines) {
      const ws = visible.filter((w) => w.line === line);
      const left = Math.min(...ws.map((w) => w.box.left));
      const top = Math.min(...ws.map((w) => w.box.top));
      const right = Math.max(...ws.map((w) => w.box.left + w.box.width));
      const bottom = Math.max(...ws.map((w) => w.box.top + w.box.height));
      lineIds.set(line, id);
      detections.push({ DetectedText: ws.map((w) => w.text).join(' '), Type: 'LINE', Id: id++, Confidence: 99, Geometry: { BoundingBox: ratio({ left, top, width: right - left, height: bottom - top }) } });
    }
    for (const w of visible) detections.push({ DetectedText: w.text, Type: 'WORD', Id: id++, ParentId: lineIds.get(w.line), Confidence: w.confidence, Geometry: { BoundingBox: ratio(w.box) } });
    return { TextDetections: detections, TextModelVersion: '3.0' };
  });
  return { client, mock, calls };
}

/** True when a column or row of the decoded image is all the padding colour (the corner pixel), as padToMinimum fills it. */
function isPadding(data: Buffer, width: number, index: number, kind: 'row' | 'col', extent: number): boolean {
  const corner = data[0];
  for (let i = 0; i < extent; i++) if (data[kind === 'col' ? i * width + index : index * width + i] !== corner) return false;
  return true;
}

/** The word as seen through `region`: whole, cut short at the region's edge (fewer letters), or not at all. */
function clipWord(w: SceneWord, region: Box): SceneWord | undefined {
  const left = Math.max(w.box.left, region.left);
  const top = Math.max(w.box.top, region.top);
  const right = Math.min(w.box.left + w.box.width, region.left + region.width);
  const bottom = Math.min(w.box.top + w.box.height, region.top + region.height);
  if (right - left < w.box.width * 0.25 || bottom - top < w.box.height * 0.8) return undefined;
  if (right - left === w.box.width) return w;
  const letters = Math.max(1, Math.floor((w.text.length * (right - left)) / w.box.width));
  const text = left > w.box.left ? w.text.slice(w.text.length - letters) : w.text.slice(0, letters);
  return { ...w, text, box: { left, top, width: right - left, height: w.box.height } };
}
