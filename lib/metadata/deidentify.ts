import type { DicomDataset, DicomDict, DicomElement } from '../dicom/dataset.js';
import { formatTag, getString, isPrivateCreator, isPrivateTag, keywordOf, nameOf, personNameToString } from '../dicom/elements.js';
import { DATE_VRS, NUMERIC_VRS, TEXT_VRS } from '../dicom/vr.js';
import type { IdentityContext } from '../engines/types.js';
import type { ReportNote } from '../message.js';
import { ACTIONS, type Action } from '../rules/actions.js';
import { attributeType, CODE_SPELLING_TAGS, CODED_ENTRY_TAGS, IDENTITY_CODE_SEQUENCES, needsPresence, needsValue } from '../rules/iod-types.js';
import { assertCompleteRules } from '../rules/completeness.js';
import { personNamePlaceholder, resolveAction } from '../rules/resolve.js';
import type { Decision, Rules } from '../rules/types.js';
import type { SafeHarborCategory } from '../safe-harbor.js';
import type { StateStore } from '../state/store.js';
import { boundedMemo, type Memo } from '../bounded-memo.js';
import { makeTextCleaner } from './clean-text.js';
import { applyDatePolicy, capAge, parseDicomDate } from './dates.js';
import { gatherIdentity } from './identity.js';
import { addDeidentificationMethodCode, markIdentityNotRemoved, type DeidMethodCode } from './method.js';

const STANDARD_UID_ROOT = '1.2.840.10008.';

/** Options of {@link deidentifyDataset} and of the metadata de-identification step. */
export interface DeidentifyMetadataOptions {
  /** Validated rules (`loadRules`). */
  rules: Rules;
  /** The state folder (`openStateStore`): UID map, Patient ID pseudonyms, date shifts. */
  state: StateStore;
  /** Clock for ages when the file has no study date (default: `() => new Date()`). */
  now?: () => Date;
  /**
   * Accept rules that leave Basic Profile attributes identifying (default: false, they are refused
   * with an `IncompleteRulesError`). The output is then marked Patient Identity Removed = NO.
   */
  allowIncompleteRules?: boolean;
}

/** Per-file facts the actions need. */
interface FileContext {
  report: ReportNote;
  rules: Rules;
  state: StateStore;
  patientKey: string;
  shiftDays: number;
  clean: (text: string) => { text: string; removed: number; categories: SafeHarborCategory[] };
  /** Overlay groups whose Overlay Data was removed: the rest of the group goes too. */
  removedOverlayGroups: Set<string>;
  /** SOP Class UID of the instance: which IOD's attribute Types apply. */
  sopClassUid?: string;
  /** Basic Profile attributes the rules leave identifying (allowed incomplete rules only). */
  missingEntries: number;
}

/** Checks the options once, when the step is made: each error names the API and the fix. */
export function assertDeidentifyOptions(options: DeidentifyMetadataOptions): void {
  if (!options || typeof options !== 'object') throw new TypeError('[deidentifyMetadata] options are required: { rules, state }');
  if (!options.rules?.dicomTags) throw new TypeError('[deidentifyMetadata] options.rules must be loaded with loadRules() or parseRules()');
  if (typeof options.state?.mapUid !== 'function') throw new TypeError('[deidentifyMetadata] options.state must come from openStateStore()');
  // Rules that would leave Basic Profile attributes identifying are refused unless explicitly allowed.
  assertCompleteRules(options.rules, { allowIncomplete: options.allowIncompleteRules });
}

/**
 * De-identifies `dataset` (a clone of `original`, changed in place) by the rules: every element,
 * recursively through sequences and private blocks, by the written precedence; free text cleaned of
 * identifying words; dates per policy; ages over 89 aggregated; names to placeholders; Patient ID to
 * a stable pseudonym; UIDs remapped consistently (meta header too); private elements removed except
 * the safe list; Patient Identity Removed, De-identification Method and its CID 7050 code sequence
 * added. Every action is reported as a note (without PHI). Identity values are gathered from
 * `original` before anything changes; returns them (for the pixel step and the evaluation).
 *
 * @example const identity = deidentifyDataset(dataset, original, { rules, state }, (note) => notes.push(note));
 */
