/**
 * Local PHI detection for text (OCR lines and header values), offline: the rules' regexes, the
 * file's own header values as a deny-list (in the forms screens show them, tolerant of OCR
 * confusions), generic Safe Harbor patterns, and a keep-list of harmless annotation.
 */
import type { SafeHarborCategory } from '../../safe-harbor.js';
import { engineError } from '../errors.js';
import { compileLinearPattern } from '../../linear-regex.js';
import { CLOCK_TIME_SOURCE, DEFAULT_KEEP_LIST, DEFAULT_STAFF_ROLES, HARMLESS_PATTERNS, MONTH_FULL, MONTH_NAMES, MORE_YEAR_UNITS, NO_ONE, PHI_PATTERNS, SCREEN_AGE_SOURCE, staffCue, UNIT_AFTER } from './phi-patterns.js';
import { headingSpans, isHeadingRow, versionMarked, versionNamed, versionsBeside } from './device-text.js';
import { isReadout } from './readout-text.js';
import { initialsOf, isAbbreviationOf, isCompoundInitials } from './abbreviations.js';
import { dayBefore } from './date-day.js';
import { initialLinesBesideNames, initialsBesideNames, loneInitials, personInitials, roleBeforeCue, type PersonInitials } from './person-initials.js';
import { uncuedInitials } from './staff-initials.js';
import { compact, editDistance, escapeRegExp, foldOcr, shapeFold, slipDistance, tokenize } from './text-fold.js';
import { foldedMonthNames } from './month-names.js';
import { listedNamesOnIdentityRows, LIST_WORDS, namesOnListRows } from './listed-names.js';
import { tableColumnCells } from './table-columns.js';
import { wordDates } from './word-dates.js';
import { ADDRESS_LABEL, addressContinuations, streetAddresses } from './address-block.js';
import { agesAfterNames } from './age-after-name.js';
import { isValueHead, valueHead, type ValueHead } from './value-heads.js';
import { columnsShared, coveredBy, onOneLine, padBox, rowsShared, unionBoxes } from '../../image/boxes.js';
import { findingPlace, spanText, type SpanText } from '../spans.js';
import type { Box, DetectedText, IdentityContext, PhiDetector, PhiFinding, TextSpan } from '../types.js';
import { makeVocabulary } from '../../text/vocabulary.js';
import { findShapes, institutionKindWord, TEXT_SHAPES } from '../../text/shapes.js';
import { matchesOf } from '../../regex-matches.js';

/** The free-text phone shapes (`lib/text/shapes.ts`): one definition of a phone number for header text and screens alike. */
const PHONE_SHAPES = TEXT_SHAPES.filter((s) => s.kind === 'phone');

/**
 * Phone numbers in the national and international forms screens show, with or without a label
 * (`Tel 0161 496 0832`, `Ph: +44 20 7946 0018`, `(03) 9555 2210`, `06 12 34 56 78`, `Call 555-0199 x42`),
 * by the free-text phone shapes, which need a label, a `+` or `00` country code, a trunk `0`, or the
 * group shapes of real numbers, never any digit run (`120 kV 250 mA`, `512 x 512`, `TR 4000 TE 100` are
 * none). Also over OCR-folded text (`O161 496 O832`), anchored in real digits. A labelled or international
 * number is structure, so it counts at half the confidence threshold, as labelled values do.
 */
function phoneHits(text: string, folded: string): Hit[] {
  const hits: Hit[] = [];
  for (const source of folded === text ? [text] : [text, folded]) {
    for (const s of findShapes(source, PHONE_SHAPES)) {
      const original = text.slice(s.begin, s.end);
      if (source === folded && digitCount(original) * 2 < original.replace(/\W/g, '').length) continue;
      // A one-letter label (`W:` for a work phone in a note) is a window or level label on a screen (`W:1013 L-216`).
      if (s.outer && /^\p{L}\s{0,2}:/u.test(text.slice(s.outer.begin, s.begin))) continue;
      const strong = s.outer !== undefined || /^(?:\+|00)/.test(original);
      hits.push({ begin: s.begin, end: s.end, category: 'D', type: 'PHONE', engine: 'local:pattern', score: 0.85, identity: false, strong });
    }
  }
  return hits;
}

/** How many digits a text holds. */
const digitCount = (text: string) => text.match(/\d/g)?.length ?? 0;

const ENGINE = 'phi-local';

/** Options of {@link createLocalPhiDetector}. */
export interface LocalPhiDetectorOptions {
  /**
   * PHI regexes from the rules YAML (`rules.regex`) (default: none). Each is compiled
   * case-insensitively and wrapped as `\b(?:…)\b`, as the source workflow joined them.
   */
  regex?: string[];
  /**
   * Harmless words never flagged by the regexes or generic patterns (default: {@link DEFAULT_KEEP_LIST}).
   * Given words are added to the default list; matching ignores case. The file's own identity still wins.
   */
  keepList?: string[];
  /** Replace the default keep-list instead of extending it (default: false). */
  replaceKeepList?: boolean;
  /**
   * OCR word confidence (0–100) under which regex and generic-pattern hits are ignored (default: 0).
   * Structural patterns (labelled values, full dates, e-mails) need only more than half of it.
   * Matches of the file's own header values are kept at any confidence: they are evidence on their own.
   */
  confidenceThreshold?: number;
  /** Turn the generic patterns (dates, phones, IDs, labelled names…) off (default: true, on). */
  patterns?: boolean;
  /** The rules' clinical vocabulary (`rules.clinicalVocabulary`; default: the curated list), which {@link PhiDetector.isClinical} answers from with DICOM's defined terms. */
  vocabulary?: readonly string[];
  /** The rules' staff roles (`rules.staffRoles`; default: the curated list): a role label and its colon cue a person's name. */
  staffRoles?: readonly string[];
}

interface Hit {
  begin: number;
  end: number;
  category: SafeHarborCategory;
  type: string;
  engine: string;
  score: number;
  /** Header matches are exempt from the keep-list and the confidence threshold. */
  identity: boolean;
  /** Structural patterns (labelled values, full dates) need only more than half the confidence threshold. */
  strong?: boolean;
  /** Characters the OCR lost at the end of the hit (a word cut off where text touches the image): the box grows by as many character widths. */
  extend?: number;
  /** Matched exactly, not through OCR confusions or slips, whatever its score: trusted at any OCR confidence. */
  exact?: boolean;
  /** Characters the OCR lost at the start of the hit (`1129350` read of `A01129350`): the box grows left by as many character widths. */
  extendBefore?: number;
  /**
   * Long enough to be evidence at any OCR confidence though matched with a slip: seven characters or
   * more, six of them digits, within one slip of a header date or ID (`20003/25` for 2020-03-25, read
   * with confidence 16 in 9 px serif text). Texture read as text does not come that close by chance.
   */
  specific?: boolean;
}

/**
 * The identity's matchers for one file. Each regex comes with a `literal` that every match of it holds: a text
 * without it is not searched. A regex is compiled at its first search (~0.6 ms for a date's, with its Unicode
 * classes), every file has regexes of its own, and most never match a line.
 */
interface IdentityMatchers {
  nameTokens: Array<{ folded: string; upper: string; category: SafeHarborCategory; source: string }>;
  /** One-letter name parts (middle initials) and the initials of every part: PHI only beside another part of the name. */
  nameLetters: Array<{ letter: string; category: SafeHarborCategory; source: string }>;
  /** Given and middle initials run together (`JQ`): PHI only beside another part of the name. */
  nameGroups: Array<{ letters: string; category: SafeHarborCategory; source: string }>;
  /** Initials of every word of a multi-word value (`SAMC` for Saint Aldric Medical Center), three letters or more. */
  acronyms: Array<{ letters: string; category: SafeHarborCategory; source: string; words: string[] }>;
  initials: Array<{ regex: RegExp; literal: string; category: SafeHarborCategory; source: string }>;
  compacts: Array<{ folded: string; category: SafeHarborCategory; source: string }>;
  dates: Array<{ regex: RegExp; literal: string; source: string }>;
  /** Month name and day of each header date (`October 10`, `10 OCT`): a date split over two lines of OCR. */
  monthDays: Array<{ regex: RegExp; literal: string; source: string }>;
  /** Years of the header dates: PHI only beside a line holding the rest of the date (a weak hit). */
  years: Array<{ year: string; source: string }>;
  /** The same dates as letters and digits only, in every order screens use, for OCR-split or misread dates. */
  dateForms: Array<{ forms: string[]; source: string; category?: SafeHarborCategory; engine?: string }>;
  distinctTokens: Array<{ folded: string; upper: string; category: SafeHarborCategory; source: string }>;
  /** Free-text values (institution, address) as word sequences: a run of their words is PHI even when each word is common. */
  phrases: Array<{ words: string[]; category: SafeHarborCategory; source: string }>;
  /** Heads of free-text values a field cut short (`ECHE` for Echeverria Norte Clinic): see {@link isValueHead}. */
  heads: Array<ValueHead & { category: SafeHarborCategory; source: string }>;
  /** Ages over 89 (Patient's Age) as screens show them, `92Y`, `092 Y`, `92 yrs`, `Age: 92`, over OCR-folded text. */
  ages: Array<{ regex: RegExp; literal: string; source: string; years: string }>;
  /** Each header person's initials as their own word (`TO` for OKAFOR^TUNDE): see {@link loneInitials}. */
  people: Array<PersonInitials & { category: SafeHarborCategory }>;
}

/**
 * Creates the local PHI detector.
 *
 * @example
 * const phi = createLocalPhiDetector({ regex: rules.regex, keepList: ['WEIGHT BEARING'] });
 * const findings = await phi.detect([{ text: 'DOE JOHN 01/02/1960' }], context);
 */
