#!/usr/bin/python3
"""Generator of the fourth held-out header set (issue 8): 40 DICOM files with invented PHI, and their truth.

Usage: /usr/bin/python3 gen.py <dir> [--seed N]   writes <dir>/inputs/*.dcm and <dir>/truth.json

Seeded and deterministic. Each file has its own invented identity, character set and IOD; the truth lists each
planted PHI string (where it was put, and the forms a leak would take), each research word and clinical number to
keep, each code value/meaning, and the harmless texts a learned pattern must not match.
"""
import json
import os
import random
import re
import sys
import warnings

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import notes as N  # noqa: E402
import research as R  # noqa: E402
import vocab as V  # noqa: E402

# (IOD, locale) of the 40 files, in order
PLAN = [
    ("EnhMR", "pl"), ("EnhMR", "nl"), ("EnhMR", "ko"), ("EnhMR", "vi"), ("EnhCT", "tr"), ("EnhCT", "zh"),
    ("EnhCT", "es"), ("SEG", "cs"), ("SEG", "sv"), ("SEG", "hi"), ("RTSS", "pt"), ("RTSS", "he"), ("RTSS", "pl"),
    ("RTSS", "hu"), ("RTDOSE", "ar"), ("RTDOSE", "mx"), ("USMF", "th"), ("USMF", "br"), ("USMF", "nl"),
    ("IO", "ko"), ("PX", "sv"), ("IO", "tr"), ("VL", "ro"), ("VL", "es"), ("VL", "he"), ("DOSESR", "zh"),
    ("DOSESR", "cs"), ("DOSESR", "nl"), ("TEXTSR", "sv"), ("TEXTSR", "ka"), ("TEXTSR", "ar8"), ("CADSR", "pt"),
    ("CADSR", "pl"), ("RAW", "tr"), ("RAW", "jb"), ("CT", "th"), ("CT", "es"), ("CT", "zh"), ("CT", "sv"),
    ("EnhMR", "he"),
]
SOP = {
    "EnhMR": "1.2.840.10008.5.1.4.1.1.4.1", "EnhCT": "1.2.840.10008.5.1.4.1.1.2.1", "SEG": "1.2.840.10008.5.1.4.1.1.66.4",
    "RTSS": "1.2.840.10008.5.1.4.1.1.481.3", "RTDOSE": "1.2.840.10008.5.1.4.1.1.481.2",
    "USMF": "1.2.840.10008.5.1.4.1.1.3.1", "IO": "1.2.840.10008.5.1.4.1.1.1.3", "PX": "1.2.840.10008.5.1.4.1.1.1",
    "VL": "1.2.840.10008.5.1.4.1.1.77.1.4", "DOSESR": "1.2.840.10008.5.1.4.1.1.88.67",
    "TEXTSR": "1.2.840.10008.5.1.4.1.1.88.11", "CADSR": "1.2.840.10008.5.1.4.1.1.88.50",
    "RAW": "1.2.840.10008.5.1.4.1.1.66", "CT": "1.2.840.10008.5.1.4.1.1.2",
}
MODALITY = {"EnhMR": "MR", "EnhCT": "CT", "SEG": "SEG", "RTSS": "RTSTRUCT", "RTDOSE": "RTDOSE", "USMF": "US", "IO": "IO",
            "PX": "PX", "VL": "XC", "DOSESR": "SR", "TEXTSR": "SR", "CADSR": "SR", "RAW": "CT", "CT": "CT"}
ADDR_OF = {"jb": "jp", "hi": "in", "ar8": "ar"}  # locales whose patients live in another layout's country
NOSPACE = re.compile(r"[\u0E00-\u0E7F\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF]")  # Thai, kana, CJK, Hangul


def name_forms(*words):
    """Leak forms of a name: each word that identifies (particles aside); words of scripts written without spaces
    are looked for as substrings (they run on into the text around them)."""
    out = []
    for w in words:
        for part in re.split(r"[\s\-]+", w or ""):
            part = part.strip(".,")
            if not part or part.lower() in V.PARTICLES:
                continue
            if NOSPACE.search(part):
                if len(part) >= 2:
                    out.append(("literal", part))
            elif len(part) >= 2:
                out.append(("alpha", part))
    return out


def tail_digits(text, n=7):
    d = re.sub(r"\D", "", text.translate(str.maketrans(V.ARABIC_INDIC, "0123456789")))
    return d[-n:]


def number_part(text, last=False):
    toks = text.split()
    idx = [i for i, t in enumerate(toks) if re.search(r"\d", t)]
    if not idx:
        return text
    return toks[idx[-1]] if last else " ".join(toks[idx[0]:])


def date_forms(y, m, d, lang="en", over89=False):
    forms = []
    for f in {f"{y}{m:02d}{d:02d}", f"{d:02d}{m:02d}{y}", f"{m:02d}{d:02d}{y}", f"{d}{m}{y}", f"{m}{d}{y}",
              f"{d:02d}{m:02d}{y % 100:02d}", f"{m:02d}{d:02d}{y % 100:02d}"}:
        forms.append(("digits", f))
    forms.append(("daymonth", f"{d}-{m}"))
    forms.append(("literal", f"{m}月{d}日"))
    forms.append(("literal", f"{m}월 {d}일"))
    if over89:
        forms.append(("year", str(y)))
    return sorted(forms)


def words_of(text):
    """Research words of a text: whitespace tokens without the punctuation at their ends."""
    out = []
    for t in text.split():
        t = t.strip(",;:()\"'")
        if t.endswith(".") and not re.search(r"\d\.$", t):
            t = t[:-1]
        if t and re.search(r"\w", t) and t not in ("-", "/"):
            out.append(t)
    return out


def _can(ch, enc):
    try:
        ch.encode(enc)
        return True
    except (UnicodeEncodeError, LookupError):
        return False


class File:
    """One file under construction: its dataset, identity and truth."""

    def __init__(self, index, iod, loc, rng):
        self.i, self.iod, self.loc, self.rng = index, iod, loc, rng
        self.L = V.LOCALES[loc]
        self.lang = self.L["lang"]
        self.ds = Dataset()
        self.phi, self.keep, self.codes, self.harmless = [], [], [], []
        self.uids = {}

    def fits(self, text):
        """Whether the file's Specific Character Set can hold the text."""
        encs = pydicom.charset.convert_encodings(self.L["cs"].split("\\"))
        for ch in text:
            if not any(_can(ch, e) for e in encs):
                return False
        return True

    def encoded_len(self, text):
        return len(pydicom.charset.encode_string(text, pydicom.charset.convert_encodings(self.L["cs"].split("\\"))))

    def uid(self, key=None):
        u = "2.25." + str(self.rng.getrandbits(125))
        if key:
            self.uids[key] = u
        return u

    def plant(self, path, kind, text, forms):
        assert forms, (path, text)
        # words of scripts written without spaces run on into the text around them: look for them as substrings
        forms = [("literal", form) if t == "alpha" and NOSPACE.search(form) else (t, form) for t, form in forms]
        self.phi.append({"path": path, "kind": kind, "text": str(text), "forms": [list(f) for f in forms]})

    def research(self, path, text, nums=()):
        """Keep every word of a research text (numbers in ``nums`` as clinical numbers)."""
        self.harmless.append(text)
        numset = [n for n in nums if re.search(r"(?<![A-Za-z0-9])" + re.escape(n) + r"(?![A-Za-z0-9])", text)]
        for n in numset:
            self.keep.append({"path": path, "word": n, "role": "num"})
        for w in words_of(text):
            if w in numset:
                continue
            self.keep.append({"path": path, "word": w, "role": "desc"})

    def code(self, path, value, scheme, meaning):
        c = Dataset()
        c.CodeValue, c.CodingSchemeDesignator, c.CodeMeaning = value, scheme, meaning
        self.codes.append({"path": path, "value": value, "meaning": meaning})
        self.harmless.append(meaning)
        return c


# -- identity --------------------------------------------------------------------------------------------------
class Person:
    def __init__(self, tup):
        self.family, self.given = tup[0], tup[1]
        self.middle = tup[2] if len(tup) > 2 else ""
        self.sex = tup[3] if len(tup) > 3 else "O"
        self.roman = (tup[4], tup[5]) if len(tup) > 5 else None
        self.ideo = (tup[6], tup[7]) if len(tup) > 7 else None

    def forms(self):
        words = [self.family, self.given, self.middle]
        if self.roman:
            words += list(self.roman)
        if self.ideo:
            words += list(self.ideo)
        f = name_forms(*words)
        if NOSPACE.search(self.family):
            f.append(("literal", self.family + self.given))
            if self.ideo:
                f.append(("literal", self.ideo[0] + self.ideo[1]))
        return sorted(set(f))

    def pn(self, loc):
        given = (self.given + " " + self.middle).strip()
        if loc == "ko" and self.roman and self.ideo:
            return f"{self.roman[0]}^{self.roman[1]}={self.ideo[0]}^{self.ideo[1]}={self.family}^{self.given}"
        if self.roman and loc == "jb":
            return f"{self.family}^{given}={self.roman[0]}^{self.roman[1]}"  # alphabetic = Latin, ideographic = kana
        if self.roman:
            return f"{self.family}^{given}"
        return f"{self.family}^{given}"


