/**
 * Text-candidate regions of an 8-bit grey image, for OCR of local crops: pixels much brighter
 * (or darker) than their neighbourhood are grouped into glyph-sized connected components, the
 * components into lines (similar height, vertical overlap, small gaps), and each line becomes a
 * region with its polarity. Small overlay text in corners and dark text on light label patches
 * read far better in such crops, each at its own scale and polarity, than in the whole frame.
 */
import { createHash } from 'node:crypto';
import type { Box } from './types.js';

/** A line of text candidates: its box in image pixels, its glyph height and whether the ink is brighter than the ground. */
export interface TextRegion {
  box: Box;
  /** Largest glyph height in the line (≈ the font's cap height plus descender), in image pixels. */
  glyphHeight: number;
  /** True when the text is brighter than its surroundings (read inverted). */
  light: boolean;
  /** Number of glyph components. */
  glyphs: number;
}

/** Options of {@link findTextRegions}. */
export interface TextRegionOptions {
  /** How far (0–255) a pixel must stand out from its neighbourhood mean to be ink (default 40). */
  contrast?: number;
  /**
   * A second, fainter pass (default 24; `contrast` or more turns it off): lines whose ink stands out by
   * this much, where the first pass found no line holding them. Grey overlay text in thin strokes
   * (9–11 px at half contrast) breaks into specks at the first pass's contrast and is lost as texture.
   */
  faintContrast?: number;
  /** Smallest glyph height in pixels (default 4). */
  minGlyphHeight?: number;
  /** Largest glyph height in pixels (default: an eighth of the shorter side, at least 24, at most 160). */
  maxGlyphHeight?: number;
}

/** A connected component: its inclusive bounds and pixel count. */
export interface Component {
  left: number;
  top: number;
  right: number;
  bottom: number;
  count: number;
}

/**
 * Finds the lines of text-like components in both polarities. Regions may overlap (the same
 * label seen as light ink and as dark ink); the caller reads each and keeps the better reading.
 */
export function findTextRegions(grey: Uint8Array, width: number, height: number, options: TextRegionOptions = {}): TextRegion[] {
  return searchOnce(grey, width, height, options).regions.map(copyRegion);
}

/**
 * Finds the lines of text drawn turned a quarter (a label running up or down a side edge, as mammography, ultrasound
 * and plate consoles print one): glyphs stacked along a tall narrow strip, the column analogue of the lines of
 * {@link findTextRegions}, from the same search (the components are found once; only their grouping is turned). A strip
 * whose glyphs mostly sit on lines of the ordinary kind (the first letters of a block of lines) is not one. Each
 * column's `glyphHeight` is its glyphs' height across the strip (the strip's width); which way it reads is for OCR.
 */
export function findTextColumns(grey: Uint8Array, width: number, height: number, options: TextRegionOptions = {}): TextRegion[] {
  return searchOnce(grey, width, height, options).columns.map(copyRegion);
}

/** The lines and the columns of an image, searched once per image with the default options (see {@link searched}). */
function searchOnce(grey: Uint8Array, width: number, height: number, options: TextRegionOptions): Search {
  const plain = Object.values(options).every((value) => value === undefined);
  const key = plain ? createHash('sha256').update(`${width}x${height};`).update(grey).digest('hex') : undefined;
  const known = key ? searched.get(key) : undefined;
  if (known) return known;
  const found = searchTextRegions(grey, width, height, options);
  if (key) {
    searched.set(key, found);
    const oldest = searched.keys().next().value;
    if (searched.size > SEARCHES_KEPT && oldest !== undefined) searched.delete(oldest);
  }
  return found;
}

/** What one search finds: lines, and columns of turned text. Kept as found; callers get copies. */
interface Search {
  regions: TextRegion[];
  columns: TextRegion[];
}

/**
 * The regions of the last images searched with the default options, by a digest of their pixels: the
 * pixel step asks whether a rendering shows more text, then the reader crops the same pixels, and the
 * search (far dearer than the digest) runs once.
 */
const searched = new Map<string, Search>();
const SEARCHES_KEPT = 8;

function copyRegion(region: TextRegion): TextRegion {
  return { ...region, box: { ...region.box } };
}

