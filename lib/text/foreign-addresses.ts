/**
 * Street addresses in other countries' forms (the US, German, French and Italian forms are in shapes.ts and
 * addresses.ts): the kind of street first in Polish, Portuguese, Spanish and Catalan (`ul. Hoża 41/7`, `Rua Augusta
 * 27`, `Avda. del Puerto 14`, `Calle 5 de Mayo 22`); the kind as its own word after the name in Turkish, Hungarian and
 * Indian English (`Bahariye Cad. 12/5`, `Andrássy út 60`, `MG Road 14`, `27, 2nd Main`); the kind as the end of one word
 * in Dutch, Scandinavian and Finnish (`Prinsengracht 263`, `Kungsgatan 18B`, `Vestergade 22`, `Hämeenkatu 9`); Czech
 * street adjectives (`Vinohradská 12`); Korean and Chinese roads with their building number (`율곡로 75`, `汉口路 120号`),
 * Japanese blocks (`2丁目8番1号`, `西新宿 1-26-2`) and postcodes (`〒160-0023`). Then the parts written after such a
 * street: a floor or a flat (`m. 12`, `3º Esq.`, `-II`, `tr 2`, `2. th.`, `A 5`, `Daire 3`), a national postcode and its
 * city (`1016 GV Amsterdam`, `1100-048 Lisboa`, `00-681 Warszawa`, `411 19 Göteborg`, `04538-133 São Paulo`, `560041`,
 * `06164 서울`), a district (`Col. Centro`) and cities after commas.
 *
 * Every quantifier is bounded and each shape has a literal prefilter (`requires`): a text without a street word is
 * never searched by its pattern.
 */
import { everydayWords } from './lexicons.js';
import { anyCase, B, E, PLACE_WORD } from './place-patterns.js';
import type { ShapeSpan, TextShape } from './text-shape.js';

/** Linking words inside a street's name (`de la`, `dos`, `van`). */
const LINK = `(?:(?:de|des|del|da|do|dos|das|la|las|los|le|van|der|den|di|e|y|i)\\s{1,2}|d['’]|l['’])`;
/** A street's name: capitalised words with links between, after an optional date (`5 de Mayo`, `3 Maja`). */
const NAME = `(?:\\d{1,2}\\s{1,2}(?:de\\s{1,2})?)?${LINK}{0,3}${PLACE_WORD}(?:[\\s-]{1,3}${LINK}{0,2}${PLACE_WORD}){0,4}`;
/** A house number: `41`, `41/7`, `104/122`, `27-29`, `18B`, `nº 12`, `No: 15`. */
const NUMBER = `(?:(?:n[º°o]|N[º°]|No|NO|Nr|NR|nr|número|NÚMERO)\\.?\\s{0,2}:?\\s{0,2})?\\d{1,5}[A-Za-z]?(?:[/-]\\d{1,4}[A-Za-z]?)?`;
/** Units that make a number a measure (`200 mg`, `12 mm`), not a house. */
const MEASURE_UNITS = 'mm|cm|ml|mg|mcg|kg|gy|cgy|mgy|ms|s|sec|min|h|hz|kv|kvp|mas|bpm|hu|mci|mbq|x';
const NOT_MEASURE = `(?!\\s{0,2}(?:${MEASURE_UNITS}|${MEASURE_UNITS.toUpperCase()}|%|°)(?![\\p{L}\\p{N}]))`;

/** Kinds of street written before the name (Polish, Portuguese, Spanish, Catalan; Dutch `Laan van`). */
const KIND_FIRST =
  `(?:${anyCase('rua|avenida|travessa|calle|carrer|paseo|passeig|praça|alameda|estrada|rodovia|calzada|carretera|camino|ronda|rambla|glorieta|ulica|aleja|osiedle|plac')}|Laan\\s{1,2}van|Oude|Nieuwe|Lange|Korte|Hoge|Lage|Grote|Kleine|` +
  `(?:${anyCase('ul|al|os|pl|av|avda|avd|trav|pso|ctra')})\\.|C/|Pº)`;
