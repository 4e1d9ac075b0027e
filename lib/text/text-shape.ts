/** What a text shape is and what it finds (lib/text/shapes.ts holds the shapes; lib/text/addresses.ts some of them). */
import type { SafeHarborCategory } from '../safe-harbor.js';

/** One shape: what it finds, its Safe Harbor letter, and an optional check of the matched text. */
export interface TextShape {
  kind: string;
  category: SafeHarborCategory;
  /** The pattern (global); a shape without one has `find`. */
  re?: RegExp;
  /** Finds the spans itself, where one pattern cannot say it (words looked up in the locales' data, then the digits around them). */
  find?: (text: string) => ReadonlyArray<{ begin: number; end: number }>;
  /** Capture group holding the identifying part (default: the whole match). */
  group?: number;
  accept?: (match: string) => boolean;
  /** A text without any of these strings (lower case) cannot match: the pattern is skipped. */
  requires?: readonly string[];
  /** Every match holds an ASCII digit: a text without one is not searched (one test for all such shapes). */
  needsDigit?: boolean;
}

/** A span of identifying text. */
export interface ShapeSpan {
  begin: number;
  end: number;
  kind: string;
  category: SafeHarborCategory;
  /** The whole match, when the span is a group of it (`University of Westmarch` around `Westmarch`). */
  outer?: { begin: number; end: number };
}
