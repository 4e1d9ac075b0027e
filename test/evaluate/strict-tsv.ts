/**
 * A strict TSV reader written for the tests, independent of lib/reports: every row must have the
 * header's column count, and escapes are the four the reports use.
 */
export function strictTsv(text: string): { columns: string[]; rows: Array<Record<string, string>> } {
  if (!text.endsWith('\n')) throw new Error('TSV must end with a newline');
  const lines = text.slice(0, -1).split('\n');
  const unescape = (v: string) => v.replace(/\\(.)/g, (_, c: string) => {
    const map: Record<string, string> = { t: '\t', n: '\n', r: '\r', '\\': '\\' };
    if (!(c in map)) throw new Error(`bad escape \\${c}`);
    return map[c];
  });
  const columns = lines[0].split('\t');
  const rows = lines.slice(1).map((line, i) => {
    const cells = line.split('\t');
    if (cells.length !== columns.length) throw new Error(`row ${i + 2}: ${cells.length} cells, header has ${columns.length}`);
    return Object.fromEntries(columns.map((c, j) => [c, unescape(cells[j])]));
  });
  return { columns, rows };
}
