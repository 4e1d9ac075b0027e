/** Small helpers shared by the text detectors: confidence clamping, lines built from words. */
import { unionBoxes } from '../image/boxes.js';
import type { DetectedText } from './types.js';

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
