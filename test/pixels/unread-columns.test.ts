import { describe, expect, it } from 'vitest';
import type { Box, DetectedText, DisplayImage, PhiFinding, TextSpan } from '../../lib/engines/types.js';
import { unreadColumnFindings } from '../../lib/pixels/unread-columns.js';

const W = 256;
const H = 256;

/** A dark, noisy frame (as the margins of a radiograph), deterministic. */
function darkFrame(): Uint8Array {
  let s = 11;
  const grey = new Uint8Array(W * H);
  for (let i = 0; i < grey.length; i++) grey[i] = 6 + ((s = (s * 1664525 + 1013904223) >>> 0) % 12);
  return grey;
}

function fill(grey: Uint8Array, b: Box, v: number): void {
  for (let y = b.top; y < b.top + b.height; y++) for (let x = b.left; x < b.left + b.width; x++) grey[y * W + x] = v;
}

/** Glyph-like marks of thin strokes stacked down a column 8 px across, as a label printed turned; returns its box. */
function column(grey: Uint8Array, left: number, top: number, chars: number): Box {
  for (let c = 0; c < chars; c++) {
    const y = top + c * 7;
    fill(grey, { left, top: y, width: 8, height: 1 }, 230);
    fill(grey, { left, top: y, width: 1, height: 5 }, 230);
    if (c % 2 === 0) fill(grey, { left, top: y + 4, width: 8, height: 1 }, 230);
  }
  return { left, top, width: 8, height: chars * 7 - 2 };
}

/** A frame with a turned name label (read and found) up the left edge and a second turned label beside it. */
function frame(): { image: DisplayImage; name: Box; value: Box } {
  const grey = darkFrame();
  const name = column(grey, 6, 60, 12);
  const value = column(grey, 20, 70, 9);
  return { image: { width: W, height: H, channels: 1, data: grey }, name, value };
}

/** A turned reading of one column: one word over its box. */
function reading(location: string, box: Box, text: string, confidence: number): TextSpan {
  const word: DetectedText = { text, confidence, box, kind: 'word', lineIndex: 0, turn: 'up' };
  return { text, box, location, words: [word] };
}

const nameFinding = (span: TextSpan): PhiFinding => ({ text: span.text, category: 'A', score: 1, type: 'header:PatientName', engine: 'local:header-name', box: span.box, location: span.location });

describe('unreadColumnFindings: turned text read badly beside identity', () => {
  it('fills a column of turned glyphs beside a turned name when it reads badly both ways', () => {
    const { image, name, value } = frame();
    const read = reading('l0', name, 'WHITCOMBE', 93);
    const found = unreadColumnFindings(image, [read], [nameFinding(read)], 'frame 0');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ type: 'unread-column', engine: 'local:block', location: 'frame 0' });
    const b = found[0].box!;
    expect(b.left <= value.left && b.top <= value.top + 1 && b.left + b.width >= value.left + value.width && b.top + b.height >= value.top + value.height - 1).toBe(true);
  });

  it('leaves a column alone when a reading covers it well, or when no identity is near', () => {
    const { image, name, value } = frame();
    const read = reading('l0', name, 'WHITCOMBE', 93);
    expect(unreadColumnFindings(image, [read, reading('l1', value, '4471902', 88)], [nameFinding(read)])).toEqual([]);
    // A junk reading does not vouch, nor its glyphs misread as a line across the column, however sure.
    expect(unreadColumnFindings(image, [read, reading('l1', value, 'ii', 21)], [nameFinding(read)])).toHaveLength(1);
    const across: TextSpan = { ...reading('l2', value, '0)Y]', 80), words: [{ text: '0)Y]', confidence: 80, box: value, kind: 'word', lineIndex: 0 }] };
    expect(unreadColumnFindings(image, [read, across], [nameFinding(read)])).toHaveLength(1);
    // A line read across the column (wider than it) covers the rows it crosses.
    const line = (top: number): TextSpan => ({ text: 'SE 4', box: { left: 0, top, width: 60, height: 8 }, location: `r${top}`, words: [{ text: 'SE4', confidence: 90, box: { left: 0, top, width: 60, height: 8 }, kind: 'word', lineIndex: 0 }] });
    expect(unreadColumnFindings(image, [read, ...[70, 78, 86, 94, 102, 110, 118].map(line)], [nameFinding(read)])).toEqual([]);
    // Short words read well across the column, one per row (a list's `CT` / `MR` / `DX`): a stack of lines, not turned glyphs.
    const short = (top: number, text: string): TextSpan => ({ text, box: { left: value.left, top, width: value.width, height: 8 }, location: `s${top}`, words: [{ text, confidence: 90, box: { left: value.left, top, width: value.width, height: 8 }, kind: 'word', lineIndex: 0 }] });
    expect(unreadColumnFindings(image, [read, short(70, 'CT'), short(84, 'MR'), short(98, 'DX')], [nameFinding(read)])).toEqual([]);
    // …two of them are not enough.
    expect(unreadColumnFindings(image, [read, short(70, 'CT'), short(84, 'MR')], [nameFinding(read)])).toHaveLength(1);
    // No identity found in the frame: a turned label that reads badly is a probe or a view as likely as a name.
    expect(unreadColumnFindings(image, [read], [])).toEqual([]);
    // Identity far off, in another corner.
    const far = reading('l9', { left: 200, top: 220, width: 40, height: 10 }, 'WHITCOMBE', 93);
    expect(unreadColumnFindings(image, [read, far], [nameFinding(far)])).toEqual([]);
  });
});
