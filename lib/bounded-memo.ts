/**
 * Answers remembered by key, for the questions a run asks again in every file (a tag's name, its
 * rule, a word's class).
 */

/** Gives the remembered answer for `key`, or computes, remembers and gives it. */
export type Memo<K, V> = (key: K, compute: () => V) => V;

/**
 * A memory of at most `max` answers: keys may come from the files themselves, so their number is not
 * bounded. Answers are kept in two halves: once the recent half is full it becomes the older one and
 * the answers not asked for since the last turn are forgotten, so what the last files asked stays
 * (the files of a study follow one another) while the memory never grows past `max`.
 * @example const nameMemo = boundedMemo<string, string>(20_000); nameMemo(tag, () => makeName(tag));
 */
export function boundedMemo<K, V>(max: number): Memo<K, V> {
  const half = Math.max(1, Math.floor(max / 2));
  let recent = new Map<K, V>();
  let older = new Map<K, V>();
  const keep = (key: K, value: V) => {
    if (recent.size >= half) {
      older = recent;
      recent = new Map();
    }
    recent.set(key, value);
    return value;
  };
  return (key, compute) => {
    // One lookup for a remembered answer (a second only when the answer is undefined): keys are often
    // long texts, and each lookup hashes and compares them.
    const known = recent.get(key);
    if (known !== undefined || recent.has(key)) return known as V;
    const old = older.get(key);
    if (old !== undefined || older.has(key)) return keep(key, old as V);
    return keep(key, compute());
  };
}