export function createLocalPhiDetector(options: LocalPhiDetectorOptions = {}): PhiDetector {
  const regexes = (options.regex ?? []).map((pattern, i) => {
    if (typeof pattern !== 'string' || pattern === '') {
      throw engineError(ENGINE, `regex[${i}] must be a non-empty string, got ${JSON.stringify(pattern)}`);
    }
    try {
      // Rule patterns run on RE2 (linear time): a catastrophic pattern cannot hang OCR text checks.
      return { pattern, regex: compileLinearPattern(pattern, 'word') };
    } catch (error) {
      throw engineError(ENGINE, `regex[${i}] ${JSON.stringify(pattern)} is not a valid regular expression`, error);
    }
  });
  const threshold = options.confidenceThreshold ?? 0;
  if (!(typeof threshold === 'number' && threshold >= 0 && threshold <= 100)) {
    throw engineError(ENGINE, `confidenceThreshold must be a number from 0 to 100, got ${String(threshold)}`);
  }
  const { keep, isKept } = keepListMatcher(options);
  const clinical = makeVocabulary(options.vocabulary);
  const isClinical = (word: string) => clinical.clinical(word);
  const usePatterns = options.patterns ?? true;
  const staffRoles = options.staffRoles ?? DEFAULT_STAFF_ROLES;
  const labels = valueLabels(staffRoles);
  const roleBefore = roleBeforeCue(staffRoles);
  const identityCache = new WeakMap<IdentityContext, IdentityMatchers>();

  /**
   * `headingPiece`: the span is a piece of a row of column headings OCR read apart ({@link headingSpans}); `versions`: the
   * dotted numbers other readings of its place name as versions ({@link versionsBeside}).
   */
  function detectSpan(span: TextSpan, context: IdentityContext, headingPiece = false, versions: readonly string[] = []): { findings: PhiFinding[]; weak: PhiFinding[] } {
    const st = spanText(span);
    if (st.text.trim() === '') return { findings: [], weak: [] };
    let matchers = identityCache.get(context);
    if (!matchers) {
      matchers = identityMatchers(context);
      identityCache.set(context, matchers);
    }
    const upper = st.text.toUpperCase();
    const folded = foldOcr(st.text);
    const hits: Hit[] = [];

    for (const { regex } of regexes) {
      for (const source of [st.text, folded]) {
        for (const m of regex.matchAll(source)) {
          hits.push({ begin: m.index, end: m.index + m.text.length, category: guessCategory(st.text.slice(m.index, m.index + m.text.length)), type: 'regex', engine: 'local:regex', score: 0.9, identity: false });
        }
      }
    }
    hits.push(...identityHits(st.text, folded, matchers, keep));
    // A header person's initials as their own word (`14:22 TO`, `Op: KH`); harmless screen words stay unless a cue says a
    // person follows: keep-list and function words anywhere, clinical abbreviations (`SI`, `IVS`) beside other words.
    const harmlessWord = (w: string) => isKept(w) || isStopWord(w) || (isClinical(w) && st.text.trim() !== w);
    for (const r of loneInitials(st.text, matchers.people, harmlessWord, roleBefore)) {
      const person = matchers.people.find((x) => x.source === r.source);
      hits.push({ begin: r.begin, end: r.end, category: person?.category ?? 'A', type: `header:${r.source}:initials`, engine: 'local:header-name', score: 0.8, identity: true });
    }
    if (usePatterns) {
      for (const p of PHI_PATTERNS) {
        for (const source of p.folded ? [upper, folded] : [upper]) {
          for (const m of matchesOf(p.regex, source)) {
            // An optional group that did not take part in the match is undefined at run time.
            const groupText: string | undefined = p.group === undefined ? undefined : m[p.group];
            const g = p.group !== undefined && groupText !== undefined ? p.group : 0;
            const text = m[g];
            if (!text) continue;
            const begin = m.index + (g === 0 ? 0 : m[0].indexOf(text));
            const original = st.text.slice(begin, begin + text.length);
            // Folded matches must be anchored in real digits, not in words that fold to digits.
            if (source !== upper && digitCount(original) * 2 < original.replace(/\W/g, '').length) continue; // text folding leaves unchanged (`92 JAHRE`) is no folded match
            if (p.accept && !p.accept(source.slice(begin, begin + text.length))) continue;
            hits.push(endAtColumn(st, { begin, end: begin + text.length, category: p.category, type: p.type, engine: 'local:pattern', score: p.score, identity: false, strong: p.strong }));
          }
        }
      }
      hits.push(...phoneHits(st.text, folded).map((h) => endAtColumn(st, h)));
      // A day and a month in words without a year (`12. März`, `the 14th of June`): an earlier exam or a birthday.
      for (const d of wordDates(st.text)) hits.push({ ...d, category: 'C', type: 'DATE', engine: 'local:pattern', score: 0.85, identity: false });
      // A street address in the forms of many countries (`ul. Lipowa 12`, `14 rue des Tanneurs`, `Sheffield S11 7QB`).
      for (const a of streetAddresses(st.text)) hits.push({ ...a, category: 'B', type: 'ADDRESS', engine: 'local:pattern', score: 0.8, identity: false });
    }

    // A row of column headings (`Name   MRN   DOB   Accession`): its values are on the rows below, judged there.
    const heading = headingPiece || isHeadingRow(st.text);
    const kept = hits.filter((h) => {
      if (heading && !h.identity) return false;
      // A header date's dotted screen form inside a version a software label names (`SW 4.1.22` on a study of 4 January
      // 2022, `FW 6.2.19.620`) is that version: digits and dots only, never a month's name.
      const dotted = /^\d[\d.]*$/.test(st.text.slice(h.begin, h.end));
      if (h.engine === 'local:header-date' && dotted && versionNamed(st.text, h.begin)) return false;
      // …and so is one another reading of its place reads after a software label (`Siw 2.11.17]` beside `S/W 2.11.17`).
      if ((h.engine === 'local:header-date' || h.engine === 'local:pattern' || h.engine === 'local:regex') && dotted && versions.some((v) => v.includes(st.text.slice(h.begin, h.end)))) return false;
      // A header value matched only through OCR confusions or slips (`AIAN` for ALAN) in a word read
      // with almost no confidence is more likely texture (speckle) than text; exact matches stand.
      if (h.identity && h.score < 1 && !h.exact && !h.specific && meanConfidence(st, h) < MIN_FUZZY_CONFIDENCE) return false;
      if (h.identity) return true;
      // A phone's groups are each a harmless number (`0161 496 0832`): only the whole number may be kept.
      if (h.type === 'PHONE' ? keep.has(normaliseKeep(st.text.slice(h.begin, h.end))) : isKept(st.text.slice(h.begin, h.end))) return false;
      // A number a technique label names (`FOV 2200240` for a misread `FOV 220x240`, `DLP 1234567`) is
      // a technical value, not an identifier: only the shape patterns give way, header values never do. Not an age with its
      // unit: the sex letter touching it (`F91Y`) is no label.
      if (h.engine === 'local:pattern' && !h.strong && h.type !== 'AGE' && technicalLabelBefore(st.text, h.begin, keep)) return false;
      // A version a software label names (`SW 5.1.77`, `Ver. 11.3.0.691`) and a measure its unit follows (`Table
      // 57/40/1013 mm`) are technique whatever their shape, to the built-in patterns and the rules' alike: a date or an
      // address is neither.
      // A hit inside a longer dotted number (`1.0.884` of `12.1.0.884`) is judged by the whole number's neighbours.
      if ((h.engine === 'local:pattern' || h.engine === 'local:regex') && (versionNamed(st.text, h.begin) || UNIT_AFTER.test(st.text.slice(h.end).replace(/^[\d.]+/, '')))) return false;
      // …and so is a dotted number of short groups a pre-release mark follows (`5.9.22-b2`, `4.1.22-rc3`); a date with its
      // whole year (`03.04.1931-b2`) stays a date, and a header date's own form never gives way.
      // Digits OCR read as letters count (`1.8.1G-bS` for 1.8.16-b5).
      const foldedHit = folded.slice(h.begin, h.end);
      if ((h.engine === 'local:pattern' || h.engine === 'local:regex') && /^\d[\d.]*$/.test(foldedHit) && !/\d{4}/.test(foldedHit) && versionMarked(st.text.slice(h.end).replace(/^[\d.]+/, ''))) return false;
      // An unlabelled ID shape is the weakest evidence: in a word OCR barely recognised it is a misreading
      // (`12000815` for `W:1200 L:600`), whatever threshold the caller set.
      if (h.type === 'ID' && meanConfidence(st, h) < MIN_FUZZY_CONFIDENCE * 2) return false;
      // A labelled name of clinical words only is a technique or a protocol (`Tech LOW DOSE`), not a person.
      if (h.type === 'LABELLED_NAME' && namesNoOne(st.text.slice(h.begin, h.end), isClinical)) return false;
      if (threshold === 0) return true;
      // Structure is evidence too: labelled values and full dates need only more than half the threshold.
      return h.strong ? meanConfidence(st, h) > threshold / 2 : meanConfidence(st, h) >= threshold;
    });
    if (usePatterns && !heading) kept.push(...labelValueHits(st, labels, isKept, isClinical));
    const merged = mergeHits(kept, st.text);
    // A date matched from its month name on (`February 2002`) takes the day read apart before it (`10.`, `1O`).
    for (const h of merged) if (h.category === 'C') h.begin = dayBefore(st.text, h.begin);
    merged.push(...bridges(merged, st.text, isKept));
    // A phrase matched only through slips, abbreviations or initials in words read with almost no confidence is
    // texture, as a header value so matched is (`ERE`, read at 18 over ultrasound speckle, for Emergency Radiology).
    const phrases = phraseHits(st.text, matchers, keep).filter((h) => h.exact || meanConfidence(st, h) >= MIN_FUZZY_CONFIDENCE);
    return { findings: merged.map((h) => toFinding(h, st)), weak: mergeHits([...phrases, ...yearHits(st.text, matchers)], st.text).map((h) => toFinding(h, st)) };
  }

  return {
    name: 'local:phi',
    isHarmless: isKept,
    isClinical,
    async detect(spans: TextSpan[], context: IdentityContext): Promise<PhiFinding[]> {
      if (!Array.isArray(spans)) throw engineError(ENGINE, 'detect(spans, context): spans must be an array');
      // Checked at run time for JavaScript callers (the contract suite passes a bad context).
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
      if (!context || !Array.isArray(context.values)) {
        throw engineError(ENGINE, 'detect(spans, context): context.values must be an array (use { values: [] } when nothing is known)');
      }
      const headings = headingSpans(spans);
      const versions = versionsBeside(spans);
      const results = spans.map((span, i) => detectSpan(span, context, headings.has(i), versions[i]));
      const out = results.flatMap((r) => r.findings);
      const matchers = identityCache.get(context);
      if (matchers) out.push(...splitWordFindings(spans, matchers));
      // An initial OCR read as a line of its own beside a name part found on the row (`T.` | `Okafor`).
      const names = out.flatMap((f) => (f.engine === 'local:header-name' && f.box ? [{ ...f, box: f.box }] : []));
      for (const { line, name } of initialLinesBesideNames(spans, names.map((f) => f.box))) {
        if (results[line].findings.length > 0) continue;
        const st = spanText(spans[line]);
        out.push(toFinding({ begin: 0, end: st.text.length, category: names[name].category, type: `${names[name].type}:initial`, engine: 'local:header-name', score: 0.7, identity: true }, st));
      }
      // A staff member's initials with no cue, where the text around them vouches for them (`0.30 mm BK`, `JMR` in a column).
      const isHarmlessWord = (w: string) => isKept(w) || isStopWord(w) || isClinical(w);
      for (const r of matchers ? uncuedInitials(spans, matchers.people, isHarmlessWord) : []) {
        if (results[r.span].findings.some((f) => f.begin !== undefined && f.end !== undefined && f.begin <= r.begin && f.end >= r.end)) continue;
        const person = matchers?.people.find((x) => x.source === r.source);
        out.push(toFinding({ begin: r.begin, end: r.end, category: person?.category ?? 'A', type: `header:${r.source}:initials`, engine: 'local:header-name', score: 0.8, identity: true }, spanText(spans[r.span])));
      }
      // Other people listed as `SURNAME, Given` on rows whose birth date or ID was found (a worklist screenshot).
      const identifiers = out.flatMap((f) => (f.box && LIST_ROW_CATEGORIES.has(f.category) ? [f.box] : []));
      for (const r of listedNamesOnIdentityRows(spans, identifiers, isHarmlessWord)) {
        out.push(toFinding({ begin: r.begin, end: r.end, category: 'A', type: 'LISTED_NAME', engine: 'local:pattern', score: 0.75, identity: false }, spanText(spans[r.line])));
      }
      // …and in the other orders lists print them (`Given SURNAME`, `SURNAME Given`, a surname alone) on the rows of a list.
      // A label before the row's value (`IPP`, `Case`, `DOB`) names no one: a word the value labels take with a colon after it.
      const labelWord = (w: string) => labels.some((l) => matchesOf(l.regex, `${w.toUpperCase()}:`).some((x) => x.index === 0 && x[0].length > w.length));
      for (const r of namesOnListRows(spans, identifiers, (w) => isHarmlessWord(w) || labelWord(w))) {
        if (out.some((f) => f.location === spans[r.line].location && f.begin !== undefined && f.end !== undefined && f.begin <= r.begin && f.end >= r.end)) continue;
        out.push(toFinding({ begin: r.begin, end: r.end, category: 'A', type: 'LISTED_NAME', engine: 'local:pattern', score: 0.75, identity: false }, spanText(spans[r.line])));
      }
      // Every cell of a table of identities' name, ID and date columns, however it was read, and a row of it no reading covers
      // there (a study list, a worklist); its heading row is no label asking for a value.
      const table = tableColumnCells(spans, identifiers, (w) => isHarmlessWord(w) || labelWord(w) || LIST_WORDS.has(w.toUpperCase()));
      if (table.headings.length > 0) {
        // Not a value's digits (a date or an ID read into the heading's row), nor a header value.
        const inHeading = (f: PhiFinding) => {
          const box = f.box;
          if (f.engine.startsWith('local:header') || box === undefined || /(?:\D*\d){4}/.test(f.text)) return false;
          const middle = box.top + box.height / 2;
          return table.headings.some((h) => coveredBy(box, padBox(h, 2)) && middle >= h.top && middle <= h.top + h.height);
        };
        out.splice(0, out.length, ...out.filter((f) => !inHeading(f)));
      }
      for (const cell of table.cells) {
        if (cell.ranges.length === 0) out.push({ text: '', category: cell.category, score: 0.7, type: `TABLE_COLUMN:${cell.kind}:unread`, engine: 'local:table', box: cell.box });
        for (const r of cell.ranges) {
          if (out.some((f) => f.location === spans[r.span].location && f.begin !== undefined && f.end !== undefined && f.begin <= r.begin && f.end >= r.end)) continue;
          out.push(toFinding({ begin: r.begin, end: r.end, category: cell.category, type: `TABLE_COLUMN:${cell.kind}`, engine: 'local:table', score: 0.75, identity: false }, spanText(spans[r.span])));
        }
      }
      // The lines of an address under its label or its street line (`Address:` / `14 Larkspur Crescent` / `Dunmore Heights`).
      const addressStarts = spans.flatMap((s, i) => (ADDRESS_LABEL.test(s.text) ? [{ line: i, street: false }] : results[i].findings.some((f) => f.type === 'ADDRESS') ? [{ line: i, street: true }] : []));
      // A street or a district may be a medical dictionary's word too (`Crescent`, `Heights`): only the curated lists say a line is no address.
      for (const r of addressContinuations(spans, addressStarts, (w) => isKept(w) || isStopWord(w) || clinical.listed(w))) {
        if (results[r.line].findings.some((f) => f.category === 'B' && f.begin !== undefined && f.end !== undefined && f.begin <= r.begin && f.end >= r.end)) continue;
        out.push(toFinding({ begin: r.begin, end: r.end, category: 'B', type: 'ADDRESS', engine: 'local:context', score: 0.7, identity: false }, spanText(spans[r.line])));
      }
      // A generic run of an institution or address ("Medical Center") counts beside a line with its distinctive part.
      results.forEach((r, i) => {
        for (const weak of r.weak) {
          // Inside a finding of its own line already (the year of a date read whole).
          if (r.findings.some((f) => f.begin !== undefined && f.end !== undefined && weak.begin !== undefined && weak.end !== undefined && f.begin <= weak.begin && f.end >= weak.end)) continue;
          const box = spans[i].box;
          const backed = box && results.some((o, j) => o.findings.some((f) => f.category === weak.category && (f.engine === 'local:header-value' || f.engine === 'local:header-date')) && spans[j].box && nextTo(box, spans[j].box));
          if (backed) out.push(weak);
        }
      });
      return out;
    },
  };
}