function searchTextRegions(grey: Uint8Array, width: number, height: number, options: TextRegionOptions): Search {
  const contrast = options.contrast ?? 40;
  const minH = options.minGlyphHeight ?? 4;
  const maxH = options.maxGlyphHeight ?? Math.max(24, Math.min(160, Math.round(Math.min(width, height) / 8)));
  // The neighbourhood must be wider than a glyph so a bold stroke still stands out from its mean.
  const radius = Math.max(8, Math.min(64, Math.round(maxH * 0.6)));
  const mean = boxMean(grey, width, height, radius);
  // Thin dark strokes on a small light patch inside a dark frame barely differ from a mean that sees
  // the frame; against the brightest (darkest) value a stroke-width away they stand out clearly.
  const near = Math.max(3, Math.round(maxH / 8));
  const localMax = slidingExtreme(grey, width, height, near, true);
  const localMin = slidingExtreme(grey, width, height, near, false);
  const out: TextRegion[] = [];
  const columns: TextRegion[] = [];
  const faint = options.faintContrast ?? 24;
  const passes: Array<[boolean, number]> = [[true, contrast], [false, contrast], ...(faint < contrast ? ([[true, faint], [false, faint]] as Array<[boolean, number]>) : [])];
  // The four passes share their working arrays (a 512x512 frame made ~20 MB of garbage per search otherwise).
  const n = width * height;
  const mask = new Uint8Array(n);
  const work = { labels: new Int32Array(n), stack: new Int32Array(n) };
  const noiseSum = new Int32Array((width + 1) * (height + 1));
  for (const [light, threshold] of passes) {
    markInk(mask, grey, mean, localMin, localMax, light, threshold);
    const { list, labels } = components(mask, width, height, work);
    const glyph = list.map((c) => isGlyph(c, minH, maxH));
    // Specks of ink around a glyph mean texture (speckle, noise), not an overlay.
    // Only specks count: a large blob beside a glyph is another ground (a patch edge, a black margin), not texture.
    const speck = Uint8Array.from(list, (c) => (c.bottom - c.top + 1 < minH && c.right - c.left + 1 < 2 * minH ? 1 : 0));
    specksIntegral(mask, labels, speck, width, height, noiseSum);
    // Glyphs with no texture around them: few specks within half a glyph height (`h`) of the box.
    const quiet = (c: Component, h: number): boolean => {
      const pad = Math.ceil(h / 2);
      const box = { left: Math.max(0, c.left - pad), top: Math.max(0, c.top - pad), right: Math.min(width - 1, c.right + pad), bottom: Math.min(height - 1, c.bottom + pad) };
      const area = (box.right - box.left + 1) * (box.bottom - box.top + 1);
      return sumIn(noiseSum, width, box) <= 0.04 * area;
    };
    const glyphs = list.filter((c, i) => glyph[i] && quiet(c, c.bottom - c.top + 1));
    const rows = groupLines(glyphs);
    for (const line of mergeRow(rows)) {
      const box = { left: line.left, top: line.top, width: line.right - line.left + 1, height: line.bottom - line.top + 1 };
      // A big clump many glyphs tall is a textured field (speckle), not a line.
      if (box.width * box.height > 0.25 * width * height && box.height > 2.5 * line.glyphHeight) continue;
      // The faint pass adds only lines the first pass found no line holding (in the same polarity, at any
      // size: holding them at their size only added a tenth more crops, of texture, and no PHI line).
      if (threshold !== contrast && out.some((r) => r.light === light && contains(r.box, box, Math.max(2, Math.round(line.glyphHeight / 3))))) continue;
      out.push({ box, glyphHeight: line.glyphHeight, light, glyphs: line.count });
    }
    for (const column of turnedColumns(list, rows, width, height, minH, maxH, quiet)) {
      if (threshold !== contrast && columns.some((r) => r.light === light && contains(r.box, column.box, Math.max(2, Math.round(column.glyphHeight / 3))))) continue;
      columns.push({ ...column, light });
    }
  }
  // Faint ink on a label patch (grey text, thin strokes of a small face) misses the contrast above: the
  // patch's dark surroundings pull the neighbourhood mean below the patch, so its dark ink is not darker
  // than the mean. On the patch's flat ground any mark is ink: its lines are found against the ground.
  for (const line of patchLines(grey, width, height, minH, work)) {
    if (!out.some((r) => holds(r, line))) out.push(line);
  }
  return { regions: out, columns };
}

/**
 * The columns of one pass's components (see {@link findTextColumns}): components that are glyphs when turned a quarter
 * (their width a glyph's height) and `quiet` at that height, grouped as lines are with rows and columns swapped. A
 * column is kept when it is one glyph wide (at most 1.6 glyph heights), holds three glyphs or more over 2 glyph
 * heights at least, its glyphs small (at most 20 px, or a 24th of the frame's shorter side) and packed, and fewer than half of them lie on lines of the ordinary kind (`rows`, one glyph high, three
 * glyphs or more): down the left edge of a block of lines its first letters stack too, but each sits on its line; and
 * most of its glyphs share one edge across the strip (a baseline).
 */
