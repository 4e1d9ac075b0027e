/**
 * Synthetic non-image and multi-frame objects with fake identities: a Basic Text SR, a binary
 * Segmentation (1-bit pixels), an RT Structure Set and a multi-frame grayscale Secondary Capture.
 * Each carries PHI where real ones do (names in several roles, IDs, dates, addresses, phones,
 * free text with an age over 89) and the structure its IOD requires (Type 1 attributes, code
 * sequences, content items), so de-identification can be checked for conformance with dciodvfy.
 */
import type { DicomDataset, DicomDict } from '../dicom/dataset.js';
import { setElement } from '../dicom/elements.js';
import { TS } from '../dicom/transfer-syntaxes.js';
import { makeUid } from './header.js';
import { makeFakeIdentity, toDicomName, type FakeIdentity } from './identity.js';
import { createRng, type Rng } from './rng.js';

/** The kinds of object {@link makeObjectSample} makes. */
export const OBJECT_KINDS = ['sr', 'seg', 'rtstruct', 'multiframe'] as const;
export type ObjectKind = (typeof OBJECT_KINDS)[number];

const SOP: Record<ObjectKind, string> = {
  sr: '1.2.840.10008.5.1.4.1.1.88.11',
  seg: '1.2.840.10008.5.1.4.1.1.66.4',
  rtstruct: '1.2.840.10008.5.1.4.1.1.481.3',
  multiframe: '1.2.840.10008.5.1.4.1.1.7.2',
};

/** A generated object: its dataset, the identity planted in it, and the PHI strings it holds. */
export interface ObjectSample {
  kind: ObjectKind;
  dataset: DicomDataset;
  identity: FakeIdentity;
  /** Identifying strings planted in the header (none may survive de-identification). */
  phi: string[];
}

type Setter = (keyword: string, vr: string | undefined, ...values: unknown[]) => void;
const setterOf = (d: DicomDict): Setter => (keyword, vr, ...values) => setElement(d, keyword, vr, values);
const code = (value: string, scheme: string, meaning: string): DicomDict => ({
  '00080100': { vr: 'SH', Value: [value] },
  '00080102': { vr: 'SH', Value: [scheme] },
  '00080104': { vr: 'LO', Value: [meaning] },
});
const spoken = (id: FakeIdentity) => `${id.patient.given[0]}${id.patient.given.slice(1).toLowerCase()} ${id.patient.family[0]}${id.patient.family.slice(1).toLowerCase()}`;

/** The Image Pixel attributes of a square unsigned MONOCHROME2 image of `bits` per pixel, and its frame count. */
function grayscaleModule(set: Setter, size: number, bits: number, frames: number): void {
  set('SamplesPerPixel', 'US', 1);
  set('PhotometricInterpretation', 'CS', 'MONOCHROME2');
  set('Rows', 'US', size);
  set('Columns', 'US', size);
  set('BitsAllocated', 'US', bits);
  set('BitsStored', 'US', bits);
  set('HighBit', 'US', bits - 1);
  set('PixelRepresentation', 'US', 0);
  set('NumberOfFrames', 'IS', frames);
}

/** Patient, General Study, General Equipment and SOP Common, shared by every kind. */
function commonHeader(d: DicomDict, kind: ObjectKind, modality: string, id: FakeIdentity, uids: { study: string; series: string; sop: string }): void {
  const set = setterOf(d);
  set('SpecificCharacterSet', 'CS', 'ISO_IR 100');
  set('SOPClassUID', 'UI', SOP[kind]);
  set('SOPInstanceUID', 'UI', uids.sop);
  set('StudyDate', 'DA', id.studyDate);
  set('StudyTime', 'TM', id.studyTime);
  set('AccessionNumber', 'SH', id.accession);
  set('Modality', 'CS', modality);
  set('Manufacturer', 'LO', 'Synthetic Sample Generator');
  set('InstitutionName', 'LO', id.institution);
  set('InstitutionAddress', 'ST', `${id.street}, ${id.city}, ${id.state} ${id.zip}`);
  set('ReferringPhysicianName', 'PN', toDicomName(id.referring));
  set('StationName', 'SH', id.stationName);
  set('StudyDescription', 'LO', `CT CHEST W/O CONTRAST for ${spoken(id)}`);
  set('SeriesDescription', 'LO', `${kind.toUpperCase()} of ${id.patient.family}`);
  set('PatientName', 'PN', toDicomName(id.patient));
  set('PatientID', 'LO', id.mrn);
  set('PatientBirthDate', 'DA', id.birthDate);
  set('PatientSex', 'CS', id.sex);
  set('PatientAge', 'AS', `${String(id.age).padStart(3, '0')}Y`);
  set('PatientAddress', 'LO', `${id.street}, ${id.city}, ${id.state} ${id.zip}`);
  set('PatientTelephoneNumbers', 'SH', id.patientPhone);
  set('AdditionalPatientHistory', 'LT', `Pt ${spoken(id)}, ninety-two y/o, lives at ${id.street}; contact ${id.email} or ${id.patientPhone}`);
  set('StudyInstanceUID', 'UI', uids.study);
  set('SeriesInstanceUID', 'UI', uids.series);
  set('StudyID', 'SH', id.studyId);
  set('SeriesNumber', 'IS', 1);
  set('InstanceNumber', 'IS', 1);
  set('DeviceSerialNumber', 'LO', id.deviceSerial);
  set('SoftwareVersions', 'LO', '1.0');
  set('OperatorsName', 'PN', toDicomName(id.operator));
}

