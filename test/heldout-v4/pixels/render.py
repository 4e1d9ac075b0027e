"""Fonts and word-by-word text rendering for the fourth held-out burned-in text set, with the truth's ink masks.

Every item is drawn one word at a time at the advance of the text before it (plus letter spacing when the style asks
for it), each word into its own coverage layer, so each word's ink mask is the render itself, never a guess. The
layers are then composed onto the screen with the item's effect (shadow, outline), colour and band. Rotated items are
drawn flat and turned by a quarter turn (np.rot90: no resampling), their masks with them.
"""
from __future__ import annotations

import base64
import gzip
import os
import unicodedata

import numpy as np
from PIL import Image, ImageDraw, ImageFont
from PIL.PcfFontFile import PcfFontFile

MISC = '/usr/share/fonts/X11/misc'
TTF = {
    # fonts-roboto-unhinted
    'Roboto': '/usr/share/fonts/truetype/roboto/unhinted/RobotoTTF/Roboto-Regular.ttf',
    'Roboto Medium': '/usr/share/fonts/truetype/roboto/unhinted/RobotoTTF/Roboto-Medium.ttf',
    'Roboto Bold': '/usr/share/fonts/truetype/roboto/unhinted/RobotoTTF/Roboto-Bold.ttf',
    'Roboto Condensed': '/usr/share/fonts/truetype/roboto/unhinted/RobotoCondensed-Regular.ttf',
    'Roboto Condensed Bold': '/usr/share/fonts/truetype/roboto/unhinted/RobotoCondensed-Bold.ttf',
    # fonts-open-sans
    'Open Sans': '/usr/share/fonts/truetype/open-sans/OpenSans-Regular.ttf',
    'Open Sans Semibold': '/usr/share/fonts/truetype/open-sans/OpenSans-Semibold.ttf',
    'Open Sans Cond Bold': '/usr/share/fonts/truetype/open-sans/OpenSans-CondBold.ttf',
    # fonts-freefont-ttf
    'FreeSans': '/usr/share/fonts/truetype/freefont/FreeSans.ttf',
    'FreeSans Bold': '/usr/share/fonts/truetype/freefont/FreeSansBold.ttf',
    'FreeMono Bold': '/usr/share/fonts/truetype/freefont/FreeMonoBold.ttf',
    'FreeSerif': '/usr/share/fonts/truetype/freefont/FreeSerif.ttf',
    # fonts-crosextra-carlito
    'Carlito': '/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf',
    'Carlito Bold': '/usr/share/fonts/truetype/crosextra/Carlito-Bold.ttf',
    # fonts-go
    'Go': '/usr/share/fonts/fonts-go/Go-Regular.ttf',
    'Go Medium': '/usr/share/fonts/fonts-go/Go-Medium.ttf',
    'Go Mono': '/usr/share/fonts/fonts-go/Go-Mono.ttf',
    'Go Mono Bold': '/usr/share/fonts/fonts-go/Go-Mono-Bold.ttf',
    'Go Smallcaps': '/usr/share/fonts/fonts-go/Go-Smallcaps.ttf',
    # fonts-inconsolata
    'Inconsolata': '/usr/share/fonts/truetype/inconsolata/Inconsolata.otf',
    # fonts-cantarell
    'Cantarell': '/usr/share/fonts/opentype/cantarell/Cantarell-Regular.otf',
    'Cantarell Bold': '/usr/share/fonts/opentype/cantarell/Cantarell-Bold.otf',
}
# fonts-terminus-otb: bitmap strikes read by FreeType (only these sizes exist)
OTB = {
    'Terminus': '/usr/share/fonts/opentype/terminus/terminus-normal.otb',
    'Terminus Bold': '/usr/share/fonts/opentype/terminus/terminus-bold.otb',
}
OTB_SIZES = (12, 14, 16, 18, 20, 22, 24)
# xfonts-base: X11 misc-fixed bitmap fonts (PCF), converted for Pillow once per run; the name gives the cell
# (12x24 and the proportional cl* faces are left out: Pillow's conversion of the first garbles, the others lack Latin-1)
PCF = ('5x8', '6x10', '6x13', '6x13B', '7x13B', '7x14', '7x14B', '8x13', '8x13B', '9x15', '9x15B', '9x18B', '10x20')
# faces with the accented Latin letters the names use (the rest print names folded to ASCII, as many consoles do)
ACCENTS_OK = {'Roboto', 'Roboto Medium', 'Roboto Bold', 'Roboto Condensed', 'Roboto Condensed Bold', 'Open Sans',
              'Open Sans Semibold', 'Open Sans Cond Bold', 'FreeSans', 'FreeSans Bold', 'Carlito', 'Carlito Bold',
              'Cantarell', 'Cantarell Bold'}

