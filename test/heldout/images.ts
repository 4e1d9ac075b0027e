/**
 * Image files of the held-out set: CT, MR, CR, DX, US (RGB and mono, single and multi-frame) and
 * secondary capture, with their modality modules, pixel data and burned-in screen text.
 */
import { background, type BackgroundKind } from './backgrounds.js';
import { Dataset, ds } from './dicom-writer.js';
import { commonHeader, Planting, uid } from './header.js';
import { note } from './free-text.js';
import { da, makeIdentity, type Identity } from './identity.js';
import type { Rng } from './rng.js';
import { burnIn, type Frames, type ScreenLine } from './screen.js';
import {
  accessionLine, ageSexTokens, birthTokens, block, dateTokens, FONTS, harmless, institutionTokens, marker, nameTokens, patientIdLine, scaleBar, type Style,
} from './screen-layouts.js';
import type { FileTruth } from './truth.js';
import { SCREEN_HARMLESS } from './vocabulary.js';

export type Transfer = 'explicit' | 'implicit' | 'rle' | 'jpeg';

export interface ImageSpec {
  name: string;
  modality: 'CT' | 'MR' | 'CR' | 'DX' | 'US' | 'SC';
  width: number;
  height: number;
  frames: number;
  color: boolean;
  /** CT only: signed 16-bit stored values. */
  signed?: boolean;
  transfer: Transfer;
  damaged: boolean;
  /** Draw screen text into the pixels. */
  burned: boolean;
  charset?: 'ISO_IR 100' | 'ISO_IR 192';
  classes: string[];
}

interface PixelFormat {
  samples: 1 | 3;
  bitsAllocated: 8 | 16;
  bitsStored: number;
  signed: boolean;
  photometric: 'MONOCHROME1' | 'MONOCHROME2' | 'RGB';
  lo: number;
  hi: number;
}

function pixelFormat(spec: ImageSpec): PixelFormat {
  if (spec.color) return { samples: 3, bitsAllocated: 8, bitsStored: 8, signed: false, photometric: 'RGB', lo: 0, hi: 255 };
  if (spec.modality === 'US' || spec.modality === 'SC') return { samples: 1, bitsAllocated: 8, bitsStored: 8, signed: false, photometric: 'MONOCHROME2', lo: 0, hi: 255 };
  if (spec.modality === 'CT' && spec.signed) return { samples: 1, bitsAllocated: 16, bitsStored: 16, signed: true, photometric: 'MONOCHROME2', lo: -1024, hi: 3071 };
  if (spec.modality === 'CR') return { samples: 1, bitsAllocated: 16, bitsStored: 12, signed: false, photometric: 'MONOCHROME1', lo: 0, hi: 4095 };
  if (spec.modality === 'MR') return { samples: 1, bitsAllocated: 16, bitsStored: 12, signed: false, photometric: 'MONOCHROME2', lo: 0, hi: 1800 };
  return { samples: 1, bitsAllocated: 16, bitsStored: 12, signed: false, photometric: 'MONOCHROME2', lo: 0, hi: 4095 };
}

/** Normalized luminance to stored values, as PixelData bytes (little endian). */
function quantize(frames: Frames, f: PixelFormat): Uint8Array {
  const per = frames.width * frames.height * f.samples;
  const bytes = f.bitsAllocated / 8;
  const out = Buffer.alloc(per * frames.data.length * bytes);
  const max = f.signed ? 2 ** (f.bitsStored - 1) - 1 : 2 ** f.bitsStored - 1;
  const min = f.signed ? -(2 ** (f.bitsStored - 1)) : 0;
  frames.data.forEach((data, fi) => {
    for (let i = 0; i < per; i++) {
      const v = Math.min(1, Math.max(0, data[i]));
      const lum = f.photometric === 'MONOCHROME1' ? 1 - v : v;
      const stored = Math.min(max, Math.max(min, Math.round(f.lo + lum * (f.hi - f.lo))));
      const o = (fi * per + i) * bytes;
      if (bytes === 1) out[o] = stored;
      else if (f.signed) out.writeInt16LE(stored, o);
      else out.writeUInt16LE(stored, o);
    }
  });
  return out;
}

const KIND: Record<ImageSpec['modality'], BackgroundKind> = { CT: 'ct', MR: 'mr', CR: 'xray', DX: 'xray', US: 'us', SC: 'document' };
const INKS_RGB = [[1, 1, 1], [1, 0.9, 0.15], [0.35, 0.9, 1], [0.5, 1, 0.5]];

