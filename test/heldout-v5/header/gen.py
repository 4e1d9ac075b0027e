#!/usr/bin/python3
"""Fifth held-out header set (issue 8): 40 DICOM files with invented PHI and research text, and their truth.

Usage: /usr/bin/python3 gen.py <out dir> [--seed N]   (writes <out>/inputs/*.dcm and <out>/truth.json)

Seeded and deterministic. Written for this set from PS3.3 / PS3.15; no earlier set's generator or vocabulary and none
of the kit's generators were read.
"""
import argparse
import json
import os
import random
import re
import sys
import unicodedata

sys.dont_write_bytecode = True
import pydicom  # noqa: E402
import pydicom.charset  # noqa: E402
from pydicom.dataset import Dataset, FileMetaDataset  # noqa: E402
from pydicom.sequence import Sequence  # noqa: E402
from pydicom.uid import ExplicitVRLittleEndian  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import iods as I  # noqa: E402
import notes as N  # noqa: E402
import research as R  # noqa: E402
import vocab as V  # noqa: E402

# pydicom 2.3 predates ISO_IR 203 (Latin-9); Python's codec is iso8859_15
pydicom.charset.python_encoding.setdefault("ISO_IR 203", "iso8859_15")
pydicom.charset.python_encoding.setdefault("ISO 2022 IR 203", "iso8859_15")

DEFAULT_SEED = 20261202
# files whose patient is over 89 (18 of 40: the locales with their own ways of writing an age among them)
OLD = {1, 3, 4, 5, 6, 7, 9, 11, 14, 16, 17, 20, 21, 23, 26, 29, 31, 38}

PLAN = [
    ("CR", "en-GB"), ("CR", "en-AU"), ("CR", "lv"), ("CR", "mt"), ("CR", "en-NG"),
    ("RF", "it"), ("RF", "uk"), ("RF", "fi"),
    ("ECG12", "de-AT"), ("ECG12", "en-IN"), ("ECG12", "da"), ("ECG12", "lt"),
    ("ECG", "en-ZA"), ("ECG", "et"), ("AUDIO", "en-IE"),
    ("CDA", "fr-CH"), ("CDA", "id"),
    ("ESR", "en-GB"), ("ESR", "nb"), ("ESR", "bg"), ("ESR", "ta"),
    ("CSPS", "ca"), ("CSPS", "ja"), ("ENDO", "ja"), ("ENDO", "sk"), ("MICRO", "bn"), ("MICRO", "hr"),
    ("RTIMAGE", "en-AU"), ("RTIMAGE", "fil"), ("SCTC", "is"), ("SCTC", "en-KE"), ("SCGB", "uk-de"), ("SCGB", "en-IE"),
    ("US", "ga"), ("US", "it"), ("US", "en-IN"), ("DX", "lv"), ("DX", "fi"), ("DX", "en-ZA"), ("DX", "id"),
]
IMAGE_IODS = {"CR", "DX", "RF", "US", "ENDO", "MICRO", "RTIMAGE", "SCTC", "SCGB"}
MULTIFRAME = {"RF", "SCTC", "SCGB"}
PARTICLES = {"ó", "ní", "nic", "mac", "an", "de", "van", "der", "du", "lo", "di", "d", "i", "dela", "del", "la", "le",
             "ma", "ma.", "mc"}
EN_REL = [("daughter", "f"), ("son", "m"), ("niece", "f"), ("neighbour", "m"), ("granddaughter", "f"), ("nephew", "m")]
EN_AGES = ["{n}yo", "{n} y/o", "aged {n}", "{n} years old", "now {n}", "{w} years old", "a sprightly {n}",
           "{n} yrs", "age {n}"]
BN_DIGITS = "০১২৩৪৫৬৭৮৯"
JA_ROMAJI = {"山田": "yamada", "佐々木": "sasaki", "高橋": "takahashi", "渡辺": "watanabe", "小林": "kobayashi",
             "中村": "nakamura", "花子": "hanako", "千代": "chiyo", "久美子": "kumiko", "静江": "shizue", "太郎": "taro",
             "勝男": "katsuo", "正一": "shoichi", "清": "kiyoshi"}
