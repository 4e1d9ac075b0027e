#!/usr/bin/python3
"""Third held-out header set (issue 8): ~40 DICOM files of IODs the kit's own generators and the second set do not
make (MG, XA, NM, PET, ophthalmic photography, secondary capture, Comprehensive SR, Key Object Selection, Grayscale
Softcopy Presentation State, RT Plan, Encapsulated PDF), in several character sets, with invented PHI planted in
identity attributes, less common attributes, nested sequences, a private block and free text, beside research text,
clinical numbers and codes that must survive. Seeded and deterministic.

``build(seed, out_dir)`` writes ``out_dir/inputs/NN_<iod>.dcm`` and ``out_dir/truth.json`` and returns the per-file
truths. Run alone: ``/usr/bin/python3 gen.py <dir> [--seed N]``.
"""
import datetime
import json
import os
import random
import re
import sys

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileDataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vocab as V  # noqa: E402

ROOT = "1.2.826.0.1.3680043.10.1138."  # an invented root under pydicom's arc, for this set only
SOP = {
    "MG": "1.2.840.10008.5.1.4.1.1.1.2", "XA": "1.2.840.10008.5.1.4.1.1.12.1", "NM": "1.2.840.10008.5.1.4.1.1.20",
    "PT": "1.2.840.10008.5.1.4.1.1.128", "OP": "1.2.840.10008.5.1.4.1.1.77.1.5.1", "SC": "1.2.840.10008.5.1.4.1.1.7",
    "SR": "1.2.840.10008.5.1.4.1.1.88.33", "KO": "1.2.840.10008.5.1.4.1.1.88.59", "PR": "1.2.840.10008.5.1.4.1.1.11.1",
    "RT": "1.2.840.10008.5.1.4.1.1.481.5", "DOC": "1.2.840.10008.5.1.4.1.1.104.1",
}
# the set: (IOD, character set) for each file, in order
PLAN = [
    ("MG", "ISO_IR 100"), ("XA", "ISO_IR 192"), ("NM", ""), ("PT", "ISO_IR 144"), ("OP", "ISO_IR 100"),
    ("SC", "ISO_IR 126"), ("SR", "ISO_IR 192"), ("KO", "ISO_IR 100"), ("PR", "ISO_IR 192"), ("RT", "ISO_IR 100"),
    ("DOC", "ISO_IR 192"), ("MG", "ISO_IR 192"), ("XA", "ISO 2022 IR 87"), ("NM", "ISO_IR 126"), ("PT", "ISO_IR 100"),
    ("OP", "ISO_IR 192"), ("SC", "ISO_IR 144"), ("SR", "ISO_IR 100"), ("KO", "ISO_IR 192"), ("PR", ""),
    ("RT", "ISO_IR 192"), ("MG", "ISO_IR 144"), ("XA", "ISO_IR 100"), ("NM", "ISO_IR 192"), ("PT", "ISO_IR 192"),
    ("SC", "ISO 2022 IR 87"), ("SR", "ISO_IR 126"), ("SR", "ISO_IR 192"), ("KO", ""), ("PR", "ISO_IR 100"),
    ("RT", "ISO_IR 144"), ("DOC", "ISO_IR 100"), ("MG", ""), ("XA", "ISO_IR 192"), ("NM", "ISO_IR 100"),
    ("PT", "ISO_IR 126"), ("SC", "ISO_IR 192"), ("SR", "ISO_IR 144"), ("OP", ""), ("MG", "ISO_IR 192"),
]
ENCODING = {"": "ascii", "ISO_IR 100": "latin-1", "ISO_IR 192": "utf-8", "ISO_IR 144": "iso8859-5",
            "ISO_IR 126": "iso8859-7", "ISO 2022 IR 87": "ascii"}
LIMIT = {"LO": 64, "SH": 16, "ST": 1024, "LT": 10240, "UT": 100000, "PN": 64}


def digits(s):
    return re.sub(r"\D", "", s)


def name_forms(*words):
    """A leak of a name is any of its words (hyphenated parts too) of 3 letters or more."""
    out = []
    for w in words:
        for part in re.split(r"[\s\-]+", w or ""):
            part = part.strip(".,")
            if len(part) >= 3 and ("alpha", part) not in out:
                out.append(("alpha", part))
    return out


class File:
    """One file being made: its dataset and what the truth says about it."""

    def __init__(self, index, iod, charset, rng):
        self.index, self.iod, self.charset, self.rng = index, iod, charset, rng
        self.phi, self.keep, self.codes = [], [], []
        self.ds = Dataset()
        self.enc = ENCODING[charset]

    def ok(self, text):
        try:
            text.encode(self.enc)
            return True
        except UnicodeEncodeError:
            return False

    def pick(self, items, key=lambda x: x if isinstance(x, str) else x[0]):
        """A random item whose text the file's character set can hold."""
        fit = [x for x in items if self.ok(key(x))]
        return self.rng.choice(fit)

    def plant(self, path, kind, text, forms):
        self.phi.append({"path": path, "kind": kind, "text": str(text), "forms": forms})

    def keep_words(self, path, text, role="desc"):
        for tok in text.split():
            tok = tok.strip(",;:()'\"")
            if re.search(r"[A-Za-z0-9]", tok):
                self.keep.append({"path": path, "word": tok, "role": role})

    def code(self, path, scheme, value, meaning):
        item = Dataset()
        item.CodeValue, item.CodingSchemeDesignator, item.CodeMeaning = value, scheme, meaning
        self.codes.append({"path": path, "value": value, "meaning": meaning})
        return item


# -- PHI fragments ------------------------------------------------------------------------------------------------
def frag_age_old(f):
    """The patient's age when over 89, else a relative's (Safe Harbor covers both)."""
    own = f.age > 89
    t = f.rng.choice(V.OLD_AGES + (V.OLD_AGES_OF[f.ds.PatientSex] + V.PATIENT_AGES if own else []))
    n = f.age if own else f.rng.randint(90, 99)
    if "{w}" in t and n > 99:
        t = "{n} years of age"
    text = t.format(n=n, w=V.age_words(n), o=V.ordinal(n))
    if f.age > 89:
        frame = f.rng.choice(["{x}.", "{x}, lives alone.", "Hx: {x} with recurrent falls.", "{x} - consented.",
                              "Referred from care home, {x}.", "{x}; frail, on 2L O2."])
    else:
        frame = f.rng.choice(["Main carer for {rel} ({x}).", "Lives with {rel}, {x}.", "Accompanied {rel} ({x})."])
    rel = f.rng.choice(["mother", "father", "an aunt", "an uncle"] + (["husband"] if f.ds.PatientSex == "F" else
                                                                      ["wife"]))
    return frame.format(x=text, rel=rel).replace("..", "."), [("age", text, [("age", str(n))])]


def frag_age_young(f):
    n = f.rng.randint(34, 89)
    text = f.rng.choice(V.YOUNG_AGES).format(n=n)
    if f.age <= 89 and f.rng.random() < 0.5:
        n = f.age
        return f.rng.choice(["Pt {n}yo.", "Age {n}.", "{n}-year-old."]).format(n=n), [], [{"word": str(n), "role": "age"}]
    frame = f.rng.choice(["{Rel}, {x}, drove pt in.", "{Rel} ({x}) waited outside.", "FHx: {rel} colon ca at {n}."])
    rel = f.rng.choice(V.RELATIONS)
    text = frame.format(x=text, rel=rel, Rel=rel.capitalize(), n=n)
    return text, [], [{"word": str(n), "role": "age"}]


