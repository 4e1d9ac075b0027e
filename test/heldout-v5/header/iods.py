"""The IODs of the fifth header set: each builder adds its modules to a dataset and reports the research text, clinical
numbers and codes it wrote (paths as score.py's walk() names them). Written for this set from PS3.3; no earlier
set's generator was read."""
import hashlib
import struct

import numpy as np
from pydicom.dataset import Dataset
from pydicom.sequence import Sequence

SOP = {
    "CR": "1.2.840.10008.5.1.4.1.1.1",
    "DX": "1.2.840.10008.5.1.4.1.1.1.1",
    "RF": "1.2.840.10008.5.1.4.1.1.12.2",
    "US": "1.2.840.10008.5.1.4.1.1.6.1",
    "ECG12": "1.2.840.10008.5.1.4.1.1.9.1.1",
    "ECG": "1.2.840.10008.5.1.4.1.1.9.1.2",
    "AUDIO": "1.2.840.10008.5.1.4.1.1.9.4.1",
    "CDA": "1.2.840.10008.5.1.4.1.1.104.2",
    "ESR": "1.2.840.10008.5.1.4.1.1.88.22",
    "CSPS": "1.2.840.10008.5.1.4.1.1.11.2",
    "ENDO": "1.2.840.10008.5.1.4.1.1.77.1.1",
    "MICRO": "1.2.840.10008.5.1.4.1.1.77.1.2",
    "RTIMAGE": "1.2.840.10008.5.1.4.1.1.481.1",
    "SCTC": "1.2.840.10008.5.1.4.1.1.7.4",
    "SCGB": "1.2.840.10008.5.1.4.1.1.7.2",
}
MODALITY = {"CR": "CR", "DX": "DX", "RF": "RF", "US": "US", "ECG12": "ECG", "ECG": "ECG", "AUDIO": "AU",
            "CDA": "DOC", "ESR": "SR", "CSPS": "PR", "ENDO": "ES", "MICRO": "GM", "RTIMAGE": "RTIMAGE",
            "SCTC": "XC", "SCGB": "OT"}


def uid(*parts):
    h = hashlib.sha256("/".join(str(p) for p in parts).encode()).hexdigest()
    return "2.25." + str(int(h[:30], 16))


def code(value, scheme, meaning):
    c = Dataset()
    c.CodeValue, c.CodingSchemeDesignator, c.CodeMeaning = value, scheme, meaning
    return c


class Out:
    """What a builder wrote that must survive: research text, clinical numbers, codes."""

    def __init__(self):
        self.research, self.numbers, self.codes = [], [], []

    def text(self, ds, keyword, value, path=None):
        setattr(ds, keyword, value)
        self.research.append((path or keyword, value))

    def num(self, path, value):
        self.numbers.append((path, value))

    def code(self, path, c):
        self.codes.append((path, c.CodeValue, c.CodeMeaning))
        return c


