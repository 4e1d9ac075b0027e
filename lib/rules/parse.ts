import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { load, YAMLException } from 'js-yaml';
import { linearPatternProblem } from '../linear-regex.js';
import { isSafeHarborCategory, type SafeHarborCategory } from '../safe-harbor.js';
import { DEFAULT_CLINICAL_VOCABULARY } from '../text/clinical-words.js';
import { DEFAULT_KINSHIP_CUES } from '../text/kinship-words.js';
import { DEFAULT_STAFF_ROLES } from '../text/staff-words.js';
import { DEFAULT_ADDRESS_LABELS } from '../text/address-labels.js';
import { ACTION_CODES, isAction, resolveCompoundCode, type Action } from './actions.js';
import {
  DATE_POLICIES,
  DEFAULT_PRECEDENCE,
  OPTION_COLUMNS,
  PIXEL_UNREAD_LINES,
  RULE_KINDS,
  type DatePolicy,
  type KeywordRule,
  type OptionColumn,
  type PixelUnreadLines,
  type PlaceholderRule,
  type ProfileOptions,
  type Rules,
  type RuleKind,
  type SafePrivateRule,
  type TagPattern,
  type TagRule,
} from './types.js';

/** A rules file that cannot be used; the message names the file and the key path. */
export class RulesError extends Error {
  constructor(
    message: string,
    /** Key path of the problem, e.g. `rules.dicom_tags[12].action`. */
    readonly keyPath: string,
    options?: { cause?: unknown },
  ) {
    // Capped: a hostile rules file must not make an error message of megabytes.
    super(message.length > 6000 ? `${message.slice(0, 6000)}…` : message, options);
    this.name = 'RulesError';
  }
}

const SOURCE_KEYS = new Set(['dicom_tags', 'keywords', 'condition_remove', 'skip_uid', 'regex', 'confidence_threshold']);
const KNOWN_KEYS = new Set([
  ...SOURCE_KEYS,
  'version',
  'precedence',
  'profile_options',
  'person_name_placeholders',
  'dummy_values',
  'private_attributes',
  'safe_private',
  'pixel_keep_list',
  'pixel_unread_lines',
  'clinical_vocabulary',
  'kinship_cues',
  'staff_roles',
  'address_labels',
]);

const PROFILE_DEFAULTS: ProfileOptions = {
  datePolicy: 'year_only',
  maxShiftDays: 365,
  retainSafePrivate: false,
  retainUids: false,
  retainDeviceIdentity: false,
  retainInstitutionIdentity: false,
  retainPatientCharacteristics: true,
  cleanDescriptors: false,
  cleanStructuredContent: false,
  cleanGraphics: false,
};

const PROFILE_KEYS: Record<string, keyof ProfileOptions> = {
  date_policy: 'datePolicy',
  max_shift_days: 'maxShiftDays',
  retain_safe_private: 'retainSafePrivate',
  retain_uids: 'retainUids',
  retain_device_identity: 'retainDeviceIdentity',
  retain_institution_identity: 'retainInstitutionIdentity',
  retain_patient_characteristics: 'retainPatientCharacteristics',
  clean_descriptors: 'cleanDescriptors',
  clean_structured_content: 'cleanStructuredContent',
  clean_graphics: 'cleanGraphics',
};

const DEFAULT_PLACEHOLDERS: PlaceholderRule[] = [
  { match: 'Patient', value: 'The^Patient' },
  { match: 'Physician', value: 'Dr.^Physician' },
  { match: 'Operator', value: 'Mr.^Operator' },
  { match: 'Observer', value: 'Mr.^Observer' },
  { match: 'Content Creator', value: 'Content^Creator' },
  { match: '', value: 'Anonymized^Person' },
];

