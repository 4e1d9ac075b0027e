/**
 * The whole ink of a word, from the pixels rather than from OCR's word box. OCR boxes what it read:
 * a word read short (`A81998` of `A81998973`, the last digits on a brighter ground) or boxed on its
 * binarised glyphs leaves characters and anti-aliased rims outside. Here the glyphs under the box are
 * found as connected components of ink, and the box grows to every glyph of the same run of text:
 * components on the same line closer than a word space, so a cut word is covered to its end and a
 * separate word beside it is not.
 */
import { flattenGround } from '../engines/local/text-mosaic.js';
import { components, type Component } from '../image/text-regions.js';
import type { Box, DisplayImage } from '../image/types.js';
import { clearOf, KEPT_CLEARANCE } from './kept-lines.js';

/**
 * The brightest channel of `image` in the window of `w` x `h` pixels at (`left`, `top`). This loop and
 * {@link inkMask} are functions of their own: V8 optimizes each once, where inside glyphExtent they
 * were compiled again with it, finding after finding.
 */
function windowGrey(image: DisplayImage, left: number, top: number, w: number, h: number): Uint8Array {
  const grey = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = ((top + y) * image.width + left + x) * image.channels;
      grey[y * w + x] = image.channels === 1 ? image.data[p] : Math.max(image.data[p], image.data[p + 1], image.data[p + 2]);
    }
  }
  return grey;
}

/** The grey levels of a window around a box, the box within it, and whether its ink is lighter than the ground. */
interface InkWindow {
  left: number;
  top: number;
  width: number;
  height: number;
  grey: Uint8Array;
  inBox: Box;
  light: boolean;
}

/** The window `side` pixels left and right of `box` and `vertical` above and below, clipped to the image; undefined when empty. */
function inkWindow(image: DisplayImage, box: Box, side: number, vertical: number): InkWindow | undefined {
  const left = Math.max(0, box.left - side);
  const top = Math.max(0, box.top - vertical);
  const width = Math.min(image.width, box.left + box.width + side) - left;
  const height = Math.min(image.height, box.top + box.height + vertical) - top;
  if (width <= 0 || height <= 0) return undefined;
  const grey = windowGrey(image, left, top, width, height);
  const inBox = { left: box.left - left, top: box.top - top, width: box.width, height: box.height };
  return { left, top, width, height, grey, inBox, light: lightInk(grey, width, inBox) };
}

/** 1 where the flattened ink (in the polarity `light`) reaches 80, else 0. */
function inkMask(flat: Uint8Array, light: boolean): Uint8Array {
  const mask = new Uint8Array(flat.length);
  for (let i = 0; i < mask.length; i++) if ((light ? flat[i] : 255 - flat[i]) >= 80) mask[i] = 1;
  return mask;
}

/**
 * Grows `box` (image pixels) to the full extent of the glyphs it covers and of the glyphs that
 * continue them on the same line (gaps under a word space), never into `others` (the boxes of words
 * OCR read separately, which are not part of this one). Returns at least `box`, clipped to the image,
 * except beside `kept` lines (the bands of harmless lines the kit keeps, {@link clearOf}): a box OCR
 * made taller than its line reaches into them, so the glyphs there are theirs, and the box is cut to
 * its own glyphs on their side and stops short of them. When the glyphs of the word cannot be told
 * from theirs (a kept band across two lines of glyphs, none left under the box), the box stays tall.
 */
