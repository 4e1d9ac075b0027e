/**
 * Regenerates the data the kit vendors from the DICOM standard, as dicom3tools encodes it
 * (David Clunie's module, IOD and defined-term templates, BSD-style licence kept beside the data):
 *  - `lib/rules/dicom-types.json`: per SOP class, the Type (1, 1C, 2, 2C) of its top-level
 *    attributes; per sequence, the Type of the attributes of its items. De-identification reads it
 *    so an action never empties or removes what the IOD requires (PS3.15 E.1: X/Z, X/D, Z/D).
 *  - `lib/text/dicom-terms.json`: defined terms a free-text cleaner must never take for a name
 *    (modalities, body parts, views, patient positions, MR sequence words…).
 *
 * Usage: tsx scripts/vendor-dicom-standard.ts <dicom3tools source folder>
 * (the folder holding `libsrc/standard/` and `COPYRIGHT`, e.g. an unpacked dicom3tools release).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lookupName } from '../lib/dicom/dictionary.js';

const root = process.argv[2];
if (!root) {
  console.error('usage: tsx scripts/vendor-dicom-standard.ts <dicom3tools source folder>');
  process.exit(2);
}
const standard = path.join(root, 'libsrc/standard');
const read = (dir: string) =>
  readdirSync(path.join(standard, dir))
    .filter((n) => n.endsWith('.tpl'))
    .sort()
    .map((n) => readFileSync(path.join(standard, dir, n), 'latin1'));

type Line = { key: string; value: string; attrs: Record<string, string> };
function lines(text: string): Line[] {
  const out: Line[] = [];
  for (const raw of text.split('\n')) {
    const l = raw.replace(/#.*$/, '').trim();
    if (!l) continue;
    const attrs: Record<string, string> = {};
    let first: [string, string] | undefined;
    for (const m of l.matchAll(/(\w+)="([^"]*)"/g)) {
      attrs[m[1]] = m[2];
      first ??= [m[1], m[2]];
    }
    if (first) out.push({ key: first[0], value: first[1], attrs });
    else out.push({ key: l, value: '', attrs });
  }
  return out;
}

// ---- modules and macros -------------------------------------------------------------
const blocks = new Map<string, Line[]>(); // "Module:X" or "Macro:X" → body lines
for (const text of read('module')) {
  let current: string | undefined;
  let body: Line[] = [];
  for (const line of lines(text)) {
    if (line.key === 'Module' || line.key === 'DefineMacro') {
      current = `${line.key === 'Module' ? 'Module' : 'Macro'}:${line.value}`;
      body = [];
    } else if (line.key === 'ModuleEnd' || line.key === 'MacroEnd') {
      if (current) blocks.set(current, body);
      current = undefined;
    } else if (current) body.push(line);
  }
}

const RANK: Record<string, number> = { '1': 4, '1C': 3, '2': 2, '2C': 1 };
const stricter = (a: string | undefined, b: string) => (a === undefined || (RANK[b] ?? 0) > (RANK[a] ?? 0) ? b : a);
const unknownKeywords = new Set<string>();
function tagOf(keyword: string): string | undefined {
  const entry = lookupName(keyword);
  if (!entry) unknownKeywords.add(keyword);
  return entry?.tag;
}

/** Attributes of a block: [sequence tag or '' for top level, attribute tag, type]. */
function expand(block: string, seen: string[] = []): Array<[string, string, string]> {
  if (seen.includes(block) || seen.length > 12) return [];
  const body = blocks.get(block);
  if (!body) return [];
  const out: Array<[string, string, string]> = [];
  const stack: string[] = [''];
  for (const line of body) {
    const parent = stack[stack.length - 1];
    if (line.key === 'Name' || line.key === 'Sequence') {
      const tag = tagOf(line.value);
      const type = line.attrs.Type;
      if (tag && type && RANK[type] !== undefined && parent !== undefined) out.push([parent, tag, type]);
      if (line.key === 'Sequence') stack.push(tag ?? '?');
    } else if (line.key === 'SequenceEnd') stack.pop();
    else if (line.key === 'InvokeMacro') {
      for (const [p, t, ty] of expand(`Macro:${line.value}`, [...seen, block])) out.push([p === '' ? parent : p, t, ty]);
    }
  }
  return out;
}

