import path from 'node:path';
import type { PhiFinding } from '../engines/types.js';
import type { DicomFile } from '../file.js';
import { gatherIdentity } from '../metadata/identity.js';
import { DEIDENTIFY_METADATA } from '../steps/deidentify-metadata.js';
import { SAFE_HARBOR_IDENTIFIERS, isSafeHarborCategory, type SafeHarborCategory } from '../safe-harbor.js';
import { tagRows } from './tag-rows.js';

/** Where in a DICOM file an identifier sat. */
export type HidingPlace = 'header' | 'free text' | 'private tag' | 'sequence' | 'file meta' | 'pixels' | 'file name';

/** One identifier found in a file: where it hid, what the rules did, the value before and after (a type, so it fits `showTable`). */
export type IdentifierRow = {
  letter: SafeHarborCategory;
  identifier: string;
  where: HidingPlace;
  /** Element path (`(0040,0275)[0].(0032,1060)`), `frame 0` for pixels, or the file name. */
  location: string;
  keyword: string;
  /** The rule that acted (`tag:(0010,0010)`, `private:default`, `pixel:…`). */
  rule: string;
  /** The action (`X`, `Z`, `D`, `U`, `C`, `K`, `fill`, or `rename`). */
  action: string;
  /** Value before (holds PHI: show only synthetic files). */
  before: string;
  after: string;
};

const FREE_TEXT_VRS = new Set(['LO', 'LT', 'ST', 'UT', 'SH', 'UC']);

function placeOf(location: string, vr: string | undefined, action: string | undefined): HidingPlace {
  if (location.includes('[')) return 'sequence';
  if (location.startsWith('(0002,')) return 'file meta';
  if (/^\([0-9A-F]{3}[13579BDF],/i.test(location)) return 'private tag';
  if (action === 'C' && vr && FREE_TEXT_VRS.has(vr)) return 'free text';
  return 'header';
}

/**
 * Teaching table of a de-identified file: one row per header element the metadata step acted on
 * for a Safe Harbor identifier (with the hiding place, rule, action and the value before and after),
 * one per burned-in pixel finding, and one when the input's file name holds a name or ID of the header.
 * Built from the step's messages; it decides nothing itself.
 * @example nb.showTable(whereIdentifiersHide(file, pixelFindings))
 */
export function whereIdentifiersHide(file: DicomFile, pixelFindings: readonly (PhiFinding & { frame?: number })[] = []): IdentifierRow[] {
  const original = file.original;
  const current = file.dataset;
  const before = new Map(original ? tagRows(original).map((r) => [r.path ?? r.tag, r]) : []);
  const after = new Map(current ? tagRows(current).map((r) => [r.path ?? r.tag, r]) : []);
  const rows: IdentifierRow[] = [];
  for (const m of file.messages) {
    if (m.step !== DEIDENTIFY_METADATA || !m.location || !m.action || !isSafeHarborCategory(m.category)) continue;
    const b = before.get(m.location);
    const a = after.get(m.location);
    rows.push({
      letter: m.category,
      identifier: SAFE_HARBOR_IDENTIFIERS[m.category],
      where: placeOf(m.location, b?.vr, m.action),
      location: m.location,
      keyword: b?.keyword || a?.keyword || '',
      rule: m.ruleId,
      action: m.action,
      before: b?.value ?? '',
      after: a === undefined ? '(removed)' : a.value,
    });
  }
  for (const f of pixelFindings) {
    rows.push({
      letter: f.category, identifier: SAFE_HARBOR_IDENTIFIERS[f.category], where: 'pixels', location: `frame ${f.frame ?? 0}`,
      keyword: '', rule: `pixel:${f.engine}:${f.type}`, action: f.box ? 'fill' : '', before: f.text, after: f.box ? '(filled)' : '',
    });
  }
  const name = path.basename(file.path);
  if (original) {
    const compact = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');
    const hit = gatherIdentity(original).values.flatMap((v) => (v.vr === 'PN' ? v.value.split(/[\^ ]/) : [v.value]).map((part) => ({ v, part: compact(part) })))
      .find(({ part }) => part.length >= 4 && compact(name).includes(part));
    if (hit) {
      rows.push({
        letter: hit.v.category, identifier: SAFE_HARBOR_IDENTIFIERS[hit.v.category], where: 'file name', location: name, keyword: hit.v.source,
        rule: 'save:output-key', action: 'rename', before: name, after: '<patient>/<study>/<series>/<SOP UID>.dcm',
      });
    }
  }
  return rows;
}
