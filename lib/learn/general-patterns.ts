/**
 * One general pattern per kind of finding (street address, URL, e-mail, phone, date), so learning
 * proposes a few patterns that generalise instead of one regex per street or host
 * (`\b\d{3}\sPENDLEFORD\sWAY\b`). A finding's kind is what the built-in text shapes say it is.
 * The patterns are bounded and use no lookaround: the rules' regex list runs on RE2 (linear time),
 * case-insensitively, between word boundaries.
 */
import { compileLinearPattern } from '../linear-regex.js';
import { findShapes } from '../text/shapes.js';

/** Kinds learning generalises; ID-like text keeps its shape-based patterns. */
export const GENERAL_KINDS = ['address', 'url', 'email', 'phone', 'date'] as const;
export type GeneralKind = (typeof GENERAL_KINDS)[number];

/** Street suffixes of the address pattern, full and shortened. Some are also clinical words (CT, DR): see {@link narrowedPattern}. */
export const STREET_SUFFIXES: readonly string[] = 'STREET|ST|AVENUE|AVE|ROAD|RD|BOULEVARD|BLVD|LANE|LN|DRIVE|DR|COURT|CT|WAY|PLACE|PL|TERRACE|TER|CIRCLE|CIR|PARKWAY|PKWY|HIGHWAY|HWY|SQUARE|SQ|TRAIL|TRL|CRESCENT|CRES|CLOSE|PLAZA|PIKE|ROW|MEWS'.split('|');
const MONTHS = 'JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEP(?:T(?:EMBER)?)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?';

/**
 * Number, up to four words, a street suffix: `1234 Pendleford Way`, `12B N. Oak St.` Each suffix ends at a word boundary
 * inside the pattern itself (`CIR` never takes the start of `CIRCLE OF WILLIS`), whatever boundaries the tool that runs
 * it adds or leaves out.
 */
const addressPattern = (suffixes: readonly string[]) => `\\b\\d{1,6}[A-Z]?,?\\s{1,3}(?:[NSEW]\\.?\\s{1,3})?(?:[A-Z][A-Z'.-]{1,24}\\s{1,3}){1,4}(?:${suffixes.join('|')})\\b\\.?`;

/** The general pattern of each kind (regex source, case-insensitive, bounded quantifiers only). */
export const GENERAL_PATTERNS: Record<GeneralKind, string> = {
  address: addressPattern(STREET_SUFFIXES),
  // A scheme or www., or a host under a common top-level domain, with its path.
  url: '(?:HTTPS?://|FTP://|WWW\\.)[^\\s<>"]{1,1000}|(?:[A-Z0-9-]{1,63}\\.){1,6}(?:COM|ORG|NET|EDU|GOV|MIL|INT|INFO|BIZ|IO|CO|UK|DE|FR|CA|AU|US|NL|CH|HEALTH|HOSPITAL|CLINIC|INVALID|EXAMPLE|TEST)(?:/[^\\s<>"]{0,1000})?',
  email: "[A-Z0-9._%+'-]{1,64}@[A-Z0-9-]{1,63}(?:\\.[A-Z0-9-]{1,63}){1,8}\\b",
  // North American numbers, and international ones in four groups (the `+` stays: a word boundary cannot start on it).
  // Every alternative ends at a word boundary (as do the date's): `555-201-33445` is no phone.
  phone: '(?:\\(?\\d{3}\\)?[\\s.-]{0,2}\\d{3}[\\s.-]\\d{4}|\\d{2,3}[\\s.-]\\(?\\d{1,4}\\)?[\\s.-]\\d{3,4}[\\s.-]\\d{3,4})\\b',
  date: `(?:(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])|\\d{4}[/-]\\d{1,2}[/-]\\d{1,2}|\\d{1,2}[/-]\\d{1,2}[/-](?:\\d{4}|\\d{2})|\\d{1,2}\\.\\d{1,2}\\.\\d{4}|\\d{4}\\.\\d{1,2}\\.\\d{1,2}|\\d{1,2}[\\s-]{0,3}(?:${MONTHS})\\.?[\\s,-]{0,3}\\d{2,4}|(?:${MONTHS})\\.?\\s{0,3}\\d{1,2}(?:ST|ND|RD|TH)?,?\\s{0,3}\\d{4})\\b`,
};

/**
 * The kind of a finding's text when one built-in shape covers most of it (80% of its letters and
 * digits), or undefined (names, ID-like tokens, other text).
 *
 * @example kindOf('1234 Pendleford Way') // 'address'
 */