function plantedPhi(id: FakeIdentity): string[] {
  return [id.patient.family, id.patient.given, id.mrn, id.accession, id.patientPhone, id.email, id.street, id.referring.family, id.operator.family, id.deviceSerial, 'ninety-two'];
}

/** A Basic Text SR: a container of text, date, person-name and code items, verified by a named observer. */
function buildSr(d: DicomDict, id: FakeIdentity): void {
  const set = setterOf(d);
  set('ContentDate', 'DA', id.studyDate);
  set('ContentTime', 'TM', id.studyTime);
  set('ReferencedPerformedProcedureStepSequence', 'SQ');
  set('CompletionFlag', 'CS', 'COMPLETE');
  set('VerificationFlag', 'CS', 'VERIFIED');
  set('VerifyingObserverSequence', 'SQ', {
    '0040A075': { vr: 'PN', Value: [{ Alphabetic: toDicomName(id.reading) }] },
    '0040A027': { vr: 'LO', Value: [id.institution] },
    '0040A030': { vr: 'DT', Value: [`${id.studyDate}${id.studyTime}`] },
    '0040A088': { vr: 'SQ', Value: [] },
  });
  set('PerformedProcedureCodeSequence', 'SQ');
  set('ValueType', 'CS', 'CONTAINER');
  set('ConceptNameCodeSequence', 'SQ', code('18748-4', 'LN', 'Diagnostic Imaging Report'));
  set('ContinuityOfContent', 'CS', 'SEPARATE');
  set('ContentSequence', 'SQ',
    {
      '0040A010': { vr: 'CS', Value: ['CONTAINS'] },
      '0040A040': { vr: 'CS', Value: ['TEXT'] },
      '0040A043': { vr: 'SQ', Value: [code('121071', 'DCM', 'Finding')] },
      '0040A160': { vr: 'UT', Value: [`MR BRAIN W/WO CONTRAST for ${spoken(id)} (${id.patientPhone}). 92 yo, seen ${id.studyDate.slice(4, 6)}/${id.studyDate.slice(6, 8)}/${id.studyDate.slice(0, 4)}. No acute infarct. Small T2 FLAIR foci, LT frontal.`] },
    },
    {
      '0040A010': { vr: 'CS', Value: ['HAS OBS CONTEXT'] },
      '0040A040': { vr: 'CS', Value: ['PNAME'] },
      '0040A043': { vr: 'SQ', Value: [code('121008', 'DCM', 'Person Observer Name')] },
      '0040A123': { vr: 'PN', Value: [{ Alphabetic: toDicomName(id.reading) }] },
    },
    {
      '0040A010': { vr: 'CS', Value: ['CONTAINS'] },
      '0040A040': { vr: 'CS', Value: ['DATE'] },
      '0040A043': { vr: 'SQ', Value: [code('111060', 'DCM', 'Study Date')] },
      '0040A121': { vr: 'DA', Value: [id.studyDate] },
    },
    {
      '0040A010': { vr: 'CS', Value: ['CONTAINS'] },
      '0040A040': { vr: 'CS', Value: ['CODE'] },
      '0040A043': { vr: 'SQ', Value: [code('121071', 'DCM', 'Finding')] },
      '0040A168': { vr: 'SQ', Value: [code('52988006', 'SCT', 'Lesion')] },
    },
  );
}