export function glyphExtent(image: DisplayImage, box: Box, others: readonly Box[] = [], kept: readonly Box[] = []): Box {
  const h = Math.max(4, box.height);
  // A window around the box: several characters (or the box's own width) on each side, half a line above and below.
  const side = Math.max(6 * h, box.width);
  const around = inkWindow(image, box, side, Math.ceil(h / 2));
  if (!around) return box;
  const { left: wl, top: wt, width: w, height: wh, grey, inBox, light } = around;
  // Ink is what stands out from the ground a stroke-width away, relative to the strongest ink near it
  // (the same flattening the OCR crops get), so glyphs on a brighter part of the ground count too.
  const flat = flattenGround(grey, w, wh, h, light);
  const mask = inkMask(flat, light);
  const { list } = components(mask, w, wh);
  // Glyph-high; touching glyphs (small bold text) may run a whole word long, but solid blocks are not ink.
  const glyphLike = (c: Component) => {
    const cw = c.right - c.left + 1;
    const ch = c.bottom - c.top + 1;
    return ch <= 1.6 * h && cw <= 25 * ch && !(cw > 3 && ch > 3 && c.count > 0.9 * cw * ch);
  };
  const overlapsBox = (c: Component) => c.right >= inBox.left && c.left < inBox.left + inBox.width && c.bottom >= inBox.top && c.top < inBox.top + inBox.height;
  const under = list.filter((c) => glyphLike(c) && overlapsBox(c) && c.count >= 2);
  if (under.length === 0) return box;
  // Kept lines the padded box reaches (in window pixels): their glyphs under the box are not the word's.
  const near = kept
    .map((k) => ({ left: k.left - wl, top: k.top - wt, width: k.width, height: k.height }))
    .filter((k) => k.left < inBox.left + inBox.width && inBox.left < k.left + k.width && k.top < inBox.top + inBox.height + KEPT_CLEARANCE && inBox.top - KEPT_CLEARANCE < k.top + k.height);
  const own = ownGlyphs(under, near, inBox);
  const seeds = own ?? under;
  const union = { left: inBox.left, top: inBox.top, right: inBox.left + inBox.width - 1, bottom: inBox.top + inBox.height - 1 };
  if (own) {
    // The word's own rows on the side of a kept line; the box's on the others.
    const top = Math.min(...own.map((c) => c.top));
    const bottom = Math.max(...own.map((c) => c.bottom));
    const middle = (top + bottom) / 2;
    if (near.some((k) => k.top + k.height / 2 < middle)) union.top = top;
    if (near.some((k) => k.top + k.height / 2 >= middle)) union.bottom = bottom;
  }
  // The rows of the glyphs taken (the box may run higher than they do).
  const ink = { top: Infinity, bottom: -Infinity };
  const take = (c: Component) => {
    extend(union, c);
    ink.top = Math.min(ink.top, c.top);
    ink.bottom = Math.max(ink.bottom, c.bottom);
  };
  for (const c of seeds) take(c);
  // A word space is wider than any gap between the letters of a word; gaps under it continue the word.
  const space = wordSpace(seeds, h);
  const reach = Math.max(2 * h, 0.8 * box.width);
  // Letters of the word share its height and its cap line or baseline; specks of texture do not.
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
  const seedHeight = median(seeds.map((c) => c.bottom - c.top + 1));
  const seedTop = median(seeds.map((c) => c.top));
  const seedBottom = median(seeds.map((c) => c.bottom));
  const bandTop = union.top;
  const bandBottom = union.bottom;
  const inBand = (c: Component) => {
    const mid = (c.top + c.bottom) / 2;
    return mid >= bandTop && mid <= bandBottom;
  };
  // Glyphs of another word OCR read on its own are that word's, not a continuation of this one.
  const blocked = (c: Component) => {
    const cx = wl + (c.left + c.right) / 2;
    const cy = wt + (c.top + c.bottom) / 2;
    return others.some((o) => cx >= o.left && cx < o.left + o.width && cy >= o.top && cy < o.top + o.height && !(o.left >= box.left && o.left + o.width <= box.left + box.width));
  };
  const candidates = list.filter((c) => glyphLike(c) && !seeds.includes(c) && inBand(c) && !blocked(c));
  const letter = (c: Component) => c.bottom - c.top + 1 >= 0.5 * seedHeight && (Math.abs(c.top - seedTop) <= 0.3 * h || Math.abs(c.bottom - seedBottom) <= 0.3 * h);
  const letters = candidates.filter(letter);
  // Small marks (`^`, `-`, `.`) between letters shorten the gap they sit in, so `DOE^JOHN` and `2016-05-07` stay one run.
  const marks = candidates.filter((c) => !letter(c));
  const gapTo = (c: Component): number => {
    const [from, to] = c.left > union.right ? [union.right + 1, c.left - 1] : [c.right + 1, union.left - 1];
    let gap = to - from + 1;
    for (const m of marks) if (m.left >= from && m.right <= to) gap -= m.right - m.left + 1;
    return gap;
  };
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of letters) {
      if (c.left >= union.left && c.right <= union.right) continue;
      if (gapTo(c) > space) continue;
      // OCR reads most of a word it cuts short: grow by less than the box again on each side, so a
      // chain of specks in speckle does not run on across the image.
      if (c.left < inBox.left - reach || c.right > inBox.left + inBox.width + reach) continue;
      for (const m of marks) if ((m.left > union.right && m.right < c.left) || (m.right < union.left && m.left > c.right)) take(m);
      take(c);
      grew = true;
    }
  }
  // Marks ending the run (a comma, a closing dot) are part of it.
  for (const m of marks) if (gapTo(m) <= space) take(m);
  // One pixel more on every side: the faint anti-aliased rim of the glyphs lies outside their ink.
  const left = Math.max(0, wl + union.left - 1);
  const top = Math.max(0, wt + union.top - 1);
  const right = Math.min(image.width, wl + union.right + 2);
  const bottom = Math.min(image.height, wt + union.bottom + 2);
  const grown = { left, top, width: right - left, height: bottom - top };
  if (!own) return grown;
  // Stop short of the kept lines, never past the glyphs of the word (and their rim).
  return clearOf(grown, kept, { cover: { top: Math.max(0, wt + ink.top - 1), bottom: Math.min(image.height, wt + ink.bottom + 2) } });
}

