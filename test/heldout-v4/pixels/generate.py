"""Generates the fourth held-out burned-in text set: 40 DICOM screens and truth.json (seeded, deterministic).

Usage: /usr/bin/python3 test/heldout-v4/pixels/generate.py <out dir> [--seed N]

Each screen has its own invented identity (vocab.py); the header holds the values the screen shows. Every drawn item
is a scoring unit (see the README): a PHI item is one value with its label, a harmless item one technical line or
cell. Items never share ink: an item whose ink (with its shadow or outline, grown by 1 px) would touch another's is
not drawn (nor recorded).
"""
from __future__ import annotations

import sys

sys.dont_write_bytecode = True

import argparse  # noqa: E402
import datetime as dt
import json
import os
import random
import re
import shutil
import subprocess
import tempfile

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import render  # noqa: E402
import vocab as V  # noqa: E402

UID_ROOT = '2.25.'
FONT_DIR = None  # where misc-fixed fonts are converted for Pillow (set by generate())
WHITE, GREY, YELLOW, GREEN, CYAN, ORANGE, BLACK = ((1, 1, 1), (.78, .78, .78), (1, .93, .35), (.45, 1, .45),
                                                   (.45, .9, 1), (1, .68, .25), (0, 0, 0))

# ---------------------------------------------------------------- items


def tokens_role(text, role):
    return [(t, role) for t in text.split()]


def is_punct(t):
    return not any(c.isalnum() for c in t)


def value_tokens(text, generic=V.GENERIC):
    """Words of a PHI value: generic ones (institution words, particles, titles) are not scored."""
    out = []
    for t in text.split():
        bare = t.strip(',;:()').lower()
        out.append((t, 'punct' if is_punct(t) else ('generic' if bare in generic else 'phi')))
    return out


def phi(kind, label, toks):
    words = (tokens_role(label, 'label') if label else []) + toks
    return dict(cls='phi', kind=kind, words=words)


def harm(kind, text):
    return dict(cls='harmless', kind=kind, words=tokens_role(text, 'harmless'))


# ---------------------------------------------------------------- identity forms


def name_tokens(p, form, rng, caps=False, maxlen=0):
    fam, giv = p['family'], p['given']
    particles = {w.lower() for w in p.get('particles', [])}
    initials = ''.join(g[0] + '.' for g in giv.replace('-', ' ').split())
    if form == 'FAM, Giv':
        s = f'{fam.upper()}, {giv}'
    elif form == 'FAM^GIV':
        s = f'{fam.upper()}^{giv.upper()}'
    elif form == 'Giv Fam':
        s = f'{giv} {fam}' if p['order'] == 'gf' else f'{fam} {giv}'
    elif form == 'G. Fam':
        s = f'{initials} {fam}'
    elif form == 'Fam, G.':
        s = f'{fam}, {initials}'
    elif form == 'FAM GIV':
        s = f'{fam.upper()} {giv.upper()}'
    elif form == 'Title Fam':
        s = f"{rng.choice(['Mrs', 'Mr.', 'Sra.', 'Dhr.', 'Pani', 'Bay'])} {fam}"
    elif form == 'cut':
        full = f'{fam.upper()}, {giv.upper()}'
        n = max(len(fam) + 4, len(full) - rng.randint(2, 5))
        s = full[:n].rstrip(' ,-')
        if len(s.split()[-1]) < 2:
            s = ' '.join(s.split()[:-1])
    else:
        raise ValueError(form)
    if maxlen and len(s) > maxlen:
        s = s[:maxlen].rstrip(' ,-^')
        if len(s.split()[-1]) < 2:
            s = ' '.join(s.split()[:-1]).rstrip(',')
    if caps:
        s = s.upper()
    out = []
    for t in s.split():
        out.extend(name_tokens_word(t, p))
    return out


def staff_tokens(p, rng):
    form = rng.choice(['Dr. Giv Fam', 'Dr Fam', 'Fam, Giv', 'G. Fam', 'FAM G', 'Giv Fam, MD'])
    fam, giv = p['family'], p['given']
    ini = ''.join(g[0] for g in giv.replace('-', ' ').split())
    s = {'Dr. Giv Fam': f'Dr. {giv} {fam}', 'Dr Fam': f'Dr {fam}', 'Fam, Giv': f'{fam}, {giv}',
         'G. Fam': f'{ini[0]}. {fam}', 'FAM G': f'{fam.upper()} {ini}', 'Giv Fam, MD': f'{giv} {fam}, MD'}[form]
    q = dict(p, particles=p.get('particles', []))
    toks = []
    for t in s.split():
        bare = t.strip(',;:').lower()
        if bare in {'dr', 'dr.', 'md'}:
            toks.append((t, 'generic'))
        else:
            toks.extend(name_tokens_word(t, q))
    return toks


TITLES = {'mrs', 'mr.', 'sra.', 'dhr.', 'pani', 'bay', 'dr', 'dr.', 'md'}


def name_tokens_word(t, p):
    """Role of one word of a shown name: particles and titles are not scored, nor initials (a letter or two alone
    identifies nobody), every other word (a partial one after a cut included) is."""
    bare = t.strip(',;:').lower()
    if is_punct(t):
        return [(t, 'punct')]
    if bare in {w.lower() for w in p.get('particles', [])} or bare in TITLES:
        return [(t, 'generic')]
    parts = {w.lower() for w in re.split(r"[\s^]+", p['family'] + ' ' + p['given'])}
    if bare not in parts and (re.fullmatch(r"([a-zà-ÿ]\.){1,3}", bare) or re.fullmatch(r"[a-zà-ÿ]{1,2}", bare)):
        return [(t, 'initial')]
    return [(t, 'phi')]


DATE_FORMS = ['d.m.Y', 'm/d/Y', 'd/m/Y', 'd/m/y', 'Y-m-d', 'Y/m/d', 'Ymd', 'd-MON-Y', 'dMonY', 'en', 'es', 'pt',
              'nl', 'pl', 'tr', 'it', 'd-m-Y', 'm/d/y']


def date_tokens(d, form, old):
    yr = 'phi' if old else 'year'
    mon3 = V.MONTHS['en'][d.month - 1][:3]
    single = {'d.m.Y': f'{d.day:02d}.{d.month:02d}.{d.year}', 'm/d/Y': f'{d.month:02d}/{d.day:02d}/{d.year}',
              'd/m/Y': f'{d.day:02d}/{d.month:02d}/{d.year}', 'd/m/y': f'{d.day:02d}/{d.month:02d}/{d.year % 100:02d}',
              'Y-m-d': d.isoformat(), 'Y/m/d': f'{d.year}/{d.month:02d}/{d.day:02d}', 'Ymd': d.strftime('%Y%m%d'),
              'd-MON-Y': f'{d.day:02d}-{mon3.upper()}-{d.year}', 'dMonY': f'{d.day:02d}{mon3}{d.year}',
              'd-m-Y': f'{d.day:02d}-{d.month:02d}-{d.year}', 'm/d/y': f'{d.month}/{d.day}/{d.year % 100:02d}'}
    if form in single:
        return [(single[form], 'phi')]
    m = V.MONTHS[form][d.month - 1]
    if form == 'en':
        return [(m[:3] + '.' if len(m) > 4 else m, 'phi'), (f'{d.day},', 'phi'), (str(d.year), yr)]
    if form in ('es', 'pt'):
        return [(str(d.day), 'phi'), ('de', 'generic'), (m, 'phi'), ('de', 'generic'), (str(d.year), yr)]
    return [(f'{d.day}' + ('.' if form == 'pl' else ''), 'phi'), (m, 'phi'), (str(d.year), yr)]


def shape(rng, pattern):
    return ''.join(rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ') if c == 'L' else str(rng.randint(0, 9)) if c == 'D' else c
                   for c in pattern)


def pn(p):
    return f"{p['family']}^{p['given']}"


def identity(rng, i, people, age_band):
    p = people[i]
    study = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randint(0, 1150))
    lo, hi = age_band
    age = rng.randint(lo, hi)
    dob = study - dt.timedelta(days=365 * age + rng.randint(20, 340))
    age = study.year - dob.year - ((study.month, study.day) < (dob.month, dob.day))
    staff = rng.sample(V.STAFF, 5)
    inst = rng.choice(V.INSTITUTIONS)
    return dict(p=p, study=study, dob=dob, age=age, old=age >= 90, pid=shape(rng, rng.choice(V.ID_SHAPES)),
                acc=shape(rng, rng.choice(V.ACC_SHAPES)), inst=inst, ref=staff[0], perf=staff[1], oper=staff[2],
                other=staff[3], other2=staff[4],
                time=f'{rng.randint(7, 19):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}',
                sex=rng.choice('FM'))


