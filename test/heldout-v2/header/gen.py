#!/usr/bin/python3
"""Generator of the second held-out header set (issue 8): ~40 DICOM files written with pydicom, and their truth.

Usage: /usr/bin/python3 gen.py <out dir> [--seed N]
Writes <out>/inputs/NN_<modality>.dcm and <out>/truth.json. Deterministic for a seed.

Truth per file:
  phi:   each planted PHI string, its kind, the element path it went into and the forms a leak would take
         (``alpha`` forms match whole words, case- and spacing-insensitive; ``digits`` forms match the digits
         with any separators between them; ``age`` forms are the number in digits or words);
  keep:  description words that must survive in their element (role ``desc``), words of the clinical prose
         around PHI in notes (role ``note``), ages of 89 and below (role ``age``);
  codes: code values and meanings of code sequences that must survive.
"""
import hashlib
import json
import os
import random
import re
import sys
import unicodedata
from datetime import date, timedelta

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileDataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian

sys.dont_write_bytecode = True  # nothing written beside the sources
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import phrases as P  # noqa: E402

SOP = {
    "CT": "1.2.840.10008.5.1.4.1.1.2",
    "MR": "1.2.840.10008.5.1.4.1.1.4",
    "US": "1.2.840.10008.5.1.4.1.1.6.1",
    "USMF": "1.2.840.10008.5.1.4.1.1.3.1",
    "CR": "1.2.840.10008.5.1.4.1.1.1",
    "BASICSR": "1.2.840.10008.5.1.4.1.1.88.11",
    "COMPSR": "1.2.840.10008.5.1.4.1.1.88.33",
    "SEG": "1.2.840.10008.5.1.4.1.1.66.4",
    "RTSTRUCT": "1.2.840.10008.5.1.4.1.1.481.3",
    "KO": "1.2.840.10008.5.1.4.1.1.88.59",
}
IMPL_UID = "1.2.826.0.1.3680043.10.1420.2"
STOP = {"the", "and", "with", "for", "from", "per", "at", "on", "of", "to", "in", "is", "are", "was", "has",
        "her", "his", "pt", "pt's", "via", "a", "an", "or", "by", "be", "as", "lives", "sent", "call", "if"}


