import type { DicomDataset } from '../dicom/dataset.js';
import { padBox, unionBoxes } from '../image/boxes.js';
import type { Box } from '../image/types.js';
import type { SafeHarborCategory } from '../safe-harbor.js';
import { renderBackground } from './backgrounds.js';
import { formatFor, type SampleFormat } from './format.js';
import { buildHeader } from './header.js';
import { makeFakeIdentity, type FakeIdentity } from './identity.js';
import { blocksFor, chooseBlockFont, placeBlock, type BlockFont, type TextBlock } from './layout.js';
import { maskFromAlpha } from './mask.js';
import { storeSamplePixels } from './pixel-data.js';
import { createRng, type Rng } from './rng.js';
import type { SampleSpec } from './specs.js';
import { renderLine, type RenderedWord, type TextLine } from './text.js';

/** One burned-in word of the ground truth. */
export interface TruthToken {
  text: string;
  /** Tight box of every pixel the word's rendering touched. */
  box: Box;
  /** The frame (0-based) it is burned into, or `all`. */
  frame: number | 'all';
  /** Glyph pixels (coverage ≥ 50%) inside `box`: bit-packed, base64 (see `lib/samples/mask.ts`). */
  mask: string;
  /** Index of the line it belongs to, in `SampleTruth.lines`. */
  line: number;
}

/** A burned-in PHI word with its Safe Harbor identifier. */
export interface PhiToken extends TruthToken {
  category: SafeHarborCategory;
}

/** Ground truth of a sample's burned-in text. */
export interface SampleTruth {
  name: string;
  seed: number | string;
  modality: string;
  transferSyntaxUID: string;
  width: number;
  height: number;
  frames: number;
  samplesPerPixel: number;
  /** Words that must be removed. */
  phi: PhiToken[];
  /** Annotations that must be kept (L, R, AP, PORTABLE, kVp, W/L, `5 cm`, …). */
  harmless: TruthToken[];
  /** Labels beside PHI (`DOB:`, `[M]`, times) that may go with it; not scored. */
  other: TruthToken[];
  /** Each line's text and box (union of its words), for drawing and debugging. */
  lines: Array<{ text: string; box: Box; frame: number | 'all' }>;
}

/** A generated sample: the dataset to write, its ground truth, and the stored values it was made from. */
export interface Sample {
  spec: SampleSpec;
  dataset: DicomDataset;
  truth: SampleTruth;
  identity: FakeIdentity;
  /** Stored values per frame before encoding (interleaved samples). Equal to the decoded pixels for lossless syntaxes. */
  frames: Int32Array[];
}

/** Options of {@link makeSample}. */
export interface MakeSampleOptions {
  /**
   * Burn the text in (default true). With `false` the same image and header come out without any
   * burned-in text or label patches, and the truth lists are empty: a clean control image.
   */
  text?: boolean;
  /**
   * Burn every block in this font family at this size (shrunk only when a line does not fit, to 9 px at
   * least) instead of the drawn ones: the font-stress fixtures sweep small sizes and narrow or
   * monospace faces this way. With `aliased`, each glyph pixel is inked fully or not at all (from a quarter's coverage:
   * thin strokes keep a pixel), as consoles drawing bitmap-style text print it. With `halo`, light ink gets a black rim
   * round each glyph (`outline`, `width` px wide) or a black copy of its glyphs `width` px down and right under it
   * (`shadow`), as angiography and fluoroscopy consoles draw text to stay legible over bright anatomy.
   */
  font?: { family: string; size: number; weight?: 'normal' | 'bold'; aliased?: boolean; halo?: Halo };
  /**
   * How far the ink stands from the ground, 0–1 (default 1): below 1 the text is dimmer (grey text on
   * the image, grey ink on a label patch), as overlays drawn in grey are.
   */
  contrast?: number;
  /**
   * Burn every block in this ink (default: each layout's own): `'dark'` puts dark text on a light label
   * patch, `'light'` puts light text straight on the image.
   */
  ink?: 'light' | 'dark';
  /**
   * Draws the identity instead of {@link makeFakeIdentity} (optional): a stress set with its own names,
   * institutions or ages. It must give every value the header holds.
   */
  identity?: (rng: Rng) => FakeIdentity;
  /**
   * Draws the burned-in blocks instead of the modality's layout ({@link blocksFor}) (optional): a stress set
   * with screens of its own design. The spec still sets the image, the header and the encoding.
   */
  blocks?: (identity: FakeIdentity, rng: Rng, frames: number) => TextBlock[];
  /**
   * Draws the image instead of the modality's anatomy-like background (optional), in stored values (interleaved
   * samples), knowing where the text lines go (`text`: their boxes): a stress set with image content of its own
   * (speckle, noise, gradients) reaching close to the text, or under it; `words` holds each line's word boxes, in the
   * same order (a table's rules go between its cells).
   */
  background?: (format: SampleFormat, width: number, height: number, rng: Rng, text: Box[], words: Box[][]) => Float32Array;
}