class Who:
    """The PHI items a screen can draw for its identity, in forms chosen by the screen's rng."""

    def __init__(self, ident, rng, caps=False):
        self.i, self.rng, self.caps = ident, rng, caps
        self.date_form = rng.choice(DATE_FORMS)

    def name(self, label=None, form=None):
        r = self.rng
        lab = r.choice(V.NAME_LABELS) if label is None else label
        form = form or r.choice(['FAM, Giv', 'FAM^GIV', 'Giv Fam', 'G. Fam', 'Fam, G.', 'FAM GIV', 'cut', 'Title Fam'])
        return phi('name', lab, name_tokens(self.i['p'], form, r, self.caps))

    def dob(self, label=None, form=None):
        lab = self.rng.choice(V.DOB_LABELS) if label is None else label
        return phi('birthdate', lab, date_tokens(self.i['dob'], form or self.rng.choice(DATE_FORMS), self.i['old']))

    def age(self, label=''):
        a = self.i['age']
        unit = self.rng.choice(V.AGE_UNITS)
        if a >= 90:
            if unit.startswith(' '):
                toks = [(str(a), 'phi'), (unit.strip(), 'generic')]
            else:
                toks = [((f'{a:03d}' if self.rng.random() < .5 else str(a)) + unit, 'phi')]
            return phi('age>89', label, toks)
        return harm('age<=89', (label + ' ' if label else '') + f'{a}{unit}')

    def pid(self, label=None):
        lab = self.rng.choice(V.ID_LABELS) if label is None else label
        return phi('id', lab, [(t, 'phi') for t in self.i['pid'].split()])

    def acc(self, label=None):
        lab = self.rng.choice(V.ACC_LABELS) if label is None else label
        return phi('accession', lab, [(self.i['acc'], 'phi')])

    def inst(self, full=False):
        s = self.i['inst']['full'] if full else self.rng.choice(self.i['inst']['short'])
        if self.caps:
            s = s.upper()
        return phi('institution', '', value_tokens(s))

    def staff(self, kind, who, labels):
        return phi(kind, self.rng.choice(labels), staff_tokens(self.i[who], self.rng))

    def ref(self):
        return self.staff('referring', 'ref', V.REF_LABELS)

    def perf(self):
        return self.staff('performing', 'perf', V.PERF_LABELS)

    def oper(self):
        return self.staff('operator', 'oper', V.OPER_LABELS)

    def date(self, label='', form=None):
        return phi('study-date', label, date_tokens(self.i['study'], form or self.date_form, False))

    def clock(self):
        return harm('clock', self.i['time'] if self.rng.random() < .6 else self.i['time'][:5])

    # PHI the header does not hold
    def other_name(self):
        return phi('other-name', self.rng.choice(V.ROLE_WORDS), staff_tokens(self.i['other'], self.rng))

    def phone(self):
        return phi('phone', self.rng.choice(['Tel:', 'Ph.', 'Contact', 'Mob.', '']), phone_tokens(self.rng.choice(V.PHONES)))

    def email(self):
        return phi('email', self.rng.choice(['E-mail:', 'email', '']), [(self.rng.choice(V.EMAILS), 'phi')])

    def prior(self):
        d = self.i['study'] - dt.timedelta(days=self.rng.randint(60, 900))
        return phi('prior-date', self.rng.choice(['Prior:', 'Prev. exam', 'Comparison', 'vs.', 'Anterior:']),
                   date_tokens(d, self.date_form, False))

    def address(self):
        street, city = self.rng.choice(V.STREETS)
        return (phi('address', 'Address:', [(t, 'generic' if t.lower().strip(',') in STREET_WORDS else 'phi')
                                             for t in street.split()]),
                phi('address', '', [(t, 'generic' if t.strip(',') in V.STATES else 'phi') for t in city.split()]))


# street-type words and a US state identify no place alone (Safe Harbor keeps states): not scored
STREET_WORDS = {'ul.', 'cad.', 'rua', 'das', 'calle', 'apt', 'plot', 'no:', 'lane', 'crescent', 'salai', 'cross'}


def phone_tokens(s):
    """A country code alone (+34, (+351)) identifies nobody; the other digit groups are scored, words not."""
    out = []
    for t in s.split():
        if re.fullmatch(r'\(?\+\d{1,3}\)?', t):
            out.append((t, 'generic'))
        elif any(c.isdigit() for c in t):
            out.append((t, 'phi'))
        else:
            out.append((t, 'label'))
    return out


# ---------------------------------------------------------------- screen canvas


class Screen:
    def __init__(self, h, w, frames, workdir, grey=False):
        self.h, self.w, self.frames, self.workdir, self.grey = h, w, frames, workdir or FONT_DIR, grey
        self.px = np.zeros((frames, h, w, 3))
        self.foot = np.zeros((h, w), dtype=bool)
        self.items, self.words = [], []
        self.refused = 0  # items not drawn: they would not fit or would touch another item's ink

    def band(self, x0, y0, x1, y1, colour, alpha=1.0):
        x0, y0, x1, y1 = max(0, x0), max(0, y0), min(self.w, x1), min(self.h, y1)
        c = np.array(colour, dtype=np.float64)
        self.px[:, y0:y1, x0:x1] = self.px[:, y0:y1, x0:x1] * (1 - alpha) + c * alpha

    def text(self, item, x, y, st, align='l', rot=0, where=''):
        """Draws an item at (x, y) (its box's top-left; right edge when align='r', centre when 'c'); returns its
        (width, height) or None when it would not fit or would touch another item's ink."""
        font = render.load(st['font'], st['size'], self.workdir)
        words = []
        for t, _ in item['words']:
            t = ''.join(c if c == 'µ' else c.upper() for c in t) if st.get('caps') else t  # µ has no capital here
            words.append(render.fold(t, 0x17F if st['font'] in render.ACCENTS_OK else 0xFF))
        aliased = st.get('aliased', False) or render.is_bitmap(st['font'])
        layers, _, _ = render.render_item(words, font, aliased, st.get('tracking', 0))
        if rot:
            layers = [np.ascontiguousarray(np.rot90(lay, 1 if rot == 90 else -1)) for lay in layers]
        alpha = np.maximum.reduce(layers)
        H, W = alpha.shape
        x0 = x - W if align == 'r' else x - W // 2 if align == 'c' else x
        y0 = y
        if x0 < 0 or y0 < 0 or x0 + W > self.w or y0 + H > self.h:
            self.refused += 1
            return None
        eff = st.get('effect')
        if eff == 'shadow':
            ea = np.zeros_like(alpha)
            ea[1:, 1:] = alpha[:-1, :-1]
            ea[2:, 2:] = np.maximum(ea[2:, 2:], alpha[:-2, :-2] * (1 if st['size'] >= 16 else 0))
        elif eff == 'outline':
            ea = render.dilate(alpha, 1)
        else:
            ea = np.zeros_like(alpha)
        foot = (alpha > 0.02) | (ea > 0.02)
        ys, xs = np.nonzero(foot)
        if not len(ys):
            return None
        bx0, by0, bx1, by1 = xs.min(), ys.min(), xs.max() + 1, ys.max() + 1
        band = st.get('band')
        if band:
            bx0, by0, bx1, by1 = max(0, bx0 - 3), max(0, by0 - 2), min(W, bx1 + 3), min(H, by1 + 2)
            foot = np.zeros_like(foot)
            foot[by0:by1, bx0:bx1] = True
        fd = render.dilate(foot.astype(np.float64), 1) > 0
        if (self.foot[y0:y0 + H, x0:x0 + W] & fd).any():
            self.refused += 1
            return None
        region = self.px[:, y0:y0 + H, x0:x0 + W]
        if band:
            bc = np.array(st.get('band_colour', (0, 0, 0)))
            ba = st.get('band_alpha', 1.0)
            region[:, by0:by1, bx0:bx1] = region[:, by0:by1, bx0:bx1] * (1 - ba) + bc * ba
        dark = np.array(st.get('effect_colour', (0, 0, 0)))
        region[:] = region * (1 - ea[None, ..., None]) + dark * ea[None, ..., None]
        col = np.array(st['colour'])
        region[:] = region * (1 - alpha[None, ..., None]) + col * alpha[None, ..., None]
        self.foot[y0:y0 + H, x0:x0 + W] |= foot
        wids = []
        for (t, role), lay, shown in zip(item['words'], layers, words):
            core = lay >= 0.5
            ys, xs = np.nonzero(core)
            if not len(ys):
                continue
            a, b, c, d = xs.min(), ys.min(), xs.max() + 1, ys.max() + 1
            wd = dict(text=shown, role=role, box=[int(x0 + a), int(y0 + b), int(x0 + c), int(y0 + d)],
                      mask=render.encode_mask(core[b:d, a:c]))
            if rot:
                wd['rot'] = rot
            wids.append(len(self.words))
            self.words.append(wd)
        fx0, fy0 = x0 + int(np.nonzero(alpha.any(0))[0].min()), y0 + int(np.nonzero(alpha.any(1))[0].min())
        fx1, fy1 = x0 + int(np.nonzero(alpha.any(0))[0].max()) + 1, y0 + int(np.nonzero(alpha.any(1))[0].max()) + 1
        style = ('bitmap' if render.is_bitmap(st['font']) else 'aliased' if aliased else 'aa')
        for k in ('effect', 'band'):
            if st.get(k):
                style += '+' + st[k]
        if st.get('caps'):
            style += '+caps'
        if st.get('tracking'):
            style += f"+track{st['tracking']}"
        if rot:
            style += f'+rot{rot}'
        self.items.append(dict(text=' '.join(words), cls=item['cls'], kind=item['kind'], font=st['font'],
                               size=st['size'], style=style, where=where, box=[fx0, fy0, fx1, fy1], words=wids))
        return W, H

    def column(self, x, y, lines, st, align='l', where='', pitch=None, gap=None, up=False):
        """Lines of items from (x, y) downwards (or ending at y when up); items of a line follow each other."""
        font = render.load(st['font'], st['size'], self.workdir)
        pitch = pitch or round(st['size'] * st.get('spacing', 1.25))
        gap = gap if gap is not None else max(8, round(font.getlength('  ')))
        lines = [ln if isinstance(ln, list) else [ln] for ln in lines if ln]
        if up:
            y = y - pitch * len(lines)
        for line in lines:
            line = [it for it in line if it]
            if align == 'r':
                cx = x
                for it in reversed(line):
                    r = self.text(it, cx, y, st, 'r', where=where)
                    cx -= (r[0] - 6 if r else 0) + gap
            else:
                cx = x
                for it in line:
                    r = self.text(it, cx, y, st, align, where=where)
                    cx += (r[0] - 6 if r else 0) + gap
            y += pitch
        return y

    def table(self, x, y, rows, cols, st, where='table', pitch=None):
        """Rows of cells at column offsets `cols` ((dx, align) pairs: 'l' left edge, 'r' right edge at dx)."""
        pitch = pitch or round(st['size'] * st.get('spacing', 1.35))
        for row in rows:
            for cell, (dx, al) in zip(row, cols):
                if cell:
                    self.text(cell, x + dx, y, st, al, where=where)
            y += pitch
        return y