def short_name(f, p, rng):
    """The patient in a note: another order, case, initials, with a title."""
    if p.roman and NOSPACE.search(p.family):
        return p.family + p.given
    if p.roman and f.lang in ("he", "ar", "ka", "hi"):
        return rng.choice([f"{p.given} {p.family}", f"{p.roman[1]} {p.roman[0].upper()}"])
    fam = p.family
    titles = V.TITLES.get(f.lang, ["Mrs" if p.sex == "F" else "Mr"])
    title = titles[0] if p.sex == "F" else titles[1] if len(titles) > 1 else titles[0]
    first_fam = fam.split()[0] if fam.split()[0].lower() not in V.PARTICLES else fam
    return rng.choice([f"{title} {fam}", f"{p.given[0]}. {first_fam}", f"{fam.upper()} {p.given}",
                       f"{first_fam}, {p.given[0]}.", f"{p.given} {fam}"])


def old_age(f, n, rng, lang=None):
    lang = lang or f.lang
    tmpl = rng.choice(V.OLD_AGE.get(lang, V.OLD_AGE["en"]))
    text = tmpl.format(n=n, w=V.age_words(n), es=V.ES_WORDS.get(n, str(n)), pt=V.PT_WORDS.get(n, str(n)),
                       ar=V.arabic_digits(n))
    forms = [("age", str(n))]
    if "{w}" in tmpl:
        forms.append(("alpha", V.age_words(n).replace("-", " ")))
    if "{es}" in tmpl:
        forms.append(("alpha", V.ES_WORDS[n]))
    if "{pt}" in tmpl:
        forms.append(("alpha", V.PT_WORDS[n]))
    if "{ar}" in tmpl:
        forms.append(("literal", V.arabic_digits(n)))
    return text, forms


def word_date(f, y, m, d, rng):
    months = V.MONTH_NAMES.get(f.lang)
    if f.lang == "zh" or f.lang == "ko":
        return (f"{y}年{m}月{d}日" if f.lang == "zh" else f"{y}년 {m}월 {d}일"), date_forms(y, m, d)
    if not months:
        months = V.MONTHS
    mon = months[m - 1]
    if f.lang in ("en",) or months is V.MONTHS:
        text = rng.choice([f"{d} {mon} {y}", f"{mon[:3]} {d}, {y}", f"{d}{'st' if d in (1, 21, 31) else 'th'} of {mon}"])
    elif f.lang in ("es", "pt"):
        text = f"{d} de {mon} de {y}"
    elif f.lang == "hu":
        text = f"{y}. {mon} {d}."
    elif f.lang == "vi":
        text = f"ngày {d} {mon} năm {y}"
    else:
        text = f"{d} {mon} {y}"
    return text, date_forms(y, m, d)


def num_date(f, y, m, d, rng):
    text = rng.choice([f"{d:02d}.{m:02d}.{y}", f"{d}/{m}/{y}", f"{y}-{m:02d}-{d:02d}", f"{d:02d}-{m:02d}-{y % 100:02d}"])
    return text, date_forms(y, m, d)


def rand_date(rng, y0=2019, y1=2025):
    y = rng.randint(y0, y1)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28)
    while d == m or (d <= 12 and m <= 12 and rng.random() < 0.5):  # mostly unambiguous day/month
        d = rng.randint(13, 28)
    return y, m, d


class Slots:
    """Fills the slots of a note template; records what it planted."""

    def __init__(self, f, pat, rng):
        self.f, self.p, self.rng = f, pat, rng

    def fill(self, path, template, tries=40):
        """The template with its slots filled (drawn again until the file's character set holds it)."""
        for _ in range(tries):
            before = (len(self.f.phi), len(self.f.keep))
            text = self._fill(path, template)
            if self.f.fits(text):
                return text
            del self.f.phi[before[0]:]
            del self.f.keep[before[1]:]
        raise RuntimeError(f"no filling of {template!r} fits {self.f.L['cs']}")

    def _fill(self, path, template):
        f, rng = self.f, self.rng
        parts, planted, kept = [], [], []
        pos = 0
        for m in re.finditer(r"\{(\w+)\}", template):
            parts.append(template[pos:m.start()])
            text, kind, forms = self.slot(m.group(1))
            parts.append(text)
            if kind == "young":
                kept.append(text)
            else:
                planted.append((kind, text, forms))
            pos = m.end()
        parts.append(template[pos:])
        full = "".join(parts)
        prose = re.sub(r"\{\w+\}", " ", template)
        for kind, text, forms in planted:
            f.plant(path, kind, text, forms)
        for y in kept:
            f.keep.append({"path": path, "word": y, "role": "age"})
        for w in words_of(prose):
            if len(w) > 2 and re.search(r"[^\W\d_]", w):
                f.keep.append({"path": path, "word": w, "role": "note"})
        return full

    def slot(self, name):
        f, p, rng, loc = self.f, self.p, self.rng, self.f.loc
        L = f.L
        others = [Person(o) for o in L["others"]]
        if name == "pt":
            return short_name(f, p, rng), "name", p.forms()
        if name == "ptfull":
            return f"{p.family.upper()}, {p.given}", "name", p.forms()
        if name == "rel":
            o = rng.choice(others)
            return f"{o.given} {o.family}", "name-other", o.forms()
        if name == "staff":
            o = rng.choice(others)
            cue = rng.choice(N.STAFF_CUE.get(f.lang, N.STAFF_CUE["en"]))
            text = rng.choice([f"{cue} {o.family}", f"{cue} {o.given[0]}. {o.family}", f"{o.given} {o.family}"])
            return text, "staff", o.forms()
        if name == "old":
            n = f.age if f.age > 89 else f.note_age  # the patient's age, else one relative's
            text, forms = old_age(f, n, rng)
            return text, "age", forms
        if name == "olde":
            n = f.age if f.age > 89 else f.note_age
            text, forms = old_age(f, n, rng, lang="de")
            return text, "age", forms
        if name == "young":
            return str(rng.randint(58, 88)), "young", []
        if name == "phone":
            t = rng.choice(V.PHONES.get(ADDR_OF.get(loc, loc), V.PHONES["es"]))
            return t, "phone", [("digits_tail", tail_digits(t))]
        if name == "addr":
            t, forms = rng.choice(V.ADDRESSES[ADDR_OF.get(loc, loc)])
            return t, "address", forms
        if name == "email":
            t = rng.choice(V.EMAILS)
            return t, "email", [("alnum", t.split("@")[0]), ("literal", t)]
        if name == "url":
            t = rng.choice(V.URLS)
            tail = t.rstrip("/").split("/")[-1].split("=")[-1]
            host = re.sub(r"^(https?://)?", "", t).split("/")[0]
            return t, "url", [("alnum", tail), ("literal", host)]
        if name == "ip":
            t = rng.choice(V.IPS)
            return t, "ip", [("digits", t.replace(".", ""))]
        if name == "plate":
            t = rng.choice(V.PLATES)
            return t, "plate", [("alnum", t)] if not NOSPACE.search(t) else [("literal", t)]
        if name == "serial":
            t = rng.choice(V.SERIALS)
            return t, "serial", [("alnum", number_part(t, last=True))]
        if name == "acct":
            t = rng.choice(V.ACCOUNTS)
            return t, "account", [("alnum", number_part(t))]
        if name == "cert":
            t = rng.choice(V.CERTS)
            return t, "license", [("alnum", number_part(t, last=True))]
        if name == "plan":
            t = rng.choice(V.PLANS)
            return t, "health-plan", [("alnum", number_part(t))]
        if name == "wdate":
            text, forms = word_date(f, *rand_date(rng), rng)
            return text, "date", forms
        if name == "ndate":
            text, forms = num_date(f, *rand_date(rng), rng)
            return text, "date", forms
        raise KeyError(name)


# -- modules ---------------------------------------------------------------------------------------------------
def fill_note(f, slots, path, templates, rng, tries=30):
    """A note whose over-89 ages each appear once (so a leftover number is the planted one)."""
    for _ in range(tries):
        before = (len(f.phi), len(f.keep))
        text = slots.fill(path, rng.choice(templates))
        ok = True
        for item in f.phi[before[0]:]:
            if item["kind"] == "age":
                n = item["forms"][0][1]
                if len(re.findall(rf"(?<!\d)0*{n}(?!\d)", text)) != 1:
                    ok = False
        if ok:
            return text
        del f.phi[before[0]:]
        del f.keep[before[1]:]
    raise RuntimeError("no note without a clash")


def patient_module(f, p, rng, dob, age):
    ds, L = f.ds, f.L
    ds.PatientName = p.pn(f.loc)
    f.plant("PatientName", "name", ds.PatientName, p.forms())
    pid = rng.choice(["{}{:07d}", "H{}-{:06d}", "{}{:08d}", "MRN{}{:06d}"]).format(rng.randint(1, 9), rng.randint(0, 10**6 - 1))
    ds.PatientID = pid
    f.plant("PatientID", "id", pid, [("alnum", pid)])
    ds.IssuerOfPatientID = rng.choice(["HUS-ESPOO", "CHULN", "UMCU", "SZPITAL-WOJ-K2", "KAROLINSKA-SOL"]) + f"-{f.i:02d}"
    y, m, d = dob
    ds.PatientBirthDate = f"{y}{m:02d}{d:02d}"
    f.plant("PatientBirthDate", "date", ds.PatientBirthDate, date_forms(y, m, d, over89=age > 89))
    ds.PatientSex = p.sex
    ds.PatientAge = f"{age:03d}Y"
    if age > 89:
        f.plant("PatientAge", "age", ds.PatientAge, [("age", str(age))])
    else:
        f.keep.append({"path": "PatientAge", "word": str(age), "role": "age"})
    return pid


