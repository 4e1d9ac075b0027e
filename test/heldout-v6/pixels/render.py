"""Faces, word-by-word drawing with each word's ink mask, and the canvas that refuses touching items (sixth set).

A word is drawn at the face's advance for the text before it, into its own alpha patch; its *core ink* is the patch's
coverage >= 50%. Effects (shadow, outline, band, inverse box) are drawn before the ink. The same alpha is composited
onto every frame, so a word's ink is the same in all frames.
"""
from __future__ import annotations

import base64
import unicodedata

import numpy as np
from PIL import Image, ImageDraw, ImageFont

F = '/usr/share/fonts'
X11 = '/usr/share/fonts/X11/misc'
# name -> (path, kind): 'aa' TrueType/OpenType (anti-aliased unless drawn aliased), 'bitmap' (one native size)
FACES = {
    'B612': (f'{F}/opentype/b612/B612-Regular.otf', 'aa'),
    'B612-Bold': (f'{F}/opentype/b612/B612-Bold.otf', 'aa'),
    'B612Mono': (f'{F}/opentype/b612/B612Mono-Regular.otf', 'aa'),
    'Inter': (f'{F}/opentype/inter/Inter-Regular.otf', 'aa'),
    'Inter-SemiBold': (f'{F}/opentype/inter/Inter-SemiBold.otf', 'aa'),
    'InterDisplay-Medium': (f'{F}/opentype/inter/InterDisplay-Medium.otf', 'aa'),
    'Oxygen': (f'{F}/truetype/oxygen/Oxygen-Sans.ttf', 'aa'),
    'Oxygen-Bold': (f'{F}/truetype/oxygen/Oxygen-Sans-Bold.ttf', 'aa'),
    'OxygenMono': (f'{F}/truetype/oxygen/OxygenMono-Regular.ttf', 'aa'),
    'AnonymousPro': (f'{F}/truetype/anonymous-pro/Anonymous Pro.ttf', 'aa'),
    'AnonymousPro-Bold': (f'{F}/truetype/anonymous-pro/Anonymous Pro B.ttf', 'aa'),
    'mononoki': (f'{F}/truetype/mononoki/mononoki-Regular.ttf', 'aa'),
    'mononoki-Bold': (f'{F}/truetype/mononoki/mononoki-Bold.ttf', 'aa'),
    'Hermit': (f'{F}/truetype/hermit/Hermit-medium.otf', 'aa'),
    '3270': (f'{F}/truetype/3270/3270-Regular.ttf', 'aa'),
    '3270-SemiCond': (f'{F}/truetype/3270/3270SemiCondensed-Regular.ttf', 'aa'),
    'DSEG14': (f'{F}/truetype/dseg/DSEG14Classic-Regular.ttf', 'aa'),
    'ComicNeue': (f'{F}/opentype/comic-neue/ComicNeue-Regular.otf', 'aa'),
    'ComicNeue-Bold': (f'{F}/opentype/comic-neue/ComicNeue-Bold.otf', 'aa'),
    'Purisa': (f'{F}/truetype/tlwg/Purisa.ttf', 'aa'),
    'Purisa-Bold': (f'{F}/truetype/tlwg/Purisa-Bold.ttf', 'aa'),
    'OCRB': (f'{F}/opentype/ocr-b/OCRB.otf', 'aa'),
    'LinLibertine': (f'{F}/opentype/linux-libertine/LinLibertine_R.otf', 'aa'),
    'LinBiolinum': (f'{F}/opentype/linux-libertine/LinBiolinum_R.otf', 'aa'),
    'LinBiolinum-Bold': (f'{F}/opentype/linux-libertine/LinBiolinum_RB.otf', 'aa'),
    'Cabin': (f'{F}/opentype/cabin/Cabin-Regular.otf', 'aa'),
    'Cabin-SemiBold': (f'{F}/opentype/cabin/Cabin-SemiBold.otf', 'aa'),
    'Jura-Medium': (f'{F}/opentype/jura/Jura-Medium.otf', 'aa'),
    'Yanone': (f'{F}/opentype/yanone-kaffeesatz/YanoneKaffeesatz-Regular.otf', 'aa'),
    'LeagueSpartan': (f'{F}/opentype/league-spartan/LeagueSpartan-Medium.otf', 'aa'),
    'Andika': (f'{F}/truetype/andika/Andika-Regular.ttf', 'aa'),
    # xfonts-jmk's Neep and Modd bitmaps (Latin-1 strikes), read through FreeType
    'neep-10': (f'{X11}/neep-iso8859-1-05x10.pcf.gz', 'bitmap'),
    'neep-11': (f'{X11}/neep-iso8859-1-06x11.pcf.gz', 'bitmap'),
    'neep-11B': (f'{X11}/neep-iso8859-1-06x11-bold.pcf.gz', 'bitmap'),
    'neep-13': (f'{X11}/neep-iso8859-1-06x13.pcf.gz', 'bitmap'),
    'neep-15': (f'{X11}/neep-iso8859-1-08x15.pcf.gz', 'bitmap'),
    'neep-15B': (f'{X11}/neep-iso8859-1-08x15-bold.pcf.gz', 'bitmap'),
    'neep-20': (f'{X11}/neep-iso8859-1-10x20.pcf.gz', 'bitmap'),
    'neep-24B': (f'{X11}/neep-iso8859-1-12x24-bold.pcf.gz', 'bitmap'),
    'neep-alt-13': (f'{X11}/neep-alt-iso8859-1-06x13.pcf.gz', 'bitmap'),
    'modd-11': (f'{X11}/modd-iso8859-1-06x11.pcf.gz', 'bitmap'),
    'modd-13B': (f'{X11}/modd-iso8859-1-06x13-bold.pcf.gz', 'bitmap'),
}
BITMAP_SIZE = {'neep-10': 10, 'neep-11': 11, 'neep-11B': 11, 'neep-13': 13, 'neep-15': 15, 'neep-15B': 15,
               'neep-20': 20, 'neep-24B': 24, 'neep-alt-13': 13, 'modd-11': 11, 'modd-13B': 13}
