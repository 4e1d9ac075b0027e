/**
 * Adds entries to lists of a rules YAML as text, at the end of each list, so every other line —
 * comments included — stays as it was. Falls back to a full re-dump only when a list cannot be
 * found as a block (a flow list `[...]`, a missing `rules` mapping).
 */
import { dump, load } from 'js-yaml';
import type { ProposedRegex, ProposedTag, RulesProposal } from './types.js';

/** Lines inserted after a line of the old text (0-based index of the line they follow). */
export interface Insertion {
  after: number;
  lines: string[];
  key: string;
}

/** The edited text and how it was made. */
export interface YamlEdit {
  text: string;
  /** `append`: lines inserted into the lists; `redump`: the document was written anew (comments lost). */
  mode: 'append' | 'redump' | 'none';
  insertions: Insertion[];
}

const indentOf = (line: string) => line.length - line.trimStart().length;
const isBlankOrComment = (line: string) => line.trim() === '' || line.trimStart().startsWith('#');
const quoteSingle = (s: string) => `'${s.replace(/'/g, "''")}'`;

function tagItem(t: ProposedTag, flow: boolean, listStyle: boolean, indent: string, note: string): string[] {
  const plain = !t.tag.includes('xx');
  const tag = listStyle && plain ? `[0x${t.tag.slice(1, 5)}, 0x${t.tag.slice(6, 10)}]` : JSON.stringify(t.tag);
  if (flow) return [`${indent}- {tag: ${tag}, name: ${JSON.stringify(t.name)}, action: ${t.action}, safe_harbor: [${t.safeHarbor.join(', ')}], note: ${JSON.stringify(note)}}`];
  return [`${indent}- tag: ${tag}`, `${indent}  name: ${JSON.stringify(t.name)}`, `${indent}  action: ${t.action}`, `${indent}  safe_harbor: [${t.safeHarbor.join(', ')}]`, `${indent}  note: ${JSON.stringify(note)}`];
}

const regexItem = (r: ProposedRegex, indent: string) => [`${indent}- ${quoteSingle(r.pattern)}`];
const wordItem = (w: string, indent: string) => [`${indent}- ${JSON.stringify(w)}`];

interface Block {
  keyLine: number;
  lastItemLine: number;
  itemIndent: string;
  firstItem?: string;
}

/** Finds `rules.<key>` as a block list; undefined when it is absent or not a block list. */
function findBlock(lines: string[], key: string): Block | 'absent' | 'flow' {
  const rulesLine = lines.findIndex((l) => /^rules:\s*(#.*)?$/.test(l));
  if (rulesLine < 0) return 'flow';
  const child = lines.slice(rulesLine + 1).find((l) => !isBlankOrComment(l));
  if (!child || indentOf(child) === 0) return 'flow';
  const childIndent = indentOf(child);
  let keyLine = -1;
  for (let i = rulesLine + 1; i < lines.length; i++) {
    const l = lines[i];
    if (isBlankOrComment(l)) continue;
    if (indentOf(l) === 0) break;
    if (indentOf(l) === childIndent && new RegExp(`^\\s*${key}:`).test(l)) {
      keyLine = i;
      break;
    }
  }
  if (keyLine < 0) return 'absent';
  if (!/^\s*[\w]+:\s*(#.*)?$/.test(lines[keyLine])) return 'flow'; // `key: [...]`, `key: []`
  let lastItemLine = keyLine;
  let firstItem: string | undefined;
  for (let i = keyLine + 1; i < lines.length; i++) {
    const l = lines[i];
    if (isBlankOrComment(l)) continue;
    const ind = indentOf(l);
    if (ind < childIndent || (ind === childIndent && !l.trimStart().startsWith('- '))) break;
    firstItem ??= l;
    lastItemLine = i;
  }
  const itemIndent = firstItem ? ' '.repeat(indentOf(firstItem)) : ' '.repeat(childIndent + 2);
  return { keyLine, lastItemLine, itemIndent, firstItem };
}

/**
 * Returns the rules text with the proposal's entries appended to `dicom_tags`, `regex` and
 * `pixel_keep_list` (a missing list is added at the end of `rules`).
 */
export function editRulesText(text: string, proposal: RulesProposal, note: string): YamlEdit {
  const lines = text.split('\n');
  const insertions: Insertion[] = [];
  const lists: Array<[string, (indent: string, block: Block | undefined) => string[]]> = [
    ['dicom_tags', (indent, block) => {
      const flow = block?.firstItem ? /^\s*- \{/.test(block.firstItem) : true;
      const listStyle = block?.firstItem ? /tag:\s*\[/.test(block.firstItem) || !flow : false;
      return proposal.dicomTags.flatMap((t) => tagItem(t, flow, listStyle && !flow, indent, note));
    }],
    ['regex', (indent) => proposal.regex.flatMap((r) => regexItem(r, indent))],
    ['pixel_keep_list', (indent) => proposal.keepList.flatMap((w) => wordItem(w, indent))],
  ];
  const counts: Record<string, number> = { dicom_tags: proposal.dicomTags.length, regex: proposal.regex.length, pixel_keep_list: proposal.keepList.length };
  let endOfRules = -1;
  for (const [key, render] of lists) {
    if (counts[key] === 0) continue;
    const block = findBlock(lines, key);
    if (block === 'flow') return redump(text, proposal, note);
    if (block === 'absent') {
      // Append a new list at the end of the rules mapping (the file's last top-level block).
      const rulesLine = lines.findIndex((l) => /^rules:\s*(#.*)?$/.test(l));
      const laterTop = lines.findIndex((l, i) => i > rulesLine && !isBlankOrComment(l) && indentOf(l) === 0);
      if (laterTop >= 0) return redump(text, proposal, note);
      if (endOfRules < 0) {
        endOfRules = lines.length - 1;
        while (endOfRules > rulesLine && isBlankOrComment(lines[endOfRules])) endOfRules--;
      }
      const child = lines.slice(rulesLine + 1).find((l) => !isBlankOrComment(l));
      const childIndent = child ? ' '.repeat(indentOf(child)) : '  ';
      insertions.push({ after: endOfRules, key, lines: [`${childIndent}${key}:`, ...render(childIndent + '  ', undefined)] });
      continue;
    }
    insertions.push({ after: block.lastItemLine, key, lines: render(block.itemIndent, block) });
  }
  if (insertions.length === 0) return { text, mode: 'none', insertions };
  const out = [...lines];
  for (const ins of [...insertions].sort((a, b) => b.after - a.after)) out.splice(ins.after + 1, 0, ...ins.lines);
  return { text: out.join('\n'), mode: 'append', insertions };
}

/** Writes the whole document anew with the additions (comments are lost; used only when appending cannot work). */
function redump(text: string, proposal: RulesProposal, note: string): YamlEdit {
  const doc = load(text) as Record<string, unknown>;
  const rules = (doc.rules ?? {}) as Record<string, unknown>;
  const list = (key: string) => {
    const v = rules[key];
    rules[key] = Array.isArray(v) ? v : [];
    return rules[key] as unknown[];
  };
  for (const t of proposal.dicomTags) list('dicom_tags').push({ tag: t.tag, name: t.name, action: t.action, safe_harbor: t.safeHarbor, note });
  for (const r of proposal.regex) list('regex').push(r.pattern);
  for (const w of proposal.keepList) list('pixel_keep_list').push(w);
  doc.rules = rules;
  return { text: dump(doc, { lineWidth: -1 }), mode: 'redump', insertions: [] };
}