export function deidentifyDataset(dataset: DicomDataset, original: DicomDataset, options: DeidentifyMetadataOptions, report: ReportNote): IdentityContext {
  const { rules, state } = options;
  const now = options.now ?? (() => new Date());
  const identity = gatherIdentity(original);

  const patientId = getString(original.dict, 'PatientID')?.trim() ?? '';
  const patientName = personNameToString(original.dict['00100010']?.Value?.[0]);
  const birthDate = getString(original.dict, 'PatientBirthDate') ?? '';
  const patientKey = patientId || (patientName || birthDate ? `name:${patientName}|${birthDate}` : '');
  if (!patientKey) report({ ruleId: 'patient:unidentified', severity: 'warning', reason: 'no Patient ID or name: the pseudonym is shared by all such files' });

  const ctx: FileContext = {
    report,
    rules,
    state,
    patientKey: patientKey || 'unidentified',
    shiftDays: rules.profile.datePolicy === 'shift' ? state.dateShiftDays(patientKey || 'unidentified', rules.profile.maxShiftDays) : 0,
    clean: makeTextCleaner(identity, rules.regex, { vocabulary: rules.clinicalVocabulary, kinshipCues: rules.kinshipCues, staffRoles: rules.staffRoles, addressLabels: rules.addressLabels, referenceDate: referenceDate(original.dict, now()) }),
    removedOverlayGroups: new Set(),
    sopClassUid: getString(original.dict, 'SOPClassUID')?.trim() || getString(original.meta, 'MediaStorageSOPClassUID')?.trim(),
    missingEntries: assertCompleteRules(rules, { allowIncomplete: options.allowIncompleteRules }).length,
  };

  processDict(ctx, dataset.dict, '', false, 0, '');
  processDict(ctx, dataset.meta, '', false, 0, '');
  removeOrphanOverlayGroups(ctx, dataset.dict);
  guardBirthDate(ctx, dataset.dict, original.dict, now());
  // The meta header names the same instance as the dataset.
  const sop = getString(dataset.dict, 'SOPInstanceUID');
  if (sop && dataset.meta['00020003']) dataset.meta['00020003'] = { vr: 'UI', Value: [sop] };
  markDeidentified(ctx, dataset.dict);
  return identity;
}

function describe(tag: string): { keyword?: string; name?: string } {
  const keyword = keywordOf(tag);
  let name: string | undefined;
  try {
    name = nameOf(tag);
  } catch {
    name = undefined;
  }
  return { keyword, name: name && name !== tag ? name : undefined };
}

/** What an element is (from its tag) and what the rules do to it. */
interface ElementDecision {
  keyword?: string;
  name?: string;
  decision: Decision;
}

/**
 * The keyword, name and decision of an element, per rules object, by tag, VR, private creator and clean context: the rest of
 * what decides (its keyword and name) follows from the tag. Asked for every element of every file; remembered here
 * in one lookup by a short key rather than describing the tag and keying resolveAction's memory by its name again.
 * Bounded as resolveAction's memory is (creators come from the files).
 */
function elementDecisions(rules: Rules): Memo<string, ElementDecision> {
  let memo = decisionMemos.get(rules);
  if (!memo) decisionMemos.set(rules, (memo = boundedMemo(100_000)));
  return memo;
}
const decisionMemos = new WeakMap<Rules, Memo<string, ElementDecision>>();

function record(ctx: FileContext, path: string, decision: Decision, action: Action, reason: string): void {
  ctx.report({ ruleId: decision.ruleId, location: path, action, category: decision.categories[0], reason });
}


/**
 * @param parentSequence the tag of the sequence whose item `dict` is ('' at the top level): which
 *   attribute Types apply (PS3.3), so an action never leaves a required attribute missing or empty.
 */
