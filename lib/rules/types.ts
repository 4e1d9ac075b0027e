import type { SafeHarborCategory } from '../safe-harbor.js';
import type { Action } from './actions.js';

/** The kinds of rule, in the order the rules file may list them under `precedence`. */
export const RULE_KINDS = [
  'skip_uid',
  'dicom_tags',
  'private_attributes',
  'keywords',
  'condition_remove',
  'uid_default',
  'vr_default',
  'keep',
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** The precedence used when a rules file (e.g. the source format) does not state one. */
export const DEFAULT_PRECEDENCE: readonly RuleKind[] = RULE_KINDS;

/** Option columns of Table E.1-1, as named in the rules file. */
export const OPTION_COLUMNS = [
  'retain_safe_private',
  'retain_uids',
  'retain_device_identity',
  'retain_institution_identity',
  'retain_patient_characteristics',
  'retain_longitudinal_full_dates',
  'retain_longitudinal_modified_dates',
  'clean_descriptors',
  'clean_structured_content',
  'clean_graphics',
] as const;
export type OptionColumn = (typeof OPTION_COLUMNS)[number];

/** How dates and times are treated (Retain Longitudinal Temporal Information). */
export const DATE_POLICIES = ['year_only', 'remove', 'shift'] as const;
export type DatePolicy = (typeof DATE_POLICIES)[number];

/** The profile options of the rules file (`profile_options`). */
export interface ProfileOptions {
  /** `year_only` keeps the year (Safe Harbor), `remove` empties dates, `shift` moves them by a per-patient offset. */
  datePolicy: DatePolicy;
  /** Largest shift in days for `shift` (default: 365). */
  maxShiftDays: number;
  retainSafePrivate: boolean;
  retainUids: boolean;
  retainDeviceIdentity: boolean;
  retainInstitutionIdentity: boolean;
  retainPatientCharacteristics: boolean;
  cleanDescriptors: boolean;
  cleanStructuredContent: boolean;
  cleanGraphics: boolean;
}

/**
 * A tag pattern: 8 upper-case hex digits where `X` matches any digit
 * (`60XX3000` is Overlay Data in every overlay group, `0019XX0C` a private element in any block).
 */
export type TagPattern = string;

/** One `dicom_tags` entry. */
export interface TagRule {
  /** `tag:(0010,0010)`: the id written into messages and audit records. */
  id: string;
  tag: TagPattern;
  name?: string;
  /** The entry's action; profile options may override it (see `options`). */
  action: Action;
  /** Basic Profile code from Table E.1-1, as printed (may be compound). */
  basic?: string;
  /** Option-column codes from Table E.1-1; applied when the matching profile option is on. */
  options: Partial<Record<OptionColumn, Action>>;
  safeHarbor: SafeHarborCategory[];
  /** Replacement for `D`: a literal, or `@pseudonym` for the Patient ID pseudonym. */
  value?: string;
  /** Index in `rules.dicom_tags`, for error messages. */
  index: number;
}

/** One `keywords` entry: elements whose name contains `match` get `action`. */
export interface KeywordRule {
  match: string;
  action: Action;
}

/** One safe private attribute (kept when `retain_safe_private` is on). */
export interface SafePrivateRule {
  /** Pattern like `0019XX0C`: group, block wildcard, element offset. */
  tag: TagPattern;
  creator: string;
  name?: string;
}

/** A person-name placeholder: PN elements whose name contains `match` get `value` under `D`. */
export interface PlaceholderRule {
  match: string;
  value: string;
}

/** The values of `pixel_unread_lines`. */
export const PIXEL_UNREAD_LINES = ['fill', 'keep'] as const;
/** What becomes of unread lines beside identity on screen: see {@link Rules.pixelUnreadLines}. */
export type PixelUnreadLines = (typeof PIXEL_UNREAD_LINES)[number];

/** The validated rules, ready to apply. */
export interface Rules {
  /** Where the rules came from (path or label). */
  source: string;
  /** sha256 (hex) of the rules file text, for audit records. */
  hash: string;
  /** `source` when the file has only the source workflow's keys, `extended` otherwise. */
  format: 'source' | 'extended';
  precedence: RuleKind[];
  profile: ProfileOptions;
  /** OCR word confidence cut-off, 0–100. */
  confidenceThreshold: number;
  dicomTags: TagRule[];
  /** How private elements not on the safe list are treated (Table E.1-1 "Private attributes"). */
  privateAttributes: { action: Action; safeHarbor: SafeHarborCategory[] };
  safePrivate: SafePrivateRule[];
  keywords: KeywordRule[];
  conditionRemove: string[];
  skipUid: string[];
  /** PHI patterns (JavaScript regular expression sources), validated. */
  regex: string[];
  /** Harmless burned-in words the pixel PHI detector must keep. */
  pixelKeepList: string[];
  /**
   * What becomes of burned-in lines OCR could not read inside a block of identity lines
   * (`pixel_unread_lines`): `fill` them (fail closed, the default) or `keep` them.
   */
  pixelUnreadLines: PixelUnreadLines;
  /**
   * Clinical words that are never names in free text (`clinical_vocabulary`; the curated default when
   * the file has none). DICOM's defined terms (modalities, body parts, views…) are always added.
   */
  clinicalVocabulary: string[];
  /**
   * Words for relatives and carers after which a name needs less evidence in free text (`kinship_cues`, lower case;
   * the curated default when the file has none): `daughter (Rosalind)`, `wife Mirela`.
   */
  kinshipCues: string[];
  /**
   * Roles of the staff written as a label before a person's name, in free text and on screens (`staff_roles`, upper
   * case; the curated default when the file has none): `Sonographer: <name>`, `Attg: <name>`, `Ref. Phys: <name>`.
   */
  staffRoles: string[];
  /**
   * Words that label an address in free text (`address_labels`, lower case; the curated default when the file has none):
   * the value after one and its colon is an address up to the end of its clause (`Indirizzo: Via dei Mille 4`).
   */
  addressLabels: string[];
  personNamePlaceholders: PlaceholderRule[];
  /** Dummy values for `D` by VR (`default` for the rest). */
  dummyValues: Record<string, string>;
  /** The parsed YAML document as read, so tools can change it and write it back keeping every field. */
  document: Record<string, unknown>;
}

/** What `resolveAction` needs to know about an element. */
export interface ElementInfo {
  /** 8 upper-case hex digits. */
  tag: string;
  vr: string;
  /** DICOM keyword, e.g. `PatientName` (optional). */
  keyword?: string;
  /** Dictionary name, e.g. `Patient's Name` (optional). */
  name?: string;
  /** Private creator of the block, for private data elements (optional). */
  privateCreator?: string;
  /** True inside a sequence being cleaned (`C`/`D` on a sequence): free text defaults to `C`. */
  inCleanContext?: boolean;
}

/** The outcome of `resolveAction`: what to do and which rule decided it. */
export interface Decision {
  action: Action;
  /** `tag:(0010,0010)`, `keyword:Address`, `private:default`, `vr_default:PN`, … */
  ruleId: string;
  kind: RuleKind;
  categories: SafeHarborCategory[];
  /** Replacement for `D`, when the rule gives one. */
  value?: string;
  rule?: TagRule;
}
