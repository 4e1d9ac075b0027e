/**
 * Generalises detected text to a regular expression of its shape: digit runs become `\d{n}`,
 * short letter runs `[A-Z]{n}`, letter runs of three or more (labels such as `MRN`) stay literal,
 * separators stay as they are. `MRN-123456` → `\bMRN-\d{6}\b`; `AB12-3456` → `\b[A-Z]{2}\d{2}-\d{4}\b`.
 */

/** One run of the shape. */
type Piece = { kind: 'digits'; min: number; max: number } | { kind: 'letters'; min: number; max: number } | { kind: 'literal'; text: string };

/** A text's shape: its pieces, and a key that ignores run lengths (so shapes can be merged). */
export interface Shape {
  pieces: Piece[];
  /** Same key = same structure, e.g. `L2|-|D5|-|L1` → structure `L|-|D|-|L`. */
  structure: string;
}

const LITERAL_LETTERS = 3;
// `-` and `/` stay bare: `\-` is an error in Unicode-mode regexes (the cleaner compiles with `u`).
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The shape of a text, or undefined when it holds no digit (names and words are not generalised). */
export function shapeOf(text: string): Shape | undefined {
  const t = text.trim();
  if (!/\d/.test(t)) return undefined;
  const pieces: Piece[] = [];
  for (const m of t.matchAll(/(\d+)|(\p{L}+)|(\s+)|([^\p{L}\d\s])/gu)) {
    if (m[1]) pieces.push({ kind: 'digits', min: m[1].length, max: m[1].length });
    else if (m[2]) pieces.push(m[2].length >= LITERAL_LETTERS ? { kind: 'literal', text: m[2].toUpperCase() } : { kind: 'letters', min: m[2].length, max: m[2].length });
    else if (m[3]) pieces.push({ kind: 'literal', text: ' ' });
    else pieces.push({ kind: 'literal', text: m[4] });
  }
  const structure = pieces.map((p) => (p.kind === 'digits' ? 'D' : p.kind === 'letters' ? 'L' : `=${p.text}`)).join('|');
  return { pieces, structure };
}

/** Merges two shapes of the same structure into one with length ranges (`\d{5,6}`). */
export function mergeShapes(a: Shape, b: Shape): Shape {
  if (a.structure !== b.structure) throw new Error('[learn] shapes of different structure cannot be merged');
  const pieces = a.pieces.map((p, i) => {
    const q = b.pieces[i];
    if (p.kind === 'literal' || q.kind === 'literal') return p;
    return { ...p, min: Math.min(p.min, q.min), max: Math.max(p.max, q.max) };
  });
  return { pieces, structure: a.structure };
}

const count = (min: number, max: number) => (min === max ? (min === 1 ? '' : `{${min}}`) : `{${min},${max}}`);

/** The regex source of a shape, with word boundaries: `\b[A-Z]{2}-\d{5}-[A-Z]\b`. */
export function shapeToRegex(shape: Shape): string {
  const body = shape.pieces
    .map((p) => {
      if (p.kind === 'digits') return `\\d${count(p.min, p.max)}`;
      if (p.kind === 'letters') return `[A-Z]${count(p.min, p.max)}`;
      return p.text === ' ' ? '\\s' : escapeRegExp(p.text);
    })
    .join('');
  return `\\b${body}\\b`;
}

/** Letters and digits in a shape at its shortest: how specific it is. */
export function shapeLength(shape: Shape): number {
  return shape.pieces.reduce((n, p) => n + (p.kind === 'literal' ? p.text.replace(/[^\p{L}\p{N}]/gu, '').length : p.min), 0);
}
