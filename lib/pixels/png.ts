import sharp from 'sharp';
import { placeLabels } from '../image/labels.js';
import type { Box, DisplayImage } from '../image/types.js';

/** A box to draw on a PNG, with an optional label and colour (default: red). */
export type LabelledBox = Box & { label?: string; color?: string };

function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

const LABEL_FONT = 'DejaVu Sans, Liberation Sans, sans-serif';

/** The drawn width of a text in the label font, measured by rendering it (fonts differ between machines). */
async function textWidth(text: string, fontSize: number): Promise<number> {
  const width = Math.ceil(text.length * fontSize + fontSize * 2);
  const height = Math.ceil(fontSize * 2);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><text x="0" y="${fontSize * 1.4}" font-family="${LABEL_FONT}" font-size="${fontSize}" fill="#000">${escapeXml(text)}</text></svg>`;
  try {
    const { info } = await sharp(Buffer.from(svg)).trim({ background: { r: 0, g: 0, b: 0, alpha: 0 } }).toBuffer({ resolveWithObject: true });
    return info.width + Math.max(0, info.trimOffsetLeft ?? 0);
  } catch {
    return Math.ceil(text.length * fontSize * 0.65); // nothing drawn (blank text)
  }
}

/** The label's text cut with an ellipsis until it fits `maxWidth`, with its width. */
async function fitText(text: string, fontSize: number, maxWidth: number): Promise<{ text: string; width: number }> {
  let shown = text;
  let width = await textWidth(shown, fontSize);
  while (width > maxWidth && shown.length > 1) {
    shown = `${shown.slice(0, Math.max(1, Math.floor((shown.length - 1) * (maxWidth / width))) - 1)}…`;
    width = await textWidth(shown, fontSize);
  }
  return { text: shown, width };
}

/** The point of `box` nearest to `(x, y)`: where a leader line from a label meets its box. */
function nearestPoint(box: Box, x: number, y: number): [number, number] {
  return [Math.min(Math.max(x, box.left), box.left + box.width), Math.min(Math.max(y, box.top), box.top + box.height)];
}

/**
 * Encodes a display image as PNG, optionally drawing boxes with labels (for notebooks and checks).
 * Labels sit on a filled tag in the box's colour, placed so they neither overlap each other nor
 * leave the image ({@link placeLabels}); a label moved away from its box gets a line to it.
 * @example fs.writeFileSync('/tmp/a.png', await toPng(renderFrame(module, frames[0]), [{ left: 10, top: 10, width: 50, height: 12, label: 'NAME' }]));
 */
export async function toPng(image: DisplayImage, boxes: LabelledBox[] = []): Promise<Buffer> {
  let img = sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), {
    raw: { width: image.width, height: image.height, channels: image.channels },
  });
  if (boxes.length > 0) {
    const stroke = Math.max(1, Math.round(Math.min(image.width, image.height) / 300));
    const font = Math.max(10, Math.round(Math.min(image.width, image.height) / 40));
    const pad = Math.max(2, Math.round(font / 5));
    const labelHeight = Math.round(font * 1.25) + 2;
    const labelled = boxes.filter((b) => b.label);
    const texts = await Promise.all(labelled.map((b) => fitText(b.label!, font, image.width - 2 * pad)));
    const spots = placeLabels(labelled.map((b, i) => ({ box: b, width: texts[i].width + 2 * pad, height: labelHeight })), image, { gap: stroke + 1 });
    const shapes = boxes.map((b) => `<rect x="${b.left}" y="${b.top}" width="${b.width}" height="${b.height}" fill="none" stroke="${b.color ?? '#ff3030'}" stroke-width="${stroke}"/>`);
    // Leader lines first, so that every label is drawn over them and stays readable.
    labelled.forEach((b, i) => {
      const spot = spots[i];
      if (!spot?.leader) return;
      const color = b.color ?? '#ff3030';
      const [cx, cy] = [spot.left + spot.width / 2, spot.top + spot.height / 2];
      const [bx, by] = nearestPoint(b, cx, cy);
      shapes.push(`<line x1="${cx}" y1="${cy}" x2="${bx}" y2="${by}" stroke="${color}" stroke-width="${stroke + 1}"/><circle cx="${bx}" cy="${by}" r="${stroke + 2}" fill="${color}"/>`);
    });
    labelled.forEach((b, i) => {
      const spot = spots[i];
      if (!spot) return;
      shapes.push(
        `<rect x="${spot.left}" y="${spot.top}" width="${spot.width}" height="${spot.height}" fill="${b.color ?? '#ff3030'}" fill-opacity="0.9"/>` +
          `<text x="${spot.left + pad}" y="${spot.top + Math.round(font * 1.0) + 1}" font-family="${LABEL_FONT}" font-size="${font}" fill="#fff">${escapeXml(texts[i].text)}</text>`,
      );
    });
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${image.width}" height="${image.height}">${shapes.join('')}</svg>`;
    if (image.channels === 1) img = img.toColourspace('srgb');
    img = sharp(await img.png().toBuffer()).composite([{ input: Buffer.from(svg), top: 0, left: 0 }]);
  }
  return img.png().toBuffer();
}
