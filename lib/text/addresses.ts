/**
 * Addresses in the forms the US street shape (in shapes.ts) does not know, and the parts around any
 * address: rural routes and boxes (`RR 2 Box 118`, `Rural Route 1, Site 9`), streets named first with
 * the number after (`Lindenstraße 8`, `Via Garibaldi 21, 20121 …`) or with the kind of street first
 * (`14 rue de la Paix`, `45 Calle del Olmo`), a postcode and town alone (`, 2511 CV Den Haag`, `moved to 13008
 * Marseille`), a place after an address cue (`Home, Marlowe.`); then
 * the unit before an address (`Flat 3, 27 …`), the unit, city, region and postcode after it (`, Apt 4,
 * 67000 Strasbourg`, `, Kirrawee NSW 2232`), and the city before a postcode (`, Lyddington LE15 9RA`).
 */
import { anyCase, B, E, PLACE_WORD, STATES, UNIT_LABEL } from './place-patterns.js';
import type { ShapeSpan, TextShape } from './text-shape.js';

/**
 * A unit or a box: what comes before or after the street (the street shape's unit labels, and `Flat 3`, `Site 9`,
 * `Box 118`), or a floor as German and French addresses write it (`2. OG`, `3. Stock`, `4e étage`).
 */
const UNIT = `(?:(?:${UNIT_LABEL}|${anyCase('flat|site|comp|box|lot|level|lvl')})\\.?\\s{0,2}#?[\\p{L}\\p{N}/-]{0,5}\\p{N}[\\p{L}\\p{N}/-]{0,5}|\\d{1,2}(?:\\.|e|er|ème)\\s?(?:OG|UG|DG|Stock|Etage|étage)|EG|DG)`;
/** Postcodes: 4-5 digits (with a ZIP+4), British and Canadian forms. */
const POSTCODE = `(?:\\d{4,5}(?:-\\d{4})?|[A-Z]{1,2}\\d[A-Z\\d]?\\s?\\d[A-Z]{2}|[A-Z]\\d[A-Z]\\s?\\d[A-Z]\\d)${E}`;
/** Regions written after a city: US states, Canadian provinces, Australian states, Irish and British counties (`Co. Cavan`). */
/** An Irish or British county (`Co. Cavan`, `County Durham`): a region whatever follows it. */
const COUNTY = `(?:Co\\.|County)\\s{1,2}\\p{Lu}[\\p{L}'’-]{0,24}${E}`;
const REGION = `(?:${STATES}|AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT|NSW|VIC|QLD|TAS|ACT|${COUNTY})${E}`;
/** A word of a city's name: capitalised, without the full stop that may end its sentence. */
const CITY_WORD = "\\p{Lu}[\\p{L}'’-]{0,24}";
/** A city: up to three such words, after an abbreviated saint, mount or county (`St. Albans`, `Co. Cavan`). */
const CITY = `(?:(?:St|Ste|Mt|Ft|Co|Pt)\\.\\s{0,2})?${CITY_WORD}(?:(?:\\s{1,3}|-)${CITY_WORD}){0,2}`;

/** Words that begin a street's name in French, Italian, Spanish and Portuguese. */
const STREET_FIRST = anyCase('rue|avenue|boulevard|bd|chemin|allée|impasse|quai|place|via|viale|piazza|piazzale|corso|largo|vicolo|calle|avenida|paseo|plaza|camino|carrer|rua|travessa|praça|estrada');
/** Linking words inside such a name (`de la`, `des`, `del`, `d'`). */
const LINKS = `(?:(?:de|des|du|del|della|dei|degli|di|da|do|dos|das|la|le|los|las)\\s{1,2}|d['’]|l['’])`;
/** Such a street's kind and name (`rue des Tanneurs`, `Via Garibaldi`). */
const STREET_FIRST_NAME = `(?:${STREET_FIRST})\\s{1,3}${LINKS}{0,3}${PLACE_WORD}(?:[\\s-]{1,3}${LINKS}{0,2}${PLACE_WORD}){0,3}`;

/**
 * A postcode as countries write it before the town, after a country's letters or not (`D-50667`, `CH-3011`): Dutch
 * (`2511 CV`), Portuguese (`4000-123`), Polish (`80-172`), Swedish and Czech (`413 19`), or four or five digits (`1090`, `13008`).
 */
const POSTCODE_BEFORE_TOWN = '(?:\\d{4}\\s?[A-Z]{2}(?=\\s)|\\d{4}-\\d{3}|\\d{2}-\\d{3}|\\d{3}\\s\\d{2}|\\d{4,5})';
/**
 * A town after its postcode: a city, with a river or region joined by a small word or in parentheses (`Frankfurt am
 * Main`, `Halle (Saale)`, `Stratford upon Avon`), and a district number or letter ending the clause (`Wien 3.`, `Lyon 3e`).
 */
