import type { DicomDataset, DicomDict } from '../dicom/dataset.js';
import { formatTag, isPrivateTag, keywordOf, nameOf, personNameToString } from '../dicom/elements.js';
import type { IdentityContext } from '../engines/types.js';
import { PROFILE_TABLE } from '../rules/profile-table.js';
import { safeHarborFor } from '../rules/safe-harbor-map.js';
import type { SafeHarborCategory } from '../safe-harbor.js';

/**
 * Identifying attributes of Table E.1-1 by tag, with their Safe Harbor letters. Free text is left out:
 * attributes named as text, and every attribute the Clean Descriptors option cleans (`Contrast/Bolus
 * Agent`, `Treatment Site`): their values are descriptions to clean, and taken as identity values they
 * would remove themselves (`Iohexol 350` emptied) and the same words wherever else they are written.
 */
const IDENTIFYING = new Map<string, SafeHarborCategory[]>();
const FREE_TEXT_NAME = /Description|Comment|Notes|Narrative|History|Impressions|Reason|Diagnos|Text|Label|Alerts|Allergies|Needs|Medication|Protocol Name|Plan Name|Entity Name|Structure Set Name|ROI Name|Maker Note|Occupation/i;
for (const [tag, name, , options] of PROFILE_TABLE) {
  if (/x/i.test(tag) || FREE_TEXT_NAME.test(name) || /\bdesc:C\b/.test(options)) continue;
  IDENTIFYING.set(tag.toUpperCase(), safeHarborFor(tag, name));
}

const STRING_VRS = new Set(['PN', 'LO', 'SH', 'ST', 'LT', 'UT', 'UC', 'CS', 'AE', 'DA', 'DT', 'UI', 'AS', 'UR']);
const PRIVATE_TEXT_VRS = new Set(['PN', 'LO', 'SH', 'ST', 'LT', 'UT', 'UC']);
const STANDARD_UID_ROOT = '1.2.840.10008.';

function ageInYears(as: string): number | undefined {
  const m = /^(\d{1,3})([DWMY])$/.exec(as.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return { D: n / 365.25, W: n / 52.18, M: n / 12, Y: n }[m[2] as 'D' | 'W' | 'M' | 'Y'];
}

/**
 * Gathers the original header's identifying values (names, IDs, dates, addresses, phones,
 * institution, accession, UIDs…) with their Safe Harbor letter, walking sequences and private
 * text elements. The pixel PHI detector uses it as a deny-list, the evaluation as a leak scan.
 * Free-text descriptions are left out (their identifying words are caught by the patterns);
 * standard UIDs (under 1.2.840.10008.) and ages of 89 or less are not identifying.
 *
 * @param dataset the ORIGINAL dataset (`file.original`), before de-identification.
 */
export function gatherIdentity(dataset: DicomDataset | DicomDict): IdentityContext {
  const dict = 'dict' in dataset && 'meta' in dataset ? (dataset as DicomDataset).dict : dataset;
  const values: IdentityContext['values'] = [];
  const seen = new Set<string>();
  const add = (value: string, category: SafeHarborCategory, source: string, vr: string) => {
    const v = value.trim();
    if (v.length < 2) return;
    const key = `${category}\0${v}`;
    if (seen.has(key)) return;
    seen.add(key);
    values.push({ value: v, category, source, vr });
  };
  const visit = (d: DicomDict, prefix: string) => {
    for (const tag of Object.keys(d).sort()) {
      const element = d[tag];
      if (!element) continue;
      // Written only where it is used (sequence items, private sources): most elements need none.
      const path = () => `${prefix}${formatTag(tag)}`;
      if (element.vr === 'SQ') {
        (element.Value ?? []).forEach((item, i) => {
          if (item && typeof item === 'object') visit(item, `${path()}[${i}].`);
        });
        continue;
      }
      if (!STRING_VRS.has(element.vr)) continue;
      const isPrivate = isPrivateTag(tag);
      // Private creators name a vendor's block, not a person.
      if (isPrivate && /^[0-9A-F]{4}00[1-9A-F][0-9A-F]$/.test(tag)) continue;
      let categories = IDENTIFYING.get(tag);
      if (!categories) {
        if (element.vr === 'PN') categories = ['A'];
        else if (element.vr === 'DA' || element.vr === 'DT') categories = ['C'];
        else if (isPrivate && PRIVATE_TEXT_VRS.has(element.vr)) categories = ['R'];
        else continue;
      }
      const source = keywordOf(tag) ?? (isPrivate ? `private ${path()}` : nameOf(tag)) ?? path();
      for (const raw of element.Value ?? []) {
        const text = element.vr === 'PN' ? personNameToString(raw) : typeof raw === 'string' || typeof raw === 'number' ? String(raw) : '';
        if (!text) continue;
        if (element.vr === 'UI' && text.startsWith(STANDARD_UID_ROOT)) continue;
        if (element.vr === 'AS') {
          const years = ageInYears(text);
          if (years === undefined || years <= 89) continue;
        }
        if (isPrivate && !/[A-Za-z]/.test(text)) continue; // private numbers are technical more often than not
        if (/^\d{1,3}$/.test(text.trim())) continue; // 1–3 digits identify no one and match everywhere
        add(text, categories[0], source, element.vr);
      }
    }
  };
  visit(dict, '');
  return { values };
}