/** Kinds of street written after the name as a word of their own (Turkish, Hungarian, Czech, Indian English). */
const KIND_AFTER =
  `(?:(?:${anyCase('caddesi|cadde|sokak|sokağı|bulvarı|bulvar|utca|útja|út|tér|tere|körút|köz|fasor|rakpart|sétány|třída|nábřeží|náměstí|ulice|road|marg|salai')})${E}|` +
  `(?:${anyCase('cad|cd|sok|sk|blv|bulv|u|krt|nám|rd')})\\.)`;
/** Norwegian and Danish streets named in the genitive with the kind as its own word (`Karl Johans gate 22`, `Thorvald Meyers gate 5`). */
const GENITIVE_KIND = `${PLACE_WORD}s\\s{1,2}(?:gate|gata|vei|veien|vej|gade|plass|plads|allé)`;
/** Endings of one-word street names: Dutch, Swedish, Norwegian, Danish, Finnish. */
const KIND_ENDING =
  'straat|gracht|weg|laan|plein|hof|kade|singel|dijk|steeg|dreef|pad|markt|wal|baan|kaai|lei|vliet|vaart|gatan|vägen|väg|vejen|gaden|gränd|torget|stigen|backen|allén|gata|gate|veien|vegen|gade|vej|allé|stræde|torv|plads|katu|tie|kuja|polku|väylä|tori|' +
  // More Dutch compounds (`Esdoornerf 12`, `Lindehoven 4`, `Beatrixpark 3`), Danish and Norwegian (`Lærkevænget 7`,
  // `Mølleparken 4`, `Furulunden 2`), Swedish (`Björkhagen 5`) and Finnish ones (`Koivurinne 8`, `Rantaraitti 3`). Not
  // endings that end common words or names too (`ring`: Spring; `berg`, `burg`, `dam`, `veld`, `haven`).
  'erf|erven|hoven|park|plantsoen|oord|werf|plaats|poort|stede|zoom|horst|brink|akker|gaarde|wetering|donk|weide|hage|heuvel|zijde|tuin|hout|schans|' +
  'vænget|parken|stien|toften|bakken|engen|marken|lunden|kilen|kroken|løkka|svingen|tunet|haugen|åsen|sletta|stråket|leden|slingan|hagen|vallen|liden|ängen|gården|' +
  'raitti|rinne|penger|aukio|ranta|kaari|mäki|piha|tanhua|vainio';
/** The endings capitalised, as a hyphen writes them (`Wilhelmina-Laan`). */
const KIND_ENDING_CAPITALISED = KIND_ENDING.split('|').map((k) => k[0].toUpperCase() + k.slice(1)).join('|');
/**
 * Words before a one-word street name (`Van Baerlestraat`, `Nieuwe Binnenweg`, `Sankt Eriksgatan`, `Store Kongensgade`):
 * a cue before it stays (`Woonachtig Kastanjehof 19`), and so does a first name before a street named after a person.
 */
const NAME_LEAD = `(?:${anyCase('van|von|de|den|der|ter|ten|sint|sankt|nieuwe|oude|lange|korte|hoge|lage|grote|kleine|eerste|tweede|derde|burgemeester|prins|prinses|koning|koningin|gamla|nya|stora|lilla|norra|södra|östra|västra|gammel|ny|store|lille|nørre|søndre|vester|øster|nedre|øvre|vanha|uusi|pieni|iso')}|\\p{Lu}\\.)`;
/** Ordinary words with a street's ending (`Brigade 3`, `Partie 2`). */
const NOT_STREET =
  /^(?:Brigade|Partie|Sortie|Prostatie|Auntie|Arkade|Blokade|Limonade|(?:aggre|conju|dele|dero|elon|interro|investi|irri|liti|miti|navi|ne|obli|propa|rele|segre|subju|surro|varie|fumi|insti|casti|abro|arro|congre|corru|fri|le|promul|col|tail|star|sub)gate)(?![\p{L}\p{N}])/iu;