function turnedColumns(list: Component[], rows: Line[], width: number, height: number, minH: number, maxH: number, quiet: (c: Component, h: number) => boolean): Array<Omit<TextRegion, 'light'>> {
  const turn = (c: Component): Component => ({ left: c.top, top: c.left, right: c.bottom, bottom: c.right, count: c.count });
  const stacked = list.filter((c) => isGlyph(turn(c), minH, maxH) && quiet(c, c.right - c.left + 1)).map(turn);
  if (stacked.length < 3) return [];
  const flat = rows.filter((r) => r.count >= 3 && r.bottom - r.top + 1 <= 1.6 * r.glyphHeight);
  const largest = Math.max(20, Math.round(Math.min(width, height) / 24));
  const out: Array<Omit<TextRegion, 'light'>> = [];
  for (const line of mergeRow(groupLines(stacked))) {
    const across = line.bottom - line.top + 1;
    const along = line.right - line.left + 1;
    // Labels printed turned are small text, their glyphs packed along the strip (at least 0.6 per glyph height): a stack of
    // larger blobs, or of blobs far apart, is anatomy (ribs stack down a chest plate as glyphs of 30 px and more).
    if (line.count < 3 || across > 1.6 * line.glyphHeight || along < 2 * line.glyphHeight || line.glyphHeight > largest || line.count < (0.6 * along) / line.glyphHeight) continue;
    // Its glyphs, in the turned frame: those inside the line's box.
    const members = stacked.filter((g) => g.left >= line.left && g.right <= line.right && g.top >= line.top && g.bottom <= line.bottom);
    const onRows = members.filter((g) => flat.some((r) => g.top >= r.left && g.bottom <= r.right && g.left >= r.top && g.right <= r.bottom)).length;
    if (onRows >= 0.5 * members.length) continue;
    // Glyphs of a line stand on one baseline: most share one edge across the strip (capitals and digits both), where
    // stacked blobs of anatomy or speckle end anywhere.
    const slack = Math.max(1, Math.round(0.15 * line.glyphHeight));
    const aligned = (edge: (g: Component) => number): number => {
      const at = members.map(edge).sort((a, b) => a - b)[members.length >> 1];
      return members.filter((g) => Math.abs(edge(g) - at) <= slack).length;
    };
    if (Math.max(aligned((g) => g.top), aligned((g) => g.bottom)) < 0.6 * members.length) continue;
    out.push({ box: { left: line.top, top: line.left, width: across, height: along }, glyphHeight: line.glyphHeight, glyphs: line.count });
  }
  return out;
}

/**
 * Sets `mask` to 1 where a pixel stands out by `threshold` from its neighbourhood mean, or by twice
 * that from the darkest (lightest) value a stroke away, in the polarity `light`; else 0. A function of
 * its own: V8 optimizes this loop once, where inside the search it was compiled again and again.
 */
function markInk(mask: Uint8Array, grey: Uint8Array, mean: Float32Array, localMin: Uint8Array, localMax: Uint8Array, light: boolean, threshold: number): void {
  // One loop per polarity: the test inside is then one comparison chain, not a choice per pixel.
  const far = 2 * threshold;
  if (light) for (let i = 0; i < mask.length; i++) mask[i] = grey[i] - mean[i] >= threshold || grey[i] - localMin[i] >= far ? 1 : 0;
  else for (let i = 0; i < mask.length; i++) mask[i] = mean[i] - grey[i] >= threshold || localMax[i] - grey[i] >= far ? 1 : 0;
}

/**
 * True when `region` already reads `line`: the same polarity, its box holds the line's, and its glyphs
 * are of the line's size (at most twice as tall). A region of far taller glyphs (a whole label patch
 * taken as one glyph, its crop scaled for that height) holds the line's box but would read its small
 * text at the wrong scale. (Only patch lines are held so; see the faint pass for why.)
 */
function holds(region: Pick<TextRegion, 'box' | 'glyphHeight' | 'light'>, line: Pick<TextRegion, 'box' | 'glyphHeight' | 'light'>): boolean {
  return region.light === line.light && region.glyphHeight <= 2 * line.glyphHeight && contains(region.box, line.box, Math.max(2, Math.round(line.glyphHeight / 3)));
}

/** True when `outer`, grown by `slack` pixels, holds `inner`. */
function contains(outer: Box, inner: Box, slack: number): boolean {
  return inner.left >= outer.left - slack && inner.top >= outer.top - slack && inner.left + inner.width <= outer.left + outer.width + slack && inner.top + inner.height <= outer.top + outer.height + slack;
}

/**
 * The text lines on label patches: flat areas of one level (a plain fill, as overlays draw behind a
 * label, or a grey status bar across the frame), rectangular, smaller than a third of the frame's height, with marks in them. Within each,
 * whatever stands out from the patch's level by more than a third of its strongest mark (at least 16
 * levels) is ink, whatever its absolute contrast; the ink's glyphs are grouped into lines as elsewhere,
 * so a block of several lines on one patch becomes one region per line.
 * @param work (optional) image-sized arrays to work in (as {@link components} takes them).
 */