# ---------------------------------------------------------------- backgrounds


def blur(a, r):
    if r <= 0:
        return a
    k = 2 * r + 1
    p = np.pad(a, ((r + 1, r), (r + 1, r)), mode='edge')
    c = p.cumsum(0).cumsum(1)
    h, w = a.shape
    return (c[k:k + h, k:k + w] - c[:h, k:k + w] - c[k:k + h, :w] + c[:h, :w]) / (k * k)


def speckle(nr, h, w, r=1):
    s = blur(nr.rayleigh(1.0, (h, w)), r)
    return s / s.max()


def grid(h, w):
    return np.mgrid[0:h, 0:w].astype(np.float64)


def sector(h, w, cx, top, r0, r1, half_angle):
    yy, xx = grid(h, w)
    dy, dx = yy - top, xx - cx
    rr = np.hypot(dx, dy)
    ang = np.degrees(np.arctan2(dx, dy))
    return (rr > r0) & (rr < r1) & (np.abs(ang) < half_angle) & (dy > 0)


def ellipse(h, w, cy, cx, ry, rx, angle=0.0):
    yy, xx = grid(h, w)
    c, s = np.cos(angle), np.sin(angle)
    u, v = (xx - cx) * c + (yy - cy) * s, -(xx - cx) * s + (yy - cy) * c
    return (u / rx) ** 2 + (v / ry) ** 2


def grey3(g):
    return np.repeat(g[..., None], 3, axis=-1)


# ---------------------------------------------------------------- styles

CONSOLE = ['Terminus', 'Terminus Bold', '7x14', '7x14B', '8x13B', '9x15', '9x15B', '6x13', 'Go Mono',
           'Inconsolata', 'Roboto Condensed', 'Go Medium', 'Open Sans Semibold', 'Carlito', 'Roboto']
PAGE = ['Carlito', 'Open Sans', 'Roboto', 'FreeSans', 'FreeSerif', 'Cantarell', 'Go', 'Roboto Condensed']
BOLD = ['Roboto Bold', 'Open Sans Cond Bold', 'Cantarell Bold', 'FreeSans Bold', 'Carlito Bold', 'Go Smallcaps',
        'Roboto Condensed Bold', 'Terminus Bold', '9x18B', '10x20', 'FreeMono Bold', 'Go Mono Bold']


def style(rng, pool, sizes=(10, 18), colour=WHITE, **kw):
    font = rng.choice(pool)
    if font in render.PCF:
        size = render.pcf_size(font)
    elif font in render.OTB:
        size = rng.choice([s for s in render.OTB_SIZES if sizes[0] <= s <= max(sizes[1], 12)] or [12])
    else:
        size = rng.randint(*sizes)
    st = dict(font=font, size=size, colour=colour, aliased=(font in render.TTF and rng.random() < .3),
              spacing=rng.choice([1.08, 1.15, 1.25, 1.35, 1.55]))
    if font in render.TTF and rng.random() < .15:
        st['tracking'] = rng.choice([1, 2])  # letter-spaced labels
    if rng.random() < .1:
        st['caps'] = True  # some consoles print everything in capitals
    st.update(kw)
    return st


# ---------------------------------------------------------------- screens
# Each returns (screen, spec); spec holds the DICOM side (modality, SOP class, pixel layout, title words).