const DEFAULT_DUMMIES: Record<string, string> = {
  DA: '00010101',
  TM: '000000',
  DT: '00010101010101.000000+0000',
  AS: '000Y',
  IS: '0',
  DS: '0',
  AE: 'ANONYMIZED',
  CS: 'ANONYMIZED',
  default: 'ANONYMIZED',
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Largest rules file read: the default one is under 100 KB. */
export const MAX_RULES_BYTES = 4 * 1024 * 1024;
/** Most values a rules document may expand to (YAML aliases can multiply a small file). */
const MAX_RULES_VALUES = 200_000;
/** Most aliases (`*name`) a rules file may use. */
const MAX_ALIASES = 200;

/** A value quoted in an error message: short, and never expanded whole (it may be an alias bomb). */
function preview(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (isRecord(value)) return 'a mapping';
  return String(value);
}

/** Throws when the document holds more than {@link MAX_RULES_VALUES} values once aliases are expanded. */
function assertBoundedDocument(doc: unknown, source: string): void {
  let budget = MAX_RULES_VALUES;
  const stack: unknown[] = [doc];
  while (stack.length > 0) {
    const value = stack.pop();
    if (--budget < 0) throw new RulesError(`${source}: the rules expand to more than ${MAX_RULES_VALUES} values (YAML aliases?); refused`, '');
    if (Array.isArray(value)) stack.push(...value);
    else if (isRecord(value)) stack.push(...Object.values(value));
  }
}

/**
 * Reads a tag as the rules file writes it: `[0x0010, 0x0010]`, `"(0010,0010)"`, `"00100010"`,
 * `"0010,0010"`; `x` digits are wildcards (`"(60xx,3000)"`). Returns 8 upper-case characters.
 */
export function parseTagPattern(value: unknown, keyPath: string, where: string): TagPattern {
  if (Array.isArray(value)) {
    if (value.length !== 2 || !value.every((n) => Number.isInteger(n) && n >= 0 && n <= 0xffff)) {
      throw new RulesError(`${where}: ${keyPath}: a tag as a list must be [group, element], two integers 0..0xFFFF (got ${preview(value)})`, keyPath);
    }
    return value.map((n: number) => n.toString(16).padStart(4, '0')).join('').toUpperCase();
  }
  if (typeof value === 'string') {
    const compact = value.replace(/[()\s]/g, '').replace(',', '').toUpperCase();
    if (/^[0-9A-FX]{8}$/.test(compact)) return compact;
  }
  throw new RulesError(`${where}: ${keyPath}: not a tag: ${preview(value)} (expected "(gggg,eeee)", "ggggeeee" or [0xgggg, 0xeeee])`, keyPath);
}

function expectAction(value: unknown, keyPath: string, where: string): Action {
  if (isAction(value)) return value;
  throw new RulesError(`${where}: ${keyPath}: unknown action ${preview(value)} (expected one of ${ACTION_CODES.join(', ')})`, keyPath);
}

function expectString(value: unknown, keyPath: string, where: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  throw new RulesError(`${where}: ${keyPath}: expected a string (got ${preview(value)})`, keyPath);
}

function expectList(value: unknown, keyPath: string, where: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  throw new RulesError(`${where}: ${keyPath}: expected a list (got ${preview(value)})`, keyPath);
}

function expectCategories(value: unknown, keyPath: string, where: string): SafeHarborCategory[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((c, i) => {
    if (isSafeHarborCategory(c)) return c;
    throw new RulesError(`${where}: ${keyPath}[${i}]: unknown Safe Harbor identifier ${preview(c)} (expected a letter A to R)`, `${keyPath}[${i}]`);
  });
}

function expectOptions(value: unknown, keyPath: string, where: string): Partial<Record<OptionColumn, Action>> {
  if (value === undefined) return {};
  if (!isRecord(value)) throw new RulesError(`${where}: ${keyPath}: expected a mapping of option column to action`, keyPath);
  const out: Partial<Record<OptionColumn, Action>> = {};
  for (const [key, code] of Object.entries(value)) {
    if (!(OPTION_COLUMNS as readonly string[]).includes(key)) {
      throw new RulesError(`${where}: ${keyPath}.${key}: unknown option column (expected one of ${OPTION_COLUMNS.join(', ')})`, `${keyPath}.${key}`);
    }
    out[key as OptionColumn] = expectAction(code, `${keyPath}.${key}`, where);
  }
  return out;
}

function parseProfile(value: unknown, where: string): ProfileOptions {
  // The source format had no options: it removed private tags and descriptions were cleaned by condition_remove.
  const profile: ProfileOptions = { ...PROFILE_DEFAULTS };
  if (value === undefined) return profile;
  if (!isRecord(value)) throw new RulesError(`${where}: rules.profile_options: expected a mapping`, 'rules.profile_options');
  for (const [key, v] of Object.entries(value)) {
    const keyPath = `rules.profile_options.${key}`;
    const field = PROFILE_KEYS[key];
    if (!field) throw new RulesError(`${where}: ${keyPath}: unknown profile option (expected one of ${Object.keys(PROFILE_KEYS).join(', ')})`, keyPath);
    if (field === 'datePolicy') {
      if (!(DATE_POLICIES as readonly unknown[]).includes(v)) throw new RulesError(`${where}: ${keyPath}: unknown date policy ${preview(v)} (expected one of ${DATE_POLICIES.join(', ')})`, keyPath);
      profile.datePolicy = v as DatePolicy;
    } else if (field === 'maxShiftDays') {
      if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > 36500) throw new RulesError(`${where}: ${keyPath}: expected a whole number of days, 1 to 36500`, keyPath);
      profile.maxShiftDays = v as number;
    } else {
      if (typeof v !== 'boolean') throw new RulesError(`${where}: ${keyPath}: expected true or false (got ${preview(v)})`, keyPath);
      profile[field] = v;
    }
  }
  return profile;
}

