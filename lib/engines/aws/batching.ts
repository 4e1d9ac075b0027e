/**
 * Batching of text spans for the AWS text engines (Comprehend, Comprehend Medical): many short spans
 * are joined into as few requests as the byte limit allows, and each entity the service reports is
 * mapped back to the span(s) it falls in, with the boxes of the words it covers.
 */
import { EngineError, engineError } from '../errors.js';
import { findingPlace, type SpanText } from '../spans.js';
import type { PhiFinding } from '../types.js';

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

/** An entity as Comprehend and Comprehend Medical report it: offsets in Unicode code points. */
export interface ServiceEntity {
  Type?: string;
  Score?: number;
  BeginOffset?: number;
  EndOffset?: number;
}

/** What {@link detectInBatches} needs from one AWS text service. */
export interface BatchedService {
  /** Engine name for errors, e.g. `comprehend-medical`. */
  engine: string;
  /** Engine name on findings, e.g. `aws:comprehend-medical`. */
  findingEngine: string;
  /** The service call, e.g. `DetectPHI`, named in errors. */
  operation: string;
  maxBytes: number;
  minScore: number;
  /**
   * Sends one batch's text (joining `spans` spans) and returns the entities found; `truncated` when the
   * service said more entities exist than it returned (a `PaginationToken` the request cannot send back).
   */
  send(text: string, spans: number): Promise<{ entities: ServiceEntity[]; truncated?: boolean }>;
  /** The Safe Harbor letter and type of an entity, or undefined when it is not an identifier (e.g. an age under 90). */
  classify(entity: ServiceEntity, text: string): Pick<PhiFinding, 'category' | 'type'> | undefined;
}

/**
 * Judges spans with an AWS text service: packs them into as few requests as the limit allows, converts
 * the service's code-point offsets to string offsets, drops entities under the score, and maps each
 * entity back to the spans and word boxes it covers. A batch whose answer was cut short (more entities
 * than one response holds) is split in two and sent again; a single span cut short is an error, since
 * its remaining entities cannot be fetched.
 */
export async function detectInBatches(service: BatchedService, texts: SpanText[]): Promise<PhiFinding[]> {
  const findings: PhiFinding[] = [];
  const queue = packSpans(service.engine, texts.filter((st) => st.text.trim() !== ''), service.maxBytes);
  for (let batch = queue.shift(); batch; batch = queue.shift()) {
    let answer: Awaited<ReturnType<BatchedService['send']>>;
    try {
      answer = await service.send(batch.text, batch.items.length);
    } catch (error) {
      if (error instanceof EngineError) throw error; // e.g. the SDK could not be loaded
      throw engineError(service.engine, `${service.operation} failed on a batch of ${batch.items.length} spans`, error);
    }
    if (answer.truncated) {
      if (batch.items.length === 1) {
        throw engineError(service.engine, `${service.operation} returned only part of the entities of one span${batch.items[0].st.location ? ` (${batch.items[0].st.location})` : ''} and cannot be asked for the rest`);
      }
      const half = Math.ceil(batch.items.length / 2);
      queue.unshift(...[batch.items.slice(0, half), batch.items.slice(half)].map((items) => packSpans(service.engine, items.map((i) => i.st), Infinity)[0]));
      continue;
    }
    const toUtf16 = codePointToUtf16(batch.text);
    for (const e of answer.entities) {
      if ((e.Score ?? 0) < service.minScore || e.BeginOffset === undefined || e.EndOffset === undefined) continue;
      const begin = toUtf16(e.BeginOffset);
      const end = toUtf16(e.EndOffset);
      const kind = service.classify(e, batch.text.slice(begin, end));
      if (kind) findings.push(...findingsInBatch(batch, begin, end, { ...kind, score: e.Score ?? 0, engine: service.findingEngine }));
    }
  }
  return findings;
}
