import type { Action } from '../rules/actions.js';
import type { SafeHarborCategory } from '../safe-harbor.js';

/** A finding as learning sees it (from the evaluation's TSVs or its in-memory findings). Holds PHI text. */
export interface LearnFinding {
  source: 'tag' | 'pixel';
  /** 8 upper-case hex digits (tag findings). */
  tag?: string;
  keyword?: string;
  name?: string;
  vr?: string;
  privateCreator?: string;
  /** The detected text. */
  text: string;
  /** `whole`: the element's whole value; `part`: inside free text (pixel findings are `part`). */
  scope: 'whole' | 'part';
  type: string;
  category: SafeHarborCategory;
  /** A reviewer's verdict from the report; `harmless` (or `false positive`, `fp`, `keep`) marks a false positive. */
  verdict?: string;
}

/** A proposed `dicom_tags` entry. */
export interface ProposedTag {
  /** `(0010,1000)`, or `(0009,xx01)` for a private element (any block). */
  tag: string;
  name: string;
  action: Action;
  safeHarbor: SafeHarborCategory[];
  /** How many findings it answers. */
  findings: number;
}

/** A proposed `regex` entry, generalised from the shape of detected text. */
export interface ProposedRegex {
  pattern: string;
  safeHarbor: SafeHarborCategory[];
  /** How many findings it covers (the texts themselves are not kept in the proposal). */
  examples: number;
  /** How many harmless samples it was tried on (and matched none). */
  testedOn: number;
  /** Findings of other kinds or shapes in the same run that it also matches (PHI too, so welcome). */
  alsoCovers?: number;
}

/** A candidate that was not proposed, and why (no PHI: harmless samples are not PHI). */
export interface Rejection {
  pattern: string;
  reason: string;
}

/** What learning proposes: only additions, never removals. */
export interface RulesProposal {
  /** The rules file the proposal is for (Rules.source). */
  rulesSource: string;
  /** sha256 of the rules the proposal was made from: applying it to a changed file is refused. */
  rulesHash: string;
  dicomTags: ProposedTag[];
  regex: ProposedRegex[];
  /** New `pixel_keep_list` words, from repeated false positives. */
  keepList: string[];
  rejected: Rejection[];
  /** Findings already answered by existing rules, and other remarks (no PHI). */
  notes: string[];
}
