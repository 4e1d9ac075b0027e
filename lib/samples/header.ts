import type { DicomDict } from '../dicom/dataset.js';
import { setElement } from '../dicom/elements.js';
import type { SampleFormat, SampleModality } from './format.js';
import { toDicomName, type FakeIdentity } from './identity.js';
import type { Rng } from './rng.js';

/** What the header builder needs to know about the image besides the identity. */
export interface HeaderImage {
  modality: SampleModality;
  width: number;
  height: number;
  frames: number;
  /** e.g. `CHEST`, `HEAD`. */
  bodyPart: string;
  /** Study description before the name is appended, e.g. `CT CHEST W/O CONTRAST`. */
  studyDescription: string;
}

const SOP_CLASS: Record<SampleModality, string> = {
  CT: '1.2.840.10008.5.1.4.1.1.2',
  MR: '1.2.840.10008.5.1.4.1.1.4',
  CR: '1.2.840.10008.5.1.4.1.1.1',
  US: '1.2.840.10008.5.1.4.1.1.6.1',
  SC: '1.2.840.10008.5.1.4.1.1.7',
};
const US_MULTIFRAME = '1.2.840.10008.5.1.4.1.1.3.1';

/** A `2.25.` UID from the generator (36 decimal digits, below 2^128). */
export function makeUid(rng: Rng): string {
  let digits = String(rng.int(1, 9));
  for (let i = 0; i < 35; i++) digits += String(rng.int(0, 9));
  return `2.25.${digits}`;
}

/**
 * The header of a sample: the fake identity in many places (names in several roles, IDs, dates
 * and times, addresses, phones, institution, a free-text description naming the patient, a private
 * element, a nested sequence) and the technical attributes of the image. Pixel module attributes
 * are set by {@link setPixelModule}.
 */
