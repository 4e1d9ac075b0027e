"""Generates the sixth held-out burned-in text set: 40 DICOM files and truth.json (seeded, deterministic).

Usage: /usr/bin/python3 test/heldout-v6/pixels/generate.py <out dir> [--seed N]

Writes <out>/images/v6_NN.dcm and <out>/truth.json. Screens, identities and wording are this set's own (see the
README's "Pixel set"); the words are in vocab.py, the drawing and the ink masks in render.py.
"""
from __future__ import annotations

import sys

sys.dont_write_bytecode = True

import datetime as dt  # noqa: E402
import io
import json
import os
import random
import subprocess

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.encaps import encapsulate
from pydicom.uid import generate_uid

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import vocab as V  # noqa: E402
from render import Canvas, font, printable  # noqa: E402

DEFAULT_SEED = 6606
UID_ROOT = '1.2.826.0.1.3680043.8.498.66.'  # pydicom's example root + this set's branch

# transfer syntaxes: key -> (UID, how it is written)
TS = {
    'explicit': '1.2.840.10008.1.2.1', 'implicit': '1.2.840.10008.1.2', 'rle': '1.2.840.10008.1.2.5',
    'jpeg-base': '1.2.840.10008.1.2.4.50', 'jpeg-ll': '1.2.840.10008.1.2.4.70', 'jpeg-ls': '1.2.840.10008.1.2.4.80',
    'j2k': '1.2.840.10008.1.2.4.90',
}

WHITE, GREY, YELLOW, GREEN, CYAN, AMBER, BLACK = ((255, 255, 255), (200, 200, 200), (255, 235, 60), (90, 255, 110),
                                                 (80, 230, 255), (255, 176, 0), (0, 0, 0))
NAVY, DARKRED = (20, 30, 110), (150, 10, 10)


# ------------------------------------------------------------------------------------------------ identities
class Ident:
    """One invented patient, the staff around the exam, and how the header holds them."""

    def __init__(self, rng, culture, index):
        self.culture = culture
        cu = V.CULTURES[culture]
        gi = rng.randrange(len(cu['given']))
        self.sex = 'F' if gi % 2 == 0 else 'M'
        self.given = cu['given'][gi]
        if cu.get('mono'):
            self.family = ''
        else:
            fam = cu['family']
            if culture in ('is', 'lt'):  # the family name follows the sex
                fi = rng.choice([i for i in range(len(fam)) if i % 2 == gi % 2])
            else:
                fi = rng.randrange(len(fam))
            self.family = fam[fi]
        self.order = cu.get('order', 'gf')
        self.lang = V.SCREEN_LANG.get(culture, 'en')
        self.study = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(900))
        self.time = f'{rng.randrange(7, 20):02d}{rng.randrange(60):02d}{rng.randrange(60):02d}'
        old = index % 4 == 1  # a quarter of the patients are over 89
        years = rng.randrange(90, 100) if old else rng.randrange(3, 88)
        self.dob = self.study - dt.timedelta(days=int(years * 365.25) + rng.randrange(300))
        self.age = (self.study - self.dob).days * 4 // 1461
        self.old = self.age > 89
        self.pid = patient_id(rng, self.lang, self.dob, self.sex)
        self.acc = rng.choice(['{}{:07d}', 'RX{}-{:06d}', '{}{:08d}', 'E{}{:06d}']).format(
            self.study.year % 100, rng.randrange(10 ** 6))
        self.inst, self.inst_short = V.INSTITUTIONS[list(V.CULTURES).index(culture)]  # the culture's own
        staff = rng.sample(range(len(V.STAFF['family'])), 5)
        self.staff = [(V.STAFF['given'][rng.randrange(len(V.STAFF['given']))], V.STAFF['family'][s]) for s in staff]
        self.ref, self.perf, self.op, self.other, self.other2 = self.staff

    def dicom_name(self):
        return self.given if not self.family else f'{self.family}^{self.given}'

    @property
    def year_role(self):
        return 'phi' if self.old else 'year'


def patient_id(rng, lang, dob, sex):
    d = lambda n: ''.join(str(rng.randrange(10)) for _ in range(n))  # noqa: E731
    ymd = dob.strftime('%y%m%d')
    return {'sv': lambda: f'{dob.strftime("%Y%m%d")}-{d(4)}', 'fi': lambda: f'{dob.strftime("%d%m%y")}-{d(3)}X',
            'ro': lambda: ('2' if sex == 'F' else '1') + ymd + d(6), 'hr': lambda: d(9),
            'ca': lambda: 'HC' + d(7), 'id': lambda: '00-' + d(2) + '-' + d(2) + '-' + d(2),
            'lt': lambda: ('4' if sex == 'F' else '3') + ymd + d(4), 'hu': lambda: d(9),
            'is': lambda: f'{dob.strftime("%d%m%y")}-{d(4)}', 'gb': lambda: d(10),
            }.get(lang, lambda: 'M' + d(8))()


def tokens(text, role):
    return [(t, role) for t in text.split()]


def name_parts(p, form, who=None):
    """A person's name as a screen prints it, with each word's role (particles and initials are not scored)."""
    given, family = (who if who else (p.given, p.family))
    if not family:  # a mononym (Indonesian patients)
        g = {'upper': given.upper()}.get(form, given)
        return [('Ny.' if p.sex == 'F' else 'Tn.', 'title'), (g, 'phi')] if form == 'title' else [(g, 'phi')]
    fam = [(w, 'particle' if w in V.PARTICLES else 'phi') for w in family.split()]
    giv = [(w, 'phi') for w in given.split()]
    up = lambda ps: [(t.upper(), r) for t, r in ps]  # noqa: E731
    comma = lambda ps: ps[:-1] + [(ps[-1][0] + ',', ps[-1][1])]  # noqa: E731
    if form == 'FAMILY, Given':
        return comma(up(fam)) + giv
    if form == 'Family, Given':
        return comma(fam) + giv
    if form == 'G. Family':
        return [(given[0] + '.', 'initial')] + fam
    if form == 'Family G':
        return fam + [(given[0], 'initial')]
    if form == 'FAMILY^GIVEN':
        return [('^'.join(family.upper().split()) + '^' + given.upper(), 'phi')]
    if form == 'FAMILY Given':  # family first, as Hungarian screens print it
        return up(fam) + giv
    if form == 'upper':
        return up(giv + fam) if p.order == 'gf' else up(fam + giv)
    return giv + fam if p.order == 'gf' else fam + giv


def date_parts(p, d, style):
    """A date as a screen prints it: one token (scored) or several (the year alone is scored only when the
    patient is over 89)."""
    L = V.LANG[p.lang]
    y, m, dd = d.year, d.month, d.day
    one = {'iso': f'{y}-{m:02d}-{dd:02d}', 'dmy.': f'{dd:02d}.{m:02d}.{y}', 'dmy/': f'{dd:02d}/{m:02d}/{y}',
           'mdy/': f'{m:02d}/{dd:02d}/{y}', 'fi': f'{dd}.{m}.{y}', 'compact': f'{y}{m:02d}{dd:02d}',
           'dmony': f'{dd:02d}-{L["months"][m - 1].strip(".").upper()[:3]}-{y % 100:02d}',
           'ymd/': f'{y}/{m:02d}/{dd:02d}', 'dmy-': f'{dd:02d}-{m:02d}-{y}', 'mdyy': f'{m}/{dd}/{y % 100:02d}'}
    if style in one:
        return [(one[style], 'phi')]
    if style == 'hu':
        return [(f'{y}.', p.year_role), (f'{m:02d}.', 'phi'), (f'{dd:02d}.', 'phi')]
    if style == 'hr':
        return [(f'{dd}.', 'phi'), (f'{m}.', 'phi'), (f'{y}.', p.year_role)]
    if style == 'ca':
        return [(str(dd), 'phi'), ('de', 'connector'), (L['months'][m - 1], 'phi'), ('de', 'connector'),
                (str(y), p.year_role)]
    if style == 'fi-long':
        return [(f'{dd}.', 'phi'), (L['months'][m - 1] + 'kuuta', 'phi'), (str(y), p.year_role)]
    # 'dmon': day, month name, year
    return [(str(dd), 'phi'), (L['months'][m - 1], 'phi'), (str(y), p.year_role)]


DATE_STYLES = {'en': ['mdy/', 'mdyy', 'dmony', 'iso'], 'gb': ['dmy/', 'dmon', 'dmony'],
               'sv': ['iso', 'compact', 'dmon'], 'fi': ['fi', 'fi-long', 'dmy.'], 'ro': ['dmy.', 'dmon', 'dmy/'],
               'hr': ['hr', 'dmy.', 'dmon'], 'ca': ['dmy/', 'ca', 'dmy-'], 'id': ['dmy/', 'dmon', 'dmy-'],
               'lt': ['iso', 'ymd/', 'dmon'], 'hu': ['hu', 'iso', 'dmon'], 'is': ['dmy.', 'dmon', 'iso']}


