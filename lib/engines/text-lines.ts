/** Small helpers shared by the text detectors: box unions, confidence clamping, lines built from words. */
import type { Box, DetectedText } from './types.js';

/** The smallest box holding every given box. */
export function unionBoxes(boxes: Box[]): Box {
  const left = Math.min(...boxes.map((b) => b.left));
  const top = Math.min(...boxes.map((b) => b.top));
  const right = Math.max(...boxes.map((b) => b.left + b.width));
  const bottom = Math.max(...boxes.map((b) => b.top + b.height));
  return { left, top, width: right - left, height: bottom - top };
}

/** A confidence clamped to 0–100 (NaN becomes 0). */
export function clampConfidence(c: number): number {
  return Math.max(0, Math.min(100, Number.isFinite(c) ? c : 0));
}

/**
 * Appends one line made of `words` (its text, mean confidence and union box) to a pass,
 * and the words themselves with the line's index.
 */
export function pushLine(pass: { words: DetectedText[]; lines: DetectedText[] }, words: Array<Omit<DetectedText, 'kind' | 'lineIndex'>>): void {
  const lineIndex = pass.lines.length;
  pass.lines.push({
    text: words.map((w) => w.text).join(' '),
    confidence: clampConfidence(words.reduce((s, w) => s + w.confidence, 0) / words.length),
    box: unionBoxes(words.map((w) => w.box)),
    kind: 'line',
    lineIndex,
  });
  for (const w of words) pass.words.push({ ...w, kind: 'word', lineIndex });
}
