"""Held-out burned-in text set, written apart from the kit: ~40 screens with invented identities.

Usage: /usr/bin/python3 generate.py <out-folder> [--seed N] [--count N]
Writes <out>/images/NN.dcm and <out>/truth.json (every drawn word's text, role, font, size, box and ink mask).
Deterministic for a seed. Do not tune the kit on these fixtures: they are a held-out check.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import random
import sys

import numpy as np
import pydicom
from PIL import Image
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.encaps import encapsulate
from pydicom.uid import (ExplicitVRLittleEndian, ImplicitVRLittleEndian, JPEGBaseline8Bit, RLELossless,
                         generate_uid)

sys.dont_write_bytecode = True  # nothing is left in the working tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from identities import Identity  # noqa: E402
from render import Block, Drawn, Item, Seg, layout_and_draw  # noqa: E402

SOP = {
    'US': '1.2.840.10008.5.1.4.1.1.6.1', 'US-MF': '1.2.840.10008.5.1.4.1.1.3.1', 'CT': '1.2.840.10008.5.1.4.1.1.2',
    'MR': '1.2.840.10008.5.1.4.1.1.4', 'CR': '1.2.840.10008.5.1.4.1.1.1', 'DX': '1.2.840.10008.5.1.4.1.1.1.1',
    'XA': '1.2.840.10008.5.1.4.1.1.12.1', 'RF': '1.2.840.10008.5.1.4.1.1.12.2', 'NM': '1.2.840.10008.5.1.4.1.1.20',
    'PT': '1.2.840.10008.5.1.4.1.1.128',
}
SMALL_FACES = ['NimbusSans', 'NimbusSansNarrow', 'DejaVuSansCondensed', 'LiberationSans', 'LiberationSansNarrow',
               'NotoSansMono', 'DejaVuSansMono', 'LiberationMono', 'URWGothic', 'NimbusSans-Bold',
               'DejaVuSansCondensed-Bold', 'NimbusMono-Bold', 'C059', 'NimbusRoman', 'DejaVuSerif',
               'LiberationSansNarrow-Bold', 'NimbusSansNarrow-Bold', 'NotoSansMono-Bold', 'URWBookman']
TITLE_FACES = ['P052-Bold', 'LiberationSerif-Bold', 'URWGothic-Demi', 'NimbusSans-Bold', 'DejaVuSansCondensed-Bold']


def P(text, kind, label=0, in_header=True):
    return Item(text, 'phi', kind, label, in_header)


def H(text, kind):
    return Item(text, 'harmless', kind)


def labelled(label, value, kind, in_header=True):
    if not label:
        return P(value, kind, 0, in_header)
    return P(f'{label} {value}', kind, len(label.split()), in_header)


# ---------------------------------------------------------------- identity lines (PHI)

def name_item(rng, ident):
    form = rng.choice(ident.name_forms())
    return labelled(rng.choice(['', '', '', 'Name:', 'Pt:', 'Patient:', 'Pat. Name', 'PATIENT']), form, 'name')


def id_item(rng, ident):
    return labelled(rng.choice(['MRN', 'ID:', 'Pat ID', 'PID:', 'Hosp No.', 'Unit #', 'Chart', 'Patient No:',
                                'Reg No', '', '']), ident.pid, 'patient-id')


def dob_item(rng, ident):
    form = rng.choice(ident.date_forms(ident.birth))
    return labelled(rng.choice(['DOB', 'DOB:', 'Born', 'Birth:', 'D.O.B.', 'Geb.', 'BD', '']), form, 'birth-date')


def age_item(rng, ident):
    a = ident.age
    text = rng.choice([f'{a}Y', f'{a} yrs', f'Age {a}', f'{a} y/o', f'{a}y', f'Age: {a} Y'])
    label = 1 if text.startswith('Age') else 0
    if a > 89:
        words = text.split()
        units = tuple(i for i, w in enumerate(words) if i >= label and not any(c.isdigit() for c in w))
        return Item(text, 'phi', 'age-over-89', label, True, units)
    return H(text, 'age-under-90')


def acc_item(rng, ident):
    return labelled(rng.choice(['Acc:', 'Acc#', 'Accn', 'ACC NO', 'Exam #', 'Order:', 'Req#', '']),
                    ident.accession, 'accession')


def study_date_item(rng, ident):
    form = rng.choice(ident.date_forms(ident.study))
    return labelled(rng.choice(['', '', 'Study:', 'Exam Date', 'Date:', 'Acq']), form, 'study-date')


# Words of an institution's name that name no place: not scored (what must go is what tells which institution).
GENERIC_INSTITUTION_WORDS = {'st.', 'st', 'medical', 'center', 'centre', 'university', 'hospital', 'univ', 'univ.',
                             'hosp', 'hosp.', 'med', 'med.', 'ctr', 'mc', 'umc', 'reg.', 'regional', 'general', 'gen',
                             'imaging', 'institute', 'inst.', "children's", 'childrens'}


def inst_item(rng, ident):
    text = rng.choice(ident.institution_forms)
    generic = tuple(i for i, w in enumerate(text.split()) if w.lower() in GENERIC_INSTITUTION_WORDS)
    return Item(text, 'phi', 'institution', 0, True, generic)


def staff_item(rng, ident, who):
    if who == 'ref':
        given, family = ident.ref_given, ident.ref_family
        label = rng.choice(['Ref:', 'Ref. Phys:', 'Referrer', 'Req. by', 'Ordering:'])
        kind, in_header = 'referring', True
    elif who == 'op':
        given, family = ident.op_given, ident.op_family
        label = rng.choice(['Op:', 'Sono:', 'Sonographer'] if ident.screen_modality == 'US' else
                           ['Op:', 'Tech:', 'RT', 'Operator', 'Scanned by'])
        kind, in_header = 'operator', True
    else:
        given, family = ident.other_given, ident.other_family
        label = rng.choice(['Ref:', 'Attg:', 'Read by', 'cc:', 'Consult:'])
        kind, in_header = 'other-physician', False
    form = rng.choice(ident.staff_forms(given, family))
    label_words = len(label.split()) + (1 if form.startswith('Dr') else 0)
    return P(f'{label} {form}', kind, label_words, in_header)


def phone_item(rng, ident):
    label = rng.choice(['Tel', 'Ph:', 'Call', 'Contact'])
    return P(f'{label} {ident.phone}', 'phone', 1, False)


IDENTITY_MAKERS = {
    'name': name_item, 'id': id_item, 'dob': dob_item, 'age': age_item, 'acc': acc_item, 'date': study_date_item,
    'inst': inst_item, 'ref': lambda r, i: staff_item(r, i, 'ref'), 'op': lambda r, i: staff_item(r, i, 'op'),
    'other': lambda r, i: staff_item(r, i, 'other'), 'phone': phone_item,
}


def identity_lines(rng, ident, want):
    return [[IDENTITY_MAKERS[k](rng, ident)] for k in want]


# ---------------------------------------------------------------- harmless vocabulary (invented wording)

def us_harmless(rng):
    probe = rng.choice(['C5-2', 'C6-1', 'L12-4', 'L15-7io', 'P4-1', 'EC9-4', 'L9-3', 'C9-5', 'S5-1', 'V7-3'])
    pool = [
        f'{probe} {rng.randint(8, 42)}Hz MI {rng.randint(3, 14) / 10:.1f}',
        f'{probe}  {rng.choice(["Abd General", "Vasc Carotid", "Sm Parts", "OB 2/3", "Renal", "MSK Sup"])}',
        f'TIS {rng.randint(1, 9) / 10:.1f}  TIB {rng.randint(1, 19) / 10:.1f}',
        f'MI {rng.randint(3, 14) / 10:.2f} TIc {rng.randint(1, 9) / 10:.1f}',
        f'Gn {rng.randint(30, 75)}', f'Gain {rng.randint(30, 75)}dB', f'DR {rng.randint(45, 80)}',
        f'Dyn {rng.randint(45, 80)}', f'FR {rng.randint(12, 60)}Hz', f'FPS {rng.randint(12, 60)}',
        f'D {rng.randint(40, 180) / 10:.1f}cm', f'Depth {rng.randint(4, 18)} cm',
        f'Focus {rng.randint(10, 90) / 10:.1f}cm',
        'THI', 'Harm High', 'Persist Med', f'Map {rng.choice("ABCDEF")}', 'Frq Pen', f'SRI {rng.randint(1, 5)}',
        'CRI On', f'CF {rng.randint(20, 70) / 10:.1f}MHz', f'PRF {rng.randint(10, 60) / 10:.1f}kHz',
        f'WF {rng.choice([60, 90, 120, 180])}Hz', f'Ang {rng.choice([0, 30, 45, 60])}',
        f'Dist {rng.randint(50, 900) / 100:.2f} cm', f'Vol {rng.randint(20, 900) / 10:.1f} ml',
        f'L {rng.randint(10, 90) / 10:.1f}cm  W {rng.randint(10, 60) / 10:.1f}cm',
        f'2D {rng.randint(40, 90)}%', f'C {rng.randint(40, 70)} / P Med',
    ]
    views = ['RT KIDNEY LONG', 'LIVER TRANS', 'THYROID LT SAG', 'GB LONG', 'AORTA PROX', 'LT CAROTID ICA', 'SPLEEN',
             'BLADDER PRE-VOID', 'RUQ', 'PELVIS TV', 'Lt Ovary', 'Rt Testis Trans', 'Panc Head']
    return pool, views


def ct_harmless(rng):
    return [
        f'kV {rng.choice([80, 100, 120, 140])}', f'mA {rng.randint(80, 400)}',
        f'KVP {rng.choice([100, 120])}  mAs {rng.randint(80, 300)}', f'Rot {rng.choice(["0.5", "0.33", "0.8"])}s',
        f'Pitch {rng.choice(["0.98", "1.375", "0.516"])}', f'Thk {rng.choice(["1.25", "2.5", "5.0", "0.625"])}mm',
        f'W {rng.choice([400, 350, 1500, 80])} L {rng.choice([40, 50, 450, 35])}',
        f'WW {rng.choice([1500, 2000, 400])} WL {rng.choice([-600, 450, 40])}',
        f'Se {rng.randint(2, 9)} Im {rng.randint(1, 300)}', f'Series {rng.randint(2, 9)}',
        f'Image {rng.randint(1, 300)} / {rng.randint(300, 600)}', f'FOV {rng.randint(250, 500) / 10:.1f}cm',
        f'Tilt {rng.choice(["0.0", "-12.0", "15.5"])}',
        f'Kernel {rng.choice(["B30f", "Br40", "STD", "BONE+", "FC13"])}',
        'Mtx 512', 'HFS', 'Contrast IV', 'AXIAL', 'C+ PORTAL', f'CTDIvol {rng.randint(20, 300) / 10:.1f} mGy',
        f'DLP {rng.randint(100, 1200)} mGy-cm', f'Z {rng.randint(10, 30) / 10:.1f}',
        f'Table {rng.randint(-400, 400) / 2:.1f}', f'Loc S{rng.randint(-300, 300) / 10:.1f}',
        'CHEST ABD PELVIS', 'HEAD W/O', f'Noise Idx {rng.randint(8, 20)}', f'Recon {rng.randint(1, 4)}',
    ]


def mr_harmless(rng):
    return [
        f'TR {rng.randint(400, 9000)}', f'TE {rng.randint(8, 120)}', f'TI {rng.randint(100, 2600)}',
        f'ETL {rng.randint(2, 30)}', f'FA {rng.choice([8, 15, 90, 150])}', 'T2 TSE AX', 'FLAIR COR', 'DWI b1000',
        f'SE {rng.randint(2, 14)} IM {rng.randint(1, 60)}', f'Sl {rng.choice(["3.0", "4.0", "5.0"])}mm Sp 1.2',
        f'FOV {rng.choice([220, 230, 240])}x{rng.choice([180, 200, 230])}', f'Mtx {rng.choice([256, 320, 384])}x256',
        f'NEX {rng.choice([1, 2, 3])}', f'BW {rng.randint(100, 600) / 10:.1f}kHz', rng.choice(['1.5T', '3.0T']),
        f'Coil {rng.choice(["HNU", "Head32", "Body18", "Spine"])}',
        f'W {rng.randint(600, 2400)} C {rng.randint(300, 1200)}',
        'Fat Sat', f'Avg {rng.randint(1, 4)}', 'C+ Gd', f'Slab {rng.randint(1, 3)}', 'Tra > Cor',
    ]


def xr_harmless(rng):
    return [
        'AP', 'PA ERECT', 'LAT DECUB', f'kVp {rng.randint(55, 125)} mAs {rng.randint(10, 400) / 10:.1f}',
        f'{rng.randint(55, 125)}kV {rng.randint(10, 400) / 10:.1f}mAs {rng.randint(2, 90)}ms',
        f'SID {rng.choice([100, 115, 150, 180])}cm', f'EI {rng.randint(200, 1800)} DI {rng.randint(-30, 30) / 10:.1f}',
        'Grid', 'CHEST', 'PORTABLE', 'SUPINE', 'Insp', f'WL {rng.randint(1200, 2400)} WW {rng.randint(2000, 4000)}',
        f'S {rng.randint(80, 400)}', f'Exp {rng.randint(2, 90)} ms', 'FOOT OBL', 'KNEE LAT', 'HAND PA', 'Upright',
        'Semi-erect 45', 'Sitting',
    ]


def xa_harmless(rng):
    return [
        f'LAO {rng.randint(5, 50)} CAU {rng.randint(5, 30)}', f'RAO {rng.randint(5, 40)} CRA {rng.randint(5, 35)}',
        f'LAO {rng.randint(30, 60)}', f'{rng.choice([7.5, 15, 30])} fps', f'Fluoro {rng.choice([3.75, 7.5, 15])} p/s',
        f'Frame {rng.randint(1, 40)}/{rng.randint(40, 90)}', f'Air Kerma {rng.randint(10, 900)} mGy',
        f'DAP {rng.randint(10, 900) / 10:.1f} Gycm2', f'{rng.randint(60, 95)} kV {rng.randint(20, 900) / 100:.1f} mA',
        f'FD {rng.choice([20, 25, 32, 42, 48])}cm', f'Mag {rng.randint(0, 3)}', f'SID {rng.randint(90, 120)} cm',
        f'Table {rng.randint(-20, 20)}', 'LCA', 'RCA', 'Cine', 'DSA', 'Road Map', f'Pulse {rng.randint(3, 12)} ms',
        'Dose Low', 'Barium Swallow', 'Oblique',
    ]


def nm_harmless(rng, modality):
    if modality == 'NM':
        return [
            'Tc99m MDP', f'{rng.randint(500, 900)} MBq', f'Counts {rng.randint(3, 30) / 10:.1f}M',
            f'Dur {rng.choice([120, 180, 300])} s', f'Zoom {rng.choice(["1.00", "1.23", "1.45"])}',
            f'Matrix {rng.choice([128, 256])}', 'Win 20%', 'LEHR', f'Scan {rng.randint(8, 20)} cm/min',
            f'Delay {rng.randint(2, 4)} h', 'Energy 140 keV',
        ]
    return [
        f'F-18 FDG {rng.randint(150, 420)} MBq', f'SUVmax {rng.randint(15, 180) / 10:.1f}',
        f'Bed {rng.randint(1, 6)}/6',
        f'Uptake {rng.randint(45, 90)} min', f'Slice {rng.randint(1, 200)}', 'AC CT',
        f'Iter {rng.randint(2, 4)} Sub {rng.choice([8, 16, 21])}', f'Glu {rng.randint(70, 140)} mg/dl',
        f'Dur {rng.choice([120, 180])} s/bed', 'TOF On',
    ]


# ---------------------------------------------------------------- backgrounds

def blur(a, r=1):
    out = a.copy()
    for _ in range(r):
        out = (np.roll(out, 1, 0) + np.roll(out, -1, 0) + np.roll(out, 1, 1) + np.roll(out, -1, 1) + out) / 5
    return out


def us_background(nrng, h, w, frames):
    yy, xx = np.mgrid[0:h, 0:w]
    ax, ay = w / 2, 30
    r = np.hypot(xx - ax, yy - ay)
    ang = np.degrees(np.arctan2(xx - ax, yy - ay))
    fan = (r > 20) & (r < h - 60) & (np.abs(ang) < 36)
    out = []
    for _ in range(frames):
        speck = nrng.rayleigh(0.35, (h, w))
        tissue = 0.45 + 0.25 * np.sin(xx / 37.0) * np.cos(yy / 53.0)
        cyst = np.hypot(xx - ax - 30, yy - h * 0.55) < h * 0.08
        img = blur(speck * tissue, 1) * 255 * 0.8
        img[cyst] *= 0.15
        img = np.clip(img, 0, 190) * fan
        out.append(img)
    return out


def body_background(nrng, h, w, kind):
    yy, xx = np.mgrid[0:h, 0:w]
    cx, cy = w / 2, h / 2
    if kind == 'ct':
        body = ((xx - cx) / (w * 0.40)) ** 2 + ((yy - cy) / (h * 0.30)) ** 2 < 1
        lung_l = ((xx - cx + w * 0.17) / (w * 0.12)) ** 2 + ((yy - cy + 8) / (h * 0.20)) ** 2 < 1
        lung_r = ((xx - cx - w * 0.17) / (w * 0.12)) ** 2 + ((yy - cy + 8) / (h * 0.20)) ** 2 < 1
        spine = np.hypot(xx - cx, yy - cy - h * 0.2) < w * 0.035
        hu = np.full((h, w), -1000.0)
        hu[body] = 40 + nrng.normal(0, 18, body.sum())
        hu[lung_l | lung_r] = -840 + nrng.normal(0, 30, (lung_l | lung_r).sum())
        hu[spine] = 650 + nrng.normal(0, 40, spine.sum())
        return hu
    if kind == 'mr':
        head = ((xx - cx) / (w * 0.33)) ** 2 + ((yy - cy) / (h * 0.40)) ** 2 < 1
        brain = ((xx - cx) / (w * 0.29)) ** 2 + ((yy - cy) / (h * 0.36)) ** 2 < 1
        vent = ((xx - cx) / (w * 0.05)) ** 2 + ((yy - cy) / (h * 0.10)) ** 2 < 1
        img = np.zeros((h, w))
        img[head] = 1500
        img[brain] = 850 + 120 * np.sin(xx[brain] / 9.0) * np.cos(yy[brain] / 11.0)
        img[vent] = 1700
        img += np.abs(nrng.normal(0, 25, (h, w)))
        return img
    if kind == 'xr':
        torso = np.exp(-(((xx - cx) / (w * 0.38)) ** 2 + ((yy - cy) / (h * 0.45)) ** 2) ** 2)
        img = 350 + 1500 * torso + 250 * np.sin(yy / 23.0) * torso
        img += nrng.normal(0, 20, (h, w))
        return blur(img, 1)
    if kind == 'xa':
        field = np.hypot(xx - cx, yy - cy) < min(h, w) * 0.44
        img = np.full((h, w), 10.0)
        inner = 120 + 20 * np.sin(xx / 41.0) + nrng.normal(0, 6, (h, w))
        for k in range(6):
            x0 = cx + (k - 3) * w * 0.07
            vessel = np.abs(xx - x0 - 40 * np.sin(yy / (60.0 + 9 * k))) < 3 + k % 3
            inner[vessel] -= 70
        img[field] = inner[field]
        return np.clip(img, 0, 255)
    if kind == 'nm':
        img = np.zeros((h, w))
        for ox in (w * 0.27, w * 0.73):
            bodyish = ((xx - ox) / (w * 0.10)) ** 2 + ((yy - h * 0.52) / (h * 0.38)) ** 2 < 1
            headish = np.hypot(xx - ox, yy - h * 0.12) < w * 0.05
            img[bodyish | headish] = 60
            for k in range(4):
                hot = np.hypot(xx - ox - 8 * (k - 2), yy - h * (0.3 + 0.12 * k)) < 5
                img[hot] = 500
        img = nrng.poisson(np.maximum(img, 0)).astype(float)
        return blur(img, 1)
    raise ValueError(kind)


# ---------------------------------------------------------------- screens

class Screen:
    def __init__(self, modality, sop, rows, cols, frames, spp, photometric, bits_stored, signed, lo, hi, backgrounds,
                 blocks, extra=None):
        self.modality, self.sop, self.rows, self.cols, self.frames = modality, sop, rows, cols, frames
        self.spp, self.photometric, self.bits_stored, self.signed = spp, photometric, bits_stored, signed
        self.lo, self.hi, self.backgrounds, self.blocks = lo, hi, backgrounds, blocks
        self.extra = extra or {}


def pick_face(rng):
    return rng.choice(SMALL_FACES)


def pick_size(rng, small=True):
    return rng.choice([9, 9, 10, 10, 11, 12, 13, 14] if small else [11, 12, 13, 14, 15, 16, 18])


def spacing(rng):
    return rng.choice([1.15, 1.2, 1.25, 1.3, 1.4, 1.5])


def mixed_line(rng, phi_item, harmless_item, phi_first=True):
    gap = rng.choice([1.5, 2.0, 3.0, 4.0])
    return [phi_item, Seg(harmless_item, gap)] if phi_first else [harmless_item, Seg(phi_item, gap)]


def identity_set(rng, plan):
    """Which identity lines this screen prints (always a name or an ID; a random spread of the rest)."""
    base = ['name', 'id'] if rng.random() < 0.7 else [rng.choice(['name', 'id'])]
    extra = [k for k in ['dob', 'age', 'acc', 'date', 'inst', 'ref', 'op', 'other', 'phone']
             if rng.random() < plan.get(k, 0.35)]
    return base + extra


def split_blocks(rng, lines, n):
    rng.shuffle(lines)
    out = [[] for _ in range(n)]
    for i, line in enumerate(lines):
        out[i % n].append(line)
    return [b for b in out if b]


def build_us(rng, nrng, ident, variant, phi=True):
    rgb = variant.get('rgb', True)
    h, w = rng.choice([(480, 640), (600, 800), (768, 1024)])
    frames = variant.get('frames', 1)
    bgs = us_background(nrng, h, w, frames)
    face, size = pick_face(rng), pick_size(rng)
    pool, views = us_harmless(rng)
    rng.shuffle(pool)
    color = rng.choice([1.0, (1.0, 1.0, 0.55), (0.6, 1.0, 0.7), (0.85, 0.95, 1.0)]) if rgb else rng.choice([1.0, 0.9])
    blocks = []
    sp = spacing(rng)
    if phi:
        ids = identity_lines(rng, ident, identity_set(rng, {'op': 0.5, 'inst': 0.5}))
        # top bar across the screen (name, id, date) or a top-left block
        if rng.random() < 0.35:
            bar_items = [it[0] for it in ids[:3]]
            line = [bar_items[0]] + [Seg(x, 3.0) for x in bar_items[1:]]
            blocks.append(Block([line], 'tl', face, size, 1.3, color, 'bar', margin=4, where='top-bar'))
            rest = ids[3:]
        else:
            rest = ids
        if rest:
            # a harmless word on the same line as a PHI line, sometimes
            if rng.random() < 0.5:
                rest[0] = mixed_line(rng, rest[0][0], H(pool.pop(), 'us-param'))
            anchor = 'tl' if not blocks else 'bl'
            blocks.append(Block(rest, anchor, face, size, sp, color, 'plain', margin=rng.choice([4, 6, 10])))
    right = [[H(pool.pop(), 'us-param')] for _ in range(rng.randint(3, 6))]
    blocks.append(Block(right, 'tr', face, size, sp, color, 'plain', margin=rng.choice([4, 8]), where='right-column'))
    view = H(rng.choice(views), 'body-part')
    blocks.append(Block([[view]], 'bc', rng.choice(TITLE_FACES), pick_size(rng, False), 1.2, color,
                        rng.choice(['plain', 'inverse']), margin=8))
    if not any(b.anchor == 'bl' for b in blocks):
        blocks.append(Block([[H(pool.pop(), 'us-param')], [H(pool.pop(), 'us-param')]], 'bl', face, size, sp, color,
                            'plain', margin=6))
    # depth scale numbers beside the sector, over nothing but black
    ticks = []
    step = (h - 100) // 4
    for k in range(1, 4):
        yv = 30 + k * step
        ticks.append(Block([[H(str(k * 4), 'depth-scale')]], 'at', 'NimbusSans', 10, 1.2, color,
                           'plain', at=(w / 2 + (yv - 30) * 0.73 + 10, yv - 6), where='depth-scale'))
    blocks.extend(ticks)
    # a measurement over the speckle, as calipers leave it
    if rng.random() < 0.6:
        meas = H(rng.choice([f'+ {rng.randint(50, 900) / 100:.2f} cm', f'x {rng.randint(10, 90) / 10:.1f} mm',
                             f'D1 {rng.randint(50, 900) / 100:.2f}cm']), 'measurement')
        blocks.append(Block([[meas]], 'at', face, size, 1.2, color, 'plain', at=(w * 0.40, h * 0.70),
                            where='over-image'))
    spp = 3 if rgb else 1
    if rgb:
        bgs = [np.repeat(b[:, :, None], 3, axis=2) for b in bgs]
    return Screen('US', SOP['US-MF'] if frames > 1 else SOP['US'], h, w, frames, spp, 'RGB' if rgb else 'MONOCHROME2',
                  8, False, 0, 255, bgs, blocks)


def build_ct(rng, nrng, ident, variant, phi=True):
    h = w = 512
    hu = body_background(nrng, h, w, 'ct')
    signed = variant.get('signed', False)
    intercept = 0 if signed else -1024
    stored = hu - intercept
    lo = -1000 - intercept
    hi = 3071 - intercept
    face, size = pick_face(rng), pick_size(rng)
    sp = spacing(rng)
    pool = ct_harmless(rng)
    rng.shuffle(pool)
    blocks = []
    if phi:
        ids = identity_lines(rng, ident, identity_set(rng, {'acc': 0.5, 'inst': 0.5, 'dob': 0.5}))
        a, b = ids[:(len(ids) + 1) // 2], ids[(len(ids) + 1) // 2:]
        if rng.random() < 0.5 and a:
            a[-1] = mixed_line(rng, a[-1][0], H(pool.pop(), 'ct-param'), rng.random() < 0.5)
        blocks.append(Block(a, 'tl', face, size, sp, 1.0, 'plain', margin=rng.choice([3, 5, 8])))
        if b:
            blocks.append(Block(b, 'tr', face, size, sp, 1.0, 'plain', margin=rng.choice([3, 5, 8])))
    blocks.append(Block([[H(pool.pop(), 'ct-param')] for _ in range(rng.randint(2, 4))], 'bl', face, size, sp, 1.0,
                        'plain', margin=5))
    blocks.append(Block([[H(pool.pop(), 'ct-param')] for _ in range(rng.randint(2, 4))], 'br', face, size, sp, 0.85,
                        'plain', margin=5))
    if not phi or rng.random() < 0.5:
        blocks.append(Block([[H(pool.pop(), 'ct-param')]], 'tr' if not phi else 'tc', face, size, sp, 1.0, 'plain',
                            margin=5))
    # orientation letters at the edges' middles
    big = rng.choice([12, 14, 16])
    blocks.append(Block([[H('A', 'orientation')]], 'at', 'NimbusSans-Bold', big, 1.2, 1.0, 'plain',
                        at=(w / 2 - 4, 60), where='edge-top'))
    blocks.append(Block([[H('R', 'orientation')]], 'at', 'NimbusSans-Bold', big, 1.2, 1.0, 'plain',
                        at=(8, h / 2 - 8), where='edge-left'))
    bg = [stored]
    extra = {'RescaleIntercept': intercept, 'RescaleSlope': 1, 'WindowCenter': 40, 'WindowWidth': 400}
    return Screen('CT', SOP['CT'], h, w, 1, 1, 'MONOCHROME2', 12 if not signed else 16, signed, lo, hi, bg, blocks,
                  extra)


def build_mr(rng, nrng, ident, variant, phi=True):
    h = w = 512
    img = body_background(nrng, h, w, 'mr')
    face, size = pick_face(rng), pick_size(rng)
    sp = spacing(rng)
    pool = mr_harmless(rng)
    rng.shuffle(pool)
    blocks = []
    seq = H(rng.choice(['T2 TSE AX', 'FLAIR COR', 'DWI b1000', 'T1 MPRAGE SAG', 'STIR COR']), 'sequence')
    if phi:
        ids = identity_lines(rng, ident, identity_set(rng, {'dob': 0.6, 'inst': 0.5, 'date': 0.5}))
        # right-aligned identity column, the sequence title centred on top
        blocks.append(Block(ids, rng.choice(['tr', 'tl']), face, size, sp, 1.0, 'plain', margin=rng.choice([4, 7])))
    blocks.append(Block([[seq]], 'tc' if phi and blocks[0].anchor == 'tl' else 'bc', rng.choice(TITLE_FACES),
                        pick_size(rng, False), 1.2, 1.0, rng.choice(['plain', 'inverse']), margin=6))
    if phi and blocks[0].anchor == 'tr':
        blocks[-1].anchor = 'bc'
    left_anchor = 'bl'
    blocks.append(Block([[H(pool.pop(), 'mr-param')] for _ in range(rng.randint(3, 5))], left_anchor, face, size, sp,
                        1.0, 'plain', margin=5))
    blocks.append(Block([[H(pool.pop(), 'mr-param')] for _ in range(rng.randint(2, 3))], 'br', face, size, sp, 1.0,
                        'plain', margin=5))
    if blocks[0].anchor == 'tr' or not phi:
        blocks.append(Block([[H(pool.pop(), 'mr-param')]], 'tl', face, size, sp, 1.0, 'plain', margin=5))
    extra = {'WindowCenter': 900, 'WindowWidth': 1800}
    return Screen('MR', SOP['MR'], h, w, 1, 1, 'MONOCHROME2', 12, False, 0, 4095, [img], blocks, extra)


def build_xr(rng, nrng, ident, variant, phi=True):
    modality = variant.get('modality', 'CR')
    h, w = rng.choice([(1760, 1440), (1536, 1280), (1200, 1500), (1900, 1560)])
    img = body_background(nrng, h, w, 'xr')
    mono1 = variant.get('mono1', False)
    face, size = pick_face(rng), rng.choice([10, 12, 14, 16, 18])
    sp = spacing(rng)
    pool = xr_harmless(rng)
    rng.shuffle(pool)
    blocks = []
    if phi:
        ids = identity_lines(rng, ident, identity_set(rng, {'dob': 0.6, 'acc': 0.6, 'inst': 0.6, 'age': 0.5}))
        style = rng.choice(['plain', 'plain', 'inverse'])
        if rng.random() < 0.5 and len(ids) > 1:
            ids[1] = mixed_line(rng, ids[1][0], H(pool.pop(), 'xr-param'))
        blocks.append(Block(ids, rng.choice(['tl', 'tr', 'br']), face, size, sp if style == 'plain' else 1.5, 1.0,
                            style, margin=rng.choice([10, 20, 30])))
    taken = {b.anchor for b in blocks}
    free = [a for a in ['tl', 'tr', 'bl', 'br'] if a not in taken]
    blocks.append(Block([[H(pool.pop(), 'xr-param')] for _ in range(rng.randint(2, 4))], free[0], face, size, sp,
                        1.0, 'plain', margin=20))
    # side marker, big, over the body
    marker = H(rng.choice(['L', 'R']), 'side-marker')
    blocks.append(Block([[marker]], 'at', rng.choice(['NimbusSans-Bold', 'DejaVuSansCondensed-Bold']), 18, 1.2, 1.0,
                        rng.choice(['plain', 'inverse']), at=(w * 0.78, h * 0.22), where='over-image'))
    view = H(rng.choice(['AP', 'PA ERECT', 'LAT DECUB', 'PORTABLE SUPINE', 'KNEE LAT', 'HAND PA']), 'view')
    blocks.append(Block([[view]], 'at', face, size, 1.2, 1.0, 'plain', at=(w * 0.12, h * 0.40), where='over-image'))
    # 10 cm scale bar (a drawn line) and its label
    bars = {'scale': (int(w * 0.07), int(h * 0.62), int(w * 0.07) + 200)}
    blocks.append(Block([[H(rng.choice(['10 cm', '100 mm', '10cm']), 'scale-label')]], 'at', face, size, 1.2, 1.0,
                        'plain', at=(w * 0.07, h * 0.62 + 8), where='scale'))
    extra = {'WindowCenter': 2048, 'WindowWidth': 4096, 'bars': bars}
    if mono1:
        extra['mono1'] = True
    return Screen(modality, SOP[modality], h, w, 1, 1, 'MONOCHROME1' if mono1 else 'MONOCHROME2', 12, False, 0,
                  4095, [img], blocks, extra)


def build_xa(rng, nrng, ident, variant, phi=True):
    modality = variant.get('modality', 'XA')
    h = w = rng.choice([512, 1024])
    frames = variant.get('frames', 1)
    bgs = [body_background(nrng, h, w, 'xa') for _ in range(frames)]
    face, size = pick_face(rng), pick_size(rng)
    sp = spacing(rng)
    pool = xa_harmless(rng)
    rng.shuffle(pool)
    blocks = []
    if phi:
        ids = identity_lines(rng, ident, identity_set(rng, {'date': 0.6, 'ref': 0.4, 'inst': 0.4}))
        blocks.append(Block(ids, 'tl', face, size, sp, 1.0, 'plain', margin=5))
    blocks.append(Block([[H(pool.pop(), 'xa-param')] for _ in range(rng.randint(2, 4))], 'tr', face, size, sp, 1.0,
                        'plain', margin=5))
    blocks.append(Block([[H(pool.pop(), 'xa-param')] for _ in range(rng.randint(1, 3))], 'br', face, size, sp, 1.0,
                        'plain', margin=5))
    if not phi or rng.random() < 0.5:
        blocks.append(Block([[H(pool.pop(), 'xa-param')]], 'bl', face, size, sp, 1.0, 'plain', margin=5))
    sop = SOP[modality]
    return Screen(modality, sop, h, w, frames, 1, 'MONOCHROME2', 8, False, 0, 255, bgs, blocks)


def build_nm(rng, nrng, ident, variant, phi=True):
    modality = variant.get('modality', 'NM')
    h, w = (512, 512) if modality == 'NM' else (400, 400)
    img = body_background(nrng, h, w, 'nm')
    face, size = pick_face(rng), pick_size(rng)
    sp = spacing(rng)
    pool = nm_harmless(rng, modality)
    rng.shuffle(pool)
    hi = 1000
    blocks = []
    if phi:
        ids = identity_lines(rng, ident, identity_set(rng, {'dob': 0.6, 'age': 0.5, 'date': 0.5}))
        if rng.random() < 0.5:
            ids[0] = mixed_line(rng, ids[0][0], H(rng.choice(['ANT', 'POST', 'MIP']), 'view'), rng.random() < 0.5)
        blocks.append(Block(ids, 'bl', face, size, sp, 1.0, rng.choice(['plain', 'inverse']),
                            margin=5))
    blocks.append(Block([[H(pool.pop(), 'nm-param')] for _ in range(rng.randint(2, 4))], 'tr', face, size, sp, 1.0,
                        'plain', margin=5))
    blocks.append(Block([[H(pool.pop(), 'nm-param')] for _ in range(rng.randint(1, 3))], 'br', face, size, sp, 1.0,
                        'plain', margin=5))
    title = H(rng.choice(['WB Bone Scan', 'Whole Body', 'Bone ANT/POST']) if modality == 'NM' else
              rng.choice(['PET/CT FDG', 'Whole Body PET', 'PET MIP']), 'title')
    blocks.append(Block([[title]], 'tl', rng.choice(TITLE_FACES), pick_size(rng, False), 1.2, 1.0, 'plain', margin=5))
    return Screen(modality, SOP[modality], h, w, 1, 1, 'MONOCHROME2', 16, False, 0, hi, [img], blocks,
                  {'RescaleIntercept': 0, 'RescaleSlope': 1} if modality == 'PT' else {})


BUILDERS = {'US': build_us, 'CT': build_ct, 'MR': build_mr, 'XR': build_xr, 'XA': build_xa, 'NM': build_nm}

# (builder, variant, transfer syntax, PHI drawn)
PLAN = [
    ('US', {'rgb': True}, 'explicit', True), ('US', {'rgb': True}, 'jpeg', True),
    ('US', {'rgb': False}, 'implicit', True),
    ('US', {'rgb': True, 'frames': 3}, 'explicit', True), ('US', {'rgb': False, 'frames': 4}, 'rle', True),
    ('US', {'rgb': False}, 'jpeg', True), ('US', {'rgb': True}, 'rle', True), ('US', {'rgb': True}, 'jpeg', False),
    ('US', {'rgb': True}, 'explicit', True), ('US', {'rgb': True, 'frames': 2}, 'jpeg', True),
    ('CT', {}, 'explicit', True), ('CT', {'signed': True}, 'implicit', True), ('CT', {}, 'rle', True),
    ('CT', {'signed': True}, 'explicit', True), ('CT', {}, 'explicit', False), ('CT', {}, 'implicit', True),
    ('CT', {'signed': True}, 'explicit', True),
    ('MR', {}, 'explicit', True), ('MR', {}, 'implicit', True), ('MR', {}, 'rle', True), ('MR', {}, 'explicit', False),
    ('MR', {}, 'explicit', True), ('MR', {}, 'explicit', True),
    ('XR', {'modality': 'CR'}, 'explicit', True), ('XR', {'modality': 'DX'}, 'explicit', True),
    ('XR', {'modality': 'CR', 'mono1': True}, 'implicit', True), ('XR', {'modality': 'DX'}, 'rle', True),
    ('XR', {'modality': 'CR'}, 'explicit', False), ('XR', {'modality': 'DX'}, 'explicit', True),
    ('XA', {'modality': 'XA'}, 'explicit', True), ('XA', {'modality': 'XA', 'frames': 5}, 'explicit', True),
    ('XA', {'modality': 'RF'}, 'implicit', True), ('XA', {'modality': 'RF'}, 'rle', True),
    ('XA', {'modality': 'XA'}, 'explicit', False),
    ('NM', {'modality': 'NM'}, 'explicit', True), ('NM', {'modality': 'PT'}, 'explicit', True),
    ('NM', {'modality': 'NM'}, 'implicit', True), ('NM', {'modality': 'PT'}, 'explicit', False),
    ('US', {'rgb': False}, 'explicit', True), ('CT', {}, 'explicit', True),
]


def build_screen(index, seed, spec):
    kind, variant, _ts, phi = spec
    for attempt in range(40):
        rng = random.Random(f'{seed}:{index}:{attempt}')
        nrng = np.random.default_rng([seed, index, attempt])
        ident = Identity(rng, index)
        ident.screen_modality = kind
        screen = BUILDERS[kind](rng, nrng, ident, variant, phi)
        try:
            drawn = draw_screen(screen)
            return ident, screen, drawn
        except ValueError as err:
            last = err
            continue
    raise RuntimeError(f'screen {index}: no layout fits after 40 attempts ({last})')


def draw_screen(screen: Screen):
    frames = []
    drawn0 = None
    order = sorted(screen.blocks, key=lambda b: 0 if b.style == 'bar' else 1)
    for bg in screen.backgrounds:
        canvas = bg.astype(np.float64).copy()
        for (x0, y, x1) in screen.extra.get('bars', {}).values():
            canvas[y:y + 3, x0:x1] = screen.hi
            for t in range(x0, x1 + 1, 20):
                canvas[y - 6:y, t:t + 2] = screen.hi
        occupied = np.zeros(canvas.shape[:2], dtype=bool)
        if 'bars' in screen.extra:
            for (x0, y, x1) in screen.extra['bars'].values():
                occupied[y - 7:y + 4, x0 - 1:x1 + 3] = True
        drawn = Drawn()
        layout_and_draw(canvas, order, screen.lo, screen.hi, drawn, occupied)
        if drawn0 is None:
            drawn0 = drawn
        frames.append(canvas)
    screen.canvases = frames
    return drawn0


def to_stored(screen: Screen):
    arrs = []
    for c in screen.canvases:
        a = np.rint(c)
        if screen.extra.get('mono1'):
            a = screen.hi - a  # MONOCHROME1: the same picture, stored inverted
        if screen.bits_stored == 8:
            a = np.clip(a, 0, 255).astype(np.uint8)
        elif screen.signed:
            a = np.clip(a, -32768, 32767).astype(np.int16)
        else:
            a = np.clip(a, 0, (1 << screen.bits_stored) - 1).astype(np.uint16)
        arrs.append(a)
    return np.stack(arrs) if screen.frames > 1 else arrs[0]


def make_dataset(index, seed, ident: Identity, screen: Screen, ts: str, phi: bool):
    ds = Dataset()
    uid = lambda what: generate_uid(entropy_srcs=[str(seed), str(index), what])  # noqa: E731
    ds.SpecificCharacterSet = 'ISO_IR 192'
    ds.ImageType = ['ORIGINAL', 'PRIMARY']
    ds.SOPClassUID = screen.sop
    ds.SOPInstanceUID = uid('sop')
    ds.StudyDate = ident.dicom_date(ident.study)
    ds.SeriesDate = ds.StudyDate
    ds.ContentDate = ds.StudyDate
    ds.StudyTime = f'{9 + index % 8:02d}{(index * 7) % 60:02d}15'
    ds.ContentTime = ds.StudyTime
    ds.AccessionNumber = ident.accession
    ds.Modality = screen.modality
    ds.Manufacturer = 'Kestrelvale Imaging'
    ds.InstitutionName = ident.institution
    ds.ReferringPhysicianName = ident.ref_pn()
    ds.StudyDescription = {'US': 'US ABDOMEN', 'CT': 'CT CHEST W CONTRAST', 'MR': 'MR BRAIN W/WO',
                           'CR': 'XR CHEST 2 VIEWS', 'DX': 'XR KNEE 3 VIEWS', 'XA': 'CORONARY ANGIO',
                           'RF': 'FLUORO SWALLOW', 'NM': 'NM BONE SCAN WB', 'PT': 'PET CT FDG'}[screen.modality]
    ds.SeriesDescription = 'SCREEN'
    ds.OperatorsName = ident.op_pn()
    ds.PerformingPhysicianName = f'{ident.ref_family}^{ident.ref_given}'
    ds.PatientName = ident.pn()
    ds.PatientID = ident.pid
    ds.PatientBirthDate = ident.dicom_date(ident.birth)
    ds.PatientSex = ident.sex
    ds.PatientAge = f'{ident.age:03d}Y'
    ds.BurnedInAnnotation = 'YES' if phi else 'NO'
    ds.StudyInstanceUID = uid('study')
    ds.SeriesInstanceUID = uid('series')
    ds.StudyID = str(100 + index)
    ds.SeriesNumber = 1
    ds.InstanceNumber = 1
    ds.SamplesPerPixel = screen.spp
    ds.PhotometricInterpretation = screen.photometric
    if screen.spp == 3:
        ds.PlanarConfiguration = 0
    ds.Rows, ds.Columns = screen.rows, screen.cols
    ds.BitsAllocated = 8 if screen.bits_stored == 8 else 16
    ds.BitsStored = screen.bits_stored
    ds.HighBit = screen.bits_stored - 1
    ds.PixelRepresentation = 1 if screen.signed else 0
    if screen.frames > 1:
        ds.NumberOfFrames = screen.frames
        ds.FrameTime = 33.3
        ds.FrameIncrementPointer = pydicom.tag.Tag(0x0018, 0x1063)
    for k in ('RescaleIntercept', 'RescaleSlope', 'WindowCenter', 'WindowWidth'):
        if k in screen.extra:
            setattr(ds, k, screen.extra[k])
    if screen.modality == 'CT':
        ds.KVP = 120
        ds.SliceThickness = 2.5
    arr = to_stored(screen)
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = ds.SOPClassUID
    meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    meta.ImplementationClassUID = generate_uid(entropy_srcs=['heldout-v2-pixels'])
    ds.file_meta = meta
    ds.preamble = b'\0' * 128
    if ts == 'jpeg':
        frames = arr if screen.frames > 1 else arr[None]
        blobs = []
        for fr in frames:
            buf = io.BytesIO()
            mode = 'RGB' if screen.spp == 3 else 'L'
            Image.fromarray(fr, mode).save(buf, 'JPEG', quality=90, subsampling=1 if screen.spp == 3 else 0)
            blobs.append(buf.getvalue())
        ds.PixelData = encapsulate(blobs)
        ds['PixelData'].is_undefined_length = True
        ds['PixelData'].VR = 'OB'
        if screen.spp == 3:
            ds.PhotometricInterpretation = 'YBR_FULL_422'
        ds.LossyImageCompression = '01'
        ds.LossyImageCompressionRatio = round(arr.nbytes / sum(len(b) for b in blobs), 2)
        ds.LossyImageCompressionMethod = 'ISO_10918_1'
        meta.TransferSyntaxUID = JPEGBaseline8Bit
        ds.is_little_endian, ds.is_implicit_VR = True, False
    elif ts == 'rle':
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds.is_little_endian, ds.is_implicit_VR = True, False
        ds.compress(RLELossless, arr)
    else:
        ds.PixelData = arr.tobytes()
        ds['PixelData'].VR = 'OW' if ds.BitsAllocated == 16 else 'OB'
        implicit = ts == 'implicit'
        meta.TransferSyntaxUID = ImplicitVRLittleEndian if implicit else ExplicitVRLittleEndian
        ds.is_little_endian, ds.is_implicit_VR = True, implicit
    return ds


def generate(out: str, seed: int = 20261201, count: int | None = None):
    os.makedirs(os.path.join(out, 'images'), exist_ok=True)
    truth = {'seed': seed, 'files': []}
    plan = PLAN[:count] if count else PLAN
    for index, spec in enumerate(plan):
        ident, screen, drawn = build_screen(index, seed, spec)
        ds = make_dataset(index, seed, ident, screen, spec[2], spec[3])
        name = f'{index:02d}.dcm'
        ds.save_as(os.path.join(out, 'images', name), write_like_original=False)
        for item in drawn.items:
            assert spec[3] or item['cls'] == 'harmless'
        truth['files'].append({
            'index': index, 'file': f'images/{name}', 'modality': screen.modality, 'transfer': spec[2],
            'photometric': ds.PhotometricInterpretation, 'frames': screen.frames, 'rows': screen.rows,
            'cols': screen.cols, 'phi_drawn': any(it['cls'] == 'phi' for it in drawn.items),
            'items': drawn.items, 'words': drawn.words,
        })
    with open(os.path.join(out, 'truth.json'), 'w') as fh:
        json.dump(truth, fh)
    return truth


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('out')
    ap.add_argument('--seed', type=int, default=20261201)
    ap.add_argument('--count', type=int, default=None)
    args = ap.parse_args()
    truth = generate(args.out, args.seed, args.count)
    n_items = sum(len(f['items']) for f in truth['files'])
    print(f'{len(truth["files"])} files, {n_items} text items -> {args.out}')


if __name__ == '__main__':
    main()
