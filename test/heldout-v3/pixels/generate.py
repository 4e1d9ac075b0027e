"""Generates the third held-out pixel set: 40 DICOM screens with burned-in text, and their truth.

Usage: /usr/bin/python3 test/heldout-v3/pixels/generate.py <out dir> [--seed N]
Writes <out>/images/NN_<modality>.dcm and <out>/truth.json. Deterministic for a seed.
"""
from __future__ import annotations

import sys

sys.dont_write_bytecode = True

import datetime as dt  # noqa: E402
import io
import json
import math
import os
import random
import unicodedata

import numpy as np
import pydicom
from PIL import Image
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.encaps import encapsulate
from pydicom.uid import (ExplicitVRLittleEndian, ImplicitVRLittleEndian, JPEGBaseline8Bit, RLELossless,
                         generate_uid)

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import vocab as V  # noqa: E402
from draw import Block, Drawn, Item, draw_blocks  # noqa: E402

TS = {'explicit': ExplicitVRLittleEndian, 'implicit': ImplicitVRLittleEndian, 'rle': RLELossless,
      'jpeg': JPEGBaseline8Bit}
SOP = {
    'US': '1.2.840.10008.5.1.4.1.1.6.1', 'US-MF': '1.2.840.10008.5.1.4.1.1.3.1', 'CT': '1.2.840.10008.5.1.4.1.1.2',
    'MR': '1.2.840.10008.5.1.4.1.1.4', 'CR': '1.2.840.10008.5.1.4.1.1.1', 'DX': '1.2.840.10008.5.1.4.1.1.1.1',
    'MG': '1.2.840.10008.5.1.4.1.1.1.2', 'XA': '1.2.840.10008.5.1.4.1.1.12.1', 'RF': '1.2.840.10008.5.1.4.1.1.12.2',
    'NM': '1.2.840.10008.5.1.4.1.1.20', 'PT': '1.2.840.10008.5.1.4.1.1.128', 'OP': '1.2.840.10008.5.1.4.1.1.77.1.5.1',
    'ES': '1.2.840.10008.5.1.4.1.1.77.1.1',
}

YELLOW, GREEN, CYAN, ORANGE, WHITE = (1, 1, 0.15), (0.35, 1, 0.35), (0.2, 1, 1), (1, 0.72, 0.2), (1, 1, 1)

# ---------------------------------------------------------------- identities


def strip_accents(s):
    return ''.join(c for c in unicodedata.normalize('NFKD', s) if not unicodedata.combining(c)) \
        .replace('Þ', 'Th').replace('þ', 'th').replace('ð', 'd').replace('Æ', 'AE').replace('æ', 'ae') \
        .replace('ł', 'l').replace('Ł', 'L').replace('ø', 'o')


def person(rng):
    culture = rng.choice(sorted(V.PEOPLE))
    given, family = V.PEOPLE[culture]
    return {'given': rng.choice(given), 'family': rng.choice(family), 'culture': culture}


def pn(p):
    return f"{p['family']}^{p['given']}"


def identity(rng, index, old):
    study = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(0, 900))
    if old:
        dob = study - dt.timedelta(days=rng.randrange(90 * 365 + 30, 97 * 365))
    else:
        dob = dt.date(rng.randrange(1938, 2016), rng.randrange(1, 13), rng.randrange(1, 29))
    age = study.year - dob.year - ((study.month, study.day) < (dob.month, dob.day))
    inst_full, inst_short = rng.choice(V.INSTITUTIONS)
    pid = rng.choice([lambda: f'{rng.randrange(10**7, 10**8):08d}', lambda: f'H{rng.randrange(10**6, 10**7)}',
                      lambda: f'{rng.randrange(100, 999)}{rng.randrange(1000, 9999)}{rng.randrange(10, 99)}',
                      lambda: f'E{rng.randrange(1000, 9999)}{rng.randrange(100, 999)}',
                      lambda: f'0{rng.randrange(10**8, 10**9)}'])()
    acc = rng.choice([lambda: f'A{study.year % 100}-{rng.randrange(10**6, 10**7)}',
                      lambda: f'RAD{rng.randrange(10**6, 10**7)}', lambda: f'{rng.randrange(10**9, 10**10)}',
                      lambda: f'CT{rng.randrange(10**5, 10**6)}X', lambda: f'{study.year}{rng.randrange(10**5, 10**6)}'])()
    pat = person(rng)
    ref, op, perf, cue = person(rng), person(rng), person(rng), person(rng)
    return {
        'patient': pat, 'sex': rng.choice('FM'), 'dob': dob, 'study': study, 'age': age, 'pid': pid, 'acc': acc,
        'inst': inst_full, 'inst_short': inst_short, 'ref': ref, 'op': op, 'perf': perf, 'cue': cue,
        'time': f'{rng.randrange(7, 20):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}',
        'phone': rng.choice([f'+44 113 496 {rng.randrange(1000, 9999)}', f'(312) 555-0{rng.randrange(100, 199)}',
                             f'030 9018{rng.randrange(10, 99)}-{rng.randrange(10, 99)}',
                             f'02 9{rng.randrange(100, 999)} {rng.randrange(1000, 9999)}',
                             f'ext. {rng.randrange(4000, 4999)}']),
        'email': f"{strip_accents(ref['given'][0]).lower()}.{strip_accents(ref['family']).lower().replace(' ', '').replace(chr(39), '')}"
                 f"@{strip_accents(inst_short[-1]).lower().replace(' ', '').replace('.', '')}.org",
        'prior': study - dt.timedelta(days=rng.randrange(60, 2000)),
    }

# ---------------------------------------------------------------- PHI items


def _item(label, value, kind, cls='phi', in_header=True, unscored=lambda tok: False):
    toks = [t for t in value.split(' ') if t]
    unsc = tuple(i + len(label.split()) for i, t in enumerate(toks) if unscored(t))
    text = (label + ' ' + value).strip() if label else value
    return Item(text, cls, kind, label=len(label.split()), in_header=in_header, unscored=unsc)


def _is_particle(tok):
    return tok.strip(',.') in V.PARTICLES


def name_form(rng, p, width=None, form=None, ascii_only=None):
    g, f = p['given'], p['family']
    if ascii_only is None:
        ascii_only = rng.random() < 0.3
    if ascii_only:
        g, f = strip_accents(g), strip_accents(f)
    forms = [f'{f.upper()}, {g.upper()}', f'{f}, {g}', f'{g} {f}', f'{f.upper()}^{g.upper()}', f'{g[0]}. {f}',
             f'{f} {g[0]}.', f'{f.upper()} {g.upper()}', f'{f}, {g[0]}', f'{f.upper()},{g.upper()}']
    s = forms[rng.randrange(len(forms)) if form is None else form]
    if width and len(s) > width:
        s = s[:width].rstrip(' ,^')
    return s


