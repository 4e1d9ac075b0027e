/**
 * The columns of a table of identities on a screen (a PACS study list, a modality worklist, a scheduler): seen from its
 * geometry, not its words. Words read on one row and close together are a cell; cells on rows one under the other that
 * start on one left edge are a column; columns that share rows are a table. A table whose rows hold identifiers found on
 * their own (a birth date, an ID) is a list of people, and in it a column whose heading names a person, a record or a
 * date, or whose cells mostly have the shape of one (capitalised words no vocabulary knows, long numbers, dates), is PHI
 * in every row, however its cells were read: a name OCR misread, a cell read as nothing on a row the other columns show.
 * Headings and clinical columns (modality, description, status, counts) stay. Pure functions over readings; phi.ts turns
 * the cells into findings.
 */
import { onOneLine, unionBoxes } from '../../image/boxes.js';
import type { Box, TextSpan } from '../types.js';
import { spanText } from '../spans.js';
import { headingSays } from './device-text.js';

/** The geometry of tables, as data (lengths in text heights of the row). */
export const TABLE_RULE = {
  /** Widest gap between two words of one cell: wider, the next column. */
  cellGap: 1.2,
  /** How far apart the left edges of one column's cells may be (OCR boxes jitter by a pixel or two, a glyph's side bearing more). */
  edgeSlack: 0.8,
  /** Widest gap between two rows of one table: a row read as nothing between two read ones still joins them. */
  rowGap: 3.2,
  /** Least cells of a column (on distinct rows). */
  columnCells: 3,
  /** Least rows two columns share to be one table. */
  sharedRows: 3,
  /** Least rows of a table holding an identifier found on its own for it to be a list of people (an identity panel's label and value columns hold two: a birth date and an ID). */
  identifierRows: 3,
  /** Share of a column's cells (below its heading) that must have a PHI shape, with no heading, for it to be PHI. */
  phiShare: 0.6,
  /** A word boxed taller than this many times the median word (two rows read as one, a region read whole) is no cell. */
  tallest: 2.2,
} as const;

/** One word read, where it is: its reading (index into the spans) and its range in that reading's text. */
interface CellWord {
  span: number;
  begin: number;
  end: number;
  text: string;
  box: Box;
}

/** Words on one row within a cell gap of each other. */
interface Cell {
  box: Box;
  words: CellWord[];
  row: number;
}

/** A PHI cell of a table column: the ranges of the readings that read it, or only its box when none did (a row of the table nobody read there). */
export interface TableCellFinding {
  category: 'A' | 'C' | 'H';
  box: Box;
  /** What the column's cells are: `name`, `date`, `id`. */
  kind: 'name' | 'date' | 'id';
  ranges: Array<{ span: number; begin: number; end: number }>;
}