def uncommon(f, p, slots, rng, pid):
    """A draw of the less common identity places; each file gets several."""
    ds, L = f.ds, f.L
    loc = ADDR_OF.get(f.loc, f.loc)
    places = ["other_ids", "ref_patient", "birth_name", "mother", "address", "country", "phones", "ethnic",
              "admission", "episode", "alerts", "allergies", "special", "insurance"]
    chosen = rng.sample(places, 9)
    if "other_ids" in chosen:
        oid = f"{rng.randint(10, 99)}-{rng.randint(100000, 999999)}"
        item = Dataset()
        item.PatientID = oid
        item.IssuerOfPatientID = rng.choice(["NATIONAL-REG", "REGION-HALLAND", "SNS-PT", "IKZ-NL"])
        item.TypeOfPatientID = "TEXT"
        ds.OtherPatientIDsSequence = Sequence([item])
        f.plant("OtherPatientIDsSequence[0].PatientID", "id", oid, [("alnum", oid)])
    if "ref_patient" in chosen:
        item = Dataset()
        item.ReferencedSOPClassUID = "1.2.840.10008.3.1.2.1.4"
        item.ReferencedSOPInstanceUID = f.uid()  # a UID: the kit maps it; not scored (the walk reads no UI)
        ds.ReferencedPatientSequence = Sequence([item])
    if "birth_name" in chosen and p.sex == "F" and not p.roman:
        bn = rng.choice([o[0] for o in L["others"]])
        ds.PatientBirthName = f"{bn}^{p.given}"
        f.plant("PatientBirthName", "name-other", ds.PatientBirthName, name_forms(bn))
    if "mother" in chosen:
        o = Person(rng.choice(L["others"]))
        ds.PatientMotherBirthName = f"{o.family}^{o.given}"
        f.plant("PatientMotherBirthName", "name-other", ds.PatientMotherBirthName, o.forms())
    if "address" in chosen or f.i % 4 == 0:
        t, forms = rng.choice(V.ADDRESSES[loc])
        while f.encoded_len(t) > 64:  # Patient's Address is LO: draw again (other seeds only; the set's seed fits)
            t, forms = rng.choice(V.ADDRESSES[loc] + V.ADDRESSES["es"])
        ds.PatientAddress = t
        f.plant("PatientAddress", "address", t, forms)
    if "country" in chosen:
        ds.CountryOfResidence = L["country"]
        f.plant("CountryOfResidence", "profile-attr", L["country"], [("alpha", L["country"])])
        region = {"es": "Comunidad de Madrid", "nl": "Utrecht", "sv": "Västerbotten", "pl": "mazowieckie",
                  "pt": "Distrito de Lisboa", "br": "Paraná", "tr": "İstanbul", "mx": "CDMX"}.get(loc)
        if region:
            ds.RegionOfResidence = region
            f.plant("RegionOfResidence", "profile-attr", region, [("alpha", region)])
    if "phones" in chosen or f.i % 4 == 1:
        t = rng.choice(V.PHONES[loc])
        while f.encoded_len(t) > 16:  # SH: draw again (other seeds only; the set's seed fits)
            t = rng.choice(V.PHONES[loc] + V.PHONES["es"][1:])
        ds.PatientTelephoneNumbers = t
        f.plant("PatientTelephoneNumbers", "phone", t, [("digits_tail", tail_digits(t))])
    if "ethnic" in chosen:
        eg = {"he": "Ashkenazi", "ar": "Arab", "th": "Thai", "ko": "Korean", "zh": "Han", "tr": "Turkish",
              "br": "Parda", "mx": "Mestizo", "hi": "South Asian"}.get(f.loc, "White European")
        ds.EthnicGroup = eg
        f.plant("EthnicGroup", "profile-attr", eg, [("alpha", eg)])
    if "admission" in chosen:
        t = f"ADM{rng.randint(2020, 2025)}-{rng.randint(10000, 99999)}"
        ds.AdmissionID = t
        f.plant("AdmissionID", "id", t, [("alnum", t)])
    if "episode" in chosen:
        t = f"EP{rng.randint(100000, 999999)}"
        ds.ServiceEpisodeID = t
        f.plant("ServiceEpisodeID", "id", t, [("alnum", t)])
    for kw in ("MedicalAlerts", "Allergies", "SpecialNeeds"):
        key = {"MedicalAlerts": "alerts", "Allergies": "allergies", "SpecialNeeds": "special"}[kw]
        if key in chosen:
            tmpl = rng.choice(N.SHORT[kw])
            if "{" in tmpl:
                setattr(ds, kw, slots.fill(kw, tmpl))
            else:
                setattr(ds, kw, tmpl)
    if "insurance" in chosen:
        plan = rng.choice([x for x in V.PLANS if f.fits(x)])
        num = number_part(plan)
        c = Dataset()
        cv = re.sub(r"\s", "", num)
        c.CodeValue = cv if len(cv) <= 16 else re.sub(r"\W", "", cv)  # SH: without separators (other seeds only)
        c.CodingSchemeDesignator = "99INSUR"
        c.CodeMeaning = plan
        ds.PatientInsurancePlanCodeSequence = Sequence([c])
        f.plant("PatientInsurancePlanCodeSequence[0].CodeMeaning", "health-plan", plan, [("alnum", num)])
        f.plant("PatientInsurancePlanCodeSequence[0].CodeValue", "health-plan", c.CodeValue, [("alnum", num)])


def study_module(f, p, slots, rng, research, staff):
    ds, L = f.ds, f.L
    y, m, d = rand_date(rng, 2023, 2025)
    ds.StudyDate = f"{y}{m:02d}{d:02d}"
    ds.StudyTime = f"{rng.randint(7, 19):02d}{rng.randint(0, 59):02d}{rng.randint(0, 59):02d}"
    f.study_date = ds.StudyDate
    ds.StudyInstanceUID = f.uid("study")
    ds.StudyID = f"S{rng.randint(1000, 9999)}"
    acc = rng.choice(["A{}{:06d}", "{}{:07d}", "RAD-{}-{:05d}"]).format(rng.randint(1, 9), rng.randint(0, 99999))
    ds.AccessionNumber = acc
    f.plant("AccessionNumber", "id", acc, [("alnum", acc)])
    ref = staff[0]
    ds.ReferringPhysicianName = f"{ref.family}^{ref.given}^^{rng.choice(['Dr.', 'Prof.', 'MUDr.', 'dr hab.'])}"
    f.plant("ReferringPhysicianName", "staff", ds.ReferringPhysicianName, ref.forms())
    study = research["study"].get(f.loc if f.loc in research["study"] else f.lang, research["study"]["en"])
    if f.i % 5 == 2:  # a registrar typed who and how to reach into the description
        text, kind, forms = slots.slot(rng.choice(["pt", "phone"]))
        while f.encoded_len(f"{study} - {text}") > 64:  # LO: draw again (other seeds only; the set's seed fits)
            text, kind, forms = slots.slot("phone")
        ds.StudyDescription = f"{study} - {text}"
        f.research("StudyDescription", study, research["nums"])
        f.plant("StudyDescription", kind, text, forms)
    else:
        ds.StudyDescription = study
        f.research("StudyDescription", study, research["nums"])
    c = f.code("ProcedureCodeSequence[0]", rng.choice(["24627-2", "36643-5", "24590-2", "RPID16"]), "LN",
               {"EnhMR": "MR Brain WO and W contrast IV", "EnhCT": "CT Chest+Abdomen+Pelvis W contrast IV"}.get(
                   f.iod, "Imaging procedure"))
    ds.ProcedureCodeSequence = Sequence([c])
    # patient study
    ds.PatientSize = f"{rng.uniform(1.5, 1.9):.2f}"
    ds.PatientWeight = str(rng.randint(48, 96))
    hist = fill_note(f, slots, "AdditionalPatientHistory",
                     N.NOTES.get(f.lang, []) + (N.NOTES["en"] if f.lang not in ("zh", "ko", "th") else []), rng)
    ds.AdditionalPatientHistory = hist
    if rng.random() < 0.6:
        ds.PatientComments = fill_note(f, slots, "PatientComments", N.NOTES["en"] + N.NOTES.get(f.lang, []), rng)
    if f.i % 3 == 0:
        ds.StudyComments = slots.fill("StudyComments", rng.choice(N.SHORT["StudyComments"]))
    readers = [staff[1]]
    ds.NameOfPhysiciansReadingStudy = f"{readers[0].family}^{readers[0].given}"
    f.plant("NameOfPhysiciansReadingStudy", "staff", ds.NameOfPhysiciansReadingStudy, readers[0].forms())
    rec = staff[2]
    ds.NamesOfIntendedRecipientsOfResults = f"{rec.family}^{rec.given}"
    f.plant("NamesOfIntendedRecipientsOfResults", "staff", ds.NamesOfIntendedRecipientsOfResults, rec.forms())
    # request
    ds.RequestedProcedureDescription = study.split(" - ")[0]
    f.research("RequestedProcedureDescription", ds.RequestedProcedureDescription, research["nums"])
    ra = Dataset()
    ra.RequestedProcedureID = f"RP{rng.randint(10000, 99999)}"
    ra.ScheduledProcedureStepID = f"SPS{rng.randint(1000, 9999)}"
    ra.ScheduledProcedureStepDescription = research["series"][0]
    reason = rng.choice(research["reason"])
    ra.ReasonForTheRequestedProcedure = reason
    ra.RequestedProcedureComments = slots.fill("RequestAttributesSequence[0].RequestedProcedureComments",
                                               rng.choice(N.SHORT["RequestedProcedureComments"]))
    ds.RequestAttributesSequence = Sequence([ra])
    f.research("RequestAttributesSequence[0].ReasonForTheRequestedProcedure", reason, research["nums"])
    f.research("RequestAttributesSequence[0].ScheduledProcedureStepDescription", research["series"][0],
               research["nums"])
    ds.OrderEnteredBy = f"{staff[0].family}^{staff[0].given}"
    f.plant("OrderEnteredBy", "staff", ds.OrderEnteredBy, staff[0].forms())
    return study


