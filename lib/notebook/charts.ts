import { keywordOf } from '../dicom/elements.js';
import type { DeidMessage } from '../message.js';
import { ACTIONS, isAction } from '../rules/actions.js';
import { SAFE_HARBOR_IDENTIFIERS, isSafeHarborCategory, type SafeHarborCategory } from '../safe-harbor.js';
import { DEIDENTIFY_METADATA } from '../steps/deidentify-metadata.js';
import { EVALUATE_METADATA } from '../steps/evaluate-metadata.js';
import { EVALUATE_PIXELS } from '../steps/evaluate-pixels.js';
import { CLEAN_PIXELS } from '../steps/pixels.js';
import { REDACT_REMAINING } from '../steps/redact-remaining.js';
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

/** What a message records: a header action, a pixel box filled, an evaluation finding, or a note. */
export type MessageKind = 'header action' | 'pixel fill' | 'evaluation finding' | 'redaction after evaluation' | 'note';

/** The message kinds charts keep apart, in the order they are drawn. */
export const MESSAGE_KINDS: readonly MessageKind[] = ['header action', 'pixel fill', 'evaluation finding', 'redaction after evaluation'];

const KIND_COLOURS: Record<MessageKind, string> = {
  'header action': '#2f6fd0',
  'pixel fill': '#d0612f',
  'evaluation finding': '#8e44ad',
  'redaction after evaluation': '#2e9e5b',
  note: '#999999',
};

/**
 * The kind of a message, from its step and action: header actions and pixel fills are different
 * things (an element changed, a region of the image painted over) and are never counted together.
 */
export function messageKind(message: Pick<DeidMessage, 'step' | 'action'>): MessageKind {
  if (message.step === EVALUATE_METADATA || message.step === EVALUATE_PIXELS) return 'evaluation finding';
  if (message.step === REDACT_REMAINING && message.action) return 'redaction after evaluation';
  if (message.step === CLEAN_PIXELS && message.action === 'fill') return 'pixel fill';
  if (message.step === DEIDENTIFY_METADATA && message.action) return 'header action';
  return 'note';
}

/** Counts per Safe Harbor letter, one set per message kind (notes left out). */
export function countByKindAndCategory(messages: Iterable<Pick<DeidMessage, 'step' | 'action' | 'category'>>): Partial<Record<MessageKind, CategoryCounts>> {
  const byKind: Partial<Record<MessageKind, Array<Pick<DeidMessage, 'category'>>>> = {};
  for (const m of messages) {
    const kind = messageKind(m);
    if (kind !== 'note') (byKind[kind] ??= []).push(m);
  }
  return Object.fromEntries(Object.entries(byKind).map(([kind, list]) => [kind, countByCategory(list, (m) => m.category)]));
}

/**
 * A Safe Harbor chart with one series per kind (header actions, pixel fills, evaluation findings, …),
 * grouped side by side so kinds are never added up into one bar.
 * @example showPlotly(safeHarborChartByKind(countByKindAndCategory(file.messages)))
 */
export function safeHarborChartByKind(series: Partial<Record<MessageKind, CategoryCounts>>, options: { title?: string; yTitle?: string } = {}): ChartSpec {
  const letters = Object.keys(SAFE_HARBOR_IDENTIFIERS) as SafeHarborCategory[];
  const traces = MESSAGE_KINDS.filter((kind) => series[kind]).map((kind) => ({
    type: 'bar',
    name: kind,
    x: letters,
    y: letters.map((l) => series[kind]![l] ?? 0),
    text: letters.map((l) => SAFE_HARBOR_IDENTIFIERS[l]),
    textposition: 'none',
    hovertemplate: `${kind}<br>%{x}: %{text}<br>%{y}<extra></extra>`,
    marker: { color: KIND_COLOURS[kind] },
  }));
  const base = safeHarborChart({}, options);
  return { traces, options: { layout: { ...base.options.layout, barmode: 'group', showlegend: true } } };
}

/**
 * Header actions per element, labelled `Keyword (action)`, e.g. `PatientName (D)`: only what the
 * metadata step did to elements, never pixel fills or evaluation findings.
 */
export function headerActionsPerTag(messages: Iterable<Pick<DeidMessage, 'step' | 'action' | 'location'>>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of messages) {
    if (messageKind(m) !== 'header action' || !m.location) continue;
    const tag = /\(([0-9A-F]{4}),([0-9A-F]{4})\)$/i.exec(m.location);
    const name = tag ? (keywordOf(`${tag[1]}${tag[2]}`.toUpperCase()) ?? `(${tag[1]},${tag[2]})`) : m.location;
    const label = `${name} (${m.action})`;
    counts[label] = (counts[label] ?? 0) + 1;
  }
  return counts;
}

/** Header actions by action code, labelled with what the code does (`X remove the element`). */
export function headerActionsByCode(messages: Iterable<Pick<DeidMessage, 'step' | 'action'>>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of messages) {
    if (messageKind(m) !== 'header action') continue;
    const label = isAction(m.action) ? `${m.action} ${ACTIONS[m.action].split(/[,:(]/)[0].trim()}` : String(m.action);
    counts[label] = (counts[label] ?? 0) + 1;
  }
  return counts;
}

/** Pixel boxes filled, per frame (`frame 0`): the pixel counterpart of {@link headerActionsPerTag}. */
export function pixelFillsPerFrame(messages: Iterable<Pick<DeidMessage, 'step' | 'action' | 'location'>>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of messages) {
    if (messageKind(m) !== 'pixel fill') continue;
    const frame = /^frame \d+/.exec(m.location ?? '')?.[0] ?? 'frame ?';
    counts[frame] = (counts[frame] ?? 0) + 1;
  }
  return counts;
}
