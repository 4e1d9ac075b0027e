import type { Box } from './types.js';
import { overlapping } from './boxes.js';

/** A label to place: the box it names and the label's size in pixels. */
export interface LabelRequest {
  box: Box;
  width: number;
  height: number;
}

/** Where a label goes; `leader` is true when it sits away from its box and needs a line to it. */
export interface PlacedLabel extends Box {
  leader: boolean;
}

/** Options of {@link placeLabels}. */
export interface PlaceLabelsOptions {
  /** Pixels between a box and its label (default: 2). */
  gap?: number;
}

const overlapArea = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left)) *
  Math.max(0, Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top));
const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), Math.max(lo, hi));

/**
 * Places box labels so that no two labels overlap and none leaves the image (after the placement of
 * map labels: try the spots next to the box, then search further away and draw a leader line).
 * Each label first tries above its box, below, then to the right and left, and inside the box's top
 * edge. A spot that hides part of a box (another's more than its own) is used only when no clear
 * spot exists: the nearest clear spot of the image wins, with `leader: true` (draw a line to the
 * box). A label that fits nowhere (more labels than the image holds, or one larger than the image)
 * gets `undefined`.
 * Labels are placed top to bottom, left to right, so the result does not depend on the input order.
 *
 * @example placeLabels([{ box, width: 80, height: 14 }], { width: 512, height: 512 })
 */
export function placeLabels(requests: readonly LabelRequest[], bounds: { width: number; height: number }, options: PlaceLabelsOptions = {}): Array<PlacedLabel | undefined> {
  const gap = options.gap ?? 2;
  const boxes = requests.map((r) => r.box);
  const placed: Box[] = [];
  const result: Array<PlacedLabel | undefined> = new Array(requests.length).fill(undefined);
  const order = requests.map((_, i) => i).sort((a, b) => boxes[a].top - boxes[b].top || boxes[a].left - boxes[b].left || a - b);
  const free = (spot: Box) => !placed.some((p) => overlapping(p, spot));
  const inside = (spot: Box) => spot.left >= 0 && spot.top >= 0 && spot.left + spot.width <= bounds.width && spot.top + spot.height <= bounds.height;
  // Covering another box hides what it marks; covering its own box only its edge: both cost, the first more.
  const boxCover = (spot: Box, own: number) => boxes.reduce((sum, b, i) => sum + overlapArea(spot, b) * (i === own ? 1 : 2), 0);

  for (const i of order) {
    const { box, width, height } = requests[i];
    if (width > bounds.width || height > bounds.height || width <= 0 || height <= 0) continue;
    const at = (left: number, top: number): Box => ({
      left: Math.round(clamp(left, 0, bounds.width - width)),
      top: Math.round(clamp(top, 0, bounds.height - height)),
      width,
      height,
    });
    const right = box.left + box.width;
    const bottom = box.top + box.height;
    const near = [
      at(box.left, box.top - height - gap),
      at(box.left, bottom + gap),
      at(right - width, box.top - height - gap),
      at(right - width, bottom + gap),
      at(right + gap, box.top),
      at(box.left - width - gap, box.top),
      at(box.left, box.top),
    ];
    // Among the free spots next to the box, the first that covers the least of the other boxes.
    let best: { spot: Box; cost: number } | undefined;
    for (const spot of near) {
      if (!inside(spot) || !free(spot)) continue;
      const cost = boxCover(spot, i);
      if (!best || cost < best.cost) best = { spot, cost };
      if (cost === 0) break;
    }
    // A spot next to the box that hides part of a box loses to a clear spot further away.
    const far = best?.cost === 0 ? undefined : searchFreeSpot(i, boxes, width, height, bounds, free, (spot) => boxCover(spot, i));
    const chosen = far && (!best || boxCover(far, i) === 0) ? { spot: far, leader: true } : best ? { spot: best.spot, leader: false } : undefined;
    if (chosen) {
      placed.push(chosen.spot);
      result[i] = { ...chosen.spot, leader: chosen.leader };
    }
  }
  return result;
}

/** The gap between two rectangles (0 when they touch or overlap). */
function gapBetween(a: Box, b: Box): number {
  const dx = Math.max(0, a.left - (b.left + b.width), b.left - (a.left + a.width));
  const dy = Math.max(0, a.top - (b.top + b.height), b.top - (a.top + a.height));
  return Math.hypot(dx, dy);
}

/**
 * The free spot for a label away from its box: first one covering no box, then one nearer to its
 * own box than to any other (so the reader pairs them right), then the nearest; searched on a grid
 * of half the label's height, the image's right and bottom edges included.
 */
function searchFreeSpot(own: number, boxes: readonly Box[], width: number, height: number, bounds: { width: number; height: number }, free: (spot: Box) => boolean, cover: (spot: Box) => number): Box | undefined {
  const box = boxes[own];
  const step = Math.max(1, Math.floor(height / 2));
  const positions = (size: number, room: number) => {
    const at: number[] = [];
    for (let p = 0; p + size <= room; p += step) at.push(p);
    if (room - size >= 0 && at[at.length - 1] !== room - size) at.push(room - size);
    return at;
  };
  const others = boxes.filter((_, i) => i !== own);
  let best: { spot: Box; rank: number[] } | undefined;
  for (const top of positions(height, bounds.height)) {
    for (const left of positions(width, bounds.width)) {
      const spot = { left, top, width, height };
      const clear = cover(spot) === 0 ? 0 : 1;
      if (best && clear > best.rank[0]) continue;
      const distance = gapBetween(spot, box);
      // A spot further away than the best clear, unambiguous one cannot win: skip the costlier checks.
      if (best && clear === best.rank[0] && best.rank[1] === 0 && distance > best.rank[2]) continue;
      if (!free(spot)) continue;
      const ambiguous = others.some((b) => gapBetween(spot, b) < distance) ? 1 : 0;
      const rank = [clear, ambiguous, distance, Math.abs(top - box.top)];
      const k = best ? rank.findIndex((v, j) => v !== best!.rank[j]) : -1;
      if (!best || (k >= 0 && rank[k] < best.rank[k])) best = { spot, rank };
    }
  }
  return best?.spot;
}
