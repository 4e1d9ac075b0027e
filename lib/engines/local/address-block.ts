/**
 * The lines of a postal address on a form: under or after an `Address:` label, the next lines (street, district, city,
 * state, postcode or PIN) until the next label are the address; so is a city or district line right under a street
 * line. OCR gives one line per row, and only the labelled one says what it holds. Pure functions over lines; phi.ts
 * turns the ranges into findings.
 */
import { columnsShared, onOneLine } from '../../image/boxes.js';
import { findShapes, TEXT_SHAPES } from '../../text/shapes.js';
import type { Box } from '../types.js';

/** The free-text address shapes (`lib/text/shapes.ts`): one definition of a street address for header text and screens alike. */
const ADDRESS_SHAPES = TEXT_SHAPES.filter((s) => s.kind === 'address');

/**
 * Street addresses and the lines that close one (`27 Quarry Bank Row`, `ul. Lipowa 12`, `14 rue des Tanneurs`,
 * `Sheffield S11 7QB`, `Tucson AZ 85718`) in a line of screen text, by the free-text address shapes: a number beside
 * capitalised words and a street word, a postcode after a town. Technique values (`Tilt 12.0`, `FOV 22 cm`) are none.
 * @example streetAddresses('Addr: 9 Anna Salai Road') // [{ begin: 6, end: 23 }]
 */
export function streetAddresses(text: string): Array<{ begin: number; end: number }> {
  return findShapes(text, ADDRESS_SHAPES).map((s) => {
    // A postcode's label stays readable: only its value goes (`Postcode: GL50 3QT`).
    const label = POSTCODE_LABEL.exec(text.slice(s.begin, s.end));
    return { begin: s.begin + (label?.[0].length ?? 0), end: s.end };
  });
}