def frag_address(f):
    text, forms = f.pick(V.ADDRESSES)
    frame = f.rng.choice(["Lives at {x}.", "Home address {x}.", "Transport back to {x} after scan.",
                          "Mail CD to {x}.", "Temporary address: {x}."])
    return frame.format(x=text), [("address", text, forms)]


def phone_forms(p):
    d = digits(p)
    return [("digits_tail", d[-7:])]


def frag_phone(f):
    p = f.rng.choice(V.PHONES)
    g, fam = f.rng.choice(V.OTHERS)
    rel = f.rng.choice(V.RELATIONS)
    frame = f.rng.choice(["Contact {rel} on {p}.", "Call back on {p} if delayed.", "tel. {p}", "mobile {p}",
                          "Pt's cell: {p}", "Best number {p} (evenings)."])
    return frame.format(rel=rel, p=p), [("phone", p, phone_forms(p))]


def frag_fax(f):
    p = f.rng.choice(V.PHONES)
    frame = f.rng.choice(["Fax report to {p}.", "fax: {p}", "Results by fax {p}, attn GP."])
    return frame.format(p=p), [("fax", p, phone_forms(p))]


def frag_email(f):
    e = f.rng.choice(V.EMAILS)
    frame = f.rng.choice(["Prefers e-mail: {e}.", "Send images link to {e}", "email {e}"])
    local = e.split("@")[0]
    return frame.format(e=e), [("email", e, [("alpha", local)])]


def frag_url(f):
    u, parts = f.rng.choice(V.URLS)
    frame = f.rng.choice(["Outside images at {u}", "Portal link {u} sent to pt.", "See {u} for prior."])
    forms = [("alpha", parts[0])] + [("alnum", digits(p) if p.isdigit() else re.sub(r"\W", "", p)) for p in parts[1:]]
    return frame.format(u=u), [("url", u, forms)]


def frag_ip(f):
    ip = f.rng.choice(V.IPS)
    frame = f.rng.choice(["Sent from workstation {ip}.", "DICOM push from {ip}:104.", "Modality at {ip}, resend."])
    return frame.format(ip=ip), [("ip", ip, [("digits", digits(ip))])]


def frag_id(f):
    text, forms = f.rng.choice(V.IDS)
    frame = f.rng.choice(["{x}.", "Ref {x}.", "({x})", "Billing: {x}.", "Registered under {x}."])
    return frame.format(x=text), [("id", text, forms)]


def make_date(f):
    y, m, d = f.rng.randint(2004, 2024), f.rng.randint(1, 12), f.rng.randint(13, 28)
    lay = f.rng.choice(V.DATE_LAYOUTS)
    text = lay.format(d=d, dd=f"{d:02d}", mm=f"{m:02d}", y=y, yy=f"{y % 100:02d}", M=V.MONTHS[m - 1],
                      Mon=V.MONTHS[m - 1][:3], o=V.ordinal(d))
    if "{M}" in lay or "{Mon}" in lay:
        forms = [("daymonth", f"{d}-{m}")]
    elif lay.startswith("{y}"):
        forms = [("digits_tail", f"{m:02d}{d:02d}")]
    elif lay.startswith("{dd}"):
        forms = [("digits_head", f"{d:02d}{m:02d}")]
    else:
        forms = [("digits_head", f"{m:02d}{d:02d}")]
    return text, forms


def frag_date(f):
    text, forms = make_date(f)
    frame = f.rng.choice(["Previous CT {x}.", "Fall at home on {x}.", "Last colonoscopy {x}, benign.",
                          "Cholecystectomy {x}.", "Seen in clinic {x}.", "Symptoms since {x}."])
    return frame.format(x=text), [("date", text, forms)]


def frag_kin(f):
    g, fam = f.rng.choice(V.OTHERS)
    rel = f.rng.choice(V.RELATIONS_OF["F" if g in V.FEMALE else "M"])
    text = f.rng.choice(V.KIN_CUES).format(rel=rel, g=g, f=fam)
    return text[0].upper() + text[1:] + ".", [("name-kin", text, name_forms(g, fam))]


def frag_staff(f):
    g, fam = f.rng.choice(V.OTHERS)
    text = f.rng.choice(V.STAFF_CUES).format(g=g, f=fam)
    forms = name_forms(*(w for w in (g, fam) if w in text))
    return text[0].upper() + text[1:] + ".", [("name-staff", text, forms)]


def frag_ptname(f):
    fam, given = f.person_latin
    forms_of = {
        "{F}, {G}": (fam, given), "{G} {F}": (fam, given), "{T} {F}": (fam,), "{g}. {F}": (fam,),
        "{FU} {GU}": (fam, given), "{T} {G} {F}": (fam, given), "{F} {g}": (fam,),
    }
    lay = f.rng.choice(sorted(forms_of))
    title = "Mrs" if f.ds.PatientSex == "F" else "Mr"
    text = lay.format(F=fam, G=given, g=given[0], FU=fam.upper(), GU=given.upper(), T=title)
    frame = f.rng.choice(["ID band checked: {x}.", "{x} arrived 40 min late.", "{x} identity confirmed verbally.",
                          "Pt ({x}) asked for a copy."])
    return frame.format(x=text), [("name-patient", text, name_forms(*forms_of[lay]))]


FRAGS = {"age": frag_age_old, "address": frag_address, "phone": frag_phone, "fax": frag_fax, "email": frag_email,
         "url": frag_url, "ip": frag_ip, "id": frag_id, "date": frag_date, "kin": frag_kin, "staff": frag_staff,
         "ptname": frag_ptname}


def note(f, path, kinds, vr="LT", clinical=True, young=None, number=None):
    """Free text: clinical sentences and numbers to keep around PHI fragments of the given kinds, in random order."""
    for _ in range(40):
        parts, planted, keeps = [], [], []
        if clinical:
            s = f.rng.choice(V.NOTE_SENTENCES)
            parts.append(s)
            keeps += [{"word": w, "role": "note"} for w in V.words(s)]
        if number if number is not None else f.rng.random() < 0.6:
            s, nums = f.rng.choice(V.CLIN_NUMS)
            parts.append(s + ".")
            keeps += [{"word": n, "role": "num"} for n in nums]
        if young if young is not None else f.rng.random() < 0.25:
            s, _, k = frag_age_young(f)
            parts.append(s)
            keeps += k
        for kind in kinds:
            s, p = FRAGS[kind](f)
            parts.append(s)
            planted += p
        f.rng.shuffle(parts)
        text = " ".join(parts)
        if len(text) <= LIMIT[vr] and f.ok(text) and not clash(planted, keeps):
            break
    else:
        raise RuntimeError(f"no note fits {path}")
    for kind, t, forms in planted:
        f.plant(path, kind, t, forms)
    for k in keeps:
        f.keep.append({"path": path, **k})
    return text


def clash(planted, keeps):
    """A kept number that a planted age or ID would be read in (the truth must be unambiguous)."""
    ages = {form for _, _, forms in planted for t, form in forms if t == "age"}
    nums = " ".join(k["word"] for k in keeps)
    return any(re.search(rf"(?<![\d.]){a}(?![\d.])", nums) for a in ages)


def short(f, path, kinds, vr="LO"):
    """A short free-text value (LO/SH) of PHI fragments only."""
    return note(f, path, kinds, vr=vr, clinical=False, young=False, number=False)


# -- common modules ----------------------------------------------------------------------------------------------
def uid(f, n):
    return f"{ROOT}{f.seed}.{f.index}.{n}"


