#!/usr/bin/python3
"""Held-out check of the header (issue 8), sixth set: generate, run the built CLI, score. ``npm run heldout:v6:header``.

The running and scoring code is the fifth set's (test/heldout-v5/header/score.py, itself the fourth's, third's and
second's), copied so the sets are scored alike; what differs: this set's own generator and vocabulary (gen.py,
iods.py, vocab.py, notes.py, research.py), the Type 1 attributes of this set's IODs added to STRUCTURAL, the street
words and country domains of this set in the learning check, the information line on encapsulated documents (here
the STL models, whose 80-byte header names the patient), ``check_file`` (the truth check, also used by gen.py to
draw a file again when its truth does not hold), and ``--fake`` (the scorer checked on the input itself, which must
score 0% gone, and on a copy with every planted string blanked, which must score 100%).

Steps: gen.py writes 40 files and their truth into a temporary folder; ``deid run --no-pixels`` de-identifies
them; outputs are found through the manifest and read with pydicom; then this prints

  - planted header PHI left: each planted string is looked for in the element it was planted in (every form a
    leak would take: names by each name word, dates in every national/ISO form and day-month without the year,
    IDs and phones by their digits whatever the separators, addresses by street name, city and postcode, ages over
    89 by the number in digits or words), and every form is also swept through every other text value of the file
    (nested sequences and private elements included): a hit there counts as a leak "elsewhere";
  - description words kept, ages of 89 and below kept, clinical numbers kept, code values and meanings kept (and,
    for information, the words of the clinical prose around PHI in notes);
  - outputs with dciodvfy errors their input did not have;
  - files failed or refused;
  - learning: ``deid evaluate`` of the raw inputs, ``deid learn`` on its report; proposals that remove or empty
    structural or Type 1 attributes, proposed patterns that match a harmless text, address and URL patterns;
  - a listing of every miss (all the PHI is invented).

The truth is checked against the inputs first (every planted form found where it was planted, nothing found
elsewhere): a failure there is a fault of this set, printed as such. Exits non-zero only when something crashes.

Usage: /usr/bin/python3 score.py [--keep] [--seed N] [--jobs N] [--only 1,2,3] [--truth-only] [--fake input|blank]
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import warnings

import pydicom

warnings.filterwarnings("ignore", module=r"pydicom\.")  # over-long values, undecodable bytes in outputs: scored as read

sys.dont_write_bytecode = True  # nothing written beside the sources
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
sys.path.insert(0, HERE)
import gen  # noqa: E402
import vocab as P  # noqa: E402


TEXT_VRS = {"DS", "IS", "LO", "LT", "ST", "UT", "SH", "PN", "UC", "CS", "DA", "DT", "TM", "AS", "UR", "AE", "UN"}
SEP = r"[\s\-./()]*"
LATIN = re.compile(r"[A-Za-z0-9\u00C0-\u024F\u1E00-\u1EFF]")
# Attributes whose removal or emptying breaks an IOD of this set: Type 1 (or 1C where this set uses them)
# and the structure of code sequences, content trees, segmentations and structure sets.
STRUCTURAL = {
    "(0008,0016)", "(0008,0018)", "(0020,000D)", "(0020,000E)", "(0020,0052)", "(0008,0060)", "(0008,0008)",
    "(0008,0100)", "(0008,0102)", "(0008,0104)", "(0040,A043)", "(0040,A168)", "(0040,A040)", "(0040,A010)",
    "(0040,A730)", "(0040,A050)", "(0040,A160)", "(0040,A123)", "(0040,A121)", "(0040,A122)", "(0040,A120)",
    "(0008,0023)", "(0008,0033)", "(0020,0013)", "(0040,A491)", "(0040,A493)", "(0040,A073)", "(0040,A075)",
    "(0040,A027)", "(0040,A030)", "(0040,A375)", "(0040,A300)", "(0040,A30A)", "(0040,08EA)",
    "(0062,0002)", "(0062,0004)", "(0062,0005)", "(0062,0008)", "(0062,0001)", "(0062,0003)", "(0062,000F)",
    "(0070,0080)", "(0062,000B)", "(0020,9157)", "(0020,9222)", "(0020,9221)", "(0020,9164)",
    "(5200,9229)", "(5200,9230)", "(0028,0008)", "(0028,0010)", "(0028,0011)", "(0028,0100)", "(0028,0101)",
    "(0028,0102)", "(0028,0103)", "(0028,0002)", "(0028,0004)", "(7FE0,0010)", "(0028,1052)", "(0028,1053)",
    "(3006,0002)", "(3006,0020)", "(3006,0022)", "(3006,0024)", "(3006,0039)", "(3006,0084)", "(3006,0040)",
    "(3006,0042)", "(3006,0046)", "(3006,0050)", "(3006,0080)", "(3006,0082)", "(3006,0010)", "(3006,0012)",
    "(3006,0014)", "(3006,0016)", "(0008,1150)", "(0008,1155)", "(0008,1115)", "(0008,1199)", "(0040,A375)",
    "(0008,114A)", "(0008,1140)", "(0018,0050)", "(0020,0032)", "(0020,0037)", "(0028,0030)", "(0008,9215)",
    "(0008,2112)", "(0040,A170)", "(0028,2110)", "(0018,0020)", "(0018,0021)", "(0018,0022)", "(0018,0023)",
    # Type 1 (or 1C as used here) in the third set's IODs: MG, XA, NM, PET, OP, SC, KO, GSPS, RT Plan, Encapsulated PDF
    "(0040,E020)", "(0070,0080)", "(300A,0002)", "(300A,000C)", "(0042,0012)", "(0042,0011)", "(0042,0015)",
    "(0008,0064)", "(0054,1001)", "(0054,1002)", "(0054,1000)", "(0054,0011)", "(0054,0021)", "(0028,0009)",
    "(0054,0010)", "(0054,0020)", "(0020,0062)", "(0070,0082)", "(0070,0083)", "(0070,0060)", "(0070,0002)",
    "(0070,0062)", "(0070,005A)", "(0070,0052)", "(0070,0053)", "(0070,0100)", "(2050,0020)", "(0028,1054)",
    "(0040,A504)", "(0008,0105)", "(0040,DB00)", "(0018,1164)", "(0018,7004)", "(0018,1508)", "(0040,0318)",
    "(0008,0068)", "(0028,1040)", "(0028,1041)", "(0054,1300)", "(0054,1330)", "(0054,0081)", "(0018,1242)",
    "(0020,0200)", "(0018,106A)", "(0018,1800)", "(0022,0015)", "(0022,0005)", "(0028,0301)",
    "(0008,002A)", "(0054,0410)", "(0054,0016)", "(0054,0300)", "(0008,2218)", "(0008,2220)", "(0054,0022)",
    # Type 1 (or 1C as used here) in this set's IODs: Enhanced MR and CT (functional groups), SEG, RT Structure Set,
    # RT Dose, US multi-frame, intra-oral and panoramic DX, VL photographic, dose / text / CAD SR, Raw Data
    "(0020,9111)", "(0020,9113)", "(0020,9116)", "(0028,9110)", "(0028,9145)", "(0028,9132)", "(0018,9226)",
    "(0018,9329)", "(0008,9205)", "(0008,9206)", "(0008,9207)", "(0008,9208)", "(0008,9209)", "(0008,9121)",
    "(0020,9056)", "(0020,9057)", "(0020,9128)", "(0020,9165)", "(0020,9167)", "(0020,9221)", "(0020,9222)",
    "(0018,0087)", "(0018,9005)", "(0018,9008)", "(0018,9009)", "(0018,9011)", "(0018,9012)", "(0018,9014)",
    "(0018,9015)", "(0018,9017)", "(0018,9018)", "(0018,9024)", "(0018,9025)", "(0018,9029)", "(0018,9032)",
    "(0018,9033)", "(0018,9034)", "(0018,9064)", "(0018,9093)", "(0018,9094)", "(0018,0080)", "(0018,1314)",
    "(0018,9112)", "(0018,9114)", "(0018,9115)", "(0018,9117)", "(0018,9118)", "(0018,9119)", "(0018,9125)",
    "(0018,9042)", "(0018,9043)", "(0018,9044)", "(0018,9049)", "(0018,9050)", "(0018,9051)", "(0018,9041)",
    "(0018,9301)", "(0018,9302)", "(0018,9303)", "(0018,9304)", "(0018,9305)", "(0018,9306)", "(0018,9307)",
    "(0018,9308)", "(0018,9309)", "(0018,9310)", "(0018,9311)", "(0018,9312)", "(0018,9313)", "(0018,9314)",
    "(0018,9315)", "(0018,9316)", "(0018,9317)", "(0018,9318)", "(0018,9319)", "(0018,9320)", "(0018,9321)",
    "(0018,9322)", "(0018,9323)", "(0018,9324)", "(0018,9325)", "(0018,9326)", "(0018,9327)", "(0018,9328)",
    "(0018,9330)", "(0018,9332)", "(0018,9333)", "(0018,9334)", "(0018,9335)", "(0018,9345)", "(0018,9477)",
    "(0008,3010)", "(0062,0009)", "(0062,0020)", "(0062,0021)", "(0008,9124)", "(0008,2112)", "(0008,9215)",
    "(3004,0002)", "(3004,0004)", "(3004,000A)", "(3004,000C)", "(3004,000E)", "(300C,0002)", "(3006,0008)",
    "(3006,0009)", "(3006,0026)", "(3006,0036)", "(3006,00A4)", "(300E,0002)", "(0020,0052)",
    "(0018,1063)", "(0028,6040)", "(0018,5100)", "(0020,0020)", "(0028,0006)",
    "(0018,0060)", "(0020,0060)", "(0008,1032)", "(0040,A040)", "(0040,A043)", "(0040,A504)", "(0040,DB00)",
    "(0040,A372)", "(0018,9004)", "(0028,2114)", "(0028,0301)", "(0028,0302)",
    # Type 1 (or 1C as used here) in this set's IODs: CR, DX, RF, US, 12-lead and general ECG, basic voice audio,
    # encapsulated CDA, Enhanced SR, Color Softcopy PS, VL endoscopic and microscopic, RT Image, multi-frame SC
    "(5400,0100)", "(003A,0200)", "(003A,0208)", "(003A,0005)", "(003A,0010)", "(003A,001A)", "(5400,1004)",
    "(5400,1006)", "(5400,1010)", "(003A,0004)", "(0040,A0B0)", "(003A,0210)", "(003A,0211)", "(003A,0212)",
    "(003A,021A)", "(0042,0011)", "(0042,0012)", "(0040,E001)", "(0042,0015)", "(0028,2000)", "(0070,0001)",
    "(0070,0008)", "(0070,0006)", "(0070,0003)", "(0070,0004)", "(0070,0010)", "(0070,0011)", "(0070,0012)",
    "(0070,0009)", "(0070,0005)", "(0070,0020)", "(0070,0021)", "(0070,0022)", "(0070,0023)", "(0070,0024)",
    "(0070,0100)", "(0070,0101)", "(0070,0102)", "(0070,0103)", "(3002,0002)", "(3002,000A)", "(3002,000C)",
    "(3002,000D)", "(3002,000E)", "(3002,0011)", "(3002,0012)", "(3002,0026)", "(300A,00B3)", "(300A,00B4)",
    "(300E,0002)", "(0040,0512)", "(0040,0551)", "(0040,0554)", "(0040,0560)", "(0018,6011)", "(0018,6012)",
    "(0018,6014)", "(0018,6016)", "(0018,6018)", "(0018,601A)", "(0018,601C)", "(0018,601E)", "(0018,6024)",
    "(0018,6026)", "(0018,602C)", "(0018,602E)", "(0008,0064)", "(0028,0009)", "(0018,1063)", "(0018,2002)",
    "(0028,0034)", "(0008,0068)", "(2050,0020)", "(0018,7004)", "(0028,0101)", "(0008,1032)", "(0012,0010)",
    "(0012,0020)", "(0012,0040)", "(0040,A120)", "(0040,A504)", "(0040,A372)", "(0040,A375)",
    # Type 1 (or 1C as used here) in this set's IODs: SR author and participant items (observer and participation
    # type), procedure log (observation date-time, synchronization), hemodynamic waveform, keratometry,
    # autorefraction, lensometry, subjective refraction, visual acuity, real world value mapping, spatial
    # registration and fiducials, pseudo-color PS, multi-frame word and single-bit SC, RT treatment summary record,
    # encapsulated STL. (Participant and Author Observer Sequences are Type 3, Participation DateTime and Content
    # Creator's Name Type 2: emptying them breaks nothing, so they are not listed; the earlier sets listed Content
    # Creator's Name, which is Type 2 in their IODs too.)
    "(0040,A084)", "(0040,A080)", "(0040,A032)", "(0020,0200)", "(0018,106A)", "(0018,1800)", "(003A,0208)",
    "(0024,0113)", "(0046,0070)", "(0046,0071)", "(0046,0074)", "(0046,0075)", "(0046,0076)", "(0046,0077)",
    "(0046,0080)", "(0046,0014)", "(0046,0015)", "(0046,0018)", "(0046,0050)", "(0046,0052)", "(0046,0097)",
    "(0046,0098)", "(0046,0100)", "(0046,0104)", "(0046,0121)", "(0046,0122)", "(0046,0123)", "(0046,0125)",
    "(0046,0092)", "(0046,0094)", "(0046,0095)", "(0046,0135)", "(0046,0137)", "(0046,0139)", "(0046,0146)",
    "(0046,0147)", "(0022,0009)", "(0040,9094)", "(0040,9096)", "(0040,9211)", "(0040,9216)", "(0040,9224)",
    "(0040,9225)", "(0028,3003)", "(0040,08EA)", "(0070,0080)", "(0070,0082)", "(0070,0083)",
    "(0070,0308)", "(0070,0309)", "(0070,030A)", "(3006,00C6)", "(0070,030C)", "(0070,030D)", "(0070,031C)",
    "(0070,031E)", "(0070,0310)", "(0070,0311)", "(3006,0050)", "(3006,0046)", "(0028,1101)", "(0028,1102)",
    "(0028,1103)", "(0028,1201)", "(0028,1202)", "(0028,1203)", "(0028,2000)", "(0028,0301)",
    "(0070,005A)", "(0070,0052)", "(0070,0053)", "(0070,0100)", "(0070,0101)", "(0070,0060)", "(0070,0062)",
    "(0070,0002)", "(0070,0008)", "(0070,0006)", "(0070,0004)", "(0070,0014)", "(0070,0015)", "(0008,0064)",
    "(0028,0008)", "(0028,0009)", "(0018,2001)", "(0018,2010)", "(0028,1052)", "(0028,1053)", "(0028,1054)",
    "(3008,0200)", "(3008,0050)", "(3008,0052)", "(3008,0072)", "(300A,010C)", "(0042,0011)", "(0042,0012)",
    "(0042,0015)", "(0042,0013)", "(0040,A170)", "(0008,1115)", "(0020,0052)", "(5400,0100)", "(003A,0200)",
    "(003A,0005)", "(003A,0010)", "(003A,001A)", "(003A,0004)", "(003A,021A)", "(003A,0211)", "(5400,1004)",
    "(5400,1006)", "(5400,1010)", "(0040,A0B0)", "(0040,A180)",
}


# -- matching ------------------------------------------------------------------------------------------
def age_words_regex(n):
    words = P.age_words(n).replace("-", " ").split()
    out = ""
    for i, w in enumerate(words):
        if w == "and":
            out += r"(?:[\s-]*and)?"
            continue
        out += (r"[\s-]*" if i else "") + re.escape(w)
    return out


def form_regex(ftype, form):
    if ftype == "alpha":
        chars = [re.escape(c) for c in form if not c.isspace()]
        if LATIN.match(form):  # a Latin word ends where Latin letters end (it may run on into CJK text)
            return re.compile(rf"(?<!{LATIN.pattern})" + r"\s*".join(chars) + rf"(?!{LATIN.pattern})", re.I)
        return re.compile(r"(?<!\w)" + r"\s*".join(chars) + r"(?!\w)", re.I)
    if ftype == "digits":
        return re.compile(r"(?<!\d)(?<!\d[-./ ])" + SEP.join(form) + r"(?!\d)(?![-./ ]\d)")
    if ftype == "alnum":
        chars = [re.escape(c) for c in form if c.isalnum()]
        return re.compile(r"(?<![A-Za-z0-9])" + SEP.join(chars) + r"(?![A-Za-z0-9])", re.I)
    if ftype == "digits_tail":
        return re.compile(SEP.join(form) + r"(?!\d)")
    if ftype == "digits_head":
        return re.compile(r"(?<!\d)(?<!\d[-./ ])" + SEP.join(form))
    if ftype == "daymonth":
        day, month = (int(x) for x in form.split("-"))
        names = sorted({ns[month - 1] for ns in P.MONTH_NAMES.values()}, key=len, reverse=True)
        mon = "(?:" + "|".join(rf"{re.escape(n)}|{re.escape(n[:3])}\.?" if n[:3].isalpha() else re.escape(n)
                               for n in names) + ")"
        dd = rf"0?{day}(?:st|nd|rd|th)?"
        return re.compile(rf"(?<!\d){dd}[\s\-./,]*(?:(?:of|de|ta')\s+)?{mon}(?!\w)|(?<!\w){mon}[\s\-./,]*{dd}(?!\d)", re.I)
    if ftype == "literal":
        return re.compile(re.escape(form), re.I)
    if ftype == "age":
        n = int(form)
        # "90+" is the Safe Harbor category, not the age (for n = 90 the digits alone would match it)
        return re.compile(rf"(?<!\d)0*{n}(?!\d)(?!\+)|(?<!\w){age_words_regex(n)}(?!\w)", re.I)
    raise ValueError(ftype)


def word_regex(word):
    """A kept word, bounded by ASCII letters and digits only at its ASCII ends (CJK prose has no spaces)."""
    word = str(word)
    head = r"(?<![A-Za-z0-9])" if re.match(r"[A-Za-z0-9]", word) else ""
    tail = r"(?![A-Za-z0-9])" if re.search(r"[A-Za-z0-9]$", word) else ""
    return re.compile(head + re.escape(word) + tail, re.I)


def kept_age_regex(n):
    """Ages of 89 and below are written in digits in this set."""
    return re.compile(rf"(?<!\d)0*{int(n)}(?!\d)")


def check_file(truth, path):
    """The set's own check of one input: (a list of faults) every planted form is found where the truth says and
    nowhere else, and every word to keep is where the truth says."""
    values = walk(pydicom.dcmread(path))
    faults = []
    for item in truth["phi"]:
        if not phi_left(item, values, output=False):
            faults.append(f"{item['path']}: planted {item['kind']} not found in input: {item['text']}")
    for path_, kind, form, found in sweep(truth, values):
        faults.append(f"{path_}: {kind} form '{form}' in input outside the truth: {found}")
    for k in truth["keep"]:
        rx = kept_age_regex(k["word"]) if k["role"] == "age" else word_regex(k["word"])
        if not rx.search(values.get(k["path"], "")):
            faults.append(f"{k['path']}: keep word '{k['word']}' not in input")
    for c in truth["codes"]:
        if values.get(c["path"] + ".CodeValue") != c["value"]:
            faults.append(f"{c['path']}: code {c['value']} not in input")
    return faults


def fake_outputs(truths, inputs, out, mode):
    """Outputs made without the kit, to check the scorer: ``input`` (the inputs themselves: 0% gone) or ``blank``
    (every planted string blanked where it was planted: 100% gone, all kept words kept). Writes a manifest."""
    os.makedirs(out, exist_ok=True)
    state = os.path.join(out, "state")
    os.makedirs(state, exist_ok=True)
    with open(os.path.join(state, "manifest.jsonl"), "w", encoding="utf-8") as man:
        for t in truths:
            ds = pydicom.dcmread(os.path.join(inputs, t["file"]))
            if mode == "blank":
                for item in t["phi"]:
                    blank_item(ds, item)
                if t.get("body") and "EncapsulatedDocument" in ds:
                    doc = bytes(ds.EncapsulatedDocument)
                    for b in t["body"]:
                        doc = doc.replace(b.encode("utf-8"), b"x" * len(b.encode("utf-8")))
                    ds.EncapsulatedDocument = doc
            ds.save_as(os.path.join(out, t["file"]), write_like_original=False)
            man.write(json.dumps({"input": t["file"], "output": t["file"], "status": "ok"}) + "\n")
    return state


def blank_item(ds, item):
    """Blank a planted string in the element it was planted in (the rest of the value stays)."""
    path = item["path"]
    m = re.match(r"\((\w{4}),'(.*)',(\w{2})\)$", path)
    if m:
        block = ds.private_block(int(m.group(1), 16), m.group(2))
        elem = block[int(m.group(3), 16)]
    else:
        cur = ds
        *seqs, last = path.split(".")
        for sq in seqs:
            name, i = re.match(r"(\w+)\[(\d+)\]", sq).groups()
            cur = getattr(cur, name)[int(i)]
        elem = cur[last]
    value = str(elem.value)
    text = item["text"]
    if item["path"].endswith("PatientAge"):
        elem.value = "090Y"
        return
    if item["path"].endswith("PatientBirthDate") or elem.VR == "DA":
        elem.value = ""
        return
    elem.value = value.replace(text, "") if text in value else ""


# -- reading -------------------------------------------------------------------------------------------
def as_text(elem):
    v = elem.value
    if v is None:
        return ""
    if isinstance(v, (bytes, bytearray)):
        return bytes(v).decode("utf-8", "replace")
    if isinstance(v, (list, tuple)) or type(v).__name__ == "MultiValue":
        return "\\".join(str(x) for x in v)
    return str(v)


def walk(ds, prefix="", out=None):
    """Every text value of a dataset by path (``Seq[i].Keyword``, private ``(gggg,'creator',ee)``)."""
    out = {} if out is None else out
    for elem in ds:
        tag = elem.tag
        if tag.is_private and tag.element >= 0x1000:
            creator_tag = (tag.group << 16) | (tag.element >> 8)
            creator = ds[creator_tag].value if creator_tag in ds else "?"
            name = f"({tag.group:04X},'{creator}',{tag.element & 0xFF:02X})"
        else:
            name = elem.keyword or f"({tag.group:04X},{tag.element:04X})"
        if elem.VR == "SQ":
            for i, item in enumerate(elem.value or []):
                walk(item, f"{prefix}{name}[{i}].", out)
        elif elem.VR in TEXT_VRS:
            try:
                text = as_text(elem)
            except Exception:  # a value pydicom cannot decode is still text to search
                text = bytes(elem.value or b"").decode("latin-1") if isinstance(elem.value, bytes) else ""
            out[prefix + name] = text.replace("^", " ").replace("\\", " ")
    return out


# -- scoring -------------------------------------------------------------------------------------------
def units(truth):
    """The planted items of a file as scoring units: one person (or value) planted twice in one element, e.g. a
    relative who is also named as the consulting doctor in the same note, is one unit, left when any form is left."""
    seen = {}
    for item in truth["phi"]:
        seen.setdefault((item["path"], tuple(sorted(tuple(f) for f in item["forms"]))), item)
    return list(seen.values())


def phi_left(item, values, output=True):
    text = values.get(item["path"])
    if text is None:
        return None
    if output and item["path"].endswith("PatientAge") and re.fullmatch(r"0*90Y", text.strip()):
        return None  # 090Y is how Patient's Age (AS) writes the Safe Harbor category "90 or older"
    for ftype, form in item["forms"]:
        if ftype == "year":
            if text.strip().startswith(form):
                return form
            continue
        m = form_regex(ftype, form).search(text)
        if m:
            return m.group(0)
    return None


def sweep(truth, values):
    """Forms of planted strings found in elements they were not planted in: (path, kind, form, found)."""
    planted = {}
    for item in truth["phi"]:
        for ftype, form in item["forms"]:
            if ftype in ("age", "year"):
                continue
            planted.setdefault((ftype, form), (item["kind"], set()))[1].add(item["path"])
    # a form is at home wherever a planted string holds it (a surname in an e-mail, a name in other case)
    for (ftype, form), (kind, paths) in planted.items():
        rx = form_regex(ftype, form)
        paths.update(item["path"] for item in truth["phi"] if rx.search(item["text"].replace("^", " ")))
    hits = []
    for (ftype, form), (kind, paths) in planted.items():
        rx = form_regex(ftype, form)
        for path, text in values.items():
            if path in paths:
                continue
            m = rx.search(text)
            if m:
                hits.append((path, kind, form, m.group(0)))
    return hits


def dciodvfy_errors(path):
    r = subprocess.run(["dciodvfy", path], capture_output=True, text=True, errors="replace")
    errs = set()
    for line in (r.stdout + r.stderr).splitlines():
        if line.startswith("Error"):
            line = re.sub(r"= <[^>]*>", "= <>", line)
            line = re.sub(r"\[\d+\]", "[]", line)
            line = re.sub(r"\(0x[0-9a-fA-F]+\)", "()", line)  # the byte a pseudonym may change (ISO_IR 203 file)
            errs.add(line.strip())
    return errs


def parse_learn(text):
    tags, regexes, words = [], [], []
    for line in text.splitlines():
        if not line.startswith("+") or line.startswith("+++"):
            continue
        m = re.search(r'\{tag: "([^"]+)", name: "([^"]*)", action: (\w+)', line)
        if m:
            tags.append(m.groups())
            continue
        m = re.match(r"^\+\s+- '(.*)'\s*$", line)
        if m:
            regexes.append(m.group(1).replace("''", "'"))
            continue
        m = re.match(r'^\+\s+- "(.*)"\s*$', line)
        if m:
            words.append(m.group(1))
    return tags, regexes, words


def pattern_kind(rx):
    up = rx.upper()
    # street words of the fifth set's countries and of this set's (pasaje, calle, carrera, rruga, heol, stryd, mtaa,
    # barabara, jalan, lorong, taman, улица, булевар, cesta, kolana, cadeya, οδός, λεωφόρος, 道, 路, خیابان, کوچه,
    # گلی, روڈ, መንገድ, ጎዳና, փողոց, պողոտա, ...)
    if re.search(r"STREET|AVENUE|\bAVE\b|ROAD|BLVD|LANE|DRIVE|CRESCENT|COURT|MEWS|\bWAY\b|CROSS|"
                 r"\bVIA\b|VIALE|PIAZZA|STRA(?:SS|ß)E|\bSTR\b|GASSE|GADE|\bGATE\b|VEGUR|STRÆTI|KATU|\bTIE\b|"
                 r"\bMNT\b|IELA|BULV|TRIQ|ВУЛ|ПРОСП|\bУЛ\b|БУЛ|ILICA|ULICA|OBCHODN|\bJL\b|"
                 r"BÓTHAR|SRÁID|\bRUE\b|CHEMIN|CARRER|RAMBLA|\bPLOT\b|\bBLK\b|ALLE|LAAN|தெரு|சாலை|"
                 r"রোড|丁目|PASAJE|\bPJE\b|AVENIDA|\bAV\b|CALLE|CARRERA|DIAGONAL|TRANSVERSAL|BOULEVARD|\bBV\b|"
                 r"RRUGA|BULEVARDI|PALLATI|\bHEOL\b|STRYD|FFORDD|\bLÔN\b|\bMTAA\b|BARABARA|JALAN|LORONG|TAMAN|"
                 r"\bCLOSE\b|УЛИЦА|БУЛЕВАР|CESTA|KOLANA|CADEYA|ΟΔΟΣ|ΟΔΌΣ|ΛΕΩΦΟΡΟΣ|ΛΕΩΦΌΡΟΣ|道|路|خیابان|کوچه|"
                 r"بلوار|گلی|روڈ|መንገድ|ጎዳና|ՓՈՂՈՑ|ՊՈՂՈՏԱ", up):
        return "address"
    if "HTTP" in up or "WWW" in up or re.search(r"\\\.(?:COM|ORG|NET|EDU|GOV|EXAMPLE|IT|AT|DK|NO|IS|IE|CH|FI|EE|LV|LT|"
                                                r"MT|UA|BG|SK|HR|ID|PH|IN|JP|BD|AU|UK|NG|ZA|KE|CAT|DE|"
                                                r"CL|AR|CO|CA|AL|TZ|MY|NZ|GH|RS|MK|SI|TR|CY|HK|TW|IR|PK|ET|AM|CYMRU)"
                                                r"|\(\?:COM|ORG\|", up):
        return "url"
    return "other"


def compile_learned(rx):
    py = rx.replace("(?P<", "(?P<").replace("\\z", "\\Z")
    try:
        return re.compile(py, re.I)
    except re.error:
        return None


def run(cmd, log, **kw):
    with open(log, "w") as f:
        r = subprocess.run(cmd, stdout=f, stderr=subprocess.STDOUT, cwd=REPO, **kw)
    return r.returncode


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder (inputs, outputs, reports)")
    ap.add_argument("--seed", type=int, default=gen.DEFAULT_SEED)
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--only", help="comma-separated file numbers (to check the harness on a few files)")
    ap.add_argument("--truth-only", action="store_true", help="only check the set against its own truth")
    ap.add_argument("--fake", choices=["input", "blank"], help="score outputs made without the kit (scorer check)")
    args = ap.parse_args()
    t0 = time.time()
    tmp = tempfile.mkdtemp(prefix="heldout-v6-header-")
    try:
        report(tmp, args, t0)
    finally:
        if args.keep:
            print(f"\nkept: {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def report(tmp, args, t0):
    gen_dir = os.path.join(tmp, "gen")
    truths = gen.build(args.seed, gen_dir)
    if args.only:
        keep = {int(x) for x in args.only.split(",")}
        for t in truths:
            if t["index"] not in keep:
                os.remove(os.path.join(gen_dir, "inputs", t["file"]))
        truths = [t for t in truths if t["index"] in keep]
    harmless = json.load(open(os.path.join(gen_dir, "truth.json"), encoding="utf-8"))["harmless"]
    inputs = os.path.join(gen_dir, "inputs")
    by_name = {t["file"]: t for t in truths}
    print(f"held-out v6, header: {len(truths)} files (seed {args.seed}), "
          f"{sum(len(units(t)) for t in truths)} planted PHI strings, "
          f"{sum(1 for t in truths for k in t['keep'] if k['role'] == 'desc')} description words, "
          f"{sum(1 for t in truths for k in t['keep'] if k['role'] == 'num')} clinical numbers, "
          f"{sum(len(t['codes']) for t in truths)} codes")
    iods = {}
    for t in truths:
        iods[t["iod"]] = iods.get(t["iod"], 0) + 1
    sets = {}
    for t in truths:
        sets[t["charset"] or "default"] = sets.get(t["charset"] or "default", 0) + 1
    print("  IODs: " + ", ".join(f"{k} {n}" for k, n in iods.items())
          + "; character sets: " + ", ".join(f"{k} {n}" for k, n in sets.items()))

    # the set's own check: every planted form is where the truth says, and nowhere else
    faults = []
    in_errors = {}
    for t in truths:
        path = os.path.join(inputs, t["file"])
        faults += [f"{t['index']:02d} {x}" for x in check_file(t, path)]
        in_errors[t["file"]] = dciodvfy_errors(path)
    print(f"inputs: {sum(len(e) for e in in_errors.values())} dciodvfy errors of their own "
          f"({sum(1 for e in in_errors.values() if e)} files); truth faults: {len(faults)}")
    for f in faults:
        print(f"  TRUTH FAULT {f}")
    if args.truth_only:
        return

    # de-identify (or, with --fake, outputs made without the kit to check the scorer)
    out, state = os.path.join(tmp, "out"), os.path.join(tmp, "state")
    t1 = time.time()
    if args.fake:
        state = fake_outputs(truths, inputs, out, args.fake)
        print(f"fake outputs ({args.fake}), no kit run")
    else:
        cmd = ["node", "bin/deid.js", "run", inputs, "--out", out, "--state", state, "--no-pixels"]
        if args.jobs:
            cmd += ["--jobs", str(args.jobs)]
        rc = run(cmd, os.path.join(tmp, "run.log"))
        print(f"deid run --no-pixels: exit {rc}, {time.time() - t1:.1f} s")
        if rc not in (0, 1):
            print(open(os.path.join(tmp, "run.log")).read()[-3000:])
            raise SystemExit(f"deid run crashed (exit {rc})")
    run_s = time.time() - t1
    manifest = {}
    with open(os.path.join(state, "manifest.jsonl"), encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            manifest[os.path.basename(e["input"])] = e

    left, elsewhere, failed = [], [], []
    kept = {"desc": [0, 0], "note": [0, 0], "age": [0, 0], "num": [0, 0], "trial": [0, 0]}
    lost = {"desc": [], "note": [], "age": [], "num": [], "trial": []}
    code_v, code_m, code_lost = [0, 0], [0, 0], []
    new_errors = {}
    planted_n = 0
    body_n, body_left = [0, 0], []
    for t in truths:
        e = manifest.get(t["file"])
        if not e or e.get("status") != "ok":
            failed.append((t["index"], t["file"], (e or {}).get("status", "missing"), (e or {}).get("error", "")))
            continue
        opath = os.path.join(out, e["output"])
        values = walk(pydicom.dcmread(opath))
        for item in units(t):
            planted_n += 1
            found = phi_left(item, values)
            if found:
                left.append((t["index"], item["path"], item["kind"], item["text"], found, values[item["path"]]))
        for path_, kind, form, found in sweep(t, values):
            elsewhere.append((t["index"], path_, kind, form, found, values[path_]))
        for k in t["keep"]:
            rx = kept_age_regex(k["word"]) if k["role"] == "age" else word_regex(k["word"])
            kept[k["role"]][1] += 1
            if rx.search(values.get(k["path"], "")):
                kept[k["role"]][0] += 1
            else:
                lost[k["role"]].append((t["index"], k["path"], k["word"], values.get(k["path"])))
        for c in t["codes"]:
            v = values.get(c["path"] + ".CodeValue")
            m = values.get(c["path"] + ".CodeMeaning")
            m = m if m is None else " ".join(m.split())
            c = {**c, "meaning": " ".join(c["meaning"].replace("^", " ").split())}  # as walk() reads it
            code_v[1] += 1
            code_m[1] += 1
            code_v[0] += v is not None and v.strip() == c["value"]
            code_m[0] += m is not None and m.strip().lower() == c["meaning"].lower()
            if v is None or v.strip() != c["value"] or m is None or m.strip().lower() != c["meaning"].lower():
                code_lost.append((t["index"], c["path"], f"{c['value']} / {c['meaning']}", f"{v} / {m}"))
        if t.get("body"):  # the encapsulated document itself: information only (not a header value)
            # Dataset.get by keyword gives the value itself (the fifth set read .value of it, which fails on bytes)
            odoc = pydicom.dcmread(opath).get("EncapsulatedDocument")
            text = bytes(odoc).decode("utf-8", "replace") if odoc else ""
            body_n[1] += len(t["body"])
            for b in t["body"]:
                if b and b in text:
                    body_n[0] += 1
                    body_left.append((t["index"], b))
        errs = dciodvfy_errors(opath) - in_errors[t["file"]]
        if errs:
            new_errors[t["index"]] = sorted(errs)

    # learning on the raw inputs
    rep, ev = os.path.join(tmp, "report"), os.path.join(tmp, "evaluated")
    t2 = time.time()
    if args.fake:  # the learning check needs the kit
        erc = lrc = "skipped"
        learn_text = ""
    else:
        erc = run(["node", "bin/deid.js", "evaluate", inputs, "--report", rep, "--out", ev,
                   "--state", os.path.join(tmp, "state-eval"), "--no-pixels"], os.path.join(tmp, "evaluate.log"))
        lrc = run(["node", "bin/deid.js", "learn", "--report", rep], os.path.join(tmp, "learn.log"))
        learn_text = open(os.path.join(tmp, "learn.log"), encoding="utf-8", errors="replace").read()
    learn_s = time.time() - t2
    tags, regexes, words = parse_learn(learn_text)
    structural = [(tag, name, act) for tag, name, act in tags
                  if act in ("X", "Z") and tag.upper().replace("XX", "xx") in STRUCTURAL]
    harmful, addr_url, uncompiled = [], [], []
    for rx in regexes:
        c = compile_learned(rx)
        if c is None:
            uncompiled.append(rx)
            continue
        hits = [h for h in harmless if c.search(h)]
        if hits:
            harmful.append((rx, hits[:3], len(hits)))
        if pattern_kind(rx) in ("address", "url"):
            addr_url.append((pattern_kind(rx), rx))
    harmless_words = {w.lower() for h in harmless for w in re.findall(r"[A-Za-z0-9][A-Za-z0-9/.\-]*", h)}

    # -- print --------------------------------------------------------------------------------------
    ok = len(truths) - len(failed)
    pct = lambda a, b: f"{100 * a / b:.1f}%" if b else "n/a"  # noqa: E731
    print()
    print("== header, held-out v6 ==")
    print(f"planted header PHI left: {len(left) + len(elsewhere)} "
          f"({len(left)} where planted of {planted_n}, {len(elsewhere)} found elsewhere)")
    by_kind = {}
    for x in left:
        by_kind[x[2]] = by_kind.get(x[2], 0) + 1
    for x in elsewhere:
        by_kind[x[2]] = by_kind.get(x[2], 0) + 1
    planted_kind = {}
    for t in truths:
        for item in units(t):
            planted_kind[item["kind"]] = planted_kind.get(item["kind"], 0) + 1
    print("  by kind: " + ", ".join(f"{k} {by_kind.get(k, 0)}/{n}" for k, n in sorted(planted_kind.items())))
    print(f"description words kept: {pct(*kept['desc'])} ({kept['desc'][0]}/{kept['desc'][1]})")
    print(f"ages 89 and below kept: {pct(*kept['age'])} ({kept['age'][0]}/{kept['age'][1]})")
    print(f"clinical numbers kept: {pct(*kept['num'])} ({kept['num'][0]}/{kept['num'][1]})")
    print(f"code values kept: {pct(*code_v)} ({code_v[0]}/{code_v[1]}); "
          f"code meanings kept: {pct(*code_m)} ({code_m[0]}/{code_m[1]})")
    print(f"(information) words of the clinical prose around PHI kept: {pct(*kept['note'])} "
          f"({kept['note'][0]}/{kept['note'][1]})")
    print(f"(information) clinical trial sponsor and protocol words kept (PS3.15's Basic Profile replaces them): "
          f"{pct(*kept['trial'])} ({kept['trial'][0]}/{kept['trial'][1]})")
    print(f"outputs with new dciodvfy errors: {len(new_errors)} of {ok}")
    print(f"(information) encapsulated STL models: {body_n[0]} of {body_n[1]} planted strings of their header "
          f"still in the output (not a header value; expected 0: the model cleaned, replaced or the file failed)")
    print(f"files failed/refused: {len(failed)} of {len(truths)}")
    print(f"learning (evaluate exit {erc}, learn exit {lrc}, {learn_s:.1f} s): {len(tags)} tag proposals, "
          f"{len(regexes)} patterns, {len(words)} keep-list words")
    print(f"  proposals removing/emptying structural or Type 1 attributes: {len(structural)}")
    print(f"  patterns matching a harmless text: {len(harmful)} (of {len(harmless)} harmless texts)")
    print(f"  address/URL patterns: {len(addr_url)} (target: at most 3)")
    if uncompiled:
        print(f"  patterns Python could not compile (not tested): {len(uncompiled)}")
    print(f"time: {time.time() - t0:.1f} s (deid run {run_s:.1f} s, evaluate + learn {learn_s:.1f} s)")

    print()
    files = {t["index"]: t for t in truths}
    fid = lambda i: f"{i:02d} {files[i]['iod']}/{files[i]['locale']}/{files[i]['charset'] or 'default'}"  # noqa: E731
    print("== misses ==")
    for i, path_, kind, text, found, value in left:
        print(f"LEFT  {fid(i)} {path_} [{kind}] planted '{text}' -> found '{found}' in: {value}")
    for i, path_, kind, form, found, value in elsewhere:
        print(f"ELSEWHERE  {fid(i)} {path_} [{kind}] form '{form}' -> '{found}' in: {value}")
    for i, path_, word, value in lost["desc"]:
        print(f"LOST WORD  {fid(i)} {path_} '{word}' -> {value!r}")
    for i, path_, word, value in lost["age"]:
        print(f"LOST AGE<=89  {fid(i)} {path_} '{word}' -> {value!r}")
    for i, path_, word, value in lost["num"]:
        print(f"LOST NUMBER  {fid(i)} {path_} '{word}' -> {value!r}")
    for i, path_, want, got in code_lost:
        print(f"LOST CODE  {fid(i)} {path_} {want} -> {got}")
    for i, errs in sorted(new_errors.items()):
        for e in errs:
            print(f"NEW DCIODVFY ERROR  {fid(i)} {e}")
    for i, b in body_left:
        print(f"STL BODY  {fid(i)} '{b}' still in the encapsulated document")
    for i, name, status, err in failed:
        print(f"FAILED  {fid(i)} {name}: {status} {err}")
    for tag, name, act in structural:
        print(f"LEARN STRUCTURAL  {tag} {name} action {act}")
    for rx, hits, n in harmful:
        print(f"LEARN HARMFUL  /{rx}/ matches {n} harmless text(s), e.g. {hits}")
    for kind, rx in addr_url:
        print(f"LEARN {kind.upper()}  /{rx}/")
    for w in words:
        if w.lower() not in harmless_words:
            print(f"LEARN KEEP-WORD (not one of this set's harmless words)  {w}")
    print()
    print("(information) clinical prose words lost around PHI:")
    for i, path_, word, value in lost["note"]:
        print(f"  {fid(i)} {path_} '{word}' -> {value!r}")


if __name__ == "__main__":
    main()