/** A dark rim round each glyph of light text, or a dark copy of it offset down and right: see {@link MakeSampleOptions.font}. */
export interface Halo {
  kind: 'outline' | 'shadow';
  /** Width of the rim, or offset of the shadow, in pixels (1–2). */
  width: number;
}

/**
 * Makes one synthetic sample: an anatomy-like image of the spec's modality with a fake identity
 * burned in (and harmless annotations), the same identity in the header, stored in the spec's
 * transfer syntax. The same spec and seed always give the same pixels, header and truth
 * (on a machine with the same fonts).
 * @example const { dataset, truth } = await makeSample(SAMPLE_SPECS[0], 1);
 */
export async function makeSample(spec: SampleSpec, seed: number | string, options: MakeSampleOptions = {}): Promise<Sample> {
  const frameCount = spec.frames ?? 1;
  const { width, height } = spec;
  const rng = createRng(`${seed}:${spec.name}`);
  const identity = (options.identity ?? makeFakeIdentity)(rng.fork('identity'));
  const format = formatFor(spec.modality);
  const drawn = options.blocks ? options.blocks(identity, rng.fork('text'), frameCount) : blocksFor(spec.modality, identity, rng.fork('text'), frameCount);
  const forcedInk = options.ink;
  const blocks = forcedInk ? drawn.map((b) => ({ ...b, ink: forcedInk, patch: forcedInk === 'dark' })) : drawn;
  const placed = options.text === false ? [] : await layOut(blocks, width, height, rng.fork('layout'), options.font);
  checkNoOverlap(placed, width, height);
  if (options.font?.aliased) for (const p of placed) for (const w of p.words) w.alpha = w.alpha.map((a) => (a >= ALIASED_COVERAGE ? 255 : 0));

  const halo = options.font?.halo;
  const inkRng = rng.fork('ink');
  const contrast = options.contrast ?? 1;
  const inks = placed.map((p) => {
    const patch = p.line.bar === undefined ? patchValue(format, p.line.ink) : greyValue(format, p.line.bar);
    const ink = inkValue(format, p.line.ink, inkRng);
    // A dimmer ink: part of the way back to the patch's or bar's ground (or to black on the image).
    const ground = p.line.patch || p.line.bar !== undefined ? patch : format.black;
    return { ink: contrast === 1 ? ink : ink.map((v, s) => Math.round(ground[s] + (v - ground[s]) * contrast)), patch };
  });
  const frames: Int32Array[] = [];
  const backgrounds = new Map<number, Float32Array>();
  for (let f = 0; f < frameCount; f++) {
    // Some frames of a cine loop repeat the previous one exactly (a frozen image).
    const key = frameCount > 1 ? Math.floor((f * 2) / 3) : 0;
    if (!backgrounds.has(key)) {
      const draw = rng.fork(`background:${key}`);
      backgrounds.set(key, options.background ? options.background(format, width, height, draw, placed.map((p) => p.box), placed.map((p) => p.words.map((w) => w.box))) : renderBackground(spec.modality, format, width, height, draw));
    }
    const values = Float32Array.from(backgrounds.get(key)!);
    placed.forEach((p, i) => {
      if (p.line.frames && !p.line.frames.includes(f)) return;
      if (p.line.patch) fillBox(values, width, format.samplesPerPixel, padBox(p.box, 3), inks[i].patch);
      // A status bar runs across the frame: one band per line, padded as a patch is, so the lines' bands join.
      if (p.line.bar !== undefined) {
        const band = padBox(p.box, 3);
        const end = p.line.barEnd;
        if (end === undefined) fillBox(values, width, format.samplesPerPixel, { left: 0, top: band.top, width, height: band.height }, inks[i].patch);
        // A gradient bar: each column its own grey, from the bar's at the left edge to `barEnd` at the right.
        else for (let x = 0; x < width; x++) fillBox(values, width, format.samplesPerPixel, { left: x, top: band.top, width: 1, height: band.height }, greyValue(format, p.line.bar + ((end - p.line.bar) * x) / Math.max(1, width - 1)));
      }
    });
    placed.forEach((p, i) => {
      if (p.line.frames && !p.line.frames.includes(f)) return;
      // The halo goes under every word of the line before any ink, so a rim never covers a neighbour's glyph.
      if (halo && p.line.ink === 'light') for (const w of p.words) burn(values, width, format.samplesPerPixel, haloOf(w, halo, width, height), format.black);
      for (const w of p.words) burn(values, width, format.samplesPerPixel, w, inks[i].ink);
    });
    frames.push(toStored(values, format));
  }

  const dict = buildHeader({ modality: spec.modality, width, height, frames: frameCount, bodyPart: spec.bodyPart, studyDescription: spec.studyDescription }, identity, format, rng.fork('header'));
  const dataset: DicomDataset = { meta: {}, dict, transferSyntaxUID: spec.transferSyntaxUID };
  await storeSamplePixels(dataset, format, width, height, frames, spec.transferSyntaxUID);

  const truth: SampleTruth = {
    name: spec.name,
    seed,
    modality: spec.modality,
    transferSyntaxUID: spec.transferSyntaxUID,
    width,
    height,
    frames: frameCount,
    samplesPerPixel: format.samplesPerPixel,
    phi: [],
    harmless: [],
    other: [],
    lines: [],
  };
  placed.forEach((p) => {
    const frameList: Array<number | 'all'> = p.line.frames ? p.line.frames : ['all'];
    for (const frame of frameList) {
      truth.lines.push({ text: p.line.words.map((w) => w.text).join(' '), box: p.box, frame });
      for (const w of p.words) {
        const token: TruthToken = { text: w.word.text, box: w.box, frame, mask: maskFromAlpha(w.box, w.alpha).bits, line: truth.lines.length - 1 };
        if (w.word.role === 'phi') truth.phi.push({ ...token, category: w.word.category ?? 'R' });
        else if (w.word.role === 'harmless') truth.harmless.push(token);
        else truth.other.push(token);
      }
    }
  });
  return { spec, dataset, truth, identity, frames };
}