const TOWN = `${CITY}(?:\\s{1,2}(?:am|an\\s{1,2}der|an|im|ob|bei|sur|sous|en|upon|on)\\s{1,2}${CITY_WORD}|\\s{1,2}\\(${CITY_WORD}\\))?(?:\\s{1,2}\\d{1,2}(?:e|er|ème)?(?=\\.?\\s{0,2}(?:[,;)]|\\.\\s|\\.?$)))?`;
/** Words after which a postcode and town are a place (`moved to`, `lives`, `Residence`), as any clause writes them. */
const TOWN_CUES =
  'to|lives|living|resides|residing|moved|moving|relocated|returned|address|addr|home|residence|domicile|wohnhaft|wohnt|wohnort|anschrift|adresse|nach|aus|' +
  'naar|uit|woont|woonplaats|adres|à|vers|adress|bor|osoite|adresa|cím|lakcím|mieszka|morada|endereço|domicilio|dirección|indirizzo|residente';
/** Prepositions that also come before a year (`in 2019 Siemens`): a postcode after them is not one of 1900-2099. */
const TOWN_WEAK_CUES = 'in|from|at|near|en|de|w|z|i|von|bei|te|van';
/**
 * A postcode and its town with no street before them (`, 2511 CV Den Haag`, `moved to 13008 Marseille`, `from D-50667
 * Köln`): after a country's letters anywhere, else after a mark that begins a clause or splits an address's parts
 * (`Kerkpad 3 · 1071 XX Amsterdam`, `Hoofdweg 12 - 1071 XX Amsterdam`), a place cue or a preposition.
 */
const POSTCODE_TOWN = new RegExp(
  `${B}(?:[A-Z]{1,2}-\\s?${POSTCODE_BEFORE_TOWN}|(?:(?<=(?:^|[,;:(·•|–—]|\\s[-/])\\s{0,3}|${B}(?:${anyCase(TOWN_CUES)})\\.?\\s{1,3})|(?<=${B}(?:${anyCase(TOWN_WEAK_CUES)})\\s{1,3})(?!(?:19|20)\\d{2}\\s))${POSTCODE_BEFORE_TOWN})\\s{1,3}${TOWN}${E}`,
  'gu',
);
const TOWN_CUE_BEFORE = new RegExp(`${B}(?:${anyCase(TOWN_CUES)})\\.?\\s{1,3}$`, 'u');
/** The postcode and the town's first word inside a span that may have grown over a unit before it (`2. Stock, 8010 Graz`). */
const CODE_AND_TOWN = new RegExp(`${B}((?:[A-Z]{1,2}-\\s?)?${POSTCODE_BEFORE_TOWN})\\s{1,3}([^\\s,;:.]+)`, 'u');

/**
 * The town of a postcode-and-town span ({@link POSTCODE_TOWN}): its first word (the cleaner keeps units, drugs and makers:
 * `5000 Units Heparin`), and whether it was found on weak evidence: a bare four-digit number (no country's letters, no
 * Dutch, Polish or Swedish form) after a mark or a preposition, not after a place cue (`, 1024 Sharp`, `Version: 1100
 * Enterprise` are values; `moved to 1090 Wien` is a town).
 */
export function townOf(text: string, begin: number, end: number): { word: string; weak: boolean } {
  const m = CODE_AND_TOWN.exec(text.slice(begin, end));
  if (!m) return { word: '', weak: false };
  const at = begin + m.index;
  return { word: m[2], weak: /^\d{4}$/.test(m[1]) && !TOWN_CUE_BEFORE.test(text.slice(Math.max(0, at - 20), at)) };
}

