/**
 * Light text drawn with a dark halo (a 1–2 px black rim round each glyph, or a drop shadow), as angiography,
 * fluoroscopy and some CT and MR consoles draw it to stay legible over bright anatomy and dark ground alike.
 * Binarised as it stands, each glyph is a ring of two polarities: as light ink its core merges with a bright
 * ground, as dark ink its rim reads as a hollow, bold glyph. {@link haloCores} finds such text and keeps the
 * ink of one polarity, the light core of each glyph, as dark ink on a white page.
 */
import { greyPercentile } from './grey.js';

/** How far (px) a halo reaches from its glyph's core: a 1 px rim, or a shadow moved up to 2 px. */
const HALO_REACH = 2;
/** Share of the core pixels that must lie in cores at least half a glyph tall: strokes, not specks of texture. */
const STROKE_SHARE = 0.6;
/** Share of the line's dark pixels that must lie within {@link HALO_REACH} of a core: a halo, not texture or dark ink. */
const HALO_SHARE = 0.8;

/**
 * The light cores of haloed text in a crop, as dark ink on a white page (255), `width * height` bytes; undefined when
 * the crop (its glyphs `glyphHeight` px high, its pixels scaled up by `scale`, default 1) holds no haloed text.
 * Cores are the pixels brighter than midway from the ground (the crop's median) to its brightest ink; on a ground as
 * bright as the cores (text on bright anatomy), the pixels well above the rim's level, told apart from the ground by
 * the rim between them: a bright region reaching the crop's edge is ground, one enclosed by a dark rim is a core, one
 * enclosed by a core's inner rim is a counter (the hole of `O`), ground again. The text is haloed when nearly every
 * pixel of the crop darker than the ground lies a halo's reach from a core, and most core pixels lie in strokes half
 * a glyph tall or more: dark ink, texture, speckle and a dark ground fail one or the other.
 * @example const page = haloCores(crop, width, height, 9, 4) ?? evenGround(...);
 */
export function haloCores(pixels: Uint8Array, width: number, height: number, glyphHeight: number, scale = 1): Uint8Array | undefined {
  const n = width * height;
  const hist = new Uint32Array(256);
  for (let i = 0; i < n; i++) hist[pixels[i]]++;
  const ground = greyPercentile(hist, n, 0.5);
  const dark = greyPercentile(hist, n, 0.02);
  const bright = greyPercentile(hist, n, 0.995);
  // A halo is darker than the ground by a clear step; a dark ground leaves nothing darker (plain light text reads well).
  if (ground - dark < 48 || bright - dark < 96) return undefined;
  const darkBelow = Math.round((dark + ground) / 2);
  // Cores brighter than a mid-grey ground are told apart from it by their level; on a ground as bright as they are, by the rim
  // (a bright pixel is then anything lighter than midway from the rim to the ground).
  const light = bright - ground < 48 ? Math.round(bright - 0.3 * (bright - dark)) : Math.round((ground + bright) / 2);
  const isBright = new Uint8Array(n);
  for (let i = 0; i < n; i++) isBright[i] = pixels[i] >= light ? 1 : 0;
  const { label, depth, rows } = nesting(isBright, width, height);
  // Cores: bright regions one rim in from the edge (depth 1 on a dark ground, 2 on a bright one), no taller than a glyph
  // (a light label patch inside a dark frame is a bright region one edge in too).
  const tallest = (glyphHeight + 2 * HALO_REACH) * scale;
  const core = new Uint8Array(n);
  let cores = 0;
  // Pixels of cores at least half a glyph tall: most of a line's are (strokes), few of speckle's (specks).
  let strokes = 0;
  for (let i = 0; i < n; i++) {
    const r = label[i];
    if (isBright[i] && (depth[r] === 1 || depth[r] === 2) && rows[r] <= tallest) {
      core[i] = 1;
      cores++;
      if (rows[r] >= 0.5 * glyphHeight * scale) strokes++;
    }
  }
  if (cores === 0 || strokes < STROKE_SHARE * cores) return undefined;
  // Every dark pixel of the crop (its margins too: texture beside the line counts) must lie a halo's reach from a core.
  const near = dilate(core, width, height, HALO_REACH * scale);
  let darkPixels = 0;
  let darkNear = 0;
  for (let i = 0; i < n; i++) {
    if (pixels[i] > darkBelow) continue;
    darkPixels++;
    if (near[i]) darkNear++;
  }
  // A few glyphs' worth of rim at least, nearly all of it round the cores.
  if (darkPixels < 3 * glyphHeight * scale * scale || darkNear < HALO_SHARE * darkPixels) return undefined;
  // Dark ink as dark as the core is bright, on the cores and a pixel round them (the anti-aliased edge of a thin stroke
  // lies below the cores' level), but never on the ground or a counter: the rim, darkest, turns to paper.
  // Measured from the rim on a bright ground, from the ground on a darker one (its grey beside a shadow is no ink).
  const floor = bright - ground < 48 ? dark : ground;
  const edge = dilate(core, width, height, scale);
  const out = new Uint8Array(n).fill(255);
  for (let i = 0; i < n; i++) {
    if (!edge[i] || (isBright[i] && !core[i])) continue;
    out[i] = 255 - Math.round((255 * Math.max(0, Math.min(bright, pixels[i]) - floor)) / (bright - floor));
  }
  return out;
}


