"""Faces and word-by-word rendering for the fifth held-out burned-in text set.

Each item (one scoring unit) is rendered word by word, each word into its own layer at the face's advance for the
text before it (character by character when letters are spaced or in small caps), so each word's ink mask is the
render itself: a pixel is core ink when the word's coverage there is at least 50%. Effects (band, shadow, outline)
are drawn from the same layers. Layers are scaled (condensed) or rotated before the masks are taken."""
from __future__ import annotations

import glob
import os

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from vocab import fold

TT = '/usr/share/fonts/truetype'
OT = '/usr/share/fonts/opentype'
X11 = '/usr/share/fonts/X11'

# name -> (path or pattern, kind). kind: 'tt' (scalable), 'strike' (bitmap strikes in an OTF), 'x75'/'x100' (X11 PCF
# bitmaps, one file per point size at 75 or 100 dpi). Bitmap faces are Latin-1 only: other letters lose their marks.
FACES = {
    'Lato': (f'{TT}/lato/Lato-Regular.ttf', 'tt'),
    'Lato Bold': (f'{TT}/lato/Lato-Bold.ttf', 'tt'),
    'Lato Semibold': (f'{TT}/lato/Lato-Semibold.ttf', 'tt'),
    'Lato Heavy': (f'{TT}/lato/Lato-Heavy.ttf', 'tt'),
    'Arimo': (f'{TT}/croscore/Arimo-Regular.ttf', 'tt'),
    'Arimo Bold': (f'{TT}/croscore/Arimo-Bold.ttf', 'tt'),
    'Arimo Italic': (f'{TT}/croscore/Arimo-Italic.ttf', 'tt'),
    'Tinos': (f'{TT}/croscore/Tinos-Regular.ttf', 'tt'),
    'Tinos Bold': (f'{TT}/croscore/Tinos-Bold.ttf', 'tt'),
    'Cousine': (f'{TT}/croscore/Cousine-Regular.ttf', 'tt'),
    'Cousine Bold': (f'{TT}/croscore/Cousine-Bold.ttf', 'tt'),
    'Hack': (f'{TT}/hack/Hack-Regular.ttf', 'tt'),
    'Hack Bold': (f'{TT}/hack/Hack-Bold.ttf', 'tt'),
    'Fira Code': (f'{TT}/firacode/FiraCode-Regular.ttf', 'tt'),
    'Fira Code Medium': (f'{TT}/firacode/FiraCode-Medium.ttf', 'tt'),
    'JetBrains Mono': (f'{TT}/jetbrains-mono/JetBrainsMono-Regular.ttf', 'tt'),
    'JetBrains Mono Bold': (f'{TT}/jetbrains-mono/JetBrainsMono-Bold.ttf', 'tt'),
    'Courier Prime': (f'{OT}/courier-prime/Courier Prime.otf', 'tt'),
    'Courier Prime Bold': (f'{OT}/courier-prime/Courier Prime Bold.otf', 'tt'),
    'Courier Prime Sans': (f'{OT}/courier-prime/Courier Prime Sans.otf', 'tt'),
    'Spleen': (f'{OT}/spleen/spleen-{{w}}x{{h}}.otf', 'strike'),
    'helvR': (f'{X11}/{{dpi}}dpi/helvR{{pt:02d}}-ISO8859-1.pcf.gz', 'x11'),
    'helvB': (f'{X11}/{{dpi}}dpi/helvB{{pt:02d}}-ISO8859-1.pcf.gz', 'x11'),
    'courR': (f'{X11}/{{dpi}}dpi/courR{{pt:02d}}-ISO8859-1.pcf.gz', 'x11'),
    'courB': (f'{X11}/{{dpi}}dpi/courB{{pt:02d}}-ISO8859-1.pcf.gz', 'x11'),
    'lutRS': (f'{X11}/{{dpi}}dpi/lutRS{{pt:02d}}-ISO8859-1.pcf.gz', 'x11'),
    'lutBS': (f'{X11}/{{dpi}}dpi/lutBS{{pt:02d}}-ISO8859-1.pcf.gz', 'x11'),
    'luRS': (f'{X11}/{{dpi}}dpi/luRS{{pt:02d}}-ISO8859-1.pcf.gz', 'x11'),
    'luBS': (f'{X11}/{{dpi}}dpi/luBS{{pt:02d}}-ISO8859-1.pcf.gz', 'x11'),
    'ncenR': (f'{X11}/{{dpi}}dpi/ncenR{{pt:02d}}-ISO8859-1.pcf.gz', 'x11'),
    'timR': (f'{X11}/{{dpi}}dpi/timR{{pt:02d}}-ISO8859-1.pcf.gz', 'x11'),
}
SPLEEN = {12: (6, 12), 16: (8, 16), 24: (12, 24)}
_cache = {}


