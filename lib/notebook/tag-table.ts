import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseTsv } from '../reports/tsv.js';
import { escapeHtml } from './html.js';
import { display } from './display.js';

/** One element's value as shown in a tag table. */
export interface TagRow {
  /** `(0010,0010)` or `00100010`. */
  tag: string;
  keyword?: string;
  vr?: string;
  /** The value as text (`''` for an empty element). */
  value: string;
  /** Element path for nested elements, e.g. `(0008,1110)[0].(0008,1155)`; rows are matched on it (default: the tag). */
  path?: string;
}

/** How an element differs between the two lists. */
export type TagChangeKind = 'changed' | 'removed' | 'added' | 'same';

/** A row of the before/after table. */
export interface TagChange {
  key: string;
  tag: string;
  keyword: string;
  vr: string;
  /** `undefined` when the element did not exist on that side. */
  before?: string;
  after?: string;
  change: TagChangeKind;
}

/**
 * Matches the rows of two tag lists by path (or tag) and says how each element changed.
 * Order: the `before` order, then elements only present `after`.
 */
export function diffTagRows(before: readonly TagRow[], after: readonly TagRow[]): TagChange[] {
  const keyed = (rows: readonly TagRow[]) => {
    const seen = new Map<string, number>();
    return rows.map((row) => {
      const base = row.path ?? row.tag;
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      return { key: n === 0 ? base : `${base}#${n}`, row };
    });
  };
  const afterByKey = new Map(keyed(after).map((e) => [e.key, e.row]));
  const out: TagChange[] = [];
  for (const { key, row } of keyed(before)) {
    const a = afterByKey.get(key);
    afterByKey.delete(key);
    out.push({
      key,
      tag: row.tag,
      keyword: row.keyword ?? a?.keyword ?? '',
      vr: row.vr ?? a?.vr ?? '',
      before: row.value,
      after: a?.value,
      change: a === undefined ? 'removed' : a.value === row.value ? 'same' : 'changed',
    });
  }
  for (const [key, row] of afterByKey) {
    out.push({ key, tag: row.tag, keyword: row.keyword ?? '', vr: row.vr ?? '', after: row.value, change: 'added' });
  }
  return out;
}

/** Options of {@link tagTable}. */
export interface TagTableOptions {
  /** Show only changed, removed and added elements (default: false). */
  onlyChanged?: boolean;
  /** Longer values are cut with an ellipsis (default: 120 characters). */
  maxValueLength?: number;
  /** A caption above the table (optional). */
  caption?: string;
}

const STYLE: Record<TagChangeKind, string> = {
  changed: 'background:#fff1b8',
  removed: 'background:#ffd9d9;text-decoration:line-through',
  added: 'background:#d9f5dd',
  same: '',
};

function cell(value: string | undefined, max: number, style = ''): string {
  const text = value === undefined ? '—' : value.length > max ? `${value.slice(0, max)}…` : value;
  const title = value !== undefined && value.length > max ? ` title="${escapeHtml(value)}"` : '';
  const css = `padding:2px 8px;border:1px solid #ddd;font-family:monospace;white-space:pre-wrap;text-align:left;${style}`;
  return `<td style="${css}"${title}>${escapeHtml(text)}</td>`;
}

/** Renders changes as an HTML table (values escaped; changed values highlighted); nothing to show is said in words. */
export function tagTableHtml(changes: readonly TagChange[], options: TagTableOptions = {}): string {
  const max = options.maxValueLength ?? 120;
  const rows = options.onlyChanged ? changes.filter((c) => c.change !== 'same') : changes;
  const counts = { changed: 0, removed: 0, added: 0, same: 0 };
  for (const c of changes) counts[c.change] += 1;
  const th = (t: string) => `<th style="padding:2px 8px;border:1px solid #ccc;background:#f3f3f3;text-align:left">${t}</th>`;
  const body = rows
    .map((c) => {
      const beforeStyle = c.change === 'removed' ? STYLE.removed : '';
      const afterStyle = c.change === 'changed' || c.change === 'added' ? STYLE[c.change] : '';
      return (
        `<tr data-change="${c.change}">` +
        cell(c.tag, max) + cell(c.keyword, max) + cell(c.vr, max) +
        cell(c.before, max, beforeStyle) + cell(c.after, max, afterStyle) +
        cell(c.change, max) + '</tr>'
      );
    })
    .join('');
  const summary = `${counts.changed} changed, ${counts.removed} removed, ${counts.added} added, ${counts.same} unchanged`;
  const caption = options.caption ? `${escapeHtml(options.caption)} — ` : '';
  if (rows.length === 0) {
    const none = changes.length === 0 ? 'no elements.' : 'no element changed.';
    return `<p class="deid-empty-table" style="font:13px sans-serif;margin:4px 0"><b>${caption}${summary}</b>: ${none}</p>`;
  }
  return (
    `<table class="deid-tag-table" style="border-collapse:collapse;font-size:12px">` +
    `<caption style="text-align:left;font:600 13px sans-serif;padding:4px 0">${caption}${summary}</caption>` +
    `<thead><tr>${th('Tag')}${th('Keyword')}${th('VR')}${th('Before')}${th('After')}${th('Change')}</tr></thead>` +
    `<tbody>${body}</tbody></table>`
  );
}