/** The lower-case strings without which no street of these kinds can be written (a cheap check before the patterns). */
const FIRST_WORDS = ['rua', 'avenida', 'travessa', 'calle', 'carrer', 'paseo', 'passeig', 'praça', 'alameda', 'estrada', 'rodovia', 'calzada', 'carretera', 'camino', 'ronda', 'rambla', 'glorieta', 'ulica', 'aleja', 'osiedle', 'plac', 'laan', 'oude', 'nieuwe', 'lange', 'korte', 'hoge', 'lage', 'grote', 'kleine', 'ul.', 'al.', 'os.', 'pl.', 'av.', 'avda.', 'avd.', 'trav.', 'pso.', 'ctra.', 'c/', 'pº'];

/** Korean administrative units before a road (`서울특별시 종로구`), each a word of its own. */
const HANGUL_AREA = '(?:\\p{Script=Hangul}{1,8}(?:특별시|광역시|특별자치시|특별자치도|시|도|구|군|읍|면|동)\\s{1,2}){0,4}';
/** Korean words in `로` that are no road: the postposition `(으)로` after a noun (`추가로 2`). */
const NOT_ROAD = /(?:으로|추가로|새로|주로|별도로|실제로|서로|바로|정도로)\s/u;
/** Chinese administrative units before a road (`上海市黄浦区`). */
const HAN_AREA = '(?:\\p{Script=Han}{1,8}?(?:省|市|区|區|县|縣|镇|鎮|乡|鄉)){0,4}';
/** Japanese place names before a block number (`東京都新宿区西新宿`). */
const JAPANESE_PLACE = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー]{1,16}';
/** A Japanese place with its prefecture, city, ward, town or village (`東京都新宿区西新宿`, `大阪市北区梅田`): `追加 1-2-3` is none. */
const JAPANESE_AREA = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー]{0,12}(?:都|道|府|県|市|区|町|村|郡)[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー]{0,8}';
/** A Japanese block address in words (`2丁目8番1号`, `3丁目 5番 2号`, `2丁目8-1`). */
const CHOME = '\\d{1,2}\\s{0,2}丁目\\s{0,2}\\d{1,4}\\s{0,2}(?:番地?|[-－])\\s{0,2}\\d{1,4}(?:\\s{0,2}号)?';
/** A Japanese block address in digits (`1-26-2`): an address only after its place (`1-2-3 fractionation` is none). */
const BLOCK = '\\d{1,4}(?:[-－]\\d{1,4}){2,3}(?:\\s{0,2}号)?';