function processDict(ctx: FileContext, dict: DicomDict, prefix: string, cleanContext: boolean, depth: number, parentSequence: string): void {
  // Private creators of this item, by group+block, so private data elements can be matched by creator.
  const creators = new Map<string, string>();
  for (const tag of Object.keys(dict)) {
    if (isPrivateCreator(tag)) creators.set(tag.slice(0, 4) + tag.slice(6, 8), String(dict[tag]?.Value?.[0] ?? '').trim());
  }
  const keptBlocks = new Set<string>();
  for (const tag of Object.keys(dict).sort()) {
    const element = dict[tag];
    if (!element || isPrivateCreator(tag)) continue;
    const path = `${prefix}${formatTag(tag)}`;
    const isPrivate = isPrivateTag(tag);
    const block = tag.slice(0, 4) + tag.slice(4, 6);
    const privateCreator = isPrivate ? creators.get(block) : undefined;
    const { keyword, name, decision } = elementDecisions(ctx.rules)(`${tag}\u0000${element.vr}\u0000${privateCreator ?? ''}\u0000${cleanContext ? 1 : 0}`, () => {
      const { keyword, name } = describe(tag);
      return { keyword, name, decision: resolveAction(ctx.rules, { tag, vr: element.vr, keyword, name, privateCreator, inCleanContext: cleanContext }) };
    });
    const label = name ?? keyword ?? (isPrivate ? `private element of "${creators.get(block) ?? 'unknown creator'}"` : 'element');
    // Inside a cleaned sequence, free text defaults to cleaning; a coded entry is a concept of a coding scheme, kept as is.
    // In a sequence whose code names a person or an organisation, the code is an identifier: a dummy, never kept.
    const identityCode = IDENTITY_CODE_SEQUENCES.has(parentSequence) && CODE_SPELLING_TAGS.has(tag) && (decision.kind === 'vr_default' || decision.kind === 'keep');
    const coded = !identityCode && parentSequence !== '' && CODED_ENTRY_TAGS.has(tag) && decision.kind === 'vr_default' && decision.action === 'C';
    const chosen: Decision = identityCode
      ? { action: 'D', ruleId: 'identity-code', kind: 'vr_default', categories: ['R'] }
      : coded
        ? { action: 'K', ruleId: 'coded-entry', kind: 'keep', categories: [] }
        : decision;
    applyAction(ctx, dict, tag, element, path, chosen, label, cleanContext, depth);
    if (!isPrivate) keepConformant(ctx, dict, tag, element, path, chosen, label, depth, parentSequence);
    if (isPrivate && dict[tag]) keptBlocks.add(block);
  }
  // A private creator stays only while its block keeps an element.
  for (const tag of Object.keys(dict)) {
    if (!isPrivateCreator(tag)) continue;
    const block = tag.slice(0, 4) + tag.slice(6, 8);
    if (keptBlocks.has(block)) continue;
    delete dict[tag];
    ctx.report({ ruleId: 'private:creator', location: `${prefix}${formatTag(tag)}`, action: 'X', category: 'R', reason: 'private creator removed: no element of its block is kept' });
  }
}

