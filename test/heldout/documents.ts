/**
 * Non-image objects of the held-out set: Basic Text, Enhanced and Comprehensive structured reports
 * (content trees with codes, TEXT items holding PHI and clinical text, dates, person names), a
 * binary segmentation (1-bit pixels, functional groups) and an RT structure set.
 */
import { Dataset, ds } from './dicom-writer.js';
import type { BuiltText } from './free-text.js';
import { keepWords, note, TextBuilder } from './free-text.js';
import { at, commonHeader, hex, Planting, uid } from './header.js';
import { asciiLetters, da, makeIdentity, nameProbes, pn, datePhi, namePhi, phonePhi, type Identity, type Ymd } from './identity.js';
import type { Rng } from './rng.js';
import { entry } from './dictionary.js';
import type { FileTruth } from './truth.js';
import { FINDINGS, IMPRESSIONS } from './vocabulary.js';

const code = (value: string, scheme: string, meaning: string) => ds({ CodeValue: value, CodingSchemeDesignator: scheme, CodeMeaning: meaning });

/** Identity, planting record and common modules of a non-image object. */
function begin(rng: Rng, modality: string, sopClassUID: string, damaged: boolean, [manufacturer, model]: [string, string], contentDateOf = (id: Identity): Ymd => id.study) {
  const id = makeIdentity(rng);
  const plant = new Planting();
  const contentDate = contentDateOf(id);
  const d = commonHeader(rng, id, { modality, sopClassUID, sopInstanceUID: uid(rng), damaged, manufacturer, model, studyUID: uid(rng), seriesUID: uid(rng), contentDate }, plant);
  return { id, plant, d, contentDate };
}

/** The truth of a non-image object. */
function truthOf(name: string, modality: string, sopClassUID: string, plant: Planting, classes: string[], image = { rows: 0, columns: 0, frames: 0, samplesPerPixel: 0 }): FileTruth {
  return { file: name, modality, sopClassUID, transferSyntaxUID: '', lossy: false, ...image, classes, header: { phi: plant.phi, keep: plant.keep }, pixels: { phi: [], harmless: [] } };
}

export type SrKind = 'basic' | 'enhanced' | 'comprehensive';
const SR_CLASSES: Record<SrKind, string> = {
  basic: '1.2.840.10008.5.1.4.1.1.88.11',
  enhanced: '1.2.840.10008.5.1.4.1.1.88.22',
  comprehensive: '1.2.840.10008.5.1.4.1.1.88.33',
};

/** Builds a content tree while recording where planted PHI and kept words sit. */
class Tree {
  constructor(private readonly plant: Planting) {}

  private concept(item: Dataset, path: string, c: [string, string, string]): void {
    item.set('ConceptNameCodeSequence', [code(...c)]);
    this.keepCode(`${path}.${hex(entry('ConceptNameCodeSequence').tag)}[0]`, c);
  }

  private keepCode(path: string, [value, , meaning]: [string, string, string]): void {
    this.plant.keepAll(`${path}.${hex(entry('CodeValue').tag)}`, 'CodeValue', [value], 'code');
    this.plant.keepAll(`${path}.${hex(entry('CodeMeaning').tag)}`, 'CodeMeaning', keepWords(meaning), 'code');
  }

  item(path: string, relationship: string, valueType: string, c: [string, string, string]): Dataset {
    const item = ds({ RelationshipType: relationship, ValueType: valueType });
    this.concept(item, path, c);
    return item;
  }

  text(path: string, relationship: string, c: [string, string, string], built: BuiltText): Dataset {
    const item = this.item(path, relationship, 'TEXT', c);
    return item.set('TextValue', this.plant.text(`${path}.${hex(entry('TextValue').tag)}`, 'TextValue', built));
  }

  codeItem(path: string, relationship: string, c: [string, string, string], value: [string, string, string]): Dataset {
    const item = this.item(path, relationship, 'CODE', c);
    item.set('ConceptCodeSequence', [code(...value)]);
    this.keepCode(`${path}.${hex(entry('ConceptCodeSequence').tag)}[0]`, value);
    return item;
  }