/** Address shapes of other countries, added to the text shapes. */
export const FOREIGN_ADDRESS_SHAPES: readonly TextShape[] = [
  // The kind first, then the name and the number: `ul. Marszałkowska 104/122`, `Av. Paulista, 1578`, `Calle 5 de Mayo 22`
  // (not `et al. Radiology 2019`).
  {
    kind: 'address',
    category: 'B',
    needsDigit: true,
    requires: FIRST_WORDS,
    re: new RegExp(`(?<![Ee][Tt]\\s{1,2})${B}${KIND_FIRST}\\s{1,3}${NAME},?\\s{1,3}${NUMBER}${E}${NOT_MEASURE}`, 'gu'),
  },
  // The name, then the kind as a word, then the number: `Atatürk Caddesi No: 15`, `Váci utca 16`, `MG Road 14`, `Karl Johans gate 22`.
  {
    kind: 'address',
    category: 'B',
    needsDigit: true,
    requires: ['s gate', 's gata', 's vei', 's vej', 's gade', 's plass', 's plads', 's allé', 'cad', 'cd.', 'sok', 'sk.', 'bulv', 'blv', 'utca', 'út', 'u.', 'tér', 'tere', 'krt.', 'köz', 'fasor', 'rakpart', 'sétány', 'třída', 'nábřeží', 'nám', 'ulice', 'road', 'rd.', 'marg', 'salai'],
    re: new RegExp(`${B}(?:(?:${PLACE_WORD}\\s{1,3}){1,4}${KIND_AFTER}|(?:${PLACE_WORD}\\s{1,3}){0,2}${GENITIVE_KIND}${E})\\s{0,3}${NUMBER}${E}${NOT_MEASURE}`, 'gu'),
  },
  // One word ending in the kind, then the number: `Keizersgracht 455`, `Van Baerlestraat 27`, `Pispalan valtatie 33`.
  {
    kind: 'address',
    category: 'B',
    needsDigit: true,
    // The ending and a space: `tie` alone is in every `patient`.
    requires: KIND_ENDING.split('|').map((ending) => `${ending} `),
    // The kind may be joined by a hyphen, in either case (`Jan van Goyen-kade 12`, `Kongens Nytorv-vej 2`, `Wilhelmina-Laan 7`).
    re: new RegExp(`${B}(?:(?:(?:${NAME_LEAD}(?:\\s{1,3}|-)){0,3}\\p{Lu}\\p{Ll}{1,30}|${PLACE_WORD}\\s{1,3}\\p{Ll}{2,30})(?:-?(?:${KIND_ENDING})|-(?:${KIND_ENDING_CAPITALISED}))|(?:(?:${NAME_LEAD}\\s{1,3}){0,3}\\p{Lu}{2,30})(?:${KIND_ENDING.toUpperCase()})) \\s{0,2}\\d{1,4}[A-Za-z]?${E}${NOT_MEASURE}`, 'gu'),
    accept: (t) => !NOT_STREET.test(t),
  },
  // A Czech or Slovak street adjective and the number: `Vinohradská 12`, `Karlova 4/27`.
  {
    kind: 'address',
    category: 'B',
    needsDigit: true,
    requires: ['ská', 'cká', 'ého', 'ova', 'ová'],
    re: new RegExp(`${B}\\p{Lu}\\p{Ll}{2,30}(?:ská|cká|ého|ova|ová)\\s{1,3}\\d{1,4}(?:/\\d{1,4})?[a-z]?${E}${NOT_MEASURE}`, 'gu'),
  },
  // An Indian cross or main road by its ordinal after the house number (`12, 4th Cross`, `27, 2nd Main Road`), or a road
  // in Hindi or Tamil words (`44, Nehru Marg`, `9, Anna Salai`).
  {
    kind: 'address',
    category: 'B',
    needsDigit: true,
    requires: ['cross', 'main', 'block', 'stage', 'phase', 'sector', 'marg', 'salai', 'nagar', 'layout', 'colony'],
    re: new RegExp(`${B}\\d{1,4}[A-Z]?(?:/\\d{1,4})?,\\s{0,2}(?:\\d{1,2}(?:st|nd|rd|th)\\s{1,2}(?:Cross|Main|Block|Stage|Phase|Sector)(?:\\s{1,2}(?:Road|Rd\\.?))?|(?:${PLACE_WORD}\\s{1,3}){1,3}(?:Marg|Salai|Nagar|Layout|Colony))${E}`, 'gu'),
  },
  // A Korean road and building number, after its city and district: `서울특별시 종로구 율곡로 75`, `삼성로85길 26`.
  {
    kind: 'address',
    category: 'B',
    needsDigit: true,
    requires: ['로', '길'],
    re: new RegExp(`${HANGUL_AREA}[\\p{Script=Hangul}\\d]{1,12}(?:로|길)\\s{0,2}\\d{1,4}(?:-\\d{1,4})?(?:번길\\s{0,2}\\d{1,4})?(?![\\p{L}\\p{N}])`, 'gu'),
    accept: (t) => !NOT_ROAD.test(`${t.replace(/\d.*$/u, '').trim()} `),
  },
  // A Chinese road and number, after its city and district: `上海市黄浦区汉口路 120号`, `中山北路200号`.
  {
    kind: 'address',
    category: 'B',
    needsDigit: true,
    requires: ['路', '街', '道', '巷', '弄'],
    re: new RegExp(`${HAN_AREA}\\p{Script=Han}{1,10}(?:路|街|道|巷|弄)\\s{0,2}\\d{1,5}\\s{0,2}(?:号|號)?(?:\\s{0,2}\\d{1,4}\\s{0,2}(?:室|楼|樓))?(?![\\p{L}\\p{N}])`, 'gu'),
  },
  // A Japanese block address after its place (`西新宿2丁目8番1号`, `西新宿 1-26-2`) and a postcode after its mark (`〒160-0023`).
  {
    kind: 'address',
    category: 'B',
    needsDigit: true,
    requires: ['丁目', '〒', '都', '道', '府', '県', '市', '区', '町', '村', '郡'],
    re: new RegExp(
      `〒\\s{0,2}\\d{3}[-－]?\\d{4}(?!\\p{N})\\s{0,2}${JAPANESE_PLACE}\\s{0,2}(?:${CHOME}|${BLOCK})(?![\\p{L}\\p{N}])|(?:${JAPANESE_AREA}|${JAPANESE_PLACE}(?=\\s{0,2}\\d{1,2}\\s{0,2}丁目))\\s{0,2}(?:${CHOME}|${BLOCK})(?![\\p{L}\\p{N}])|〒\\s{0,2}\\d{3}[-－]?\\d{4}(?!\\p{N})(?:\\s{0,2}${JAPANESE_PLACE})?|${CHOME}`,
      'gu',
    ),
  },
];

