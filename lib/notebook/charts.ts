import { SAFE_HARBOR_IDENTIFIERS, isSafeHarborCategory, type SafeHarborCategory } from '../safe-harbor.js';
import type { ChartSpec } from './plotly.js';

/** Counts per Safe Harbor letter; letters not given count 0. */
export type CategoryCounts = Partial<Record<SafeHarborCategory, number>>;

/**
 * Counts items per Safe Harbor letter (items without a valid letter are ignored).
 * @example countByCategory(findings, (f) => f.category)
 */
export function countByCategory<T>(items: Iterable<T>, categoryOf: (item: T) => unknown): CategoryCounts {
  const counts: CategoryCounts = {};
  for (const item of items) {
    const c = categoryOf(item);
    if (isSafeHarborCategory(c)) counts[c] = (counts[c] ?? 0) + 1;
  }
  return counts;
}

/**
 * A bar chart with one bar per Safe Harbor identifier (all 18, A–R, so gaps show);
 * hovering a bar names the identifier.
 * @example showPlotly(safeHarborChart(countByCategory(findings, (f) => f.category)))
 */
export function safeHarborChart(counts: CategoryCounts, options: { title?: string; yTitle?: string; layout?: Record<string, unknown> } = {}): ChartSpec {
  const letters = Object.keys(SAFE_HARBOR_IDENTIFIERS) as SafeHarborCategory[];
  const trace = {
    type: 'bar',
    x: letters,
    y: letters.map((l) => counts[l] ?? 0),
    text: letters.map((l) => SAFE_HARBOR_IDENTIFIERS[l]),
    textposition: 'none',
    hovertemplate: '%{x}: %{text}<br>%{y}<extra></extra>',
    marker: { color: '#2f6fd0' },
  };
  return {
    traces: [trace],
    options: {
      layout: {
        title: { text: options.title ?? 'Per Safe Harbor identifier' },
        xaxis: { title: { text: 'Safe Harbor identifier, 45 CFR 164.514(b)(2)(i)' }, type: 'category' },
        yaxis: { title: { text: options.yTitle ?? 'count' }, rangemode: 'tozero' },
        ...options.layout,
      },
    },
  };
}

/** A horizontal bar chart of labelled counts (e.g. findings per tag), largest on top. */
export function countsChart(counts: Record<string, number> | Map<string, number>, options: { title?: string; limit?: number; layout?: Record<string, unknown> } = {}): ChartSpec {
  const entries = [...(counts instanceof Map ? counts : Object.entries(counts))]
    .sort((a, b) => b[1] - a[1])
    .slice(0, options.limit ?? 30)
    .reverse();
  const trace = { type: 'bar', orientation: 'h', x: entries.map((e) => e[1]), y: entries.map((e) => e[0]), marker: { color: '#2f6fd0' } };
  return {
    traces: [trace],
    options: {
      layout: {
        title: { text: options.title ?? '' },
        height: Math.max(240, 80 + 24 * entries.length),
        margin: { t: 48, l: 24, r: 24, b: 48 },
        yaxis: { automargin: true, type: 'category' },
        ...options.layout,
      },
    },
  };
}