export function kindOf(text: string): GeneralKind | undefined {
  const t = text.trim();
  const size = t.replace(/[^\p{L}\p{N}]/gu, '').length;
  if (size === 0) return undefined;
  let best: { kind: GeneralKind; covered: number } | undefined;
  for (const s of findShapes(t)) {
    if (!(GENERAL_KINDS as readonly string[]).includes(s.kind)) continue;
    const covered = t.slice(s.begin, s.end).replace(/[^\p{L}\p{N}]/gu, '').length;
    if (!best || covered > best.covered) best = { kind: s.kind as GeneralKind, covered };
  }
  return best && best.covered >= 0.8 * size ? best.kind : undefined;
}

/**
 * Clinical phrasing in which a street suffix ends a number and a few words, as in an address: ECG
 * (`ST elevation`), spine (`PL`, posterolateral), lines and devices (`in place`), lymph nodes (`LN`),
 * doses (`SQ`), anatomy (`circle of Willis`, `carpal row`), follow-up (`close`). The general address
 * pattern never matches these.
 */
export const CLINICAL_PHRASES_WITH_STREET_WORDS: readonly string[] = [
  '2 mm ST elevation in leads V2-V4', '1 mm ST depression', '2 chest tubes in place', 'ETT and 2 lines in place',
  'biopsy clip 3 in place', '3 enlarged LN', '2 subcentimeter LN in the right hilum', 'heparin 5000 units SQ', 'insulin 10 units SQ',
  '3 mm aneurysm at the circle of Willis', 'follow-up in 6 months for close monitoring', 'recommend 3 month close follow-up',
  '2 mm fracture of the proximal carpal row', 'area 5 cm square', 'L4-5: 3 mm PL disc protrusion', 'a 4 mm left PL osteophyte',
];

/** True when the address pattern with this one suffix matches clinical phrasing, however the kit runs rules regexes. */
function endsClinicalPhrase(suffix: string): boolean {
  const pattern = addressPattern([suffix]);
  return (['word', 'letters'] as const).some((boundary) => {
    const re = compileLinearPattern(pattern, boundary);
    return CLINICAL_PHRASES_WITH_STREET_WORDS.some((text) => re.matchAll(text).length > 0);
  });
}

/**
 * The general pattern of a kind as learning proposes it: for addresses, without the street suffixes
 * that are clinical words (CT and DR are modalities) or end clinical phrases ({@link CLINICAL_PHRASES_WITH_STREET_WORDS}),
 * which would make `follow-up in 3 months with CT` or `2 chest tubes in place` an address in any run.
 * Addresses on such streets stay the built-in address shape's to find.
 *
 * @example generalPattern('address', (w) => w === 'CT') // { pattern: '…(?:STREET|AVENUE|…|COURT|WAY|…)…', dropped: ['ST', 'CT', …] }
 */
export function generalPattern(kind: GeneralKind, isClinical: (word: string) => boolean): { pattern: string; dropped: string[] } {
  if (kind !== 'address') return { pattern: GENERAL_PATTERNS[kind], dropped: [] };
  const dropped = STREET_SUFFIXES.filter((suffix) => isClinical(suffix) || endsClinicalPhrase(suffix));
  return { pattern: addressPattern(STREET_SUFFIXES.filter((suffix) => !dropped.includes(suffix))), dropped };
}

/**
 * The general pattern of a kind narrowed so that it no longer collides with harmless text: for addresses,
 * the street suffixes that make it match (`3 VIEW PL`, `LEFT 2ND ROW`) are left out, besides those
 * `already` left out. Undefined when the kind has nothing to leave out, or nothing would be left.
 *
 * @example narrowedPattern('address', (p) => compile(p).test('2 CHEST CT')) // { pattern: '…(?:STREET|ST|…)…', dropped: ['CT'] }
 */
export function narrowedPattern(kind: GeneralKind, collides: (pattern: string) => boolean, already: readonly string[] = []): { pattern: string; dropped: string[] } | undefined {
  if (kind !== 'address') return undefined;
  const candidates = STREET_SUFFIXES.filter((suffix) => !already.includes(suffix));
  const dropped = candidates.filter((suffix) => collides(addressPattern([suffix])));
  const left = candidates.filter((suffix) => !dropped.includes(suffix));
  if (dropped.length === 0 || left.length === 0) return undefined;
  return { pattern: addressPattern(left), dropped };
}