def da(d):
    return d.strftime("%Y%m%d")


def person(f):
    cs = f.charset
    if cs == "ISO_IR 144":
        fam, given, mid = f.rng.choice(V.CYRILLIC_PEOPLE)
    elif cs == "ISO_IR 126":
        fam, given, mid = f.rng.choice(V.GREEK_PEOPLE)
    elif cs in ("ISO_IR 100", "ISO_IR 192") and f.rng.random() < 0.4:
        fam, given, mid = f.rng.choice(V.ACCENTED_PEOPLE)
    else:
        fam, given, mid = f.rng.choice(V.LATIN_PEOPLE)
    # free text names the patient in Latin letters (an alias or transliteration, as registrars write it)
    lat = f.rng.choice(V.LATIN_PEOPLE)
    f.person_latin = (fam, given)
    return fam, given, mid


def patient(f):
    ds, rng = f.ds, f.rng
    if f.charset == "ISO 2022 IR 87":
        (fa, ga), (fi, gi), (fp, gp) = rng.choice(V.JAPANESE_PEOPLE)
        ds.PatientName = f"{fa}^{ga}={fi}^{gi}"  # with the phonetic group dciodvfy finds it over 64 bytes
        f.plant("PatientName", "name-patient", ds.PatientName, name_forms(fa, ga, fi, gi))
        f.person_latin = (fa, ga)
    else:
        fam, given, mid = person(f)
        ds.PatientName = "^".join(x for x in (fam, given, mid) if x)
        f.plant("PatientName", "name-patient", str(ds.PatientName), name_forms(fam, given, mid))
    pid = rng.choice(["{}{:07d}", "KV{}-{:05d}", "{}{:06d}X"]).format(rng.randint(1, 9), rng.randint(0, 9999999) % 99999)
    ds.PatientID = pid
    f.plant("PatientID", "id", pid, [("alnum", re.sub(r"\W", "", pid))])
    ds.IssuerOfPatientID = rng.choice(["HOLLOWAY REGIONAL", "FERNHILL ORTHO", "QUARRY MED GRP"])
    age = rng.choice([rng.randint(91, 102), rng.randint(41, 86)])
    f.age = age
    birth = datetime.date(2025 - age, rng.randint(1, 12), rng.randint(1, 28))
    ds.PatientBirthDate = da(birth)
    f.plant("PatientBirthDate", "date", ds.PatientBirthDate, [("digits", ds.PatientBirthDate)])
    ds.PatientSex = "F" if f.person_latin[1] in V.FEMALE else "M"
    f.study_date = datetime.date(2025, rng.randint(1, 11), rng.randint(1, 28))
    ds.PatientAge = f"{min(age, 999):03d}Y"
    if age > 89:
        f.plant("PatientAge", "age", ds.PatientAge, [("age", str(age))])
    # less common identity attributes
    other = Dataset()
    oid = f"{rng.randint(10, 99)}-{rng.randint(100000, 999999)}"
    other.PatientID, other.IssuerOfPatientID, other.TypeOfPatientID = oid, "ST ALDWYN TRUST", "TEXT"
    ds.OtherPatientIDsSequence = Sequence([other])
    f.plant("OtherPatientIDsSequence[0].PatientID", "id", oid, [("digits", digits(oid))])
    if rng.random() < 0.6:
        g, fam = rng.choice(V.MOTHERS)
        if f.ok(fam):
            ds.PatientMotherBirthName = f"{fam}^{g}"
            f.plant("PatientMotherBirthName", "name-kin", ds.PatientMotherBirthName, name_forms(g, fam))
    if rng.random() < 0.5:
        g, fam = rng.choice(V.OTHERS)
        ds.ResponsiblePerson = f"{fam}^{g}"
        ds.ResponsiblePersonRole = rng.choice(["CHILD", "SPOUSE", "GUARDIAN", "RELATIVE"])
        f.plant("ResponsiblePerson", "name-kin", ds.ResponsiblePerson, name_forms(g, fam))
    if rng.random() < 0.4:
        ds.MilitaryRank = rng.choice(["Lance Corporal (ret.)", "Petty Officer 2nd Class", "Wing Commander"])
        ds.BranchOfService = rng.choice(["Royal Navy", "US Army Reserve", "RAAF"])
        f.plant("MilitaryRank", "profile-attr", ds.MilitaryRank, [("alpha", ds.MilitaryRank)])
        f.plant("BranchOfService", "profile-attr", ds.BranchOfService, [("alpha", ds.BranchOfService)])
    if rng.random() < 0.5:
        ds.Occupation = rng.choice(["Farrier", "Retired miner", "Harbour pilot", "Glassblower", "Organist"])
        f.plant("Occupation", "profile-attr", ds.Occupation, [("alpha", ds.Occupation)])
    if rng.random() < 0.5:
        num = rng.choice(["{}-{}", "{}{}", "{}/{}"]).format(rng.randint(10, 99), rng.randint(1000, 9999))
        loc = rng.choice(["HIM vault 3, vol {}", "Offsite box {}", "Microfiche reel {}"]).format(num)
        ds.MedicalRecordLocator = loc
        f.plant("MedicalRecordLocator", "id", loc, [("digits", digits(num))])
    if rng.random() < 0.6:
        text, forms = f.pick(V.ADDRESSES)
        if len(text) <= 64:
            ds.PatientAddress = text
            f.plant("PatientAddress", "address", text, forms)
    if rng.random() < 0.6:
        p = rng.choice(V.PHONES)
        if len(p) <= 16:
            ds.PatientTelephoneNumbers = p
            f.plant("PatientTelephoneNumbers", "phone", p, phone_forms(p))
    ds.PatientComments = note(f, "PatientComments", rng.sample(["age", "address", "kin", "email", "id", "date",
                                                                  "ptname"], 3))
    ds.AdditionalPatientHistory = note(f, "AdditionalPatientHistory",
                                       rng.sample(["age", "date", "staff", "phone", "kin", "url"], 2))
    if rng.random() < 0.5:
        ds.VisitComments = note(f, "VisitComments", rng.sample(["phone", "fax", "staff", "ip", "kin"], 2))
    if rng.random() < 0.5:
        photo = Dataset()
        photo.TypeOfInstances = "DICOM"
        photo.StudyInstanceUID, photo.SeriesInstanceUID = uid(f, 91), uid(f, 92)
        ref = Dataset()
        ref.ReferencedSOPClassUID, ref.ReferencedSOPInstanceUID = SOP["SC"], uid(f, 93)
        ref.HL7InstanceIdentifier = f"{uid(f, 94)}^ISO"  # dciodvfy asks for it (its 1C condition misread)
        photo.ReferencedSOPSequence = Sequence([ref])
        u = f"https://photos.holloway-regional.org/wado/{digits(pid) or '0'}"
        wado = Dataset()
        wado.RetrieveURL = u
        photo.WADORSRetrievalSequence = Sequence([wado])
        ds.ReferencedPatientPhotoSequence = Sequence([photo])
        f.plant("ReferencedPatientPhotoSequence[0].WADORSRetrievalSequence[0].RetrieveURL", "url", u,
                [("alpha", "photos.holloway-regional.org")])


def staff_pn(f, path, kind="name-staff"):
    g, fam = f.rng.choice(V.OTHERS)
    f.plant(path, kind, f"{fam}^{g}", name_forms(g, fam))
    return f"{fam}^{g}"


