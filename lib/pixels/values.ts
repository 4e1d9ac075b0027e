import type { DicomDict } from '../dicom/dataset.js';

/** First value of an element as a number, or undefined when absent or not numeric (DS/IS may be strings). */
export function firstNumber(dict: DicomDict, tag: string): number | undefined {
  const v = dict[tag]?.Value?.[0];
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : Number(String(v).trim());
  return Number.isFinite(n) ? n : undefined;
}

/** All values of an element as numbers (non-numeric values dropped). */
export function numbers(dict: DicomDict, tag: string): number[] {
  const vs = dict[tag]?.Value ?? [];
  return vs.map((v) => (typeof v === 'number' ? v : Number(String(v).trim()))).filter((n) => Number.isFinite(n));
}

/** First value of an element as a trimmed string, or undefined. */
export function firstString(dict: DicomDict, tag: string): string | undefined {
  const v = dict[tag]?.Value?.[0];
  if (v === undefined || v === null) return undefined;
  return String(v).trim();
}

/** Bytes of a binary element (OB/OW/…) or of a numeric array element (US LUT data), as 16-bit words. */
export function words16(dict: DicomDict, tag: string): Uint16Array | undefined {
  const el = dict[tag];
  if (!el?.Value || el.Value.length === 0) return undefined;
  const first = el.Value[0];
  if (first instanceof ArrayBuffer) {
    const bytes = concat(el.Value as ArrayBuffer[]);
    return new Uint16Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.byteLength / 2));
  }
  if (ArrayBuffer.isView(first)) {
    const v = first as Uint8Array;
    return new Uint16Array(v.buffer.slice(v.byteOffset, v.byteOffset + (v.byteLength & ~1)));
  }
  return Uint16Array.from(el.Value.map((x) => Number(x) & 0xffff));
}

/** Concatenates buffers into one Uint8Array. */
export function concat(parts: ArrayBuffer[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.byteLength, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(new Uint8Array(p), at);
    at += p.byteLength;
  }
  return out;
}

/** A standalone ArrayBuffer holding exactly the bytes of a view (no shared backing store). */
export function toArrayBuffer(view: Uint8Array): ArrayBuffer {
  const out = new ArrayBuffer(view.byteLength);
  new Uint8Array(out).set(view);
  return out;
}
