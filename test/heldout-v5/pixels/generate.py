"""Generates the fifth held-out burned-in text set: 40 DICOM screens with invented identities and truth.json.

Usage: /usr/bin/python3 test/heldout-v5/pixels/generate.py <out dir> [--seed N]

Seeded and deterministic. Each file's header holds the identity values its screen shows; each drawn item is a
scoring unit recorded with its words' ink masks (render.py). See test/heldout-v5/README.md."""
from __future__ import annotations

import sys

sys.dont_write_bytecode = True

import argparse  # noqa: E402
import datetime as dt
import hashlib
import json
import os
import random
import subprocess

import numpy as np
import pydicom
from PIL import Image, ImageFilter
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import vocab as V  # noqa: E402
from render import Canvas, face  # noqa: E402

DEFAULT_SEED = 20261205

# ---------------------------------------------------------------------------------------------- words and roles


def label_words(label):
    return [(w, 'label') for w in label.split()] if label else []


def name_words(text):
    return [(w, V.name_role(w)) for w in text.split()]


def inst_words(text):
    return [(w, 'skip' if w.lower().strip(',') in V.GENERIC or not any(c.isalnum() for c in w) else 'phi')
            for w in text.split()]


def P(kind, label, words):
    """A PHI item: its label's words (not scored) and its value's words with their roles."""
    return {'cls': 'phi', 'kind': kind, 'words': label_words(label) + words}


def H(kind, text):
    """A harmless item: one line or one cell, every word kept."""
    return {'cls': 'harmless', 'kind': kind, 'words': [(w, 'harmless') for w in text.split()]}


def person_forms(fam, giv, order):
    """Screen forms of a person's name (family name group, given names)."""
    fu = fam.upper()
    gi = '.'.join(p[0] for p in giv.replace('-', ' ').split()) + '.'
    forms = [f'{fu}, {giv}', f'{fam}, {giv}', f'{fu} {giv}', f'{giv} {fam}', f'{gi} {fam}', f'{fam} {gi}',
             f'{fu} {gi.replace(".", "")}', f'{giv.upper()} {fu}']
    if order == 'fg':
        forms += [f'{fam} {giv}', f'{fu} {giv}', f'{fu} {giv.upper()}']
    return forms


def name_text(rng, fam, giv, order, cut=None):
    t = rng.choice(person_forms(fam, giv, order))
    if cut and len(t) > cut:
        t = t[:cut].rstrip(' ,.-')
    return t


def staff_text(rng, fam, giv, lang):
    title = {'fr': 'Dr', 'it': 'Dott.', 'de': 'Dr.', 'cs': 'MUDr.', 'no': 'dr.', 'in': 'Dr.'}.get(lang, 'Dr')
    gi = giv[0] + '.'
    return rng.choice([f'{title} {gi} {fam}', f'{fam.upper()}, {giv}', f'{giv} {fam}, MD' if lang == 'us' else f'{title} {fam}',
                       f'{fam} {gi}', f'{title} {giv} {fam}'])


def date_tokens(d, fmt, lang_months='en'):
    """A date as a screen writes it, split in words: (words, several words?)."""
    D, M, Y = d.day, d.month, d.year
    y2 = f'{Y % 100:02d}'
    mon = V.MONTHS
    ab = V.MONTH_ABBR
    f = {
        'us': f'{M:02d}/{D:02d}/{Y}', 'us2': f'{M}/{D}/{y2}', 'iso': f'{Y}-{M:02d}-{D:02d}', 'uk': f'{D:02d}/{M:02d}/{Y}',
        'uk2': f'{D:02d}/{M:02d}/{y2}', 'en_dmy': f'{D} {mon["en"][M-1]} {Y}', 'en_dmy_short': f'{D:02d}-{ab["en"][M-1]}-{Y}',
        'in': f'{D:02d}-{M:02d}-{Y}', 'fr_dots': f'{D:02d}.{M:02d}.{Y}', 'fr_words': f'{D} {mon["fr"][M-1]} {Y}',
        'fr_abbr': f'{D} {ab["fr"][M-1]} {Y}', 'it_words': f'{D} {mon["it"][M-1]} {Y}',
        'it_abbr': f'{D:02d}/{ab["it"][M-1]}/{Y}', 'dots': f'{D:02d}.{M:02d}.{Y}', 'dots2': f'{D:02d}.{M:02d}.{y2}',
        'de_words': f'{D}. {mon["de"][M-1]} {Y}', 'cs_words': f'{D}. {mon["cs"][M-1]} {Y}', 'dots_nopad': f'{D}.{M}.{Y}',
        'no_words': f'{D}. {mon["no"][M-1]} {Y}', 'en_mon': f'{ab["en"][M-1]} {D}, {Y}', 'compact': f'{Y}{M:02d}{D:02d}',
        'ymd_slash': f'{Y}/{M:02d}/{D:02d}', 'dmy_upper': f'{D:02d}{ab["en"][M-1].upper()}{Y}',
    }[fmt]
    return f.split()


def date_words(d, fmt, over89=False):
    toks = date_tokens(d, fmt)
    if len(toks) == 1:
        return [(toks[0], 'phi')]
    out = []
    for t in toks:
        digits = t.strip(',.')
        if digits.isdigit() and len(digits) == 4 and not over89:
            out.append((t, 'skip'))  # the year alone is not a Safe Harbor identifier
        else:
            out.append((t, 'phi'))
    return out


AGE_FORMS = {'us': ['{a}Y', '{a} yo', '{a:03d}Y'], 'gb': ['{a}y', '{a} yrs'], 'au': ['{a}Y', '{a} yrs'], 'in': ['{a} Y / {s}', '{a}Y'],
             'fr': ['{a} ans'], 'it': ['{a} anni'], 'de': ['{a} J.', '{a} Jahre'], 'cs': ['{a} let'], 'no': ['{a} år']}


def age_words(age, lang, sex, rng):
    t = rng.choice(AGE_FORMS[lang]).format(a=age, s=sex)
    out = []
    for w in t.split():
        core = w.rstrip('Y').rstrip('y')
        if core.isdigit() and age > 89:
            out.append((w, 'phi'))
        elif w.lower() in V.AGE_UNITS or w in ('/', 'M', 'F'):
            out.append((w, 'skip'))
        else:
            out.append((w, 'phi' if age > 89 and any(c.isdigit() for c in w) else 'skip'))
    return out


# ---------------------------------------------------------------------------------------------- screen context


