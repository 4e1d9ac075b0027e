/**
 * The check after the metadata step: no attribute the Basic Profile removes or replaces still holds
 * an identifying value, whatever the rules said and whatever the step did. It reads values and
 * compares them with the original; it never trusts the step's own bookkeeping.
 */
import type { DicomDataset, DicomDict, DicomElement } from '../dicom/dataset.js';
import { formatTag, isPrivateCreator, isPrivateTag, personNameToString, type ElementVisit } from '../dicom/elements.js';
import { profileDemand, profileRowFor } from '../rules/completeness.js';
import { findSafePrivate, findTagRule } from '../rules/resolve.js';
import type { Rules } from '../rules/types.js';

/** An attribute that still holds a value the profile removes or replaces (never the value itself). */
export interface RetainedValue {
  /** Element path, e.g. `(0008,1110)[0].(0010,0020)`. */
  path: string;
  /** Attribute name from Table E.1-1, or `private element`. */
  name: string;
  /** Why it counts as retained, in words without the value. */
  why: string;
}

const STANDARD_UID_ROOT = '1.2.840.10008.';
const PSEUDONYM = /^PAT-[A-Z2-9]{10}$/;

const text = (v: unknown) => (typeof v === 'object' && v !== null ? personNameToString(v) : String(v ?? '')).trim();
const valuesOf = (el: DicomElement | undefined) => (el?.Value ?? []).map(text).filter((v) => v !== '');

/** Values the metadata step writes as replacements: dummies, placeholders, rule values, zero. */
function replacementValues(rules: Rules): Set<string> {
  const values = new Set<string>(['0', ...Object.values(rules.dummyValues), ...rules.personNamePlaceholders.map((p) => p.value)]);
  for (const rule of rules.dicomTags) if (rule.value !== undefined) values.add(rule.value);
  return values;
}

/** The date policy's own forms: `YYYY0101` (or `YYYY`) for year_only; nothing for remove. */
function dateFollowsPolicy(vr: string, values: string[], before: string[], rules: Rules): boolean {
  const policy = rules.profile.datePolicy;
  // The rules' dummy value, written where the IOD requires a value (a Type 1 Content Time), holds no date.
  if (values.length > 0 && values.every((v) => v === rules.dummyValues[vr])) return true;
  if (policy === 'remove') return values.length === 0;
  if (policy === 'year_only') return vr !== 'TM' && values.every((v) => /^\d{4}(0101)?$/.test(v));
  // shift: every date moved (the shift is never zero days); times are kept
  return vr === 'TM' || values.every((v) => !before.includes(v));
}

/**
 * Finds the attributes of `result` (the de-identified copy of `original`) that still hold what the
 * Basic Profile, with the rules' profile options, removes or replaces: a kept or unchanged value
 * where the profile removes or replaces it, a date not changed per the date policy, a private
 * element not on the safe list, a removed sequence still holding items. Values are never returned.
 *
 * @example findRetainedValues(file.original, file.dataset, rules) // [] for a complete run
 */
export function findRetainedValues(original: DicomDataset, result: DicomDataset, rules: Rules): RetainedValue[] {
  const replacements = replacementValues(rules);
  const retained: RetainedValue[] = [];
  for (const [part, before, after] of [['dataset', original.dict, result.dict], ['meta', original.meta, result.meta]] as const) {
    walkBeside(after, before, '', ({ tag, element, path, parent }, previous) => {
      const found = check(tag, element, parent, previous, rules, replacements);
      if (found) retained.push({ path: part === 'meta' ? `meta ${path}` : path, ...found });
    });
  }
  return retained;
}

/**
 * Visits every element of `after` as `walkDataset` does (depth first, in tag order, into sequence items), each with
 * the element at the same place in `before` (the same path: the same tag, in the item of the same index of the
 * same sequence), or undefined. Read side by side, so the original needs no index of its own.
 */
function walkBeside(after: DicomDict, before: DicomDict | undefined, prefix: string, visit: (visit: ElementVisit, previous: DicomElement | undefined) => void, depth = 0): void {
  for (const tag of Object.keys(after).sort()) {
    const element = after[tag];
    if (!element) continue;
    const path = `${prefix}${formatTag(tag)}`;
    const previous = before?.[tag] || undefined;
    visit({ tag, element, path, parent: after, depth }, previous);
    if (element.vr !== 'SQ') continue;
    const items = previous?.vr === 'SQ' ? (previous.Value ?? []) : [];
    (element.Value ?? []).forEach((item, index) => {
      const was = items[index];
      if (item && typeof item === 'object') walkBeside(item, was && typeof was === 'object' ? was : undefined, `${path}[${index}].`, visit, depth + 1);
    });
  }
}

function check(tag: string, element: DicomElement, parent: DicomDict, before: DicomElement | undefined, rules: Rules, replacements: Set<string>): Omit<RetainedValue, 'path'> | undefined {
  if (isPrivateTag(tag)) {
    if (isPrivateCreator(tag)) return undefined;
    const creator = text(parent[`${tag.slice(0, 4)}00${tag.slice(4, 6)}`]?.Value?.[0]);
    if (rules.profile.retainSafePrivate && findSafePrivate(rules, tag, creator)) return undefined;
    return { name: 'private element', why: 'kept, but it is not on the safe private list' };
  }
  const row = profileRowFor(tag);
  if (!row) return undefined;
  const demand = profileDemand(row, rules.profile);
  if (demand === 'keep') return undefined;
  const name = row[1];
  if (element.vr === 'SQ') {
    const items = element.Value ?? [];
    // X/Z/U* and D sequences keep items de-identified element by element; X and Z ones must be gone or empty.
    if (items.length > 0 && demand === 'replace' && !/[UD]/.test(row[2])) return { name, why: `sequence still holds ${items.length} item(s); the profile removes it` };
    return undefined;
  }
  const values = valuesOf(element);
  if (values.length === 0) return undefined;
  const previous = valuesOf(before);
  if (['DA', 'DT', 'TM'].includes(element.vr)) {
    return dateFollowsPolicy(element.vr, values, previous, rules) ? undefined : { name, why: `not changed per date_policy ${rules.profile.datePolicy}` };
  }
  if (demand === 'clean') return undefined; // free text cleaned: the evaluation looks for what cleaning missed
  if (element.vr === 'UI') {
    const kept = values.filter((v) => !v.startsWith(STANDARD_UID_ROOT) && previous.includes(v));
    return kept.length ? { name, why: 'UID kept; the profile replaces it' } : undefined;
  }
  const ruleValue = findTagRule(rules, tag)?.value;
  const replaced = values.every((v) => replacements.has(v) || v === ruleValue || (PSEUDONYM.test(v) && !previous.includes(v)));
  return replaced ? undefined : { name, why: previous.length && values.every((v) => previous.includes(v)) ? 'value kept; the profile removes or replaces it' : 'value is not a replacement the rules write' };
}

/** A short list of retained attributes for a message: paths and names only. */
export function describeRetained(retained: readonly RetainedValue[], limit = 5): string {
  // Kept values first, dates after: a kept ID says more than a date kept to the day.
  const isDate = (r: RetainedValue) => Number(r.why.startsWith('not changed per date_policy'));
  const shown = [...retained].sort((a, b) => isDate(a) - isDate(b)).slice(0, limit).map((r) => `${r.path} ${r.name} (${r.why})`);
  return shown.join('; ') + (retained.length > limit ? `; … and ${retained.length - limit} more` : '');
}