def study(f):
    ds, rng, d = f.ds, f.rng, DESC(f)
    ds.StudyInstanceUID = uid(f, 1)
    ds.StudyDate, ds.StudyTime = da(f.study_date), f"{rng.randint(7, 19):02d}{rng.randint(0, 59):02d}00"
    ds.ReferringPhysicianName = staff_pn(f, "ReferringPhysicianName")
    ds.StudyID = f"S{rng.randint(100, 999)}"
    acc = f"{rng.choice(['HR', 'QM', 'A'])}{rng.randint(10000000, 99999999)}"[:16]
    ds.AccessionNumber = acc
    f.plant("AccessionNumber", "id", acc, [("alnum", acc)])
    desc = rng.choice(d["study"])
    if rng.random() < 0.4:  # PHI typed into a research description
        nm, ph = rng.choice([(f.person_latin[0], rng.choice(V.PHONES)), (f.person_latin[0].upper(), None),
                             (None, rng.choice(V.PHONES))])
        extra = {(True, True): "{n} {p}", (True, False): "pt {n}", (False, True): "call {p}"}[(bool(nm), bool(ph))]
        full = f"{desc} " + extra.format(n=nm, p=ph)
        if len(full) <= 64 and f.ok(full):
            ds.StudyDescription = full
            f.keep_words("StudyDescription", desc)
            if nm:
                f.plant("StudyDescription", "name-patient", nm, name_forms(nm))
            if ph:
                f.plant("StudyDescription", "phone", ph, phone_forms(ph))
            desc = None
    if desc:
        ds.StudyDescription = desc
        f.keep_words("StudyDescription", desc)
    if rng.random() < 0.7:
        ds.NameOfPhysiciansReadingStudy = staff_pn(f, "NameOfPhysiciansReadingStudy")
    ds.ProcedureCodeSequence = Sequence([f.code("ProcedureCodeSequence[0]", *PROC_ARGS(f.iod))])
    reason = rng.choice(d["reason"])
    ds.ReasonForTheRequestedProcedure = reason
    f.keep_words("ReasonForTheRequestedProcedure", reason)
    f.reason_text = reason
    # clinical trial attributes without identity
    if rng.random() < 0.5:
        ds.ClinicalTrialSponsorName = rng.choice(["Northbridge Oncology Group", "EURO-DBT Consortium"])
        ds.ClinicalTrialProtocolID = rng.choice(["NOG-2291", "EDBT-07"])
        ds.ClinicalTrialProtocolName = rng.choice(["Low dose versus standard CT follow up",
                                                   "Tomosynthesis in dense breasts"])
        ds.ClinicalTrialSiteID = f"{rng.randint(1, 40):03d}"
        ds.ClinicalTrialSiteName = "Site 12 Radiology"
        ds.ClinicalTrialSubjectID = f"{rng.randint(1, 400):04d}"
        ds.ClinicalTrialTimePointID = rng.choice(["BL", "M6", "M12"])
        ds.ClinicalTrialTimePointDescription = rng.choice(["Baseline", "6 month follow up", "Week 12 restaging"])
        for k in ("ClinicalTrialSponsorName", "ClinicalTrialProtocolID", "ClinicalTrialProtocolName",
                  "ClinicalTrialTimePointDescription"):
            f.keep_words(k, getattr(ds, k))


def series(f, modality):
    ds, rng, d = f.ds, f.rng, DESC(f)
    ds.Modality = modality
    ds.SeriesInstanceUID = uid(f, 2)
    ds.SeriesNumber = rng.choice([1, 2, 3, 501, 6001])
    for kw, key in (("SeriesDescription", "series"), ("ProtocolName", "protocol"),
                    ("BodyPartExamined", "body"), ("PerformedProcedureStepDescription", "pps")):
        v = rng.choice(d[key])
        if v:
            setattr(ds, kw, v)
            f.keep_words(kw, v)
    if ds.get("BodyPartExamined") in PAIRED:
        ds.Laterality = rng.choice(["L", "R"])
    ds.OperatorsName = staff_pn(f, "OperatorsName")
    if rng.random() < 0.5:
        ds.PerformingPhysicianName = staff_pn(f, "PerformingPhysicianName")
    ds.PerformedProcedureStepStartDate, ds.PerformedProcedureStepStartTime = ds.StudyDate, ds.StudyTime
    ds.PerformedProcedureStepID = f"PPS{rng.randint(1000, 9999)}"
    if rng.random() < 0.5:
        ds.CommentsOnThePerformedProcedureStep = note(f, "CommentsOnThePerformedProcedureStep",
                                                      rng.sample(["staff", "ip", "phone"], 1), vr="ST")
    req = Dataset()
    req.RequestedProcedureID = f"RP{rng.randint(100000, 999999)}"
    req.ScheduledProcedureStepID = f"SPS{rng.randint(1000, 9999)}"
    req.ScheduledProcedureStepDescription = short(f, "RequestAttributesSequence[0].ScheduledProcedureStepDescription",
                                                  [rng.choice(["phone", "kin", "staff"])])
    req.CommentsOnTheScheduledProcedureStep = note(
        f, "RequestAttributesSequence[0].CommentsOnTheScheduledProcedureStep",
        rng.sample(["age", "address", "phone", "kin", "date", "id", "email"], 2))
    req.ReasonForTheRequestedProcedure = f.reason_text
    f.keep_words("RequestAttributesSequence[0].ReasonForTheRequestedProcedure", f.reason_text)
    ds.RequestAttributesSequence = Sequence([req])


def equipment(f):
    ds, rng = f.ds, f.rng
    ds.Manufacturer = rng.choice(["Halcyon Imaging", "NordRay Medical", "Vireo Systems"])
    ds.ManufacturerModelName = rng.choice(["Aster 3", "Lumen DX 500", "Corvid S"])
    ds.InstitutionName = rng.choice(["Holloway Regional Hospital", "Fernhill Orthopaedic Centre"])
    ds.StationName = rng.choice(["MAMMO2", "CATHLAB1", "NM-DUAL", "PETCT01", "RTPLAN3"])
    ds.DeviceSerialNumber = f"{rng.choice(['SN', 'HX'])}{rng.randint(100000, 999999)}"
    f.plant("DeviceSerialNumber", "id", ds.DeviceSerialNumber, [("alnum", ds.DeviceSerialNumber)])
    ds.SoftwareVersions = rng.choice(["VB20A", "4.2.11", "R3.1 SP2"])


def general_image(f, comments=True):
    ds, rng = f.ds, f.rng
    ds.InstanceNumber = rng.randint(1, 40)
    ds.ContentDate, ds.ContentTime = ds.StudyDate, ds.StudyTime
    if comments:
        ds.ImageComments = note(f, "ImageComments", rng.sample(["staff", "phone", "age", "id", "date", "ptname",
                                                                 "url", "fax"], 2), number=True)
    if rng.random() < 0.5:
        ds.DerivationDescription = note(f, "DerivationDescription", [rng.choice(["staff", "ip", "date"])],
                                        vr="ST", clinical=False)
    d = DESC(f)["contrast"]
    c = rng.choice(d)
    if c:
        ds.ContrastBolusAgent = c
        f.keep_words("ContrastBolusAgent", c)
    acq = rng.choice(V.ACQ_TEXT[f.iod])
    ds.AcquisitionDeviceProcessingDescription = acq
    f.keep_words("AcquisitionDeviceProcessingDescription", acq)


