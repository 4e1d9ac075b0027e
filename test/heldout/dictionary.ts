/**
 * The attributes the held-out generator writes, with tag and VR (from DICOM PS3.6), and whether
 * PS3.3 makes them Type 1 in the modules used here, or structural (an SR tree, a code, a UID):
 * learning must never propose removing or emptying these.
 */
export type VR =
  | 'AE' | 'AS' | 'AT' | 'CS' | 'DA' | 'DS' | 'DT' | 'FD' | 'FL' | 'IS' | 'LO' | 'LT' | 'OB' | 'OW'
  | 'PN' | 'SH' | 'SL' | 'SQ' | 'SS' | 'ST' | 'TM' | 'UC' | 'UI' | 'UL' | 'UN' | 'UR' | 'US' | 'UT';

export interface DictEntry {
  tag: number;
  vr: VR;
  /** Type 1 in a module this set uses, or structural. */
  protected: boolean;
}

// keyword, tag (group,element), VR, 1 = Type 1 / structural
const TABLE = `
SpecificCharacterSet 00080005 CS 1
ImageType 00080008 CS 1
InstanceCreationDate 00080012 DA 0
InstanceCreationTime 00080013 TM 0
SOPClassUID 00080016 UI 1
SOPInstanceUID 00080018 UI 1
StudyDate 00080020 DA 0
SeriesDate 00080021 DA 0
AcquisitionDate 00080022 DA 0
ContentDate 00080023 DA 1
AcquisitionDateTime 0008002A DT 0
StudyTime 00080030 TM 0
SeriesTime 00080031 TM 0
AcquisitionTime 00080032 TM 0
ContentTime 00080033 TM 1
AccessionNumber 00080050 SH 0
Modality 00080060 CS 1
ConversionType 00080064 CS 1
PresentationIntentType 00080068 CS 1
Manufacturer 00080070 LO 0
InstitutionName 00080080 LO 0
InstitutionAddress 00080081 ST 0
ReferringPhysicianName 00080090 PN 0
ReferringPhysicianAddress 00080092 ST 0
ReferringPhysicianTelephoneNumbers 00080094 SH 0
CodeValue 00080100 SH 1
CodingSchemeDesignator 00080102 SH 1
CodingSchemeVersion 00080103 SH 0
CodeMeaning 00080104 LO 1
MappingResource 00080105 CS 1
StationName 00081010 SH 0
StudyDescription 00081030 LO 0
SeriesDescription 0008103E LO 0
InstitutionalDepartmentName 00081040 LO 0
PhysiciansOfRecord 00081048 PN 0
PerformingPhysicianName 00081050 PN 0
NameOfPhysiciansReadingStudy 00081060 PN 0
OperatorsName 00081070 PN 0
AdmittingDiagnosesDescription 00081080 LO 0
ManufacturerModelName 00081090 LO 0
ReferencedPerformedProcedureStepSequence 00081111 SQ 0
ReferencedSeriesSequence 00081115 SQ 1
ReferencedImageSequence 00081140 SQ 0
ReferencedSOPClassUID 00081150 UI 1
ReferencedSOPInstanceUID 00081155 UI 1
ReferencedFrameNumber 00081160 IS 0
DerivationDescription 00082111 ST 0
AnatomicRegionSequence 00082218 SQ 1
DerivationImageSequence 00089124 SQ 0
SourceImageSequence 00082112 SQ 0
PurposeOfReferenceCodeSequence 0040A170 SQ 0
DerivationCodeSequence 00089215 SQ 0
PatientName 00100010 PN 0
PatientID 00100020 LO 0
IssuerOfPatientID 00100021 LO 0
PatientBirthDate 00100030 DA 0
PatientSex 00100040 CS 0
OtherPatientIDs 00101000 LO 0
OtherPatientNames 00101001 PN 0
PatientBirthName 00101005 PN 0
PatientAge 00101010 AS 0
PatientSize 00101020 DS 0
PatientWeight 00101030 DS 0
PatientAddress 00101040 LO 0
MilitaryRank 00101080 LO 0
MedicalRecordLocator 00101090 LO 0
PatientMotherBirthName 00101060 PN 0
PatientTelephoneNumbers 00102154 SH 0
EthnicGroup 00102160 SH 0
Occupation 00102180 SH 0
AdditionalPatientHistory 001021B0 LT 0
PatientComments 00104000 LT 0
BodyPartExamined 00180015 CS 0
ScanningSequence 00180020 CS 1
SequenceVariant 00180021 CS 1
ScanOptions 00180022 CS 0
MRAcquisitionType 00180023 CS 0
SequenceName 00180024 SH 0
SliceThickness 00180050 DS 0
KVP 00180060 DS 0
RepetitionTime 00180080 DS 0
EchoTime 00180081 DS 0
ImagedNucleus 00180085 SH 0
MagneticFieldStrength 00180087 DS 0
EchoTrainLength 00180091 IS 0
DeviceSerialNumber 00181000 LO 0
SoftwareVersions 00181020 LO 0
ProtocolName 00181030 LO 0
FrameTime 00181063 DS 1
ReconstructionDiameter 00181100 DS 0
DistanceSourceToDetector 00181110 DS 0
ExposureTime 00181150 IS 0
XRayTubeCurrent 00181151 IS 0
Exposure 00181152 IS 0
ImagerPixelSpacing 00181164 DS 1
ConvolutionKernel 00181210 SH 0
FlipAngle 00181314 DS 0
PatientPosition 00185100 CS 0
ViewPosition 00185101 CS 0
DetectorType 00187004 CS 0
StudyInstanceUID 0020000D UI 1
SeriesInstanceUID 0020000E UI 1
StudyID 00200010 SH 0
SeriesNumber 00200011 IS 0
AcquisitionNumber 00200012 IS 0
InstanceNumber 00200013 IS 0
PatientOrientation 00200020 CS 0
ImagePositionPatient 00200032 DS 1
ImageOrientationPatient 00200037 DS 1
FrameOfReferenceUID 00200052 UI 1
Laterality 00200060 CS 0
ImageLaterality 00200062 CS 1
PositionReferenceIndicator 00201040 LO 0
SliceLocation 00201041 DS 0
ImageComments 00204000 LT 0
FrameContentSequence 00209111 SQ 1
PlanePositionSequence 00209113 SQ 1
PlaneOrientationSequence 00209116 SQ 1
DimensionOrganizationUID 00209164 UI 1
DimensionIndexValues 00209157 UL 1
DimensionOrganizationSequence 00209221 SQ 1
DimensionIndexSequence 00209222 SQ 1
DimensionIndexPointer 00209165 AT 1
FunctionalGroupPointer 00209167 AT 1
DimensionDescriptionLabel 00209421 LO 0
SamplesPerPixel 00280002 US 1
PhotometricInterpretation 00280004 CS 1
PlanarConfiguration 00280006 US 1
NumberOfFrames 00280008 IS 1
FrameIncrementPointer 00280009 AT 1
Rows 00280010 US 1
Columns 00280011 US 1
PixelSpacing 00280030 DS 1
BitsAllocated 00280100 US 1
BitsStored 00280101 US 1
HighBit 00280102 US 1
PixelRepresentation 00280103 US 1
BurnedInAnnotation 00280301 CS 0
WindowCenter 00281050 DS 0
WindowWidth 00281051 DS 0
RescaleIntercept 00281052 DS 1
RescaleSlope 00281053 DS 1
RescaleType 00281054 LO 0
PixelIntensityRelationship 00281040 CS 1
PixelIntensityRelationshipSign 00281041 SS 1
LossyImageCompression 00282110 CS 0
LossyImageCompressionRatio 00282112 DS 0
LossyImageCompressionMethod 00282114 CS 0
PixelMeasuresSequence 00289110 SQ 1
ReasonForStudy 00321030 LO 0
RequestingPhysician 00321032 PN 0
RequestingService 00321033 LO 0
RequestedProcedureDescription 00321060 LO 0
RequestedProcedureCodeSequence 00321064 SQ 0
ScheduledProcedureStepDescription 00400007 LO 0
ScheduledProcedureStepID 00400009 SH 0
PerformedProcedureStepStartDate 00400244 DA 0
PerformedProcedureStepStartTime 00400245 TM 0
PerformedProcedureStepID 00400253 SH 0
PerformedProcedureStepDescription 00400254 LO 0
RequestAttributesSequence 00400275 SQ 0
CommentsOnThePerformedProcedureStep 00400280 ST 0
MeasurementUnitsCodeSequence 004008EA SQ 1
RequestedProcedureID 00401001 SH 0
ReasonForTheRequestedProcedure 00401002 LO 0
RequestedProcedureComments 00401400 LT 0
RelationshipType 0040A010 CS 1
VerifyingOrganization 0040A027 LO 1
VerificationDateTime 0040A030 DT 1
ObservationDateTime 0040A032 DT 0
ValueType 0040A040 CS 1
ConceptNameCodeSequence 0040A043 SQ 1
ContinuityOfContent 0040A050 CS 1
VerifyingObserverSequence 0040A073 SQ 1
VerifyingObserverName 0040A075 PN 1
AuthorObserverSequence 0040A078 SQ 0
VerifyingObserverIdentificationCodeSequence 0040A088 SQ 0
PersonIdentificationCodeSequence 00401101 SQ 1
DateTime 0040A120 DT 1
Date 0040A121 DA 1
Time 0040A122 TM 1
PersonName 0040A123 PN 1
UID 0040A124 UI 1
TextValue 0040A160 UT 1
ConceptCodeSequence 0040A168 SQ 1
MeasuredValueSequence 0040A300 SQ 1
NumericValue 0040A30A DS 1
ReferencedContentItemIdentifier 0040DB73 UL 1
PredecessorDocumentsSequence 0040A360 SQ 0
PerformedProcedureCodeSequence 0040A372 SQ 0
CurrentRequestedProcedureEvidenceSequence 0040A375 SQ 1
PertinentOtherEvidenceSequence 0040A385 SQ 0
CompletionFlag 0040A491 CS 1
VerificationFlag 0040A493 CS 1
ContentTemplateSequence 0040A504 SQ 0
ContentSequence 0040A730 SQ 1
TemplateIdentifier 0040DB00 CS 1
ReferencedSOPSequence 00081199 SQ 1
SegmentationType 00620001 CS 1
SegmentSequence 00620002 SQ 1
SegmentedPropertyCategoryCodeSequence 00620003 SQ 1
SegmentNumber 00620004 US 1
SegmentLabel 00620005 LO 1
SegmentDescription 00620006 ST 0
SegmentAlgorithmType 00620008 CS 1
SegmentAlgorithmName 00620009 LO 0
SegmentIdentificationSequence 0062000A SQ 1
ReferencedSegmentNumber 0062000B US 1
SegmentedPropertyTypeCodeSequence 0062000F SQ 1
ContentLabel 00700080 CS 1
ContentDescription 00700081 LO 0
ContentCreatorName 00700084 PN 0
StructureSetLabel 30060002 SH 1
StructureSetName 30060004 LO 0
StructureSetDescription 30060006 ST 0
StructureSetDate 30060008 DA 0
StructureSetTime 30060009 TM 0
ReferencedFrameOfReferenceSequence 30060010 SQ 0
RTReferencedStudySequence 30060012 SQ 0
RTReferencedSeriesSequence 30060014 SQ 0
ContourImageSequence 30060016 SQ 0
StructureSetROISequence 30060020 SQ 1
ROINumber 30060022 IS 1
ReferencedFrameOfReferenceUID 30060024 UI 1
ROIName 30060026 LO 0
ROIDescription 30060028 ST 0
ROIDisplayColor 3006002A IS 0
ROIGenerationAlgorithm 30060036 CS 0
ROIContourSequence 30060039 SQ 1
ContourSequence 30060040 SQ 0
ContourGeometricType 30060042 CS 1
NumberOfContourPoints 30060046 IS 1
ContourData 30060050 DS 1
RTROIObservationsSequence 30060080 SQ 1
ObservationNumber 30060082 IS 1
ReferencedROINumber 30060084 IS 1
RTROIInterpretedType 300600A4 CS 0
ROIInterpreter 300600A6 PN 0
ApprovalStatus 300E0002 CS 0
ReviewDate 300E0004 DA 0
ReviewTime 300E0005 TM 0
ReviewerName 300E0008 PN 0
PresentationLUTShape 20500020 CS 1
SharedFunctionalGroupsSequence 52009229 SQ 1
PerFrameFunctionalGroupsSequence 52009230 SQ 1
PixelData 7FE00010 OW 1
`;

