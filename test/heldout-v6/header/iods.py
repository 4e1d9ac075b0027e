"""The modules of each IOD of the sixth held-out header set (built from PS3.3, checked with dciodvfy).

Each builder adds the series, equipment and IOD-specific modules to ``f.ds`` (Patient, General Study, Patient Study
and General Equipment values are set by gen.make_file), plants the IOD's own PHI places, records codes and research
text to keep, and may set ``f.note_paths`` (the two free-text places its notes go to).
"""
import struct

import numpy as np
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian

import notes as N
import research as R

SOP = {
    "proclog": "1.2.840.10008.5.1.4.1.1.88.40", "spectacle": "1.2.840.10008.5.1.4.1.1.78.6",
    "rpdose": "1.2.840.10008.5.1.4.1.1.88.68", "comp3d": "1.2.840.10008.5.1.4.1.1.88.34",
    "acqctx": "1.2.840.10008.5.1.4.1.1.88.71", "chestcad": "1.2.840.10008.5.1.4.1.1.88.65",
    "hemo": "1.2.840.10008.5.1.4.1.1.9.2.1", "ker": "1.2.840.10008.5.1.4.1.1.78.3",
    "arf": "1.2.840.10008.5.1.4.1.1.78.2", "va": "1.2.840.10008.5.1.4.1.1.78.5",
    "lens": "1.2.840.10008.5.1.4.1.1.78.1", "subj": "1.2.840.10008.5.1.4.1.1.78.4",
    "rwvm": "1.2.840.10008.5.1.4.1.1.67", "reg": "1.2.840.10008.5.1.4.1.1.66.1",
    "fid": "1.2.840.10008.5.1.4.1.1.66.2", "pcps": "1.2.840.10008.5.1.4.1.1.11.3",
    "sc16": "1.2.840.10008.5.1.4.1.1.7.3", "sc1": "1.2.840.10008.5.1.4.1.1.7.1",
    "rtsum": "1.2.840.10008.5.1.4.1.1.481.7", "stl": "1.2.840.10008.5.1.4.1.1.104.3",
}
IOD_NAMES = {
    "proclog": "Procedure Log", "spectacle": "Spectacle Prescription Report", "rpdose": "Radiopharm. Dose SR",
    "comp3d": "Comprehensive 3D SR", "acqctx": "Acquisition Context SR", "chestcad": "Chest CAD SR",
    "hemo": "Hemodynamic Waveform", "ker": "Keratometry", "arf": "Autorefraction", "va": "Visual Acuity",
    "lens": "Lensometry", "subj": "Subjective Refraction", "rwvm": "Real World Value Mapping",
    "reg": "Spatial Registration", "fid": "Spatial Fiducials", "pcps": "Pseudo-Color PS",
    "sc16": "MF Grayscale Word SC", "sc1": "MF Single Bit SC", "rtsum": "RT Treatment Summary Record",
    "stl": "Encapsulated STL",
}


def code(value, scheme, meaning):
    c = Dataset()
    c.CodeValue, c.CodingSchemeDesignator, c.CodeMeaning = value, scheme, meaning
    return c


def series(f, rng, modality):
    ds = f.ds
    ds.Modality = modality
    if modality != "SR":
        ds.Laterality = ""
    ds.SeriesInstanceUID = uid(rng)
    ds.SeriesNumber = rng.randint(1, 900)
    ds.SeriesDescription = R.SERIES[f.iod]
    f.keep_text("SeriesDescription", ds.SeriesDescription)


def uid(rng):
    return "1.2.826.0.1.3680043.10.1066." + str(rng.randint(10 ** 20, 10 ** 28))


def content_dt(f, rng):
    ds = f.ds
    ds.ContentDate = ds.StudyDate
    ds.ContentTime = ds.StudyTime
    ds.InstanceNumber = 1


def staff_pn(f, path, title=""):
    p = f.person()
    v = f.pn(p, title)
    f.plant(path, "staff", v, f.name_forms(p))
    return v


def ref_image(rng, sop="1.2.840.10008.5.1.4.1.1.4"):
    r = Dataset()
    r.ReferencedSOPClassUID, r.ReferencedSOPInstanceUID = sop, uid(rng)
    return r