_cache = {}


def font(name, size):
    """The face at `size` px (a bitmap face has one size: its own)."""
    path, kind = FACES[name]
    if kind == 'bitmap':
        size = BITMAP_SIZE[name]
    key = (name, size)
    if key not in _cache:
        _cache[key] = ImageFont.truetype(path, size)
    return _cache[key]


def face_size(name, size):
    return BITMAP_SIZE.get(name, size)


def has_glyph(name, ch):
    """Whether the face draws `ch` (a missing letter renders as the face's .notdef glyph)."""
    key = (name, ch)
    if key not in _cache:
        f = font(name, 14)
        mask = lambda c: (f.getmask(c).size, bytes(f.getmask(c)))  # noqa: E731
        _cache[key] = ch.isspace() or mask(ch) != mask('\U0010FFFD')
    return _cache[key]


def printable(name, text):
    """The text as the face prints it: letters the face lacks are printed without their marks (as consoles do)."""
    out = []
    for ch in text:
        if has_glyph(name, ch):
            out.append(ch)
            continue
        base = {'ð': 'd', 'Ð': 'D', 'þ': 'th', 'Þ': 'Th', 'ß': 'ss', 'Ł': 'L', 'ł': 'l', 'ø': 'o', 'Ø': 'O'}.get(ch)
        base = base or unicodedata.normalize('NFKD', ch).encode('ascii', 'ignore').decode() or '?'
        out.append(base if all(has_glyph(name, b) for b in base) else '?')
    return ''.join(out)


def pack_mask(core):
    return base64.b64encode(np.packbits(core.astype(np.uint8), axis=None).tobytes()).decode()


def word_mask(w):
    """A word's core ink (bool, rows x cols of its box) from its truth record."""
    x0, y0, x1, y1 = w['box']
    n = (y1 - y0) * (x1 - x0)
    bits = np.unpackbits(np.frombuffer(base64.b64decode(w['mask']), dtype=np.uint8))[:n]
    return bits.reshape(y1 - y0, x1 - x0).astype(bool)