def image_pixels(ds, rng, rows, cols, frames=1, bits=8, rgb=False, signed=False):
    ds.Rows, ds.Columns = rows, cols
    ds.SamplesPerPixel = 3 if rgb else 1
    ds.PhotometricInterpretation = "RGB" if rgb else "MONOCHROME2"
    if rgb:
        ds.PlanarConfiguration = 0
    ds.BitsAllocated = 8 if bits == 8 else 16
    ds.BitsStored = bits
    ds.HighBit = bits - 1
    ds.PixelRepresentation = 1 if signed else 0
    if frames > 1:
        ds.NumberOfFrames = frames
    shape = (frames, rows, cols) + ((3,) if rgb else ())
    top = (1 << bits) - 1
    yy, xx = np.mgrid[0:rows, 0:cols]
    base = ((np.sin(xx / 9.0) + np.cos(yy / 13.0) + 2) / 4 * top * 0.8).astype(np.int64)
    arr = np.empty(shape, dtype=np.int64)
    for f in range(frames):
        noise = rng.randint(0, max(2, top // 20))
        img = np.clip(base + noise + f * 3, 0, top)
        arr[f] = img[..., None].repeat(3, axis=-1) if rgb else img
    arr = arr.astype(np.uint8 if bits == 8 else np.uint16)
    ds.PixelData = arr.tobytes()


def pixel_stats(ds, out, window=True):
    if window:
        top = (1 << ds.BitsStored) - 1
        ds.WindowCenter, ds.WindowWidth = str(top // 2 + 1), str(top + 1)


# -- images ------------------------------------------------------------------------------------------------------------
def cr(ds, rng, r, out):
    ds.Modality = "CR"
    ds.ImageType = ["ORIGINAL", "PRIMARY"]
    out.text(ds, "BodyPartExamined", r["body"])
    ds.ViewPosition = r.get("view", "PA")
    ds.KVP = r.get("kvp", "110")
    ds.ExposureTime = "8"
    out.text(ds, "AcquisitionDeviceProcessingDescription", r["processing"])
    ds.PatientOrientation = ["L", "F"]
    image_pixels(ds, rng, 96, 80, bits=12)
    ds.RescaleIntercept, ds.RescaleSlope, ds.RescaleType = "0", "1", "US"
    pixel_stats(ds, out)
    out.num("KVP", ds.KVP)


def dx(ds, rng, r, out):
    ds.Modality = "DX"
    ds.ImageType = ["ORIGINAL", "PRIMARY", ""]
    ds.PresentationIntentType = "FOR PRESENTATION"
    ds.PositionerType = ""
    ds.AcquisitionContextSequence = Sequence([])
    ds.PatientOrientation = ["A", "F"]
    out.text(ds, "BodyPartExamined", r["body"])
    ds.ViewPosition = r.get("view", "AP")
    image_pixels(ds, rng, 96, 96, bits=12)
    ds.RescaleIntercept, ds.RescaleSlope, ds.RescaleType = "0", "1", "US"
    ds.PresentationLUTShape = "IDENTITY"
    ds.BurnedInAnnotation = "NO"
    ds.LossyImageCompression = "00"
    ds.PixelIntensityRelationship = "LIN"
    ds.PixelIntensityRelationshipSign = 1
    ds.ImagerPixelSpacing = ["0.150", "0.150"]
    ds.DetectorType = "SCINTILLATOR"
    ds.ViewCodeSequence = Sequence([out.code("ViewCodeSequence[0]", code(*r["view_code"]))])
    ds.AnatomicRegionSequence = Sequence([out.code("AnatomicRegionSequence[0]", code(*r["anatomy"]))])
    ds.ImageLaterality = r.get("laterality", "U")
    pixel_stats(ds, out)
    ds.WindowCenterWidthExplanation = "DEFAULT"
    ds.KVP = r.get("kvp", "70")
    out.num("KVP", ds.KVP)


def rf(ds, rng, r, out):
    ds.Modality = "RF"
    ds.ImageType = ["ORIGINAL", "PRIMARY", "SINGLE PLANE"]
    ds.PatientOrientation = ""
    ds.PixelIntensityRelationship = "LIN"
    out.text(ds, "BodyPartExamined", r["body"])
    ds.KVP = r.get("kvp", "81")
    ds.XRayTubeCurrent = "2"
    ds.ExposureTime = "1500"
    ds.RadiationSetting = "GR"
    ds.FrameTime = "250"
    ds.CineRate = 4
    ds.FrameIncrementPointer = 0x00181063
    ds.IntensifierSize = "300"
    ds.FieldOfViewShape = "ROUND"
    ds.FieldOfViewDimensions = ["300"]
    image_pixels(ds, rng, 64, 64, frames=3, bits=8)
    ds.LossyImageCompression = "00"
    out.text(ds, "ContrastBolusAgent", r["contrast"])
    ds.ContrastBolusAgentSequence = Sequence([out.code("ContrastBolusAgentSequence[0]", code(*r["contrast_code"]))])
    ds.ContrastBolusRoute = "ORAL"
    out.num("KVP", ds.KVP)


def us(ds, rng, r, out):
    ds.Modality = "US"
    ds.ImageType = ["ORIGINAL", "PRIMARY", "ABDOMINAL"]
    ds.PatientOrientation = ""
    image_pixels(ds, rng, 80, 96, bits=8)
    ds.LossyImageCompression = "00"
    out.text(ds, "BodyPartExamined", r["body"])
    out.text(ds, "TransducerData", r["transducer"])
    ds.ProcessingFunction = "GENERAL"
    reg = Dataset()
    reg.RegionSpatialFormat, reg.RegionDataType, reg.RegionFlags = 1, 1, 0
    reg.RegionLocationMinX0, reg.RegionLocationMinY0, reg.RegionLocationMaxX1, reg.RegionLocationMaxY1 = 0, 0, 95, 79
    reg.PhysicalUnitsXDirection, reg.PhysicalUnitsYDirection = 3, 3
    reg.PhysicalDeltaX, reg.PhysicalDeltaY = 0.02, 0.02
    ds.SequenceOfUltrasoundRegions = Sequence([reg])
    ds.AnatomicRegionSequence = Sequence([out.code("AnatomicRegionSequence[0]", code(*r["anatomy"]))])


def endo(ds, rng, r, out, micro=False):
    ds.Modality = "GM" if micro else "ES"
    ds.ImageType = ["ORIGINAL", "PRIMARY"]
    ds.PatientOrientation = ""
    image_pixels(ds, rng, 64, 80, bits=8, rgb=True)
    ds.LossyImageCompression = "00"
    ds.AcquisitionContextSequence = Sequence([])
    ds.AnatomicRegionSequence = Sequence([out.code("AnatomicRegionSequence[0]", code(*r["anatomy"]))])
    if micro:
        ds.ContainerIdentifier = r["container"]
        ds.IssuerOfTheContainerIdentifierSequence = Sequence([])
        ds.ContainerTypeCodeSequence = Sequence([code("433466003", "SCT", "Microscope slide")])
        sp = Dataset()
        sp.SpecimenIdentifier = r["specimen_id"]
        sp.SpecimenUID = uid("specimen", r["container"])
        sp.IssuerOfTheSpecimenIdentifierSequence = Sequence([])
        sp.SpecimenPreparationSequence = Sequence([])
        sp.SpecimenShortDescription = r["specimen_short"]
        out.research.append(("SpecimenDescriptionSequence[0].SpecimenShortDescription", r["specimen_short"]))
        ds.SpecimenDescriptionSequence = Sequence([sp])


def rtimage(ds, rng, r, out):
    ds.Modality = "RTIMAGE"
    ds.ImageType = ["ORIGINAL", "PRIMARY", "PORTAL"]
    ds.PatientOrientation = ""
    image_pixels(ds, rng, 96, 96, bits=16)
    ds.RTImageLabel = r["label"]
    out.research.append(("RTImageLabel", r["label"]))
    out.text(ds, "RTImageDescription", r["description"])
    ds.ConversionType = "DI"
    ds.ReportedValuesOrigin = "ACTUAL"
    ds.RTImagePlane = "NORMAL"
    ds.XRayImageReceptorTranslation = ["0", "0", "-500"]
    ds.XRayImageReceptorAngle = "0"
    ds.ImagePlanePixelSpacing = ["0.784", "0.784"]
    ds.RTImagePosition = ["-37.2", "37.2"]
    ds.RadiationMachineName = r["machine"]
    ds.PrimaryDosimeterUnit = "MU"
    ds.RadiationMachineSAD = "1000"
    ds.RTImageSID = "1500"
    ds.GantryAngle = r["gantry"]
    ds.BeamLimitingDeviceAngle = "0"
    ds.PatientSupportAngle = "0"
    ds.PixelIntensityRelationshipSign = 1
    ds.PixelIntensityRelationship = "LIN"
    out.num("GantryAngle", r["gantry"])


def sc(ds, rng, r, out, rgb):
    ds.Modality = r.get("modality", "XC" if rgb else "OT")
    ds.ConversionType = r.get("conversion", "DI" if rgb else "DF")
    ds.ImageType = ["DERIVED", "SECONDARY"] if not rgb else ["ORIGINAL", "PRIMARY"]
    image_pixels(ds, rng, 64, 48, frames=3, bits=8, rgb=rgb)
    ds.BurnedInAnnotation = "NO"
    ds.FrameIncrementPointer = 0x00181063 if rgb else 0x00182002
    if rgb:
        ds.FrameTime = "500"
    else:
        ds.FrameLabelVector = [f"PAGE {i}" for i in range(1, 4)]
        ds.PresentationLUTShape = "IDENTITY"
        ds.RescaleIntercept, ds.RescaleSlope, ds.RescaleType = "0", "1", "US"
        ds.NominalScannedPixelSpacing = ["0.2", "0.2"]
    ds.LossyImageCompression = "00"
    ds.PatientOrientation = ""
    ds.Laterality = ""


# -- waveforms ---------------------------------------------------------------------------------------------------------
ECG_LEADS = [("2:1", "Lead I"), ("2:2", "Lead II"), ("2:61", "Lead III"), ("2:62", "Lead aVR"),
             ("2:63", "Lead aVL"), ("2:64", "Lead aVF"), ("2:3", "Lead V1"), ("2:4", "Lead V2"),
             ("2:5", "Lead V3"), ("2:6", "Lead V4"), ("2:7", "Lead V5"), ("2:8", "Lead V6")]


def waveform(ds, rng, r, out, kind):
    ds.Modality = "AU" if kind == "AUDIO" else "ECG"
    ds.AcquisitionDateTime = r["acq_dt"]
    ds.AcquisitionContextSequence = Sequence([])
    if kind == "AUDIO":
        leads, freq, n, interp, bits = [("109110", "Voice")], 8000, 1600, "MB", 8
    elif kind == "ECG12":
        leads, freq, n, interp, bits = ECG_LEADS, 500, 500, "SS", 16
    else:
        leads, freq, n, interp, bits = ECG_LEADS[:2] + [ECG_LEADS[6]], 250, 400, "SS", 16
    mg = Dataset()
    mg.WaveformOriginality = "ORIGINAL"
    mg.NumberOfWaveformChannels = len(leads)
    mg.NumberOfWaveformSamples = n
    mg.SamplingFrequency = str(freq)
    mg.MultiplexGroupLabel = r["group_label"]
    chans = []
    for i, (cv, cm) in enumerate(leads):
        ch = Dataset()
        ch.ChannelSourceSequence = Sequence([out.code(f"WaveformSequence[0].ChannelDefinitionSequence[{i}]"
                                                      ".ChannelSourceSequence[0]",
                                                      code(cv, "DCM" if kind == "AUDIO" else "MDC", cm))])
        if kind != "AUDIO":
            ch.ChannelSensitivity = "2.5"
            ch.ChannelSensitivityUnitsSequence = Sequence([code("uV", "UCUM", "microvolt")])
            ch.ChannelSensitivityCorrectionFactor = "1"
            ch.ChannelBaseline = "0"
            ch.ChannelOffset = "0"
            ch.FilterLowFrequency = "0.05"
            ch.FilterHighFrequency = "150"
            ch.NotchFilterFrequency = r.get("notch", "50")
            ch.NotchFilterBandwidth = "2"
        ch.ChannelSampleSkew = "0"
        ch.WaveformBitsStored = bits
        ch.ChannelStatus = "OK"
        chans.append(ch)
    mg.ChannelDefinitionSequence = Sequence(chans)
    mg.WaveformBitsAllocated = bits
    mg.WaveformSampleInterpretation = interp
    if kind == "AUDIO":
        mg.WaveformData = bytes(rng.randint(0, 255) for _ in range(n))
    else:
        t = np.arange(n)
        data = np.zeros((n, len(leads)), dtype=np.int16)
        for c in range(len(leads)):
            data[:, c] = (np.sin(t / 7.0 + c) * 300 + ((t % 120) < 6) * 900 * (1 + c % 3)).astype(np.int16)
        mg.WaveformData = data.tobytes()
    ds.WaveformSequence = Sequence([mg])
    if kind != "AUDIO":
        anns = []
        for i, (concept, val, unit) in enumerate(r["measures"]):
            a = Dataset()
            a.ConceptNameCodeSequence = Sequence([out.code(f"WaveformAnnotationSequence[{i}].ConceptNameCodeSequence[0]",
                                                           code(*concept))])
            a.NumericValue = val
            a.MeasurementUnitsCodeSequence = Sequence([out.code(
                f"WaveformAnnotationSequence[{i}].MeasurementUnitsCodeSequence[0]", code(*unit))])
            a.AnnotationGroupNumber = 1
            a.ReferencedWaveformChannels = [1, 0]
            out.num(f"WaveformAnnotationSequence[{i}].NumericValue", val)
            anns.append(a)
        t = Dataset()
        t.UnformattedTextValue = r["interpretation"]
        t.AnnotationGroupNumber = 2
        t.ReferencedWaveformChannels = [1, 0]
        out.research.append((f"WaveformAnnotationSequence[{len(anns)}].UnformattedTextValue", r["interpretation"]))
        anns.append(t)
        ds.WaveformAnnotationSequence = Sequence(anns)


# -- documents ---------------------------------------------------------------------------------------------------------
def cda(ds, rng, r, out):
    ds.Modality = "DOC"
    ds.ConversionType = "WSD"
    ds.BurnedInAnnotation = "YES"
    ds.DocumentTitle = r["title"]
    out.research.append(("DocumentTitle", r["title"]))
    ds.ConceptNameCodeSequence = Sequence([out.code("ConceptNameCodeSequence[0]", code(*r["doc_code"]))])
    ds.MIMETypeOfEncapsulatedDocument = "text/xml"
    ds.HL7InstanceIdentifier = r["hl7_id"]
    ds.ListOfMIMETypes = ["text/xml"]
    ds.AcquisitionDateTime = ""
    body = r["cda"].encode("utf-8")
    if len(body) % 2:
        body += b" "
    ds.EncapsulatedDocument = body
    ds.EncapsulatedDocumentLength = len(r["cda"].encode("utf-8"))


def sr_item(rel, vt, concept, out, path, **kw):
    it = Dataset()
    it.RelationshipType = rel
    it.ValueType = vt
    it.ConceptNameCodeSequence = Sequence([out.code(path + ".ConceptNameCodeSequence[0]", code(*concept))])
    if vt == "TEXT":
        it.TextValue = kw["text"]
    elif vt == "PNAME":
        it.PersonName = kw["name"]
    elif vt == "DATE":
        it.Date = kw["date"]
    elif vt == "CODE":
        it.ConceptCodeSequence = Sequence([out.code(path + ".ConceptCodeSequence[0]", code(*kw["code"]))])
    elif vt == "NUM":
        mv = Dataset()
        mv.NumericValue = kw["value"]
        mv.MeasurementUnitsCodeSequence = Sequence([out.code(path + ".MeasuredValueSequence[0]"
                                                             ".MeasurementUnitsCodeSequence[0]", code(*kw["unit"]))])
        mv.FloatingPointValue = float(kw["value"])
        it.MeasuredValueSequence = Sequence([mv])
        out.num(path + ".MeasuredValueSequence[0].NumericValue", kw["value"])
    elif vt == "CONTAINER":
        it.ContinuityOfContent = "SEPARATE"
        it.ContentSequence = Sequence(kw.get("children", []))
    return it


def esr(ds, rng, r, out, build_tree):
    """Enhanced SR: the content tree comes from build_tree(out) (gen.py plants PHI in it)."""
    ds.Modality = "SR"
    ds.ValueType = "CONTAINER"
    ds.ContinuityOfContent = "SEPARATE"
    ds.ConceptNameCodeSequence = Sequence([out.code("ConceptNameCodeSequence[0]", code(*r["title_code"]))])
    ds.CompletionFlag = "COMPLETE"
    ds.VerificationFlag = "VERIFIED"
    ds.PerformedProcedureCodeSequence = Sequence([out.code("PerformedProcedureCodeSequence[0]",
                                                           code(*r["procedure"]))])
    ds.ContentTemplateSequence = Sequence([])
    ds.ContentSequence = Sequence(build_tree(out))
    ds.ReferencedPerformedProcedureStepSequence = Sequence([])
    del ds.ContentTemplateSequence


def csps(ds, rng, r, out, annotations):
    """Color Softcopy Presentation State with text objects (gen.py writes the texts)."""
    ds.Modality = "PR"
    ds.ContentLabel = r["label"]
    out.research.append(("ContentLabel", r["label"]))
    ds.PresentationCreationDate = ds.StudyDate
    ds.PresentationCreationTime = "101500"
    ref_series = Dataset()
    ref_series.SeriesInstanceUID = uid("csps-ref-series", ds.StudyInstanceUID)
    img = Dataset()
    img.ReferencedSOPClassUID = "1.2.840.10008.5.1.4.1.1.77.1.4"
    img.ReferencedSOPInstanceUID = uid("csps-ref-img", ds.StudyInstanceUID)
    ref_series.ReferencedImageSequence = Sequence([img])
    ds.ReferencedSeriesSequence = Sequence([ref_series])
    disp = Dataset()
    disp.ReferencedImageSequence = Sequence([img])
    disp.PresentationSizeMode = "SCALE TO FIT"
    disp.DisplayedAreaTopLeftHandCorner = [1, 1]
    disp.DisplayedAreaBottomRightHandCorner = [640, 480]
    disp.PresentationPixelAspectRatio = [1, 1]
    ds.DisplayedAreaSelectionSequence = Sequence([disp])
    layer = Dataset()
    layer.GraphicLayer = "ANNOTATION"
    layer.GraphicLayerOrder = 1
    layer.GraphicLayerDescription = r["layer"]
    out.research.append(("GraphicLayerSequence[0].GraphicLayerDescription", r["layer"]))
    ds.GraphicLayerSequence = Sequence([layer])
    ga = Dataset()
    ga.GraphicLayer = "ANNOTATION"
    ga.ReferencedImageSequence = Sequence([img])
    objs = []
    for i, text in enumerate(annotations):
        t = Dataset()
        t.BoundingBoxAnnotationUnits = "PIXEL"
        t.UnformattedTextValue = text
        t.BoundingBoxTopLeftHandCorner = [20.0, 20.0 + 40 * i]
        t.BoundingBoxBottomRightHandCorner = [400.0, 50.0 + 40 * i]
        t.BoundingBoxTextHorizontalJustification = "LEFT"
        objs.append(t)
    ga.TextObjectSequence = Sequence(objs)
    gr = Dataset()
    gr.GraphicAnnotationUnits = "PIXEL"
    gr.GraphicDimensions = 2
    gr.NumberOfGraphicPoints = 2
    gr.GraphicData = [100.0, 200.0, 180.0, 260.0]
    gr.GraphicType = "POLYLINE"
    gr.GraphicFilled = "N"
    ga.GraphicObjectSequence = Sequence([gr])
    ds.GraphicAnnotationSequence = Sequence([ga])
    ds.ICCProfile = icc_profile()
    ds.Laterality = ""
    for k in ("ContentDate", "ContentTime"):
        if k in ds:
            delattr(ds, k)
    ds.ColorSpace = "SRGB"


def icc_profile():
    """A minimal (header and an empty tag table) display-class RGB ICC profile: Type 1 in Color Softcopy PS."""
    body = bytearray(132)
    struct.pack_into(">I", body, 0, 132)
    body[8:12] = bytes([0x02, 0x10, 0, 0])
    body[12:16] = b"mntr"
    body[16:20] = b"RGB "
    body[20:24] = b"XYZ "
    struct.pack_into(">HHHHHH", body, 24, 2026, 1, 1, 0, 0, 0)
    body[36:40] = b"acsp"
    struct.pack_into(">iii", body, 68, 63190, 65536, 54061)
    struct.pack_into(">I", body, 128, 0)
    return bytes(body)
