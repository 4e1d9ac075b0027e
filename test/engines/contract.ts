/** The contract every text and PHI detection engine keeps; run against each engine (cloud ones with mocked clients). */
import { expect, it } from 'vitest';
import type { DisplayImage, IdentityContext, PhiDetector, TextDetector } from '../../lib/engines/types.js';

/** Checks a text detector on an image holding `expected` words. */
export function textDetectorContract(make: () => TextDetector, image: () => Promise<DisplayImage>, expected: string[]): void {
  it('has a name, returns words and lines inside the image with confidences 0–100', async () => {
    const detector = make();
    expect(detector.name).toMatch(/^[a-z]+:[a-z-]+$/);
    const img = await image();
    const found = await detector.detect(img);
    for (const t of found) {
      expect(['word', 'line']).toContain(t.kind);
      expect(t.confidence).toBeGreaterThanOrEqual(0);
      expect(t.confidence).toBeLessThanOrEqual(100);
      expect(t.box.left).toBeGreaterThanOrEqual(0);
      expect(t.box.top).toBeGreaterThanOrEqual(0);
      expect(t.box.left + t.box.width).toBeLessThanOrEqual(img.width);
      expect(t.box.top + t.box.height).toBeLessThanOrEqual(img.height);
      if (t.kind === 'word') expect(found.some((l) => l.kind === 'line' && l.lineIndex === t.lineIndex)).toBe(true);
    }
    const words = found.filter((t) => t.kind === 'word').map((t) => t.text);
    for (const e of expected) expect(words).toContain(e);
    await detector.close?.();
    await detector.close?.();
  });
}

/** Checks a PHI detector finds a name and a date with boxes of the words, and nothing in harmless text. */
export function phiDetectorContract(make: () => PhiDetector): void {
  const context: IdentityContext = { values: [{ value: 'NAKAMURA^HIRO', category: 'A', source: 'PatientName', vr: 'PN' }] };
  it('finds the name and date of an OCR line, boxed to their words, with categories and scores', async () => {
    const detector = make();
    expect(detector.name).toMatch(/^[a-z]+:[a-z-]+$/);
    const words = ['NAKAMURA', 'HIRO', '02/11/1961', 'PORTABLE'].map((text, i) => ({
      text, confidence: 95, kind: 'word' as const, lineIndex: 0, box: { left: i * 100, top: 5, width: 90, height: 20 },
    }));
    const findings = await detector.detect(
      [{ text: words.map((w) => w.text).join(' '), location: 'frame 0 line 0', words }, { text: 'AP SUPINE', location: 'frame 0 line 1' }],
      context,
    );
    const name = findings.find((f) => f.category === 'A');
    const date = findings.find((f) => f.category === 'C');
    expect(name?.text).toMatch(/NAKAMURA/);
    expect(name?.box?.left).toBe(0);
    expect(date?.text).toBe('02/11/1961');
    expect(date?.box).toEqual(words[2].box);
    for (const f of findings) {
      expect(f.score).toBeGreaterThan(0);
      expect(f.score).toBeLessThanOrEqual(1);
      expect(f.engine).toBeTruthy();
      expect(f.location).toBe('frame 0 line 0');
      expect(f.text).not.toMatch(/PORTABLE|SUPINE/);
    }
    await detector.close?.();
  });
}
