/**
 * Image work for Rekognition DetectText, which reads at most 100 words per image, refuses images under
 * 80 px a side and takes at most 5 MB as bytes (15 MB from S3): regions and overlapping tiles, crops,
 * padding, size-bounded encodings, and the merge of words read in overlapping tiles back into lines
 * in the original image's coordinates.
 */
import sharp from 'sharp';
import { unionBoxes } from '../../image/boxes.js';
import type { Box, DetectedText, DisplayImage } from '../types.js';

/** Rekognition's smallest accepted side, in pixels. */
export const MIN_SIDE = 80;
/** The Bytes limit of DetectText (5 MB), with room to spare. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024 - 4096;
/** The S3Object limit of DetectText (15 MB), with room to spare. */
export const MAX_S3_IMAGE_BYTES = 15 * 1024 * 1024 - 4096;

/** The part of the original image a tile covers. */
export type Region = Box;

/**
 * Splits `region` into `cols` × `rows` tiles that overlap by `overlap` of the region's side each way,
 * so a word narrower than the overlap lies whole in at least one tile.
 */
export function gridTiles(region: Region, cols: number, rows: number, overlap: number): Region[] {
  const tiles: Region[] = [];
  const span = (start: number, size: number, n: number, i: number) => {
    const step = size / n;
    const pad = (overlap * size) / 2;
    const from = Math.max(start, Math.floor(start + i * step - pad));
    const to = Math.min(start + size, Math.ceil(start + (i + 1) * step + pad));
    return [from, to - from] as const;
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const [left, width] = span(region.left, region.width, cols, c);
      const [top, height] = span(region.top, region.height, rows, r);
      tiles.push({ left, top, width, height });
    }
  }
  return tiles;
}

/** The pixels of `region` as an image of their own. */
export function cropImage(image: DisplayImage, region: Region): DisplayImage {
  if (region.left === 0 && region.top === 0 && region.width === image.width && region.height === image.height) return image;
  const c = image.channels;
  const data = new Uint8Array(region.width * region.height * c);
  for (let y = 0; y < region.height; y++) {
    const from = ((region.top + y) * image.width + region.left) * c;
    data.set(image.data.subarray(from, from + region.width * c), y * region.width * c);
  }
  return { width: region.width, height: region.height, channels: c, data };
}

/**
 * Pads an image under {@link MIN_SIDE} on the right and bottom with its own border colour (the corner pixel),
 * so the service accepts it; boxes read in the padded image keep their coordinates.
 */
export function padToMinimum(image: DisplayImage): DisplayImage {
  if (image.width >= MIN_SIDE && image.height >= MIN_SIDE) return image;
  const width = Math.max(MIN_SIDE, image.width);
  const height = Math.max(MIN_SIDE, image.height);
  const c = image.channels;
  const data = new Uint8Array(width * height * c);
  for (let i = 0; i < width * height; i++) data.set(image.data.subarray(0, c), i * c);
  for (let y = 0; y < image.height; y++) data.set(image.data.subarray(y * image.width * c, (y + 1) * image.width * c), y * width * c);
  return { width, height, channels: c, data };
}

/** An encoded image for DetectText. */
export interface EncodedImage {
  format: 'png' | 'jpeg';
  bytes: Uint8Array;
}

/** Lossless PNG of an image. */
export async function encodePng(image: DisplayImage): Promise<Uint8Array> {
  return new Uint8Array(await sharp(image.data, { raw: { width: image.width, height: image.height, channels: image.channels } }).png().toBuffer());
}

/**
 * A JPEG of at most `maxBytes`: quality stepped down from 92 to 60, then the image scaled down by a
 * quarter at a time. Rekognition reports boxes as ratios of the image, so scaling keeps them exact.
 */
export async function encodeBoundedJpeg(image: DisplayImage, maxBytes: number): Promise<EncodedImage> {
  const raw = { raw: { width: image.width, height: image.height, channels: image.channels } } as const;
  for (let scale = 1; scale > 0.05; scale *= 0.75) {
    const width = Math.max(MIN_SIDE, Math.round(image.width * scale));
    const height = Math.max(MIN_SIDE, Math.round(image.height * scale));
    for (const quality of [92, 80, 70, 60]) {
      let pipeline = sharp(image.data, raw);
      if (scale < 1) pipeline = pipeline.resize(width, height, { fit: 'fill' });
      const bytes = await pipeline.jpeg({ quality, chromaSubsampling: '4:4:4' }).toBuffer();
      if (bytes.length <= maxBytes) return { format: 'jpeg', bytes: new Uint8Array(bytes) };
    }
  }
  throw new Error(`a ${image.width}x${image.height} image does not fit ${maxBytes} bytes even as a small JPEG`);
}

/** One word read in one tile, in original coordinates, with the tile-local line it belongs to. */
export interface TileWord {
  text: string;
  box: Box;
  confidence: number;
  /** `tile:line` of the service's LINE holding it, unique across tiles. */
  line: string;
}

/**
 * Merges the words read in overlapping tiles: a word found again in another tile (the same text, or
 * a piece of it cut at a tile edge, lying mostly inside the other's box) is kept once, the larger
 * reading winning, and the lines holding the two readings become one line. Returns words and lines
 * in the shape of {@link DetectedText}, words left to right within each line.
 */
export function mergeTileWords(words: TileWord[]): DetectedText[] {
  const area = (b: Box) => Math.max(1, b.width * b.height);
  const intersection = (a: Box, b: Box) => {
    const w = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
    const h = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
    return w > 0 && h > 0 ? w * h : 0;
  };
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  const union = (a: string, b: string) => parent.set(find(a), find(b));
  for (const w of words) if (!parent.has(w.line)) parent.set(w.line, w.line);

  const kept: TileWord[] = [];
  const sorted = [...words].sort((a, b) => area(b.box) - area(a.box) || b.confidence - a.confidence);
  for (const w of sorted) {
    const norm = w.text.toUpperCase();
    const same = kept.find((k) => intersection(k.box, w.box) >= 0.6 * area(w.box) && k.text.toUpperCase().includes(norm));
    if (same) {
      union(w.line, same.line);
      continue;
    }
    kept.push(w);
  }

  const lines = new Map<string, TileWord[]>();
  for (const w of kept) {
    const root = find(w.line);
    lines.set(root, [...(lines.get(root) ?? []), w]);
  }
  const ordered = [...lines.values()]
    .map((ws) => ws.sort((a, b) => a.box.left - b.box.left))
    .sort((a, b) => unionBoxes(a.map((w) => w.box)).top - unionBoxes(b.map((w) => w.box)).top || a[0].box.left - b[0].box.left);
  const out: DetectedText[] = [];
  ordered.forEach((ws, lineIndex) => {
    out.push({
      text: ws.map((w) => w.text).join(' '),
      box: unionBoxes(ws.map((w) => w.box)),
      confidence: ws.reduce((s, w) => s + w.confidence, 0) / ws.length,
      kind: 'line',
      lineIndex,
    });
    for (const w of ws) out.push({ text: w.text, box: w.box, confidence: w.confidence, kind: 'word', lineIndex });
  });
  return out;
}