/** Words a cell's shape is judged by: letters and digits with the marks names, dates and IDs carry. */
const DATE_SHAPE = /^(?:\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{8}|\d{1,2}[\s./-]?\p{L}{3,9}[\s./-]?\d{2,4}|\p{L}{3,9}[\s./-]?\d{1,2},?[\s./-]?\d{4})$/u;
const ID_SHAPE = /^(?=(?:\D*\d){5})[\p{L}\d][\p{L}\d/-]{4,19}$/u;
const NAME_WORD = /^[\p{Lu}][\p{L}'’^-]*[,.]?$|^[\p{Lu}]\.$/u;

/**
 * The shape of a cell's text: `date`, `id` or `name` (PHI shapes), `other` (a harmless word, a count, a time, a modality
 * or anything mixed). `isHarmlessWord`: a keep-list, clinical, function or list word.
 */
export function cellShape(text: string, isHarmlessWord: (word: string) => boolean): 'date' | 'id' | 'name' | 'other' {
  const t = text.trim().replace(/^[|[\]()]+|[|[\]()]+$/g, '').trim();
  if (DATE_SHAPE.test(t)) return 'date';
  if (ID_SHAPE.test(t.replace(/\s/g, ''))) return 'id';
  const words = t.split(/[\s^]+/).filter(Boolean);
  const letters = (w: string) => w.replace(/[^\p{L}]/gu, '');
  if (words.length > 0 && words.length <= 5 && words.every((w) => NAME_WORD.test(w)) && words.some((w) => letters(w).length >= 3) && !words.some((w) => letters(w).length >= 2 && isHarmlessWord(letters(w)))) return 'name';
  return 'other';
}

/**
 * The PHI cells of the tables of identities among `spans` (see the file's comment). `identifiers`: the boxes of findings
 * that are dates or IDs; `isHarmlessWord`: a keep-list, clinical, function or list word (never a name).
 */
export function tableColumnCells(spans: readonly TextSpan[], identifiers: readonly Box[], isHarmlessWord: (word: string) => boolean): { cells: TableCellFinding[]; headings: Box[] } {
  const words: CellWord[] = [];
  spans.forEach((span, s) => {
    for (const w of spanText(span).words) {
      if (/[\p{L}\p{N}]/u.test(w.word.text)) words.push({ span: s, begin: w.begin, end: w.end, text: w.word.text, box: w.word.box });
    }
  });
  const out: TableCellFinding[] = [];
  const headings: Box[] = [];
  if (words.length < TABLE_RULE.columnCells * 2) return { cells: out, headings };
  const heights = words.map((w) => w.box.height).sort((a, b) => a - b);
  const median = heights[heights.length >> 1];
  const rows = rowsOf(words.filter((w) => w.box.height <= TABLE_RULE.tallest * median), median);
  const columns = columnsOf(rows.flatMap((row, r) => cellsOf(row, r)));
  for (const table of tablesOf(columns)) {
    // The table's rows: those where two of its columns or more have a cell (not a title above it, a button row below it).
    const count = new Map<number, number>();
    for (const c of table) for (const x of c) count.set(x.row, (count.get(x.row) ?? 0) + 1);
    const shared = [...count].filter(([, n]) => n >= 2).map(([r]) => r).sort((a, b) => a - b);
    if (shared.length === 0) continue;
    const [top, bottom] = [shared[0], shared[shared.length - 1]];
    const tableRows = [...count.keys()].filter((r) => r >= top && r <= bottom).sort((a, b) => a - b);
    const cellsIn = table.map((c) => c.filter((x) => x.row >= top && x.row <= bottom));
    const box = unionBoxes(cellsIn.flat().map((x) => x.box));
    // Its heading row: the first, when half its cells or more are headings (in one reading or another: a rule or a band
    // read as marks beside them joins their cell) and none has the shape of a value.
    const firstCells = cellsIn.flatMap((c) => c.filter((x) => x.row === top));
    const headed = firstCells.filter((x) => headingOf(x, spans) !== undefined).length * 2 >= firstCells.length && firstCells.every((x) => cellShape(cellText(x), isHarmlessWord) !== 'date' && cellShape(cellText(x), isHarmlessWord) !== 'id');
    const holding = tableRows.filter((r) => identifiers.some((id) => onOneLine(id, rowBox(rows[r])) && id.left < box.left + box.width && id.left + id.width > box.left));
    if (holding.length < TABLE_RULE.identifierRows) continue;
    if (headed) headings.push(unionBoxes(firstCells.filter((x) => headingOf(x, spans) !== undefined).map((x) => x.box)));
    for (const column of cellsIn) {
      const headCell = headed ? column.find((x) => x.row === top) : undefined;
      const head = headCell ? headingOf(headCell, spans) : undefined;
      const body = column.filter((x) => !headed || x.row !== top);
      if (body.length === 0 || head === 'other') continue;
      const shapes = body.map((c) => cellShape(cellText(c), isHarmlessWord));
      const phi = shapes.filter((s) => s !== 'other');
      if (head !== 'phi' && phi.length < TABLE_RULE.phiShare * body.length) continue;
      // A heading read over the wrong column (a count column under `Date`): cells read as harmless, none of a PHI shape.
      if (head === 'phi' && phi.length === 0 && body.filter((c) => readAsHarmless(cellText(c), isHarmlessWord)).length * 2 > body.length) continue;
      // The column's kind: its cells' commonest PHI shape (a name column under `Patient` whatever was read).
      const kind = (['name', 'date', 'id'] as const).map((k) => ({ k, n: shapes.filter((s) => s === k).length })).sort((a, b) => b.n - a.n)[0].k;
      const category = kind === 'name' ? 'A' : kind === 'date' ? 'C' : 'H';
      // A cell read as harmless (a description or a count among the values, a panel's annotation) is no value of the
      // column unless its heading says so; a cell read as nothing known is one, read badly.
      for (const [k, cell] of body.entries()) if (head === 'phi' || shapes[k] !== 'other' || !readAsHarmless(cellText(cell), isHarmlessWord)) out.push({ category, kind, box: cell.box, ranges: rangesOf(cell) });
      // Fail closed: a row of the table (under its headings) with no cell read in this column.
      const left = Math.min(...body.map((c) => c.box.left));
      const right = Math.max(...body.map((c) => c.box.left + c.box.width));
      for (const r of tableRows) {
        if ((headed && r === top) || body.some((c) => c.row === r)) continue;
        const row = rowBox(rows[r]);
        out.push({ category, kind, box: { left, top: row.top, width: right - left, height: row.height }, ranges: [] });
      }
    }
  }
  return { cells: out, headings };
}

/** A count, a fraction of counts or a time (`212`, `3/124`, `14:05`). */
const COUNT = /^\d{1,4}(?:[/:]\d{1,4})?$/;

/** True when every word of a cell is a harmless word or a count: what a list prints beside its values. */
function readAsHarmless(text: string, isHarmlessWord: (word: string) => boolean): boolean {
  const words = text.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean);
  return words.length > 0 && words.every((w) => COUNT.test(w) || isHarmlessWord(w));
}

