import type { Box } from './types.js';

/** True when most (over half) of `a`'s area lies inside `b`. */
export function coveredBy(a: Box, b: Box): boolean {
  const w = columnsShared(a, b);
  const h = rowsShared(a, b);
  return w > 0 && h > 0 && w * h > 0.5 * a.width * a.height;
}

/** True when two boxes share any pixel. */
export function overlapping(a: Box, b: Box): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

/** How many rows `a` and `b` share (negative: the gap between them). */
export function rowsShared(a: Box, b: Box): number {
  return Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
}

/** How many columns `a` and `b` share (negative: the gap between them). */
export function columnsShared(a: Box, b: Box): number {
  return Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
}

/** True when `a` and `b` share at least half the height of the shorter one: they lie on one line. */
export function onOneLine(a: Box, b: Box): boolean {
  return rowsShared(a, b) >= 0.5 * Math.min(a.height, b.height);
}

/** How many of `box`'s columns (pixels across) lie under at least one of `boxes`. */
export function columnsCovered(box: Box, boxes: readonly Box[]): number {
  const covered = new Uint8Array(Math.max(0, box.width));
  for (const b of boxes) for (let x = Math.max(box.left, b.left); x < Math.min(box.left + box.width, b.left + b.width); x++) covered[x - box.left] = 1;
  return covered.reduce((n, c) => n + c, 0);
}

/** True when pixel (x, y) lies in one of `boxes`. */
export function inAnyBox(boxes: readonly Box[], x: number, y: number): boolean {
  return boxes.some((b) => x >= b.left && x < b.left + b.width && y >= b.top && y < b.top + b.height);
}

/** The smallest box holding every given box. */
export function unionBoxes(boxes: Box[]): Box {
  const left = Math.min(...boxes.map((b) => b.left));
  const top = Math.min(...boxes.map((b) => b.top));
  const right = Math.max(...boxes.map((b) => b.left + b.width));
  const bottom = Math.max(...boxes.map((b) => b.top + b.height));
  return { left, top, width: right - left, height: bottom - top };
}

/**
 * What of `box` lies outside every one of `cuts`: `box` split into the rectangles left around each cut (above, below, and
 * beside it on its rows), in no particular order; empty when the cuts cover it.
 * @example boxesOutside({ left: 0, top: 0, width: 10, height: 10 }, [{ left: 0, top: 0, width: 10, height: 4 }]) // [{ left: 0, top: 4, width: 10, height: 6 }]
 */
export function boxesOutside(box: Box, cuts: readonly Box[]): Box[] {
  let pieces = [box];
  for (const c of cuts) {
    pieces = pieces.flatMap((p) => {
      if (!overlapping(p, c)) return [p];
      const top = Math.max(p.top, c.top);
      const bottom = Math.min(p.top + p.height, c.top + c.height);
      const out: Box[] = [];
      if (c.top > p.top) out.push({ ...p, height: c.top - p.top });
      if (c.top + c.height < p.top + p.height) out.push({ ...p, top: c.top + c.height, height: p.top + p.height - (c.top + c.height) });
      if (c.left > p.left) out.push({ left: p.left, top, width: c.left - p.left, height: bottom - top });
      if (c.left + c.width < p.left + p.width) out.push({ left: c.left + c.width, top, width: p.left + p.width - (c.left + c.width), height: bottom - top });
      return out;
    });
  }
  return pieces;
}

/** `box` grown by `pad` pixels on every side (not clipped: see lib/pixels/fill.ts's padAndClip for that). */
export function padBox(box: Box, pad: number): Box {
  return { left: box.left - pad, top: box.top - pad, width: box.width + 2 * pad, height: box.height + 2 * pad };
}
