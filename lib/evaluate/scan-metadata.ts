/**
 * The metadata evaluation proper: every string value of a de-identified dataset (sequences and
 * private blocks included) judged by a PHI detector, by the date and age rules of Safe Harbor, and
 * by a scan for the values known from the original file.
 */
import type { DicomDataset, DicomDict, DicomElement } from '../dicom/dataset.js';
import { formatTag, isPrivateCreator, isPrivateTag, keywordOf, nameOf, personNameToString, walkDataset } from '../dicom/elements.js';
import { NUMERIC_VRS } from '../dicom/vr.js';
import type { IdentityContext, PhiDetector, TextSpan } from '../engines/types.js';
import { CODED_ENTRY_TAGS } from '../rules/iod-types.js';
import { PROFILE_TABLE } from '../rules/profile-table.js';
import type { Rules } from '../rules/types.js';
import type { StateStore } from '../state/store.js';
import { knownValueMatcher } from './known-values.js';
import type { TagFinding } from './types.js';
import { WRITTEN_TAGS, writtenValues } from './written-values.js';

/** Options of {@link scanMetadata}. */
export interface ScanMetadataOptions {
  /** The evaluation detector (default: none; the step makes the local one). */
  phiDetector?: PhiDetector;
  /** Identity of the ORIGINAL file (gatherIdentity): its values are looked for (optional). */
  known?: IdentityContext;
  /** Rules used for de-identification: their placeholders and dummies are not leaks (optional). */
  rules?: Rules;
  /** State folder: pseudonyms and mapped UIDs are not leaks (optional). */
  state?: StateStore;
}

const BINARY_VRS = new Set(['OB', 'OW', 'OF', 'OD', 'OL', 'OV']);
const FREE_TEXT_VRS = new Set(['LT', 'ST', 'UT', 'UC']);

interface Value {
  path: string;
  tag: string;
  vr: string;
  index: number;
  text: string;
  creator?: string;
}

/** Collects the string values to judge, with their paths; values written by de-identification are left out. */
function collectValues(dataset: DicomDataset, options: ScanMetadataOptions): Value[] {
  const written = writtenValues(options.rules, options.state);
  const mapped = new Set(options.state ? [...options.state.uidMap.values()] : []);
  const out: Value[] = [];
  const visitDict = (dict: DicomDict) =>
    walkDataset(dict, ({ tag, element, path, parent }) => {
      if (WRITTEN_TAGS.has(tag)) return 'skip';
      // A coded entry names a concept of a coding scheme (`121071` is DCM "Finding"): codes are not IDs,
      // and redacting them would break every code sequence. Code Meaning is text and is judged.
      if (CODED_ENTRY_TAGS.has(tag) && path.includes('[')) return;
      if (element.vr === 'SQ' || isPrivateCreator(tag) || NUMERIC_VRS.has(element.vr) || BINARY_VRS.has(element.vr)) return;
      const creator = isPrivateTag(tag) ? creatorOf(parent, tag) : undefined;
      (element.Value ?? []).forEach((raw, index) => {
        const text = valueText(element, raw);
        if (text === undefined || text.trim() === '') return;
        // An original UID kept as is is a leak even when it looks like a mapped one.
        if (element.vr === 'UI' && !mapped.has(text.trim()) && options.known?.values.some((v) => v.value === text.trim())) {
          out.push({ path, tag, vr: element.vr, index, text, creator });
          return;
        }
        if (written.has(text, element.vr)) return;
        out.push({ path, tag, vr: element.vr, index, text, creator });
      });
    });
  visitDict(dataset.meta);
  visitDict(dataset.dict);
  return out;
}

function creatorOf(parent: DicomDict, tag: string): string | undefined {
  const element = Number.parseInt(tag.slice(4, 6), 16);
  const creatorTag = `${tag.slice(0, 4)}00${element.toString(16).padStart(2, '0').toUpperCase()}`;
  const v = parent[creatorTag]?.Value?.[0];
  return typeof v === 'string' ? v.trim() : undefined;
}