function applyAction(ctx: FileContext, dict: DicomDict, tag: string, element: DicomElement, path: string, decision: Decision, label: string, cleanContext: boolean, depth: number): void {
  const { action } = decision;
  const by = `by ${decision.ruleId}`;
  const vr = element.vr;
  if (vr === 'SQ') {
    const items = (element.Value ?? []) as DicomDict[];
    switch (action) {
      case 'X':
        delete dict[tag];
        if (/^60[0-9A-F]{2}/.test(tag)) ctx.removedOverlayGroups.add(tag.slice(0, 4));
        return record(ctx, path, decision, 'X', `${label} removed ${by}`);
      case 'Z':
        // An empty sequence is conformant only where the attribute is Type 2; where the table
        // allows X (X/Z), removing it keeps the file valid (e.g. Referenced Study Sequence).
        if (decision.rule?.basic?.includes('X')) {
          delete dict[tag];
          return record(ctx, path, decision, 'X', `${label} removed (X/Z: an empty sequence would not be conformant) ${by}`);
        }
        dict[tag] = { vr: 'SQ', Value: [] };
        return record(ctx, path, decision, 'Z', `${label} emptied (no items) ${by}`);
      case 'D':
      case 'C':
        // A sequence kept for conformance: its items are cleaned, free text included.
        items.forEach((item, i) => processDict(ctx, item, `${path}[${i}].`, true, depth + 1, tag));
        return record(ctx, path, decision, action, `${label}: ${items.length} item(s) kept and cleaned ${by}`);
      case 'U':
      case 'K':
        items.forEach((item, i) => processDict(ctx, item, `${path}[${i}].`, cleanContext, depth + 1, tag));
        if (decision.ruleId !== 'keep') record(ctx, path, decision, action, `${label}: items kept, each element de-identified by its own rule ${by}`);
        return;
    }
  }
  const values = element.Value ?? [];
  switch (action) {
    case 'X':
      delete dict[tag];
      if (/^60[0-9A-F]{2}3000$/.test(tag)) ctx.removedOverlayGroups.add(tag.slice(0, 4));
      return record(ctx, path, decision, 'X', `${label} removed ${by}`);
    case 'Z':
      dict[tag] = { vr, Value: [] };
      return record(ctx, path, decision, 'Z', `${label} emptied ${by}`);
    case 'D':
      return applyDummy(ctx, dict, tag, element, path, decision, label);
    case 'U':
      return applyUid(ctx, dict, tag, element, path, decision, label);
    case 'K': {
      if (vr === 'AS') return guardAge(ctx, dict, tag, element, path, decision, label, 'K');
      if (decision.ruleId !== 'keep') record(ctx, path, decision, 'K', `${label} kept ${by}`);
      return;
    }
    case 'C': {
      if (vr === 'UI') return applyUid(ctx, dict, tag, element, path, decision, label);
      if (vr === 'PN') return applyDummy(ctx, dict, tag, element, path, { ...decision, action: 'D' }, label);
      if (vr === 'AS') return guardAge(ctx, dict, tag, element, path, decision, label, 'C');
      if (DATE_VRS.has(vr)) {
        const policy = ctx.rules.profile.datePolicy;
        const next = values.map((v) => applyDatePolicy(String(v ?? ''), vr, policy, ctx.shiftDays)).filter((v) => v !== '');
        dict[tag] = { vr, Value: next };
        return record(ctx, path, decision, 'C', `${label}: ${vr === 'TM' && policy === 'year_only' ? 'time removed' : `date_policy ${policy}`} ${by}`);
      }
      if (NUMERIC_VRS.has(vr)) {
        return record(ctx, path, decision, 'K', `${label} kept: numbers hold no free text ${by}`);
      }
      if (TEXT_VRS.has(vr)) {
        let removed = 0;
        const categories = new Set<SafeHarborCategory>();
        const next = values.map((v) => {
          const result = ctx.clean(String(v ?? ''));
          removed += result.removed;
          result.categories.forEach((c) => categories.add(c));
          return result.text;
        });
        dict[tag] = { vr, Value: next.every((v) => v === '') ? [] : next };
        const what = removed ? `${removed} identifying span(s) removed (${[...categories].join(', ')})` : 'nothing identifying found';
        ctx.report({ ruleId: decision.ruleId, location: path, action: 'C', category: [...categories][0] ?? decision.categories[0], reason: `${label} cleaned: ${what} ${by}` });
        return;
      }
      if (/^60[0-9A-F]{2}3000$/.test(tag)) {
        return record(ctx, path, decision, 'C', `${label} kept for the pixel step to clean (Clean Graphics) ${by}`);
      }
      // Binary or unknown content cannot be cleaned here: remove it (fail closed).
      delete dict[tag];
      return record(ctx, path, decision, 'X', `${label} removed: ${vr} content cannot be cleaned (asked ${ACTIONS.C.split(':')[0]}) ${by}`);
    }
  }
}

/** True when an element holds no value (absent, no items, or only empty strings). */
function isEmptyElement(element: DicomElement | undefined): boolean {
  if (!element) return true;
  const values = element.Value ?? [];
  return values.length === 0 || values.every((v) => v === '' || v === null || v === undefined || (typeof v === 'object' && !Array.isArray(v) && !ArrayBuffer.isView(v) && Object.keys(v).length === 0 && element.vr !== 'SQ'));
}

/**
 * PS3.15 E.1 asks the compound codes to keep the IOD valid: a Type 1 attribute that an action removed,
 * or a Type 1/1C attribute it left empty, gets a dummy value (a sequence keeps its items, cleaned); a Type 2 attribute that was
 * removed comes back empty. Types come from the standard (`rules/iod-types`), per SOP class and sequence.
 * Only attributes that held a value in the input are restored: an input error is not ours to fix.
 */
function keepConformant(ctx: FileContext, dict: DicomDict, tag: string, original: DicomElement, path: string, decision: Decision, label: string, depth: number, parentSequence: string): void {
  if (isEmptyElement(original)) return;
  const type = attributeType(ctx.sopClassUid, parentSequence || undefined, tag);
  if (!type) return;
  const now = dict[tag];
  const why = `Type ${type} in ${parentSequence ? `items of (${parentSequence.slice(0, 4)},${parentSequence.slice(4)})` : 'this IOD'}`;
  // Removing a Type 1C attribute is what the profile asks (its condition may no longer hold); leaving it empty never is.
  if (needsValue(type) && (now === undefined ? type === '1' : isEmptyElement(now))) {
    if (original.vr === 'SQ') {
      const items = (original.Value ?? []) as DicomDict[];
      dict[tag] = { vr: 'SQ', Value: items };
      items.forEach((item, i) => processDict(ctx, item, `${path}[${i}].`, true, depth + 1, tag));
      return record(ctx, path, { ...decision, ruleId: 'guard:type-1' }, 'C', `${label}: ${items.length} item(s) kept and cleaned instead (${why}) by guard:type-1`);
    }
    const dummy: Decision = { ...decision, action: 'D', value: undefined, ruleId: 'guard:type-1' };
    return applyDummy(ctx, dict, tag, original, path, dummy, `${label} (${why}, never left empty)`);
  }
  // Type 2C only when its condition holds, which we cannot judge: removal stands.
  if (needsPresence(type) && type === '2' && now === undefined) {
    dict[tag] = { vr: original.vr, Value: [] };
    return record(ctx, path, { ...decision, ruleId: 'guard:type-2' }, 'Z', `${label} emptied instead of removed (${why}) by guard:type-2`);
  }
}

