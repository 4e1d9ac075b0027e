/**
 * Redaction boxes in a rendered image, and their masking before the image is read again. A filled
 * box is a rectangle of one exact value (the black the redactor wrote); read as it is, its straight
 * edges against bright ground come back as glyphs (`Jl`, `JJ`). Masked, it takes the look of the
 * ground around it, so only the text beside it is read: what the box left readable of a word.
 */
import type { Box, DisplayImage } from '../image/types.js';

/** Options of {@link findFilledBoxes}. */
export interface FilledBoxOptions {
  /** Smallest side of a box, in pixels (default 4). */
  minSide?: number;
}

/**
 * The rectangles of one exact display value, black (0 in every channel), at least `minSide` on both
 * sides: the redactor's boxes. Boxes of neighbouring lines overlap into unions that are not
 * rectangles, so each union is cut into bands of rows whose black run is the same; a band is kept
 * when it is `minSide` high and wide and spans neither the whole width nor the whole height (a black
 * border or margin). Black ground with a natural outline (air, the margin of an ultrasound sector)
 * changes its run from row to row and yields no band; a box that runs into black ground merges with
 * it, where its edges show no text anyway.
 */
export function findFilledBoxes(image: DisplayImage, options: FilledBoxOptions = {}): Box[] {
  const minSide = options.minSide ?? 4;
  const { width, height, channels, data } = image;
  const isBlack = (i: number) => {
    for (let c = 0; c < channels; c++) if (data[i * channels + c] !== 0) return false;
    return true;
  };
  const boxes: Box[] = [];
  // Open bands by their run `left:right`, with the row they started on.
  let open = new Map<string, number>();
  const close = (key: string, top: number, bottom: number) => {
    const [left, right] = key.split(':').map(Number);
    const w = right - left + 1;
    const h = bottom - top + 1;
    if (w >= minSide && h >= minSide && w < width && h < height) boxes.push({ left, top, width: w, height: h });
  };
  for (let y = 0; y <= height; y++) {
    const runs = new Map<string, number>();
    if (y < height) {
      for (let x = 0; x < width; ) {
        if (!isBlack(y * width + x)) {
          x++;
          continue;
        }
        const start = x;
        while (x < width && isBlack(y * width + x)) x++;
        if (x - start >= minSide) {
          const key = `${start}:${x - 1}`;
          runs.set(key, open.get(key) ?? y);
        }
      }
    }
    for (const [key, top] of open) if (!runs.has(key)) close(key, top, y - 1);
    open = runs;
  }
  return boxes;
}

/**
 * A copy of `image` with each box painted as the ground around it: a plane (level and slope across
 * and down) fitted to the ring around the box outside every box, from the pixels near the ring's
 * median and again without those far from the first fit. Text touching the box is a minority of the
 * ring, so it is dropped, not smeared across the box.
 */
export function maskBoxes(image: DisplayImage, boxes: readonly Box[]): DisplayImage {
  const out: DisplayImage = { ...image, data: Uint8Array.from(image.data) };
  // The ground of a box is what lies outside every box: boxes of one line overlap and touch.
  const covered = new Uint8Array(image.width * image.height);
  for (const b of boxes) {
    for (let y = Math.max(0, b.top); y < Math.min(image.height, b.top + b.height); y++) covered.fill(1, y * image.width + Math.max(0, b.left), y * image.width + Math.min(image.width, b.left + b.width));
  }
  for (const box of boxes) {
    for (let c = 0; c < image.channels; c++) paintPlane(out, image, covered, box, c);
  }
  return out;
}

/** Paints one channel of a box in `out` with the plane fitted to the uncovered ring of `src` around it (2 px, wider when boxes hide it). */
function paintPlane(out: DisplayImage, src: DisplayImage, covered: Uint8Array, box: Box, c: number): void {
  const { width, height, channels } = src;
  const l = Math.max(0, box.left);
  const t = Math.max(0, box.top);
  const r = Math.min(width - 1, box.left + box.width - 1);
  const b = Math.min(height - 1, box.top + box.height - 1);
  if (r < l || b < t) return;
  let ring: Array<[number, number, number]> = [];
  for (let reach = 2; reach <= 16 && ring.length < 2 * (r - l + b - t + 2); reach *= 2) {
    ring = [];
    for (let y = t - reach; y <= b + reach; y++) {
      for (let x = l - reach; x <= r + reach; x++) {
        if (x < 0 || y < 0 || x >= width || y >= height || covered[y * width + x]) continue;
        ring.push([x - l, y - t, src.data[(y * width + x) * channels + c]]);
      }
    }
  }
  if (ring.length === 0) return;
  // The ground is the bulk of the ring: start from the pixels near its median (text beside the box is
  // the minority), fit, then refit without what lies far from that fit.
  const median = [...ring.map((p) => p[2])].sort((p, q) => p - q)[Math.floor(ring.length / 2)];
  const near = ring.filter((p) => Math.abs(p[2] - median) <= 24);
  let points = near.length >= 0.3 * ring.length ? near : ring;
  let plane = fitPlane(points);
  const residuals = points.map(([x, y, v]) => Math.abs(v - (plane[0] + plane[1] * x + plane[2] * y))).sort((p, q) => p - q);
  const limit = Math.max(8, 2 * residuals[Math.floor(residuals.length / 2)]);
  points = points.filter(([x, y, v]) => Math.abs(v - (plane[0] + plane[1] * x + plane[2] * y)) <= limit);
  if (points.length >= 3) plane = fitPlane(points);
  for (let y = t; y <= b; y++) {
    for (let x = l; x <= r; x++) out.data[(y * width + x) * channels + c] = Math.max(0, Math.min(255, Math.round(plane[0] + plane[1] * (x - l) + plane[2] * (y - t))));
  }
}

/** Least-squares plane v = a + b·x + c·y through the points (a level alone when they do not span a plane). */
function fitPlane(points: Array<[number, number, number]>): [number, number, number] {
  let n = 0, sx = 0, sy = 0, sv = 0, sxx = 0, syy = 0, sxy = 0, sxv = 0, syv = 0;
  for (const [x, y, v] of points) {
    n++; sx += x; sy += y; sv += v; sxx += x * x; syy += y * y; sxy += x * y; sxv += x * v; syv += y * v;
  }
  // Centre the coordinates, then solve the 2x2 normal equations for the slopes.
  const mx = sx / n, my = sy / n, mv = sv / n;
  const cxx = sxx / n - mx * mx, cyy = syy / n - my * my, cxy = sxy / n - mx * my;
  const cxv = sxv / n - mx * mv, cyv = syv / n - my * mv;
  const det = cxx * cyy - cxy * cxy;
  if (Math.abs(det) < 1e-9) return [mv, 0, 0];
  const bx = (cxv * cyy - cyv * cxy) / det;
  const by = (cyv * cxx - cxv * cxy) / det;
  return [mv - bx * mx - by * my, bx, by];
}