CYR = dict(zip("абвгдеєжзиіїйклмнопрстуфхцчшщьюяъыэё",
               ["a", "b", "v", "h", "d", "e", "ie", "zh", "z", "y", "i", "i", "i", "k", "l", "m", "n", "o", "p", "r",
                "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "iu", "ia", "a", "y", "e", "e"]))
VENDORS = {"CR": "CARESTREAM_CR_2", "DX": "AGFA_DX_NX", "RF": "SHIMADZU_RF 1.0", "US": "MINDRAY_US_1",
           "ECG12": "SCHILLER_ECG 1.0", "ECG": "NIHON KOHDEN HOLTER", "AUDIO": "DICTAPHONE 3", "CDA": "ORBIS_DOC",
           "ESR": "MEDAVIS_RIS", "CSPS": "OLYMPUS_ENDOBASE", "ENDO": "PENTAX_EPK", "MICRO": "LEICA_APERIO 2",
           "RTIMAGE": "ELEKTA_IVIEW", "SCTC": "CANFIELD_VECTRA", "SCGB": "KOFAX_CAPTURE"}
STATIONS = {"CR": "CRRM{d}-WARD", "DX": "DXR{d}-ED", "RF": "FLUORO{d}", "US": "USROOM{d}", "ECG12": "MAC5500-CARD{d}",
            "ECG": "HOLTER-ST{d}", "AUDIO": "DICT-WS{d}", "CDA": "ORBIS-GW{d}", "ESR": "RIS-REP{d}",
            "CSPS": "ENDOBASE{d}", "ENDO": "ENDO-SUITE{d}", "MICRO": "GT450-SCAN{d}", "RTIMAGE": "LINAC{d}-IVIEW",
            "SCTC": "PHOTO-CLIN{d}", "SCGB": "SCAN-MR{d}"}


# -- small helpers ---------------------------------------------------------------------------------------------------
def fill(rng, pattern):
    """'#' a random digit, 'A' a random capital letter; text in [brackets] as written."""
    out, literal = "", False
    for c in pattern:
        if c in "[]":
            literal = c == "["
        elif literal:
            out += c
        else:
            out += str(rng.randint(0, 9)) if c == "#" else chr(rng.randint(65, 90)) if c == "A" else c
    return out


def ascii_fold(s):
    s = "".join(CYR.get(c.lower(), c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    return re.sub(r"[^a-z0-9]", "", "".join(c for c in s if not unicodedata.combining(c)).lower())


def is_latin(word):
    return bool(re.match(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]", word))


def name_words(name):
    """Name words a leak would show: each word other than particles and initials."""
    out = []
    for w in re.split(r"[\s\-']+", name):
        w = w.strip(".,")
        if not w or w.lower() in PARTICLES or (len(w) == 1 and is_latin(w)):
            continue
        out.append(w)
    return out


def word_forms(words):
    return [["alpha", w] if is_latin(w) else ["literal", w] for w in words]


def date_forms(y, m, d, with_year_words=True):
    forms = [["digits", f"{y}{m:02d}{d:02d}"], ["digits", f"{d:02d}{m:02d}{y}"], ["digits", f"{m:02d}{d:02d}{y}"],
             ["daymonth", f"{d}-{m}"], ["digits", f"{d:02d}{m:02d}{y % 100:02d}"]]
    if d < 10 or m < 10:
        forms += [["digits", f"{d}{m}{y}"], ["digits", f"{m}{d}{y}"]]
    forms.append(["literal", f"{m}月{d}日"])
    forms.append(["literal", f"{bn(d)} {V.MONTH_NAMES['bn'][m - 1]}"])
    return forms


def bn(n):
    return "".join(BN_DIGITS[int(c)] for c in str(n))


def alnum_forms(value):
    return [["alnum", value]]


class File:
    def __init__(self, index, iod, loc, rng):
        self.index, self.iod, self.loc, self.L, self.rng = index, iod, loc, V.LOCALES[loc], rng
        self.phi, self.keep, self.codes, self.harmless, self.body = [], [], [], [], []

    def plant(self, path, kind, text, forms):
        self.phi.append(dict(path=path, kind=kind, text=str(text), forms=forms))

    def keep_words(self, path, text, role="desc"):
        for tok in re.findall(r"[^\s,;:()\[\]]+", text):
            tok = tok.strip(".?!'\"").lstrip("?>")
            if len(tok) < 2 or not re.search(r"\w", tok):
                continue
            self.keep.append(dict(path=path, word=tok, role=role))


# -- people ----------------------------------------------------------------------------------------------------------
class People:
    """Draws each locale's people without replacement across the set, so every file has its own identities."""

    def __init__(self, rng):
        self.rng, self.used = rng, set()

    def draw(self, L, sex, family=None):
        for _ in range(200):
            fi = self.rng.randrange(len(L["family"]))
            gl = L["given_f"] if sex == "f" else L["given_m"]
            gi = self.rng.randrange(len(gl))
            fam = family if family is not None else L["family"][fi]
            key = (id(L), fam, gl[gi])
            if key in self.used:
                continue
            self.used.add(key)
            p = dict(family=fam, given=gl[gi], sex=sex)
            if L.get("japanese"):
                p["family_kana"] = L["family_kana"][L["family"].index(fam)]
                p["given_kana"] = (L["given_f_kana"] if sex == "f" else L["given_m_kana"])[gi]
                p["romaji"] = (JA_ROMAJI[fam], JA_ROMAJI[gl[gi]])
            elif L.get("script_names"):
                p["family_latin"] = L["family_latin"][L["family"].index(fam)]
                p["given_latin"] = (L["given_f_latin"] if sex == "f" else L["given_m_latin"])[gi]
            return p
        raise RuntimeError("out of names")


def pn(p):
    if "family_kana" in p:
        return f"{p['family_kana']}^{p['given_kana']}={p['family']}^{p['given']}"
    if "family_latin" in p:  # PN is at most 64 bytes: both groups when they fit, else the native script alone
        both = f"{p['family_latin']}^{p['given_latin']}={p['family']}^{p['given']}"
        native = f"{p['family']}^{p['given']}"
        return both if len(both.encode()) <= 64 else native if len(native.encode()) <= 64 else \
            f"{p['family_latin']}^{p['given_latin']}"
    return f"{p['family']}^{p['given']}"


def all_words(p):
    words = name_words(p["family"]) + name_words(p["given"])
    for k in ("family_kana", "given_kana", "family_latin", "given_latin"):
        if k in p:
            words += name_words(p[k])
    return words


def forms_in(p, text):
    """The name words of p that the planted text holds."""
    low = text.lower()
    return word_forms([w for w in all_words(p) if w.lower() in low])


def latin_name(p):
    if "romaji" in p:
        return p["romaji"][1].title(), p["romaji"][0].title()
    if "family_latin" in p:
        return p["given_latin"], p["family_latin"]
    if re.search("[\u0400-\u04FF]", p["family"]):
        return p["given"], p["family"]
    return p["given"], p["family"]


# -- the filler of note slots ----------------------------------------------------------------------------------------
class Filler:
    def __init__(self, f, ctx):
        self.f, self.ctx, self.rng, self.L = f, ctx, f.rng, f.L

    def fill(self, path, template, english):
        items = []
        parts = re.split(r"(\{[A-Z]+\})", template)
        out = ""
        for part in parts:
            m = re.fullmatch(r"\{([A-Z]+)\}", part)
            if not m:
                out += part
                continue
            res = getattr(self, "s_" + m.group(1).lower())(english)
            if isinstance(res, str):
                out += res
                continue
            text, kind, forms = res
            out += text
            if kind == "keep-age":
                items.append(("keep-age", forms))
            else:
                items.append((kind, text, forms))
        for it in items:
            if it[0] == "keep-age":
                self.f.keep.append(dict(path=path, word=it[1], role="age"))
            else:
                self.f.plant(path, it[0], it[1], it[2])
        prose = re.sub(r"\{[A-Z]+\}", " ", template)
        for w in re.findall(r"[A-Za-z\u00C0-\u024F]{5,}", prose):
            self.f.keep.append(dict(path=path, word=w, role="note"))
        return out

    # slots
    def s_pt(self, english):
        p, L = self.ctx["patient"], self.L
        if "family_kana" in p:
            text = self.rng.choice([p["family"] + p["given"] + "様", p["family"] + "様", f"{p['family_kana']} {p['given_kana']}"])
        elif "family_latin" in p:
            text = self.rng.choice([f"{p['given']} {p['family']}", f"{p['family_latin'].upper()} {p['given_latin']}",
                                    f"{p['given_latin'][0]}. {p['family_latin']}"])
        else:
            t = L["titles"][0 if p["sex"] == "f" else 1]
            fam, giv = p["family"], p["given"]
            text = self.rng.choice([f"{t} {fam}".strip(), f"{fam.upper()} {giv}", f"{giv[0]}. {fam}", f"{fam}, {giv}",
                                    f"{fam} {giv[0]}.", f"{giv} {fam.upper()}"])
        return text, "name", forms_in(p, text)

    def _relative(self, english):
        cue, sex = self.rng.choice(EN_REL if english and self.L["lang"] != "en" else self.L["rel"])
        same = self.rng.random() < 0.5 and cue not in ("neighbour", "carer", "home help", "caregiver", "attendant")
        p = self.ctx["people"].draw(self.L, sex, family=self.ctx["patient"]["family"] if same else None)
        return cue, p

    def s_rel(self, english):
        cue, p = self._relative(english)
        if "family_kana" in p:
            name = p["family"] + p["given"]
        elif "family_latin" in p and not english:
            name = f"{p['given']} {p['family']}"
        else:
            g, fam = latin_name(p) if english else (p["given"], p["family"])
            name = self.rng.choice([f"{g} {fam}", f"{g} {fam.upper()}", f"{g}"]) if not same_family(p, self.ctx) \
                else f"{g} {fam}"
        text = f"{cue} {name}"
        return text, "name-other", forms_in(p, name)

    def s_staff(self, english):
        p = self.ctx["people"].draw(self.L, self.rng.choice("fm"))
        t = "Dr" if english and self.L["lang"] != "en" else self.L["staff_title"]
        if "family_kana" in p:
            text = p["family"] + ("医師" if not english else "")
            if english:
                text = f"Dr {p['family']}"
        elif "family_latin" in p:
            text = f"{t} {p['family']}" if not english else f"Dr {p['given_latin']} {p['family_latin']}"
        else:
            text = self.rng.choice([f"{t} {p['family']}", f"{t} {p['given']} {p['family']}",
                                    f"{t} {p['given'][0]}. {p['family']}"])
        return text, "staff", forms_in(p, text)

    def _age_phrase(self, n, english, old):
        pats = EN_AGES if english else self.L["age_local"]
        pat = self.rng.choice(pats)
        lang = self.L["lang"]
        if "{w}" in pat and (not old or (not english and n not in V.AGE_WORDS.get(lang, {}))):
            pat = "{n}" + (" yrs" if english else "") if not old or english else pats[0]
        if "{b}" in pat and not old:
            pat = pat.replace("{b}", "{n}")
        w = (V.age_words(n) if english else V.AGE_WORDS.get(lang, {}).get(n, "")) if old else ""
        text = pat.format(n=n, w=w, b=bn(n))
        if not old:
            return text, "keep-age", str(n)
        forms = [["age", str(n)]]
        if "{w}" in pat and not english:
            forms.append(["literal", w])
        if "{b}" in pat:
            forms.append(["literal", bn(n)])
        return text, "age", forms

    def s_age(self, english):
        n = self.ctx["age"]
        return self._age_phrase(n, english, n > 89)

    def s_rage(self, english):
        n = self.rng.randint(91, 102)
        return self._age_phrase(n, english, True)

    def s_kage(self, english):  # a spouse or next of kin near the patient's age, 89 or under
        n = min(89, max(21, self.ctx["age"] + self.rng.randint(-6, 4)))
        return str(n), "keep-age", str(n)

    def s_phone(self, english):
        text = fill(self.rng, self.rng.choice(self.L["phones"]))
        digits = re.sub(r"\D", "", text)
        return text, "phone", [["digits_tail", digits[-7:]]]

    def s_addr(self, english):
        tpl, words, pc = self.rng.choice(self.L["streets"])
        text = tpl.format(n=self.rng.randint(2, 148))
        forms = word_forms(words)
        forms.append(["literal", pc] if not pc.isascii() else ["alnum", pc])
        return text, "address", forms

    def s_email(self, english):
        g, fam = latin_name(self.ctx["patient"])
        local = self.rng.choice([f"{ascii_fold(g)}.{ascii_fold(fam)}{self.rng.randint(10, 99)}",
                                 f"{ascii_fold(g)[0]}{ascii_fold(fam)}{self.ctx['birth'][0] % 100}",
                                 f"{ascii_fold(fam)}.family"])
        text = f"{local}@{self.L['email_domain']}"
        return text, "email", [["literal", local]]

    def s_url(self, english):
        token = "".join(self.rng.choice("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(10))
        host = self.L["portal"]
        text = f"https://{host}/share/{token}"
        return text, "url", [["literal", host], ["literal", token]]

    def s_ip(self, english):
        text = f"{self.L['ip_prefix']}.{self.rng.randint(2, 250)}.{self.rng.randint(2, 250)}"
        return text, "ip", [["digits", re.sub(r"\D", "", text)]]

    def s_plate(self, english):
        text = fill(self.rng, self.rng.choice(self.L["plate"]))
        return text, "plate", [["alnum", re.sub(r"[^\w]", "", text)]] if text.isascii() else [["literal", text]]

    def s_serial(self, english):
        text = fill(self.rng, self.rng.choice(["PJN######S", "RNT#####H", "[HA]-##-######", "3J0######", "ILR####G#",
                                               "SN ########"]))
        return text, "serial", [["alnum", text.replace("SN ", "")]]

    def s_acct(self, english):
        text = fill(self.rng, self.rng.choice(["####-######-##", "INV ########", "F######/26"]))
        return text, "account", [["alnum", text.replace("INV ", "")]]

    def s_cert(self, english):
        text = fill(self.rng, self.rng.choice(["[MC]-2026-######", "[CERT] ######/26", "[SC]########"]))
        return text, "certificate", [["alnum", text]]

    def s_lic(self, english):
        label, pat = self.L["license"]
        value = fill(self.rng, pat)
        return f"{label} {value}", "license", [["alnum", value]]

    def s_plan(self, english):
        label, pat = self.L["plan"]
        value = fill(self.rng, pat)
        return f"{label} {value}", "health-plan", [["alnum", value]] if value.isascii() else [["literal", value]]

    def s_nid(self, english):
        label, pat = self.L["nat_id"]
        value = fill(self.rng, pat)
        return f"{label} {value}", "id", [["alnum", value]]

    def _date(self):
        y, m, d = self.rng.randint(2018, 2025), self.rng.randint(1, 12), self.rng.randint(1, 28)
        return y, m, d

    def s_date(self, english):
        y, m, d = self._date()
        lang = self.L["lang"] if not english else "en"
        mon = V.MONTH_NAMES.get(self.L["months"] if not english else "en")
        if lang == "ja":
            text = f"{y}年{m}月{d}日"
        elif lang == "bn":
            text = f"{bn(d)} {V.MONTH_NAMES['bn'][m - 1]} {bn(y)}"
        elif lang == "en":
            text = self.rng.choice([f"{d} {mon[m - 1]} {y}", f"{d}{'th' if d > 3 and d < 21 else 'st'} {mon[m - 1]} {y}",
                                    f"{mon[m - 1][:3]} {d}, {y}", f"{d}-{mon[m - 1][:3]}-{y}"])
        elif lang == "lv":
            text = f"{y}. gada {d}. {mon[m - 1]}"
        elif lang == "lt":
            text = f"{y} m. {mon[m - 1]} {d} d."
        elif lang == "ca":
            text = f"{d} de {mon[m - 1]} de {y}"
        elif lang == "mt":
            text = f"{d} ta' {mon[m - 1]} {y}"
        elif lang in ("de", "da", "nb", "is", "fi", "et", "sk", "hr"):
            text = f"{d}. {mon[m - 1]} {y}"
        else:
            text = f"{d} {mon[m - 1]} {y}"
        return text, "date", date_forms(y, m, d)

    def s_daten(self, english):
        y, m, d = self._date()
        lang = self.L["lang"]
        if lang in ("ja",):
            text = f"{y}/{m:02d}/{d:02d}"
        elif lang == "lt" or self.f.loc == "en-ZA":
            text = f"{y}-{m:02d}-{d:02d}"
        elif lang == "fil":
            text = f"{m:02d}/{d:02d}/{y}"
        elif lang in ("en", "it", "fr", "ca", "ga", "mt", "id", "ta", "bn"):
            text = f"{d:02d}/{m:02d}/{y % 100:02d}" if self.f.loc == "en-AU" else f"{d:02d}/{m:02d}/{y}"
        else:
            text = f"{d:02d}.{m:02d}.{y}"
        return text, "date", date_forms(y, m, d)


def same_family(p, ctx):
    return p["family"] == ctx["patient"]["family"]


# -- building one file -----------------------------------------------------------------------------------------------
def build_file(index, iod, loc, seed, people, variant_counters):
    rng = random.Random(f"{seed}/{index}")
    f = File(index, iod, loc, rng)
    L = f.L
    variants = R.RESEARCH[iod]
    vi = variant_counters.get(iod, 0)
    variant_counters[iod] = vi + 1
    r = dict(variants[vi % len(variants)])
    old = index in OLD
    # the notes of most languages here are written of a woman (accompagnata, Patiente, Pacientė, Пацієнтка, ...)
    neutral = L["lang"] in ("en", "da", "nb", "is", "fi", "et", "id", "fil", "ta", "bn", "ja")
    sex = "f" if not neutral or rng.random() < 0.6 else "m"
    patient = people.draw(L, sex)
    study_y = 2026
    age = rng.randint(90, 101) if old else rng.randint(23, 88)
    by, bm, bd = study_y - age - 1, rng.randint(1, 12), rng.randint(1, 28)
    ctx = dict(patient=patient, people=people, age=age, birth=(by, bm, bd))
    fl = Filler(f, ctx)

    ds = Dataset()
    if L["charset"]:
        ds.SpecificCharacterSet = L["charset"].split("\\") if "\\" in L["charset"] else L["charset"]
    ds.SOPClassUID = I.SOP[iod]
    ds.SOPInstanceUID = I.uid(seed, index, "sop")
    sdate = f"{study_y}{rng.randint(1, 11):02d}{rng.randint(1, 28):02d}"
    ds.StudyDate, ds.StudyTime = sdate, f"{rng.randint(7, 19):02d}{rng.randint(0, 59):02d}{rng.randint(0, 59):02d}"
    ds.ContentDate, ds.ContentTime = sdate, ds.StudyTime
    ds.SeriesDate, ds.SeriesTime = sdate, ds.StudyTime
    ds.AccessionNumber = fill(rng, rng.choice(["[RAD26]######", "A########", "26-###-####", "[ACC]#######"]))
    f.plant("AccessionNumber", "id", ds.AccessionNumber, alnum_forms(ds.AccessionNumber))
    ds.Modality = I.MODALITY[iod]
    ds.Manufacturer = VENDORS[iod].split("_")[0].split(" ")[0].title()
    ds.InstitutionName = L["inst"]
    staff = {}

    def staff_pn(keyword, path=None):
        p = people.draw(L, rng.choice("fm"))
        staff[keyword] = p
        setattr(ds, keyword, pn(p)) if path is None else None
        f.plant(path or keyword, "staff", pn(p), forms_in(p, pn(p)))
        return p

    staff_pn("ReferringPhysicianName")
    ds.StationName = STATIONS[iod].format(d=rng.randint(1, 9))
    f.plant("StationName", "station", ds.StationName, [["literal", ds.StationName]])

    desc = r["study"]
    ds.StudyDescription = desc
    f.keep_words("StudyDescription", desc)
    if index % 6 == 5:  # PHI typed into the Study Description by a registrar
        if rng.random() < 0.5:
            extra = f" - {patient['family'].upper() if 'family_kana' not in patient else patient['family']}"
            f.plant("StudyDescription", "name", extra.strip(" -"), forms_in(patient, extra))
        else:
            text, kind, forms = fl.s_phone(False)
            extra = f" - tel {text}"
            f.plant("StudyDescription", kind, text, forms)
        ds.StudyDescription = desc + extra
    ds.SeriesDescription = r["series"]
    f.keep_words("SeriesDescription", r["series"])
    if r.get("protocol"):
        ds.ProtocolName = r["protocol"]
        f.keep_words("ProtocolName", r["protocol"])
    staff_pn("PerformingPhysicianName")
    staff_pn("NameOfPhysiciansReadingStudy")
    staff_pn("OperatorsName")
    op = staff["OperatorsName"]
    oid = Dataset()
    emp = fill(rng, rng.choice(["E#####", "#######", "RT-####"]))
    pic = I.code(emp, "L", f"{latin_name(op)[1]}, {latin_name(op)[0]}")
    oid.PersonIdentificationCodeSequence = Sequence([pic])
    oid.InstitutionName = L["inst"]
    ds.OperatorIdentificationSequence = Sequence([oid])
    f.plant("OperatorIdentificationSequence[0].PersonIdentificationCodeSequence[0].CodeValue", "staff", emp,
            alnum_forms(emp))
    f.plant("OperatorIdentificationSequence[0].PersonIdentificationCodeSequence[0].CodeMeaning", "staff",
            pic.CodeMeaning, word_forms(name_words(latin_name(op)[1]) + name_words(latin_name(op)[0])))

    ds.PatientName = pn(patient)
    f.plant("PatientName", "name", ds.PatientName, forms_in(patient, pn(patient)))
    ds.PatientID = fill(rng, rng.choice(["H#######", "##########", "MRN######", "K##-###-###"]))
    f.plant("PatientID", "id", ds.PatientID, alnum_forms(ds.PatientID))
    ds.IssuerOfPatientID = L["inst"][:64]
    ds.PatientBirthDate = f"{by}{bm:02d}{bd:02d}"
    bforms = date_forms(by, bm, bd)
    if old:
        bforms.append(["year", str(by)])
    f.plant("PatientBirthDate", "date", ds.PatientBirthDate, bforms)
    ds.PatientSex = "F" if sex == "f" else "M"
    ds.PatientAge = f"{age:03d}Y"
    if old:
        f.plant("PatientAge", "age", ds.PatientAge, [["age", str(age)]])
    else:
        f.keep.append(dict(path="PatientAge", word=str(age), role="age"))
    ds.StudyInstanceUID = I.uid(seed, index, "study")
    ds.SeriesInstanceUID = I.uid(seed, index, "series")
    ds.StudyID = str(rng.randint(1, 9999))
    ds.SeriesNumber = rng.randint(1, 40)
    ds.InstanceNumber = 1
    ds.DeviceSerialNumber = fill(rng, rng.choice(["SN######", "#####-AA##", "A#######"]))
    f.plant("DeviceSerialNumber", "serial", ds.DeviceSerialNumber, alnum_forms(ds.DeviceSerialNumber))
    ds.SoftwareVersions = "4.2.1"
    ds.ProcedureCodeSequence = Sequence([I.code(*r["procedure"])])
    f.codes.append(dict(path="ProcedureCodeSequence[0]", value=r["procedure"][0], meaning=r["procedure"][2]))

    # request attributes (Request Attributes Macro) and the performed step (an MPPS-like summary)
    ra = Dataset()
    ra.RequestedProcedureID = fill(rng, "RP########")
    ra.ScheduledProcedureStepID = fill(rng, "SPS#######")
    ra.RequestedProcedureDescription = r.get("requested", r["study"])
    ra.ReasonForTheRequestedProcedure = r["reason"]
    ra.RequestedProcedureCodeSequence = Sequence([I.code(*r["procedure"])])
    ds.RequestAttributesSequence = Sequence([ra])
    rp = "RequestAttributesSequence[0]."
    f.plant(rp + "RequestedProcedureID", "id", ra.RequestedProcedureID, alnum_forms(ra.RequestedProcedureID))
    f.plant(rp + "ScheduledProcedureStepID", "id", ra.ScheduledProcedureStepID, alnum_forms(ra.ScheduledProcedureStepID))
    f.keep_words(rp + "RequestedProcedureDescription", ra.RequestedProcedureDescription)
    f.keep_words(rp + "ReasonForTheRequestedProcedure", r["reason"])
    f.codes.append(dict(path=rp + "RequestedProcedureCodeSequence[0]", value=r["procedure"][0], meaning=r["procedure"][2]))
    ds.PerformedProcedureStepID = fill(rng, "PPS######")
    f.plant("PerformedProcedureStepID", "id", ds.PerformedProcedureStepID, alnum_forms(ds.PerformedProcedureStepID))
    ds.PerformedProcedureStepStartDate, ds.PerformedProcedureStepStartTime = sdate, ds.StudyTime
    ds.PerformedProcedureStepDescription = r.get("performed", r["study"])
    f.keep_words("PerformedProcedureStepDescription", ds.PerformedProcedureStepDescription)
    f.harmless += [x for x in (desc, r["series"], r.get("protocol"), ra.RequestedProcedureDescription, r["reason"],
                               ds.PerformedProcedureStepDescription) if x]

    # the IOD's own modules
    out = I.Out()
    if iod == "CR":
        I.cr(ds, rng, r, out)
    elif iod == "DX":
        I.dx(ds, rng, r, out)
    elif iod == "RF":
        I.rf(ds, rng, r, out)
    elif iod == "US":
        I.us(ds, rng, r, out)
    elif iod in ("ENDO", "MICRO"):
        if iod == "MICRO":
            r["container"] = fill(rng, "S26-#####") + " " + rng.choice("ABC") + str(rng.randint(1, 6))
            r["specimen_id"] = r["container"]
        I.endo(ds, rng, r, out, micro=iod == "MICRO")
        if iod == "MICRO":
            f.plant("ContainerIdentifier", "id", r["container"], alnum_forms(r["container"]))
            f.plant("SpecimenDescriptionSequence[0].SpecimenIdentifier", "id", r["container"], alnum_forms(r["container"]))
        ds.BodyPartExamined = r["body"]
        out.research.append(("BodyPartExamined", r["body"]))
    elif iod == "RTIMAGE":
        I.rtimage(ds, rng, r, out)
        ds.ApprovalStatus = "APPROVED"
        ds.ReviewDate, ds.ReviewTime = sdate, "171500"
        rv = people.draw(L, rng.choice("fm"))
        ds.ReviewerName = pn(rv)
        f.plant("ReviewerName", "staff", ds.ReviewerName, forms_in(rv, pn(rv)))
    elif iod in ("SCTC", "SCGB"):
        I.sc(ds, rng, r, out, rgb=iod == "SCTC")
        if r.get("body"):
            ds.BodyPartExamined = r["body"]
            out.research.append(("BodyPartExamined", r["body"]))
        ds.DateOfSecondaryCapture = sdate
    elif iod in ("ECG12", "ECG", "AUDIO"):
        r["acq_dt"] = sdate + ds.StudyTime
        I.waveform(ds, rng, r, out, iod)
    elif iod == "CDA":
        r["hl7_id"] = I.uid(seed, index, "cda") + "^ISO"
        r["cda"] = cda_body(f, fl, ctx, r)
        I.cda(ds, rng, r, out)
        ds.ContentDate, ds.ContentTime = sdate, ds.StudyTime
    elif iod == "ESR":
        I.esr(ds, rng, r, out, lambda o: sr_tree(f, fl, ctx, r, o))
        vo = Dataset()
        vp = people.draw(L, rng.choice("fm"))
        vo.VerifyingObserverName = pn(vp)
        vo.VerifyingOrganization = L["inst"]
        vo.VerificationDateTime = sdate + "170000"
        vo.VerifyingObserverIdentificationCodeSequence = Sequence([])
        ds.VerifyingObserverSequence = Sequence([vo])
        f.plant("VerifyingObserverSequence[0].VerifyingObserverName", "staff", vo.VerifyingObserverName,
                forms_in(vp, pn(vp)))
        ds.InstanceNumber = 1
    elif iod == "CSPS":
        texts = list(r["annotations"])
        mark = fl.fill("GraphicAnnotationSequence[0].TextObjectSequence[2].UnformattedTextValue",
                       "Marked {STAFF} {DATEN}" if L["lang"] != "ja" else "{STAFF} {DATEN}", False)
        I.csps(ds, rng, r, out, texts + [mark])
        for i, t in enumerate(texts):
            out.research.append((f"GraphicAnnotationSequence[0].TextObjectSequence[{i}].UnformattedTextValue", t))
        cc = people.draw(L, rng.choice("fm"))
        ds.ContentCreatorName = pn(cc)
        f.plant("ContentCreatorName", "staff", ds.ContentCreatorName, forms_in(cc, pn(cc)))
        ds.ContentDescription = r["study"]
        out.research.append(("ContentDescription", ds.ContentDescription))
    if iod in ("CR", "RF", "US") and r.get("body") in ("KNEE", "KIDNEY", "SMALL BOWEL"):
        ds.Laterality = "R" if r["body"] == "KNEE" else ""
    if r.get("body") and iod not in ("ENDO", "MICRO", "SCTC", "SCGB", "CSPS") and "BodyPartExamined" not in ds:
        ds.BodyPartExamined = r["body"]
        out.research.append(("BodyPartExamined", r["body"]))

    for path, text in out.research:
        f.keep_words(path, text)
        f.harmless.append(text)
    for path, value, meaning in out.codes:
        f.codes.append(dict(path=path, value=value, meaning=meaning))
    # clinical numbers inside research text
    field_path = {"processing": "AcquisitionDeviceProcessingDescription", "reason": rp + "ReasonForTheRequestedProcedure",
                  "series": "SeriesDescription", "contrast": "ContrastBolusAgent", "transducer": "TransducerData",
                  "description": "RTImageDescription"}
    for field, subs in r.get("nums", {}).items():
        for s in subs:
            if field in field_path:
                path = field_path[field]
            else:  # interpretation, finding, annotations: the research path whose text holds it
                path = next(p for p, t in out.research if s in t)
            f.keep.append(dict(path=path, word=s, role="num"))
    for path, value in out.numbers:
        f.keep.append(dict(path=path, word=str(value), role="num"))

    # ECG machines print who confirmed the reading into the interpretation
    if iod == "ECG12":
        ann = ds.WaveformAnnotationSequence[-1]
        path = f"WaveformAnnotationSequence[{len(ds.WaveformAnnotationSequence) - 1}].UnformattedTextValue"
        p = people.draw(L, rng.choice("fm"))
        g, fam = latin_name(p)
        eid = str(rng.randint(100, 999))
        conf = fl.s_daten(False)
        tail = f" Compared with ECG of {conf[0]}: no significant change. Confirmed by {fam.upper()}, {g.upper()} ({eid})"
        ann.UnformattedTextValue = ann.UnformattedTextValue + tail
        f.plant(path, "staff", f"{fam.upper()}, {g.upper()}", forms_in(p, f"{fam} {g}"))
        f.plant(path, "date", conf[0], conf[2])

    # free text: the history in the file's language, comments in English (or the country's English)
    english_pool = N.COUNTRY_EN.get(loc, []) + N.ENGLISH
    local_pool = N.LOCAL.get(L["lang"], []) if L["lang"] != "en" else N.COUNTRY_EN.get(loc, [])
    rng.shuffle(english_pool)
    local = list(local_pool)
    rng.shuffle(local)
    if old:  # the patient's own age in the file's language first (the pool is popped from its end)
        local.sort(key=lambda tpl: "{AGE}" in tpl)
    places = ["AdditionalPatientHistory", "PatientComments",
              "ImageComments" if iod in IMAGE_IODS else "StudyComments"]
    extra_places = [rp + "RequestedProcedureComments", "AcquisitionComments", "CommentsOnThePerformedProcedureStep"]
    if iod in MULTIFRAME:
        extra_places.append("FrameComments")
    rng.shuffle(extra_places)
    places += extra_places[:2]
    for i, place in enumerate(places):
        english = L["lang"] == "en" or i % 2 == 1
        pool = english_pool if english else local
        if not pool:
            pool, english = english_pool, True
        tpl = pool.pop()
        text = fl.fill(place, tpl, english)
        if place.startswith(rp):
            setattr(ra, place[len(rp):], text)
        else:
            setattr(ds, place, text)

    # the less common places, about eight drawn per file
    rare = rare_places(f, fl, ds, ctx, patient, sex, old, rp, ra)
    rng.shuffle(rare)
    for fn in rare[:8]:
        fn()

    # a private block in every third file, in its vendor's style
    if index % 3 == 2:
        private_block(f, fl, ds, iod, patient)

    ds.file_meta = FileMetaDataset()
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.file_meta.MediaStorageSOPClassUID = ds.SOPClassUID
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.file_meta.ImplementationClassUID = "2.25.31415926535897932384626433832795028841"
    return f, ds


RESIDENCE = {
    "en-GB": ("United Kingdom", "West Yorkshire"), "en-IE": ("Ireland", "Munster"), "en-AU": ("Australia", "New South Wales"),
    "en-NG": ("Nigeria", "Lagos State"), "en-IN": ("India", "Karnataka"), "en-ZA": ("South Africa", "Western Cape"),
    "en-KE": ("Kenya", "Nairobi County"), "it": ("Italia", "Emilia-Romagna"), "de-AT": ("Österreich", "Steiermark"),
    "da": ("Danmark", "Region Hovedstaden"), "nb": ("Norge", "Vestland"), "is": ("Ísland", "Norðurland eystra"),
    "ga": ("Éire", "Connacht"), "ca": ("Espanya", "Catalunya"), "fr-CH": ("Suisse", "Vaud"), "fi": ("Suomi", "Pirkanmaa"),
    "et": ("Eesti", "Harjumaa"), "lv": ("Latvija", "Kurzeme"), "lt": ("Lietuva", "Kauno apskritis"),
    "mt": ("Malta", "Nofsinhar"), "uk": ("Україна", "Львівська область"), "bg": ("България", "Пловдивска област"),
    "sk": ("Slovensko", "Košický kraj"), "hr": ("Hrvatska", "Splitsko-dalmatinska"), "id": ("Indonesia", "DKI Jakarta"),
    "fil": ("Pilipinas", "Calabarzon"), "ta": ("India", "தமிழ்நாடு"), "bn": ("Bangladesh", "ঢাকা বিভাগ"),
    "ja": ("Japan", "神奈川県"), "uk-de": ("Deutschland", "Sachsen"),
}
ETHNIC = {"en-GB": "White British", "en-IE": "Irish Traveller", "en-AU": "Aboriginal", "en-NG": "Yoruba",
          "en-ZA": "Xhosa", "en-KE": "Kikuyu", "nb": "Samisk", "en-IN": "Konkani"}


def rare_places(f, fl, ds, ctx, patient, sex, old, rp, ra):
    L, rng = f.L, f.rng

    def other_ids():
        value = fill(rng, L["nat_id"][1])
        forms = alnum_forms(value)
        it = Dataset()
        it.PatientID = value
        it.IssuerOfPatientID = L["nat_id"][0]
        it.TypeOfPatientID = "TEXT"
        ds.OtherPatientIDsSequence = Sequence([it])
        f.plant("OtherPatientIDsSequence[0].PatientID", "id", it.PatientID, forms)

    def birth_name():
        p = ctx["people"].draw(L, "f")
        while p["family"] == patient["family"]:
            p = ctx["people"].draw(L, "f")
        ds.PatientBirthName = pn(dict(patient, family=p["family"], **({"family_latin": p["family_latin"]}
                                                                         if "family_latin" in p else {}),
                                      **({"family_kana": p["family_kana"]} if "family_kana" in p else {})))
        words = name_words(p["family"]) + (name_words(p["family_latin"]) if "family_latin" in p else []) + \
            ([p["family_kana"]] if "family_kana" in p else [])
        f.plant("PatientBirthName", "name", ds.PatientBirthName, word_forms(words))

    def mother():
        p = ctx["people"].draw(L, "f")
        ds.PatientMotherBirthName = pn(p)
        f.plant("PatientMotherBirthName", "name-other", ds.PatientMotherBirthName, forms_in(p, pn(p)))

    def address():
        for _ in range(20):  # Patient's Address is LO: 64 bytes
            text, kind, forms = fl.s_addr(False)
            if len(text.encode()) <= 64:
                break
        else:
            return  # no street of this locale fits: no address in this file's header
        ds.PatientAddress = text
        f.plant("PatientAddress", kind, text, forms)

    def residence():
        ds.CountryOfResidence, ds.RegionOfResidence = RESIDENCE[f.loc]
        f.plant("RegionOfResidence", "profile-attr", ds.RegionOfResidence, [["literal", ds.RegionOfResidence]])

    def phones():
        a, b = (next(x for x in iter(lambda: fl.s_phone(False), None) if len(x[0]) <= 16) for _ in range(2))
        ds.PatientTelephoneNumbers = [a[0], b[0]]
        f.plant("PatientTelephoneNumbers", "phone", a[0], a[2])
        f.plant("PatientTelephoneNumbers", "phone", b[0], b[2])

    def ethnic():
        ds.EthnicGroup = ETHNIC[f.loc]
        f.plant("EthnicGroup", "profile-attr", ds.EthnicGroup, [["literal", ds.EthnicGroup]])

    def admission():
        ds.AdmissionID = fill(rng, "[ADM26]#######")
        f.plant("AdmissionID", "id", ds.AdmissionID, alnum_forms(ds.AdmissionID))

    def episode():
        ds.ServiceEpisodeID = fill(rng, "EP-######-##")
        f.plant("ServiceEpisodeID", "id", ds.ServiceEpisodeID, alnum_forms(ds.ServiceEpisodeID))

    def consulting():
        p = ctx["people"].draw(L, rng.choice("fm"))
        ds.ConsultingPhysicianName = pn(p)
        f.plant("ConsultingPhysicianName", "staff", ds.ConsultingPhysicianName, forms_in(p, pn(p)))

    def requesting():
        p = ctx["people"].draw(L, rng.choice("fm"))
        ds.RequestingPhysician = pn(p)
        f.plant("RequestingPhysician", "staff", ds.RequestingPhysician, forms_in(p, pn(p)))

    def recipients():
        a = ctx["people"].draw(L, rng.choice("fm"))
        b = ctx["people"].draw(L, rng.choice("fm"))
        ds.NamesOfIntendedRecipientsOfResults = [pn(a), pn(b)]
        f.plant("NamesOfIntendedRecipientsOfResults", "staff", pn(a), forms_in(a, pn(a)))
        f.plant("NamesOfIntendedRecipientsOfResults", "staff", pn(b), forms_in(b, pn(b)))

    def order_entered():
        p = ctx["people"].draw(L, rng.choice("fm"))
        ds.OrderEnteredBy = pn(p)
        ds.OrderEntererLocation = "WARD 7B"
        f.plant("OrderEnteredBy", "staff", ds.OrderEnteredBy, forms_in(p, pn(p)))

    def scheduled_performer():
        p = ctx["people"].draw(L, rng.choice("fm"))
        ds.ScheduledPerformingPhysicianName = pn(p)
        f.plant("ScheduledPerformingPhysicianName", "staff", pn(p), forms_in(p, pn(p)))

    def lmp():
        y, m, d = 2026, rng.randint(1, 9), rng.randint(1, 28)
        ds.LastMenstrualDate = f"{y}{m:02d}{d:02d}"
        f.plant("LastMenstrualDate", "date", ds.LastMenstrualDate, date_forms(y, m, d))

    def admitting_date():
        y, m, d = 2026, rng.randint(1, 11), rng.randint(1, 28)
        ds.AdmittingDate = f"{y}{m:02d}{d:02d}"
        f.plant("AdmittingDate", "date", ds.AdmittingDate, date_forms(y, m, d))

    def trial():
        ds.ClinicalTrialSponsorName = "Nordic Geriatric Imaging Consortium"
        ds.ClinicalTrialProtocolID = "NGIC-FRAIL-02"
        ds.ClinicalTrialProtocolName = "Frailty and falls imaging cohort"
        ds.ClinicalTrialSiteID = fill(rng, "S##")
        ds.ClinicalTrialSiteName = L["inst"]
        ds.ClinicalTrialSubjectID = fill(rng, "[FRAIL]-####")
        f.plant("ClinicalTrialSubjectID", "id", ds.ClinicalTrialSubjectID, alnum_forms(ds.ClinicalTrialSubjectID))
        # PS3.15's Basic Profile replaces these (sponsor name and protocol ID D, protocol name Z): their words are
        # reported apart, for information, not among the description words that must survive
        for k in ("ClinicalTrialSponsorName", "ClinicalTrialProtocolID", "ClinicalTrialProtocolName"):
            f.keep_words(k, getattr(ds, k), role="trial")
            f.harmless.append(getattr(ds, k))

    def referenced_patient():
        it = Dataset()
        it.ReferencedSOPClassUID = "1.2.840.10008.3.1.2.1.1"
        it.ReferencedSOPInstanceUID = I.uid("patient", ds.PatientID)
        ds.ReferencedPatientSequence = Sequence([it])  # a UID the kit maps: in the file, not scored

    fns = [other_ids, mother, address, residence, phones] + ([ethnic] if f.loc in ETHNIC else []) + [admission, episode, consulting, requesting,
           recipients, order_entered, scheduled_performer, admitting_date, trial, referenced_patient]
    if sex == "f":
        fns.append(birth_name)
        if not old and ctx["age"] < 50:
            fns.append(lmp)
    return fns


def private_block(f, fl, ds, iod, patient):
    creator = VENDORS[iod]
    group = {"CR": 0x0029, "DX": 0x0019, "RF": 0x0019, "US": 0x0009, "ECG12": 0x0009, "ECG": 0x0009, "AUDIO": 0x0011,
             "CDA": 0x0033, "ESR": 0x0031, "CSPS": 0x0029, "ENDO": 0x0021, "MICRO": 0x0029, "RTIMAGE": 0x3261,
             "SCTC": 0x0015, "SCGB": 0x0045}[iod]
    blk = ds.private_block(group, creator, create=True)
    name = pn(patient)
    blk.add_new(0x10, "PN", name)
    base = f"({group:04X},'{creator}',"
    f.plant(base + "10)", "name", name, forms_in(patient, pn(patient)))
    pid = ds.PatientID
    blk.add_new(0x11, "LO", pid)
    f.plant(base + "11)", "id", pid, alnum_forms(pid))
    tpl = f.rng.choice(["Tech note: {STAFF}, call {PHONE} if repeat needed",
                        "Worklist import {DATEN}; {PT}; device {IP}",
                        "QC by {STAFF} - {EMAIL} for queries"])
    text = fl.fill(base + "12)", tpl, True)
    blk.add_new(0x12, "LT", text)


def sr_tree(f, fl, ctx, r, out):
    L = f.L
    kids = []
    base = "ContentSequence"
    hist = fl.fill(f"{base}[0].ContentSequence[0].TextValue", f.rng.choice(N.ENGLISH), True)
    kids.append(I.sr_item("CONTAINS", "CONTAINER", ("121060", "DCM", "History"), out, f"{base}[0]", children=[
        I.sr_item("CONTAINS", "TEXT", ("121060", "DCM", "History"), out, f"{base}[0].ContentSequence[0]", text=hist),
    ]))
    p = ctx["people"].draw(L, f.rng.choice("fm"))
    kids.append(I.sr_item("HAS OBS CONTEXT", "PNAME", ("121008", "DCM", "Person Observer Name"), out,
                          f"{base}[1]", name=pn(p)))
    f.plant(f"{base}[1].PersonName", "staff", pn(p), forms_in(p, pn(p)))
    y, m, d = f.rng.randint(2019, 2025), f.rng.randint(1, 12), f.rng.randint(1, 28)
    kids.append(I.sr_item("CONTAINS", "DATE", ("111060", "DCM", "Study Date"), out, f"{base}[2]",
                          date=f"{y}{m:02d}{d:02d}"))
    f.plant(f"{base}[2].Date", "date", f"{y}{m:02d}{d:02d}", date_forms(y, m, d))
    find_path = f"{base}[3].ContentSequence[0].TextValue"
    fc = I.sr_item("CONTAINS", "CONTAINER", ("121070", "DCM", "Findings"), out, f"{base}[3]", children=[
        I.sr_item("CONTAINS", "TEXT", ("121071", "DCM", "Finding"), out, f"{base}[3].ContentSequence[0]",
                  text=r["finding"]),
        I.sr_item("CONTAINS", "NUM", r["measure"][0], out, f"{base}[3].ContentSequence[1]", value=r["measure"][1],
                  unit=r["measure"][2]),
    ])
    kids.append(fc)
    out.research.append((find_path, r["finding"]))
    comp = fl.fill(f"{base}[4].TextValue", f.rng.choice(N.LOCAL.get(L["lang"], N.ENGLISH)) if L["lang"] != "en"
                   else f.rng.choice(N.COUNTRY_EN[f.loc]), L["lang"] == "en")
    kids.append(I.sr_item("CONTAINS", "TEXT", ("121106", "DCM", "Comment"), out, f"{base}[4]", text=comp))
    kids.append(I.sr_item("HAS OBS CONTEXT", "PNAME", ("121029", "DCM", "Subject Name"), out, f"{base}[5]",
                          name=pn(ctx["patient"])))
    f.plant(f"{base}[5].PersonName", "name", pn(ctx["patient"]), forms_in(ctx["patient"], pn(ctx["patient"])))
    return kids


def cda_body(f, fl, ctx, r):
    """The CDA document (not a header value: score.py reports what of it survives, for information)."""
    p = ctx["patient"]
    y, m, d = ctx["birth"]
    addr = fl.s_addr(False)[0]
    phone = fl.s_phone(False)[0]
    author = ctx["people"].draw(f.L, "f")
    f.body = [p["family"], p["given"], addr.split(",")[0], re.sub(r"\D", "", phone)[-7:], author["family"]]
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<ClinicalDocument xmlns="urn:hl7-org:v3">'
            f'<title>{r["title"]}</title><recordTarget><patientRole><id extension="{f.rng.randint(10**7, 10**8)}"/>'
            f'<addr>{addr}</addr><telecom value="tel:{phone}"/><patient><name><given>{p["given"]}</given>'
            f'<family>{p["family"]}</family></name><birthTime value="{y}{m:02d}{d:02d}"/></patient></patientRole>'
            f'</recordTarget><author><assignedAuthor><assignedPerson><name>{author["given"]} {author["family"]}</name>'
            f'</assignedPerson></assignedAuthor></author><component><structuredBody><component><section>'
            f'<text>{r["reason"]}</text></section></component></structuredBody></component></ClinicalDocument>')


def build(seed, out_dir):
    inputs = os.path.join(out_dir, "inputs")
    os.makedirs(inputs, exist_ok=True)
    people = People(random.Random(f"{seed}/people"))
    counters = {}
    truths, harmless = [], []
    for i, (iod, loc) in enumerate(PLAN, start=1):
        f, ds = build_file(i, iod, loc, seed, people, counters)
        name = f"v5h_{i:02d}_{iod.lower()}.dcm"
        ds.save_as(os.path.join(inputs, name), write_like_original=False)
        truths.append(dict(index=i, file=name, iod=iod, locale=loc, charset=f.L["charset"], phi=f.phi, keep=f.keep,
                           codes=f.codes, body=f.body))
        harmless += f.harmless
    harmless = sorted(set(harmless))
    with open(os.path.join(out_dir, "truth.json"), "w", encoding="utf-8") as fh:
        json.dump(dict(seed=seed, files=truths, harmless=harmless), fh, ensure_ascii=False, indent=1)
    return truths


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = ap.parse_args()
    truths = build(args.seed, args.out)
    print(f"{len(truths)} files, {sum(len(t['phi']) for t in truths)} planted strings -> {args.out}")


if __name__ == "__main__":
    main()