function applyDummy(ctx: FileContext, dict: DicomDict, tag: string, element: DicomElement, path: string, decision: Decision, label: string): void {
  const vr = element.vr;
  const by = `by ${decision.ruleId}`;
  // The source workflow's `D` on Patient ID meant "a generated ID from the persistent map".
  if (decision.value === '@pseudonym' || (tag === '00100020' && decision.value === undefined)) {
    const own = String(element.Value?.[0] ?? '').trim();
    const pseudonym = ctx.state.pseudonymForPatient(own || ctx.patientKey);
    dict[tag] = { vr, Value: [pseudonym] };
    return record(ctx, path, decision, 'D', `${label} replaced by its pseudonym ${by}`);
  }
  if (vr === 'PN') {
    const info = describe(tag);
    const placeholder = decision.value ?? personNamePlaceholder(ctx.rules, { name: info.name ?? label, keyword: info.keyword });
    dict[tag] = { vr, Value: [{ Alphabetic: placeholder }] };
    return record(ctx, path, decision, 'D', `${label} replaced by the placeholder ${placeholder} ${by}`);
  }
  if (vr === 'UI') return applyUid(ctx, dict, tag, element, path, decision, label);
  if (NUMERIC_VRS.has(vr) && vr !== 'IS' && vr !== 'DS') {
    dict[tag] = { vr, Value: [0] };
    return record(ctx, path, decision, 'D', `${label} replaced by 0 ${by}`);
  }
  if (!TEXT_VRS.has(vr) && !DATE_VRS.has(vr) && vr !== 'AS' && vr !== 'IS' && vr !== 'DS') {
    dict[tag] = { vr, Value: [] };
    return record(ctx, path, decision, 'Z', `${label} emptied: no dummy value for ${vr} ${by}`);
  }
  const dummy = decision.value ?? ctx.rules.dummyValues[vr] ?? ctx.rules.dummyValues.default ?? 'ANONYMIZED';
  dict[tag] = { vr, Value: [dummy] };
  return record(ctx, path, decision, 'D', `${label} replaced by a dummy value ${by}`);
}

function applyUid(ctx: FileContext, dict: DicomDict, tag: string, element: DicomElement, path: string, decision: Decision, label: string): void {
  const by = `by ${decision.ruleId}`;
  if (element.vr !== 'UI') {
    dict[tag] = { vr: element.vr, Value: [] };
    return record(ctx, path, decision, 'Z', `${label} emptied: U applies to UIDs, this is ${element.vr} ${by}`);
  }
  let mapped = 0;
  let standard = 0;
  const next = (element.Value ?? []).map((v) => {
    const uid = String(v ?? '').trim().replace(/\0+$/, '');
    if (!uid) return uid;
    if (uid.startsWith(STANDARD_UID_ROOT)) {
      standard++;
      return uid;
    }
    mapped++;
    return ctx.state.mapUid(uid);
  });
  dict[tag] = { vr: 'UI', Value: next };
  const note = standard ? `, ${standard} standard UID(s) kept` : '';
  record(ctx, path, decision, mapped ? 'U' : 'K', `${label}: ${mapped} UID(s) remapped${note} ${by}`);
}

