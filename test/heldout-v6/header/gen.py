#!/usr/bin/python3
"""Sixth held-out header set: 40 DICOM files with invented PHI, and their truth. Seeded, deterministic.

Usage: /usr/bin/python3 gen.py OUT_DIR [--seed N]   (writes OUT_DIR/inputs/*.dcm and OUT_DIR/truth.json)

Each file is drawn from a seed of its own; a draw whose truth does not hold on the written file (a planted form not
found where it was planted, found in another element, a kept word missing) is drawn again (score.check_file).
"""
import json
import os
import random
import re
import sys
import unicodedata
import warnings

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import pydicom  # noqa: E402
from pydicom.dataset import Dataset  # noqa: E402

import iods  # noqa: E402
import notes as N  # noqa: E402
import research as R  # noqa: E402
import vocab as V  # noqa: E402

DEFAULT_SEED = 6606
EN_REL = ["her daughter", "his son", "the niece", "her grandson", "his wife", "the carer"]
# patient portals live on the health service's domain where the locale's e-mail domain is a public one
PORTAL_DOMAIN = {"sw-TZ": "afya.go.tz", "en-GH": "korlebu.gov.gh", "ku-TR": "enabiz.gov.tr", "ur-PK": "sehat.gov.pk",
                 "fa-IR": "salamat.ir", "ms-MY": "moh.gov.my", "en-CA": "mbhealth.ca", "cy-GB": "gig.cymru"}
UID_ROOT = "1.2.826.0.1.3680043.10.1066."

# (IOD, locale) per file; the IODs are those of iods.BUILDERS
PLAN = [
    ("proclog", "es-CL"), ("proclog", "sr-RS"), ("proclog", "en-GH"), ("proclog", "fa-IR"), ("proclog", "cy-GB"),
    ("spectacle", "fr-CA"), ("spectacle", "zh-HK"),
    ("rpdose", "sl-SI"), ("rpdose", "ur-PK"),
    ("comp3d", "es-AR"), ("comp3d", "hy-AM"),
    ("acqctx", "sw-TZ"), ("acqctx", "el-CY"),
    ("chestcad", "ku-TR"), ("chestcad", "en-NZ"),
    ("hemo", "mk-MK"), ("hemo", "af-ZA"), ("hemo", "es-CO"), ("hemo", "am-ET"),
    ("ker", "sq-AL"), ("ker", "ms-MY"),
    ("arf", "zh-TW"), ("arf", "en-CA"),
    ("va", "el-CY"), ("lens", "sw-TZ"), ("subj", "fr-CA"),
    ("rwvm", "sl-SI"), ("rwvm", "fa-IR"),
    ("reg", "es-CO"), ("reg", "zh-HK"), ("fid", "ku-TR"),
    ("pcps", "hy-AM"), ("pcps", "sq-AL"),
    ("sc16", "ur-PK"), ("sc16", "es-AR"), ("sc1", "am-ET"),
    ("rtsum", "mk-MK"), ("rtsum", "en-NZ"),
    ("stl", "af-ZA"), ("stl", "sr-RS"),
]
# files whose patient is over 89 (18 of 40, languages with their own ways of writing an age among them)
OLD = {0, 1, 3, 4, 5, 7, 9, 11, 13, 15, 17, 19, 21, 24, 26, 31, 33, 38}
PRIVATE_EVERY, DESC_PHI_EVERY = 3, 6


def uid(rng):
    return UID_ROOT + str(rng.randint(10 ** 20, 10 ** 28))


def ascii_fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if ord(c) < 128)


def cut(s, n=64):
    """At most n bytes of UTF-8 (the longest any of this set's character sets takes), whole characters."""
    while len(s.encode("utf-8")) > n:
        s = s[:-1]
    return s.rstrip(" ,،")


def latin(s):
    return bool(re.match(r"[A-Za-z\u00C0-\u024F]", s))


