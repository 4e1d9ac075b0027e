/**
 * Crops of text-like regions, each scaled, stretched and oriented on its own and laid out on a page
 * for tesseract (one crop per page: see MOSAIC_MAX_HEIGHT); and the mapping of the words read back
 * to image pixels. Reading crops instead of the whole upscaled frame costs time in proportion to the
 * text, not to the image, and lets every region have its own contrast stretch and polarity.
 */
import { createHash } from 'node:crypto';
import { engineError } from '../errors.js';
import { clampConfidence, pushLine } from '../text-lines.js';
import { greyPercentile } from '../../image/grey.js';
import { haloCores } from '../../image/halo.js';
import { stretchGrey } from '../../image/stretch.js';
import { findTextColumns, findTextRegions, slidingExtreme } from '../../image/text-regions.js';
import type { Box, DetectedText } from '../types.js';
import type { GreyPage, RecognizedPage } from './page.js';

/** Words and lines read in one image or crop. */
export interface Pass {
  words: DetectedText[];
  lines: DetectedText[];
}

/** A crop to read: where it is in the image, how to scale and orient it, and its grey pixels. */
export interface Crop {
  box: Box;
  scale: number;
  /** The ground is dark: invert so tesseract sees dark text on a light ground. */
  invert: boolean;
  pixels: Uint8Array;
  /** Glyph height of its line (original pixels): sets how wide a structure counts as ground. */
  glyphHeight: number;
  /** The text region it was cut around, in the crop's own pixels (the crop adds margins). */
  line: Box;
  /** Digest of pixels and settings: the same crop on another frame is read once. */
  key: string;
  /**
   * A crop of a column of turned text, turned a quarter so its text runs left to right (optional): `'up'` for text
   * running up the image (the crop turned clockwise), `'down'` for text running down (turned counter-clockwise). `box`
   * then holds the turned pixels' size at the crop's place: in the image the crop is `box.height` wide and `box.width`
   * high, and {@link placePass} turns what is read back onto it.
   */
  turn?: 'up' | 'down';
}

/** Height the glyphs of a crop are scaled to (tesseract reads ~30 px capitals best). */
const TARGET_GLYPH_HEIGHT = 36;
const MOSAIC_PAD = 16;
const MOSAIC_GAP = 60;
/**
 * Largest mosaic height. Crops sharing a page changed each other's reading (tesseract's layout
 * analysis joins neighbours), and the per-call cost is small, so each crop is read on its own page.
 */
const MOSAIC_MAX_HEIGHT = 1;

/**
 * The crops of an image's text-like regions: each region's box with a margin, scaled so its glyphs
 * reach ~36 px (or by the fixed `scale`), inverted when its ground is dark. When a region is a label
 * patch (its ground differs from what surrounds it), the margin is filled with the patch's ground so
 * tesseract sees one clean label.
 */