function guardAge(ctx: FileContext, dict: DicomDict, tag: string, element: DicomElement, path: string, decision: Decision, label: string, action: Action): void {
  const value = String(element.Value?.[0] ?? '');
  if (!value) return;
  const { value: next, capped, malformed } = capAge(value);
  if (capped) {
    dict[tag] = { vr: 'AS', Value: [next] };
    return record(ctx, path, { ...decision, ruleId: 'guard:age-over-89', categories: ['C'] }, 'C', `${label}: age over 89 aggregated to 090Y (Safe Harbor)`);
  }
  if (malformed) {
    dict[tag] = { vr: 'AS', Value: [] };
    return record(ctx, path, { ...decision, categories: ['C'] }, 'Z', `${label} emptied: not a valid age string by ${decision.ruleId}`);
  }
  if (decision.ruleId !== 'keep') record(ctx, path, decision, action, `${label} kept (89 or under) by ${decision.ruleId}`);
}

/** The date the file speaks from (study, series, acquisition or content date), or `fallback`. */
function referenceDate(original: DicomDict, fallback: Date): Date {
  const text = ['StudyDate', 'SeriesDate', 'AcquisitionDate', 'ContentDate'].map((k) => getString(original, k)).find((v) => v && parseDicomDate(v));
  return text ? parseDicomDate(text)! : fallback;
}

/** Removes a birth date that reveals an age over 89, judged by the ORIGINAL values (fail closed on year precision). */
function guardBirthDate(ctx: FileContext, dict: DicomDict, original: DicomDict, now: Date): void {
  if (!dict['00100030']?.Value?.length) return;
  const birth = parseDicomDate(getString(original, 'PatientBirthDate') ?? '');
  const age = capAge(getString(original, 'PatientAge') ?? '');
  const reference = referenceDate(original, now);
  // Year difference overestimates by up to one year: at 89 by years we remove too, never too little.
  const over = age.capped || (birth !== undefined && reference.getUTCFullYear() - birth.getUTCFullYear() > 88);
  if (!over) return;
  dict['00100030'] = { vr: 'DA', Value: [] };
  ctx.report({ ruleId: 'guard:birth-date-age-over-89', location: '(0010,0030)', action: 'Z', category: 'C', reason: "Patient's Birth Date emptied: it would reveal an age over 89 (Safe Harbor)" });
}

/** Overlay groups whose Overlay Data was removed lose their remaining elements, so no half overlay remains. */
function removeOrphanOverlayGroups(ctx: FileContext, dict: DicomDict): void {
  for (const group of ctx.removedOverlayGroups) {
    for (const tag of Object.keys(dict)) {
      if (!tag.startsWith(group)) continue;
      delete dict[tag];
      ctx.report({ ruleId: 'overlay:group-without-data', location: formatTag(tag), action: 'X', category: 'R', reason: 'overlay attribute removed with its Overlay Data' });
    }
  }
}

function markDeidentified(ctx: FileContext, dict: DicomDict): void {
  const { profile, hash } = ctx.rules;
  if (ctx.missingEntries > 0) {
    markIdentityNotRemoved(dict, `rules leave ${ctx.missingEntries} profile attribute(s)`);
    ctx.report({ ruleId: 'deid:incomplete-rules', severity: 'warning', location: '(0012,0062)', reason: `incomplete rules allowed: they leave ${ctx.missingEntries} Basic Profile attribute(s) identifying; Patient Identity Removed = NO` });
    return;
  }
  dict['00120062'] = { vr: 'CS', Value: ['YES'] };
  const methods = ['DICOM PS3.15 Basic Application Confidentiality Profile', 'HIPAA Safe Harbor 45 CFR 164.514(b)(2)', `dicom-safe-harbor-kit rules sha256:${hash.slice(0, 16)}`, `date policy: ${profile.datePolicy}`];
  const previous = (dict['00120063']?.Value ?? []).map(String).filter((v) => !methods.includes(v));
  dict['00120063'] = { vr: 'LO', Value: [...previous, ...methods] };
  const codes: DeidMethodCode[] = ['113100'];
  if (profile.cleanDescriptors) codes.push('113105');
  if (profile.cleanStructuredContent) codes.push('113104');
  if (profile.cleanGraphics) codes.push('113103');
  if (profile.datePolicy !== 'remove') codes.push('113107');
  if (profile.retainPatientCharacteristics) codes.push('113108');
  if (profile.retainDeviceIdentity) codes.push('113109');
  if (profile.retainUids) codes.push('113110');
  if (profile.retainSafePrivate) codes.push('113111');
  if (profile.retainInstitutionIdentity) codes.push('113112');
  for (const code of codes) addDeidentificationMethodCode(dict, code);
  ctx.report({ ruleId: 'deid:method', location: '(0012,0064)', action: 'D', reason: `Patient Identity Removed = YES; method codes ${codes.join(', ')}` });
}