# ---- the file under construction ------------------------------------------------------------------------------
class File:
    def __init__(self, index, iod, loc, rng):
        self.index, self.iod, self.loc, self.rng = index, iod, loc, rng
        self.L = V.LOCALES[loc]
        self.lang = self.L["lang"]
        self.phi, self.keep, self.codes, self.harmless = [], [], [], []
        self.ds = Dataset()
        self.used_dates = set()
        self.english = False

    # -- truth
    def plant(self, path, kind, text, forms):
        forms = [list(f) for f in dict.fromkeys(tuple(f) for f in forms)]
        self.phi.append(dict(path=path, kind=kind, text=str(text), forms=forms))

    def keep_text(self, path, text, role="desc"):
        """Every word of a research text to keep; words with digits are clinical numbers."""
        self.harmless.append(text)
        for w in re.findall(r"[^\s,;:()/]+", text):
            w = w.strip(".")
            if len(w) < 2 and not w.isdigit():
                continue
            self.keep.append(dict(path=path, word=w, role="num" if re.search(r"\d", w) else role))

    def code(self, path, value, meaning):
        self.codes.append(dict(path=path, value=value, meaning=meaning))

    # -- people
    def person(self, sex=None):
        L, rng = self.L, self.rng
        sex = sex or rng.choice("FM")
        given, family = rng.choice(L[sex]), rng.choice(L["family"])
        p = dict(sex=sex)
        if L.get("ideo"):
            p.update(given=given[0], family=family[0], gi=given[1], fi=family[1])
        else:
            p.update(given=given, family=family)
        return p

    def pn(self, p, title=""):
        s = f"{p['family']}^{p['given']}" + (f"^^{title}" if title else "")
        if "gi" in p:
            s += f"={p['fi']}^{p['gi']}"
        return s

    def name_forms(self, p):
        parts = set(x.lower() for x in self.L.get("particles", []))
        words = re.split(r"[\s\-]+", f"{p['family']} {p['given']}")
        forms = [("alpha", w) for w in words if len(w.strip(".")) > 1 and w.lower() not in parts and
                 not w.endswith(".")]
        if "gi" in p:
            forms += [("literal", p["fi"] + p["gi"]), ("literal", p["gi"])]
        return forms

    def display(self, p):
        """The patient's name as a note writes it (other order, case, initials)."""
        if "gi" in p:
            return self.rng.choice([p["fi"] + p["gi"], f"{p['family'].upper()} {p['given']}"])
        g0 = p["given"].split()[0]
        return self.rng.choice([f"{p['family']}, {p['given']}", f"{p['family'].upper()} {p['given']}",
                                f"{g0[0]}. {p['family']}", f"{p['given']} {p['family']}"])

    # -- values
    def date(self, lo=1990, hi=2025):
        while True:
            y, m, d = self.rng.randint(lo, hi), self.rng.randint(1, 12), self.rng.randint(1, 28)
            if (m, d) not in self.used_dates and d != m:
                self.used_dates.add((m, d))
                return y, m, d

    @staticmethod
    def date_forms(y, m, d):
        return [("digits", f"{y:04d}{m:02d}{d:02d}"), ("digits", f"{d:02d}{m:02d}{y:04d}"),
                ("digits", f"{m:02d}{d:02d}{y:04d}"), ("digits", f"{d:02d}{m:02d}{y % 100:02d}"),
                ("digits", f"{m:02d}{d:02d}{y % 100:02d}"), ("digits", f"{d}{m}{y}"), ("digits", f"{m}{d}{y}"),
                ("daymonth", f"{d}-{m}")]

    def date_words(self, y, m, d):
        lang, rng = "en" if self.english else self.lang, self.rng
        mon = V.MONTH_NAMES[lang][m - 1]
        if lang == "en":
            return rng.choice([f"{d} {mon} {y}", f"{mon} {d}, {y}", f"{d}th of {mon} {y}" if d > 3 and d < 21
                               else f"{d} {mon[:3]} {y}"])
        if lang == "es":
            return f"{d} de {mon} de {y}"
        if lang == "sr":
            return f"{d}. {V.MONTH_NAMES['sr_gen'][m - 1]} {y}."
        if lang in ("sl", "sq", "ku"):
            return f"{d}. {mon} {y}" if lang == "sl" else f"{d} {mon} {y}"
        if lang == "zh":
            return f"{y}年{m}月{d}日"
        if lang == "fa":
            return f"{V.persian_digits(d)} {mon} {V.persian_digits(y)}"
        if lang == "am":
            return f"{mon} {d} ቀን {y}"
        if lang == "hy":
            return f"{y} թ. {mon} {d}-ին"
        return f"{d} {mon} {y}"

    def date_digits(self, y, m, d):
        lang, loc = self.lang, self.loc
        if loc in ("en-CA", "af-ZA"):
            return f"{y}-{m:02d}-{d:02d}"
        if lang == "zh":
            return f"{y}/{m:02d}/{d:02d}"
        if lang == "fa":
            return V.persian_digits(f"{y}/{m:02d}/{d:02d}")
        if lang in ("sr", "mk", "sl", "sq", "hy", "ku"):
            return f"{d:02d}.{m:02d}.{y}" + ("." if lang in ("sr", "sl") else "")
        if loc == "cy-GB":
            return f"{d:02d}/{m:02d}/{y % 100:02d}"
        if lang == "ur":
            return f"{d:02d}-{m:02d}-{y}"
        return f"{d:02d}/{m:02d}/{y}"

    def address(self, short=False):
        L, rng = self.L, self.rng
        street, city = rng.choice(L["streets"]), rng.choice(L["cities"])
        num, apt = rng.randint(2, 240), rng.randint(1, 19)
        text = L["street_fmt"].format(street=street, num=num, apt=apt, city=city)
        pc = L["postcode"]()
        if pc and not short:
            text += f" {pc}" if self.lang not in ("fa", "ur", "am", "hy") else f"، {pc}" if self.lang in ("fa", "ur") \
                else f" {pc}"
        forms = []
        if self.L.get("ideo"):
            forms += [("literal", street), ("literal", city)]
        else:
            for w in street.split():
                w = w.strip(",،")
                if w.lower() not in V.STREET_GENERIC and not w.isdigit() and len(w) > 2:
                    forms.append(("alnum" if re.search(r"\d", w) else "alpha", w))
            forms.append(("alpha", city))
        if pc and not short:
            forms.append(("alnum", pc))
        return text, forms

    def phone(self):
        p = self.L["phone"]()
        digits = re.sub(r"\D", "", p)
        return p, [("digits_tail", digits[-7:])]

    def email(self, p=None):
        base = ascii_fold(f"{p['given'].split()[0][0]}{p['family'].split()[-1]}").lower() if p and latin(p["family"]) \
            else self.rng.choice(["familia", "home", "care", "asal", "salama", "dom"]) + self.rng.choice("abcdefgh")
        local = re.sub(r"[^a-z.]", "", base) + str(self.rng.randint(11, 98))
        return f"{local}@{self.L['domain']}", [("alnum", local)]

    def url(self):
        host = f"{self.rng.choice(V.PORTALS)}.{PORTAL_DOMAIN.get(self.loc, self.L['domain'])}"
        token = "".join(self.rng.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(10))
        return f"https://{host}/s/{token}", [("literal", host), ("alnum", token)]

    def age_phrase(self, n, old=True):
        lang = "en" if self.english else self.lang
        tpls = N.AGE[lang] if n > 89 else [t for t in N.AGE[lang] if "{w}" not in t and "{p}" not in t]
        if not 90 <= n <= 99:  # "nonagenarian" fits 90 to 99 only; "a one hundred-year-old" is unheard of
            tpls = [t for t in tpls if "nonagenarian" not in t and "{w}-year" not in t]
        tpl = self.rng.choice(tpls)
        w = V.LOCAL_AGE_WORDS[lang](n) if n > 89 else ""
        text = tpl.format(n=n, w=w, p=V.persian_digits(n))
        return text, w, tpl

    # -- text with slots
    def fill(self, path, template, patient, english=False):
        """Render a template; plant each slot's PHI at ``path``; returns the text. In an English template the age,
        relatives' cue words, titles and dates are English (IDs keep their national labels)."""
        rng = self.rng
        self.english = english
        out = ""
        pos = 0
        plants = []
        for m in re.finditer(r"\{(\w+)\}|\[\[([^\]]+)\]\]", template):
            out += template[pos:m.start()]
            pos = m.end()
            if m.group(2):
                out += m.group(2)
                self.keep.append(dict(path=path, word=m.group(2), role="num"))
                continue
            slot = m.group(1)
            text, kind, forms = self.slot(slot, patient)
            if kind == "keep-age":
                self.keep.append(dict(path=path, word=forms, role="age"))
            elif kind:
                plants.append((kind, text, forms))
            out += text
        out += template[pos:]
        for kind, text, forms in plants:
            self.plant(path, kind, text, forms)
        # the clinical prose around the PHI (information only)
        prose = re.sub(r"\{\w+\}|\[\[[^\]]+\]\]", " ", template)
        for w in re.findall(r"[^\W\d_]{6,}", prose):
            self.keep.append(dict(path=path, word=w, role="note"))
        return out

    def slot(self, slot, pt):
        rng, L = self.rng, self.L
        if slot == "AGE":
            n = pt["age"]
            text, w, tpl = self.age_phrase(n)
            if n <= 89:
                return text, "keep-age", str(n)
            forms = [("age", str(n)), ("literal", w)]
            if "{p}" in tpl:
                forms.append(("literal", V.persian_digits(n)))
            return text, "age", forms
        if slot == "RELAGE":
            n = rng.randint(90, 103)
            return rng.choice(N.RELAGE).format(n=n), "age", [("age", str(n))]
        if slot == "YOUNG":
            n = rng.randint(58, 86)
            return str(n), "keep-age", str(n)
        if slot == "PT":
            return self.display(pt["p"]), "name", self.name_forms(pt["p"])
        if slot == "REL":
            cue = rng.choice(EN_REL) if self.english else rng.choice(L["rel"])
            p = self.person(V.REL_SEX.get(cue))
            cue += " " if self.english or self.lang != "zh" else ""
            name = f"{p['given']} {p['family']}" if "gi" not in p else p["fi"] + p["gi"]
            return cue + name, "name-other", self.name_forms(p)
        if slot == "STAFF":
            p = self.person()
            title = rng.choice(["Dr", "Dr.", "Sister", "RN"] if self.english else L["staff_titles"])
            name = f"{p['given']} {p['family']}" if "gi" not in p else p["fi"] + p["gi"]
            text = f"{name}{title}" if self.lang == "zh" and not title.isascii() else f"{title} {name}"
            return text, "staff", self.name_forms(p)
        if slot == "ADDR":
            text, forms = self.address()
            return text, "address", forms
        if slot == "PHONE":
            text, forms = self.phone()
            return text, "phone", forms
        if slot in ("DATE", "DATEN"):
            y, m, d = self.date(2015, 2025)
            forms = self.date_forms(y, m, d)
            text = self.date_words(y, m, d) if slot == "DATE" else self.date_digits(y, m, d)
            if not text.isascii() and self.lang in ("fa", "zh"):
                forms.append(("literal", text))
            return text, "date", forms
        if slot == "DOB":
            y, m, d = pt["dob"]
            text = self.date_digits(y, m, d) if self.english or self.rng.random() < 0.6 else self.date_words(y, m, d)
            forms = self.date_forms(y, m, d)
            if not text.isascii() and self.lang in ("fa", "zh"):
                forms.append(("literal", text))
            return text, "date", forms
        if slot in ("ID", "HP"):
            label, fn = L["nid"] if slot == "ID" else L["hp"]
            value = fn()
            return f"{label} {value}", "id" if slot == "ID" else "health-plan", [("alnum", value)]
        if slot == "EMAIL":
            text, forms = self.email(self.person())
            return text, "email", forms
        if slot == "URL":
            text, forms = self.url()
            return text, "url", forms
        raise ValueError(slot)


