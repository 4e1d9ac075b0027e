/**
 * Numbers of a health plan, an insurance, a licence or a national register after their label, in many languages and
 * whatever their separators and check digits (`Medicare 2123 45670 1`, `Licence XYZ br. 13936`, `Pojišťovna č. 211 456
 * 7890`, `Polis nº 4412 8890 12`, `Permis n. 99812 4431`, `Member № 551 203 88`): a digit run of an identifier's length
 * after one of these labels is an identifier. After a number sign (`No.`, `Nr.`, `br.`, `č.`, `№`, `nº`, `n.`) four
 * digits or more; after the label alone six or more. Up to three words may stand between the label and the sign (a
 * plan's or an issuer's name: `Health plan Northwind Care No. 884 213 907`); a code in capitals right before the sign
 * goes with the number (`XYZ br. 13936`). Not before a unit (`plan 1500 mg`).
 *
 * The labels are data (lower case; matched in any case). Left out: words that are also everyday words with numbers
 * after them (`police`, `cover`, `fund`, `права`, `prawo`, `kod`, `tin`, `sin`).
 */
import { anyCasePattern } from './locale-data.js';
import { E, WORD_CHAR } from './scripts.js';
import type { TextShape } from './text-shape.js';

/** Labels of plans, insurances, licences and registers, one language a line (lower case). */
export const PLAN_AND_LICENCE_LABELS: readonly string[] = [
  // English, and the plans and registers of English-speaking countries
  'insurance', 'insurer', 'insured', 'policy', 'member', 'membership', 'subscriber', 'beneficiary', 'plan', 'scheme',
  'medicare', 'medicaid', 'tricare', 'champva', 'medi-cal', 'nhs', 'hse', 'ohip', 'msp', 'ramq', 'ahcip', 'mbi', 'hicn',
  'ssn', 'nino', 'ppsn', 'pps', 'ihi', 'chi', 'licence', 'license', 'permit', 'registration', 'certificate', 'passport',
  // German, Dutch
  'versicherung', 'versicherter', 'versicherten', 'versichertennummer', 'krankenkasse', 'kasse', 'krankenversicherung', 'ahv',
  'svnr', 'sozialversicherung', 'führerschein', 'ausweis', 'lizenz', 'approbation', 'mitglied', 'mitgliedsnummer',
  'verzekering', 'verzekeraar', 'verzekerde', 'polis', 'polisnummer', 'bsn', 'zorgverzekeraar', 'rijbewijs', 'lidnummer', 'vergunning',
  // French, Italian, Spanish, Portuguese, Catalan
  'assurance', 'assuré', 'assurée', 'mutuelle', 'sécu', 'nir', 'vitale', 'permis', 'adhérent', 'affilié',
  'tessera', 'sanitaria', 'assicurazione', 'polizza', 'patente', 'licenza', 'iscrizione',
  'seguro', 'póliza', 'aseguradora', 'afiliado', 'afiliación', 'tarjeta', 'cip', 'nss', 'licencia', 'carnet', 'carné', 'mutua',
  'afiliação', 'cartão', 'utente', 'apólice', 'seguradora', 'beneficiário', 'plano', 'convênio', 'assegurança',
  // Czech, Slovak, Polish, Croatian, Serbian, Slovene, Hungarian, Romanian
  'pojišťovna', 'pojištěnec', 'pojistka', 'pojištění', 'poisťovňa', 'poistenec', 'poistenie', 'průkaz', 'preukaz', 'oprávnění',
  'ubezpieczenie', 'ubezpieczony', 'ubezpieczyciel', 'polisa', 'nfz', 'pesel', 'legitymacja', 'licencja', 'uprawnienia',
  'osiguranje', 'osiguranik', 'osiguravatelj', 'mbo', 'oib', 'jmbg', 'iskaznica', 'knjižica', 'dozvola', 'licenca', 'vozačka',
  'zavarovanje', 'zavarovanec', 'zzzs', 'emšo',
  'biztosítás', 'biztosított', 'taj', 'tajszám', 'jogosítvány', 'engedély', 'igazolvány', 'asigurare', 'asigurat', 'cnp', 'licență',
  // Turkish, Greek, Cyrillic
  'sigorta', 'sigortası', 'sgk', 'kimlik', 'ehliyet', 'ruhsat', 'lisans', 'poliçe',
  'ασφάλιση', 'ασφαλισμένος', 'ασφαλισμένη', 'αμκα', 'άδεια', 'δίπλωμα', 'ταυτότητα',
  'полис', 'омс', 'дмс', 'снилс', 'страховка', 'страхование', 'удостоверение', 'лицензия', 'паспорт', 'инн', 'поліс',
  'посвідчення', 'ліцензія', 'егн', 'лнч',
  // Nordic, Baltic
  'forsikring', 'forsikringsnummer', 'försäkring', 'personnummer', 'fødselsnummer', 'cpr', 'sygesikring', 'henkilötunnus',
  'hetu', 'kela', 'vakuutus', 'ajokortti', 'kennitala', 'tryggingar', 'førerkort', 'körkort', 'kørekort',
  'apdrošināšana', 'polise', 'draudimas', 'kindlustus', 'isikukood',
  // Malay, Indonesian, Filipino, Irish
  'insurans', 'polisi', 'asuransi', 'bpjs', 'kartu', 'nik', 'mykad', 'lesen', 'philhealth', 'gsis', 'umid', 'árachas', 'ceadúnas',
];