def date_forms(rng, d, keep_year):
    """A date as a console prints it; returns (text, indexes of tokens not scored). The year alone is not a Safe
    Harbor identifier, so in a date of several words it is not scored unless `keep_year` (ages over 89)."""
    m = d.month - 1
    one = [d.strftime('%d.%m.%Y'), d.strftime('%m/%d/%Y'), d.strftime('%d/%m/%y'), d.isoformat(),
           f'{d.day:02d}-{V.MONTHS_EN[m].upper()}-{d.year}', d.strftime('%Y%m%d'), d.strftime('%d/%m/%Y'),
           f'{d.day:02d}{V.MONTHS_EN[m].upper()}{d.year}', d.strftime('%m-%d-%y'), d.strftime('%Y/%m/%d')]
    multi = [f'{V.MONTHS_EN[m]} {d.day}, {d.year}', f'{d.day} {V.MONTHS_LONG[m]} {d.year}',
             f'{d.day:02d} {V.MONTHS_DE[m]} {d.year}', f'{d.day} {V.MONTHS_FR[m]} {d.year}']
    if rng.random() < 0.7:
        return rng.choice(one), ()
    s = rng.choice(multi)
    return s, (() if keep_year else (len(s.split()) - 1,))


def phi(kind, rng, P, **kw):
    old = P['age'] > 89
    if kind == 'name':
        return _item(kw.get('label', rng.choice(['', '', 'Name:', 'Pt', 'Patient:', 'NAME'])),
                     name_form(rng, P['patient'], kw.get('width'), kw.get('form')), 'name', unscored=_is_particle)
    if kind in ('dob', 'study-date', 'prior-date'):
        d = {'dob': P['dob'], 'study-date': P['study'], 'prior-date': P['prior']}[kind]
        s, un = date_forms(rng, d, old)
        label = kw.get('label', rng.choice({'dob': V.DOB_LABELS, 'study-date': V.DATE_LABELS,
                                            'prior-date': ['Prior', 'Comparison:', 'vs.', 'Vorbef.']}[kind]))
        it = _item(label, s, kind, in_header=kind != 'prior-date')
        it.unscored = tuple(i + it.label for i in un)
        return it
    if kind == 'id':
        return _item(kw.get('label', rng.choice(V.ID_LABELS)), P['pid'], 'id')
    if kind == 'accession':
        return _item(kw.get('label', rng.choice(V.ACC_LABELS)), P['acc'], 'accession')
    if kind == 'institution':
        s = kw.get('text') or rng.choice(P['inst_short'] + [P['inst']])
        return _item('', s, 'institution', unscored=lambda t: t.lower() in V.GENERIC)
    if kind in ('physician', 'operator', 'performing', 'cue-name'):
        p = P[{'physician': 'ref', 'operator': 'op', 'performing': 'perf', 'cue-name': 'cue'}[kind]]
        labels = {'physician': V.REF_LABELS, 'operator': V.OP_LABELS, 'performing': V.PERF_LABELS,
                  'cue-name': V.CUE_LABELS}[kind]
        label = kw.get('label', rng.choice(labels))
        title = False
        if kind == 'operator' and rng.random() < 0.3:
            initials = (p['given'][0] + ''.join(w[0] for w in p['family'].replace('-', ' ').replace("'", ' ').split()
                                                if w not in V.PARTICLES)).upper()
            s = strip_accents(initials)
        else:
            s = name_form(rng, p, form=rng.choice([1, 2, 4, 5, 0, 7]))
            if kind in ('physician', 'performing') and 'dr' not in label.lower() and rng.random() < 0.3:
                s, title = ('Dr ' + s, 'first') if rng.random() < 0.5 else (s + ' MD', 'last')
        return _item(label, s, 'physician' if kind == 'performing' else kind, in_header=kind != 'cue-name',
                     unscored=lambda t: _is_particle(t)
                     or (title == 'first' and t == 'Dr') or (title == 'last' and t == 'MD'))
    if kind == 'age':
        a = P['age']
        s = rng.choice([f'{a}Y', f'{a:03d}Y', f'{a} yrs', f'{a}y', f'{a} J.', f'{a} ans'])
        return _item(kw.get('label', rng.choice(['', 'Age', 'Age:', 'Alter'])), s, 'age',
                     cls='phi' if old else 'harmless', unscored=lambda t: t in ('yrs', 'J.', 'ans'))
    if kind == 'phone':
        return _item(rng.choice(['Tel', 'Ph:', 'Call', 'Bleep']), P['phone'], 'phone', in_header=False,
                     unscored=lambda t: t == 'ext.')
    if kind == 'email':
        return _item(rng.choice(['', 'Report to', 'e-mail:']), P['email'], 'email', in_header=False)
    raise ValueError(kind)

# ---------------------------------------------------------------- harmless items


def fill(rng, s):
    vals = dict(
        mi=f'{rng.uniform(0.2, 1.4):.1f}', ti=f'{rng.uniform(0.1, 1.2):.1f}', gain=rng.randrange(30, 80),
        dr=rng.choice([54, 60, 66, 72]), fr=rng.randrange(12, 60), depth=f'{rng.uniform(3, 22):.1f}',
        prf=f'{rng.uniform(1, 8):.1f}', cfg=rng.randrange(30, 90), wf=rng.choice([50, 100, 150]),
        sv=f'{rng.uniform(1, 4):.1f}', focus=f'{rng.uniform(1, 12):.1f}', dist=f'{rng.uniform(0.3, 9):.2f}',
        vol=f'{rng.uniform(1, 60):.1f}', psv=f'{rng.uniform(20, 140):.1f}', ri=rng.randrange(45, 85),
        ww=rng.choice([350, 400, 1500, 2000, 80, 160]), wl=rng.choice([40, 50, -600, 300, 35, 60]),
        kv=rng.choice([80, 100, 110, 120, 125, 140]), ma=rng.randrange(80, 450), mas=f'{rng.uniform(1.2, 320):.1f}',
        thk=rng.choice(['0.6', '1.0', '1.25', '2.5', '3.0', '5.0']), se=rng.randrange(2, 12), im=rng.randrange(1, 240),
        nim=rng.randrange(240, 480), fov=f'{rng.uniform(18, 50):.1f}', ctdi=f'{rng.uniform(2, 40):.2f}',
        dlp=f'{rng.uniform(80, 1400):.1f}', pitch=rng.choice(['0.516', '0.984', '1.375']),
        rot=rng.choice(['0.28', '0.5', '0.8']), z=f'{rng.uniform(-400, 200):.1f}', tr=rng.randrange(400, 9000),
        te=rng.randrange(4, 120), fa=rng.choice([8, 15, 90, 150, 180]), etl=rng.randrange(4, 32),
        nex=rng.choice([1, 2, 3]), bw=rng.randrange(130, 700), sp=f'{rng.uniform(0, 1.5):.1f}',
        mx=rng.choice(['320x256', '384x384', '256x224']), fovm=rng.choice(['230x187', '240x240', '400x325']),
        b=rng.choice([0, 50, 800, 1000]), ei=rng.randrange(150, 1800), di=f'{rng.uniform(-2, 2):+.1f}',
        s=rng.randrange(80, 800), sid=rng.choice([100, 110, 115, 180]), ms=rng.randrange(4, 400),
        dap=f'{rng.uniform(0.5, 30):.1f}', kvm=rng.randrange(26, 34), masm=rng.randrange(40, 180),
        comp=rng.randrange(25, 80), force=rng.randrange(60, 160), agd=f'{rng.uniform(0.8, 2.6):.2f}',
        esd=f'{rng.uniform(3, 9):.1f}', ang=rng.choice([0, 30, 45, 60]), a1=rng.randrange(1, 45),
        a2=rng.randrange(1, 35), fps=rng.choice([7.5, 10, 15, 30]), fl=f'{rng.uniform(0.2, 25):.1f}',
        dapx=f'{rng.uniform(1, 90):.1f}', ak=rng.randrange(12, 900), mag=rng.choice(['1.4', '1.7', '2.0']),
        nfr=rng.randrange(30, 90), kvx=rng.randrange(65, 100), max=f'{rng.uniform(2, 12):.1f}',
        mbq=rng.randrange(180, 800), spd=rng.choice([10, 12, 15]), kc=rng.randrange(400, 2400),
        suv=f'{rng.uniform(2, 19):.1f}', bed=rng.randrange(1, 5), nbed=rng.randrange(5, 8), upt=rng.randrange(55, 75),
        glc=f'{rng.uniform(4, 8):.1f}', sec=rng.choice([20, 30, 60]), ph=rng.randrange(1, 40),
    )
    return s.format(**vals)