function sizes(rng: Rng, w: number): [number, number] {
  return w <= 260 ? [9, rng.int(11, 13)] : w <= 400 ? [9, rng.int(12, 15)] : [10, rng.int(13, 18)];
}

/** The screen text of one image: identity lines in corners and harmless annotation, in this image's fonts and polarity. */
function layout(rng: Rng, spec: ImageSpec, id: Identity, paper: boolean): ScreenLine[] {
  const { width: w, height: h } = spec;
  const all = Array.from({ length: spec.frames }, (_, i) => i);
  const [small, big] = sizes(rng, w);
  const light = spec.color ? rng.pick(INKS_RGB) : [1];
  const dark = spec.color ? [0, 0, 0] : [0];
  const fonts = rng.sample(FONTS, 4);
  const style = (i: number, extra: Partial<Style> = {}): Style => ({ font: fonts[i], size: rng.int(small + 1, big), ink: light, ...extra });
  const rows = (...r: [ReturnType<typeof nameTokens>, boolean, Partial<Style>?][]) => r.map(([tokens, harmlessLine, s]) => ({ tokens, harmless: harmlessLine, style: s }));
  const lines: ScreenLine[] = [];
  const m = spec.modality;
  // Harmless lines are drawn without repeats across the corners.
  const pool = rng.sample(SCREEN_HARMLESS[m], SCREEN_HARMLESS[m].length);
  const harmlessFor = (_r: Rng, _m: string, count: number) => pool.splice(0, count);
  const time = `${String(rng.int(6, 20)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`;
  if (m === 'CT' || m === 'MR') {
    const top = rows(
      [m === 'MR' ? institutionTokens(rng, id) : nameTokens(rng, id.patient), false, m === 'MR' ? { bold: true } : {}],
      [m === 'MR' ? nameTokens(rng, id.patient) : patientIdLine(rng, id), false],
      [m === 'MR' ? patientIdLine(rng, id) : birthTokens(rng, id), false, m === 'MR' ? {} : { size: small }],
      [m === 'MR' ? birthTokens(rng, id) : ageSexTokens(rng, id), false, m === 'MR' ? { size: small } : {}],
    );
    lines.push(...block(rng, 'tl', top, style(0), w, h, all));
    const right = rows(
      [m === 'CT' ? institutionTokens(rng, id) : [...dateTokens(rng, id.study, 'date'), ...harmless(time)], false],
      [m === 'CT' ? [...dateTokens(rng, id.study, 'date'), ...harmless(time)] : accessionLine(rng, id), false],
      [m === 'CT' ? accessionLine(rng, id) : [...harmless(rng.pick(['Ref:', 'Ref. Phys:', 'Dr.'])), ...nameTokens(rng, id.referring, rng.pick([1, 4, 5]))], false],
      ...harmlessFor(rng, m, rng.int(1, 2)).map((t): [ReturnType<typeof harmless>, boolean] => [harmless(t), true]),
    );
    lines.push(...block(rng, 'tr', right, style(1), w, h, all));
    lines.push(...block(rng, 'bl', rows(...harmlessFor(rng, m, rng.int(2, 3)).map((t): [ReturnType<typeof harmless>, boolean] => [harmless(t), true])), style(2), w, h, all));
    lines.push(...block(rng, 'br', rows(...harmlessFor(rng, m, 2).map((t): [ReturnType<typeof harmless>, boolean] => [harmless(t), true])), style(3), w, h, all));
    lines.push(marker('R', 4, Math.round(h / 2), big + 3, fonts[1], light, all), marker('L', w - big - 2, Math.round(h / 2), big + 3, fonts[1], light, all));
  } else if (m === 'CR' || m === 'DX') {
    const boxed = rng.chance(0.7);
    const labelStyle = style(0, boxed ? { ink: dark, backing: { fill: [0.95], pad: 2 } } : {});
    lines.push(...block(rng, 'tl', rows([nameTokens(rng, id.patient), false], [birthTokens(rng, id), false, { size: small }], [patientIdLine(rng, id), false]), labelStyle, w, h, all));
    lines.push(...block(rng, 'tr', rows(...harmlessFor(rng, m, 3).map((t): [ReturnType<typeof harmless>, boolean] => [harmless(t), true])), style(1), w, h, all));
    lines.push(...block(rng, 'bl', rows([[...dateTokens(rng, id.study, 'date'), ...harmless(time)], false], [accessionLine(rng, id), false], [institutionTokens(rng, id), false, { size: small + 1 }]), style(2, { ink: [1] }), w, h, all));
    lines.push(...block(rng, 'br', rows(...harmlessFor(rng, m, 2).map((t): [ReturnType<typeof harmless>, boolean] => [harmless(t), true])), style(3, { ink: [1] }), w, h, all));
    lines.push(marker(rng.pick(['L', 'R']), Math.round(w * 0.82), Math.round(h * 0.42), big + 6, fonts[3], [1], all));
    lines.push(scaleBar(Math.round(w * 0.1), Math.round(h * 0.35), Math.round(h * 0.25), 10, [1], all));
  } else if (m === 'US') {
    const counterFrames = spec.frames > 1;
    const framesFor = (f: number) => [f];
    lines.push(...block(rng, 'tl', rows([institutionTokens(rng, id), false, { bold: true }], [nameTokens(rng, id.patient), false]), style(0), w, h, all, 3));
    lines.push(...block(rng, 'tr', rows([[...dateTokens(rng, id.study, 'date'), ...harmless(time)], false], [patientIdLine(rng, id), false], [birthTokens(rng, id), false, { size: small }]), style(1), w, h, all, 3));
    const probeLine = pool.splice(pool.findIndex((t) => /^[A-Z]+\d+-\d/.test(t)), 1);
    const probe = [...probeLine, ...harmlessFor(rng, 'US', 3)];
    const s = style(2, { size: rng.int(small, big - 1) });
    probe.forEach((t, i) => lines.push({ tokens: harmless(t), harmless: true, x: 4, y: Math.round(h * 0.42) + i * Math.round(s.size * 1.5), anchor: 'start', font: s.font, size: s.size, ink: s.ink, frames: all }));
    lines.push(...block(rng, 'bl', rows([harmless(rng.pick(['RUQ LONG', 'LT KIDNEY TRV', 'RT LOBE SAG', 'CBD', 'LLE CFV'])), true]), style(3), w, h, all));
    if (counterFrames) for (let f = 0; f < spec.frames; f++) lines.push(...block(rng, 'br', rows([harmless(`Fr ${f + 1}/${spec.frames}`), true]), style(3), w, h, framesFor(f), 4));
    else lines.push(...block(rng, 'br', rows([harmless(rng.pick(['FR 21Hz', 'Depth 14 cm', 'DR 66'])), true]), style(3), w, h, all));
    lines.push(scaleBar(w - 8, Math.round(h * 0.25), Math.round(h * 0.5), 15, spec.color ? [1, 1, 1] : [1], all));
  } else {
    // Secondary capture: a page (dark text on light) or a dark viewer screen.
    const ink = paper ? dark : light;
    lines.push(...block(rng, 'tl', rows(
      [[...harmless('Patient:'), ...nameTokens(rng, id.patient)], false],
      [birthTokens(rng, id), false, { size: small }],
      [patientIdLine(rng, id), false],
      [harmless(rng.pick(['Exam: CT CHEST PE PROTOCOL', 'Exam: US ABD LTD RUQ', 'Study: MR BRAIN W/WO', 'Dose Report'])), true],
    ), style(0, { ink }), w, h, all, 6));
    lines.push(...block(rng, 'tr', rows([institutionTokens(rng, id), false, { bold: true }], [[...dateTokens(rng, id.study, 'date'), ...harmless(time)], false]), style(1, { ink }), w, h, all, 6));
    if (spec.frames > 1) for (let f = 0; f < spec.frames; f++) lines.push(...block(rng, 'br', rows([harmless(`Img ${f + 1}/${spec.frames}`), true]), style(2, { ink }), w, h, [f]));
    else lines.push(...block(rng, 'br', rows([harmless(rng.pick(['Page 1 of 2', 'Series 3', 'Zoom 100%'])), true]), style(2, { ink }), w, h, all));
    lines.push(...block(rng, 'bc', rows([accessionLine(rng, id), false]), style(3, { ink }), w, h, all));
  }
  return lines;
}

