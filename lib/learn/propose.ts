import { compileLinearPattern, linearPatternProblem } from '../linear-regex.js';
import type { Action } from '../rules/actions.js';
import { CODED_ENTRY_TAGS, strictestTypeAnywhere } from '../rules/iod-types.js';
import { effectiveTagAction, findTagRule } from '../rules/resolve.js';
import type { Rules } from '../rules/types.js';
import type { SafeHarborCategory } from '../safe-harbor.js';
import { findAgesOver89 } from '../text/ages.js';
import { makeVocabulary } from '../text/vocabulary.js';
import { GENERAL_KINDS, GENERAL_PATTERNS, generalPattern, kindOf, narrowedPattern, type GeneralKind } from './general-patterns.js';
import { harmlessSamples, isTechnicalAnnotation } from './harmless.js';
import { mergeShapes, shapeLength, shapeOf, shapeToRegex, type Shape } from './shape.js';
import type { LearnFinding, ProposedTag, RulesProposal } from './types.js';

/** Options of {@link proposeRules}. */
export interface ProposeOptions {
  /** Extra harmless text, e.g. technical values gathered from the evaluated datasets (optional). */
  harmless?: readonly string[];
  /** Propose keep-list words for false positives a reviewer marked `harmless` (default: true). */
  keepList?: boolean;
  /** How often a false positive must repeat before it becomes a keep-list word (default: 2). */
  minRepeats?: number;
  /** Fewest letters and digits a learned pattern may have (default: 5): shorter ones match too much. */
  minLength?: number;
}

const FALSE_POSITIVE = /^(?:harmless|false[\s_-]?positive|fp|keep|not\s*phi)$/i;
const isFalsePositive = (f: LearnFinding) => FALSE_POSITIVE.test((f.verdict ?? '').trim());

/** `(0010,1000)`, or `(0009,xx01)` for a private data element: the block byte differs from file to file. */
function tagPattern(tag: string): string {
  const private_ = parseInt(tag.slice(0, 4), 16) % 2 === 1;
  return private_ ? `(${tag.slice(0, 4)},xx${tag.slice(6)})` : `(${tag.slice(0, 4)},${tag.slice(4)})`;
}

/** A coded entry, Code Meaning included: a concept of a coding scheme, structural. */
const CODED_ENTRY = new Set([...CODED_ENTRY_TAGS, '00080104']);

/**
 * The action to propose for an element whose whole value leaked and that no rule covers: never the
 * removal of what some IOD requires. Type 1 (anywhere in the standard) gets a dummy value, Type 2 an
 * empty one; otherwise names get a placeholder, UIDs a new UID, and the rest is removed. (Cleaning
 * would keep a value that leaked whole, so it is not proposed for it.)
 */
function actionFor(tag: string, vr: string | undefined, isPrivate: boolean): { action: Action; structural?: string } {
  if (vr === 'PN' && !isPrivate) return { action: 'D' };
  if (vr === 'UI' && !isPrivate) return { action: 'U' };
  const type = isPrivate ? undefined : strictestTypeAnywhere(tag);
  if (type === '1' || type === '1C') return { action: 'D', structural: `Type ${type}` };
  if (type === '2' || type === '2C') return { action: 'Z', structural: `Type ${type}` };
  return { action: 'X' };
}

/** Compiles an existing rules regex the way the PHI detector does: `\b(?:p)\b`, ignoring case, on the linear-time engine. */
const compileRule = (p: string) => {
  const pattern = compileLinearPattern(p, 'word');
  return { test: (text: string) => pattern.matchAll(text).length > 0 };
};

/**
 * Compiles a candidate as every part of the kit runs rules regexes: the PHI detector between word
 * boundaries, the header cleaner between non-letters (they differ beside `_`, accented letters and
 * dots). A candidate is safe only when neither way matches harmless text.
 */
const compileGuard = (p: string) => {
  const word = compileLinearPattern(p, 'word');
  const letters = compileLinearPattern(p, 'letters');
  return { test: (text: string) => word.matchAll(text).length > 0 || letters.matchAll(text).length > 0 };
};

/**
 * Turns evaluation findings into a proposal of additions to the rules:
 * - a `dicom_tags` entry for each element whose whole value leaked and that no tag rule covers;
 * - a `regex` entry for each ID-like shape found inside free text or pixels (`ZX-48213-Q` →
 *   `\b[A-Z]{2}-\d{5}-[A-Z]\b`), unless an existing regex already matches all its examples, and
 *   only if it matches none of the harmless samples (keep-list, technical values, numbers such as
 *   `120`, `5 cm`, `W 400 L 40`, common words): a pattern that is too broad is rejected, with the reason;
 * - `pixel_keep_list` words for false positives a reviewer marked `harmless` that repeat.
 * Learning twice from the same findings proposes nothing the second time.
 *
 * @example formatProposal(proposeRules(await readFindings(['output/report']), loadRules(path)))
 */