/** Number signs between a label and its number (`No.`, `Nr.`, `br.`, `č.`, `№`, `nº`, `n.`, `Nummer`, `número`), as regex source. */
const NUMBER_SIGNS =
  '(?:no|nr|nro|núm|num|nos|nº|n°|no°|br|čís|čis|št|sz|αρ|ном|numb?er|número|numéro|numero|nummer|numurs|numeris|číslo|broj|szám|szám|numărul|numarası|nomor|nombor|номер|број)\\.?|(?:n|č|s)\\.|№|#';

/** Signs in any case (`NO.`, `No.`, `no.`), compiled without `i`: a code before the sign is in capitals. */
const SIGNS = anyCasePattern(NUMBER_SIGNS);
/** The number: digits in groups split by spaces, dashes, dots or slashes, a letter or three before, one after. */
const VALUE = '[A-Z]{0,3}\\d{1,12}(?:(?:\\s{1,2}|\\s?[\\-./\u2010\u2013]\\s?)\\d{1,12}){0,6}[A-Z]?';
/** What may not follow the number: a unit (`plan 1500 mg`), a letter or digit, a decimal or another group. */
const AFTER = `(?!\\s{0,2}${anyCasePattern('(?:mm|cm|ml|mg|mcg|kg|gy|mgy|cgy|ms|s|sec|min|h|hz|kv|kvp|mas|ma|%|°|bpm|hu|px|units?|iu|mmol|fractions?|fx)')}${E})(?!${WORD_CHAR}|[.,/\\-]\\d)`;
const digits = (t: string) => t.replace(/\D/g, '').length;

/** After the label: up to three words, a number sign, the number (`XYZ br. 13936`, `Northwind Care No. 884 213 907`). Sticky. */
const AFTER_LABEL_SIGN = new RegExp(`(?:[\\s:,]{1,3}[\\p{L}][\\p{L}\\p{M}'’-]{0,24}){0,3}?[\\s:,]{1,3}((?:\\p{Lu}{1,6}\\s{0,2})?(?:${SIGNS})\\s{0,2}[:=]?\\s{0,2}${VALUE})${AFTER}`, 'uy');
/** After the label: the number itself (`2123 45670 1`, `: 104 940 221 7`). Sticky. */
const AFTER_LABEL = new RegExp(`\\s{0,3}[:=#]?\\s{0,3}(${VALUE})${AFTER}`, 'uy');
/** The words of a text, each looked up among the labels. */
const WORD = /[\p{L}\p{M}][\p{L}\p{M}'’-]{0,40}/gu;
const LABEL_SET: ReadonlySet<string> = new Set(PLAN_AND_LICENCE_LABELS);

/**
 * Identifiers after a label of {@link PLAN_AND_LICENCE_LABELS}: at each word that is one, the number after a sign (four
 * digits or more) or right after it (six or more). One pass over the words, a bounded match after each label: no
 * alternation of some hundreds of labels tried at every place.
 */
function findPlanAndLicenceIds(text: string): Array<{ begin: number; end: number }> {
  const out: Array<{ begin: number; end: number }> = [];
  for (const w of text.matchAll(WORD)) {
    if (!LABEL_SET.has(w[0].toLowerCase()) || (w.index > 0 && /[\p{L}\p{N}]/u.test(text[w.index - 1]))) continue;
    const at = w.index + w[0].length;
    for (const [re, least] of [[AFTER_LABEL_SIGN, 4], [AFTER_LABEL, 6]] as const) {
      re.lastIndex = at;
      const m = re.exec(text);
      if (!m || digits(m[1]) < least || digits(m[1]) > 40) continue;
      out.push({ begin: m.index + m[0].length - m[1].length, end: m.index + m[0].length });
      break;
    }
  }
  return out;
}

/** Identifiers after a plan's, an insurance's, a licence's or a register's label (see the file's comment). */
export const PLAN_AND_LICENCE_ID_SHAPE: TextShape = { kind: 'id', category: 'R', needsDigit: true, find: findPlanAndLicenceIds };