export function patchLines(grey: Uint8Array, width: number, height: number, minH = 4, work?: { labels: Int32Array; stack: Int32Array }): TextRegion[] {
  // Flat: the 3x3 neighbourhood varies by at most 6 levels (a fill, not anatomy's texture; a smooth
  // gradient is flat too, but its levels drift, so it does not make one patch).
  const flat = flatPixels(grey, width, height, 6);
  const owner = work ? work.labels.fill(-1) : new Int32Array(width * height).fill(-1);
  const stack = work?.stack ?? new Int32Array(width * height);
  const out: TextRegion[] = [];
  const maxPatchHeight = Math.max(48, Math.round(height / 3));
  // The patch's bounds and pixel count, as fillRegion leaves them.
  const bounds = new Int32Array(5);
  // A patch: flat pixels within 6 levels of its first, 4-connected, each labelled in `owner` with that first pixel.
  const fill: RegionFill = { mask: flat, labels: owner, levels: grey, tolerance: 6, diagonal: false, width, height, stack };
  for (let start = 0; start < owner.length; start++) {
    if (owner[start] >= 0 || !flat[start]) continue;
    const level = grey[start];
    fillRegion(fill, start, start, bounds);
    const left = bounds[0];
    const top = bounds[2];
    const w = bounds[1] - left + 1;
    const h = bounds[3] - top + 1;
    const count = bounds[4];
    // A label's size: a line of small text and its margin at least, not the frame's ground. A band across the
    // frame is a status bar when it is grey (light text on mid grey, its top line pressed against its edge),
    // never the frame's black or white ground.
    if (h < minH + 4 || w < 2 * minH || h > maxPatchHeight || (w > 0.9 * width && (level < 24 || level > 231))) continue;
    // A fill is solid: with its marks (the ink) it fills half its box at least, one rectangle or a stack
    // of them (one per line, ragged at one end), where a level of anatomy is a ring or a band. Small dense text leaves
    // few flat pixels, but a quarter at least.
    const box = { left, top, width: w, height: h };
    const { area, outside } = filledArea(owner, width, box, start, stack);
    if (area < 0.5 * w * h || count < 0.25 * area) continue;
    out.push(...linesOnPatch(grey, width, box, outside, level, minH));
  }
  return out;
}

/**
 * Fills, run by run, the region of `start`: pixels of `mask` (1) not yet labelled (`labels` below 0), whose level
 * in `levels` lies within `tolerance` of start's, 4-connected, or 8-connected with `diagonal`. Labels each with
 * `id` and writes the region's left, right, top and bottom and its pixel count into `bounds`. A popped pixel joins
 * the pixels left and right of it on its row, then every run of joining pixels touching that run in the rows above
 * and below gets one seed: each pixel is labelled once, and the set reached is the same as pixel by pixel. A
 * function of its own, so V8 optimizes the fill once (inside a scan over every pixel it was compiled again and again).
 */
function fillRegion(fill: RegionFill, start: number, id: number, bounds: Int32Array): void {
  const { mask, labels, levels, tolerance, diagonal, width, height, stack } = fill;
  const level = levels[start];
  const lastX = width - 1;
  const lastY = height - 1;
  let sp = 0;
  stack[sp++] = start;
  labels[start] = id;
  let left = width;
  let right = -1;
  let top = height;
  let bottom = -1;
  let count = 0;
  while (sp > 0) {
    const p = stack[--sp];
    const x = p % width;
    const row = p - x;
    const y = row / width;
    let a = x;
    while (a > 0 && labels[row + a - 1] < 0 && mask[row + a - 1] === 1 && Math.abs(levels[row + a - 1] - level) <= tolerance) labels[row + --a] = id;
    let b = x;
    while (b < lastX && labels[row + b + 1] < 0 && mask[row + b + 1] === 1 && Math.abs(levels[row + b + 1] - level) <= tolerance) labels[row + ++b] = id;
    count += b - a + 1;
    if (a < left) left = a;
    if (b > right) right = b;
    if (y < top) top = y;
    if (y > bottom) bottom = y;
    const from = diagonal && a > 0 ? a - 1 : a;
    const to = diagonal && b < lastX ? b + 1 : b;
    for (let other = y > 0 ? row - width : row + width, end = y < lastY ? row + width : row - width; other <= end; other += 2 * width) {
      let seeded = false;
      for (let q = other + from, qEnd = other + to; q <= qEnd; q++) {
        if (labels[q] < 0 && mask[q] === 1 && Math.abs(levels[q] - level) <= tolerance) {
          if (!seeded) {
            labels[q] = id;
            stack[sp++] = q;
            seeded = true;
          }
        } else seeded = false;
      }
    }
  }
  bounds[0] = left;
  bounds[1] = right;
  bounds[2] = top;
  bounds[3] = bottom;
  bounds[4] = count;
}

