/**
 * Streets of more languages, by the kind of street (the forms of foreign-addresses.ts and addresses.ts stay there): the
 * kind first in Italian, Maltese, Romanian, Albanian, Galician, Indonesian and Malay, and the Cyrillic abbreviations
 * (`Via dei Mille 4`, `Triq il-Kbira 12`, `Jl. Merdeka No. 4`, `ул. Ленина, д. 5`, `бул. Витоша 3`); the kind as a word
 * after the name in the Baltic languages and Slovene (`Dzirnavu iela 12`, `Pärnu mnt 5`, `Gedimino pr. 9`, `Slovenska
 * cesta 5`); the kind as the end of one word in Icelandic (`Laugavegur 22`, `Skólavörðustígur 8`) and Slovak street
 * adjectives (`Hlavná 7`); and a house number, a name and the kind in Tamil, Bengali and Hindi (`12 காந்தி தெரு`,
 * `১২ রবীন্দ্র সরণি`). The postcode and town after them are taken by the address extensions of the other files.
 *
 * Each shape has a literal prefilter (`requires`) and bounded quantifiers.
 */
import { englishWords, everydayWords, medicalTerms } from './lexicons.js';
import { anyCase, B, E } from './place-patterns.js';
import type { TextShape } from './text-shape.js';

/** A capitalised word of a street's name, in any cased script (`Mille`, `Ленина`, `Витоша`, `Merdeka`). */
const NAME_WORD = "\\p{Lu}[\\p{L}'’.-]{0,24}";
/** Small words inside a name: Italian, Romanian, Spanish links and Maltese articles (`dei`, `della`, `il-`, `tal-`). */
const LINK = "(?:(?:de|dei|degli|del|della|delle|di|da|do|dos|la|lui|e|y|i|și|sv\\.?)\\s{1,2}|(?:il|l|ix|iż|is|it|id|in|ir|iċ|tal|tax|taż|tas|tat|tad|tan|tar|ta['’])-?)";
/** A street's name after its kind: capitalised words with links between, a date first (`8 Marta`, `1 Mai`). */
const NAME = `(?:\\d{1,2}\\s{1,2})?${LINK}{0,3}${NAME_WORD}(?:[\\s-]{1,3}${LINK}{0,2}${NAME_WORD}){0,3}`;
/** A house number with its marks (`No. 4`, `nr. 12`, `д. 5`, `дом 5`, `12-3`, `41/7`, `18B`). */
const NUMBER = '(?:(?:No|NO|no|Nr|nr|Nr|nº|n\\.|д|дом|буд|бр|č|čp)\\.?\\s{0,2})?\\d{1,5}[A-Za-zА-Яа-я]?(?:[/-]\\d{1,4}[A-Za-z]?)?';
/** Units that make a number a measure (`Via IV 20 mg`), not a house. */
const MEASURE_UNITS = 'mm|cm|ml|mg|mcg|kg|gy|cgy|mgy|ms|s|sec|min|h|hz|kv|kvp|mas|bpm|hu|mci|mbq|mg/kg|ml/h|units?|iu|mmol|gtt|cc|l|g|x';
const NOT_MEASURE = `(?!\\s{0,2}(?:${MEASURE_UNITS}|${MEASURE_UNITS.toUpperCase()}|%|°)(?![\\p{L}\\p{N}]))`;

/** Kinds written before the name in lower case or capitalised (`via`, `Via`, `VIA`), and abbreviations with their stop. */
const KIND_FIRST_WORDS =
  'via|viale|vicolo|piazza|piazzale|corso|largo|contrada|borgo|lungomare|lungarno|salita|triq|strada|bulevardul|calea|aleea|intrarea|splaiul|şoseaua|șoseaua|piața|piaţa|rruga|bulevardi|rúa|avinguda|travesía|jalan|lorong|persiaran|lebuh|lebuhraya|улица|вулиця|проспект|булевард|бульвар|переулок|провулок|шоссе|площадь|набережная|микрорайон|улица';
const KIND_FIRST_ABBREVIATIONS = 'jl|jln|gg|lrg|str|bd|bdul|şos|șos|ул|вул|просп|пр|бул|пер|пл|наб|мкр|ш';
const KIND_FIRST = `(?:(?:${anyCase(KIND_FIRST_WORDS)})|(?:${anyCase(KIND_FIRST_ABBREVIATIONS)})\\.|пр-т|пр-кт|JL\\.?)`;
/** The lower-case strings without which no kind-first street can be written. */
const KIND_FIRST_REQUIRES = [...KIND_FIRST_WORDS.split('|').map((w) => `${w} `), ...KIND_FIRST_ABBREVIATIONS.split('|').map((w) => `${w}.`), 'пр-т', 'пр-кт', 'jl '];

