import type { DicomDataset, DicomDict } from '../dicom/dataset.js';
import { formatTag, keywordOf, personNameToString, walkDataset } from '../dicom/elements.js';
import type { TagRow } from './tag-table.js';

const BINARY_VRS = new Set(['OB', 'OW', 'OF', 'OD', 'OL', 'OV', 'UN']);

function valueText(vr: string, values: unknown[] | undefined): string {
  if (!values || values.length === 0) return '';
  if (vr === 'SQ') return `<${values.length} item${values.length === 1 ? '' : 's'}>`;
  if (BINARY_VRS.has(vr) || values.some((v) => v instanceof ArrayBuffer || ArrayBuffer.isView(v))) {
    const bytes = values.reduce<number>((n, v) => n + (v instanceof ArrayBuffer ? v.byteLength : ArrayBuffer.isView(v) ? v.byteLength : 0), 0);
    return `<binary, ${bytes} bytes>`;
  }
  if (vr === 'PN') return values.map((v) => personNameToString(v)).join('\\');
  return values.map((v) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v))).join('\\');
}

/**
 * Lists every element of a dataset (recursively, sequences included) as rows for
 * {@link showTagTable}: tag, keyword, VR, value as text, and the element path.
 * Binary values are summarised by size; file meta elements are included when given a dataset.
 * @example showTagTable(tagRows(file.original!), tagRows(file.dataset!), { onlyChanged: true })
 */
export function tagRows(dataset: DicomDataset | DicomDict, options: { meta?: boolean } = {}): TagRow[] {
  const isDataset = 'dict' in dataset && 'meta' in dataset && typeof (dataset as DicomDataset).dict === 'object';
  const dicts: DicomDict[] = isDataset
    ? [...(options.meta === false ? [] : [(dataset as DicomDataset).meta]), (dataset as DicomDataset).dict]
    : [dataset as DicomDict];
  const rows: TagRow[] = [];
  for (const dict of dicts) {
    walkDataset(dict, ({ tag, element, path }) => {
      rows.push({ tag: formatTag(tag), keyword: keywordOf(tag) ?? '', vr: element.vr, value: valueText(element.vr, element.Value), path });
    });
  }
  return rows;
}