/** What {@link fillRegion} fills: the mask, its labels and levels, and the stack it works in. */
interface RegionFill {
  mask: Uint8Array;
  labels: Int32Array;
  levels: Uint8Array;
  tolerance: number;
  diagonal: boolean;
  width: number;
  height: number;
  stack: Int32Array;
}

/**
 * 1 where the 3x3 neighbourhood of a pixel (clipped at the edges) spans at most `tolerance` levels,
 * else 0: the max minus the min of {@link slidingExtreme} with radius 1, in one pass over rows of three.
 */
function flatPixels(grey: Uint8Array, width: number, height: number, tolerance: number): Uint8Array {
  const n = width * height;
  const rowMax = new Uint8Array(n);
  const rowMin = new Uint8Array(n);
  for (let row = 0; row < n; row += width) {
    for (let x = 0; x < width; x++) {
      const i = row + x;
      let hi = grey[i];
      let lo = hi;
      if (x > 0) {
        const v = grey[i - 1];
        if (v > hi) hi = v;
        if (v < lo) lo = v;
      }
      if (x < width - 1) {
        const v = grey[i + 1];
        if (v > hi) hi = v;
        if (v < lo) lo = v;
      }
      rowMax[i] = hi;
      rowMin[i] = lo;
    }
  }
  const out = new Uint8Array(n);
  for (let y = 0; y < height; y++) {
    const above = y > 0 ? -width : 0;
    const below = y < height - 1 ? width : 0;
    for (let i = y * width, stop = i + width; i < stop; i++) {
      let hi = rowMax[i];
      let lo = rowMin[i];
      const a = rowMax[i + above];
      const b = rowMax[i + below];
      if (a > hi) hi = a;
      if (b > hi) hi = b;
      const c = rowMin[i + above];
      const d = rowMin[i + below];
      if (c < lo) lo = c;
      if (d < lo) lo = d;
      out[i] = hi - lo <= tolerance ? 1 : 0;
    }
  }
  return out;
}

/**
 * The area of a component with its holes: the box's pixels that cannot be reached from the box's edge
 * without crossing the component (`owner` holds each flat pixel's component id); `outside` marks the
 * box's pixels that can (box-sized, row-major). `stack`: at least box-sized, worked in (the fill's, free by then).
 */
function filledArea(owner: Int32Array, width: number, b: Box, id: number, stack: Int32Array): { area: number; outside: Uint8Array } {
  const { left, top, width: w, height: h } = b;
  const outside = new Uint8Array(w * h);
  // Each pixel is pushed once, when marked: a stack of the box's size (or more) never overflows.
  let sp = 0;
  const visit = (x: number, y: number) => {
    const i = y * w + x;
    if (outside[i] === 0 && owner[(top + y) * width + left + x] !== id) {
      outside[i] = 1;
      stack[sp++] = i;
    }
  };
  for (let x = 0; x < w; x++) {
    visit(x, 0);
    visit(x, h - 1);
  }
  for (let y = 0; y < h; y++) {
    visit(0, y);
    visit(w - 1, y);
  }
  let reached = 0;
  while (sp > 0) {
    const i = stack[--sp];
    reached++;
    const x = i % w;
    const y = (i - x) / w;
    if (x > 0) visit(x - 1, y);
    if (x < w - 1) visit(x + 1, y);
    if (y > 0) visit(x, y - 1);
    if (y < h - 1) visit(x, y + 1);
  }
  return { area: w * h - reached, outside };
}

/**
 * The lines of ink on one patch (see {@link patchLines}), by projection: rows holding ink make the
 * bands of lines, and a band's inked columns, split where a gap is wider than the band is high, make
 * its runs of text. Thin or faint glyphs that break into specks still fill their line's rows and
 * columns, where grouping them as components would lose them.
 */