/** Address shapes beyond the US street form, added to the text shapes. */
export const MORE_ADDRESS_SHAPES: readonly TextShape[] = [
  // A rural or highway-contract route needs its box (`RR 18` and `HC 32` are a respiratory rate and a head circumference).
  {
    kind: 'address',
    category: 'B',
    needsDigit: true,
    re: new RegExp(`${B}(?:(?:RR|R\\.R\\.|HC|Star\\s{1,2}Route)\\.?\\s{0,2}#?\\d{1,4},?\\s{1,3}Box\\s{0,2}#?\\d{1,6}|Rural\\s{1,2}Route\\s{0,2}#?\\d{1,4})(?:,?\\s{1,3}(?:Box|Site|Comp|Compartment)\\.?\\s{0,2}#?\\d{1,6}){0,3}${E}`, 'giu'),
  },
  // The street's name, then its number: `Lindenstraße 8`, `Berliner Allee 3a`.
  {
    kind: 'address',
    category: 'B',
    needsDigit: true,
    // Or joined by a hyphen, in either case (`Am Römer-Platz 3`, `Konrad-Adenauer-Straße 12`).
    re: new RegExp(`${B}(?:\\p{Lu}\\p{Ll}{1,30}(?:straße|strasse|str\\.|weg|gasse|platz|allee|damm|ufer|chaussee)|${PLACE_WORD}(?:\\s{1,3}|-)(?:Straße|Strasse|Str\\.|Weg|Gasse|Platz|Allee|Damm|Ufer|Chaussee|Ring|Markt)|${PLACE_WORD}-(?:straße|strasse|str\\.|weg|gasse|platz|allee|damm|ufer|chaussee|ring|markt))\\s{1,3}\\d{1,4}[a-z]?${E}`, 'gu'),
  },
  // The kind of street first, after its number (`14 rue de la Paix`, `45 Calle del Olmo`) …
  {
    kind: 'address',
    category: 'B',
    needsDigit: true,
    re: new RegExp(`${B}\\d{1,5}[a-z]?(?:\\s?bis|\\s?ter)?,?\\s{1,3}${STREET_FIRST_NAME}${E}`, 'gu'),
  },
  // … or with its number after and a postcode (`Via Garibaldi 21, 20121`).
  {
    kind: 'address',
    category: 'B',
    needsDigit: true,
    re: new RegExp(`${B}${STREET_FIRST_NAME},?\\s{1,3}\\d{1,4}[a-z]?(?=(?:,?\\s{1,3}|\\s{1,3}[·•|/–—-]\\s{1,3})\\d{4,5}${E})`, 'gu'),
  },
  // A postcode and town alone: a town (a part of an address), kept by the cleaner when its word is a unit, drug or maker.
  { kind: 'town', category: 'B', needsDigit: true, re: POSTCODE_TOWN },
  // A place right after an address cue: `Home, Marlowe.`, `Address: Kettleby`.
  { kind: 'address', category: 'B', re: new RegExp(`(?<=${B}(?:(?:${anyCase('home')})\\s{0,2},|(?:${anyCase('address|addr|residence|domicile')})\\.?\\s{0,2}:)\\s{1,3})${CITY}${E}`, 'gu') },
];

// Each is tried where the address ends (sticky): a part and what may come before it.
const UNIT_AFTER = new RegExp(`,?\\s{0,3}${UNIT}${E}`, 'uy');
const POSTCODE_AFTER = new RegExp(`,?\\s{0,3}${POSTCODE}`, 'uy');
/** A region ends its clause or comes before a postcode (`, CT chest` is a modality, `Hartford, CT.` a state). */
const REGION_AFTER = new RegExp(`,?\\s{1,3}(?:${COUNTY}|${REGION}(?=\\s{0,3}(?:[,.;:)]|$)|\\s{1,3}${POSTCODE}))`, 'uy');
/** A city is a whole part: after a comma (or a postcode), before a comma, a stop, a region or a postcode. */
/** A city in a script without capitals, after a comma (`רחוב הרצל 12, תל אביב`, `شارع الحمراء 12، بيروت`, `…, თბილისი`). */
const UNCASED_CITY = "[\\p{Script=Hebrew}\\p{Script=Arabic}\\p{Script=Georgian}][\\p{L}\\p{M}'’׳-]{0,24}(?:\\s{1,2}[\\p{Script=Hebrew}\\p{Script=Arabic}\\p{Script=Georgian}][\\p{L}\\p{M}'’׳-]{0,24})?";
const CITY_AFTER = new RegExp(`(?:,\\s{0,3}|\\s{1,3})${CITY}(?=\\s{0,3}(?:[,.;:)]|$)|\\s{1,3}(?:${REGION}|${POSTCODE}))|[,،]\\s{0,3}${UNCASED_CITY}(?=\\s{0,3}(?:[,.;:)،]|$))`, 'uy');
const UNIT_BEFORE = new RegExp(`(?:${UNIT},?\\s{1,3}|(?:${anyCase('unit|apt|flat|suite')})\\.?\\s{1,2})$`, 'u');
const CITY_BEFORE = new RegExp(`(?:^|[,:]\\s{0,3})(${CITY})\\s{1,3}$`, 'u');
const JUST_POSTCODE = new RegExp(`^(?:(?:${REGION})\\s{1,3})?${POSTCODE}$`, 'u');
/**
 * The street line before a postcode and town, whatever its kind of street (`Harbour Lane 7, 4021 Sometown`, `Mølleparken 4,
 * 2800 Lyngby`, `7 Harbour Lane, 4021 …`): capitalised words and a house number, after the start of a clause or a space,
 * ending in a comma or a mark between an address's parts.
 */