def id_parts(p):
    """The patient ID as the screen prints it: grouped in threes or fours on some screens."""
    if p.lang == 'gb' and len(p.pid) == 10:
        return [(p.pid[:3], 'phi'), (p.pid[3:6], 'phi'), (p.pid[6:], 'phi')]
    if p.lang == 'hu':
        return [(p.pid[:3], 'phi'), (p.pid[3:6], 'phi'), (p.pid[6:], 'phi')]
    return [(p.pid, 'phi')]


def inst_parts(p, rng, whole=False):
    text = p.inst if whole else rng.choice(p.inst_short)
    return [(w, 'generic' if w in V.GENERIC else 'phi') for w in text.split()]


def age_item(p, rng):
    """(parts, cls): an age over 89 is PHI, one of 89 and under is harmless."""
    unit = V.LANG[p.lang]['years']
    text = rng.choice([f'{p.age} {unit}', f'{p.age:03d}Y', f'{p.age}{unit[0]}'])
    words = text.split()
    if p.old:
        return [(words[0], 'phi')] + [(w, 'unit') for w in words[1:]], 'phi'
    return [(text, 'text')], 'harmless'


def phone_parts(p, rng):
    lay = rng.choice(V.PHONES.get(p.lang, V.PHONES['en']))
    txt = ''.join(str(rng.randrange(10)) if ch == '#' else ch for ch in lay)
    return [(w, 'cc' if w in V.COUNTRY_CODES else 'phi') for w in txt.split()]


def address_parts(p, rng):
    txt = rng.choice(V.ADDRESSES.get(p.lang, V.ADDRESSES['en'])).format(n=rng.randrange(2, 180))
    return [(w, 'street' if w in V.STREET_WORDS else 'phi') for w in txt.split()]


def email(p, rng):
    local = printable('Inter', f'{p.given}.{p.family}' if p.family else p.given).lower().replace(' ', '')
    import unicodedata
    local = unicodedata.normalize('NFKD', local).encode('ascii', 'ignore').decode()
    return f'{local}{rng.randrange(10, 99)}@{rng.choice(V.MAIL_DOMAINS)}'


def person_parts(p, who, rng):
    g, f = who
    form = rng.choice(['Given Family', 'G. Family', 'Family, Given', 'FAMILY, Given'])
    title = rng.choice([None, 'Dr', 'dr.', None])
    parts = [(title, 'title')] if title else []
    return parts + name_parts(p, form, (g, f))


def lab(p, key):
    return (V.LANG[p.lang][key], 'label')


def H(text):
    """A harmless item's parts."""
    return [(text, 'text')]


# ------------------------------------------------------------------------------------------------ backgrounds
def noise(rng_np, shape, scale):
    return rng_np.normal(0, scale, shape)


def smooth(a, k=3):
    for _ in range(k):
        a = (a + np.roll(a, 1, 0) + np.roll(a, -1, 0) + np.roll(a, 1, 1) + np.roll(a, -1, 1)) / 5
    return a


def ellipse(h, w, cy, cx, ry, rx):
    yy, xx = np.mgrid[0:h, 0:w]
    return ((yy - cy) / ry) ** 2 + ((xx - cx) / rx) ** 2 <= 1


# ------------------------------------------------------------------------------------------------ screens
# Each screen draws on a Canvas (frames set up by `setup`) and returns nothing; `phi` False draws harmless text only.

def stack(c, x, y, lines, face, size, ink, anchor='l', lead=1.35, **kw):
    """Draws lines top-down from y; a line is a list of (parts, cls, kind) items placed side by side (gap 1.2 em)."""
    for line in lines:
        if line:
            xx = x
            for parts, cls, kind in (reversed(line) if anchor == 'r' else line):
                e = c.text(xx, y, parts, face, size, ink, cls, kind, anchor=anchor, **kw)
                if e is None:  # refused: leave its room empty
                    w = int(font(face, size).getlength(' '.join(printable(face, t) for t, _ in parts)))
                    e = (xx - w, xx) if anchor == 'r' else (xx, xx + w)
                xx = e[0] - int(1.2 * size) if anchor == 'r' else e[1] + int(1.2 * size)
        y += int(size * lead)
    return y


def phi_line(p, parts, kind, phi):
    return [(parts, 'phi', kind)] if phi else []