function linesOnPatch(grey: Uint8Array, width: number, patch: Box, outside: Uint8Array, level: number, minH: number): TextRegion[] {
  const { left, top, width: w, height: h } = patch;
  let darker = 0;
  let lighter = 0;
  let strongest = 0;
  for (let y = top; y < top + h; y++) {
    for (let x = left; x < left + w; x++) {
      if (outside[(y - top) * w + x - left]) continue;
      const d = grey[y * width + x] - level;
      if (d < -16) darker++;
      else if (d > 16) lighter++;
      if (Math.abs(d) > strongest) strongest = Math.abs(d);
    }
  }
  if (darker + lighter < 2 * minH) return [];
  const light = lighter > darker;
  const threshold = Math.max(16, strongest / 4);
  // Only marks on the patch: where a ragged stack of line patches leaves the box, the image is not ink.
  const ink = (x: number, y: number) => {
    if (outside[y * w + x]) return false;
    const d = grey[(top + y) * width + left + x] - level;
    return light ? d >= threshold : -d >= threshold;
  };
  const rows: number[] = [];
  for (let y = 0; y < h; y++) {
    let n = 0;
    for (let x = 0; x < w; x++) if (ink(x, y)) n++;
    rows.push(n);
  }
  const out: TextRegion[] = [];
  for (let y = 0; y < h; ) {
    if (rows[y] === 0) {
      y++;
      continue;
    }
    const from = y;
    while (y < h && rows[y] > 0) y++;
    const bandHeight = y - from;
    if (bandHeight < minH) continue;
    const cols: boolean[] = [];
    for (let x = 0; x < w; x++) {
      let any = false;
      for (let yy = from; yy < y && !any; yy++) any = ink(x, yy);
      cols.push(any);
    }
    // Runs of inked columns; a gap wider than twice the band's height (a column gap, not a word space) ends a run of text.
    let runStart = -1;
    let runEnd = -1;
    let pieces = 0;
    const flush = () => {
      const runWidth = runEnd - runStart + 1;
      if (runStart >= 0 && (pieces >= 2 || runWidth >= 1.2 * bandHeight)) {
        out.push({ box: { left: left + runStart, top: top + from, width: runWidth, height: bandHeight }, glyphHeight: bandHeight, light, glyphs: pieces });
      }
      runStart = -1;
      pieces = 0;
    };
    for (let x = 0; x < w; x++) {
      if (!cols[x]) continue;
      if (runStart >= 0 && x - runEnd - 1 > 2 * bandHeight) flush();
      if (runStart < 0) runStart = x;
      if (x === 0 || !cols[x - 1]) pieces++;
      runEnd = x;
    }
    flush();
  }
  return out;
}

function isGlyph(c: Component, minH: number, maxH: number): boolean {
  const w = c.right - c.left + 1;
  const h = c.bottom - c.top + 1;
  if (h < minH || h > maxH) return false;
  // Touching glyphs make a wide component; an extremely wide one is a rule or an edge.
  if (w > 25 * h) return false;
  // Solid blocks (patches, bright organs) are not strokes.
  if (w > 3 && h > 3 && c.count / (w * h) > 0.9) return false;
  return true;
}

/**
 * The max (or min) over the (2r+1)² square around every pixel, clipped at the edges: two separable
 * van Herk / Gil-Werman passes, O(1) per pixel, each along rows of memory (the vertical pass works on
 * whole rows at once, not down columns). The min is the max of the inverted values (255 - v).
 */
export function slidingExtreme(grey: Uint8Array, width: number, height: number, r: number, max: boolean): Uint8Array {
  // 255 - v is v ^ 255 on bytes: the first pass inverts as it reads and the second as it writes (no passes of their own).
  const flip = max ? 0 : 255;
  return verticalMax(horizontalMax(grey, width, height, r, flip), width, height, r, flip);
}

/**
 * The max over [x - r, x + r] of every row of `src ^ flip` (0, or 255 for the inverted values), clipped to the row.
 * Away from the ends a window is the suffix of one block of 2r+1 values joined with the prefix of the next (or one
 * whole block: then both are its max); windows clipped by an end are running maxima from that end.
 */
function horizontalMax(src: Uint8Array, width: number, height: number, r: number, flip: number): Uint8Array {
  const out = new Uint8Array(src.length);
  const pre = new Uint8Array(width);
  const suf = new Uint8Array(width);
  const w = 2 * r + 1;
  const leftEnd = Math.min(r, width);
  const rightStart = Math.max(r, width - r);
  for (let row = 0; row < src.length; row += width) {
    for (let start = 0; start < width; start += w) {
      const end = Math.min(width, start + w);
      let m = src[row + start] ^ flip;
      pre[start] = m;
      for (let j = start + 1; j < end; j++) {
        const v = src[row + j] ^ flip;
        if (v > m) m = v;
        pre[j] = m;
      }
      m = src[row + end - 1] ^ flip;
      suf[end - 1] = m;
      for (let j = end - 2; j >= start; j--) {
        const v = src[row + j] ^ flip;
        if (v > m) m = v;
        suf[j] = m;
      }
    }
    for (let j = r; j < width - r; j++) {
      const s = suf[j - r];
      const q = pre[j + r];
      out[row + j] = s > q ? s : q;
    }
    // Clipped at the left end: [0, j + r].
    let m = src[row] ^ flip;
    let e = 0;
    for (let j = 0; j < leftEnd; j++) {
      const to = Math.min(width - 1, j + r);
      while (e < to) {
        const v = src[row + ++e] ^ flip;
        if (v > m) m = v;
      }
      out[row + j] = m;
    }
    // Clipped at the right end: [j - r, width - 1].
    m = src[row + width - 1] ^ flip;
    let a = width - 1;
    for (let j = width - 1; j >= rightStart; j--) {
      const from = j - r;
      while (a > from) {
        const v = src[row + --a] ^ flip;
        if (v > m) m = v;
      }
      out[row + j] = m;
    }
  }
  return out;
}