  container(path: string, relationship: string, c: [string, string, string], children: (childPath: (i: number) => string) => Dataset[]): Dataset {
    const item = this.item(path, relationship, 'CONTAINER', c);
    item.set('ContinuityOfContent', 'SEPARATE');
    const seq = hex(entry('ContentSequence').tag);
    return item.set('ContentSequence', children((i) => `${path}.${seq}[${i}]`));
  }
}

/** A structured report whose TEXT items mix clinical wording with PHI. */
export function buildSr(rng: Rng, kind: SrKind, name: string, damaged: boolean): { dataset: Dataset; truth: FileTruth } {
  const { id, plant, d, contentDate } = begin(rng, 'SR', SR_CLASSES[kind], damaged, ['Tessaline Medical', 'ReportWriter 4'], (i) => ({ ...i.study, d: Math.min(28, i.study.d + 1) }));
  const ctx = { id, modality: 'SR', damaged };
  d.set('ContentDate', plant.whole(at('ContentDate'), 'ContentDate', da(contentDate), 'C', 'date')).set('ContentTime', '143012');
  d.set('InstanceNumber', '1').set('CompletionFlag', 'COMPLETE').set('VerificationFlag', 'VERIFIED');
  d.set('ReferencedPerformedProcedureStepSequence', []).set('PerformedProcedureCodeSequence', []);
  const vos = hex(entry('VerifyingObserverSequence').tag);
  d.set('VerifyingObserverSequence', [ds({
    VerifyingObserverName: plant.whole(`${vos}[0].${hex(entry('VerifyingObserverName').tag)}`, 'VerifyingObserverName', pn(id.reader), 'A', 'name', nameProbes(id.reader)),
    VerifyingObserverIdentificationCodeSequence: [],
    VerifyingOrganization: plant.whole(`${vos}[0].${hex(entry('VerifyingOrganization').tag)}`, 'VerifyingOrganization', id.institution.full, 'B', 'institution', [id.institution.key]),
    VerificationDateTime: plant.whole(`${vos}[0].${hex(entry('VerificationDateTime').tag)}`, 'VerificationDateTime', `${da(contentDate)}151500`, 'C', 'date'),
  })]);

  const tree = new Tree(plant);
  const seq = hex(entry('ContentSequence').tag);
  const top = (i: number) => `${seq}[${i}]`;
  d.set('ValueType', 'CONTAINER').set('ContinuityOfContent', 'SEPARATE');
  d.set('ConceptNameCodeSequence', [code('18748-4', 'LN', 'Diagnostic Imaging Report')]);
  plant.keepAll(`${hex(entry('ConceptNameCodeSequence').tag)}[0].${hex(entry('CodeValue').tag)}`, 'CodeValue', ['18748-4'], 'code');
  if (kind !== 'basic') d.set('ContentTemplateSequence', [ds({ MappingResource: 'DCMR', TemplateIdentifier: '2000' })]);

  const items: Dataset[] = [];
  const push = (make: (path: string) => Dataset) => items.push(make(top(items.length)));
  push((p) => tree.codeItem(p, 'HAS CONCEPT MOD', ['121049', 'DCM', 'Language of Content Item and Descendants'], ['en-US', 'RFC5646', 'English (United States)']));
  push((p) => {
    const item = tree.item(p, 'HAS OBS CONTEXT', 'PNAME', ['121008', 'DCM', 'Person Observer Name']);
    return item.set('PersonName', plant.whole(`${p}.${hex(entry('PersonName').tag)}`, 'PersonName', pn(id.reader, false), 'A', 'name', nameProbes(id.reader)));
  });
  push((p) => tree.text(p, 'HAS OBS CONTEXT', ['121009', 'DCM', "Person Observer's Organization Name"], { value: id.institution.full, phi: [{ text: id.institution.full, category: 'B', kind: 'institution', probes: [id.institution.key] }], keep: [] }));
  push((p) => tree.container(p, 'CONTAINS', ['121060', 'DCM', 'History'], (c) => [tree.text(c(0), 'CONTAINS', ['121060', 'DCM', 'History'], note(rng, ctx, rng.int(2, 4), [0, rng.pick([1, 2, 5])]))]));
  push((p) => tree.container(p, 'CONTAINS', ['121070', 'DCM', 'Findings'], (c) => {
    const children = [tree.text(c(0), 'CONTAINS', ['121071', 'DCM', 'Finding'], new TextBuilder().clin(rng.pick(FINDINGS)).build())];
    if (kind !== 'basic') {
      const num = tree.item(c(1), 'CONTAINS', 'NUM', ['410668003', 'SCT', 'Length']);
      num.set('MeasuredValueSequence', [ds({ NumericValue: String(rng.int(4, 48)), MeasurementUnitsCodeSequence: [code('mm', 'UCUM', 'millimeter')] })]);
      children.push(num);
    }
    children.push(tree.codeItem(c(children.length), 'CONTAINS', ['363698007', 'SCT', 'Finding Site'], rng.pick([['39607008', 'SCT', 'Lung'], ['12738006', 'SCT', 'Brain'], ['28231008', 'SCT', 'Gallbladder']] as [string, string, string][])));
    const dateItem = tree.item(c(children.length), 'CONTAINS', 'DATE', ['111060', 'DCM', 'Study Date']);
    const prior = { y: id.study.y - 1, m: rng.int(1, 12), d: rng.int(13, 28) };
    dateItem.set('Date', plant.whole(`${c(children.length)}.${hex(entry('Date').tag)}`, 'Date', da(prior), 'C', 'date'));
    children.push(dateItem);
    return children;
  }));
  push((p) => tree.container(p, 'CONTAINS', ['121072', 'DCM', 'Impression'], (c) => {
    const b = new TextBuilder().clin(rng.pick(IMPRESSIONS)).conn(' Discussed with Dr. ').plant(namePhi(rng, id.referring, rng.pick([0, 4, 2])))
      .conn(' on ').plant(datePhi(rng, id.study)).conn(' at 14:20, callback ').plant(phonePhi(rng)).conn('.');
    return [tree.text(c(0), 'CONTAINS', ['121073', 'DCM', 'Impression'], b.build())];
  }));
  d.set('ContentSequence', items);
  return { dataset: d, truth: truthOf(name, 'SR', SR_CLASSES[kind], plant, [`sr-${kind}`, ...(damaged ? ['damaged-header'] : [])]) };
}

