import { DEFAULT_CLINICAL_VOCABULARY } from '../text/clinical-words.js';
import { DEFAULT_KINSHIP_CUES } from '../text/kinship-words.js';
import { DEFAULT_STAFF_ROLES } from '../text/staff-words.js';
import { DEFAULT_ADDRESS_LABELS } from '../text/address-labels.js';
import { ACTION_CODES, resolveCompoundCode, type Action } from './actions.js';
import { PROFILE_TABLE, profileRowOptions } from './profile-table.js';
import { safeHarborFor } from './safe-harbor-map.js';
import { RULE_KINDS } from './types.js';

/** Where we depart from the resolved Basic Profile code, and why (written into the file as `note`). */
const ACTION_OVERRIDES: Partial<Record<string, { action: Action; value?: string; note: string; withoutOptions?: boolean }>> = {
  '00100010': { action: 'D', value: 'The^Patient', note: 'placeholder as in the source workflow (Basic Profile: Z)' },
  '00100020': { action: 'D', value: '@pseudonym', note: 'stable pseudonym from the state folder, so one patient stays one patient (Basic Profile: Z)' },
  '00080090': { action: 'D', value: 'Dr.^Physician', note: 'placeholder as in the source workflow (Basic Profile: Z)' },
  '00100030': { action: 'C', note: 'Safe Harbor allows the year of birth: kept per date_policy, emptied when it reveals an age over 89 (Basic Profile: Z)' },
  '00102180': {
    action: 'X',
    withoutOptions: true,
    note: "removed even with clean_descriptors (Clean Descriptors: C): a job can single a person out (Safe Harbor R; HHS guidance's example is an occupation held by one person), and no cleaning can tell a rare job from a common one",
  },
};

/** Entries beyond Table E.1-1: site names in the file meta header, free text in overlays, what may not stand alone. */
const EXTRA_ENTRIES: Array<{ tag: string; name: string; action: Action; note: string; letters?: string }> = [
  { tag: '00020016', name: 'Source Application Entity Title', action: 'X', note: 'file meta, not in Table E.1-1; AE titles often name the site' },
  { tag: '00020017', name: 'Sending Application Entity Title', action: 'X', note: 'file meta, not in Table E.1-1; AE titles often name the site' },
  { tag: '00020018', name: 'Receiving Application Entity Title', action: 'X', note: 'file meta, not in Table E.1-1; AE titles often name the site' },
  { tag: '00020102', name: 'Private Information', action: 'X', note: 'file meta, not in Table E.1-1; opaque private data' },
  { tag: '60xx0022', name: 'Overlay Description', action: 'C', note: 'not in Table E.1-1; free text, cleaned' },
  { tag: '60xx1500', name: 'Overlay Label', action: 'C', note: 'not in Table E.1-1; free text, cleaned' },
  {
    tag: '00102298',
    name: 'Responsible Person Role',
    action: 'X',
    letters: 'A',
    note: 'not in Table E.1-1; Type 1C, present only with Responsible Person (0010,2297), which is removed: kept alone it makes the object non-conformant',
  },
];

/** Exemplary safe private attributes (after PS3.15 E.3.10): technical values, no identity. */
const SAFE_PRIVATE = [
  { tag: '(0019,xx0C)', creator: 'SIEMENS MR HEADER', name: 'B_value' },
  { tag: '(0019,xx0D)', creator: 'SIEMENS MR HEADER', name: 'DiffusionDirectionality' },
  { tag: '(0019,xx0E)', creator: 'SIEMENS MR HEADER', name: 'DiffusionGradientDirection' },
  { tag: '(0019,xx27)', creator: 'SIEMENS MR HEADER', name: 'B_matrix' },
  { tag: '(0043,xx39)', creator: 'GEMS_PARM_01', name: 'Slop_int_6...9 (b-value)' },
  { tag: '(2001,xx03)', creator: 'Philips Imaging DD 001', name: 'Diffusion B-Factor' },
  { tag: '(7053,xx00)', creator: 'Philips PET Private Group', name: 'SUV Factor' },
  { tag: '(7053,xx09)', creator: 'Philips PET Private Group', name: 'Activity Concentration Scale Factor' },
];

