/** Scores the metadata cleaner on the phrasing table: PHI strings left, words lost, clinical texts changed. */
import { makeTextCleaner } from '../../lib/metadata/clean-text.js';
import { DEFAULT_REGEX } from '../../lib/rules/default-rules.js';
import type { Phrasing } from './phrasings.js';

const clean = makeTextCleaner({ values: [] }, DEFAULT_REGEX, { referenceDate: new Date('2024-06-01') });
const wordIn = (word: string, text: string) => new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(text);

/** Cases whose every PHI string is gone and every keep-word stays, and the problems of the others. */
export function scorePhrasings(cases: readonly Phrasing[]): { total: number; passed: number; problems: string[] } {
  const problems: string[] = [];
  for (const c of cases) {
    const out = clean(c.text).text;
    const left = c.phi.filter((p) => out.toLowerCase().includes(p.toLowerCase()));
    const lost = c.keep.filter((w) => !wordIn(w, out));
    if (left.length || lost.length) problems.push(`${JSON.stringify(c.text)} → ${JSON.stringify(out)}${left.length ? ` keeps ${JSON.stringify(left)}` : ''}${lost.length ? ` lost ${JSON.stringify(lost)}` : ''}`);
  }
  return { total: cases.length, passed: cases.length - problems.length, problems };
}

/** Clinical texts that come out unchanged, and the others. */
export function scoreUnchanged(texts: readonly string[]): { total: number; passed: number; problems: string[] } {
  const problems: string[] = [];
  for (const t of texts) {
    const out = clean(t).text;
    if (out !== t) problems.push(`${JSON.stringify(t)} → ${JSON.stringify(out)}`);
  }
  return { total: texts.length, passed: texts.length - problems.length, problems };
}