/**
 * The max over [y - r, y + r] of every column, clipped to the image, computed a row at a time (as {@link horizontalMax}),
 * written `^ flip` (0, or 255 for the inverted values).
 */
function verticalMax(src: Uint8Array, width: number, height: number, r: number, flip: number): Uint8Array {
  const out = new Uint8Array(src.length);
  const pre = new Uint8Array(src.length);
  const suf = new Uint8Array(src.length);
  const w = 2 * r + 1;
  for (let start = 0; start < height; start += w) {
    const end = Math.min(height, start + w);
    pre.set(src.subarray(start * width, (start + 1) * width), start * width);
    for (let y = start + 1; y < end; y++) {
      for (let i = y * width, k = i - width, stop = i + width; i < stop; i++, k++) {
        const v = src[i];
        const m = pre[k];
        pre[i] = v > m ? v : m;
      }
    }
    suf.set(src.subarray((end - 1) * width, end * width), (end - 1) * width);
    for (let y = end - 2; y >= start; y--) {
      for (let i = y * width, k = i + width, stop = i + width; i < stop; i++, k++) {
        const v = src[i];
        const m = suf[k];
        suf[i] = v > m ? v : m;
      }
    }
  }
  for (let y = r; y < height - r; y++) {
    for (let i = y * width, s = (y - r) * width, q = (y + r) * width, stop = i + width; i < stop; i++, s++, q++) {
      const a = suf[s];
      const b = pre[q];
      out[i] = (a > b ? a : b) ^ flip;
    }
  }
  // Clipped at the top: rows [0, y + r]; at the bottom: rows [y - r, height - 1] (running maxima).
  const acc = src.slice(0, width);
  let e = 0;
  for (let y = 0; y < Math.min(r, height); y++) {
    for (const to = Math.min(height - 1, y + r); e < to; ) {
      e++;
      for (let x = 0, i = e * width; x < width; x++, i++) if (src[i] > acc[x]) acc[x] = src[i];
    }
    for (let x = 0, i = y * width; x < width; x++, i++) out[i] = acc[x] ^ flip;
  }
  acc.set(src.subarray((height - 1) * width, height * width));
  let a = height - 1;
  for (let y = height - 1; y >= Math.max(r, height - r); y--) {
    for (const from = y - r; a > from; ) {
      a--;
      for (let x = 0, i = a * width; x < width; x++, i++) if (src[i] > acc[x]) acc[x] = src[i];
    }
    for (let x = 0, i = y * width; x < width; x++, i++) out[i] = acc[x] ^ flip;
  }
  return out;
}

/** Summed-area table, (width+1) x (height+1). */
function integral(values: Uint8Array, width: number, height: number): Float64Array {
  const w1 = width + 1;
  const sum = new Float64Array(w1 * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      row += values[y * width + x];
      sum[(y + 1) * w1 + x + 1] = sum[y * w1 + x + 1] + row;
    }
  }
  return sum;
}

/**
 * The summed-area table (as {@link integral}) of the mask pixels whose component is a speck, written
 * into `sum` (its first row and column must be 0).
 */
function specksIntegral(mask: Uint8Array, labels: Int32Array, speck: Uint8Array, width: number, height: number, sum: Int32Array): void {
  const w1 = width + 1;
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0, i = y * width; x < width; x++, i++) {
      if (mask[i] === 1) row += speck[labels[i]];
      sum[(y + 1) * w1 + x + 1] = sum[y * w1 + x + 1] + row;
    }
  }
}

/** Sum of the values in an inclusive box, from a summed-area table. */
function sumIn(sum: Float64Array | Int32Array, width: number, b: { left: number; top: number; right: number; bottom: number }): number {
  const w1 = width + 1;
  return sum[(b.bottom + 1) * w1 + b.right + 1] - sum[b.top * w1 + b.right + 1] - sum[(b.bottom + 1) * w1 + b.left] + sum[b.top * w1 + b.left];
}