/** A binary Segmentation of two 8×8 frames, one segment, with its functional groups and dimensions. */
function buildSeg(d: DicomDict, id: FakeIdentity, rng: Rng): void {
  const set = setterOf(d);
  const frameOfReference = makeUid(rng);
  const dimensionUid = makeUid(rng);
  set('ContentDate', 'DA', id.studyDate);
  set('ContentTime', 'TM', id.studyTime);
  set('ImageType', 'CS', 'DERIVED', 'PRIMARY');
  set('FrameOfReferenceUID', 'UI', frameOfReference);
  set('PositionReferenceIndicator', 'LO', '');
  set('ManufacturerModelName', 'LO', 'PHI Phantom');
  set('ContentLabel', 'CS', 'LESIONS');
  set('ContentDescription', 'LO', `Lesions of ${spoken(id)} drawn by Dr. ${id.reading.family}`);
  set('ContentCreatorName', 'PN', toDicomName(id.reading));
  set('SegmentationType', 'CS', 'BINARY');
  set('LossyImageCompression', 'CS', '00');
  grayscaleModule(set, 8, 1, 2);
  set('BurnedInAnnotation', 'CS', 'NO');
  set('SegmentSequence', 'SQ', {
    '00620004': { vr: 'US', Value: [1] },
    '00620005': { vr: 'LO', Value: ['Lesion'] },
    '00620008': { vr: 'CS', Value: ['MANUAL'] },
    '00620003': { vr: 'SQ', Value: [code('49755003', 'SCT', 'Morphologically Altered Structure')] },
    '0062000F': { vr: 'SQ', Value: [code('52988006', 'SCT', 'Lesion')] },
  });
  set('DimensionOrganizationSequence', 'SQ', { '00209164': { vr: 'UI', Value: [dimensionUid] } });
  set('DimensionIndexSequence', 'SQ',
    { '00209164': { vr: 'UI', Value: [dimensionUid] }, '00209165': { vr: 'AT', Value: [0x0062000b] }, '00209167': { vr: 'AT', Value: [0x0062000a] } },
    { '00209164': { vr: 'UI', Value: [dimensionUid] }, '00209165': { vr: 'AT', Value: [0x00200032] }, '00209167': { vr: 'AT', Value: [0x00209113] } },
  );
  set('SharedFunctionalGroupsSequence', 'SQ', {
    '00289110': { vr: 'SQ', Value: [{ '00280030': { vr: 'DS', Value: [1, 1] }, '00180050': { vr: 'DS', Value: [1] } }] },
    '00209116': { vr: 'SQ', Value: [{ '00200037': { vr: 'DS', Value: [1, 0, 0, 0, 1, 0] } }] },
  });
  set('PerFrameFunctionalGroupsSequence', 'SQ', ...[0, 1].map((f) => ({
    '00209111': { vr: 'SQ', Value: [{ '00209157': { vr: 'UL', Value: [1, f + 1] } }] },
    '00209113': { vr: 'SQ', Value: [{ '00200032': { vr: 'DS', Value: [0, 0, f] } }] },
    '0062000A': { vr: 'SQ', Value: [{ '0062000B': { vr: 'US', Value: [1] } }] },
  })));
  // Two frames of 8×8 bits, packed little-endian bit order: a small square in each.
  const bits = new Uint8Array(16);
  for (let f = 0; f < 2; f++) for (let y = 2; y < 6; y++) for (let x = 2 + f; x < 6; x++) {
    const i = f * 64 + y * 8 + x;
    bits[i >> 3] |= 1 << (i & 7);
  }
  d['7FE00010'] = { vr: 'OB', Value: [bits.buffer] };
}