def series_module(f, rng, research, staff):
    ds = f.ds
    ds.Modality = MODALITY[f.iod]
    ds.SeriesInstanceUID = f.uid("series")
    ds.SeriesNumber = str(rng.randint(1, 900))
    series = rng.choice(research["series"])
    ds.SeriesDescription = series
    f.research("SeriesDescription", series, research["nums"])
    ds.ProtocolName = rng.choice(research["protocol"])
    f.research("ProtocolName", ds.ProtocolName, research["nums"])
    ds.BodyPartExamined = research["body"]
    f.research("BodyPartExamined", research["body"])
    op = staff[3]
    ds.OperatorsName = f"{op.family}^{op.given}"
    f.plant("OperatorsName", "staff", ds.OperatorsName, op.forms())
    oi = Dataset()
    pic = Dataset()
    code = f"EMP{rng.randint(10000, 99999)}"
    pic.CodeValue, pic.CodingSchemeDesignator, pic.CodeMeaning = code, "99STAFF", f"{op.given} {op.family}"
    oi.PersonIdentificationCodeSequence = Sequence([pic])
    oi.InstitutionName = "Hospital"
    ds.OperatorIdentificationSequence = Sequence([oi])
    f.plant("OperatorIdentificationSequence[0].PersonIdentificationCodeSequence[0].CodeValue", "staff", code,
            [("alnum", code)])
    f.plant("OperatorIdentificationSequence[0].PersonIdentificationCodeSequence[0].CodeMeaning", "staff",
            pic.CodeMeaning, op.forms())
    perf = staff[4]
    ds.PerformingPhysicianName = f"{perf.family}^{perf.given}"
    f.plant("PerformingPhysicianName", "staff", ds.PerformingPhysicianName, perf.forms())
    ds.PerformedProcedureStepStartDate = f.study_date
    ds.PerformedProcedureStepStartTime = "101500"
    ds.PerformedProcedureStepID = f"PPS{rng.randint(100, 999)}"
    ds.PerformedProcedureStepDescription = research["study"]["en"].split(" - ")[0]
    f.research("PerformedProcedureStepDescription", ds.PerformedProcedureStepDescription, research["nums"])
    sps = Dataset()
    sps.ScheduledPerformingPhysicianName = f"{staff[1].family}^{staff[1].given}"
    sps.ScheduledProcedureStepDescription = research["series"][0]
    sps.ScheduledStationName = f"CT{rng.randint(1, 9)}-{f.L['country'][:3].upper()}"
    ds.ScheduledProcedureStepSequence = Sequence([sps])
    f.plant("ScheduledProcedureStepSequence[0].ScheduledPerformingPhysicianName", "staff",
            sps.ScheduledPerformingPhysicianName, staff[1].forms())
    f.research("ScheduledProcedureStepSequence[0].ScheduledProcedureStepDescription", research["series"][0],
               research["nums"])


def equipment(f, rng, enhanced=False):
    ds = f.ds
    ds.Manufacturer = rng.choice(["Nordvik Medical", "Halcyon Imaging", "Kestrel Systems", "Orbis Diagnostica"])
    ds.ManufacturerModelName = rng.choice(["Aurora 3T", "Vireo 128", "Solstice X", "DentaScan 2"])
    ds.SoftwareVersions = f"VB{rng.randint(10, 60)}A"
    serial = rng.choice(["{}{:06d}", "SN-{}{:05d}", "{}X{:05d}"]).format(rng.randint(1, 9), rng.randint(0, 99999))
    ds.DeviceSerialNumber = serial
    f.plant("DeviceSerialNumber", "serial", serial, [("alnum", serial)])
    station = rng.choice(["RAD-{}-KOWAL", "MRI{}_ZH_OOST", "CTSCAN{}", "WS-{}-DRLINDQ"]).format(rng.randint(1, 9))
    ds.StationName = station
    f.plant("StationName", "station", station, [("literal", station)])
    ds.InstitutionName = rng.choice(["Szpital Wojewódzki", "Ziekenhuis Oost", "Hospital Universitario",
                                     "Centro Hospitalar"]) if f.L["cs"] in ("ISO_IR 100", "ISO_IR 192") else "Regional Hospital"
    ds.InstitutionAddress = "Hospital address"


def image_pixels(ds, rows, cols, frames=1, bits=16, stored=12, rgb=False, signed=False, rng=None):
    ds.Rows, ds.Columns = rows, cols
    ds.SamplesPerPixel = 3 if rgb else 1
    ds.PhotometricInterpretation = "RGB" if rgb else "MONOCHROME2"
    if rgb:
        ds.PlanarConfiguration = 0
    ds.BitsAllocated, ds.BitsStored, ds.HighBit = bits, stored, stored - 1
    ds.PixelRepresentation = 1 if signed else 0
    if frames > 1:
        ds.NumberOfFrames = str(frames)
    n = rows * cols * frames * (3 if rgb else 1)
    gen = np.random.default_rng(rng.getrandbits(32))
    if bits == 1:
        arr = np.packbits(gen.integers(0, 2, n, dtype=np.uint8), bitorder="little")
        data = arr.tobytes()
    elif bits == 8:
        data = gen.integers(0, 255, n, dtype=np.uint8).tobytes()
    elif bits == 32:
        data = gen.integers(0, 2**20, n, dtype=np.uint32).astype("<u4").tobytes()
    else:
        data = gen.integers(0, 2 ** (stored - 1), n, dtype=np.int16 if signed else np.uint16).astype(
            "<i2" if signed else "<u2").tobytes()
    if len(data) % 2:
        data += b"\0"
    ds.PixelData = data
    ds["PixelData"].VR = "OB" if bits in (1, 8) else "OW"


def general_image(f, rng, comments=True, slots=None):
    ds = f.ds
    ds.InstanceNumber = "1"
    ds.ContentDate = f.study_date
    ds.ContentTime = "101733"
    ds.BurnedInAnnotation = "NO"
    if comments and slots is not None and rng.random() < 0.7:
        ds.ImageComments = slots.fill("ImageComments", rng.choice(N.SHORT["ImageComments"]))


def private_blocks(f, rng, p, slots, pid):
    """PHI in private attributes, each vendor in its own style."""
    ds = f.ds
    style = f.i % 3
    if style == 0:
        ds.add_new(0x00290010, "LO", "NORDVIK MR PATIENTINFO 2")
        ds.add_new(0x00291008, "PN", p.pn(f.loc))
        ds.add_new(0x00291009, "LO", pid)
        f.plant("(0029,'NORDVIK MR PATIENTINFO 2',08)", "name", p.pn(f.loc), p.forms())
        f.plant("(0029,'NORDVIK MR PATIENTINFO 2',09)", "id", pid, [("alnum", pid)])
    elif style == 1:
        ds.add_new(0x00190010, "LO", "HALCYON_IMG_03")
        t = f"{p.family.upper()} {p.given} / {pid}"
        ds.add_new(0x00191020, "LT", t)
        f.plant("(0019,'HALCYON_IMG_03',20)", "name", t, p.forms())
        f.plant("(0019,'HALCYON_IMG_03',20)", "id", t, [("alnum", pid)])
    else:
        ds.add_new(0x00430010, "LO", "Kestrel^Protocol Data")
        note = slots.fill("(0043,'Kestrel^Protocol Data',31)", "tech {staff}; pt phone {phone}")
        ds.add_new(0x00431031, "LT", note)
    ds.add_new(0x00450010, "LO", "ORBIS_SERVICE 1.0")
    ds.add_new(0x00451001, "SH", f.ds.get("StationName", "WS1"))
    f.plant("(0045,'ORBIS_SERVICE 1.0',01)", "station", str(ds[0x00451001].value), [("literal", str(ds[0x00451001].value))])


# -- IOD builders ----------------------------------------------------------------------------------------------
def frame_of_reference(f):
    f.ds.FrameOfReferenceUID = f.uid("for")
    f.ds.PositionReferenceIndicator = ""


def dimensions(ds, f):
    dou = f.uid()
    d = Dataset()
    d.DimensionOrganizationUID = dou
    ds.DimensionOrganizationSequence = Sequence([d])
    di = Dataset()
    di.DimensionOrganizationUID = dou
    di.DimensionIndexPointer = 0x00209057
    di.FunctionalGroupPointer = 0x00209111
    ds.DimensionIndexSequence = Sequence([di])
    ds.DimensionOrganizationType = "3D"


def anatomy_code(f, path, rng):
    region = {"BRAIN": ("12738006", "Brain"), "CHEST": ("51185008", "Thorax"), "ABDOMEN": ("818981001", "Abdomen"),
              "HEADNECK": ("774007", "Head and Neck"), "PELVIS": ("12921003", "Pelvis"), "JAW": ("91609006", "Mandible"),
              "SKIN": ("39937001", "Skin"), "KNEE": ("72696002", "Knee"), "BREAST": ("76752008", "Breast"),
              "HEAD": ("69536005", "Head")}[f.ds.BodyPartExamined]
    return f.code(path, region[0], "SCT", region[1])


