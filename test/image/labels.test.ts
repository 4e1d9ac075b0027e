import { describe, expect, it } from 'vitest';
import { placeLabels, type LabelRequest, type PlacedLabel } from '../../lib/image/labels.js';
import type { Box } from '../../lib/image/types.js';

const overlap = (a: Box, b: Box) => a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

/** Every placed label inside the image and no two overlapping; returns the placed ones. */
function expectReadable(placed: Array<PlacedLabel | undefined>, bounds: { width: number; height: number }): PlacedLabel[] {
  const shown = placed.filter((p): p is PlacedLabel => p !== undefined);
  for (const p of shown) {
    expect(p.left).toBeGreaterThanOrEqual(0);
    expect(p.top).toBeGreaterThanOrEqual(0);
    expect(p.left + p.width).toBeLessThanOrEqual(bounds.width);
    expect(p.top + p.height).toBeLessThanOrEqual(bounds.height);
  }
  for (let i = 0; i < shown.length; i++) {
    for (let j = i + 1; j < shown.length; j++) expect(overlap(shown[i], shown[j]), `labels ${i} and ${j} overlap`).toBe(false);
  }
  return shown;
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe('placeLabels', () => {
  const bounds = { width: 512, height: 384 };

  it('puts a lone label just above its box, with no leader', () => {
    const [p] = placeLabels([{ box: { left: 100, top: 100, width: 60, height: 12 }, width: 80, height: 14 }], bounds);
    expect(p).toEqual({ left: 100, top: 84, width: 80, height: 14, leader: false });
  });

  it('keeps labels of boxes at the edges inside the image', () => {
    const requests: LabelRequest[] = [
      { box: { left: 0, top: 0, width: 40, height: 12 }, width: 150, height: 14 },
      { box: { left: 480, top: 0, width: 32, height: 12 }, width: 150, height: 14 },
      { box: { left: 490, top: 370, width: 22, height: 14 }, width: 150, height: 14 },
      { box: { left: 0, top: 372, width: 30, height: 12 }, width: 150, height: 14 },
    ];
    const shown = expectReadable(placeLabels(requests, bounds), bounds);
    expect(shown).toHaveLength(4);
  });

  it('separates the labels of a line of boxes that touch each other (a burned-in header line)', () => {
    // Name, ID, date and age on one line at the top, a second line right below: the worst case of an ultrasound banner.
    const line = (top: number) => [0, 1, 2, 3, 4].map((k) => ({ box: { left: 4 + k * 62, top, width: 58, height: 12 }, width: 140, height: 14 }));
    const requests = [...line(2), ...line(16)];
    const placed = placeLabels(requests, bounds);
    const shown = expectReadable(placed, bounds);
    expect(shown).toHaveLength(requests.length);
    // A label moved away from its box is marked for a leader line.
    placed.forEach((p, i) => {
      if (p && !p.leader) expect(Math.abs(p.top - requests[i].box.top)).toBeLessThanOrEqual(requests[i].box.height + 16);
    });
  });

  it('never overlaps labels, whatever the boxes (300 random layouts)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = random(seed);
      const size = { width: 128 + Math.floor(r() * 900), height: 96 + Math.floor(r() * 700) };
      const n = 1 + Math.floor(r() * 14);
      const requests: LabelRequest[] = Array.from({ length: n }, () => {
        const width = 8 + Math.floor(r() * size.width * 0.4);
        const height = 8 + Math.floor(r() * 30);
        return {
          box: { left: Math.floor(r() * (size.width - width)), top: Math.floor(r() * (size.height - height)), width, height },
          width: 20 + Math.floor(r() * Math.min(260, size.width - 20)),
          height: 10 + Math.floor(r() * 10),
        };
      });
      const placed = placeLabels(requests, size);
      try {
        expectReadable(placed, size);
      } catch (error) {
        throw new Error(`seed ${seed}: ${(error as Error).message}`);
      }
      // The image has room for every label when they take less than a quarter of it.
      const area = requests.reduce((sum, q) => sum + q.width * q.height, 0);
      if (area < (size.width * size.height) / 4) expect(placed.every(Boolean), `seed ${seed}: a label was dropped though there was room`).toBe(true);
    }
  });

  it('does not depend on the order the boxes are given in', () => {
    const requests: LabelRequest[] = [
      { box: { left: 10, top: 40, width: 100, height: 12 }, width: 120, height: 14 },
      { box: { left: 20, top: 54, width: 100, height: 12 }, width: 120, height: 14 },
      { box: { left: 30, top: 26, width: 100, height: 12 }, width: 120, height: 14 },
    ];
    const forward = placeLabels(requests, bounds);
    const backward = placeLabels([...requests].reverse(), bounds).reverse();
    expect(backward).toEqual(forward);
  });

  it('leaves out a label larger than the image instead of letting it stick out', () => {
    const placed = placeLabels([{ box: { left: 0, top: 0, width: 10, height: 10 }, width: 600, height: 14 }], bounds);
    expect(placed).toEqual([undefined]);
  });
});
