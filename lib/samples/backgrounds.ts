import type { SampleFormat, SampleModality } from './format.js';
import type { Rng } from './rng.js';

/**
 * Anatomy-like backgrounds in stored pixel values (interleaved samples, rows top to bottom).
 * Shapes and noise are drawn from `rng`, so one generator state gives one image.
 */
export function renderBackground(modality: SampleModality, format: SampleFormat, width: number, height: number, rng: Rng): Float32Array {
  switch (modality) {
    case 'CT':
      return ct(width, height, rng);
    case 'MR':
      return mr(width, height, rng);
    case 'CR':
      return cr(width, height, rng, format);
    case 'US':
      return us(width, height, rng);
    case 'SC':
      return documentPage(width, height, rng);
  }
}

/** 1 inside the ellipse, 0 outside, with a soft edge `soft` (in ellipse radii). */
function ellipse(x: number, y: number, cx: number, cy: number, rx: number, ry: number, soft = 0.04): number {
  const d = Math.sqrt(((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2);
  if (d <= 1 - soft) return 1;
  if (d >= 1 + soft) return 0;
  return (1 + soft - d) / (2 * soft);
}

/** Low-frequency texture in about [−1, 1]: a few random plane waves. */
function texture(rng: Rng, waves = 4): (x: number, y: number) => number {
  const params = Array.from({ length: waves }, () => ({ fx: (rng.next() - 0.5) * 0.08, fy: (rng.next() - 0.5) * 0.08, phase: rng.next() * 6.28 }));
  return (x, y) => params.reduce((sum, p) => sum + Math.sin(p.fx * x + p.fy * y + p.phase), 0) / waves;
}

function ct(w: number, h: number, rng: Rng): Float32Array {
  const out = new Float32Array(w * h);
  const cx = w / 2 + rng.int(-6, 6);
  const cy = h * 0.52;
  const fov = Math.min(w, h) * 0.49;
  const bodyRx = w * rng.next() * 0.04 + w * 0.34;
  const bodyRy = h * 0.24;
  const tex = texture(rng);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (Math.hypot(x - w / 2, y - h / 2) > fov) {
        out[y * w + x] = -2000; // outside the reconstruction circle
        continue;
      }
      let hu = -1000;
      const body = ellipse(x, y, cx, cy, bodyRx, bodyRy);
      const inner = ellipse(x, y, cx, cy, bodyRx * 0.9, bodyRy * 0.86);
      hu += body * (1000 - 100) + inner * 140; // fat rim, then soft tissue
      const lungs = Math.max(ellipse(x, y, cx - bodyRx * 0.45, cy - bodyRy * 0.05, bodyRx * 0.33, bodyRy * 0.62), ellipse(x, y, cx + bodyRx * 0.45, cy - bodyRy * 0.05, bodyRx * 0.33, bodyRy * 0.62));
      hu -= lungs * 880;
      hu += ellipse(x, y, cx, cy + bodyRy * 0.62, bodyRx * 0.1, bodyRy * 0.2) * 650; // vertebra
      hu += ellipse(x, y, cx - bodyRx * 0.05, cy - bodyRy * 0.1, bodyRx * 0.16, bodyRy * 0.28) * 20; // heart
      if (y > cy + bodyRy + 6 && y < cy + bodyRy + 10 && Math.abs(x - cx) < bodyRx * 1.1) hu = 200; // table
      out[y * w + x] = hu + 1024 + 12 * rng.normal() + 15 * tex(x, y) * body;
    }
  }
  return out;
}

function mr(w: number, h: number, rng: Rng): Float32Array {
  const out = new Float32Array(w * h);
  const cx = w / 2;
  const cy = h / 2 + rng.int(-4, 4);
  const rx = w * 0.3;
  const ry = h * 0.33;
  const tex = texture(rng, 6);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const scalp = ellipse(x, y, cx, cy, rx, ry);
      const skull = ellipse(x, y, cx, cy, rx * 0.93, ry * 0.94);
      const brain = ellipse(x, y, cx, cy, rx * 0.86, ry * 0.88);
      const ventricles = Math.max(ellipse(x, y, cx - rx * 0.12, cy - ry * 0.05, rx * 0.08, ry * 0.22), ellipse(x, y, cx + rx * 0.12, cy - ry * 0.05, rx * 0.08, ry * 0.22));
      let v = scalp * 900 - skull * 800 + brain * (520 + 90 * tex(x, y)) - ventricles * 380;
      v += Math.abs(18 * rng.normal()); // Rician-like background noise
      out[y * w + x] = v;
    }
  }
  return out;
}

function cr(w: number, h: number, rng: Rng, format: SampleFormat): Float32Array {
  // Work in display brightness (0 black … 1 white), then invert for MONOCHROME1.
  const out = new Float32Array(w * h);
  const cx = w / 2 + rng.int(-5, 5);
  const tex = texture(rng);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const torso = ellipse(x, y, cx, h * 0.62, w * 0.36, h * 0.5, 0.06);
      const shoulders = ellipse(x, y, cx, h * 0.2, w * 0.46, h * 0.1, 0.2);
      const lungs = Math.max(ellipse(x, y, cx - w * 0.15, h * 0.52, w * 0.12, h * 0.27, 0.12), ellipse(x, y, cx + w * 0.15, h * 0.52, w * 0.12, h * 0.27, 0.12));
      const mediastinum = ellipse(x, y, cx, h * 0.55, w * 0.06, h * 0.3, 0.2);
      const ribs = lungs * Math.max(0, Math.sin(y * 0.14 + Math.abs(x - cx) * 0.04)) * 0.12;
      let d = 0.04 + Math.max(torso, shoulders) * 0.55 - lungs * 0.35 + mediastinum * 0.25 + ribs + 0.03 * tex(x, y);
      d += 0.01 * rng.normal();
      d = Math.min(1, Math.max(0, d));
      out[y * w + x] = format.photometric === 'MONOCHROME1' ? format.max * (1 - d) : format.max * d;
    }
  }
  return out;
}

function us(w: number, h: number, rng: Rng): Float32Array {
  const out = new Float32Array(w * h * 3);
  const apexX = w / 2;
  const apexY = h * 0.14;
  const radius = h * 0.8;
  const half = (38 * Math.PI) / 180;
  const cysts = Array.from({ length: 3 }, () => ({ x: apexX + (rng.next() - 0.5) * w * 0.4, y: apexY + radius * (0.35 + rng.next() * 0.5), r: 8 + rng.next() * 18 }));
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const dx = x - apexX;
      const dy = y - apexY;
      const r = Math.hypot(dx, dy);
      const angle = Math.atan2(dx, dy);
      let v = 0;
      if (dy > 0 && r < radius && Math.abs(angle) < half) {
        const depth = r / radius;
        // Speckle: exponentially distributed intensity, attenuating with depth.
        v = 150 * (1 - 0.55 * depth) * -Math.log(Math.max(rng.next(), 1e-6)) * 0.6;
        for (const c of cysts) if (Math.hypot(x - c.x, y - c.y) < c.r) v *= 0.15;
      }
      const o = (y * w + x) * 3;
      out[o] = out[o + 1] = out[o + 2] = v;
    }
  }
  return out;
}

function documentPage(w: number, h: number, rng: Rng): Float32Array {
  const out = new Float32Array(w * h);
  const tilt = (rng.next() - 0.5) * 0.02;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // Paper: slightly uneven scan illumination and grain.
      out[y * w + x] = 232 + 6 * Math.sin(x * 0.01 + y * tilt) + 2.5 * rng.normal();
    }
  }
  return out;
}
