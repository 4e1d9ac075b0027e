/**
 * Harmless text of consoles and devices that the PHI patterns may take for identity: software versions (`SW 4.1.22`),
 * obstetric and cardiac method lines (`GA(LMP) 28w1d`, `EF(Simpson) 55 %`), device models (`GIF-HQ190`, `C2-9-D`) and a
 * table's column headings (`Name   MRN   DOB   Accession`). The shapes and words are data; the local PHI engine's
 * keep-list test ({@link DEVICE_PATTERNS}) and its pattern filters use them.
 */
import type { Box, TextSpan } from '../types.js';
import { columnsShared, onOneLine } from '../../image/boxes.js';
import { editDistance } from './text-fold.js';

/**
 * Software and product words a version follows (`SW`, `Ver.`, `Firmware`, `PACS`, `App`), upper case. Not a word that
 * names a study or a system that prints dates (`Exam 4.1.22`, `RIS 12.03.21` may be dates).
 */
export const VERSION_LABELS: readonly string[] = [
  'SW', 'S/W', 'VER', 'VERS', 'VERSION', 'V', 'REV', 'REVISION', 'BUILD', 'FW', 'F/W', 'FIRMWARE', 'SOFTWARE', 'RELEASE', 'REL',
  'PACS', 'APP', 'APPL', 'APPLICATION', 'VIEWER', 'CONSOLE', 'PLATFORM',
];

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** A version label and what may stand between it and the number (`Ver.:`, `Build #`, `Software V`). */
const VERSION_LABEL = `(?:${[...VERSION_LABELS].sort((a, b) => b.length - a.length).map(escape).join('|')})\\.?\\s{0,2}[:#]?\\s{0,2}V?`;