/**
 * The keep-list test of the local engine: true for harmless annotation (a keep-list word or phrase,
 * a number with a unit, a window value). Shared with the AWS engines, which apply it to their findings last.
 */
export function keepListMatcher(options: Pick<LocalPhiDetectorOptions, 'keepList' | 'replaceKeepList'> = {}): { keep: Set<string>; isKept: (text: string) => boolean } {
  const keep = new Set([...(options.replaceKeepList ? [] : DEFAULT_KEEP_LIST), ...(options.keepList ?? [])].map((w) => normaliseKeep(w)));
  const isKept = (text: string): boolean => {
    const t = normaliseKeep(text);
    if (t === '' || keep.has(t) || HARMLESS_PATTERNS.some((p) => p.test(t)) || isHeadingRow(t) || isReadout(t, (w) => w.length >= 2 && keep.has(w))) return true;
    const parts = t.split(/[\s:;,]+/).filter(Boolean);
    return parts.length > 0 && parts.every((p) => keep.has(p) || HARMLESS_PATTERNS.some((h) => h.test(p)));
  };
  return { keep, isKept };
}

/**
 * True when `piece` is `whole` with its head (or tail) cut off: the same as the rest of it, allowing
 * one OCR slip in pieces of six characters or more.
 */
function cutMatch(piece: string, whole: string, cut: 'head' | 'tail'): boolean {
  const rest = cut === 'head' ? whole.slice(whole.length - piece.length) : whole.slice(0, piece.length);
  return rest === piece || (piece.length >= 6 && editDistance(piece, rest, 1) <= 1);
}

/** Findings that make a row a row of identities: dates and record, account, plan and other ID numbers. */
const LIST_ROW_CATEGORIES = new Set<SafeHarborCategory>(['C', 'G', 'H', 'I', 'J', 'R']);

/** True when the word right before `begin` (spaces and `:`/`=` between) is a keep-list technique label. */
function technicalLabelBefore(text: string, begin: number, keep: Set<string>): boolean {
  const before = /([\p{L}][\p{L}\p{N}/]*)[\s:=]*$/u.exec(text.slice(0, begin));
  return before !== null && keep.has(before[1].toUpperCase());
}

/**
 * Same line or the line just above or below, overlapping horizontally; or further along the same row,
 * within three line heights (one line OCR read as two: `October 10,` and `2016 14:22`). Lines of text beside each
 * other have glyphs of like size: a reading three times as tall as the other (a block of anatomy read as `LIT`) is
 * no line next to it, however near.
 */
function nextTo(a: Box, b: Box): boolean {
  const h = Math.max(a.height, b.height);
  if (h > 3 * Math.min(a.height, b.height)) return false;
  const gapY = -rowsShared(a, b);
  const overlapX = columnsShared(a, b);
  if (gapY <= 1.5 * h && overlapX > 0) return true;
  return -gapY >= 0.5 * Math.min(a.height, b.height) && -overlapX <= 3 * h;
}

/**
 * A header date, ID or name word OCR read as two pieces on one row: two readings that overlap
 * (`“513-09` and `09-1966` for 13-09-1966) or one word broken into two lines (`PRISC` and `CILLA`).
 * The last word of one piece and the first word of the next, joined with or without the characters
 * they share, spell the value: a header date or ID of eight characters or more (inside the join, with
 * two characters or more from each piece), or a header word of six letters or more (the whole join,
 * one OCR slip allowed from eight). Both pieces are flagged; neither piece alone says enough.
 */
function splitWordFindings(spans: TextSpan[], m: IdentityMatchers): PhiFinding[] {
  const values = m.dateForms.flatMap((d) => d.forms.filter((f) => f.length >= 8).map((f) => ({ folded: f, category: d.category ?? ('C' as const), source: d.source, engine: d.engine ?? 'local:header-date' })));
  const words = [...m.nameTokens, ...m.distinctTokens].filter((n) => n.folded.length >= 6);
  if (values.length === 0 && words.length === 0) return [];
  const edges = spans.map((span) => {
    const st = spanText(span);
    const chunks = matchesOf(/\S+/g, st.text);
    const piece = (x: RegExpMatchArray | undefined) => (x ? { begin: x.index ?? 0, end: (x.index ?? 0) + x[0].length, value: compact(x[0]).value } : undefined);
    return { st, first: piece(chunks.at(0)), last: piece(chunks.at(-1)) };
  });
  const out: PhiFinding[] = [];
  spans.forEach((a, i) => {
    spans.forEach((b, j) => {
      const left = edges[i].last;
      const right = edges[j].first;
      if (i === j || !a.box || !b.box || !left || !right || left.value.length < 2 || right.value.length < 2) return;
      const h = Math.max(a.box.height, b.box.height);
      // The second piece starts inside the first or within a glyph height past its end.
      if (!onOneLine(a.box, b.box) || b.box.left <= a.box.left || b.box.left > a.box.left + a.box.width + h) return;
      for (let k = 0; k <= Math.min(4, left.value.length - 1, right.value.length - 1); k++) {
        if (k > 0 && !left.value.endsWith(right.value.slice(0, k))) continue;
        const joined = left.value + right.value.slice(k);
        const cutAt = left.value.length;
        const value = values.find((v) => {
          const at = joined.indexOf(v.folded);
          return at >= 0 && at <= cutAt - 2 && at + v.folded.length >= cutAt + 2;
        });
        const word = value ? undefined : words.find((n) => joined === n.folded || (n.folded.length >= 8 && editDistance(joined, n.folded, 1) <= 1));
        const found = value ?? (word ? { category: word.category, source: word.source, engine: m.nameTokens.includes(word) ? 'local:header-name' : 'local:header-value' } : undefined);
        if (!found) continue;
        for (const [st, piece] of [[edges[i].st, left], [edges[j].st, right]] as const) {
          out.push(toFinding({ begin: piece.begin, end: piece.end, category: found.category, type: `header:${found.source}:split`, engine: found.engine, score: 0.8, identity: true }, st));
        }
        return;
      }
    });
  });
  return out;
}

/**
 * Groups OCR output into one span per line (its words with their boxes) and runs the PHI detector.
 * `location` prefixes each span's location, e.g. `frame 3` gives `frame 3 line 0`.
 */
export async function detectPhiInImageText(
  texts: DetectedText[],
  detector: PhiDetector,
  context: IdentityContext,
  location?: string,
): Promise<PhiFinding[]> {
  return detector.detect(imageTextToSpans(texts, location), context);
}

/** One span per OCR line, carrying its words (lines without words become spans of their own text). */
export function imageTextToSpans(texts: DetectedText[], location?: string): TextSpan[] {
  const lines = new Map<number, { line?: DetectedText; words: DetectedText[] }>();
  for (const t of texts) {
    const entry = lines.get(t.lineIndex) ?? { words: [] };
    if (t.kind === 'line') entry.line = t;
    else entry.words.push(t);
    lines.set(t.lineIndex, entry);
  }
  const spans: TextSpan[] = [];
  for (const [index, { line, words }] of [...lines].sort((a, b) => a[0] - b[0])) {
    const where = `${location ? `${location} ` : ''}line ${index}`;
    if (words.length > 0) {
      // In reading order: across the image, or up or down it for turned text.
      const turn = words[0].turn;
      const along = (w: DetectedText) => (turn === 'up' ? -(w.box.top + w.box.height) : turn === 'down' ? w.box.top : w.box.left);
      const sorted = [...words].sort((a, b) => along(a) - along(b));
      spans.push({ text: sorted.map((w) => w.text).join(' '), box: line?.box ?? unionBoxes(sorted.map((w) => w.box)), location: where, words: sorted });
    } else if (line) {
      spans.push({ text: line.text, box: line.box, location: where });
    }
  }
  return spans;
}

function normaliseKeep(text: string): string {
  return text.trim().toUpperCase().replace(/\s+/g, ' ');
}

function meanConfidence(st: SpanText, h: Pick<Hit, 'begin' | 'end'>): number {
  const words = st.words.filter((w) => w.begin < h.end && w.end > h.begin);
  if (words.length === 0) return 100;
  return words.reduce((s, w) => s + w.word.confidence, 0) / words.length;
}

/** The patterns without a group, each anchored to a whole text: made once, not per hit (a fresh regex is compiled again; see regex-matches.ts). */
const WHOLE_TEXT_PATTERNS = PHI_PATTERNS.filter((p) => p.group === undefined).map((p) => ({ category: p.category, regex: new RegExp(`^(?:${p.regex.source})$`, 'i') }));

function guessCategory(text: string): SafeHarborCategory {
  const upper = text.toUpperCase().trim();
  for (const p of WHOLE_TEXT_PATTERNS) if (p.regex.test(upper)) return p.category;
  return 'R';
}

/**
 * How well a token (folded, and upper-cased as read) matches one header word: 1 exact, 0.9 through OCR
 * confusions, 0.8 one slip or a letter pair read as one letter, 0.75 two slips in a long word, 0.7 a
 * name part inside a run-together token, 0 not at all.
 */
function wordScore(f: string, exactUpper: string, n: { folded: string; upper: string }, isName: boolean): number {
  if (f === n.folded) return exactUpper === n.upper ? 1 : 0.9;
  // One slip from six letters, or two confusions of small text (`Hcarnb` is two from HEARNE, each a half).
  if (n.folded.length >= 6 && slipDistance(f, n.folded, 1) <= 1) return 0.8;
  // From four letters, one confusion of small text (`RUTb` for RUTH, `Lcvi` for LEVI).
  if (n.folded.length >= 4 && slipDistance(f, n.folded, 0.5) <= 0.5) return 0.8;
  // A letter pair of small serif or narrow text read as one letter, or the reverse (`Heam` for HEARN, `Mdean` for MCLEAN).
  if (n.folded.length >= 4 && f.length >= 4 && shapeFold(f) === shapeFold(n.folded)) return 0.8;
  // Long words in small fonts take two slips (`THOMBURY` for THORNBURY: rn read as m).
  if (n.folded.length >= 8 && f.length >= 7 && editDistance(f, n.folded, 2) <= 2) return 0.75;
  // Name parts run together when OCR reads the separator as a letter (`HARTWELLASILAS` for HARTWELL^SILAS).
  if (isName && n.folded.length >= 5 && f.length > n.folded.length + 1 && f.includes(n.folded)) return 0.7;
  return 0;
}

/** OCR confidence (0–100) under which a header value matched only through OCR confusions is not trusted. */
const MIN_FUZZY_CONFIDENCE = 20;

const NAME_PARTS_IGNORED = new Set(['MR', 'MRS', 'MS', 'DR', 'PROF', 'JR', 'SR', 'II', 'III', 'IV', 'MD', 'PHD']);
const COMMON_WORDS = new Set([
  'THE', 'AND', 'OF', 'FOR', 'AT', 'IN', 'ON', 'STREET', 'ST', 'ROAD', 'RD', 'AVENUE', 'AVE', 'SUITE', 'MEDICAL',
  'CENTER', 'CENTRE', 'HOSPITAL', 'CLINIC', 'HEALTH', 'UNIVERSITY', 'DEPARTMENT', 'DEPT', 'RADIOLOGY', 'IMAGING',
]);
/**
 * Function words of names and institutions ("Todd and Boyer", "Hospital of the Holy Cross"): never
 * PHI on their own, so never matched alone as a part of the identity (only inside a run of its words).
 */