/**
 * The glyphs under a box that are the word's, not those of the `near` kept lines (window pixels) it reaches
 * into: glyphs whose middle row lies in the rows of a kept band are that line's (a line runs on past the
 * words read on it: `TE:` unread before a kept `55`). Undefined when there is no kept line near, or the
 * word's glyphs cannot be told from theirs: none left, a kept band across the word's letters (its band
 * is not its line's), or the glyphs left fill fewer of the box's columns than the kept line's do or under
 * half of them (OCR boxes a word to its width; the line beside it is seldom as wide).
 */
function ownGlyphs(under: Component[], near: Box[], box: Box): Component[] | undefined {
  if (near.length === 0) return undefined;
  const middle = (c: Component) => (c.top + c.bottom) / 2;
  const keptRow = (c: Component) => near.some((k) => middle(c) >= k.top && middle(c) < k.top + k.height);
  const own = under.filter((c) => !keptRow(c));
  if (own.length === 0) return undefined;
  const tall = Math.max(...own.map((c) => c.bottom - c.top + 1));
  const letters = own.filter((c) => c.bottom - c.top + 1 >= 0.5 * tall);
  // A kept band reaching a third of the way across the word's letters is no line of its own.
  const across = (k: Box, c: Component) => Math.min(c.bottom + 1, k.top + k.height) - Math.max(c.top, k.top) > (c.bottom - c.top + 1) / 3;
  if (near.some((k) => letters.some((c) => across(k, c)))) return undefined;
  const columns = (list: Component[]) => {
    const filled = new Uint8Array(box.width);
    for (const c of list) for (let x = Math.max(box.left, c.left); x <= Math.min(box.left + box.width - 1, c.right); x++) filled[x - box.left] = 1;
    return filled.reduce((n, v) => n + v, 0);
  };
  const mine = columns(own);
  if (mine < 0.5 * box.width || mine <= columns(under.filter(keptRow))) return undefined;
  return own;
}

function extend(u: { left: number; top: number; right: number; bottom: number }, c: Component): void {
  u.left = Math.min(u.left, c.left);
  u.top = Math.min(u.top, c.top);
  u.right = Math.max(u.right, c.right);
  u.bottom = Math.max(u.bottom, c.bottom);
}

/**
 * True when the ink in the box is lighter than its ground. The ground fills most of a word's box, so
 * it is the box's median; the ink is the tail further from it (the brightest or the darkest 5%).
 */
