/**
 * Readouts of treatment, eye, nuclear medicine and angiography devices: labelled numbers with their units that the PHI
 * patterns and the unread-line rule may take for identity (`Fx 12/30`, `Gantry 180.0 Coll 90.0`, `6 MV`, `RX: +1.25 DS
 * -0.50 DC x 90`, `MD -3.42 dB`, `FL 2/14 FP 3% FN 5%`, `Tc-99m 740 MBq`, `20 s/frame`). A readout is judged word by word
 * against the lists below (data): a label of a device's value, a number, a unit, a joiner. The local PHI engine's keep-list
 * test takes a whole readout as harmless; the file's own identity still wins over it.
 */
import { SHORT_UNITS, UNIT_WORDS } from './phi-patterns.js';

/**
 * Labels a device's value follows, upper case: radiotherapy (fraction, monitor units, gantry, collimator and couch angles,
 * jaws, distances, field, beam, energy), eye (prescription, pressure, biometry, keratometry, visual-field indices), nuclear
 * medicine and angiography (counts, matrix, frames, runs, masks). Not a label of identity: those take any value.
 */
export const READOUT_LABELS: readonly string[] = [
  'FX', 'FRAC', 'FRACTION', 'MU', 'GANTRY', 'COLL', 'COLLIMATOR', 'COUCH', 'TABLE', 'SSD', 'SAD', 'FIELD', 'FLD', 'BEAM', 'ENERGY', 'DOSE',
  'X1', 'X2', 'Y1', 'Y2', 'MLC', 'JAW', 'JAWS', 'ISO', 'ANGLE', 'ROT', 'PITCH', 'ROLL', 'VRT', 'LNG', 'VERT', 'LONG',
  'RX', 'ADD', 'SPH', 'CYL', 'AXIS', 'IOP', 'AL', 'ACD', 'CCT', 'LT', 'K1', 'K2', 'KM', 'MD', 'PSD', 'VFI', 'FL', 'FP', 'FN', 'PUPIL', 'OD', 'OS', 'OU', 'VA', 'BCVA', 'WTW', 'SITA',
  'COUNTS', 'CTS', 'KCTS', 'MATRIX', 'FRAMES', 'FRAME', 'FRM', 'MASK', 'RUN', 'DSA', 'ZOOM', 'ACTIVITY', 'DURATION', 'RATE', 'VIEWS', 'STEPS',
];

/**
 * Units and words a readout's number may carry that are also initials or words elsewhere (`6 MV`, `MU`, `10 FFF`, `DS` and
 * `DC` of a prescription, `D` of a corneal power, counts in millions `1.24 M`): they count inside a readout only.
 */
const READOUT_ONLY_UNITS = ['MV', 'MU', 'FFF', 'DS', 'DC', 'D', 'CTS', 'M', 'FRAMES', 'UM', 'µM'];

/** Units that make a number a readout on their own: the shared unit words ({@link UNIT_WORDS}: `370 MBq`, `16 mmHg`) and a beam's energy (`6 MV`, `10 FFF`). */
const NAMING_UNITS = new Set([...UNIT_WORDS, 'MV', 'FFF']);
/** Those of them written with letters, which may be glued to their number (`-3.42DB`, `6MV`). */
const LETTER_NAMING_UNITS = [...NAMING_UNITS].filter((u) => /\p{L}/u.test(u));

/** Words between a readout's numbers: a product of sizes (`x`), a meridian (`@`), a count (`of`). */
const JOINERS = new Set(['X', '×', '@', 'OF']);

/**
 * Result words of a readout without a number (`GHT: Within normal limits`), and the strategy names of a visual field
 * (`SITA Standard`), upper case.
 */
export const READOUT_RESULTS: readonly string[] = ['WITHIN', 'OUTSIDE', 'NORMAL', 'LIMITS', 'BORDERLINE', 'GENERAL', 'REDUCTION', 'OF', 'SENSITIVITY', 'ABNORMALLY', 'HIGH', 'STANDARD', 'FAST', 'FASTER'];
/** Labels a result word follows (the Glaucoma Hemifield Test). */
const RESULT_LABELS = new Set(['GHT']);

const LABELS = new Set(READOUT_LABELS);
const UNITS = new Set([...UNIT_WORDS, ...SHORT_UNITS, ...READOUT_ONLY_UNITS].map((u) => u.toUpperCase()));
const RESULTS = new Set(READOUT_RESULTS);
const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const UNIT_SOURCE = [...UNITS].sort((a, b) => b.length - a.length).map(escape).join('|');

/** A number of a readout: signed, up to four digits before the point (`-5.0`, `+1.25`, `180.0`, `1250`), a unit or a sign glued on (`94%`, `6X`, `-3.42dB`). */
const NUMBER = new RegExp(`^[-+]?\\d{1,4}(?:[.,]\\d{1,3})?(?:%|°|${UNIT_SOURCE})?$`, 'u');
/** A share of a whole (`12/30`, `2/14`: a fraction, fixation losses), a matrix (`128x128`) or a visual-field test pattern (`24-2`). */
const PAIR = /^(?:\d{1,3}\/\d{1,3}|\d{1,4}[X×]\d{1,4}|(?:10|24|30|60)-[124]C?)$/u;
/** A nuclide with its dash (`Tc-99m`, `I-123`, `F-18`): without it a sex letter and an age run together (`F92`). */
const NUCLIDE = /^(?:TC|I|F|TL|GA|IN|RB|XE|LU|Y|CU|ZR)-\d{1,3}M?$/u;

/**
 * True when a text is a device readout: every word a readout label, a number, a share or matrix, a unit, a joiner, a
 * nuclide or (after a result label) a result word, with a readout label or unit among them and a number or a result
 * among them (`Gantry 180.0 Coll 90.0`, `RX: +1.25 DS -0.50 DC x 90`, `IOP 16 mmHg`, `GHT: Within normal limits`).
 * Upper-cased text; a label's colon or equals sign is ignored. No date, age or identifier is one: a number has four
 * digits at most before its point, a share two parts, and no word of letters stands outside the lists but the words
 * `harmlessWord` vouches for (the keep-list's views: `Beam 3/7 RT LAT`).
 * @example isReadout('FL 2/14 FP 3% FN 5%') // true
 */
export function isReadout(text: string, harmlessWord: (word: string) => boolean = () => false): boolean {
  const words = text.split(/\s+/).map((w) => w.replace(/[:=]$/, '')).filter(Boolean);
  let named = false;
  let valued = false;
  let results = false;
  for (const w of words) {
    if (LABELS.has(w) || RESULT_LABELS.has(w)) {
      named = true;
      results = results || RESULT_LABELS.has(w) || w === 'SITA';
    } else if (UNITS.has(w) || NUMBER.test(w) || PAIR.test(w) || NUCLIDE.test(w)) {
      // A unit names a readout when it names nothing else (`MBq`, `MV`); one that may be a letter or initials (`M`, `DS`) needs a label.
      named = named || NAMING_UNITS.has(w) || NUCLIDE.test(w) || (/\d/.test(w) && LETTER_NAMING_UNITS.some((u) => w.endsWith(u)));
      valued = valued || /\d/.test(w);
    } else if (results && RESULTS.has(w)) valued = true;
    else if (!JOINERS.has(w) && !harmlessWord(w)) return false;
  }
  return named && valued;
}
