/**
 * Tab-separated values: one header row, one row per record, every value escaped so that a value
 * holding tabs, newlines or backslashes never breaks a row (`\t`, `\r`, `\n`, `\\`).
 */

/** A row: column name → value (numbers and booleans are written as text, undefined as empty). */
export type TsvRow = Record<string, string | number | boolean | undefined | null>;

/** Escapes one value: backslash, tab, CR and LF become `\\`, `\t`, `\r`, `\n`. */
export function escapeTsvValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  return String(value).replace(/[\\\t\r\n]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\r': '\\r', '\n': '\\n' })[c]!);
}

/** Reverses {@link escapeTsvValue}. An unknown escape is an error: the file was not written by us. */
export function unescapeTsvValue(text: string): string {
  return text.replace(/\\(.?)/g, (_, c: string) => {
    const out = ({ '\\': '\\', t: '\t', r: '\r', n: '\n' } as Record<string, string>)[c];
    if (out === undefined) throw new TsvError(`bad escape "\\${c}" in a TSV value`);
    return out;
  });
}

/** A TSV file that does not parse strictly (bad escape, wrong column count). */
export class TsvError extends Error {
  override name = 'TsvError';
}

/**
 * Renders rows as TSV with the given columns (in order), header first, `\n` after every row.
 * @example toTsv(['tag', 'text'], [{ tag: '(0010,0010)', text: 'a\tb' }]) // 'tag\ttext\n(0010,0010)\ta\\tb\n'
 */
export function toTsv(columns: readonly string[], rows: readonly TsvRow[]): string {
  const lines = [columns.map(escapeTsvValue).join('\t')];
  for (const row of rows) lines.push(columns.map((c) => escapeTsvValue(row[c])).join('\t'));
  return lines.join('\n') + '\n';
}

/**
 * Parses TSV strictly: every row must have the header's column count; values are unescaped.
 * @throws TsvError naming the line of the first broken row.
 */
export function parseTsv(text: string, source = 'TSV'): { columns: string[]; rows: Array<Record<string, string>> } {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) throw new TsvError(`${source}: empty file (no header row)`);
  const columns = lines[0].split('\t').map(unescapeTsvValue);
  const rows = lines.slice(1).map((line, i) => {
    const cells = line.split('\t');
    if (cells.length !== columns.length) throw new TsvError(`${source}: line ${i + 2} has ${cells.length} columns, the header has ${columns.length}`);
    const row: Record<string, string> = {};
    columns.forEach((c, j) => (row[c] = unescapeTsvValue(cells[j])));
    return row;
  });
  return { columns, rows };
}
