/**
 * Batching of text spans for the AWS text engines (Comprehend, Comprehend Medical): many short spans
 * are joined into as few requests as the byte limit allows, and each entity the service reports is
 * mapped back to the span(s) it falls in, with the boxes of the words it covers.
 */
import { engineError } from './errors.js';
import { findingPlace, type SpanText } from './spans.js';
import type { PhiFinding } from './types.js';

/** One span inside a batch: its text starts at `offset` (UTF-16 units) of the batch text. */
export interface BatchItem {
  st: SpanText;
  offset: number;
}

/** The text of one request and the spans it joins. */
export interface Batch {
  text: string;
  items: BatchItem[];
}

/**
 * Packs spans into batches of at most `maxBytes` UTF-8 bytes, joined by `separator` (default: a newline,
 * which the services treat as a break between entities). A single span over the limit is an error naming
 * its location, never silently cut.
 */
export function packSpans(engine: string, texts: SpanText[], maxBytes: number, separator = '\n'): Batch[] {
  const out: Batch[] = [];
  const separatorBytes = Buffer.byteLength(separator);
  let current: Batch = { text: '', items: [] };
  let bytes = 0;
  for (const st of texts) {
    const size = Buffer.byteLength(st.text) + separatorBytes;
    if (size > maxBytes) {
      throw engineError(engine, `a span of ${size} bytes exceeds the ${maxBytes}-byte request limit${st.location ? ` (${st.location})` : ''}`);
    }
    if (bytes + size > maxBytes && current.items.length > 0) {
      out.push(current);
      current = { text: '', items: [] };
      bytes = 0;
    }
    if (current.text !== '') current.text += separator;
    current.items.push({ st, offset: current.text.length });
    current.text += st.text;
    bytes += size;
  }
  if (current.items.length > 0) out.push(current);
  return out;
}

/**
 * The findings for one entity at `begin..end` (UTF-16 units) of a batch's text: one per span the range
 * touches, cut to that span, with offsets in the span's own text and the box of the words it covers.
 */
export function findingsInBatch(batch: Batch, begin: number, end: number, finding: Pick<PhiFinding, 'category' | 'score' | 'type' | 'engine'>): PhiFinding[] {
  const out: PhiFinding[] = [];
  for (const item of batch.items) {
    const from = Math.max(begin, item.offset) - item.offset;
    const to = Math.min(end, item.offset + item.st.text.length) - item.offset;
    if (to <= from) continue;
    out.push({ text: item.st.text.slice(from, to), ...finding, begin: from, end: to, ...findingPlace(item.st, from, to) });
  }
  return out;
}

/**
 * A function turning Unicode code point offsets of `text` into UTF-16 offsets (JavaScript string
 * indices). Amazon Comprehend reports code point offsets; they differ once the text holds characters
 * outside the Basic Multilingual Plane.
 */
export function codePointToUtf16(text: string): (offset: number) => number {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    starts.push(i);
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) i++;
  }
  if (starts.length === text.length) return (offset) => offset;
  return (offset) => (offset >= starts.length ? text.length : starts[Math.max(0, offset)]);
}