/** Modality-specific modules (image pixel description included). */
function modalityModules(rng: Rng, spec: ImageSpec, f: PixelFormat, d: Dataset, contentDate: string): void {
  const { width: w, height: h } = spec;
  d.set('Rows', h).set('Columns', w).set('SamplesPerPixel', f.samples).set('PhotometricInterpretation', f.photometric);
  d.set('BitsAllocated', f.bitsAllocated).set('BitsStored', f.bitsStored).set('HighBit', f.bitsStored - 1).set('PixelRepresentation', f.signed ? 1 : 0);
  if (f.samples === 3) d.set('PlanarConfiguration', 0);
  d.set('InstanceNumber', String(rng.int(1, 200))).set('ContentDate', contentDate).set('ContentTime', '101530');
  d.set('PatientOrientation', spec.modality === 'CT' || spec.modality === 'MR' ? '' : ['L', 'F']);
  if (spec.frames > 1) d.set('NumberOfFrames', String(spec.frames));
  if (spec.modality !== 'CR' && spec.modality !== 'DX') d.set('Laterality', '');
  if (spec.modality === 'CT' || spec.modality === 'MR') d.set('PatientPosition', rng.pick(['HFS', 'FFS', 'HFP']));
  const frameOfReference = () => {
    d.set('FrameOfReferenceUID', uid(rng)).set('PositionReferenceIndicator', '');
    d.set('ImagePositionPatient', ['-125', '-125', String(rng.int(-200, 100))]).set('ImageOrientationPatient', ['1', '0', '0', '0', '1', '0']);
    d.set('PixelSpacing', ['0.9765625', '0.9765625']).set('SliceThickness', rng.pick(['1.25', '2.5', '5']));
  };
  switch (spec.modality) {
    case 'CT':
      frameOfReference();
      d.set('ImageType', ['ORIGINAL', 'PRIMARY', 'AXIAL']).set('KVP', rng.pick(['100', '120', '140'])).set('AcquisitionNumber', '1');
      d.set('RescaleIntercept', f.signed ? '0' : '-1024').set('RescaleSlope', '1').set('RescaleType', 'HU');
      d.set('WindowCenter', '40').set('WindowWidth', '400').set('ConvolutionKernel', rng.pick(['STANDARD', 'B30f', 'LUNG']));
      d.set('XRayTubeCurrent', String(rng.int(80, 400))).set('ExposureTime', String(rng.int(500, 1000)));
      break;
    case 'MR':
      frameOfReference();
      d.set('ImageType', ['ORIGINAL', 'PRIMARY', 'M', 'ND']).set('ScanningSequence', rng.pick(['SE', 'GR', 'IR'])).set('SequenceVariant', rng.pick(['SK', 'SP', 'NONE']));
      d.set('ScanOptions', '').set('MRAcquisitionType', '2D').set('RepetitionTime', String(rng.int(400, 6000))).set('EchoTime', String(rng.int(8, 120)));
      d.set('EchoTrainLength', String(rng.int(1, 24))).set('MagneticFieldStrength', rng.pick(['1.5', '3'])).set('ImagedNucleus', '1H').set('SequenceName', rng.pick(['*tse2d1_15', '*fl2d1', 'ep_b1000']));
      if (String(d.get('ScanningSequence')) === 'IR') d.set('InversionTime', String(rng.int(100, 2500)));
      d.set('AcquisitionNumber', '1').set('WindowCenter', '700').set('WindowWidth', '1400');
      break;
    case 'CR':
      d.set('BodyPartExamined', rng.pick(['CHEST', 'KNEE', 'HAND', 'PELVIS'])).set('ViewPosition', rng.pick(['PA', 'AP', 'LL']));
      d.set('KVP', String(rng.int(60, 120))).set('ImageType', ['ORIGINAL', 'PRIMARY']).set('ImagerPixelSpacing', ['0.2', '0.2']);
      break;
    case 'DX':
      d.set('ImageType', ['ORIGINAL', 'PRIMARY']).set('PresentationIntentType', 'FOR PRESENTATION').set('PositionerType', '').set('AcquisitionContextSequence', []);
      d.set('PixelIntensityRelationship', 'LIN').set('PixelIntensityRelationshipSign', 1).set('RescaleIntercept', '0').set('RescaleSlope', '1').set('RescaleType', 'US');
      d.set('PresentationLUTShape', 'IDENTITY').set('LossyImageCompression', '00').set('BurnedInAnnotation', 'YES');
      d.set('DetectorType', 'SCINTILLATOR').set('ImagerPixelSpacing', ['0.15', '0.15']).set('ImageLaterality', rng.pick(['L', 'R', 'U']));
      d.set('AnatomicRegionSequence', [ds({ CodeValue: 'T-D3000', CodingSchemeDesignator: 'SRT', CodeMeaning: 'Chest' })]);
      d.set('ViewPosition', rng.pick(['AP', 'PA'])).set('KVP', String(rng.int(70, 110))).set('BodyPartExamined', 'CHEST');
      d.set('WindowCenter', '2048').set('WindowWidth', '4096');
      break;
    case 'US':
      d.set('ImageType', ['ORIGINAL', 'PRIMARY', 'ABDOMINAL']);
      if (spec.frames > 1) d.set('FrameTime', '33.3').set('FrameIncrementPointer', 0x00181063);
      break;
    case 'SC':
      d.set('ConversionType', rng.pick(['WSD', 'SI', 'DRW']));
      if (spec.frames > 1) {
        d.set('BurnedInAnnotation', 'YES').set('FrameIncrementPointer', 0x00181063).set('FrameTime', '500');
        if (!spec.color) d.set('PresentationLUTShape', 'IDENTITY').set('RescaleIntercept', '0').set('RescaleSlope', '1').set('RescaleType', 'US');
      }
      break;
  }
}