/** The value as text; UN bytes that are printable text are read as text (private data read without a dictionary). */
function valueText(element: DicomElement, raw: unknown): string | undefined {
  if (element.vr === 'PN') return personNameToString(raw);
  if (raw instanceof ArrayBuffer || ArrayBuffer.isView(raw)) {
    if (element.vr !== 'UN') return undefined;
    const bytes = raw instanceof ArrayBuffer ? new Uint8Array(raw) : new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
    const text = Buffer.from(bytes).toString('latin1').replace(/[\0 ]+$/, '');
    return text.length > 0 && /^[\x20-\x7e\t\r\n\xa0-\xff]+$/.test(text) ? text : undefined;
  }
  if (typeof raw === 'string' || typeof raw === 'number') return String(raw);
  return undefined;
}

const PROFILE_NAMES = new Map(PROFILE_TABLE.map(([tag, name]) => [tag.toUpperCase(), name]));

/** Keyword and readable name (Table E.1-1's name where it has one: `Other Patient IDs`). */
function describe(tag: string): { keyword: string; name: string } {
  const keyword = keywordOf(tag) ?? '';
  let name = PROFILE_NAMES.get(tag) ?? '';
  if (!name) {
    try {
      name = nameOf(tag);
    } catch {
      name = formatTag(tag);
    }
  }
  return { keyword, name };
}

const alnum = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();

/** Whether the PHI is the element's whole value (a tag rule fixes it) or a part of free text (a pattern does). */
function scopeOf(v: Value, begin: number, end: number): 'whole' | 'part' {
  const freeText = FREE_TEXT_VRS.has(v.vr) || (v.vr === 'LO' && v.text.trim().split(/\s+/).length >= 3);
  if (!freeText) return 'whole';
  return alnum(v.text.slice(begin, end)) === alnum(v.text) ? 'whole' : 'part';
}

/** Safe Harbor allows the year of a date and no more: a full date is a leak (unless dates are shifted by policy). */
function dateFinding(v: Value, rules?: Rules): Omit<TagFinding, 'path' | 'tag' | 'keyword' | 'name' | 'vr' | 'valueIndex' | 'scope'> | undefined {
  if (rules?.profile.datePolicy === 'shift') return undefined;
  const t = v.text.trim();
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(t);
  if (!m || `${m[2]}${m[3]}` === '0101' || t.startsWith('00010101')) return undefined;
  return { text: t, type: 'DATE', category: 'C', score: 0.9, engine: 'local:date-precision', begin: v.text.indexOf(t), end: v.text.indexOf(t) + t.length };
}

function ageFinding(v: Value): Omit<TagFinding, 'path' | 'tag' | 'keyword' | 'name' | 'vr' | 'valueIndex' | 'scope'> | undefined {
  const m = /^(\d{1,3})Y$/.exec(v.text.trim());
  if (!m || Number(m[1]) <= 89 || v.text.trim() === '090Y') return undefined;
  return { text: v.text.trim(), type: 'AGE', category: 'C', score: 0.95, engine: 'local:age-over-89', begin: 0, end: v.text.length };
}

/**
 * Scans a de-identified dataset (header and file meta) and returns its PHI findings, one per
 * detected span, overlapping hits in one value merged (known values win). Findings hold the text.
 *
 * @example const findings = await scanMetadata(reparsed, { phiDetector, known: gatherIdentity(original), rules, state });
 */
export async function scanMetadata(dataset: DicomDataset, options: ScanMetadataOptions = {}): Promise<TagFinding[]> {
  return scanValues(collectValues(dataset, options), options);
}

/**
 * {@link scanMetadata}, and the worded text it judged harmless: each description, comment or note in which
 * it found nothing. Learning tests its patterns against these, so a pattern that would take clinical text
 * the run kept is never proposed. A value holding a finding is left out whole, not only its findings: on
 * raw inputs such a value often holds more PHI than was found (a street address beside the name that was),
 * and a piece of it counted harmless would make learning drop what the address pattern needs (`PKWY`).
 * At most 500 values per dataset.
 *
 * @example const { findings, harmless } = await scanMetadataAndKept(reparsed, { phiDetector, known, rules, state });
 */
export async function scanMetadataAndKept(dataset: DicomDataset, options: ScanMetadataOptions = {}): Promise<{ findings: TagFinding[]; harmless: string[] }> {
  const values = collectValues(dataset, options);
  const findings = await scanValues(values, options);
  return { findings, harmless: harmlessWordedText(values, findings) };
}

