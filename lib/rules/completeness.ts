/**
 * Does a rules file still de-identify? Every attribute that DICOM PS3.15 Table E.1-1 (the Basic
 * Profile) removes or replaces is checked against what the rules would do to it, so a rules file
 * that silently keeps Patient ID, addresses or accession numbers is refused before any file is read.
 */
import { formatTag, keywordOf, nameOf, vrOf } from '../dicom/elements.js';
import type { Action } from './actions.js';
import { PROFILE_TABLE, profileRowOptions, type ProfileRow } from './profile-table.js';
import { RulesError } from './parse.js';
import { activeOptionColumns, resolveAction } from './resolve.js';
import type { ProfileOptions, Rules } from './types.js';
import { boundedMemo } from '../bounded-memo.js';

/** What the profile asks of an attribute: keep it, clean it (free text, dates), or remove/replace its value. */
export type ProfileDemand = 'keep' | 'clean' | 'replace';

/** One attribute of the Basic Profile the rules would leave identifying. */
export interface MissingProfileEntry {
  /** `(0010,0020)`, or `(gggg,eeee) odd group` for private attributes. */
  tag: string;
  name: string;
  /** What the profile asks for. */
  demand: ProfileDemand;
  /** What the rules would do, e.g. `K by keep`, `C by condition_remove:ID`. */
  rulesDo: string;
}

const DATE_VRS = new Set(['DA', 'DT', 'TM']);
const NUMERIC_VRS = new Set(['US', 'SS', 'UL', 'SL', 'UV', 'SV', 'FL', 'FD', 'IS', 'DS', 'AT']);
const TEXT_VRS = new Set(['LO', 'LT', 'SH', 'ST', 'UT', 'UC', 'CS', 'AE', 'UR']);

/** The option codes of the table's rows, parsed once (the verification asks for them in every file). */
const TABLE_OPTIONS = new Map<string, Readonly<Record<string, string>>>(PROFILE_TABLE.map((row) => [row[3], Object.freeze(profileRowOptions(row[3]))]));

/** The demand of one table row under the profile options: the last active option column with a code wins. */
export function profileDemand(row: ProfileRow, profile: ProfileOptions): ProfileDemand {
  const codes = TABLE_OPTIONS.get(row[3]) ?? profileRowOptions(row[3]);
  let code: string | undefined;
  for (const column of activeOptionColumns(profile)) code = codes[column] ?? code;
  if (code === 'K') return 'keep';
  if (code === 'C') return 'clean';
  return 'replace';
}

/** What an action does to a value of this VR, in the terms of {@link ProfileDemand} (plus `date`: changed per date policy). */
function outcomeOf(action: Action, vr: string, tag: string): ProfileDemand | 'date' | 'recurse' {
  if (vr === 'SQ') {
    if (action === 'X' || action === 'Z') return 'replace';
    return action === 'D' || action === 'C' ? 'clean' : 'recurse';
  }
  switch (action) {
    case 'X':
    case 'Z':
    case 'D':
    case 'U':
      return 'replace';
    case 'K':
      return 'keep';
    case 'C':
      if (vr === 'UI' || vr === 'PN') return 'replace';
      if (DATE_VRS.has(vr)) return 'date';
      if (vr === 'AS' || NUMERIC_VRS.has(vr)) return 'keep';
      if (TEXT_VRS.has(vr) || /^60[0-9A-F]{2}3000$/.test(tag)) return 'clean';
      return 'replace'; // binary content cannot be cleaned: the metadata step removes it
  }
}

/** True when doing `outcome` to a row's value meets the profile's `demand`. */
function meets(outcome: ReturnType<typeof outcomeOf>, demand: ProfileDemand, row: ProfileRow, vr: string): boolean {
  if (demand === 'keep' || outcome === 'replace') return true;
  // Dates follow the rules' date policy (year only, shift or remove), whatever the row's code.
  if (outcome === 'date') return true;
  const basic = row[2];
  if (vr === 'SQ') {
    // X/Z/U* and D sequences may stay: their items are de-identified element by element (U) or cleaned (D).
    if (outcome === 'recurse') return basic.includes('U');
    if (outcome === 'clean') return demand === 'clean' || basic.includes('D') || basic.includes('U');
  }
  return outcome === 'clean' && demand === 'clean';
}

const concreteTag = (tag: string) => tag.toUpperCase().replace(/X/g, '0');

/**
 * The Basic Profile attributes (Table E.1-1, with the rules' own profile options applied) and the
 * private attributes that the rules would leave identifying: kept where the profile removes or
 * replaces them, or only cleaned where the profile removes them. Empty for a complete rules file.
 *
 * @example missingProfileEntries(parseRules('rules: {}')).map((m) => m.tag) // includes '(0010,0020)'
 */
