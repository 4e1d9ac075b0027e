"""Text drawing for the third held-out pixel set: Pillow/FreeType, word by word, so every word's ink is known.

A screen is a float canvas in stored units (H x W, or H x W x 3). Text comes in blocks of lines; a line holds one or
more items (the scoring units), each a run of words in the block's face. Each word is rendered on its own at the
advance FreeType gives for the item's text before it, and its coverage is kept: the truth holds the core ink (coverage
>= 50%) of every word as drawn, never a guessed box. The approach and the mask encoding (packed bits, base64) follow
test/heldout-v2/pixels/render.py so the same scorer reads both sets; the styles below are this set's own.

Styles a console uses, all here: aliased bitmap-like text (`aliased`, Pillow fontmode "1") or antialiased; a 1 px
shadow or a 1 px outline in a dark colour (`effect`); a band behind the block (`band`: solid box, translucent box,
full-width bar) or a light label box per item with dark ink (`band='inverse'`).
"""
from __future__ import annotations

import base64
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageDraw, ImageFont

U = '/usr/share/fonts/opentype/urw-base35/'
D = '/usr/share/fonts/truetype/dejavu/'
L = '/usr/share/fonts/truetype/liberation/'
N = '/usr/share/fonts/truetype/noto/'

# Faces of this set: sans, serif, mono, condensed, bold, one oblique. Chosen apart from the second set's list.
FACES = {
    'DejaVuSans': D + 'DejaVuSans.ttf',
    'DejaVuSans-Bold': D + 'DejaVuSans-Bold.ttf',
    'DejaVuSans-Oblique': D + 'DejaVuSans-Oblique.ttf',
    'DejaVuSansMono-Bold': D + 'DejaVuSansMono-Bold.ttf',
    'DejaVuSerifCondensed': D + 'DejaVuSerifCondensed.ttf',
    'DejaVuSerifCondensed-Bold': D + 'DejaVuSerifCondensed-Bold.ttf',
    'LiberationSans-Bold': L + 'LiberationSans-Bold.ttf',
    'LiberationSerif': L + 'LiberationSerif-Regular.ttf',
    'LiberationMono-Bold': L + 'LiberationMono-Bold.ttf',
    'LiberationSansNarrow-Bold': L + 'LiberationSansNarrow-Bold.ttf',
    'NimbusMonoPS': U + 'NimbusMonoPS-Regular.otf',
    'NimbusSans-Italic': U + 'NimbusSans-Italic.otf',
    'NimbusRoman-Bold': U + 'NimbusRoman-Bold.otf',
    'P052-Roman': U + 'P052-Roman.otf',
    'C059-Bold': U + 'C059-Bold.otf',
    'URWBookman-Demi': U + 'URWBookman-Demi.otf',
    'NimbusSansNarrow-Regular': U + 'NimbusSansNarrow-Regular.otf',
    'NotoMono': N + 'NotoMono-Regular.ttf',
}

CORE = 0.5  # core ink: coverage of at least half

_fonts: dict = {}


def font(face: str, size: int) -> ImageFont.FreeTypeFont:
    if (face, size) not in _fonts:
        _fonts[(face, size)] = ImageFont.truetype(FACES[face], size)
    return _fonts[(face, size)]


@dataclass
class Item:
    """A scoring unit. `label` leading words are a label (not scored); `unscored` indexes value words naming nobody."""
    text: str
    cls: str  # 'phi' | 'harmless'
    kind: str
    label: int = 0
    in_header: bool = True
    unscored: tuple = ()


@dataclass
class Block:
    lines: list  # each line: list of Item or (Item, gap in em before it)
    anchor: str  # tl tr bl br tc bc ml mr at
    face: str
    size: int
    spacing: float = 1.15
    color: object = 1.0  # fraction of [lo, hi] or an RGB triple of fractions
    aliased: bool = False
    effect: str = 'none'  # none | shadow | outline
    band: str = 'none'  # none | solid | translucent | bar | inverse
    band_color: object = 0.0
    at: tuple = (0, 0)
    align: str | None = None
    margin: int = 8
    where: str = ''


@dataclass
class Drawn:
    words: list = field(default_factory=list)
    items: list = field(default_factory=list)


class Overlap(ValueError):
    pass


def _value(color, lo, hi, channels):
    if isinstance(color, (tuple, list)):
        if channels == 1:
            return lo + (0.299 * color[0] + 0.587 * color[1] + 0.114 * color[2]) * (hi - lo)
        return np.array([lo + c * (hi - lo) for c in color])
    return lo + color * (hi - lo) if channels == 1 else np.array([lo + color * (hi - lo)] * 3)