/**
 * Parses and validates a rules file (the source workflow's format or ours).
 * Throws `RulesError` naming `source` and the key path of the first problem; an unknown
 * action is always an error, never a silent fallback.
 *
 * @param text the YAML text
 * @param source a path or label for messages (default: `rules`)
 * @example parseRules(readFileSync(p, 'utf8'), p).dicomTags.length
 */
export function parseRules(text: string, source = 'rules'): Rules {
  if (text.length > MAX_RULES_BYTES) throw new RulesError(`${source}: the rules file is over ${MAX_RULES_BYTES} bytes; refused`, '');
  let doc: unknown;
  try {
    doc = load(text, { maxAliases: MAX_ALIASES });
  } catch (error) {
    const mark = error instanceof YAMLException ? (error as YAMLException & { mark?: { line: number; column: number } }).mark : undefined;
    const at = mark ? ` at line ${mark.line + 1}, column ${mark.column + 1}` : '';
    throw new RulesError(`${source}: not valid YAML${at}: ${(error as Error).message.split('\n')[0].slice(0, 200)}`, '', { cause: error });
  }
  assertBoundedDocument(doc, source);
  if (!isRecord(doc) || !isRecord(doc.rules)) {
    throw new RulesError(`${source}: rules: the file must have a top-level mapping \`rules\``, 'rules');
  }
  const r = doc.rules;
  for (const key of Object.keys(r)) {
    if (!KNOWN_KEYS.has(key)) throw new RulesError(`${source}: rules.${key}: unknown key (expected one of ${[...KNOWN_KEYS].join(', ')})`, `rules.${key}`);
  }
  const format = Object.keys(r).every((k) => SOURCE_KEYS.has(k)) ? 'source' : 'extended';

  // precedence
  let precedence: RuleKind[] = [...DEFAULT_PRECEDENCE];
  if (r.precedence !== undefined) {
    const list = expectList(r.precedence, 'rules.precedence', source);
    precedence = list.map((k, i) => {
      if (!(RULE_KINDS as readonly unknown[]).includes(k)) throw new RulesError(`${source}: rules.precedence[${i}]: unknown rule kind ${preview(k)} (expected one of ${RULE_KINDS.join(', ')})`, `rules.precedence[${i}]`);
      return k as RuleKind;
    });
    const missing = RULE_KINDS.filter((k) => !precedence.includes(k));
    const duplicate = precedence.find((k, i) => precedence.indexOf(k) !== i);
    if (missing.length || duplicate) {
      throw new RulesError(`${source}: rules.precedence: must list each rule kind once (${missing.length ? `missing ${missing.join(', ')}` : `${duplicate} twice`})`, 'rules.precedence');
    }
  }

  const profile = parseProfile(r.profile_options, source);

  let confidenceThreshold = 60;
  if (r.confidence_threshold !== undefined) {
    const v = r.confidence_threshold;
    if (typeof v !== 'number' || !(v >= 0 && v <= 100)) throw new RulesError(`${source}: rules.confidence_threshold: expected a number from 0 to 100 (got ${preview(v)})`, 'rules.confidence_threshold');
    confidenceThreshold = v;
  }

  let pixelUnreadLines: PixelUnreadLines = 'fill';
  if (r.pixel_unread_lines !== undefined) {
    const v = r.pixel_unread_lines;
    if (!(PIXEL_UNREAD_LINES as readonly unknown[]).includes(v)) throw new RulesError(`${source}: rules.pixel_unread_lines: expected one of ${PIXEL_UNREAD_LINES.join(', ')} (got ${preview(v)})`, 'rules.pixel_unread_lines');
    pixelUnreadLines = v as PixelUnreadLines;
  }

  const dicomTags: TagRule[] = expectList(r.dicom_tags, 'rules.dicom_tags', source).map((item, index) => {
    const keyPath = `rules.dicom_tags[${index}]`;
    if (!isRecord(item)) throw new RulesError(`${source}: ${keyPath}: expected a mapping {tag, name, action}`, keyPath);
    if (item.tag === undefined) throw new RulesError(`${source}: ${keyPath}.tag: missing`, `${keyPath}.tag`);
    if (item.action === undefined) throw new RulesError(`${source}: ${keyPath}.action: missing (expected one of ${ACTION_CODES.join(', ')})`, `${keyPath}.action`);
    const tag = parseTagPattern(item.tag, `${keyPath}.tag`, source);
    const action = expectAction(item.action, `${keyPath}.action`, source);
    if (item.basic !== undefined) {
      try {
        resolveCompoundCode(expectString(item.basic, `${keyPath}.basic`, source));
      } catch (error) {
        if (error instanceof RulesError) throw error;
        throw new RulesError(`${source}: ${keyPath}.basic: ${(error as Error).message.replace('[rules] ', '')}`, `${keyPath}.basic`);
      }
    }
    const rule: TagRule = {
      id: `tag:(${tag.slice(0, 4)},${tag.slice(4)})`,
      tag,
      action,
      options: expectOptions(item.options, `${keyPath}.options`, source),
      safeHarbor: expectCategories(item.safe_harbor, `${keyPath}.safe_harbor`, source),
      index,
    };
    if (item.name !== undefined) rule.name = expectString(item.name, `${keyPath}.name`, source);
    if (item.basic !== undefined) rule.basic = String(item.basic);
    if (item.value !== undefined) rule.value = expectString(item.value, `${keyPath}.value`, source);
    return rule;
  });

  let privateAttributes: Rules['privateAttributes'] = { action: 'X', safeHarbor: ['R'] };
  if (r.private_attributes !== undefined) {
    const p = r.private_attributes;
    if (!isRecord(p)) throw new RulesError(`${source}: rules.private_attributes: expected a mapping {action, ...}`, 'rules.private_attributes');
    privateAttributes = {
      action: expectAction(p.action, 'rules.private_attributes.action', source),
      safeHarbor: expectCategories(p.safe_harbor, 'rules.private_attributes.safe_harbor', source),
    };
    expectOptions(p.options, 'rules.private_attributes.options', source);
  }

  const safePrivate: SafePrivateRule[] = expectList(r.safe_private, 'rules.safe_private', source).map((item, i) => {
    const keyPath = `rules.safe_private[${i}]`;
    if (!isRecord(item)) throw new RulesError(`${source}: ${keyPath}: expected a mapping {tag, creator}`, keyPath);
    const tag = parseTagPattern(item.tag, `${keyPath}.tag`, source);
    if (parseInt(tag.slice(0, 4), 16) % 2 === 0) throw new RulesError(`${source}: ${keyPath}.tag: a private tag has an odd group`, `${keyPath}.tag`);
    const creator = expectString(item.creator, `${keyPath}.creator`, source);
    return { tag, creator, ...(item.name !== undefined ? { name: String(item.name) } : {}) };
  });

  const keywords: KeywordRule[] = expectList(r.keywords, 'rules.keywords', source).map((item, i) => {
    const keyPath = `rules.keywords[${i}]`;
    if (isRecord(item)) {
      return { match: expectString(item.match, `${keyPath}.match`, source), action: item.action === undefined ? 'Z' : expectAction(item.action, `${keyPath}.action`, source) };
    }
    return { match: expectString(item, keyPath, source), action: 'Z' };
  });
  const stringList = (key: string) => expectList(r[key], `rules.${key}`, source).map((v, i) => expectString(v, `rules.${key}[${i}]`, source));
  const conditionRemove = stringList('condition_remove');
  const skipUid = stringList('skip_uid');
  const pixelKeepList = stringList('pixel_keep_list');
  const clinicalVocabulary = r.clinical_vocabulary === undefined ? [...DEFAULT_CLINICAL_VOCABULARY] : stringList('clinical_vocabulary');
  clinicalVocabulary.forEach((word, i) => {
    // Words and short phrases only: a pattern here would protect too much.
    if (!/^[\p{L}\p{N}][\p{L}\p{N} ./'&+-]{0,59}$/u.test(word)) {
      throw new RulesError(`${source}: rules.clinical_vocabulary[${i}]: ${JSON.stringify(word)} is not a word or short phrase (letters, digits, space . / ' & + -, at most 60)`, `rules.clinical_vocabulary[${i}]`);
    }
  });
  const kinshipCues = r.kinship_cues === undefined ? [...DEFAULT_KINSHIP_CUES] : stringList('kinship_cues').map((w) => w.toLowerCase());
  kinshipCues.forEach((word, i) => {
    // One word each (`daughter`, `son-in-law` is found from `son`; Thai's vowel signs are marks): a phrase would never match a token.
    if (!/^[\p{L}][\p{L}\p{M}'’/-]{0,39}$/u.test(word)) {
      throw new RulesError(`${source}: rules.kinship_cues[${i}]: ${JSON.stringify(word)} is not one word (letters, ' / -, at most 40)`, `rules.kinship_cues[${i}]`);
    }
  });
  const staffRoles = r.staff_roles === undefined ? [...DEFAULT_STAFF_ROLES] : stringList('staff_roles').map((w) => w.toUpperCase());
  staffRoles.forEach((word, i) => {
    // One word each, as a label writes it (`Sonographer`, `Attg`, `Ref`): the colon after it is what the cue looks for.
    if (!/^[\p{L}][\p{L}'’/-]{0,39}$/u.test(word)) {
      throw new RulesError(`${source}: rules.staff_roles[${i}]: ${JSON.stringify(word)} is not one word (letters, ' / -, at most 40)`, `rules.staff_roles[${i}]`);
    }
  });
  const addressLabels = r.address_labels === undefined ? [...DEFAULT_ADDRESS_LABELS] : stringList('address_labels').map((w) => w.toLowerCase());
  addressLabels.forEach((label, i) => {
    // One to three words (`address`, `home address`, `miejsce zamieszkania`): the colon after them makes them a label.
    if (!/^[\p{L}\p{M}][\p{L}\p{M}'’.-]{0,39}(?: [\p{L}\p{M}][\p{L}\p{M}'’.-]{0,39}){0,2}$/u.test(label)) {
      throw new RulesError(`${source}: rules.address_labels[${i}]: ${JSON.stringify(label)} is not one to three words (letters, ' . -, at most 40 each)`, `rules.address_labels[${i}]`);
    }
  });
  // Rule patterns run on a linear-time engine (RE2): `(a+)+$` cannot hang a run. Patterns it cannot run are refused here.
  const regex = stringList('regex').map((pattern, i) => {
    const problem = pattern === '' ? 'an empty pattern would match everywhere' : linearPatternProblem(pattern);
    if (problem) throw new RulesError(`${source}: rules.regex[${i}]: ${preview(pattern)}: ${problem}`, `rules.regex[${i}]`);
    return pattern;
  });
  for (const [key, list] of [['keywords', keywords.map((k) => k.match)], ['condition_remove', conditionRemove], ['skip_uid', skipUid]] as const) {
    const empty = list.findIndex((s) => s.trim() === '');
    if (empty >= 0) throw new RulesError(`${source}: rules.${key}[${empty}]: an empty string would match every attribute`, `rules.${key}[${empty}]`);
  }

  let personNamePlaceholders = DEFAULT_PLACEHOLDERS;
  if (r.person_name_placeholders !== undefined) {
    personNamePlaceholders = expectList(r.person_name_placeholders, 'rules.person_name_placeholders', source).map((item, i) => {
      const keyPath = `rules.person_name_placeholders[${i}]`;
      if (!isRecord(item)) throw new RulesError(`${source}: ${keyPath}: expected a mapping {match, value}`, keyPath);
      return { match: expectString(item.match ?? '', `${keyPath}.match`, source), value: expectString(item.value, `${keyPath}.value`, source) };
    });
  }
  const dummyValues = { ...DEFAULT_DUMMIES };
  if (r.dummy_values !== undefined) {
    if (!isRecord(r.dummy_values)) throw new RulesError(`${source}: rules.dummy_values: expected a mapping of VR to value`, 'rules.dummy_values');
    for (const [vr, v] of Object.entries(r.dummy_values)) dummyValues[vr] = expectString(v, `rules.dummy_values.${vr}`, source);
  }

  return {
    source,
    hash: createHash('sha256').update(text).digest('hex'),
    format,
    precedence,
    profile,
    confidenceThreshold,
    dicomTags,
    privateAttributes,
    safePrivate,
    keywords,
    conditionRemove,
    skipUid,
    regex,
    pixelKeepList,
    pixelUnreadLines,
    clinicalVocabulary,
    kinshipCues,
    staffRoles,
    addressLabels,
    personNamePlaceholders,
    dummyValues,
    document: doc,
  };
}

/**
 * Reads and validates a rules file from disk.
 * @throws RulesError naming the path and the key of the problem.
 */
export function loadRules(path: string): Rules {
  let text: string;
  try {
    if (statSync(path).size > MAX_RULES_BYTES) throw new Error(`the file is over ${MAX_RULES_BYTES} bytes`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new RulesError(`${path}: cannot read the rules file: ${(error as Error).message}`, '', { cause: error });
  }
  return parseRules(text, path);
}