def pixels(f, rows=32, cols=32, bits=16, frames=1, photometric="MONOCHROME2", samples=1, stored=None):
    ds = f.ds
    ds.SamplesPerPixel, ds.PhotometricInterpretation = samples, photometric
    ds.Rows, ds.Columns = rows, cols
    stored = stored or (12 if bits == 16 else 8)
    ds.BitsAllocated, ds.BitsStored, ds.HighBit = bits, stored, stored - 1
    ds.PixelRepresentation = 0
    if samples > 1:
        ds.PlanarConfiguration = 0
    rng = np.random.default_rng(f.index)
    dtype = np.uint16 if bits == 16 else np.uint8
    hi = 4096 if bits == 16 else 256
    arr = rng.integers(0, hi, size=(frames, rows, cols, samples), dtype=np.int64).astype(dtype)
    ds.PixelData = arr.tobytes()


def private_block(f):
    ds, rng = f.ds, f.rng
    creator = rng.choice(["HOLLOWAY RIS 2.1", "QUARRY PACS EXPORT"])
    block = ds.private_block(0x0031, creator, create=True)
    fam, given = f.person_latin
    block.add_new(0x10, "LO", f"{fam.upper()}, {given.upper()}")
    f.plant(f"(0031,'{creator}',10)", "name-patient", f"{fam.upper()}, {given.upper()}", name_forms(fam, given))
    pid = f"{rng.randint(100, 999)}-{rng.randint(10000, 99999)}"
    block.add_new(0x11, "SH", pid)
    f.plant(f"(0031,'{creator}',11)", "id", pid, [("digits", digits(pid))])
    txt = note(f, f"(0031,'{creator}',12)", rng.sample(["phone", "address", "kin", "age", "email"], 2))
    block.add_new(0x12, "LT", txt)
    # PS3.15 removes private attributes by default: what a note here holds beside PHI is for information only
    f.keep = [k for k in f.keep if not (k["path"].startswith("(0031,") and k["role"] == "age")]
    for k in f.keep:
        if k["path"].startswith("(0031,"):
            k["role"] = "note"


PAIRED = {"KNEE", "KIDNEY", "LEG", "HAND"}  # MG and OP carry Image Laterality instead


def DESC(f):
    return V.DESC[f.iod]


PROC = {
    "MG": ("24606-6", "LN", "MG Breast Screening"), "XA": ("36760-7", "LN", "XA Heart Coronary arteries"),
    "NM": ("39863-4", "LN", "NM Bones Whole body"), "PT": ("44139-4", "LN", "PET whole body"),
    "OP": ("OPH-FUN", "99V3HDR", "Fundus photography"), "SC": ("SC-3D", "99V3HDR", "3D post processing"),
    "SR": ("18748-4", "LN", "Diagnostic imaging study"), "KO": ("24725-4", "LN", "CT Head"),
    "PR": ("24558-9", "LN", "MR Brain WO and W contrast IV"), "RT": ("77469004", "SCT", "Teleradiotherapy"),
    "DOC": ("11488-4", "LN", "Consult note"),
}


def PROC_ARGS(iod):
    v, s, m = PROC[iod]
    return s, v, m


# -- IODs ------------------------------------------------------------------------------------------------------
def anatomy(f, scheme, value, meaning, kw="AnatomicRegionSequence"):
    f.ds[kw] = pydicom.DataElement(pydicom.datadict.tag_for_keyword(kw), "SQ",
                                   Sequence([f.code(f"{kw}[0]", scheme, value, meaning)]))


def iod_mg(f):
    ds, rng = f.ds, f.rng
    series(f, "MG")
    equipment(f)
    general_image(f)
    lat = rng.choice(["L", "R"])
    view = rng.choice([("399162004", "cranio-caudal"), ("399368009", "medio-lateral oblique")])
    ds.ImageType = ["ORIGINAL", "PRIMARY", ""]
    ds.PresentationIntentType = "FOR PRESENTATION"
    ds.ImageLaterality = lat
    ds.PatientOrientation = ["A", "R" if lat == "L" else "L"] if view[0] == "399162004" else ["A", "FR"]
    pixels(f, 48, 32)
    ds.PixelIntensityRelationship, ds.PixelIntensityRelationshipSign = "LOG", 1
    ds.RescaleIntercept, ds.RescaleSlope, ds.RescaleType = 0, 1, "US"
    ds.PresentationLUTShape = "IDENTITY"
    ds.LossyImageCompression = "00"
    ds.BurnedInAnnotation = "NO"
    ds.WindowCenter, ds.WindowWidth = 2048, 4096
    ds.DetectorType = "DIRECT"
    ds.ImagerPixelSpacing = [0.085, 0.085]
    ds.PixelSpacing = [0.085, 0.085]
    ds.PositionerType = "MAMMOGRAPHIC"
    ds.DistanceSourceToDetector, ds.DistanceSourceToPatient = 660, 620
    ds.EstimatedRadiographicMagnificationFactor = 1.06
    ds.PositionerPrimaryAngle = 0 if view[0] == "399162004" else 45
    ds.OrganExposed = "BREAST"
    ds.BodyPartThickness, ds.CompressionForce = 52, 98
    ds.KVP, ds.Exposure = 28, 63
    ds.AnodeTargetMaterial, ds.FilterMaterial = "TUNGSTEN", "RHODIUM"
    ds.BreastImplantPresent = "NO"
    ds.PartialView = "NO"
    ds.AcquisitionContextSequence = Sequence([])
    anatomy(f, "SCT", "80248007" if lat == "L" else "73056007", "Left breast" if lat == "L" else "Right breast")
    vc = f.code("ViewCodeSequence[0]", "SCT", *view)
    vc.ViewModifierCodeSequence = Sequence([])
    ds.ViewCodeSequence = Sequence([vc])
    ds.AcquisitionDate, ds.AcquisitionTime = ds.StudyDate, ds.StudyTime


def iod_xa(f):
    ds, rng = f.ds, f.rng
    series(f, "XA")
    equipment(f)
    general_image(f)
    ds.ImageType = ["ORIGINAL", "PRIMARY", "SINGLE PLANE"]
    pixels(f, 32, 32, bits=8)
    ds.PixelIntensityRelationship = "LIN"
    ds.LossyImageCompression = "00"
    ds.KVP, ds.RadiationSetting = 82, "GR"
    ds.XRayTubeCurrent, ds.ExposureTime = 640, 6
    ds.PositionerMotion = "STATIC"
    ds.PositionerPrimaryAngle, ds.PositionerSecondaryAngle = rng.choice([30, -20, 0]), rng.choice([25, -30, 0])
    ds.IntensifierSize = 300
    ds.AcquisitionDate, ds.AcquisitionTime = ds.StudyDate, ds.StudyTime
    ds.PatientOrientation = ""
    if rng.random() < 0.6:
        ds.FrameComments = note(f, "FrameComments", [rng.choice(["staff", "id", "date", "ip"])], clinical=False)