export function buildHeader(image: HeaderImage, id: FakeIdentity, format: SampleFormat, rng: Rng): DicomDict {
  const d: DicomDict = {};
  const set = (keyword: string, vr: string | undefined, ...values: unknown[]): void => setElement(d, keyword, vr, values);
  const patientName = toDicomName(id.patient);
  const spoken = `${id.patient.given} ${id.patient.family}`;
  const multiFrame = image.modality === 'US' && image.frames > 1;
  const sopClass = multiFrame ? US_MULTIFRAME : SOP_CLASS[image.modality];

  // The writer writes text as UTF-8: an accented name (`ÉLODIE`) read back under ISO_IR 100 would be `Ã\x89LODIE`.
  set('SpecificCharacterSet', 'CS', 'ISO_IR 192');
  set('ImageType', 'CS', 'ORIGINAL', 'PRIMARY', image.modality === 'CT' ? 'AXIAL' : 'OTHER');
  set('SOPClassUID', 'UI', sopClass);
  set('SOPInstanceUID', 'UI', makeUid(rng));
  set('StudyDate', 'DA', id.studyDate);
  set('SeriesDate', 'DA', id.studyDate);
  set('AcquisitionDate', 'DA', id.studyDate);
  set('ContentDate', 'DA', id.studyDate);
  set('StudyTime', 'TM', id.studyTime);
  set('SeriesTime', 'TM', id.studyTime);
  set('ContentTime', 'TM', id.studyTime);
  set('AccessionNumber', 'SH', id.accession);
  // Secondary captures of documents carry Modality OT (SC is the IOD, not a modality code).
  set('Modality', 'CS', image.modality === 'SC' ? 'OT' : image.modality);
  if (image.modality === 'SC') set('ConversionType', 'CS', 'WSD');
  set('Manufacturer', 'LO', 'Synthetic Sample Generator');
  set('InstitutionName', 'LO', id.institution);
  set('InstitutionAddress', 'ST', `${id.street}, ${id.city}, ${id.state} ${id.zip}`);
  set('ReferringPhysicianName', 'PN', toDicomName(id.referring));
  set('ReferringPhysicianTelephoneNumbers', 'SH', id.institutionPhone);
  set('StationName', 'SH', id.stationName);
  set('StudyDescription', 'LO', `${image.studyDescription} for ${spoken}`);
  set('SeriesDescription', 'LO', `${image.bodyPart} ${image.modality}`);
  set('InstitutionalDepartmentName', 'LO', id.department);
  set('PerformingPhysicianName', 'PN', toDicomName(id.performing));
  set('NameOfPhysiciansReadingStudy', 'PN', toDicomName(id.reading));
  set('OperatorsName', 'PN', toDicomName(id.operator));
  set('ManufacturerModelName', 'LO', 'PHI Phantom');
  set('PatientName', 'PN', patientName);
  set('PatientID', 'LO', id.mrn);
  set('IssuerOfPatientID', 'LO', id.institution.split(' ')[0].toUpperCase());
  set('PatientBirthDate', 'DA', id.birthDate);
  set('PatientSex', 'CS', id.sex);
  set('OtherPatientIDs', 'LO', id.otherPatientId);
  set('PatientAge', 'AS', `${String(id.age).padStart(3, '0')}Y`);
  set('PatientAddress', 'LO', `${id.street}, ${id.city}, ${id.state} ${id.zip}`);
  set('PatientTelephoneNumbers', 'SH', id.patientPhone);
  set('AdditionalPatientHistory', 'LT', `Pt ${spoken} seen ${id.studyDate.slice(4, 6)}/${id.studyDate.slice(6, 8)}; contact ${id.email} or ${id.patientPhone}`);
  set('BodyPartExamined', 'CS', image.bodyPart);
  set('DeviceSerialNumber', 'LO', id.deviceSerial);
  set('SoftwareVersions', 'LO', '1.0');
  set('StudyInstanceUID', 'UI', makeUid(rng));
  set('SeriesInstanceUID', 'UI', makeUid(rng));
  set('StudyID', 'SH', id.studyId);
  set('SeriesNumber', 'IS', 1);
  set('InstanceNumber', 'IS', 1);
  set('BurnedInAnnotation', 'CS', 'YES');
  set('ImageComments', 'LT', `Burned-in demographics. Reviewed by ${toDicomName(id.reading).replace(/\^/g, ' ')}`);
  set('RequestAttributesSequence', 'SQ', {
    '00401001': { vr: 'SH', Value: [`RP${id.studyId}`] },
    '00321060': { vr: 'LO', Value: [`${image.studyDescription} (${id.patient.family})`] },
    '00400009': { vr: 'SH', Value: [`SPS${id.studyId}`] },
  });
  // A private block, as vendors write them, carrying the name again.
  d['00090010'] = { vr: 'LO', Value: ['SYNTHETIC PHI'] };
  d['00091001'] = { vr: 'LO', Value: [patientName] };
  d['00091002'] = { vr: 'LO', Value: [id.mrn] };

  switch (image.modality) {
    case 'CT':
    case 'MR':
      set('FrameOfReferenceUID', 'UI', makeUid(rng));
      set('PositionReferenceIndicator', 'LO', '');
      set('SliceThickness', 'DS', image.modality === 'CT' ? 2.5 : 5);
      set('ImagePositionPatient', 'DS', -image.width * 0.35, -image.height * 0.35, -120.5);
      set('ImageOrientationPatient', 'DS', 1, 0, 0, 0, 1, 0);
      set('PixelSpacing', 'DS', 0.7, 0.7);
      set('SliceLocation', 'DS', -120.5);
      set('PatientPosition', 'CS', 'HFS');
      set('AcquisitionNumber', 'IS', 1);
      if (image.modality === 'CT') {
        set('KVP', 'DS', 120);
        set('XRayTubeCurrent', 'IS', 250);
      } else {
        set('ScanningSequence', 'CS', 'SE');
        set('SequenceVariant', 'CS', 'NONE');
        set('ScanOptions', 'CS', '');
        set('MRAcquisitionType', 'CS', '2D');
        set('RepetitionTime', 'DS', 500);
        set('EchoTime', 'DS', 15);
        set('MagneticFieldStrength', 'DS', 1.5);
        set('EchoTrainLength', 'IS', 1);
      }
      break;
    case 'CR':
      set('KVP', 'DS', 90);
      set('ViewPosition', 'CS', 'AP');
      set('PatientOrientation', 'CS', 'R', 'F');
      set('ImagerPixelSpacing', 'DS', 0.8, 0.8);
      break;
    case 'US':
      set('PatientOrientation', 'CS');
      if (multiFrame) {
        set('FrameTime', 'DS', 40);
        set('FrameIncrementPointer', 'AT', 0x00181063);
      }
      break;
    case 'SC':
      set('PatientOrientation', 'CS');
      break;
  }
  if (format.rescaleIntercept !== undefined) {
    set('RescaleIntercept', 'DS', format.rescaleIntercept);
    set('RescaleSlope', 'DS', format.rescaleSlope ?? 1);
    set('RescaleType', 'LO', 'HU');
  }
  if (format.windowCenter !== undefined) {
    set('WindowCenter', 'DS', format.windowCenter);
    set('WindowWidth', 'DS', format.windowWidth);
  }
  return d;
}