def enhanced(f, rng, slots, research, ct):
    ds = f.ds
    frames = 3
    image_pixels(ds, 32, 32, frames=frames, bits=16, stored=12, signed=False, rng=rng)
    ds.ImageType = ["ORIGINAL", "PRIMARY", "AXIAL" if ct else "M", "NONE"]
    ds.ContentQualification = "RESEARCH" if f.i % 2 else "PRODUCT"
    ds.AcquisitionNumber = "1"
    ds.AcquisitionDateTime = f.study_date + "101500"
    ds.AcquisitionDuration = "245.0"
    ds.LossyImageCompression = "00"
    ds.PresentationLUTShape = "IDENTITY"
    ds.ContentDate, ds.ContentTime, ds.InstanceNumber = f.study_date, "102000", "1"
    ds.BurnedInAnnotation = "NO"
    ds.RecognizableVisualFeatures = "NO"
    ds.VolumetricProperties = "VOLUME"
    ds.VolumeBasedCalculationTechnique = "NONE"
    ds.PixelPresentation = "MONOCHROME"
    ds.PatientPosition = "HFS"
    if not ct:
        ds.ComplexImageComponent = "MAGNITUDE"
        ds.AcquisitionContrast = "T2"
        ds.ResonantNucleus = "1H"
        ds.KSpaceFiltering = "NONE"
        ds.MagneticFieldStrength = "3"
        ds.ApplicableSafetyStandardAgency = "IEC"
        ds.ImagingFrequency = "123.2"
        ds.PulseSequenceName = "tse2d1_15"
        for kw, v in dict(MRAcquisitionType="2D", EchoPulseSequence="SPIN", MultipleSpinEcho="NO",
                          MultiPlanarExcitation="NO", PhaseContrast="NO", TimeOfFlightContrast="NO",
                          SteadyStatePulseSequence="NONE", EchoPlanarPulseSequence="NO", SaturationRecovery="NO",
                          SpectrallySelectedSuppression="NONE", OversamplingPhase="NONE",
                          GeometryOfKSpaceTraversal="RECTILINEAR", SegmentedKSpaceTraversal="SINGLE",
                          RectilinearPhaseEncodeReordering="LINEAR", NumberOfKSpaceTrajectories="1").items():
            setattr(ds, kw, v)
    ds.ContrastBolusAgent = research["contrast"]
    f.research("ContrastBolusAgent", research["contrast"], research["nums"])
    dimensions(ds, f)
    ds.AcquisitionContextSequence = Sequence([])
    sh = Dataset()
    pm = Dataset()
    pm.PixelSpacing, pm.SliceThickness = ["0.8", "0.8"], "3"
    sh.PixelMeasuresSequence = Sequence([pm])
    po = Dataset()
    po.ImageOrientationPatient = ["1", "0", "0", "0", "1", "0"]
    sh.PlaneOrientationSequence = Sequence([po])
    fa = Dataset()
    fa.AnatomicRegionSequence = Sequence([anatomy_code(
        f, "SharedFunctionalGroupsSequence[0].FrameAnatomySequence[0].AnatomicRegionSequence[0]", rng)])
    fa.FrameLaterality = "U"
    sh.FrameAnatomySequence = Sequence([fa])
    pv = Dataset()
    pv.RescaleIntercept, pv.RescaleSlope, pv.RescaleType = ("-1024", "1", "HU") if ct else ("0", "1", "US")
    sh.PixelValueTransformationSequence = Sequence([pv])
    voi = Dataset()
    voi.WindowCenter, voi.WindowWidth = ("40", "400") if ct else ("600", "1200")
    sh.FrameVOILUTSequence = Sequence([voi])
    ft = Dataset()
    ft.FrameType = ["ORIGINAL", "PRIMARY", "AXIAL" if ct else "M", "NONE"]
    ft.PixelPresentation, ft.VolumetricProperties, ft.VolumeBasedCalculationTechnique = "MONOCHROME", "VOLUME", "NONE"
    if ct:
        sh.CTImageFrameTypeSequence = Sequence([ft])
        a = Dataset()
        a.AcquisitionType, a.ConstantVolumeFlag, a.FluoroscopyFlag = "SPIRAL", "NO", "NO"
        sh.CTAcquisitionTypeSequence = Sequence([a])
        a = Dataset()
        a.DataCollectionDiameter, a.GantryDetectorTilt, a.TableHeight, a.RotationDirection = "500", "0", "145", "CW"
        a.RevolutionTime, a.SingleCollimationWidth, a.TotalCollimationWidth = "0.5", "0.625", "40"
        sh.CTAcquisitionDetailsSequence = Sequence([a])
        a = Dataset()
        a.TableSpeed, a.TableFeedPerRotation, a.SpiralPitchFactor = "78.5", "39.4", "0.984"
        sh.CTTableDynamicsSequence = Sequence([a])
        a = Dataset()
        a.DistanceSourceToDetector, a.DistanceSourceToDataCollectionCenter = "1085.6", "595"
        sh.CTGeometrySequence = Sequence([a])
        a = Dataset()
        a.ReconstructionAlgorithm, a.ConvolutionKernel, a.ConvolutionKernelGroup = "ITERATIVE", research["kernel"], "SOFT_TISSUE"
        a.ReconstructionDiameter, a.ReconstructionPixelSpacing = "380", ["0.8", "0.8"]
        a.ReconstructionAngle, a.ImageFilter = "360", "SMOOTH"
        f.research("SharedFunctionalGroupsSequence[0].CTReconstructionSequence[0].ConvolutionKernel", research["kernel"])
        sh.CTReconstructionSequence = Sequence([a])
        a = Dataset()
        a.ExposureTimeInms, a.XRayTubeCurrentInmA, a.ExposureInmAs, a.ExposureModulationType, a.CTDIvol = (
            "500", "212", "106", "NONE", "9.8")
        sh.CTExposureSequence = Sequence([a])
        a = Dataset()
        a.KVP, a.FocalSpots, a.FilterType, a.FilterMaterial = "120", "1.2", "BODY", "ALUMINUM"
        sh.CTXRayDetailsSequence = Sequence([a])
        a = Dataset()
        a.TablePosition, a.ReconstructionTargetCenterPatient, a.DataCollectionCenterPatient = (
            "-120", ["0", "-145", "-120"], ["0", "-145", "-120"])
        sh.CTPositionSequence = Sequence([a])
        a = Dataset()
        a.IrradiationEventUID = f.uid()
        sh.IrradiationEventIdentificationSequence = Sequence([a])
    else:
        ft.ComplexImageComponent, ft.AcquisitionContrast = "MAGNITUDE", "T2"
        sh.MRImageFrameTypeSequence = Sequence([ft])
        t = Dataset()
        t.RepetitionTime, t.FlipAngle, t.EchoTrainLength, t.RFEchoTrainLength, t.GradientEchoTrainLength = (
            "4200", "150", "15", "15", "0")
        sar = Dataset()
        sar.SpecificAbsorptionRateDefinition, sar.SpecificAbsorptionRateValue = "IEC_WHOLE_BODY", "1.2"
        t.SpecificAbsorptionRateSequence = Sequence([sar])
        om = Dataset()
        om.OperatingModeType, om.OperatingMode = "STATIC FIELD", "IEC_NORMAL"
        t.OperatingModeSequence = Sequence([om])
        t.GradientOutputType = "DB_DT"
        t.GradientOutput = "54.2"
        sh.MRTimingAndRelatedParametersSequence = Sequence([t])
        g = Dataset()
        g.InPlanePhaseEncodingDirection, g.MRAcquisitionFrequencyEncodingSteps = "ROW", "320"
        g.MRAcquisitionPhaseEncodingStepsInPlane, g.PercentSampling, g.PercentPhaseFieldOfView = "256", "100", "87.5"
        sh.MRFOVGeometrySequence = Sequence([g])
        e = Dataset()
        e.EffectiveEchoTime = "98"
        sh.MREchoSequence = Sequence([e])
        mo = Dataset()
        for kw, v in dict(InversionRecovery="NO", FlowCompensation="NONE", Spoiling="NONE", T2Preparation="NO",
                          SpectrallySelectedExcitation="NONE", SpatialPresaturation="NONE", PartialFourier="NO",
                          ParallelAcquisition="NO").items():
            setattr(mo, kw, v)
        sh.MRModifierSequence = Sequence([mo])
        im = Dataset()
        im.MagnetizationTransfer, im.BloodSignalNulling, im.Tagging = "NONE", "NO", "NONE"
        im.TransmitterFrequency, im.PixelBandwidth = "123.2", "220"
        sh.MRImagingModifierSequence = Sequence([im])
        rc = Dataset()
        rc.ReceiveCoilName, rc.ReceiveCoilType, rc.QuadratureReceiveCoil = research["coil"], "MULTICOIL", "NO"
        rc.ReceiveCoilManufacturerName = "Nordvik"
        mc = Dataset()
        mc.MultiCoilElementName, mc.MultiCoilElementUsed = "HE1-4", "YES"
        rc.MultiCoilDefinitionSequence = Sequence([mc])
        sh.MRReceiveCoilSequence = Sequence([rc])
        f.research("SharedFunctionalGroupsSequence[0].MRReceiveCoilSequence[0].ReceiveCoilName", research["coil"],
                   research["nums"])
        tc = Dataset()
        tc.TransmitCoilName, tc.TransmitCoilType, tc.TransmitCoilManufacturerName = "Body", "BODY", "Nordvik"
        sh.MRTransmitCoilSequence = Sequence([tc])
        av = Dataset()
        av.NumberOfAverages = "2"
        sh.MRAveragesSequence = Sequence([av])
    ds.SharedFunctionalGroupsSequence = Sequence([sh])
    per = []
    phi_frame = rng.randrange(frames)
    for k in range(frames):
        pf = Dataset()
        fc = Dataset()
        fc.FrameAcquisitionNumber = "1"
        fc.FrameReferenceDateTime = f.study_date + "101500"
        fc.FrameAcquisitionDateTime = f.study_date + "101500"
        fc.FrameAcquisitionDuration = "245.0"
        fc.DimensionIndexValues = [k + 1]
        fc.InStackPositionNumber = k + 1
        fc.StackID = "1"
        label = research["frame_labels"][k]
        fc.FrameLabel = label
        f.research(f"PerFrameFunctionalGroupsSequence[{k}].FrameContentSequence[0].FrameLabel", label, research["nums"])
        if k == phi_frame:
            fc.FrameComments = slots.fill(
                f"PerFrameFunctionalGroupsSequence[{k}].FrameContentSequence[0].FrameComments",
                rng.choice(["motion, pt {pt} moved - repeated by {staff}", "contrast injected by {staff} at 10:42",
                            "implant {serial} artefact"]))
        else:
            fc.FrameComments = rng.choice(["motion artefact minimal", "slice through C2-C3", "repeat not needed"])
            f.research(f"PerFrameFunctionalGroupsSequence[{k}].FrameContentSequence[0].FrameComments",
                       fc.FrameComments, ["C2-C3"])
        pf.FrameContentSequence = Sequence([fc])
        pp = Dataset()
        pp.ImagePositionPatient = ["-120", "-130", str(-120 - 5 * k)]
        pf.PlanePositionSequence = Sequence([pp])
        per.append(pf)
    ds.PerFrameFunctionalGroupsSequence = Sequence(per)
    frame_of_reference(f)