const SOP_CLASSES = {
  CT: '1.2.840.10008.5.1.4.1.1.2',
  MR: '1.2.840.10008.5.1.4.1.1.4',
  CR: '1.2.840.10008.5.1.4.1.1.1',
  DX: '1.2.840.10008.5.1.4.1.1.1.1',
  US: '1.2.840.10008.5.1.4.1.1.6.1',
  USMF: '1.2.840.10008.5.1.4.1.1.3.1',
  SC: '1.2.840.10008.5.1.4.1.1.7',
  SCMFGRAY: '1.2.840.10008.5.1.4.1.1.7.2',
  SCMFRGB: '1.2.840.10008.5.1.4.1.1.7.4',
};

function sopClass(spec: ImageSpec): string {
  if (spec.modality === 'US' && spec.frames > 1) return SOP_CLASSES.USMF;
  if (spec.modality === 'SC' && spec.frames > 1) return spec.color ? SOP_CLASSES.SCMFRGB : SOP_CLASSES.SCMFGRAY;
  return SOP_CLASSES[spec.modality];
}

const VENDORS = [['Orvasco Imaging', 'Helix 64'], ['Kelvard Systems', 'Magnara 3T'], ['Tessaline Medical', 'SonoVista 9'], ['Brightwater Devices', 'DR-Flex']];