def _x11_strikes(name):
    """(pixel size, file, dpi, pt) of every strike an X11 face has, found by loading each file."""
    key = ('strikes', name)
    if key in _cache:
        return _cache[key]
    pattern = FACES[name][0]
    out = []
    for dpi in (75, 100):
        for f in sorted(glob.glob(pattern.replace('{dpi}', str(dpi)).replace('{pt:02d}', '[0-9][0-9]'))):
            for px in range(6, 40):
                try:
                    ImageFont.FreeTypeFont(f, px)
                except OSError:
                    continue
                out.append((px, f))
                break
    _cache[key] = out
    return out


def face(name, size):
    """(font, the pixel size drawn, bitmap?) for a face at the nearest size it has."""
    key = (name, size)
    if key in _cache:
        return _cache[key]
    path, kind = FACES[name]
    if kind == 'tt':
        res = (ImageFont.FreeTypeFont(path, size), size, False)
    elif kind == 'strike':
        px = min(SPLEEN, key=lambda s: abs(s - size))
        w, h = SPLEEN[px]
        res = (ImageFont.FreeTypeFont(path.format(w=w, h=h), px), px, True)
    else:
        px, f = min(_x11_strikes(name), key=lambda s: (abs(s[0] - size), s[0]))
        res = (ImageFont.FreeTypeFont(f, px), px, True)
    _cache[key] = res
    return res


def latin1_only(name):
    return FACES[name][1] != 'tt'


def printable(text, name):
    """The text as the face prints it: a bitmap (Latin-1) face drops the marks of letters it lacks."""
    if not latin1_only(name):
        return text
    return ''.join(c if ord(c) < 256 else fold(c) for c in text)


def _dilate(m, r=1):
    out = m.copy()
    for _ in range(r):
        d = out.copy()
        d[1:, :] |= out[:-1, :]
        d[:-1, :] |= out[1:, :]
        d[:, 1:] |= out[:, :-1]
        d[:, :-1] |= out[:, 1:]
        d[1:, 1:] |= out[:-1, :-1]
        d[:-1, :-1] |= out[1:, 1:]
        d[1:, :-1] |= out[:-1, 1:]
        d[:-1, 1:] |= out[1:, :-1]
        out = d
    return out