def seg(f, rng, slots, research):
    ds = f.ds
    frames = 3
    image_pixels(ds, 16, 16, frames=frames, bits=1, stored=1, rng=rng)
    ds.ImageType = ["DERIVED", "PRIMARY"]
    ds.SegmentationType = "BINARY"
    ds.ContentLabel = "KIDNEY_SEG"
    ds.ContentDescription = research["series"][0]
    f.research("ContentDescription", research["series"][0], research["nums"])
    ds.ContentCreatorName = f"{f.staff[3].family}^{f.staff[3].given}"
    f.plant("ContentCreatorName", "staff", ds.ContentCreatorName, f.staff[3].forms())
    ds.ContentDate, ds.ContentTime, ds.InstanceNumber = f.study_date, "113000", "1"
    ds.LossyImageCompression = "00"
    ds.LossyImageCompression = "00"
    segs = []
    for k, (label, cat, catm, typ, typm) in enumerate(research["segments"]):
        s = Dataset()
        s.SegmentNumber = k + 1
        s.SegmentLabel = label
        f.research(f"SegmentSequence[{k}].SegmentLabel", label)
        s.SegmentedPropertyCategoryCodeSequence = Sequence(
            [f.code(f"SegmentSequence[{k}].SegmentedPropertyCategoryCodeSequence[0]", cat, "SCT", catm)])
        s.SegmentedPropertyTypeCodeSequence = Sequence(
            [f.code(f"SegmentSequence[{k}].SegmentedPropertyTypeCodeSequence[0]", typ, "SCT", typm)])
        if k == 1:
            s.SegmentAlgorithmType = "MANUAL"
            s.SegmentDescription = slots.fill(f"SegmentSequence[{k}].SegmentDescription",
                                              "outlined by {staff}, checked against MR of {ndate}")
        else:
            s.SegmentAlgorithmType = "AUTOMATIC"
            s.SegmentAlgorithmName = research["algorithm"]
            f.research(f"SegmentSequence[{k}].SegmentAlgorithmName", research["algorithm"])
            alg = Dataset()
            alg.AlgorithmFamilyCodeSequence = Sequence([f.code(
                f"SegmentSequence[{k}].SegmentationAlgorithmIdentificationSequence[0].AlgorithmFamilyCodeSequence[0]",
                "123110", "DCM", "Artificial Intelligence")])
            alg.AlgorithmName, alg.AlgorithmVersion = "nnU-Net", "2.2"
            s.SegmentationAlgorithmIdentificationSequence = Sequence([alg])
        segs.append(s)
    ds.SegmentSequence = Sequence(segs)
    dimensions(ds, f)
    sh = Dataset()
    pm = Dataset()
    pm.PixelSpacing, pm.SliceThickness = ["1.5", "1.5"], "2.5"
    sh.PixelMeasuresSequence = Sequence([pm])
    po = Dataset()
    po.ImageOrientationPatient = ["1", "0", "0", "0", "1", "0"]
    sh.PlaneOrientationSequence = Sequence([po])
    ds.SharedFunctionalGroupsSequence = Sequence([sh])
    per = []
    f.src_uids = [f.uid() for _ in range(frames)]
    for k in range(frames):
        pf = Dataset()
        fc = Dataset()
        fc.DimensionIndexValues = [k + 1]
        fc.InStackPositionNumber = k + 1
        fc.StackID = "1"
        pf.FrameContentSequence = Sequence([fc])
        pp = Dataset()
        pp.ImagePositionPatient = ["-100", "-100", str(-50 - 2.5 * k)]
        pf.PlanePositionSequence = Sequence([pp])
        src = Dataset()
        src.ReferencedSOPClassUID, src.ReferencedSOPInstanceUID = "1.2.840.10008.5.1.4.1.1.2", f.src_uids[k]
        src.PurposeOfReferenceCodeSequence = Sequence([f.code(
            f"PerFrameFunctionalGroupsSequence[{k}].DerivationImageSequence[0].SourceImageSequence[0]"
            ".PurposeOfReferenceCodeSequence[0]", "121322", "DCM", "Source image for image processing operation")])
        der = Dataset()
        der.SourceImageSequence = Sequence([src])
        der.DerivationCodeSequence = Sequence([f.code(
            f"PerFrameFunctionalGroupsSequence[{k}].DerivationImageSequence[0].DerivationCodeSequence[0]",
            "113076", "DCM", "Segmentation")])
        pf.DerivationImageSequence = Sequence([der])
        si = Dataset()
        si.ReferencedSegmentNumber = k + 1
        pf.SegmentIdentificationSequence = Sequence([si])
        per.append(pf)
    ds.PerFrameFunctionalGroupsSequence = Sequence(per)
    rs = Dataset()
    rs.SeriesInstanceUID = f.uid()
    refs = []
    for u in f.src_uids:
        ri = Dataset()
        ri.ReferencedSOPClassUID, ri.ReferencedSOPInstanceUID = "1.2.840.10008.5.1.4.1.1.2", u
        refs.append(ri)
    rs.ReferencedInstanceSequence = Sequence(refs)
    ds.ReferencedSeriesSequence = Sequence([rs])
    frame_of_reference(f)
    ds.ContentLabel = "KIDNEY_SEG"


def rtss(f, rng, slots, research):
    ds = f.ds
    ds.StructureSetLabel = research["label"]
    ds.StructureSetName = research["name"]
    f.research("StructureSetLabel", research["label"])
    f.research("StructureSetName", research["name"])
    ds.StructureSetDescription = slots.fill("StructureSetDescription",
                                            rng.choice(["contoured by {staff}, peer review {wdate}",
                                                        "OAR set per RTOG; edits by {staff}"]))
    ds.StructureSetDate, ds.StructureSetTime = f.study_date, "141500"
    ds.InstanceNumber = "1"
    for_uid = f.uid("for")
    ds.FrameOfReferenceUID, ds.PositionReferenceIndicator = for_uid, ""
    img_uid = f.uid()
    rfor = Dataset()
    rfor.FrameOfReferenceUID = for_uid
    rst = Dataset()
    rst.ReferencedSOPClassUID = "1.2.840.10008.3.1.2.3.1"
    rst.ReferencedSOPInstanceUID = f.uids["study"]
    rser = Dataset()
    rser.SeriesInstanceUID = f.uid()
    ci = Dataset()
    ci.ReferencedSOPClassUID, ci.ReferencedSOPInstanceUID = "1.2.840.10008.5.1.4.1.1.2", img_uid
    rser.ContourImageSequence = Sequence([ci])
    rst.RTReferencedSeriesSequence = Sequence([rser])
    rfor.RTReferencedStudySequence = Sequence([rst])
    ds.ReferencedFrameOfReferenceSequence = Sequence([rfor])
    rois = research["rois"][: rng.randint(7, len(research["rois"]))]
    ssroi, contours, obs = [], [], []
    phi_obs = rng.sample(range(len(rois)), 2)
    for k, (name, kind) in enumerate(rois):
        r = Dataset()
        r.ROINumber, r.ReferencedFrameOfReferenceUID, r.ROIName, r.ROIGenerationAlgorithm = k + 1, for_uid, name, "MANUAL"
        f.research(f"StructureSetROISequence[{k}].ROIName", name)
        ssroi.append(r)
        c = Dataset()
        c.ReferencedROINumber = k + 1
        c.ROIDisplayColor = [rng.randint(0, 255) for _ in range(3)]
        ct = Dataset()
        ct.ContourGeometricType, ct.NumberOfContourPoints = "CLOSED_PLANAR", 3
        ct.ContourData = ["0", "0", "10", "10", "0", "10", "0", "10", "10"]
        ci2 = Dataset()
        ci2.ReferencedSOPClassUID, ci2.ReferencedSOPInstanceUID = "1.2.840.10008.5.1.4.1.1.2", img_uid
        ct.ContourImageSequence = Sequence([ci2])
        c.ContourSequence = Sequence([ct])
        contours.append(c)
        o = Dataset()
        o.ObservationNumber, o.ReferencedROINumber, o.RTROIInterpretedType = k + 1, k + 1, kind
        o.ROIInterpreter = ""
        o.ROIObservationLabel = name
        f.research(f"RTROIObservationsSequence[{k}].ROIObservationLabel", name)
        if k in phi_obs:
            o.ROIInterpreter = f"{f.staff[4].family}^{f.staff[4].given}"
            f.plant(f"RTROIObservationsSequence[{k}].ROIInterpreter", "staff", o.ROIInterpreter, f.staff[4].forms())
            o.ROIObservationDescription = slots.fill(
                f"RTROIObservationsSequence[{k}].ROIObservationDescription",
                rng.choice(["edited by {staff} on {ndate} after MRI fusion", "per {staff}: extend 5 mm sup",
                            "discussed with {staff} at tumour board {wdate}"]))
        else:
            note = rng.choice(research["roi_notes"])
            o.ROIObservationDescription = note
            f.research(f"RTROIObservationsSequence[{k}].ROIObservationDescription", note, research["nums"])
        obs.append(o)
    ds.StructureSetROISequence = Sequence(ssroi)
    ds.ROIContourSequence = Sequence(contours)
    ds.RTROIObservationsSequence = Sequence(obs)
    ds.ApprovalStatus = "APPROVED"
    ds.ReviewDate, ds.ReviewTime = f.study_date, "160000"
    ds.ReviewerName = f"{f.staff[1].family}^{f.staff[1].given}"
    f.plant("ReviewerName", "staff", ds.ReviewerName, f.staff[1].forms())


