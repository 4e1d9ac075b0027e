import sharp from 'sharp';
import type { DisplayImage } from '../image/types.js';
import { escapeHtml } from './html.js';
import { display } from './display.js';

/** PNG bytes, or an 8-bit grey/RGB image from the pixel renderer. */
export type ImageInput = Uint8Array | DisplayImage;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function isPng(bytes: Uint8Array): boolean {
  return bytes.length > PNG_SIGNATURE.length && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

/**
 * Returns PNG bytes for an image: PNG input is passed through (checked by its signature),
 * a {@link DisplayImage} is encoded with sharp.
 */
export async function asPng(image: ImageInput): Promise<Uint8Array> {
  if (image instanceof Uint8Array) {
    if (!isPng(image)) throw new TypeError('[notebook] asPng: bytes are not a PNG image (expected PNG bytes or a DisplayImage)');
    return image;
  }
  const { width, height, channels, data } = image;
  if (data.length !== width * height * channels) {
    throw new RangeError(`[notebook] asPng: image data holds ${data.length} bytes, expected ${width}×${height}×${channels}`);
  }
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(await sharp(buf, { raw: { width, height, channels } }).png().toBuffer());
}

/** An `<img>` with the PNG inlined as a data URL. */
export function pngImgTag(png: Uint8Array, options: { alt?: string; width?: number } = {}): string {
  const b64 = Buffer.from(png.buffer, png.byteOffset, png.byteLength).toString('base64');
  const width = options.width ? ` width="${Math.round(options.width)}"` : '';
  return `<img src="data:image/png;base64,${b64}" alt="${escapeHtml(options.alt ?? 'image')}"${width} style="max-width:100%;height:auto;image-rendering:auto">`;
}

/**
 * Shows an image inline (image/png). Returns nothing, so the cell prints nothing more;
 * use {@link asPng} for the bytes.
 * @example await showImage(png) // in a notebook cell
 */
export async function showImage(image: ImageInput): Promise<void> {
  display('image/png', await asPng(image));
}

/** Options of {@link sideBySide}. */
export interface SideBySideOptions {
  /** Captions above the two images (default: `['Before', 'After']`). */
  labels?: [string, string];
  /** Display width of each image in CSS pixels (default: 480). */
  width?: number;
}

/** HTML showing two images side by side with captions (two inline PNGs). */
export async function sideBySideHtml(before: ImageInput, after: ImageInput, options: SideBySideOptions = {}): Promise<string> {
  const [a, b] = await Promise.all([asPng(before), asPng(after)]);
  const [la, lb] = options.labels ?? ['Before', 'After'];
  const width = options.width ?? 480;
  const figure = (png: Uint8Array, label: string) =>
    `<figure style="margin:0 12px 0 0;display:inline-block;vertical-align:top">` +
    `<figcaption style="font:600 13px sans-serif;margin:0 0 4px">${escapeHtml(label)}</figcaption>` +
    `${pngImgTag(png, { alt: label, width })}</figure>`;
  return `<div class="deid-side-by-side" style="display:flex;flex-wrap:wrap;align-items:flex-start">${figure(a, la)}${figure(b, lb)}</div>`;
}

/**
 * Shows two images side by side inline, e.g. before and after redaction.
 * @example await showSideBySide(beforePng, afterPng, { labels: ['Original', 'De-identified'] })
 */
export async function showSideBySide(before: ImageInput, after: ImageInput, options: SideBySideOptions = {}): Promise<void> {
  display('text/html', await sideBySideHtml(before, after, options));
}