/** The findings in the values collected from a dataset. */
async function scanValues(values: Value[], options: ScanMetadataOptions): Promise<TagFinding[]> {
  const known = knownValueMatcher(options.known);
  type Hit = Omit<TagFinding, 'path' | 'tag' | 'keyword' | 'name' | 'vr' | 'valueIndex' | 'scope'> & { begin: number; end: number; rank: number };
  const hits = new Map<number, Hit[]>();
  const push = (i: number, h: Hit) => hits.set(i, [...(hits.get(i) ?? []), h]);

  const spans: TextSpan[] = [];
  values.forEach((v, i) => {
    if (v.vr === 'DA' || v.vr === 'DT') {
      const d = dateFinding(v, options.rules);
      if (d) push(i, { ...d, begin: d.begin ?? 0, end: d.end ?? v.text.length, rank: 1 });
    } else if (v.vr === 'AS') {
      const a = ageFinding(v);
      if (a) push(i, { ...a, begin: 0, end: v.text.length, rank: 1 });
    } else if (v.vr !== 'UI' && v.vr !== 'TM') {
      spans.push({ text: v.vr === 'PN' ? v.text.replace(/\^+/g, ' ').trim() : v.text, location: String(i) });
    }
    if (v.vr === 'DA' || v.vr === 'DT') {
      if (/^\d{4}0101/.test(v.text.trim())) return; // the year-only form the policy writes
    }
    for (const k of known.find(v.text)) {
      push(i, { text: v.text.slice(k.begin, k.end), type: `known:${k.source}`, category: k.category, score: 1, engine: 'local:known-value', begin: k.begin, end: k.end, rank: 2 });
    }
  });

  if (options.phiDetector && spans.length > 0) {
    const findings = await options.phiDetector.detect(spans, { values: [] });
    for (const f of findings) {
      const i = Number(f.location);
      const v = values[i];
      if (!v || f.begin === undefined || f.end === undefined) continue;
      const text = v.text.slice(f.begin, f.end);
      // Header text keeps its case: a "name" with no capital letter (`Pt seen`) is a word, not a name.
      if (f.category === 'A' && f.engine.startsWith('local:pattern') && !/\p{Lu}/u.test(text)) continue;
      // PN values were judged with spaces for carets: same offsets, same length.
      push(i, { text: v.text.slice(f.begin, f.end), type: f.type, category: f.category, score: f.score, engine: f.engine, begin: f.begin, end: f.end, rank: 0 });
    }
  }

  const out: TagFinding[] = [];
  for (const [i, list] of [...hits].sort((a, b) => a[0] - b[0])) {
    const v = values[i];
    const { keyword, name } = describe(v.tag);
    for (const h of mergeHits(list)) {
      out.push({
        path: v.path,
        tag: v.tag,
        keyword,
        name,
        vr: v.vr,
        ...(v.creator ? { privateCreator: v.creator } : {}),
        valueIndex: v.index,
        text: h.text,
        scope: scopeOf(v, h.begin, h.end),
        type: h.type,
        category: h.category,
        score: h.score,
        engine: h.engine,
        begin: h.begin,
        end: h.end,
      });
    }
  }
  return out;
}

/** Value representations whose values are words people wrote (descriptions, comments, notes). */
const WORDED_VRS = new Set(['LO', 'SH', 'LT', 'ST', 'UT', 'UC']);
const MAX_HARMLESS_FRAGMENTS = 500;

/** The worded values in which no finding was made (see {@link scanMetadataAndKept}). */
function harmlessWordedText(values: readonly Value[], findings: readonly TagFinding[]): string[] {
  const withFindings = new Set(findings.map((f) => `${f.path}\u0000${f.valueIndex}`));
  const out = new Set<string>();
  for (const v of values) {
    if (!WORDED_VRS.has(v.vr) || out.size >= MAX_HARMLESS_FRAGMENTS || withFindings.has(`${v.path}\u0000${v.index}`)) continue;
    const t = v.text.replace(/\s+/g, ' ').trim();
    if (/\p{L}{2}/u.test(t)) out.add(t);
  }
  return [...out].slice(0, MAX_HARMLESS_FRAGMENTS);
}

/** Overlapping hits: the wider one stays; on a tie the better-ranked (known value, then rule, then detector). */
function mergeHits<T extends { begin: number; end: number; rank: number }>(hits: T[]): T[] {
  const sorted = [...hits].sort((a, b) => b.end - b.begin - (a.end - a.begin) || b.rank - a.rank);
  const kept: T[] = [];
  for (const h of sorted) if (!kept.some((k) => k.begin < h.end && h.begin < k.end)) kept.push(h);
  return kept.sort((a, b) => a.begin - b.begin);
}