const STREET_LINE_BEFORE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:${PLACE_WORD}[\\s-]{1,3}){0,3}${PLACE_WORD}\\s{1,3}\\d{1,5}[a-zA-Z]?(?:[/-]\\d{1,4}[a-zA-Z]?)?|\\d{1,5}[a-zA-Z]?,?\\s{1,3}(?:${PLACE_WORD}[\\s-]{1,3}){0,3}${PLACE_WORD})(?:,\\s{0,3}|\\s{1,3}[·•|–—-]\\s{1,3})$`,
  'u',
);

/** Words that say an address follows (`Wohnhaft`, `Address`, `Bor`), never part of the street's name. */
const TOWN_CUE_WORDS: ReadonlySet<string> = new Set(TOWN_CUES.split('|'));

/** The street line at the end of `before` ({@link STREET_LINE_BEFORE}) without the cue words that lead it, or ''. */
function streetLineBefore(before: string): string {
  const m = STREET_LINE_BEFORE.exec(before);
  if (!m) return '';
  let line = m[0];
  for (let w = /^([\p{L}\p{M}'’.]+)\s{1,3}/u.exec(line); w && TOWN_CUE_WORDS.has(w[1].toLowerCase().replace(/[.:]$/u, '')); w = /^([\p{L}\p{M}'’.]+)\s{1,3}/u.exec(line)) line = line.slice(w[0].length);
  return /\d/.test(line) ? line : '';
}

/** Whether `re` matches at `at`; the end of its match. */
function endOfMatchAt(re: RegExp, text: string, at: number): number | undefined {
  re.lastIndex = at;
  const m = re.exec(text);
  return m ? at + m[0].length : undefined;
}

/**
 * Address spans grown over the parts written around them: a unit before; units, a city, a region and a
 * postcode after, in any order a clause writes them (at most eight parts, one of them a city); the city
 * before a postcode found alone. A city after an address needs a comma or a postcode before it, so the
 * next sentence's words are never taken. Other spans are left as they are.
 */
export function extendAddresses(text: string, spans: ShapeSpan[]): ShapeSpan[] {
  return spans.map((span) => {
    if (span.kind !== 'address' && span.kind !== 'town') return span;
    let { begin, end } = span;
    let afterPostcode = false;
    // A postcode and town has its city.
    let city = span.kind === 'town';
    for (let parts = 0; parts < 8; parts++) {
      const unit = endOfMatchAt(UNIT_AFTER, text, end);
      const postcode = unit === undefined ? endOfMatchAt(POSTCODE_AFTER, text, end) : undefined;
      const region = unit === undefined && postcode === undefined ? endOfMatchAt(REGION_AFTER, text, end) : undefined;
      let next = unit ?? postcode ?? region;
      // One city, after a comma or a postcode (`, Wetherby`, `67000 Strasbourg`): what follows it is the next clause.
      if (next === undefined && !city) {
        const cityEnd = endOfMatchAt(CITY_AFTER, text, end);
        if (cityEnd !== undefined && (text[end] === ',' || text[end] === '،' || afterPostcode)) {
          next = cityEnd;
          city = true;
        }
      }
      if (next === undefined) break;
      afterPostcode = postcode !== undefined;
      end = next;
    }
    const from = Math.max(0, begin - 40);
    const before = text.slice(from, begin);
    const unitBefore = UNIT_BEFORE.exec(before);
    // A postcode and town goes with the street line before it (`Harbour Lane 7, 4021 Sometown`): what a street shape
    // missed, or what is left of a street another finder took (`Lives at Harbour Lane` leaving `7, `).
    const streetBefore = span.kind === 'town' ? streetLineBefore(text.slice(Math.max(0, begin - 80), begin)) : '';
    if (streetBefore) begin -= streetBefore.length;
    else if (unitBefore) begin -= unitBefore[0].length;
    else if (JUST_POSTCODE.test(text.slice(begin, end))) {
      // After a comma or a colon, or at the very start of the text (not the start of a slice cut mid-sentence).
      const city = CITY_BEFORE.exec(before);
      if (city && (from === 0 || /^[,:]/.test(city[0]))) begin -= city[0].length - city[0].indexOf(city[1]);
    }
    return begin === span.begin && end === span.end ? span : { ...span, begin, end };
  });
}
