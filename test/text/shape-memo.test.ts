import { describe, expect, it } from 'vitest';
import { findShapes as remembered } from '../../lib/text/shape-memo.js';
import { findShapes, INSTITUTION_SHAPE } from '../../lib/text/shapes.js';

const texts = [
  'CT CHEST W CONTRAST',
  'Seen at 12 Oak Street, Springfield, IL 62704 on 03/14/2021; call 555-201-3344',
  'Transferred from Pendleford Univ Hosp, MRN A1234567',
  'e-mail j.doe@example.org',
  '',
  `${'long text '.repeat(80)} 555-201-3344`,
];

describe('remembered shapes', () => {
  it('gives the spans findShapes gives, the first time and every time a text comes again', () => {
    for (let round = 0; round < 3; round++) {
      for (const text of texts) {
        expect(remembered(text)).toEqual(findShapes(text));
        expect(remembered(text, [INSTITUTION_SHAPE])).toEqual(findShapes(text, [INSTITUTION_SHAPE]));
      }
    }
  });

  it('hands out spans no caller can change for the next file', () => {
    const spans = remembered('call 555-201-3344 today');
    expect(spans.length).toBeGreaterThan(0);
    expect(() => ((spans[0] as { begin: number }).begin = 0)).toThrow(TypeError);
    expect(remembered('call 555-201-3344 today')).toEqual(findShapes('call 555-201-3344 today'));
  });

  it('stays right past its size bound (old texts forgotten and found again)', () => {
    for (let i = 0; i < 5000; i++) remembered(`series ${i} MRN ${1000000 + i}`);
    expect(remembered('series 7 MRN 1000007')).toEqual(findShapes('series 7 MRN 1000007'));
  });
});
