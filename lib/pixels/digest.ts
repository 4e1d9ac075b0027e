import { createHash } from 'node:crypto';
import type { PixelFrame } from './frames.js';

/**
 * A content digest of a frame (SHA-256 of its bytes, hex), so OCR can skip a frame identical to one already read.
 * @example if (seen.has(frameDigest(f))) continue;
 */
export function frameDigest(frame: PixelFrame | Uint8Array): string {
  return createHash('sha256').update(new Uint8Array(frame.buffer, frame.byteOffset, frame.byteLength)).digest('hex');
}