export function missingProfileEntries(rules: Rules): MissingProfileEntry[] {
  const missing: MissingProfileEntry[] = [];
  for (const row of PROFILE_TABLE) {
    const tag = concreteTag(row[0]);
    const vr = vrOf(tag) ?? 'UN';
    const demand = profileDemand(row, rules.profile);
    const keyword = keywordOf(tag);
    const decision = resolveAction(rules, { tag, vr, keyword, name: keyword ? nameOf(tag) : row[1] });
    const outcome = outcomeOf(decision.action, vr, tag);
    if (!meets(outcome, demand, row, vr)) missing.push({ tag: formatTag(row[0].toUpperCase()).replace(/X/g, 'x'), name: row[1], demand, rulesDo: `${decision.action} by ${decision.ruleId}` });
  }
  // Private attributes not on the safe list are removed (Table E.1-1 "Private attributes": X).
  for (const vr of ['LO', 'OB']) {
    const decision = resolveAction(rules, { tag: '00091010', vr, privateCreator: 'UNLISTED CREATOR' });
    if (outcomeOf(decision.action, vr, '00091010') !== 'replace') {
      missing.push({ tag: '(gggg,eeee) odd group', name: `Private attributes (${vr})`, demand: 'replace', rulesDo: `${decision.action} by ${decision.ruleId}` });
    }
  }
  return missing;
}

const DEMAND_WORDS: Record<ProfileDemand, string> = { keep: 'may keep', clean: 'must clean or remove', replace: 'must remove or replace' };

/**
 * A short description of missing entries for an error message: the first `limit` entries, then a count.
 * Names and tags only: rules hold no PHI, and neither does this text.
 */
export function describeMissingEntries(missing: readonly MissingProfileEntry[], limit = 25): string {
  // The patient's own attributes (group 0010) first: they are what a reader checks first.
  const ordered = [...missing].sort((a, b) => Number(!a.tag.startsWith('(0010,')) - Number(!b.tag.startsWith('(0010,')) || a.tag.localeCompare(b.tag));
  const shown = ordered.slice(0, limit).map((m) => `${m.tag} ${m.name} (${DEMAND_WORDS[m.demand]}; the rules do ${m.rulesDo})`);
  const more = missing.length > limit ? [`… and ${missing.length - limit} more`] : [];
  return [...shown, ...more].map((line) => `  ${line}`).join('\n');
}

/** Rules that leave Basic Profile attributes identifying, refused before a run starts (the CLI exits 2). */
export class IncompleteRulesError extends RulesError {
  constructor(
    source: string,
    /** The attributes the rules would leave identifying. */
    readonly missing: readonly MissingProfileEntry[],
  ) {
    super(
      `${source}: the rules leave ${missing.length} attribute(s) of the DICOM PS3.15 Basic Profile identifying:\n${describeMissingEntries(missing)}\n` +
        'Add rules for them (configs/de-id/de_id_rules_auto.yaml covers them all), or allow it explicitly with --allow-incomplete-rules ' +
        '(option allowIncompleteRules): the output is then marked Patient Identity Removed = NO.',
      'rules',
    );
    this.name = 'IncompleteRulesError';
  }
}

const checked = new WeakMap<Rules, MissingProfileEntry[]>();

/**
 * Refuses rules that leave Basic Profile attributes identifying, unless `allowIncomplete`.
 * Returns what is missing (empty for complete rules), so an allowed incomplete run can mark its output.
 *
 * @throws IncompleteRulesError listing the missing entries.
 */
export function assertCompleteRules(rules: Rules, options: { allowIncomplete?: boolean } = {}): readonly MissingProfileEntry[] {
  let missing = checked.get(rules);
  if (!missing) checked.set(rules, (missing = missingProfileEntries(rules)));
  if (missing.length > 0 && !options.allowIncomplete) throw new IncompleteRulesError(rules.source, missing);
  return missing;
}

const ROWS_BY_TAG = new Map(PROFILE_TABLE.filter((r) => !/x/i.test(r[0])).map((r) => [r[0].toUpperCase(), r]));
const WILDCARD_ROWS = PROFILE_TABLE.filter((r) => /x/i.test(r[0])).map((r) => ({ row: r, pattern: r[0].toUpperCase() }));

/** The Table E.1-1 row of a tag (repeating groups 50xx and 60xx included), if the profile lists it. */
export function profileRowFor(tag: string): ProfileRow | undefined {
  const t = tag.toUpperCase();
  const exact = ROWS_BY_TAG.get(t);
  if (exact) return exact;
  // Most tags are in no row: the wildcard rows are searched once per tag (asked for every element of every file).
  return wildcardRows(t, () => WILDCARD_ROWS.find(({ pattern }) => [...pattern].every((c, i) => c === 'X' || c === t[i]))?.row);
}

/** The wildcard row of each tag not listed exactly (undefined: none), by tag. */
const wildcardRows = boundedMemo<string, ProfileRow | undefined>(20_000);