def rtdose(f, rng, slots, research):
    ds = f.ds
    frames = 4
    image_pixels(ds, 8, 8, frames=frames, bits=32, stored=32, rng=rng)
    ds.PixelSpacing = ["2.5", "2.5"]
    ds.ImageOrientationPatient = ["1", "0", "0", "0", "1", "0"]
    ds.ImagePositionPatient = ["-10", "-10", "0"]
    ds.SliceThickness = ""
    ds.FrameIncrementPointer = 0x3004000C
    ds.GridFrameOffsetVector = [str(2.5 * k) for k in range(frames)]
    ds.DoseUnits, ds.DoseType, ds.DoseSummationType = "GY", "PHYSICAL", "PLAN"
    ds.DoseGridScaling = "0.0001"
    ds.TissueHeterogeneityCorrection = "IMAGE"
    ds.InstanceNumber = "1"
    ds.ContentDate, ds.ContentTime = f.study_date, "150000"
    note = research["dose_note"]
    ds.DoseComment = note
    ds.ImageComments = slots.fill("ImageComments", "plan approved by {staff} {ndate}")
    f.research("DoseComment", note, research["nums"])
    rp = Dataset()
    rp.ReferencedSOPClassUID, rp.ReferencedSOPInstanceUID = "1.2.840.10008.5.1.4.1.1.481.5", f.uid()
    ds.ReferencedRTPlanSequence = Sequence([rp])
    frame_of_reference(f)


def usmf(f, rng, slots, research):
    ds = f.ds
    image_pixels(ds, 32, 40, frames=4, bits=8, stored=8, rng=rng)
    ds.ImageType = ["ORIGINAL", "PRIMARY", "ABDOMINAL", "0001"]
    ds.FrameTime = "33.3"
    ds.FrameIncrementPointer = 0x00181063
    ds.CineRate = "30"
    ds.LossyImageCompression = "00"
    ds.TransducerData = ["C5-1", "", ""]
    ds.ProcessingFunction = "GEN"
    general_image(f, rng, slots=slots)
    ds.PatientOrientation = ""
    ds.AnatomicRegionSequence = Sequence([anatomy_code(f, "AnatomicRegionSequence[0]", rng)])


def dx(f, rng, slots, research, intraoral):
    ds = f.ds
    image_pixels(ds, 40, 30, bits=16, stored=12, rng=rng)
    ds.ImageType = ["ORIGINAL", "PRIMARY"]
    ds.PresentationIntentType = "FOR PRESENTATION"
    ds.PixelIntensityRelationship, ds.PixelIntensityRelationshipSign = "LIN", 1
    ds.RescaleIntercept, ds.RescaleSlope, ds.RescaleType = "0", "1", "US"
    ds.PresentationLUTShape = "IDENTITY"
    ds.LossyImageCompression = "00"
    ds.WindowCenter, ds.WindowWidth = "2048", "4096"
    ds.ImageLaterality = "R" if intraoral else "B"
    ds.PatientOrientation = ["A", "F"] if not intraoral else ["L", "F"]
    ds.DetectorType = "DIRECT"
    ds.ViewPosition = ""
    ds.ImagerPixelSpacing = ["0.02", "0.02"] if intraoral else ["0.1", "0.1"]
    ds.KVP = "66" if not intraoral else "60"
    ds.AcquisitionDeviceProcessingDescription = "Dental sharpening 2"
    f.research("AcquisitionDeviceProcessingDescription", "Dental sharpening 2")
    ds.PositionerType = "NONE" if not intraoral else "NONE"
    region = f.code("AnatomicRegionSequence[0]", "91609006" if intraoral else "181812007",
                    "SCT", "Mandible" if intraoral else "Jaw region")
    ds.AnatomicRegionSequence = Sequence([region])
    if intraoral:
        ds.PrimaryAnatomicStructureSequence = Sequence(
            [f.code("PrimaryAnatomicStructureSequence[0]", "245649000", "SCT", "Permanent mandibular right first molar tooth")])
    general_image(f, rng, slots=slots)
    ds.ContentDate = f.study_date
    ds.QualityControlImage = "NO"
    ds.AcquisitionContextSequence = Sequence([])


def vl(f, rng, slots, research):
    ds = f.ds
    image_pixels(ds, 24, 32, bits=8, stored=8, rgb=True, rng=rng)
    ds.ImageType = ["ORIGINAL", "PRIMARY"]
    ds.LossyImageCompression = "00"
    ds.AcquisitionContextSequence = Sequence([])
    ds.AnatomicRegionSequence = Sequence([anatomy_code(f, "AnatomicRegionSequence[0]", rng)])
    general_image(f, rng, slots=slots)
    ds.PatientOrientation = ""
    ds.ImageLaterality = "L"
    ds.RecognizableVisualFeatures = "NO"
    ds.AcquisitionDateTime = f.study_date + "093000"


def sr_item(f, path, rel, vt, concept, **kw):
    it = Dataset()
    it.RelationshipType, it.ValueType = rel, vt
    it.ConceptNameCodeSequence = Sequence([f.code(path + ".ConceptNameCodeSequence[0]", *concept)])
    for k, v in kw.items():
        setattr(it, k, v)
    return it