def render_words(words, fname, size, style):
    """Layers (float 0..1, item-local) of each word of an item, and the item's local size.

    words: [(text, role)]; style: dict(aliased, track, smallcaps, caps, cond, rot). Returns (layers, w, h, px)."""
    font, px, bitmap = face(fname, size)
    aliased = bitmap or style.get('aliased')
    track = style.get('track', 0)
    small = style.get('smallcaps') and not bitmap
    sfont = face(fname, max(6, round(px * 0.78)))[0] if small else None
    texts = [printable(t, fname) for t, _ in words]
    if style.get('caps'):
        texts = [t.upper() for t in texts]
    asc, desc = font.getmetrics()
    pad = 3
    # per-character advances of the whole line (spaces included)
    line = ' '.join(texts)
    charwise = bool(track or small)
    xs, x = [], 0.0
    if charwise:
        for ch in line:
            xs.append(x)
            f = sfont if (small and ch.islower()) else font
            x += f.getlength(ch.upper() if (small and ch.islower()) else ch) + track
        total = x
    else:
        total = font.getlength(line)
    W = int(np.ceil(total)) + 2 * pad + px // 2 + 2
    H = asc + desc + 2 * pad
    layers = []
    pos = 0
    for t in texts:
        img = Image.new('L', (W, H), 0)
        d = ImageDraw.Draw(img)
        d.fontmode = '1' if aliased else 'L'
        if charwise:
            for k, ch in enumerate(t):
                f = sfont if (small and ch.islower()) else font
                d.text((pad + xs[pos + k], pad + asc), ch.upper() if (small and ch.islower()) else ch, font=f,
                       fill=255, anchor='ls')
        else:
            x0 = font.getlength(line[:pos])
            d.text((pad + x0, pad + asc), t, font=font, fill=255, anchor='ls')
        layers.append(np.asarray(img, dtype=np.float32) / 255.0)
        pos += len(t) + 1
    if style.get('cond') and not aliased:
        nw = max(1, round(W * style['cond']))
        layers = [np.asarray(Image.fromarray((a * 255).astype(np.uint8)).resize((nw, H), Image.LANCZOS),
                             dtype=np.float32) / 255.0 for a in layers]
        W = nw
    if style.get('rot'):
        layers = [np.ascontiguousarray(np.rot90(a, style['rot'])) for a in layers]
        H, W = layers[0].shape
    # crop the empty margins so the item's box is tight (kept 2 px around the ink)
    alpha = np.max(np.stack(layers), axis=0)
    ys, xs_ = np.nonzero(alpha > 0.02)
    if len(ys) == 0:
        return None
    y0, y1 = max(0, ys.min() - 2), min(H, ys.max() + 3)
    x0, x1 = max(0, xs_.min() - 2), min(W, xs_.max() + 3)
    layers = [a[y0:y1, x0:x1] for a in layers]
    return [(t, r, a) for (t, (_, r), a) in zip(texts, words, layers)], x1 - x0, y1 - y0, px


def word_mask(w):
    """A word's core ink (bool array, its box's shape) from the truth's packed bits."""
    x0, y0, x1, y1 = w['box']
    n = (y1 - y0) * (x1 - x0)
    bits = np.unpackbits(np.frombuffer(bytes.fromhex(w['mask']), dtype=np.uint8))[:n]
    return bits.reshape(y1 - y0, x1 - x0).astype(bool)


def _pack(core):
    return np.packbits(core.astype(np.uint8).ravel()).tobytes().hex()