export function regionCrops(grey: Uint8Array, width: number, height: number, scaleOption: number | 'auto', depth = 0): Crop[] {
  const crops = new Map<string, Crop>();
  const add = (crop: Crop) => {
    const id = `${crop.key}@${crop.box.left},${crop.box.top}`;
    if (!crops.has(id)) crops.set(id, crop);
  };
  // Every line is read, however small. Lines of glyphs at most 4 px tall (or one 5 px blob) are mostly speckle
  // (over a quarter of an ultrasound frame's crops, none on a word of the bench corpus), but on worn text the crop
  // around such a fragment may be its line's only reading, which the unread-line rule then fills: skipping them
  // saved 6% of the OCR time and lost 3 of the 12 words of broken worn lines (bench:fonts --screens).
  for (const region of findTextRegions(grey, width, height)) {
    // Lines of a block are ~0.35 em apart: a small vertical margin keeps the neighbours' glyphs out.
    const m = Math.max(2, Math.round(region.glyphHeight * 0.2));
    // Wider on the sides: glyphs next to texture (speckle) are not found as glyphs but still belong to the word.
    const mx = Math.max(3, Math.round(region.glyphHeight * 3));
    const left = Math.max(0, region.box.left - mx);
    const top = Math.max(0, region.box.top - m);
    const right = Math.min(width, region.box.left + region.box.width + mx);
    const bottom = Math.min(height, region.box.top + region.box.height + m);
    const box = { left, top, width: right - left, height: bottom - top };
    const pixels = new Uint8Array(box.width * box.height);
    for (let y = 0; y < box.height; y++) pixels.set(grey.subarray((top + y) * width + left, (top + y) * width + right), y * box.width);
    const rb = region.box;
    const coreHist = histogramOf(grey, width, rb);
    const coreCount = rb.width * rb.height;
    const coreLo = greyPercentile(coreHist, coreCount, 0.02);
    const coreHi = greyPercentile(coreHist, coreCount, 0.98);
    if (coreHi - coreLo < 24) continue; // nothing stands out inside: no text
    const patch = depth === 0 ? labelPatch(pixels, box.width, box.height, rb.left - left, rb.top - top, rb.width, rb.height) : undefined;
    if (patch) {
      if (patch.inner) {
        // A label patch: its own lines, found on its now uniform ground, get their own glyph height and scale.
        const inner = regionCrops(pixels, box.width, box.height, scaleOption, 1);
        for (const c of inner) add({ ...c, box: { ...c.box, left: c.box.left + left, top: c.box.top + top } });
        if (inner.length > 0) continue;
      }
    }
    // Ink found brighter than its neighbourhood is read inverted; on a patch, the patch's ground decides.
    const invert = patch ? patch.ground < (coreLo + coreHi) / 2 : region.light;
    const scale = scaleOption === 'auto' ? Math.min(MAX_CROP_SCALE, Math.max(1, Math.round((TARGET_GLYPH_HEIGHT / region.glyphHeight) * 2) / 2)) : scaleOption;
    const key = createHash('sha256').update(`${box.width}x${box.height};${scale};${invert};`).update(pixels).digest('hex');
    const line = { left: rb.left - left, top: rb.top - top, width: rb.width, height: rb.height };
    add({ box, scale, invert, pixels, glyphHeight: region.glyphHeight, line, key });
  }
  return [...crops.values()];
}

/**
 * The crops of an image's columns of turned text ({@link findTextColumns}): each column with a margin, turned both ways
 * (it may run up or down the image; OCR tells which reads), scaled so its glyphs reach ~36 px, inverted when its ink is
 * light. The two crops of a column share its place; {@link betterTurn} keeps the one that reads.
 */
export function columnCrops(grey: Uint8Array, width: number, height: number, scaleOption: number | 'auto'): Crop[] {
  const out: Crop[] = [];
  for (const column of findTextColumns(grey, width, height)) {
    const g = column.glyphHeight;
    // Across the strip a small margin (neighbouring columns), along it a wide one, as for a line.
    const m = Math.max(2, Math.round(g * 0.2));
    const mx = Math.max(3, Math.round(g * 3));
    const left = Math.max(0, column.box.left - m);
    const top = Math.max(0, column.box.top - mx);
    const right = Math.min(width, column.box.left + column.box.width + m);
    const bottom = Math.min(height, column.box.top + column.box.height + mx);
    const w = right - left;
    const h = bottom - top;
    const scale = scaleOption === 'auto' ? Math.min(MAX_CROP_SCALE, Math.max(1, Math.round((TARGET_GLYPH_HEIGHT / g) * 2) / 2)) : scaleOption;
    const core = { left: column.box.left - left, top: column.box.top - top, width: column.box.width, height: column.box.height };
    for (const turn of ['up', 'down'] as const) {
      const pixels = new Uint8Array(w * h);
      // Turned clockwise (text running up): the turned pixel (u, v) is the crop's (v, h - 1 - u); counter-clockwise: (w - 1 - v, u).
      for (let v = 0; v < w; v++) {
        for (let u = 0; u < h; u++) {
          const x = turn === 'up' ? v : w - 1 - v;
          const y = turn === 'up' ? h - 1 - u : u;
          pixels[v * h + u] = grey[(top + y) * width + left + x];
        }
      }
      const line = turnBox(core, turn, w, h);
      const key = createHash('sha256').update(`${h}x${w};${scale};${column.light};turned ${turn};`).update(pixels).digest('hex');
      out.push({ box: { left, top, width: h, height: w }, scale, invert: column.light, pixels, glyphHeight: g, line, key, turn });
    }
  }
  return out;
}

