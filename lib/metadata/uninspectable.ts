/**
 * Content the kit cannot inspect is never passed through as clean. Per case:
 * - objects whose payload is a document, a signal or a vendor format (Encapsulated PDF/CDA/3D
 *   models, waveforms including audio, private SOP classes) fail: their content is the object,
 *   and the kit cannot read it for identities;
 * - opaque binary elements (OB, OW, OL, OV, UN) the kit neither inspects nor knows as technical
 *   (pixel and overlay data, palettes, LUTs, mesh indices) are removed, as is a Waveform Sequence
 *   inside an image (an ECG trace beside an ultrasound image, say): the image stays;
 * - an ICC Profile (Type 1 where it occurs) keeps its colour data with its texts blanked, or is replaced by a generic
 *   sRGB profile when the kit cannot vouch for it (`icc-profile.ts`);
 * - private elements are left to the rules (the profile removes them unless on the safe list);
 * - an object without a SOP Class UID (old or hand-made files) is treated as a generic instance,
 *   with a warning, when what it holds can still be inspected: a header, with or without an image
 *   whose pixel module is complete. Without a class, a waveform or a document cannot be told from
 *   an image by its UID, so one that carries a Waveform Sequence or an Encapsulated Document
 *   fails; Pixel Data without the image attributes to read it is opaque binary, and is removed.
 */
import type { DicomDataset, DicomDict } from '../dicom/dataset.js';
import { formatTag, isPrivateTag, nameOf, walkDataset } from '../dicom/elements.js';
import { uidInMessage } from '../dicom/shown-values.js';
import { cleanIccProfile } from './icc-profile.js';

/** What {@link guardUninspectableContent} decided. */
export interface ContentVerdict {
  /** Set when the file must not be released: why, in words (no header value). */
  failReason?: string;
  /** Elements removed because their content cannot be inspected. */
  removed: Array<{ path: string; name: string }>;
  /** Elements kept with their texts blanked (`C`) or replaced by a dummy (`D`), and why. */
  rewritten?: Array<{ path: string; name: string; action: 'C' | 'D'; reason: string }>;
  /** Set when the file goes on with a caveat (no SOP Class UID): what, in words. */
  warning?: string;
}

const STANDARD_ROOT = '1.2.840.10008.';
const STORAGE_ROOT = '1.2.840.10008.5.1.4.1.1.';
const OPAQUE_VRS = new Set(['OB', 'OW', 'OL', 'OV', 'UN']);

/** Opaque binary elements the kit inspects or knows as technical (no identity in them). */
const KNOWN_BINARY = new Set([
  '00020001', // File Meta Information Version
  '7FE00010', // Pixel Data: the pixel step reads every frame
  '00281201', '00281202', '00281203', '00281204', // palette colour LUT data (red, green, blue, alpha)
  '00281221', '00281222', '00281223', // segmented palette colour LUT data
  '00283006', // LUT Data
  '00701808', // Weighting Lookup Table Data
  '00700256', // Fill Pattern (a 128-byte bitmap of a graphic fill)
  '00660023', '00660024', '00660025', '00660029', '00660129', '006A0011', // mesh and track indices
  '00660103', // Recommended Display CIELab Value List
]);

const ICC_PROFILE = '00282000';

/** Object classes whose payload the kit cannot read, by SOP Class UID prefix, and why. */
const UNINSPECTABLE_CLASSES: Array<{ prefix: string; why: string }> = [
  { prefix: `${STORAGE_ROOT}104.`, why: 'an encapsulated document (PDF, CDA, 3D model): the kit cannot read the document for identities' },
  { prefix: `${STORAGE_ROOT}9.`, why: 'a waveform object (ECG, hemodynamic, audio): the kit cannot inspect signals or speech for identities' },
];

const isOverlayOrCurve = (tag: string) => /^(50|60)[0-9A-F]{2}/.test(tag) && parseInt(tag.slice(0, 4), 16) % 2 === 0;
const firstString = (dict: DicomDict, tag: string) => String(dict[tag]?.Value?.[0] ?? '').trim().replace(/\0+$/, '');

/**
 * Decides what happens to content the kit cannot inspect, removing from `dataset` (a copy being
 * de-identified) the elements it can do without. See the module comment for the cases.
 */