const STOP_WORDS = new Set([
  'A', 'AN', 'THE', 'AND', '&', '+', 'OF', 'FOR', 'AT', 'IN', 'ON', 'TO', 'BY', 'WITH', 'OR', 'DE', 'DEL', 'LA', 'LE', 'LES', 'DU', 'DA', 'DI', 'DOS', 'DAS', 'Y', 'E', 'ET', 'VAN', 'VON', 'DER', 'DEN',
]);
/** True for a stop word, compared as OCR-folded text too (`AND` reads as `4ND`). */
function isStopWord(word: string): boolean {
  const up = word.toUpperCase();
  return STOP_WORDS.has(up) || STOP_WORDS_FOLDED.has(foldOcr(word));
}
const STOP_WORDS_FOLDED = new Set([...STOP_WORDS].map((w) => foldOcr(w)));

/** Compiles the deny-list matchers for one file's identity. */
function identityMatchers(context: IdentityContext): IdentityMatchers {
  const m: IdentityMatchers = { nameTokens: [], nameLetters: [], nameGroups: [], acronyms: [], initials: [], compacts: [], dates: [], monthDays: [], years: [], dateForms: [], distinctTokens: [], phrases: [], heads: [], ages: [], people: [] };
  for (const { value, category, source, vr } of context.values) {
    if (typeof value !== 'string' || value.trim() === '') continue;
    const v = value.trim();
    const date = /^(\d{4})(\d{2})(\d{2})/.exec(v.replace(/[-./]/g, ''));
    if ((vr === 'DA' || vr === 'DT' || (category === 'C' && !vr)) && date) {
      // Every form of the date holds its year's last two digits, and every month-and-day its month's abbreviation (the full name starts with it).
      m.dates.push({ regex: dateRegex(date[1], date[2], date[3]), literal: date[1].slice(2), source });
      m.dateForms.push({ forms: dateForms(date[1], date[2], date[3]), source });
      m.monthDays.push({ regex: monthDayRegex(date[2], date[3]), literal: monthLiteral(date[3]), source });
      if (!m.years.some((y) => y.year === date[1])) m.years.push({ year: date[1], source });
      continue;
    }
    const age = vr === 'AS' ? /^0*(\d{2,3})Y$/i.exec(v) : null;
    if (age) {
      // Only ages in years reach here (the context holds ages over 89 only); the number needs a year unit or an age label beside it.
      // Small serif text reads the unit `Y` as `V` (`95V F`): beside the header's own age it is the same unit.
      m.ages.push({ regex: ageRegex(age[1]), literal: age[1], source, years: String(Number(age[1])) });
      continue;
    }
    if (vr === 'PN' || category === 'A') {
      const parts = v
        .split(/[\^=,\s]+/)
        .map((p) => p.replace(/[^\p{L}\p{N}'-]/gu, ''))
        .filter((p) => p !== '' && !NAME_PARTS_IGNORED.has(p.toUpperCase().replace(/\./g, '')));
      for (const p of parts) {
        for (const piece of p.split(/[-']/).concat(p.includes('-') ? [p.replace(/[-']/g, '')] : [])) {
          if (piece.length === 1) m.nameLetters.push({ letter: piece.toUpperCase(), category, source });
          if (piece.length >= 2 && !isStopWord(piece)) m.nameTokens.push({ folded: foldOcr(piece), upper: piece.toUpperCase(), category, source });
        }
      }
      // Screens shorten given names to initials (`Doe, J.`, `J. Doe`, `DOE JQ`): the first letter of
      // each part, and the given and middle initials run together, count beside another part of the name.
      for (const p of parts) if (p.length >= 2 && /^\p{L}/u.test(p)) m.nameLetters.push({ letter: p[0].toUpperCase(), category, source });
      const givenInitials = parts.slice(1).map((p) => p[0].toUpperCase()).join('');
      if (givenInitials.length >= 2 && givenInitials.length <= 3 && /^\p{Lu}+$/u.test(givenInitials)) m.nameGroups.push({ letters: givenInitials, category, source });
      for (const letters of personInitials(parts)) if (!m.people.some((x) => x.letters === letters && x.source === source)) m.people.push({ letters, source, category });
      const letters = parts.filter((p) => p.length >= 2).map((p) => p[0].toUpperCase());
      // With a middle initial, its letter counts in dotted initials too (`V.K.` for VINCENT K, `V.K.B.`).
      const withMiddle = parts.length > letters.length ? parts.filter((p) => /^\p{L}/u.test(p)).map((p) => p[0].toUpperCase()) : [];
      const orders = [letters, [...letters.slice(1), letters[0]], ...(withMiddle.length >= 3 ? [withMiddle.slice(1), [...withMiddle.slice(1), withMiddle[0]], withMiddle] : [])];
      if (letters.length >= 2) {
        for (const order of orders) {
          // Dotted initials (`D.D.`, `D. D.`) only: bare two-letter initials collide with view labels.
          m.initials.push({ regex: new RegExp(`(?<![\\p{L}\\p{N}])${order.map((l) => escapeRegExp(l)).join('\\.\\s?')}\\.(?![\\p{L}\\p{N}])`, 'giu'), literal: '.', category, source });
        }
      }
      continue;
    }
    const c = compact(v).value;
    if (c.length >= 4) m.compacts.push({ folded: c, category, source });
    // Long IDs (eight characters, or seven with six digits) also match with one OCR slip (a digit misread, doubled or dropped).
    if ((c.length >= 8 && /\d/.test(c)) || (c.length >= 7 && digitCount(c) >= 6)) m.dateForms.push({ forms: [c], source, category, engine: 'local:header-value' });
    // Free text (addresses, institutions): its distinctive words stand on their own.
    if (/\s/.test(v)) {
      const words = tokenize(v).map((t) => foldOcr(t.text));
      if (words.length >= 2) m.phrases.push({ words, category, source });
      const letterWords = tokenize(v).filter((t) => /^\p{L}/u.test(t.text));
      // With and without function words: `HHC` and `HOTHC` for Hospital of the Holy Cross. Two words make no acronym
      // of their own but may, with one of them run together from two (`BWI` for Bramblewood Institute).
      for (const list of [letterWords, letterWords.filter((t) => !isStopWord(t.text))]) {
        const letters = initialsOf(list.map((t) => t.text));
        if (list.length >= 2 && !m.acronyms.some((a) => a.letters === letters)) m.acronyms.push({ letters, category, source, words: list.map((t) => t.text) });
      }
      // Without the words of its kind too (`SEM` for St Elspeth Moor Hospital, `QAB` for Queen Adela Brackwater Infirmary):
      // from three words that name the place, as fewer letters are any screen's word.
      const named = letterWords.filter((t) => !isStopWord(t.text) && !institutionKindWord(t.text));
      const namedLetters = initialsOf(named.map((t) => t.text));
      if (named.length >= 3 && !m.acronyms.some((a) => a.letters === namedLetters)) m.acronyms.push({ letters: namedLetters, category, source, words: named.map((t) => t.text) });
      // Its head, as a field too narrow for it cuts it (`ECHE`, `ST ELSP`).
      const head = valueHead(tokenize(v).map((t) => t.text), (w) => !COMMON_WORDS.has(w.toUpperCase()) && !isStopWord(w) && !institutionKindWord(w));
      if (head) m.heads.push({ ...head, category, source });
      for (const t of tokenize(v)) {
        const up = t.text.toUpperCase();
        if (t.text.length >= 4 && !COMMON_WORDS.has(up) && !MONTH_FULL.includes(up)) m.distinctTokens.push({ folded: foldOcr(t.text), upper: up, category, source });
      }
    }
  }
  // No age in the header: the screen may still show it, reckoned from the birth date to a date of the study.
  const birth = context.values.find((x) => x.source === 'PatientBirthDate' && typeof x.value === 'string')?.value.replace(/\D/g, '');
  if (m.ages.length === 0 && birth?.length === 8) {
    for (const other of context.values) {
      const day = typeof other.value === 'string' && other.source !== 'PatientBirthDate' && (other.vr === 'DA' || other.vr === 'DT') ? other.value.replace(/\D/g, '').slice(0, 8) : '';
      if (day.length !== 8) continue;
      const years = Number(day.slice(0, 4)) - Number(birth.slice(0, 4)) - (day.slice(4) < birth.slice(4) ? 1 : 0);
      if (years > 89 && years < 150 && !m.ages.some((a) => a.source === `${other.source}:age`)) m.ages.push({ regex: ageRegex(String(years)), literal: String(years), source: `${other.source}:age`, years: String(years) });
    }
  }
  return m;
}

/**
 * An age over 89 as screens show it, over OCR-folded text: the number with a year unit (`92Y`, `092 Y`,
 * `92 yrs`, `92 J.`), the sex letter run in before or after it (`F092Y`, `092YM`, `092Y/F`), or after an age label
 * (`Age: 92`, `Alter 92`). Small serif text reads the unit `Y` as `V` (`95V F`): beside this very number it is the same unit.
 */
/** {@link MORE_YEAR_UNITS} as OCR-folded text holds them: marks dropped (`YAŞ` is `YAS` there). */
const SCREEN_YEAR_UNITS = MORE_YEAR_UNITS.normalize('NFD').replace(/\p{M}/gu, '');

function ageRegex(n: string): RegExp {
  // Consoles run the sex letter into the age (`F092Y`, `092YM`, `101 YF`), and small text reads a padding zero as `D`.
  const pattern = foldRegexLiterals(`(?:[MF]?[0D]{0,2}${n}\\s{0,2}(?:YEARS|YEAR|YRS|YR|YO|Y|V|JAHRE|JR|J|ANS|ANOS|ANNI|LAT|${SCREEN_YEAR_UNITS})(?:\\/?[MF])?|(?:AGE|ALTER|EDAD|ETA|LEEFTIJD)\\s{0,2}[:=]?\\s{0,2}0{0,2}${n})`);
  return new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'gu');
}

/** A regex for one date in every form screens use, over OCR-folded text. */
function dateRegex(y: string, mo: string, d: string): RegExp {
  const sep = '\\s*[./\\-\\s]?\\s*';
  const yy = y.slice(2);
  // `07` may be shown as `7`; `12` only as `12`.
  const month = (n: string) => (n[0] === '0' ? `0?${n[1]}` : n);
  const day = month;
  const years = `(?:${y}|${yy})`;
  const mon = monthSource(mo);
  const forms = [
    `${y}${mo}${d}`,
    `${y}${sep}${month(mo)}${sep}${day(d)}`,
    `${month(mo)}${sep}${day(d)}${sep}${years}`,
    `${day(d)}${sep}${month(mo)}${sep}${years}`,
    `${day(d)}${DAY_TO_MONTH}${mon}[\\s,-]*(?:DE\\s{1,2})?${years}`,
    `${mon}\\s*${day(d)},?\\s*${y}`,
    `${y}\\.?\\s{0,2}${mon}\\s{0,2}${day(d)}\\.?`,
  ];
  // Literal month names and digits are folded the way the text is.
  const source = forms.map((f) => foldRegexLiterals(f)).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'gu');
}

/** Between a day and its month name: a dot, spaces, a dash, and the `de` of Spanish and Portuguese (`14. června`, `3 de marzo`). */
const DAY_TO_MONTH = '\\.?[\\s-]{0,3}(?:DE\\s{1,2})?';

/** A month's names in the languages screens use (`DICIEMBRE`, `HAZIRAN`, `STYCZNIA`…), folded, as one alternation with its dot. */
function monthSource(mo: string): string {
  const month = Number(mo);
  if (!(month >= 1 && month <= 12)) return '(?!)';
  const names = foldedMonthNames(month).map((n) => escapeRegExp(n).replace(/\s+/g, '\\s{1,2}'));
  return `(?:${names.join('|')})\\.?`;
}

/** What every match of {@link monthDayRegex} holds: the day's last digit (the month has names in many languages). */
function monthLiteral(d: string): string {
  return d.slice(-1);
}

/** A header date's month name and day, either order, without the year, over OCR-folded text. */
function monthDayRegex(mo: string, d: string): RegExp {
  const day = d[0] === '0' ? `0?${d[1]}` : d;
  const mon = monthSource(mo);
  const source = [`${mon}[\\s-]{0,3}${day}`, `${day}${DAY_TO_MONTH}${mon}`].map((f) => foldRegexLiterals(f)).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'gu');
}

/**
 * A date as letters and digits only (OCR-folded), in the orders screens use: 20160507, 05072016, 07MAY2016…,
 * and with a leading zero dropped before a four-digit year (`6/21/2009` is 6212009, `7 MAY 2016` is 7MAY2016).
 */