function lightInk(grey: Uint8Array, width: number, b: Box): boolean {
  const values: number[] = [];
  for (let y = b.top; y < b.top + b.height; y++) for (let x = b.left; x < b.left + b.width; x++) values.push(grey[y * width + x]);
  values.sort((p, q) => p - q);
  const at = (q: number) => values[Math.min(values.length - 1, Math.floor(q * values.length))];
  const median = at(0.5);
  return at(0.95) - median >= median - at(0.05);
}

/**
 * The largest gap still inside a word, from the gaps between the glyphs under the box: most of them
 * are letter gaps (a box holds more letters than word spaces). Digits like `1` sit in wide cells, so
 * the bound is generous (2.5 typical gaps); neighbouring words OCR read are kept out by `others`.
 * At least 3 px, at most half the glyph height.
 */
function wordSpace(seeds: Component[], h: number): number {
  const sorted = [...seeds].sort((a, b) => a.left - b.left);
  const gaps: number[] = [];
  for (let i = 1; i < sorted.length; i++) gaps.push(Math.max(0, sorted[i].left - sorted[i - 1].right - 1));
  gaps.sort((a, b) => a - b);
  const typical = gaps.length ? gaps[Math.floor(gaps.length / 2)] : 1;
  return Math.max(3, Math.min(Math.floor(0.5 * h), Math.round(2.5 * typical + 2)));
}

/** Rows a fill may reach above and below a box (`bottom` exclusive); a side without a bound is unbounded. */
export interface LineGap {
  top?: number;
  bottom?: number;
}

/**
 * How far up and down the padding of a fill over `box` (a PHI word's whole glyphs, {@link glyphExtent}) may reach
 * before it cuts into the ink of the line above or below: with lines 1.1–1.2 font sizes apart, 3 pixels of padding
 * take a strip off the next line's letters (`Age 55` under a name). Glyphs of another line are the components of
 * ink, within `reach` rows of the box and sharing its (padded) columns, that lie wholly above or below it and are
 * letter-high (a third of the box's height or more: an accent, a comma or a speck of texture does not stop the
 * padding); the bound leaves their anti-aliased rim a row. The padding still covers the rim of the word's own glyphs
 * (the components under the box), and the box itself is always filled whole. Undefined when no such ink is near,
 * or no glyph is found under the box (then the padding is all the margin there is).
 */
export function lineGap(image: DisplayImage, box: Box, reach: number): LineGap | undefined {
  const h = Math.max(4, box.height);
  const around = inkWindow(image, box, reach, reach + h);
  if (!around) return undefined;
  const { top: wt, width: w, height: wh, grey, inBox, light } = around;
  const { list } = components(inkMask(flattenGround(grey, w, wh, h, light), light), w, wh);
  const top = inBox.top;
  const bottom = inBox.top + inBox.height - 1;
  const own = list.filter((c) => c.count >= 2 && c.bottom >= top && c.top <= bottom && c.right >= inBox.left && c.left < inBox.left + inBox.width);
  if (own.length === 0) return undefined;
  const ownTop = Math.min(...own.map((c) => c.top));
  const ownBottom = Math.max(...own.map((c) => c.bottom));
  const letter = (c: Component) => c.bottom - c.top + 1 >= h / 3 && c.count >= 3;
  const gap: LineGap = {};
  for (const c of list) {
    if (!letter(c)) continue;
    if (c.bottom < top && c.bottom >= top - reach) gap.top = Math.max(gap.top ?? -Infinity, wt + c.bottom + 2);
    else if (c.top > bottom && c.top <= bottom + reach) gap.bottom = Math.min(gap.bottom ?? Infinity, wt + c.top - 1);
  }
  // Never short of the rim of the word's own glyphs, nor inside the box.
  if (gap.top !== undefined) gap.top = Math.min(gap.top, box.top, wt + ownTop - 1);
  if (gap.bottom !== undefined) gap.bottom = Math.max(gap.bottom, box.top + box.height, wt + ownBottom + 2);
  return gap.top === undefined && gap.bottom === undefined ? undefined : gap;
}