def fold(s):
    """Accents removed (``Müller`` -> ``Muller``): a screen or an ASCII writer may drop them."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def alpha_forms(*words):
    out = []
    for w in words:
        for f in (w, fold(w)):
            if f not in out:
                out.append(f)
    return [["alpha", f] for f in out]


def date_text(d, style):
    """A date written the way people write it in notes."""
    mon, month = P.MONTHS[d.month - 1][:3], P.MONTHS[d.month - 1]
    return {
        "us": f"{d.month}/{d.day}/{d.year}",
        "us0": f"{d.month:02d}/{d.day:02d}/{d.year}",
        "us2": f"{d.month}/{d.day}/{d.year % 100:02d}",
        "iso": d.isoformat(),
        "dmy": f"{d.day} {mon} {d.year}",
        "mdy": f"{month} {d.day}, {d.year}",
        "eu": f"{d.day:02d}.{d.month:02d}.{d.year}",
        "dash": f"{d.day:02d}-{mon.upper()}-{d.year}",
        "ord": f"the {P.ordinal(d.day)} of {month} {d.year}",
        "dcm": d.strftime("%Y%m%d"),
    }[style]


def date_forms(d):
    """Every screen form of a date, and its day and month without the year (still PHI under Safe Harbor).

    ``digits_head``: YYYYMMDD, also at the head of a date-time; ``digits``: the numeric national forms;
    ``daymonth``: the day and the month in words, either order, with or without ordinal and year."""
    digits = [f"{d.month:02d}{d.day:02d}{d.year}", f"{d.day:02d}{d.month:02d}{d.year}", f"{d.month}{d.day}{d.year}",
              f"{d.month}{d.day}{d.year % 100:02d}", f"{d.month:02d}{d.day:02d}{d.year % 100:02d}",
              f"{d.year}{d.month}{d.day}"]
    return [["digits_head", d.strftime("%Y%m%d")]] + [["digits", x] for x in dict.fromkeys(digits)] + \
        [["daymonth", f"{d.day}-{d.month}"]]


def digit_forms(value, min_tail=None):
    d = re.sub(r"\D", "", value)
    forms = [["digits", d]]
    if min_tail and len(d) > min_tail:
        forms.append(["digits_tail", d[-min_tail:]])
    return forms


def age_count(text, n):
    """How often an age is written in a text, in digits or in words."""
    words = r"[\s-]*".join(re.escape(w) for w in P.age_words(n).replace("-", " ").split() if w != "and")
    words = words.replace(r"hundred[\s-]*", r"hundred(?:[\s-]*and)?[\s-]*")
    return len(re.findall(rf"(?<!\d)0*{n}(?!\d)|(?<!\w){words}(?!\w)", text, re.I))


class Person:
    def __init__(self, family, given, middle, sex):
        self.family, self.given, self.middle, self.sex = family, given, middle, sex

    def pn(self):
        return f"{self.family}^{self.given}^{self.middle}"

    def forms(self):
        return alpha_forms(self.family, self.given) + (
            alpha_forms(self.family.split("-")[0]) if "-" in self.family else [])


class FileTruth:
    def __init__(self, index, name, kind, charset):
        self.d = {"index": index, "file": name, "kind": kind, "charset": charset, "phi": [], "keep": [],
                  "codes": []}

    def phi(self, kind, text, path, forms, scope="path"):
        self.d["phi"].append({"kind": kind, "text": str(text), "path": path, "forms": forms})

    def keep(self, role, word, path):
        self.d["keep"].append({"role": role, "word": word, "path": path})

    def code(self, path, value, scheme, meaning):
        self.d["codes"].append({"path": path, "value": value, "scheme": scheme, "meaning": meaning})


class Gen:
    """Makes one file at a time; ``self.t`` is the file's truth."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.seed = seed
        self.age_cycle = 0
        self.young_cycle = 0
        self.date_cycle = 0
        self.phone_cycle = 0
        self.uidn = 0

    # -- values ------------------------------------------------------------------------------------------
    def uid(self):
        self.uidn += 1
        # 2.25 + a 128-bit number derived from the seed (pydicom's generate_uid without a prefix is random)
        digest = hashlib.sha256(f"v2hdr-{self.seed}-{self.uidn}".encode()).hexdigest()
        return "2.25." + str(int(digest[:32], 16))

    def phone(self):
        area = self.rng.choice(["603", "503", "860", "606", "507", "207"])
        line = f"{self.rng.randint(200, 989)}"
        last = f"{self.rng.randint(1000, 9999)}"
        styles = [f"({area}) {line}-{last}", f"{area}-{line}-{last}", f"{area}.{line}.{last}",
                  f"+1 {area} {line} {last}", f"{area} {line} {last}", f"1-{area}-{line}-{last}"]
        self.phone_cycle += 1
        return styles[self.phone_cycle % len(styles)]

    def old_age(self):
        n = self.rng.choice([91, 92, 93, 94, 95, 96, 97, 98, 99, 101, 102, 104])
        return n

    # -- composing text -------------------------------------------------------------------------------
    def compose(self, path, template, slots, role, max_len=None):
        """Fill ``{slot}`` placeholders; the literal text's words are kept words of ``role``.

        Tried again (other random values) until each age is the only occurrence of its number in the value,
        so a number that survives in that element can only be the age."""
        for _ in range(30):
            text, records = self._compose(path, template, slots, role)
            ages = [r[2] if r[0] == "age" else int(r[3][0][1]) for r in records
                    if r[0] == "age" or (r[0] == "phi" and r[1] == "age>89")]
            if all(age_count(text, n) == ages.count(n) for n in ages) and (max_len is None or len(text) <= max_len):
                break
        else:
            raise RuntimeError(f"no unique ages, or too long for its VR: {template}")
        for r in records:
            if r[0] == "phi":
                self.t.phi(r[1], r[2], path, r[3])
            else:
                self.t.keep(r[0], r[2], path)
        return text

    def _compose(self, path, template, slots, role):
        parts = re.split(r"(\{[a-z_]+\})", template)
        text, records = "", []
        for part in parts:
            m = re.fullmatch(r"\{([a-z_]+)\}", part)
            if m:
                slot = slots[m.group(1)]
                s, kind, forms = slot() if callable(slot) else slot
                text += s
                if kind == "age_keep":
                    records.append(("age", None, forms))
                elif kind == "keep_desc":
                    records.extend(("desc", None, w) for w in forms)
                elif kind is not None:
                    records.append(("phi", kind, s, forms))
            else:
                text += part
                for w in re.findall(r"[A-Za-z0-9][A-Za-z0-9/.+\-]*[A-Za-z0-9]|[A-Za-z0-9]", part):
                    if role == "note" and (w.lower() in STOP or len(w) < 3):
                        continue
                    records.append((role, None, w))
        return text, records

    # slot makers: each returns (text, kind, forms)
    def s_age(self, sex, n=None, old=True):
        """An age in the next phrasing of the cycle: the patient's own (``n``) or a relative's (random)."""
        def make():
            age = n if n is not None else (self.old_age() if old else self.rng.randint(19, 89))
            phr = P.AGE_PHRASINGS[self.age_cycle % len(P.AGE_PHRASINGS)]
            self.age_cycle += 1
            text = phr(age, sex)
            return (text, "age>89", [["age", str(age)]]) if age > 89 else (text, "age_keep", age)
        return make

    def s_street(self, with_city=False):
        def make():
            num, name, suffix = self.rng.choice(P.STREETS)
            s = f"{num} {name} {suffix}"
            forms = [["alpha", f"{num} {name}"], ["alpha", f"{name} {suffix}"]]
            if with_city:
                city, st, z = self.rng.choice(P.CITIES)
                s += f", {city}, {st} {z}"
                forms += [["alpha", city], ["digits", z]]
            return s, "address", forms
        return make

    def s_phone(self):
        def make():
            p = self.phone()
            return p, "phone", digit_forms(p, 7)
        return make

    def s_email(self, person):
        def make():
            local = self.rng.choice([f"{fold(person.given).lower()}.{fold(person.family).lower()}",
                                     f"{fold(person.given)[0].lower()}{fold(person.family).lower()}{self.rng.randint(10, 99)}",
                                     f"{fold(person.family).lower()}_{fold(person.given).lower()}"])
            e = f"{local}@{self.rng.choice(P.EMAIL_DOMAINS)}"
            return e, "email", [["alpha", e], ["alpha", local]]
        return make

    def s_url(self):
        def make():
            host = self.rng.choice(P.PORTAL_HOSTS)
            path = self.rng.choice([f"/share/{self.rng.randint(100000, 999999)}", f"/pt/{self.rng.randint(10000, 99999)}/images",
                                    f"/studies?mrn={self.rng.randint(1000000, 9999999)}"])
            u = self.rng.choice(["https://", "http://", ""]) + host + path
            return u, "url", [["alpha", host], ["alpha", host + path]]
        return make

    def s_id(self, style):
        def make():
            r = self.rng
            s = {"mrn": f"{r.randint(0, 9)}{r.randint(0, 9)}{r.randint(100000, 999999)}",
                 "ssn": f"{r.randint(100, 665)}-{r.randint(10, 99)}-{r.randint(1000, 9999)}",
                 "acct": f"{r.randint(1000, 9999)}-{r.randint(1000, 9999)}-{r.randint(10, 99)}",
                 "acc": f"A{r.randint(10000000, 99999999)}",
                 "ins": f"XKP{r.randint(100000000, 999999999)}"}[style]
            forms = digit_forms(s)
            if style in ("acc", "ins"):
                forms.append(["alpha", s])
            return s, "id", forms
        return make

    def s_date(self, avoid):
        def make():
            while True:
                d = date(2016, 1, 1) + timedelta(days=self.rng.randint(0, 3000))
                if d not in avoid and d.day > 1 and d.month > 1 and d.day != d.month:
                    break
            style = ["us", "dmy", "iso", "mdy", "us2", "eu", "dash", "ord", "us0"][self.date_cycle % 9]
            self.date_cycle += 1
            return date_text(d, style), "date", date_forms(d)
        return make

    def s_pname(self, person):
        def make():
            honor = "Ms." if person.sex == "F" else "Mr."
            forms = [f"{person.given} {person.family}", f"{person.given[0]}. {person.family}",
                     f"{person.family.upper()}, {person.given.upper()}", f"{honor} {person.family}",
                     f"{person.family}, {person.given[0]}.", f"{person.given.upper()} {person.middle} {person.family.upper()}",
                     f"pt {person.family}"]
            s = self.rng.choice(forms)
            words = [w for w in re.findall(r"[^\W\d_]{2,}(?:-[^\W\d_]+)?", s) if w.lower() not in ("ms", "mr", "pt")]
            return s, "name", alpha_forms(*words)
        return make

    def s_staff(self, staff):
        def make():
            fam, giv = staff
            s = self.rng.choice([f"Dr. {fam}", f"Dr {giv} {fam}", f"{giv} {fam}, RN", f"{giv[0]}. {fam} MD",
                                 f"Dr. {fam.upper()}", f"{fam}, {giv} (PA-C)"])
            words = [w for w in re.findall(r"[^\W\d_]{2,}(?:-[^\W\d_]+)?", s)
                     if w not in ("Dr", "RN", "MD", "PA", "PA-C")]
            return s, "name", alpha_forms(*words)
        return make

    def s_relative(self):
        def make():
            rel, giv = self.rng.choice(P.RELATIVES)
            fam = self.rng.choice(P.RELATIVE_SURNAMES)
            s = self.rng.choice([f"{rel} {giv}", f"{rel} {giv} {fam}", f"{rel}, {giv} {fam},", f"{rel} ({giv})"])
            words = [w for w in re.findall(r"[^\W\d_]{2,}(?:-[^\W\d_]+)?", s) if w != rel]
            return s, "name", alpha_forms(*words)
        return make

    # -- dataset helpers --------------------------------------------------------------------------------
    def code_item(self, path, c):
        it = Dataset()
        it.CodeValue, it.CodingSchemeDesignator, it.CodeMeaning = c
        self.t.code(path, *c)
        return it

    def note_slots(self, pt, avoid_dates, staff):
        sexw = {"F": "F", "M": "M"}[pt.sex]
        return {
            "own_age": self.s_age(sexw, pt.age),
            "rel_old_f": self.s_age("F"), "rel_old_m": self.s_age("M"),
            "street": self.s_street(), "street_city": self.s_street(True), "phone": self.s_phone(),
            "email": self.s_email(pt), "url": self.s_url(), "mrn": self.s_id("mrn"), "ssn": self.s_id("ssn"),
            "acct": self.s_id("acct"), "acc": self.s_id("acc"), "ins": self.s_id("ins"),
            "date": self.s_date(avoid_dates), "pname": self.s_pname(pt), "staff": self.s_staff(staff),
            "relative": self.s_relative(), "pid": (pt.mrn, "id", digit_forms(pt.mrn)),
        }

    # -- modules ---------------------------------------------------------------------------------------
    def new_file(self, index, kind, pt, study, charset):
        name = f"{index:02d}_{kind.lower()}.dcm"
        self.slots = self.note_slots(pt, {study["date"], study["date"] + timedelta(days=1), pt.birth},
                                     self.spec["other_staff"])
        self.t = FileTruth(index, name, kind, charset)
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = SOP[kind]
        meta.MediaStorageSOPInstanceUID = self.uid()
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        meta.ImplementationClassUID = IMPL_UID
        meta.ImplementationVersionName = "V2HDR_PYDICOM"
        ds = FileDataset(name, {}, file_meta=meta, preamble=b"\0" * 128)
        ds.SpecificCharacterSet = charset
        ds.SOPClassUID = SOP[kind]
        ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
        ds.InstanceCreationDate = study["date"].strftime("%Y%m%d")
        ds.InstanceCreationTime = "101500"
        self.t.phi("date", ds.InstanceCreationDate, "InstanceCreationDate", date_forms(study["date"]))
        self.patient(ds, pt, study)
        self.study(ds, pt, study)
        return ds

    def patient(self, ds, pt, study):
        ds.PatientName = pt.pn()
        self.t.phi("name", pt.pn(), "PatientName", pt.forms())
        ds.PatientID = pt.mrn
        self.t.phi("id", pt.mrn, "PatientID", digit_forms(pt.mrn))
        ds.IssuerOfPatientID = study["inst"][0].split()[0] + "_MRN"
        ds.PatientBirthDate = pt.birth.strftime("%Y%m%d")
        self.t.phi("date", ds.PatientBirthDate, "PatientBirthDate", date_forms(pt.birth))
        if pt.age > 89:
            self.t.phi("age>89", str(pt.birth.year), "PatientBirthDate", [["year", str(pt.birth.year)]])
        ds.PatientSex = pt.sex
        oth = Dataset()
        oth.PatientID = pt.alt_id
        oth.IssuerOfPatientID = "STATE_HIE"
        oth.TypeOfPatientID = "TEXT"
        ds.OtherPatientIDsSequence = Sequence([oth])
        self.t.phi("id", pt.alt_id, "OtherPatientIDsSequence[0].PatientID", digit_forms(pt.alt_id))

    def study(self, ds, pt, study):
        ds.StudyInstanceUID = study["uid"]
        ds.StudyDate = study["date"].strftime("%Y%m%d")
        ds.StudyTime = "093512"
        self.t.phi("date", ds.StudyDate, "StudyDate", date_forms(study["date"]))
        ref = study["referring"]
        ds.ReferringPhysicianName = f"{ref[0]}^{ref[1]}^^Dr."
        self.t.phi("name", ds.ReferringPhysicianName, "ReferringPhysicianName", alpha_forms(*ref))
        ds.StudyID = study["id"]
        self.t.phi("id", ds.StudyID, "StudyID", digit_forms(ds.StudyID))
        ds.AccessionNumber = study["acc"]
        self.t.phi("id", ds.AccessionNumber, "AccessionNumber", digit_forms(ds.AccessionNumber))
        ds.PatientAge = f"{pt.age:03d}Y"
        if pt.age > 89:
            self.t.phi("age>89", ds.PatientAge, "PatientAge", [["age", str(pt.age)]])
        else:
            self.t.keep("age", pt.age, "PatientAge")
        ds.PatientWeight = str(self.rng.randint(45, 110))
        ds.PatientSize = f"{self.rng.randint(150, 192) / 100:.2f}"

    def set_desc(self, target, keyword, path, text, mix=None):
        """A research description, optionally with PHI added by a technologist.

        The mix's own words (``ACC``, ``call``, ``per``) label the PHI: they count with the prose around PHI,
        not as description words."""
        if not mix:
            setattr(target, keyword, self.compose(path, text, self.slots, "desc", max_len=64))
            return
        words = re.findall(r"[A-Za-z0-9][A-Za-z0-9/.+\-]*[A-Za-z0-9]|[A-Za-z0-9]", text)
        slots = dict(self.slots, desc=(text, "keep_desc", words))
        setattr(target, keyword, self.compose(path, mix, slots, "note", max_len=64))  # LO

    def series(self, ds, modality, pt, study, series_desc, protocol, body_part, mixes, performing, operator):
        ds.Modality = modality
        ds.SeriesInstanceUID = self.uid()
        ds.SeriesNumber = str(self.rng.randint(2, 12))
        ds.SeriesDate = ds.StudyDate
        ds.SeriesTime = "094001"
        self.t.phi("date", ds.SeriesDate, "SeriesDate", date_forms(study["date"]))
        self.set_desc(ds, "StudyDescription", "StudyDescription", study["desc"], mixes.get("StudyDescription"))
        self.set_desc(ds, "SeriesDescription", "SeriesDescription", series_desc, mixes.get("SeriesDescription"))
        if protocol:
            self.set_desc(ds, "ProtocolName", "ProtocolName", protocol, mixes.get("ProtocolName"))
        if body_part:
            ds.BodyPartExamined = body_part
            self.t.keep("desc", body_part, "BodyPartExamined")
        if body_part in ("HIP", "HAND", "KNEE", "KIDNEY"):
            ds.Laterality = {"HIP": "L", "HAND": "R", "KNEE": "R"}.get(body_part, "")
        if performing:
            ds.PerformingPhysicianName = f"{performing[0]}^{performing[1]}"
            self.t.phi("name", ds.PerformingPhysicianName, "PerformingPhysicianName", alpha_forms(*performing))
        if operator:
            ds.OperatorsName = f"{operator[0]}^{operator[1]}"
            self.t.phi("name", ds.OperatorsName, "OperatorsName", alpha_forms(*operator))
        ds.PerformedProcedureStepID = f"PPS{self.rng.randint(100000, 999999)}"
        ds.PerformedProcedureStepStartDate = ds.StudyDate
        ds.PerformedProcedureStepStartTime = "093900"
        self.t.phi("id", ds.PerformedProcedureStepID, "PerformedProcedureStepID", digit_forms(ds.PerformedProcedureStepID))
        self.t.phi("date", ds.PerformedProcedureStepStartDate, "PerformedProcedureStepStartDate", date_forms(study["date"]))
        pps = P.PPS_DESCRIPTIONS.get((modality, body_part), f"{modality} EXAM")
        self.set_desc(ds, "PerformedProcedureStepDescription", "PerformedProcedureStepDescription", pps,
                      mixes.get("PerformedProcedureStepDescription"))

    def request(self, ds, study, mixes, reason_tpl):
        rq = Dataset()
        rq.RequestedProcedureID = f"RP{self.rng.randint(1000000, 9999999)}"
        self.t.phi("id", rq.RequestedProcedureID, "RequestAttributesSequence[0].RequestedProcedureID",
                   digit_forms(rq.RequestedProcedureID))
        rq.ScheduledProcedureStepID = f"SPS{self.rng.randint(100000, 999999)}"
        self.t.phi("id", rq.ScheduledProcedureStepID, "RequestAttributesSequence[0].ScheduledProcedureStepID",
                   digit_forms(rq.ScheduledProcedureStepID))
        self.set_desc(rq, "RequestedProcedureDescription", "RequestAttributesSequence[0].RequestedProcedureDescription",
                      study["desc"], mixes.get("RequestedProcedureDescription"))
        rq.RequestedProcedureCodeSequence = Sequence([self.code_item(
            "RequestAttributesSequence[0].RequestedProcedureCodeSequence[0]", study["proc"])])
        rq.ReasonForTheRequestedProcedure = self.compose(
            "RequestAttributesSequence[0].ReasonForTheRequestedProcedure", reason_tpl, self.slots, "desc", max_len=64)
        ds.RequestAttributesSequence = Sequence([rq])

    def equipment(self, ds, study, enhanced=False):
        ds.Manufacturer = self.rng.choice(["ACME MEDICAL SYSTEMS", "Northwind Imaging", "Fabrikam Healthcare"])
        ds.InstitutionName = study["inst"][0]
        self.t.phi("institution", ds.InstitutionName, "InstitutionName", [["alpha", study["inst"][0]], ["alpha", fold(study["inst"][0])]])
        ds.InstitutionAddress = study["inst"][1]
        street = study["inst"][1].split(",")[0]
        self.t.phi("address", ds.InstitutionAddress, "InstitutionAddress",
                   [["alpha", street], ["alpha", study["inst"][1].split(",")[1].strip()],
                    ["digits", study["inst"][1].split()[-1]]])
        ds.StationName = f"RAD{self.rng.randint(10, 99)}"
        ds.InstitutionalDepartmentName = "Diagnostic Imaging"
        ds.ManufacturerModelName = self.rng.choice(["Vantage 9", "Helix 64", "SonoStar E7", "FlatPanel DR2"])
        ds.DeviceSerialNumber = f"SN{self.rng.randint(1000000, 9999999)}"
        self.t.phi("id", ds.DeviceSerialNumber, "DeviceSerialNumber", digit_forms(ds.DeviceSerialNumber))
        ds.SoftwareVersions = "VB20A"

    def codes(self, ds, study):
        ds.ProcedureCodeSequence = Sequence([self.code_item("ProcedureCodeSequence[0]", study["proc"])])
        ds.AnatomicRegionSequence = Sequence([self.code_item("AnatomicRegionSequence[0]", study["region"])])

    def patient_notes(self, ds, pt, notes):
        for keyword, tpl in notes.items():
            setattr(ds, keyword, self.compose(keyword, tpl, self.slots, "note"))

    def private(self, ds, pt, study):
        blk = ds.private_block(0x0029, "V2HDR SITE NOTES 1.0", create=True)
        blk.add_new(0x10, "LO", pt.pn().replace("^", " "))
        self.t.phi("name", pt.pn(), "(0029,'V2HDR SITE NOTES 1.0',10)", pt.forms())
        note = self.compose("(0029,'V2HDR SITE NOTES 1.0',11)",
                            "Callback {phone} before 5pm; {relative} drives pt. Lives at {street}.", self.slots, "note")
        blk.add_new(0x11, "LT", note)
        blk.add_new(0x12, "SH", pt.mrn)
        self.t.phi("id", pt.mrn, "(0029,'V2HDR SITE NOTES 1.0',12)", digit_forms(pt.mrn))

    def pixels(self, ds, rows, cols, bits=16, frames=1):
        ds.SamplesPerPixel = 1
        ds.PhotometricInterpretation = "MONOCHROME2"
        ds.Rows, ds.Columns = rows, cols
        ds.BitsAllocated = bits
        ds.BitsStored = 12 if bits == 16 else bits
        ds.HighBit = ds.BitsStored - 1
        ds.PixelRepresentation = 0
        rng = np.random.default_rng(self.rng.randint(0, 2**31))
        if bits == 16:
            arr = rng.integers(0, 4000, size=(frames, rows, cols), dtype=np.uint16)
        else:
            arr = rng.integers(0, 255, size=(frames, rows, cols), dtype=np.uint8)
        ds.PixelData = arr.tobytes()

    def general_image(self, ds, study, comments_tpl=None):
        ds.InstanceNumber = str(self.rng.randint(1, 40))
        ds.ContentDate = ds.StudyDate
        ds.ContentTime = "094233"
        self.t.phi("date", ds.ContentDate, "ContentDate", date_forms(study["date"]))
        ds.AcquisitionDate = ds.StudyDate
        ds.AcquisitionTime = "094230"
        self.t.phi("date", ds.AcquisitionDate, "AcquisitionDate", date_forms(study["date"]))
        ds.BurnedInAnnotation = "NO"
        if comments_tpl:
            ds.ImageComments = self.compose("ImageComments", comments_tpl, self.slots, "note")

    def plane(self, ds, thickness="5"):
        ds.FrameOfReferenceUID = self.uid()
        ds.PositionReferenceIndicator = ""
        ds.PixelSpacing = ["0.7", "0.7"]
        ds.ImageOrientationPatient = ["1", "0", "0", "0", "1", "0"]
        ds.ImagePositionPatient = ["-120", "-110", str(self.rng.randint(-200, 100))]
        ds.SliceThickness = thickness
        ds.WindowCenter, ds.WindowWidth = "40", "400"

    # -- IODs -------------------------------------------------------------------------------------------
    def image_file(self, index, kind, modality, spec):
        """CT, MR, US, US multi-frame and CR: the modules they share, then the notes."""
        pt, study = spec["pt"], spec["study"]
        ds = self.new_file(index, kind, pt, study, spec["charset"])
        self.series(ds, modality, pt, study, spec["series_desc"], spec["protocol"], spec["body_part"], spec["mixes"],
                    spec["performing"], spec["operator"])
        self.equipment(ds, study)
        self.codes(ds, study)
        self.request(ds, study, spec["mixes"], spec["reason"])
        self.general_image(ds, study, spec.get("image_comments"))
        self.patient_notes(ds, pt, spec["notes"])
        if spec.get("private"):
            self.private(ds, pt, study)
        return ds

    def ct(self, index, spec):
        ds = self.image_file(index, "CT", "CT", spec)
        self.plane(ds, "5")
        ds.ImageType = ["ORIGINAL", "PRIMARY", "AXIAL"]
        ds.PatientPosition = "HFS"
        ds.KVP = "120"
        ds.AcquisitionNumber = "1"
        ds.ConvolutionKernel = "STANDARD"
        ds.RescaleIntercept, ds.RescaleSlope, ds.RescaleType = "-1024", "1", "HU"
        self.pixels(ds, 32, 32)
        return ds

    def mr(self, index, spec):
        ds = self.image_file(index, "MR", "MR", spec)
        self.plane(ds, "4")
        ds.ImageType = ["ORIGINAL", "PRIMARY", "OTHER"]
        ds.PatientPosition = "HFS"
        ds.ScanningSequence = ["SE", "IR"]
        ds.SequenceVariant = ["SK", "OSP"]
        ds.ScanOptions = ["FS"]
        ds.MRAcquisitionType = "2D"
        ds.RepetitionTime, ds.EchoTime, ds.InversionTime = "9000", "81", "2500"
        ds.EchoTrainLength = "16"
        ds.MagneticFieldStrength = "3"
        ds.SequenceName = "*tir2d1_16"
        ds.AcquisitionNumber = "1"
        self.pixels(ds, 32, 32)
        return ds

    def us(self, index, spec, frames=1):
        kind = "USMF" if frames > 1 else "US"
        ds = self.image_file(index, kind, "US", spec)
        ds.ImageType = ["ORIGINAL", "PRIMARY", "ABDOMINAL"]
        ds.PatientOrientation = ""
        ds.TransducerData = ["C5-1", "", ""]
        self.pixels(ds, 48, 64, bits=8, frames=frames)
        ds.LossyImageCompression = "00"
        if frames > 1:
            ds.NumberOfFrames = str(frames)
            ds.FrameIncrementPointer = pydicom.tag.Tag("FrameTime")
            ds.FrameTime = "33.3"
            ds.CineRate = "30"
        return ds

    def cr(self, index, spec):
        ds = self.image_file(index, "CR", "CR", spec)
        ds.ViewPosition = spec["view"]
        ds.PatientOrientation = ["P", "F"]
        ds.KVP = "85"
        ds.ImagerPixelSpacing = ["0.143", "0.143"]
        self.pixels(ds, 40, 32)
        ds.PhotometricInterpretation = "MONOCHROME1"
        return ds

    def sr_header(self, index, kind, spec, modality="SR"):
        pt, study = spec["pt"], spec["study"]
        ds = self.new_file(index, kind, pt, study, spec["charset"])
        ds.Modality = modality
        ds.SeriesInstanceUID = self.uid()
        ds.SeriesNumber = str(self.rng.randint(100, 999))
        self.set_desc(ds, "StudyDescription", "StudyDescription", study["desc"], spec["mixes"].get("StudyDescription"))
        self.set_desc(ds, "SeriesDescription", "SeriesDescription",
                      "KEY IMAGES" if modality == "KO" else "RADIOLOGY REPORT", spec["mixes"].get("SeriesDescription"))
        ds.ReferencedPerformedProcedureStepSequence = Sequence([])
        self.equipment(ds, study)
        ds.InstanceNumber = "1"
        ds.ContentDate = (study["date"] + timedelta(days=1)).strftime("%Y%m%d")
        ds.ContentTime = "141502"
        self.t.phi("date", ds.ContentDate, "ContentDate", date_forms(study["date"] + timedelta(days=1)))
        self.patient_notes(ds, pt, spec["notes"])
        if spec.get("private"):
            self.private(ds, pt, study)
        return ds

    def content_item(self, path, rel, vt, concept):
        it = Dataset()
        it.RelationshipType = rel
        it.ValueType = vt
        it.ConceptNameCodeSequence = Sequence([self.code_item(path + ".ConceptNameCodeSequence[0]", concept)])
        return it

    def sr(self, index, spec, comprehensive):
        kind = "COMPSR" if comprehensive else "BASICSR"
        pt, study = spec["pt"], spec["study"]
        ds = self.sr_header(index, kind, spec)
        ds.CompletionFlag = "COMPLETE"
        ds.VerificationFlag = "VERIFIED"
        reader = spec["performing"]
        ver = Dataset()
        ver.VerifyingObserverName = f"{reader[0]}^{reader[1]}"
        self.t.phi("name", ver.VerifyingObserverName, "VerifyingObserverSequence[0].VerifyingObserverName", alpha_forms(*reader))
        ver.VerificationDateTime = (study["date"] + timedelta(days=1)).strftime("%Y%m%d") + "152000"
        self.t.phi("date", ver.VerificationDateTime, "VerifyingObserverSequence[0].VerificationDateTime",
                   date_forms(study["date"] + timedelta(days=1)))
        ver.VerifyingOrganization = study["inst"][0]
        self.t.phi("institution", ver.VerifyingOrganization, "VerifyingObserverSequence[0].VerifyingOrganization",
                   [["alpha", study["inst"][0]]])
        ver.VerifyingObserverIdentificationCodeSequence = Sequence([])
        ds.VerifyingObserverSequence = Sequence([ver])
        ds.PerformedProcedureCodeSequence = Sequence([self.code_item("PerformedProcedureCodeSequence[0]", study["proc"])])
        ds.ValueType = "CONTAINER"
        ds.ConceptNameCodeSequence = Sequence([self.code_item("ConceptNameCodeSequence[0]",
                                                              ("18748-4", "LN", "Diagnostic Imaging Report"))])
        ds.ContinuityOfContent = "SEPARATE"
        items = []

        def path(i):
            return f"ContentSequence[{i}]"
        # observer context
        it = self.content_item(path(len(items)), "HAS OBS CONTEXT", "CODE", ("121005", "DCM", "Observer Type"))
        it.ConceptCodeSequence = Sequence([self.code_item(path(len(items)) + ".ConceptCodeSequence[0]",
                                                          ("121006", "DCM", "Person"))])
        items.append(it)
        it = self.content_item(path(len(items)), "HAS OBS CONTEXT", "PNAME", ("121008", "DCM", "Person Observer Name"))
        it.PersonName = f"{reader[0]}^{reader[1]}"
        self.t.phi("name", it.PersonName, path(len(items)) + ".PersonName", alpha_forms(*reader))
        items.append(it)
        it = self.content_item(path(len(items)), "HAS CONCEPT MOD", "CODE", ("121058", "DCM", "Procedure reported"))
        it.ConceptCodeSequence = Sequence([self.code_item(path(len(items)) + ".ConceptCodeSequence[0]", study["proc"])])
        items.append(it)
        # a prior study's date, time and date-time (dates are PHI; the time alone is not)
        prior = study["date"] - timedelta(days=self.rng.randint(40, 900))
        it = self.content_item(path(len(items)), "CONTAINS", "DATE", ("PRIORDT", "99V2HDR", "Date of prior examination"))
        it.Date = prior.strftime("%Y%m%d")
        self.t.phi("date", it.Date, path(len(items)) + ".Date", date_forms(prior))
        items.append(it)
        it = self.content_item(path(len(items)), "CONTAINS", "TIME", ("PRIORTM", "99V2HDR", "Time of prior examination"))
        it.Time = "081500"
        items.append(it)
        it = self.content_item(path(len(items)), "CONTAINS", "DATETIME", ("REPDT", "99V2HDR", "Preliminary report issued"))
        it.DateTime = study["date"].strftime("%Y%m%d") + "113000"
        self.t.phi("date", it.DateTime, path(len(items)) + ".DateTime", date_forms(study["date"]))
        items.append(it)
        # texts
        avoid = {study["date"], prior, study["date"] + timedelta(days=1), pt.birth}
        self.slots = self.note_slots(pt, avoid, spec["other_staff"])
        for concept_name, tpl in spec["sr_texts"]:
            tpl = tpl.replace("{reason}", self.rng.choice(P.REASONS).lower()).replace(
                "{hx}", self.rng.choice(P.CLINICAL_HISTORY)).replace(
                "{finding}", self.rng.choice(P.FINDINGS)).replace("{impression}", self.rng.choice(P.IMPRESSIONS))
            code = {"History": ("121060", "DCM", "History"), "Findings": ("121071", "DCM", "Finding"),
                    "Impression": ("121073", "DCM", "Impression")}[concept_name]
            it = self.content_item(path(len(items)), "CONTAINS", "TEXT", code)
            it.TextValue = self.compose(path(len(items)) + ".TextValue", tpl, self.slots, "note")
            items.append(it)
        it = self.content_item(path(len(items)), "CONTAINS", "CODE", ("363698007", "SCT", "Finding Site"))
        it.ConceptCodeSequence = Sequence([self.code_item(path(len(items)) + ".ConceptCodeSequence[0]", study["region"])])
        items.append(it)
        if comprehensive:
            it = self.content_item(path(len(items)), "CONTAINS", "NUM", ("81827009", "SCT", "Diameter"))
            mv = Dataset()
            mv.NumericValue = str(self.rng.randint(4, 30))
            mv.MeasurementUnitsCodeSequence = Sequence([self.code_item(
                path(len(items)) + ".MeasuredValueSequence[0].MeasurementUnitsCodeSequence[0]", ("mm", "UCUM", "millimeter"))])
            it.MeasuredValueSequence = Sequence([mv])
            items.append(it)
        ds.ContentSequence = Sequence(items)
        return ds

    def ko(self, index, spec):
        pt, study = spec["pt"], spec["study"]
        ds = self.sr_header(index, "KO", spec, modality="KO")
        ref_series, ref_sops = self.uid(), [self.uid(), self.uid()]
        ev = Dataset()
        ev.StudyInstanceUID = study["uid"]
        rs = Dataset()
        rs.SeriesInstanceUID = ref_series
        refs = []
        for u in ref_sops:
            r = Dataset()
            r.ReferencedSOPClassUID, r.ReferencedSOPInstanceUID = SOP["CT"], u
            refs.append(r)
        rs.ReferencedSOPSequence = Sequence(refs)
        ev.ReferencedSeriesSequence = Sequence([rs])
        ds.CurrentRequestedProcedureEvidenceSequence = Sequence([ev])
        ds.ValueType = "CONTAINER"
        ds.ConceptNameCodeSequence = Sequence([self.code_item("ConceptNameCodeSequence[0]", ("113000", "DCM", "Of Interest"))])
        ds.ContinuityOfContent = "SEPARATE"
        tpl = Dataset()
        tpl.MappingResource, tpl.TemplateIdentifier = "DCMR", "2010"
        ds.ContentTemplateSequence = Sequence([tpl])
        avoid = {study["date"], study["date"] + timedelta(days=1), pt.birth}
        self.slots = self.note_slots(pt, avoid, spec["other_staff"])
        it = self.content_item("ContentSequence[0]", "CONTAINS", "TEXT", ("113012", "DCM", "Key Object Description"))
        it.TextValue = self.compose("ContentSequence[0].TextValue", spec["ko_text"], self.slots, "note")
        items = [it]
        for u in ref_sops:
            im = Dataset()
            im.RelationshipType, im.ValueType = "CONTAINS", "IMAGE"
            r = Dataset()
            r.ReferencedSOPClassUID, r.ReferencedSOPInstanceUID = SOP["CT"], u
            im.ReferencedSOPSequence = Sequence([r])
            items.append(im)
        ds.ContentSequence = Sequence(items)
        return ds

    def seg(self, index, spec):
        pt, study = spec["pt"], spec["study"]
        ds = self.new_file(index, "SEG", pt, study, spec["charset"])
        ds.Modality = "SEG"
        ds.SeriesInstanceUID = self.uid()
        ds.SeriesNumber = str(self.rng.randint(300, 399))
        self.set_desc(ds, "StudyDescription", "StudyDescription", study["desc"], spec["mixes"].get("StudyDescription"))
        self.set_desc(ds, "SeriesDescription", "SeriesDescription", spec["series_desc"], spec["mixes"].get("SeriesDescription"))
        if spec["body_part"]:
            ds.BodyPartExamined = spec["body_part"]
            self.t.keep("desc", spec["body_part"], "BodyPartExamined")
        ds.FrameOfReferenceUID = self.uid()
        ds.PositionReferenceIndicator = ""
        self.equipment(ds, study)
        ds.InstanceNumber = "1"
        ds.ContentDate = study["date"].strftime("%Y%m%d")
        ds.ContentTime = "160000"
        self.t.phi("date", ds.ContentDate, "ContentDate", date_forms(study["date"]))
        ds.ImageType = ["DERIVED", "PRIMARY"]
        ds.ContentLabel = "SEGMENTATION"
        avoid = {study["date"], pt.birth}
        self.slots = self.note_slots(pt, avoid, spec["other_staff"])
        ds.ContentDescription = self.compose("ContentDescription", spec["seg_text"], self.slots, "note")
        creator = spec["performing"]
        ds.ContentCreatorName = f"{creator[0]}^{creator[1]}"
        self.t.phi("name", ds.ContentCreatorName, "ContentCreatorName", alpha_forms(*creator))
        ds.SegmentationType = "BINARY"
        segs = []
        labels = spec["seg_labels"]
        for i, (label, cat, typ) in enumerate(labels):
            s = Dataset()
            s.SegmentNumber = i + 1
            s.SegmentLabel = label
            for w in label.split():
                self.t.keep("desc", w, f"SegmentSequence[{i}].SegmentLabel")
            s.SegmentAlgorithmType = "MANUAL"
            s.SegmentedPropertyCategoryCodeSequence = Sequence([self.code_item(
                f"SegmentSequence[{i}].SegmentedPropertyCategoryCodeSequence[0]", cat)])
            s.SegmentedPropertyTypeCodeSequence = Sequence([self.code_item(
                f"SegmentSequence[{i}].SegmentedPropertyTypeCodeSequence[0]", typ)])
            segs.append(s)
        ds.SegmentSequence = Sequence(segs)
        rows = cols = 16
        frames = len(labels)
        ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
        ds.Rows, ds.Columns = rows, cols
        ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 1, 1, 0, 0
        ds.LossyImageCompression = "00"
        ds.NumberOfFrames = str(frames)
        mask = np.zeros((frames, rows, cols), dtype=np.uint8)
        for f in range(frames):
            mask[f, 4 + f:10 + f, 3:11] = 1
        ds.PixelData = np.packbits(mask.reshape(-1), bitorder="little").tobytes()
        src_series, src_sop = self.uid(), self.uid()
        shared = Dataset()
        pm = Dataset()
        pm.PixelSpacing, pm.SliceThickness = ["0.7", "0.7"], "5"
        shared.PixelMeasuresSequence = Sequence([pm])
        po = Dataset()
        po.ImageOrientationPatient = ["1", "0", "0", "0", "1", "0"]
        shared.PlaneOrientationSequence = Sequence([po])
        ds.SharedFunctionalGroupsSequence = Sequence([shared])
        dim_uid = self.uid()
        per = []
        for f in range(frames):
            fg = Dataset()
            dv = Dataset()
            dv.DimensionIndexValues = [f + 1, 1]
            fg.FrameContentSequence = Sequence([dv])
            pp = Dataset()
            pp.ImagePositionPatient = ["-120", "-110", "-40"]
            fg.PlanePositionSequence = Sequence([pp])
            si = Dataset()
            si.ReferencedSegmentNumber = f + 1
            fg.SegmentIdentificationSequence = Sequence([si])
            der = Dataset()
            der.DerivationCodeSequence = Sequence([self._code(("113076", "DCM", "Segmentation"))])
            src = Dataset()
            src.ReferencedSOPClassUID, src.ReferencedSOPInstanceUID = SOP["CT"], src_sop
            src.PurposeOfReferenceCodeSequence = Sequence([self._code(
                ("121322", "DCM", "Source image for image processing operation"))])
            der.SourceImageSequence = Sequence([src])
            fg.DerivationImageSequence = Sequence([der])
            per.append(fg)
        ds.PerFrameFunctionalGroupsSequence = Sequence(per)
        org = Dataset()
        org.DimensionOrganizationUID = dim_uid
        ds.DimensionOrganizationSequence = Sequence([org])
        d1, d2 = Dataset(), Dataset()
        d1.DimensionOrganizationUID = d2.DimensionOrganizationUID = dim_uid
        d1.DimensionIndexPointer = pydicom.tag.Tag("ReferencedSegmentNumber")
        d1.FunctionalGroupPointer = pydicom.tag.Tag("SegmentIdentificationSequence")
        d2.DimensionIndexPointer = pydicom.tag.Tag("ImagePositionPatient")
        d2.FunctionalGroupPointer = pydicom.tag.Tag("PlanePositionSequence")
        ds.DimensionIndexSequence = Sequence([d1, d2])
        rs = Dataset()
        rs.SeriesInstanceUID = src_series
        r = Dataset()
        r.ReferencedSOPClassUID, r.ReferencedSOPInstanceUID = SOP["CT"], src_sop
        rs.ReferencedInstanceSequence = Sequence([r])
        ds.ReferencedSeriesSequence = Sequence([rs])
        self.patient_notes(ds, pt, spec["notes"])
        return ds

    def _code(self, c):
        it = Dataset()
        it.CodeValue, it.CodingSchemeDesignator, it.CodeMeaning = c
        return it

    def rtstruct(self, index, spec):
        pt, study = spec["pt"], spec["study"]
        ds = self.new_file(index, "RTSTRUCT", pt, study, spec["charset"])
        ds.Modality = "RTSTRUCT"
        ds.SeriesInstanceUID = self.uid()
        ds.SeriesNumber = str(self.rng.randint(500, 599))
        self.set_desc(ds, "StudyDescription", "StudyDescription", study["desc"], spec["mixes"].get("StudyDescription"))
        self.set_desc(ds, "SeriesDescription", "SeriesDescription", spec["series_desc"], spec["mixes"].get("SeriesDescription"))
        op = spec["operator"]
        ds.OperatorsName = f"{op[0]}^{op[1]}"
        self.t.phi("name", ds.OperatorsName, "OperatorsName", alpha_forms(*op))
        self.equipment(ds, study)
        ds.InstanceNumber = "1"
        ds.StructureSetLabel = spec["ss_label"]
        for w in spec["ss_label"].split():
            self.t.keep("desc", w, "StructureSetLabel")
        ds.StructureSetDate = study["date"].strftime("%Y%m%d")
        ds.StructureSetTime = "120000"
        self.t.phi("date", ds.StructureSetDate, "StructureSetDate", date_forms(study["date"]))
        avoid = {study["date"], pt.birth}
        self.slots = self.note_slots(pt, avoid, spec["other_staff"])
        ds.StructureSetDescription = self.compose("StructureSetDescription", spec["rt_text"], self.slots, "note")
        for_uid, ct_series, ct_sop = self.uid(), self.uid(), self.uid()
        ds.FrameOfReferenceUID = for_uid
        ds.PositionReferenceIndicator = ""
        rfor = Dataset()
        rfor.FrameOfReferenceUID = for_uid
        rst = Dataset()
        rst.ReferencedSOPClassUID = "1.2.840.10008.3.1.2.3.1"
        rst.ReferencedSOPInstanceUID = study["uid"]
        rse = Dataset()
        rse.SeriesInstanceUID = ct_series
        ci = Dataset()
        ci.ReferencedSOPClassUID, ci.ReferencedSOPInstanceUID = SOP["CT"], ct_sop
        rse.ContourImageSequence = Sequence([ci])
        rst.RTReferencedSeriesSequence = Sequence([rse])
        rfor.RTReferencedStudySequence = Sequence([rst])
        ds.ReferencedFrameOfReferenceSequence = Sequence([rfor])
        ssroi, contours, obs = [], [], []
        interp = spec["performing"]
        for i, name in enumerate(spec["roi_names"]):
            r = Dataset()
            r.ROINumber = i + 1
            r.ReferencedFrameOfReferenceUID = for_uid
            r.ROIName = name
            for w in name.split():
                self.t.keep("desc", w, f"StructureSetROISequence[{i}].ROIName")
            r.ROIGenerationAlgorithm = "MANUAL"
            ssroi.append(r)
            c = Dataset()
            c.ReferencedROINumber = i + 1
            c.ROIDisplayColor = [255, 0, 0]
            cs = Dataset()
            cs.ContourGeometricType = "CLOSED_PLANAR"
            cs.NumberOfContourPoints = 3
            cs.ContourData = ["0", "0", "-40", "10", "0", "-40", "10", "10", "-40"]
            cci = Dataset()
            cci.ReferencedSOPClassUID, cci.ReferencedSOPInstanceUID = SOP["CT"], ct_sop
            cs.ContourImageSequence = Sequence([cci])
            c.ContourSequence = Sequence([cs])
            contours.append(c)
            o = Dataset()
            o.ObservationNumber = i + 1
            o.ReferencedROINumber = i + 1
            o.RTROIInterpretedType = "PTV" if name.startswith("PTV") else ("GTV" if name == "GTV" else "ORGAN")
            o.ROIInterpreter = f"{interp[0]}^{interp[1]}"
            self.t.phi("name", o.ROIInterpreter, f"RTROIObservationsSequence[{i}].ROIInterpreter", alpha_forms(*interp))
            obs.append(o)
        ds.StructureSetROISequence = Sequence(ssroi)
        ds.ROIContourSequence = Sequence(contours)
        ds.RTROIObservationsSequence = Sequence(obs)
        ds.ApprovalStatus = "APPROVED"
        ds.ReviewDate = study["date"].strftime("%Y%m%d")
        ds.ReviewTime = "130000"
        ds.ReviewerName = f"{interp[0]}^{interp[1]}"
        self.t.phi("date", ds.ReviewDate, "ReviewDate", date_forms(study["date"]))
        self.t.phi("name", ds.ReviewerName, "ReviewerName", alpha_forms(*interp))
        self.patient_notes(ds, pt, spec["notes"])
        return ds