/** A flat, floor or door after the number: `m. 12`, `lok. 3`, `3º Esq.`, `2ºB`, `-II`, `hs`, `tr 2`, `2. th.`, `A 5`, `Daire 3`, `3층`, `302호`. */
const UNIT = `(?:-(?:IV|I{1,3})${E}|\\s?(?:hs|huis|bis)${E}|\\s{1,2}tr\\.?\\s{0,2}\\d{1,2}${E}|,?\\s{1,2}(?:\\d{1,2}\\.|st\\.)\\s{0,2}(?:th|tv|mf|sal)\\.?|\\s[A-H]\\s\\d{1,3}${E}|,?\\s{1,2}(?:m|lok|mieszk)\\.\\s{0,2}\\d{1,4}${E}|,?\\s{0,2}\\d{1,2}\\s?[º°ª]\\s{0,2}(?:[A-Z]${E}|Esq\\.?|Dto\\.?|Dta\\.?|Izq(?:da)?\\.?|Dcha\\.?|Dr(?:t)?\\.?)?|,?\\s{0,2}(?:Daire|D\\.|Kat)\\s{0,2}:?\\s{0,2}\\d{1,4}${E}|\\s{0,2}\\d{1,2}층|\\s{0,2}\\d{1,4}호)`;
/** A word of a city's name, in lower case after its capital and of three letters or more (`CT`, `Co.` are none). */
const CITY_WORD = "\\p{Lu}\\p{Ll}[\\p{L}'’-]{1,24}";
/** A city: up to three capitalised words, a district number or letter after (`Praha 1`, `Aarhus C`); or a Korean or Chinese city. */
const CITY = `(?:${CITY_WORD}(?:(?:\\s{1,2}|-)(?:${LINK})?${CITY_WORD}){0,2}(?:\\s{1,2}(?:\\d{1,2}|[A-Z])(?![\\p{L}\\p{N}]))?|\\p{Script=Hangul}{1,10}(?:\\s\\p{Script=Hangul}{1,8}(?:구|군|시|동))?|\\p{Script=Han}{1,10})`;
/**
 * National postcodes, a country letter before some (`NL-`, `DK-`): Dutch `1016 GV` (not a modality code), Portuguese and
 * Brazilian `1100-048`, `04538-133`, Polish `00-681`, Swedish, Czech and Greek `411 19`, Indian `560041` and `560 041`,
 * Japanese `160-0023`, and four or five digits.
 */
const POSTCODE = `(?:[A-Z]{1,2}-)?(?:\\d{4}\\s?(?!CT|MR|US|XR|PT|NM|CR|DX|MG)[A-Z]{2}|\\d{4,5}-\\d{3}|\\d{2}-\\d{3}|\\d{3}-\\d{4}|\\d{3}\\s\\d{2,3}|\\d{4,6})(?![\\p{L}\\p{N}])`;