/** A version label right before a value (the text before a hit ends with it). */
export const VERSION_LABEL_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}])${VERSION_LABEL}$`, 'iu');

/**
 * Version labels OCR may read with one slip (`Fimware`, `Sofware`): long words no date label is one slip from (not
 * `Release`, `Viewer`: `Released`, `Viewed` may be followed by a date).
 */
const LONG_VERSION_LABELS = ['FIRMWARE', 'SOFTWARE', 'VERSION', 'REVISION', 'PLATFORM', 'APPLICATION'];

/**
 * True when a software label names the dotted number a hit at `begin` is read in (`SW 5.1.77`; `1.0.884` of `Ver.
 * 12.1.0.884`): the label right before the whole number, or a long label read with one slip (`Fimware 10.5.21`).
 */
export function versionNamed(text: string, begin: number): boolean {
  const before = text.slice(0, begin).replace(/[\d.]+$/, '');
  if (VERSION_LABEL_BEFORE.test(before)) return true;
  const word = /(?<![\p{L}\p{N}])(\p{L}{6,})\.?\s{0,2}[:#]?\s{0,2}$/u.exec(before)?.[1].toUpperCase();
  return word !== undefined && LONG_VERSION_LABELS.some((l) => editDistance(word, l, 1) <= 1);
}

/**
 * True when the text after a dotted number (`after`) opens with a pre-release or build mark run on with a dash (`-rc3`,
 * `-b5`, `-beta2` of `4.2.1-rc3`): the number is a version, whatever label OCR kept before it (`5.9.22-b2`).
 */
export function versionMarked(after: string): boolean {
  // The mark's number may be read with a letter for a digit (`-bS` for `-b5`).
  return /^-(?:RC|BETA|ALPHA|B)[\dOSILZG]{1,3}(?![\p{L}\p{N}])/iu.test(after);
}

/**
 * A dotted version number (`4.1.22`, `11.3.0.691`, `2.10.31b`): two to five groups; with its pre-release or patch mark
 * (`4.2.1-rc3`, `3.2.17-b5`, `2.0beta2`) and its build, service pack or patch after it (`2021.1 build 3314`, `12.3 SP2`).
 */
const VERSION_NUMBER = String.raw`\d{1,4}(?:\.\d{1,4}){1,4}[A-Z]?(?:-?(?:RC|BETA|ALPHA|B|A|P|HF|U)\d{1,3})?(?:\s{1,2}(?:BUILD|BLD|SP|PATCH|HF|UPDATE)\.?\s{0,2}#?\d{1,6})?`;
/** A product's name before its version (`QPS/QGS`, `Portal Dosimetry`, `Analysis`): one to three words, no digit first. */
const PRODUCT_WORDS = String.raw`(?:[A-Z][A-Z0-9/&+-]{1,15}\s{1,2}){1,3}`;

/**
 * Measurement labels of obstetric and cardiac ultrasound that a method or a gestational age follows: the dates' labels
 * used as methods among them (`LMP GA`, `EDD by LMP`, `GA(LMP)`).
 */
export const METHOD_MEASURES: readonly string[] = [
  'GA', 'LMP', 'EDD', 'EDC', 'EFW', 'AC', 'HC', 'BPD', 'FL', 'HL', 'CRL', 'OFD', 'TCD', 'AFI', 'NT', 'EF', 'LVEF', 'RVEF', 'FS', 'SV', 'CO', 'LVOT', 'MOD',
];
const MEASURE = `(?:${[...METHOD_MEASURES].sort((a, b) => b.length - a.length).join('|')})`;
/** Measure words alone, one or two (`GA`, `AC HC`): a person's initials as often as a measure (see {@link isMeasureWords}). */
const MEASURE_WORDS = `${MEASURE}(?:\\s{1,2}${MEASURE})?`;

/**
 * True when a text is measure words alone (`GA`, `LVEF`, `LMP GA`, upper case): harmless as a word of a method line read
 * apart, but no method line by itself, so the keep-list patterns do not take it (initials `GA` stay PHI).
 */
export function isMeasureWords(text: string): boolean {
  return MEASURE_WORDS_ALONE.test(text);
}
const MEASURE_WORDS_ALONE = new RegExp(`^${MEASURE_WORDS}$`, 'u');

/** A method: a word in parentheses (an eponym, `(Hadlock)`, `(Simpson)`, or a basis, `(LMP)`, `(US)`), or `by` and one word. */
const METHOD = String.raw`(?:\(\s?\p{L}[\p{L}\p{N}' -]{0,20}\)|BY\s{1,2}\p{L}[\p{L}\p{N}]{1,12})`;
/** A gestational age (`33w2d`, `28 w 1 d`). */
const GESTATIONAL_AGE = String.raw`\d{1,2}\s?W\s?\d\s?D`;
/**
 * For each reading (`spans`), the dotted numbers other readings of its place name as versions (`2.11.17` of `S/W 2.11.17`
 * beside `Siw 2.11.17]`, the label misread): a hit reading the same number there is that version.
 */
export function versionsBeside(spans: readonly TextSpan[]): string[][] {
  const named = spans.map((s) => [...s.text.matchAll(/\d{1,4}(?:\.\d{1,4}){1,4}/g)].filter((m) => versionNamed(s.text, m.index)).map((m) => m[0]));
  return spans.map((s, i) => {
    const box = s.box;
    if (!box) return [];
    return spans.flatMap((o, j) => (j !== i && o.box && named[j].length > 0 && onOneLine(box, o.box) && columnsShared(box, o.box) > 0 ? named[j] : []));
  });
}

/** A measured value: a gestational age, or a number with a unit of these measures (`55 %`, `1234 g`, `4.8 L/min`). */
const MEASURED = String.raw`(?:${GESTATIONAL_AGE}|[-+]?\d{1,4}(?:[.,]\d{1,2})?\s{0,2}(?:%|G|KG|MM|CM|ML|L\/MIN|BPM)?)`;

/** A model with letters after its dash (an endoscope's `GIF-HQ190`, `CF-H185L`): no identifier has so few digits. */
const DEVICE_MODEL = /^[A-Z]{1,4}-[A-Z]{1,3}\d{2,3}[A-Z]{0,2}$/;

/** Shapes of harmless device text, each a whole upper-cased text: the keep-list test takes them with its other patterns. */
export const DEVICE_PATTERNS: readonly RegExp[] = [
  // A version after its label (`SW 4.1.22`, `VER. 11.3.0.691`, `PACS 3.9.27`).
  new RegExp(`^${VERSION_LABEL}${VERSION_NUMBER}$`, 'u'),
  // A product's name and its version, the version marked as one: a `v` on it (`Analysis v2021.2`, `Recon v4.2.1-rc3`) or a
  // build after it (`QPS/QGS 2021.1 build 3314`).
  new RegExp(`^${PRODUCT_WORDS}V${VERSION_NUMBER}$`, 'u'),
  new RegExp(`^${PRODUCT_WORDS}V?\\d{1,4}(?:\\.\\d{1,4}){1,4}[A-Z]?\\s{1,2}(?:BUILD|BLD)\\.?\\s{0,2}#?\\d{1,6}$`, 'u'),
  // A measure with its method or value (`GA(LMP) 28W1D`, `LMP GA 33W2D`, `EDD BY LMP`, `LVEF (TEICHHOLZ) 61%`), or a gestational
  // age alone. Measure words alone (`GA`, `AC HC`) are no method line: they are a person's initials as often.
  new RegExp(`^(?!${MEASURE_WORDS}$)${MEASURE}(?:\\s{0,2}${METHOD})?(?:\\s{1,2}${MEASURE}(?:\\s{0,2}${METHOD})?)?(?:\\s{1,2}${MEASURED})?$`, 'u'),
  new RegExp(`^${GESTATIONAL_AGE}$`, 'u'),
  DEVICE_MODEL,
  // A setting's letter and level (`B3` of `Enh B3`) and a zoom factor before its number (`X1.6`).
  /^[A-Z]\d$/,
  /^X\s?\d{1,2}(?:\.\d{1,2})?$/,
];

/** Words of a table's or worklist's column headings that name an identity field (`Name`, `MRN`, `DOB`, `Accession`). */
export const IDENTITY_HEADINGS: readonly string[] = [
  'NAME', 'PATIENT', 'MRN', 'ID', 'PID', 'DOB', 'BIRTH', 'BIRTHDATE', 'ACCESSION', 'ACC', 'ACCN', 'ACC#', 'SEX', 'GENDER', 'AGE',
  'LAST', 'FIRST', 'SURNAME', 'GIVEN', 'BORN', 'CHART',
];
/** Other words of column headings (`Study`, `Study Date`, `Modality`, `Exam`, `Description`, `No.`). */
export const OTHER_HEADINGS: readonly string[] = [
  'STUDY', 'DATE', 'TIME', 'MODALITY', 'MOD', 'EXAM', 'DESCRIPTION', 'DESC', 'PROCEDURE', 'STATUS', 'SERIES', 'IMAGES', 'IMGS',
  'REFERRING', 'REF', 'PHYSICIAN', 'PHYS', 'BODY', 'PART', 'OF', 'NO', 'NUMBER', '#', 'PRIORITY', 'SCHEDULED', 'LOCATION',
  'STATE', 'ORDER', 'IMG', 'IM', '#IM', 'SER/IMG', 'M/F',
];
const IDENTITY_HEADING = new Set(IDENTITY_HEADINGS);
const HEADING = new Set([...IDENTITY_HEADINGS, ...OTHER_HEADINGS]);
/** Heading words grouped into the identity field they name: two of one field (`Patient Name`) are one heading. */
const FIELD: Record<string, string> = {
  NAME: 'name', PATIENT: 'name', LAST: 'name', FIRST: 'name', SURNAME: 'name', GIVEN: 'name', MRN: 'id', ID: 'id', PID: 'id', CHART: 'id',
  DOB: 'birth', BIRTH: 'birth', BIRTHDATE: 'birth', BORN: 'birth', ACCESSION: 'acc', ACC: 'acc', ACCN: 'acc', 'ACC#': 'acc', SEX: 'sex', GENDER: 'sex', AGE: 'age',
};

/** Other headings that name a column of their own (not `Date` of `Study Date`, `Part` of `Body Part`, `No`, `#`). */
const OTHER_FIELD = new Set(['STUDY', 'TIME', 'MODALITY', 'MOD', 'EXAM', 'DESCRIPTION', 'DESC', 'PROCEDURE', 'STATUS', 'SERIES', 'IMAGES', 'IMGS', 'REFERRING', 'REF', 'PHYSICIAN', 'PHYS', 'BODY', 'PRIORITY', 'SCHEDULED', 'LOCATION', 'STATE', 'ORDER', 'IMG', 'IM', '#IM', 'SER/IMG', 'M/F']);
/** Heading words of six letters or more, which OCR may read with one slip (`Modaliy`, `Accessi0n`). */
const LONG_HEADINGS = [...HEADING].filter((w) => w.length >= 6);

/**
 * The heading words of a text when every word is one (`Patient ID   Birth Date`; a word of six letters or more may be
 * read with one slip), with no digit and no colon (a label with a colon has its value beside it, `Name: DOE`); else
 * undefined.
 */
function headingWords(text: string): string[] | undefined {
  if (/[\d:]/.test(text)) return undefined;
  const words = text.toUpperCase().replace(/\.(?=\s|$)/g, '').split(/\s+/).filter(Boolean);
  const read = words.map((w) => (HEADING.has(w) ? w : HEADING.has(w.replace(/#$/, '')) ? w.replace(/#$/, '') : w.length >= 6 ? LONG_HEADINGS.find((h) => editDistance(w, h, 1) <= 1) : undefined));
  return read.every((w) => w !== undefined) ? read : undefined;
}

/**
 * What a table column's heading says its cells hold (`Patient Name`, `DOB`, `Study Date`, `Acc #`, `Referring`: `'phi'`;
 * `Modality`, `Description`, `Status`, `Images`, `Sex`, `Age`, `Time`, `#`: `'other'`), or undefined when the text is no
 * heading. A date of any kind, a person of any role and a record's number are PHI.
 */
export function headingSays(text: string): 'phi' | 'other' | undefined {
  const words = headingWords(text);
  if (!words || words.length === 0) return undefined;
  return words.some((w) => PHI_HEADING.has(w)) ? 'phi' : 'other';
}
/** Heading words of a column of PHI: a person, a record's number, a date. */
const PHI_HEADING = new Set(['NAME', 'PATIENT', 'LAST', 'FIRST', 'SURNAME', 'GIVEN', 'MRN', 'ID', 'PID', 'CHART', 'DOB', 'BIRTH', 'BIRTHDATE', 'BORN', 'ACCESSION', 'ACC', 'ACCN', 'ACC#', 'DATE', 'SCHEDULED', 'ORDER', 'REFERRING', 'REF', 'PHYSICIAN', 'PHYS']);

/** True when heading words name two columns or more, one of them an identity field: words of one field (`Patient Name`, `Study Date`, `Acc #`) are one. */
function namesColumns(words: readonly string[]): boolean {
  const fields = new Set(words.map((w) => FIELD[w] ?? (OTHER_FIELD.has(w) ? w : '')).filter(Boolean));
  return words.some((w) => IDENTITY_HEADING.has(w)) && fields.size >= 2;
}

/**
 * True when a line is a row of column headings (`Name   MRN   DOB   Accession   Study`, `Acc #   Exam   Modality`): every
 * word a heading word, two columns named or more, one of them an identity field, no digit and no colon. The values are on
 * the rows below; the headings are no PHI and ask for none beside them.
 * @example isHeadingRow('Name   MRN   DOB   Accession') // true
 */
export function isHeadingRow(text: string): boolean {
  const words = headingWords(text);
  return words !== undefined && words.length >= 2 && namesColumns(words);
}

/** A reading of one character or none, read with doubt (a mark at a patch's edge read as `a`): no piece of a row. */
const speck = (s: TextSpan) => s.text.replace(/[^\p{L}\p{N}]/gu, '').length <= 1 && (s.words ?? []).every((w) => w.confidence < SPECK_CONFIDENCE);
const SPECK_CONFIDENCE = 60;

/** How far apart (in text heights) the pieces of one row of headings may be read: a column gap. */
const HEADING_GAP = 4;

/**
 * The readings (indexes into `spans`) that are pieces of a row of column headings OCR read apart (`Acc #` | `Exam` |
 * `Modality`, each a line of its own across the column gaps): readings on one line, each a column gap from the next at
 * most, every one of them heading words only, that together name a row of headings ({@link isHeadingRow}). A reading of
 * anything else among them (a value beside a label) makes the row a form's, not a heading.
 */
export function headingSpans(spans: readonly TextSpan[]): Set<number> {
  const out = new Set<number>();
  const words = spans.map((s) => headingWords(s.text));
  spans.forEach((s, i) => {
    const box = s.box;
    if (!words[i] || !box || out.has(i)) return;
    const line = spans.flatMap((o, j) => (o.box && onOneLine(box, o.box) && !speck(o) ? [{ j, box: o.box }] : [])).sort((a, b) => a.box.left - b.box.left);
    // The readings chained to this one, a column gap apart at most.
    const at = line.findIndex((x) => x.j === i);
    if (at < 0) return;
    const gap = (a: Box, b: Box) => b.left - (a.left + a.width) > HEADING_GAP * Math.max(a.height, b.height);
    let from = at;
    let to = at;
    while (from > 0 && !gap(line[from - 1].box, line[from].box)) from--;
    while (to < line.length - 1 && !gap(line[to].box, line[to + 1].box)) to++;
    const row = line.slice(from, to + 1).map((x) => x.j);
    if (row.length < 2 || row.some((j) => !words[j])) return;
    if (namesColumns(row.flatMap((j) => words[j] ?? []))) for (const j of row) out.add(j);
  });
  return out;
}