# ---- one file ---------------------------------------------------------------------------------------------
def make_file(index, iod, loc, rng):
    random.seed(rng.random())  # the vocabulary's number generators
    f = File(index, iod, loc, rng)
    ds = f.ds
    L = f.L
    p = f.person()
    study = f.date(2024, 2025)
    age = rng.randint(90, 102) if index in OLD else rng.randint(34, 86)
    by = study[0] - age - (1 if rng.random() < 0.5 else 0)
    bm, bd = rng.randint(1, 12), rng.randint(1, 28)
    while (bm, bd) in f.used_dates or bm == bd:
        bm, bd = rng.randint(1, 12), rng.randint(1, 28)
    f.used_dates.add((bm, bd))
    age = study[0] - by - ((study[1], study[2]) < (bm, bd))
    pt = dict(p=p, age=age, dob=(by, bm, bd))
    f.pt, f.study = pt, study
    cs = L["charset"]
    if cs:
        ds.SpecificCharacterSet = cs
    # identity
    ds.PatientName = f.pn(p)
    f.plant("PatientName", "name", ds.PatientName, f.name_forms(p))
    pid = rng.choice(["", "H", "MRN", "P"]) + str(rng.randint(10 ** 6, 10 ** 9))
    ds.PatientID = pid
    f.plant("PatientID", "id", pid, [("alnum", pid)])
    ds.IssuerOfPatientID = "HIS"
    ds.PatientBirthDate = f"{by:04d}{bm:02d}{bd:02d}"
    forms = f.date_forms(by, bm, bd)
    if age > 89:
        forms.append(("year", str(by)))
    f.plant("PatientBirthDate", "date", ds.PatientBirthDate, forms)
    ds.PatientSex = p["sex"]
    ds.PatientAge = f"{age:03d}Y"
    if age > 89:
        f.plant("PatientAge", "age", ds.PatientAge, [("age", str(age))])
    else:
        f.keep.append(dict(path="PatientAge", word=str(age), role="age"))
    # study
    ds.StudyInstanceUID = uid(rng)
    ds.StudyDate = "%04d%02d%02d" % study
    ds.StudyTime = "%02d%02d%02d" % (rng.randint(7, 18), rng.randint(0, 59), rng.randint(0, 59))
    ref = f.person()
    ds.ReferringPhysicianName = f.pn(ref, rng.choice(["Dr.", ""]))
    f.plant("ReferringPhysicianName", "staff", ds.ReferringPhysicianName, f.name_forms(ref))
    ds.StudyID = str(rng.randint(1000, 99999))
    acc = rng.choice(["A", "RX", "", "ACC"]) + str(rng.randint(10 ** 6, 10 ** 8))
    ds.AccessionNumber = acc
    f.plant("AccessionNumber", "id", acc, [("alnum", acc)])
    desc = rng.choice(R.STUDY[iod])
    if index % DESC_PHI_EVERY == 5:
        if rng.random() < 0.5:
            ph, pforms = f.phone()
            ds.StudyDescription = f"{desc} {ph}"
            f.plant("StudyDescription", "phone", ph, pforms)
        else:
            fam = p["family"].upper() if "gi" not in p else p["fi"] + p["gi"]
            ds.StudyDescription = f"{desc} - {fam}"
            f.plant("StudyDescription", "name", fam, f.name_forms(p))
    else:
        ds.StudyDescription = desc
    f.keep_text("StudyDescription", desc)
    # equipment
    ds.Manufacturer = rng.choice(V.DEVICE_VENDORS)
    ds.ManufacturerModelName = rng.choice(["M-200", "Vision 5", "Q-Series", "XR 3", "Pro 7"])
    serial = rng.choice(["SN", "S/N ", "", "D"]) + str(rng.randint(10 ** 5, 10 ** 8))
    ds.DeviceSerialNumber = serial
    f.plant("DeviceSerialNumber", "serial", serial, [("alnum", serial)])
    ds.SoftwareVersions = f"{rng.randint(1, 9)}.{rng.randint(0, 20)}"
    sp = f.person()
    st = rng.choice(["WS", "ROOM", "LAB", "OPH", "CATH"]) + "-" + ascii_fold(sp["family"].split()[-1])[:4].upper() \
        + str(rng.randint(10, 99)) if latin(sp["family"]) else rng.choice(["WSX", "RMQ", "LBZ"]) + str(rng.randint(100, 999))
    ds.StationName = st
    f.plant("StationName", "station", st, [("literal", st)])
    # the IOD
    iods.BUILDERS[iod](f, rng)
    # less common places, six drawn per file
    places(f, rng)
    # notes: one in the file's language, one in English (in the IOD's own free-text places when it has them)
    note_paths = getattr(f, "note_paths", ["PatientComments", "ImagingServiceRequestComments"])
    # a patient over 89 has the age written in the file's language
    t1 = rng.choice([t for t in N.NOTES[f.lang] if "{AGE}" in t] if age > 89 else N.NOTES[f.lang])
    t2 = rng.choice(N.NOTES["en"]) if f.lang != "en" else rng.choice([t for t in N.NOTES["en"] if t != t1])
    for path, tpl, english in zip(note_paths, [t1, t2], [f.lang == "en", True]):
        text = f.fill(path, tpl, pt, english)
        set_path(ds, path, text)
    # a private block in every third file
    if index % PRIVATE_EVERY == 2:
        creator = f"{ds.Manufacturer.split()[0].upper()} V6 PRIVATE"
        blk = ds.private_block(0x0029, creator, create=True)
        blk.add_new(0x10, "PN", f.pn(p))
        f.plant(f"(0029,'{creator}',10)", "name", ds.PatientName, f.name_forms(p))
        blk.add_new(0x11, "LO", pid)
        f.plant(f"(0029,'{creator}',11)", "id", pid, [("alnum", pid)])
        path = f"(0029,'{creator}',12)"
        text = f.fill(path, rng.choice(N.SHORT["visit"]), pt, True)
        blk.add_new(0x12, "LT", text)
        # PS3.15 removes private attributes by default: nothing in them is a word to keep
        f.keep = [k for k in f.keep if k["path"] != path]
    return f


