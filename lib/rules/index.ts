export * from './actions.js';
export * from './types.js';
export { parseRules, loadRules, parseTagPattern, RulesError } from './parse.js';
export {
  resolveAction,
  effectiveTagAction,
  activeOptionColumns,
  findTagRule,
  findSafePrivate,
  matchesTagPattern,
  personNamePlaceholder,
} from './resolve.js';
export { renderDefaultRulesYaml, DEFAULT_PIXEL_KEEP_LIST, DEFAULT_REGEX } from './default-rules.js';
export { PROFILE_TABLE, type ProfileRow } from './profile-table.js';
export { profileRowOptions } from './profile-table.js';
export {
  assertCompleteRules,
  describeMissingEntries,
  IncompleteRulesError,
  missingProfileEntries,
  profileDemand,
  type MissingProfileEntry,
  type ProfileDemand,
} from './completeness.js';
