/**
 * Fills stop short of the lines kept beside them. A box filled over PHI (or over a line nobody could read)
 * is padded by the redaction; when OCR boxed the word taller than its line (a 9 px date boxed 21 px high),
 * box and padding reach into the harmless line above or below; the padding of a box grown up to the next
 * word reaches into that word (a narrow face leaves two pixels between words). The lines the kit keeps (read
 * well and vouched harmless) are known, so a fill is made shorter or narrower on their side, never so small
 * that it uncovers the glyphs it was made for.
 */
import { columnsShared, onOneLine } from '../image/boxes.js';
import type { Box } from '../image/types.js';

/** Pixels between a fill and a kept line beside it: the redaction pads each box by 3 (redactPixelPhi's default), and one more. */
export const KEPT_CLEARANCE = 4;

/** Rows a fill must cover whatever the kept lines beside it (`bottom` exclusive). */
export interface Rows {
  top: number;
  bottom: number;
}

/** Options of {@link clearOf}. */
export interface ClearOptions {
  /** The glyph rows the box must still cover: it is cut no further (optional). */
  cover?: Rows;
  /** Least height left; a box that would be shorter is returned as it was (default: 1). */
  least?: number;
}

/**
 * `box` made shorter, top and bottom, so that padded by the redaction ({@link KEPT_CLEARANCE}) it leaves
 * the `kept` lines above and below it whole. A kept line is above or below by its middle against the
 * middle of `cover` (else of the box); a kept line across the rows of `cover` says nothing (it is the
 * glyphs' own line). Never cut past `cover`, and returned unchanged when it would keep under `least`
 * rows: the fill fails closed.
 * @example clearOf({ left: 80, top: 49, width: 56, height: 21 }, [{ left: 10, top: 50, width: 120, height: 8 }], { cover: { top: 61, bottom: 71 } }) // top 62
 */
export function clearOf(box: Box, kept: readonly Box[], options: ClearOptions = {}): Box {
  const { cover } = options;
  const middle = cover ? (cover.top + cover.bottom) / 2 : box.top + box.height / 2;
  let top = box.top;
  let bottom = box.top + box.height;
  for (const k of kept) {
    const across = columnsShared(box, k);
    if (across <= 0 || k.top + k.height + KEPT_CLEARANCE <= top || k.top - KEPT_CLEARANCE >= bottom) continue;
    if (cover && k.top < cover.bottom && k.top + k.height > cover.top) continue;
    if (k.top + k.height / 2 >= middle) bottom = Math.min(bottom, k.top - KEPT_CLEARANCE);
    else top = Math.max(top, k.top + k.height + KEPT_CLEARANCE);
  }
  if (cover) {
    top = Math.min(top, cover.top);
    bottom = Math.max(bottom, cover.bottom);
  }
  return bottom - top >= (options.least ?? 1) ? { ...box, top, height: bottom - top } : box;
}

/** Columns a fill must cover whatever the kept lines beside it (`right` exclusive). */
export interface Columns {
  left: number;
  right: number;
}

/**
 * `band` (a fill across a line) made narrower, left and right, so that padded by the redaction
 * ({@link KEPT_CLEARANCE}) it leaves whole the `kept` lines on its own line (sharing half their height):
 * the other column of a two-column row (`Series: AX LUNG` beside a name nobody read). A kept line is
 * left or right by its middle against the middle of `cover`; one across the columns of `cover` says
 * nothing. Never cut into `cover`, the columns the band was made for.
 * @example clearAlong({ left: 40, top: 50, width: 200, height: 10 }, [{ left: 150, top: 51, width: 60, height: 9 }], { left: 90, right: 120 }) // width 106: up to column 146
 */
export function clearAlong(band: Box, kept: readonly Box[], cover: Columns): Box {
  const middle = (cover.left + cover.right) / 2;
  let left = band.left;
  let right = band.left + band.width;
  for (const k of kept) {
    if (!onOneLine(band, k) || k.left + k.width + KEPT_CLEARANCE <= left || k.left - KEPT_CLEARANCE >= right) continue;
    if (k.left < cover.right && k.left + k.width > cover.left) continue;
    if (k.left + k.width / 2 >= middle) right = Math.min(right, k.left - KEPT_CLEARANCE);
    else left = Math.max(left, k.left + k.width + KEPT_CLEARANCE);
  }
  left = Math.min(left, cover.left);
  right = Math.max(right, cover.right);
  return { ...band, left, width: right - left };
}

/**
 * `box` (a word read badly) cut a clearance ({@link KEPT_CLEARANCE}) short of the `kept` lines on its line
 * that reach into it, from the side of their middle: the part of it over a kept line is that line's glyphs,
 * which another reading read well (garbage boxed across a value and the harmless column beside it).
 * Undefined when nothing of it is left: it lies within a kept line.
 */
export function outsideKept(box: Box, kept: readonly Box[]): Box | undefined {
  const middle = box.left + box.width / 2;
  let left = box.left;
  let right = box.left + box.width;
  for (const k of kept) {
    if (!onOneLine(box, k) || k.left >= right || k.left + k.width <= left) continue;
    if (k.left + k.width / 2 >= middle) right = Math.min(right, k.left - KEPT_CLEARANCE);
    else left = Math.max(left, k.left + k.width + KEPT_CLEARANCE);
  }
  return right > left ? { ...box, left, width: right - left } : undefined;
}

/** The rows and columns a fill may reach (`bottom` and `right` exclusive); a side without a bound is unbounded. */
export interface FillBounds {
  top?: number;
  bottom?: number;
  left?: number;
  right?: number;
}

/**
 * The rows and columns a fill around `box` may reach, padding and all: up to one row short of the
 * `kept` lines above and below it (across its columns), and one column short of those beside it on its
 * line (sharing half their height), within `reach` pixels of it, never inside `box`. Undefined when no
 * kept line is that near. The padding stops there; the box itself is always filled whole.
 */
export function fillBounds(box: Box, kept: readonly Box[], reach: number): FillBounds | undefined {
  const bounds: FillBounds = {};
  const bottom = box.top + box.height;
  const right = box.left + box.width;
  for (const k of kept) {
    const across = columnsShared(box, k);
    if (across > 0) {
      if (k.top + k.height <= box.top && k.top + k.height >= box.top - reach) bounds.top = Math.max(bounds.top ?? -Infinity, Math.min(box.top, k.top + k.height + 1));
      else if (k.top >= bottom && k.top <= bottom + reach) bounds.bottom = Math.min(bounds.bottom ?? Infinity, Math.max(bottom, k.top - 1));
    } else if (onOneLine(box, k)) {
      if (k.left >= right && k.left <= right + reach) bounds.right = Math.min(bounds.right ?? Infinity, Math.max(right, k.left - 1));
      else if (k.left + k.width <= box.left && k.left + k.width >= box.left - reach) bounds.left = Math.max(bounds.left ?? -Infinity, Math.min(box.left, k.left + k.width + 1));
    }
  }
  return Object.keys(bounds).length > 0 ? bounds : undefined;
}
