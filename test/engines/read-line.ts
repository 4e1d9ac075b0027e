import type { TextSpan } from '../../lib/engines/types.js';

/**
 * One line as OCR gives it: `text` split at spaces into words boxed 7 px a character, a space's width apart, from
 * `left` on row `top`, each read with `confidence`; the span's box holds them all.
 */
export function readLine(text: string, { top = 20, left = 10, height = 11, confidence = 90, location = `line ${top}` }: { top?: number; left?: number; height?: number; confidence?: number; location?: string } = {}): TextSpan {
  let x = left;
  const words = text.split(' ').map((w) => {
    const box = { left: x, top, width: 7 * w.length, height };
    x += 7 * w.length + 7;
    return { text: w, confidence, kind: 'word' as const, lineIndex: top, box };
  });
  return { text, location, box: { left, top, width: x - 7 - left, height }, words };
}
