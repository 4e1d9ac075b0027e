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

/** Every VR of PS3.5 Table 6.2-1. */
export const STANDARD_VRS = new Set([
  'AE', 'AS', 'AT', 'CS', 'DA', 'DS', 'DT', 'FD', 'FL', 'IS', 'LO', 'LT', 'OB', 'OD', 'OF', 'OL', 'OV', 'OW',
  'PN', 'SH', 'SL', 'SQ', 'SS', 'ST', 'SV', 'TM', 'UC', 'UI', 'UL', 'UN', 'UR', 'US', 'UT', 'UV',
]);

/**
 * The VR dcmjs gives an element it reads in implicit VR: its dictionary's (`US or SS` as US,
 * `OB or OW` as OW, other choices as UN), else SQ for an undefined length, OW for pixel data,
 * LO for a private creator and UN for anything else. Transcoding to explicit VR with these
 * VRs makes dcmjs read the same values it would have read.
 */
export function implicitVrOf(group: number, element: number, undefinedLength: boolean): string {
  const key = `(${group.toString(16).toUpperCase().padStart(4, '0')},${element.toString(16).toUpperCase().padStart(4, '0')})`;
  const vr = (dcmjs.data.DicomMetaDictionary.dictionary[key] as { vr?: string } | undefined)?.vr;
  if (vr) {
    if (STANDARD_VRS.has(vr)) return vr;
    if (vr === 'ox') return 'OW';
    if (vr === 'xs') return 'US';
    return 'UN';
  }
  if (undefinedLength) return 'SQ';
  if (group === 0x7fe0 && element === 0x0010) return 'OW';
  if (group % 2 === 1 && element >= 0x10 && element <= 0xff) return 'LO';
  return 'UN';
}
