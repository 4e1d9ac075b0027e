/**
 * The modules every held-out file shares (Patient, General Study, General Series, General Equipment,
 * SOP Common, request attributes), with the PHI planted in them recorded as ground truth.
 */
import { Dataset, ds } from './dicom-writer.js';
import { entry } from './dictionary.js';
import type { BuiltText } from './free-text.js';
import { description, diagnosisText, note, reasonText, seriesText, type TextContext } from './free-text.js';
import {
  addressLine, addressPhi, ageString, da, nameProbes, pn, type Identity, type Ymd,
} from './identity.js';
import { countWord } from './match.js';
import type { Rng } from './rng.js';
import type { Category, KeptWords, Phi, PlantedHeaderPhi } from './truth.js';

/** A UID under the 2.25 (UUID-derived) root. */
export function uid(rng: Rng): string {
  return `2.25.${rng.int(1, 9)}${rng.digits(37)}`;
}

export const hex = (tag: number) => tag.toString(16).toUpperCase().padStart(8, '0');

/** Records what is planted where. */
export class Planting {
  readonly phi: PlantedHeaderPhi[] = [];
  readonly keep: KeptWords[] = [];

  /** Registers built free text at `path` and returns its value. */
  text(path: string, attribute: string, built: BuiltText): string {
    for (const p of built.phi) this.add(path, attribute, built.value, p);
    if (built.keep.length) this.keep.push({ path, attribute, words: built.keep, kind: 'description' });
    return built.value;
  }

  /** Registers a whole value that is PHI and returns it. */
  whole(path: string, attribute: string, value: string, category: Category, kind: string, probes: string[] = [value]): string {
    this.add(path, attribute, value, { text: value, category, kind, probes });
    return value;
  }

  /** Registers kept words of a value that is not free text (ROI names, labels; codes with `kind` `code`). */
  keepAll(path: string, attribute: string, words: string[], kind: 'description' | 'code' = 'description'): void {
    if (words.length) this.keep.push({ path, attribute, words, kind });
  }

  private add(path: string, attribute: string, value: string, p: Phi): void {
    const probes = p.probes.filter((x) => x.length > 0);
    const allowed = probes.map((x) => countWord(value, x) - countWord(p.text, x));
    this.phi.push({ ...p, probes, path, attribute, allowed });
  }
}

/** Path of a top-level attribute. */
export const at = (keyword: string) => hex(entry(keyword).tag);
/** Path of an attribute inside an item of a sequence. */
export const inItem = (parent: string, index: number, keyword: string) => `${parent}[${index}].${hex(entry(keyword).tag)}`;

export interface CommonOptions {
  modality: string;
  sopClassUID: string;
  sopInstanceUID: string;
  /** Patient identity left out of the header (Type 2 attributes empty), as in a damaged or incomplete header. */
  damaged: boolean;
  charset?: 'ISO_IR 100' | 'ISO_IR 192';
  manufacturer: string;
  model: string;
  studyUID: string;
  seriesUID: string;
  /** Content date (images: Type 2 or 1C; SR: Type 1). */
  contentDate: Ymd;
}

const MANUFACTURER_TIMES = ['081522', '134507.25', '0915', '162033', '101010.5'];