function dateForms(y: string, mo: string, d: string): string[] {
  const mon = MONTH_NAMES[Number(mo) - 1];
  const yy = y.slice(2);
  const forms = [
    `${y}${mo}${d}`, `${mo}${d}${y}`, `${d}${mo}${y}`, `${d}${mon}${y}`, `${mon}${d}${y}`, `${mo}${d}${yy}`, `${d}${mo}${yy}`,
    `${d}${mon}${yy}`, `${y}${mon}${d}`, `${yy}${mo}${d}`,
  ];
  const unpadded = (n: string) => n.replace(/^0/, '');
  for (const m2 of new Set([mo, unpadded(mo)])) {
    for (const d2 of new Set([d, unpadded(d)])) {
      if (m2 === mo && d2 === d) continue;
      forms.push(`${m2}${d2}${y}`, `${d2}${m2}${y}`, `${y}${m2}${d2}`);
    }
  }
  if (d[0] === '0') forms.push(`${unpadded(d)}${mon}${y}`, `${mon}${unpadded(d)}${y}`);
  return [...new Set(forms.map((f) => foldOcr(f)))];
}

/**
 * Header dates in OCR text that the regexes miss: split by a stray space (`201 6-05-07`) or with one
 * misread or doubled character (`11.05. 20088`). Compares letters and digits only, from a token start;
 * forms of 8 characters or more may differ by one edit. The hit runs to the end of the last token touched.
 */
function fuzzyDateHits(text: string, m: IdentityMatchers): Hit[] {
  if (m.dateForms.length === 0) return [];
  const c = compact(text);
  const hits: Hit[] = [];
  const tokenEnd = (at: number) => {
    let e = at + 1;
    while (e < text.length && /[\p{L}\p{N}]/u.test(text[e])) e++;
    return e;
  };
  for (let i = 0; i < c.value.length; i++) {
    if (/[\p{L}\p{N}]/u.test(text[c.offsets[i] - 1] ?? '')) continue; // only from a token start
    for (const { forms, source, category, engine } of m.dateForms) {
      // Every form read exactly first: a slip match of one form must not stand in for another form's exact reading
      // and run on into the next token (`01/13/2025 13:42` is no `011320251` for 2025-01-13: the hour stays).
      let found = forms.find((f) => c.value.startsWith(f, i))?.length ?? 0;
      let specific = found >= 7 && digitCount(c.value.slice(i, i + found)) >= 6;
      for (const f of found ? [] : forms) {
        // A month name makes a shorter form specific enough for one slip too (`02FES20` for 02-FEB-20).
        // So do seven digits of an ID (`112-3766` for 112-3706).
        const fuzzy = f.length >= 8 || (f.length >= 7 && (/[A-Z]{2}/.test(f) || digitCount(f) >= 6));
        if (!fuzzy) continue;
        // Seven characters at least are read: a year and a day with the month dropped (`2025 13` of `2025 13:42` for
        // the form 2025113 of 2025-01-13) is the year and the hour, not the date.
        for (const n of [f.length, f.length + 1, f.length - 1].filter((k) => k >= 7)) {
          if (i + n > c.value.length) continue;
          const piece = c.value.slice(i, i + n);
          // Two slips where both are confusions of small text (`W1T15280` for W1718280) count as one; from
          // nine characters, one more confusion is allowed (`AL3206T97` for A43206797, `A9TT743862` for A97743862).
          const max = f.length >= 9 ? 1.5 : 1;
          if (slipDistance(piece, f, max) <= max) {
            found = n;
            specific = n >= 7 && digitCount(piece) >= 6;
            break;
          }
        }
        if (found) break;
      }
      if (!found) continue;
      const begin = c.offsets[i];
      const end = tokenEnd(c.offsets[i + found - 1]);
      // A slip is not read across a space into an age of 89 or under (`1944 72 yrs` is no `19440727`): that is the next field.
      const words = text.slice(begin, end).toUpperCase().split(/\s+/);
      if (words.slice(1).some((_, k) => HARMLESS_AGE.test(words.slice(k + 1).join(' ')))) continue;
      hits.push({ begin, end, category: category ?? 'C', type: `header:${source}`, engine: engine ?? 'local:header-date', score: 0.8, identity: true, ...(specific ? { specific } : {}) });
    }
  }
  return hits;
}

/** Folds the letters of a regex source that are literals (not escapes like `\s`). */
function foldRegexLiterals(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '\\') {
      out += source[i] + source[i + 1];
      i++;
    } else if (/[A-Z]/.test(source[i])) out += foldOcr(source[i]);
    else out += source[i];
  }
  return out;
}

function identityHits(text: string, folded: string, m: IdentityMatchers, keep: Set<string>): Hit[] {
  const hits: Hit[] = [];
  const tokens = tokenize(text);
  /** Other people whose name has the word at this offset. */
  const alsoNamed = new Map<number, string[]>();
  for (const t of tokens) {
    const f = foldOcr(t.text);
    const exactUpper = t.text.toUpperCase();
    // Every header word the token may be, best first: a later exact match (the patient's CALLOWAY) beats
    // an earlier two-slip one (the physician's HOLLOWAY).
    const matches = [...m.nameTokens, ...m.distinctTokens]
      .map((n) => ({ n, score: wordScore(f, exactUpper, n, m.nameTokens.includes(n)) }))
      .filter(({ n, score }) => score > 0 && !(n.folded.length <= 2 && keep.has(exactUpper)))
      .sort((a, b) => b.score - a.score);
    if (matches.length === 0) continue;
    const { n, score } = matches[0];
    const isName = m.nameTokens.includes(n);
    // A whole name part spelled exactly inside a run-together token is evidence at any OCR confidence.
    const exact = score === 0.7 && exactUpper.includes(n.upper);
    // The line's last word read short of the header word (`NETTLET` for NETTLETON): OCR lost its tail, the box grows over it.
    const lost = score < 0.9 && t === tokens.at(-1) && f.length < n.folded.length && n.folded.startsWith(f.slice(0, 3)) ? n.folded.length - f.length : 0;
    hits.push({ begin: t.begin, end: t.end, category: n.category, type: `header:${n.source}`, engine: isName ? 'local:header-name' : 'local:header-value', score, identity: true, ...(exact ? { exact } : {}), ...(lost ? { extend: lost } : {}) });
    // The same word in another person's name (patient and physician sharing a surname): their initials count beside it too.
    const others = matches.filter((x) => x.score === score && x.n.source !== n.source && m.nameTokens.includes(x.n)).map((x) => `header:${x.n.source}`);
    if (isName && others.length > 0) alsoNamed.set(t.begin, others);
  }
  // A word OCR broke with a stray mark (`A~bervale`, `Fernw.ck`): the marks count as misread characters.
  const longTokens = [...m.nameTokens, ...m.distinctTokens].filter((n) => n.folded.length >= 6);
  for (const x of matchesOf(/[\p{L}\p{N}]+(?:[^\s\p{L}\p{N}][\p{L}\p{N}]+){1,2}/gu, text)) {
    const end = x.index + x[0].length;
    if (hits.some((h) => h.begin <= x.index && h.end >= end)) continue;
    const f = foldOcr(x[0]);
    const slips = (n: { folded: string }) => (n.folded.length >= 8 ? 2 : 1);
    const n = f.length >= 6 ? longTokens.find((n) => editDistance(f, n.folded, slips(n)) <= slips(n)) : undefined;
    if (!n) continue;
    const isName = m.nameTokens.includes(n);
    hits.push({ begin: x.index, end, category: n.category, type: `header:${n.source}`, engine: isName ? 'local:header-name' : 'local:header-value', score: 0.75, identity: true });
  }
  // Initials (`J.`, `JQ`) beside a part of the same person's name; a run of them (`J. Q. DOE`) counts
  // from the name outwards. The name's source tells whose initials they must be. A one-character
  // initial may be read as its OCR confusion (`Doe, 0.` for O.). A name part cut short where OCR's
  // reading of the line ended (`Rut` for Ruth, `Leopo` for Leopold: three letters or more, 60% of the
  // part) counts beside another part of the same name too.
  const nameAt = new Map(hits.filter((h) => h.engine === 'local:header-name').map((h) => [h.begin, [h.type, ...(alsoNamed.get(h.begin) ?? [])]]));
  const growBesideNames = () => {
    for (let changed = true; changed; ) {
      changed = false;
      for (const [i, t] of tokens.entries()) {
        if (nameAt.has(t.begin) || !(/^\p{L}+$/u.test(t.text) || /^\p{N}$/u.test(t.text))) continue;
        const up = t.text.toUpperCase();
        const besideTypes = [i > 0 ? tokens[i - 1] : undefined, tokens.at(i + 1)].flatMap((n) => (n && nameAt.get(n.begin)) ?? []);
        if (besideTypes.length === 0) continue;
        const f = foldOcr(t.text);
        // From five letters, half the part is enough beside the rest of the name (`WINTERBOTTOM PRISC`).
        const cut = (n: { folded: string }) => f.length >= 3 && f.length < n.folded.length && f.length >= (f.length >= 5 ? 0.5 : 0.6) * n.folded.length && (n.folded.startsWith(f) || n.folded.endsWith(f));
        // Beside a part of the same name, a word one slip from another of its parts of four letters or more
        // (`JAME` for JANE), two from seven letters (`PRISCLA` read of PRISCILLA with a letter lost and one misread).
        const slipped = (n: { folded: string }) => {
          const slips = n.folded.length >= 7 && f.length >= 6 ? 2 : 1;
          return n.folded.length >= 4 && f.length >= 3 && editDistance(f, n.folded, slips) <= slips;
        };
        const candidates: Array<{ category: SafeHarborCategory; source: string; exact: boolean; part?: { folded: string; upper: string } }> =
          t.text.length === 1
            ? m.nameLetters.filter((l) => foldOcr(l.letter) === f).map((l) => ({ ...l, exact: l.letter === up }))
            : [
                ...(t.text === up && t.text.length <= 3 ? m.nameGroups.filter((g) => g.letters === up).map((g) => ({ ...g, exact: true })) : []),
                ...m.nameTokens.filter((n) => !keep.has(up) && !isStopWord(t.text) && (cut(n) || slipped(n))).map((n) => ({ ...n, exact: up.length >= 3 && up.length < n.upper.length && (n.upper.startsWith(up) || n.upper.endsWith(up)), part: n })),
              ];
        const initial = candidates.find((c) => besideTypes.includes(`header:${c.source}`));
        if (!initial) continue;
        // A part cut at the edge of what OCR read (`COMBE~OPHELIA` for WHITCOMBE^OPHELIA): the box grows over its lost head or tail.
        const part = initial.part && f.length < initial.part.folded.length ? initial.part.folded : undefined;
        const lostHead = part && i === 0 && part.endsWith(f) && !part.startsWith(f) ? part.length - f.length : 0;
        const lostTail = part && i === tokens.length - 1 && part.startsWith(f) ? part.length - f.length : 0;
        // The header's own initial or a part spelled exactly beside the rest of the name is evidence at any
        // OCR confidence (`VOLKOV S`, the `S` read with confidence 0).
        hits.push({ begin: t.begin, end: t.end, category: initial.category, type: `header:${initial.source}`, engine: 'local:header-name', score: 0.9, identity: true, ...(initial.exact ? { exact: true } : {}), ...(lostHead ? { extendBefore: lostHead } : {}), ...(lostTail ? { extend: lostTail } : {}) });
        nameAt.set(t.begin, [`header:${initial.source}`]);
        changed = true;
      }
    }
  };
  growBesideNames();
  // A name part cut at the edge of what OCR read, four letters or more, beside an initial of the same person (`E. Mcal`
  // for E. MCALLISTER read short): the two vouch for each other, however short the part.
  for (const [at, initialAt, cut] of [[tokens.length - 1, tokens.length - 2, 'tail'], [0, 1, 'head']] as const) {
    const t = tokens.at(at);
    const initial = initialAt >= 0 ? tokens.at(initialAt) : undefined;
    if (!t || !initial || at === initialAt || nameAt.has(t.begin) || !/^\p{L}{4,}$/u.test(t.text) || !/^\p{L}$/u.test(initial.text)) continue;
    if (keep.has(t.text.toUpperCase()) || isStopWord(t.text)) continue;
    const f = foldOcr(t.text);
    const part = m.nameTokens.find((n) => n.folded.length > f.length && cutMatch(f, n.folded, cut) && m.nameLetters.some((l) => l.source === n.source && l.letter === initial.text.toUpperCase()));
    if (!part) continue;
    const lost = part.folded.length - f.length;
    hits.push({ begin: t.begin, end: t.end, category: part.category, type: `header:${part.source}:partial`, engine: 'local:header-name', score: 0.7, identity: true, ...(cut === 'head' ? { extendBefore: lost } : { extend: lost }) });
    hits.push({ begin: initial.begin, end: initial.end, category: part.category, type: `header:${part.source}`, engine: 'local:header-name', score: 0.7, identity: true });
    nameAt.set(t.begin, [`header:${part.source}`]);
    nameAt.set(initial.begin, [`header:${part.source}`]);
  }
  // A word cut at the edge of what OCR read (the first word losing its head, the last its tail):
  // five characters or more and at least 60% of a distinctive header word or ID. The box then grows
  // over the rest of the word's glyphs.
  for (const [t, cut] of [[tokens.at(0), 'head'], [tokens.at(-1), 'tail']] as const) {
    if (!t || hits.some((h) => h.begin <= t.begin && h.end >= t.end)) continue;
    const f = foldOcr(t.text);
    if (f.length < 5 || keep.has(t.text.toUpperCase())) continue;
    const part = (whole: string) => f.length < whole.length && f.length >= 0.6 * whole.length && cutMatch(f, whole, cut);
    const word = [...m.nameTokens, ...m.distinctTokens].find((n) => part(n.folded));
    const id = word ? undefined : m.compacts.find((c) => /\d/.test(c.folded) && part(c.folded));
    // A header date read without its head (`212009` for 6/21/2009): six digits or more of one of its forms, year included.
    const date = word || id || digitCount(t.text) < 6 ? undefined : m.dateForms.filter((d) => !d.category).flatMap((d) => d.forms.map((form) => ({ folded: form, category: 'C' as const, source: d.source }))).find((d) => part(d.folded));
    const source = word ?? id ?? date;
    if (!source) continue;
    const engine = word && m.nameTokens.includes(word) ? 'local:header-name' : date ? 'local:header-date' : 'local:header-value';
    const lost = source.folded.length - f.length;
    // Six characters spelled exactly as part of a header date (its year included) or ID, five of them digits, are no
    // texture read by chance: trusted at any confidence (`A30526` for A30526662 read with confidence 0).
    const exactPart = (cut === 'head' ? source.folded.endsWith(f) : source.folded.startsWith(f)) && f.length >= 6 && digitCount(f) >= 5;
    const specific = (date !== undefined || id !== undefined) && exactPart;
    hits.push({ begin: t.begin, end: t.end, category: source.category, type: `header:${source.source}:partial`, engine, score: 0.7, identity: true, ...(cut === 'head' ? { extendBefore: lost } : { extend: lost }), ...(specific ? { specific } : {}) });
    if (engine === 'local:header-name') nameAt.set(t.begin, [`header:${source.source}`]);
  }
  // The initials and name parts beside a name part cut at the edge (`NELIUS P.` for CORNELIUS P.).
  growBesideNames();
  // Any one-glyph initial with its dot beside a name part (`É.` read as `E.` or `£.` before MARCHETTI): the name vouches for it.
  const nameHits = hits.filter((h) => h.engine === 'local:header-name');
  for (const r of initialsBesideNames(text, nameHits.map((h) => ({ begin: h.begin, end: h.end, source: h.type })))) {
    if (hits.some((h) => h.engine === 'local:header-name' && h.begin <= r.begin && h.end >= r.end)) continue;
    const name = nameHits.find((h) => h.type === r.source);
    hits.push({ begin: r.begin, end: r.end, category: name?.category ?? 'A', type: r.source, engine: 'local:header-name', score: 0.8, identity: true });
  }
  for (const t of tokens) {
    // Three capitals; from four letters in any case (`uwmc` read of UWMC), which no word of the screen spells by chance.
    if (t.text.length < 3 || (t.text !== t.text.toUpperCase() && t.text.length < 4) || keep.has(t.text.toUpperCase())) continue;
    const up = t.text.toUpperCase();
    // One letter read twice, in either case (`UuwMC`, `uwmMC` for UWMC): the acronym with that letter doubled.
    const doubled = (letters: string) => letters.length >= 4 && up.length === letters.length + 1 && Array.from(letters, (_, k) => letters.slice(0, k + 1) + letters.slice(k)).includes(up);
    // Five letters or more in capitals with one misread (`MLAMC` for MLRMC in an italic face): no screen word is that close.
    const oneSlip = (letters: string) => letters.length >= 5 && up.length === letters.length && /^\p{Lu}+$/u.test(t.text) && Array.from(letters).filter((l, k) => l !== up[k]).length === 1;
    const acronym = m.acronyms.find((a) => (a.letters.length >= 3 && a.letters === up) || (/^\p{L}+$/u.test(t.text) && (doubled(a.letters) || oneSlip(a.letters) || isCompoundInitials(up, a.words))));
    if (acronym) hits.push({ begin: t.begin, end: t.end, category: acronym.category, type: `header:${acronym.source}:initials`, engine: 'local:header-value', score: 0.8, identity: true });
  }
  for (const ini of m.initials) {
    if (!text.includes(ini.literal)) continue;
    for (const x of matchesOf(ini.regex, text)) {
      hits.push({ begin: x.index, end: x.index + x[0].length, category: ini.category, type: `header:${ini.source}:initials`, engine: 'local:header-name', score: 0.7, identity: true });
    }
  }
  for (const d of m.dates) {
    if (!folded.includes(d.literal)) continue;
    for (const x of matchesOf(d.regex, folded)) {
      hits.push({ begin: x.index, end: x.index + x[0].length, category: 'C', type: `header:${d.source}`, engine: 'local:header-date', score: 1, identity: true });
    }
  }
  // The header's age over 89 alone on its line, without a unit (`91`, `091 F` in a left column of values): nothing else
  // is there for the number to count.
  const alone = /^\s*(0{0,2}\d{2,3})\s{0,3}(?:[MF]\s*)?$/u.exec(folded);
  const lone = alone && m.ages.find((a) => String(Number(alone[1])) === a.years);
  if (alone && lone) hits.push({ begin: alone.index + alone[0].indexOf(alone[1]), end: alone.index + alone[0].indexOf(alone[1]) + alone[1].length, category: 'C', type: `header:${lone.source}`, engine: 'local:header-value', score: 0.8, identity: true });
  for (const a of m.ages) {
    if (!folded.includes(a.literal)) continue;
    for (const x of matchesOf(a.regex, folded)) {
      hits.push({ begin: x.index, end: x.index + x[0].length, category: 'C', type: `header:${a.source}`, engine: 'local:header-value', score: 0.9, identity: true, exact: true });
    }
  }
  // A header value cut short by its field, the whole line (`ECHE` for Echeverria Norte Clinic).
  const line = /\S(?:.*\S)?/u.exec(text);
  const head = line && !keep.has(line[0].toUpperCase()) ? m.heads.find((h) => isValueHead(line[0], h)) : undefined;
  if (line && head) hits.push({ begin: line.index, end: line.index + line[0].length, category: head.category, type: `header:${head.source}:head`, engine: 'local:header-value', score: 0.8, identity: true, exact: true });
  // An age over 89 bare after the patient's name (`KOWALSKI J  97`): the name says what the number counts.
  const patientNames = hits.filter((h) => h.engine === 'local:header-name' && PATIENT_NAME_TYPE.test(h.type));
  for (const a of agesAfterNames(text, folded, patientNames, m.ages.map((x) => x.years))) {
    const header = a.header ? m.ages.find((x) => x.years === String(Number(folded.slice(a.begin, a.end)))) : undefined;
    hits.push({ begin: a.begin, end: a.end, category: 'C', type: header ? `header:${header.source}` : 'AGE', engine: header ? 'local:header-value' : 'local:context', score: 0.9, identity: true, exact: true });
  }
  for (const d of m.monthDays) {
    if (!folded.includes(d.literal)) continue;
    for (const x of matchesOf(d.regex, folded)) {
      hits.push({ begin: x.index, end: x.index + x[0].length, category: 'C', type: `header:${d.source}:month-day`, engine: 'local:header-date', score: 0.8, identity: true, exact: true });
    }
  }
  hits.push(...fuzzyDateHits(text, m));
  if (m.compacts.length > 0) {
    const c = compact(text);
    for (const id of m.compacts) {
      let from = 0;
      for (;;) {
        const at = c.value.indexOf(id.folded, from);
        if (at < 0) break;
        from = at + 1;
        const begin = c.offsets[at];
        const end = c.offsets[at + id.folded.length - 1] + 1;
        // Only whole tokens: `12345` inside `9912345` is another number.
        if (/[\p{L}\p{N}]/u.test(text[begin - 1] ?? '') || /[\p{L}\p{N}]/u.test(text[end] ?? '')) continue;
        hits.push({ begin, end, category: id.category, type: `header:${id.source}`, engine: 'local:header-value', score: 1, identity: true });
      }
    }
  }
  return hits;
}