export const DICTIONARY: ReadonlyMap<string, DictEntry> = new Map(
  TABLE.trim()
    .split('\n')
    .map((line) => {
      const [keyword, tag, vr, type1] = line.trim().split(/\s+/);
      return [keyword, { tag: parseInt(tag, 16), vr: vr as VR, protected: type1 === '1' }] as const;
    }),
);

const BY_TAG = new Map([...DICTIONARY].map(([keyword, e]) => [e.tag, { keyword, ...e }]));

/** The dictionary entry of a keyword; throws on an unknown keyword (a typo in the generator). */
export function entry(keyword: string): DictEntry {
  const e = DICTIONARY.get(keyword);
  if (!e) throw new Error(`heldout dictionary: unknown keyword ${keyword}`);
  return e;
}

/** Keyword and entry of a tag, when the generator knows it. */
export function byTag(tag: number): (DictEntry & { keyword: string }) | undefined {
  return BY_TAG.get(tag);
}

/** `(0010,0010)` */
export function tagString(tag: number): string {
  const h = tag.toString(16).toUpperCase().padStart(8, '0');
  return `(${h.slice(0, 4)},${h.slice(4)})`;
}

// Added for DX, SEG and SR details.
for (const [keyword, tag, vr, type1] of [
  ['AcquisitionContextSequence', 0x00400555, 'SQ', false],
  ['SpacingBetweenSlices', 0x00180088, 'DS', false],
  ['ReferencedRequestSequence', 0x0040a370, 'SQ', false],
  ['StudyComments', 0x00324000, 'LT', false],
  ['InversionTime', 0x00180082, 'DS', false],
  ['PositionerType', 0x00181508, 'CS', false],
] as const) {
  (DICTIONARY as Map<string, DictEntry>).set(keyword, { tag, vr, protected: type1 });
  BY_TAG.set(tag, { keyword, tag, vr, protected: type1 });
}