def set_path(ds, path, value):
    """Set ``Seq[i].Keyword`` (the sequences exist) or a top-level keyword."""
    *seqs, last = path.split(".")
    cur = ds
    for s in seqs:
        name, i = re.match(r"(\w+)\[(\d+)\]", s).groups()
        cur = getattr(cur, name)[int(i)]
    setattr(cur, last, value)


def places(f, rng):
    ds, L, pt = f.ds, f.L, f.pt
    avail = ["other_names", "responsible", "religion", "residence", "ref_addr", "ref_phone", "reason_visit",
             "transport", "issue_date", "placer", "filler", "records", "udi", "ref_ident", "address", "alt_cal"]
    if f.lang not in ("fa", "am") and f.loc != "zh-TW":
        avail.remove("alt_cal")
    if "ReasonForVisit" in getattr(f, "note_paths", []):
        avail.remove("reason_visit")
    chosen = rng.sample(avail, 6)
    if "alt_cal" in avail and "alt_cal" not in chosen:
        chosen[0] = "alt_cal"
    for c in chosen:
        if c == "other_names":
            q = dict(pt["p"])
            q["family"] = f.person()["family"]
            if "gi" in pt["p"]:
                q["family"], q["fi"] = f.person()["family"], f.person()["fi"]
            ds.OtherPatientNames = f.pn(q)
            f.plant("OtherPatientNames", "name", ds.OtherPatientNames, f.name_forms(q))
        elif c == "responsible":
            q = f.person()
            ds.ResponsiblePerson = f.pn(q)
            ds.ResponsiblePersonRole = rng.choice(["CHILD", "SPOUSE", "SIBLING", "GUARDIAN"])
            f.plant("ResponsiblePerson", "name-other", ds.ResponsiblePerson, f.name_forms(q))
        elif c == "religion":
            rel = rng.choice(["Orthodox", "Catholic", "Sunni Muslim", "Anglican", "Buddhist", "Apostolic"])
            ds.PatientReligiousPreference = rel
            f.plant("PatientReligiousPreference", "profile-attr", rel, [("literal", rel)])
        elif c == "residence":
            text, forms = f.address(short=True)
            text = cut(text)
            forms = [fm for fm in forms if fm[1] in text]
            ds.PatientInstitutionResidence = text
            f.plant("PatientInstitutionResidence", "address", text, forms)
        elif c == "address":
            text, forms = f.address()
            ds.PatientAddress = cut(text)
            forms = [fm for fm in forms if fm[1] in ds.PatientAddress]
            f.plant("PatientAddress", "address", ds.PatientAddress, forms)
        elif c == "ref_addr":
            text, forms = f.address()
            ds.ReferringPhysicianAddress = text
            f.plant("ReferringPhysicianAddress", "address", text, forms)
        elif c == "ref_phone":
            text, forms = f.phone()
            text = text if len(text) <= 16 else text.replace(" ", "")
            ds.ReferringPhysicianTelephoneNumbers = text
            f.plant("ReferringPhysicianTelephoneNumbers", "phone", text, forms)
        elif c in ("reason_visit", "transport"):
            kw = "ReasonForVisit" if c == "reason_visit" else "PatientTransportArrangements"
            tpl = rng.choice(N.SHORT["visit" if c == "reason_visit" else "transport"])
            text = f.fill(kw, tpl, pt, True)
            if kw == "PatientTransportArrangements" and len(text) > 64:
                f.phi = [x for x in f.phi if x["path"] != kw]
                f.keep = [x for x in f.keep if x["path"] != kw]
                continue
            setattr(ds, kw, text)
        elif c == "issue_date":
            y, m, d = f.date(2023, 2025)
            ds.IssueDateOfImagingServiceRequest = f"{y:04d}{m:02d}{d:02d}"
            f.plant("IssueDateOfImagingServiceRequest", "date", ds.IssueDateOfImagingServiceRequest,
                    f.date_forms(y, m, d))
        elif c in ("placer", "filler"):
            v = rng.choice(["ORD", "PO-", "F", ""]) + str(rng.randint(10 ** 6, 10 ** 9))
            kw = "PlacerOrderNumberImagingServiceRequest" if c == "placer" else "FillerOrderNumberImagingServiceRequest"
            setattr(ds, kw, v)
            f.plant(kw, "id", v, [("alnum", v)])
        elif c == "records":
            q = f.person()
            ds.PhysiciansOfRecord = f.pn(q)
            f.plant("PhysiciansOfRecord", "staff", ds.PhysiciansOfRecord, f.name_forms(q))
        elif c == "udi":
            sn = f"{rng.choice(['SN', 'PM', 'ICD'])}{rng.randint(10 ** 6, 10 ** 8)}"
            item = Dataset()
            item.UniqueDeviceIdentifier = f"(01)0088{rng.randint(10 ** 9, 10 ** 10 - 1)}(17)2903{rng.randint(10, 28)}(21){sn}"
            item.DeviceDescription = rng.choice(["Pacemaker DDDR", "Cochlear implant", "Hip prosthesis, cementless"])
            ds.UDISequence = [item]
            f.plant("UDISequence[0].UniqueDeviceIdentifier", "serial", item.UniqueDeviceIdentifier, [("alnum", sn)])
        elif c == "ref_ident":
            item = Dataset()
            text, forms = f.phone()
            item.PersonTelephoneNumbers = text
            staff_no = str(rng.randint(10 ** 5, 10 ** 7))
            pic = Dataset()
            pic.CodeValue, pic.CodingSchemeDesignator, pic.CodeMeaning = staff_no, "L", "Staff number"
            item.PersonIdentificationCodeSequence = [pic]
            f.plant("ReferringPhysicianIdentificationSequence[0].PersonIdentificationCodeSequence[0].CodeValue",
                    "staff", staff_no, [("alnum", staff_no)])
            item.InstitutionName = "Practice"
            ds.ReferringPhysicianIdentificationSequence = [item]
            f.plant("ReferringPhysicianIdentificationSequence[0].PersonTelephoneNumbers", "phone", text, forms)
        elif c == "alt_cal":
            by, bm, bd = int(ds.PatientBirthDate[:4]), int(ds.PatientBirthDate[4:6]), int(ds.PatientBirthDate[6:])
            text, forms, cal = alt_calendar(f, by, bm, bd)
            ds.PatientBirthDateInAlternativeCalendar = text
            ds.PatientAlternativeCalendar = cal
            f.plant("PatientBirthDateInAlternativeCalendar", "date", text, forms)