export function proposeRules(findings: readonly LearnFinding[], rules: Rules, options: ProposeOptions = {}): RulesProposal {
  const minLength = options.minLength ?? 5;
  const proposal: RulesProposal = { rulesSource: rules.source, rulesHash: rules.hash, dicomTags: [], regex: [], keepList: [], rejected: [], notes: [] };
  const real = findings.filter((f) => !isFalsePositive(f) && f.text.trim() !== '');

  // 1. Elements that leaked as a whole.
  const tags = new Map<string, ProposedTag>();
  const forRegex: LearnFinding[] = [];
  for (const f of real) {
    if (f.source !== 'tag' || !f.tag || f.scope !== 'whole') {
      forRegex.push(f);
      continue;
    }
    const existing = findTagRule(rules, f.tag);
    if (existing) {
      const action = effectiveTagAction(existing, rules.profile);
      // Removed, emptied or replaced by the rules as they are now: this leak is answered already.
      if (action === 'X' || action === 'Z' || action === 'D' || action === 'U') continue;
      // Kept or cleaned and still leaked: a pattern for the value helps the cleaner; a person should look at the rule.
      if (!proposal.notes.some((n) => n.startsWith(`${existing.id} `))) proposal.notes.push(`${existing.id} is ${action === 'K' ? 'kept' : 'cleaned'} by the rules and still leaked: review it`);
      forRegex.push(f);
      continue;
    }
    const pattern = tagPattern(f.tag);
    const isPrivate = pattern.includes('xx');
    if (CODED_ENTRY.has(f.tag)) {
      // A code names a concept of a coding scheme; emptying it breaks every coded sequence.
      const note = `${pattern} ${f.keyword || f.name || 'coded entry'} is part of a coded entry (structural): not proposed; its findings are most likely codes taken for IDs`;
      if (!proposal.notes.includes(note)) proposal.notes.push(note);
      continue;
    }
    const chosen = actionFor(f.tag, f.vr, isPrivate);
    if (chosen.structural) {
      const note = `${pattern} ${f.keyword || f.name || ''} is ${chosen.structural} in some IOD: proposed ${chosen.action === 'D' ? 'a dummy value' : 'an empty value'}, never removal`;
      if (!proposal.notes.includes(note)) proposal.notes.push(note);
    }
    const entry = tags.get(pattern) ?? { tag: pattern, name: f.name || f.keyword || (isPrivate ? `Private ${pattern}${f.privateCreator ? ` (${f.privateCreator})` : ''}` : pattern), action: chosen.action, safeHarbor: [], findings: 0 };
    entry.findings++;
    if (!entry.safeHarbor.includes(f.category)) entry.safeHarbor.push(f.category);
    tags.set(pattern, entry);
  }
  proposal.dicomTags = [...tags.values()].map((t) => ({ ...t, safeHarbor: [...t.safeHarbor].sort() }));

  // 2. Patterns. Findings of a general kind (address, URL, e-mail, phone, date) become the one general
  //    pattern of their kind; ID-like text becomes the regex of its shape. Every candidate is tried on
  //    the harmless text of the run (pixel lines, technical values), the keep-list and the clinical
  //    vocabulary, and rejected when it matches any; what it covers is counted.
  const existing = rules.regex.map((p) => ({ p, re: compileRule(p) }));
  const harmless = harmlessSamples(rules, options.harmless ?? []);
  const vocabulary = makeVocabulary(rules.clinicalVocabulary);
  const protectedTexts = [...harmless, ...rules.clinicalVocabulary];
  const kinds = new Map<GeneralKind, { examples: string[]; categories: Set<SafeHarborCategory> }>();
  // Shapes of one structure whose lengths differ by at most 2 are merged (`\d{6,7}`); others stay apart.
  const groups: Array<{ shape: Shape; examples: string[]; categories: Set<SafeHarborCategory> }> = [];
  // Findings an existing regex already matches still join their group, so groups come out the same when
  // learning again; a group (or kind) whose every example is matched is answered and skipped below.
  const answered = (examples: string[]) => examples.every((e) => existing.some(({ re }) => re.test(e)));
  for (const f of forRegex) {
    const text = f.text.trim();
    // Annotation read as PHI (the probe line `C5-1 17Hz MI 1.2`): a pattern from it would black out every image.
    if (isTechnicalAnnotation(text, vocabulary)) {
      const note = `a finding that reads as technical annotation was not learned from (${f.source === 'pixel' ? 'pixel text' : 'header text'}); mark such findings harmless for the keep-list`;
      if (!proposal.notes.includes(note)) proposal.notes.push(note);
      continue;
    }
    // Ages over 89 are the built-in age rules' (in any phrasing); a pattern would also take younger ages.
    if (findAgesOver89(text).length > 0 || /^(?:age[ds]?\s*[:=]?\s*\d{1,3}|\d{1,3}\s*(?:y|yo|y\/o|yrs?|years?))$/i.test(text)) {
      const note = 'ages over 89 are answered by the built-in age rules: no pattern proposed for them';
      if (!proposal.notes.includes(note)) proposal.notes.push(note);
      continue;
    }
    const kind = kindOf(text) ?? kindOf(text.replace(/(?<=\d)\p{L}{1,6}$/u, ''));
    if (kind) {
      const k = kinds.get(kind) ?? { examples: [], categories: new Set() };
      k.examples.push(text);
      k.categories.add(f.category);
      kinds.set(kind, k);
      continue;
    }
    // OCR runs a neighbouring word onto an ID (`A8199894THIN`): the word is not part of the ID's shape.
    const core = text.replace(/(?<=\d)\p{L}{3,}$/u, '');
    const shape = shapeOf(core);
    if (!shape) continue; // names and words: the identity deny-list and tag rules handle them
    const group = groups.find((g) => g.shape.structure === shape.structure && closeEnough(mergeShapes(g.shape, shape)));
    if (group) {
      group.shape = mergeShapes(group.shape, shape);
      group.examples.push(core);
      group.categories.add(f.category);
    } else groups.push({ shape, examples: [core], categories: new Set([f.category]) });
  }
  const allFindings = forRegex.map((f) => f.text.trim());
  const judge = (pattern: string, examples: string[], categories: Set<SafeHarborCategory>, kind?: GeneralKind, leftOut: readonly string[] = []): void => {
    const problem = linearPatternProblem(pattern);
    if (problem) {
      proposal.rejected.push({ pattern, reason: problem });
      return;
    }
    const re = compileRule(pattern);
    const covered = examples.filter((e) => re.test(e)).length;
    if (covered === 0) {
      proposal.rejected.push({ pattern, reason: 'matches none of its own examples' });
      return;
    }
    const guard = compileGuard(pattern);
    const hit = protectedTexts.find((h) => guard.test(h));
    if (hit !== undefined) {
      proposal.rejected.push({ pattern, reason: `too broad: matches the harmless text ${JSON.stringify(hit)}` });
      // A general pattern may be narrowed instead (an address pattern without the suffixes that are clinical words here).
      const narrowed = kind && narrowedPattern(kind, (p) => {
        const candidate = compileGuard(p);
        return protectedTexts.some((h) => candidate.test(h));
      }, leftOut);
      if (narrowed) {
        proposal.notes.push(`the general ${kind} pattern was narrowed: ${narrowed.dropped.join(', ')} left out, as they match text this run judged harmless`);
        judge(narrowed.pattern, examples, categories);
      }
      return;
    }
    const alsoCovers = allFindings.filter((t) => !examples.includes(t) && re.test(t)).length;
    proposal.regex.push({ pattern, safeHarbor: [...categories].sort(), examples: covered, testedOn: protectedTexts.length, alsoCovers });
  };
  for (const kind of GENERAL_KINDS) {
    const k = kinds.get(kind);
    if (!k) continue;
    // The general pattern may already be in the rules, or other rules answer every example.
    const general = generalPattern(kind, (word) => vocabulary.clinical(word));
    if (rules.regex.includes(GENERAL_PATTERNS[kind]) || rules.regex.includes(general.pattern) || answered(k.examples)) continue;
    if (general.dropped.length > 0) proposal.notes.push(`the general ${kind} pattern leaves out ${general.dropped.join(', ')}: they are clinical words or end clinical phrases`);
    judge(general.pattern, k.examples, k.categories, kind, general.dropped);
  }
  for (const { shape, examples, categories } of groups) {
    if (answered(examples)) continue;
    const pattern = shapeToRegex(shape);
    const onlyDigits = shape.pieces.every((p) => p.kind === 'digits');
    if (shapeLength(shape) < minLength || (onlyDigits && shapeLength(shape) < 7)) {
      proposal.rejected.push({ pattern, reason: `too short to be specific (${shapeLength(shape)} letters and digits)` });
      continue;
    }
    if (!examples.every((e) => compileRule(pattern).test(e))) {
      proposal.rejected.push({ pattern, reason: 'does not match all of its own examples' });
      continue;
    }
    judge(pattern, examples, categories);
  }

  // 3. Repeated false positives become keep-list words.
  if (options.keepList ?? true) {
    const counts = new Map<string, number>();
    for (const f of findings.filter(isFalsePositive)) {
      const word = f.text.trim().toUpperCase().replace(/\s+/g, ' ');
      if (word.length === 0 || word.length > 40) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    const kept = new Set(rules.pixelKeepList.map((w) => w.trim().toUpperCase()));
    for (const [word, n] of counts) if (n >= (options.minRepeats ?? 2) && !kept.has(word)) proposal.keepList.push(word);
  }
  return proposal;
}

const closeEnough = (shape: Shape) => shape.pieces.every((p) => p.kind === 'literal' || p.max - p.min <= 3);

/** True when the proposal would change nothing. */
export function isEmptyProposal(proposal: RulesProposal): boolean {
  return proposal.dicomTags.length === 0 && proposal.regex.length === 0 && proposal.keepList.length === 0;
}