/** Kinds written after the name as a word of their own: Latvian, Estonian, Lithuanian, Slovene, Croatian, Serbian. */
const KIND_AFTER_WORDS = 'iela|bulvāris|prospekts|gatve|prospektas|alėja|tänav|maantee|puiestee|cesta|ulica|avenija|bulevar';
// `g.` (Lithuanian `gatvė`) only: `pr.` is also per rectum, `al.` ends `et al.`.
const KIND_AFTER = `(?:(?:${anyCase(KIND_AFTER_WORDS)})${E}|(?:mnt|pst)${E}\\.?|g\\.)`;
const KIND_AFTER_REQUIRES = [...KIND_AFTER_WORDS.split('|').map((w) => `${w} `), ' g. ', ' mnt', ' pst'];

/** Icelandic endings of one-word street names, and Slovak street adjectives (`Hlavná`, `Mlynská`: Czech ones are in foreign-addresses.ts). */
const ENDINGS = 'vegur|vegi|stígur|stíg|braut|stræti|gata|götu|tröð|gerði|teigur|hlíð|ná|ní';
/** Words with such an ending that are no street (`Lumbrical 2` has none; `Kategorie`: no ending here). */
const NOT_STREET = /^(?:Ana|Ina|Una|Dona|Luna|Nina|Gina|Lina|Mina|Tina|Zena|Lena|Vena|Vagina|Angina|Retina|Lamina|Tunica)$/u;

/** Street kinds after the name in Tamil, Bengali and Hindi, and the name's words (scripts without case: letters and marks). */
const INDIC_KINDS = 'தெரு|சாலை|வீதி|நகர்|சந்து|সড়ক|সরণি|রোড|লেন|স্ট্রিট|গলি|মার্গ|मार्ग|रोड|गली|नगर|पथ|लेन';
const INDIC_WORD = '[\\u0900-\\u09FF\\u0B80-\\u0BFF]{1,24}';

/**
 * After `via`: a name in title case with a word that is no everyday English word (`Via dei Mille 4`). After `via` in
 * lower case, as a route or a line is written (`given via Port 2 times`, `via Hickman 2 lumen`), a linking word (`via
 * dei Mille 4`) or two words in title case, none an English word or a brand (`via Giuseppe Verdi 12`).
 */