/**
 * The bright and dark regions of a crop (bright ones 8-connected, so a thin diagonal stroke is one stroke, dark ones
 * 4-connected, so the two never cross): each pixel's region, and each region's depth in their nesting (0 for a region
 * touching the crop's edge, one more for each region boundary crossed inward) and height in rows.
 */
function nesting(isBright: Uint8Array, width: number, height: number): { label: Int32Array; depth: Int32Array; rows: Int32Array } {
  const n = width * height;
  const label = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  const tops: number[] = [];
  const bottoms: number[] = [];
  for (let start = 0; start < n; start++) {
    if (label[start] >= 0) continue;
    const id = tops.length;
    const colour = isBright[start];
    let top = height;
    let bottom = -1;
    let sp = 0;
    label[start] = id;
    stack[sp++] = start;
    while (sp > 0) {
      const p = stack[--sp];
      const x = p % width;
      const y = (p - x) / width;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          if ((dx === 0 && dy === 0) || (!colour && dx !== 0 && dy !== 0)) continue;
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const q = ny * width + nx;
          if (label[q] < 0 && isBright[q] === colour) {
            label[q] = id;
            stack[sp++] = q;
          }
        }
      }
    }
    tops.push(top);
    bottoms.push(bottom);
  }
  const count = tops.length;
  // Neighbouring regions (4-neighbours of the other colour), then breadth-first inward from the edge.
  const neighbours: Array<Set<number>> = Array.from({ length: count }, () => new Set<number>());
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const a = label[y * width + x];
      if (x + 1 < width && label[y * width + x + 1] !== a) {
        neighbours[a].add(label[y * width + x + 1]);
        neighbours[label[y * width + x + 1]].add(a);
      }
      if (y + 1 < height && label[(y + 1) * width + x] !== a) {
        neighbours[a].add(label[(y + 1) * width + x]);
        neighbours[label[(y + 1) * width + x]].add(a);
      }
    }
  }
  const depth = new Int32Array(count).fill(-1);
  const queue: number[] = [];
  const edge = (p: number) => {
    if (depth[label[p]] < 0) {
      depth[label[p]] = 0;
      queue.push(label[p]);
    }
  };
  for (let x = 0; x < width; x++) {
    edge(x);
    edge((height - 1) * width + x);
  }
  for (let y = 0; y < height; y++) {
    edge(y * width);
    edge(y * width + width - 1);
  }
  for (let k = 0; k < queue.length; k++) {
    const r = queue[k];
    for (const m of neighbours[r]) {
      if (depth[m] >= 0) continue;
      depth[m] = depth[r] + 1;
      queue.push(m);
    }
  }
  return { label, depth, rows: Int32Array.from(tops, (t, r) => bottoms[r] - t + 1) };
}

/** `mask` grown by `reach` pixels every way (a square window). */
function dilate(mask: Uint8Array, width: number, height: number, reach: number): Uint8Array {
  // Whole pixels: a scale of 3.5 reaches 4.
  const r = Math.round(reach);
  const rows = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let v = 0;
      for (let k = Math.max(0, x - r); k <= Math.min(width - 1, x + r) && !v; k++) v = mask[y * width + k];
      rows[y * width + x] = v;
    }
  }
  const out = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let v = 0;
      for (let k = Math.max(0, y - r); k <= Math.min(height - 1, y + r) && !v; k++) v = rows[k * width + x];
      out[y * width + x] = v;
    }
  }
  return out;
}