export function guardUninspectableContent(dataset: DicomDataset): ContentVerdict {
  const sopClass = firstString(dataset.dict, '00080016') || firstString(dataset.meta, '00020002');
  let warning: string | undefined;
  const removed: ContentVerdict['removed'] = [];
  const rewritten: NonNullable<ContentVerdict['rewritten']> = [];
  if (!sopClass) {
    const failReason = classlessFailReason(dataset.dict);
    if (failReason) return { failReason: `no SOP Class UID, and ${failReason}`, removed: [] };
    // Pixel Data without the attributes to read it is no image: opaque binary, removed as such.
    if (dataset.dict[PIXEL_DATA] && !hasPixelModule(dataset.dict)) {
      delete dataset.dict[PIXEL_DATA];
      removed.push({ path: formatTag(PIXEL_DATA), name: 'Pixel Data without the image attributes to read it' });
    }
    const image = Boolean(dataset.dict[PIXEL_DATA]);
    warning = `no SOP Class UID: processed as a generic ${image ? 'image' : 'instance'} by what it holds; the output has no SOP Class UID either`;
  } else if (!sopClass.startsWith(STANDARD_ROOT)) return { failReason: `a private SOP class ${uidInMessage(sopClass)}: its content is defined by a vendor and cannot be inspected`, removed: [] };
  const family = UNINSPECTABLE_CLASSES.find((c) => sopClass.startsWith(c.prefix));
  if (family) return { failReason: `${family.why} (SOP class ${uidInMessage(sopClass)})`, removed: [] };
  if (holdsTag(dataset.dict, '00420011')) return { failReason: 'an Encapsulated Document (0042,0011): the kit cannot read the document for identities', removed: [] };

  walkDataset(dataset.dict, ({ tag, element, path, parent }) => {
    if (isPrivateTag(tag) || isOverlayOrCurve(tag)) return; // the rules and the profile rows handle these
    if (tag === ICC_PROFILE) {
      const verdict = cleanIccProfile(element.Value?.[0]);
      parent[tag] = { vr: element.vr, Value: [verdict.bytes.buffer] };
      if (verdict.kind === 'replaced') rewritten.push({ path, name: nameOf(tag), action: 'D', reason: `${verdict.why}: a generic sRGB profile written in its place` });
      else if (verdict.blanked > 0) rewritten.push({ path, name: nameOf(tag), action: 'C', reason: 'its texts (description, copyright, device names) blanked; its colour data kept' });
      return;
    }
    const waveform = tag === '54000100';
    if (!waveform && (!OPAQUE_VRS.has(element.vr) || KNOWN_BINARY.has(tag))) return;
    delete parent[tag];
    removed.push({ path, name: waveform ? 'Waveform Sequence' : nameOf(tag) });
    return 'skip';
  });
  const verdict: ContentVerdict = { removed, ...(rewritten.length > 0 ? { rewritten } : {}) };
  return warning ? { ...verdict, warning } : verdict;
}

/** Attributes an image needs before its pixels can be read (PS3.3 C.7.6.3, Type 1). */
const PIXEL_MODULE = ['00280002', '00280004', '00280010', '00280011', '00280100', '00280101', '00280102', '00280103'];
const PIXEL_DATA = '7FE00010';

/** Why an object of unknown class cannot be inspected (content beside the header that it cannot read), or undefined. */
function classlessFailReason(dict: DicomDict): string | undefined {
  if (dict['54000100']) return 'it holds a Waveform Sequence: it may be a waveform object, whose signals the kit cannot inspect';
  if (dict['00420011']) return 'it holds an Encapsulated Document, which the kit cannot read for identities';
  return undefined;
}

function hasPixelModule(dict: DicomDict): boolean {
  return PIXEL_MODULE.every((tag) => {
    const value = dict[tag]?.Value?.[0];
    return value !== undefined && value !== '';
  });
}

/** Whether the tag occurs anywhere in the dataset, nested sequences included. */
function holdsTag(dict: DicomDict, wanted: string): boolean {
  let found = false;
  walkDataset(dict, ({ tag }) => {
    if (tag === wanted) found = true;
  });
  return found;
}
