/**
 * The identity-term matcher finds exactly what the per-file regular expression it replaced found:
 * the same spans, on texts made of a file's own values in the forms text uses (any case, other
 * separators, periods, neighbours that are letters or numbers), and a few folds more.
 */
import { describe, expect, it } from 'vitest';
import { identityTerms } from '../../lib/metadata/clean-text.js';
import { gatherIdentity } from '../../lib/metadata/identity.js';
import { createRng, makeSample, SAMPLE_SPECS } from '../../lib/samples/index.js';
import { compileTerms, type Term } from '../../lib/text/term-matcher.js';

/** The construction the matcher replaced: one alternation per category (kept here as the reference). */
function reference(terms: Array<Term>): (text: string) => Array<{ begin: number; end: number; category: string }> {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const byCategory = new Map<string, string[]>();
  for (const { term, category } of terms) {
    byCategory.set(category, [...(byCategory.get(category) ?? []), escape(term).replace(/(?:\\\.)?\s+|,\s*/g, (m) => (m.startsWith('\\.') ? '\\.?[\\s^,]{1,3}' : '[\\s^,]{1,3}'))]);
  }
  const matchers = [...byCategory].map(([category, list]) => ({ category, re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${list.join('|')})(?![\\p{L}\\p{N}])`, 'giu') }));
  return (text) => {
    const out: Array<{ begin: number; end: number; category: string }> = [];
    for (const { re, category } of matchers) for (const m of text.matchAll(re)) if (m[0]) out.push({ begin: m.index!, end: m.index! + m[0].length, category });
    return out;
  };
}

/** A text that holds some of the terms, changed the ways text changes them, among other words. */
function textWith(terms: Term[], rng: ReturnType<typeof createRng>): string {
  const filler = ['CT', 'chest', 'w/o', 'contrast', 'seen', 'by', 'Dr.', '(', ')', '-', '12', 'x', 'ref:', 'AP', 'é', 'Ωmega', '𝒜', 'MRN'];
  const parts: string[] = [];
  for (let i = 0; i < rng.int(1, 6); i++) {
    if (rng.next() < 0.5) {
      let t = rng.pick(terms).term;
      const casing = rng.int(0, 2);
      t = casing === 0 ? t : casing === 1 ? t.toLowerCase() : t.replace(/\p{L}+/gu, (w) => w[0] + w.slice(1).toLowerCase());
      // Separators as text writes them: carets, commas, doubled spaces, a dropped period.
      t = t.replace(/ /g, () => rng.pick([' ', '  ', '^', ', ', ' ,', '    ', '\t']));
      if (rng.next() < 0.2) t = t.replace('.', '');
      if (rng.next() < 0.15) t = `${rng.pick(['X', '9', '_', '-'])}${t}`;
      if (rng.next() < 0.15) t = `${t}${rng.pick(['S', '7', '.', ','])}`;
      parts.push(t);
    } else parts.push(rng.pick(filler));
  }
  return parts.join(rng.pick([' ', ', ', '; ', '^', '/']));
}

describe('compileTerms', () => {
  it('finds the spans the per-file alternation found, on texts made of the files\' own values', async () => {
    const rng = createRng('term-matcher');
    let compared = 0;
    let found = 0;
    for (const [i, spec] of SAMPLE_SPECS.entries()) {
      const { dataset } = await makeSample(spec, `terms-${i}`, { text: false });
      const terms = identityTerms(gatherIdentity(dataset));
      expect(terms.length).toBeGreaterThan(10);
      const mine = compileTerms(terms);
      const theirs = reference(terms);
      for (let n = 0; n < 300; n++) {
        const text = textWith(terms, rng);
        const expected = theirs(text);
        expect(mine.findAll(text), text).toEqual(expected);
        compared++;
        found += expected.length;
      }
    }
    expect(compared).toBe(SAMPLE_SPECS.length * 300);
    expect(found).toBeGreaterThan(compared / 2);
  }, 120_000);

  it('keeps the alternation\'s order: the first term that matches at a place wins, then the search goes on after it', () => {
    const terms: Term[] = [
      { term: 'ANNE MARIE SMITH', category: 'A' },
      { term: 'ANNE MARIE', category: 'A' },
      { term: 'SMITH', category: 'A' },
      { term: 'J. SMITH', category: 'A' },
      { term: '01/02/1950', category: 'C' },
    ];
    const text = 'anne^marie smithson; Anne Marie, Smith; J smith 01/02/1950x 01/02/1950';
    expect(compileTerms(terms).findAll(text)).toEqual(reference(terms)(text));
    expect(compileTerms(terms).findAll(text).map((m) => text.slice(m.begin, m.end))).toEqual(['anne^marie', 'Anne Marie, Smith', 'J smith', '01/02/1950']);
  });

  it('folds case beyond ASCII as the i flag does (the Kelvin sign, the long s)', () => {
    const terms: Term[] = [{ term: 'ÅSA STRÖM', category: 'A' }, { term: 'KELVIN', category: 'A' }, { term: 'JOSEPH', category: 'A' }];
    const text = 'åsa ström; \u212Aelvin; Jo\u017Feph';
    expect(compileTerms(terms).findAll(text).map((m) => text.slice(m.begin, m.end))).toEqual(['åsa ström', '\u212Aelvin', 'Jo\u017Feph']);
    expect(reference(terms)(text).map((m) => text.slice(m.begin, m.end))).toEqual(['åsa ström', '\u212Aelvin', 'Jo\u017Feph']);
  });

  it('finds terms beside Han, Kana, Hangul and Thai text, which never joins a Latin word; a Hangul term needs no Hangul before it', () => {
    const terms: Term[] = [{ term: '王秀兰', category: 'A' }, { term: 'LI WEI', category: 'A' }, { term: '김민지', category: 'A' }, { term: 'สมศรี', category: 'A' }, { term: '555-0199', category: 'D' }];
    const text = '患者王秀兰今日复查; 家属Li Wei陪同; 김민지님; 이김민지; คุณสมศรีมาตรวจ; 电话555-0199，; Li Weiss; xLi Wei';
    expect(compileTerms(terms).findAll(text).map((m) => text.slice(m.begin, m.end))).toEqual(['王秀兰', 'Li Wei', '김민지', 'สมศรี', '555-0199']);
  });
});
