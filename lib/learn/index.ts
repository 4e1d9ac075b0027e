export type { LearnFinding, ProposedTag, ProposedRegex, Rejection, RulesProposal } from './types.js';
export { proposeRules, isEmptyProposal, type ProposeOptions } from './propose.js';
export { formatProposal, LEARNED_NOTE } from './format.js';
export { applyProposal, LearnError, type ApplyResult } from './apply.js';
export { editRulesText, type YamlEdit, type Insertion } from './edit-yaml.js';
export { readReportFindings, judgedHarmless, learnFindingsFrom, type ReportFindings } from './read-findings.js';
export { shapeOf, shapeToRegex, mergeShapes, type Shape } from './shape.js';
export { harmlessSamples, technicalValues, HARMLESS_SAMPLES, TECHNICAL_KEYWORDS } from './harmless.js';