def iod_nm(f):
    ds, rng = f.ds, f.rng
    series(f, "NM")
    equipment(f)
    general_image(f)
    ds.ImageType = ["ORIGINAL", "PRIMARY", "STATIC", "EMISSION"]
    pixels(f, 32, 32, frames=2, stored=16)
    ds.ActualFrameDuration, ds.CountsAccumulated = 300000, 812000
    ds.NumberOfFrames = 2
    ds.FrameIncrementPointer = [0x00540010, 0x00540020]
    ds.EnergyWindowVector, ds.NumberOfEnergyWindows = [1, 1], 1
    ds.DetectorVector, ds.NumberOfDetectors = [1, 2], 2
    ds.PixelSpacing = [4.42, 4.42]
    ds.PatientOrientation = ""
    ew = Dataset()
    rng_ = Dataset()
    rng_.EnergyWindowLowerLimit, rng_.EnergyWindowUpperLimit = 126, 154
    ew.EnergyWindowRangeSequence = Sequence([rng_])
    ew.EnergyWindowName = "Tc99m"
    ds.EnergyWindowInformationSequence = Sequence([ew])
    rp = Dataset()
    rp.RadionuclideCodeSequence = Sequence([f.code("RadiopharmaceuticalInformationSequence[0].RadionuclideCodeSequence[0]",
                                                   "SCT", "44588005", "Technetium^99m^")])
    rp.RadiopharmaceuticalRoute = "IV"
    rp.RadiopharmaceuticalVolume = 2.1
    rp.RadionuclideTotalDose = 740
    rp.Radiopharmaceutical = "Tc99m MDP"
    f.keep_words("RadiopharmaceuticalInformationSequence[0].Radiopharmaceutical", "Tc99m MDP")
    ds.RadiopharmaceuticalInformationSequence = Sequence([rp])
    dets = []
    for i in range(2):
        det = Dataset()
        det.FieldOfViewShape, det.FieldOfViewDimensions = "RECTANGLE", [540, 400]
        det.CollimatorType = "PARA"
        det.CollimatorGridName = "LEHR"
        det.ImagePositionPatient, det.ImageOrientationPatient = None, None
        det.ViewCodeSequence = Sequence([f.code(f"DetectorInformationSequence[{i}].ViewCodeSequence[0]", "SCT",
                                                *(("399067008", "lateral") if i else ("399348003", "oblique")))])
        det.ViewCodeSequence[0].ViewModifierCodeSequence = Sequence([])
        dets.append(det)
    ds.DetectorInformationSequence = Sequence(dets)
    po = Dataset()
    po.CodeValue, po.CodingSchemeDesignator, po.CodeMeaning = "F-10450", "99SDM", "recumbent"
    po.PatientOrientationModifierCodeSequence = Sequence([])
    ds.PatientOrientationCodeSequence = Sequence([po])
    ds.PatientGantryRelationshipCodeSequence = Sequence([])
    if rng.random() < 0.7:
        ds.FrameComments = note(f, "FrameComments", [rng.choice(["staff", "date", "phone"])], clinical=False)


def iod_pt(f):
    ds, rng = f.ds, f.rng
    series(f, "PT")
    equipment(f)
    general_image(f)
    ds.ImageType = ["ORIGINAL", "PRIMARY"]
    pixels(f, 32, 32, stored=16)
    ds.CollimatorType = "NONE"
    ds.SeriesDate, ds.SeriesTime = ds.StudyDate, ds.StudyTime
    ds.Units, ds.CountsSource, ds.SeriesType = "BQML", "EMISSION", ["WHOLE BODY", "IMAGE"]
    ds.CorrectedImage = ["DECY", "ATTN", "SCAT", "RAN"]
    ds.RandomsCorrectionMethod, ds.DecayCorrection = "DLYD", "START"
    ds.AttenuationCorrectionMethod = "CT-derived mu-map"
    ds.ReconstructionMethod = rng.choice(["OSEM 3i21s", "TOF-OSEM 2i"])
    f.keep_words("ReconstructionMethod", ds.ReconstructionMethod)
    ds.NumberOfSlices = 1
    ds.PatientOrientation = ""
    ds.RescaleIntercept, ds.RescaleSlope = 0, 0.52
    ds.FrameReferenceTime, ds.ImageIndex = 0, 1
    ds.AcquisitionDate, ds.AcquisitionTime = ds.StudyDate, ds.StudyTime
    ds.ActualFrameDuration, ds.DecayFactor = 120000, 1.04
    ds.FrameOfReferenceUID, ds.PositionReferenceIndicator = uid(f, 5), ""
    ds.ImagePositionPatient, ds.ImageOrientationPatient = [-300, -300, -120], [1, 0, 0, 0, 1, 0]
    ds.PixelSpacing, ds.SliceThickness = [4.07, 4.07], 3.27
    rp = Dataset()
    rp.RadionuclideCodeSequence = Sequence([f.code("RadiopharmaceuticalInformationSequence[0].RadionuclideCodeSequence[0]",
                                                   "SCT", "77004003", "^18^Fluorine")])
    rp.RadiopharmaceuticalStartTime = ds.StudyTime
    rp.RadionuclideTotalDose, rp.RadionuclideHalfLife = 318000000, 6586.2
    rp.Radiopharmaceutical = "Fluorodeoxyglucose"
    ds.RadiopharmaceuticalInformationSequence = Sequence([rp])
    po = Dataset()
    po.CodeValue, po.CodingSchemeDesignator, po.CodeMeaning = "F-10450", "99SDM", "recumbent"
    po.PatientOrientationModifierCodeSequence = Sequence([])
    ds.PatientOrientationCodeSequence = Sequence([po])
    ds.PatientGantryRelationshipCodeSequence = Sequence([])


def iod_op(f):
    ds, rng = f.ds, f.rng
    series(f, "OP")
    equipment(f)
    general_image(f)
    ds.ImageType = ["ORIGINAL", "PRIMARY"]
    pixels(f, 24, 24, bits=8, photometric="RGB", samples=3)
    ds.NumberOfFrames, ds.FrameIncrementPointer = 1, 0x00181063
    ds.FrameTime = 0
    ds.LossyImageCompression, ds.BurnedInAnnotation = "00", "NO"
    ds.AcquisitionDateTime = ds.StudyDate + ds.StudyTime
    ds.PatientOrientation = ""
    lat = rng.choice(["L", "R"])
    ds.ImageLaterality = lat
    anatomy(f, "SCT", "81745001", "Eye")
    ds.PatientEyeMovementCommanded = "NO"
    ds.HorizontalFieldOfView = 45
    ds.EmmetropicMagnification, ds.IntraOcularPressure = 1.0, 21
    ds.RefractiveStateSequence = Sequence([])
    ds.PupilDilated = "YES"
    ds.DegreeOfDilation, ds.MydriaticAgentSequence = None, Sequence([])
    ds.SynchronizationFrameOfReferenceUID = uid(f, 6)
    ds.SynchronizationTrigger, ds.AcquisitionTimeSynchronized = "NO TRIGGER", "N"
    ds.AcquisitionDeviceTypeCodeSequence = Sequence([f.code("AcquisitionDeviceTypeCodeSequence[0]", "SCT",
                                                            "409898007", "Fundus Camera")])
    ds.IlluminationTypeCodeSequence = Sequence([])
    ds.LightPathFilterTypeStackCodeSequence = Sequence([])
    ds.ImagePathFilterTypeStackCodeSequence = Sequence([])
    ds.LensesCodeSequence = Sequence([])
    ds.DetectorType = "CCD"


def iod_sc(f):
    ds, rng = f.ds, f.rng
    series(f, rng.choice(["OT", "CT", "MR"]))
    equipment(f)
    general_image(f)
    ds.ConversionType = "WSD"
    ds.PatientOrientation = ""
    pixels(f, 32, 32, bits=8)
    ds.ImageType = ["DERIVED", "SECONDARY"]


def content_item(f, path, rel, vtype, scheme, value, meaning, **kw):
    it = Dataset()
    it.RelationshipType, it.ValueType = rel, vtype
    it.ConceptNameCodeSequence = Sequence([f.code(path + ".ConceptNameCodeSequence[0]", scheme, value, meaning)])
    for k, v in kw.items():
        setattr(it, k, v)
    return it