def film(c, p, rng, phi, np_rng):
    """A CT print film: 4 x 3 tiles, each with its own corner text, and a film header band."""
    H_, W_ = c.H, c.W
    top = 70
    th, tw = (H_ - top - 10) // 3, (W_ - 10) // 4
    face = rng.choice(['neep-10', 'neep-11', 'modd-11', 'Hermit'])
    sz = 10 if face == 'Hermit' else 11
    name_form = rng.choice(['FAMILY^GIVEN', 'FAMILY, Given', 'upper'])
    # header band
    c.rect(0, 0, W_, top - 6, (30, 30, 30))
    hf = rng.choice(['Inter-SemiBold', 'Cabin-SemiBold', 'neep-15B'])
    if phi:
        c.text(12, 10, [lab(p, 'name')] + name_parts(p, name_form), hf, 16, WHITE, 'phi', 'name', 'film header')
        c.text(12, 36, [lab(p, 'id')] + id_parts(p), hf, 14, WHITE, 'phi', 'id', 'film header')
        c.text(W_ - 12, 10, inst_parts(p, rng, whole=True), hf, 14, WHITE, 'phi', 'institution', 'film header',
               anchor='r')
        c.text(W_ - 12, 36, date_parts(p, p.study, rng.choice(DATE_STYLES[p.lang])), hf, 14, WHITE, 'phi',
               'study-date', 'film header', anchor='r')
    c.text(W_ // 2, 36, H('CT THORAX  W 1500 L -600'), hf, 14, WHITE, 'harmless', 'title', 'film header',
           anchor='c')
    c.text(W_ // 2, 10, H('CHEST'), hf, 14, WHITE, 'harmless', 'title', 'film header', anchor='c', track=2)
    if phi:
        age, cls = age_item(p, rng)
        c.text(W_ // 2 - 300, 10, age, hf, 14, WHITE, cls, 'age', 'film header')
        c.text(W_ // 2 + 200, 10, [lab(p, 'acc')] + [(p.acc, 'phi')], hf, 14, WHITE, 'phi', 'accession',
               'film header')
    for r in range(3):
        for k in range(4):
            x0, y0 = 5 + k * tw, top + r * th
            n = r * 4 + k + 1
            c.text(x0 + 4, y0 + 4, H(f'Se 3  Im {n * 4 + 10}'), face, sz, GREY, 'harmless', 'image-no', 'tile TL')
            if phi and (r + k) % 2 == 0:
                c.text(x0 + tw - 6, y0 + 4, name_parts(p, name_form)[:1] + id_parts(p)[:1], face, sz, WHITE,
                       'phi', 'name-id', 'tile TR', anchor='r')
            c.text(x0 + 4, y0 + th - 8 - 2 * sz, H(f'Z {-220.5 + n * 12.5:.1f} mm'), face, sz, GREY, 'harmless',
                   'position', 'tile BL')
            c.text(x0 + tw - 6, y0 + th - 8 - 2 * sz, H('3.0 mm  B31f'), face, sz, GREY, 'harmless', 'technique',
                   'tile BR', anchor='r')
    c.text(W_ - 8, H_ - 4 - 10, H('1:1.8  QC 7'), 'Inter', 8, GREY, 'harmless', 'scale', 'film BR', anchor='r')


def film_bg(np_rng, h, w):
    a = np.full((h, w), 8.0)
    top = 70
    th, tw = (h - top - 10) // 3, (w - 10) // 4
    for r in range(3):
        for k in range(4):
            x0, y0 = 5 + k * tw, top + r * th
            t = np.full((th - 4, tw - 4), 4.0)
            body = ellipse(th - 4, tw - 4, (th - 4) / 2, (tw - 4) / 2, (th - 4) * 0.34, (tw - 4) * 0.42)
            t[body] = 150
            for s in (-1, 1):
                lung = ellipse(th - 4, tw - 4, (th - 4) / 2, (tw - 4) / 2 + s * tw * 0.17, th * 0.22, tw * 0.13)
                t[lung] = 35
            t += noise(np_rng, t.shape, 9)
            a[y0 + 2:y0 + th - 2, x0 + 2:x0 + tw - 2] = smooth(t, 1)
    return a


def ecg(c, p, rng, phi, np_rng):
    """A 12-lead ECG printout scanned as secondary capture: header block, measurements, interpretation, leads."""
    f = rng.choice(['LinBiolinum', 'Cabin', 'Andika', 'Oxygen'])
    fb = {'LinBiolinum': 'LinBiolinum-Bold', 'Cabin': 'Cabin-SemiBold', 'Andika': 'Andika', 'Oxygen': 'Oxygen-Bold'}[f]
    ink = BLACK
    x, y = 24, 14
    lines = []
    if phi:
        lines.append([(name_parts(p, rng.choice(['FAMILY, Given', 'Family, Given', 'upper'])), 'phi', 'name'),
                      (H(f'{p.sex}'), 'harmless', 'sex')])
        lines.append([([lab(p, 'id')] + id_parts(p), 'phi', 'id')])
        age, cls = age_item(p, rng)
        lines.append([([lab(p, 'dob')] + date_parts(p, p.dob, rng.choice(DATE_STYLES[p.lang])), 'phi', 'dob'),
                      (age, cls, 'age')])
    else:
        lines.append([(H('Resting 12-lead'), 'harmless', 'title')])
    stack(c, x, y, lines, fb, 15, ink)
    meas = [f'Vent. rate {rng.randrange(52, 110)} BPM', f'PR interval {rng.randrange(120, 210)} ms',
            f'QRS duration {rng.randrange(80, 118)} ms',
            f'QT/QTc {rng.randrange(340, 420)}/{rng.randrange(400, 470)} ms',
            f'P-R-T axes {rng.randrange(20, 70)} {rng.randrange(-20, 80)} {rng.randrange(10, 60)}']
    stack(c, 330, y, [[(H(m), 'harmless', 'measurement')] for m in meas], f, 13, ink, lead=1.4)
    interp = ['Sinus rhythm with 1st degree AV block', 'Left axis deviation',
              'Borderline ECG', 'QTc by Bazett; Sokolow-Lyon negative']
    stack(c, 560, y, [[(H(t), 'harmless', 'interpretation')] for t in rng.sample(interp, 3)], f, 13, ink)
    yb = c.H - 30
    if phi:
        c.text(24, yb - 22, [('Referred by:', 'label')] + person_parts(p, p.ref, rng), f, 13, ink, 'phi', 'referrer',
               'footer')
        c.text(24, yb, [('Confirmed by:', 'label')] + person_parts(p, p.other, rng), f, 13, ink, 'phi',
               'other-person', 'footer')
        c.text(c.W - 24, yb - 22, date_parts(p, p.study, rng.choice(DATE_STYLES[p.lang])), f, 13, ink, 'phi',
               'study-date', 'footer', anchor='r')
        c.text(c.W - 24, yb, inst_parts(p, rng), f, 13, ink, 'phi', 'institution', 'footer', anchor='r')
    c.text(c.W // 2, yb, H('25 mm/s  10 mm/mV  0.05-150 Hz  60 Hz ~'), f, 13, ink, 'harmless', 'settings', 'footer',
           anchor='c')
    c.text(c.W // 2, yb - 22, H(f'{p.time[:2]}:{p.time[2:4]}:{p.time[4:]}'), f, 13, ink, 'harmless', 'time',
           'footer', anchor='c')
    leads = [['I', 'aVR', 'V1', 'V4'], ['II', 'aVL', 'V2', 'V5'], ['III', 'aVF', 'V3', 'V6']]
    for r, row in enumerate(leads):
        for k, ld in enumerate(row):
            c.text(30 + k * (c.W - 60) // 4, 204 + r * 95, H(ld), fb, 14, ink, 'harmless', 'lead', 'trace')


def ecg_bg(np_rng, h, w):
    a = np.zeros((h, w, 3))
    a[:] = (252, 238, 236)
    a[::8, :] = (245, 200, 195)
    a[:, ::8] = (245, 200, 195)
    a[::40, :] = (232, 150, 145)
    a[:, ::40] = (232, 150, 145)
    for r in range(4):
        base = 190 + r * 95 if r < 3 else 470
        xs = np.arange(20, w - 20)
        beat = np.zeros_like(xs, dtype=float)
        for b0 in range(40, w, 150 + r * 5):
            beat += 40 * np.exp(-((xs - b0) / 3.0) ** 2) - 8 * np.exp(-((xs - b0 - 8) / 4.0) ** 2) \
                + 10 * np.exp(-((xs - b0 - 50) / 12.0) ** 2)
        ys = (base - beat).astype(int)
        for dy in (0, 1):
            a[np.clip(ys + dy, 0, h - 1), xs] = (25, 25, 25)
    a += noise(np_rng, (h, w, 1), 3)
    return a


def derm(c, p, rng, phi, np_rng):
    """A dermatoscopy photograph: round field, scale ruler, caption band with the patient and the site."""
    f = rng.choice(['Inter', 'B612', 'LeagueSpartan', 'Jura-Medium'])
    c.rect(0, c.H - 64, c.W, c.H, (18, 18, 22))
    if phi:
        e = c.text(10, c.H - 58, name_parts(p, rng.choice(['Given Family', 'FAMILY, Given', 'G. Family'])), f, 16,
                   WHITE, 'phi', 'name', 'caption')
        age, cls = age_item(p, rng)
        if e:
            c.text(e[1] + 20, c.H - 58, age, f, 16, WHITE, cls, 'age', 'caption')
        c.text(10, c.H - 30, [lab(p, 'dob')] + date_parts(p, p.dob, rng.choice(DATE_STYLES[p.lang])), f, 14, GREY,
               'phi', 'dob', 'caption')
        c.text(c.W - 10, c.H - 30, [lab(p, 'date')] + date_parts(p, p.study, rng.choice(DATE_STYLES[p.lang])),
               f, 14, GREY, 'phi', 'study-date', 'caption', anchor='r')
    site = rng.choice(['L upper back', 'R shin, anterior', 'Scalp, vertex', 'L forearm dorsal'])
    c.text(c.W - 10, c.H - 58, H(site), f, 16, WHITE, 'harmless', 'site', 'caption', anchor='r')
    c.text(14, 12, H('Polarized  x10'), f, 14, WHITE, 'harmless', 'mode', 'TL', effect='shadow')
    c.text(c.W - 14, 12, H('Lesion 3 of 5'), f, 14, WHITE, 'harmless', 'lesion', 'TR', anchor='r',
           effect='shadow')
    c.rect(c.W - 130, c.H - 100, c.W - 30, c.H - 94, (250, 250, 250))
    c.text(c.W - 80, c.H - 90, H('2 mm'), f, 12, WHITE, 'harmless', 'scale', 'scale bar', anchor='c',
           effect='outline')
    c.text(14, c.H - 100, H('Menzies: 1 neg / 2 pos'), f, 13, YELLOW, 'harmless', 'score', 'BL',
           band=((10, 10, 10), 1.0, 3))


def derm_bg(np_rng, h, w):
    a = np.zeros((h, w, 3))
    skin = np.array([214, 170, 140.0])
    a[:] = skin
    a += smooth(noise(np_rng, (h, w, 1), 14), 3)
    les = ellipse(h, w, h * 0.45, w * 0.5, h * 0.18, w * 0.14)
    a[les] = a[les] * 0.45 + np.array([60, 35, 20]) * 0.55
    vign = ~ellipse(h, w, (h - 64) / 2, w / 2, (h - 64) * 0.58, w * 0.58)
    a[vign] *= 0.2
    return a


def ceph(c, p, rng, phi, np_rng):
    """A lateral cephalogram: landmark letters over the skull, an analysis table named after its authors, the box."""
    f = rng.choice(['OxygenMono', 'AnonymousPro', 'mononoki', 'neep-13'])
    ink = WHITE
    lines = []
    if phi:
        lines += [phi_line(p, name_parts(p, rng.choice(['FAMILY Given', 'Family, Given', 'upper'])), 'name', phi),
                  phi_line(p, [lab(p, 'id')] + id_parts(p), 'id', phi),
                  phi_line(p, [lab(p, 'dob')] + date_parts(p, p.dob, rng.choice(DATE_STYLES[p.lang])), 'dob', phi),
                  phi_line(p, [('Orthodontist:', 'label')] + person_parts(p, p.ref, rng), 'referrer', phi)]
    lines.append([(H('CEPH LAT  R side'), 'harmless', 'view')])
    stack(c, 14, 12, lines, f, 13, ink, lead=2.0, band=((0, 0, 0), 0.55, 2))
    table = ['Steiner   SNA 82.4', 'Steiner   SNB 79.1', 'ANB 3.3  Wits -1.2 mm', 'Downs  FMA 24.8',
             'Ricketts  Facial axis 88', 'Tweed  IMPA 96.5', 'McNamara  Co-A 84 mm']
    stack(c, c.W - 14, 12, [[(H(t), 'harmless', 'analysis')] for t in rng.sample(table, 5)], f, 12, ink,
          anchor='r')
    for lm, (yy, xx) in zip(['S', 'N', 'Or', 'Po', 'A', 'B', 'Pog', 'Me', 'Go'],
                            [(0.36, 0.42), (0.3, 0.78), (0.4, 0.72), (0.45, 0.3), (0.6, 0.8), (0.75, 0.76),
                             (0.83, 0.74), (0.88, 0.66), (0.75, 0.42)]):
        c.text(int(xx * c.W), int(yy * c.H), H(lm), rng.choice(['B612-Bold', 'Inter-SemiBold']), 14, YELLOW,
               'harmless', 'landmark', 'over anatomy', effect='outline')
    c.text(14, c.H - 30, H('Frankfort horizontal  ref'), f, 12, ink, 'harmless', 'reference', 'BL')
    if phi:
        c.text(c.W - 14, c.H - 30, [lab(p, 'date')] + date_parts(p, p.study, rng.choice(DATE_STYLES[p.lang])),
               f, 12, ink, 'phi', 'study-date', 'BR', anchor='r')
        age, cls = age_item(p, rng)
        c.text(c.W - 14, c.H - 52, age, f, 12, ink, cls, 'age', 'BR', anchor='r')


def ceph_bg(np_rng, h, w, vmax):
    a = np.full((h, w), 0.12 * vmax)
    skull = ellipse(h, w, h * 0.45, w * 0.52, h * 0.36, w * 0.38)
    a[skull] = 0.5 * vmax
    inner = ellipse(h, w, h * 0.42, w * 0.5, h * 0.31, w * 0.33)
    a[inner] = 0.32 * vmax
    jaw = ellipse(h, w, h * 0.78, w * 0.66, h * 0.11, w * 0.2)
    a[jaw] = 0.62 * vmax
    a += smooth(noise(np_rng, (h, w), 0.05 * vmax), 2)
    return np.clip(a, 0, vmax)


def portable(c, p, rng, phi, np_rng):
    """A portable chest film with a marker written by hand: PORTABLE, the time, the tech's initials, the name."""
    hand = rng.choice(['Purisa', 'Purisa-Bold', 'ComicNeue-Bold', 'ComicNeue'])
    ink = BLACK if c.mono1 else WHITE
    c.text(int(c.W * 0.62), 40, H('PORTABLE'), hand, 24, ink, 'harmless', 'marker', 'handwritten TR')
    c.text(int(c.W * 0.62), 74, H(f'AP semi-erect {p.time[:2]}:{p.time[2:4]}'), hand, 20, ink, 'harmless',
           'marker', 'handwritten TR')
    if phi:
        c.text(40, 40, name_parts(p, rng.choice(['G. Family', 'Given Family', 'upper'])), hand, 22, ink, 'phi',
               'name', 'handwritten TL')
        c.text(40, 72, [('Bed', 'label'), ('14', 'label')] + [('d/o', 'label')] + date_parts(p, p.dob, 'mdyy'
               if p.lang == 'en' else 'dmy/'), hand, 18, ink, 'phi', 'dob', 'handwritten TL')
        c.text(40, c.H - 90, [('Tech', 'label')] + name_parts(p, 'Given Family', p.op), hand, 18, ink, 'phi',
               'operator', 'handwritten BL')
    c.rect(c.W - 90, c.H - 220, c.W - 40, c.H - 160, (230, 230, 230) if not c.mono1 else (20, 20, 20))
    c.text(c.W - 65, c.H - 214, H('R'), 'LeagueSpartan', 30, BLACK if not c.mono1 else WHITE, 'harmless', 'marker',
           'lead marker', anchor='c')
    f = rng.choice(['neep-13', 'Hermit', 'B612Mono'])
    stack(c, c.W - 14, c.H - 60, [[(H('EI 412  DI -0.6'), 'harmless', 'exposure')],
                                  [(H('110 kV  2.5 mAs  SID 102 cm'), 'harmless', 'exposure')]], f, 13, ink,
          anchor='r')
    if phi:
        c.text(14, int(c.H * 0.7), inst_parts(p, rng), f, 13, ink, 'phi', 'institution', 'rotated side', rot=True)
        card = (230, 230, 230) if not c.mono1 else (25, 25, 25)
        dark = BLACK if not c.mono1 else WHITE
        x0, y0 = c.W - 330, c.H - 150
        card_lines = [[(name_parts(p, 'FAMILY, Given'), 'phi', 'name')],
                      [([lab(p, 'id')] + id_parts(p), 'phi', 'id'), (H(p.sex), 'harmless', 'sex'),
                       age_item(p, rng) + ('age',)],
                      [([lab(p, 'dob')] + date_parts(p, p.dob, rng.choice(DATE_STYLES[p.lang])), 'phi', 'dob')],
                      [(inst_parts(p, rng, whole=True), 'phi', 'institution')]]
        c.rect(x0 - 6, y0 - 6, c.W - 20, y0 + 4 * 17 + 2, card)
        stack(c, x0, y0, card_lines, rng.choice(['OCRB', 'neep-11', 'Andika']), 11, dark, lead=1.5)


def chest_bg(np_rng, h, w, vmax, mono1):
    a = np.full((h, w), 0.08 * vmax)
    thorax = ellipse(h, w, h * 0.55, w * 0.5, h * 0.42, w * 0.42)
    a[thorax] = 0.45 * vmax
    for s in (-1, 1):
        a[ellipse(h, w, h * 0.5, w * (0.5 + s * 0.19), h * 0.3, w * 0.15)] = 0.2 * vmax
    a[ellipse(h, w, h * 0.62, w * 0.55, h * 0.16, w * 0.13)] = 0.58 * vmax
    a += smooth(noise(np_rng, (h, w), 0.04 * vmax), 2)
    a = np.clip(a, 0, vmax)
    return vmax - a if mono1 else a


def hemo(c, p, rng, phi, np_rng):
    """A cath-lab hemodynamic recording: patient bar, pressure labels and values, an event log, the staff list."""
    f = rng.choice(['B612', 'Inter', 'Oxygen', '3270-SemiCond'])
    seg = 'DSEG14'
    c.rect(0, 0, c.W, 34, (40, 60, 90))
    if phi:
        c.text(10, 8, name_parts(p, rng.choice(['FAMILY, Given', 'Family, Given'])), f, 16, WHITE, 'phi', 'name',
               'top bar')
        c.text(330, 8, [lab(p, 'id')] + id_parts(p), f, 16, WHITE, 'phi', 'id', 'top bar')
        c.text(c.W - 10, 8, [lab(p, 'dob')] + date_parts(p, p.dob, rng.choice(DATE_STYLES[p.lang])), f, 16, WHITE,
               'phi', 'dob', 'top bar', anchor='r')
    c.text(10, 44, H('Right & Left Heart Cath'), f, 14, GREY, 'harmless', 'procedure', 'under bar')
    if phi:
        age, cls = age_item(p, rng)
        c.text(c.W // 2 - 40, 44, age, f, 14, GREY, cls, 'age', 'under bar')
    c.text(c.W - 10, 44, H('Wt 71 kg  Ht 168 cm  BSA 1.81'), f, 14, GREY, 'harmless', 'biometry', 'under bar',
           anchor='r')
    chans = [('AO', (255, 80, 80), '128-74  94'), ('LV', (90, 255, 110), '132-12'), ('PA', (255, 235, 60), '34-14  22'),
             ('RA', (80, 230, 255), 'A9 V7  6')]
    for i, (lbl, col, val) in enumerate(chans):
        y = 80 + i * 90
        c.text(10, y, H(lbl), f, 18, col, 'harmless', 'channel', 'left')
        c.text(c.W - 250, y + 4, H(val), seg, 16, col, 'harmless', 'pressure', 'right values', anchor='r')
    c.text(c.W - 250, 448, H(f'HR {rng.randrange(58, 96)}'), seg, 16, GREEN, 'harmless', 'heart rate',
           'right values', anchor='r')
    log = [('09:14', 'Sheath 6F R radial'), ('09:21', 'RA sat 68%'), ('09:33', 'Fick CO 4.6 L/min'),
           ('09:40', 'Gorlin AVA 0.9 cm2'), ('09:52', 'Pullback LV-AO')]
    lines = [[(H(f'{t}  {e}'), 'harmless', 'event')] for t, e in log]
    y = stack(c, c.W - 230, 80, lines, f, 12, GREY, lead=1.45)
    if phi:
        y += 10
        stack(c, c.W - 230, y, [[([('Operator:', 'label')] + person_parts(p, p.perf, rng), 'phi', 'performing')],
                                [([(V.ROLE_WORDS['en'][0], 'label')] + name_parts(p, 'Given Family', p.other), 'phi',
                                  'other-person')],
                                [([(V.ROLE_WORDS['en'][2], 'label')] + name_parts(p, 'G. Family', p.other2), 'phi',
                                  'other-person')]], f, 12, WHITE, lead=1.5)
        c.text(10, c.H - 24, inst_parts(p, rng) + [('Cath Lab 2', 'label')], f, 12, GREY, 'phi', 'institution', 'BL')
        c.text(10, c.H - 48, [('NOK:', 'label')] + name_parts(p, 'Given Family', p.other2) + phone_parts(p, rng),
               f, 12, GREY, 'phi', 'other-person', 'BL')
    c.text(c.W - 10, c.H - 24, H('Scale 0-200 mmHg  Sweep 25'), f, 12, GREY, 'harmless', 'scale', 'BR', anchor='r')


def hemo_bg(np_rng, h, w):
    a = np.zeros((h, w, 3))
    a[:] = (8, 10, 14)
    xs = np.arange(40, w - 260)
    for i, col in enumerate([(255, 80, 80), (90, 255, 110), (255, 235, 60), (80, 230, 255)]):
        base = 150 + i * 90
        ys = (base - 30 * np.maximum(0, np.sin(xs / 18.0)) ** 3 - 5 * np.sin(xs / 5.0)).astype(int)
        for dy in (0, 1):
            a[np.clip(ys + dy, 0, h - 1), xs] = col
    a += noise(np_rng, (h, w, 1), 2)
    return a


def echodop(c, p, rng, phi, np_rng):
    """Echo with a CW Doppler strip: 2D sector above, spectrum below with its velocity scale and measurements."""
    f = rng.choice(['Cabin', 'InterDisplay-Medium', 'OxygenMono', 'neep-alt-13', 'neep-11B'])
    lines = []
    if phi:
        lines += [phi_line(p, name_parts(p, rng.choice(['FAMILY, Given', 'Given Family', 'FAMILY^GIVEN'])), 'name',
                           phi),
                  phi_line(p, [lab(p, 'id')] + id_parts(p), 'id', phi)]
    lines.append([(H('S5-1  3.2 MHz'), 'harmless', 'probe')])
    lines.append([(H('MI 1.1  TIS 0.6'), 'harmless', 'output')])
    stack(c, 8, 6, lines, f, 13, WHITE)
    top = [[(inst_parts(p, rng), 'phi', 'institution')], [([lab(p, 'acc')] + [(p.acc, 'phi')], 'phi', 'accession')]] \
        if phi else []
    top += [[(H('A5C  CW'), 'harmless', 'view')], [(H('Gn 12  DR 55'), 'harmless', 'gain')]]
    stack(c, c.W - 8, 6, top, f, 13, WHITE, anchor='r')
    for k, v in enumerate(['1', '2', '3', '4', '5']):
        c.text(c.W - 6, int(c.H * 0.58) + k * 36, H(f'-{v}'), 'Inter', 9, GREY, 'harmless', 'scale', 'doppler scale',
               anchor='r')
    c.text(c.W - 6, int(c.H * 0.58) - 22, H('m/s'), f, 11, GREY, 'harmless', 'scale', 'doppler scale', anchor='r')
    meas = ['AV Vmax 3.84 m/s', 'AV PGmax 59 mmHg', 'AV VTI 88.2 cm', 'Bernoulli simpl.']
    stack(c, 8, int(c.H * 0.58) + 6, [[(H(m), 'harmless', 'measurement')] for m in meas], f, 12, CYAN,
          lead=2.1, band=((0, 0, 0), 0.6, 2))
    if phi:
        c.text(8, c.H - 20, date_parts(p, p.study, rng.choice(DATE_STYLES[p.lang])), f, 12, WHITE, 'phi',
               'study-date', 'BL')
    c.text(c.W // 2, c.H - 20, H(f'{p.time[:2]}:{p.time[2:4]}  HR 74'), f, 12, WHITE, 'harmless', 'time', 'bottom',
           anchor='c')


def echodop_bg(np_rng, h, w, frames):
    out = np.zeros((frames, h, w))
    yy, xx = np.mgrid[0:h, 0:w]
    ang = np.arctan2(xx - w / 2, yy + 10)
    r = np.hypot(xx - w / 2, yy + 10)
    sector = (np.abs(ang) < 0.6) & (r < h * 0.5) & (r > 30)
    for k in range(frames):
        sp = np.abs(smooth(np_rng.normal(0, 1, (h, w)), 1)) * 70 + 10
        a = np.where(sector, sp, 0)
        strip = yy > h * 0.56
        env = np.clip(1 - ((xx % 170) / 60.0), 0, 1) * (h * 0.3)
        dop = strip & (yy - h * 0.58 < env) & (xx < w - 40)
        a = np.where(strip, 2, a)
        a = np.where(dop, 60 + np_rng.normal(0, 1, (h, w)) * 40 + 120 * (yy - h * 0.58) / (env + 1), a)
        a[int(h * 0.58), :w - 40] = 150
        out[k] = a
    return np.clip(out, 0, 255)


def letter(c, p, rng, phi, np_rng):
    """A scanned referral letter: letterhead, date, address block, RE line, body sentences, a signature by hand."""
    f = rng.choice(['LinLibertine', 'Andika', 'Cabin', 'OCRB'])
    ink = (25, 25, 35)
    x = 70
    if phi:
        c.text(c.W // 2, 40, inst_parts(p, rng, whole=True), 'LinBiolinum-Bold', 22, NAVY, 'phi', 'institution',
               'letterhead', anchor='c')
        c.text(c.W // 2, 72, [('Tel', 'label')] + phone_parts(p, rng), f, 13, NAVY, 'phi', 'phone', 'letterhead',
               anchor='c')
    c.text(c.W // 2, 96, H('Department of Cardiology  Outpatient Clinic'), f, 13, NAVY, 'harmless', 'department',
           'letterhead', anchor='c')
    y = 150
    lines = []
    if phi:
        lines += [[([('Dr', 'title')] + name_parts(p, 'Given Family', p.ref), 'phi', 'referrer')],
                  [(address_parts(p, rng), 'phi', 'address')], [],
                  [([('RE:', 'label')] + name_parts(p, rng.choice(['Given Family', 'FAMILY, Given'])), 'phi', 'name')],
                  [([lab(p, 'dob')] + date_parts(p, p.dob, rng.choice(DATE_STYLES[p.lang])), 'phi', 'dob'),
                   ([lab(p, 'id')] + id_parts(p), 'phi', 'id')],
                  [([('Home:', 'label')] + address_parts(p, rng), 'phi', 'address')],
                  [([('E-mail:', 'label'), (email(p, rng), 'phi')], 'phi', 'email'),
                   ([lab(p, 'phone')] + phone_parts(p, rng), 'phi', 'phone')], []]
    body = ['Thank you for referring this patient with exertional chest tightness.',
            'Treadmill test: Bruce protocol, stage 3, stopped for fatigue.',
            'Echo: normal LV size, EF 58% by Simpson biplane, mild MR.',
            'Plan: CT coronary angiogram, continue aspirin 75 mg daily.',
            'Review in the Rapid Access Chest Pain Clinic in 6 weeks.']
    lines += [[(H(t), 'harmless', 'sentence')] for t in body]
    y = stack(c, x, y, lines, f, 15, ink, lead=1.55)
    c.text(x, y + 10, H('Yours sincerely,'), f, 15, ink, 'harmless', 'sentence', 'body')
    if phi:
        c.text(x, y + 44, name_parts(p, 'Given Family', p.perf), rng.choice(['Purisa', 'ComicNeue']), 22,
               (20, 40, 140), 'phi', 'performing', 'signature')
        c.text(x, y + 84, [('cc:', 'label')] + name_parts(p, 'G. Family', p.other) + [('(GP)', 'label')], f, 14,
               ink, 'phi', 'other-person', 'body')
        c.text(c.W - 70, 150, date_parts(p, p.study, rng.choice(DATE_STYLES[p.lang])), f, 15, ink, 'phi',
               'study-date', 'right', anchor='r')


def paper_bg(np_rng, h, w):
    a = np.full((h, w), 243.0) + smooth(noise(np_rng, (h, w), 5), 2)
    a += np.linspace(0, -14, w)[None, :]
    return np.clip(a, 0, 255)


def vq(c, p, rng, phi, np_rng):
    """A lung V/Q page: two rows of four views, each with its projection label and counts, and a top bar."""
    f = rng.choice(['3270', 'Jura-Medium', 'mononoki-Bold', 'modd-13B', 'neep-15'])
    c.aliased = rng.random() < 0.5
    views = ['ANT', 'POST', 'LPO', 'RPO', 'RAO', 'LAO', 'L LAT', 'R LAT']
    tw, th = c.W // 4, (c.H - 60) // 2
    for i, vw in enumerate(views):
        x0, y0 = (i % 4) * tw, 60 + (i // 4) * th
        c.text(x0 + 6, y0 + 6, H(vw), f, 13, WHITE, 'harmless', 'view', 'tile TL')
        c.text(x0 + tw - 6, y0 + th - 22, H(f'{rng.randrange(380, 720)}k'), f, 11, GREY, 'harmless', 'counts',
               'tile BR', anchor='r')
    if phi:
        c.text(6, 6, name_parts(p, rng.choice(['FAMILY^GIVEN', 'FAMILY, Given'])), f, 15, WHITE, 'phi', 'name',
               'top')
        c.text(6, 32, [lab(p, 'acc')] + [(p.acc, 'phi')], f, 13, GREY, 'phi', 'accession', 'top')
        c.text(c.W - 6, 6, date_parts(p, p.study, rng.choice(DATE_STYLES[p.lang])), f, 15, WHITE, 'phi',
               'study-date', 'top', anchor='r')
        age, cls = age_item(p, rng)
        c.text(c.W - 6, 32, age, f, 13, GREY, cls, 'age', 'top', anchor='r')
    c.text(c.W // 2, 6, H('PERFUSION  Tc-99m MAA 4 mCi'), f, 13, YELLOW, 'harmless', 'title', 'top', anchor='c')
    c.text(c.W // 2, 32, H('PIOPED II: low'), f, 13, YELLOW, 'harmless', 'title', 'top', anchor='c')


def vq_bg(np_rng, h, w, vmax):
    a = np.zeros((h, w))
    tw, th = w // 4, (h - 60) // 2
    for i in range(8):
        x0, y0 = (i % 4) * tw, 60 + (i // 4) * th
        for s in (-1, 1):
            m = ellipse(h, w, y0 + th * 0.55, x0 + tw / 2 + s * tw * 0.17, th * 0.3, tw * 0.13)
            a[m] = vmax * 0.5
    a = smooth(a, 4)
    a = np_rng.poisson(np.maximum(a, 0) / 40 + 0.2) * 40.0
    return np.clip(a, 0, vmax)


def ivus(c, p, rng, phi, np_rng):
    """An IVUS frame: circular catheter image, lumen and vessel measurements, pullback, patient corner."""
    f = rng.choice(['B612Mono', 'Hermit', 'neep-13', 'modd-13B'])
    lines = []
    if phi:
        lines += [phi_line(p, name_parts(p, rng.choice(['Family G', 'FAMILY, Given', 'upper'])), 'name', phi),
                  phi_line(p, id_parts(p), 'id', phi)]
        age, cls = age_item(p, rng)
        lines.append([(age, cls, 'age')])
    lines.append([(H('20 MHz  Pullback 0.5 mm/s'), 'harmless', 'technique')])
    stack(c, 8, 6, lines, f, 13, WHITE)
    meas = ['Lumen 5.82 mm2', 'EEM 12.40 mm2', 'Plaque burden 53%', 'MLD 2.41 mm']
    stack(c, c.W - 8, 6, [[(H(m), 'harmless', 'measurement')] for m in meas], f, 12, GREEN, anchor='r')
    c.text(8, c.H - 22, H('Frame 1184  Pos 59.2 mm'), f, 12, GREY, 'harmless', 'frame', 'BL')
    c.text(8, c.H - 60, H('LAD prox'), f, 13, BLACK, 'harmless', 'vessel', 'BL label', band=((220, 220, 220), 1.0, 3))
    if phi:
        c.text(c.W - 8, c.H - 22, date_parts(p, p.study, rng.choice(DATE_STYLES[p.lang])), f, 12, GREY, 'phi',
               'study-date', 'BR', anchor='r')
    c.text(c.W // 2, c.H - 44, H('1 mm'), f, 11, WHITE, 'harmless', 'scale', 'scale bar', anchor='c')


def ivus_bg(np_rng, h, w, frames):
    out = np.zeros((frames, h, w))
    yy, xx = np.mgrid[0:h, 0:w]
    r = np.hypot(yy - h / 2, xx - w / 2)
    for k in range(frames):
        sp = np.abs(np_rng.normal(0, 1, (h, w))) * 60
        ring = np.exp(-((r - (110 + 6 * k)) / 25) ** 2) * 150
        a = np.where(r < h * 0.4, sp * 0.6 + ring, 0)
        a[r < 22] = 0
        a[(r > 22) & (r < 25)] = 200
        out[k] = a
    return np.clip(out, 0, 255)


def dvh(c, p, rng, phi, np_rng):
    """A treatment-planning DVH screen: curves with a legend of structures, the plan, patient, approval."""
    f = rng.choice(['Oxygen', 'Inter', 'Yanone', 'Cabin'])
    ink = (30, 30, 30)
    c.rect(0, 0, c.W, 30, (210, 215, 225))
    if phi:
        c.text(8, 7, [lab(p, 'name')] + name_parts(p, rng.choice(['Family, Given', 'FAMILY, Given'])), f, 15, ink,
               'phi', 'name', 'title bar')
        c.text(c.W - 8, 7, [lab(p, 'id')] + id_parts(p), f, 15, ink, 'phi', 'id', 'title bar', anchor='r')
    c.text(c.W // 2, 40, H('Plan: PROST_VMAT_2A  70 Gy / 28 fx'), f, 14, ink, 'harmless', 'plan', 'top',
           anchor='c')
    legend = [('PTV_7000', (200, 0, 0)), ('CTV_Prostate', (230, 120, 0)), ('Rectum', (120, 70, 20)),
              ('Bladder', (200, 180, 0)), ('Femur_L', (0, 120, 200)), ('PenileBulb', (150, 0, 150))]
    for i, (s, col) in enumerate(legend):
        c.rect(c.W - 200, 80 + i * 24, c.W - 186, 80 + i * 24 + 10, col)
        c.text(c.W - 180, 76 + i * 24, H(s), f, 13, ink, 'harmless', 'structure', 'legend')
    c.text(60, c.H - 30, H('Dose [Gy]'), f, 13, ink, 'harmless', 'axis', 'axis')
    c.text(20, 120, H('Volume [%]'), f, 13, ink, 'harmless', 'axis', 'axis', rot=True)
    for k in range(0, 8):
        c.text(60 + k * 70, c.H - 52, H(str(k * 10)), 'Inter', 9, ink, 'harmless', 'axis', 'axis')
    if phi:
        stack(c, c.W - 200, 240, [[([('Approved:', 'label')] + name_parts(p, 'G. Family', p.perf), 'phi',
                                    'performing')],
                                  [([('Physicist:', 'label')] + name_parts(p, 'Family G', p.other), 'phi',
                                    'other-person')],
                                  [(date_parts(p, p.study, rng.choice(DATE_STYLES[p.lang])), 'phi', 'study-date')]],
              f, 12, ink)
    c.text(c.W - 8, c.H - 24, H('Eclipse-like TPS 16.1  Calc AXB'), f, 11, ink, 'harmless', 'software', 'BR',
           anchor='r')


def dvh_bg(np_rng, h, w):
    a = np.full((h, w, 3), 250.0)
    a[30:, :] = 250
    x0, y0, x1, y1 = 60, 60, w - 220, h - 60
    a[y0:y1, x0] = 60
    a[y1, x0:x1] = 60
    xs = np.arange(x0, x1)
    for col, mid, sl in [((200, 0, 0), 0.85, 60), ((230, 120, 0), 0.88, 50), ((120, 70, 20), 0.5, 10),
                         ((200, 180, 0), 0.35, 8), ((0, 120, 200), 0.25, 6), ((150, 0, 150), 0.45, 9)]:
        t = (xs - x0) / (x1 - x0)
        v = 1 / (1 + np.exp((t - mid) * sl))
        ys = (y1 - v * (y1 - y0 - 10)).astype(int)
        for dy in (0, 1):
            a[np.clip(ys + dy, 0, h - 1), xs] = col
    return a


def eeg(c, p, rng, phi, np_rng):
    """An EEG page: channel labels down the side, the montage and settings, the patient header, a time ruler."""
    f = rng.choice(['AnonymousPro-Bold', 'OCRB', 'neep-11', 'Andika'])
    c.aliased = rng.random() < 0.6
    ink = BLACK
    chans = ['Fp1-F7', 'F7-T3', 'T3-T5', 'T5-O1', 'Fp2-F8', 'F8-T4', 'T4-T6', 'T6-O2', 'Fz-Cz', 'Cz-Pz', 'EKG']
    for i, ch in enumerate(chans):
        c.text(6, 70 + i * 38, H(ch), f, 12, ink, 'harmless', 'channel', 'left')
    if phi:
        c.text(6, 8, name_parts(p, rng.choice(['FAMILY, Given', 'Given Family'])) + [(p.pid, 'phi')], f, 14, ink,
               'phi', 'name-id', 'header')
        c.text(6, 32, [lab(p, 'dob')] + date_parts(p, p.dob, rng.choice(DATE_STYLES[p.lang])), f, 13, ink, 'phi',
               'dob', 'header')
        c.text(c.W - 6, 32, [lab(p, 'op')] + name_parts(p, 'Given Family', p.op), f, 13, ink, 'phi', 'operator',
               'header', anchor='r')
        age, cls = age_item(p, rng)
        c.text(330, 32, age, f, 13, ink, cls, 'age', 'header')
        c.text(c.W - 6, c.H - 66, [lab(p, 'acc')] + [(p.acc, 'phi')], f, 11, ink, 'phi', 'accession', 'BR',
               anchor='r')
    c.text(c.W - 6, 8, H('Longitudinal bipolar  LFF 1 Hz  HFF 70 Hz  Notch'), f, 13, ink, 'harmless', 'settings',
           'header', anchor='r')
    for k in range(5):
        c.text(120 + k * (c.W - 160) // 5, c.H - 22, H(f'{p.time[:2]}:{p.time[2:4]}:{10 + k * 2:02d}'), f, 11, ink,
               'harmless', 'time', 'ruler')
    c.text(c.W - 6, c.H - 44, H('7 uV/mm  30 mm/s'), f, 11, ink, 'harmless', 'scale', 'BR', anchor='r')


def eeg_bg(np_rng, h, w):
    a = np.full((h, w), 252.0)
    xs = np.arange(80, w - 10)
    for i in range(11):
        base = 78 + i * 38
        sig = smooth(np_rng.normal(0, 6, (1, xs.size)), 3)[0] * 2.2 + 3 * np.sin(xs / (4 + i))
        ys = (base + sig).astype(int)
        a[np.clip(ys, 0, h - 1), xs] = 30
    a[:, 80::60] = 215
    return a


def lapar(c, p, rng, phi, np_rng):
    """A laparoscopy tower overlay: insufflator and light values, a timer, the patient line, the surgeon."""
    f = rng.choice(['B612-Bold', 'LeagueSpartan', 'Inter-SemiBold', 'neep-15B', 'neep-20'])
    if phi:
        e = c.text(12, 10, name_parts(p, rng.choice(['FAMILY Given', 'upper', 'Given Family'])), f, 16, WHITE,
                   'phi', 'name', 'TL', effect='shadow', track=1)
        age, cls = age_item(p, rng)
        if e:
            c.text(e[1] + 24, 10, age, f, 16, WHITE, cls, 'age', 'TL', effect='shadow')
        c.text(12, 36, [lab(p, 'dob')] + date_parts(p, p.dob, rng.choice(DATE_STYLES[p.lang])), f, 14, WHITE,
               'phi', 'dob', 'TL', effect='shadow')
        c.text(12, c.H - 30, [('Surgeon', 'label')] + name_parts(p, 'G. Family', p.perf), f, 14, WHITE, 'phi',
               'performing', 'BL', effect='shadow')
    stack(c, c.W - 12, 10, [[(H('CO2 12 mmHg'), 'harmless', 'insufflator')],
                            [(H('Flow 18.5 L/min'), 'harmless', 'insufflator')],
                            [(H('Light 80%'), 'harmless', 'light')]], f, 14, AMBER, anchor='r', lead=1.6,
          effect='outline')
    c.text(c.W // 2, c.H - 30, H('CAM 1  WL 5200K'), f, 13, BLACK, 'harmless', 'camera', 'bottom label',
           anchor='c', band=((235, 235, 225), 1.0, 3))
    c.text(c.W - 12, c.H - 30, H(f'REC 00:{rng.randrange(10, 59)}:{rng.randrange(10, 59)}'), f, 14, WHITE,
           'harmless', 'timer', 'BR', anchor='r', effect='outline')


def lapar_bg(np_rng, h, w, frames):
    out = np.zeros((frames, h, w, 3))
    base = np.array([150, 60, 55.0])
    for k in range(frames):
        a = np.zeros((h, w, 3)) + base
        a += smooth(np_rng.normal(0, 30, (h, w, 1)), 4)
        a[ellipse(h, w, h * 0.5 + 5 * k, w * 0.45, h * 0.2, w * 0.15)] += np.array([60, 50, 40])
        vign = ~ellipse(h, w, h / 2, w / 2, h * 0.62, w * 0.55)
        a[vign] *= 0.25
        out[k] = a
    return np.clip(out, 0, 255)


SCREENS = {
    # name: (draw, modality, SOP class, (rows, cols), image kind)
    'film': (film, 'CT', '1.2.840.10008.5.1.4.1.1.7', (1100, 1400), 'grey8'),
    'ecg': (ecg, 'ECG', '1.2.840.10008.5.1.4.1.1.7', (560, 900), 'rgb'),
    'derm': (derm, 'XC', '1.2.840.10008.5.1.4.1.1.77.1.4', (600, 800), 'rgb'),
    'ceph': (ceph, 'DX', '1.2.840.10008.5.1.4.1.1.1.1', (900, 1000), 'grey12'),
    'portable': (portable, 'CR', '1.2.840.10008.5.1.4.1.1.1', (1100, 1000), 'grey12'),
    'hemo': (hemo, 'HD', '1.2.840.10008.5.1.4.1.1.7', (560, 900), 'rgb'),
    'echodop': (echodop, 'US', '1.2.840.10008.5.1.4.1.1.3.1', (600, 720), 'grey8'),
    'letter': (letter, 'DOC', '1.2.840.10008.5.1.4.1.1.7', (1100, 850), 'grey8'),
    'vq': (vq, 'NM', '1.2.840.10008.5.1.4.1.1.20', (600, 1024), 'grey14'),
    'ivus': (ivus, 'IVUS', '1.2.840.10008.5.1.4.1.1.3.1', (512, 512), 'grey8'),
    'dvh': (dvh, 'RTDOSE', '1.2.840.10008.5.1.4.1.1.7', (560, 900), 'rgb'),
    'eeg': (eeg, 'EEG', '1.2.840.10008.5.1.4.1.1.7', (520, 960), 'grey8'),
    'lapar': (lapar, 'ES', '1.2.840.10008.5.1.4.1.1.77.1.1.1', (576, 720), 'rgb'),
}

# the plan: (screen, culture, transfer syntax, frames, PHI drawn)
PLAN = [
    ('film', 'sv', 'explicit', 1, True), ('ecg', 'us', 'jpeg-base', 1, True), ('derm', 'ca', 'j2k', 1, True),
    ('ceph', 'hr', 'jpeg-ls', 1, True), ('portable', 'us', 'rle', 1, True), ('hemo', 'fa', 'explicit', 1, True),
    ('echodop', 'fi', 'rle', 3, True), ('letter', 'gb', 'jpeg-ll', 1, True), ('vq', 'hu', 'j2k', 1, True),
    ('ivus', 'ka', 'jpeg-ls', 3, True), ('dvh', 'lt', 'implicit', 1, True), ('eeg', 'id', 'explicit', 1, True),
    ('lapar', 'ro', 'jpeg-base', 2, True), ('film', 'is', 'j2k', 1, True), ('ecg', 'hy', 'explicit', 1, True),
    ('derm', 'mi', 'rle', 1, True), ('ceph', 'th', 'explicit', 1, True), ('portable', 'yo', 'jpeg-ll', 1, True),
    ('hemo', 'he', 'jpeg-ls', 1, True), ('echodop', 'sv', 'explicit', 1, True), ('letter', 'ro', 'implicit', 1, True),
    ('vq', 'ta', 'explicit', 1, True), ('ivus', 'ca', 'rle', 2, True), ('dvh', 'is', 'jpeg-ll', 1, True),
    ('eeg', 'lt', 'j2k', 1, True), ('lapar', 'id', 'explicit', 1, True), ('letter', 'hr', 'explicit', 1, True),
    ('portable', 'fi', 'explicit', 1, True), ('ecg', 'hu', 'jpeg-ls', 1, True), ('hemo', 'gb', 'rle', 2, True),
    ('film', 'us', 'implicit', 1, True), ('letter', 'ca', 'jpeg-base', 1, True), ('derm', 'sv', 'jpeg-ll', 1, True),
    ('ceph', 'lt', 'j2k', 1, True),
    # no PHI drawn: the Pixel Data must stay byte for byte
    ('ecg', 'gb', 'explicit', 1, False), ('ivus', 'hu', 'j2k', 1, False), ('vq', 'ro', 'rle', 1, False),
    ('lapar', 'fi', 'jpeg-ls', 2, False), ('dvh', 'ta', 'explicit', 1, False), ('derm', 'is', 'implicit', 1, False),
]


# each screen's background: (np_rng, rows, cols, vmax, frames, mono1) -> one frame, or frames when they move
BACKGROUNDS = {
    'film': lambda r, h, w, **k: film_bg(r, h, w), 'ecg': lambda r, h, w, **k: ecg_bg(r, h, w),
    'derm': lambda r, h, w, **k: derm_bg(r, h, w), 'ceph': lambda r, h, w, vmax, **k: ceph_bg(r, h, w, vmax),
    'portable': lambda r, h, w, vmax, mono1, **k: chest_bg(r, h, w, vmax, mono1),
    'hemo': lambda r, h, w, **k: hemo_bg(r, h, w), 'echodop': lambda r, h, w, frames, **k: echodop_bg(r, h, w, frames),
    'letter': lambda r, h, w, **k: paper_bg(r, h, w), 'vq': lambda r, h, w, vmax, **k: vq_bg(r, h, w, vmax),
    'ivus': lambda r, h, w, frames, **k: ivus_bg(r, h, w, frames), 'dvh': lambda r, h, w, **k: dvh_bg(r, h, w),
    'eeg': lambda r, h, w, **k: eeg_bg(r, h, w), 'lapar': lambda r, h, w, frames, **k: lapar_bg(r, h, w, frames),
}


def backgrounds(screen, np_rng, h, w, frames, kind, mono1):
    vmax = {'grey8': 255, 'rgb': 255, 'grey12': 4095, 'grey14': 65535 // 4}[kind]
    a = BACKGROUNDS[screen](np_rng, h, w, vmax=vmax, frames=frames, mono1=mono1)
    colour = kind == 'rgb'
    want = 4 if colour else 3
    if a.ndim == want - 1:  # one frame drawn: repeat it (a multi-frame still with moving noise below)
        a = np.repeat(a[None], frames, axis=0)
        if frames > 1:
            a = a + np_rng.normal(0, 0.02 * vmax, a.shape)
    if not colour:
        a = a[..., None]
    return np.clip(a, 0, vmax), vmax, colour


# ------------------------------------------------------------------------------------------------ DICOM
def uid(seed, idx, part):
    return f'{UID_ROOT}{seed}.{idx}.{part}'


def dataset(p, seed, idx, screen, modality, sop, arr, kind, mono1, frames, burned):
    ds = Dataset()
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = sop
    meta.MediaStorageSOPInstanceUID = uid(seed, idx, 3)
    meta.TransferSyntaxUID = TS['explicit']
    meta.ImplementationClassUID = UID_ROOT + '1'
    ds.file_meta = meta
    texts = [p.dicom_name(), p.inst] + [f'{f}^{g}' for g, f in p.staff]
    if any(ord(ch) > 127 for t in texts for ch in t):
        ds.SpecificCharacterSet = 'ISO_IR 192'
    ds.SOPClassUID, ds.SOPInstanceUID = sop, uid(seed, idx, 3)
    ds.StudyInstanceUID, ds.SeriesInstanceUID = uid(seed, idx, 1), uid(seed, idx, 2)
    ds.StudyDate = ds.SeriesDate = ds.ContentDate = p.study.strftime('%Y%m%d')
    ds.StudyTime = ds.SeriesTime = ds.ContentTime = p.time
    ds.AccessionNumber = p.acc
    ds.Modality = modality
    ds.Manufacturer = 'Heldout6 Imaging'
    ds.InstitutionName = p.inst
    ds.ReferringPhysicianName = f'{p.ref[1]}^{p.ref[0]}'
    ds.PerformingPhysicianName = f'{p.perf[1]}^{p.perf[0]}'
    ds.OperatorsName = f'{p.op[1]}^{p.op[0]}'
    ds.StudyDescription = {'film': 'CT THORAX', 'ecg': 'ECG 12 LEAD', 'derm': 'DERMOSCOPY', 'ceph': 'CEPH LAT',
                           'portable': 'CHEST PORTABLE AP', 'hemo': 'R&L HEART CATH', 'echodop': 'TTE',
                           'letter': 'REFERRAL LETTER', 'vq': 'NM LUNG PERFUSION', 'ivus': 'IVUS LAD',
                           'dvh': 'RT PLAN DVH', 'eeg': 'EEG ROUTINE', 'lapar': 'LAP CHOLECYSTECTOMY'}[screen]
    ds.PatientName = p.dicom_name()
    ds.PatientID = p.pid
    ds.PatientBirthDate = p.dob.strftime('%Y%m%d')
    ds.PatientSex = p.sex
    ds.PatientAge = f'{min(p.age, 999):03d}Y'
    ds.StudyID = str(1000 + idx)
    ds.SeriesNumber, ds.InstanceNumber = 1, 1
    if burned is not None:
        ds.BurnedInAnnotation = burned
    if screen in ('ecg', 'hemo', 'letter', 'dvh', 'eeg', 'film'):
        ds.ConversionType = 'WSD' if screen != 'letter' else 'DF'
    ds.Rows, ds.Columns = arr.shape[1], arr.shape[2]
    if frames > 1:
        ds.NumberOfFrames = frames
        ds.FrameIncrementPointer = pydicom.tag.Tag('FrameTime')
        ds.FrameTime = '40'
    if kind == 'rgb':
        ds.SamplesPerPixel, ds.PhotometricInterpretation, ds.PlanarConfiguration = 3, 'RGB', 0
        ds.BitsAllocated, ds.BitsStored, ds.HighBit = 8, 8, 7
        data = arr.astype(np.uint8)
    else:
        ds.SamplesPerPixel = 1
        ds.PhotometricInterpretation = 'MONOCHROME1' if mono1 else 'MONOCHROME2'
        bits = {'grey8': 8, 'grey12': 12, 'grey14': 14}[kind]
        ds.BitsAllocated = 8 if bits == 8 else 16
        ds.BitsStored, ds.HighBit = bits, bits - 1
        data = arr[..., 0].astype(np.uint8 if bits == 8 else np.uint16)
        if bits > 8:
            ds.WindowCenter, ds.WindowWidth = str((1 << bits) // 2), str(1 << bits)
    ds.PixelRepresentation = 0
    ds.PixelData = (data if frames > 1 else data[0]).tobytes()
    ds['PixelData'].VR = 'OB' if ds.BitsAllocated == 8 else 'OW'
    return ds, data


def write(ds, data, path, ts, tmp):
    """Writes the dataset in the transfer syntax `ts` (dcmtk or Pillow encode; pydicom writes)."""
    plain = path if ts in ('explicit', 'implicit') else tmp
    if ts == 'implicit':
        ds.file_meta.TransferSyntaxUID = TS['implicit']
        ds.is_implicit_VR, ds.is_little_endian = True, True
    else:
        ds.is_implicit_VR, ds.is_little_endian = False, True
    if ts == 'j2k':
        from PIL import Image
        if ds.BitsAllocated == 16:  # Pillow writes 16-bit precision: say so, as the codestream does
            ds.BitsStored, ds.HighBit = 16, 15
        frames = []
        for fr in data:
            buf = io.BytesIO()
            if fr.ndim == 3:
                im = Image.fromarray(fr, 'RGB')
                im.save(buf, format='JPEG2000', irreversible=False, no_jp2=True, mct=0)
            else:
                im = Image.fromarray(fr, 'L' if fr.dtype == np.uint8 else 'I;16')
                im.save(buf, format='JPEG2000', irreversible=False, no_jp2=True)
            frames.append(buf.getvalue())
        ds.PixelData = encapsulate(frames)
        ds['PixelData'].VR = 'OB'
        ds['PixelData'].is_undefined_length = True
        ds.file_meta.TransferSyntaxUID = TS['j2k']
        ds.save_as(path, write_like_original=False)
        return
    ds.save_as(plain, write_like_original=False)
    if ts in ('explicit', 'implicit'):
        return
    cmd = {'rle': ['dcmcrle'], 'jpeg-base': ['dcmcjpeg', '+eb', '+q', '90', '+un'], 'jpeg-ll': ['dcmcjpeg', '+e1'],
           'jpeg-ls': ['dcmcjpls']}[ts]
    subprocess.run(cmd + [plain, path], check=True, capture_output=True)
    os.remove(plain)


def generate(out, seed=DEFAULT_SEED):
    """Writes the set under `out` and returns its truth (also written to out/truth.json)."""
    os.makedirs(os.path.join(out, 'images'), exist_ok=True)
    files = []
    for idx, (screen, culture, ts, frames, phi) in enumerate(PLAN):
        rng = random.Random(seed * 1000 + idx)
        np_rng = np.random.default_rng(seed * 1000 + idx)
        p = Ident(rng, culture, idx)
        draw, modality, sop, (h, w), kind = SCREENS[screen]
        mono1 = screen == 'portable' and idx % 2 == 0
        a, vmax, colour = backgrounds(screen, np_rng, h, w, frames, kind, mono1)
        c = Canvas(a.astype(np.float64), vmax, colour)
        c.mono1 = mono1
        draw(c, p, rng, phi, np_rng)
        arr = np.clip(np.round(c.frames), 0, vmax)
        burned = ['YES', 'YES', 'YES', None, 'NO'][idx % 5] if phi else ['YES', None, 'NO'][idx % 3]
        ds, data = dataset(p, seed, idx, screen, modality, sop, arr, kind, mono1, frames, burned)
        name = f'images/v6_{idx:02d}.dcm'
        write(ds, data, os.path.join(out, name), ts, os.path.join(out, 'plain.dcm'))
        phi_drawn = any(it['cls'] == 'phi' for it in c.items)
        if phi_drawn != phi:
            raise RuntimeError(f'file {idx}: PHI drawn {phi_drawn}, planned {phi}')
        files.append({'index': idx, 'file': name, 'modality': modality, 'screen': screen, 'transfer': ts,
                      'culture': culture, 'lang': p.lang, 'frames': frames, 'phi_drawn': phi_drawn,
                      'items': c.items, 'words': c.words, 'refused': c.refused})
    truth = {'seed': seed, 'files': files}
    with open(os.path.join(out, 'truth.json'), 'w') as fh:
        json.dump(truth, fh)
    return truth


if __name__ == '__main__':
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument('out')
    ap.add_argument('--seed', type=int, default=DEFAULT_SEED)
    a = ap.parse_args()
    t = generate(a.out, a.seed)
    n_items = sum(len(f['items']) for f in t['files'])
    n_phi = sum(1 for f in t['files'] for w in f['words'] if w['role'] == 'phi')
    n_ref = sum(len(f['refused']) for f in t['files'])
    print(f'{len(t["files"])} files, {n_items} items, {n_phi} scored PHI words, {n_ref} refused')