/** What a cell's heading says (see {@link headingSays}): of its text, or of one reading's words in it (`PHI` where it says so). */
function headingOf(cell: Cell, spans: readonly TextSpan[]): 'phi' | 'other' | undefined {
  const says = [cellText(cell), ...rangesOf(cell).map((r) => spanText(spans[r.span]).text.slice(r.begin, r.end))].map((t) => headingSays(t));
  return says.includes('phi') ? 'phi' : says.includes('other') ? 'other' : undefined;
}

const cellText = (c: Cell): string => c.words.map((w) => w.text).join(' ');
const rowBox = (row: readonly CellWord[]): Box => unionBoxes(row.map((w) => w.box));

/**
 * Words grouped into rows, top to bottom: by the middle of their boxes, a new row where the next middle lies more than
 * half a word's height below the row's (a box read tall over a band or a rule never chains two rows into one).
 */
function rowsOf(words: readonly CellWord[], median: number): CellWord[][] {
  const middle = (w: CellWord) => w.box.top + w.box.height / 2;
  const rows: CellWord[][] = [];
  let at = -Infinity;
  for (const w of [...words].sort((a, b) => middle(a) - middle(b))) {
    const row = rows.at(-1);
    if (row && middle(w) - at <= median / 2) {
      row.push(w);
      at = row.reduce((sum, x) => sum + middle(x), 0) / row.length;
    } else {
      rows.push([w]);
      at = middle(w);
    }
  }
  return rows;
}

/** A row's cells: its words left to right, a new cell past a gap wider than a cell's (readings of one place overlap and join). */
function cellsOf(row: readonly CellWord[], r: number): Cell[] {
  const h = [...row].map((w) => w.box.height).sort((a, b) => a - b)[row.length >> 1];
  const sorted = [...row].sort((a, b) => a.box.left - b.box.left);
  const cells: Cell[] = [];
  for (const w of sorted) {
    const last = cells.at(-1);
    if (last && w.box.left - (last.box.left + last.box.width) <= TABLE_RULE.cellGap * h) {
      last.words.push(w);
      last.box = unionBoxes([last.box, w.box]);
    } else cells.push({ box: w.box, words: [w], row: r });
  }
  return cells;
}

/** Columns: cells on rows one under the other (a row gap at most) on one left edge, at least `columnCells` of them, top to bottom. */
function columnsOf(cells: readonly Cell[]): Cell[][] {
  const group = cells.map((_, i) => i);
  const find = (i: number): number => (group[i] === i ? i : (group[i] = find(group[i])));
  cells.forEach((a, i) => cells.forEach((b, j) => {
    if (j <= i || a.row === b.row) return;
    const h = Math.max(a.box.height, b.box.height);
    const [upper, lower] = a.box.top < b.box.top ? [a, b] : [b, a];
    const gap = lower.box.top - (upper.box.top + upper.box.height);
    // Only the next row holding a cell on that edge: no cell of a row between them starts there.
    const between = cells.some((c) => c.row !== a.row && c.row !== b.row && Math.abs(c.box.left - a.box.left) <= TABLE_RULE.edgeSlack * h && c.box.top > upper.box.top && c.box.top < lower.box.top);
    if (!between && gap >= 0 && gap <= TABLE_RULE.rowGap * h && Math.abs(a.box.left - b.box.left) <= TABLE_RULE.edgeSlack * h) group[find(i)] = find(j);
  }));
  const byGroup = new Map<number, Cell[]>();
  cells.forEach((c, i) => byGroup.set(find(i), [...(byGroup.get(find(i)) ?? []), c]));
  return [...byGroup.values()]
    .map((c) => c.sort((x, y) => x.row - y.row))
    // One cell per row: two on one row are no column (the edge slack reached across a cell gap).
    .filter((c) => new Set(c.map((x) => x.row)).size === c.length && c.length >= TABLE_RULE.columnCells);
}

/** Tables: columns sharing `sharedRows` rows, chained; a column alone is no table. */
function tablesOf(columns: readonly Cell[][]): Cell[][][] {
  const group = columns.map((_, i) => i);
  const find = (i: number): number => (group[i] === i ? i : (group[i] = find(group[i])));
  const rowsOfColumn = columns.map((c) => new Set(c.map((x) => x.row)));
  columns.forEach((_, i) => columns.forEach((__, j) => {
    if (j > i && [...rowsOfColumn[i]].filter((r) => rowsOfColumn[j].has(r)).length >= TABLE_RULE.sharedRows) group[find(i)] = find(j);
  }));
  const tables = new Map<number, Cell[][]>();
  columns.forEach((c, i) => tables.set(find(i), [...(tables.get(find(i)) ?? []), c]));
  return [...tables.values()].filter((t) => t.length >= 2);
}

/** The ranges of a cell's words in each reading that read them. */
function rangesOf(cell: Cell): Array<{ span: number; begin: number; end: number }> {
  const bySpan = new Map<number, { span: number; begin: number; end: number }>();
  for (const w of cell.words) {
    const r = bySpan.get(w.span);
    bySpan.set(w.span, r ? { span: w.span, begin: Math.min(r.begin, w.begin), end: Math.max(r.end, w.end) } : { span: w.span, begin: w.begin, end: w.end });
  }
  return [...bySpan.values()];
}