/** A box of a `w` x `h` crop on the crop turned `turn` (as {@link columnCrops} turns it). */
function turnBox(b: Box, turn: 'up' | 'down', w: number, h: number): Box {
  return turn === 'up' ? { left: h - b.top - b.height, top: b.left, width: b.height, height: b.width } : { left: b.top, top: w - b.left - b.width, width: b.height, height: b.width };
}

/** A box on a turned crop's pixels (`tw` x `th`) back on the crop as the image holds it (`th` wide, `tw` high). */
function unturnBox(b: Box, turn: 'up' | 'down', tw: number, th: number): Box {
  return turn === 'up' ? { left: b.top, top: tw - b.left - b.width, width: b.height, height: b.width } : { left: th - b.top - b.height, top: b.left, width: b.height, height: b.width };
}

/**
 * A crop's reading placed on the image: moved to the crop's place, and for a turned crop turned back first, so each
 * word's box covers its glyphs where they stand (a tall narrow box for a word running up or down).
 */
export function placePass(crop: Crop, pass: Pass): Pass {
  if (!crop.turn) return shiftPass(pass, crop.box.left, crop.box.top);
  const { turn } = crop;
  const back = (t: DetectedText): DetectedText => {
    const b = unturnBox(t.box, turn, crop.box.width, crop.box.height);
    return { ...t, box: { ...b, left: b.left + crop.box.left, top: b.top + crop.box.top }, turn };
  };
  return { words: pass.words.map(back), lines: pass.lines.map(back) };
}

/** Least confidence of a word that vouches for a turned reading, and its least letters and digits. */
const TURN_CONFIDENCE = 60;
const TURN_CHARACTERS = 2;

/**
 * Of the two readings of a column (turned up and down), the one that reads: the one with more confident letters and
 * digits (each character weighed by its word's confidence), when it holds a word read with {@link TURN_CONFIDENCE} of two
 * characters or more; else undefined (the column reads badly both ways). Read the wrong way up, glyphs come out as
 * junk of low confidence, rarely as a word.
 */
export function betterTurn(a: Pass, b: Pass): Pass | undefined {
  const chars = (w: DetectedText) => w.text.replace(/[^\p{L}\p{N}]/gu, '').length;
  const weight = (p: Pass) => p.words.reduce((n, w) => n + w.confidence * chars(w), 0);
  const best = weight(a) >= weight(b) ? a : b;
  return best.words.some((w) => w.confidence >= TURN_CONFIDENCE && chars(w) >= TURN_CHARACTERS) ? best : undefined;
}

/** The histogram of the grey levels in box `b` (a function of its own: V8 optimizes the loop once, not within every crop search). */
function histogramOf(grey: Uint8Array, width: number, b: Box): Uint32Array {
  const hist = new Uint32Array(256);
  for (let y = b.top; y < b.top + b.height; y++) for (let x = b.left; x < b.left + b.width; x++) hist[grey[y * width + x]]++;
  return hist;
}


/**
 * Detects a label patch in a crop: what surrounds it (flood-filled from the crop's edge over values
 * close to the edge's median) differs from the ground inside, which fills most of the core. The
 * surroundings are then painted with the patch's ground, in place, so the label reads as a clean page.
 */