/** Mean of the (2r+1)² neighbourhood of every pixel, from an integral image. */
function boxMean(grey: Uint8Array, width: number, height: number, r: number): Float32Array {
  const w1 = width + 1;
  const sum = integral(grey, width, height);
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const y0 = Math.max(0, y - r);
    const y1 = Math.min(height, y + r + 1);
    for (let x = 0; x < width; x++) {
      const x0 = Math.max(0, x - r);
      const x1 = Math.min(width, x + r + 1);
      const s = sum[y1 * w1 + x1] - sum[y0 * w1 + x1] - sum[y1 * w1 + x0] + sum[y0 * w1 + x0];
      out[y * width + x] = s / ((y1 - y0) * (x1 - x0));
    }
  }
  return out;
}

/**
 * 8-connected components of a 0/1 mask, in the order of their first pixel, by flood fill with an
 * explicit stack; `labels` maps pixels to component indices (-1 off the mask).
 * @param work (optional) mask-sized arrays to work in, so repeated calls allocate nothing; the
 *   labels returned are then `work.labels`, overwritten by the next call given it.
 */
export function components(mask: Uint8Array, width: number, height: number, work?: { labels: Int32Array; stack: Int32Array }): { list: Component[]; labels: Int32Array } {
  const labels = work ? work.labels.fill(-1) : new Int32Array(mask.length).fill(-1);
  const stack = work?.stack ?? new Int32Array(mask.length);
  const out: Component[] = [];
  // Every mask pixel joins whatever its level (the mask is its own level, and any difference passes).
  const fill: RegionFill = { mask, labels, levels: mask, tolerance: 255, diagonal: true, width, height, stack };
  const bounds = new Int32Array(5);
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || labels[start] >= 0) continue;
    fillRegion(fill, start, out.length, bounds);
    out.push({ left: bounds[0], top: bounds[2], right: bounds[1], bottom: bounds[3], count: bounds[4] });
  }
  return { list: out, labels };
}

/**
 * Joins lines of one row whose gap is under two glyph heights (a word split off by a wide space or
 * a broken glyph), so a name is read as one line, not in pieces.
 */
function mergeRow(lines: Line[]): Line[] {
  const out = [...lines].sort((a, b) => a.left - b.left);
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < out.length && !changed; i++) {
      for (let j = i + 1; j < out.length; j++) {
        const a = out[i];
        const b = out[j];
        const ha = a.bottom - a.top + 1;
        const hb = b.bottom - b.top + 1;
        const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) + 1;
        const gap = Math.max(a.left, b.left) - Math.min(a.right, b.right);
        if (overlap < 0.5 * Math.min(ha, hb) || gap > 2 * Math.max(a.glyphHeight, b.glyphHeight)) continue;
        if (Math.max(ha, hb) > 2.5 * Math.min(ha, hb)) continue;
        out[i] = { left: Math.min(a.left, b.left), top: Math.min(a.top, b.top), right: Math.max(a.right, b.right), bottom: Math.max(a.bottom, b.bottom), count: a.count + b.count, glyphHeight: Math.max(a.glyphHeight, b.glyphHeight) };
        out.splice(j, 1);
        changed = true;
        break;
      }
    }
  }
  return out;
}

interface Line extends Component {
  glyphHeight: number;
}

/**
 * Links glyphs that sit on one line: heights within a factor 2.5, vertical overlap of at least half
 * the smaller height, horizontal gap under 1.2 glyph heights (word spaces are ~0.3 em).
 * Lone glyphs narrower than they are tall (a single `L` or digit) are not lines: one character is
 * not PHI on its own, and a middle initial sits beside the rest of the name.
 */
function groupLines(glyphs: Component[]): Line[] {
  const sorted = [...glyphs].sort((a, b) => a.left - b.left);
  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  let widest = 0;
  for (const g of sorted) widest = Math.max(widest, g.bottom - g.top + 1);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    const ha = a.bottom - a.top + 1;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j];
      if (b.left > a.right + 1.2 * widest) break;
      const hb = b.bottom - b.top + 1;
      const gap = b.left - a.right - 1;
      if (gap > 1.2 * Math.max(ha, hb)) continue;
      if (Math.max(ha, hb) > 2.5 * Math.min(ha, hb)) continue;
      const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) + 1;
      if (overlap < 0.5 * Math.min(ha, hb)) continue;
      parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, Line>();
  sorted.forEach((g, i) => {
    const root = find(i);
    const h = g.bottom - g.top + 1;
    const line = groups.get(root);
    if (!line) groups.set(root, { ...g, count: 1, glyphHeight: h });
    else {
      line.left = Math.min(line.left, g.left);
      line.top = Math.min(line.top, g.top);
      line.right = Math.max(line.right, g.right);
      line.bottom = Math.max(line.bottom, g.bottom);
      line.count++;
      line.glyphHeight = Math.max(line.glyphHeight, h);
    }
  });
  return [...groups.values()].filter((l) => l.count >= 2 || l.right - l.left + 1 >= 1.2 * (l.bottom - l.top + 1));
}
