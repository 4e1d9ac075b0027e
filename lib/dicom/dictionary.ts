/** The DICOM data dictionary (keywords, VRs), read once from dcmjs's copy of PS3.6. */
import dcmjs from 'dcmjs';
import type { Tag } from './dataset.js';

interface Entry {
  tag: Tag;
  keyword: string;
  vr: string;
}

const byTag = new Map<Tag, Entry>();
const byKeyword = new Map<string, Entry>();
const byLooseName = new Map<string, Entry>();

for (const raw of Object.values(dcmjs.data.DicomMetaDictionary.nameMap) as Array<{ tag: string; name: string; vr: string }>) {
  const tag = raw.tag.replace(/[(),]/g, '').toUpperCase();
  if (!/^[0-9A-F]{8}$/.test(tag) || !raw.name) continue;
  const entry = { tag, keyword: raw.name, vr: raw.vr };
  byTag.set(tag, entry);
  byKeyword.set(raw.name, entry);
  byLooseName.set(looseName(raw.name), entry);
}

/**
 * Normalises an attribute name for matching: `Patient's Name`, `PatientName` and
 * `patient name` all become `patientname`.
 */
export function looseName(name: string): string {
  return name.replace(/'s\b/g, '').replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}

/** Dictionary entry for a tag, if the tag is a standard attribute. Repeating groups (50xx, 60xx) fold to xx00. */
export function lookupTag(tag: Tag): Entry | undefined {
  return byTag.get(tag) ?? byTag.get(foldRepeatingGroup(tag));
}

/** Dictionary entry for a keyword (`PatientName`) or a human name (`Patient's Name`). */
export function lookupName(name: string): Entry | undefined {
  return byKeyword.get(name) ?? byLooseName.get(looseName(name));
}

/** Overlay (60xx) and curve (50xx) groups are listed under their first group, 6000 and 5000. */
function foldRepeatingGroup(tag: Tag): Tag {
  const group = tag.slice(0, 2);
  if ((group === '50' || group === '60') && Number.parseInt(tag.slice(0, 4), 16) % 2 === 0) return `${group}00${tag.slice(4)}`;
  return tag;
}