def _alpha(tok, f, frac, aliased):
    l, t, r, b = f.getbbox(tok, anchor='ls')
    pad = 3
    pw, ph = r - l + 2 * pad, b - t + 2 * pad
    img = Image.new('L', (pw, ph), 0)
    d = ImageDraw.Draw(img)
    if aliased:
        d.fontmode = '1'
    d.text((pad - l + frac, pad - t), tok, font=f, fill=255, anchor='ls')
    return np.asarray(img, dtype=np.float64) / 255.0, l - pad, t - pad


def _grow(m):
    g = m.copy()
    g[1:, :] |= m[:-1, :]
    g[:-1, :] |= m[1:, :]
    g[:, 1:] |= m[:, :-1]
    g[:, :-1] |= m[:, 1:]
    g[1:, 1:] |= m[:-1, :-1]
    g[:-1, :-1] |= m[1:, 1:]
    g[1:, :-1] |= m[:-1, 1:]
    g[:-1, 1:] |= m[1:, :-1]
    return g


def _shift(a, dx, dy):
    o = np.zeros_like(a)
    h, w = a.shape
    o[max(0, dy):h + min(0, dy), max(0, dx):w + min(0, dx)] = a[max(0, -dy):h - max(0, dy), max(0, -dx):w - max(0, dx)]
    return o


def _fill(canvas, occupied, x0, y0, x1, y1, value, opacity=1.0):
    h, w = canvas.shape[:2]
    x0, y0, x1, y1 = max(0, int(x0)), max(0, int(y0)), min(w, int(x1)), min(h, int(y1))
    if occupied[y0:y1, x0:x1].any():
        raise Overlap(f'a band would cover drawn text at {x0},{y0}')
    region = canvas[y0:y1, x0:x1]
    region[...] = region * (1 - opacity) + value * opacity


def draw_blocks(canvas, blocks, lo, hi, drawn: Drawn, occupied):
    """Draws each block, retrying it with looser line spacing when two items' ink would touch."""
    for b in blocks:
        for attempt in range(5):
            saved = (canvas.copy(), occupied.copy(), len(drawn.words), len(drawn.items))
            try:
                _draw_block(canvas, b, lo, hi, drawn, occupied)
                break
            except Overlap:
                canvas[...], occupied[...] = saved[0], saved[1]
                del drawn.words[saved[2]:]
                del drawn.items[saved[3]:]
                if attempt == 4:
                    raise
                b.spacing += 0.06


def _draw_block(canvas, b: Block, lo, hi, drawn, occupied):
    h, w = canvas.shape[:2]
    channels = 1 if canvas.ndim == 2 else 3
    f = font(b.face, b.size)
    ascent, descent = f.getmetrics()
    lh = max(int(round(b.size * b.spacing)), b.size)
    lines = [[s if isinstance(s, tuple) else (s, 0.0 if i == 0 else 1.5) for i, s in enumerate(line)]
             for line in b.lines]
    widths = [sum(g * b.size + f.getlength(it.text) for it, g in line) for line in lines]
    bw, bh = max(widths), lh * (len(lines) - 1) + ascent + descent
    align = b.align or {'tr': 'right', 'br': 'right', 'mr': 'right', 'tc': 'center', 'bc': 'center'}.get(b.anchor, 'left')
    m = b.margin
    x0, y0 = {
        'tl': (m, m), 'tr': (w - m, m), 'bl': (m, h - m - bh), 'br': (w - m, h - m - bh),
        'tc': (w / 2, m), 'bc': (w / 2, h - m - bh), 'ml': (m, (h - bh) / 2), 'mr': (w - m, (h - bh) / 2),
    }.get(b.anchor, b.at)
    left = x0 - bw if align == 'right' else (x0 - bw / 2 if align == 'center' else x0)
    bandv = _value(b.band_color, lo, hi, channels)
    if b.band == 'solid':
        _fill(canvas, occupied, left - 4, y0 - 3, left + bw + 4, y0 + bh + 3, bandv)
    elif b.band == 'translucent':
        _fill(canvas, occupied, left - 4, y0 - 3, left + bw + 4, y0 + bh + 3, bandv, 0.6)
    elif b.band == 'bar':
        _fill(canvas, occupied, 0, y0 - 3, w, y0 + bh + 3, bandv)
    for li, line in enumerate(lines):
        base = int(round(y0 + li * lh + ascent))
        x = x0 - widths[li] if align == 'right' else (x0 - widths[li] / 2 if align == 'center' else x0)
        for it, gap in line:
            x += gap * b.size
            tw = f.getlength(it.text)
            color = b.color
            if b.band == 'inverse':
                _fill(canvas, occupied, int(x) - 3, base - ascent - 1, int(x + tw) + 4, base + descent + 1,
                      _value(0.9 if not isinstance(b.band_color, tuple) else b.band_color, lo, hi, channels))
                color = 0.05
            _draw_item(canvas, it, f, b, x, base, _value(color, lo, hi, channels), _value(0.0, lo, hi, channels),
                       drawn, occupied)
            x += tw