/**
 * Shows a before/after table of DICOM elements inline, changed values highlighted.
 * Use {@link diffTagRows} for the changes as data.
 * @example showTagTable(rowsBefore, rowsAfter, { onlyChanged: true, caption: 'Header' })
 */
export function showTagTable(before: readonly TagRow[], after: readonly TagRow[], options: TagTableOptions = {}): void {
  display('text/html', tagTableHtml(diffTagRows(before, after), options));
}

/** Options of {@link recordTableHtml}. */
export interface RecordTableOptions {
  /** Columns in order (default: every key, in order of first appearance). */
  columns?: string[];
  caption?: string;
  /** What to say instead of a table when there are no records (default: "No rows."). */
  empty?: string;
}

/**
 * HTML table of any list of records (values escaped; objects as JSON). With no records it says so
 * in words (`options.empty`) instead of drawing a table without rows or columns.
 */
export function recordTableHtml(records: ReadonlyArray<Record<string, unknown>>, options: RecordTableOptions = {}): string {
  if (records.length === 0) {
    const caption = options.caption ? `<b>${escapeHtml(options.caption)}</b>: ` : '';
    return `<p class="deid-empty-table" style="font:13px sans-serif;margin:4px 0">${caption}${escapeHtml(options.empty ?? 'No rows.')}</p>`;
  }
  const columns = options.columns ?? [...new Set(records.flatMap((r) => Object.keys(r)))];
  const text = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  const th = (t: string) => `<th style="padding:2px 8px;border:1px solid #ccc;background:#f3f3f3;text-align:left">${escapeHtml(t)}</th>`;
  const td = (t: string) => `<td style="padding:2px 8px;border:1px solid #ddd;text-align:left;vertical-align:top">${escapeHtml(t)}</td>`;
  const caption = options.caption ? `<caption style="text-align:left;font:600 13px sans-serif;padding:4px 0">${escapeHtml(options.caption)}</caption>` : '';
  const html =
    `<table class="deid-record-table" style="border-collapse:collapse;font-size:12px">${caption}` +
    `<thead><tr>${columns.map(th).join('')}</tr></thead>` +
    `<tbody>${records.map((r) => `<tr>${columns.map((c) => td(text(r[c]))).join('')}</tr>`).join('')}</tbody></table>`;
  return html;
}

/** Shows a list of records as an HTML table inline (e.g. findings); no records are said in words. */
export function showTable(records: ReadonlyArray<Record<string, unknown>>, options: RecordTableOptions = {}): void {
  display('text/html', recordTableHtml(records, options));
}

/**
 * HTML of a TSV report: its rows as a table, or, when it has only its header, a sentence saying
 * the report is empty and naming its columns.
 * @param text the TSV's text; `name` names it in the caption (e.g. the file name).
 */
export function tsvTableHtml(text: string, options: { name?: string; caption?: string; empty?: string } = {}): string {
  const { columns, rows } = parseTsv(text, options.name);
  const caption = options.caption ?? options.name;
  const empty = options.empty ?? `empty: no rows, only the header (${columns.join(', ')}).`;
  return recordTableHtml(rows, { columns, caption, empty });
}

/**
 * Shows a TSV report (e.g. `tags_de_id_evaluation_report_<stamp>.tsv`) as a table, or says in
 * words that it is empty.
 * @example nb.showTsv(reports.tags, { empty: 'no PHI found in the de-identified header.' })
 */
export function showTsv(file: string, options: { caption?: string; empty?: string } = {}): void {
  display('text/html', tsvTableHtml(readFileSync(file, 'utf8'), { name: path.basename(file), ...options }));
}
