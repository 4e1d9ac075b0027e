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

  it('never holds more than its bound: once full, it starts over', () => {
    const memo = boundedMemo<number, number>(3);
    let calls = 0;
    const ask = (key: number) => memo(key, () => (calls++, key * 2));
    for (const key of [1, 2, 3]) ask(key);
    ask(4); // full: the memory starts over with 4 alone
    expect(calls).toBe(4);
    ask(4);
    expect(calls).toBe(4);
    ask(1); // forgotten, computed again
    expect(calls).toBe(5);
  });
});
