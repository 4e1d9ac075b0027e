/**
 * Other people's names in a list of identities on a screen (a RIS worklist, a study browser, a requisition's patient
 * table): `SURNAME, Given` on a row that also holds an identifier found on its own (a birth date, an ID, an accession
 * number). The header names one patient; a screenshot of a list shows several, whose IDs and dates the patterns find
 * but whose names no header value backs: their row vouches for them. Pure functions over lines; phi.ts turns the
 * ranges into findings.
 */
import { columnsShared, onOneLine } from '../../image/boxes.js';
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

/** A word a name is written with: letters (capitalised or in capitals), apostrophes and hyphens inside, a comma after. */
const NAME_WORD = /^(\p{Lu}[\p{L}'’-]*\p{L})(,?)$/u;
/** The words a list prints in its other columns (status, priority, patient class, sex), which name no one (upper case). */
export const LIST_WORDS: ReadonlySet<string> = new Set([
  'COMPLETED', 'COMPLETE', 'SCHEDULED', 'ARRIVED', 'CHECKED', 'IN', 'PROGRESS', 'STARTED', 'CANCELLED', 'CANCELED', 'PENDING',
  'ORDERED', 'WAITING', 'DONE', 'FINAL', 'FINALIZED', 'FINALISED', 'PRELIM', 'PRELIMINARY', 'DICTATED', 'SIGNED', 'READ', 'UNREAD',
  'VERIFIED', 'APPROVED', 'REPORTED', 'UNREPORTED', 'ACQUIRED', 'SENT', 'NEW', 'OPEN', 'CLOSED', 'STAT', 'ROUTINE', 'URGENT', 'ASAP',
  'HIGH', 'LOW', 'NORMAL', 'PRIORITY', 'INPATIENT', 'OUTPATIENT', 'EMERGENCY', 'MALE', 'FEMALE', 'OTHER', 'UNKNOWN', 'YES', 'NO',
  'IMAGES', 'SERIES', 'STUDY', 'STUDIES', 'NONE', 'ONLINE', 'OFFLINE', 'ARCHIVED', 'LOCAL', 'REMOTE',
]);
const LIST_WORD_LIST = [...LIST_WORDS];
/** Words after a record's label that say a number follows (`Chart No.`, `KIS Nr`): the word before them is a label. */
const NUMBER_WORD = /^(?:NO|NR|NUM|ID|#)\.?$/i;
/** Widest gap (in glyph heights) between two words of one name: wider, the next column. */
const NAME_COLUMN_GAP = 1.2;
/** How far apart across (in glyph heights) the identifiers of consecutive rows of one list may stand, and a name from its row's. */
const LIST_COLUMN_SLACK = 10;
/** The widest gap (in glyph heights) between the rows of one list: its rows follow each other, no other line between. */
const LIST_ROW_GAP = 1;
/** The widest a glyph is, in glyph heights: a line boxed wider than this for each of its characters is no text read. */
const WIDEST_GLYPH = 2;

/**
 * Identifier boxes of a list (`identifiers`): those stacked with at least two others on rows of their own, each on the
 * row right under the one before and near it across (a worklist's ID or date column). An identity panel shows one birth
 * date and one ID; a list shows a column of them.
 */
export function listColumnIdentifiers(identifiers: readonly Box[]): Box[] {
  // A list printed as text rather than a grid puts each row's date after names of other lengths: near in the row, not under.
  const linked = (a: Box, b: Box) => {
    const h = Math.max(a.height, b.height);
    return !onOneLine(a, b) && columnsShared(a, b) > -LIST_COLUMN_SLACK * h && Math.max(a.top, b.top) - Math.min(a.top + a.height, b.top + b.height) <= LIST_ROW_GAP * h;
  };
  const group = identifiers.map((_, i) => i);
  const find = (i: number): number => (group[i] === i ? i : (group[i] = find(group[i])));
  identifiers.forEach((a, i) => identifiers.forEach((b, j) => {
    if (j > i && linked(a, b)) group[find(i)] = find(j);
  }));
  const out: Box[] = [];
  identifiers.forEach((a, i) => {
    const members = identifiers.filter((_, j) => find(j) === find(i));
    // Rows, not boxes: two findings on one row (a date and an ID) are one row.
    const rows = members.filter((b, k) => !members.slice(0, k).some((c) => onOneLine(b, c)));
    if (rows.length >= 3) out.push(a);
  });
  return out;
}

/**
 * Other people's names on the rows of a list (`identifiers`: the boxes of findings that are dates or IDs; see
 * {@link listColumnIdentifiers}), in any order lists print them: `Given SURNAME`, `SURNAME Given`, `SURNAME, Given`, a
 * surname alone, long and hyphenated family names. A run of name words (capitalised or in capitals, within a column
 * gap of each other) counts from its first word to its last that is not harmless (`isHarmlessWord`: a keep-list,
 * clinical or function word; also a list's status, priority and sex words), when it starts before the end of the row's
 * last identifier: a modality, a body part, a description or `COMPLETED` on the row names no one, nor does a misread of
 * them after the identity columns. A label before a number (`Chart No.`, `Pat#`, `EPI:`) is none either.
 */
export function namesOnListRows(
  lines: ReadonlyArray<{ text: string; box?: Box; words?: ReadonlyArray<{ text: string; box: Box }> }>,
  identifiers: readonly Box[],
  isHarmlessWord: (word: string) => boolean,
): ListedName[] {
  const listed = listColumnIdentifiers(identifiers);
  const out: ListedName[] = [];
  if (listed.length === 0) return out;
  // A list's word read short (`ARRIVE`, `SCHEDUL`) is still that word.
  const harmless = (w: string) => isHarmlessWord(w) || LIST_WORDS.has(w.toUpperCase()) || (w.length >= 4 && LIST_WORD_LIST.some((x) => x.startsWith(w.toUpperCase())));
  lines.forEach((line, i) => {
    const box = line.box;
    // On the row of a listed identifier and near it across: a list is compact, the rest of the row is another corner's text.
    // A reading far wider than its letters (`Nc` boxed over half a row), or twice as tall as the row, is texture or a region
    // read whole, not a word.
    if (!box || box.width > WIDEST_GLYPH * box.height * Math.max(1, line.text.length)) return;
    if (!listed.some((id) => onOneLine(box, id) && box.height <= 2 * id.height && columnsShared(box, id) > -LIST_COLUMN_SLACK * Math.max(box.height, id.height))) return;
    const tokens = [...line.text.matchAll(/\S+/gu)].map((m) => ({ text: m[0], begin: m.index, end: m.index + m[0].length }));
    // The words' boxes, in the same order as the tokens when OCR gave them (the line's text joins them with spaces).
    const boxes = line.words && line.words.length === tokens.length ? line.words.map((w) => w.box) : undefined;
    // A list prints a person's name among the identity columns, the clinical ones (modality, exam, status) after them: a
    // name starts before the end of the row's last identifier. Misread status words after it (`COMFLCTCD`) are no one.
    const lastId = Math.max(...identifiers.filter((id) => onOneLine(box, id)).map((id) => id.left + id.width));
    const leftOf = (begin: number) => {
      const k = tokens.findIndex((t) => t.begin === begin);
      return boxes ? boxes[k].left : box.left + (box.width * begin) / Math.max(1, line.text.length);
    };
    let run: Array<{ begin: number; end: number; word: string }> = [];
    const flush = () => {
      const kept = run.map((r) => !harmless(r.word));
      const first = kept.indexOf(true);
      const last = kept.lastIndexOf(true);
      // A name has a word of three letters or more: two capitals alone (`RQ`) are more likely a misread than a person.
      const named = first >= 0 && run.slice(first, last + 1).some((r, k) => kept[first + k] && r.word.replace(/['’-]/g, '').length >= 3);
      if (named && leftOf(run[first].begin) < lastId) out.push({ line: i, begin: run[first].begin, end: run[last].end });
      run = [];
    };
    tokens.forEach((t, k) => {
      const m = NAME_WORD.exec(t.text);
      const next = tokens.at(k + 1)?.text ?? '';
      const label = m !== null && (/[:#.]$/.test(t.text) || NUMBER_WORD.test(next) || /^[:#]/.test(next));
      const gap = boxes && k > 0 && run.length > 0 ? boxes[k].left - (boxes[k - 1].left + boxes[k - 1].width) > NAME_COLUMN_GAP * Math.max(boxes[k].height, boxes[k - 1].height) : false;
      if (!m || label || gap) flush();
      if (!m || label) return;
      run.push({ begin: t.begin, end: t.begin + m[1].length, word: m[1] });
    });
    flush();
  });
  return out;
}
