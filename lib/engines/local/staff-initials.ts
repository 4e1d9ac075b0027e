/**
 * A staff member's initials with no cue before them (`JMR` alone in a column of technique values, `0.30 mm BK` with the
 * operator's initials at the end of a line). Two or three capitals are as often texture read as letters (speckle, the
 * edge of a status bar) as initials, so they count only with evidence of their own: the exact initials of the operator
 * or the performing physician the header holds, read whole and well, at the end of a line of text read well or alone on a
 * line lined up with such lines (a text block). Pure over the spans of one reading; phi.ts turns the ranges into findings.
 */
import type { Box, TextSpan } from '../types.js';
import type { PersonInitials } from './person-initials.js';
import { plainLetter } from './text-fold.js';

/** Header people whose initials a screen prints with no cue: the staff who run the study. */
export const UNCUED_STAFF_SOURCES: ReadonlySet<string> = new Set(['OperatorsName', 'PerformingPhysicianName']);

/** Least OCR confidence (0–100) of the initials, and of the words of the text around them that vouch for a text block. */
const INITIALS_CONFIDENCE = 80;
const BLOCK_CONFIDENCE = 70;

/** The initials found: the span (its index), the range of its text, and the header attribute. */
export interface UncuedInitials {
  span: number;
  begin: number;
  end: number;
  source: string;
}

const bottom = (b: Box) => b.top + b.height;
const right = (b: Box) => b.left + b.width;

/**
 * The uncued initials of `people` (only those from {@link UNCUED_STAFF_SOURCES} count) in `spans`: a word of two or
 * three capitals spelling them exactly, read with {@link INITIALS_CONFIDENCE}, not `harmless` (keep-list, view and
 * function words), and either the last word of a line whose other words are read with {@link BLOCK_CONFIDENCE} on
 * average and stand within two glyph heights before it, or the only word of its line, with a line read that well
 * beside it in a column: within two line heights above or below, as tall within a third, its left or right edge
 * lined up with the initials' within a glyph height.
 */
export function uncuedInitials(spans: readonly TextSpan[], people: readonly PersonInitials[], harmless: (word: string) => boolean): UncuedInitials[] {
  const staff = people.filter((p) => UNCUED_STAFF_SOURCES.has(p.source));
  if (staff.length === 0) return [];
  const out: UncuedInitials[] = [];
  const wellRead = (s: TextSpan) => {
    const words = (s.words ?? []).filter((w) => /[\p{L}\p{N}]/u.test(w.text));
    return words.length > 0 && words.reduce((n, w) => n + w.confidence, 0) / words.length >= BLOCK_CONFIDENCE;
  };
  spans.forEach((span, i) => {
    const words = span.words ?? [];
    const last = words.at(-1);
    if (!last || !/^\p{Lu}{2,3}$/u.test(last.text) || last.confidence < INITIALS_CONFIDENCE || harmless(last.text)) return;
    const person = staff.find((p) => p.letters === plainLetter(last.text));
    if (!person) return;
    const glyph = last.box.height;
    let vouched: boolean;
    if (words.length > 1) {
      const before = words.slice(0, -1);
      const gap = last.box.left - right(before[before.length - 1].box);
      vouched = gap >= 0 && gap <= 2 * glyph && wellRead({ ...span, words: before });
    } else {
      const b = last.box;
      vouched = spans.some((o, j) => {
        const ob = o.box;
        if (j === i || !ob || !wellRead(o) || (o.words ?? []).length === 0) return false;
        const apart = Math.max(ob.top - bottom(b), b.top - bottom(ob));
        const tall = Math.abs(ob.height - b.height) <= b.height / 3;
        const lined = Math.abs(ob.left - b.left) <= glyph || Math.abs(right(ob) - right(b)) <= glyph;
        return apart >= 0 && apart <= 2 * b.height && tall && lined;
      });
    }
    if (!vouched) return;
    const text = words.map((w) => w.text).join(' ');
    out.push({ span: i, begin: text.length - last.text.length, end: text.length, source: person.source });
  });
  return out;
}