class Screen:
    def __init__(self, rng, ident, lang, frames_rgb):
        self.rng, self.id, self.lang = rng, ident, lang
        self.L = V.LABELS[lang]
        self.c = Canvas(frames_rgb)
        self.h, self.w = self.c.h, self.c.w

    def lab(self, key):
        return self.rng.choice(self.L[key])

    # ---- the PHI items of the identity
    def name(self, label=None, cut=None):
        i = self.id
        return P('name', self.lab('name') if label is None else label, name_words(name_text(self.rng, i['fam'], i['giv'], i['order'], cut)))

    def dob(self, label=None, fmt=None):
        fmt = fmt or self.rng.choice(self.L['datefmt'])
        return P('dob', self.lab('dob') if label is None else label, date_words(self.id['dob'], fmt, self.id['age'] > 89))

    def study_date(self, label=None, fmt=None):
        fmt = fmt or self.rng.choice(self.L['datefmt'])
        return P('date', self.lab('date') if label is None else label, date_words(self.id['study'], fmt, self.id['age'] > 89))

    def pid(self, label=None):
        v = self.id['pid_screen']
        return P('id', self.lab('id') if label is None else label, [(t, 'phi') for t in v.split()])

    def acc(self, label=None):
        return P('accession', self.lab('acc') if label is None else label, [(self.id['acc'], 'phi')])

    def age(self, label=None):
        a = self.id['age']
        w = age_words(a, self.lang, self.id['sex'], self.rng)
        lab = self.lab('age') if label is None else label
        if a > 89:
            return P('age', lab, w)
        return H('age-kept', (lab + ' ' if lab else '') + ' '.join(t for t, _ in w))

    def inst(self, short=None):
        full, shorts = self.id['inst'], self.id['inst_short']
        t = full if short is False else self.rng.choice(shorts) if short else self.rng.choice([full] + shorts)
        return P('institution', '', inst_words(t))

    def staff(self, key, who):
        fam, giv = self.id[who]
        return P('physician' if who != 'op' else 'operator', self.lab(key), name_words(staff_text(self.rng, fam, giv, self.lang)))

    def other_person(self, role_word):
        fam, giv = self.id['other']
        return P('other-person', role_word, name_words(staff_text(self.rng, fam, giv, self.lang)))

    def phone(self):
        return P('phone', self.lab('phone'), [(t, 'skip' if t.startswith('+') and len(t) <= 4 else 'phi')
                                               for t in self.id['phone'].split()])

    def email(self):
        return P('email', self.rng.choice(['E-mail:', 'Email', 'Courriel :' if self.lang == 'fr' else 'Mail:']),
                 [(self.id['email'], 'phi')])

    def prior(self):
        fmt = self.rng.choice(self.L['datefmt'])
        return P('prior-date', self.lab('prior'), date_words(self.id['prior'], fmt, self.id['age'] > 89))

    def address(self):
        w = []
        for t in (self.id['street'] + ', ' + self.id['city']).split():
            low = t.lower().strip(',')
            role = 'skip' if low in V.STREET_WORDS or low in ('no.', 'na', 'am', 'dei', 'a') or t.strip(',') in V.STATES else 'phi'
            w.append((t, role))
        lab = {'fr': 'Adresse :', 'it': 'Indirizzo:', 'de': 'Anschrift:', 'cs': 'Bydliště:', 'no': 'Adresse:'}.get(self.lang, 'Address:')
        return P('address', lab, w)

    def clock(self, seconds=True):
        t = self.id['time']
        return H('time', t.strftime('%H:%M:%S') if seconds else t.strftime('%H:%M'))

    # ---- layout
    def block(self, x, y, lines, fname, size, colour, style=None, spacing=1.25, align='left', where='tl', valign='top',
              gap=1.3):
        """Lines of items from (x, y): left/right/centre aligned on x; stacked down (top) or up (bottom) from y."""
        style = style or {}
        px = face(fname, size)[1]
        lh = max(px + 1, round(px * spacing))
        if style.get('band'):  # each item has its own band: bands must not touch
            lh = max(lh, round(px * 1.3) + 2 * style.get('bandpad', 3) + 5)
        elif style.get('effect') == 'outline':
            lh = max(lh, round(px * 1.5))
        lines = [ln for ln in lines if ln]
        if valign == 'bottom':
            y = y - lh * len(lines)
        for li, line in enumerate(lines):
            specs = [s for s in (line if isinstance(line, list) else [line]) if s]
            sizes = [self.c.measure(s['words'], s.get('font', fname), s.get('size', size), {**style, **s.get('style', {})})
                     for s in specs]
            g = round(px * gap)
            total = sum(w for w, _ in sizes) + g * (len(specs) - 1)
            cx = x - total if align == 'right' else x - total / 2 if align == 'center' else x
            for s, (w, _) in zip(specs, sizes):
                self.c.draw(cx, y + li * lh, s['cls'], s['kind'], s['words'], s.get('font', fname), s.get('size', size),
                            s.get('colour', colour), {**style, **s.get('style', {})}, where)
                cx += w + g

    def item(self, x, y, spec, fname, size, colour, style=None, where='free', align='left'):
        style = {**(style or {}), **spec.get('style', {})}
        w, h = self.c.measure(spec['words'], fname, size, style)
        if align == 'right':
            x -= w
        elif align == 'center':
            x -= w / 2
        return self.c.draw(x, y, spec['cls'], spec['kind'], spec['words'], fname, size, colour, style, where)


# ---------------------------------------------------------------------------------------------- backgrounds

def blur(a, r):
    img = Image.fromarray(np.clip(a * 255, 0, 255).astype(np.uint8))
    return np.asarray(img.filter(ImageFilter.GaussianBlur(r)), dtype=np.float32) / 255.0


def noise(rng, h, w, r=2.0, amp=1.0):
    nr = np.random.default_rng(rng.randrange(1 << 30))
    return blur(nr.random((h, w)).astype(np.float32) * amp, r)


def grey(a):
    return np.repeat(a[..., None], 3, axis=2)


def ellipse(h, w, cy, cx, ry, rx):
    yy, xx = np.mgrid[0:h, 0:w]
    return (((yy - cy) / ry) ** 2 + ((xx - cx) / rx) ** 2) <= 1.0


def sector(h, w, apex_y, r0, r1, half_angle):
    yy, xx = np.mgrid[0:h, 0:w]
    dy, dx = yy - apex_y, xx - w / 2
    r = np.hypot(dy, dx)
    ang = np.abs(np.arctan2(dx, dy))
    return (r >= r0) & (r <= r1) & (ang <= half_angle)