/** The types of hits on the patient's own name (not a physician's): an age after it is the patient's. */
const PATIENT_NAME_TYPE = /^header:(?:PatientName|PatientBirthName|OtherPatientNames)(?::|$)/;

/**
 * Labels that say an identifier follows, with the value's category and its usual length in characters.
 * Unambiguous labels stand alone; words that also start harmless lines (`Patient Position`) need a colon.
 * `digits`: the label is a common word that also names harmless things (`Exam`, `Case`, `Study#`), so
 * its value counts only when it holds digits (an identifier read with slips, `A3D526F`). `whole`: the
 * value runs over keep-list words too (`12 Main St` is an address, not a slice thickness).
 */
interface ValueLabel {
  regex: RegExp;
  category: SafeHarborCategory;
  chars: number;
  digits?: boolean;
  whole?: boolean;
  staff?: boolean;
}
const valueLabels = (staffRoles: readonly string[]): ValueLabel[] => [
  { regex: /(?<![\p{L}\p{N}])(?:DOB|D\.\s?O\.\s?B\.?|DATE\s{0,2}OF\s{0,2}BIRTH|BIRTH\s{0,2}DATE|BIRTHDATE|BORN|(?:BIRTH|BD|GEB)\s{0,2}[:#])\s{0,3}[:#.]?/gu, category: 'C', chars: 10 },
  // `Birth 14JUN1984`, `Geb. 25.10.1986`, `DDN: …`, `b. …`: words that also start other lines, so a date-like value (digits) must follow.
  { regex: /(?<![\p{L}\p{N}])(?:BIRTH|GEB(?:OREN|URTSDATUM)?|GEB\.|DDN|NAISS(?:ANCE)?|NAC(?:IMIENTO)?|B\.?\s?D\.|B[:.])(?![\p{L}\p{N}])\s{0,3}[:#.]?/gu, category: 'C', chars: 10, digits: true },
  { regex: /(?<![\p{L}\p{N}])(?:MRN|MR\s?#|PID|PAT(?:IENT)?\s{0,2}ID|PT\s{0,2}ID|ACC(?:ESSION)?\s{0,2}(?:#|NO\.?|NUMBER)|(?:ACC|ACCESSION|CHART)\s{0,2}:)\s{0,3}[:#.]?/gu, category: 'H', chars: 9 },
  {
    // `Pat#`, `Unit No:`, `KIS-Nr:`, `Exam No.`, `RIS#`, `Case`, `HN:`: a word that names a record, with or without a number sign.
    regex: /(?<![\p{L}\p{N}])(?:(?:PAT(?:IENT)?|PT|P|CHART|UNIT|CASE|REC(?:ORD)?|MED(?:ICAL)?\.?\s?REC(?:ORD)?|URN?|NHS|HCN|EXAM|STUDY|VISIT|ORDER|ORD|REQ(?:UEST)?|RIS|KIS|HIS|HOSP|REG|ACC|ACCT|ACCOUNT|ENC(?:OUNTER)?|ADM(?:ISSION)?|EPI(?:SODE)?|FILE|MEMBER|SUBJ(?:ECT)?|FALL|DOSSIER|A)\s?[.-]?\s?(?:#|NO\.?|NR\.?|NUM(?:BER)?\.?|ID)|(?:CASE|EXAM|STUDY|VISIT|ORD|ORDER|EPI|HN|IPP|ACN|ACCN|NHS|URN|PT|PAT)\s{0,2}[:.#]|(?:IPP|ACN|ACCN|HN|URN|CASE|EXAM|ORDER)(?=[\s:#.]))(?![\p{L}\p{N}])\s{0,3}[:#.]?/gu,
    category: 'H',
    chars: 9,
    digits: true,
  },
  // `No. 40917733`, `Nr. …` opening a line; after a word they count that word's things (`Image No. 0045`).
  { regex: /(?<![\p{L}\p{N}][^\p{L}\p{N}]{0,3})(?<![\p{L}\p{N}])(?:NO|NR)\s{0,2}[:.#]\s{0,3}/gu, category: 'H', chars: 9, digits: true },
  { regex: /(?<![\p{L}\p{N}])(?:PATIENT|PT|PAT|NOM|(?:PATIENT\s{0,2})?NAME)\s{0,2}:/gu, category: 'A', chars: 14 },
  // A person of the staff after a role cue (`Ref. Phys: NETTLETC "9d`, `Attg: MARGUERITE VOSS`, `Read by T. Okonkwo`; the cues
  // are the rules' `staff_roles`): a name the header need not hold, so the rest of it fails closed however OCR read it.
  { regex: staffCue(staffRoles), category: 'A', chars: 14, staff: true },
  { regex: /(?<![\p{L}\p{N}])(?:INST(?:ITUTION)?|HOSPITAL|HOSP|FACILITY)\s{0,2}:/gu, category: 'B', chars: 16 },
  // A street address (`Address: 979 Wexford Lane, Millbrook NY`), however OCR read its words.
  // …and a form's street field (`Street: 14 Larkspur Crescent`, `StraBe: Lindenweg 4` read of Straße).
  { regex: /(?<![\p{L}\p{N}])(?:(?:(?:HOME|PATIENT|PT|STREET|MAILING)\s{0,2})?(?:ADDRESS|ADDR|ADR|ADRESSE|ANSCHRIFT|DOMICILE)\s{0,2}[:.]?|(?:STREET|STRASSE|STRABE|STR|RUE|CALLE|STRAAT|ULICA)\.?\s{0,2}:)/gu, category: 'B', chars: 24, whole: true },
  // A form's other fields of a place, a mailbox or a person who is not staff (`City: Chennai`, `E-mail: r.ade…©mail…` with
  // its @ misread, `Interpreter: <name>`, `Next of kin: <name>`): the value fails closed however OCR read it.
  // Fields joined under one label too (`PLZ/Ort:`, `Town/Postcode:`, `CP/Ville:`).
  { regex: new RegExp(`(?<![\\p{L}\\p{N}])(?:${PLACE_FIELD})(?:\\s{0,2}[/&+,]\\s{0,2}(?:${PLACE_FIELD}|${POSTCODE_FIELD}))*\\s{0,2}:|(?<![\\p{L}\\p{N}])(?:${POSTCODE_FIELD})\\s{0,2}[/&+,]\\s{0,2}(?:${PLACE_FIELD})\\s{0,2}:`, 'gu'), category: 'B', chars: 16, whole: true },
  // A postcode under a short label that also names other things (`CP: 35210`, `PIN: 600018`): digits must follow.
  { regex: new RegExp(`(?<![\\p{L}\\p{N}])(?:${POSTCODE_FIELD})\\s{0,2}:`, 'gu'), category: 'B', chars: 8, digits: true },
  { regex: /(?<![\p{L}\p{N}])(?:E\s?-?\s?MAIL|COURRIEL|CORREO)\s{0,2}:/gu, category: 'F', chars: 24, whole: true },
  { regex: /(?<![\p{L}\p{N}])(?:INTERPRETER|TRANSLATOR|NEXT\s{1,2}OF\s{1,2}KIN|NOK|(?:EMERGENCY\s{1,2})?CONTACT|GUARDIAN|SPOUSE)\s{0,2}:/gu, category: 'A', chars: 14 },
];

/** Labels of a form's town and postcode fields (upper case), in several languages (`Town`, `PLZ`, `Ort`, `Ville`, `Woonplaats`). */
const PLACE_FIELD = 'CITY|TOWN|POST\\s?CODE|POSTAL\\s{1,2}CODE|ZIP(?:\\s{0,2}CODE)?|COUNTY|PLZ|ORT|WOHNORT|POSTLEITZAHL|VILLE|LOCALIT[EÉ]|CODE\\s{1,2}POSTAL|STADT|CIUDAD|C[OÓ]DIGO\\s{1,2}POSTAL|CITT[AÀ]|COMUNE|WOONPLAATS|POSTNUMMER|MIASTO|KOD\\s{1,2}POCZTOWY|SUBURB|PIN\\s?CODE';
/** Short labels of a postcode field that also name other things alone (`CP`, `CAP`, `PIN`, `NPA`, `PSC`). */
const POSTCODE_FIELD = 'CP|CAP|PIN|NPA|PSC';

/**
 * Fail closed on labelled lines: after a label that says an identifier follows (`DOB:`, `MRN`,
 * `Patient:`), the value is PHI even when OCR could not read it (`DOB: ©` for a birth date in a 9 px
 * font). The hit runs from the label's end over the words of the same run (up to a gap wider than two
 * glyph heights, except before the value's first word: screens pad labels to a column); a value read
 * short, or not at all, grows by the characters it lacks. Harmless annotation after a label (all
 * keep-list words or numbers with units) is left alone, and an identifier's or a date's value ends at a
 * clinical word (`isClinical`: the next column, `P-ID 99087593    THYROID`).
 */
function labelValueHits(st: SpanText, labels: readonly ValueLabel[], isKept: (text: string) => boolean, isClinical: (word: string) => boolean): Hit[] {
  const upper = st.text.toUpperCase();
  // Labels read with a letter as its digit look-alike (`D0B`, `5TUDY#`, `PAT1ENT:`): words mostly of letters get their letters back.
  const lettered = upper.replace(/[\p{L}\p{N}]+/gu, (w) => (digitCount(w) * 2 < w.length ? w.replace(/[0158]/g, (d) => DIGIT_LETTERS[d]) : w));
  const hits: Hit[] = [];
  const taken: Array<[number, number]> = [];
  for (const label of labels) {
    for (const m of [...matchesOf(label.regex, upper), ...(lettered === upper ? [] : matchesOf(label.regex, lettered))]) {
      const labelEnd = m.index + m[0].length;
      // A label inside another label's value or label (`PT` of `Pt ID`) adds nothing.
      if (taken.some(([b, e]) => m.index >= b && m.index < e)) continue;
      // The words after the label, up to a column gap or a harmless word (`W:400`, `cm`) that starts another field.
      let end = st.words.length > 0 ? labelEnd : ageAfter(upper, labelEnd);
      let previous = st.words.find((w) => w.begin < labelEnd && w.end >= labelEnd - 1)?.word.box;
      let harmlessFirst = false;
      let previousText: string | undefined;
      for (const w of st.words) {
        if (w.end <= labelEnd) continue;
        const first = end === labelEnd;
        if (previous && w.word.box.left - (previous.left + previous.width) > (first ? LABEL_COLUMN_GAP : 2) * Math.max(previous.height, w.word.box.height)) break;
        // A title opening a name (`Referring: Dr ALAN …`) is part of it, though `DR` alone is also a keep-list word.
        const title = first && label.category === 'A' && NAME_PARTS_IGNORED.has(w.word.text.toUpperCase().replace(/\./g, ''));
        // An initial after a staff name's first word (`Lindqvist A`), though a letter alone is also a keep-list word (a view).
        const initial = !first && label.staff && /^\p{L}\.?$/u.test(w.word.text);
        if (!label.whole && !title && !initial && /\p{L}/u.test(w.word.text) && isKept(w.word.text)) {
          // One letter is a keep-list word too (`F`, `L`), but after a staff cue more likely what OCR kept of a name.
          harmlessFirst = first && /\p{L}{2}/u.test(w.word.text);
          break;
        }
        // An age of 89 or under after a value is the next field (`DOB: 27-07-1944 72 yrs M`): Safe Harbor keeps it.
        if (!first && HARMLESS_AGE.test(upper.slice(w.begin))) break;
        // A clock time after a date's value is the next field (`DOB: 12 MAR 1931 10:34`): no element of the date.
        if (!first && label.category === 'C' && CLOCK_TIME.test(w.word.text)) break;
        // A clinical word after an identifier's or a date's value starts another column (`P-ID 99087593    THYROID`).
        if (!first && (label.category === 'H' || label.category === 'C') && /^\p{L}{4,}$/u.test(w.word.text) && isClinical(w.word.text)) break;
        // A staff name ends at the next label on its line (`Read by: T. Okonkwo  Tech: JS`).
        if (!first && label.staff && /[:;]$/.test(w.word.text)) break;
        // A separator standing alone ends the value: another field follows on the row (`Ord: 5521987 / Ex 3`). A slash or a
        // dash may join a name's parts or a date's or an ID's groups (`03 / 04 / 1931`, `123 - 4567`), so only a bar or a
        // bullet does after a name cue or a short group; after a group of four characters or more, a slash or a dash too.
        const whole = (previousText ?? '').replace(/[^\p{L}\p{N}]/gu, '').length >= 4;
        if (!first && (label.category !== 'A' && whole ? FIELD_SEPARATOR : FIELD_BAR).test(w.word.text)) break;
        end = w.end;
        previous = w.word.box;
        previousText = w.word.text;
      }
      const value = st.text.slice(labelEnd, end).trim();
      // An identifier is four characters or more, two of them digits (`Exam 2 of 3`, `Case 12` are counts).
      const head = (value.split(/\s+/)[0] ?? '').replace(/[^\p{L}\p{N}]/gu, '');
      if (label.digits && (digitCount(head) < 2 || head.length < 4)) continue;
      // A staff cue before harmless annotation (`Sonographer: ABDOMEN COMPLETE`, `Reported by: CT CHEST`) holds no name to fail closed on.
      if (label.staff && value === '' && harmlessFirst) continue;
      // After a staff cue, clinical words (`Tech: LOW DOSE`), a word naming no one (`Resident: none`) or a number (`Requested: 14:22`) are no name.
      if (label.staff && value !== '' && (!/\p{L}/u.test(value) || namesNoOne(value, isClinical))) continue;
      // An ID label's digits are its value, never harmless numbers.
      if (value !== '' && !label.whole && isKept(value) && !(label.category === 'H' && /\d/.test(value))) continue;
      // A label and value kept together (a keep-list entry such as `CASE-1234`).
      if (value !== '' && isKept(st.text.slice(m.index, end))) continue;
      const read = value.replace(/[^\p{L}\p{N}]/gu, '').length;
      // A label read with almost no confidence and no value after it (`pid,` read at 18 in ultrasound speckle) is texture, as a
      // header value so matched is: it does not fail closed on its own.
      if (read === 0 && meanConfidence(st, { begin: m.index, end: labelEnd }) < MIN_FUZZY_CONFIDENCE) continue;
      const extend = read * 2 < label.chars ? label.chars - read : 0;
      // No value read at all: the label's own box carries the hit and grows over where the value is.
      const begin = value === '' ? m.index : labelEnd + st.text.slice(labelEnd).search(/\S/);
      taken.push([m.index, Math.max(labelEnd, end)]);
      hits.push({ begin, end: value === '' ? labelEnd : end, category: label.category, type: 'LABELLED_VALUE', engine: 'local:label', score: 0.7, identity: false, strong: true, ...(extend ? { extend } : {}) });
    }
  }
  return hits;
}

/**
 * True when the words of a value after a name cue are all clinical vocabulary or words naming no one
 * (`LOW DOSE`, `ABDOMEN COMPLETE`, `none`). Words of two letters or more count; initials say nothing.
 */
function namesNoOne(value: string, isClinical: (word: string) => boolean): boolean {
  const words = value.match(/\p{L}[\p{L}'’/-]*\p{L}/gu) ?? [];
  return words.length > 0 && words.every((w) => isClinical(w) || NO_ONE.has(w.toUpperCase()));
}

/** Widest gap (in the taller word's box heights) between two words of one shape-pattern match: wider, a column gap. */
const PATTERN_COLUMN_GAP = 1.2;

/**
 * A shape pattern's hit (`h`, a name after a cue, a phone number; not a date) ended before a column gap, or a bar or a
 * bullet standing alone, between two of its words (a slash or a dash may be a date's): the regex sees one space where
 * the screen prints a column (`Dr QUAYLE, Noel     GAIN 51` is no three-word name). Header values and labelled
 * values are judged elsewhere.
 */
function endAtColumn(st: SpanText, h: Hit): Hit {
  // A date's groups may stand two spaces apart in a fixed-width face (`Jan  3 2019`): dates run on.
  if (h.category === 'C') return h;
  const words = st.words.filter((w) => w.begin < h.end && w.end > h.begin);
  for (let i = 1; i < words.length; i++) {
    const [a, b] = [words[i - 1].word.box, words[i].word.box];
    const gap = b.left - (a.left + a.width);
    if (gap > PATTERN_COLUMN_GAP * Math.max(a.height, b.height) || FIELD_BAR.test(words[i].word.text)) return words[i - 1].end > h.begin ? { ...h, end: Math.min(h.end, words[i - 1].end) } : h;
  }
  return h;
}

/** A word that is a bar or a bullet alone: screens print one between two fields of a row. */
const FIELD_BAR = /^[|¦‖•·]$/u;
/** …or a slash or a dash alone. */
const FIELD_SEPARATOR = /^[|¦‖•·/\\–—-]$/u;

/** The letters OCR reads as digits in small text, back from the digit. */
const DIGIT_LETTERS: Record<string, string> = { '0': 'O', '1': 'I', '5': 'S', '8': 'B' };

/** An age of 89 or under at the start of the text ({@link SCREEN_AGE_SOURCE}): the value of a label before it ends there. */
const HARMLESS_AGE = new RegExp(`^(?:${SCREEN_AGE_SOURCE})(?![\\p{L}\\p{N}+/.])`, 'u');
/** A word that is a clock time (`10:34`, `10:34:47`), over upper-case text. */
const CLOCK_TIME = new RegExp(`^${CLOCK_TIME_SOURCE}(?![\\p{L}\\p{N}])`, 'u');

/** Where a value read without word boxes ends: before an age of 89 or under after its first word ({@link HARMLESS_AGE}), else at the text's end. */
function ageAfter(upper: string, from: number): number {
  for (const m of upper.slice(from).matchAll(/(?<=\S)\s+/g)) if (HARMLESS_AGE.test(upper.slice(from + m.index + m[0].length))) return from + m.index;
  return upper.length;
}

/** How far (in glyph heights) a label's value may start from it: labels padded to a column (`Name:      DOE`). */
const LABEL_COLUMN_GAP = 8;

/**
 * A header date's year standing alone (`2016 14:22` under `October 10,`: a date OCR read as two
 * lines). Generic on its own, so the caller keeps it only beside a line holding the rest of a header date.
 */
function yearHits(text: string, m: IdentityMatchers): Hit[] {
  const hits: Hit[] = [];
  for (const t of tokenize(text)) {
    const year = m.years.find((y) => y.year === foldOcr(t.text));
    if (year) hits.push({ begin: t.begin, end: t.end, category: 'C', type: `header:${year.source}:year`, engine: 'local:header-date', score: 0.6, identity: true });
  }
  return hits;
}

/**
 * Runs of a free-text value's words ("Medical Center" of "Saint Aldric Medical Center"), in the forms
 * screens use: each word whole, misread (OCR slips), abbreviated (`St.`, `Med`, `Ctr`, `Rgnl`), or a
 * pair of words as their initials (`MC`). Two words or more anywhere, or one word that is a whole line
 * and no keep-list word. Generic on their own, so the caller keeps them only beside a line that holds
 * a distinctive part of the same value.
 */
function phraseHits(text: string, m: IdentityMatchers, keep: Set<string>): Hit[] {
  const hits: Hit[] = [];
  const tokens = tokenize(text);
  const foldedTokens = tokens.map((t) => foldOcr(t.text));
  const tokenTexts = tokens.map((t) => t.text);
  // A word continuing a run already matched may have more OCR slips (speckle touching its glyphs):
  // two for words of six letters, three from seven.
  const same = (a: string, b: string, continuing: boolean) => {
    if (a === b) return true;
    const max = b.length < 6 ? 0 : !continuing ? 1 : b.length >= 7 ? 3 : 2;
    return max > 0 && editDistance(a, b, max) <= max;
  };
  for (const phrase of m.phrases) {
    for (let i = 0; i < tokens.length; i++) {
      let best = 0;
      let extend = 0;
      let extendBefore = 0;
      let exact = false;
      for (let k = 0; k < phrase.words.length; k++) {
        const run = matchRun(foldedTokens, tokenTexts, i, phrase.words, k, same);
        let n = run.tokens;
        let cut = 0;
        // The last word of a line continuing the run may be cut short (`Northgate Imag` for `Northgate Imaging`).
        const next = phrase.words[run.words];
        const last = foldedTokens[i + n];
        // After two words of the run, two letters are enough (`Brisco County Community Ho`).
        // From three letters after two words, one of them misread (`Ambervale Regional Ned` for `… Medical`).
        const cutShort = () => last.length < next.length && (next.startsWith(last) || (n >= 2 && last.length >= 3 && editDistance(last, next.slice(0, last.length), 1) <= 1));
        if (n > 0 && i + n === tokens.length - 1 && next && last.length >= (n >= 2 ? 2 : 3) && cutShort()) {
          cut = next.length - last.length;
          n++;
        }
        // A fuzzy match shorter than the header word lost characters too.
        if (!cut && n > 1 && i + n - 1 === tokens.length - 1 && run.lastFuzzy) cut = Math.max(0, run.lastWord.length - foldedTokens[i + n - 1].length);
        if (n > best) {
          best = n;
          extend = cut;
          // The box grows left over the head OCR lost of the line's first word.
          extendBefore = run.lostHead;
          exact = run.exact && cut === 0 && run.tokens === n;
        }
      }
      // Two capitals alone on a line are initials (`MC` under `St. Aldric`), not a word cut short.
      const lone = tokens[0]?.text ?? '';
      const alone = best === 1 && tokens.length === 1 && (lone.length >= 3 || /^\p{Lu}{2}$/u.test(lone)) && !keep.has(lone.toUpperCase()) && !isStopWord(lone);
      // A run of function words only ("of the", "and") says nothing about whose institution it is.
      const onlyStopWords = tokens.slice(i, i + best).every((t) => isStopWord(t.text));
      if ((best >= 2 || alone) && !onlyStopWords) {
        hits.push({ begin: tokens[i].begin, end: tokens[i + best - 1].end, category: phrase.category, type: `header:${phrase.source}`, engine: 'local:header-phrase', score: 0.8, identity: true, ...(exact ? { exact } : {}), ...(extend ? { extend } : {}), ...(extendBefore ? { extendBefore } : {}) });
        i += best - 1;
      }
    }
  }
  return hits;
}

/**
 * How many tokens from `i` match the words of a value from `k` on, each token a word (`same`), an
 * abbreviation of it, the initials of two to four consecutive words (`MC`, `UH`), or, inside a run,
 * a one-letter initial (`U.`). Returns the tokens and words used, and the last word matched.
 */
function matchRun(
  tokens: string[],
  original: string[],
  i: number,
  words: string[],
  k: number,
  same: (a: string, b: string, continuing: boolean) => boolean,
): { tokens: number; words: number; lastWord: string; lastFuzzy: boolean; lostHead: number; exact: boolean } {
  let t = i;
  let w = k;
  let lastWord = '';
  let lastFuzzy = false;
  let lostHead = 0;
  let exact = true;
  while (t < tokens.length && w < words.length) {
    const token = tokens[t];
    const continuing = t > i;
    let used = 0;
    let fuzzy = false;
    // Inside a run, screens drop words of the value (`Graylock Hosp` for Graylock Valley University Hospital): up to two are skipped.
    let skip = 0;
    for (; skip <= (continuing ? 2 : 0) && w + skip < words.length && !used; skip++) {
      const word = words[w + skip];
      if (same(token, word, continuing)) {
        used = 1;
        fuzzy = token !== word;
      } else if (t === 0 && token.length >= 4 && token.length >= 0.6 * word.length && token.length < word.length && cutMatch(token, word, 'head')) {
        // The line's first word lost its head where OCR's reading began (`ERBEND CMTY` for `RIVERBEND CMTY`).
        used = 1;
        lostHead = word.length - token.length;
      } else if (t === 0 && t + 1 < tokens.length && /^\p{L}{2,}$/u.test(original[t]) && token.length < word.length && word.endsWith(token)) {
        // A word OCR read as two lines (`Ambervale Regional Ned` and `al Center`), or whose head it lost (`Le Hol` for
        // `Maple Hollow`): its tail opens the line, the run goes on.
        used = 1;
        lostHead = word.length - token.length;
      } else if (/^\p{L}+$/u.test(original[t]) && isAbbreviationOf(token, word) && (token.length >= 3 || continuing || t + 1 < tokens.length)) used = 1;
      // Inside a run, a two-letter head of the word (`Brisco Co Comm Hosp` for Brisco County Community Hospital).
      else if (continuing && /^\p{L}{2}$/u.test(original[t]) && word.startsWith(token)) used = 1;
      // Inside a run, an abbreviation with one character misread or added (`Hasp` for Hosp, `Cnty` for Cntr).
      else if (continuing && token.length >= 4 && /^\p{L}+$/u.test(original[t]) && Array.from({ length: token.length }, (_, c) => token.slice(0, c) + token.slice(c + 1)).some((shorter) => isAbbreviationOf(shorter, word))) used = 1;
      else if (/^\p{Lu}{2,4}$/u.test(original[t]) && w + skip + token.length <= words.length && initialsOf(words.slice(w + skip, w + skip + token.length)) === token) used = token.length;
      // A one-letter initial (`U. Hosp.`) counts inside a run or opening one that goes on.
      else if ((continuing || t + 1 < tokens.length) && /^\p{L}$/u.test(original[t]) && word[0] === token) used = 1;
    }
    if (!used) break;
    if (fuzzy || words[w + skip - 1] !== token) exact = false;
    w += skip - 1;
    lastWord = words[w + used - 1];
    lastFuzzy = fuzzy;
    t++;
    w += used;
  }
  return { tokens: t - i, words: w, lastWord, lastFuzzy, lostHead, exact };
}

/** Joins hits of the same kind that overlap or touch (only spaces or punctuation between). */
function mergeHits(hits: Hit[], text: string): Hit[] {
  const sorted = [...hits].sort((a, b) => a.begin - b.begin || b.end - a.end);
  const out: Hit[] = [];
  for (const h of sorted) {
    // Hits are sorted by start: only the last few can touch this one (keeps long texts linear).
    const recent = out.slice(-16);
    const same = recent.find(
      (o) => o.category === h.category && o.engine === h.engine && h.begin <= o.end + 3 && /^[\s,^.;:/-]*$/.test(text.slice(o.end, Math.max(o.end, h.begin))),
    );
    if (same) {
      if (h.end >= same.end) same.extend = h.extend;
      same.end = Math.max(same.end, h.end);
      same.score = Math.max(same.score, h.score);
      if (same.type !== h.type) same.type = same.type.startsWith('header:') ? same.type : h.type;
      continue;
    }
    if (recent.some((o) => o.begin <= h.begin && o.end >= h.end && o.score >= h.score)) continue;
    out.push({ ...h });
  }
  return out;
}

/**
 * A short token squeezed between two PHI hits on one line (a sex marker `[M]`, an age `45Y`) is part
 * of the identity block: flag it too, unless it is harmless annotation.
 */
/** Name and date blocks, where a sex or age marker often sits between the parts. */
const IDENTITY_BLOCK = new Set<SafeHarborCategory>(['A', 'C']);

function bridges(hits: Hit[], text: string, isKept: (t: string) => boolean): Hit[] {
  const sorted = [...hits].sort((a, b) => a.begin - b.begin);
  const out: Hit[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    if (b.begin <= a.end || !IDENTITY_BLOCK.has(a.category) || !IDENTITY_BLOCK.has(b.category)) continue;
    const gap = text.slice(a.end, b.begin);
    const tokens = tokenize(gap);
    const bracketed = /^\s*[([{<].*[)\]}>]\s*$/.test(gap);
    if (tokens.length !== 1 || tokens[0].text.length > 3 || /^\p{Ll}+$/u.test(tokens[0].text) || (!bracketed && isKept(tokens[0].text))) continue;
    if (!/^[\s([{<]*[\p{L}\p{N}]+[\s)\]}>,]*$/u.test(gap)) continue;
    const begin = a.end + gap.search(/\S/);
    const end = a.end + gap.trimEnd().length;
    out.push({ begin, end, category: 'R', type: 'between-phi', engine: 'local:context', score: 0.5, identity: false });
  }
  return out;
}

function toFinding(h: Hit, st: SpanText): PhiFinding {
  const finding: PhiFinding = {
    text: st.text.slice(h.begin, h.end),
    category: h.category,
    score: h.score,
    type: h.type,
    engine: h.engine,
    begin: h.begin,
    end: h.end,
  };
  Object.assign(finding, findingPlace(st, h.begin, h.end));
  const lastWord = [...st.words].reverse().find((w) => w.begin < h.end && w.end > h.begin);
  if (h.extend && finding.box && lastWord) {
    finding.box.width += Math.ceil((lastWord.word.box.width / Math.max(1, lastWord.word.text.length)) * h.extend);
    // Never over the next word read on the line (another column).
    const next = st.words.find((w) => w.begin >= h.end && w.word.box.left > lastWord.word.box.left);
    if (next) finding.box.width = Math.max(lastWord.word.box.left + lastWord.word.box.width - finding.box.left, Math.min(finding.box.width, next.word.box.left - 2 - finding.box.left));
  }
  const firstWord = st.words.find((w) => w.begin < h.end && w.end > h.begin);
  if (h.extendBefore && finding.box && firstWord) {
    const grow = Math.min(finding.box.left, Math.ceil((firstWord.word.box.width / Math.max(1, firstWord.word.text.length)) * h.extendBefore));
    finding.box.left -= grow;
    finding.box.width += grow;
  }
  return finding;
}
