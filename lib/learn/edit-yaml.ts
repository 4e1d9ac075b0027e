/**
 * Adds entries to lists of a rules YAML. The `yaml` package's Document API finds each list and its
 * items where they stand in the text; new items are inserted there as text in the list's own style
 * (block or flow items, the same indentation), so every other byte, comments included, stays as it
 * was. A list that is missing or empty is added through the Document API itself, which keeps every
 * comment (only spacing is normalised).
 */
import { isMap, isSeq, parseDocument, type Document, type Node, type YAMLSeq } from 'yaml';
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
  /** `append`: items inserted as text, nothing else touched; `document`: rewritten by the Document API (comments kept, spacing normalised). */
  mode: 'append' | 'document' | 'none';
  insertions: Insertion[];
}

const quoteSingle = (s: string) => `'${s.replace(/'/g, "''")}'`;

function tagFields(t: ProposedTag, hexList: boolean, note: string): Array<[string, string]> {
  const plain = !t.tag.includes('xx');
  const tag = hexList && plain ? `[0x${t.tag.slice(1, 5)}, 0x${t.tag.slice(6, 10)}]` : JSON.stringify(t.tag);
  return [['tag', tag], ['name', JSON.stringify(t.name)], ['action', t.action], ['safe_harbor', `[${t.safeHarbor.join(', ')}]`], ['note', JSON.stringify(note)]];
}

/** The source text of an entry as the list writes its items: flow maps on one line, or block maps. */
function renderItem(key: string, item: ProposedTag | ProposedRegex | string, style: { flowItems: boolean; hexList: boolean }, indent: string, note: string): string[] {
  if (key === 'regex') return [`${indent}- ${quoteSingle((item as ProposedRegex).pattern)}`];
  if (key === 'pixel_keep_list') return [`${indent}- ${JSON.stringify(item)}`];
  const fields = tagFields(item as ProposedTag, style.hexList, note);
  if (style.flowItems) return [`${indent}- {${fields.map(([k, v]) => `${k}: ${v}`).join(', ')}}`];
  return fields.map(([k, v], i) => `${indent}${i === 0 ? '- ' : '  '}${k}: ${v}`);
}

const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length - 1;
const columnOf = (text: string, offset: number) => offset - (text.lastIndexOf('\n', offset - 1) + 1);

/** The additions per list key, in the order they are written. */
function additions(proposal: RulesProposal): Array<[string, Array<ProposedTag | ProposedRegex | string>]> {
  return [
    ['dicom_tags', proposal.dicomTags],
    ['regex', proposal.regex],
    ['pixel_keep_list', proposal.keepList],
  ];
}

/**
 * Returns the rules text with the proposal's entries appended to `dicom_tags`, `regex` and
 * `pixel_keep_list`, in each list's own style.
 */
export function editRulesText(text: string, proposal: RulesProposal, note: string): YamlEdit {
  const doc = parseDocument(text);
  const rules = doc.get('rules', true);
  const lists = additions(proposal).filter(([, items]) => items.length > 0);
  if (lists.length === 0) return { text, mode: 'none', insertions: [] };
  if (!isMap(rules)) return documentEdit(doc, proposal, note);
  // Every list must be a non-empty block or flow sequence with known positions; otherwise edit the document.
  const plans: Array<{ key: string; seq: YAMLSeq; items: Array<ProposedTag | ProposedRegex | string> }> = [];
  for (const [key, items] of lists) {
    const seq = rules.get(key, true);
    if (!isSeq(seq) || seq.items.length === 0 || !seq.range || seq.items.some((i) => !(i as Node).range)) return documentEdit(doc, proposal, note);
    plans.push({ key, seq, items });
  }
  const edits: Array<{ at: number; insert: string; insertion: Insertion }> = [];
  for (const { key, seq, items } of plans) {
    const first = seq.items[0] as Node;
    const last = seq.items[seq.items.length - 1] as Node;
    const firstText = text.slice(first.range![0], first.range![1]);
    const style = { flowItems: key === 'dicom_tags' ? firstText.startsWith('{') : true, hexList: /tag:\s*\[/.test(firstText) || !firstText.startsWith('{') };
    if (seq.flow) {
      // `[a, b]`: new items go before the closing bracket.
      const close = text.lastIndexOf(']', seq.range![1]);
      const values = items.map((i) => renderItem(key, i, style, '', note)[0].replace(/^- /, ''));
      edits.push({ at: close, insert: `, ${values.join(', ')}`, insertion: { after: lineOf(text, close) - 1, key, lines: [`… ${values.join(', ')}]`] } });
      continue;
    }
    // Block items: after the line holding the end of the last item, at the dash column of the first.
    const indent = ' '.repeat(Math.max(0, columnOf(text, first.range![0]) - 2));
    // The item's range may run on to the next key's line: step back to its last character first.
    let end = last.range![1];
    while (end > last.range![0] && /\s/.test(text[end - 1])) end--;
    const lineEnd = text.indexOf('\n', end);
    const at = lineEnd < 0 ? text.length : lineEnd + 1;
    const lines = items.flatMap((i) => renderItem(key, i, style, indent, note));
    const prefix = lineEnd < 0 ? '\n' : '';
    edits.push({ at, insert: `${prefix}${lines.join('\n')}\n`, insertion: { after: lineOf(text, at) - 1, key, lines } });
  }
  let out = text;
  for (const e of [...edits].sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.insert + out.slice(e.at);
  return { text: out, mode: 'append', insertions: edits.map((e) => e.insertion) };
}

/** Adds the entries through the Document API (a missing or empty list, an unusual layout): comments are kept. */
function documentEdit(doc: Document, proposal: RulesProposal, note: string): YamlEdit {
  if (!isMap(doc.get('rules', true))) doc.set('rules', doc.createNode({}));
  for (const [key, items] of additions(proposal)) {
    if (items.length > 0 && !isSeq(doc.getIn(['rules', key], true))) doc.setIn(['rules', key], doc.createNode([]));
  }
  for (const t of proposal.dicomTags) {
    const node = doc.createNode({ tag: t.tag, name: t.name, action: t.action, safe_harbor: t.safeHarbor, note });
    node.flow = true;
    doc.addIn(['rules', 'dicom_tags'], node);
  }
  for (const r of proposal.regex) doc.addIn(['rules', 'regex'], r.pattern);
  for (const w of proposal.keepList) doc.addIn(['rules', 'pixel_keep_list'], w);
  return { text: doc.toString({ lineWidth: 0 }), mode: 'document', insertions: [] };
}