def us_image(rng, h, w, linear=False, top=60):
    sp = noise(rng, h, w, 1.0) * 0.9 + noise(rng, h, w, 6) * 0.6
    sp = np.clip((sp - 0.45) * 1.6, 0, 1) * 0.75
    if linear:
        m = np.zeros((h, w), bool)
        m[top:h - 40, w // 2 - 200:w // 2 + 200] = True
    else:
        m = sector(h, w, top - 30, 30, h - 50, 0.62)
    img = np.where(m, sp, 0.0)
    # a dark lesion / vessel
    cy, cx = rng.randrange(h // 3, 2 * h // 3), w // 2 + rng.randrange(-60, 60)
    img[ellipse(h, w, cy, cx, rng.randrange(18, 40), rng.randrange(25, 60))] *= 0.15
    return img, m


# ---------------------------------------------------------------------------------------------- screens
# Each returns (Screen, modality, sop class, photometric kind). `phi` False draws only harmless text.

SC = '1.2.840.10008.5.1.4.1.1.7'


def fonts(rng, pool):
    return rng.choice(pool)


def scr_nm_wholebody(rng, ident, lang, phi):
    h, w = 1024, 640
    img = np.zeros((h, w), np.float32)
    for cx in (w // 4 + 10, 3 * w // 4 - 10):
        body = (ellipse(h, w, 130, cx, 45, 36) | ellipse(h, w, 420, cx, 240, 90) | ellipse(h, w, 800, cx - 40, 200, 32)
                | ellipse(h, w, 800, cx + 40, 200, 32) | ellipse(h, w, 380, cx - 120, 170, 18) | ellipse(h, w, 380, cx + 120, 170, 18))
        img += body * (0.25 + noise(rng, h, w, 1.5) * 0.5)
        for _ in range(5):  # hot spots
            img[ellipse(h, w, rng.randrange(250, 700), cx + rng.randrange(-70, 70), 9, 9)] = 0.95
    img = np.clip(img, 0, 1)
    S = Screen(rng, ident, lang, grey(img))
    f = fonts(rng, ['helvB', 'Arimo Bold', 'Cousine'])
    s = rng.choice([12, 14, 17])
    col = (1, 1, 1)
    S.block(w // 4 + 10, 8, [H('view', 'ANT')], f, s, col, align='center', where='top-centre')
    S.block(3 * w // 4 - 10, 8, [H('view', 'POST')], f, s, col, align='center', where='top-centre')
    left = [S.name(cut=24), S.pid(), S.dob()] if phi else []
    S.block(6, 34, left + [H('isotope', rng.choice(['Tc-99m HDP 690 MBq', 'Tc99m MDP  740 MBq'])),
                           H('rate', rng.choice(['Scan speed 12 cm/min', 'Speed: 14 cm/min'])),
                           H('counts', rng.choice(['Ant 1.84 Mcts', 'Total 2.31M counts']))], f, s - 2 if s > 12 else s, col,
            where='top-left')
    right = [S.study_date(), S.inst(short=True), S.acc(), S.prior()] if phi else []
    S.block(w - 6, 34, right + [H('time', rng.choice(['Delay 3h05', 'p.i. 3:10 h'])), H('matrix', '256 x 1024')], f,
            s - 2 if s > 12 else s, col, align='right', where='top-right')
    S.block(w // 2, h - 8, [H('title', rng.choice(['WHOLE BODY BONE SCAN', 'Scintigraphie osseuse corps entier' if lang == 'fr' else 'Whole Body Bone']))],
            'Lato Bold', 16, (1, 1, 0.6), align='center', valign='bottom', where='bottom-centre')
    S.block(6, h - 8, [H('counts', 'Max 412 cts/px'), H('rate', 'Cnt rate 18.6 kcps')], 'lutRS', 10, (0.8, 0.8, 0.8),
            valign='bottom', where='bottom-left')
    if phi:
        S.block(w - 6, h - 8, [S.staff('op', 'op')], 'lutRS', 11, (0.8, 0.8, 0.8), align='right', valign='bottom', where='bottom-right')
    return S, 'NM', '1.2.840.10008.5.1.4.1.1.20', 'mono16'


def scr_spect_summary(rng, ident, lang, phi):
    h, w = 600, 800
    img = np.full((h, w, 3), 0.06, np.float32)
    for k, cx in enumerate((150, 400, 650)):
        m = ellipse(h, w, 300, cx, 90, 90)
        r = noise(rng, h, w, 5)
        img[m] = np.stack([np.clip(r * 2, 0, 1), np.clip(r * 1.2 - 0.1, 0, 1), np.clip(0.6 - r, 0, 1)], -1)[m]
    S = Screen(rng, ident, lang, img)
    f = rng.choice(['Lato', 'Arimo', 'Tinos'])
    S.block(w // 2, 8, [H('title', rng.choice(['Myocardial Perfusion SPECT - Summary', 'MPI Stress/Rest Summary']))],
            f + (' Bold' if f != 'Tinos' else ''), 20, (1, 1, 1), align='center', where='top-centre', style={'smallcaps': True})
    if phi:
        S.block(10, 40, [[S.name(), S.pid()], [S.dob(), S.age()], [S.study_date(), S.staff('ref', 'ref')]], f, 13, (0.9, 0.9, 0.9),
                where='top-left', gap=2.0)
    for cx, t in zip((150, 400, 650), ('Stress', 'Rest', 'Reversibility')):
        S.block(cx, 190, [H('label', t)], f, 14, (1, 1, 0.5), align='center', where='panel')
    tab = [[H('score', 'SSS 9'), H('score', 'SRS 2'), H('score', 'SDS 7')],
           [H('volume', 'EDV 112 ml'), H('volume', 'ESV 48 ml'), H('ef', 'LVEF 57%')],
           [H('ecg', 'HR 128 bpm'), H('dose', 'Tc-99m 1110 MBq'), H('ecg', 'TID 1.08')],
           [H('ecg', 'ECG 25 mm/s'), H('ecg', '8 gates'), H('score', 'Summed %: 13')]]
    S.block(60, 420, tab, 'Arimo', 14, (0.7, 1, 0.7), where='table', gap=3.0, spacing=1.5, style={'cond': 0.8})
    foot = [S.inst(), S.staff('perf', 'perf'), S.other_person('Stress supervised by'), S.email()] if phi else []
    S.block(10, h - 6, foot + [H('software', 'QPS/QGS 2021.1 build 3314')], f, 11, (0.75, 0.75, 0.75), valign='bottom',
            where='bottom-left')
    return S, 'NM', SC, 'rgb8'


def scr_fundus(rng, ident, lang, phi):
    h, w = 576, 768
    img = np.zeros((h, w, 3), np.float32)
    m = ellipse(h, w, h // 2, w // 2, 250, 250)
    r = noise(rng, h, w, 8) * 0.5
    img[m] = np.stack([0.75 + r * 0.4, 0.32 + r * 0.3, 0.12 + r * 0.1], -1)[m]
    img[ellipse(h, w, h // 2 - 10, w // 2 + 110, 38, 34)] = (1.0, 0.9, 0.6)
    S = Screen(rng, ident, lang, np.clip(img, 0, 1))
    eye = rng.choice(['OD', 'OS', 'R', 'L'])
    f = rng.choice(['Hack', 'Lato Semibold', 'helvR'])
    S.block(10, 8, [H('view', eye), H('angle', '45°')] + ([S.name(), [S.dob(), S.age()]] if phi else []), f, 14, (1, 1, 1),
            where='top-left')
    S.block(w - 10, 8, ([S.study_date()] if phi else []) + [S.clock(), H('flash', 'Flash 50 Ws')], f, 14, (1, 1, 1),
            align='right', where='top-right')
    S.block(w - 10, h - 6, ([S.inst(short=True)] if phi else []) + [H('device', 'CR-2 AF  Ver 2.3.1')], f, 12,
            (0.8, 0.8, 0.8), align='right', valign='bottom', where='bottom-right')
    if phi:
        S.block(10, h - 6, [S.pid(), S.staff('op', 'op')], f, 12, (0.8, 0.8, 0.8), valign='bottom', where='bottom-left')
    return S, 'OP', '1.2.840.10008.5.1.4.1.1.77.1.5.1', 'rgb8'


def scr_visual_field(rng, ident, lang, phi):
    h, w = 880, 680
    img = np.full((h, w, 3), 0.97, np.float32)
    img[300:620, 180:500] = 0.97 - (noise(rng, 320, 320, 3) > 0.55)[..., None] * 0.5
    img[460, 180:500] = 0.2
    img[300:620, 340] = 0.2
    S = Screen(rng, ident, lang, img)
    f = rng.choice(['Arimo', 'Tinos', 'Lato'])
    ink = (0.05, 0.05, 0.08)
    S.block(w // 2, 12, [H('title', 'Central 24-2 Threshold Test')], f + ' Bold' if f != 'Lato' else 'Lato Heavy', 18, ink,
            align='center', where='top-centre')
    lines = []
    if phi:
        lines += [[S.name(label='Patient:'), S.pid(label='ID:')], [S.dob(label='DOB:'), S.study_date(label='Date:')]]
    lines += [[H('param', 'Fixation Monitor: Gaze/Blind Spot'), H('param', 'Stimulus: III, White')],
              [H('param', 'Fixation Target: Central'), H('param', 'Background: 31.5 ASB')],
              [H('param', 'Fixation Losses: 1/15'), H('param', 'Strategy: SITA-Standard')],
              [H('param', 'False POS Errors: 3%'), H('param', 'Pupil Diameter: 4.1 mm')],
              [H('param', 'False NEG Errors: 0%'), H('param', 'Visual Acuity: 20/25')],
              [H('param', 'Test Duration: 06:12'), H('param', 'RX: +1.25 DS  -0.50 DC X 95')]]
    S.block(24, 48, lines, f, 12, ink, where='form', gap=2.2, spacing=1.35, style={'aliased': rng.random() < 0.5})
    S.block(w - 24, 640, [H('index', 'GHT: Outside Normal Limits'), H('index', 'VFI 91%'), H('index', 'MD -4.37 dB P < 1%'),
                          H('index', 'PSD 5.02 dB P < 0.5%')], f, 13, ink, align='right', where='right-column')
    if phi:
        S.block(24, h - 10, [S.inst(), S.staff('op', 'op')], f, 10, ink, valign='bottom', where='bottom-left')
        S.block(w - 24, h - 10, [S.phone()], f, 11, ink, align='right', valign='bottom', where='bottom-right')
    return S, 'OPV', SC, 'rgb8'


def scr_epid(rng, ident, lang, phi):
    h, w = 512, 512
    img = 0.35 + noise(rng, h, w, 4) * 0.3
    img[110:400, 130:380] += 0.3
    img[ellipse(h, w, 250, 260, 120, 80)] -= 0.15
    S = Screen(rng, ident, lang, grey(np.clip(img, 0, 1)))
    f = rng.choice(['courB', 'Cousine Bold', 'JetBrains Mono'])
    col = (1, 1, 0.2)
    top = [S.name(), S.pid(), S.acc()] if phi else []
    S.block(6, 6, top + [H('field', rng.choice(['Field 3: RAO 30', 'Fld 2 LAO'])), H('energy', '6X  112 MU')], f, 12, col,
            style={'effect': 'shadow'}, where='top-left')
    S.block(w - 6, 6, [H('gantry', 'Gantry 180.0'), H('gantry', 'Coll 0.0'), H('table', 'Couch 0.0')], f, 12, col,
            style={'effect': 'shadow'}, align='right', where='top-right')
    S.block(6, h - 6, [H('ssd', 'SSD 92.4 cm'), H('field', 'X1 4.5 X2 5.0 Y1 6.0 Y2 6.0')] + ([S.study_date()] if phi else []),
            f, 12, col, style={'effect': 'shadow'}, valign='bottom', where='bottom-left')
    S.block(w - 6, h - 6, ([S.staff('op', 'op')] if phi else []) + [H('frac', 'Fx 4/25')], f, 12, col,
            style={'effect': 'shadow'}, align='right', valign='bottom', where='bottom-right')
    return S, 'RTIMAGE', '1.2.840.10008.5.1.4.1.1.481.1', 'mono16'


def scr_dsa(rng, ident, lang, phi, frames=3):
    h, w = 512, 512
    base = 0.55 + noise(rng, h, w, 3) * 0.2
    fr = []
    for k in range(frames):
        v = base.copy()
        yy = np.arange(h)[:, None]
        path = (np.abs(np.arange(w)[None, :] - (w // 2 + 60 * np.sin(yy / 70.0))) < 4) & (yy < 150 + 130 * k)
        v[path] = 0.1
        fr.append(grey(np.clip(v, 0, 1)))
    S = Screen(rng, ident, lang, np.stack(fr))
    f = rng.choice(['luRS', 'Lato', 'Arimo'])
    S.block(8, 8, ([S.name(), S.dob()] if phi else []) + [H('run', 'DSA 3 F/s'), H('run', 'Run 4 / 22 fr')], f, 12,
            (1, 1, 1), where='top-left', style={'effect': 'outline'})
    S.block(w - 8, 8, ([S.inst(short=True), S.study_date()] if phi else []) + [H('angle', 'LAO 32  CRA 18')], f, 12,
            (1, 1, 1), align='right', where='top-right', style={'effect': 'outline'})
    S.block(8, h - 8, [H('dose', 'DAP 14.8 Gy·cm²'), H('dose', 'Ka,r 212 mGy'), H('time', 'Fluoro 06:47')], f, 12,
            (1, 1, 1), valign='bottom', where='bottom-left', style={'effect': 'outline'})
    S.block(w - 8, h - 8, [H('kv', '78 kV  320 mA'), H('wl', 'W 255 C 128')] + ([S.staff('perf', 'perf')] if phi else []),
            f, 12, (1, 1, 1), align='right', valign='bottom', where='bottom-right', style={'effect': 'outline'})
    return S, 'XA', '1.2.840.10008.5.1.4.1.1.12.1', 'mono8'


def scr_us(rng, ident, lang, phi, kind, frames=1):
    h, w = 480, 640
    fr = []
    for k in range(frames):  # a clip: the speckle moves, the text stays
        img, m = us_image(rng, h, w, linear=kind != 'abdomen', top=72)
        rgbimg = grey(img)
        rgbimg[:60] = (0.12, 0.14, 0.2)
        fr.append(rgbimg)
    S = Screen(rng, ident, lang, np.stack(fr))
    f = rng.choice(['Arimo', 'Lato', 'Fira Code', 'helvR', 'Spleen'])
    s = rng.choice([11, 12, 14])
    al = {'aliased': rng.random() < 0.4}
    top = [[S.name(cut=26), S.age()], [S.pid(), S.acc()], [S.study_date(), S.clock(False)]] if phi else \
        [[H('title', 'Ultrasound')], [S.clock(False)]]
    S.block(6, 4, top, f, s, (1, 1, 1), where='top-bar', gap=1.6, spacing=1.2, style=al)
    if kind == 'breast':
        side = rng.choice(['RT', 'LT'])
        S.block(w - 8, 76, [H('body', f'{side} BREAST'), H('clock', f'{rng.choice([2, 10, 11, 1])}:00'),
                            H('distance', f'{rng.choice([3, 4, 6])} CM FN'), H('view', rng.choice(['RAD', 'ARAD', 'TRANS']))],
                f, s, (0.4, 1, 1), align='right', where='right-column')
        meas = [H('meas', '1  L 1.23 cm'), H('meas', '2  D 0.87 cm'), H('meas', 'BI-RADS 4A'), H('cad', 'CAD: 1 mark')]
    elif kind == 'thyroid':
        S.block(w - 8, 76, [H('body', rng.choice(['THYROID LT LOBE', 'Thyroïde lobe droit' if lang == 'fr' else 'THYROID RT LOBE'])),
                            H('view', rng.choice(['TRV', 'SAG LONG']))], f, s, (0.4, 1, 1), align='right', where='right-column')
        meas = [H('meas', 'D1 1.42 cm'), H('meas', 'D2 0.88 cm'), H('meas', 'D3 1.05 cm'), H('meas', 'Vol 0.69 ml'),
                H('doppler', 'PSV 18.4 cm/s  RI 0.62'), H('meas', 'TI-RADS TR3')]
    else:
        S.block(w - 8, 76, [H('body', rng.choice(['LIVER', 'RT KIDNEY', 'GB', 'Leber' if lang == 'de' else 'CBD'])),
                            H('view', rng.choice(['LONG', 'TRANS']))], f, s, (0.4, 1, 1), align='right', where='right-column')
        meas = [H('meas', 'Length 11.2 cm'), H('meas', 'CBD 4.1 mm'), H('meas', 'GB wall 2.4 mm'),
                H('doppler', 'PV 24 cm/s hepatopetal')]
    S.block(8, 76, [H('probe', rng.choice(['L12-5 11 MHz', 'C5-2 Abd', 'ML6-15 Br'])), H('mi', 'MI 1.1  TIs 0.4'),
                    H('gain', 'G 54  DR 66'), H('depth', 'D 4.5 cm'), H('fps', '24 Hz')], f, s, (0.9, 0.9, 0.9),
            where='left-column', spacing=1.3, style=al)
    S.block(8, h - 8, meas, f, s, (1, 1, 0.3), valign='bottom', where='bottom-left',
            style={'band': ((0.0, 0.0, 0.0), 0.6)} if rng.random() < 0.5 else None)
    if phi:
        S.block(w - 8, h - 8, [S.inst(short=True), S.staff('op', 'op'), S.staff('ref', 'ref')], f, s, (0.9, 0.9, 0.9), align='right',
                valign='bottom', where='bottom-right')
    if phi and rng.random() < 0.5:
        S.item(w - 18, 150, S.dob(), 'Arimo', 12, (0.85, 0.85, 0.85), style={'rot': 3}, where='right-edge-rot90')
    return S, 'US', '1.2.840.10008.5.1.4.1.1.6.1', 'rgb8' if rng.random() < 0.6 else 'mono8'


def scr_path_label(rng, ident, lang, phi):
    h, w = 420, 680
    img = np.zeros((h, w, 3), np.float32)
    img[:] = (0.8, 0.82, 0.85)
    img[30:390, 20:660] = (0.96, 0.96, 0.95)
    t = noise(rng, h, w, 6)
    tissue = ellipse(h, w, 210, 480, 110, 140) & (t > 0.35)
    img[tissue] = np.stack([0.85 - t * 0.2, 0.45 + t * 0.2, 0.7 + t * 0.1], -1)[tissue]
    img[40:380, 30:300] = (1.0, 1.0, 1.0)
    S = Screen(rng, ident, lang, img)
    f = rng.choice(['Courier Prime Bold', 'Cousine', 'Hack'])
    ink = (0.05, 0.05, 0.1)
    lines = [S.acc(label=rng.choice(['', 'Case'])), H('block', rng.choice(['A3  H&E', 'B1 PAS', 'A2 H&E lev 2'])), H('stain', 'Slide 2 of 4')]
    if phi:
        lines += [S.name(label='', cut=22), S.dob(label=''), S.inst(short=True)]
    S.block(40, 52, lines, f, 16, ink, where='label', spacing=1.3, style={'caps': rng.random() < 0.5})
    for k in range(10):  # barcode
        x = 40 + k * 9
        S.c.rgb[:, 320:360, x:x + 4 + (k % 3)] = 0.05
    S.c.rgb[:, h - 34:h - 31, w - 130:w - 30] = 0.05  # scale bar
    S.block(w - 30, h - 40, [H('scale', '2 mm'), H('mag', '1x')], 'Arimo', 12, ink, align='right', valign='bottom', where='bottom-right')
    return S, 'SM', '1.2.840.10008.5.1.4.1.1.77.1.4', 'rgb8'


def scr_carm(rng, ident, lang, phi):
    h, w = 768, 768
    img = np.zeros((h, w), np.float32)
    m = ellipse(h, w, h // 2, w // 2, 350, 350)
    bone = ellipse(h, w, h // 2, w // 2 - 40, 300, 45) | ellipse(h, w, h // 2 + 40, w // 2 + 60, 260, 30)
    img[m] = (0.75 + noise(rng, h, w, 3) * 0.2)[m]
    img[bone & m] = 0.35
    img[300:310, 200:560] = 0.05  # a plate
    S = Screen(rng, ident, lang, grey(img))
    f = rng.choice(['Lato Bold', 'helvB', 'Arimo Bold'])
    S.block(10, 10, ([S.name(), S.pid()] if phi else []) + [H('time', rng.choice(['Fluoro 00:48', 'Durchl. 00:48' if lang == 'de' else 'Fluoro 01:12']))],
            f, 14, (1, 1, 1), where='top-left')
    S.block(w - 10, 10, [H('kv', '72 kV  2.1 mA'), H('dose', 'DAP 0.82 Gy·cm²'), H('mode', 'Pulsed 8 p/s'),
                         H('table', 'Tbl 112.5 / -34.0 mm')], f, 14,
            (1, 1, 1), align='right', where='top-right')
    S.item(w // 2 + 200, 180, H('marker', 'R'), 'Lato Heavy', 24, (1, 1, 1), style={'effect': 'outline'}, where='over-anatomy')
    S.block(10, h - 10, ([S.other_person({'de': 'Operateur:', 'in': 'Surgeon :'}.get(lang, 'Surgeon:')), S.staff('perf', 'perf'),
                          [S.study_date(), S.clock()]] if phi else [S.clock()]), f, 14, (1, 1, 1),
            valign='bottom', where='bottom-left')
    S.block(w - 10, h - 10, [H('proc', rng.choice(['ORIF Radius dist.', 'DHS hip', 'Hüft-TEP' if lang == 'de' else 'IM nail tibia'])),
                             H('frame', 'Img 12')], f, 14, (1, 1, 1), align='right', valign='bottom', where='bottom-right')
    return S, 'RF', '1.2.840.10008.5.1.4.1.1.12.2', 'mono8'


def scr_video(rng, ident, lang, phi):
    h, w = 576, 720
    r = noise(rng, h, w, 10)
    img = np.stack([0.55 + r * 0.4, 0.25 + r * 0.3, 0.22 + r * 0.2], -1)
    S = Screen(rng, ident, lang, np.clip(img, 0, 1))
    f = rng.choice(['Spleen', 'courB', 'Fira Code Medium'])
    col = (1, 1, 1)
    st = {'effect': 'shadow'}
    S.block(w - 16, 14, ([S.study_date(fmt=rng.choice(['dmy_upper', 'uk', 'iso']))] if phi else []) + [S.clock()], f, 16,
            col, style=st, align='right', where='top-right')
    S.block(16, 14, [H('rec', 'REC ●' if rng.random() < 0.3 else 'REC'), H('ch', 'CH1')], f, 16, (1, 0.9, 0.35), style=st, where='top-left')
    if phi:
        S.block(16, h - 12, [S.name(label=''), S.pid(label='')], f, 16, col, style=st, valign='bottom', where='bottom-left')
    S.block(w - 16, h - 12, [H('scope', rng.choice(['GIF-HQ190', 'CF-HQ190L'])), H('mode', 'NBI  Enh A5')], f, 16, col,
            style=st, align='right', valign='bottom', where='bottom-right')
    return S, 'ES', '1.2.840.10008.5.1.4.1.1.77.1.1', 'rgb8'


def scr_bone_age(rng, ident, lang, phi):
    h, w = 1000, 800
    img = np.full((h, w), 0.1, np.float32)
    img[ellipse(h, w, 780, 400, 200, 180)] = 0.45
    for k, (cx, ln) in enumerate(((220, 330), (320, 420), (410, 450), (500, 410), (590, 300))):
        img[ellipse(h, w, 620 - ln // 2, cx, ln // 2, 32)] = 0.45
        img[ellipse(h, w, 620 - ln // 2, cx, ln // 2 - 20, 14)] = 0.8
    img += noise(rng, h, w, 2) * 0.08
    S = Screen(rng, ident, lang, grey(np.clip(img, 0, 1)))
    f = rng.choice(['Tinos Bold', 'ncenR', 'Lato'])
    S.item(w - 90, 70, H('marker', 'L'), 'Arimo Bold', 24, (0, 0, 0), style={'band': ((1, 1, 1), 1.0), 'bandpad': 4, 'inverse': True},
           where='marker-inverse')
    top = [S.name(), S.dob(), S.pid()] if phi else []
    S.block(12, 12, top + [H('view', 'Hand PA')], f, 17, (1, 1, 1), where='top-left')
    S.block(12, h - 12, [H('method', 'Greulich & Pyle'), H('age', 'Bone age 11 y 6 m'), H('age', 'Chron. age 10 y 9 m'),
                         H('sd', 'SD 10.6 m'), H('sd', 'SDS +0.7 (76th pct)')], f, 14, (0.95, 0.95, 0.7), valign='bottom',
            where='bottom-left')
    if phi:
        S.block(w - 12, h - 12, [S.study_date(), S.staff('perf', 'perf')], f, 14, (0.95, 0.95, 0.95), align='right', valign='bottom',
                where='bottom-right')
    S.block(w - 12, 140, [H('exposure', '55 kV  2.5 mAs'), H('ei', 'EI 1240')], f, 12, (0.8, 0.8, 0.8), align='right', where='right')
    S.item(8, 420, H('view', 'LEFT HAND PA'), 'Arimo', 13, (0.85, 0.85, 0.85), style={'rot': 1, 'track': 1}, where='left-edge-rot90')
    return S, 'DX', '1.2.840.10008.5.1.4.1.1.1.1', 'mono16'


def scr_pacs(rng, ident, lang, phi, others):
    h, w = 640, 1024
    img = np.full((h, w, 3), 0.16, np.float32)
    img[:30] = (0.1, 0.2, 0.35)
    img[60:400, :] = 0.2
    for k in range(7):
        img[60 + k * 40, :] = 0.35
    img[420:, 560:] = 0.95
    S = Screen(rng, ident, lang, img)
    f = rng.choice(['Lato', 'Arimo', 'Cousine'])
    S.block(10, 7, [[H('ui', 'Study List'), H('ui', 'Viewer'), H('ui', 'Reports')]], f, 13, (1, 1, 1), where='menu', gap=2.5)
    cols = [12, 270, 420, 560, 660, 860]
    S.block(cols[0], 40, [H('ui', 'Patient Name')], f, 12, (0.7, 0.8, 1), where='grid-head')
    for x, t in zip(cols[1:], ['Patient ID', 'DOB', 'Mod', 'Description', 'Study Date']):
        S.block(x, 40, [H('ui', t)], f, 12, (0.7, 0.8, 1), where='grid-head')
    rows = ([ident] if phi else []) + others
    for k, o in enumerate(rows[:6]):
        y = 70 + k * 40
        Sx = Screen(rng, o, lang, np.zeros((1, 1, 3)))
        Sx.c = S.c
        kind_sfx = '' if k == 0 and phi else '-other'
        items = [Sx.name(label=''), Sx.pid(label=''), Sx.dob(label='', fmt='iso'), H('modality', rng.choice(['CT', 'MR', 'US', 'CR', 'NM'])),
                 H('desc', rng.choice(['CT CHEST W/O', 'MR KNEE RT', 'US ABDOMEN', 'XR CHEST 2V', 'NM BONE WB'])),
                 Sx.study_date(label='', fmt='iso')]
        for x, it in zip(cols, items):
            if it['cls'] == 'phi':
                it['kind'] += kind_sfx
            S.item(x, y, it, f, 12, (0.95, 0.95, 0.95), where='grid')
    ink = (0.05, 0.05, 0.05)
    rep = [H('report', 'FINDINGS:'), H('report', 'No focal consolidation.'), H('report', 'Heart size normal.'),
           H('report', 'IMPRESSION: No acute process.')]
    if phi:
        rep += [S.staff('perf', 'perf'), S.other_person(rng.choice(['Dictated by', 'cc:', 'Resident:'])), S.email()]
    S.block(575, 430, rep, 'Tinos', 13, ink, where='report-pane', spacing=1.3)
    S.block(10, h - 8, [H('software', 'WebView 7.4.2 (c)'), H('ui', '6 studies')], 'helvR', 8, (0.7, 0.7, 0.7), valign='bottom',
            where='status')
    return S, 'OT', SC, 'rgb8'


def scr_vet(rng, ident, lang, phi):
    h, w = 720, 900
    img = 0.08 + noise(rng, h, w, 4) * 0.1
    img[ellipse(h, w, 380, 450, 180, 330)] += 0.35
    img[ellipse(h, w, 380, 450, 30, 300)] += 0.25
    S = Screen(rng, ident, lang, grey(np.clip(img, 0, 1)))
    f = rng.choice(['Lato Bold', 'Arimo', 'helvB'])
    band = {'band': ((0.85, 0.85, 0.85), 1.0), 'bandpad': 4, 'inverse': True}
    if phi:
        S.block(14, 14, [P('name', 'Patient:', [(ident['giv'].split()[0], 'phi')]),
                         P('owner', rng.choice(['Owner:', 'Client:', 'Propriétaire :' if lang == 'fr' else 'Owner']),
                           name_words(name_text(rng, ident['fam'], ident['owner'], 'gf'))),
                         S.address(), S.phone(), S.pid(label='Chart #')], f, 13, (0, 0, 0), style=band, where='label-box',
                spacing=1.6)
    S.block(w - 14, 14, [H('species', 'Canine'), H('breed', rng.choice(['Labrador Ret.', 'Border Collie', 'DSH Feline'])),
                         H('weight', '28.4 kg'), H('age', '9 y')], f, 13, (1, 1, 1), align='right', where='top-right')
    S.block(14, h - 12, [H('view', 'LAT THORAX'), H('exposure', '70 kV 8 mAs')] + ([S.inst(short=True), S.study_date()] if phi else []),
            f, 13, (1, 1, 1), valign='bottom', where='bottom-left')
    return S, 'CR', '1.2.840.10008.5.1.4.1.1.1', 'mono8'


def scr_capsule(rng, ident, lang, phi):
    h, w = 576, 576
    r = noise(rng, h, w, 7)
    img = np.zeros((h, w, 3), np.float32)
    m = ellipse(h, w, 300, 288, 250, 250)
    img[m] = np.stack([0.8 + r * 0.2, 0.55 + r * 0.3, 0.3 + r * 0.2], -1)[m]
    S = Screen(rng, ident, lang, np.clip(img, 0, 1))
    f = rng.choice(['JetBrains Mono', 'lutRS', 'Hack'])
    if phi:
        S.block(8, 6, [S.name(label=''), S.dob(label='')], f, 10, (1, 1, 1), where='top-left')
    S.block(w - 8, 6, [H('time', rng.choice(['SB 03:12:45', '03:12:45'])), H('frame', 'Fr 41237')], f, 12, (1, 1, 1),
            align='right', where='top-right')
    S.block(w - 8, h - 6, [H('rate', '2 fps'), H('device', 'SB3  v8.0')], 'Lato', 9, (1, 1, 1), align='right', valign='bottom',
            where='bottom-right')
    return S, 'ES', '1.2.840.10008.5.1.4.1.1.77.1.1', 'rgb8'


def scr_mr_spine(rng, ident, lang, phi):
    h, w = 512, 512
    img = noise(rng, h, w, 3) * 0.25
    for k in range(7):
        img[ellipse(h, w, 90 + k * 52, 250, 20, 34)] += 0.55
    img[:, 290:305] += 0.35  # canal
    S = Screen(rng, ident, lang, grey(np.clip(img, 0, 1)))
    f = rng.choice(['Arimo', 'Lato', 'luRS', 'Cousine'])
    col = (1, 1, 1)
    for k, lab in enumerate(['L1', 'L2', 'L3', 'L4', 'L5', 'S1']):
        S.item(190, 105 + k * 52, H('level', lab), f, 12, (1, 1, 0.3), where='over-anatomy', align='right')
    for k in range(3):  # localiser lines
        S.c.rgb[:, 140 + k * 52, 320:470] = (0.3, 1.0, 0.3)
        S.item(474, 133 + k * 52, H('loc', str(k + 6)), f, 11, (0.3, 1.0, 0.3), where='localiser')
    S.block(6, 6, ([S.name(), S.age(), S.study_date()] if phi else []) + [H('seq', 'T2 TSE SAG')], f, 12, col, where='top-left')
    S.block(w - 6, 6, ([S.inst(short=True), S.acc()] if phi else []) + [H('series', 'Se 4  Im 8/15')], f, 12, col, align='right',
            style={'aliased': True},
            where='top-right')
    S.block(6, h - 6, [H('tr', 'TR 3200  TE 96'), H('fov', 'FOV 300x300'), H('thk', '4.0 mm / 0.4 sp')], f, 11, col,
            valign='bottom', where='bottom-left')
    S.block(w - 6, h - 6, [H('wl', 'WW 1840  WL 920'), H('zoom', 'Zoom 1.35')] + ([S.staff('op', 'op')] if phi else []),
            f, 11, col, align='right', valign='bottom', where='bottom-right')
    S.item(4, 250, H('orient', 'A'), f, 14, col, where='left-edge')
    S.item(w - 4, 250, H('orient', 'P'), f, 14, col, where='right-edge', align='right')
    return S, 'MR', '1.2.840.10008.5.1.4.1.1.4', 'mono16'


def scr_requisition(rng, ident, lang, phi):
    h, w = 1000, 760
    img = np.full((h, w, 3), 0.95, np.float32) + noise(rng, h, w, 1)[..., None] * 0.04
    for k in range(14):
        img[150 + k * 48, 30:730] = 0.55
    S = Screen(rng, ident, lang, np.clip(img, 0, 1))
    f = rng.choice(['Courier Prime', 'Tinos', 'Cousine'])
    ink = (0.08, 0.08, 0.2)
    S.block(w // 2, 30, [H('title', {'fr': 'DEMANDE D\'EXAMEN D\'IMAGERIE', 'it': 'RICHIESTA DI ESAME RADIOLOGICO',
                                     'de': 'RADIOLOGISCHE ANFORDERUNG', 'cs': 'ŽÁDANKA O RADIOLOGICKÉ VYŠETŘENÍ'}.get(lang, 'IMAGING REQUEST FORM'))],
            'Tinos Bold', 20, ink, align='center', where='top-centre', style={'track': 1})
    rows = [S.name(), S.dob(), S.pid(), S.address(), S.phone(), S.email(), S.staff('ref', 'ref'), S.prior(),
            H('exam', {'fr': 'Examen : IRM genou droit', 'it': 'Esame: RM ginocchio dx', 'de': 'Untersuchung: MRT Knie re.',
                       'cs': 'Vyšetření: MR kolene vpravo'}.get(lang, 'Examination: MRI right knee')),
            H('clin', {'fr': 'Renseignements : gonalgie, blocage', 'it': 'Quesito: gonalgia, blocco articolare',
                       'de': 'Fragestellung: Meniskusläsion?', 'cs': 'Dg.: M23.2 léze menisku'}.get(lang, 'Clinical details: locking, ? meniscal tear')),
            H('urgency', {'fr': 'Urgence : non', 'it': 'Priorità: ordinaria', 'de': 'Dringlichkeit: normal', 'cs': 'Priorita: běžná'}.get(lang, 'Urgency: routine')),
            H('allergy', {'fr': 'Allergie iode : non', 'it': 'Allergie: nessuna', 'de': 'KM-Allergie: nein', 'cs': 'Alergie: neguje'}.get(lang, 'Contrast allergy: none'))]
    for k, it in enumerate(rows):
        S.item(40, 122 + k * 48, it, f, 15, ink, where='form-field')
    S.block(w - 40, h - 40, [H('form', 'Form RAD-07 rev 3')], f, 11, ink, align='right', valign='bottom', where='bottom-right')
    return S, 'OT', SC, 'rgb8'


SCREENS = {
    'nm-wholebody': scr_nm_wholebody, 'spect-summary': scr_spect_summary, 'fundus': scr_fundus,
    'visual-field': scr_visual_field, 'epid': scr_epid, 'dsa': scr_dsa,
    'us-breast': lambda r, i, l, p: scr_us(r, i, l, p, 'breast'),
    'us-breast-clip': lambda r, i, l, p: scr_us(r, i, l, p, 'breast', frames=2), 'us-thyroid': lambda r, i, l, p: scr_us(r, i, l, p, 'thyroid'),
    'us-abdomen': lambda r, i, l, p: scr_us(r, i, l, p, 'abdomen'), 'path-label': scr_path_label, 'c-arm': scr_carm,
    'video-capture': scr_video, 'bone-age': scr_bone_age, 'pacs-list': None, 'vet-label': scr_vet,
    'capsule': scr_capsule, 'mr-spine': scr_mr_spine, 'requisition': scr_requisition,
}

# (screen, screen language, transfer syntax, phi drawn?)
PLAN = [
    ('nm-wholebody', 'fr', 'explicit', True), ('spect-summary', 'us', 'rle', True), ('fundus', 'it', 'jpeg-baseline', True),
    ('visual-field', 'gb', 'explicit', True), ('epid', 'de', 'implicit', True), ('dsa', 'cs', 'explicit', True),
    ('us-breast', 'au', 'jpeg-ls', True), ('us-thyroid', 'in', 'rle', True), ('us-abdomen', 'no', 'explicit', True),
    ('path-label', 'us', 'jpeg-lossless', True), ('c-arm', 'de', 'big', True), ('video-capture', 'fr', 'jpeg-baseline', True),
    ('bone-age', 'gb', 'jpeg-ls', True), ('pacs-list', 'us', 'explicit', True), ('vet-label', 'au', 'implicit', True),
    ('capsule', 'it', 'rle', True), ('mr-spine', 'cs', 'explicit', True), ('requisition', 'fr', 'explicit', True),
    ('nm-wholebody', 'no', 'jpeg-lossless', True), ('spect-summary', 'in', 'explicit', True), ('fundus', 'de', 'explicit', True),
    ('visual-field', 'us', 'rle', True), ('epid', 'au', 'explicit', True), ('dsa', 'it', 'rle', True),
    ('us-breast-clip', 'fr', 'explicit', True), ('us-thyroid', 'cs', 'jpeg-baseline', True), ('us-abdomen', 'gb', 'implicit', True),
    ('path-label', 'de', 'explicit', True), ('c-arm', 'in', 'jpeg-ls', True), ('mr-spine', 'no', 'big', True),
    ('requisition', 'it', 'rle', True), ('pacs-list', 'gb', 'explicit', True), ('bone-age', 'us', 'explicit', True),
    ('video-capture', 'gb', 'jpeg-baseline', True),
    # no PHI drawn: pixel data must stay byte for byte
    ('dsa', 'de', 'explicit', False), ('us-thyroid', 'us', 'rle', False), ('epid', 'fr', 'jpeg-ls', False),
    ('capsule', 'no', 'implicit', False), ('nm-wholebody', 'gb', 'explicit', False), ('mr-spine', 'it', 'rle', False),
]

TS = {'explicit': '1.2.840.10008.1.2.1', 'implicit': '1.2.840.10008.1.2', 'big': '1.2.840.10008.1.2.2',
      'rle': '1.2.840.10008.1.2.5', 'jpeg-baseline': '1.2.840.10008.1.2.4.50', 'jpeg-lossless': '1.2.840.10008.1.2.4.70',
      'jpeg-ls': '1.2.840.10008.1.2.4.80'}

# ---------------------------------------------------------------------------------------------- identities


def make_identity(rng, idx):
    cult, fam, giv, sex, order = V.PATIENTS[idx % len(V.PATIENTS)]
    st = rng.sample(V.STAFF, 5)
    over = rng.random() < 0.3
    study = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(0, 700))
    age = rng.randrange(90, 101) if over else rng.randrange(3, 88)
    m, d = rng.randrange(1, 13), rng.randrange(1, 29)
    dob = dt.date(study.year - age - (1 if (m, d) > (study.month, study.day) else 0), m, d)
    inst, shorts = rng.choice(V.INSTITUTIONS)
    pid_style = rng.randrange(5)
    if pid_style == 0:
        pid = f'{rng.randrange(10**9, 10**10)}'
        pid_screen = f'{pid[:3]} {pid[3:6]} {pid[6:]}'  # NHS-style grouping on screen
    elif pid_style == 1:
        pid = f'{rng.choice("KMRTH")}{rng.randrange(10**6, 10**7)}'
        pid_screen = pid
    elif pid_style == 2:
        pid = f'{rng.choice(["MH", "UR", "ZL"])}{rng.randrange(20, 26)}-{rng.randrange(10**6, 10**7):07d}'
        pid_screen = pid
    else:
        pid = f'{rng.randrange(10**5, 10**8)}'
        pid_screen = pid
    t = dt.time(rng.randrange(7, 20), rng.randrange(60), rng.randrange(60))
    lang_phone = rng.choice(list(V.PHONES))
    first = V.fold(giv.split()[0]).lower().replace("'", '')
    return {
        'cult': cult, 'fam': fam, 'giv': giv, 'sex': sex, 'order': order, 'age': age, 'dob': dob, 'study': study,
        'time': t, 'pid': pid, 'pid_screen': pid_screen, 'acc': f'{rng.choice(["A", "RX", "", "ACC"])}{study.year % 100}{rng.randrange(10**5, 10**7)}',
        'inst': inst, 'inst_short': shorts, 'ref': st[0], 'perf': st[1], 'op': st[2], 'other': st[3],
        'prior': study - dt.timedelta(days=rng.randrange(40, 900)),
        'phone': rng.choice(V.PHONES[lang_phone]),
        'email': f'{first}.{V.fold(fam.split()[-1]).lower().replace(chr(39), "")}{rng.randrange(10, 99)}@{rng.choice(V.MAIL_HOSTS)}',
        'street': rng.choice(V.STREETS.get(lang_phone, V.STREETS['us'])), 'city': rng.choice(V.POSTCODES.get(lang_phone, V.POSTCODES['us'])),
        'owner': rng.choice(['Wilhelmina', 'Tomasz', 'Ngozi', 'Yusuf', 'Ingrid']),
    }


def pn(fam, giv):
    return f'{fam}^{giv}'


# ---------------------------------------------------------------------------------------------- DICOM


def uid(seed, *parts):
    h = hashlib.sha256(('|'.join(str(p) for p in (seed,) + parts)).encode()).hexdigest()
    return '2.25.' + str(int(h[:30], 16))


def to_pixels(frames_rgb, kind):
    f = np.clip(frames_rgb, 0, 1)
    if kind == 'rgb8':
        return np.round(f * 255).astype(np.uint8), 3, 8, 8
    lum = 0.299 * f[..., 0] + 0.587 * f[..., 1] + 0.114 * f[..., 2]
    if kind == 'mono8':
        return np.round(lum * 255).astype(np.uint8), 1, 8, 8
    return np.round(lum * 4095).astype(np.uint16), 1, 16, 12


def write_dicom(path, seed, idx, ident, modality, sop_class, kind, frames_rgb, transfer, screen):
    arr, spp, ba, bs = to_pixels(frames_rgb, kind)
    nf = arr.shape[0]
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = sop_class
    meta.MediaStorageSOPInstanceUID = uid(seed, idx, 'sop')
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    meta.ImplementationClassUID = '2.25.11223344556677889900'
    ds = Dataset()
    ds.file_meta = meta
    texts = [ident['fam'], ident['giv'], ident['inst']] + [a for p in ('ref', 'perf', 'op') for a in ident[p]]
    if any(ord(c) > 127 for t in texts for c in t):
        ds.SpecificCharacterSet = 'ISO_IR 192'
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.StudyInstanceUID = uid(seed, idx, 'study')
    ds.SeriesInstanceUID = uid(seed, idx, 'series')
    ds.StudyDate = ident['study'].strftime('%Y%m%d')
    ds.StudyTime = ident['time'].strftime('%H%M%S')
    ds.ContentDate = ds.StudyDate
    ds.AccessionNumber = ident['acc']
    ds.Modality = modality
    ds.Manufacturer = 'Heldout5 Imaging'
    ds.InstitutionName = ident['inst']
    ds.ReferringPhysicianName = pn(*ident['ref'])
    ds.PerformingPhysicianName = pn(*ident['perf'])
    ds.OperatorsName = pn(*ident['op'])
    ds.StudyDescription = screen.replace('-', ' ').upper()
    ds.PatientName = pn(ident['fam'], ident['giv']) if screen != 'vet-label' else pn(ident['fam'], ident['giv'].split()[0])
    if screen == 'vet-label':
        ds.ResponsiblePerson = pn(ident['fam'], ident['owner'])
        ds.ResponsiblePersonRole = 'OWNER'
    ds.PatientID = ident['pid']
    ds.PatientBirthDate = ident['dob'].strftime('%Y%m%d')
    ds.PatientSex = ident['sex']
    ds.PatientAge = f'{min(ident["age"], 999):03d}Y'
    ds.StudyID = str(idx + 1)
    ds.SeriesNumber = 1
    ds.InstanceNumber = 1
    ds.SamplesPerPixel = spp
    ds.PhotometricInterpretation = 'RGB' if spp == 3 else 'MONOCHROME2'
    if spp == 3:
        ds.PlanarConfiguration = 0
    ds.Rows, ds.Columns = arr.shape[1], arr.shape[2]
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = ba, bs, bs - 1, 0
    if nf > 1:
        ds.NumberOfFrames = nf
        ds.FrameIncrementPointer = pydicom.tag.Tag(0x0018, 0x1063)
        ds.FrameTime = 250
    ds.PixelData = (arr if nf > 1 else arr[0]).tobytes()
    ds['PixelData'].VR = 'OW' if ba > 8 else 'OB'
    ds.is_little_endian, ds.is_implicit_VR = True, False
    plain = path + '.plain'
    ds.save_as(plain, write_like_original=False)
    tool = {'explicit': None, 'implicit': ['dcmconv', '+ti'], 'big': ['dcmconv', '+tb'], 'rle': ['dcmcrle'],
            'jpeg-baseline': ['dcmcjpeg', '+eb', '+un'], 'jpeg-lossless': ['dcmcjpeg', '+e1', '+un'],
            'jpeg-ls': ['dcmcjpls', '+un']}[transfer]
    if transfer == 'jpeg-baseline' and ba > 8:
        tool = ['dcmcjpeg', '+e1', '+un']
        transfer = 'jpeg-lossless'
    if tool is None:
        os.replace(plain, path)
    else:
        subprocess.run(tool + [plain, path], check=True, capture_output=True)
        os.remove(plain)
    return transfer


# ---------------------------------------------------------------------------------------------- the set


def generate(out, seed=DEFAULT_SEED):
    os.makedirs(os.path.join(out, 'images'), exist_ok=True)
    files = []
    for idx, (screen, lang, transfer, phi) in enumerate(PLAN):
        rng = random.Random(f'{seed}-{idx}')
        ident = make_identity(rng, (idx * 7 + seed) % len(V.PATIENTS) if seed != DEFAULT_SEED else idx)
        if screen == 'pacs-list':
            others = [make_identity(random.Random(f'{seed}-{idx}-o{k}'), (idx + 5 + 3 * k) % len(V.PATIENTS)) for k in range(5)]
            S, modality, sop, kind = scr_pacs(rng, ident, lang, phi, others)
        else:
            S, modality, sop, kind = SCREENS[screen](rng, ident, lang, phi)
        name = f'images/f{idx:02d}.dcm'
        ts = write_dicom(os.path.join(out, name), seed, idx, ident, modality, sop, kind, S.c.rgb, transfer, screen)
        phi_drawn = any(it['cls'] == 'phi' for it in S.c.items)
        files.append({'index': idx, 'file': name, 'screen': screen, 'modality': modality, 'lang': lang,
                      'transfer': ts, 'phi_drawn': phi_drawn, 'frames': int(S.c.rgb.shape[0]),
                      'items': S.c.items, 'words': S.c.words, 'refused': S.c.refused})
    truth = {'seed': seed, 'files': files}
    with open(os.path.join(out, 'truth.json'), 'w') as fh:
        json.dump(truth, fh)
    return truth


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('out')
    ap.add_argument('--seed', type=int, default=DEFAULT_SEED)
    a = ap.parse_args()
    t = generate(a.out, a.seed)
    n_phi = sum(1 for f in t['files'] for it in f['items'] if it['cls'] == 'phi')
    n_h = sum(1 for f in t['files'] for it in f['items'] if it['cls'] == 'harmless')
    n_w = sum(1 for f in t['files'] for w in f['words'] if w['role'] == 'phi')
    print(f'{len(t["files"])} files, {n_phi} PHI items ({n_w} scored words), {n_h} harmless items -> {a.out}')


if __name__ == '__main__':
    main()