// Each is tried where the address ends (sticky).
const UNIT_AFTER = new RegExp(UNIT, 'uy');
/** A postcode and its city, after a comma or a dot between the parts (`Kerkpad 3 · 1071 XX`); or the rest of a Brazilian or Portuguese postcode whose first digits the address already holds (`01310|-100`). */
const POSTCODE_AFTER = new RegExp(`(?:(?:\\.?,?\\s{0,3}|\\s{1,3}[·•|/–—-]\\s{1,3})${POSTCODE}|(?<=\\d{4,5})-\\d{3}(?![\\p{L}\\p{N}]))(?:\\s{1,3}${CITY})?`, 'uy');
/** The city right after a postcode, in capitals too (`75001 PARIS`, `06000 CDMX`, `06164 서울 강남구`). */
const CITY_RIGHT_AFTER = new RegExp(`\\s{1,3}(?:${CITY}|\\p{Lu}{2,24}(?![\\p{L}\\p{N}]))`, 'uy');
/** An address that ends in a postcode without its city. */
const ENDS_IN_BARE_POSTCODE = new RegExp(`(?<![\\p{L}\\p{N}])${POSTCODE}$`, 'u');
/** An address that already ends in a postcode, with or without its city. */
const ENDS_IN_POSTCODE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${POSTCODE}|\\d{5})(?:\\s{1,3}${CITY})?$`, 'u');
/** A district after a comma: `Col. Centro`, `Colonia Roma`, `Bairro Alto`, `Kadıköy Mah.`. */
const DISTRICT_AFTER = new RegExp(`,\\s{0,3}(?:(?:Col\\.|Colonia|Bairro|Barrio|Fracc\\.|Sector)\\s{1,3}${CITY}|${PLACE_WORD}\\s{1,2}(?:Mah\\.|Mahallesi))|(?<=(?:Col|Fracc))\\.\\s{1,3}${CITY}`, 'uy');
/**
 * A city after a comma, or after a space or `in` (`te`, `em`, `w`) where the clause ends with it; before the end of its
 * clause or a postcode (`Kungsgatan 18 Patient reports` keeps its next sentence); in capitals before a postcode only.
 */
const CITY_AFTER = new RegExp(`\\.?,\\s{0,3}\\p{Lu}{2,24}(?:\\s\\p{Lu}{2,24})?(?=\\s{1,3}${POSTCODE})|(?:\\.?,\\s{0,3}|\\s{1,3}(?:(?:in|te|em|en|na|w|i|à)\\s{1,2})?)${CITY}(?=\\s{0,3}(?:[,.;:)]|$|[-–—]\\s)|\\s{1,3}${POSTCODE})`, 'uy');

/**
 * A postcode and city written before the street (`00-681 Warszawa, ul. Hoża 41`, `28014 Madrid, Calle …`): postcodes
 * with a mark or five digits, never a year (`2019 Report, 12 Oak Street`).
 */
const POSTCODE_CITY_BEFORE = new RegExp(`(?:^|[\\s(:;])((?:\\d{4}\\s?[A-Z]{2}|\\d{4,5}-\\d{3}|\\d{2}-\\d{3}|\\d{3}\\s\\d{2}|\\d{5})\\s{1,3}${CITY},\\s{1,3})$`, 'u');

/** A street whose kind ends its one word or follows a hyphen (`Heinstraat 8`, `Nytorv-vej 2`, `Römer-Platz 3`), as an address span begins. */
const ONE_WORD_STREET = new RegExp(`^\\p{Lu}[\\p{L}-]{1,40}?(?:-?(?:${KIND_ENDING})|-(?:${KIND_ENDING_CAPITALISED})|straße|strasse|-?(?:[Pp]latz|[Ww]eg|[Gg]asse|[Aa]llee|[Dd]amm|[Uu]fer|[Rr]ing|[Mm]arkt))\\s`, 'u');
/** A capitalised word right before such a street, then the space (`Piet ` of `Piet Heinstraat`, `Kongens ` of `Kongens Nytorv-vej`). */
const WORD_BEFORE_STREET = /(?:^|[\s(:;,])(\p{Lu}[\p{Ll}'’]{1,20}|Am|An|Auf|Im|In|Zum|Zur|Unter|Hinter|Alte|Alter|Neue|Neuer|Große|Großer|Kleine|Obere|Untere|Hohe)\s{1,2}$/u;
/**
 * Words that stand before an address without being part of it: cues of a home in the languages of these streets
 * (`Woont`, `Adres`, `Wohnhaft`, `Bor`, `Osoite`, `Mieszka`) and words for the patient. Lower case.
 */
const ADDRESS_CUES = new Set(
  ('woont woonachtig wonende adres thuisadres woonadres correspondentie adresse anschrift wohnhaft wohnt wohnort adress bostad bor bosatt osoite asuu ' +
    'lakik lakcím cím mieszka zamieszkały zamieszkała adresa bydlí bydliště domicilio domicile dirección vive reside morada endereço mora abita residente indirizzo ' +
    'ikamet address lives home patient patiënt patiënte patientin pt pte pacjent pacjentka paciente pasient potilas').split(' '),
);

/**
 * The first words of a street named after a person or a place, written before a one-word street (`Piet Heinstraat 8`,
 * `Jan van Goyen-kade 12` once `van` is in, `Kongens Nytorv-vej 2`, `Am Römer-Platz 3`): up to two capitalised words,
 * stopping at a cue of a home, a word for the patient, an everyday English word or a mark. Where the span begins.
 */
function streetNameStart(text: string, begin: number, end: number): number {
  if (!ONE_WORD_STREET.test(text.slice(begin, Math.min(end, begin + 60)))) return begin;
  let at = begin;
  for (let k = 0; k < 2; k++) {
    const m = WORD_BEFORE_STREET.exec(text.slice(Math.max(0, at - 30), at));
    if (!m) break;
    const word = m[1];
    if (ADDRESS_CUES.has(word.toLowerCase()) || (everydayWords().has(word.toUpperCase()) && !/^(?:Am|An|Auf|Im|In|Zum|Zur|Unter|Hinter)$/.test(word))) break;
    // The match begins with the mark or space before the word, unless the text begins there.
    const mark = /^[\s(:;,]/u.test(m[0]) ? m[0][0] : '';
    at -= m[0].length - mark.length;
    // A mark begins the field: no word before it is the street's.
    if (mark && !/\s/u.test(mark)) break;
  }
  return at;
}

/** Whether `re` matches at `at`; the end of its match. */
function endOfMatchAt(re: RegExp, text: string, at: number): number | undefined {
  re.lastIndex = at;
  const m = re.exec(text);
  return m && m[0].length > 0 ? at + m[0].length : undefined;
}

/**
 * Address spans grown over the parts other countries write after the street: flats and floors, a national postcode
 * with its city, a district, and up to two cities before the postcode (`Jayanagar, Bengaluru 560041`), at most eight
 * parts; and a postcode and city before it. Other spans are left as they are.
 */
export function extendForeignAddresses(text: string, spans: ShapeSpan[]): ShapeSpan[] {
  return spans.map((span) => {
    if (span.kind !== 'address') return span;
    let end = span.end;
    let cities = 0;
    let postcode = ENDS_IN_POSTCODE.test(text.slice(span.begin, end));
    for (let parts = 0; parts < 8; parts++) {
      const postcodeEnd = endOfMatchAt(POSTCODE_AFTER, text, end);
      postcode ||= postcodeEnd !== undefined;
      let next = endOfMatchAt(UNIT_AFTER, text, end) ?? postcodeEnd ?? endOfMatchAt(DISTRICT_AFTER, text, end);
      if (next === undefined && ENDS_IN_BARE_POSTCODE.test(text.slice(span.begin, end))) next = endOfMatchAt(CITY_RIGHT_AFTER, text, end);
      // A city after the postcode's city is a country or the next clause (`10969 Berlin, CT Thorax`).
      if (next === undefined && cities < 2 && !postcode) {
        next = endOfMatchAt(CITY_AFTER, text, end);
        if (next !== undefined) cities++;
      }
      if (next === undefined) break;
      end = next;
    }
    const before = POSTCODE_CITY_BEFORE.exec(text.slice(Math.max(0, span.begin - 60), span.begin));
    const begin = before ? span.begin - before[1].length : streetNameStart(text, span.begin, end);
    return begin === span.begin && end === span.end ? span : { ...span, begin, end };
  });
}