/** A binary segmentation: 1-bit frames with functional groups and a Type 1 device serial number. */
export function buildSeg(rng: Rng, name: string): { dataset: Dataset; truth: FileTruth } {
  const sop = '1.2.840.10008.5.1.4.1.1.66.4';
  const { id, plant, d } = begin(rng, 'SEG', sop, false, ['Kelvard Systems', 'SegTool']);
  const rows = 64, cols = 64, frames = 3;
  d.set('ContentDate', plant.whole(at('ContentDate'), 'ContentDate', da(id.study), 'C', 'date')).set('ContentTime', '120000').set('InstanceNumber', '1');
  d.set('FrameOfReferenceUID', uid(rng)).set('PositionReferenceIndicator', '');
  d.set('ImageType', ['DERIVED', 'PRIMARY']).set('ContentLabel', 'NODULE_SEG');
  d.set('ContentDescription', plant.text(at('ContentDescription'), 'ContentDescription', new TextBuilder().clin('RUL nodule').conn(' for ').plant(namePhi(rng, id.patient, 4)).build()));
  d.set('ContentCreatorName', plant.whole(at('ContentCreatorName'), 'ContentCreatorName', pn(id.reader), 'A', 'name', nameProbes(id.reader)));
  d.set('SamplesPerPixel', 1).set('PhotometricInterpretation', 'MONOCHROME2').set('Rows', rows).set('Columns', cols);
  d.set('BitsAllocated', 1).set('BitsStored', 1).set('HighBit', 0).set('PixelRepresentation', 0).set('LossyImageCompression', '00');
  d.set('SegmentationType', 'BINARY').set('NumberOfFrames', String(frames));
  d.set('SegmentSequence', [ds({
    SegmentNumber: 1, SegmentLabel: 'Nodule RUL', SegmentAlgorithmType: 'SEMIAUTOMATIC', SegmentAlgorithmName: 'GrowCut 2.1',
    SegmentedPropertyCategoryCodeSequence: [code('49755003', 'SCT', 'Morphologically Altered Structure')],
    SegmentedPropertyTypeCodeSequence: [code('4147007', 'SCT', 'Mass')],
  })]);
  const ss = hex(entry('SegmentSequence').tag);
  plant.keepAll(`${ss}[0].${hex(entry('SegmentLabel').tag)}`, 'SegmentLabel', ['Nodule', 'RUL']);
  plant.keepAll(`${ss}[0].${hex(entry('SegmentedPropertyTypeCodeSequence').tag)}[0].${hex(entry('CodeValue').tag)}`, 'CodeValue', ['4147007'], 'code');
  const orgUid = uid(rng);
  d.set('DimensionOrganizationSequence', [ds({ DimensionOrganizationUID: orgUid })]);
  d.set('DimensionIndexSequence', [
    ds({ DimensionOrganizationUID: orgUid, DimensionIndexPointer: 0x0062000b, FunctionalGroupPointer: 0x0062000a, DimensionDescriptionLabel: 'ReferencedSegmentNumber' }),
    ds({ DimensionOrganizationUID: orgUid, DimensionIndexPointer: 0x00200032, FunctionalGroupPointer: 0x00209113, DimensionDescriptionLabel: 'ImagePositionPatient' }),
  ]);
  d.set('SharedFunctionalGroupsSequence', [ds({
    PixelMeasuresSequence: [ds({ PixelSpacing: ['0.75', '0.75'], SliceThickness: '1.25', SpacingBetweenSlices: '1.25' })],
    PlaneOrientationSequence: [ds({ ImageOrientationPatient: ['1', '0', '0', '0', '1', '0'] })],
  })]);
  d.set('PerFrameFunctionalGroupsSequence', Array.from({ length: frames }, (_, f) => ds({
    FrameContentSequence: [ds({ DimensionIndexValues: [1, f + 1] })],
    PlanePositionSequence: [ds({ ImagePositionPatient: ['-24', '-24', String(-100 + f * 1.25)] })],
    SegmentIdentificationSequence: [ds({ ReferencedSegmentNumber: 1 })],
  })));
  const bits = new Uint8Array(Math.ceil((rows * cols * frames) / 8 / 2) * 2);
  for (let f = 0; f < frames; f++)
    for (let y = 0; y < rows; y++)
      for (let x = 0; x < cols; x++) {
        const r = 10 + 4 * (1 - Math.abs(f - 1));
        if ((x - 32) ** 2 + (y - 30) ** 2 < r * r) {
          const k = f * rows * cols + y * cols + x;
          bits[k >> 3] |= 1 << (k & 7);
        }
      }
  d.setTag(0x7fe00010, 'OB', bits);
  return { dataset: d, truth: truthOf(name, 'SEG', sop, plant, ['seg-1bit', 'multi-frame-functional-groups'], { rows, columns: cols, frames, samplesPerPixel: 1 }) };
}