def harm(rng, kind, choices, n=1):
    picks = rng.sample(choices, n) if n <= len(choices) else choices
    return [Item(fill(rng, s), 'harmless', kind) for s in picks]


def hitem(text, kind):
    return Item(text, 'harmless', kind)

# ---------------------------------------------------------------- backgrounds


def smooth(a, k):
    for axis in (0, 1):
        c = np.cumsum(np.pad(a, [(k, k) if ax == axis else (0, 0) for ax in range(a.ndim)], mode='edge'), axis=axis)
        a = (np.take(c, range(2 * k, c.shape[axis]), axis=axis) - np.take(c, range(0, c.shape[axis] - 2 * k), axis=axis)) / (2 * k)
    return a


def us_frame(nrng, h, w, sector, top):
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float64)
    speck = smooth(nrng.rayleigh(1.0, (h, w)), 1)
    if sector:
        ax, ay = w / 2, top
        r = np.hypot(xx - ax, yy - ay)
        ang = np.degrees(np.arctan2(xx - ax, yy - ay))
        region = (np.abs(ang) < 36) & (r > 20) & (r < h - top - 50)
        depth = r / (h - top)
    else:
        x0, x1 = int(w * 0.22), int(w * 0.78)
        region = (xx > x0) & (xx < x1) & (yy > top) & (yy < h - 60)
        depth = (yy - top) / (h - top)
    tissue = 0.55 + 0.25 * np.sin(xx / 37.0 + yy / 53.0) * np.cos(yy / 29.0)
    cx, cy = w * (0.4 + 0.2 * nrng.random()), top + (h - top) * (0.35 + 0.2 * nrng.random())
    cyst = np.hypot((xx - cx) / 45, (yy - cy) / 30) < 1
    img = speck * tissue * (1.1 - 0.6 * depth) * 95
    img[cyst] *= 0.12
    img[~region] = 0
    return np.clip(img, 0, 235)


def ct_slice(nrng, n=512):
    yy, xx = np.mgrid[0:n, 0:n].astype(np.float64)
    hu = np.full((n, n), -1000.0)
    body = ((xx - n / 2) / (n * 0.36)) ** 2 + ((yy - n * 0.52) / (n * 0.27)) ** 2 < 1
    hu[body] = 40
    for cx in (0.36, 0.64):
        lung = ((xx - n * cx) / (n * 0.12)) ** 2 + ((yy - n * 0.48) / (n * 0.17)) ** 2 < 1
        hu[lung] = -850
    spine = np.hypot(xx - n / 2, yy - n * 0.7) < n * 0.045
    hu[spine] = 700
    hu += nrng.normal(0, 12, (n, n)) * body
    return hu


def mr_slice(nrng, n=512):
    yy, xx = np.mgrid[0:n, 0:n].astype(np.float64)
    head = ((xx - n / 2) / (n * 0.33)) ** 2 + ((yy - n / 2) / (n * 0.4)) ** 2
    img = np.where(head < 1, 600 + 250 * np.cos(xx / 23) * np.sin(yy / 31), 0.0)
    img[(head < 1) & (head > 0.86)] = 1100
    img[np.hypot((xx - n * 0.45) / 1.0, yy - n * 0.5) < n * 0.05] = 1500
    return np.clip(img + nrng.normal(0, 18, (n, n)) * (head < 1.05), 0, None)