/** Coverage (of 255) from which an aliased glyph pixel is inked: a quarter, so a light face's thin stroke that falls between two pixels keeps one. */
const ALIASED_COVERAGE = 64;

interface PlacedLine {
  line: TextLine;
  words: RenderedWord[];
  /** Union of the line's word boxes. */
  box: Box;
  block: number;
}

/** Places and renders every block, shrinking a block's font until its lines fit its share of the frame. */
async function layOut(blocks: TextBlock[], width: number, height: number, rng: Rng, forced?: MakeSampleOptions['font']): Promise<PlacedLine[]> {
  const placed: PlacedLine[] = [];
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    // A drawn face too wide for the block's longest line even at its smallest size (full month names in a wide
    // monospace) is drawn again, a few times; a forced face has no second choice.
    for (let attempt = 0; ; attempt++) {
      const drawn = chooseBlockFont(block, width, height, rng);
      const font = forced ? { ...drawn, fontFamily: forced.family, fontWeight: forced.weight ?? 'normal', fontSize: forced.size } : drawn;
      const min = forced ? Math.min(9, forced.size) : (block.sizes?.[0] ?? 10);
      const lines = block.turn ? await fitTurned(block, b, font, min, width, height, placed.length) : await fitBlock(block, b, font, min, width, height, placed.length);
      if (lines) {
        placed.push(...lines);
        break;
      }
      if (forced || attempt >= 5) throw new Error(`[samples] the ${block.at} block does not fit a ${width}x${height} frame even at ${min}px in ${font.fontFamily}`);
    }
  }
  return placed;
}