def us_base(nr, h, w, frames, colour=True):
    scr = Screen(h, w, frames, None)
    m = sector(h, w, w // 2, 60, 30, h - 40, 36)
    for k in range(frames):
        s = speckle(nr, h, w, 1) * 0.55
        s *= 0.6 + 0.4 * np.clip(1 - ellipse(h, w, h * .55, w / 2 + 8 * k, h * .18, w * .2), 0, 1)
        scr.px[k] = grey3(np.where(m, s, 0))
    return scr, m


def ob_us(ctx, phi_on):
    r, nr, who = ctx['rng'], ctx['nr'], ctx['who']
    frames = ctx.get('frames', 1)
    scr, m = us_base(nr, 600, 800, frames)
    e = ellipse(600, 800, 330, 400, 120, 150, 0.3)
    for k in range(frames):
        scr.px[k][(e > 0.92) & (e < 1.08) & m] = (.95, .95, .95)
    scr.band(0, 0, 800, 34, (.12, .14, .2))
    top = style(r, CONSOLE, (12, 16), WHITE)
    left = [who.name(), who.pid()] if phi_on else []
    scr.column(8, 8, [left] if left else [], top, where='top-bar')
    scr.column(792, 8, [[who.inst() if phi_on else None, who.clock()]], top, align='r', where='top-bar')
    gap = f"{r.randint(20, 38)}w{r.randint(0, 6)}d"
    side = style(r, CONSOLE, (11, 15), r.choice([WHITE, YELLOW, CYAN]))
    lines = [harm('probe', r.choice(V.PROBES) + f' {r.choice(["OB", "OB2/3", "Fetal"])}'),
             harm('us-param', f'MI {r.randint(5, 14) / 10:.1f}  TIb {r.randint(1, 9) / 10:.1f}'),
             harm('us-param', f'Gn {r.randint(40, 70)}  DR {r.randint(55, 80)}'),
             harm('us-param', f'D {r.randint(90, 180) / 10:.1f}cm  {r.randint(18, 45)}Hz'),
             harm('exam', 'LMP GA ' + gap)]
    if phi_on:
        lines.insert(0, who.date(r.choice(['', 'Date ', 'Exam '])) if r.random() < .5 else who.dob())
        lines.append(who.oper())
    scr.column(10, 48, lines, side, where='left-col')
    # the measurement table, right-aligned values, in a translucent box
    tst = style(r, CONSOLE, (11, 15), WHITE, spacing=1.3)
    rows = [[harm('meas-label', 'Meas'), harm('meas-head', 'Value'), harm('meas-head', 'GA'), harm('meas-head', '%ile')]]
    for lab, unit in r.sample(V.OB_TABLE, 5):
        v = r.randint(200, 3400) / 10
        rows.append([harm('meas-label', lab), harm('measurement', f'{v:.1f} {unit}'),
                     harm('ga', f'{r.randint(18, 40)}w{r.randint(0, 6)}d'), harm('percentile', f'{r.randint(3, 97)}%')])
    rows.append([harm('meas-label', 'EFW'), harm('measurement', f'{r.randint(400, 3900)} g'),
                 harm('meas-label', r.choice(['Hadlock4', '(Hadlock)', 'H-BPD/AC/FL'])), None])
    rows.append([harm('meas-label', 'FHR'), harm('measurement', f'{r.randint(120, 165)} bpm'), None, None])
    x0 = 520
    scr.band(x0 - 6, 44, 796, 44 + len(rows) * round(tst['size'] * 1.35) + 10, (0, 0, 0), 0.55)
    scr.table(x0, 50, rows, [(0, 'l'), (150, 'r'), (160, 'l'), (270, 'r')], tst)
    bot = style(r, CONSOLE, (11, 14), GREY)
    scr.column(10, 590, [[harm('frame', f'{r.randint(1, 9)}/{frames}' if frames > 1 else 'Frz'),
                          harm('version', f'SW {r.randint(3, 9)}.{r.randint(0, 9)}.{r.randint(10, 99)}')]],
               bot, where='bottom-left', up=True)
    if phi_on and r.random() < .6:
        scr.column(790, 590, [who.ref()], bot, align='r', where='bottom-right', up=True)
    if ctx.get('rot'):  # along the right edge, read bottom to top
        rs = style(r, ['Roboto Condensed', 'Go Medium', 'Terminus'], (11, 13), GREY)
        scr.text(who.date() if phi_on else harm('title', 'OB 2nd trim.'), 780, 330, rs, 'l', rot=90, where='side-rot')
        scr.text(harm('protocol', 'Fetal biometry'), 780, 460, rs, 'l', rot=90, where='side-rot')
    return scr, dict(modality='US', sop='1.2.840.10008.5.1.4.1.1.6.1' if frames == 1 else '1.2.840.10008.5.1.4.1.1.3.1',
                     pixel='rgb8', title='OB Fetal Biometry')


def echo(ctx, phi_on):
    r, nr, who = ctx['rng'], ctx['nr'], ctx['who']
    frames = ctx.get('frames', 1)
    h, w = 600, 800
    scr = Screen(h, w, frames, None)
    m = sector(h, w, w // 2, 40, 10, 470, 40)
    for k in range(frames):
        s = speckle(nr, h, w, 1) * 0.5
        cav = ellipse(h, w, 260 + 4 * k, 400, 90 - 6 * k, 55)
        s = np.where(cav < 1, s * 0.15, s)
        scr.px[k] = grey3(np.where(m, s, 0))
        # ECG trace along the bottom, green, with a moving cursor
        xs = np.arange(60, 760)
        ph = (xs / 140.0) % 1.0
        yv = 540 - 30 * np.exp(-((ph - 0.3) / 0.015) ** 2) + 8 * np.exp(-((ph - 0.6) / 0.05) ** 2)
        yi = yv.astype(int)
        for j, x in enumerate(xs):
            a, b = sorted((yi[j], yi[j - 1] if j else yi[j]))
            scr.px[k, a:b + 2, x] = GREEN
        cx = 100 + 150 * k
        scr.px[k, 500:575, cx] = YELLOW
    st = style(r, CONSOLE, (11, 15), WHITE)
    tl = [who.name(), [who.pid(), who.age()]] if phi_on else []
    tl += [harm('us-param', f'{r.choice(V.PROBES)}  {r.randint(40, 80)}Hz'),
           harm('us-param', f'TIS {r.randint(1, 9) / 10:.1f}  MI {r.randint(8, 15) / 10:.1f}')]
    scr.column(8, 8, tl, st, where='top-left')
    tr = [who.inst(), who.date(), who.clock()] if phi_on else [harm('title', 'Adult Echo'), harm('clock', '10:42')]
    scr.column(792, 8, tr, dict(st, colour=r.choice([WHITE, CYAN])), align='r', where='top-right')
    hr = style(r, BOLD, (14, 20), GREEN)
    scr.column(792, 480, [harm('hr', f'HR {r.randint(52, 118)} bpm')], hr, align='r', where='ecg')
    scr.column(8, 590, [[harm('ecg', r.choice(['25 mm/s', 'Sweep 50mm/s', 'ECG 1.0mV'])),
                         harm('view', r.choice(['A4C', 'PLAX', 'PSAX-MV', 'A2C', 'SC4C']))]],
               style(r, CONSOLE, (10, 13), GREY), where='bottom-left', up=True)
    meas = [harm('measurement', f'LVIDd {r.randint(38, 60) / 10:.1f} cm'), harm('measurement', f'IVSd {r.randint(7, 13) / 10:.1f} cm'),
            harm('measurement', f'EF(Teich) {r.randint(35, 70)} %'), harm('measurement', f'E/A {r.randint(6, 20) / 10:.1f}')]
    if phi_on:
        meas.append(who.perf() if r.random() < .5 else who.other_name())
    scr.column(792, 120, meas, style(r, CONSOLE, (11, 14), YELLOW, band='solid', band_alpha=.5), align='r',
               where='right-col')
    return scr, dict(modality='US', sop='1.2.840.10008.5.1.4.1.1.6.1' if frames == 1 else '1.2.840.10008.5.1.4.1.1.3.1',
                     pixel='rgb8', title='TTE Adult')


def doppler(ctx, phi_on):
    r, nr, who = ctx['rng'], ctx['nr'], ctx['who']
    h, w = 600, 800
    scr = Screen(h, w, 1, None)
    m = np.zeros((h, w), bool)
    m[40:300, 150:650] = True
    s = speckle(nr, h, w, 1) * 0.5
    scr.px[0] = grey3(np.where(m, s, 0))
    vessel = (np.abs(grid(h, w)[0] - 170 - 0.1 * (grid(h, w)[1] - 400)) < 14) & m
    scr.px[0][vessel] = (.85, .1, .1)
    # spectral panel with a waveform and a velocity scale
    for x in range(60, 740):
        ph = (x / 90.0) % 1.0
        top = 460 - int(110 * np.exp(-((ph - .2) / .06) ** 2) + 25 * (1 - ph))
        scr.px[0, top:460, x] = np.clip(.35 + .6 * nr.random((460 - top, 1)), 0, 1)
    scr.px[0, 460, 60:740] = GREY
    st = style(r, CONSOLE, (11, 14), WHITE)
    scale = style(r, ['6x10', '5x8', 'Terminus'], (12, 12), GREY)
    for i, v in enumerate(range(-40, 161, 40)):
        scr.text(harm('scale', f'{v}'), 770, 460 - int(v * 0.7) - 6, scale, 'r', where='scale')
    scr.text(harm('scale', 'cm/s'), 796, 560, scale, 'r', where='scale')
    lines = [harm('doppler', f'PSV {r.randint(40, 180)} cm/s'), harm('doppler', f'EDV {r.randint(5, 40)} cm/s'),
             harm('doppler', f'RI {r.randint(50, 85) / 100:.2f}  PI {r.randint(80, 250) / 100:.2f}'),
             harm('doppler', f'S/D {r.randint(20, 60) / 10:.1f}'),
             harm('doppler', f'Angle {r.choice([52, 58, 60, 45])}°'),
             harm('us-param', f'PRF {r.randint(20, 90) / 10:.1f}kHz  WF {r.randint(50, 200)}Hz')]
    scr.column(8, 40, lines, dict(st, colour=r.choice([WHITE, YELLOW])), where='left-col')
    top = [who.name(), who.acc(), who.date()] if phi_on else [harm('title', 'Carotid Duplex')]
    scr.column(400, 6, [top], style(r, CONSOLE, (11, 14), WHITE), align='c', where='top-centre')
    scr.column(792, 40, [harm('bodypart', r.choice(['LT ICA PROX', 'RT CCA DIST', 'L SFA MID', 'R POP A'])),
                         harm('probe', r.choice(V.PROBES))] + ([who.oper()] if phi_on else []),
               dict(st, colour=CYAN), align='r', where='right-col')
    return scr, dict(modality='US', sop='1.2.840.10008.5.1.4.1.1.6.1', pixel='rgb8', title='Vascular Duplex')


def dental_pano(ctx, phi_on):
    r, nr, who = ctx['rng'], ctx['nr'], ctx['who']
    h, w = 560, 1200
    scr = Screen(h, w, 1, None)
    yy, xx = grid(h, w)
    arch = np.abs(yy - (230 + 0.00028 * (xx - 600) ** 2)) < 70
    base = 0.18 + 0.1 * speckle(nr, h, w, 3)
    teeth = arch & (np.sin(xx / 14.0) > -0.3)
    g = np.where(teeth, 0.75 + 0.1 * speckle(nr, h, w, 2), base)
    scr.px[0] = grey3(blur(g, 1))
    st = style(r, ['Roboto', 'FreeSans', 'Carlito', 'Go', 'Terminus', '8x13B'], (12, 16), WHITE)
    if phi_on:
        scr.column(10, 8, [[who.name(form='FAM, Giv')], [who.dob(), who.age()], [who.pid()]], st, where='top-left')
        scr.column(1190, 8, [who.inst(), who.date()], st, align='r', where='top-right')
    scr.column(600, 8, [harm('title', r.choice(['PANORAMIC', 'Pano Standard Adult', 'OPG']))],
               style(r, BOLD, (14, 20), WHITE), align='c', where='top-centre')
    scr.column(10, 550, [[harm('exposure', f'{r.randint(60, 80)} kV'), harm('exposure', f'{r.randint(4, 12)} mA'),
                          harm('exposure', f'{r.randint(100, 160) / 10:.1f} s')], [harm('dose', f'DAP {r.randint(60, 160)} mGy·cm²')]],
               st, where='bottom-left', up=True)
    scr.column(40, 300, [harm('lr', 'R')], style(r, BOLD, (20, 24), WHITE, effect='outline'), where='over-image')
    scr.column(1160, 300, [harm('lr', 'L')], style(r, BOLD, (20, 24), WHITE, effect='outline'), where='over-image')
    scr.column(1190, 550, [harm('scale', '10 mm'), harm('version', f'ImgSW v{r.randint(2, 6)}.{r.randint(0, 20)}')], st,
               align='r', where='bottom-right', up=True)
    return scr, dict(modality='PX', sop='1.2.840.10008.5.1.4.1.1.1', pixel='grey12', title='Panoramic')


def dental_intraoral(ctx, phi_on):
    r, nr, who = ctx['rng'], ctx['nr'], ctx['who']
    h, w = 480, 640
    scr = Screen(h, w, 1, None)
    yy, xx = grid(h, w)
    tooth = ellipse(h, w, 250, 320, 170, 90) < 1
    g = np.where(tooth, 0.7, 0.25) + 0.1 * speckle(nr, h, w, 2)
    scr.px[0] = grey3(blur(g, 2))
    inverse = r.random() < .5  # dark ink in a light label box, or light ink in a dark one
    st = style(r, ['7x13B', '9x15', 'Roboto Condensed', 'Open Sans Semibold', 'Terminus Bold'], (11, 15),
               BLACK if inverse else WHITE, band='inverse' if inverse else 'solid',
               band_colour=(.92, .92, .92) if inverse else (.05, .05, .05))
    lines = [who.name(form=r.choice(['FAM, Giv', 'Giv Fam'])), who.date()] if phi_on else []
    lines += [harm('view', f'Tooth {r.choice([16, 26, 36, 46, 14, 24])}  {r.choice(["PA", "BW R", "BW L"])}')]
    scr.column(8, 8, lines, st, where='top-left')
    scr.column(632, 472, [harm('exposure', f'{r.choice([60, 65, 70])}kV {r.choice([0.08, 0.125, 0.16])}s')], st,
               align='r', where='bottom-right', up=True)
    return scr, dict(modality='IO', sop='1.2.840.10008.5.1.4.1.1.1.3', pixel='grey8', title='Intraoral')


def dexa(ctx, phi_on):
    r, nr, who = ctx['rng'], ctx['nr'], ctx['who']
    h, w = 768, 1024
    scr = Screen(h, w, 1, None)
    scr.px[0] = (.96, .96, .94)
    img = blur(np.where(ellipse(h, w, 420, 220, 250, 90, .4) < 1, .75, .25) + .1 * speckle(nr, h, w, 2), 3)
    scr.px[0, 120:720, 40:400] = grey3(img[120:720, 40:400])
    ink = (.1, .1, .12)
    head = style(r, BOLD, (16, 22), (.1, .2, .5))
    scr.column(512, 14, [harm('title', r.choice(['Left Femur Bone Density', 'DXA Results Summary', 'AP Spine L1-L4']))],
               head, align='c', where='top-centre')
    st = style(r, PAGE, (12, 16), ink)
    if phi_on:
        scr.column(40, 56, [[who.name(label='Patient:')], [who.dob(label='Birth Date:'), who.age('Age:')],
                            [who.pid(label='Patient ID:')], [who.ref()]], st, where='top-left')
        scr.column(1000, 56, [who.inst(full=r.random() < .5), who.date(label='Scan Date:'),
                              phi('phone', 'Tel.', phone_tokens(r.choice(V.PHONES)))],
                   st, align='r', where='top-right')
    else:
        scr.column(40, 56, [harm('protocol', 'Hip: Neck / Total'), harm('version', 'Analysis v13.6.1')], st)
    rows = [[harm('table-head', 'Region'), harm('table-head', 'BMD'), harm('table-head', 'T-score'),
             harm('table-head', 'Z-score')]]
    for reg in r.sample(['Neck', 'Troch', 'Inter', 'Total', 'Ward\'s', 'L1', 'L2', 'L3', 'L4'], 5):
        rows.append([harm('table-cell', reg), harm('bmd', f'{r.randint(550, 1150) / 1000:.3f}'),
                     harm('t-score', f'{r.randint(-35, 10) / 10:+.1f}'), harm('z-score', f'{r.randint(-20, 15) / 10:+.1f}')])
    tst = style(r, PAGE, (13, 17), ink, spacing=1.6)
    scr.table(440, 200, rows, [(0, 'l'), (220, 'r'), (340, 'r'), (460, 'r')], tst)
    scr.column(440, 520, [harm('units', 'BMD in g/cm²'), harm('note', r.choice(['WHO: Osteopenia', 'FRAX major 14%',
                                                                                   'Change vs baseline -2.1%']))],
               style(r, PAGE, (11, 14), (.3, .3, .3)), where='below-table')
    if phi_on:
        scr.column(440, 600, [who.prior(), who.oper()], st, where='below-table')
    return scr, dict(modality='OT', sop='1.2.840.10008.5.1.4.1.1.7', pixel='rgb8', title='DXA Hip')


def oct_report(ctx, phi_on):
    r, nr, who = ctx['rng'], ctx['nr'], ctx['who']
    h, w = 700, 1000
    scr = Screen(h, w, 1, None)
    scr.px[0] = (1, 1, 1)
    yy, xx = grid(h, w)
    layer = np.abs(yy - (430 + 25 * np.sin(xx / 120.0))) < 30
    bscan = np.where(layer, .8, .1) + .15 * speckle(nr, h, w, 1)
    scr.px[0, 340:520, 320:980] = grey3(np.clip(bscan[340:520, 320:980], 0, 1))
    fundus = ellipse(h, w, 430, 160, 90, 90) < 1
    scr.px[0][fundus & (yy > 330) & (yy < 530)] = (.75, .35, .15)
    ink = (.05, .05, .05)
    st = style(r, PAGE, (12, 15), ink)
    scr.band(0, 0, 1000, 36, (.85, .88, .93))
    scr.column(12, 8, [harm('title', r.choice(['Macula Cube 512x128', 'RNFL Thickness OU', 'Macular Thickness OD']))],
               style(r, BOLD, (14, 18), (.1, .1, .3)), where='top-bar')
    if phi_on:
        scr.column(988, 8, [[who.name(), who.dob()]], st, align='r', where='top-bar')
        scr.column(12, 48, [[who.pid(), who.date(label='Exam:'), who.perf()]], st, where='header')
    scr.column(12, 80, [[harm('eye', r.choice(['OD', 'OS'])), harm('sig', f'Signal {r.randint(6, 10)}/10'),
                         harm('version', f'Ver. {r.randint(8, 11)}.{r.randint(0, 5)}.0.{r.randint(100, 999)}')]],
               st, where='header')
    rows = [[harm('table-head', 'Sector'), harm('table-head', 'µm'), harm('table-head', 'Normal')]]
    for sec in r.sample(['Central', 'Inner Sup', 'Inner Nas', 'Inner Inf', 'Inner Temp', 'Outer Sup', 'Volume'], 5):
        rows.append([harm('table-cell', sec), harm('thickness', f'{r.randint(230, 340)}'),
                     harm('percentile', r.choice(['5-95%', '>95%', '<5%', '1-5%']))])
    scr.table(40, 140, rows, [(0, 'l'), (200, 'r'), (230, 'l')], style(r, PAGE, (12, 15), ink, spacing=1.45))
    scr.column(980, 680, [harm('scale', '200 µm'), harm('footer', 'Page 1 of 1')], st, align='r',
               where='bottom-right', up=True)
    if phi_on:
        scr.column(12, 690, [[who.inst(), who.ref()], [who.prior()]], st, where='bottom-left', up=True)
    return scr, dict(modality='OPT', sop='1.2.840.10008.5.1.4.1.1.7', pixel='rgb8', title='OCT Macula')


def fundus(ctx, phi_on):
    r, nr, who = ctx['rng'], ctx['nr'], ctx['who']
    h = w = 768
    scr = Screen(h, w, 1, None)
    e = ellipse(h, w, 384, 384, 340, 340)
    sp = speckle(nr, h, w, 4)
    col = np.stack([.8 * (1 - .3 * e) + .1 * sp, .35 * (1 - .4 * e) + .05 * sp, .12 + 0 * e], -1)
    disc = ellipse(h, w, 380, 520, 45, 40) < 1
    col[disc] = (.98, .9, .6)
    scr.px[0] = np.where((e < 1)[..., None], np.clip(col, 0, 1), 0)
    st = style(r, ['Go', 'Roboto', 'Carlito', 'Terminus', 'Open Sans', '6x10'], (9, 14), WHITE)
    tl = [who.name(), who.dob()] if phi_on else []
    scr.column(8, 8, tl + [harm('eye', r.choice(['Right eye', 'OD', 'Left eye', 'OS']))], st, where='top-left')
    scr.column(760, 8, [harm('fov', r.choice(['45°', '50° FOV', '30°'])), harm('flash', f'Flash {r.randint(20, 100)}')],
               st, align='r', where='top-right')
    bl = [who.date(), who.inst()] if phi_on else [harm('clock', '09:14')]
    scr.column(8, 760, bl, st, where='bottom-left', up=True)
    return scr, dict(modality='OP', sop='1.2.840.10008.5.1.4.1.1.77.1.5.1', pixel='rgb8', title='Fundus')


def xa(ctx, phi_on):
    r, nr, who = ctx['rng'], ctx['nr'], ctx['who']
    frames = ctx.get('frames', 1)
    n = ctx.get('size', 512)
    scr = Screen(n, n, frames, None)
    yy, xx = grid(n, n)
    field = ellipse(n, n, n / 2, n / 2, n * .47, n * .47) < 1
    for k in range(frames):
        g = .55 + .12 * speckle(nr, n, n, 3)
        for j in range(4):
            path = np.abs(yy - (n * (.2 + .2 * j) + n * .08 * np.sin(xx / (n / 6) + j + .3 * k))) < n * .006 * (4 - j)
            g = np.where(path, .22, g)
        scr.px[k] = grey3(np.where(field, g, 0.02))
    s = n / 512
    st = style(r, ['9x15B', '10x20', '7x13B', 'Terminus Bold', 'Go Mono', 'Inconsolata', 'FreeMono Bold', 'Roboto',
                   '8x13B'], (round(11 * s), round(16 * s)), r.choice([WHITE, GREY]))
    tl = [who.name(form=r.choice(['FAM^GIV', 'FAM, Giv', 'cut'])), who.pid(), who.dob()] if phi_on else []
    scr.column(6, 6, tl, st, where='top-left')
    tr = [who.inst(), who.date(), who.clock()] if phi_on else [harm('clock', '14:05:51')]
    scr.column(n - 6, 6, tr, st, align='r', where='top-right')
    bl = [harm('angle', f'LAO {r.randint(0, 45)}  CRA {r.randint(0, 35)}'),
          harm('table-pos', f'Table {r.randint(-200, 200)}/{r.randint(-50, 50)}/{r.randint(800, 1100)} mm'),
          harm('fps', f'{r.choice([7.5, 15, 30])} fps  Fr {r.randint(1, 80)}')]
    scr.column(6, n - 6, bl, st, where='bottom-left', up=True)
    br = [harm('timer', f'Fluoro {r.randint(0, 29):02d}:{r.randint(0, 59):02d}'),
          harm('dose', f'AK {r.randint(50, 2400)} mGy'), harm('dose', f'DAP {r.randint(5, 300)}.{r.randint(0, 9)} Gycm²')]
    if phi_on:
        br.append(who.perf() if r.random() < .5 else who.other_name())
    scr.column(n - 6, n - 6, br, st, align='r', where='bottom-right', up=True)
    return scr, dict(modality='XA', sop='1.2.840.10008.5.1.4.1.1.12.1', pixel='grey8', title='Coronary Angio')


def rf(ctx, phi_on):
    r, nr, who = ctx['rng'], ctx['nr'], ctx['who']
    n = 768
    scr = Screen(n, n, 1, None)
    field = ellipse(n, n, n / 2, n / 2, n * .46, n * .46) < 1
    g = blur(.3 + .5 * (ellipse(n, n, 400, 384, 200, 120) < 1) + .15 * speckle(nr, n, n, 3), 4)
    scr.px[0] = grey3(np.where(field, g, 0))
    st = style(r, ['Go Mono Bold', 'Terminus', '9x15', 'Roboto Condensed', 'Cantarell', '8x13B'], (12, 16), WHITE,
               effect=r.choice([None, 'shadow']))
    tl = [[who.name(form='Giv Fam')], [who.dob(), who.age()], [who.acc()]] if phi_on else []
    scr.column(8, 8, tl, st, where='top-left')
    scr.column(760, 8, [harm('title', r.choice(['Barium Swallow', 'Hysterosalpingogram', 'VCUG', 'Lumbar Facet Inj.'])),
                        harm('protocol', r.choice(['Low dose 7.5 p/s', 'Pulsed 3 p/s', 'Cont. fluoro']))], st,
               align='r', where='top-right')
    scr.column(8, 760, [harm('exposure', f'{r.randint(60, 110)} kVp  {r.randint(8, 40) / 10:.1f} mA'),
                        harm('timer', f'Fluoro {r.randint(0, 9):02d}:{r.randint(0, 59):02d}'),
                        harm('dose', f'DAP {r.randint(10, 900) / 10:.1f} µGy·m²')], st, where='bottom-left', up=True)
    br = [who.oper(), who.date()] if phi_on else []
    scr.column(760, 760, br + [harm('mag', r.choice(['Mag 1', 'FOV 32cm', 'Zoom 1.5']))], st, align='r',
               where='bottom-right', up=True)
    return scr, dict(modality='RF', sop='1.2.840.10008.5.1.4.1.1.12.2', pixel='grey8', title='Fluoroscopy')


def petct(ctx, phi_on):
    r, nr, who = ctx['rng'], ctx['nr'], ctx['who']
    n = 640
    scr = Screen(n, n, 1, None)
    body = ellipse(n, n, 330, 300, 220, 170)
    ct = np.where(body < 1, .35 + .1 * speckle(nr, n, n, 2), 0)
    ct = np.where(ellipse(n, n, 330, 300, 60, 40) < 1, .8, ct)
    hot = np.zeros((n, n))
    for _ in range(4):
        hot = np.maximum(hot, np.exp(-ellipse(n, n, r.randint(200, 460), r.randint(180, 420), 18, 18)))
    rgb = grey3(ct)
    heat = np.stack([np.clip(hot * 2, 0, 1), np.clip(hot * 2 - .7, 0, 1), np.clip(hot * 3 - 2, 0, 1)], -1)
    rgb = rgb * (1 - .6 * hot[..., None]) + heat * .6 * hot[..., None]
    scr.px[0] = rgb
    # colour scale bar on the right
    for y in range(120, 520):
        v = (520 - y) / 400
        scr.px[0, y, 590:606] = (min(1, v * 2), max(0, min(1, v * 2 - .7)), max(0, min(1, v * 3 - 2)))
    sc = style(r, ['6x10', 'Terminus', 'Roboto Condensed', 'Go'], (10, 12), WHITE)
    for v, y in ((0, 520), (2.5, 420), (5.0, 320), (7.5, 220), (10.0, 120)):
        scr.text(harm('scale', f'{v:.1f}'), 586, y - 6, sc, 'r', where='scale')
    scr.text(harm('scale', 'SUVbw'), 630, 530, sc, 'r', where='scale')
    st = style(r, CONSOLE, (11, 14), WHITE)
    tl = [who.name(), [who.pid(), who.age()]] if phi_on else []
    scr.column(8, 8, tl + [harm('title', 'PET/CT Fusion')], st, where='top-left')
    tr = [who.date(), who.inst()] if phi_on else []
    scr.column(632, 8, tr + [harm('isotope', r.choice(['F-18 FDG 312 MBq', '68Ga-PSMA 150MBq', 'FDG  8.4 mCi']))],
               st, align='r', where='top-right')
    scr.column(8, 632, [harm('slice', f'Im: {r.randint(40, 300)}/{r.randint(300, 500)}'),
                        harm('wl', f'W:{r.randint(300, 450)} L:{r.randint(30, 60)}'),
                        harm('slice-pos', f'Z {r.randint(-900, -100)}.{r.randint(0, 9)} mm')], st, where='bottom-left', up=True)
    scr.column(632, 632, [harm('suv', f'SUVmax {r.randint(20, 180) / 10:.1f}'), harm('blend', 'Blend 50%')], st,
               align='r', where='bottom-right', up=True)
    return scr, dict(modality='OT', sop='1.2.840.10008.5.1.4.1.1.7', pixel='rgb8', title='PET CT Fused')


def mammo(ctx, phi_on):
    r, nr, who = ctx['rng'], ctx['nr'], ctx['who']
    h, w = 1300, 1000
    scr = Screen(h, w, 1, None)
    right = r.random() < .5
    yy, xx = grid(h, w)
    cx = 0 if right else w
    br = ellipse(h, w, 650, cx, 520, 620) < 1
    g = np.where(br, .45 + .2 * speckle(nr, h, w, 4), 0)
    scr.px[0] = grey3(blur(g, 2))
    # CAD marks: a triangle and a square outline
    for k in range(2):
        y0, x0 = r.randint(400, 900), (r.randint(120, 380) if right else r.randint(620, 880))
        scr.px[0, y0:y0 + 2, x0:x0 + 40] = WHITE
        scr.px[0, y0 + 38:y0 + 40, x0:x0 + 40] = WHITE
        scr.px[0, y0:y0 + 40, x0:x0 + 2] = WHITE
        scr.px[0, y0:y0 + 40, x0 + 38:x0 + 40] = WHITE
    side = w - 10 if right else 10
    al = 'r' if right else 'l'
    view = ('R' if right else 'L') + r.choice(['CC', 'MLO', 'XCCL', 'ML'])
    scr.column(side, 20, [harm('view', view)], style(r, BOLD, (22, 24), WHITE), align=al, where='view-label')
    st = style(r, ['Roboto', 'Open Sans', 'FreeSans', '9x15', 'Terminus', 'Go'], (13, 17), WHITE)
    col = [who.name(), who.pid(), [who.dob(), who.age()], who.date(), who.inst()] if phi_on else []
    col += [harm('exposure', f'{r.randint(25, 34)} kV  {r.randint(40, 180)} mAs'),
            harm('dose', f'AGD {r.randint(80, 250) / 100:.2f} mGy'), harm('compression', f'{r.randint(40, 140)} N  {r.randint(35, 75)} mm'),
            harm('cad', r.choice(['CAD: 2 marks', 'ImageChecker 2 Calc', 'CAD Mass 1']))]
    scr.column(side, 80, col, st, align=al, where='side-col')
    if ctx.get('rot'):
        rs = dict(st, size=max(12, st['size'] - 2))
        item = who.acc() if phi_on else harm('title', 'SCREENING BILATERAL')
        scr.text(item, (w - 40 if right else 14), 900, rs, 'l', rot=90, where='side-rot')
        scr.text(harm('protocol', 'TOMO 2D SYNTH'), (w - 40 if right else 14), 600, rs, 'l', rot=90, where='side-rot')
    return scr, dict(modality='MG', sop='1.2.840.10008.5.1.4.1.1.1.2', pixel='grey12', title='Mammo Screening')


def form(ctx, phi_on):
    """A scanned requisition form: many labelled fields, printed labels and typed values."""
    r, nr, who = ctx['rng'], ctx['nr'], ctx['who']
    h, w = 1100, 850
    scr = Screen(h, w, 1, None)
    paper = .93 + .04 * speckle(nr, h, w, 1)
    scr.px[0] = grey3(paper)
    ink = (.08, .08, .08)
    for y in range(140, 900, 46):
        scr.px[0, y + 26, 40:810] = (.45, .45, .45)
    scr.column(425, 30, [harm('title', r.choice(['IMAGING REQUEST FORM', 'Radiology Requisition', 'SOLICITUD DE ESTUDIO']))],
               style(r, BOLD, (18, 24), ink), align='c', where='top-centre')
    lab = style(r, PAGE, (12, 15), ink)
    typ = style(r, ['Go Mono', 'Inconsolata', 'FreeMono Bold', 'Go Mono Bold'], (13, 16),
                (.05, .05, .25))
    y = 140
    rows = []
    if phi_on:
        a1, a2 = who.address()
        rows = [[who.name(label='Patient name:', form='FAM, Giv')], [who.dob(label='Date of birth:'), who.age('Age:')],
                [who.pid(label='Hospital no:')], [a1], [a2], [who.phone()], [who.ref()],
                [phi('institution', 'From:', value_tokens(who.i['inst']['full']))], [who.acc(label='Request no:')],
                [who.date(label='Date requested:')], [who.email()], [who.other_name()]]
    rows += [[harm('field', 'Examination: ' + r.choice(['CT abdomen/pelvis + contrast', 'MRI L-spine', 'US renal tract',
                                                      'CXR PA/LAT', 'DEXA hip and spine']))],
             [harm('field', 'Clinical details: ' + r.choice(['RIF pain 3/7, CRP 84', 'Back pain L4-5, no red flags',
                                                          'eGFR 58, creatinine 122', 'Fall, ? #NOF']))],
             [harm('field', 'Pregnant: N   LMP n/a   Weight 72 kg')], [harm('field', 'Allergies: NKDA')],
             [harm('field', 'Urgency: ' + r.choice(['Routine', 'Urgent 2/52', 'Inpatient']))]]
    for row in rows:
        it = row[0]
        # a PHI field is typed (its label not scored), a harmless field printed
        scr.column(50, y, [row], typ if it['cls'] == 'phi' else lab, where='form', gap=18)
        y += 46
    scr.column(50, 1040, [harm('footer', 'Form RAD-017 rev 4 (2019)'), harm('footer', 'Page 1/1')], lab,
               where='bottom-left', up=True)
    return scr, dict(modality='OT', sop='1.2.840.10008.5.1.4.1.1.7', pixel='grey8', title='Requisition')


def worklist(ctx, phi_on):
    """A RIS worklist screenshot: one row is the header's patient, the others are other people (PHI too)."""
    r, nr, who = ctx['rng'], ctx['nr'], ctx['who']
    h, w = 720, 1280
    scr = Screen(h, w, 1, None)
    scr.px[0] = (.16, .17, .19)
    scr.band(0, 0, w, 40, (.22, .3, .45))
    st = style(r, ['Roboto', 'Open Sans', 'Carlito', 'Cantarell', 'Go', 'FreeSans'], (12, 15), (.92, .92, .92))
    scr.column(12, 10, [harm('title', 'Worklist - CT 2 (today)'), harm('ui', 'Filter: Scheduled')], st, where='top-bar')
    cols = [(12, 'l'), (330, 'l'), (460, 'l'), (580, 'l'), (720, 'l'), (1010, 'l'), (1150, 'l')]
    head = [harm('ui', t) for t in ['Patient', 'MRN', 'DOB', 'Accession', 'Procedure', 'Time', 'Status']]
    y = 56
    scr.table(0, y, [head], cols, dict(st, colour=(.7, .8, 1)))
    y += 36
    others = r.sample([p for p in V.PEOPLE if p is not who.i['p']], 5)
    rows = []
    for k in range(6):
        procs = r.choice(['CT CHEST W/O', 'CT HEAD NC', 'CTA PULM', 'CT A/P W', 'CT SINUS', 'CT L-SPINE'])
        tm = f'{8 + k}:{r.choice(["00", "15", "30", "45"])}'
        status = r.choice(['Arrived', 'Scheduled', 'In progress', 'Done'])
        if phi_on:
            if k == 2:
                rw = [phi('name', '', name_tokens(who.i['p'], 'FAM, Giv', r, maxlen=30)), who.pid(label=''), who.dob(label='', form='d/m/Y'),
                      who.acc(label='')]
            else:
                p = others.pop()
                d = dt.date(r.randint(1935, 2004), r.randint(1, 12), r.randint(1, 28))
                rw = [phi('other-name', '', name_tokens(p, 'FAM, Giv', r, maxlen=30)), phi('other-id', '', [(shape(r, 'DDDDDDDD'), 'phi')]),
                      phi('other-dob', '', date_tokens(d, 'd/m/Y', False)), phi('other-acc', '', [(shape(r, 'LLDDDDDDD'), 'phi')])]
        else:
            rw = [harm('ui', '(anonymous)'), None, None, None]
        rows.append(rw + [harm('procedure', procs), harm('clock', tm), harm('status', status)])
    for k, row in enumerate(rows):
        if k % 2:
            scr.band(0, y - 4, w, y + 24, (.2, .21, .24))
        if k == 2:
            scr.band(0, y - 4, w, y + 24, (.25, .35, .55))
        scr.table(0, y, [row], cols, st, where='table')
        y += 32
    scr.column(12, 700, [harm('ui', f'{len(rows)} items'), harm('version', f'RIS {r.randint(5, 9)}.{r.randint(0, 9)}.{r.randint(0, 99)}')],
               st, where='bottom-left', up=True)
    return scr, dict(modality='OT', sop='1.2.840.10008.5.1.4.1.1.7', pixel='rgb8', title='Worklist screenshot')


def endoscopy(ctx, phi_on):
    r, nr, who = ctx['rng'], ctx['nr'], ctx['who']
    h, w = 576, 720
    scr = Screen(h, w, 1, None)
    e = ellipse(h, w, 288, 440, 270, 270)
    sp = speckle(nr, h, w, 5)
    tissue = np.stack([.85 - .3 * e + .1 * sp, .45 - .2 * e + .05 * sp, .4 - .2 * e + .05 * sp], -1)
    scr.px[0] = np.where((e < 1)[..., None], np.clip(tissue, 0, 1), 0)
    st = style(r, ['Roboto Condensed', 'Go Medium', 'Open Sans Semibold', '9x15B', 'Terminus', 'Carlito'], (9, 15),
               WHITE)
    lines = [who.name(label=''), who.pid(label=''), [who.age(), harm('sex', who.i['sex'])], who.dob(label=''),
             who.date(label=''), who.clock(), who.perf()] if phi_on else [who.clock()]
    lines += [harm('scope', r.choice(['GIF-H190', 'CF-HQ290', 'EG-760R'])), harm('mode', r.choice(['NBI', 'WLI', 'BLI'])),
              harm('enh', f'Enh A{r.randint(1, 8)}  Zoom x1.{r.randint(0, 5)}')]
    scr.column(10, 14, lines, st, where='left-bar')
    scr.column(440, 560, [harm('title', r.choice(['Gastroscopy', 'Colonoscopy', 'ERCP']))],
               style(r, BOLD, (14, 18), WHITE, effect='outline'), align='c', where='bottom-centre', up=True)
    return scr, dict(modality='ES', sop='1.2.840.10008.5.1.4.1.1.77.1.1', pixel='rgb8', title='Endoscopy')


def ct_scout(ctx, phi_on):
    r, nr, who = ctx['rng'], ctx['nr'], ctx['who']
    n = 512
    scr = Screen(n, n, 1, None)
    body = ellipse(n, n, 256, 256, 230, 110) < 1
    g = np.where(body, .45 + .15 * speckle(nr, n, n, 3), .02)
    scr.px[0] = grey3(blur(g, 2))
    for y in range(80, 440, 24):
        scr.px[0, y, 150:362] = (.8, .8, .8)
    st = style(r, ['8x13B', 'Terminus', '7x14', 'Go Mono', 'Roboto', 'Inconsolata'], (11, 14), WHITE)
    tl = [who.name(), who.pid(), [who.dob(), who.age()]] if phi_on else []
    scr.column(6, 6, tl + [harm('title', 'Topogram 0.6 T20f')], st, where='top-left')
    tr = [who.inst(), who.date(), who.acc()] if phi_on else []
    scr.column(506, 6, tr + [harm('exposure', f'{r.choice([100, 120])} kV  {r.randint(20, 60)} mA')], st, align='r',
               where='top-right')
    scr.column(6, 506, [harm('dose', f'CTDIvol {r.randint(20, 180) / 10:.1f} mGy'),
                        harm('dose', f'DLP {r.randint(100, 1200)} mGy*cm'), harm('dose', 'Phantom: Body 32 cm')], st,
               where='bottom-left', up=True)
    scr.column(506, 506, [harm('table-pos', f'TP {r.randint(-300, 100)}.0'), harm('wl', 'W 400 L 40')] +
               ([who.prior()] if phi_on else []), st, align='r', where='bottom-right', up=True)
    scr.text(harm('lr', 'R'), 30, 250, dict(st, colour=BLACK, band='inverse', band_colour=(.95, .95, .95)),
             where='over-image')
    return scr, dict(modality='CT', sop='1.2.840.10008.5.1.4.1.1.2', pixel='ct12', title='CT Scout')


def dose_report(ctx, phi_on):
    r, nr, who = ctx['rng'], ctx['nr'], ctx['who']
    h, w = 512, 768
    scr = Screen(h, w, 1, None)
    ink = WHITE
    st = style(r, ['Terminus', '7x14', '8x13', 'Go Mono', 'Inconsolata'], (12, 14), ink)
    scr.column(384, 10, [harm('title', 'Dose Report')], style(r, BOLD, (16, 20), ink), align='c', where='top-centre')
    if phi_on:
        scr.column(10, 44, [[who.name(label='Patient Name:')], [who.pid(label='Patient ID:')],
                            [who.acc(label='Accession Number:')], [who.date(label='Exam Date:'), who.clock()]],
                   st, where='header')
    y = 170
    rows = [[harm('table-head', t) for t in ['Series', 'Type', 'Scan Range (mm)', 'CTDIvol', 'DLP', 'Phantom']]]
    for s in range(1, 5):
        a = r.randint(-400, 0)
        rows.append([harm('series', str(s)), harm('scan-type', r.choice(['Scout', 'Helical', 'Axial'])),
                     harm('range', f'I{abs(a)}.0-S{r.randint(0, 200)}.0'), harm('dose', f'{r.randint(10, 300) / 10:.2f}'),
                     harm('dose', f'{r.randint(20, 900) / 10:.2f}'), harm('phantom', r.choice(['Body 32', 'Head 16']))])
    scr.table(10, y, rows, [(0, 'l'), (80, 'l'), (180, 'l'), (470, 'r'), (580, 'r'), (600, 'l')], st)
    scr.column(10, 400, [harm('dose', f'Total Exam DLP: {r.randint(200, 1500) / 10:.2f} mGy-cm'),
                         harm('note', '1/1')], st, where='footer')
    return scr, dict(modality='CT', sop='1.2.840.10008.5.1.4.1.1.7', pixel='grey8', title='CT Dose Report')


SCREENS = dict(ob=ob_us, echo=echo, doppler=doppler, pano=dental_pano, intraoral=dental_intraoral, dexa=dexa,
               oct=oct_report, fundus=fundus, xa=xa, rf=rf, petct=petct, mammo=mammo, form=form, worklist=worklist,
               endo=endoscopy, scout=ct_scout, dose=dose_report)

# the set: screen, PHI drawn, transfer syntax, extras (frames, size, rotated side labels, all caps)
PLAN = [
    ('ob', True, 'explicit', dict(rot=True)), ('ob', True, 'rle', dict(frames=3)), ('ob', True, 'jpeg-baseline', dict(caps=True)),
    ('echo', True, 'explicit', dict(frames=4)), ('echo', True, 'implicit', {}), ('echo', False, 'rle', dict(frames=3)),
    ('doppler', True, 'jpeg-ls', {}), ('doppler', True, 'explicit', {}),
    ('pano', True, 'jpeg-lossless', {}), ('pano', True, 'bigendian', {}), ('intraoral', True, 'explicit', {}),
    ('intraoral', False, 'implicit', {}),
    ('dexa', True, 'explicit', {}), ('dexa', True, 'rle', {}), ('dexa', False, 'explicit', {}),
    ('oct', True, 'jpeg-baseline', {}), ('oct', True, 'explicit', {}), ('fundus', True, 'jpeg-baseline', {}),
    ('xa', True, 'explicit', dict(frames=3)), ('xa', True, 'jpeg-lossless', dict(size=1024)),
    ('xa', False, 'rle', dict(frames=2)),
    ('rf', True, 'bigendian', {}), ('rf', True, 'jpeg-ls', {}),
    ('petct', True, 'explicit', {}), ('petct', True, 'rle', dict(caps=True)), ('petct', False, 'jpeg-ls', {}),
    ('mammo', True, 'explicit', dict(rot=True)), ('mammo', True, 'jpeg-lossless', {}), ('mammo', False, 'explicit', dict(rot=True)),
    ('form', True, 'explicit', {}), ('form', True, 'jpeg-baseline', {}),
    ('worklist', True, 'explicit', {}), ('worklist', True, 'rle', {}),
    ('endo', True, 'jpeg-baseline', {}), ('endo', True, 'implicit', {}), ('endo', False, 'explicit', {}),
    ('scout', True, 'explicit', {}), ('scout', True, 'jpeg-ls', {}),
    ('dose', True, 'implicit', {}), ('dose', True, 'explicit', dict(caps=True)),
]

# screens whose patient is over 89 (the birth year is then PHI too)
OLD = {4, 9, 13, 17, 21, 26, 30, 36}

TS = {'explicit': '1.2.840.10008.1.2.1', 'implicit': '1.2.840.10008.1.2', 'bigendian': '1.2.840.10008.1.2.2',
      'rle': '1.2.840.10008.1.2.5', 'jpeg-baseline': '1.2.840.10008.1.2.4.50', 'jpeg-lossless': '1.2.840.10008.1.2.4.70',
      'jpeg-ls': '1.2.840.10008.1.2.4.80'}


def to_pixels(scr, kind):
    """The screen (0..1 RGB) in the stored layout: (frames, rows, cols[, 3]) and the image attributes."""
    px = scr.px
    if kind == 'rgb8':
        return np.round(np.clip(px, 0, 1) * 255).astype(np.uint8), dict(spp=3, bits=8, photo='RGB')
    g = np.clip(px @ np.array([.299, .587, .114]), 0, 1)
    if kind == 'grey8':
        return np.round(g * 255).astype(np.uint8), dict(spp=1, bits=8, photo='MONOCHROME2')
    if kind == 'grey12':
        return np.round(g * 4095).astype(np.uint16), dict(spp=1, bits=12, photo='MONOCHROME2')
    if kind == 'ct12':  # stored 0..4095 with rescale -1024: text burned at 3071 HU
        return np.round(g * 4095).astype(np.uint16), dict(spp=1, bits=12, photo='MONOCHROME2', intercept=-1024)
    raise ValueError(kind)


def person_name(p):
    return f"{p['family']}^{p['given']}"


def write_dicom(path, scr, spec, ident, ts, tmpdir, idx):
    arr, att = to_pixels(scr, spec['pixel'])
    frames = arr.shape[0]
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = spec['sop']
    sop_uid = UID_ROOT + str(int.from_bytes(f'v4pix-sop-{idx}'.encode(), 'big') % (10 ** 30))
    meta.MediaStorageSOPInstanceUID = sop_uid
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    meta.ImplementationClassUID = UID_ROOT + '1234567890123'
    ds = Dataset()
    ds.file_meta = meta
    texts = [pn(ident['p']), ident['inst']['full'], pn(ident['ref']), pn(ident['perf']), pn(ident['oper'])]
    if any(ord(c) > 127 for t in texts for c in t):
        ds.SpecificCharacterSet = 'ISO_IR 192'
    ds.SOPClassUID, ds.SOPInstanceUID = spec['sop'], sop_uid
    ds.StudyInstanceUID = UID_ROOT + str(int.from_bytes(f'v4pix-study-{idx}'.encode(), 'big') % (10 ** 30))
    ds.SeriesInstanceUID = UID_ROOT + str(int.from_bytes(f'v4pix-series-{idx}'.encode(), 'big') % (10 ** 30))
    ds.Modality = spec['modality']
    d = ident['study'].strftime('%Y%m%d')
    ds.StudyDate = ds.SeriesDate = ds.ContentDate = d
    ds.StudyTime = ds.SeriesTime = ds.ContentTime = ident['time'].replace(':', '')
    ds.AccessionNumber = ident['acc']
    ds.InstitutionName = ident['inst']['full']
    ds.ReferringPhysicianName = pn(ident['ref'])
    ds.PerformingPhysicianName = pn(ident['perf'])
    ds.OperatorsName = pn(ident['oper'])
    ds.StudyDescription = spec['title']
    ds.SeriesDescription = spec['title']
    ds.Manufacturer = 'HELDOUT4'
    ds.PatientName = pn(ident['p'])
    ds.PatientID = ident['pid']
    ds.PatientBirthDate = ident['dob'].strftime('%Y%m%d')
    ds.PatientSex = ident['sex']
    ds.PatientAge = f"{min(ident['age'], 999):03d}Y"
    ds.StudyID = str(1000 + idx)
    ds.SeriesNumber = 1
    ds.InstanceNumber = 1
    ds.ConversionType = 'WSD' if spec['sop'] == '1.2.840.10008.5.1.4.1.1.7' else None
    if ds.ConversionType is None:
        del ds.ConversionType
    ds.BurnedInAnnotation = 'YES'
    ds.SamplesPerPixel = att['spp']
    ds.PhotometricInterpretation = att['photo']
    if att['spp'] == 3:
        ds.PlanarConfiguration = 0
    ds.Rows, ds.Columns = arr.shape[1], arr.shape[2]
    ds.BitsAllocated = 8 if att['bits'] == 8 else 16
    ds.BitsStored = att['bits']
    ds.HighBit = att['bits'] - 1
    ds.PixelRepresentation = 0
    if 'intercept' in att:
        ds.RescaleIntercept, ds.RescaleSlope, ds.RescaleType = att['intercept'], 1, 'HU'
        ds.WindowCenter, ds.WindowWidth = 40, 400
    if spec['modality'] in ('MG', 'PX', 'IO'):
        ds.PresentationIntentType = 'FOR PRESENTATION'
    if frames > 1:
        ds.NumberOfFrames = frames
        ds.FrameTime = 33.3
        ds.FrameIncrementPointer = pydicom.tag.Tag(0x0018, 0x1063)
    ds.PixelData = (arr if frames > 1 else arr[0]).tobytes()
    ds['PixelData'].VR = 'OB' if ds.BitsAllocated == 8 else 'OW'
    ds.is_little_endian, ds.is_implicit_VR = True, False
    plain = os.path.join(tmpdir, f'{idx:02d}-plain.dcm')
    ds.save_as(plain, write_like_original=False)
    conv = {'explicit': None, 'implicit': ['dcmconv', '+ti'], 'bigendian': ['dcmconv', '+tb'], 'rle': ['dcmcrle'],
            'jpeg-baseline': ['dcmcjpeg', '+eb', '+un'], 'jpeg-lossless': ['dcmcjpeg', '+e1'], 'jpeg-ls': ['dcmcjpls']}[ts]
    if conv is None:
        shutil.copyfile(plain, path)
    else:
        subprocess.run(conv + [plain, path], check=True, capture_output=True)
    os.remove(plain)


def generate(out, seed=20261203):
    """Writes out/images/NN.dcm and out/truth.json; returns the truth."""
    rng = random.Random(seed)
    os.makedirs(os.path.join(out, 'images'), exist_ok=True)
    work = tempfile.mkdtemp(prefix='v4pix-fonts-')
    render._cache.clear()
    global FONT_DIR
    FONT_DIR = work
    people = list(V.PEOPLE)
    rng.shuffle(people)
    files = []
    try:
        for idx, (kind, phi_on, ts, extra) in enumerate(PLAN):
            r = random.Random(seed * 1000 + idx)
            nr = np.random.default_rng(seed * 1000 + idx)
            old = idx in OLD
            band = (90, 101) if old else ((21, 42) if kind == 'ob' else (19, 88))
            ident = identity(r, idx % len(people), people, band)
            who = Who(ident, r, caps=extra.get('caps', False))
            ctx = dict(rng=r, nr=nr, who=who, **extra)
            scr, spec = SCREENS[kind](ctx, phi_on)
            name = f'images/{idx:02d}.dcm'
            write_dicom(os.path.join(out, name), scr, spec, ident, ts, work, idx)
            phi_drawn = any(it['cls'] == 'phi' for it in scr.items)
            assert phi_drawn == phi_on, f'screen {idx}: PHI drawn {phi_drawn}, planned {phi_on}'
            files.append(dict(index=idx, file=name, modality=spec['modality'], screen=kind, transfer=ts,
                              frames=int(scr.frames), phi_drawn=phi_drawn, items=scr.items, words=scr.words,
                              refused=scr.refused,
                              header=dict(PatientName=pn(ident['p']), PatientID=ident['pid'],
                                          PatientBirthDate=ident['dob'].strftime('%Y%m%d'), age=ident['age'],
                                          AccessionNumber=ident['acc'], InstitutionName=ident['inst']['full'])))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    truth = dict(seed=seed, files=files)
    with open(os.path.join(out, 'truth.json'), 'w') as fh:
        json.dump(truth, fh, ensure_ascii=False)
    return truth


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('out')
    ap.add_argument('--seed', type=int, default=20261203)
    a = ap.parse_args()
    t = generate(a.out, a.seed)
    n_phi = sum(1 for f in t['files'] for w in f['words'] if w['role'] == 'phi')
    n_h = sum(1 for f in t['files'] for it in f['items'] if it['cls'] == 'harmless')
    print(f"{len(t['files'])} files, {n_phi} scored PHI words, {n_h} harmless lines")
    for f in t['files']:
        if f['refused']:
            print(f"  #{f['index']:02d} {f['screen']}: {f['refused']} item(s) not drawn (no room)")


if __name__ == '__main__':
    main()