def sr_common(f, modality):
    ds, rng = f.ds, f.rng
    series(f, modality)
    equipment(f)
    ds.ReferencedPerformedProcedureStepSequence = Sequence([])
    ds.InstanceNumber = 1
    ds.ContentDate, ds.ContentTime = ds.StudyDate, ds.StudyTime


def iod_sr(f):
    ds, rng = f.ds, f.rng
    sr_common(f, "SR")
    ds.CompletionFlag = "COMPLETE"
    ds.VerificationFlag = "VERIFIED"
    vo = Dataset()
    vo.VerifyingObserverName = staff_pn(f, "VerifyingObserverSequence[0].VerifyingObserverName")
    vo.VerifyingOrganization = "Holloway Regional Radiology"
    vo.VerificationDateTime = ds.StudyDate + "173000"
    vo.VerifyingObserverIdentificationCodeSequence = Sequence([])
    ds.VerifyingObserverSequence = Sequence([vo])
    ds.PerformedProcedureCodeSequence = Sequence([])
    ds.ValueType = "CONTAINER"
    ds.ContinuityOfContent = "SEPARATE"
    ds.ConceptNameCodeSequence = Sequence([f.code("ConceptNameCodeSequence[0]", "LN", "18748-4",
                                                  "Diagnostic imaging report")])
    items = []
    n = 0

    def nxt():
        nonlocal n
        n += 1
        return n - 1

    i = nxt()
    items.append(content_item(f, f"ContentSequence[{i}]", "HAS OBS CONTEXT", "PNAME", "DCM", "121008",
                              "Person Observer Name", PersonName=staff_pn(f, f"ContentSequence[{i}].PersonName")))
    i = nxt()
    hist = content_item(f, f"ContentSequence[{i}]", "CONTAINS", "CONTAINER", "DCM", "121060", "History",
                        ContinuityOfContent="SEPARATE")
    hist.ContentSequence = Sequence([content_item(
        f, f"ContentSequence[{i}].ContentSequence[0]", "CONTAINS", "TEXT", "DCM", "121060", "History",
        TextValue=note(f, f"ContentSequence[{i}].ContentSequence[0].TextValue",
                       rng.sample(["age", "kin", "date", "address", "phone"], 2), vr="UT"))])
    d, forms = make_date(f)
    dt = datetime.date(rng.randint(2010, 2024), rng.randint(1, 12), rng.randint(13, 28))
    hist.ContentSequence.append(content_item(f, f"ContentSequence[{i}].ContentSequence[1]", "CONTAINS", "DATE",
                                             "99V3HDR", "DT01", "Date of prior outside study", Date=da(dt)))
    f.plant(f"ContentSequence[{i}].ContentSequence[1].Date", "date", da(dt), [("digits", da(dt))])
    items.append(hist)
    i = nxt()
    find = content_item(f, f"ContentSequence[{i}]", "CONTAINS", "CONTAINER", "DCM", "121070", "Findings",
                        ContinuityOfContent="SEPARATE")
    sub = content_item(f, f"ContentSequence[{i}].ContentSequence[0]", "CONTAINS", "CONTAINER", "DCM", "125007",
                       "Measurement Group", ContinuityOfContent="SEPARATE")
    num = content_item(f, f"ContentSequence[{i}].ContentSequence[0].ContentSequence[0]", "CONTAINS", "NUM", "SCT",
                       "410668003", "Length")
    mv = Dataset()
    mv.NumericValue = str(rng.choice([12, 9.5, 23, 31]))
    mv.MeasurementUnitsCodeSequence = Sequence([f.code(
        f"ContentSequence[{i}].ContentSequence[0].ContentSequence[0].MeasuredValueSequence[0]"
        ".MeasurementUnitsCodeSequence[0]", "UCUM", "mm", "millimeter")])
    num.MeasuredValueSequence = Sequence([mv])
    f.keep.append({"path": f"ContentSequence[{i}].ContentSequence[0].ContentSequence[0].MeasuredValueSequence[0]"
                           ".NumericValue", "word": mv.NumericValue, "role": "num"})
    txt = content_item(f, f"ContentSequence[{i}].ContentSequence[0].ContentSequence[1]", "CONTAINS", "TEXT", "DCM",
                       "121071", "Finding",
                       TextValue=note(f, f"ContentSequence[{i}].ContentSequence[0].ContentSequence[1].TextValue",
                                      [rng.choice(["staff", "date", "ptname"])], vr="UT", number=True))
    site = content_item(f, f"ContentSequence[{i}].ContentSequence[0].ContentSequence[2]", "CONTAINS", "CODE", "SCT",
                        "363698007", "Finding Site")
    site.ConceptCodeSequence = Sequence([f.code(
        f"ContentSequence[{i}].ContentSequence[0].ContentSequence[2].ConceptCodeSequence[0]", "SCT", "39607008",
        "Lung")])
    sub.ContentSequence = Sequence([num, txt, site])
    find.ContentSequence = Sequence([sub])
    items.append(find)
    i = nxt()
    imp = content_item(f, f"ContentSequence[{i}]", "CONTAINS", "CONTAINER", "DCM", "121072", "Impressions",
                       ContinuityOfContent="SEPARATE")
    imp.ContentSequence = Sequence([content_item(
        f, f"ContentSequence[{i}].ContentSequence[0]", "CONTAINS", "TEXT", "DCM", "121073", "Impression",
        TextValue=note(f, f"ContentSequence[{i}].ContentSequence[0].TextValue",
                       rng.sample(["staff", "phone", "fax", "email", "url"], 2), vr="UT"))])
    items.append(imp)
    ds.ContentSequence = Sequence(items)


def iod_ko(f):
    ds, rng = f.ds, f.rng
    sr_common(f, "KO")
    ref_series = Dataset()
    ref_series.SeriesInstanceUID = uid(f, 20)
    ref_sop = Dataset()
    ref_sop.ReferencedSOPClassUID, ref_sop.ReferencedSOPInstanceUID = "1.2.840.10008.5.1.4.1.1.2", uid(f, 21)
    ref_series.ReferencedSOPSequence = Sequence([ref_sop])
    ev = Dataset()
    ev.StudyInstanceUID = ds.StudyInstanceUID
    ev.ReferencedSeriesSequence = Sequence([ref_series])
    ds.CurrentRequestedProcedureEvidenceSequence = Sequence([ev])
    ds.ValueType, ds.ContinuityOfContent = "CONTAINER", "SEPARATE"
    ds.ConceptNameCodeSequence = Sequence([f.code("ConceptNameCodeSequence[0]", "DCM", "113000", "Of Interest")])
    tpl = Dataset()
    tpl.MappingResource, tpl.TemplateIdentifier = "DCMR", "2010"
    ds.ContentTemplateSequence = Sequence([tpl])
    txt = content_item(f, "ContentSequence[0]", "CONTAINS", "TEXT", "DCM", "113012", "Key Object Description",
                       TextValue=note(f, "ContentSequence[0].TextValue",
                                      rng.sample(["staff", "kin", "date", "age", "phone"], 2), vr="UT"))
    img = Dataset()
    img.RelationshipType, img.ValueType = "CONTAINS", "IMAGE"
    r = Dataset()
    r.ReferencedSOPClassUID, r.ReferencedSOPInstanceUID = ref_sop.ReferencedSOPClassUID, ref_sop.ReferencedSOPInstanceUID
    img.ReferencedSOPSequence = Sequence([r])
    ds.ContentSequence = Sequence([txt, img])