function labelPatch(pixels: Uint8Array, w: number, h: number, cl: number, ct: number, cw: number, ch: number): { ground: number; inner: boolean } | undefined {
  // The edge's median from a histogram of its values (each edge pixel counted as often as the edge walk meets it).
  const edge = new Uint32Array(256);
  for (let x = 0; x < w; x++) {
    edge[pixels[x]]++;
    edge[pixels[(h - 1) * w + x]]++;
  }
  for (let y = 0; y < h; y++) {
    edge[pixels[y * w]]++;
    edge[pixels[y * w + w - 1]]++;
  }
  const middle = (2 * w + 2 * h) >> 1;
  let outside = 0;
  for (let seen = edge[0]; seen <= middle; ) seen += edge[++outside];
  // Flood fill from the edge over values near it, with a typed stack (each pixel is pushed once, when marked).
  const out = new Uint8Array(w * h);
  const stack = new Int32Array(w * h);
  let sp = 0;
  const seed = (p: number) => {
    if (out[p] === 0 && Math.abs(pixels[p] - outside) <= 48) {
      out[p] = 1;
      stack[sp++] = p;
    }
  };
  for (let x = 0; x < w; x++) {
    seed(x);
    seed((h - 1) * w + x);
  }
  for (let y = 0; y < h; y++) {
    seed(y * w);
    seed(y * w + w - 1);
  }
  while (sp > 0) {
    const p = stack[--sp];
    const x = p % w;
    if (x > 0) seed(p - 1);
    if (x < w - 1) seed(p + 1);
    if (p >= w) seed(p - w);
    if (p < (h - 1) * w) seed(p + w);
  }
  let insideCore = 0;
  const hist = new Uint32Array(256);
  for (let y = ct; y < ct + ch; y++) {
    for (let x = cl; x < cl + cw; x++) {
      const p = y * w + x;
      if (!out[p]) {
        insideCore++;
        hist[pixels[p]]++;
      }
    }
  }
  if (insideCore < 0.6 * cw * ch) return undefined; // mostly surroundings: glyphs on the ground, not a patch
  // A patch encloses its glyphs: the core's own border lies on it, where a tight line of glyphs has ground.
  let borderIn = 0;
  let borderAll = 0;
  for (let x = cl; x < cl + cw; x++) for (const y of [ct, ct + ch - 1]) {
    borderAll++;
    if (!out[y * w + x]) borderIn++;
  }
  for (let y = ct; y < ct + ch; y++) for (const x of [cl, cl + cw - 1]) {
    borderAll++;
    if (!out[y * w + x]) borderIn++;
  }
  if (borderIn < 0.85 * borderAll) return undefined;
  const ground = greyPercentile(hist, insideCore, 0.5);
  if (Math.abs(ground - outside) <= 64) return undefined;
  for (let p = 0; p < out.length; p++) if (out[p]) pixels[p] = ground;
  return { ground, inner: true };
}

/**
 * Removes the ground under the ink (a morphological top-hat): the ground is what an opening (for
 * light ink) or a closing (for dark ink) wider than a stroke leaves, and each pixel keeps only how far
 * its ink stands out from it, scaled by the strongest ink a glyph away, in the input's polarity. Every
 * glyph then stands out alike, wherever it sits: what finding a word's glyphs needs.
 */
export function flattenGround(pixels: Uint8Array, width: number, height: number, glyphHeight: number, lightInk: boolean): Uint8Array {
  // Wider than the boldest stroke of the line, narrower than the gaps between lines.
  const r = Math.max(2, Math.round(glyphHeight * 0.35));
  const ground = lightInk
    ? slidingExtreme(slidingExtreme(pixels, width, height, r, false), width, height, r, true)
    : slidingExtreme(slidingExtreme(pixels, width, height, r, true), width, height, r, false);
  const ink = new Uint8Array(pixels.length);
  let strongest = 0;
  for (let i = 0; i < ink.length; i++) {
    ink[i] = lightInk ? pixels[i] - ground[i] : ground[i] - pixels[i];
    if (ink[i] > strongest) strongest = ink[i];
  }
  // Ink on a bright part of the ground stands out less: scale each place by the strongest ink near it
  // (a glyph away), so every glyph reaches full contrast. Texture far fainter than the crop's ink (and
  // anything under 32 levels) is not raised: it would read as junk and slow tesseract down.
  const peak = slidingExtreme(ink, width, height, Math.max(3, glyphHeight), true);
  const floor = Math.max(32, 0.35 * strongest);
  const out = new Uint8Array(pixels.length);
  // Same polarity as the input (light ink stays light), so the caller's inversion still applies.
  for (let i = 0; i < out.length; i++) {
    const v = Math.min(255, Math.round((ink[i] * 255) / Math.max(floor, peak[i])));
    out[i] = lightInk ? v : 255 - v;
  }
  return out;
}

