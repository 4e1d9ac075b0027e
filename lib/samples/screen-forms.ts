/**
 * The forms a screen gives the header's identity, and the harmless annotation lines scanners print:
 * names in every order, case and initial form, institutions shortened the way overlays shorten them,
 * dates in national and ISO formats, IDs under whatever label (or none), and technique, probe, window
 * and view lines. The sample layouts draw from these so the acceptance test covers each class.
 */
import type { FakePerson } from './identity.js';
import type { Rng } from './rng.js';

const title = (s: string): string => s.charAt(0) + s.slice(1).toLowerCase();

/** The patient's name as a screen may show it: any order, case, comma, caret, initials. */
export function nameForm(person: FakePerson, rng: Rng): string {
  const f = person.family;
  const g = person.given;
  const m = person.middle;
  const gi = g[0];
  const forms = [
    `${f} ${g}`,
    `${f}, ${g}`,
    `${g} ${f}`,
    `${f}^${g}`,
    `${title(f)}, ${title(g)}${m ? ` ${m}` : ''}`,
    `${title(f)}, ${gi}.`,
    `${gi}. ${title(f)}`,
    `${g}${m ? ` ${m}` : ''} ${f}`,
    `${f}^${g}^${m ?? ''}`.replace(/\^$/, ''),
    `${title(g)} ${title(f)}`,
    `${f}, ${g} ${m ? `${m}.` : ''}`.trim(),
    `${title(f)} ${gi}${m ? m : ''}`,
  ];
  return rng.pick(forms);
}

/** How overlays shorten the words of institution names. */
const ABBREVIATIONS: Partial<Record<string, string[]>> = {
  MEDICAL: ['Med', 'Med.'],
  CENTER: ['Ctr', 'Ctr.', 'Cntr'],
  UNIVERSITY: ['Univ', 'Univ.', 'U.'],
  HOSPITAL: ['Hosp', 'Hosp.'],
  SAINT: ['St.', 'St'],
  GENERAL: ['Gen', 'Gen.'],
  REGIONAL: ['Reg', 'Reg.', 'Rgnl'],
  COMMUNITY: ['Comm', 'Cmty'],
  INSTITUTE: ['Inst', 'Inst.'],
  IMAGING: ['Img', 'Imaging'],
  CLINIC: ['Clin', 'Clinic'],
};
/** Word pairs overlays write as two letters. */
const PAIR_INITIALS: Array<[string, string, string]> = [
  ['MEDICAL', 'CENTER', 'MC'],
  ['UNIVERSITY', 'HOSPITAL', 'UH'],
  ['GENERAL', 'HOSPITAL', 'GH'],
];

/**
 * An institution name in one of the forms a screen uses: whole, with its generic words abbreviated
 * (`St. Aldric Med Ctr`), with a pair of them as initials (`St. Aldric MC`), all upper case, a word
 * subset (`Pendleford Univ Hosp` for `Pendleford University Hospital`, `Aldric Medical`), or as the
 * initials of every word (`SAMC`).
 */