/** Renders a block's lines, shrinking the font down to `min` px until they fit the block's share of the frame; undefined when they never do. */
async function fitBlock(block: TextBlock, b: number, font: BlockFont, min: number, width: number, height: number, before: number): Promise<PlacedLine[] | undefined> {
  for (;;) {
    const lines = placeBlock(block, font, width, height);
    const rendered: PlacedLine[] = [];
    for (const line of lines) {
      const words = await renderLine(line, before + rendered.length, width, height);
      rendered.push({ line, words, box: unionBoxes(words.map((w) => w.box)), block: b });
    }
    const room = (block.span ?? 0.46) * width;
    const margin = block.patch ? 4 : 1;
    const fits = rendered.every(
      (r) => r.box.width <= room && r.box.left >= margin && r.box.top >= margin && r.box.left + r.box.width <= width - margin && r.box.top + r.box.height <= height - margin,
    );
    if (fits) return rendered;
    if (font.fontSize <= min) return undefined;
    font.fontSize -= 1;
  }
}

/**
 * A turned block ({@link TextBlock.turn}): laid out on the frame turned a quarter (its height across), where the block
 * sits at the anchor its place in the frame becomes, then each word's box and coverage turned back onto the frame.
 */
async function fitTurned(block: TextBlock, b: number, font: BlockFont, min: number, width: number, height: number, before: number): Promise<PlacedLine[] | undefined> {
  const up = block.turn === 'up';
  const horizontal = block.at.includes('left') ? 'left' : block.at.includes('right') ? 'right' : 'middle';
  const vertical = block.at.startsWith('top') ? 'top' : block.at.startsWith('bottom') ? 'bottom' : 'middle';
  // Turned up, the frame's left edge is the turned frame's top and its bottom edge the turned frame's left; turned down, the reverse.
  const across = horizontal === 'middle' ? 'middle' : (horizontal === 'left') === up ? 'top' : 'bottom';
  const along = vertical === 'middle' ? 'middle' : (vertical === 'bottom') === up ? 'left' : 'right';
  const at = (across === 'middle' ? `${along}-middle` : along === 'middle' ? `${across}-middle` : `${across}-${along}`) as TextBlock['at'];
  const lines = await fitBlock({ ...block, at, turn: undefined }, b, font, min, height, width, before);
  if (!lines) return undefined;
  return lines.map((line) => {
    const words = line.words.map((w) => ({ ...w, ...turnWord(w.box, w.alpha, up, width, height) }));
    return { ...line, line: { ...line.line, turn: block.turn }, words, box: unionBoxes(words.map((w) => w.box)) };
  });
}

/**
 * A word's box and coverage, rendered on the turned frame (`height` wide, `width` high), turned onto the frame: up, the
 * turned frame's pixel (u, v) lands on (v, height - 1 - u); down, on (width - 1 - v, u).
 */
function turnWord(box: Box, alpha: Uint8Array, up: boolean, width: number, height: number): { box: Box; alpha: Uint8Array } {
  const out = new Uint8Array(alpha.length);
  const turned = up
    ? { left: box.top, top: height - box.left - box.width, width: box.height, height: box.width }
    : { left: width - box.top - box.height, top: box.left, width: box.height, height: box.width };
  for (let j = 0; j < box.height; j++) {
    for (let i = 0; i < box.width; i++) {
      const [x, y] = up ? [j, box.width - 1 - i] : [box.height - 1 - j, i];
      out[y * turned.width + x] = alpha[j * box.width + i];
    }
  }
  return { box: turned, alpha: out };
}

/** Throws when two lines (with their patches) come too close: lines of one block must not overlap, lines of different blocks need a 4 px gap. */
function checkNoOverlap(placed: PlacedLine[], width: number, height: number): void {
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) {
      // Patches of one block may merge into one label; across blocks they must stay apart.
      const same = placed[i].block === placed[j].block;
      const a = padBox(placed[i].box, same ? 0 : placed[i].line.patch ? 5 : 2);
      const b = padBox(placed[j].box, same ? 0 : placed[j].line.patch ? 5 : 2);
      if (a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height) {
        const text = (p: PlacedLine): string => p.line.words.map((w) => w.text).join(' ');
        throw new Error(`[samples] lines ${JSON.stringify(text(placed[i]))} and ${JSON.stringify(text(placed[j]))} overlap on a ${width}x${height} frame`);
      }
    }
  }
}