// ---- IODs and SOP classes -----------------------------------------------------------
const sopByName = new Map<string, string>();
for (const line of lines(readFileSync(path.join(standard, 'sopcl.tpl'), 'latin1'))) {
  const name = line.attrs.Name;
  const uid = line.attrs.Uid;
  if (name && uid && line.attrs.Type !== 'Instance') sopByName.set(name, uid);
}
// Each IOD names a condition (`CRImageInstance`) that tests SOP Class UID against a named constant.
const conditionSop = new Map<string, string[]>();
{
  let current: string | undefined;
  for (const line of lines(readFileSync(path.join(standard, 'condn.tpl'), 'latin1'))) {
    if (line.key === 'Condition') current = line.value;
    else if (line.key === 'ConditionEnd') current = undefined;
    else if (current && line.attrs.Element === 'SOPClassUID' && line.attrs.StringConstantFromRootAttribute) {
      const sop = line.attrs.StringConstantFromRootAttribute.replace(/SOPClassUID$/, '');
      conditionSop.set(current, [...(conditionSop.get(current) ?? []), sop]);
    }
  }
}
const iods = new Map<string, { uids: string[]; modules: string[] }>();
for (const text of read('iodcomp')) {
  let current: { uids: string[]; modules: string[] } | undefined;
  for (const line of lines(text)) {
    if (line.key === 'CompositeIOD') {
      const condition = line.attrs.Condition ?? '';
      const names = conditionSop.get(condition) ?? [condition.replace(/Instance$/, '')];
      const uids = names.map((n) => sopByName.get(n) ?? sopByName.get(`${n}Storage`)).filter((u): u is string => Boolean(u));
      // Variants of one IOD (IHE options, dental media) share its SOP class: their modules add up.
      current = { uids, modules: [] };
      iods.set(line.value, current);
    } else if (line.key === 'CompositeIODEnd') current = undefined;
    else if (current && line.key === 'Module') current.modules.push(line.value);
  }
}

const sopClasses: Record<string, Record<string, string>> = {};
const items: Record<string, Record<string, string>> = {};
const addItem = (seq: string, tag: string, type: string) => {
  items[seq] ??= {};
  items[seq][tag] = stricter(items[seq][tag], type);
};
for (const block of blocks.keys()) for (const [seq, tag, type] of expand(block)) if (seq && seq !== '?') addItem(seq, tag, type);
let iodsWithUid = 0;
for (const iod of iods.values()) {
  if (iod.uids.length === 0) continue;
  iodsWithUid++;
  for (const uid of iod.uids) {
    const top: Record<string, string> = sopClasses[uid] ?? {};
    for (const module of iod.modules) {
      for (const [seq, tag, type] of expand(`Module:${module}`)) if (seq === '') top[tag] = stricter(top[tag], type);
    }
    sopClasses[uid] = Object.fromEntries(Object.entries(top).sort());
  }
}
const sortObject = <T>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
const licence = readFileSync(path.join(root, 'COPYRIGHT'), 'latin1').split('\n').slice(0, 30).join('\n').trim();
const provenance = {
  source: 'DICOM PS3.3 module and IOD definitions as encoded in dicom3tools libsrc/standard (module/*.tpl, iodcomp/*.tpl, sopcl.tpl); regenerate with scripts/vendor-dicom-standard.ts',
  licence,
};
writeFileSync(
  'lib/rules/dicom-types.json',
  JSON.stringify({ ...provenance, types: 'attribute Type per PS3.3: 1, 1C, 2, 2C (Type 3 omitted)', sopClasses: sortObject(sopClasses), items: sortObject(Object.fromEntries(Object.entries(items).map(([k, v]) => [k, sortObject(v)]))) }) + '\n',
);

// ---- defined terms -----------------------------------------------------------------
const TERM_LISTS = [
  'Modality', 'CTModality', 'DXModality', 'MammographyModality', 'IntraoralModality', 'SEGModality', 'REGModality', 'FIDModality',
  'BodyPartExaminedHuman', 'BodyPartExaminedAnimal', 'ViewPositionHuman', 'PatientPosition', 'Laterality', 'ImageLaterality',
  'ScanningSequence', 'SequenceVariant', 'ScanOptions', 'MRAcquisitionType', 'ContrastBolusAgentPhase', 'CTAcquisitionType',
  'EchoPulseSequence', 'SteadyStatePulseSequence',
];
const terms: Record<string, string[]> = {};
const strval = readdirSync(path.join(standard, 'strval'))
  .filter((n) => n.endsWith('.tpl'))
  .map((n) => readFileSync(path.join(standard, 'strval', n), 'latin1'))
  .join('\n');
for (const m of strval.matchAll(/StringValues="(\w+)"\s*\{([^}]*)\}/g)) {
  if (!TERM_LISTS.includes(m[1])) continue;
  const values = new Set<string>();
  for (const entry of m[2].split(',')) {
    const [value, meaning] = entry.split('=').map((s) => s.replace(/#.*$/gm, '').trim());
    if (value) values.add(value);
    if (meaning) values.add(meaning);
  }
  terms[m[1]] = [...values].sort();
}
writeFileSync('lib/text/dicom-terms.json', JSON.stringify({ ...provenance, source: provenance.source.replace('module and IOD definitions', 'defined terms').replace('(module/*.tpl, iodcomp/*.tpl, sopcl.tpl)', '(strval/*.tpl)'), terms: sortObject(terms) }, null, 1) + '\n');
console.log(`${iodsWithUid} IODs with a SOP class, ${Object.keys(items).length} sequences, ${Object.keys(terms).length} term lists; keywords not in the dictionary: ${unknownKeywords.size}`);