def sr(f, rng, slots, research, kind):
    ds = f.ds
    ds.InstanceNumber = "1"
    ds.ContentDate, ds.ContentTime = f.study_date, "120500"
    ds.CompletionFlag = "COMPLETE"
    ds.VerificationFlag = "VERIFIED"
    vo = Dataset()
    vo.VerifyingObserverName = f"{f.staff[1].family}^{f.staff[1].given}"
    vo.VerifyingObserverIdentificationCodeSequence = Sequence([])
    vo.VerifyingOrganization = "Radiology"
    vo.VerificationDateTime = f.study_date + "130000"
    ds.VerifyingObserverSequence = Sequence([vo])
    f.plant("VerifyingObserverSequence[0].VerifyingObserverName", "staff", vo.VerifyingObserverName, f.staff[1].forms())
    ds.PerformedProcedureCodeSequence = Sequence([])
    ds.ReferencedPerformedProcedureStepSequence = Sequence([])
    ds.ValueType = "CONTAINER"
    ds.ContinuityOfContent = "SEPARATE"
    items = []
    P = "ContentSequence"
    if kind == "DOSESR":
        ds.ConceptNameCodeSequence = Sequence([f.code("ConceptNameCodeSequence[0]", "113701", "DCM",
                                                      "X-Ray Radiation Dose Report")])
        tpl = Dataset()
        tpl.MappingResource, tpl.TemplateIdentifier = "DCMR", "10011"
        ds.ContentTemplateSequence = Sequence([tpl])
        items.append(sr_item(f, f"{P}[0]", "HAS CONCEPT MOD", "CODE", ("121058", "DCM", "Procedure reported"),
                             ConceptCodeSequence=Sequence([f.code(f"{P}[0].ConceptCodeSequence[0]", "77477000",
                                                                  "SCT", "Computed Tomography X-Ray")])))
        items.append(sr_item(f, f"{P}[1]", "HAS OBS CONTEXT", "PNAME", ("113870", "DCM", "Person Name"),
                             PersonName=f"{f.staff[3].family}^{f.staff[3].given}"))
        f.plant(f"{P}[1].PersonName", "staff", items[-1].PersonName, f.staff[3].forms())
        mv = Dataset()
        mv.NumericValue = "7.4"
        mv.MeasurementUnitsCodeSequence = Sequence([f.code(f"{P}[2].MeasuredValueSequence[0].MeasurementUnitsCodeSequence[0]",
                                                           "mGy", "UCUM", "mGy")])
        items.append(sr_item(f, f"{P}[2]", "CONTAINS", "NUM", ("113830", "DCM", "Mean CTDIvol"),
                             MeasuredValueSequence=Sequence([mv])))
        mv = Dataset()
        mv.NumericValue = "256.3"
        mv.MeasurementUnitsCodeSequence = Sequence([f.code(f"{P}[3].MeasuredValueSequence[0].MeasurementUnitsCodeSequence[0]",
                                                           "mGy.cm", "UCUM", "mGy.cm")])
        items.append(sr_item(f, f"{P}[3]", "CONTAINS", "NUM", ("113838", "DCM", "DLP"),
                             MeasuredValueSequence=Sequence([mv])))
        f.keep.append({"path": f"{P}[2].MeasuredValueSequence[0].NumericValue", "word": "7.4", "role": "num"})
        f.keep.append({"path": f"{P}[3].MeasuredValueSequence[0].NumericValue", "word": "256.3", "role": "num"})
        items.append(sr_item(f, f"{P}[4]", "CONTAINS", "TEXT", ("121106", "DCM", "Comment"),
                             TextValue=slots.fill(f"{P}[4].TextValue", rng.choice([
                                 "Dose alert acknowledged by {staff}; pt weight 52 kg",
                                 "Repeat scan after motion - {pt} coughing; tech {staff}"]))))
    elif kind == "TEXTSR":
        ds.ConceptNameCodeSequence = Sequence([f.code("ConceptNameCodeSequence[0]", "18748-4", "LN",
                                                      "Diagnostic Imaging Report")])
        items.append(sr_item(f, f"{P}[0]", "HAS OBS CONTEXT", "PNAME", ("121008", "DCM", "Person Observer Name"),
                             PersonName=f"{f.staff[1].family}^{f.staff[1].given}"))
        f.plant(f"{P}[0].PersonName", "staff", items[-1].PersonName, f.staff[1].forms())
        find = rng.choice(research["findings"])
        items.append(sr_item(f, f"{P}[1]", "CONTAINS", "TEXT", ("121071", "DCM", "Finding"), TextValue=find))
        f.research(f"{P}[1].TextValue", find, research["nums"])
        items.append(sr_item(f, f"{P}[2]", "CONTAINS", "TEXT", ("121106", "DCM", "Comment"),
                             TextValue=fill_note(f, slots, f"{P}[2].TextValue",
                                                 N.NOTES["en"] + N.NOTES.get(f.lang, []), rng)))
        items.append(sr_item(f, f"{P}[3]", "CONTAINS", "CODE", ("121071", "DCM", "Finding"),
                             ConceptCodeSequence=Sequence([f.code(f"{P}[3].ConceptCodeSequence[0]", "428952003",
                                                                  "SCT", "Baker's cyst")])))
    else:  # Mammography CAD
        ds.ConceptNameCodeSequence = Sequence([f.code("ConceptNameCodeSequence[0]", "111036", "DCM",
                                                      "Mammography CAD Report")])
        tpl = Dataset()
        tpl.MappingResource, tpl.TemplateIdentifier = "DCMR", "4000"
        ds.ContentTemplateSequence = Sequence([tpl])
        items.append(sr_item(f, f"{P}[0]", "HAS OBS CONTEXT", "PNAME", ("121008", "DCM", "Person Observer Name"),
                             PersonName=f"{f.staff[4].family}^{f.staff[4].given}"))
        f.plant(f"{P}[0].PersonName", "staff", items[-1].PersonName, f.staff[4].forms())
        items.append(sr_item(f, f"{P}[1]", "CONTAINS", "CODE", ("111023", "DCM", "CAD Processing and Findings Summary"),
                             ConceptCodeSequence=Sequence([f.code(f"{P}[1].ConceptCodeSequence[0]", "111242", "DCM",
                                                                  "All algorithms succeeded; with findings")])))
        items.append(sr_item(f, f"{P}[2]", "CONTAINS", "TEXT", ("121106", "DCM", "Comment"),
                             TextValue="Cluster of microcalcifications upper outer quadrant L, BI-RADS 4A"))
        f.research(f"{P}[2].TextValue", items[-1].TextValue, ["4A"])
        items.append(sr_item(f, f"{P}[3]", "CONTAINS", "TEXT", ("121106", "DCM", "Comment"),
                             TextValue=fill_note(f, slots, f"{P}[3].TextValue",
                                                 N.NOTES["en"] + N.NOTES.get(f.lang, []), rng)))
    ds.ContentSequence = Sequence(items)


def raw(f, rng, slots, research, p, pid):
    ds = f.ds
    ds.InstanceNumber = "1"
    ds.ContentDate, ds.ContentTime = f.study_date, "110000"
    ds.CreatorVersionUID = f.uid()
    ds.AcquisitionContextSequence = Sequence([])
    frame_of_reference(f)


def ct_image(f, rng, slots, research):
    ds = f.ds
    image_pixels(ds, 32, 32, bits=16, stored=12, rng=rng)
    ds.ImageType = ["ORIGINAL", "PRIMARY", "AXIAL"]
    ds.RescaleIntercept, ds.RescaleSlope = "-1024", "1"
    ds.KVP = "120"
    ds.AcquisitionNumber = "1"
    ds.PixelSpacing = ["0.45", "0.45"]
    ds.ImageOrientationPatient = ["1", "0", "0", "0", "1", "0"]
    ds.ImagePositionPatient = ["-115", "-115", "42.5"]
    ds.SliceThickness = "5"
    ds.ConvolutionKernel = "H30s"
    f.research("ConvolutionKernel", "H30s")
    ds.PatientPosition = "HFS"
    general_image(f, rng, slots=slots)
    ds.PatientOrientation = None
    del ds.PatientOrientation
    frame_of_reference(f)


# -- building --------------------------------------------------------------------------------------------------
def make(index, iod, loc, seed):
    rng = random.Random(seed * 1000 + index)
    f = File(index, iod, loc, rng)
    L = f.L
    p = Person(L["patients"][index % len(L["patients"])])
    staff = [Person(o) for o in L["others"]]
    while len(staff) < 5:
        staff += [Person(o) for o in L["others"]]
    rng.shuffle(staff)
    f.staff = staff
    over = index % 3 == 0
    age = rng.randint(90, 97) if over else rng.randint(41, 89)
    f.age = age
    f.note_age = rng.randint(90, 97)
    y = 2024 - age
    dob = (y, rng.randint(1, 12), rng.randint(1, 28))
    ds = f.ds
    ds.SpecificCharacterSet = L["cs"].split("\\") if "\\" in L["cs"] else L["cs"]
    ds.SOPClassUID = SOP[iod]
    ds.SOPInstanceUID = f.uid("sop")
    ds.InstanceCreationDate = "20241105"
    slots = Slots(f, p, rng)
    research = R.RESEARCH[iod]
    pid = patient_module(f, p, rng, dob, age)
    uncommon(f, p, slots, rng, pid)
    study_module(f, p, slots, rng, research, staff)
    series_module(f, rng, research, staff)
    equipment(f, rng)
    if iod in ("EnhMR", "EnhCT"):
        enhanced(f, rng, slots, research, iod == "EnhCT")
    elif iod == "SEG":
        seg(f, rng, slots, research)
    elif iod == "RTSS":
        rtss(f, rng, slots, research)
    elif iod == "RTDOSE":
        rtdose(f, rng, slots, research)
    elif iod == "USMF":
        usmf(f, rng, slots, research)
    elif iod in ("IO", "PX"):
        dx(f, rng, slots, research, iod == "IO")
    elif iod == "VL":
        vl(f, rng, slots, research)
    elif iod in ("DOSESR", "TEXTSR", "CADSR"):
        sr(f, rng, slots, research, iod)
    elif iod == "RAW":
        raw(f, rng, slots, research, p, pid)
    elif iod == "CT":
        ct_image(f, rng, slots, research)
    if iod in ("CT", "RAW") or index % 4 == 3:
        private_blocks(f, rng, p, slots, pid)
    ds.PatientIdentityRemoved = None
    del ds.PatientIdentityRemoved
    return f


def _floats(ds):
    """FD/FL values written as text above become floats (pydicom packs them as numbers)."""
    for elem in ds:
        if elem.VR == "SQ":
            for item in elem.value:
                _floats(item)
        elif elem.VR in ("US", "UL", "SS", "SL") and isinstance(elem.value, str):
            elem.value = int(elem.value)
        elif elem.VR in ("FD", "FL") and elem.value is not None:
            v = elem.value
            elem.value = [float(x) for x in v] if isinstance(v, (list, tuple)) or type(v).__name__ == "MultiValue" \
                else float(v)


def write(f, path):
    ds = f.ds
    _floats(ds)
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = ds.SOPClassUID
    meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    meta.ImplementationClassUID = "2.25.300200100400"
    ds.file_meta = meta
    ds.is_little_endian, ds.is_implicit_VR = True, False
    ds.preamble = b"\0" * 128
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a value the character set cannot hold is a fault of this set
        ds.save_as(path, write_like_original=False)


def build(seed, out_dir):
    """Write the 40 files and truth.json; return the per-file truths."""
    inputs = os.path.join(out_dir, "inputs")
    os.makedirs(inputs, exist_ok=True)
    truths, harmless = [], set()
    for i, (iod, loc) in enumerate(PLAN):
        f = make(i, iod, loc, seed)
        name = f"v4h_{i:02d}.dcm"
        write(f, os.path.join(inputs, name))
        truths.append({"index": i, "file": name, "iod": iod, "charset": f.L["cs"], "lang": f.lang,
                       "phi": f.phi, "keep": f.keep, "codes": f.codes})
        harmless.update(f.harmless)
    with open(os.path.join(out_dir, "truth.json"), "w", encoding="utf-8") as fh:
        json.dump({"seed": seed, "files": truths, "harmless": sorted(harmless)}, fh, ensure_ascii=False, indent=1)
    return truths


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--seed", type=int, default=20261204)
    a = ap.parse_args()
    t = build(a.seed, a.dir)
    print(f"{len(t)} files, {sum(len(x['phi']) for x in t)} planted PHI strings in {a.dir}")
