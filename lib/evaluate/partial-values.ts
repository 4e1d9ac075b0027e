/**
 * What a redaction box left readable of a word: an OCR word right beside a filled box that is the
 * head (left of the box) or the tail (right of it) of one of the original's values, such as the last
 * digits of an accession number (`Acc# ▇▇▇973`) or the end of a name. A whole value is found by the
 * PHI detector; a fragment is only evidence where a box cut the word.
 */
import { foldOcr } from '../engines/local/text-fold.js';
import type { Box, IdentityContext, PhiFinding, TextSpan } from '../engines/types.js';
import type { SafeHarborCategory } from '../safe-harbor.js';

/** Shorter fragments match too much by chance. */
const MIN_FRAGMENT = 3;

interface Piece {
  folded: string;
  category: SafeHarborCategory;
  source: string;
  /** A date: its year alone identifies no one (Safe Harbor keeps years). */
  year?: string;
}

/** Letters and digits of a value, upper-cased and folded the way OCR text is. */
const fold = (text: string): string => foldOcr(text.replace(/[^\p{L}\p{N}]/gu, ''));

/** The value's pieces a screen shows as one word: name parts, the compact ID, the date in each order. */
function pieces(identity: IdentityContext): Piece[] {
  const out: Piece[] = [];
  for (const { value, category, source, vr } of identity.values) {
    if (typeof value !== 'string' || value.trim() === '' || vr === 'AS' || vr === 'UI') continue;
    const date = /^(\d{4})(\d{2})(\d{2})/.exec(value.replace(/[-./]/g, ''));
    if ((vr === 'DA' || vr === 'DT') && date) {
      const [, y, m, d] = date;
      for (const form of [`${y}${m}${d}`, `${m}${d}${y}`, `${d}${m}${y}`]) out.push({ folded: fold(form), category: 'C', source, year: y });
      continue;
    }
    for (const part of value.split(/[\^=,\s]+/)) if (fold(part).length >= MIN_FRAGMENT + 1) out.push({ folded: fold(part), category, source });
    if (/\s/.test(value.trim())) out.push({ folded: fold(value), category, source });
  }
  return out;
}

/**
 * Findings for the words of `spans` that sit beside a filled box (same row, within a glyph height
 * of its side) and are the head or tail, 3 characters or more, of a value of `identity` that the box
 * cut: a tail right of the box, a head left of it. A date's year alone is not a finding.
 * @example remnantsBesideBoxes(spans, [{ left: 40, top: 480, width: 50, height: 14 }], identity) // `973` right of the box
 */
export function remnantsBesideBoxes(spans: TextSpan[], filled: readonly Box[], identity: IdentityContext): PhiFinding[] {
  const list = pieces(identity);
  const out: PhiFinding[] = [];
  for (const span of spans) {
    for (const word of span.words ?? []) {
      const text = fold(word.text);
      if (text.length < MIN_FRAGMENT) continue;
      const side = besideBox(word.box, filled);
      if (!side) continue;
      // The sliver of a cut glyph at the box's edge reads as one more character (`J973`): try without it.
      const forms = [text, side === 'right' ? text.slice(1) : text.slice(0, -1)].filter((f) => f.length >= MIN_FRAGMENT);
      const piece = list.find((p) =>
        forms.some((f) => p.folded.length > f.length && !(p.year && f === fold(p.year)) && (side === 'right' ? p.folded.endsWith(f) : p.folded.startsWith(f))),
      );
      if (!piece) continue;
      out.push({
        text: word.text,
        category: piece.category,
        score: 0.7,
        type: `partial:${piece.source}`,
        engine: 'evaluate:remnant',
        box: { ...word.box },
        ...(span.location !== undefined ? { location: span.location } : {}),
      });
    }
  }
  return out;
}

/** Which side of a filled box the word sits on (`right`: the box is just left of it), if any. */
function besideBox(word: Box, filled: readonly Box[]): 'left' | 'right' | undefined {
  const reach = Math.max(3, word.height);
  for (const b of filled) {
    const overlap = Math.min(word.top + word.height, b.top + b.height) - Math.max(word.top, b.top);
    if (overlap < 0.5 * Math.min(word.height, b.height)) continue;
    const gapRight = word.left - (b.left + b.width);
    if (gapRight >= -2 && gapRight <= reach) return 'right';
    const gapLeft = b.left - (word.left + word.width);
    if (gapLeft >= -2 && gapLeft <= reach) return 'left';
  }
  return undefined;
}