/** An RT Structure Set of one ROI with one closed planar contour, observed by a named interpreter. */
function buildRtStruct(d: DicomDict, id: FakeIdentity, rng: Rng, uids: { study: string; series: string }): void {
  const set = setterOf(d);
  const frameOfReference = makeUid(rng);
  const imageSop = makeUid(rng);
  set('FrameOfReferenceUID', 'UI', frameOfReference);
  set('PositionReferenceIndicator', 'LO', '');
  set('StructureSetLabel', 'SH', `${id.patient.family} RT`);
  set('StructureSetName', 'LO', `Plan for ${spoken(id)}`);
  set('StructureSetDate', 'DA', id.studyDate);
  set('StructureSetTime', 'TM', id.studyTime);
  set('ReferencedFrameOfReferenceSequence', 'SQ', {
    '00200052': { vr: 'UI', Value: [frameOfReference] },
    '30060012': { vr: 'SQ', Value: [{
      '00081150': { vr: 'UI', Value: ['1.2.840.10008.3.1.2.3.1'] },
      '00081155': { vr: 'UI', Value: [uids.study] },
      '30060014': { vr: 'SQ', Value: [{
        '0020000E': { vr: 'UI', Value: [makeUid(rng)] },
        '30060016': { vr: 'SQ', Value: [{ '00081150': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.2'] }, '00081155': { vr: 'UI', Value: [imageSop] } }] },
      }] },
    }] },
  });
  set('StructureSetROISequence', 'SQ', {
    '30060022': { vr: 'IS', Value: [1] },
    '30060024': { vr: 'UI', Value: [frameOfReference] },
    '30060026': { vr: 'LO', Value: ['GTV lung LT'] },
    '30060036': { vr: 'CS', Value: ['MANUAL'] },
  });
  set('ROIContourSequence', 'SQ', {
    '3006002A': { vr: 'IS', Value: [255, 0, 0] },
    '30060040': { vr: 'SQ', Value: [{
      '30060016': { vr: 'SQ', Value: [{ '00081150': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.2'] }, '00081155': { vr: 'UI', Value: [imageSop] } }] },
      '30060042': { vr: 'CS', Value: ['CLOSED_PLANAR'] },
      '30060046': { vr: 'IS', Value: [4] },
      '30060050': { vr: 'DS', Value: [0, 0, 0, 10, 0, 0, 10, 10, 0, 0, 10, 0] },
    }] },
    '30060084': { vr: 'IS', Value: [1] },
  });
  set('RTROIObservationsSequence', 'SQ', {
    '30060082': { vr: 'IS', Value: [1] },
    '30060084': { vr: 'IS', Value: [1] },
    '300600A4': { vr: 'CS', Value: ['GTV'] },
    '300600A6': { vr: 'PN', Value: [{ Alphabetic: toDicomName(id.reading) }] },
  });
  set('ApprovalStatus', 'CS', 'APPROVED');
  set('ReviewDate', 'DA', id.studyDate);
  set('ReviewTime', 'TM', id.studyTime);
  set('ReviewerName', 'PN', toDicomName(id.reading));
}

/** A multi-frame grayscale byte Secondary Capture of three 16×16 frames (a cine of a gradient). */
function buildMultiframe(d: DicomDict, id: FakeIdentity): void {
  const set = setterOf(d);
  set('ContentDate', 'DA', id.studyDate);
  set('ContentTime', 'TM', id.studyTime);
  set('ConversionType', 'CS', 'WSD');
  set('ImageType', 'CS', 'DERIVED', 'SECONDARY');
  set('PatientOrientation', 'CS');
  grayscaleModule(set, 16, 8, 3);
  set('FrameIncrementPointer', 'AT', 0x00181063);
  set('Laterality', 'CS');
  set('RescaleIntercept', 'DS', 0);
  set('RescaleSlope', 'DS', 1);
  set('RescaleType', 'LO', 'US');
  set('FrameTime', 'DS', 100);
  set('BurnedInAnnotation', 'CS', 'NO');
  set('PresentationLUTShape', 'CS', 'IDENTITY');
  set('ImageComments', 'LT', `Cine for ${spoken(id)}, MRN ${id.mrn}, age 95`);
  const pixels = new Uint8Array(16 * 16 * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7) & 0xff;
  d['7FE00010'] = { vr: 'OB', Value: [pixels.buffer] };
}

/**
 * Makes one object of `kind` with a fake identity drawn from `seed` (same seed, same object).
 * Stored in Explicit VR Little Endian.
 *
 * @example const { dataset } = makeObjectSample('sr', 1);
 */
export function makeObjectSample(kind: ObjectKind, seed: number | string): ObjectSample {
  const rng = createRng(`${seed}:object:${kind}`);
  const identity = makeFakeIdentity(rng.fork('identity'));
  const uidRng = rng.fork('uids');
  const uids = { study: makeUid(uidRng), series: makeUid(uidRng), sop: makeUid(uidRng) };
  const d: DicomDict = {};
  const modality = { sr: 'SR', seg: 'SEG', rtstruct: 'RTSTRUCT', multiframe: 'OT' }[kind];
  commonHeader(d, kind, modality, identity, uids);
  if (kind === 'sr') buildSr(d, identity);
  if (kind === 'seg') buildSeg(d, identity, rng.fork('seg'));
  if (kind === 'rtstruct') buildRtStruct(d, identity, rng.fork('rt'), uids);
  if (kind === 'multiframe') buildMultiframe(d, identity);
  const dataset: DicomDataset = { meta: {}, dict: d, transferSyntaxUID: TS.ExplicitVRLittleEndian };
  return { kind, dataset, identity, phi: plantedPhi(identity) };
}
