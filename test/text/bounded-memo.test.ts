import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../../lib/bounded-memo.js';

describe('boundedMemo (answers asked again in every file: tag names, tag rules, word classes)', () => {
  it('computes each key once, undefined answers included', () => {
    const memo = boundedMemo<string, string | undefined>(10);
    let calls = 0;
    const ask = (key: string) => memo(key, () => (calls++, key === 'none' ? undefined : key.toUpperCase()));
    expect([ask('a'), ask('a'), ask('none'), ask('none')]).toEqual(['A', 'A', undefined, undefined]);
    expect(calls).toBe(2);
  });

  it('never holds more than its bound: answers not asked for since the last turn are forgotten', () => {
    const memo = boundedMemo<number, number>(4);
    const computed: number[] = [];
    const ask = (key: number) => memo(key, () => (computed.push(key), key * 2));
    for (const key of [1, 2, 3, 4, 5]) ask(key);
    // 1 and 2 went first; 3 and 4, then 5, are kept.
    for (const key of [5, 4, 3]) expect(ask(key)).toBe(key * 2);
    expect(computed).toEqual([1, 2, 3, 4, 5]);
    expect(ask(1)).toBe(2);
    expect(computed).toEqual([1, 2, 3, 4, 5, 1]);
  });

  it('keeps answers asked again over answers asked once, however many keys pass', () => {
    const memo = boundedMemo<string, string>(100);
    let calls = 0;
    const ask = (key: string) => memo(key, () => (calls++, key));
    ask('tag');
    for (let i = 0; i < 10_000; i++) {
      ask(`value ${i}`);
      ask('tag');
    }
    expect(calls).toBe(10_001);
  });
});