/** The label the postcode shape takes in with its value. */
const POSTCODE_LABEL = /^(?:zip|zip\s?code|postcode|post\s?code|postal\s{1,2}code)\s{0,3}[:#]?\s{0,3}/iu;

/**
 * An address label, with or without its colon (`Address:`, `Home address`, `Adresse :`, `Anschrift`, `Domicilio`); a short
 * form with it (`Addr:`, `Adr.:`), and a form's street field with it (`Street:`, `Straße:` read `StraBe:`, `Rue:`, `Ulica:`).
 */
export const ADDRESS_LABEL = /(?<![\p{L}\p{N}])(?:(?:HOME|PATIENT|PT|STREET|MAILING|POSTAL|PERMANENT|CURRENT|RESIDENTIAL)\s{0,2})?(?:(?:ADDRESS|ADRESSE|ANSCHRIFT|DOMICILE|DOMICILIO|INDIRIZZO|ENDEREÇO|ENDERECO|DIRECCIÓN|DIRECCION|WOHNORT)(?![\p{L}\p{N}])\s{0,2}:?|(?:ADDR|ADR|ADRES|ADRESA|STREET|STRA(?:SS|ß|B)E|STR|RUE|CALLE|STRAAT|ULICA)\.?\s{0,2}:)/iu;
/** A label opening a field: a word or two and a colon (`City:`, `Tel:`, `Next of kin:`), or a number sign (`MRN#`). */
const FIELD_LABEL = /(?:^|\s)\p{L}[\p{L}.'-]{0,20}(?:\s\p{L}[\p{L}.'-]{0,20}){0,2}\s{0,2}[:#](?!\d)/u;
/** How many lines an address runs on after its label, and after a street line. */
const AFTER_LABEL = 4;
const AFTER_STREET = 2;
/** Widest gap (in glyph heights) between two lines of an address with one unread line between them. */
const UNREAD_LINE_GAP = 2.5;
/** How far (in glyph heights) a label's value may start from it: labels padded to a column (`Address:      14 …`). */
const LABEL_COLUMN_GAP = 8;
/** Widest gap (in glyph heights) between words of one address line: wider, the next column of the form. */
const ADDRESS_COLUMN_GAP = 2;

/** One line of an address found: the line and the range of its text the address covers. */
export interface AddressLine {
  line: number;
  begin: number;
  end: number;
}

type Line = { text: string; box?: Box; words?: ReadonlyArray<{ text: string; box: Box }> };

/**
 * The lines that go on an address: below each line of `starts` (a line with an address label, or with a street address
 * found, `street`), the lines that follow it down the same column, each within a line's height of the one before, until
 * a line that opens another field (a label and its colon), a line all of whose words are harmless (`isHarmlessWord`; of a
 * line OCR read more than once, every reading of it), or `AFTER_LABEL` lines (`AFTER_STREET` after a street line). A line's address ends at a column gap or a label.
 */
export function addressContinuations(lines: readonly Line[], starts: ReadonlyArray<{ line: number; street: boolean }>, isHarmlessWord: (word: string) => boolean): AddressLine[] {
  const out: AddressLine[] = [];
  const taken = new Set<number>();
  for (const start of starts) {
    const first = lines[start.line].box;
    if (!first) continue;
    let previous = first;
    for (let n = 0; n < (start.street ? AFTER_STREET : AFTER_LABEL); n++) {
      // The next line down whose columns meet the line above it, or (under a label alone) that starts where its value would, nearest first.
      const under = (b: Box) => columnsShared(b, previous) > 0 || (n === 0 && b.left >= first.left && b.left <= first.left + first.width + LABEL_COLUMN_GAP * first.height);
      const below = lines
        .flatMap((l, i) => (l.box && i !== start.line && l.box.top > previous.top + previous.height / 2 && under(l.box) ? [{ l, i, box: l.box }] : []))
        .sort((a, b) => a.box.top - b.box.top);
      const nearest = below.at(0);
      if (!nearest) break;
      const box = nearest.box;
      // One line OCR did not read may stand between (`Sławkowo` unread between its street and `62-310`): it counts as a line.
      const gap = box.top - (previous.top + previous.height);
      const skipped = gap > Math.max(previous.height, box.height);
      if (gap > UNREAD_LINE_GAP * Math.max(previous.height, box.height) || (skipped && ++n >= (start.street ? AFTER_STREET : AFTER_LABEL))) break;
      // OCR's passes may read one place twice (`70` and `62-310`): the address goes on when any reading of the row does.
      const row = below.filter((x) => onOneLine(x.box, box) && columnsShared(x.box, box) > 0);
      if (row.some((x) => ADDRESS_LABEL.test(x.l.text) || taken.has(x.i))) break;
      let went = false;
      let ended = false;
      for (const next of row) {
        const end = addressEnd(next.l);
        const words = next.l.text.slice(0, end).match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [];
        if (end === 0 || words.length === 0 || words.every((w) => isHarmlessWord(w.replace(/\.$/, '')))) continue;
        out.push({ line: next.i, begin: next.l.text.search(/\S/), end });
        taken.add(next.i);
        went = true;
        // A field's label after the address on its line (`Bristol BS8 4QT   Tel: …`): the address ends there.
        if (end < next.l.text.trimEnd().length) ended = true;
      }
      if (!went || ended) break;
      previous = box;
    }
  }
  return out;
}

/** Where an address line's text ends: before a column gap wider than two glyph heights or a field's label, or at its end. */
function addressEnd(line: Line): number {
  const label = FIELD_LABEL.exec(line.text);
  let end = label ? label.index : line.text.trimEnd().length;
  const words = line.words;
  if (words && words.length > 1 && words.map((w) => w.text).join(' ') === line.text) {
    let at = words[0].text.length;
    for (let k = 1; k < words.length; k++) {
      const [a, b] = [words[k - 1].box, words[k].box];
      if (b.left - (a.left + a.width) > ADDRESS_COLUMN_GAP * Math.max(a.height, b.height)) {
        end = Math.min(end, at);
        break;
      }
      at += 1 + words[k].text.length;
    }
  }
  return line.text.slice(0, end).trimEnd().length;
}
