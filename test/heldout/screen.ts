/**
 * Burned-in text: lines of screen text rendered with system fonts (SVG through sharp) onto frames,
 * with the exact glyph pixels of every PHI word and the box of every harmless line recorded.
 */
import sharp from 'sharp';
import type { Box, Category, PixelHarmlessLine, PixelPhiWord } from './truth.js';

/** A word of a screen line. `glue`: no space before it. `phi`: the word is PHI. */
export interface Token {
  text: string;
  phi?: { category: Category; kind: string };
  glue?: boolean;
}

export interface ScreenLine {
  tokens: Token[];
  /** A harmless line must stay intact; a line that is not harmless may hold PHI words and neutral labels. */
  harmless: boolean;
  x: number;
  /** Baseline. */
  y: number;
  anchor: 'start' | 'end' | 'middle';
  font: string;
  size: number;
  bold?: boolean;
  /** Ink colour, one value per sample (stored units). */
  ink: number[];
  /** Frames it is drawn on. */
  frames: number[];
  /** Instead of tokens: SVG shapes (a scale bar, a marker), drawn in white and tinted with `ink`. */
  graphic?: string;
  /** A filled rectangle drawn under the line first (a label box), in stored units, with padding. */
  backing?: { fill: number[]; pad: number };
}

export interface Frames {
  width: number;
  height: number;
  samples: number;
  /** One Float64Array per frame, `samples` values per pixel (interleaved). */
  data: Float64Array[];
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;').replace(/"/g, '&quot;');

function lineSvg(w: number, h: number, line: ScreenLine, visible: (i: number) => boolean): string {
  const head = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">`;
  if (line.graphic) return `${head}<g fill="#fff" stroke="#fff">${line.graphic}</g></svg>`;
  const spans = line.tokens
    .map((t, i) => `${i && !t.glue ? ' ' : ''}<tspan fill-opacity="${visible(i) ? 1 : 0}">${escapeXml(t.text)}</tspan>`)
    .join('');
  return (
    `${head}<text x="${line.x}" y="${line.y}" font-family="${escapeXml(line.font)}" font-size="${line.size}" ` +
    `font-weight="${line.bold ? 'bold' : 'normal'}" text-anchor="${line.anchor}" fill="#fff" xml:space="preserve">${spans}</text></svg>`
  );
}

/** Coverage (0–1) of each pixel. */
async function coverage(svg: string): Promise<Float32Array> {
  const { data, info } = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const out = new Float32Array(info.width * info.height);
  for (let i = 0; i < out.length; i++) out[i] = data[i * 4 + 3] / 255;
  return out;
}

function bbox(a: Float32Array, w: number, threshold: number): Box | undefined {
  let l = Infinity, t = Infinity, r = -1, b = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] < threshold) continue;
    const x = i % w, y = Math.floor(i / w);
    if (x < l) l = x;
    if (x > r) r = x;
    if (y < t) t = y;
    if (y > b) b = y;
  }
  return r < 0 ? undefined : { left: l, top: t, width: r - l + 1, height: b - t + 1 };
}

/** Bit mask (row-major, MSB first) of the pixels of `a` at or above `threshold` inside `box`. */
function packMask(a: Float32Array, w: number, box: Box, threshold: number): string {
  const bits = new Uint8Array(Math.ceil((box.width * box.height) / 8));
  let k = 0;
  for (let y = box.top; y < box.top + box.height; y++)
    for (let x = box.left; x < box.left + box.width; x++, k++) if (a[y * w + x] >= threshold) bits[k >> 3] |= 0x80 >> (k & 7);
  return Buffer.from(bits).toString('base64');
}

const intersects = (a: Box, b: Box, gap: number) =>
  a.left < b.left + b.width + gap && b.left < a.left + a.width + gap && a.top < b.top + b.height + gap && b.top < a.top + a.height + gap;

const GLYPH = 0.4; // coverage from which a pixel belongs to a glyph
const EXTENT = 0.1; // coverage from which a pixel is part of a line's box

/**
 * Draws the lines onto the frames and returns the ground truth. A line whose box would leave the
 * image or touch another line's box is left out (layouts are generated, so this keeps them clean).
 */
export async function burnIn(frames: Frames, lines: ScreenLine[]): Promise<{ phi: PixelPhiWord[]; harmless: PixelHarmlessLine[]; dropped: number }> {
  const { width: w, height: h } = frames;
  const placed: { box: Box; frames: number[] }[] = [];
  const phi: PixelPhiWord[] = [];
  const harmless: PixelHarmlessLine[] = [];
  let dropped = 0;
  for (const original of lines) {
    // A line that does not fit is tried in smaller sizes (down to 9 px) before it is left out.
    let line = original;
    let all: Float32Array | undefined;
    let box: Box | undefined;
    let outer: Box | undefined;
    for (let size = original.size; ; size--) {
      line = { ...original, size };
      all = await coverage(lineSvg(w, h, line, () => true));
      box = bbox(all, w, EXTENT);
      const pad = line.backing?.pad ?? 0;
      outer = box && { left: box.left - pad, top: box.top - pad, width: box.width + 2 * pad, height: box.height + 2 * pad };
      const fits = outer && outer.left >= 1 && outer.top >= 1 && outer.left + outer.width <= w - 1 && outer.top + outer.height <= h - 1 &&
        !placed.some((p) => p.frames.some((f) => line.frames.includes(f)) && intersects(p.box, outer!, 2));
      if (fits) break;
      outer = undefined;
      if (line.graphic || size <= 9) break;
    }
    if (!outer || !all || !box) {
      dropped++;
      continue;
    }
    placed.push({ box: outer, frames: line.frames });
    for (const f of line.frames) {
      const data = frames.data[f];
      if (line.backing) fillRect(data, w, frames.samples, outer, line.backing.fill);
      composite(data, all, frames.samples, line.ink);
    }
    if (line.harmless) {
      harmless.push({ text: line.graphic ? '[graphic]' : tokensText(line.tokens), frames: line.frames, box, font: line.font, size: line.size });
      continue;
    }
    for (let i = 0; i < line.tokens.length; i++) {
      const t = line.tokens[i];
      if (!t.phi) continue;
      const cov = await coverage(lineSvg(w, h, line, (j) => j === i));
      const wb = bbox(cov, w, EXTENT);
      if (!wb) continue;
      phi.push({ text: t.text, category: t.phi.category, kind: t.phi.kind, frames: line.frames, box: wb, mask: packMask(cov, w, wb, GLYPH), font: line.font, size: line.size });
    }
  }
  return { phi, harmless, dropped };
}

export function tokensText(tokens: Token[]): string {
  return tokens.map((t, i) => `${i && !t.glue ? ' ' : ''}${t.text}`).join('');
}

function composite(data: Float64Array, alpha: Float32Array, samples: number, ink: number[]): void {
  for (let i = 0; i < alpha.length; i++) {
    const a = alpha[i];
    if (a <= 0) continue;
    for (let s = 0; s < samples; s++) {
      const k = i * samples + s;
      data[k] = data[k] * (1 - a) + ink[s] * a;
    }
  }
}

function fillRect(data: Float64Array, w: number, samples: number, box: Box, fill: number[]): void {
  for (let y = box.top; y < box.top + box.height; y++)
    for (let x = box.left; x < box.left + box.width; x++) for (let s = 0; s < samples; s++) data[(y * w + x) * samples + s] = fill[s];
}
