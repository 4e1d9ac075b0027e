/**
 * Answers remembered by key, for the questions a run asks again in every file (a tag's name, its
 * rule, a word's class).
 */

/** Gives the remembered answer for `key`, or computes, remembers and gives it. */
export type Memo<K, V> = (key: K, compute: () => V) => V;

/**
 * A memory of at most `max` answers: keys may come from the files themselves, so their number is not
 * bounded, and once `max` answers are kept the memory starts over.
 * @example const nameMemo = boundedMemo<string, string>(20_000); nameMemo(tag, () => makeName(tag));
 */
export function boundedMemo<K, V>(max: number): Memo<K, V> {
  const memory = new Map<K, V>();
  return (key, compute) => {
    if (memory.has(key)) return memory.get(key) as V;
    if (memory.size >= max) memory.clear();
    const value = compute();
    memory.set(key, value);
    return value;
  };
}
