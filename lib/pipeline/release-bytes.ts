/**
 * Giving a large buffer's memory back as soon as its owner is done with it. V8 frees an ArrayBuffer's
 * memory only when it collects the object holding it, and an input's or output's bytes live long
 * enough (read ahead, processed, written) to be moved to the old generation, which V8 collects only
 * once ~64 MB more outside its heap have been allocated since its last full collection: a run of
 * many files held up to that much of dead inputs and outputs.
 */

/** Buffers smaller than this are left to the collector (Node's pooled small buffers among them). */
const RELEASE_MIN_BYTES = 64 * 1024;

/**
 * Frees the memory of `bytes`' whole buffer now: the buffer is detached (moved to a throw-away copy
 * that the next minor collection frees), so it and every view into it read as empty afterwards.
 * Call it only on a buffer the caller owns whole, once nothing reads it any more (an output written,
 * an input processed). Buffers that cannot be moved (shared, or pooled by Node) and small ones are
 * left as they are.
 * @example const bytes = await readRegularFile(file); use(bytes); releaseBytes(bytes);
 */
export function releaseBytes(bytes: Uint8Array | undefined): void {
  const buffer = bytes?.buffer;
  if (!buffer || !(buffer instanceof ArrayBuffer) || buffer.byteLength < RELEASE_MIN_BYTES) return;
  try {
    structuredClone(buffer, { transfer: [buffer] });
  } catch {
    // Not transferable: the collector frees it in its own time.
  }
}