def _dilate(a, r=1):
    out = a.copy()
    for _ in range(r):
        b = out.copy()
        b[1:, :] = np.maximum(b[1:, :], out[:-1, :])
        b[:-1, :] = np.maximum(b[:-1, :], out[1:, :])
        b[:, 1:] = np.maximum(b[:, 1:], out[:, :-1])
        b[:, :-1] = np.maximum(b[:, :-1], out[:, 1:])
        # diagonal neighbours too (a 3x3 outline)
        b[1:, 1:] = np.maximum(b[1:, 1:], out[:-1, :-1])
        b[:-1, :-1] = np.maximum(b[:-1, :-1], out[1:, 1:])
        b[1:, :-1] = np.maximum(b[1:, :-1], out[:-1, 1:])
        b[:-1, 1:] = np.maximum(b[:-1, 1:], out[1:, :-1])
        out = b
    return out


def render_line(name, size, parts, aliased=False, track=0):
    """Draws `parts` [(text, role)] as one line into a local alpha layer.

    Returns (alpha H x W float, words [(text, role, x0, y0, x1, y1, core)], text drawn); coordinates in the layer."""
    f = font(name, size)
    words = []
    for text, role in parts:
        for t in printable(name, text).split():
            words.append((t, role))
    line = ' '.join(t for t, _ in words)
    asc, desc = f.getmetrics()
    width = int(f.getlength(line) + track * len(line)) + 2 * size + 8
    height = asc + desc + 8
    pad = 4
    alpha = np.zeros((height + 2 * pad, width + 2 * pad), dtype=np.float64)
    out = []
    offset = 0
    for t, role in words:
        start = line.index(t, offset)
        offset = start + len(t)
        x = pad + f.getlength(line[:start]) + track * start
        layer = Image.new('L', alpha.shape[::-1], 0)
        d = ImageDraw.Draw(layer)
        if aliased or FACES[name][1] == 'bitmap':
            d.fontmode = '1'
        if track:
            cx = x
            for ch in t:
                d.text((round(cx), pad), ch, font=f, fill=255)
                cx += f.getlength(ch) + track
        else:
            d.text((round(x), pad), t, font=f, fill=255)
        a = np.asarray(layer, dtype=np.float64) / 255.0
        core = a >= 0.5
        if not core.any():
            raise ValueError(f'no ink for a word in {name} {size}px')
        ys, xs = np.nonzero(core)
        y0, y1, x0, x1 = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
        out.append((t, role, int(x0), int(y0), int(x1), int(y1), core[y0:y1, x0:x1]))
        alpha = np.maximum(alpha, a)
    ys, xs = np.nonzero(alpha > 0)
    cy0, cy1, cx0, cx1 = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
    # crop the layer to its ink (plus 3 px for effects)
    cy0, cx0 = max(0, int(cy0) - 3), max(0, int(cx0) - 3)
    cy1, cx1 = min(alpha.shape[0], int(cy1) + 3), min(alpha.shape[1], int(cx1) + 3)
    alpha = alpha[cy0:cy1, cx0:cx1]
    out = [(t, r, x0 - cx0, y0 - cy0, x1 - cx0, y1 - cy0, c) for t, r, x0, y0, x1, y1, c in out]
    return alpha, out, line, (pad - cx0, pad - cy0)


