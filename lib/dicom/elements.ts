/** Typed accessors over the DICOM JSON model, so no other module handles dcmjs's shapes. */
import type { DicomDict, DicomElement, PersonName, Tag } from './dataset.js';
import { lookupName, lookupTag } from './dictionary.js';
import { boundedMemo } from '../bounded-memo.js';

/**
 * Resolves a tag from a keyword (`PatientName`), a human name (`Patient's Name`),
 * `(0010,0010)`, `0010,0010` or `00100010`.
 * @throws Error naming the unknown attribute.
 */
export function tagOf(keywordOrTag: string): Tag {
  const hex = keywordOrTag.replace(/[\s(),]/g, '').toUpperCase();
  if (/^[0-9A-F]{8}$/.test(hex)) return hex;
  const entry = lookupName(keywordOrTag);
  if (!entry) throw new Error(`unknown DICOM attribute "${keywordOrTag}": use a keyword like PatientName or a tag like (0010,0010)`);
  return entry.tag;
}

/** The keyword of a standard tag (`PatientName`), undefined for private or unknown tags. */
export function keywordOf(tag: Tag): string | undefined {
  return lookupTag(tag)?.keyword;
}

/** A readable name: `Patient Name` from the keyword, or `Private (0009,1001)` style text. */
export function nameOf(tag: Tag): string {
  // Asked for every element of every file: each tag's name is made once.
  return names(tag, () => {
    const keyword = keywordOf(tag);
    return keyword ? keyword.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2') : `${isPrivateTag(tag) ? 'Private' : 'Unknown'} ${formatTag(tag)}`;
  });
}

/** Names made by {@link nameOf}, by tag. */
const names = boundedMemo<Tag, string>(20_000);

/** The dictionary VR of a standard tag (the first of `US or SS` style choices). */
export function vrOf(tag: Tag): string | undefined {
  const vr = lookupTag(tag)?.vr.split(/\s*or\s*|\|/)[0];
  // dcmjs lists Pixel Data and Overlay Data as `ox` (OB or OW).
  return vr === 'ox' ? 'OW' : vr;
}

/** `00100010` → `(0010,0010)`. */
export function formatTag(tag: Tag): string {
  return `(${tag.slice(0, 4)},${tag.slice(4, 8)})`;
}

/**
 * True for tags in odd groups: private data elements and private creators. PS3.5 7.8.1 forbids private
 * elements in groups 0001, 0003, 0005, 0007 and FFFF; nothing legal lives there either, so elements in
 * those groups are treated as private too: removed unless a rule keeps them (fail closed), never kept
 * as if they were standard attributes.
 */
export function isPrivateTag(tag: Tag): boolean {
  return Number.parseInt(tag.slice(3, 4), 16) % 2 === 1;
}

/** True for private creator elements (gggg,0010–00FF). */
export function isPrivateCreator(tag: Tag): boolean {
  if (!isPrivateTag(tag)) return false;
  const element = Number.parseInt(tag.slice(4), 16);
  return element >= 0x10 && element <= 0xff;
}

/** A Person Name value as one string (`LAST^FIRST`, with `=` between component groups). */
export function personNameToString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object') return '';
  const pn = value as PersonName;
  const groups = [pn.Alphabetic ?? '', pn.Ideographic ?? '', pn.Phonetic ?? ''];
  while (groups.length > 1 && groups[groups.length - 1] === '') groups.pop();
  return groups.join('=');
}

function valueToString(element: DicomElement, value: unknown): string {
  // Trailing spaces are padding in every string VR (PS3.5 6.2).
  if (element.vr === 'PN') return personNameToString(value).trimEnd();
  if (value === null || value === undefined) return '';
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return '';
  return typeof value === 'string' ? value.trimEnd() : String(value);
}

/** The element at a tag or keyword, if present. */
export function getElement(dict: DicomDict, tagOrKeyword: string): DicomElement | undefined {
  return dict[tagOf(tagOrKeyword)];
}

/** All values of an element as strings (PN as `LAST^FIRST`); empty when absent. */
export function getStrings(dict: DicomDict, tagOrKeyword: string): string[] {
  const element = getElement(dict, tagOrKeyword);
  return (element?.Value ?? []).map((v) => valueToString(element!, v));
}

/** The first value of an element as a string, undefined when absent or empty. */
export function getString(dict: DicomDict, tagOrKeyword: string): string | undefined {
  const first = getStrings(dict, tagOrKeyword)[0];
  return first === undefined || first === '' ? undefined : first;
}

/** All values of a numeric element (US, DS, IS, FL, …) as numbers; empty when absent. */
export function getNumbers(dict: DicomDict, tagOrKeyword: string): number[] {
  return (getElement(dict, tagOrKeyword)?.Value ?? []).map(Number).filter((n) => !Number.isNaN(n));
}

/** The first value of a numeric element, undefined when absent. */
export function getNumber(dict: DicomDict, tagOrKeyword: string): number | undefined {
  return getNumbers(dict, tagOrKeyword)[0];
}

/**
 * Sets an element, replacing any previous one (a new object, so raw bytes kept for it are dropped).
 * PN strings are wrapped as `{ Alphabetic }`. The VR defaults to the dictionary's.
 */
export function setElement(dict: DicomDict, tagOrKeyword: string, vr: string | undefined, values: unknown[]): void {
  const tag = tagOf(tagOrKeyword);
  const resolvedVr = vr ?? vrOf(tag) ?? 'UN';
  const Value = resolvedVr === 'PN' ? values.map((v) => (typeof v === 'string' ? { Alphabetic: v } : v)) : values;
  dict[tag] = { vr: resolvedVr, Value };
}

/** Removes an element; returns whether it was there. */
export function deleteElement(dict: DicomDict, tagOrKeyword: string): boolean {
  const tag = tagOf(tagOrKeyword);
  const had = tag in dict;
  delete dict[tag];
  return had;
}

/** What `walkDataset` hands the visitor for each element. */
export interface ElementVisit {
  tag: Tag;
  element: DicomElement;
  /** `(0008,1110)[0].(0008,1155)` */
  path: string;
  /** The dict (dataset or sequence item) that holds the element; change it to change the element. */
  parent: DicomDict;
  depth: number;
}

/**
 * Visits every element depth-first, in tag order, descending into sequence items.
 * The visitor may change or delete the element it is given; return `'skip'` to not descend.
 */
export function walkDataset(dict: DicomDict, visit: (visit: ElementVisit) => void | 'skip', prefix = '', depth = 0): void {
  for (const tag of Object.keys(dict).sort()) {
    const element = dict[tag];
    if (!element) continue;
    const path = `${prefix}${formatTag(tag)}`;
    if (visit({ tag, element, path, parent: dict, depth }) === 'skip') continue;
    const current = dict[tag];
    if (current?.vr !== 'SQ') continue;
    (current.Value ?? []).forEach((item, index) => {
      if (item && typeof item === 'object') walkDataset(item, visit, `${path}[${index}].`, depth + 1);
    });
  }
}
