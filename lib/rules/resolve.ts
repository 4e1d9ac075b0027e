import { isPrivateCreator, isPrivateTag } from '../dicom/elements.js';
import { DATE_VRS, TEXT_VRS } from '../dicom/vr.js';
import type { SafeHarborCategory } from '../safe-harbor.js';
import type { Action } from './actions.js';
import type { Decision, ElementInfo, OptionColumn, ProfileOptions, Rules, SafePrivateRule, TagPattern, TagRule } from './types.js';
import { boundedMemo, type Memo } from '../bounded-memo.js';

/** True when the 8-character tag matches the pattern (`X` matches any hex digit). */
export function matchesTagPattern(pattern: TagPattern, tag: string): boolean {
  const t = tag.toUpperCase();
  for (let i = 0; i < 8; i++) if (pattern[i] !== 'X' && pattern[i] !== t[i]) return false;
  return true;
}

const specificity = (pattern: TagPattern) => [...pattern].filter((c) => c !== 'X').length;

/** The option columns that apply under a profile, in the order later columns override earlier ones. */
export function activeOptionColumns(profile: ProfileOptions): OptionColumn[] {
  const on: OptionColumn[] = [];
  if (profile.retainSafePrivate) on.push('retain_safe_private');
  if (profile.retainUids) on.push('retain_uids');
  if (profile.retainDeviceIdentity) on.push('retain_device_identity');
  if (profile.retainInstitutionIdentity) on.push('retain_institution_identity');
  if (profile.retainPatientCharacteristics) on.push('retain_patient_characteristics');
  // year_only and shift both modify dates (the "Modified Dates" column); remove applies no option.
  if (profile.datePolicy !== 'remove') on.push('retain_longitudinal_modified_dates');
  if (profile.cleanDescriptors) on.push('clean_descriptors');
  if (profile.cleanStructuredContent) on.push('clean_structured_content');
  if (profile.cleanGraphics) on.push('clean_graphics');
  return on;
}

/** The action of a tag rule under the profile options: its own action, overridden by active option columns. */
export function effectiveTagAction(rule: TagRule, profile: ProfileOptions): Action {
  let action = rule.action;
  for (const column of activeOptionColumns(profile)) {
    const code = rule.options[column];
    if (code) action = code;
  }
  return action;
}

/** Finds the most specific `dicom_tags` entry for a tag (exact beats wildcard; later entries beat earlier ties). */
export function findTagRule(rules: Rules, tag: string): TagRule | undefined {
  // Asked for every element of every file (metadata and its verification): found once per rules object and tag.
  const key = tag.toUpperCase();
  return memoOf(tagRules, rules)(key, () => findTagRuleUncached(rules, key));
}

/** The tag rules found, by rules object and tag. */
const tagRules = new WeakMap<Rules, Memo<string, TagRule | undefined>>();

function findTagRuleUncached(rules: Rules, tag: string): TagRule | undefined {
  let best: TagRule | undefined;
  for (const rule of rules.dicomTags) {
    if (!matchesTagPattern(rule.tag, tag)) continue;
    if (!best || specificity(rule.tag) >= specificity(best.tag)) best = rule;
  }
  return best;
}

/** Finds the safe-private entry for a private data element of a block owned by `creator`. */
export function findSafePrivate(rules: Rules, tag: string, creator: string | undefined): SafePrivateRule | undefined {
  if (!creator) return undefined;
  const t = tag.toUpperCase();
  const wanted = creator.trim().toUpperCase();
  return rules.safePrivate.find((p) => p.tag.slice(0, 4) === t.slice(0, 4) && p.tag.slice(6) === t.slice(6) && p.creator.trim().toUpperCase() === wanted);
}

const normalize = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const nameContains = (el: ElementInfo, needle: string) => {
  const n = normalize(needle);
  return n.length > 0 && [el.name, el.keyword].some((s) => s !== undefined && normalize(s).includes(n));
};


/**
 * Decides what to do with one element and which rule decided it, walking the rule kinds in
 * the order of `rules.precedence` (first match wins).
 *
 * @example resolveAction(rules, { tag: '00100010', vr: 'PN', keyword: 'PatientName' })
 *   // { action: 'D', ruleId: 'tag:(0010,0010)', kind: 'dicom_tags', value: 'The^Patient', … }
 */
export function resolveAction(rules: Rules, el: ElementInfo): Decision {
  // A run asks about the same few hundred elements in every file: decide each once per rules object.
  const key = `${el.tag}|${el.vr}|${el.keyword ?? ''}|${el.name ?? ''}|${el.privateCreator ?? ''}|${el.inCleanContext ? 1 : 0}`;
  return memoOf(decided, rules)(key, () => decide(rules, el));
}

