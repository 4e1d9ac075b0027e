/** Procedural image content (normalized luminance 0–1), cheap and textured enough to put text on. */
import type { Rng } from './rng.js';

export type BackgroundKind = 'ct' | 'mr' | 'xray' | 'us' | 'document' | 'dark-ui';

/** One frame of luminance, `samples` values per pixel (colour images: gray with some tinted regions). */
export function background(rng: Rng, kind: BackgroundKind, w: number, h: number, samples: number, frame = 0): Float64Array {
  const out = new Float64Array(w * h * samples);
  const cx = w / 2, cy = h / 2;
  const shift = frame * 3;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const n = rng.next();
      let v: number;
      let tint: [number, number, number] | undefined;
      const dx = (x - cx) / (w * 0.42), dy = (y - cy) / (h * 0.36);
      if (kind === 'ct') {
        const body = dx * dx + dy * dy < 1;
        const lung = ((x - cx * 0.62) / (w * 0.14)) ** 2 + ((y - cy) / (h * 0.22)) ** 2 < 1 || ((x - cx * 1.38) / (w * 0.14)) ** 2 + ((y - cy) / (h * 0.22)) ** 2 < 1;
        const spine = ((x - cx) / (w * 0.05)) ** 2 + ((y - cy * 1.45) / (h * 0.05)) ** 2 < 1;
        v = !body ? 0.0 + n * 0.01 : spine ? 0.42 + n * 0.05 : lung ? 0.03 + n * 0.02 : 0.25 + n * 0.03;
      } else if (kind === 'mr') {
        const r = Math.sqrt(((x - cx) / (w * 0.38)) ** 2 + ((y - cy) / (h * 0.44)) ** 2);
        v = r < 1 ? 0.25 + 0.35 * Math.cos(r * 5 + x / 17) ** 2 + n * 0.06 : n * 0.04;
      } else if (kind === 'xray') {
        // Direct exposure is dark, the body mid-gray, lungs darker, a bright collimation border.
        const body = ((x - cx) / (w * 0.4)) ** 2 + ((y - cy * 1.05) / (h * 0.47)) ** 2 < 1;
        const lungL = ((x - w * 0.36) / (w * 0.12)) ** 2 + ((y - h * 0.45) / (h * 0.25)) ** 2 < 1;
        const lungR = ((x - w * 0.64) / (w * 0.12)) ** 2 + ((y - h * 0.45) / (h * 0.25)) ** 2 < 1;
        const border = x < w * 0.015 || x > w * 0.985 || y < h * 0.012 || y > h * 0.988;
        v = border ? 0.9 : !body ? 0.06 + n * 0.04 : lungL || lungR ? 0.28 + n * 0.08 + 0.05 * Math.sin(y / 6) : 0.55 + 0.2 * Math.abs(dx) + n * 0.06;
      } else if (kind === 'us') {
        const ax = x - cx, ay = y - h * 0.08 + shift * 0;
        const angle = Math.atan2(ax, ay);
        const r = Math.sqrt(ax * ax + ay * ay);
        const inFan = ay > 0 && Math.abs(angle) < 0.62 && r > h * 0.1 && r < h * 0.92;
        v = inFan ? Math.min(1, -Math.log(1 - n * 0.999) * 0.16 + 0.08 * Math.sin((r + shift) / 9)) : 0;
        if (samples === 3 && inFan && ((x - cx) / (w * 0.08)) ** 2 + ((y - h * 0.55) / (h * 0.06)) ** 2 < 1) tint = n < 0.5 ? [0.9, 0.1, 0.05] : [0.1, 0.25, 0.95];
      } else if (kind === 'document') {
        const panel = x > w * 0.1 && x < w * 0.9 && y > h * 0.32 && y < h * 0.72;
        v = panel ? 0.2 + 0.5 * Math.abs(Math.sin(x / 11) * Math.cos(y / 13)) + n * 0.05 : 0.93 + n * 0.02;
      } else {
        const panel = y > h * 0.12 && y < h * 0.86;
        v = panel ? 0.12 + 0.45 * Math.max(0, 1 - Math.hypot(dx, dy)) + n * 0.05 : 0.06;
      }
      for (let s = 0; s < samples; s++) out[(y * w + x) * samples + s] = tint ? tint[s] : v;
    }
  }
  return out;
}