const ROIS: [string, string][] = [['GTV', 'GTV'], ['CTV_5600', 'CTV'], ['PTV_7000', 'PTV'], ['Parotid_L', 'ORGAN'], ['SpinalCord_PRV5', 'AVOIDANCE'],
  ['Brainstem', 'ORGAN'], ['Mandible', 'ORGAN'], ['Cochlea_R', 'ORGAN'], ['Body', 'EXTERNAL']];

/** An RT structure set whose label (Type 1) carries the patient's name, as clinics often write it. */
export function buildRtStruct(rng: Rng, name: string): { dataset: Dataset; truth: FileTruth } {
  const sop = '1.2.840.10008.5.1.4.1.1.481.3';
  const { id, plant, d } = begin(rng, 'RTSTRUCT', sop, false, ['Orvasco Imaging', 'ContourStation']);
  const ctx = { id, modality: 'RTSTRUCT', damaged: false };
  const family = asciiLetters(id.patient.family).slice(0, 10).toUpperCase();
  d.set('StructureSetLabel', plant.whole(at('StructureSetLabel'), 'StructureSetLabel', `${family} HN1`, 'A', 'name', [family]));
  d.set('StructureSetName', plant.text(at('StructureSetName'), 'StructureSetName', new TextBuilder().clin('H&N IMRT 70/56 Gy').build()));
  d.set('StructureSetDescription', plant.text(at('StructureSetDescription'), 'StructureSetDescription', note(rng, ctx, 2, [3])));
  d.set('StructureSetDate', plant.whole(at('StructureSetDate'), 'StructureSetDate', da(id.study), 'C', 'date')).set('StructureSetTime', '093000');
  const frameUid = uid(rng);
  d.set('FrameOfReferenceUID', frameUid).set('PositionReferenceIndicator', '');
  const imageUid = uid(rng);
  d.set('ReferencedFrameOfReferenceSequence', [ds({
    FrameOfReferenceUID: frameUid,
    RTReferencedStudySequence: [ds({
      ReferencedSOPClassUID: '1.2.840.10008.3.1.2.3.1', ReferencedSOPInstanceUID: d.get('StudyInstanceUID'),
      RTReferencedSeriesSequence: [ds({ SeriesInstanceUID: uid(rng), ContourImageSequence: [ds({ ReferencedSOPClassUID: '1.2.840.10008.5.1.4.1.1.2', ReferencedSOPInstanceUID: imageUid })] })],
    })],
  })]);
  const rois = rng.sample(ROIS, 5);
  const roiSeq = hex(entry('StructureSetROISequence').tag);
  d.set('StructureSetROISequence', rois.map(([roi], i) => {
    plant.keepAll(`${roiSeq}[${i}].${hex(entry('ROIName').tag)}`, 'ROIName', [roi]);
    return ds({ ROINumber: String(i + 1), ReferencedFrameOfReferenceUID: frameUid, ROIName: roi, ROIGenerationAlgorithm: 'MANUAL' });
  }));
  d.set('ROIContourSequence', rois.map((_, i) => ds({
    ReferencedROINumber: String(i + 1), ROIDisplayColor: [String(rng.int(0, 255)), String(rng.int(0, 255)), String(rng.int(0, 255))],
    ContourSequence: [ds({
      ContourImageSequence: [ds({ ReferencedSOPClassUID: '1.2.840.10008.5.1.4.1.1.2', ReferencedSOPInstanceUID: imageUid })],
      ContourGeometricType: 'CLOSED_PLANAR', NumberOfContourPoints: '4',
      ContourData: ['0', '0', '-50', '10', '0', '-50', '10', '10', '-50', '0', '10', '-50'].map((v, k) => (k % 3 === 2 ? v : String(Number(v) + i * 5))),
    })],
  })));
  const obs = hex(entry('RTROIObservationsSequence').tag);
  d.set('RTROIObservationsSequence', rois.map(([, type], i) => ds({
    ObservationNumber: String(i + 1), ReferencedROINumber: String(i + 1), RTROIInterpretedType: type,
    ROIInterpreter: plant.whole(`${obs}[${i}].${hex(entry('ROIInterpreter').tag)}`, 'ROIInterpreter', pn(id.performing), 'A', 'name', nameProbes(id.performing)),
  })));
  d.set('ApprovalStatus', 'APPROVED').set('ReviewDate', plant.whole(at('ReviewDate'), 'ReviewDate', da(id.study), 'C', 'date')).set('ReviewTime', '111500');
  d.set('ReviewerName', plant.whole(at('ReviewerName'), 'ReviewerName', pn(id.reader), 'A', 'name', nameProbes(id.reader)));
  return { dataset: d, truth: truthOf(name, 'RTSTRUCT', sop, plant, ['rt-structure-set', 'type1-with-phi']) };
}