def common_instance_ref(f, rng, refs):
    s = Dataset()
    s.SeriesInstanceUID = uid(rng)
    s.ReferencedInstanceSequence = refs
    st = Dataset()
    st.StudyInstanceUID = f.ds.StudyInstanceUID
    st.ReferencedSeriesSequence = [s]
    f.ds.StudiesContainingOtherReferencedInstancesSequence = [st]


# ---- SR ----------------------------------------------------------------------------------------------------
def sr_item(rel, vt, concept):
    it = Dataset()
    it.RelationshipType, it.ValueType = rel, vt
    it.ConceptNameCodeSequence = [code(*concept)]
    return it


def build_sr(f, rng):
    ds, iod = f.ds, f.iod
    series(f, rng, "SR")
    ds.ReferencedPerformedProcedureStepSequence = []
    content_dt(f, rng)
    ds.CompletionFlag = "COMPLETE"
    ds.VerificationFlag = "VERIFIED"
    vo = Dataset()
    p = f.person()
    vo.VerifyingObserverName = f.pn(p)
    f.plant("VerifyingObserverSequence[0].VerifyingObserverName", "staff", vo.VerifyingObserverName, f.name_forms(p))
    vo.VerifyingObserverIdentificationCodeSequence = []
    vo.VerifyingOrganization = "Imaging"
    vo.VerificationDateTime = ds.StudyDate + "170000"
    ds.VerifyingObserverSequence = [vo]
    ds.PerformedProcedureCodeSequence = []
    # author and participant (places the earlier sets did not use)
    au = Dataset()
    au.ObserverType = "PSN"
    au.PersonName = staff_pn(f, "AuthorObserverSequence[0].PersonName")
    au.PersonIdentificationCodeSequence = []
    au.InstitutionName = "Imaging"
    au.InstitutionCodeSequence = []
    ds.AuthorObserverSequence = [au]
    pa = Dataset()
    pa.ParticipationType = "ENT"
    pa.ParticipationDateTime = ds.StudyDate + "101500"
    pa.ObserverType = "PSN"
    pa.PersonName = staff_pn(f, "ParticipantSequence[0].PersonName")
    pa.PersonIdentificationCodeSequence = []
    pa.InstitutionName = "Imaging"
    pa.InstitutionCodeSequence = []
    ds.ParticipantSequence = [pa]
    root = R.CODES[iod][0]
    ds.ValueType = "CONTAINER"
    ds.ConceptNameCodeSequence = [code(*root)]
    f.code("ConceptNameCodeSequence[0]", root[0], root[2])
    ds.ContinuityOfContent = "SEPARATE"
    items = []
    dt = iod == "proclog"

    def add(it):
        if dt:
            it.ObservationDateTime = ds.StudyDate + "%02d%02d00" % (9 + len(items) // 6, (len(items) * 7) % 60)
        items.append(it)
        return len(items) - 1

    # research text
    for text in rng.sample(R.FINDINGS[iod], 2):
        it = sr_item("CONTAINS", "TEXT", ("121071", "DCM", "Finding"))
        it.TextValue = text
        i = add(it)
        f.keep_text(f"ContentSequence[{i}].TextValue", text)
        f.code(f"ContentSequence[{i}].ConceptNameCodeSequence[0]", "121071", "Finding")
    # a measurement with units
    it = sr_item("CONTAINS", "NUM", ("121206", "DCM", "Distance"))
    mv = Dataset()
    mv.NumericValue = f"{rng.uniform(3, 60):.1f}"
    mv.MeasurementUnitsCodeSequence = [code("mm", "UCUM", "millimeter")]
    it.MeasuredValueSequence = [mv]
    i = add(it)
    f.code(f"ContentSequence[{i}].MeasuredValueSequence[0].MeasurementUnitsCodeSequence[0]", "mm", "millimeter")
    # a person observer, a prior study date
    it = sr_item("HAS OBS CONTEXT", "PNAME", ("121008", "DCM", "Person Observer Name"))
    it.PersonName = staff_pn(f, f"ContentSequence[{len(items)}].PersonName")
    add(it)
    it = sr_item("CONTAINS", "DATE", ("111536", "DCM", "Date of last evaluation"))
    y, m, d = f.date(2010, 2023)
    it.Date = f"{y:04d}{m:02d}{d:02d}"
    i = add(it)
    f.plant(f"ContentSequence[{i}].Date", "date", it.Date, f.date_forms(y, m, d))
    # two free-text items for the notes
    paths = []
    for _ in range(2):
        it = sr_item("CONTAINS", "TEXT", ("121106", "DCM", "Comment"))
        it.TextValue = "-"
        i = add(it)
        paths.append(f"ContentSequence[{i}].TextValue")
    if iod == "spectacle":  # dicom3tools expects the clinical trial modules in this IOD
        ds.ClinicalTrialSponsorName = "Optical Outcomes Consortium"
        ds.ClinicalTrialProtocolID = "OPT-RX-2024"
        ds.ClinicalTrialProtocolName = "Presbyopia spectacle trial"
        ds.ClinicalTrialSiteID = str(rng.randint(10, 99))
        ds.ClinicalTrialSiteName = "Site A"
        ds.ClinicalTrialSubjectID = f"S{rng.randint(1000, 9999)}"
        f.plant("ClinicalTrialSubjectID", "id", ds.ClinicalTrialSubjectID, [("alnum", ds.ClinicalTrialSubjectID)])
        ds.ClinicalTrialTimePointID = "V2"
        ds.ClinicalTrialCoordinatingCenterName = "Coordinating Centre"
        for kw in ("ClinicalTrialSponsorName", "ClinicalTrialProtocolName"):
            for w in getattr(ds, kw).split():
                f.keep.append(dict(path=kw, word=w, role="trial"))
    if dt:  # a procedure log's items start with the root's own observation time
        ds.ObservationDateTime = ds.StudyDate + "085900"
        ds.SynchronizationFrameOfReferenceUID = "1.2.840.10008.15.1.1"
        ds.SynchronizationTrigger = "NO TRIGGER"
        ds.AcquisitionTimeSynchronized = "Y"
        ds.TimeSource = "NTP"
    ds.ContentSequence = items
    f.note_paths = paths


# ---- waveform ------------------------------------------------------------------------------------------------
def build_hemo(f, rng):
    ds = f.ds
    series(f, rng, "HD")
    ds.OperatorsName = staff_pn(f, "OperatorsName")
    ds.PerformingPhysicianName = staff_pn(f, "PerformingPhysicianName")
    content_dt(f, rng)
    ds.AcquisitionDateTime = ds.StudyDate + ds.StudyTime
    n, fs = 400, 250
    names = [("RA", "T-32200", "Right atrium"), ("RV", "T-32500", "Right ventricle"),
             ("PA", "T-44000", "Pulmonary artery")]
    chans = []
    for lbl, cv, cm in names:
        ch = Dataset()
        ch.ChannelLabel = lbl
        ch.ChannelSourceSequence = [code(cv, "SRT", cm)]
        ch.ChannelSensitivity = "0.1"
        ch.ChannelSensitivityUnitsSequence = [code("mm[Hg]", "UCUM", "mmHg")]
        ch.ChannelSensitivityCorrectionFactor = "1"
        ch.ChannelBaseline = "0"
        ch.ChannelSampleSkew = "0"
        ch.WaveformBitsStored = 16
        chans.append(ch)
    t = np.arange(n) / fs
    data = np.stack([(np.sin(2 * np.pi * 1.2 * t) * k * 50 + k * 80) for k in (1, 3, 2)], axis=1).astype("<i2")
    w = Dataset()
    w.WaveformOriginality = "ORIGINAL"
    w.NumberOfWaveformChannels = len(chans)
    w.NumberOfWaveformSamples = n
    w.SamplingFrequency = str(fs)
    w.MultiplexGroupLabel = "PRESSURES"
    w.ChannelDefinitionSequence = chans
    w.WaveformBitsAllocated = 16
    w.WaveformSampleInterpretation = "SS"
    w.WaveformData = data.tobytes()
    ds.WaveformSequence = [w]
    for i in range(len(chans)):
        f.code(f"WaveformSequence[0].ChannelDefinitionSequence[{i}].ChannelSourceSequence[0]", names[i][1],
               names[i][2])
    ds.AcquisitionContextSequence = []
    an = Dataset()
    an.UnformattedTextValue = "-"
    an.ReferencedWaveformChannels = [1, 3]
    an.AnnotationGroupNumber = 1
    an2 = Dataset()
    an2.UnformattedTextValue = "PCWP a-wave 24, v-wave 31 mmHg"
    an2.ReferencedWaveformChannels = [1, 3]
    an2.AnnotationGroupNumber = 2
    f.keep_text("WaveformAnnotationSequence[1].UnformattedTextValue", an2.UnformattedTextValue)
    ds.WaveformAnnotationSequence = [an, an2]
    f.note_paths = ["AcquisitionContextDescription", "WaveformAnnotationSequence[0].UnformattedTextValue"]


# ---- ophthalmic refractive measurements --------------------------------------------------------------------
def ophth_base(f, rng, modality):
    ds = f.ds
    series(f, rng, modality)
    del ds.Laterality  # Measurement Laterality instead
    content_dt(f, rng)
    pps = Dataset()
    pps.ReferencedSOPClassUID, pps.ReferencedSOPInstanceUID = "1.2.840.10008.3.1.2.3.3", uid(rng)
    ds.ReferencedPerformedProcedureStepSequence = [pps]
    ds.OperatorsName = staff_pn(f, "OperatorsName")
    ds.MeasurementLaterality = "B"
    f.note_paths = ["PatientComments", "ReasonForVisit"]


def sphere(rng):
    return rng.choice([-1, 1]) * rng.randint(0, 24) * 0.25


def refraction(rng, e):
    e.SpherePower = sphere(rng)
    c = Dataset()
    c.CylinderPower = -rng.randint(0, 8) * 0.25
    c.CylinderAxis = float(rng.randint(0, 180))
    e.CylinderSequence = [c]


def build_ker(f, rng):
    ophth_base(f, rng, "KER")
    for side in ("Right", "Left"):
        e = Dataset()
        steep, flat = Dataset(), Dataset()
        for a, k in ((steep, 44.5), (flat, 43.25)):
            a.RadiusOfCurvature = round(337.5 / k, 2)
            a.KeratometricPower = k
            a.KeratometricAxis = float(rng.randint(0, 180))
        e.SteepKeratometricAxisSequence = [steep]
        e.FlatKeratometricAxisSequence = [flat]
        setattr(f.ds, f"Keratometry{side}EyeSequence", [e])


def build_arf(f, rng):
    ophth_base(f, rng, "AR")
    for side in ("Right", "Left"):
        e = Dataset()
        refraction(rng, e)
        setattr(f.ds, f"AutorefractionRightEyeSequence" if side == "Right" else "AutorefractionLeftEyeSequence", [e])


def build_lens(f, rng):
    ophth_base(f, rng, "LEN")
    f.ds.LensDescription = "Progressive, Varilux Comfort"
    f.keep_text("LensDescription", f.ds.LensDescription)
    for side in ("Right", "Left"):
        e = Dataset()
        refraction(rng, e)
        e.AddNearSequence = [Dataset()]
        e.AddNearSequence[0].AddPower = 2.5
        setattr(f.ds, f"{side}LensSequence", [e])


def build_subj(f, rng):
    ophth_base(f, rng, "SRF")
    for side in ("Right", "Left"):
        e = Dataset()
        refraction(rng, e)
        setattr(f.ds, f"SubjectiveRefraction{side}EyeSequence", [e])


def build_va(f, rng):
    ophth_base(f, rng, "VA")
    for side in ("Right", "Left"):
        e = Dataset()
        e.VisualAcuityModifiers = [0, 0]
        e.DecimalVisualAcuity = 0.8
        setattr(f.ds, f"VisualAcuity{side}EyeSequence", [e])
    f.ds.VisualAcuityTypeCodeSequence = [code("111687", "DCM", "Distance Visual Acuity")]
    f.ds.BackgroundColor = "WHITE"
    f.ds.Optotype = "LETTERS"
    f.ds.OptotypeDetailedDefinition = "Sloan letters, ETDRS chart 2"
    f.keep_text("OptotypeDetailedDefinition", f.ds.OptotypeDetailedDefinition)
    f.ds.OptotypePresentation = "MULTIPLE"
    f.ds.ViewingDistanceType = "DISTANCE"
    f.ds.ReferencedRefractiveMeasurementsSequence = []


# ---- content with a creator: RWVM, registration, fiducials, presentation state ------------------------------
def content_identification(f, rng, label):
    ds = f.ds
    content_dt(f, rng)
    ds.ContentLabel = label
    ds.ContentCreatorName = staff_pn(f, "ContentCreatorName")
    ds.ContentDescription = f.fill("ContentDescription", rng.choice(N.SHORT["request"] + N.SHORT["visit"]), f.pt,
                                   True)
    f.note_paths = ["PatientComments", "ImagingServiceRequestComments"]


def build_rwvm(f, rng):
    ds = f.ds
    series(f, rng, "RWV")
    content_identification(f, rng, "KTRANS")
    m = Dataset()
    m.LUTExplanation = "Ktrans (Tofts), per min"
    f.keep_text("ReferencedImageRealWorldValueMappingSequence[0].RealWorldValueMappingSequence[0].LUTExplanation",
                m.LUTExplanation)
    m.LUTLabel = "KTRANS"
    m.MeasurementUnitsCodeSequence = [code("/min", "UCUM", "/min")]
    f.code("ReferencedImageRealWorldValueMappingSequence[0].RealWorldValueMappingSequence[0]"
           ".MeasurementUnitsCodeSequence[0]", "/min", "/min")
    m.RealWorldValueFirstValueMapped = 0
    m.RealWorldValueLastValueMapped = 4095
    m.RealWorldValueIntercept = 0
    m.RealWorldValueSlope = 0.001
    r = Dataset()
    r.RealWorldValueMappingSequence = [m]
    refs = [ref_image(rng) for _ in range(2)]
    r.ReferencedImageSequence = refs
    ds.ReferencedImageRealWorldValueMappingSequence = [r]
    common_instance_ref(f, rng, refs)


def build_reg(f, rng):
    ds = f.ds
    series(f, rng, "REG")
    ds.FrameOfReferenceUID = uid(rng)
    ds.PositionReferenceIndicator = ""
    content_identification(f, rng, "REG_RIGID")
    regs = []
    for _ in range(2):
        r = Dataset()
        r.FrameOfReferenceUID = uid(rng)
        mx = Dataset()
        mx.FrameOfReferenceTransformationMatrix = [1, 0, 0, f"{rng.uniform(-9, 9):.2f}", 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0,
                                                    1]
        mx.FrameOfReferenceTransformationMatrixType = "RIGID"
        mr = Dataset()
        mr.MatrixSequence = [mx]
        mr.RegistrationTypeCodeSequence = [code("125024", "DCM", "Image Content-based Alignment")]
        r.MatrixRegistrationSequence = [mr]
        r.ReferencedImageSequence = [ref_image(rng)]
        regs.append(r)
    regs[0].FrameOfReferenceUID = ds.FrameOfReferenceUID
    ds.RegistrationSequence = regs
    f.code("RegistrationSequence[0].MatrixRegistrationSequence[0].RegistrationTypeCodeSequence[0]", "125024",
           "Image Content-based Alignment")
    common_instance_ref(f, rng, [regs[0].ReferencedImageSequence[0], regs[1].ReferencedImageSequence[0]])


def build_fid(f, rng):
    ds = f.ds
    series(f, rng, "FID")
    content_identification(f, rng, "FIDUCIALS")
    fs = Dataset()
    fs.FrameOfReferenceUID = uid(rng)
    fids = []
    for i in range(3):
        fd = Dataset()
        fd.FiducialIdentifier = f"Gold seed {i + 1}"
        fd.ShapeType = "POINT"
        fd.ContourData = [f"{rng.uniform(-50, 50):.2f}" for _ in range(3)]
        fd.NumberOfContourPoints = 1
        fids.append(fd)
    fs.FiducialSequence = fids
    ds.FiducialSetSequence = [fs]


def build_pcps(f, rng):
    ds = f.ds
    series(f, rng, "PR")
    content_identification(f, rng, "PSEUDOCOLOUR")
    ds.PresentationCreationDate = ds.StudyDate
    ds.PresentationCreationTime = ds.StudyTime
    img = ref_image(rng, "1.2.840.10008.5.1.4.1.1.20")
    rs = Dataset()
    rs.SeriesInstanceUID = uid(rng)
    rs.ReferencedImageSequence = [img]
    ds.ReferencedSeriesSequence = [rs]
    da = Dataset()
    da.DisplayedAreaTopLeftHandCorner = [1, 1]
    da.DisplayedAreaBottomRightHandCorner = [128, 128]
    da.PresentationSizeMode = "SCALE TO FIT"
    da.PresentationPixelSpacing = [0.5, 0.5]
    ds.DisplayedAreaSelectionSequence = [da]
    gl = Dataset()
    gl.GraphicLayer = "ANNOT"
    gl.GraphicLayerOrder = 1
    ds.GraphicLayerSequence = [gl]
    txts = []
    for i, text in enumerate(["-", "CBF ml/100g/min, Tmax > 6 s"]):
        t = Dataset()
        t.UnformattedTextValue = text
        t.AnchorPointAnnotationUnits = "PIXEL"
        t.AnchorPoint = [10.0, 10.0 + 20 * i]
        t.AnchorPointVisibility = "N"
        txts.append(t)
    ga = Dataset()
    ga.GraphicLayer = "ANNOT"
    ga.TextObjectSequence = txts
    ds.GraphicAnnotationSequence = [ga]
    f.keep_text("GraphicAnnotationSequence[0].TextObjectSequence[1].UnformattedTextValue", txts[1].UnformattedTextValue)
    f.note_paths = ["PatientComments", "GraphicAnnotationSequence[0].TextObjectSequence[0].UnformattedTextValue"]
    lut = np.clip(np.arange(256) * 1.0, 0, 255).astype("<u2") * 257
    ds.RedPaletteColorLookupTableDescriptor = [256, 0, 16]
    ds.GreenPaletteColorLookupTableDescriptor = [256, 0, 16]
    ds.BluePaletteColorLookupTableDescriptor = [256, 0, 16]
    ds.RedPaletteColorLookupTableData = lut.tobytes()
    ds.GreenPaletteColorLookupTableData = lut[::-1].copy().tobytes()
    ds.BluePaletteColorLookupTableData = np.roll(lut, 128).tobytes()
    ds.ICCProfile = b"\x00" * 128
    ds.ColorSpace = "SRGB"
    vl = Dataset()
    vl.WindowCenter, vl.WindowWidth = "40", "80"
    ds.SoftcopyVOILUTSequence = [vl]


# ---- secondary capture ---------------------------------------------------------------------------------------
def build_sc(f, rng):
    ds = f.ds
    series(f, rng, "OT")
    ds.ConversionType = "DF" if f.iod == "sc16" else "SD"
    ds.InstanceNumber = 1
    ds.PatientOrientation = ""
    ds.ContentDate = ds.StudyDate
    ds.ContentTime = ds.StudyTime
    frames, rows, cols = 2, 64, 64
    ds.NumberOfFrames = frames
    ds.FrameIncrementPointer = 0x00182001
    ds.PageNumberVector = list(range(1, frames + 1))
    ds.BurnedInAnnotation = "NO"
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows, ds.Columns = rows, cols
    ds.PixelRepresentation = 0
    if f.iod == "sc16":
        ds.BitsAllocated, ds.BitsStored, ds.HighBit = 16, 12, 11
        ds.RescaleIntercept, ds.RescaleSlope, ds.RescaleType = "0", "1", "US"
        ds.PresentationLUTShape = "IDENTITY"
        ds.NominalScannedPixelSpacing = [0.1, 0.1]
        ds.DigitizingDeviceTransportDirection = "ROW"
        px = (np.indices((frames, rows, cols)).sum(axis=0) * 20 % 4096).astype("<u2")
        ds.PixelData = px.tobytes()
        ds.WindowCenter, ds.WindowWidth = "2048", "4096"
    else:
        ds.BitsAllocated, ds.BitsStored, ds.HighBit = 1, 1, 0
        bits = (np.indices((frames, rows, cols)).sum(axis=0) % 3 == 0).astype(np.uint8).ravel()
        ds.PixelData = np.packbits(bits, bitorder="little").tobytes()
    f.note_paths = ["PatientComments", "ImageComments"]


# ---- RT treatment summary ------------------------------------------------------------------------------------
def build_rtsum(f, rng):
    ds = f.ds
    series(f, rng, "RTRECORD")
    ds.OperatorsName = staff_pn(f, "OperatorsName")
    ds.InstanceNumber = 1
    ds.TreatmentDate = ds.StudyDate
    ds.TreatmentTime = ds.StudyTime
    rp = Dataset()
    rp.ReferencedSOPClassUID = "1.2.840.10008.5.1.4.1.1.481.5"
    rp.ReferencedSOPInstanceUID = uid(rng)
    ds.ReferencedRTPlanSequence = [rp]
    ds.CurrentTreatmentStatus = "ON_TREATMENT"
    ds.FirstTreatmentDate = ds.StudyDate
    ds.MostRecentTreatmentDate = ds.StudyDate
    cd = Dataset()
    cd.CalculatedDoseReferenceNumber = 1
    cd.CalculatedDoseReferenceDescription = "PTV_60Gy D95 > 57 Gy"
    cd.CumulativeDoseReferenceCoefficient = "0.5"
    cd.CumulativeDoseToDoseReference = "30.0"
    f.keep_text("TreatmentSummaryCalculatedDoseReferenceSequence[0].CalculatedDoseReferenceDescription",
                cd.CalculatedDoseReferenceDescription)
    ds.TreatmentSummaryCalculatedDoseReferenceSequence = [cd]
    f.note_paths = ["TreatmentStatusComment", "PatientComments"]


# ---- encapsulated STL ------------------------------------------------------------------------------------------
def build_stl(f, rng):
    ds = f.ds
    series(f, rng, "M3D")
    ds.FrameOfReferenceUID = uid(rng)
    ds.PositionReferenceIndicator = ""
    ds.InstanceNumber = 1
    ds.ContentDate = ds.StudyDate
    ds.ContentTime = ds.StudyTime
    ds.AcquisitionDateTime = ds.StudyDate + ds.StudyTime
    ds.BurnedInAnnotation = "NO"
    ds.ConceptNameCodeSequence = []
    p = f.pt["p"]
    fam = p["family"] if "gi" not in p else p["family"]
    title = f"{ds.StudyDescription.split(',')[0][:40]} - {fam}"
    ds.DocumentTitle = title
    f.plant("DocumentTitle", "name", fam, [fm for fm in f.name_forms(p) if fm[1].lower() in title.lower()])
    ds.MeasurementUnitsCodeSequence = [code("mm", "UCUM", "mm")]
    f.code("MeasurementUnitsCodeSequence[0]", "mm", "mm")
    ds.MIMETypeOfEncapsulatedDocument = "model/stl"
    src = Dataset()
    src.ReferencedSOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
    src.ReferencedSOPInstanceUID = uid(rng)
    src.PurposeOfReferenceCodeSequence = [code("121322", "DCM", "Source image for image processing operation")]
    ds.SourceInstanceSequence = [src]
    common_instance_ref(f, rng, [src])
    header = f"solid {fam} {f.ds.PatientID}".encode("ascii", "replace")[:80].ljust(80, b" ")
    tri = struct.pack("<12fH", 0, 0, 1, 0, 0, 0, 10, 0, 0, 0, 10, 0, 0)
    body = header + struct.pack("<I", 1) + tri
    ds.EncapsulatedDocument = body + (b"\x00" if len(body) % 2 else b"")
    ds.EncapsulatedDocumentLength = len(body)
    f.body = [fam, f.ds.PatientID] if fam.isascii() else [f.ds.PatientID]
    f.note_paths = ["PatientComments", "ImagingServiceRequestComments"]


BUILDERS = {
    "proclog": build_sr, "spectacle": build_sr, "rpdose": build_sr, "comp3d": build_sr, "acqctx": build_sr,
    "chestcad": build_sr, "hemo": build_hemo, "ker": build_ker, "arf": build_arf, "va": build_va,
    "lens": build_lens, "subj": build_subj, "rwvm": build_rwvm, "reg": build_reg, "fid": build_fid,
    "pcps": build_pcps, "sc16": build_sc, "sc1": build_sc, "rtsum": build_rtsum, "stl": build_stl,
}


def save(f, path):
    ds = f.ds
    ds.SOPClassUID = SOP[f.iod]
    ds.SOPInstanceUID = uid(f.rng)
    ds.InstanceCreationDate = ds.StudyDate
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = ds.SOPClassUID
    meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    meta.ImplementationClassUID = "1.2.826.0.1.3680043.10.1066.6"
    ds.file_meta = meta
    ds.is_little_endian, ds.is_implicit_VR = True, False
    ds.save_as(path, write_like_original=False)
