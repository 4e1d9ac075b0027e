/** How the scorer and the generator look for a probe or a kept word in text. */

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Occurrences of `needle` in `text` not inside a longer word or number (case-insensitive unless `caseSensitive`). */
export function countWord(text: string, needle: string, caseSensitive = false): number {
  if (!needle) return 0;
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(needle)}(?![\\p{L}\\p{N}])`, caseSensitive ? 'gu' : 'giu');
  return text.match(re)?.length ?? 0;
}
