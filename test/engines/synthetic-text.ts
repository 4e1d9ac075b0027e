/**
 * Synthetic overlay images for OCR tests: words drawn with real fonts (sharp renders SVG text via
 * fontconfig) onto a CT-like background, with each word's ground-truth box measured from its own pixels.
 */
import sharp from 'sharp';
import type { Box, DisplayImage } from '../../lib/engines/types.js';

export interface PlacedText {
  text: string;
  x: number;
  /** Baseline y. */
  y: number;
  size: number;
  font: string;
  anchor?: 'start' | 'end';
  weight?: 'normal' | 'bold';
  /** Turned a quarter about (x, y) (optional): `'up'` reads bottom to top, `'down'` top to bottom. */
  turn?: 'up' | 'down';
}

export interface Scene {
  width: number;
  height: number;
  /** `light-on-dark`: white text on a dark frame with grey anatomy; `dark-on-light`: black text on a light frame. */
  polarity: 'light-on-dark' | 'dark-on-light';
  texts: PlacedText[];
}

function esc(t: string): string {
  return t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function textSvg(scene: Scene, texts: PlacedText[], withBackground: boolean): string {
  const dark = scene.polarity === 'light-on-dark';
  const bg = dark ? '#000' : '#fff';
  const ink = dark ? '#fff' : '#000';
  const anatomy = withBackground
    ? `<ellipse cx="${scene.width / 2}" cy="${scene.height * 0.6}" rx="${scene.width * 0.3}" ry="${scene.height * 0.3}" fill="${dark ? '#777' : '#999'}"/>
       <ellipse cx="${scene.width / 2}" cy="${scene.height * 0.6}" rx="${scene.width * 0.12}" ry="${scene.height * 0.1}" fill="${dark ? '#bbb' : '#555'}"/>`
    : '';
  const body = texts
    .map((t) => `<text x="${t.x}" y="${t.y}" font-family="${t.font}" font-size="${t.size}" font-weight="${t.weight ?? 'normal'}" text-anchor="${t.anchor ?? 'start'}" fill="${ink}"${t.turn ? ` transform="rotate(${t.turn === 'up' ? -90 : 90} ${t.x} ${t.y})"` : ''}>${esc(t.text)}</text>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}" height="${scene.height}"><rect width="100%" height="100%" fill="${bg}"/>${anatomy}${body}</svg>`;
}

async function rasterGrey(svg: string): Promise<{ data: Uint8Array; width: number; height: number }> {
  const { data, info } = await sharp(Buffer.from(svg)).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height };
}

/** Renders the scene to a grey DisplayImage (or RGB when `rgb`), and each text's ground-truth box. */
export async function renderScene(scene: Scene, rgb = false): Promise<{ image: DisplayImage; boxes: Box[] }> {
  const full = await rasterGrey(textSvg(scene, scene.texts, true));
  const blank = await rasterGrey(textSvg(scene, [], false));
  const boxes: Box[] = [];
  for (const t of scene.texts) {
    const alone = await rasterGrey(textSvg(scene, [t], false));
    let left = Infinity, top = Infinity, right = -1, bottom = -1;
    for (let y = 0; y < alone.height; y++) {
      for (let x = 0; x < alone.width; x++) {
        const i = y * alone.width + x;
        if (Math.abs(alone.data[i] - blank.data[i]) > 40) {
          left = Math.min(left, x); right = Math.max(right, x);
          top = Math.min(top, y); bottom = Math.max(bottom, y);
        }
      }
    }
    if (right < 0) throw new Error(`text ${t.text} rendered no pixels`);
    boxes.push({ left, top, width: right - left + 1, height: bottom - top + 1 });
  }
  let image: DisplayImage = { width: full.width, height: full.height, channels: 1, data: full.data };
  if (rgb) {
    const data = new Uint8Array(full.data.length * 3);
    // Yellow text on colour overlays: blue channel dimmed.
    for (let i = 0; i < full.data.length; i++) {
      data[i * 3] = full.data[i];
      data[i * 3 + 1] = full.data[i];
      data[i * 3 + 2] = Math.round(full.data[i] * 0.3);
    }
    image = { width: full.width, height: full.height, channels: 3, data };
  }
  return { image, boxes };
}

/** Fraction of box `a` covered by box `b`. */
export function coveredBy(a: Box, b: Box): number {
  const w = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const h = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? (w * h) / (a.width * a.height) : 0;
}
