"""Text rendering for the held-out pixel set: Pillow/FreeType, one word at a time, so every word's ink is known.

A screen is a canvas (float array in stored units, H x W or H x W x 3). Text is laid out in blocks of lines; a line
holds one or more *items* (the scoring units). An item is a run of words drawn in one font; its words are drawn one by
one at the advance FreeType gives for the text before them, and each word's alpha is kept, so the truth holds the ink
of every word exactly as rendered (never a guessed box).
"""
from __future__ import annotations

import base64
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONT_DIRS = {
    'dejavu': '/usr/share/fonts/truetype/dejavu/',
    'liberation': '/usr/share/fonts/truetype/liberation/',
    'noto': '/usr/share/fonts/truetype/noto/',
    'urw': '/usr/share/fonts/opentype/urw-base35/',
}

# A spread of faces: sans, serif, mono, narrow/condensed, bold, geometric, book.
FACES = {
    'NimbusSans': FONT_DIRS['urw'] + 'NimbusSans-Regular.otf',
    'NimbusSans-Bold': FONT_DIRS['urw'] + 'NimbusSans-Bold.otf',
    'NimbusSansNarrow': FONT_DIRS['urw'] + 'NimbusSansNarrow-Regular.otf',
    'NimbusSansNarrow-Bold': FONT_DIRS['urw'] + 'NimbusSansNarrow-Bold.otf',
    'NimbusMono-Bold': FONT_DIRS['urw'] + 'NimbusMonoPS-Bold.otf',
    'NimbusRoman': FONT_DIRS['urw'] + 'NimbusRoman-Regular.otf',
    'C059': FONT_DIRS['urw'] + 'C059-Roman.otf',
    'P052-Bold': FONT_DIRS['urw'] + 'P052-Bold.otf',
    'URWGothic': FONT_DIRS['urw'] + 'URWGothic-Book.otf',
    'URWGothic-Demi': FONT_DIRS['urw'] + 'URWGothic-Demi.otf',
    'URWBookman': FONT_DIRS['urw'] + 'URWBookman-Light.otf',
    'DejaVuSansCondensed': FONT_DIRS['dejavu'] + 'DejaVuSansCondensed.ttf',
    'DejaVuSansCondensed-Bold': FONT_DIRS['dejavu'] + 'DejaVuSansCondensed-Bold.ttf',
    'DejaVuSansMono': FONT_DIRS['dejavu'] + 'DejaVuSansMono.ttf',
    'DejaVuSerif': FONT_DIRS['dejavu'] + 'DejaVuSerif.ttf',
    'LiberationSans': FONT_DIRS['liberation'] + 'LiberationSans-Regular.ttf',
    'LiberationSansNarrow': FONT_DIRS['liberation'] + 'LiberationSansNarrow-Regular.ttf',
    'LiberationSansNarrow-Bold': FONT_DIRS['liberation'] + 'LiberationSansNarrow-Bold.ttf',
    'LiberationMono': FONT_DIRS['liberation'] + 'LiberationMono-Regular.ttf',
    'LiberationSerif-Bold': FONT_DIRS['liberation'] + 'LiberationSerif-Bold.ttf',
    'NotoSansMono': FONT_DIRS['noto'] + 'NotoSansMono-Regular.ttf',
    'NotoSansMono-Bold': FONT_DIRS['noto'] + 'NotoSansMono-Bold.ttf',
}

# Core ink: a pixel whose coverage is at least half. Scoring looks at these only (antialiased fringes are too faint
# to carry a letter on their own).
CORE_ALPHA = 128

_font_cache: dict = {}


def font(face: str, size: int) -> ImageFont.FreeTypeFont:
    key = (face, size)
    if key not in _font_cache:
        _font_cache[key] = ImageFont.truetype(FACES[face], size)
    return _font_cache[key]


@dataclass
class Item:
    """One scoring unit: a run of words in one font. `label` words lead a PHI item (``DOB:``) and are not scored."""
    text: str
    cls: str  # 'phi' or 'harmless'
    kind: str
    label: int = 0  # how many leading words are a label
    in_header: bool = True  # phi only: whether the header holds this value
    unscored: tuple = ()  # phi only: value words that identify nobody (`yrs` in `93 yrs`, `Hospital`)