def cr_image(nrng, h, w):
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float64)
    body = 1 - ((xx - w / 2) / (w * 0.42)) ** 2
    img = 300 + 2400 * np.clip(body, 0, 1) ** 0.5
    for cx in (0.33, 0.67):
        lung = ((xx - w * cx) / (w * 0.15)) ** 2 + ((yy - h * 0.45) / (h * 0.3)) ** 2 < 1
        img[lung] -= 1200
    img += 600 * (np.abs(xx - w / 2) < w * 0.04)
    img += smooth(nrng.normal(0, 40, (h // 4, w // 4)), 2).repeat(4, 0).repeat(4, 1)[:h, :w]
    return np.clip(img, 0, 3800)


def mg_image(nrng, h, w, side):
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float64)
    xs = xx if side == 'L' else (w - 1 - xx)
    breast = (xs / (w * 0.55)) ** 2 + ((yy - h / 2) / (h * 0.45)) ** 2 < 1
    tex = smooth(nrng.normal(0, 1, (h // 8, w // 8)), 2).repeat(8, 0).repeat(8, 1)[:h, :w]
    return np.where(breast, 1500 + 500 * tex + 900 * (1 - xs / (w * 0.55)), 60.0)


def xa_frame(nrng, n, k):
    yy, xx = np.mgrid[0:n, 0:n].astype(np.float64)
    r = np.hypot(xx - n / 2, yy - n / 2)
    img = 150 + 30 * np.sin(xx / 40 + k) + nrng.normal(0, 6, (n, n))
    for i in range(5):
        path = np.abs(yy - (n * (0.2 + 0.15 * i) + 40 * np.sin(xx / (60 + 10 * i) + k * 0.3)))
        img -= 70 * np.exp(-(path / (3 + i)) ** 2)
    img[r > n * 0.47] = 0
    return np.clip(img, 0, 255)


def nm_image(nrng, h, w, panels):
    img = np.zeros((h, w))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float64)
    for p in range(panels):
        cx = w * (p + 0.5) / panels
        body = ((xx - cx) / (w * 0.12 / panels * 2)) ** 2 + ((yy - h * 0.55) / (h * 0.33)) ** 2 < 1
        img += body * (200 + 150 * np.cos(yy / 17))
        for _ in range(6):
            hx, hy = cx + nrng.normal(0, w * 0.05 / panels * 2), h * (0.3 + 0.5 * nrng.random())
            img += 1800 * np.exp(-((xx - hx) ** 2 + (yy - hy) ** 2) / 60)
    return img + nrng.poisson(20, (h, w)) * (img > 0)


def fundus(nrng, h, w):
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float64)
    r = np.hypot(xx - w / 2, yy - h * 0.46) / (h * 0.42)
    base = np.clip(1 - r ** 3, 0, 1)
    img = np.stack([0.85 * base, 0.38 * base, 0.12 * base], -1)
    disc = np.hypot(xx - w * 0.62, yy - h * 0.44) < h * 0.07
    img[disc] = [0.97, 0.85, 0.55]
    for i in range(6):
        vessel = np.abs(yy - h * 0.44 - (xx - w * 0.62) * math.tan(math.radians(-60 + 25 * i))) < 2.5
        img[vessel & (r < 1)] *= 0.55
    img[r >= 1] = 0
    return img * 255


def endo(nrng, h, w):
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float64)
    cx = w * 0.62
    oct_ = (np.abs(xx - cx) < h * 0.46) & (np.abs(yy - h / 2) < h * 0.46) & (np.abs(xx - cx) + np.abs(yy - h / 2) < h * 0.62)
    tex = smooth(nrng.normal(0, 1, (h, w)), 4)
    img = np.stack([0.82 + 0.1 * tex, 0.45 + 0.08 * tex, 0.42 + 0.08 * tex], -1)
    lumen = np.hypot(xx - cx - 30, yy - h * 0.55) < h * 0.12
    img[lumen] *= 0.2
    img[~oct_] = 0
    return np.clip(img, 0, 1) * 255

# ---------------------------------------------------------------- screens


def pick(rng, faces):
    return rng.choice(faces)


SANS = ['DejaVuSans', 'DejaVuSans-Bold', 'LiberationSans-Bold', 'NimbusSans-Italic', 'NimbusSansNarrow-Regular',
        'LiberationSansNarrow-Bold', 'DejaVuSans-Oblique']
MONO = ['DejaVuSansMono-Bold', 'LiberationMono-Bold', 'NimbusMonoPS', 'NotoMono']
SERIF = ['DejaVuSerifCondensed', 'DejaVuSerifCondensed-Bold', 'LiberationSerif', 'NimbusRoman-Bold', 'P052-Roman',
         'C059-Bold', 'URWBookman-Demi']
ANY = SANS + MONO + SERIF


def screen_us(rng, P, phi_on, variant, frames):
    rgb = variant.endswith('rgb')
    sector = variant.startswith('sector')
    w, h = rng.choice([(640, 480), (800, 600), (1024, 768)])
    top = 64 if h > 500 else 56
    col = rng.choice([GREEN, CYAN, WHITE, YELLOW]) if rgb else 1.0
    face, sz = pick(rng, SANS + MONO), rng.choice([10, 11, 12, 13, 14]) + (2 if w >= 1024 else 0)
    aliased = rng.random() < 0.5
    blocks = []
    if phi_on:
        l1 = [phi('name', rng, P, width=rng.choice([None, 18])), (phi('id', rng, P), 2.5)]
        if rng.random() < 0.5:
            l1.append((phi('age', rng, P), 1.5))
        l2 = [phi('institution', rng, P)]
        blocks.append(Block([l1, l2], 'tl', face, sz, spacing=rng.choice([1.1, 1.15, 1.2]), color=WHITE if rgb else 1.0,
                            aliased=aliased, band='bar', band_color=0.22, margin=6, where='top bar'))
        r1 = [phi('study-date', rng, P, label=''), (hitem(P['time'], 'time'), 1.0)]
        r2 = [phi('operator', rng, P)]
        rows = [r1, r2] + ([[phi('accession', rng, P)]] if rng.random() < 0.4 else [])
        blocks.append(Block(rows, 'tr', face, sz, spacing=1.15, color=WHITE if rgb else 1.0, aliased=aliased,
                            band='none', margin=6, where='top bar right'))
    else:
        blocks.append(Block([[hitem(rng.choice(V.US_VIEWS), 'title')], [hitem(P['time'], 'time')]], 'tl', face, sz,
                            spacing=1.15, color=1.0, aliased=aliased, band='bar', band_color=0.22, margin=6,
                            where='top bar'))
    probe = hitem(f"{rng.choice(V.US_PROBES)} {fill(rng, '{prf}')}MHz" if rng.random() < 0.5 else rng.choice(V.US_PROBES), 'probe')
    tech = harm(rng, 'acoustic', V.US_LINES, rng.randrange(4, 7))
    lf = pick(rng, MONO + ['NimbusSansNarrow-Regular', 'DejaVuSans', 'LiberationSansNarrow-Bold'])
    lsz = rng.choice([9, 10, 11, 12])
    blocks.append(Block([[probe]] + [[t] for t in tech], 'at', lf, lsz, spacing=rng.choice([1.1, 1.2, 1.3]),
                        color=col, aliased=rng.random() < 0.6, at=(8, top + 40), where='left column'))
    bl = [[hitem(rng.choice(V.US_VIEWS), 'title')]]
    if phi_on and rng.random() < 0.6:
        bl.append([phi(rng.choice(['cue-name', 'prior-date', 'phone']), rng, P)])
    blocks.append(Block(bl, 'bl', pick(rng, ANY), rng.choice([11, 12, 14, 16]), spacing=1.2,
                        color=rng.choice([YELLOW, WHITE, ORANGE]) if rgb else 0.9, effect='shadow', where='bottom left'))
    br = [[t] for t in harm(rng, 'measure', ['Dist {dist} cm', 'Vol {vol} ml', 'PSV {psv} cm/s', 'RI 0.{ri}',
                                             'Area {dist} cm2'], 2)]
    if phi_on and rng.random() < 0.5:
        br.insert(0, [phi('physician', rng, P)])
    blocks.append(Block(br, 'br', face, sz, spacing=1.15, color=YELLOW if rgb else 1.0, aliased=aliased,
                        band=rng.choice(['none', 'translucent']), where='bottom right'))
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    bgs = []
    for k in range(frames):
        g = us_frame(nrng, h, w, sector, top + 20)
        bgs.append(np.stack([g, g, g * 0.96], -1) if rgb else g)
    # depth marks right of the image: short ticks, no text
    for g in bgs:
        for d in range(top + 30, h - 70, 40):
            g[d:d + 2, w - 40:w - 30] = 200
    return dict(modality='US', w=w, h=h, frames=bgs, rgb=rgb, lo=0, hi=255, bits=8, blocks=blocks)


def screen_ct(rng, P, phi_on, signed):
    blocks = []
    face = pick(rng, MONO + SANS)
    sz = rng.choice([10, 11, 12, 13])
    aliased = rng.random() < 0.6
    old = P['age'] > 89
    tl = []
    if phi_on:
        tl += [[phi('name', rng, P, label='', width=rng.choice([None, 20]))], [phi('id', rng, P)],
               [phi('dob', rng, P), (phi('age', rng, P, label=''), 1.2)], [phi('accession', rng, P)]]
    else:
        tl += [[hitem(rng.choice(['HFS', 'FFS', 'Supine']), 'misc')], [hitem(fill(rng, 'Se {se} Im {im}'), 'index')]]
    blocks.append(Block(tl, 'tl', face, sz, spacing=rng.choice([1.1, 1.15, 1.2]), aliased=aliased, color=1.0,
                        where='top left'))
    tr = [[hitem(rng.choice(['CT 64', 'Scanner 2', 'CT-A', 'Dual Source']), 'misc')]]
    if phi_on:
        tr = [[phi('institution', rng, P)]] + tr + [[phi('study-date', rng, P), (hitem(P['time'], 'time'), 1.2)]]
    blocks.append(Block(tr, 'tr', face, sz, spacing=1.15, aliased=aliased, color=1.0, where='top right'))
    bl = [[t] for t in harm(rng, 'exposure', V.CT_LINES[5:12], 3)]
    blocks.append(Block(bl, 'bl', face, sz, spacing=1.15, aliased=aliased, where='bottom left'))
    br = [[t] for t in harm(rng, 'wl', V.CT_LINES[:5], 1) + harm(rng, 'geometry', V.CT_LINES[12:], 3)]
    if phi_on and rng.random() < 0.5:
        br.append([phi(rng.choice(['performing', 'physician', 'cue-name']), rng, P)])
    blocks.append(Block(br, 'br', face, sz, spacing=1.15, aliased=aliased, where='bottom right'))
    blocks.append(Block([[hitem(rng.choice(V.CT_TITLES), 'title')]], 'at', pick(rng, SANS), sz + 2, color=0.85,
                        at=(256 - 60, 470), align='left', effect='outline', where='over image'))
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    hu = ct_slice(nrng)
    if signed:
        return dict(modality='CT', w=512, h=512, frames=[hu], lo=-1024, hi=3071, bits=16, signed=True,
                    rescale=(1, 0), window=(400, 40), blocks=blocks)
    return dict(modality='CT', w=512, h=512, frames=[hu + 1024], lo=0, hi=4095, bits=12, signed=False,
                rescale=(1, -1024), window=(400, 40), blocks=blocks)


def screen_mr(rng, P, phi_on):
    blocks = []
    face = pick(rng, SANS + SERIF)
    sz = rng.choice([10, 11, 12, 14])
    col = 1.0
    tl = [[hitem(rng.choice(['3.0T', '1.5 T', 'MR 2']), 'misc')]]
    if phi_on:
        tl = [[phi('institution', rng, P)], [phi('name', rng, P)],
              [phi('age', rng, P), (hitem(P['sex'], 'misc'), 1.0)], [phi('id', rng, P)]]
    blocks.append(Block(tl, 'tl', face, sz, spacing=rng.choice([1.1, 1.2]), color=col, aliased=rng.random() < 0.4,
                        where='top left'))
    tr = [[hitem(rng.choice(V.MR_SEQS), 'seq')]] + [[t] for t in harm(rng, 'seq', V.MR_LINES[:8], 3)]
    blocks.append(Block(tr, 'tr', face, sz, spacing=1.15, color=col, where='top right'))
    bl = [[t] for t in harm(rng, 'geometry', V.MR_LINES[8:13], 2)]
    if phi_on:
        bl.append([phi('study-date', rng, P), (hitem(P['time'][:5], 'time'), 1.2)])
        if rng.random() < 0.5:
            bl.append([phi('physician', rng, P)])
        if rng.random() < 0.6:
            bl.append([phi(rng.choice(['cue-name', 'phone']), rng, P)])
    blocks.append(Block(bl, 'bl', face, sz, spacing=1.15, color=col, where='bottom left'))
    br = [[t] for t in harm(rng, 'index', V.MR_LINES[13:], 2)]
    blocks.append(Block(br, 'br', face, sz, spacing=1.15, color=col, band='inverse', where='bottom right'))
    blocks.append(Block([[hitem('A', 'marker')]], 'at', 'DejaVuSans-Bold', 16, at=(250, 30), align='left',
                        where='orientation'))
    blocks.append(Block([[hitem('R', 'marker')]], 'ml', 'DejaVuSans-Bold', 16, margin=60, where='orientation'))
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    img = mr_slice(nrng)
    return dict(modality='MR', w=512, h=512, frames=[img], lo=0, hi=2047, bits=16, signed=False, rescale=None,
                window=(1400, 700), blocks=blocks)


def screen_cr(rng, P, phi_on, modality, mono1):
    h, w = rng.choice([(1760, 1432), (1500, 1800), (1900, 1540), (1400, 1400)])
    blocks = []
    sz = rng.choice([14, 16, 18, 20])
    face = pick(rng, SANS + SERIF)
    if phi_on:
        tl = [[phi('name', rng, P)], [phi('id', rng, P), (phi('dob', rng, P), 2.0)], [phi('accession', rng, P)]]
        blocks.append(Block(tl, 'tl', face, sz, spacing=1.2, color=1.0, band=rng.choice(['solid', 'inverse']), band_color=0.05, margin=20,
                            where='label box'))
        tr = [[phi('institution', rng, P)], [phi('study-date', rng, P)], [hitem(P['time'][:5], 'time')]]
        if rng.random() < 0.5:
            tr.insert(1, [phi('phone', rng, P)])
        blocks.append(Block(tr, 'tr', face, sz, spacing=1.15, color=1.0, margin=20, where='top right'))
    blocks.append(Block([[hitem(rng.choice(['R', 'L']), 'marker')]], 'at', 'LiberationSans-Bold', 20,
                        at=(int(w * 0.12), int(h * 0.3)), align='left', effect='shadow', color=1.0,
                        where='over image'))
    bl = [[t] for t in harm(rng, 'exposure', V.CR_LINES, rng.randrange(3, 5))]
    if phi_on and rng.random() < 0.7:
        bl.append([phi('operator', rng, P)])
    blocks.append(Block(bl, 'bl', pick(rng, MONO + SANS), rng.choice([12, 14, 16]), spacing=1.15,
                        aliased=rng.random() < 0.5, color=1.0, margin=20, where='bottom left'))
    blocks.append(Block([[hitem(rng.choice(V.CR_VIEWS), 'view')]], 'bc', face, sz + 2, margin=24,
                        band=rng.choice(['none', 'inverse']), where='bottom centre'))
    blocks.append(Block([[hitem(rng.choice(['10 cm', '5 cm', '50 mm']), 'scale')]], 'br', face, 14, margin=24,
                        where='scale bar'))
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    img = cr_image(nrng, h, w)
    img[h - 70:h - 66, w - 140:w - 24] = 3500  # the scale bar itself
    return dict(modality=modality, w=w, h=h, frames=[img], lo=0, hi=4095, bits=12, signed=False, rescale=None,
                window=(3000, 1600), blocks=blocks, mono1=mono1)


def screen_mg(rng, P, phi_on):
    h, w = 1600, 1280
    side = rng.choice(['L', 'R'])
    blocks = []
    anchor = 'tr' if side == 'L' else 'tl'
    face = pick(rng, SANS + MONO)
    sz = rng.choice([13, 15, 17])
    col = []
    if phi_on:
        col = [[phi('name', rng, P)], [phi('id', rng, P)], [phi('dob', rng, P)], [phi('study-date', rng, P)],
               [phi('accession', rng, P)], [phi('institution', rng, P)]]
    col.append([hitem(fill(rng, 'Angle {ang}°'), 'view')])
    blocks.append(Block(col, anchor, face, sz, spacing=1.12, color=1.0, margin=24, where='right column'
                        if side == 'L' else 'left column'))
    view = side + rng.choice([' CC', ' MLO', 'MLO', 'CC'])
    blocks.append(Block([[hitem(view, 'view')]], 'mr' if side == 'L' else 'ml', 'DejaVuSans-Bold', 20, margin=40,
                        where='view label'))
    low = [[t] for t in harm(rng, 'exposure', V.MG_LINES, 4)]
    if phi_on and rng.random() < 0.6:
        low.append([phi('operator', rng, P)])
    blocks.append(Block(low, 'br' if side == 'L' else 'bl', face, sz - 2, spacing=1.15, aliased=rng.random() < 0.5,
                        margin=24, where='bottom'))
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    return dict(modality='MG', w=w, h=h, frames=[mg_image(nrng, h, w, side)], lo=0, hi=4095, bits=12,
                signed=False, rescale=None, window=(3500, 1800), blocks=blocks)


def screen_xa(rng, P, phi_on, modality, frames, n):
    blocks = []
    face = pick(rng, MONO + SANS)
    sz = rng.choice([10, 11, 12, 13, 14]) + (3 if n > 600 else 0)
    aliased = rng.random() < 0.6
    if phi_on:
        blocks.append(Block([[phi('name', rng, P)], [phi('id', rng, P), (phi('accession', rng, P), 2.0)],
                             [phi('dob', rng, P), (phi('age', rng, P, label=''), 1.0)]], 'tl', face, sz,
                            spacing=1.1, aliased=aliased, where='top left'))
        blocks.append(Block([[phi('study-date', rng, P), (hitem(P['time'], 'time'), 1.2)],
                             [phi('institution', rng, P)]], 'tr', face, sz, spacing=1.1, aliased=aliased,
                            where='top right'))
    else:
        blocks.append(Block([[hitem(P['time'], 'time')]], 'tr', face, sz, aliased=aliased, where='top right'))
    bl = [[t] for t in harm(rng, 'angle', V.XA_LINES[:3], 1) + harm(rng, 'exposure', V.XA_LINES[3:], 3)]
    blocks.append(Block(bl, 'bl', face, sz, spacing=1.12, aliased=aliased, where='bottom left'))
    blocks.append(Block([[hitem(rng.choice(['DSA', 'Cine', 'Fluoro Store', 'Run 3']), 'title')]], 'tc', face, sz,
                        aliased=aliased, margin=8, where='top centre'))
    br = [[hitem(rng.choice(V.XA_TITLES), 'title')], [hitem(fill(rng, 'Frame {fr}/{nfr}'), 'index')]]
    if phi_on and rng.random() < 0.6:
        br.append([phi(rng.choice(['physician', 'cue-name', 'operator', 'phone', 'prior-date']), rng, P)])
    blocks.append(Block(br, 'br', face, sz, spacing=1.12, aliased=aliased, where='bottom right'))
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    return dict(modality=modality, w=n, h=n, frames=[xa_frame(nrng, n, k) for k in range(frames)], lo=0, hi=255,
                bits=8, signed=False, rescale=None, window=None, blocks=blocks)


def screen_nm(rng, P, phi_on, modality):
    pet = modality == 'PT'
    h, w = (512, 512) if pet or rng.random() < 0.5 else (1024, 512)
    blocks = []
    face = pick(rng, SANS + SERIF)
    sz = rng.choice([9, 10, 11, 12])
    title = hitem(rng.choice(V.NM_TITLES), 'title')
    if phi_on:
        top = [[phi('name', rng, P, form=rng.choice([0, 1, 2])), (phi('dob', rng, P), 2.0)],
               [phi('id', rng, P), (title, 2.0)]]
    else:
        top = [[title]]
    blocks.append(Block(top, 'tl', face, sz, spacing=1.15, color=1.0, band='bar', band_color=0.15, margin=6,
                        where='top bar'))
    low = harm(rng, 'acquisition', V.NM_LINES, 3)
    lines = [[low[0], (low[1], 2.0)], [low[2]]]
    if phi_on:
        lines.append([phi('study-date', rng, P), (phi(rng.choice(['physician', 'operator', 'email', 'cue-name', 'prior-date']), rng, P), 2.0)])
    blocks.append(Block(lines, 'bc', face, sz, spacing=1.2, color=1.0, margin=8, where='bottom centre'))
    blocks.append(Block([[hitem('ANT', 'view')]], 'at', face, sz + 2, at=(20, 60), align='left', where='panel'))
    blocks.append(Block([[hitem('POST', 'view')]], 'at', face, sz + 2, at=(w // 2 + 20, 60), align='left',
                        where='panel'))
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    img = nm_image(nrng, h, w, 2)
    return dict(modality=modality, w=w, h=h, frames=[img], lo=0, hi=int(img.max() * 1.1), bits=16, signed=False,
                rescale=(1, 0) if pet else None, window=None, blocks=blocks)


def screen_photo(rng, P, phi_on, kind):
    blocks = []
    if kind == 'fundus':
        w, h = 768, 576
        face, sz = pick(rng, SANS + SERIF), rng.choice([12, 13, 14, 15])
        cap = [[hitem(rng.choice(['OD', 'OS']), 'view'), (hitem(fill(rng, rng.choice(V.PHOTO_LINES[2:7])), 'misc'),
                                                          2.0)]]
        if phi_on:
            cap = [[phi('name', rng, P), (phi('dob', rng, P), 2.0)],
                   [phi('study-date', rng, P), (hitem(P['time'][:5], 'time'), 1.0)] + cap[0][:1],
                   [phi('email', rng, P)]]
        blocks.append(Block(cap, 'bl', face, sz, spacing=1.15, color=WHITE, band='bar', band_color=(0.1, 0.1, 0.3),
                            margin=6, where='caption band'))
        if phi_on:
            blocks.append(Block([[phi('institution', rng, P)]], 'tl', face, sz - 1, color=CYAN, where='top left'))
        blocks.append(Block([[hitem(fill(rng, rng.choice(V.PHOTO_LINES[2:8])), 'misc')]], 'tr', face, sz - 1,
                            color=YELLOW, where='top right'))
        blocks.append(Block([[hitem(rng.choice(['Fundus Color', 'Red Free', 'Autofluorescence']), 'title')]], 'tc',
                            face, sz, color=WHITE, margin=8, where='top centre'))
        nrng = np.random.default_rng(rng.randrange(1 << 30))
        img = fundus(nrng, h, w)
        return dict(modality='OP', w=w, h=h, frames=[img], rgb=True, lo=0, hi=255, bits=8, blocks=blocks)
    w, h = 720, 540
    face, sz = pick(rng, MONO + SANS), rng.choice([11, 12, 13])
    col = []
    if phi_on:
        col = [[phi('name', rng, P, width=16)], [phi('id', rng, P, label='ID')], [phi('dob', rng, P, label='')],
               [phi('age', rng, P, label=''), (hitem(P['sex'], 'misc'), 1.0)], [phi('study-date', rng, P, label='')],
               [hitem(P['time'], 'time')], [phi('physician', rng, P, label='Dr.')]]
    col += [[hitem(fill(rng, 'Photo {ph}'), 'index')], [hitem('Enh A5 Ce2', 'misc')], [hitem(rng.choice(['NBI', 'WLI']), 'misc')]]
    blocks.append(Block(col, 'tl', face, sz, spacing=1.18, color=WHITE, aliased=rng.random() < 0.5,
                        margin=10, where='left column'))
    blocks.append(Block([[hitem(rng.choice(['Cecum', 'Antrum', 'Sigmoid 25cm', 'Duodenum D2']), 'title')]], 'at',
                        face, sz + 1, color=rng.choice([WHITE, YELLOW]), effect='outline', at=(int(w * 0.47), int(h * 0.8)), align='left',
                        where='over image'))
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    return dict(modality='ES', w=w, h=h, frames=[endo(nrng, h, w)], rgb=True, lo=0, hi=255, bits=8, blocks=blocks)


# index -> (builder, args, transfer, phi drawn, old patient)
PLAN = [
    ('us', ('sector_rgb', 1), 'explicit', True), ('us', ('linear_mono', 1), 'implicit', True),
    ('us', ('sector_rgb', 1), 'jpeg', True), ('us', ('linear_rgb', 3), 'rle', True),
    ('us', ('sector_mono', 3), 'explicit', True), ('us', ('linear_rgb', 1), 'jpeg', True),
    ('us', ('sector_mono', 1), 'rle', True), ('us', ('sector_rgb', 1), 'implicit', False),
    ('ct', (True,), 'explicit', True), ('ct', (False,), 'implicit', True), ('ct', (False,), 'rle', True),
    ('ct', (True,), 'explicit', False), ('ct', (False,), 'explicit', True),
    ('mr', (), 'explicit', True), ('mr', (), 'implicit', True), ('mr', (), 'rle', True), ('mr', (), 'explicit', False),
    ('mr', (), 'explicit', True),
    ('cr', ('CR', False), 'explicit', True), ('cr', ('DX', True), 'implicit', True), ('cr', ('DX', False), 'explicit', True),
    ('cr', ('DX', False), 'explicit', False), ('cr', ('CR', False), 'implicit', True),
    ('mg', (), 'explicit', True), ('mg', (), 'implicit', True),
    ('xa', ('XA', 1, 512), 'explicit', True), ('xa', ('XA', 4, 512), 'implicit', True), ('xa', ('RF', 3, 512), 'rle', True),
    ('xa', ('XA', 1, 1024), 'explicit', False),
    ('nm', ('NM',), 'explicit', True), ('nm', ('NM',), 'implicit', True), ('nm', ('PT',), 'explicit', True),
    ('nm', ('PT',), 'rle', True),
    ('photo', ('fundus',), 'jpeg', True), ('photo', ('fundus',), 'explicit', True), ('photo', ('endo',), 'jpeg', True),
    ('photo', ('endo',), 'rle', True), ('us', ('linear_mono', 1), 'explicit', True), ('ct', (True,), 'explicit', True),
    ('nm', ('NM',), 'explicit', False),
]
OLD = {0, 2, 4, 9, 12, 14, 17, 19, 23, 26, 29, 30, 33, 35, 38}  # patients over 89 on these screens
BUILD = {'us': screen_us, 'ct': screen_ct, 'mr': screen_mr, 'cr': screen_cr, 'mg': screen_mg, 'xa': screen_xa,
         'nm': screen_nm, 'photo': screen_photo}


def render(spec):
    """Draws the blocks on every frame; returns (frames as arrays, truth of frame 0)."""
    out, truth = [], None
    for k, bg in enumerate(spec['frames']):
        canvas = bg.astype(np.float64).copy()
        drawn = Drawn()
        occupied = np.zeros(canvas.shape[:2], dtype=bool)
        draw_blocks(canvas, spec['blocks'], spec['lo'], spec['hi'], drawn, occupied)
        if truth is None:
            truth = drawn
        out.append(canvas)
    return out, truth


def to_pixels(spec, frames):
    if spec.get('rgb'):
        return np.stack([np.clip(np.round(f), 0, 255).astype(np.uint8) for f in frames])
    if spec['bits'] == 8:
        return np.stack([np.clip(np.round(f), 0, 255).astype(np.uint8) for f in frames])
    if spec.get('signed'):
        return np.stack([np.clip(np.round(f), -32768, 32767).astype(np.int16) for f in frames])
    top = (1 << spec['bits']) - 1 if spec['bits'] < 16 else 65535
    if spec.get('mono1'):  # drawn as seen; stored inverted so MONOCHROME1 displays the same picture
        frames = [top - f for f in frames]
    return np.stack([np.clip(np.round(f), 0, top).astype(np.uint16) for f in frames])


def uid(seed, index, what):
    return generate_uid(entropy_srcs=[f'heldout-v3-pixels/{seed}/{index}/{what}'])


def write(path, spec, P, pix, transfer, seed, index):
    modality = spec['modality']
    frames = pix.shape[0]
    sop = SOP['US-MF'] if modality == 'US' and frames > 1 else SOP[modality]
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = sop
    meta.MediaStorageSOPInstanceUID = uid(seed, index, 'sop')
    meta.TransferSyntaxUID = TS[transfer]
    meta.ImplementationClassUID = '1.2.826.0.1.3680043.8.498.1'
    ds = Dataset()
    ds.file_meta = meta
    ds.is_little_endian = True
    ds.is_implicit_VR = transfer == 'implicit'
    values = [pn(P['patient']), pn(P['ref']), pn(P['op']), pn(P['perf']), P['inst']]
    ds.SpecificCharacterSet = 'ISO_IR 192' if any(not v.isascii() for v in values) else 'ISO_IR 100'
    ds.SOPClassUID = sop
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.StudyInstanceUID = uid(seed, index, 'study')
    ds.SeriesInstanceUID = uid(seed, index, 'series')
    ds.Modality = modality if modality not in ('OP', 'ES') else modality
    ds.StudyDate = ds.SeriesDate = ds.ContentDate = P['study'].strftime('%Y%m%d')
    ds.StudyTime = ds.ContentTime = P['time'].replace(':', '')
    ds.AccessionNumber = P['acc']
    ds.InstitutionName = P['inst']
    ds.ReferringPhysicianName = pn(P['ref'])
    ds.OperatorsName = pn(P['op'])
    ds.PerformingPhysicianName = pn(P['perf'])
    ds.StudyDescription = spec.get('title', modality + ' study')
    ds.PatientName = pn(P['patient'])
    ds.PatientID = P['pid']
    ds.PatientBirthDate = P['dob'].strftime('%Y%m%d')
    ds.PatientSex = P['sex']
    ds.PatientAge = f"{min(P['age'], 999):03d}Y"
    ds.StudyID = str(index + 100)
    ds.SeriesNumber = 1
    ds.InstanceNumber = 1
    ds.Manufacturer = 'Heldout V3'
    ds.BurnedInAnnotation = 'YES'
    ds.ImageType = ['DERIVED', 'SECONDARY'] if modality in ('NM', 'PT') else ['ORIGINAL', 'PRIMARY']
    ds.Rows, ds.Columns = spec['h'], spec['w']
    if frames > 1:
        ds.NumberOfFrames = frames
        ds.FrameIncrementPointer = (0x0018, 0x1063)
        ds.FrameTime = 33.3
    rgb = pix.ndim == 4
    if rgb:
        ds.SamplesPerPixel = 3
        ds.PhotometricInterpretation = 'RGB'
        ds.PlanarConfiguration = 0
        ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 8, 8, 7, 0
    else:
        ds.SamplesPerPixel = 1
        ds.PhotometricInterpretation = 'MONOCHROME1' if spec.get('mono1') else 'MONOCHROME2'
        alloc = 8 if pix.dtype == np.uint8 else 16
        stored = 8 if alloc == 8 else spec['bits']
        ds.BitsAllocated, ds.BitsStored, ds.HighBit = alloc, stored, stored - 1
        ds.PixelRepresentation = 1 if spec.get('signed') else 0
        if spec.get('rescale'):
            ds.RescaleSlope, ds.RescaleIntercept = spec['rescale'][0], spec['rescale'][1]
            if modality in ('CT', 'PT'):
                ds.RescaleType = 'HU' if modality == 'CT' else 'BQML'
        if spec.get('window'):
            ds.WindowWidth, ds.WindowCenter = spec['window']
    if modality == 'CT':
        ds.KVP = 120
        ds.SliceThickness = 2.5
    if modality in ('CT', 'MR', 'PT', 'NM'):
        ds.PixelSpacing = [0.7, 0.7]
    arr = pix if frames > 1 else pix[0]
    if transfer == 'jpeg':
        enc = []
        for f in pix:
            buf = io.BytesIO()
            Image.fromarray(f, 'RGB').save(buf, format='JPEG', quality=92, subsampling=1)
            enc.append(buf.getvalue())
        ds.PixelData = encapsulate(enc)
        ds['PixelData'].VR = 'OB'
        ds['PixelData'].is_undefined_length = True
        ds.PhotometricInterpretation = 'YBR_FULL_422'
        ds.LossyImageCompression = '01'
        ds.LossyImageCompressionRatio = f'{arr.nbytes / sum(len(e) for e in enc):.2f}'[:16]
        ds.LossyImageCompressionMethod = 'ISO_10918_1'
    elif transfer == 'rle':
        ds.compress(RLELossless, arr)
    else:
        ds.PixelData = arr.tobytes()
        ds['PixelData'].VR = 'OW' if ds.BitsAllocated > 8 else 'OB'
    ds.save_as(path, write_like_original=False)


def generate(out_dir, seed=20261202):
    os.makedirs(os.path.join(out_dir, 'images'), exist_ok=True)
    files = []
    for index, (builder, args, transfer, phi_on) in enumerate(PLAN):
        for attempt in range(8):  # a draw whose blocks would collide is drawn again (deterministic for the seed)
            rng = random.Random(f'{seed}/{index}/{attempt}')
            P = identity(rng, index, index in OLD)
            spec = BUILD[builder](rng, P, phi_on, *args)
            try:
                frames, drawn = render(spec)
                break
            except ValueError:  # Overlap or a word off the image
                if attempt == 7:
                    raise
        pix = to_pixels(spec, frames)
        name = f'{index:02d}_{spec["modality"]}.dcm'
        write(os.path.join(out_dir, 'images', name), spec, P, pix, transfer, seed, index)
        files.append({
            'index': index, 'file': os.path.join('images', name), 'modality': spec['modality'],
            'transfer': transfer, 'frames': int(pix.shape[0]), 'phi_drawn': any(it['cls'] == 'phi' for it in drawn.items),
            'items': drawn.items, 'words': drawn.words,
        })
    truth = {'seed': seed, 'files': files}
    with open(os.path.join(out_dir, 'truth.json'), 'w') as fh:
        json.dump(truth, fh)
    return truth


if __name__ == '__main__':
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument('out')
    ap.add_argument('--seed', type=int, default=20261202)
    a = ap.parse_args()
    t = generate(a.out, a.seed)
    n_phi = sum(1 for f in t['files'] for w in f['words'] if w['role'] == 'phi')
    n_h = sum(1 for f in t['files'] for it in f['items'] if it['cls'] == 'harmless')
    print(f"{len(t['files'])} files, {n_phi} scored PHI words, {n_h} harmless lines -> {a.out}")