def _draw_item(canvas, it: Item, f, b: Block, x, base, value, dark, drawn, occupied):
    h, w = canvas.shape[:2]
    channels = 1 if canvas.ndim == 2 else 3
    tokens, pos = [], 0
    for tok in it.text.split(' '):
        if tok:
            tokens.append((pos, tok))
        pos += len(tok) + 1
    item_index = len(drawn.items)
    mine = np.zeros(occupied.shape, dtype=bool)
    ids = []
    for wi, (start, tok) in enumerate(tokens):
        wx = x + f.getlength(it.text[:start])
        alpha, ol, ot = _alpha(tok, f, wx - int(wx), b.aliased)
        ox, oy = int(wx) + ol, base + ot
        ph, pw = alpha.shape
        if ox < 0 or oy < 0 or ox + pw > w or oy + ph > h:
            raise ValueError(f'word off the image: {tok!r} at {ox},{oy} in {w}x{h}')
        halo = np.zeros_like(alpha)
        if b.effect == 'shadow':
            halo = _shift(alpha, 1, 1)
        elif b.effect == 'outline':
            for dx in (-1, 0, 1):
                for dy in (-1, 0, 1):
                    halo = np.maximum(halo, _shift(alpha, dx, dy))
        foot = (alpha >= CORE) | (halo >= CORE)
        if (occupied[oy:oy + ph, ox:ox + pw] & foot).any():
            raise Overlap(f'text would touch other text: {tok!r} at {ox},{oy}')
        region = canvas[oy:oy + ph, ox:ox + pw]
        if b.effect != 'none':
            a = halo if channels == 1 else halo[:, :, None]
            region[...] = region * (1 - a) + dark * a
        a = alpha if channels == 1 else alpha[:, :, None]
        region[...] = region * (1 - a) + value * a
        mine[oy:oy + ph, ox:ox + pw] |= foot
        core = alpha >= CORE
        ys, xs = np.nonzero(core)
        if len(ys) == 0:
            continue
        cy0, cy1, cx0, cx1 = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
        crop = core[cy0:cy1, cx0:cx1]
        if it.cls == 'harmless':
            role = 'harmless'
        else:
            role = 'label' if wi < it.label else ('generic' if wi in it.unscored else 'phi')
        if not any(ch.isalnum() for ch in tok):
            role = 'punct'
        ids.append(len(drawn.words))
        drawn.words.append({
            'item': item_index, 'text': tok, 'role': role,
            'box': [int(ox + cx0), int(oy + cy0), int(ox + cx1), int(oy + cy1)],
            'mask': base64.b64encode(np.packbits(crop, axis=None).tobytes()).decode('ascii'),
        })
    occupied |= _grow(mine)
    boxes = [drawn.words[i]['box'] for i in ids]
    drawn.items.append({
        'text': it.text, 'cls': it.cls, 'kind': it.kind, 'label_words': it.label, 'in_header': it.in_header,
        'font': b.face, 'size': b.size,
        'style': '+'.join(s for s in ('aliased' if b.aliased else 'aa', b.effect if b.effect != 'none' else '',
                                       b.band if b.band != 'none' else '') if s),
        'where': b.where or b.anchor, 'words': ids,
        'box': [min(q[0] for q in boxes), min(q[1] for q in boxes), max(q[2] for q in boxes),
                max(q[3] for q in boxes)] if boxes else None,
    })


def word_mask(word: dict) -> np.ndarray:
    x0, y0, x1, y1 = word['box']
    bits = np.frombuffer(base64.b64decode(word['mask']), dtype=np.uint8)
    return np.unpackbits(bits)[:(y1 - y0) * (x1 - x0)].reshape(y1 - y0, x1 - x0).astype(bool)