def _jdn(y, m, d):
    a = (14 - m) // 12
    y2, m2 = y + 4800 - a, m + 12 * a - 3
    return d + (153 * m2 + 2) // 5 + 365 * y2 + y2 // 4 - y2 // 100 + y2 // 400 - 32045


def jalali(gy, gm, gd):
    """Gregorian to Solar Hijri (the usual arithmetic algorithm)."""
    g_d_m = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
    gy2 = gy + 1 if gm > 2 else gy
    days = 355666 + 365 * gy + (gy2 + 3) // 4 - (gy2 + 99) // 100 + (gy2 + 399) // 400 + gd + g_d_m[gm - 1]
    jy = -1595 + 33 * (days // 12053)
    days %= 12053
    jy += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        jy += (days - 1) // 365
        days = (days - 1) % 365
    jm = 1 + days // 31 if days < 186 else 7 + (days - 186) // 30
    jd = 1 + (days % 31 if days < 186 else (days - 186) % 30)
    return jy, jm, jd


def ethiopian(gy, gm, gd):
    jdn = _jdn(gy, gm, gd)
    r = (jdn - 1723856) % 1461
    n = r % 365 + 365 * (r // 1460)
    ey = 4 * ((jdn - 1723856) // 1461) + r // 365 - r // 1460
    return ey, n // 30 + 1, n % 30 + 1


def alt_calendar(f, y, m, d):
    if f.lang == "fa":
        jy, jm, jd = jalali(y, m, d)
        text = V.persian_digits(f"{jy}/{jm:02d}/{jd:02d}")
        return text, [("literal", text), ("digits", f"{jy}{jm:02d}{jd:02d}")], "HIJRI"
    if f.lang == "am":
        ey, em, ed = ethiopian(y, m, d)
        text = f"{ed:02d}/{em:02d}/{ey} ዓ.ም."
        return text, [("digits", f"{ed:02d}{em:02d}{ey}")], "ETHIOPIAN"
    roc = y - 1911
    text = f"民國{roc}年{m}月{d}日"
    return text, [("literal", text), ("daymonth", f"{d}-{m}")], "ROC"


# ---- the set ---------------------------------------------------------------------------------------------
def build(seed, out_dir):
    import score  # the truth check (score.py imports this module)
    inputs = os.path.join(out_dir, "inputs")
    os.makedirs(inputs, exist_ok=True)
    truths, harmless = [], []
    for index, (iod, loc) in enumerate(PLAN):
        name = f"v6h_{index:02d}_{iod}.dcm"
        path = os.path.join(inputs, name)
        for attempt in range(40):
            rng = random.Random(f"{seed}-{index}-{attempt}")
            f = make_file(index, iod, loc, rng)
            with warnings.catch_warnings():
                warnings.simplefilter("error", UserWarning)  # an unencodable value is a fault of the draw
                try:
                    iods.save(f, path)
                except UserWarning as w:
                    if os.environ.get("V6_DEBUG"):
                        print(f"gen: file {index} draw {attempt}: {w}", file=sys.stderr)
                    continue
            truth = dict(index=index, file=name, iod=iod, locale=loc, body=getattr(f, "body", None),
                         charset="\\".join(f.L["charset"]) if isinstance(f.L["charset"], list) else f.L["charset"],
                         phi=f.phi, keep=f.keep, codes=f.codes)
            faults = score.check_file(truth, path)
            if os.environ.get("V6_DEBUG") and faults:
                print(f"gen: file {index} draw {attempt}: {faults[:4]}", file=sys.stderr)
            if not faults:
                break
        else:
            print(f"gen: file {index} still has truth faults after 40 draws: {faults}", file=sys.stderr)
        truth["attempt"] = attempt
        truths.append(truth)
        harmless += f.harmless
    harmless = sorted(set(harmless))
    with open(os.path.join(out_dir, "truth.json"), "w", encoding="utf-8") as fh:
        json.dump(dict(seed=seed, files=truths, harmless=harmless), fh, ensure_ascii=False, indent=1)
    return truths


if __name__ == "__main__":
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    a = ap.parse_args()
    ts = build(a.seed, a.out)
    print(f"{len(ts)} files in {a.out}/inputs; redrawn: {sum(1 for t in ts if t['attempt'])}")