_cache: dict = {}


FOLD = str.maketrans({'ł': 'l', 'Ł': 'L', 'ı': 'i', 'đ': 'd', 'Đ': 'D', 'ʻ': "'", '’': "'"})


def fold(text: str, limit: int = 0xFF) -> str:
    """Letters a console's font holds: Latin-1 for most faces, Latin Extended-A too for the faces in ACCENTS_OK;
    other letters lose their marks (ễ -> e), as many consoles print them (ł, ı and đ have no mark to drop)."""
    out = []
    for c in text:
        if ord(c) <= limit:
            out.append(c)
            continue
        c = c.translate(FOLD)
        base = ''.join(x for x in unicodedata.normalize('NFD', c) if not unicodedata.combining(x))
        out.append(base if all(ord(x) <= 0xFF for x in base) else '?')
    return ''.join(out)


def is_bitmap(name: str) -> bool:
    return name in PCF or name in OTB


def pcf_size(name: str) -> int:
    """Cell height of a misc-fixed font named WxH (with a cl/B/O decoration)."""
    core = name.rstrip('BO')
    return int(core.split('x')[1])


def load(name: str, size: int, workdir: str):
    """A Pillow font: TrueType/OpenType at `size`, a Terminus strike, or a misc-fixed PCF (its own size)."""
    key = (name, size)
    if key in _cache:
        return _cache[key]
    if name in TTF:
        f = ImageFont.truetype(TTF[name], size)
    elif name in OTB:
        f = ImageFont.truetype(OTB[name], size)
    elif name in PCF:
        base = os.path.join(workdir, 'pcf-' + name)
        if not os.path.exists(base + '.pil'):
            with gzip.open(os.path.join(MISC, name + '.pcf.gz'), 'rb') as fh:
                PcfFontFile(fh).save(base)
        f = ImageFont.load(base + '.pil')
    else:
        raise KeyError(name)
    _cache[key] = f
    return f


def _advance(font, text: str) -> float:
    return float(font.getlength(text)) if text else 0.0


def layout_words(font, words, tracking: int):
    """x offset of each word (and of each character when letters are spaced) along the line."""
    out = []
    if tracking == 0:
        line = ''
        for i, w in enumerate(words):
            if i:
                line += ' '
            out.append([(round(_advance(font, line)), w)])
            line += w
        return out, round(_advance(font, line))
    x = 0.0
    space = _advance(font, ' ') + tracking
    for i, w in enumerate(words):
        if i:
            x += space
        chars = []
        for c in w:
            chars.append((round(x), c))
            x += _advance(font, c) + tracking
        out.append(chars)
    return out, round(x - tracking)


def render_item(text_words, font, aliased: bool, tracking: int = 0):
    """Coverage layers (0..1 float) of each word of an item drawn flat at (pad, pad): (layers, height, width)."""
    pos, width = layout_words(font, text_words, tracking)
    asc_box = [font.getbbox(w) for w in text_words]
    top = min(b[1] for b in asc_box)
    bottom = max(b[3] for b in asc_box)
    pad = 3
    h = bottom - min(top, 0) + 2 * pad
    w = width + 2 * pad + 4
    layers = []
    for chars in pos:
        img = Image.new('L', (w, h), 0)
        d = ImageDraw.Draw(img)
        if aliased:
            d.fontmode = '1'
        for x, c in chars:
            d.text((x + pad, pad - min(top, 0)), c, font=font, fill=255)
        layers.append(np.asarray(img, dtype=np.float64) / 255.0)
    return layers, h, w


def encode_mask(m: np.ndarray) -> str:
    return base64.b64encode(np.packbits(m.astype(np.uint8), axis=None).tobytes()).decode()


def word_mask(word) -> np.ndarray:
    """The core ink of a word (pixels the render covered at least half), box-sized, as the truth stores it."""
    x0, y0, x1, y1 = word['box']
    bits = np.unpackbits(np.frombuffer(base64.b64decode(word['mask']), dtype=np.uint8))
    return bits[:(y1 - y0) * (x1 - x0)].reshape(y1 - y0, x1 - x0).astype(bool)


def dilate(a: np.ndarray, r: int = 1) -> np.ndarray:
    out = a.copy()
    for dy in range(-r, r + 1):
        for dx in range(-r, r + 1):
            if dy or dx:
                out = np.maximum(out, np.roll(np.roll(a, dy, 0), dx, 1))
    return out
