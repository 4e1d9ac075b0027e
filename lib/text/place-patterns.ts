/**
 * The pieces of place patterns (regex source) that the shapes of addresses and institutions share:
 * word bounds, street suffixes and unit labels, US states, a capitalised word of a place name.
 */

/** Word bounds that a Han, Kana, Hangul or Thai character never blocks (`家属Li Wei陪同`): see scripts.ts. */
export { B, E } from './scripts.js';
/** Each word as written in text: `street`, `Street`, `STREET` (the place words need case, so no `i` flag). */
export const anyCase = (words: string) =>
  words
    .split('|')
    .flatMap((w) => [w, w[0].toUpperCase() + w.slice(1), w.toUpperCase()])
    .join('|');
/** Words that end a street's name (`Street`, `Ave`, `Parade`, `Close`), in the three cases text writes them. */
export const STREET_SUFFIX = anyCase(
  'street|st|avenue|ave|av|road|rd|parade|pde|esplanade|promenade|circuit|cct|quay|wharf|wynd|rise|chase|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|terr|ter|circle|cir|parkway|pkwy|highway|hwy|square|sq|trail|trl|crescent|cres|close|alley|aly|plaza|plz|pike|expressway|expy|freeway|fwy|route|rte|turnpike|tpke|mews|gardens|gdns|broadway|annex|arcade|bayou|beach|bend|bluff|bluffs|bottom|branch|brook|brooks|burg|canyon|causeway|cliffs|commons|corner|corners|cove|creek|crest|crossroad|dale|divide|estates|falls|ferry|fields|flats|ford|forest|forge|fork|forks|gateway|glen|green|grove|harbor|harbour|haven|heights|hills|hollow|inlet|island|isle|knoll|knolls|lakes|landing|loaf|lodge|manor|meadow|meadows|mill|mills|mission|motorway|mountain|orchard|parks|pines|plains|points|ports|prairie|ranch|ridge|river|row|rue|shoal|shore|shores|springs|stravenue|summit|terraces|throughway|track|trafficway|vale|valley|village|ville|vista|walk',
);
/** Labels of a unit within a building (`Apt`, `Suite`, `Unit`). */
export const UNIT_LABEL = anyCase('apt|apartment|suite|ste|unit|fl|floor|room|rm|bldg|building');
/** US state names (two-word names with one space). */
export const STATE_NAMES =
  'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New\\s(?:Hampshire|Jersey|Mexico|York)|North\\s(?:Carolina|Dakota)|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode\\sIsland|South\\s(?:Carolina|Dakota)|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West\\sVirginia|Wisconsin|Wyoming';
/** US state postal codes and names. */
export const STATES = `A[LKZR]|C[AOT]|DE|DC|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|PR|RI|S[CD]|T[NX]|UT|V[TAI]|W[AVIY]|${STATE_NAMES}`;
/** A capitalised word of a place name (`Oak`, `MAPLE`, `O'Neil`, `St.`). */
export const PLACE_WORD = "(?:\\p{Lu}[\\p{L}'’.-]{0,24})";
