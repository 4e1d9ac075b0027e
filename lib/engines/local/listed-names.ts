/**
 * Other people's names in a list of identities on a screen (a RIS worklist, a study browser, a requisition's patient
 * table): `SURNAME, Given` on a row that also holds an identifier found on its own (a birth date, an ID, an accession
 * number). The header names one patient; a screenshot of a list shows several, whose IDs and dates the patterns find
 * but whose names no header value backs: their row vouches for them. Pure functions over lines; phi.ts turns the
 * ranges into findings.
 */
import { onOneLine } from '../../image/boxes.js';
import type { Box } from '../types.js';

/**
 * `SURNAME, Given Middle` as lists print people: a family name in capitals (up to three words, with apostrophes and
 * hyphens: `O'CALLAGHAN-DRURY`, `D'AUBIGNÉ`, `AL-QAHTANI`), a comma, then one to four given names, capitalised or in
 * capitals (`Jean-Baptiste`, `Thi Bích Ngoc`, `AISHA F.`).
 */
const LISTED_NAME =
  /(?<![\p{L}\p{N}])(\p{Lu}[\p{Lu}'’-]{1,30}(?:\s{1,2}\p{Lu}[\p{Lu}'’-]{1,30}){0,2}),\s{0,2}(\p{Lu}[\p{L}'’-]{0,30}\.?(?:\s{1,2}\p{Lu}[\p{L}'’-]{0,30}\.?){0,3})(?![\p{L}\p{N}])/gu;

/** One name found: the line it is on and its range in the line's text. */
export interface ListedName {
  line: number;
  begin: number;
  end: number;
}

/**
 * The `SURNAME, Given` names on lines that lie on one row with an identifier found on its own (`identifiers`: the
 * boxes of findings that are dates or IDs), the line itself included. A name all of whose words are harmless (a
 * keep-list, clinical or function word: `CHEST, PA`, `LEFT, Lateral`) is none.
 */
export function listedNamesOnIdentityRows(
  lines: ReadonlyArray<{ text: string; box?: Box }>,
  identifiers: readonly Box[],
  isHarmlessWord: (word: string) => boolean,
): ListedName[] {
  const out: ListedName[] = [];
  if (identifiers.length === 0) return out;
  lines.forEach((line, i) => {
    const box = line.box;
    if (!box || !line.text.includes(',') || !identifiers.some((id) => onOneLine(box, id))) return;
    for (const m of line.text.matchAll(LISTED_NAME)) {
      const words = m[0].split(/[\s,]+/).map((w) => w.replace(/\.$/, '')).filter((w) => w.length > 0);
      if (words.every((w) => isHarmlessWord(w))) continue;
      out.push({ line: i, begin: m.index, end: m.index + m[0].length });
    }
  });
  return out;
}