function viaStreet(match: string): boolean {
  const words = match.slice(3).match(/\p{Lu}\p{Ll}[\p{L}'’-]*/gu) ?? [];
  if (!match.startsWith('via')) return words.some((w) => !everydayWords().has(w.toUpperCase()));
  if (/^via\s{1,3}(?:de|dei|degli|del|della|delle|di)\s/u.test(match)) return true;
  return words.length >= 2 && words.every((w) => !englishWords().has(w) && !medicalTerms().proper(w));
}

/**
 * Streets in Greek, Hebrew and Arabic, the kind first (`οδός Ερμού 12`, `Λεωφόρος Βασιλίσσης Σοφίας 45`, `רחוב הרצל 12`,
 * `רח' הרצל 12`, `שדרות רוטשילד 5`, `شارع الملك فهد 12`, `12 شارع الحمراء`); in Georgian and Armenian the kind after the
 * name (`რუსთაველის გამზირი 12`, `ჭავჭავაძის ქ. 5`, `Աբովյան փողոց 12`, `Մաշտոցի պող. 5`).
 */
const OTHER_KIND_FIRST = anyCase('οδός|οδος|λεωφόρος|λεωφορος|πλατεία|πάροδος|רחוב|שדרות|סמטת|דרך|כיכר|شارع|طريق|جادة|نهج|زنقة|ساحة|ممر');
const OTHER_KIND_FIRST_ABBREVIATIONS = `(?:(?:${anyCase('οδ|λεωφ|λ|πλ')})\\.|(?:רח|שד)['׳])`;
const OTHER_KIND_AFTER = 'ქუჩა|ქუჩაზე|გამზირი|შესახვევი|მოედანი|ხეივანი|ჩიხი|(?:ქ|გამზ|შეს)\\.|փողոց|փողոցի|պողոտա|նրբանցք|հրապարակ|(?:փ|պող|նրբ)\\.';
/** Hebrew and Arabic prepositions and conjunctions written joined to the kind (`ברחוב`, `וברח'`, `بشارع`). */
const OTHER_PREFIX = '(?:[ובהלמש]{1,2}(?=רחוב|שדרות|סמטת|דרך|כיכר|רח[\'׳]|שד[\'׳])|[وبل](?=شارع|طريق|جادة|ساحة))?';
/** A word of a street's name in these scripts (Greek capitalised or not: the kind says it is a street). */
const OTHER_WORD = "[\\p{Script=Greek}\\p{Script=Hebrew}\\p{Script=Arabic}\\p{Script=Georgian}\\p{Script=Armenian}][\\p{L}\\p{M}'’׳״-]{0,24}";
/** A house number in ASCII or Arabic-Indic digits, after `No.`, `№` or `#` perhaps (`12`, `٢٣`, `45Α`, `7/2`). */
const OTHER_NUMBER = "(?:(?:No|Nr|N|№|#|αρ)\\.?\\s{0,2})?[\\d٠-٩۰-۹]{1,5}(?:[/-][\\d٠-٩۰-۹]{1,4})?(?:[\\p{L}](?![\\p{L}\\p{M}]))?";
/** The lower-case strings without which none of these streets can be written. */
const OTHER_REQUIRES = ['οδ', 'λεωφ', 'λ.', 'πλ', 'πάροδος', 'רחוב', 'רח', 'שד', 'סמטת', 'דרך', 'כיכר', 'شارع', 'طريق', 'جادة', 'نهج', 'زنقة', 'ساحة', 'ممر', 'ქ', 'გამზ', 'შეს', 'მოედანი', 'ხეივანი', 'ჩიხი', 'փ', 'պող', 'նրբ', 'հրապարակ'];

/** Street shapes of more languages, added to the text shapes. */
export const STREET_KIND_SHAPES: readonly TextShape[] = [
  // The kind first, then the name and the number: `Via dei Mille 4`, `Triq il-Kbira 12`, `Jl. Merdeka No. 4`, `ул. Ленина, д. 5`.
  {
    kind: 'address',
    category: 'B',
    needsDigit: true,
    requires: KIND_FIRST_REQUIRES,
    re: new RegExp(`${B}${KIND_FIRST}\\s{0,3}${NAME},?\\s{1,3}${NUMBER}${E}${NOT_MEASURE}`, 'gu'),
    // A route of a drug or a line (`via PICC 2`, `via NG 3`, `via Port 2`): the name of a street after `via` is in title
    // case and no everyday English word.
    accept: (t) => !/^via\s/iu.test(t) || viaStreet(t),
  },
  // The name, then the kind as a word, then the number: `Dzirnavu iela 12-3`, `Pärnu mnt 5`, `Gedimino pr. 9`, `Slovenska cesta 5`.
  {
    kind: 'address',
    category: 'B',
    needsDigit: true,
    requires: KIND_AFTER_REQUIRES,
    re: new RegExp(`${B}(?:${NAME_WORD}\\s{1,3}){1,3}${KIND_AFTER}\\s{0,3}${NUMBER}${E}${NOT_MEASURE}`, 'gu'),
  },
  // One word ending in the kind, then the number: `Laugavegur 22`, `Skólavörðustígur 8`, `Hlavná 7`.
  {
    kind: 'address',
    category: 'B',
    needsDigit: true,
    requires: ENDINGS.split('|').map((ending) => `${ending} `),
    re: new RegExp(`${B}\\p{Lu}\\p{Ll}{1,30}(?:${ENDINGS})\\s{1,3}\\d{1,4}[a-zA-Z]?(?:/\\d{1,4})?${E}${NOT_MEASURE}`, 'gu'),
    accept: (t) => !NOT_STREET.test(t.replace(/\s.*$/su, '')),
  },
  // Greek, Hebrew and Arabic: the kind, one to three words of the name, the number; or the number first (`12 شارع الحمراء`).
  {
    kind: 'address',
    category: 'B',
    needsDigit: false,
    requires: OTHER_REQUIRES,
    re: new RegExp(
      `(?<![\\p{L}\\p{N}\\p{M}])(?:${OTHER_PREFIX}(?:${OTHER_KIND_FIRST}|${OTHER_KIND_FIRST_ABBREVIATIONS})\\s{0,2}(?:${OTHER_WORD}\\s{1,2}){1,3}${OTHER_NUMBER}|${OTHER_NUMBER},?\\s{1,2}(?:${OTHER_KIND_FIRST})\\s{1,2}${OTHER_WORD}(?:\\s{1,2}${OTHER_WORD}){0,2})(?![\\p{L}\\p{N}\\p{M}])${NOT_MEASURE}`,
      'gu',
    ),
  },
  // Georgian and Armenian: one to three words of the name, the kind, the number.
  {
    kind: 'address',
    category: 'B',
    requires: OTHER_REQUIRES,
    re: new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${OTHER_WORD}\\s{1,2}){1,3}(?:${OTHER_KIND_AFTER})(?![\\p{L}\\p{M}])\\s{0,2}${OTHER_NUMBER}(?![\\p{L}\\p{N}\\p{M}])`, 'gu'),
  },
  // A house number, the name and the kind in Tamil, Bengali or Hindi (`12 காந்தி தெரு`, `১২, রবীন্দ্র সরণি`).
  {
    kind: 'address',
    category: 'B',
    requires: INDIC_KINDS.split('|'),
    re: new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])\\p{N}{1,5}(?:[/-]\\p{N}{1,4})?,?\\s{1,3}(?:${INDIC_WORD}\\s{1,2}){1,3}(?:${INDIC_KINDS})(?![\\p{L}\\p{M}])`, 'gu'),
  },
];
