import { describe, expect, it } from 'vitest';
import type { PageRecognizer } from '../../lib/engines/local/page.js';
import { createLocalTextDetector } from '../../lib/engines/local/tesseract.js';
import type { DisplayImage } from '../../lib/engines/types.js';

/** A recognizer whose program fails to start the first `failures` times, and then reads no text. */
function flakyProgram(failures: number) {
  const calls = { starts: 0, pages: 0 };
  let running: Promise<void> | undefined;
  const start = (): Promise<void> => {
    if (!running) {
      calls.starts++;
      const failed = calls.starts <= failures;
      running = failed ? Promise.reject(new Error('the model could not be loaded')) : Promise.resolve();
      // A start that failed is tried again next time, as the real programs do.
      if (failed) running.catch(() => (running = undefined));
    }
    return running;
  };
  const recognizer: PageRecognizer = {
    start,
    async recognize(pages) {
      await start();
      calls.pages += pages.length;
      return pages.map(() => ({ blocks: [] }));
    },
    async close() {},
  };
  return { calls, make: () => recognizer };
}

const blank: DisplayImage = { width: 64, height: 48, channels: 1, data: new Uint8Array(64 * 48).fill(20) };

describe('local text detector, warm start', () => {
  it('starts its OCR program when made with warm, before the first image', async () => {
    const program = flakyProgram(0);
    const ocr = createLocalTextDetector({ recognizer: program.make, warm: true });
    await new Promise((resolve) => setImmediate(resolve));
    expect(program.calls.starts).toBe(1);
    await ocr.detect(blank);
    expect(program.calls.starts).toBe(1);
    await ocr.close();
  });

  it('waits for the first image without warm', async () => {
    const program = flakyProgram(0);
    const ocr = createLocalTextDetector({ recognizer: program.make });
    await new Promise((resolve) => setImmediate(resolve));
    expect(program.calls.starts).toBe(0);
    await ocr.close();
  });

  it('fails the first image when the warm start failed and the program still cannot start', async () => {
    const program = flakyProgram(2);
    const ocr = createLocalTextDetector({ recognizer: program.make, warm: true });
    await expect(ocr.detect(blank)).rejects.toThrow(/could not be loaded/);
    // The program starts at a later image once it can.
    await expect(ocr.detect({ ...blank, data: new Uint8Array(64 * 48).fill(30) })).resolves.toEqual([]);
    expect(program.calls.starts).toBe(3);
    await ocr.close();
  });
});