export function institutionForm(name: string, rng: Rng): string {
  const words = name.split(/\s+/);
  const abbreviate = (w: string): string => {
    const options = ABBREVIATIONS[w.toUpperCase()];
    return options ? rng.pick(options) : w;
  };
  switch (rng.int(0, 6)) {
    case 0:
      return name;
    case 1:
      return words.map(abbreviate).join(' ');
    case 2: {
      for (const [a, b, initials] of PAIR_INITIALS) {
        const i = words.findIndex((w, k) => w.toUpperCase() === a && words[k + 1]?.toUpperCase() === b);
        if (i >= 0) return [...words.slice(0, i).map(abbreviate), initials, ...words.slice(i + 2)].join(' ');
      }
      return words.map(abbreviate).join(' ').toUpperCase();
    }
    case 3:
      return name.toUpperCase();
    case 4:
      // The distinctive words and the first generic one: `Aldric Medical`, `Cedar Ridge University`.
      return words.filter((w, i) => !ABBREVIATIONS[w.toUpperCase()] || (i > 0 && !ABBREVIATIONS[words[i - 1].toUpperCase()])).join(' ');
    case 5:
      return words.map((w) => w[0].toUpperCase()).join('');
    default:
      return words.map(abbreviate).join(' ').toUpperCase();
  }
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;

/** The date styles screens use. */
export const DATE_STYLES = [
  'mm/dd/yyyy', 'mm.dd.yyyy', 'dd.mm.yyyy', 'dd/mm/yyyy', 'yyyy-mm-dd', 'yyyy/mm/dd', 'yyyy.mm.dd', 'dd-mon-yyyy',
  'dd mon yyyy', 'mon dd, yyyy', 'dd-mon-yy', 'mm/dd/yy', 'dd.mm.yy', 'd.m.yyyy', 'm/d/yyyy', 'yyyymmdd', 'dd Mon yyyy',
  'dd/Mon/yyyy', 'yyyy-Mon-dd', 'Month d, yyyy', 'd Month yyyy', 'mm-dd-yyyy', 'dd-mm-yyyy', 'DD-MON-YY', 'yy/mm/dd',
] as const;
export type DateStyle = (typeof DATE_STYLES)[number];

/** Formats a YYYYMMDD date in one of {@link DATE_STYLES}. */
export function formatScreenDate(date: string, style: DateStyle): string {
  const y = date.slice(0, 4);
  const yy = y.slice(2);
  const m = date.slice(4, 6);
  const d = date.slice(6, 8);
  const mon = MONTHS[Number(m) - 1];
  const nm = String(Number(m));
  const nd = String(Number(d));
  switch (style) {
    case 'mm/dd/yyyy': return `${m}/${d}/${y}`;
    case 'mm.dd.yyyy': return `${m}.${d}.${y}`;
    case 'dd.mm.yyyy': return `${d}.${m}.${y}`;
    case 'dd/mm/yyyy': return `${d}/${m}/${y}`;
    case 'yyyy-mm-dd': return `${y}-${m}-${d}`;
    case 'yyyy/mm/dd': return `${y}/${m}/${d}`;
    case 'yyyy.mm.dd': return `${y}.${m}.${d}`;
    case 'dd-mon-yyyy': return `${d}-${mon}-${y}`;
    case 'dd mon yyyy': return `${d} ${mon} ${y}`;
    case 'mon dd, yyyy': return `${title(mon)} ${nd}, ${y}`;
    case 'dd-mon-yy': return `${d}-${title(mon)}-${yy}`;
    case 'mm/dd/yy': return `${m}/${d}/${yy}`;
    case 'dd.mm.yy': return `${d}.${m}.${yy}`;
    case 'd.m.yyyy': return `${nd}.${nm}.${y}`;
    case 'm/d/yyyy': return `${nm}/${nd}/${y}`;
    case 'yyyymmdd': return date;
    case 'dd Mon yyyy': return `${d} ${title(mon)} ${y}`;
    case 'dd/Mon/yyyy': return `${d}/${title(mon)}/${y}`;
    case 'yyyy-Mon-dd': return `${y}-${title(mon)}-${d}`;
    case 'Month d, yyyy': return `${MONTH_NAMES[Number(m) - 1]} ${nd}, ${y}`;
    case 'd Month yyyy': return `${nd} ${MONTH_NAMES[Number(m) - 1]} ${y}`;
    case 'mm-dd-yyyy': return `${m}-${d}-${y}`;
    case 'dd-mm-yyyy': return `${d}-${m}-${y}`;
    case 'DD-MON-YY': return `${d}-${mon}-${yy}`;
    case 'yy/mm/dd': return `${yy}/${m}/${d}`;
  }
}

/** A date as a screen shows it, in a style drawn from {@link DATE_STYLES}. */
export function dateForm(date: string, rng: Rng): string {
  return formatScreenDate(date, rng.pick(DATE_STYLES));
}

/** A label for the patient ID, or none (`undefined`): labels differ from vendor to vendor. */
export function patientIdLabel(rng: Rng): string | undefined {
  return rng.pick([undefined, 'MRN:', 'MRN', 'ID:', 'ID', 'Pt ID:', 'PID:', 'Patient ID:', 'Pat.No.', 'Hosp#', '#', 'No.', 'Chart:', 'Reg No']);
}

/** A label for the accession number, or none. */
export function accessionLabel(rng: Rng): string | undefined {
  return rng.pick([undefined, 'Acc:', 'Acc#', 'ACC NO', 'Accession:', 'Exam:', 'Req#', 'A#', 'Order']);
}

/** A label for the birth date, or none. */
export function birthDateLabel(rng: Rng): string | undefined {
  return rng.pick([undefined, 'DOB:', 'DOB', 'D.O.B.', 'Born', 'Birth:', 'BD:', '*', 'Birth Date:', 'DoB', 'Date of Birth:', 'b.']);
}

/** An ultrasound probe line: transducer, frame rate or frequency, and acoustic output (`C5-1 17Hz MI 1.2`). */
export function probeLine(rng: Rng): string {
  const probe = rng.pick(['C5-1', 'L12-5', 'P4-2', 'C9-2', 'L18-4', 'X7-2t', 'C1-6-D', 'EC9-4', 'ML6-15', '9L4', 'S5-1', 'L11-3']);
  const rate = `${rng.int(8, 60)}Hz`;
  const mi = `${rng.int(0, 1)}.${rng.int(0, 9)}`;
  const forms = [
    `${probe} ${rate} MI ${mi}`,
    `${probe} ${rng.int(2, 18)}MHz ${rate}`,
    `${probe} ${rng.int(20, 60)}mm MI ${mi}`,
    `${probe} MI ${mi} TIs ${rng.int(0, 2)}.${rng.int(0, 9)}`,
    `${probe} ${rate}`,
  ];
  return rng.pick(forms);
}

/** Ultrasound acquisition lines (gain, dynamic range, depth, thermal index). */
export function ultrasoundLines(rng: Rng): string[] {
  const lines = [
    `MI ${rng.int(0, 1)}.${rng.int(0, 9)}`,
    `TIs ${rng.int(0, 1)}.${rng.int(0, 9)}`,
    `TIb ${rng.int(0, 2)}.${rng.int(0, 9)}`,
    `Gn ${rng.int(30, 70)}`,
    `DR ${rng.int(40, 80)}`,
    `FR ${rng.int(10, 60)}Hz`,
    `Depth ${rng.int(4, 22)} cm`,
    `2D ${rng.int(40, 90)}%`,
    `C ${rng.int(40, 70)} P Low`,
  ];
  return pickSome(lines, rng.int(2, 4), rng);
}

/** Technique lines of a CT or radiograph (`kVp 120 mAs 250`, `120 kV`, `DLP 310 mGy-cm`). */
export function techniqueLines(modality: 'CT' | 'CR', rng: Rng): string[] {
  const kv = modality === 'CT' ? rng.pick([80, 100, 120, 140]) : rng.int(60, 125);
  const mas = modality === 'CT' ? rng.int(40, 400) : `${rng.int(1, 20)}.${rng.int(0, 9)}`;
  const one = [`kVp ${kv} mAs ${mas}`, `${kv} kV ${mas} mAs`, `KV ${kv} MAS ${mas}`];
  const two = [[`kVp ${kv}`, `mAs ${mas}`], [`${kv} kVp`, `${mas} mAs`]];
  const lines = rng.chance(0.5) ? [rng.pick(one)] : rng.pick(two);
  if (modality === 'CT') lines.push(rng.pick([`SL ${rng.pick(['0.625', '1.25', '2.5', '5.0'])}mm`, `DFOV ${rng.int(25, 50)}.0cm`, `Tilt 0`, `Se ${rng.int(1, 9)} Im ${rng.int(1, 300)}`]));
  else lines.push(rng.pick([`EI ${rng.int(200, 900)}`, `SID ${rng.int(100, 180)}cm`, `${rng.int(1, 3)}:${rng.int(1, 9)}`]));
  return lines;
}

/** A window line in one of the vendor styles (`W:400 L:40`, `WW 1500 WL -600`, `W/L 400/40`). */
export function windowLine(rng: Rng, width: number, level: number): string {
  return rng.pick([`W:${width} L:${level}`, `W ${width} L ${level}`, `WW ${width} WL ${level}`, `W/L ${width}/${level}`, `C ${level} W ${width}`]);
}

/** MR sequence lines (`TR 500`, `TE 15`, `ET 16`, `FOV 240x240`). */
export function mrLines(rng: Rng): string[] {
  const lines = [`TR ${rng.int(300, 9000)}`, `TE ${rng.int(8, 120)}`, `ET ${rng.int(1, 32)}`, `FOV ${rng.pick([220, 240, 256])}x${rng.pick([220, 240, 256])}`, `SL ${rng.int(2, 6)}mm`, rng.pick(['T2 FLAIR', 'T1 SE', 'DWI b1000', 'T2 TSE AX'])];
  return pickSome(lines, rng.int(2, 4), rng);
}

/** A scale mark (`5 cm`, `10 mm`, `1:1`). */
export function scaleLine(rng: Rng): string {
  return rng.pick(['5 cm', '10 cm', '2 cm', '10 mm', '1 cm', '1:1']);
}

/** `n` distinct items in their original order. */
function pickSome<T>(items: readonly T[], n: number, rng: Rng): T[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(n, items.length)) chosen.add(rng.int(0, items.length - 1));
  return [...chosen].sort((a, b) => a - b).map((i) => items[i]);
}