/** Builds one image file: its data set (pixels included) and its ground truth (transfer syntax set by the caller). */
export async function buildImage(rng: Rng, spec: ImageSpec): Promise<{ dataset: Dataset; truth: FileTruth; dropped: number }> {
  const id = makeIdentity(rng);
  const plant = new Planting();
  const f = pixelFormat(spec);
  const [manufacturer, model] = rng.pick(VENDORS);
  const contentDate = { ...id.study };
  const d = commonHeader(rng, id, {
    modality: spec.modality, sopClassUID: sopClass(spec), sopInstanceUID: uid(rng), damaged: spec.damaged, charset: spec.charset,
    manufacturer, model, studyUID: uid(rng), seriesUID: uid(rng), contentDate,
  }, plant);
  const content = plant.whole('00080023', 'ContentDate', da(contentDate), 'C', 'date');
  modalityModules(rng, spec, f, d, content);
  if (rng.chance(0.7)) d.set('ImageComments', plant.text('00204000', 'ImageComments', note(rng, { id, modality: spec.modality, damaged: spec.damaged }, rng.int(1, 3))));
  if (rng.chance(0.5)) d.set('AcquisitionDate', plant.whole('00080022', 'AcquisitionDate', da(id.study), 'C', 'date')).set('AcquisitionTime', '101200');
  // Secondary captures are a page (dark text on light) or a dark viewer screen.
  const paper = spec.modality === 'SC' && rng.chance(0.6);
  const kind = spec.modality === 'SC' && !paper ? 'dark-ui' : KIND[spec.modality];
  const frames: Frames = {
    width: spec.width, height: spec.height, samples: f.samples,
    data: Array.from({ length: spec.frames }, (_, i) => background(rng, kind, spec.width, spec.height, f.samples, i)),
  };
  let pixels = { phi: [] as FileTruth['pixels']['phi'], harmless: [] as FileTruth['pixels']['harmless'], dropped: 0 };
  if (spec.burned) pixels = await burnIn(frames, layout(rng, spec, id, paper));
  if (spec.burned && spec.modality !== 'DX' && rng.chance(0.5)) d.set('BurnedInAnnotation', rng.pick(['YES', 'NO']));
  d.setTag(0x7fe00010, f.bitsAllocated === 8 ? 'OB' : 'OW', quantize(frames, f));
  return {
    dataset: d,
    dropped: pixels.dropped,
    truth: {
      file: spec.name, modality: spec.modality, sopClassUID: sopClass(spec), transferSyntaxUID: '', lossy: spec.transfer === 'jpeg',
      rows: spec.height, columns: spec.width, frames: spec.frames, samplesPerPixel: f.samples, classes: spec.classes,
      header: { phi: plant.phi, keep: plant.keep }, pixels: { phi: pixels.phi, harmless: pixels.harmless },
    },
  };
}