/**
 * Evens out the ground along a line of text: the ground under each pixel (a morphological opening
 * wider than a stroke, so it follows a ground that changes under the line, even diagonally) is
 * removed, and each column's ink is scaled by the strongest ink a glyph away (at most 3x). Text
 * running from a dark field onto bright anatomy (`Acc# A81998973` whose last digits sit on the body's
 * edge) then reads on one ground, where one global threshold loses the part on the brighter side.
 * The gain is per column, not per pixel, so the texture of a false region is not raised into junk
 * readings. Returned in the input's polarity.
 */
export function evenGround(pixels: Uint8Array, width: number, height: number, glyphHeight: number, lightInk: boolean): Uint8Array {
  const ink = lightInk ? pixels : pixels.map((v) => 255 - v);
  // Wider than the boldest stroke of the line, narrower than the gaps between lines.
  const stroke = Math.max(2, Math.round(glyphHeight * 0.35));
  const ground = slidingExtreme(slidingExtreme(ink, width, height, stroke, false), width, height, stroke, true);
  const lifted = new Uint8Array(ink.length);
  const top = new Uint8Array(width);
  let strongest = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = Math.max(0, ink[y * width + x] - ground[y * width + x]);
      lifted[y * width + x] = v;
      if (v > top[x]) top[x] = v;
      if (v > strongest) strongest = v;
    }
  }
  if (strongest === 0) return pixels;
  const peak = slidingExtreme(top, width, 1, Math.max(2, glyphHeight), true);
  const out = new Uint8Array(ink.length);
  for (let x = 0; x < width; x++) {
    const gain = 255 / Math.max(32, strongest / 3, peak[x]);
    for (let y = 0; y < height; y++) {
      const v = Math.min(255, Math.round(lifted[y * width + x] * gain));
      out[y * width + x] = lightInk ? v : 255 - v;
    }
  }
  return out;
}

/**
 * sharp, loaded at the first resize, not with the module (the pixel checks without OCR, glyph extents, never need it),
 * and kept: an `import()` per crop went through the module loader's resolution every time (under tsx, as the benches
 * run, a round trip to its loader thread per crop).
 */
let sharpModule: Promise<typeof import('sharp').default> | undefined;
function loadSharp(): Promise<typeof import('sharp').default> {
  sharpModule ??= import('sharp').then(
    (m) => m.default,
    (error: unknown) => {
      // A failed load is tried again at the next resize, as before.
      sharpModule = undefined;
      throw error;
    },
  );
  return sharpModule;
}

/**
 * Grey pixels scaled by `scale` (bicubic; the same pixels when `scale` is 1). Only the resize is left
 * to sharp: the contrast stretch ({@link stretchGrey}) is a lookup table here.
 */
export async function upscaleGrey(pixels: Uint8Array, width: number, height: number, scale: number): Promise<GreyPage> {
  if (scale === 1) return { width, height, data: pixels };
  const sharp = await loadSharp();
  const { data, info } = await sharp(pixels, { raw: { width, height, channels: 1 } })
    .resize(Math.round(width * scale), Math.round(height * scale), { kernel: 'cubic' })
    // sharp hands grey back as sRGB unless asked for one channel.
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 1) throw engineError('tesseract', `resizing produced ${info.channels} channels, expected 1`);
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}