/** Patient, study, series, equipment and SOP common attributes, with PHI planted and recorded. */
export function commonHeader(rng: Rng, id: Identity, o: CommonOptions, plant: Planting): Dataset {
  const ctx: TextContext = { id, modality: o.modality, damaged: o.damaged };
  const d = new Dataset();
  const time = rng.pick(MANUFACTURER_TIMES);
  d.set('SpecificCharacterSet', o.charset ?? 'ISO_IR 100');
  d.set('SOPClassUID', o.sopClassUID).set('SOPInstanceUID', o.sopInstanceUID);
  d.set('InstanceCreationDate', plant.whole(at('InstanceCreationDate'), 'InstanceCreationDate', da(o.contentDate), 'C', 'date'));
  d.set('InstanceCreationTime', time);

  // Patient
  if (o.damaged) {
    d.set('PatientName', '').set('PatientID', '').set('PatientBirthDate', '').set('PatientSex', '');
  } else {
    d.set('PatientName', plant.whole(at('PatientName'), 'PatientName', pn(id.patient, rng.chance(0.7)), 'A', 'name', nameProbes(id.patient)));
    d.set('PatientID', plant.whole(at('PatientID'), 'PatientID', id.mrn, 'H', 'mrn'));
    d.set('PatientBirthDate', plant.whole(at('PatientBirthDate'), 'PatientBirthDate', da(id.birth), 'C', 'birth date'));
    d.set('PatientSex', id.patient.sex);
    const age = ageString(id.age);
    d.set('PatientAge', id.age > 89 ? plant.whole(at('PatientAge'), 'PatientAge', age, 'C', 'age>89') : age);
    if (rng.chance(0.5)) {
      const a = addressPhi(rng, id.address, true);
      d.set('PatientAddress', plant.whole(at('PatientAddress'), 'PatientAddress', addressLine(id.address), 'B', 'street address', a.probes));
    }
    if (rng.chance(0.4)) d.set('PatientTelephoneNumbers', plant.whole(at('PatientTelephoneNumbers'), 'PatientTelephoneNumbers', id.phone, 'D', 'phone'));
    if (rng.chance(0.3)) d.set('OtherPatientIDs', plant.whole(at('OtherPatientIDs'), 'OtherPatientIDs', rng.digits(9), 'H', 'mrn'));
    if (rng.chance(0.3)) d.set('PatientMotherBirthName', plant.whole(at('PatientMotherBirthName'), 'PatientMotherBirthName', `${id.relative.family.toUpperCase()}^${id.relative.given.toUpperCase()}`, 'A', 'name', nameProbes(id.relative)));
    d.set('PatientWeight', String(rng.int(45, 110)));
  }
  d.set('AdditionalPatientHistory', plant.text(at('AdditionalPatientHistory'), 'AdditionalPatientHistory', note(rng, ctx, rng.int(2, 4), [rng.int(0, 1) ? 0 : 12])));
  if (rng.chance(0.6)) d.set('PatientComments', plant.text(at('PatientComments'), 'PatientComments', note(rng, ctx, rng.int(1, 3))));

  // Study
  d.set('StudyInstanceUID', o.studyUID);
  d.set('StudyDate', plant.whole(at('StudyDate'), 'StudyDate', da(id.study), 'C', 'date'));
  d.set('StudyTime', time);
  d.set('ReferringPhysicianName', plant.whole(at('ReferringPhysicianName'), 'ReferringPhysicianName', pn(id.referring, rng.chance(0.5)), 'A', 'name', nameProbes(id.referring)));
  d.set('StudyID', plant.whole(at('StudyID'), 'StudyID', id.studyId, 'R', 'study id'));
  d.set('AccessionNumber', plant.whole(at('AccessionNumber'), 'AccessionNumber', id.accession, 'R', 'accession'));
  d.set('StudyDescription', plant.text(at('StudyDescription'), 'StudyDescription', description(rng, ctx, 'study')));
  if (rng.chance(0.5)) d.set('NameOfPhysiciansReadingStudy', plant.whole(at('NameOfPhysiciansReadingStudy'), 'NameOfPhysiciansReadingStudy', pn(id.reader), 'A', 'name', nameProbes(id.reader)));
  if (rng.chance(0.4)) d.set('AdmittingDiagnosesDescription', plant.text(at('AdmittingDiagnosesDescription'), 'AdmittingDiagnosesDescription', diagnosisText(rng, ctx)));
  if (rng.chance(0.3)) d.set('ReasonForStudy', plant.text(at('ReasonForStudy'), 'ReasonForStudy', reasonText(rng, ctx)));

  // Series
  d.set('Modality', o.modality);
  d.set('SeriesInstanceUID', o.seriesUID);
  d.set('SeriesNumber', String(rng.int(1, 12)));
  d.set('SeriesDate', plant.whole(at('SeriesDate'), 'SeriesDate', da(id.study), 'C', 'date'));
  d.set('SeriesTime', time);
  d.set('SeriesDescription', plant.text(at('SeriesDescription'), 'SeriesDescription', seriesText(rng, ctx)));
  if (rng.chance(0.6)) d.set('ProtocolName', plant.text(at('ProtocolName'), 'ProtocolName', seriesText(rng, ctx)));
  d.set('OperatorsName', plant.whole(at('OperatorsName'), 'OperatorsName', pn(id.operator), 'A', 'name', nameProbes(id.operator)));
  if (rng.chance(0.5)) d.set('PerformingPhysicianName', plant.whole(at('PerformingPhysicianName'), 'PerformingPhysicianName', pn(id.performing, false), 'A', 'name', nameProbes(id.performing)));
  d.set('PerformedProcedureStepStartDate', plant.whole(at('PerformedProcedureStepStartDate'), 'PerformedProcedureStepStartDate', da(id.study), 'C', 'date'));
  d.set('PerformedProcedureStepStartTime', time);
  d.set('PerformedProcedureStepID', plant.whole(at('PerformedProcedureStepID'), 'PerformedProcedureStepID', `PPS${rng.digits(6)}`, 'R', 'procedure step id'));
  d.set('PerformedProcedureStepDescription', plant.text(at('PerformedProcedureStepDescription'), 'PerformedProcedureStepDescription', description(rng, ctx, 'step')));
  if (rng.chance(0.5)) d.set('CommentsOnThePerformedProcedureStep', plant.text(at('CommentsOnThePerformedProcedureStep'), 'CommentsOnThePerformedProcedureStep', note(rng, ctx, rng.int(1, 2))));
  const request = at('RequestAttributesSequence');
  const item = ds({
    RequestedProcedureID: plant.whole(inItem(request, 0, 'RequestedProcedureID'), 'RequestedProcedureID', `RP${rng.digits(7)}`, 'R', 'request id'),
    ScheduledProcedureStepID: plant.whole(inItem(request, 0, 'ScheduledProcedureStepID'), 'ScheduledProcedureStepID', `SPS${rng.digits(6)}`, 'R', 'procedure step id'),
    RequestedProcedureDescription: plant.text(inItem(request, 0, 'RequestedProcedureDescription'), 'RequestedProcedureDescription', description(rng, ctx, 'procedure')),
    ReasonForTheRequestedProcedure: plant.text(inItem(request, 0, 'ReasonForTheRequestedProcedure'), 'ReasonForTheRequestedProcedure', reasonText(rng, ctx)),
    RequestedProcedureComments: rng.chance(0.5) ? plant.text(inItem(request, 0, 'RequestedProcedureComments'), 'RequestedProcedureComments', note(rng, ctx, rng.int(1, 2), [rng.pick([8, 9])])) : undefined,
  });
  d.set('RequestAttributesSequence', [item]);
  if (rng.chance(0.5)) d.set('RequestingPhysician', plant.whole(at('RequestingPhysician'), 'RequestingPhysician', pn(id.referring), 'A', 'name', nameProbes(id.referring)));

  // Equipment
  d.set('Manufacturer', o.manufacturer);
  d.set('ManufacturerModelName', o.model);
  d.set('InstitutionName', plant.whole(at('InstitutionName'), 'InstitutionName', id.institution.full, 'B', 'institution', [id.institution.key]));
  if (rng.chance(0.6)) {
    const a = id.address; // the institution's address is invented alongside the patient's
    const line = `${rng.int(10, 999)} ${id.institution.key} Plaza, ${a.city}, ${a.state} ${a.zip.slice(0, 5)}`;
    d.set('InstitutionAddress', plant.whole(at('InstitutionAddress'), 'InstitutionAddress', line, 'B', 'street address', [id.institution.key, a.city, a.zip.slice(0, 5)]));
  }
  d.set('InstitutionalDepartmentName', id.institution.department);
  d.set('StationName', plant.whole(at('StationName'), 'StationName', id.station, 'R', 'station name'));
  d.set('DeviceSerialNumber', plant.whole(at('DeviceSerialNumber'), 'DeviceSerialNumber', id.deviceSerial, 'M', 'device serial'));
  d.set('SoftwareVersions', `${rng.int(1, 9)}.${rng.int(0, 20)}.${rng.int(0, 9)}`);

  // Private block with identity copies, as some vendors write.
  if (rng.chance(0.5)) {
    d.setTag(0x00290010, 'LO', 'HELDOUT VENDOR PRIVATE');
    if (!o.damaged) d.setTag(0x00291010, 'LO', plant.whole('00291010', '(0029,1010) private', `${id.patient.family.toUpperCase()} ${id.patient.given.toUpperCase()}`, 'A', 'name', nameProbes(id.patient)));
    d.setTag(0x00291011, 'LT', plant.text('00291011', '(0029,1011) private', note(rng, ctx, 1, [rng.pick([1, 2, 5])])));
  }
  return d;
}
