/**
 * Fail closed on turned text we cannot read beside identity. A label drawn turned a quarter along a side edge
 * (mammography, ultrasound, some plate consoles) is read turned both ways, and the way that reads is judged as any line
 * (see `columnCrops` in `lib/engines/local/text-mosaic.ts`). A column of turned glyphs that neither way reads, or reads
 * only in part, next to identity text the kit found is more likely the rest of that label than anything else: its box is
 * filled, as `unread-lines.ts` fills the unread lines of an identity block. A column far from identity stays.
 */
import type { PhiFinding, TextSpan } from '../engines/types.js';
import { coveredBy, onOneLine, overlapping } from '../image/boxes.js';
import { brightestChannel } from '../image/grey.js';
import { findTextColumns } from '../image/text-regions.js';
import type { DisplayImage } from '../image/types.js';
import { UNREAD_ENGINE } from './unread-lines.js';

/** What this rule calls read, and how near identity is, as data (lengths in the column's glyph heights). */
export const UNREAD_COLUMN_RULE = {
  /** OCR word confidence (0–100) from which a word over a column counts as read. */
  wellRead: 60,
  /** Share of a column's length that words read well must cover for it to count as read. */
  readShare: 0.6,
  /** How much wider than the column a word read across it must be to cover it (a line crossing it, not its glyphs misread). */
  acrossWidth: 1.5,
  /** How far from a column (glyph heights, on every side) an identity finding makes it an identity column. */
  reach: 3,
  /** Least words read well across a column, each on a row of its own, that make it a stack of short lines (a table's modality column), not turned glyphs. */
  stackedWords: 3,
  /** Share of the column's width each of those words must span. */
  stackedWidth: 0.6,
} as const;

/** Engines whose findings are identity: the file's own header values and labelled identifiers. */
function isIdentityFinding(f: PhiFinding): boolean {
  return f.engine.startsWith('local:header') || f.engine === 'local:label';
}

/**
 * The findings of this rule in one frame (type `unread-column`, engine `local:block`): the box of each column of turned
 * glyphs ({@link findTextColumns}) in `image` that the words of `spans` read well cover along less than `readShare` of
 * its length, with an identity finding of `found` within `reach` of it, and no finding already over it.
 */
export function unreadColumnFindings(image: DisplayImage, spans: TextSpan[], found: PhiFinding[], location = 'frame'): PhiFinding[] {
  const identity = found.flatMap((f) => (f.box !== undefined && isIdentityFinding(f) ? [f.box] : []));
  if (identity.length === 0) return [];
  const columns = findTextColumns(brightestChannel(image), image.width, image.height);
  if (columns.length === 0) return [];
  const read = spans.flatMap((s) => (s.words ?? []).filter((w) => w.confidence >= UNREAD_COLUMN_RULE.wellRead && /[\p{L}\p{N}]/u.test(w.text)));
  const out: PhiFinding[] = [];
  for (const { box, glyphHeight } of columns) {
    const r = UNREAD_COLUMN_RULE.reach * glyphHeight;
    const near = { left: box.left - r, top: box.top - r, width: box.width + 2 * r, height: box.height + 2 * r };
    if (!identity.some((b) => overlapping(near, b))) continue;
    if (found.some((f) => f.box !== undefined && coveredBy(box, f.box))) continue;
    // Short words read well, stacked one per row down the column (`CT` / `MR` / `DX` of a list): lines across, not turned text.
    const stacked = read.filter((w) => w.turn === undefined && overlapping(w.box, box) && w.box.width >= UNREAD_COLUMN_RULE.stackedWidth * box.width && /[\p{L}\p{N}]{2}/u.test(w.text));
    if (stacked.filter((w, i) => !stacked.slice(0, i).some((o) => onOneLine(o.box, w.box))).length >= UNREAD_COLUMN_RULE.stackedWords) continue;
    // The rows of the column that words read well lie over: turned words, which run along it, and words of a line across
    // it (wider than the column: the ink is a line after all). A word read across within the column's width is its
    // turned glyphs misread as a line, and vouches for nothing.
    const covered = new Uint8Array(box.height);
    for (const w of read) {
      if (!overlapping(w.box, box) || (w.turn === undefined && w.box.width < UNREAD_COLUMN_RULE.acrossWidth * box.width)) continue;
      for (let y = Math.max(w.box.top, box.top); y < Math.min(w.box.top + w.box.height, box.top + box.height); y++) covered[y - box.top] = 1;
    }
    if (covered.reduce((n, c) => n + c, 0) >= UNREAD_COLUMN_RULE.readShare * box.height) continue;
    out.push({ text: '', category: 'R', score: 0.5, type: 'unread-column', engine: UNREAD_ENGINE, box: { ...box }, location });
  }
  return out;
}
