import { describe, expect, it } from 'vitest';
import { releaseBytes } from '../../lib/pipeline/release-bytes.js';

describe('releaseBytes (a written output or a processed input freed at once, not at the next full collection)', () => {
  it('frees a large buffer its owner is done with: it and its views read as empty', () => {
    const bytes = new Uint8Array(1024 * 1024).fill(7);
    const view = bytes.subarray(10, 20);
    releaseBytes(bytes);
    expect(bytes.byteLength).toBe(0);
    expect(bytes.buffer.byteLength).toBe(0);
    expect(view.byteLength).toBe(0);
  });

  it('leaves small buffers (Node pools them) and shared memory alone', () => {
    const small = Buffer.from('DICM');
    releaseBytes(small);
    expect(small.toString()).toBe('DICM');
    const shared = new Uint8Array(new SharedArrayBuffer(1024 * 1024)).fill(1);
    releaseBytes(shared);
    expect(shared.byteLength).toBe(1024 * 1024);
    expect(shared[0]).toBe(1);
    expect(() => releaseBytes(undefined)).not.toThrow();
  });
});