@dataclass
class Seg:
    item: Item
    gap_before: float = 0.0  # in em, before this item on its line


@dataclass
class Block:
    lines: list  # list of list[Item | Seg]
    anchor: str  # 'tl','tr','bl','br','tc','bc','at'
    face: str
    size: int
    spacing: float = 1.25
    color: object = 1.0  # fraction of the ink range, or an RGB triple of fractions
    style: str = 'plain'  # 'plain', 'bar', 'inverse'
    at: tuple = (0, 0)  # for anchor 'at': (x, y) of the block's top-left (or top-right when align 'right')
    align: str | None = None
    margin: int = 6
    where: str = ''


@dataclass
class Drawn:
    words: list = field(default_factory=list)
    items: list = field(default_factory=list)


def _align(anchor: str) -> str:
    return {'tr': 'right', 'br': 'right', 'mr': 'right', 'tc': 'center', 'bc': 'center'}.get(anchor, 'left')


def layout_and_draw(canvas: np.ndarray, blocks: list, lo: float, hi: float, drawn: Drawn,
                    occupied: np.ndarray) -> None:
    """Draws blocks onto `canvas` (stored units; ink at lo + colour * (hi - lo)) and records every word's ink."""
    h, w = canvas.shape[:2]
    for b in blocks:
        f = font(b.face, b.size)
        ascent, descent = f.getmetrics()
        lh = max(int(round(b.size * b.spacing)), ascent + descent - 1)
        lines = [[s if isinstance(s, Seg) else Seg(s, 0.0 if i == 0 else 2.0) for i, s in enumerate(line)]
                 for line in b.lines]
        widths = []
        for line in lines:
            wsum = 0.0
            for s in line:
                wsum += s.gap_before * b.size + f.getlength(s.item.text)
            widths.append(wsum)
        bw = max(widths) if widths else 0
        bh = lh * len(lines)
        align = b.align or _align(b.anchor)
        m = b.margin
        if b.anchor == 'tl':
            x0, y0 = m, m
        elif b.anchor == 'tr':
            x0, y0 = w - m, m
        elif b.anchor == 'bl':
            x0, y0 = m, h - m - bh
        elif b.anchor == 'br':
            x0, y0 = w - m, h - m - bh
        elif b.anchor == 'tc':
            x0, y0 = w / 2, m
        elif b.anchor == 'bc':
            x0, y0 = w / 2, h - m - bh
        else:
            x0, y0 = b.at
        where = b.where or b.anchor
        if b.style == 'bar':
            top = int(y0) - 3
            bot = int(y0 + bh) + 2
            _fill_rect(canvas, occupied, 0, max(0, top), w, min(h, bot), lo + 0.28 * (hi - lo))
        for li, line in enumerate(lines):
            base = int(round(y0 + li * lh + ascent))
            if align == 'right':
                x = x0 - widths[li]
            elif align == 'center':
                x = x0 - widths[li] / 2
            else:
                x = x0
            for s in line:
                x += s.gap_before * b.size
                tw = f.getlength(s.item.text)
                ink_color = b.color
                if b.style == 'inverse':
                    bx0, by0 = int(x) - 3, base - ascent - 1
                    bx1, by1 = int(x + tw) + 4, base + descent + 1
                    _fill_rect(canvas, occupied, max(0, bx0), max(0, by0), min(w, bx1), min(h, by1),
                               lo + 0.86 * (hi - lo))
                    ink_color = 0.04
                _draw_item(canvas, s.item, f, b, x, base, lo, hi, ink_color, drawn, occupied, where)
                x += tw


def _fill_rect(canvas, occupied, x0, y0, x1, y1, value):
    if occupied[y0:y1, x0:x1].any():
        raise ValueError(f'a background box would cover drawn text at {x0},{y0}')
    canvas[y0:y1, x0:x1] = value


def _color_value(color, lo, hi, channels):
    if isinstance(color, (tuple, list)):
        if channels == 1:
            c = 0.299 * color[0] + 0.587 * color[1] + 0.114 * color[2]
            return lo + c * (hi - lo)
        return np.array([lo + c * (hi - lo) for c in color])
    return lo + color * (hi - lo) if channels == 1 else np.array([lo + color * (hi - lo)] * 3)