def make_patients(rng):
    people = []
    for i, (fam, giv, mid, sex) in enumerate(P.PATIENTS):
        p = Person(fam, giv, mid, sex)
        # about half over 89 (91-103); the others 24-89, 88 and 89 included (kept)
        p.age = [93, 67, 96, 89, 101, 45, 92, 88, 97, 58, 94, 31, 99, 76, 91, 24, 103, 82, 95, 63, 98, 52][i]
        p.mrn = f"{rng.randint(1, 9)}{rng.randint(1000000, 9999999)}"
        p.alt_id = f"HIE-{rng.randint(100000, 999999)}-{rng.randint(10, 99)}"
        people.append(p)
    return people


PLAN = (["CT"] * 8 + ["MR"] * 7 + ["US"] * 4 + ["USMF"] * 2 + ["CR"] * 5 + ["BASICSR"] * 3 + ["COMPSR"] * 3
        + ["SEG"] * 3 + ["RTSTRUCT"] * 3 + ["KO"] * 2)
SEG_LABELS = [
    [("LIVER LESION 1", ("49755003", "SCT", "Morphologically Altered Structure"), ("4147007", "SCT", "Mass")),
     ("LIVER", ("123037004", "SCT", "Anatomical Structure"), ("10200004", "SCT", "Liver"))],
    [("GTV PRIMARY", ("49755003", "SCT", "Morphologically Altered Structure"), ("108369006", "SCT", "Neoplasm")),
     ("LEFT PAROTID", ("123037004", "SCT", "Anatomical Structure"), ("45289007", "SCT", "Parotid gland"))],
    [("RUL NODULE", ("49755003", "SCT", "Morphologically Altered Structure"), ("27925004", "SCT", "Nodule"))],
]


