import sharp from 'sharp';
import type { Box, DisplayImage } from '../image/types.js';

/** A box to draw on a PNG, with an optional label and colour (default: red). */
export type LabelledBox = Box & { label?: string; color?: string };

function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

/**
 * Encodes a display image as PNG, optionally drawing boxes with labels (for notebooks and checks).
 * @example fs.writeFileSync('/tmp/a.png', await toPng(renderFrame(module, frames[0]), [{ left: 10, top: 10, width: 50, height: 12, label: 'NAME' }]));
 */
export async function toPng(image: DisplayImage, boxes: LabelledBox[] = []): Promise<Buffer> {
  let img = sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), {
    raw: { width: image.width, height: image.height, channels: image.channels },
  });
  if (boxes.length > 0) {
    const stroke = Math.max(1, Math.round(Math.min(image.width, image.height) / 300));
    const font = Math.max(10, Math.round(Math.min(image.width, image.height) / 40));
    const shapes = boxes
      .map((b) => {
        const color = b.color ?? '#ff3030';
        const rect = `<rect x="${b.left}" y="${b.top}" width="${b.width}" height="${b.height}" fill="none" stroke="${color}" stroke-width="${stroke}"/>`;
        if (!b.label) return rect;
        const y = b.top - stroke * 2 > font ? b.top - stroke * 2 : b.top + b.height + font;
        return `${rect}<text x="${b.left}" y="${y}" font-family="sans-serif" font-size="${font}" fill="${color}">${escapeXml(b.label)}</text>`;
      })
      .join('');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${image.width}" height="${image.height}">${shapes}</svg>`;
    if (image.channels === 1) img = img.toColourspace('srgb');
    img = sharp(await img.png().toBuffer()).composite([{ input: Buffer.from(svg), top: 0, left: 0 }]);
  }
  return img.png().toBuffer();
}