def _draw_item(canvas, item: Item, f, b: Block, x: float, base: int, lo, hi, color, drawn: Drawn, occupied, where):
    h, w = canvas.shape[:2]
    channels = 1 if canvas.ndim == 2 else 3
    value = _color_value(color, lo, hi, channels)
    item_index = len(drawn.items)
    tokens = []
    pos = 0
    for tok in item.text.split(' '):
        if tok:
            tokens.append((pos, tok))
        pos += len(tok) + 1
    word_ids = []
    for wi, (start, tok) in enumerate(tokens):
        wx = x + f.getlength(item.text[:start])
        l, t, r, bt = f.getbbox(tok, anchor='ls')
        pw, ph = r - l + 2, bt - t + 2
        img = Image.new('L', (pw, ph), 0)
        ImageDraw.Draw(img).text((1 - l + (wx - int(wx)), 1 - t), tok, font=f, fill=255, anchor='ls')
        alpha = np.asarray(img, dtype=np.float64) / 255.0
        ox, oy = int(wx) + l - 1, base + t - 1
        if ox < 0 or oy < 0 or ox + pw > w or oy + ph > h:
            raise ValueError(f'word off the image: {tok!r} at {ox},{oy} in {w}x{h}')
        region = canvas[oy:oy + ph, ox:ox + pw]
        a = alpha if channels == 1 else alpha[:, :, None]
        region[...] = region * (1 - a) + value * a
        core = alpha >= CORE_ALPHA / 255.0
        ys, xs = np.nonzero(core)
        if len(ys) == 0:
            continue
        y0, y1, x0, x1 = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
        crop = core[y0:y1, x0:x1]
        gx0, gy0 = ox + x0, oy + y0
        gx1, gy1 = gx0 + (x1 - x0), gy0 + (y1 - y0)
        # Items never share ink: a word's ink must not touch (8-neighbourhood) another item's ink.
        if (occupied[gy0:gy1, gx0:gx1] & crop).any():
            raise ValueError(f'overlapping text: {tok!r} at {gx0},{gy0}')
        if item.cls == 'harmless':
            role = 'harmless'
        else:
            role = 'label' if wi < item.label else ('generic' if wi in item.unscored else 'phi')
        if not any(ch.isalnum() for ch in tok):
            role = 'punct'
        word_ids.append(len(drawn.words))
        drawn.words.append({
            'item': item_index, 'text': tok, 'role': role,
            'box': [int(gx0), int(gy0), int(gx1), int(gy1)],
            'mask': base64.b64encode(np.packbits(crop, axis=None).tobytes()).decode('ascii'),
        })
    for wid in word_ids:
        x0, y0, x1, y1 = drawn.words[wid]['box']
        m = word_mask(drawn.words[wid])
        # marked (grown by 1 px) after the item is drawn, so words of one item may sit close together
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                ya, xa = max(0, y0 + dy), max(0, x0 + dx)
                yb, xb = min(h, y1 + dy), min(w, x1 + dx)
                occupied[ya:yb, xa:xb] |= m[ya - (y0 + dy):yb - (y0 + dy), xa - (x0 + dx):xb - (x0 + dx)]
    boxes = [drawn.words[i]['box'] for i in word_ids]
    drawn.items.append({
        'text': item.text, 'cls': item.cls, 'kind': item.kind, 'label_words': item.label,
        'in_header': item.in_header, 'font': b.face, 'size': b.size, 'style': b.style, 'where': where,
        'words': word_ids,
        'box': [min(bx[0] for bx in boxes), min(bx[1] for bx in boxes), max(bx[2] for bx in boxes),
                max(bx[3] for bx in boxes)] if boxes else None,
    })


def word_mask(word: dict) -> np.ndarray:
    x0, y0, x1, y1 = word['box']
    bits = np.frombuffer(base64.b64decode(word['mask']), dtype=np.uint8)
    return np.unpackbits(bits)[:(y1 - y0) * (x1 - x0)].reshape(y1 - y0, x1 - x0).astype(bool)
