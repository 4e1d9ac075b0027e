/**
 * An age over 89 printed bare after the patient's name on its identity line (`KOWALSKI J  97`, `Doe, Jane 101 F`): no
 * unit and no label, so only the name before it says what the number counts. Pure functions over one line's text;
 * phi.ts passes the ranges it matched as the patient's name.
 */
import { UNIT_AFTER } from './phi-patterns.js';

/** The oldest age a bare number after a name is taken for when the header says no age: past it, the number is something else. */
const OLDEST = 125;
/** Characters after the number that may hold a unit of measure (spaces and the longest unit). */
const UNIT_REACH = 8;

/**
 * The number right after the last name range of each run (a comma and spaces between, nothing else), two or three digits
 * (zero-padded ones too, `097`), when it is an age over 89: one of the header's ages (`ages`, in years), or any from 90 to
 * {@link OLDEST}. A unit after it (`97 kg`, `120 cm`), a decimal or a letter run into it (`97.5`, `97A`) make it a measure
 * or a code. `folded` is `text` with OCR's digit confusions folded (`9O` read as `90`), offset for offset.
 * @example agesAfterNames('KOWALSKI J 97 F', 'KOWALSKI J 97 F', [{ begin: 0, end: 10 }], ['97']) // [{ begin: 11, end: 13, header: true }]
 */
export function agesAfterNames(text: string, folded: string, names: ReadonlyArray<{ begin: number; end: number }>, ages: readonly string[]): Array<{ begin: number; end: number; header: boolean }> {
  const out: Array<{ begin: number; end: number; header: boolean }> = [];
  // Sticky, from each name's end: no copy of the line's rest per name (a long line holds many).
  const after = /,?\s{1,6}(0{0,2}(\d{2,3}))(?![\p{L}\p{N}]|[.,:/]\d)/uy;
  const lastName = Math.max(...names.map((n) => n.begin));
  for (const name of names) {
    after.lastIndex = name.end;
    const m = after.exec(folded);
    if (!m) continue;
    const years = String(Number(m[2]));
    const header = ages.includes(years);
    if (!header && (Number(years) < 90 || Number(years) > OLDEST)) continue;
    const end = after.lastIndex;
    const begin = end - m[1].length;
    // A name part after the number: the number sits inside the name (`DOE 97 JANE` is no age after a name).
    if (lastName >= end) continue;
    if (UNIT_AFTER.test(text.slice(end, end + UNIT_REACH))) continue;
    if (!out.some((o) => o.begin === begin)) out.push({ begin, end, header });
  }
  return out;
}
