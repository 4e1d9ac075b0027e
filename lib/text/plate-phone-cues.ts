/**
 * Vehicle plates whose label is not right before them (`scooter reg AB12 CDE`, `Kennzeichen des Fahrzeugs B-XY 123`,
 * `bilnr. taxi AB 12345`), and phones after the cue words of the Nordic languages, in their groupings (`mobilnr 912 34
 * 567`, `telefonnr. 22 33 44 55`, `sími 555 1234`). The plate and phone shapes of shapes.ts take a label right before
 * the value; these add the labels they miss and up to three words between.
 */
import { anyCasePattern } from './locale-data.js';
import type { TextShape } from './text-shape.js';

/** Kinds of vehicle before `reg`, `plate` or `no.` (`scooter reg`, `van plate`, `taxi no.`). */
const VEHICLES = 'car|van|scooter|moped|motorbike|motorcycle|motor\\s{1,2}bike|bike|truck|lorry|taxi|cab|vehicle|trailer|caravan|campervan|pickup|jeep|suv|minibus|bus|ambulance|auto|pkw|lkw|fahrzeug|wagen|voiture|coche|carro|macchina|bil|samochód|vozidlo|autó|araç';
/** Labels of a plate that the plate shape does not know, or that a few words may follow before the plate. */
const LABELS =
  `(?:${VEHICLES})\\s{1,2}(?:reg(?:istration)?\\.?|plate|number\\s{1,2}plate|no\\.?|nr\\.?)|kennzeichen|amtliches\\s{1,2}kennzeichen|nummernschild|autokennzeichen|` +
  'bilnr\\.?|bilnummer|bilens\\s{1,2}reg(?:istrerings)?nr\\.?|regnr\\.?|reg\\.\\s?nr\\.?|registreringsnummer|kjennemerke|kenteken|rekisterinumero|rek\\.\\s?nro|' +
  'immatriculation|matr[ií]cula|targa|tablica\\s{1,2}rejestracyjna|nr\\s{1,2}rejestracyjny|spz|ecv|evidenčné\\s{1,2}číslo|rendszám|plaka';
/** Up to three words between the label and the plate, each with a lower-case letter (`des Fahrzeugs`, `taxi`, `(rental)`). */
const GAP = '(?:\\s{1,3}\\(?(?=[\\p{L}.]{0,20}\\p{Ll})[\\p{L}.]{1,20}\\)?){1,3}';
/** A plate: one to four groups of capitals and digits (`AB12 CDE`, `B-XY 123`, `AB 12345`). */
const PLATE = '([A-Z0-9]{1,4}(?:[\\s-]{1,2}[A-Z0-9]{1,5}){0,3})(?![\\p{L}\\p{N}])';
/** A measure or a level that looks like a plate (`12 mm`, `L4-5`, `T1`). */
const LOOKALIKE = /^\d{1,4}\s{0,2}(?:mm|cm|ml|mg|kg|hu|px)$|^(?:[CTLS]\d{1,2}[\s-]{0,2}){1,3}$/i;

/** Nordic, Icelandic and Finnish words for a phone number, and Baltic ones, that the phone shape does not know. */
const PHONE_CUES = anyCasePattern(
  'mobilnr|mobilnummer|mobiltelefon|mobiltlf|mobiltelefonnummer|telefonnr|tlfnr|tlf\\.\\s?nr|tel\\.\\s?nr|tel\\.\\s?nr\\.|telefonnummer|sími|símanúmer|farsími|gsm|puhelinnumero|matkapuhelin|puhelin|puh\\.\\s?nro|kännykkä|tālrunis|tālr\\.|telefono\\s{1,2}numeris|tel\\.\\s?nr\\.',
);
/** A phone of 7 to 12 digits in groups of one to four (`912 34 567`, `22 33 44 55`, `555 1234`, `+47 912 34 567`). */
const PHONE = '(\\+?\\d{1,4}(?:[\\s.-]{1,2}\\d{1,4}){1,5})(?![\\p{L}\\p{N}]|[.,]\\d)';

/** Plates after a distant label and phones after Nordic cue words, added to the text shapes. */
export const PLATE_AND_PHONE_SHAPES: readonly TextShape[] = [
  {
    kind: 'plate',
    category: 'L',
    needsDigit: true,
    // A vehicle's word or a plate's label (`no`, `nr` alone would let the pattern run on most texts).
    requires: [...VEHICLES.replace(/\\s\{1,2\}/g, ' ').split('|'), 'kennzeichen', 'nummernschild', 'regnr', 'reg.', 'registrerings', 'kjennemerke', 'kenteken', 'rekisteri', 'rek.', 'immatriculation', 'matr', 'targa', 'tablica', 'rejestr', 'spz', 'ecv', 'evidenčné', 'rendszám', 'plaka'],
    re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${anyCasePattern(LABELS)})(?:${GAP})?\\s{0,3}[:#=]?\\s{0,3}${PLATE}`, 'gu'),
    group: 1,
    accept: (t) => {
      const chars = t.replace(/[^A-Z0-9]/gi, '').length;
      return /\d/.test(t) && /[A-Z]/.test(t) && chars >= 4 && chars <= 10 && !LOOKALIKE.test(t);
    },
  },
  {
    kind: 'phone',
    category: 'D',
    needsDigit: true,
    requires: ['mobil', 'tlf', 'tel', 'sími', 'síma', 'gsm', 'puh', 'kännykkä', 'tālr'],
    re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${PHONE_CUES})\\.?\\s{0,3}[:=]?\\s{0,3}${PHONE}`, 'gu'),
    group: 1,
    accept: (t) => {
      const digits = t.replace(/\D/g, '').length;
      return digits >= 7 && digits <= 12;
    },
  },
];