def harmless_texts():
    """Text a learned pattern must never match: research descriptions, clinical prose, technique strings, codes."""
    out = list(P.TECHNIQUE) + list(P.CLINICAL_HISTORY) + list(P.FINDINGS) + list(P.IMPRESSIONS) + list(P.REASONS)
    out += list(P.PPS_DESCRIPTIONS.values()) + list(P.ROI_NAMES)
    for bank in (P.CT_STUDIES, P.MR_STUDIES, P.US_STUDIES, P.CR_STUDIES):
        for st in bank:
            out += [st[0], st[2], st[3], st[4][2], st[5][2], st[4][0], st[5][0]] + list(st[1])
    for labels in SEG_LABELS:
        for label, cat, typ in labels:
            out += [label, cat[2], typ[2], cat[0], typ[0]]
    out += ["HN IMRT", "PELVIS VMAT", "LUNG SBRT", "AI LIVER SEG", "RT STRUCTURES CT SIM", "KEY IMAGES",
            "RADIOLOGY REPORT", "Diagnostic Imaging Report", "Person Observer Name", "Procedure reported",
            "Key Object Description", "Finding Site", "Diagnostic Imaging", "STANDARD", "MONOCHROME2"]
    return sorted(set(out))


def build(seed, out):
    rng = random.Random(seed)
    g = Gen(seed)
    pts = make_patients(rng)
    os.makedirs(os.path.join(out, "inputs"), exist_ok=True)
    truths = []
    counters = {}
    for idx, kind in enumerate(PLAN, start=1):
        n = counters.get(kind, 0)
        counters[kind] = n + 1
        pt = pts[(idx * 7) % len(pts)]
        modality = {"USMF": "US", "BASICSR": "CT", "COMPSR": "MR", "SEG": "CT", "RTSTRUCT": "CT", "KO": "CT"}.get(kind, kind)
        bank = {"CT": P.CT_STUDIES, "MR": P.MR_STUDIES, "US": P.US_STUDIES, "CR": P.CR_STUDIES}[modality]
        st = bank[(n + idx) % len(bank)]
        staff = rng.sample(P.STAFF, 6)
        inst = P.INSTITUTIONS[idx % len(P.INSTITUTIONS)]
        sdate = date(2019, 1, 1) + timedelta(days=rng.randint(0, 2000))
        pt.birth = date(sdate.year - pt.age, rng.randint(1, 12), rng.randint(1, 28))
        if (pt.birth.month, pt.birth.day) > (sdate.month, sdate.day):
            pt.birth = pt.birth.replace(year=pt.birth.year - 1)
        study = {"uid": g.uid(), "date": sdate, "id": f"S{rng.randint(10000, 99999)}",
                 "acc": f"{rng.choice(['RAD', 'ACC', 'E'])}{rng.randint(1000000, 9999999)}",
                 "desc": st[0], "proc": st[4], "region": st[5], "referring": staff[0], "inst": inst}
        mixes = {}
        if idx % 2 == 0:
            attrs = ["StudyDescription", "SeriesDescription", "ProtocolName", "PerformedProcedureStepDescription",
                     "RequestedProcedureDescription"]
            if kind in ("BASICSR", "COMPSR", "SEG", "RTSTRUCT", "KO"):
                attrs = ["StudyDescription", "SeriesDescription"]
            mixes[attrs[(idx // 2) % len(attrs)]] = P.DESC_MIXES[(idx // 2) % len(P.DESC_MIXES)]
        notes = {"AdditionalPatientHistory": P.HISTORY_NOTES[idx % len(P.HISTORY_NOTES)].replace(
            "{hx}", P.CLINICAL_HISTORY[idx % len(P.CLINICAL_HISTORY)])}
        if idx % 3 == 0:
            notes["PatientComments"] = P.PATIENT_COMMENTS[(idx // 3) % len(P.PATIENT_COMMENTS)]
        if idx % 4 == 1:
            notes["AdmittingDiagnosesDescription"] = P.ADMITTING[(idx // 4) % len(P.ADMITTING)]
        spec = {
            "pt": pt, "study": study, "charset": ["ISO_IR 100", "ISO_IR 192"][idx % 2],
            "series_desc": rng.choice(st[1]), "protocol": st[2], "body_part": st[3], "mixes": mixes,
            "performing": staff[1], "operator": staff[2], "other_staff": staff[3], "notes": notes,
            "reason": P.REASONS[idx % len(P.REASONS)] + P.REASON_TAILS[idx % len(P.REASON_TAILS)],
            "private": idx % 4 == 3,
            "image_comments": P.IMAGE_COMMENTS[(idx // 2) % len(P.IMAGE_COMMENTS)] if idx % 2 else None,
            "view": st[6][0] if len(st) > 6 else None,
            "sr_texts": [P.SR_TEXTS[0], P.SR_TEXTS[1 + idx % 2], P.SR_TEXTS[3 + idx % 2]],
            "ko_text": P.KO_TEXTS[idx % len(P.KO_TEXTS)],
            "seg_text": P.SEG_DESCRIPTIONS[idx % len(P.SEG_DESCRIPTIONS)],
            "seg_labels": SEG_LABELS[idx % len(SEG_LABELS)],
            "rt_text": P.RT_DESCRIPTIONS[idx % len(P.RT_DESCRIPTIONS)],
            "ss_label": ["HN IMRT", "PELVIS VMAT", "LUNG SBRT"][idx % 3],
            "roi_names": rng.sample(P.ROI_NAMES, 5),
        }
        if kind in ("SEG", "RTSTRUCT"):
            spec["series_desc"] = {"SEG": "AI LIVER SEG", "RTSTRUCT": "RT STRUCTURES CT SIM"}[kind]
        g.spec = spec
        ds = {"CT": g.ct, "MR": g.mr, "CR": g.cr, "SEG": g.seg, "RTSTRUCT": g.rtstruct, "KO": g.ko,
              "US": lambda i, s: g.us(i, s), "USMF": lambda i, s: g.us(i, s, frames=4),
              "BASICSR": lambda i, s: g.sr(i, s, False), "COMPSR": lambda i, s: g.sr(i, s, True)}[kind](idx, spec)
        ds.save_as(os.path.join(out, "inputs", g.t.d["file"]), write_like_original=False)
        truths.append(g.t.d)
    with open(os.path.join(out, "truth.json"), "w", encoding="utf-8") as f:
        json.dump({"seed": seed, "files": truths, "harmless": harmless_texts()}, f, ensure_ascii=False, indent=1)
    return truths


if __name__ == "__main__":
    args = sys.argv[1:]
    seed = 20261201
    if "--seed" in args:
        i = args.index("--seed")
        seed = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 1:
        sys.exit("usage: gen.py <out dir> [--seed N]")
    t = build(seed, args[0])
    print(f"{len(t)} files, {sum(len(x['phi']) for x in t)} planted PHI strings, "
          f"{sum(1 for x in t for k in x['keep'] if k['role'] == 'desc')} description words")