/** Decisions by rules object and element. */
const decided = new WeakMap<Rules, Memo<string, Decision>>();

/** The memory of `rules` in `store`, made on first use (the rules are not changed once loaded: a changed copy is a new object). */
function memoOf<V>(store: WeakMap<Rules, Memo<string, V>>, rules: Rules): Memo<string, V> {
  let memo = store.get(rules);
  if (!memo) store.set(rules, (memo = boundedMemo<string, V>(100_000)));
  return memo;
}

function decide(rules: Rules, el: ElementInfo): Decision {
  const tag = el.tag.toUpperCase();
  const isPrivate = isPrivateTag(tag);
  for (const kind of rules.precedence) {
    switch (kind) {
      case 'skip_uid': {
        if (el.vr !== 'UI') break;
        const hit = rules.skipUid.find((s) => nameContains(el, s));
        if (hit) return { action: 'K', ruleId: `skip_uid:${hit}`, kind, categories: [] };
        break;
      }
      case 'dicom_tags': {
        const rule = findTagRule(rules, tag);
        if (!rule) break;
        const action = effectiveTagAction(rule, rules.profile);
        const decision: Decision = { action, ruleId: rule.id, kind, categories: rule.safeHarbor, rule };
        if (rule.value !== undefined && action === 'D') decision.value = rule.value;
        return decision;
      }
      case 'private_attributes': {
        if (!isPrivate) break;
        if (isPrivateCreator(tag)) {
          // Kept only while a data element of its block is kept; the metadata step drops unused creators.
          return { action: 'K', ruleId: 'private:creator', kind, categories: [] };
        }
        if (rules.profile.retainSafePrivate) {
          const safe = findSafePrivate(rules, tag, el.privateCreator);
          if (safe) return { action: 'K', ruleId: `safe_private:(${safe.tag.slice(0, 4)},${safe.tag.slice(4)}) ${safe.creator}`, kind, categories: [] };
        }
        return { action: rules.privateAttributes.action, ruleId: 'private:default', kind, categories: rules.privateAttributes.safeHarbor };
      }
      case 'keywords': {
        const hit = rules.keywords.find((k) => nameContains(el, k.match));
        if (hit) return { action: hit.action, ruleId: `keyword:${hit.match}`, kind, categories: ['R'] };
        break;
      }
      case 'condition_remove': {
        const hit = rules.conditionRemove.find((s) => nameContains(el, s));
        if (hit) return { action: 'C', ruleId: `condition_remove:${hit}`, kind, categories: FREE_TEXT };
        break;
      }
      case 'uid_default':
        if (el.vr === 'UI') return { action: 'U', ruleId: 'uid_default', kind, categories: ['R'] };
        break;
      case 'vr_default':
        if (el.vr === 'PN') return { action: 'D', ruleId: 'vr_default:PN', kind, categories: ['A'] };
        if (DATE_VRS.has(el.vr)) return { action: 'C', ruleId: `vr_default:${el.vr}`, kind, categories: ['C'] };
        // UN: the dictionary does not know it, so nothing vouches for its content.
        if (el.vr === 'UN') return { action: 'X', ruleId: 'vr_default:UN', kind, categories: ['R'] };
        if (el.inCleanContext && TEXT_VRS.has(el.vr)) return { action: 'C', ruleId: `vr_default:${el.vr}-in-cleaned-sequence`, kind, categories: FREE_TEXT };
        // Prose (ST, LT, UT) that no rule names, anywhere (an SR Text Value in a kept sequence): cleaned, never kept as written.
        if (PROSE_VRS.has(el.vr)) return { action: 'C', ruleId: `vr_default:${el.vr}`, kind, categories: FREE_TEXT };
        break;
      case 'keep':
        return { action: 'K', ruleId: 'keep', kind, categories: [] };
    }
  }
  // Precedence always lists `keep`, so this is only reached by a hand-built Rules object.
  return { action: 'K', ruleId: 'keep', kind: 'keep', categories: [] };
}

const FREE_TEXT: SafeHarborCategory[] = ['A', 'B', 'C', 'D', 'R'];
/** The value representations of running text: short, long and unlimited text. */
const PROSE_VRS: ReadonlySet<string> = new Set(['ST', 'LT', 'UT']);

/** The placeholder for a person name under `D`, by the element's name (`The^Patient`, `Dr.^Physician`, …). */
export function personNamePlaceholder(rules: Rules, el: Pick<ElementInfo, 'name' | 'keyword'>): string {
  const hit = rules.personNamePlaceholders.find((p) => p.match === '' || nameContains(el as ElementInfo, p.match));
  return hit?.value ?? 'Anonymized^Person';
}