def iod_pr(f):
    ds, rng = f.ds, f.rng
    series(f, "PR")
    equipment(f)
    ds.InstanceNumber = 1
    ds.PresentationCreationDate, ds.PresentationCreationTime = ds.StudyDate, ds.StudyTime
    ds.ContentLabel = rng.choice(["MEASURE", "TEACHING", "KEY_WL"])
    ds.ContentDescription = short(f, "ContentDescription", [rng.choice(["staff", "date", "phone"])])
    ds.ContentCreatorName = staff_pn(f, "ContentCreatorName")
    ref_img = Dataset()
    ref_img.ReferencedSOPClassUID, ref_img.ReferencedSOPInstanceUID = "1.2.840.10008.5.1.4.1.1.4", uid(f, 30)
    rs = Dataset()
    rs.SeriesInstanceUID = uid(f, 31)
    rs.ReferencedImageSequence = Sequence([ref_img])
    ds.ReferencedSeriesSequence = Sequence([rs])
    da_ = Dataset()
    da_.DisplayedAreaTopLeftHandCorner, da_.DisplayedAreaBottomRightHandCorner = [1, 1], [256, 256]
    da_.PresentationSizeMode = "SCALE TO FIT"
    da_.PresentationPixelSpacing = [0.9, 0.9]
    ds.DisplayedAreaSelectionSequence = Sequence([da_])
    layer = Dataset()
    layer.GraphicLayer, layer.GraphicLayerOrder = "NOTES", 1
    ds.GraphicLayerSequence = Sequence([layer])
    ann = Dataset()
    ann.GraphicLayer = "NOTES"
    to = Dataset()
    to.BoundingBoxAnnotationUnits = "PIXEL"
    to.BoundingBoxTopLeftHandCorner, to.BoundingBoxBottomRightHandCorner = [10, 10], [200, 40]
    to.BoundingBoxTextHorizontalJustification = "LEFT"
    to.UnformattedTextValue = note(f, "GraphicAnnotationSequence[0].TextObjectSequence[0].UnformattedTextValue",
                                   rng.sample(["staff", "ptname", "date", "phone"], 2), vr="ST", number=True)
    ann.TextObjectSequence = Sequence([to])
    ds.GraphicAnnotationSequence = Sequence([ann])
    ds.PresentationLUTShape = "IDENTITY"
    ds.RescaleIntercept, ds.RescaleSlope, ds.RescaleType = 0, 1, "US"
    voi = Dataset()
    voi.WindowCenter, voi.WindowWidth = 600, 1200
    voi.WindowCenterWidthExplanation = "Brain"
    ds.SoftcopyVOILUTSequence = Sequence([voi])


def iod_rt(f):
    ds, rng = f.ds, f.rng
    series(f, "RTPLAN")
    equipment(f)
    ds.InstanceNumber = 1
    ds.RTPlanLabel = rng.choice(["PROS VMAT", "LLL SBRT", "WBRT"])
    ds.RTPlanName = rng.choice(["Prostate 60/20", "Lung SBRT 54/3"])
    f.keep_words("RTPlanName", ds.RTPlanName)
    ds.RTPlanDescription = note(f, "RTPlanDescription", rng.sample(["staff", "date", "age", "phone"], 2), vr="ST",
                                number=True)
    ds.RTPlanDate, ds.RTPlanTime = ds.StudyDate, ds.StudyTime
    ds.RTPlanGeometry = "TREATMENT_DEVICE"
    ds.PrescriptionDescription = note(f, "PrescriptionDescription", [rng.choice(["staff", "kin"])], vr="ST",
                                      clinical=False, number=True)
    ds.ApprovalStatus = "APPROVED"
    ds.ReviewDate, ds.ReviewTime = ds.StudyDate, "160000"
    ds.ReviewerName = staff_pn(f, "ReviewerName")
    ds.FrameOfReferenceUID, ds.PositionReferenceIndicator = uid(f, 5), ""


PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
       b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def iod_doc(f):
    ds, rng = f.ds, f.rng
    series(f, "DOC")
    equipment(f)
    ds.ConversionType = "SD"
    ds.InstanceNumber = 1
    ds.AcquisitionDateTime = ds.StudyDate + ds.StudyTime
    ds.ContentDate, ds.ContentTime = ds.StudyDate, ds.StudyTime
    ds.BurnedInAnnotation = "YES"
    ds.DocumentTitle = short(f, "DocumentTitle", [rng.choice(["ptname", "date", "staff"])], vr="ST")
    ds.ConceptNameCodeSequence = Sequence([f.code("ConceptNameCodeSequence[0]", "LN", "11488-4", "Consult note")])
    ds.MIMETypeOfEncapsulatedDocument = "application/pdf"
    pdf = PDF if len(PDF) % 2 == 0 else PDF + b"\0"
    ds.EncapsulatedDocument = pdf
    ds.EncapsulatedDocumentLength = len(PDF)


IODS = {"MG": iod_mg, "XA": iod_xa, "NM": iod_nm, "PT": iod_pt, "OP": iod_op, "SC": iod_sc, "SR": iod_sr,
        "KO": iod_ko, "PR": iod_pr, "RT": iod_rt, "DOC": iod_doc}
HARMLESS = sorted({t for d in V.DESC.values() for k in ("study", "series", "protocol", "pps", "reason", "contrast")
                   for t in d[k] if t} | {t for ts in V.ACQ_TEXT.values() for t in ts} | {s for s, _ in V.CLIN_NUMS} | set(V.NOTE_SENTENCES))


def make(index, iod, charset, seed):
    rng = random.Random(seed * 1000 + index)
    f = File(index, iod, charset, rng)
    f.seed = seed
    ds = f.ds
    if charset:
        ds.SpecificCharacterSet = ["", "ISO 2022 IR 87"] if charset == "ISO 2022 IR 87" else charset
    ds.SOPClassUID, ds.SOPInstanceUID = SOP[iod], uid(f, 3)
    ds.InstanceCreationDate = None
    patient(f)
    ds.InstanceCreationDate = da(f.study_date)
    study(f)
    IODS[iod](f)
    if index % 3 == 1:
        private_block(f)
    name = f"{index:02d}_{iod}.dcm"
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID, meta.MediaStorageSOPInstanceUID = ds.SOPClassUID, ds.SOPInstanceUID
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    meta.ImplementationClassUID = ROOT + "0"
    out = FileDataset(name, {}, file_meta=meta, preamble=b"\0" * 128)
    out.update(ds)
    out.is_little_endian, out.is_implicit_VR = True, False
    return f, out, name


def build(seed, out_dir):
    inputs = os.path.join(out_dir, "inputs")
    os.makedirs(inputs, exist_ok=True)
    truths = []
    for i, (iod, cs) in enumerate(PLAN, start=1):
        f, ds, name = make(i, iod, cs, seed)
        ds.save_as(os.path.join(inputs, name), write_like_original=False)
        truths.append({"index": i, "file": name, "iod": iod, "charset": cs, "phi": f.phi, "keep": f.keep,
                       "codes": f.codes})
    with open(os.path.join(out_dir, "truth.json"), "w", encoding="utf-8") as fh:
        json.dump({"seed": seed, "files": truths, "harmless": HARMLESS}, fh, ensure_ascii=False, indent=1)
    return truths


if __name__ == "__main__":
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--seed", type=int, default=20261202)
    a = ap.parse_args()
    t = build(a.seed, a.dir)
    print(f"{len(t)} files, {sum(len(x['phi']) for x in t)} planted PHI strings in {a.dir}")