/** A mosaic image and where each crop sits in it. */
export interface Mosaic {
  page: GreyPage;
  crops: Crop[];
  /** Each crop's place in the mosaic (scaled pixels). */
  places: Box[];
}

/**
 * Scales, stretches and orients each crop, and stacks them in mosaics of at most ~4000 px height. Light text with a dark
 * halo (an outline or a drop shadow) is read by its light cores alone, as dark ink ({@link haloCores}), in either polarity.
 */
export async function buildMosaics(crops: Crop[]): Promise<Mosaic[]> {
  const prepared: Array<{ crop: Crop; data: Uint8Array; width: number; height: number }> = [];
  for (const crop of crops) {
    // Found at the crop's own size (cheap), the cores are then kept at the reading's scale: the thin anti-aliased
    // core of a small glyph, upscaled first, stays one stroke.
    if (haloCores(crop.pixels, crop.box.width, crop.box.height, crop.glyphHeight)) {
      const scaled = await upscaleGrey(crop.pixels, crop.box.width, crop.box.height, crop.scale);
      const cores = haloCores(scaled.data, scaled.width, scaled.height, crop.glyphHeight, crop.scale);
      if (cores) {
        prepared.push({ crop, data: stretchGrey(cores), width: scaled.width, height: scaled.height });
        continue;
      }
    }
    const flat = evenGround(crop.pixels, crop.box.width, crop.box.height, crop.glyphHeight, crop.invert);
    const scaled = await upscaleGrey(flat, crop.box.width, crop.box.height, crop.scale);
    prepared.push({ crop, data: stretchGrey(scaled.data, crop.invert), width: scaled.width, height: scaled.height });
  }
  const mosaics: Mosaic[] = [];
  let batch: typeof prepared = [];
  let used = MOSAIC_PAD;
  const flush = () => {
    if (batch.length === 0) return;
    const width = Math.max(...batch.map((p) => p.width)) + 2 * MOSAIC_PAD;
    const height = batch.reduce((h, p) => h + p.height + MOSAIC_GAP, MOSAIC_PAD - MOSAIC_GAP) + MOSAIC_PAD;
    const canvas = new Uint8Array(width * height).fill(255);
    const places: Box[] = [];
    let y = MOSAIC_PAD;
    for (const p of batch) {
      for (let r = 0; r < p.height; r++) canvas.set(p.data.subarray(r * p.width, (r + 1) * p.width), (y + r) * width + MOSAIC_PAD);
      places.push({ left: MOSAIC_PAD, top: y, width: p.width, height: p.height });
      y += p.height + MOSAIC_GAP;
    }
    // Stretched and oriented here: tesseract need not also read a doubtful line inverted.
    mosaics.push({ page: { width, height, data: canvas, oriented: true }, crops: batch.map((p) => p.crop), places });
    batch = [];
    used = MOSAIC_PAD;
  };
  for (const p of prepared) {
    if (batch.length > 0 && used + p.height > MOSAIC_MAX_HEIGHT) flush();
    batch.push(p);
    used += p.height + MOSAIC_GAP;
  }
  flush();
  return mosaics;
}

/**
 * Splits a mosaic's OCR result by crop: each word goes to the crop holding its centre, in the
 * crop's own original pixel coordinates; a tesseract line spanning two crops is split.
 */
