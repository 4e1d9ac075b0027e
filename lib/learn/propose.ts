import { compileLinearPattern } from '../linear-regex.js';
import type { Action } from '../rules/actions.js';
import { effectiveTagAction, findTagRule } from '../rules/resolve.js';
import type { Rules } from '../rules/types.js';
import type { SafeHarborCategory } from '../safe-harbor.js';
import { harmlessSamples } from './harmless.js';
import { mergeShapes, shapeLength, shapeOf, shapeToRegex, type Shape } from './shape.js';
import type { LearnFinding, ProposedRegex, ProposedTag, RulesProposal } from './types.js';

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

function actionFor(vr: string | undefined, isPrivate: boolean): Action {
  if (vr === 'PN' && !isPrivate) return 'D';
  if (vr === 'UI' && !isPrivate) return 'U';
  return 'X';
}

/** Compiles an existing rules regex the way the PHI detector does: `\b(?:p)\b`, ignoring case, on the linear-time engine. */
const compileRule = (p: string) => {
  const pattern = compileLinearPattern(p, 'word');
  return { test: (text: string) => pattern.matchAll(text).length > 0 };
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
    const entry = tags.get(pattern) ?? { tag: pattern, name: f.name || f.keyword || (isPrivate ? `Private ${pattern}${f.privateCreator ? ` (${f.privateCreator})` : ''}` : pattern), action: actionFor(f.vr, isPrivate), safeHarbor: [], findings: 0 };
    entry.findings++;
    if (!entry.safeHarbor.includes(f.category)) entry.safeHarbor.push(f.category);
    tags.set(pattern, entry);
  }
  proposal.dicomTags = [...tags.values()].map((t) => ({ ...t, safeHarbor: [...t.safeHarbor].sort() }));

  // 2. Shapes of ID-like text.
  const existing = rules.regex.map((p) => ({ p, re: compileRule(p) }));
  // Shapes of one structure whose lengths differ by at most 2 are merged (`\d{6,7}`); others stay apart.
  const groups: Array<{ shape: Shape; examples: string[]; categories: Set<SafeHarborCategory> }> = [];
  for (const f of forRegex) {
    const text = f.text.trim();
    if (existing.some(({ re }) => re.test(text))) continue;
    const shape = shapeOf(text);
    if (!shape) continue; // names and words: the identity deny-list and tag rules handle them
    const group = groups.find((g) => g.shape.structure === shape.structure && closeEnough(mergeShapes(g.shape, shape)));
    if (group) {
      group.shape = mergeShapes(group.shape, shape);
      group.examples.push(text);
      group.categories.add(f.category);
    } else groups.push({ shape, examples: [text], categories: new Set([f.category]) });
  }
  const harmless = harmlessSamples(rules, options.harmless ?? []);
  for (const { shape, examples, categories } of groups) {
    const pattern = shapeToRegex(shape);
    const re = compileRule(pattern);
    const onlyDigits = shape.pieces.every((p) => p.kind === 'digits');
    if (shapeLength(shape) < minLength || (onlyDigits && shapeLength(shape) < 7)) {
      proposal.rejected.push({ pattern, reason: `too short to be specific (${shapeLength(shape)} letters and digits)` });
      continue;
    }
    if (!examples.every((e) => re.test(e))) {
      proposal.rejected.push({ pattern, reason: 'does not match all of its own examples' });
      continue;
    }
    const hit = harmless.find((h) => re.test(h));
    if (hit !== undefined) {
      proposal.rejected.push({ pattern, reason: `too broad: matches the harmless text ${JSON.stringify(hit)}` });
      continue;
    }
    const entry: ProposedRegex = { pattern, safeHarbor: [...categories].sort(), examples: examples.length, testedOn: harmless.length };
    proposal.regex.push(entry);
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

const closeEnough = (shape: Shape) => shape.pieces.every((p) => p.kind === 'literal' || p.max - p.min <= 2);

/** True when the proposal would change nothing. */
export function isEmptyProposal(proposal: RulesProposal): boolean {
  return proposal.dicomTags.length === 0 && proposal.regex.length === 0 && proposal.keepList.length === 0;
}
