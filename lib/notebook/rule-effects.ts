import { createHash } from 'node:crypto';
import type { DicomDataset, DicomElement } from '../dicom/dataset.js';
import { cloneDataset } from '../dicom/adapter.js';
import { formatTag, keywordOf, personNameToString, vrOf } from '../dicom/elements.js';
import type { Note } from '../message.js';
import { deidentifyDataset } from '../metadata/deidentify.js';
import type { Rules, TagRule } from '../rules/types.js';
import type { StateStore } from '../state/store.js';

/** What a `dicom_tags` entry does to a value once the profile options apply. */
export interface RuleEffect {
  /** The entry's own action (the Table E.1-1 column). */
  tableAction: string;
  /** The action actually taken: after the profile options (date policy, retain options) and the VR. */
  action: string;
  /** The rule that decided, when not this entry (a rule kind earlier in the precedence). */
  decidedBy?: string;
  /** A sample value of the element's VR (made up, no PHI) and what became of it (`undefined`: removed). */
  before: string;
  after: string | undefined;
  /** In words: `removed`, `emptied`, `kept`, `20240315 → 20240101`, … */
  text: string;
  /** The action and the text, and the table action when the profile changed it: `C 20240315 → 20240101 (table: Z)`. */
  summary: string;
}

/** Made-up values per VR, to show what an action does. */
const SAMPLES: Record<string, unknown> = {
  DA: '20240315',
  DT: '20240315101500',
  TM: '101500',
  PN: { Alphabetic: 'Doe^Jane' },
  UI: '1.2.826.0.1.3680043.8.498.1234567',
  AS: '045Y',
  CS: 'SAMPLE',
  AE: 'WS-DOE',
  UR: 'https://example.org/records?patient=12345',
  IS: '12',
  DS: '1.5',
  US: 7,
  SS: 7,
  UL: 7,
  SL: 7,
  FL: 7,
  FD: 7,
};
/** The sample patient: free text and IDs below name her, so cleaning has something to find. */
const SAMPLE_PATIENT = { '00100010': { vr: 'PN', Value: [{ Alphabetic: 'Doe^Jane' }] }, '00100020': { vr: 'LO', Value: ['DOE12345'] } };
/** Sample text by what the element's keyword says it holds: an ID, free text, or a name. */
const TEXT_SAMPLES: Array<[RegExp, string]> = [
  [/(ID|Number|Numbers|Identifier)$/, 'DOE12345'],
  [/(Description|Comments?|Diagnos[ie]s|History|Reason|Note|Notes|Label|Text)/, 'CT chest of Jane Doe'],
];
const NAME_SAMPLE = 'Jane Doe';

function sampleElement(tag: string, vr: string): DicomElement {
  if (vr === 'SQ') return { vr, Value: [{ '00100010': { vr: 'PN', Value: [{ Alphabetic: 'Doe^Jane' }] } }] };
  if (['OB', 'OW', 'OD', 'OF', 'OL', 'OV', 'UN'].includes(vr)) return { vr, Value: [new ArrayBuffer(4)] };
  const keyword = keywordOf(tag) ?? '';
  return { vr, Value: [SAMPLES[vr] ?? TEXT_SAMPLES.find(([pattern]) => pattern.test(keyword))?.[1] ?? NAME_SAMPLE] };
}

/** Secondary Capture Image Storage: the most general image IOD. */
const SECONDARY_CAPTURE = '1.2.840.10008.5.1.4.1.1.7';

const short = (s: string) => (s.length > 24 ? `${s.slice(0, 23)}…` : s);

function shown(element: DicomElement | undefined): string | undefined {
  if (!element) return undefined;
  const values = element.Value ?? [];
  if (element.vr === 'SQ') return `${values.length} item(s)`;
  if (values.some((v) => v instanceof ArrayBuffer)) return '<binary>';
  return values.map((v) => (element.vr === 'PN' ? personNameToString(v) : String(v ?? ''))).join('\\');
}

/**
 * A state store that keeps nothing: made-up but consistent UIDs and pseudonyms, for showing what
 * the rules do to sample values (never for de-identifying files: it has no secret and saves nothing).
 */
function sampleState(): StateStore {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return {
    dir: '(in memory: sample values only)',
    mapUid: (uid) => `2.25.${BigInt(`0x${digest(uid).subarray(0, 16).toString('hex')}`)}`,
    pseudonymForPatient: (id) => `PAT-${digest(id).toString('hex').slice(0, 10).toUpperCase()}`,
    dateShiftDays: (key, max) => -(1 + (digest(key).readUInt32BE(0) % Math.max(1, max))),
    keyedHash: (text) => digest(text).toString('hex'),
    flush: () => {},
    uidMap: new Map(),
    patientIdMap: new Map(),
  };
}

/**
 * What a `dicom_tags` entry does to a value once the profile options apply: the metadata step is
 * run on a dataset of a made-up patient holding a made-up value of the element's VR, so the answer is what
 * de-identification really does (e.g. a Study Date whose table action is `Z` keeps its year under
 * `date_policy: year_only`: `C`, `20240315 → 20240101`). The element sits in an instance of
 * `options.sopClassUid` (default: Secondary Capture Image Storage), whose IOD decides what must stay.
 * Wildcard tags (`60XX3000`) are tried with `0` for each `X`.
 * @example nb.ruleEffect(rules.dicomTags.find((r) => r.tag === '00080020')!, rules).text // '20240315 → 20240101'
 */
export function ruleEffect(rule: TagRule, rules: Rules, options: { sopClassUid?: string } = {}): RuleEffect {
  const tag = rule.tag.replace(/X/g, '0');
  const vr = (vrOf(tag) ?? 'LO').slice(0, 2);
  // The IOD decides what must stay (a removed Type 1 attribute gets a dummy): a Secondary Capture image unless told.
  const sopClass = { '00080016': { vr: 'UI', Value: [options.sopClassUid ?? SECONDARY_CAPTURE] } };
  const original: DicomDataset = { meta: {}, dict: { ...sopClass, ...structuredClone(SAMPLE_PATIENT), [tag]: sampleElement(tag, vr) }, transferSyntaxUID: '1.2.840.10008.1.2.1' };
  const dataset = cloneDataset(original);
  const notes: Note[] = [];
  deidentifyDataset(dataset, original, { rules, state: sampleState(), now: () => new Date(Date.UTC(2025, 0, 1)) }, (note) => notes.push(note));
  // The last action on the element is the one that stands (a guard may follow the rule's own action).
  const note = notes.filter((n) => n.location === formatTag(tag) && n.action).at(-1);
  const before = shown(original.dict[tag])!;
  const after = shown(dataset.dict[tag]);
  const action = note?.action ?? 'K';
  const decidedBy = note && note.ruleId !== rule.id ? note.ruleId : undefined;
  const text =
    after === undefined ? 'removed'
    : after === '' || after === '0 item(s)' ? 'emptied'
    : vr === 'SQ' ? (action === 'C' || action === 'D' ? 'items kept, each element cleaned' : 'items kept, each element by its own rule')
    : after === before ? 'kept'
    : `${short(before)} → ${short(after)}`;
  const summary = `${action} ${text}${action === rule.action ? '' : ` (table: ${rule.action})`}`;
  return { tableAction: rule.action, action, ...(decidedBy ? { decidedBy } : {}), before, after, text, summary };
}