/** Harmless words burned into images (orientation, position, technique) that are not PHI. */
export const DEFAULT_PIXEL_KEEP_LIST = [
  'L', 'R', 'LT', 'RT', 'LEFT', 'RIGHT', 'AP', 'PA', 'LAT', 'LATERAL', 'OBL', 'OBLIQUE', 'LAO', 'RAO', 'LPO', 'RPO',
  'PORTABLE', 'SUPINE', 'PRONE', 'UPRIGHT', 'SEMI-UPRIGHT', 'ERECT', 'DECUBITUS', 'STANDING', 'SITTING', 'INSP', 'EXP',
  'kVp', 'kV', 'mAs', 'mA', 'ms', 'W/L', 'WL', 'WW', 'W', 'C', 'HU', 'cm', 'mm', 'FOV', 'DFOV', 'THK', 'TILT',
  'MHz', 'Hz', 'dB', 'Gain', 'TGC', 'DR', 'FR', 'MI', 'TIS', 'TIB', 'ZOOM', 'MAG', 'SCOUT', 'LOCALIZER',
  'AXIAL', 'SAGITTAL', 'CORONAL', 'AX', 'SAG', 'COR', 'CHEST', 'ABDOMEN', 'PELVIS', 'HEAD', 'NECK', 'SPINE',
  'TE', 'TR', 'TI', 'FA', 'ET', 'NEX', 'BW', 'SE', 'IM', 'IMG', 'SER', 'SL', 'MARKER', 'CT', 'MR', 'CR', 'US', 'DX',
];

/** PHI patterns (JavaScript syntax) used on OCR text and in free-text cleaning. */
export const DEFAULT_REGEX = [
  '\\(?\\d{3}\\)?[-. ]?\\d{3}[-. ]\\d{4}',
  '\\d{3}-\\d{2}-\\d{4}',
  '\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}',
  '\\d{4}[./-]\\d{1,2}[./-]\\d{1,2}',
  '\\d{1,2}[- ](?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]{0,6}[- ,]{1,3}\\d{2,4}',
  '(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]{0,6}\\.? \\d{1,2},? \\d{4}',
  // Bounded quantifiers: linear on any text (an unbounded local part made 300 KB take a minute).
  '[\\w.+-]{1,64}@[\\w-]{1,63}(?:\\.[\\w-]{1,63}){1,8}',
  'DOB:?',
  // A medical record number has a digit: `MRN verified` is a sentence, not a number.
  'MRN:?\\s{0,3}[A-Z-]{0,8}\\d[A-Z0-9-]{0,29}',
];

/** The rule kinds in precedence order, each with the one-line meaning written beside it. */
const PRECEDENCE_NOTES: Record<(typeof RULE_KINDS)[number], string> = {
  skip_uid: 'UID elements named in skip_uid keep their value',
  dicom_tags: 'an exact tag (or xx-wildcard) entry; the most specific pattern wins; profile options override its action',
  private_attributes: 'private elements: removed unless on safe_private with retain_safe_private on',
  keywords: 'attribute names containing a keyword get its action (default Z)',
  condition_remove: 'attribute names containing one of these are cleaned (C): identifying words removed, the rest kept',
  uid_default: 'any other UID is remapped (U); standard UIDs under 1.2.840.10008. never change',
  vr_default: 'person names (PN) get a placeholder (D); dates and times (DA, DT, TM) follow date_policy (C); running text (ST, LT, UT) is cleaned (C); unknown UN elements are removed (X)',
  keep: 'anything else is kept (K)',
};

const q = (s: string) => JSON.stringify(s);
const sq = (s: string) => `'${s.replaceAll("'", "''")}'`;
const formatTagPattern = (t: string) => `(${t.slice(0, 4)},${t.slice(4)})`.replace(/X/g, 'x');

/**
 * Writes the default rules file text: Table E.1-1 with resolved actions, option columns and
 * Safe Harbor letters, the profile options, keep-list, safe private list and precedence.
 * `npx tsx lib/rules/write-default-rules.ts` saves it to `configs/de-id/de_id_rules_auto.yaml`.
 */