export function splitMosaicPage(page: RecognizedPage, mosaic: Mosaic, minConfidence: number): Pass[] {
  const passes: Pass[] = mosaic.crops.map(() => ({ words: [], lines: [] }));
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const byCrop = new Map<number, DetectedText[]>();
        for (const w of line.words) {
          const text = w.text.trim();
          if (text === '' || w.confidence < minConfidence) continue;
          const cx = (w.bbox.x0 + w.bbox.x1) / 2;
          const cy = (w.bbox.y0 + w.bbox.y1) / 2;
          const i = mosaic.places.findIndex((p) => cy >= p.top && cy < p.top + p.height && cx >= p.left && cx < p.left + p.width);
          if (i < 0) continue;
          const place = mosaic.places[i];
          const crop = mosaic.crops[i];
          const s = crop.scale;
          // One pixel more on every side: tesseract boxes the binarised glyphs, the anti-aliased edges lie just outside.
          const l = Math.max(0, Math.floor((w.bbox.x0 - place.left) / s) - 1);
          const t = Math.max(0, Math.floor((w.bbox.y0 - place.top) / s) - 1);
          const r = Math.min(crop.box.width, Math.ceil((w.bbox.x1 - place.left) / s) + 1);
          const b = Math.min(crop.box.height, Math.ceil((w.bbox.y1 - place.top) / s) + 1);
          if (r <= l || b <= t) continue;
          const word: DetectedText = { text, confidence: clampConfidence(w.confidence), box: { left: l, top: t, width: r - l, height: b - t }, kind: 'word', lineIndex: 0 };
          byCrop.set(i, [...(byCrop.get(i) ?? []), word]);
        }
        for (const [i, words] of byCrop) pushLine(passes[i], words);
      }
    }
  }
  return passes;
}

/**
 * True when a crop's reading leaves most of its one line unread: its words cover under 60% of the
 * line's width (`Callow:` of `Calloway MD [F]`, nothing of a lone short word like `Hosp.`). Sparse-text
 * reading drops words it cannot place; such a crop is read again as one line of text.
 */
export function readsShort(crop: Crop, pass: Pass): boolean {
  const { line } = crop;
  // One line of text: a block of lines (or a whole label patch taken as one glyph) is no single line.
  if (line.height > 1.5 * crop.glyphHeight || line.width < 1.5 * crop.glyphHeight) return false;
  const covered = new Uint8Array(line.width);
  for (const w of pass.words) {
    for (let x = Math.max(w.box.left, line.left); x < Math.min(w.box.left + w.box.width, line.left + line.width); x++) covered[x - line.left] = 1;
  }
  return covered.reduce((n, c) => n + c, 0) < 0.6 * line.width;
}

/** Largest scale of a crop (small glyphs), and the scale a doubtful reading of such a crop is read again at. */
export const MAX_CROP_SCALE = 4;
export const DOUBT_SCALE = 3;

/**
 * True when a crop of small glyphs (scaled by {@link MAX_CROP_SCALE}) was read with doubt: a word of 4
 * letters or digits or more below 60% confidence, on a line at least 3 glyph heights wide (a word, not
 * a lone mark or a speck of texture). Thin strokes of 9–10 px text, upscaled 4x, are misread as other
 * glyphs (`AL3206T97` for `A43206797` in a narrow face, 4 as L, 7 as T) that the same line read at
 * {@link DOUBT_SCALE} gets right; such a crop is read again there and both readings are kept.
 */
export function readsDoubtful(crop: Crop, pass: Pass): boolean {
  if (crop.scale < MAX_CROP_SCALE || crop.line.width < 3 * crop.glyphHeight) return false;
  return pass.words.some((w) => w.confidence < 60 && w.text.replace(/[^\p{L}\p{N}]/gu, '').length >= 4);
}

/** One pass holding the lines of both (the second's line indexes follow the first's). */
export function joinPasses(a: Pass, b: Pass): Pass {
  const offset = a.lines.length;
  const move = (t: DetectedText): DetectedText => ({ ...t, lineIndex: t.lineIndex + offset });
  return { words: [...a.words, ...b.words.map(move)], lines: [...a.lines, ...b.lines.map(move)] };
}

/** A copy of a pass with every box moved by (dx, dy). */
export function shiftPass(pass: Pass, dx: number, dy: number): Pass {
  const move = (t: DetectedText): DetectedText => ({ ...t, box: { ...t.box, left: t.box.left + dx, top: t.box.top + dy } });
  return { words: pass.words.map(move), lines: pass.lines.map(move) };
}

