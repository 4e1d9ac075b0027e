import { execFileSync } from 'node:child_process';
import sharp from 'sharp';
import type { Box } from '../image/types.js';
import type { SafeHarborCategory } from '../safe-harbor.js';

/** What a burned-in word is, for the ground truth. */
export type WordRole = 'phi' | 'harmless' | 'other';

/** One word of a burned-in line. `other` words (labels like `DOB:`) are neither PHI nor scored annotations. */
export interface TextWord {
  text: string;
  role: WordRole;
  /** Safe Harbor identifier, for PHI words. */
  category?: SafeHarborCategory;
  /**
   * A tab stop (optional): the word starts this many font sizes right of the line's `x`, as a table's cell starts at its
   * column's left edge. Only for lines anchored at their start.
   */
  tab?: number;
}

/** A line of burned-in text and where it sits. */
export interface TextLine {
  words: TextWord[];
  fontFamily: string;
  /** Pixels (10–28 in the samples). */
  fontSize: number;
  fontWeight?: 'normal' | 'bold';
  /** Left edge (`start`) or right edge (`end`) of the line, in pixels. */
  x: number;
  /** Baseline, in pixels. */
  baseline: number;
  anchor: 'start' | 'end' | 'middle';
  /** Light text on dark ground, or dark on light: picks the ink value. */
  ink: 'light' | 'dark';
  /** Paint a plain patch of the opposite brightness behind the line (a label). */
  patch?: boolean;
  /** Paint a band of this grey (0 black to 1 white) across the whole frame behind the line (a status bar). */
  bar?: number;
  /** With `bar`, the bar's grey at the frame's right edge (optional): a gradient from `bar` at the left edge. */
  barEnd?: number;
  /** Frames the line is burned into; all frames when absent. */
  frames?: number[];
  /** Drawn turned a quarter (see `TextBlock.turn`); `x` and `baseline` are then on the turned frame. */
  turn?: 'up' | 'down';
}

/** One word as rendered: its tight box and its coverage (0–255) inside the box, row-major. */
export interface RenderedWord {
  word: TextWord;
  line: number;
  box: Box;
  /** Anti-aliased coverage of the word's own glyphs, `box.width * box.height` bytes. */
  alpha: Uint8Array;
}

/**
 * Renders every word of a line on its own (the other words transparent, so the layout
 * is the line's) and returns each word's tight box and glyph coverage.
 * Throws when a word renders to nothing (a missing font).
 */
export async function renderLine(line: TextLine, lineIndex: number, width: number, height: number): Promise<RenderedWord[]> {
  const out: RenderedWord[] = [];
  for (let i = 0; i < line.words.length; i++) {
    const svg = lineSvg(line, width, height, i);
    const { data } = await sharp(Buffer.from(svg)).ensureAlpha().extractChannel(3).raw().toBuffer({ resolveWithObject: true });
    const box = tightBox(data, width, height);
    const word = line.words[i];
    if (!box) throw new Error(`[samples] word ${JSON.stringify(word.text)} rendered no pixels (font ${line.fontFamily} missing?)`);
    const alpha = new Uint8Array(box.width * box.height);
    for (let y = 0; y < box.height; y++) {
      const row = (box.top + y) * width + box.left;
      alpha.set(data.subarray(row, row + box.width), y * box.width);
    }
    out.push({ word, line: lineIndex, box, alpha });
  }
  return out;
}

/** The SVG of a line with only word `visible` painted (white on transparent). */
function lineSvg(line: TextLine, width: number, height: number, visible: number): string {
  const spans = line.words
    .map((w, i) => `<tspan${w.tab === undefined ? '' : ` x="${line.x + w.tab * line.fontSize}"`} fill-opacity="${i === visible ? 1 : 0}">${escapeXml(w.text)}</tspan>`)
    .join(' ');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<text x="${line.x}" y="${line.baseline}" font-family="${escapeXml(line.fontFamily)}" font-size="${line.fontSize}" ` +
    `font-weight="${line.fontWeight ?? 'normal'}" text-anchor="${line.anchor}" fill="#fff" xml:space="preserve">${spans}</text></svg>`
  );
}

function tightBox(alpha: Uint8Array, width: number, height: number): Box | undefined {
  let left = width;
  let right = -1;
  let top = height;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (alpha[row + x] === 0) continue;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      bottom = y;
    }
  }
  if (right < 0) return undefined;
  return { left, top, width: right - left + 1, height: bottom - top + 1 };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The three kinds of typeface the samples vary over. */
export type FontKind = 'sans' | 'serif' | 'mono';

const FONT_CANDIDATES: Record<FontKind, string[]> = {
  sans: ['DejaVu Sans', 'Liberation Sans', 'Nimbus Sans', 'Noto Sans', 'Liberation Sans Narrow', 'Nimbus Sans Narrow', 'URW Gothic'],
  serif: ['DejaVu Serif', 'Liberation Serif', 'Nimbus Roman', 'Noto Serif', 'C059', 'URW Bookman'],
  mono: ['DejaVu Sans Mono', 'Liberation Mono', 'Nimbus Mono PS', 'Noto Sans Mono', 'Noto Mono'],
};

let installedFamilies: Set<string> | undefined;

/**
 * Installed font families of each kind (from `fc-list`), in a fixed order.
 * Falls back to the generic family (`sans-serif`, `serif`, `monospace`) when none is installed.
 */
export function availableFonts(kind: FontKind): string[] {
  if (!installedFamilies) {
    installedFamilies = new Set();
    try {
      const listing = execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' });
      for (const line of listing.split('\n')) for (const family of line.split(',')) if (family.trim()) installedFamilies.add(family.trim());
    } catch {
      // No fontconfig CLI: rely on the generic families below.
    }
  }
  const found = FONT_CANDIDATES[kind].filter((f) => installedFamilies!.has(f));
  return found.length > 0 ? found : [kind === 'sans' ? 'sans-serif' : kind === 'serif' ? 'serif' : 'monospace'];
}