class Canvas:
    """An RGB float image (0..1) with the footprints of the items drawn so far (no two items may touch)."""

    def __init__(self, rgb):
        self.rgb = (rgb if rgb.ndim == 4 else rgb[None]).astype(np.float32)
        self.h, self.w = self.rgb.shape[1:3]
        self.occ = np.zeros((self.h, self.w), dtype=bool)
        self.items, self.words = [], []
        self.refused = []  # texts of items not drawn (they would not fit or would touch another item)

    def measure(self, words, fname, size, style):
        r = render_words(words, fname, size, style)
        return (r[1], r[2]) if r else (0, 0)

    def draw(self, x, y, cls, kind, words, fname, size, colour, style, where):
        """Draws an item with its top-left at (x, y); returns False (drawing nothing) when it would not fit or
        would touch another item's ink, shadow, outline or band (grown by 2 px)."""
        r = render_words(words, fname, size, style)
        if r is None:
            return False
        layers, W, H, px = r
        x, y = int(round(x)), int(round(y))
        band = style.get('band')
        bp = style.get('bandpad', 3) if band else 0
        if x - bp < 0 or y - bp < 0 or x + W + bp > self.w or y + H + bp > self.h:
            self.refused.append(' '.join(t for t, _ in words))
            return False
        alpha = np.max(np.stack([a for _, _, a in layers]), axis=0)
        ink = alpha > 0.02
        fx = np.zeros((H + 2 * bp + 2, W + 2 * bp + 2), dtype=bool)  # footprint, local to (x - bp - 1, y - bp - 1)
        o = bp + 1
        fx[o:o + H, o:o + W] = ink
        eff = style.get('effect')
        if eff == 'shadow':
            fx[o + 1:o + 1 + H, o + 1:o + 1 + W] |= ink
        elif eff == 'outline':
            fx = _dilate(fx, 1)
        if band:
            fx[1:-1, 1:-1] = True
        gx0, gy0 = x - bp - 1, y - bp - 1
        sx0, sy0 = max(0, gx0), max(0, gy0)
        sx1, sy1 = min(self.w, gx0 + fx.shape[1]), min(self.h, gy0 + fx.shape[0])
        fxc = fx[sy0 - gy0:sy1 - gy0, sx0 - gx0:sx1 - gx0]
        grown = _dilate(fxc, 2)
        if (grown & self.occ[sy0:sy1, sx0:sx1]).any():
            self.refused.append(' '.join(t for t, _ in words))
            return False
        self.occ[sy0:sy1, sx0:sx1] |= fxc
        img = self.rgb  # frames x rows x cols x 3: the same text composited on every frame
        col = np.asarray(colour, dtype=np.float32)
        dark = np.asarray(style.get('dark', (0.0, 0.0, 0.0)), dtype=np.float32)
        if band:
            bcol = np.asarray(band[0], dtype=np.float32)
            ba = band[1]
            reg = img[:, y - bp:y + H + bp, x - bp:x + W + bp]
            reg[:] = reg * (1 - ba) + bcol * ba
        reg = img[:, y:y + H, x:x + W]
        if eff == 'shadow':
            sh = np.zeros_like(alpha)
            sh[1:, 1:] = alpha[:-1, :-1]
            reg[:] = reg * (1 - sh[..., None]) + dark * sh[..., None]
        elif eff == 'outline':
            big = np.pad(alpha, 1)
            ol = np.max(np.stack([big[dy:dy + H, dx:dx + W] for dy in range(3) for dx in range(3)]), axis=0)
            reg[:] = reg * (1 - ol[..., None]) + dark * ol[..., None]
        reg[:] = reg * (1 - alpha[..., None]) + col * alpha[..., None]
        ids = []
        for text, role, a in layers:
            core = a >= 0.5
            ys, xs = np.nonzero(core)
            if len(ys) == 0:
                continue
            y0, y1, x0, x1 = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
            wid = len(self.words)
            self.words.append({'text': text, 'role': role, 'box': [int(x + x0), int(y + y0), int(x + x1), int(y + y1)],
                               'mask': _pack(core[y0:y1, x0:x1]), **({'rot': 1} if style.get('rot') else {})})
            ids.append(wid)
        if not ids:
            return False
        st = ['bitmap' if face(fname, size)[2] else ('aliased' if style.get('aliased') else 'aa')]
        st += [k for k in ('effect',) if style.get(k)] and [style['effect']]
        if band:
            st.append('band' if band[1] >= 0.99 else 'translucent')
        if style.get('inverse'):
            st.append('inverse')
        if style.get('caps'):
            st.append('caps')
        if style.get('smallcaps') and not face(fname, size)[2]:
            st.append('smallcaps')
        if style.get('track'):
            st.append(f'track{style["track"]}')
        if style.get('cond') and 'bitmap' not in st and not style.get('aliased'):
            st.append('cond')
        if style.get('rot'):
            st.append('rot90')
        self.items.append({'cls': cls, 'kind': kind, 'text': ' '.join(t for t, _, _ in layers), 'font': fname,
                           'size': px, 'style': '+'.join(st), 'where': where, 'box': [int(x), int(y), int(x + W), int(y + H)],
                           'words': ids})
        return True
