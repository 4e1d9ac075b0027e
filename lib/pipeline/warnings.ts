import type { DeidMessage } from '../file.js';

/** One kind of warning in a manifest line: a stable id to match on, a sentence to read, how often it occurred. */
export interface ManifestWarning {
  /** Stable id (documented in the README): `pixel:phi-filled`, `pixel:not-checked`, … */
  id: string;
  /** What happened, in words (no PHI: kinds and counts, never values). */
  text: string;
  count: number;
}

/** A burned-in PHI finding's rule id: `pixel:<engine>:<type>` (e.g. `pixel:local:header-value:header:PatientID`, `pixel:local:regex:regex`). */
const PIXEL_FINDING = /^pixel:((?:local|aws):[^:]+):(.*)$/;

/** The detectors of burned-in PHI, in words. */
const DETECTORS: Record<string, string> = {
  'local:header-value': "values of the file's own header",
  'local:header-name': "names of the file's own header",
  'local:header-date': "dates of the file's own header",
  'local:header-phrase': "phrases of the file's own header",
  'local:regex': "the rules' patterns",
  'local:pattern': 'PHI patterns',
  'local:context': 'text between other PHI',
  'local:label': 'values after identity labels',
  'local:table': "columns of a table of identities (names, IDs, dates)",
  'local:block': 'the fail-closed rule for unread text beside identity lines',
  'aws:comprehend-medical': 'Amazon Comprehend Medical',
  'aws:comprehend': 'Amazon Comprehend',
};

/** Which detectors found the text, in words: `values of the file's own header (PatientID, StudyDate), the rules' patterns`. */
function foundBy(messages: DeidMessage[]): string {
  const details = new Map<string, Set<string>>();
  for (const m of messages) {
    const [, engine, type] = PIXEL_FINDING.exec(m.ruleId)!;
    const set = details.get(engine) ?? new Set<string>();
    // `header:PatientID` names the header element the text matched; a bare type repeating the engine says nothing more.
    const detail = type.replace(/^header:/, '');
    if (detail && !engine.endsWith(`:${detail}`)) set.add(detail);
    details.set(engine, set);
  }
  return [...details].map(([engine, set]) => `${DETECTORS[engine] ?? engine}${set.size ? ` (${[...set].join(', ')})` : ''}`).join('; ');
}

interface WarningKind {
  id: string;
  /** The sentence for these messages of this kind. */
  text: (messages: DeidMessage[]) => string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const distinct = (values: string[]) => [...new Set(values)].join(', ');
const reasons = (messages: DeidMessage[]) => distinct(messages.map((m) => m.reason));

/** Kinds with a fixed id and sentence; any other warning keeps its rule id and its own reason. */
function kindOf(message: DeidMessage): WarningKind {
  const finding = PIXEL_FINDING.exec(message.ruleId);
  if (finding && message.action === 'fill') {
    return {
      id: 'pixel:phi-filled',
      text: (ms) => `${plural(ms.length, 'finding', 'findings')} of burned-in PHI text, filled in the pixels; found by ${foundBy(ms)}`,
    };
  }
  if (finding) {
    return {
      id: 'pixel:phi-unlocated',
      text: (ms) => `${plural(ms.length, 'finding', 'findings')} of burned-in PHI text without a position in the image, so not filled; found by ${foundBy(ms)}`,
    };
  }
  switch (message.ruleId) {
    case 'pixel:not-checked':
      return { id: message.ruleId, text: () => 'the pixels were not checked for burned-in text (--no-pixels): Burned In Annotation keeps its value' };
    case 'pixel:encoding':
      return { id: message.ruleId, text: (ms) => `the redacted pixels were written in another encoding: ${reasons(ms)}` };
    case 'patient:unidentified':
      return { id: message.ruleId, text: () => 'the file names no patient (no Patient ID, name or birth date): it shares one pseudonym with every such file' };
    case 'save:duplicate-instance':
      return { id: message.ruleId, text: () => 'another input of this run has the same SOP Instance UID: this one was written under a numbered name' };
    default:
      return { id: message.ruleId, text: reasons };
  }
}

/**
 * The warnings of a processed file for its manifest line: its `warning` messages grouped by kind,
 * each with a stable id, a sentence and a count (the rule ids of messages are for code; these are
 * for the person reading the manifest).
 * @example manifestWarnings(file.messages) // [{ id: 'pixel:phi-filled', text: "2 findings of burned-in PHI text, filled in the pixels; found by the rules' patterns", count: 2 }]
 */
export function manifestWarnings(messages: readonly DeidMessage[]): ManifestWarning[] {
  const groups = new Map<string, { kind: WarningKind; messages: DeidMessage[] }>();
  for (const message of messages) {
    if (message.severity !== 'warning') continue;
    const kind = kindOf(message);
    const group = groups.get(kind.id) ?? { kind, messages: [] };
    group.messages.push(message);
    groups.set(kind.id, group);
  }
  return [...groups.values()].map(({ kind, messages: ms }) => ({ id: kind.id, text: kind.text(ms), count: ms.length }));
}