class Canvas:
    """Frames (F x H x W x C floats in display units 0..vmax) and the items drawn on them, with their truth."""

    def __init__(self, frames, vmax, colour):
        self.frames = frames
        self.vmax = float(vmax)
        self.colour = colour
        self.H, self.W = frames.shape[1:3]
        self.taken = np.zeros((self.H, self.W), dtype=bool)
        self.items, self.words, self.refused = [], [], []
        self.aliased = False
        self.mono1 = False

    def value(self, rgb):
        """A colour (0..255 RGB) in this image's units: RGB for colour, luma scaled to vmax for grey."""
        r, g, b = rgb
        if self.colour:
            return np.array([r, g, b], dtype=np.float64)
        return np.array([(0.299 * r + 0.587 * g + 0.114 * b) / 255.0 * self.vmax])

    def paint(self, x, y, alpha, rgb):
        """Composites a colour through an alpha patch at (x, y) on every frame (clipped to the image)."""
        h, w = alpha.shape
        X0, Y0, X1, Y1 = max(0, x), max(0, y), min(self.W, x + w), min(self.H, y + h)
        if X0 >= X1 or Y0 >= Y1:
            return
        a = alpha[Y0 - y:Y1 - y, X0 - x:X1 - x][None, :, :, None]
        v = self.value(rgb)
        reg = self.frames[:, Y0:Y1, X0:X1, :]
        self.frames[:, Y0:Y1, X0:X1, :] = reg * (1 - a) + v * a

    def rect(self, x0, y0, x1, y1, rgb, opacity=1.0):
        self.paint(x0, y0, np.full((y1 - y0, x1 - x0), opacity), rgb)

    def text(self, x, y, parts, face, size, ink, cls, kind, where='', anchor='l', effect=None, band=None,
             aliased=False, track=0, rot=False, caps=False):
        """Draws one item (a scoring unit) with its top-left (or right/centre edge by `anchor`) at x, y.

        parts: [(text, role)]; role 'phi' words of a PHI item are scored. effect: None, 'shadow' or 'outline'.
        band: None or (rgb, opacity, pad) drawn behind the item. Returns the item's right edge, or None if refused
        (its footprint, grown by 2 px, would touch an earlier item's)."""
        if caps:
            parts = [(t.upper(), r) for t, r in parts]
        aliased = (aliased or self.aliased) and FACES[face][1] != 'bitmap'  # a screen may draw without smoothing
        alpha, words, line, _ = render_line(face, size, parts, aliased, track)
        if rot:
            alpha = np.rot90(alpha)
            w0 = alpha.shape[0]  # the unrotated layer's width: rot90 turns (r, c) into (w0 - 1 - c, r)
            words = [(t, r, y0, w0 - x1, y1, w0 - x0, np.rot90(c)) for t, r, x0, y0, x1, y1, c in words]
        h, w = alpha.shape
        if anchor == 'r':
            x -= w
        elif anchor == 'c':
            x -= w // 2
        x, y = int(round(x)), int(round(y))
        if x < 0 or y < 0 or x + w > self.W or y + h > self.H:
            self.refused.append({'text': line, 'why': 'outside'})
            return None
        foot = alpha > 0
        if effect:
            foot = _dilate(foot.astype(np.float64), 1) > 0
        fy0, fx0, fy1, fx1 = y, x, y + h, x + w
        if band:  # the band is the ink's box grown by its pad
            p = band[2]
            iy, ix = np.nonzero(alpha > 0)
            fy0, fx0, fy1, fx1 = y + iy.min() - p, x + ix.min() - p, y + iy.max() + 1 + p, x + ix.max() + 1 + p
        g = 2
        Y0, X0, Y1, X1 = max(0, fy0 - g), max(0, fx0 - g), min(self.H, fy1 + g), min(self.W, fx1 + g)
        mine = np.zeros((Y1 - Y0, X1 - X0), dtype=bool)
        if band:
            mine[fy0 - Y0:fy1 - Y0, fx0 - X0:fx1 - X0] = True
            mine = _dilate(mine.astype(np.float64), g) > 0
        else:
            mine[y - Y0:y - Y0 + h, x - X0:x - X0 + w] = foot
            mine = _dilate(mine.astype(np.float64), g) > 0
        if (mine & self.taken[Y0:Y1, X0:X1]).any():
            self.refused.append({'text': line, 'why': 'touches'})
            return None
        self.taken[Y0:Y1, X0:X1] |= mine
        if band:
            self.rect(max(0, fx0), max(0, fy0), min(self.W, fx1), min(self.H, fy1), band[0], band[1])
        if effect == 'shadow':
            self.paint(x + 1, y + 1, alpha, (0, 0, 0))
        elif effect == 'outline':
            self.paint(x, y, _dilate(alpha, 1), (0, 0, 0))
        self.paint(x, y, alpha, ink)
        ids = []
        for t, r, x0, y0, x1, y1, c in words:
            rec = {'text': t, 'role': r, 'box': [x + x0, y + y0, x + x1, y + y1], 'mask': pack_mask(c)}
            if rot:
                rec['rot'] = True
            ids.append(len(self.words))
            self.words.append(rec)
        style = ['bitmap' if FACES[face][1] == 'bitmap' else ('aliased' if aliased else 'aa')]
        style += [s for s in (effect, 'band' if band and band[1] >= 1 else 'translucent' if band else None,
                              'caps' if caps else None, f'track{track}' if track else None,
                              'rot90' if rot else None) if s]
        self.items.append({'text': line, 'cls': cls, 'kind': kind, 'font': face, 'size': face_size(face, size),
                           'where': where, 'style': '+'.join(style), 'box': [x, y, x + w, y + h], 'words': ids})
        return x, x + w