const COLOURS = [
  [255, 255, 255],
  [250, 228, 90],
  [120, 220, 250],
  [150, 240, 150],
];

/** The stored value(s) of a line's ink: near white or near black, in the format's own values. */
function inkValue(format: SampleFormat, ink: 'light' | 'dark', rng: Rng): number[] {
  if (format.samplesPerPixel === 3) {
    if (ink === 'dark') return [0, 0, 0].map(() => rng.int(0, 20));
    const level = 0.85 + rng.next() * 0.15;
    return rng.pick(COLOURS).map((c) => Math.round(c * level));
  }
  const level = ink === 'light' ? 0.85 + rng.next() * 0.15 : rng.next() * 0.08;
  return format.white.map((white, s) => Math.round(format.black[s] + (white - format.black[s]) * level));
}

/** A grey `level` of the way from black to white (a status bar's ground). */
function greyValue(format: SampleFormat, level: number): number[] {
  return format.white.map((white, s) => Math.round(format.black[s] + (white - format.black[s]) * level));
}

/** A label patch behind a line: light behind dark ink, black behind light ink. */
function patchValue(format: SampleFormat, ink: 'light' | 'dark'): number[] {
  const level = ink === 'dark' ? 0.88 : 0;
  return format.white.map((white, s) => Math.round(format.black[s] + (white - format.black[s]) * level));
}

/** A word's halo as a word of its own: its coverage spread `width` px every way (outline) or moved `width` px down and right (shadow), clipped to the frame. */
function haloOf(word: RenderedWord, halo: Halo, frameWidth: number, frameHeight: number): RenderedWord {
  const r = halo.width;
  const left = Math.max(0, word.box.left - r);
  const top = Math.max(0, word.box.top - r);
  const box = { left, top, width: Math.min(frameWidth, word.box.left + word.box.width + r) - left, height: Math.min(frameHeight, word.box.top + word.box.height + r) - top };
  const alpha = new Uint8Array(box.width * box.height);
  const at = (x: number, y: number): number => {
    const gx = x - word.box.left;
    const gy = y - word.box.top;
    return gx < 0 || gy < 0 || gx >= word.box.width || gy >= word.box.height ? 0 : word.alpha[gy * word.box.width + gx];
  };
  for (let y = 0; y < box.height; y++) {
    for (let x = 0; x < box.width; x++) {
      const fx = box.left + x;
      const fy = box.top + y;
      let a = 0;
      if (halo.kind === 'shadow') a = at(fx - r, fy - r);
      else for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) a = Math.max(a, at(fx + dx, fy + dy));
      alpha[y * box.width + x] = a;
    }
  }
  return { ...word, box, alpha };
}

/** Alpha-blends a word's coverage into the frame with the ink value. */
function burn(values: Float32Array, width: number, spp: number, word: RenderedWord, ink: number[]): void {
  const { box, alpha } = word;
  for (let y = 0; y < box.height; y++) {
    for (let x = 0; x < box.width; x++) {
      const a = alpha[y * box.width + x] / 255;
      if (a === 0) continue;
      const o = ((box.top + y) * width + box.left + x) * spp;
      for (let s = 0; s < spp; s++) values[o + s] = values[o + s] * (1 - a) + ink[s] * a;
    }
  }
}

function fillBox(values: Float32Array, width: number, spp: number, box: Box, value: number[]): void {
  for (let y = box.top; y < box.top + box.height; y++) {
    for (let x = box.left; x < box.left + box.width; x++) for (let s = 0; s < spp; s++) values[(y * width + x) * spp + s] = value[s];
  }
}

function toStored(values: Float32Array, format: SampleFormat): Int32Array {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Math.min(format.max, Math.max(format.min, Math.round(values[i])));
  return out;
}