export function renderDefaultRulesYaml(): string {
  const out: string[] = [];
  const line = (s = '') => out.push(s);
  /** A curated word list as one flow sequence, twelve words a line. */
  const wordList = (key: string, words: readonly string[]) => {
    line(`  ${key}: [`);
    for (let i = 0; i < words.length; i += 12) line(`    ${words.slice(i, i + 12).map((w) => q(w)).join(', ')}${i + 12 >= words.length ? ']' : ','}`);
  };
  line('# De-identification rules: HIPAA Safe Harbor on the DICOM Basic Application Level Confidentiality Profile.');
  line('#');
  line('# Read by lib/rules (loadRules). Actions, one closed vocabulary (anything else is an error):');
  for (const code of ACTION_CODES) line(`#   ${code}  ${{ X: 'remove', Z: 'empty value', D: 'dummy / placeholder value', U: 'new UID, mapped consistently', K: 'keep', C: 'clean (free text: identifying words removed; dates: date_policy)' }[code]}`);
  line('#');
  line('# dicom_tags holds every attribute of DICOM PS3.15 Table E.1-1 (Basic Application Level');
  line('# Confidentiality Profile). Per entry:');
  line('#   basic        the standard\'s Basic Profile code as printed (may be compound)');
  line('#   action       the action applied: the Basic code, compound codes resolved to their last');
  line('#                alternative (X/Z -> Z, X/D, Z/D, X/Z/D -> D, X/Z/U* -> U: keep the sequence and');
  line('#                remap the UIDs in it). The last alternative always keeps the IOD conformant and');
  line('#                carries no PHI. A `note` says where we depart from the table.');
  line('#   options      the option columns of the table; when a profile option below is on, its code');
  line('#                replaces `action` (later columns win: the order of profile_options).');
  line('#   safe_harbor  the identifiers of 45 CFR 164.514(b)(2)(i) (A names ... R other unique numbers)');
  line('#                the attribute can carry.');
  line('#   value        replacement for D (`@pseudonym`: the Patient ID pseudonym from the state folder).');
  line('# Tags: "(gggg,eeee)", "ggggeeee" or [0xgggg, 0xeeee]; "xx" matches any digits (repeating groups).');
  line('#');
  line('# Precedence, first match wins (also as data under `precedence`, so it survives a re-dump):');
  RULE_KINDS.forEach((kind, i) => line(`#   ${i + 1}. ${kind}: ${PRECEDENCE_NOTES[kind]}`));
  line('# Guards after every action: ages over 89 become 090Y; a birth date revealing an age over 89 is emptied.');
  line('# In a kept code sequence a code is a concept and stays, except where it names a person or an organisation (Person');
  line('# Identification Code, Institution Code, Assigning Facility/Jurisdiction/Agency Code Sequences): there it gets a dummy.');
  line('#');
  line('# Completeness: a run refuses rules that would keep (or only clean) an attribute this table removes or');
  line('# replaces, listing them (exit 2); --allow-incomplete-rules runs them and marks every output Patient');
  line('# Identity Removed = NO. After the metadata step each file is checked again against its original.');
  line('# Content the kit cannot inspect: encapsulated documents (PDF, CDA, 3D models), waveforms (ECG, audio)');
  line('# and private SOP classes fail; opaque binary elements (OB/OW/OL/OV/UN outside pixel, overlay, palette,');
  line('# LUT data) and a Waveform Sequence in an image are removed. `regex` runs on RE2 (linear time): no');
  line('# lookarounds or backreferences.');
  line('rules:');
  line('  version: 1');
  line('  precedence:');
  for (const kind of RULE_KINDS) line(`    - ${kind}`);
  line('  profile_options:');
  line('    # Retain Longitudinal Temporal Information: year_only (Safe Harbor: keep the year),');
  line('    # remove (empty), or shift (per-patient offset; NOT Safe Harbor, DICOM "Modified Dates").');
  line('    date_policy: year_only');
  line('    max_shift_days: 365');
  line('    retain_safe_private: true');
  line('    retain_uids: false');
  line('    retain_device_identity: false        # serial numbers are Safe Harbor identifier M');
  line('    retain_institution_identity: false   # institution names and addresses reveal places (B)');
  line('    retain_patient_characteristics: true # sex, size, weight, age <= 89 are allowed');
  line('    clean_descriptors: true              # keep descriptions, removing identifying words');
  line('    clean_structured_content: true');
  line('    clean_graphics: false                # overlays and curves are removed');
  line('  confidence_threshold: 60');
  line('  person_name_placeholders:');
  for (const [match, value] of [['Patient', 'The^Patient'], ['Physician', 'Dr.^Physician'], ['Operator', 'Mr.^Operator'], ['Observer', 'Mr.^Observer'], ['Content Creator', 'Content^Creator'], ['', 'Anonymized^Person']]) {
    line(`    - {match: ${q(match)}, value: ${q(value)}}`);
  }
  line('  dummy_values:');
  for (const [vr, v] of [['DA', '00010101'], ['TM', '000000'], ['DT', '00010101010101.000000+0000'], ['AS', '000Y'], ['IS', '0'], ['DS', '0'], ['AE', 'ANONYMIZED'], ['CS', 'ANONYMIZED'], ['default', 'ANONYMIZED']]) {
    line(`    ${vr}: ${q(v)}`);
  }
  line('  dicom_tags:');
  const rows = [...PROFILE_TABLE].sort((a, b) => a[0].localeCompare(b[0]));
  for (const [tag, name, basic, opts] of rows) {
    const override = ACTION_OVERRIDES[tag];
    const options = override?.withoutOptions ? [] : Object.entries(profileRowOptions(opts)).map(([column, code]) => `${column}: ${code}`);
    const fields = [
      `tag: ${q(formatTagPattern(tag.toUpperCase()))}`,
      `name: ${q(name)}`,
      `action: ${override?.action ?? resolveCompoundCode(basic)}`,
      `basic: ${q(basic)}`,
    ];
    if (options.length) fields.push(`options: {${options.join(', ')}}`);
    fields.push(`safe_harbor: [${safeHarborFor(tag, name).join(', ')}]`);
    if (override?.value) fields.push(`value: ${q(override.value)}`);
    if (override) fields.push(`note: ${q(override.note)}`);
    line(`    - {${fields.join(', ')}}`);
  }
  for (const extra of EXTRA_ENTRIES) {
    const letters = extra.letters ?? (extra.tag.startsWith('0002') ? 'B, R' : 'A, B, C, D, R');
    line(`    - {tag: ${q(formatTagPattern(extra.tag.toUpperCase()))}, name: ${q(extra.name)}, action: ${extra.action}, safe_harbor: [${letters}], note: ${q(extra.note)}}`);
  }
  line('  # Table E.1-1 "Private attributes" ((gggg,eeee), gggg odd).');
  line('  private_attributes: {action: X, basic: "X", options: {retain_safe_private: C}, safe_harbor: [R]}');
  line('  # Kept when retain_safe_private is on: private attributes known to hold no identity (PS3.15 E.3.10).');
  line('  safe_private:');
  for (const p of SAFE_PRIVATE) line(`    - {tag: ${q(p.tag)}, creator: ${q(p.creator)}, name: ${q(p.name)}}`);
  line('  # Source-format keys (the source workflow\'s ProcessMedImage), kept with the same meaning.');
  line('  keywords:');
  for (const k of ['Address', 'Telephone', 'Telecom', 'E-mail', 'Physician']) line(`    - ${q(k)}`);
  line('  condition_remove:');
  for (const k of ['Comments', 'Description', 'Notes', 'Narrative']) line(`    - ${q(k)}`);
  line('  skip_uid:');
  for (const k of ['SOP Class UID', 'Transfer Syntax UID', 'Implementation Class UID', 'Coding Scheme UID', 'Mapping Resource UID']) line(`    - ${q(k)}`);
  line('  regex:');
  for (const r of DEFAULT_REGEX) line(`    - ${sq(r)}`);
  line('  # Burned-in words the pixel PHI detector never redacts.');
  line('  pixel_keep_list:');
  for (let i = 0; i < DEFAULT_PIXEL_KEEP_LIST.length; i += 12) {
    line(`    ${DEFAULT_PIXEL_KEEP_LIST.slice(i, i + 12).map((w) => `- ${q(w)}`).join('\n    ')}`);
  }
  line('  # Burned-in lines OCR could not read inside a block of identity lines (name, ID, birth date…):');
  line('  # fill (fail closed: the default) or keep (harmless text there survives, and so does unread PHI).');
  line('  pixel_unread_lines: fill');
  line('  # Clinical words that are never names in free text (procedure, anatomy, protocol, sequence and');
  line('  # view words, RadLex-style). DICOM\'s defined terms (modalities, body parts, views, positions) are');
  line('  # always added from the standard. A site adds its own words here.');
  wordList('clinical_vocabulary', DEFAULT_CLINICAL_VOCABULARY);
  line('  # Relatives and carers: after one of these words a name may follow in parentheses, after a comma, colon or dash');
  line('  # (`daughter (Rosalind)`, `son, Tobias Hale`, `wife Mirela`); `-in-law`, `step-` and `grand-` forms count too.');
  wordList('kinship_cues', DEFAULT_KINSHIP_CUES);
  line('  # Roles of the staff written as a label before a name, in free text and on screens (`Sonographer: <name>`,');
  line('  # `Attg: <name>`, `Ref. Phys: <name>`, `Read by: <name>`): the colon after the word makes it a cue. A site list');
  line('  # replaces this one; the acts written before `by` (`Dictated by`) are always cues.');
  wordList('staff_roles', DEFAULT_STAFF_ROLES);
  line('  # Words that label an address, in many languages: the value after one of them and its colon or dash is an address');
  line('  # up to the end of its clause (`Adrese: Dzirnavu iela 12-3, Rīga`), whatever its street. One to three words each.');
  wordList('address_labels', DEFAULT_ADDRESS_LABELS);
  return out.join('\n') + '\n';
}
