"""Runs the built `deid` CLI on the sixth held-out burned-in text set and scores it against the render's truth.

Usage (from the repository root; `npm run heldout:v6:pixels` builds first):
    /usr/bin/python3 test/heldout-v6/pixels/score.py [--only 0,5,12] [--keep] [--seed N] [--fake input|decoded|jpeg75|jpeg90|fill]

Exits non-zero only when something crashed (generation, the CLI could not be started, a decoding error in the
scorer); a low score is printed, never an exit code. Scoring rules: test/heldout-v6/README.md. The measuring and
running code (read_pixels, luminance, _boxsum, word_state, changed_away, the gone/intact rules and constants, the
manifest walk, --fake, the table) is test/heldout-v5/pixels/score.py's, copied so the sets are scored alike; only
the names (v6), the default seed, the import of this set's generator and masks, and the transfer syntaxes read
(JPEG 2000, which v5 did not write, is decoded by pydicom through Pillow) differ.
"""
from __future__ import annotations

import sys

sys.dont_write_bytecode = True  # running the check leaves nothing in the working tree

import argparse  # noqa: E402
import json
import os
import resource
import shutil
import subprocess
import tempfile
import time
from collections import defaultdict

import numpy as np
import pydicom

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from generate import DEFAULT_SEED, generate  # noqa: E402
from render import word_mask  # noqa: E402

ROOT = os.path.abspath(os.path.join(HERE, '..', '..', '..'))

# ---- scoring constants (v5's, v4's and v3's, fixed before the kit was run on this set; see the README)
# an ink pixel is covered when it lost more than half its contrast against its local background (word_state)
GONE_SHARE = 0.95       # a PHI word is gone: >= 95% of its core ink covered ...
RUN_EM = 0.4            # ... and no run of readable ink columns as wide as 0.4 em (at least 3 px)
COLUMN_READABLE = 0.3   # a column is readable when >= 30% of its ink (at least 2 px) is not covered
INTACT_SHARE = 0.02     # a harmless line is intact: <= 2% of its core ink covered (or <= 2 px), in every frame
INTACT_PIXELS = 2

JPEG = {'1.2.840.10008.1.2.4.50', '1.2.840.10008.1.2.4.51', '1.2.840.10008.1.2.4.57', '1.2.840.10008.1.2.4.70'}
JPEG_LS = {'1.2.840.10008.1.2.4.80', '1.2.840.10008.1.2.4.81'}
RLE = '1.2.840.10008.1.2.5'


def read_pixels(path, tmp):
    """The dataset with its pixels decoded (dcmtk for JPEG and JPEG-LS, which Debian's pydicom cannot all decode;
    pydicom through Pillow's OpenJPEG for JPEG 2000, which dcmtk cannot)."""
    ds = pydicom.dcmread(path)
    ts = str(ds.file_meta.TransferSyntaxUID)
    tool = 'dcmdjpeg' if ts in JPEG else 'dcmdjpls' if ts in JPEG_LS else 'dcmdrle' if ts == RLE else None
    if tool:
        plain = os.path.join(tmp, 'decoded.dcm')
        subprocess.run([tool, path, plain], check=True, capture_output=True)
        ds = pydicom.dcmread(plain)
        os.remove(plain)
    return ds, ds.pixel_array


def word_core(w):
    """A word's box and core ink as measured: transposed for a word drawn along a side (rotated 90°)."""
    core = word_mask(w)
    x0, y0, x1, y1 = w['box']
    if w.get('rot'):
        return (y0, x0, y1, x1), core.T, True
    return (x0, y0, x1, y1), core, False


def luminance(ds, arr):
    """Frames x rows x cols of comparable values: modality values for grey images, luma for colour."""
    frames = int(getattr(ds, 'NumberOfFrames', 1) or 1)
    spp = int(getattr(ds, 'SamplesPerPixel', 1))
    a = arr if frames > 1 else arr[None]
    if spp == 3:
        if str(ds.PhotometricInterpretation).startswith('YBR'):
            return a[..., 0].astype(np.float64)  # Y is luma already
        a = a.astype(np.float64)
        return 0.299 * a[..., 0] + 0.587 * a[..., 1] + 0.114 * a[..., 2]
    slope = float(getattr(ds, 'RescaleSlope', 1) or 1)
    intercept = float(getattr(ds, 'RescaleIntercept', 0) or 0)
    return a.astype(np.float64) * slope + intercept


def _boxsum(a, ry, rx):
    """Sum of `a` over a (2ry+1) x (2rx+1) window around each pixel (zeros outside)."""
    p = np.pad(a, ((ry + 1, ry), (rx + 1, rx)))
    c = p.cumsum(0).cumsum(1)
    h, w = a.shape
    return (c[2 * ry + 1:2 * ry + 1 + h, 2 * rx + 1:2 * rx + 1 + w] - c[:h, 2 * rx + 1:2 * rx + 1 + w]
            - c[2 * ry + 1:2 * ry + 1 + h, :w] + c[:h, :w])


def word_state(inp, out, box, core, size):
    """How much of a word's ink is covered in `out`: (share covered, widest readable column run, ink px, covered px).

    An ink pixel's contrast is its difference from its local background: the mean of the pixels 2 px around it that
    are not ink nor touch ink (the word's whole surround where none is that close). It is covered when its value
    moved by more than half its contrast (a fill of another colour), or when, against the non-ink pixels of the
    word's own ink box 2 px around it, it lost more than half its contrast (a fill of the ink's own colour: the
    glyph melts into its box). An unchanged glyph, or one re-encoded by a lossy codec, keeps its value and
    contrast. Ink pixels that hardly stood out in the input (under a quarter of the word's median contrast: text
    over bright texture) are left out of the count."""
    x0, y0, x1, y1 = box
    h, w = inp.shape
    gx = gy = 2
    ax0, ay0, ax1, ay1 = max(0, x0 - gx), max(0, y0 - gy - 1), min(w, x1 + gx), min(h, y1 + gy + 1)
    I = inp[ay0:ay1, ax0:ax1]
    O = out[ay0:ay1, ax0:ax1]
    ink = np.zeros(I.shape, dtype=bool)
    ink[y0 - ay0:y1 - ay0, x0 - ax0:x1 - ax0] = core
    near = ink.copy()
    near[1:, :] |= ink[:-1, :]
    near[:-1, :] |= ink[1:, :]
    near[:, 1:] |= ink[:, :-1]
    near[:, :-1] |= ink[:, 1:]
    bg = (~near).astype(np.float64)
    n = _boxsum(bg, gy, gx)
    if bg.sum():
        fallback_i, fallback_o = (I * bg).sum() / bg.sum(), (O * bg).sum() / bg.sum()
    else:
        fallback_i, fallback_o = float(I.min()), float(O.min())
    with np.errstate(invalid='ignore', divide='ignore'):
        bi = np.where(n > 0, _boxsum(I * bg, gy, gx) / np.maximum(n, 1), fallback_i)
        bo = np.where(n > 0, _boxsum(O * bg, gy, gx) / np.maximum(n, 1), fallback_o)
    s_in = np.abs(I - bi)
    contrast = float(np.median(s_in[ink])) if ink.any() else 0.0
    counted = ink & (s_in >= 0.25 * contrast) & (s_in > 0)
    moved = np.abs(O - I) > np.maximum(0.5 * s_in, 0.25 * contrast)
    # Contrast inside the word's own box: against the non-ink pixels of the box only, so a fill that matches
    # the box exactly, in the ink's colour, leaves nothing to read even though the box's edge shows.
    inbox = np.zeros(I.shape, dtype=bool)
    inbox[y0 - ay0:y1 - ay0, x0 - ax0:x1 - ax0] = True
    bgb = (inbox & ~ink).astype(np.float64)
    nb = _boxsum(bgb, gy, gx)
    if bgb.sum():
        with np.errstate(invalid='ignore', divide='ignore'):
            bib = np.where(nb > 0, _boxsum(I * bgb, gy, gx) / np.maximum(nb, 1), (I * bgb).sum() / bgb.sum())
            bob = np.where(nb > 0, _boxsum(O * bgb, gy, gx) / np.maximum(nb, 1), (O * bgb).sum() / bgb.sum())
        s_in_box, s_out_box = np.abs(I - bib), np.abs(O - bob)
        flat = (s_in_box >= 0.25 * contrast) & (s_out_box < np.minimum(0.5 * s_in_box, 0.25 * contrast))
    else:
        flat = np.abs(O - bo) < 0.5 * s_in
    cov = counted & (moved | flat)
    counted = counted[y0 - ay0:y1 - ay0, x0 - ax0:x1 - ax0]
    cov = cov[y0 - ay0:y1 - ay0, x0 - ax0:x1 - ax0]
    total = int(counted.sum())
    share = cov.sum() / total if total else 1.0
    ink_cols = counted.sum(axis=0)
    unc_cols = (counted & ~cov).sum(axis=0)
    readable = (unc_cols >= np.maximum(2, COLUMN_READABLE * ink_cols)) & (ink_cols > 0)
    run = best = 0
    for v in readable:
        run = run + 1 if v else 0
        best = max(best, run)
    return share, best, total, int(cov.sum())


AWAY_SHARE = 0.01  # information only: a file whose pixels changed over 1% of its area away from any drawn item


def changed_away(inp, out, items):
    """Share of the image's pixels that changed by over 15% of its range, in any frame, more than half an em (and
    4 px) away from every drawn item's box: anatomy or background filled, not text. Information only (not a score)."""
    lo, hi = np.percentile(inp, 1), np.percentile(inp, 99)
    diff = (np.abs(out - inp) > 0.15 * max(hi - lo, 1e-6)).any(axis=0)
    near = np.zeros(diff.shape, dtype=bool)
    h, w = diff.shape
    for it in items:
        g = max(4, it['size'] // 2)
        x0, y0, x1, y1 = it['box']
        near[max(0, y0 - g):min(h, y1 + g), max(0, x0 - g):min(w, x1 + g)] = True
    return float((diff & ~near).sum()) / diff.size


def pixel_bytes(ds):
    return bytes(ds.PixelData) if 'PixelData' in ds else b''


def run_kit(images, work, jobs):
    out, state = os.path.join(work, 'out'), os.path.join(work, 'state')
    manifest = os.path.join(work, 'manifest.jsonl')
    cmd = ['node', os.path.join(ROOT, 'bin', 'deid.js'), 'run', images, '--out', out, '--state', state,
           '--manifest', manifest]
    if jobs:
        cmd += ['--jobs', str(jobs)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.time()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    wall = time.time() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stdout[-3000:] + proc.stderr[-3000:])
        raise RuntimeError(f'deid run exited {proc.returncode}')
    entries = {}
    if os.path.exists(manifest):
        with open(manifest) as fh:
            for line in fh:
                if line.strip():
                    e = json.loads(line)
                    if e.get('output') and not os.path.isabs(e['output']):
                        e['output'] = os.path.join(out, e['output'])  # written relative to --out
                    entries[os.path.realpath(e['input'])] = e
    return entries, wall, cpu, proc


def fake_outputs(mode, files, gen, work):
    """Writes outputs that the scorer's result is known for, with a manifest like the kit's (see --fake)."""
    from types import SimpleNamespace
    out = os.path.join(work, 'out')
    os.makedirs(out, exist_ok=True)
    entries = {}
    for f in files:
        src = os.path.realpath(os.path.join(gen, f['file']))
        dst = os.path.join(out, os.path.basename(f['file']))
        if mode == 'input':
            shutil.copyfile(src, dst)
        else:  # 'decoded': every input decoded (dcmtk for compressed ones) and written uncompressed, as is
            ds, arr = read_pixels(src, work)
            frames = int(getattr(ds, 'NumberOfFrames', 1) or 1)
            a = (arr if frames > 1 else arr[None]).astype(arr.dtype.newbyteorder('<'))  # a big endian input's too
            spp = int(ds.SamplesPerPixel)
            if spp == 3 and str(ds.PhotometricInterpretation).startswith('YBR'):
                from pydicom.pixel_data_handlers.util import convert_color_space
                a = np.stack([convert_color_space(x, 'YBR_FULL', 'RGB') for x in a])
            if mode.startswith('jpeg') and a.dtype == np.uint8:
                from PIL import Image
                import io
                for k in range(a.shape[0]):
                    buf = io.BytesIO()
                    Image.fromarray(a[k], 'RGB' if spp == 3 else 'L').save(buf, format='JPEG', quality=int(mode[4:]))
                    a[k] = np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert('RGB' if spp == 3 else 'L'))
            if mode == 'fill':
                scored = [w for w in f['words'] if w['role'] == 'phi']
                if scored:
                    x0, y0, x1, y1 = scored[0]['box']
                    a[:, y0:y1, x0:x1] = a.min()
            ds.PixelData = (a if frames > 1 else a[0]).tobytes()
            ds['PixelData'].VR = 'OW' if ds.BitsAllocated > 8 else 'OB'
            if spp == 3:
                ds.PhotometricInterpretation = 'RGB'
                ds.PlanarConfiguration = 0  # written interleaved (an RLE input says 1)
            ds.file_meta.TransferSyntaxUID = pydicom.uid.ExplicitVRLittleEndian
            ds.is_implicit_VR, ds.is_little_endian = False, True
            ds.save_as(dst, write_like_original=False)
        entries[src] = {'input': src, 'output': dst, 'status': 'ok'}
    return entries, 0.0, 0.0, SimpleNamespace(returncode=0)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--only', help='comma-separated file indexes (a harness check; the score is the full set)')
    ap.add_argument('--keep', action='store_true', help='keep the temporary folder and print its path')
    ap.add_argument('--seed', type=int, default=DEFAULT_SEED)
    ap.add_argument('--fake', choices=['input', 'decoded', 'jpeg75', 'jpeg90', 'fill'],
                    help='score a fake output instead of the kit (checks the scorer): the input itself, the input '
                         'decoded and written uncompressed, a JPEG re-encode (quality 75 or 90) of the 8-bit images, '
                         'or one PHI word filled per file')
    ap.add_argument('--jobs', type=int, default=0, help='passed to deid run --jobs (default: the kit decides)')
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix='deid-heldout-v6-pixels-')
    try:
        gen = os.path.join(work, 'gen')
        truth = generate(gen, args.seed)
        files = truth['files']
        if args.only:
            keep = {int(x) for x in args.only.split(',')}
            for f in files:
                if f['index'] not in keep:
                    os.remove(os.path.join(gen, f['file']))
            files = [f for f in files if f['index'] in keep]
        if args.fake:
            entries, wall, cpu, proc = fake_outputs(args.fake, files, gen, work)
        else:
            entries, wall, cpu, proc = run_kit(os.path.join(gen, 'images'), work, args.jobs)
        report(files, gen, entries, wall, cpu, proc, work)
    finally:
        if args.keep:
            print(f'kept: {work}')
        else:
            shutil.rmtree(work, ignore_errors=True)


def report(files, gen, entries, wall, cpu, proc, work):
    phi_total = phi_gone = 0
    harmless_total = harmless_intact = 0
    failed = []
    not_identical = []
    misses = []
    by_kind_phi = defaultdict(lambda: [0, 0])
    by_kind_harmless = defaultdict(lambda: [0, 0])
    no_phi_files = 0
    away = []  # (share of the image changed away from every drawn item, file index): information only
    phi_in_failed = harmless_in_failed = 0
    for f in files:
        src = os.path.realpath(os.path.join(gen, f['file']))
        e = entries.get(src)
        items, words = f['items'], f['words']
        if e is None or e.get('status') != 'ok' or not e.get('output'):
            failed.append((f['index'], f'{f["modality"]} {f["screen"]}', f['transfer'],
                           'no manifest line' if e is None else (e.get('error') or e.get('status'))))
            phi_in_failed += sum(1 for w in words if w['role'] == 'phi')
            harmless_in_failed += sum(1 for it in items if it['cls'] == 'harmless')
            continue
        dsi = pydicom.dcmread(src)
        dso = pydicom.dcmread(e['output'])
        if not f['phi_drawn']:
            no_phi_files += 1
            if pixel_bytes(dsi) != pixel_bytes(dso):
                not_identical.append(f['index'])
        dsi, ai = read_pixels(src, work)
        dso, ao = read_pixels(e['output'], work)
        inp = luminance(dsi, ai)
        out = luminance(dso, ao)
        if inp.shape != out.shape:
            raise RuntimeError(f'file {f["index"]}: output frames {out.shape} differ from input {inp.shape}')
        away.append((changed_away(inp, out, items), f['index']))
        for ii, it in enumerate(items):
            size = it['size']
            states = []
            for wid in it['words']:
                w = words[wid]
                box, core, rot = word_core(w)
                per_frame = [word_state(inp[k].T if rot else inp[k], out[k].T if rot else out[k], box, core, size)
                             for k in range(inp.shape[0])]
                states.append((w, per_frame))
            if it['cls'] == 'phi':
                for w, per_frame in states:
                    if w['role'] != 'phi':
                        continue
                    run_max = max(3, round(RUN_EM * size))
                    gone = all(s >= GONE_SHARE and run < run_max for s, run, _, _ in per_frame)
                    worst = min(s for s, _, _, _ in per_frame)
                    phi_total += 1
                    by_kind_phi[it['kind']][0] += 1
                    if gone:
                        phi_gone += 1
                        by_kind_phi[it['kind']][1] += 1
                    else:
                        run = max(r for _, r, _, _ in per_frame)
                        misses.append(('PHI left', f, it, w['text'], f'{worst:.0%} of its ink covered'
                                       + (f', {run} px readable run' if run >= run_max else '')))
            else:
                frames_dmg = []
                for k in range(inp.shape[0]):
                    n = sum(pf[k][2] for _, pf in states)
                    c = sum(pf[k][3] for _, pf in states)
                    frames_dmg.append((c / n if n else 0.0, c))
                dmg, dmg_px = max(frames_dmg) if frames_dmg else (0.0, 0)
                harmless_total += 1
                by_kind_harmless[it['kind']][0] += 1
                if dmg <= INTACT_SHARE or dmg_px <= INTACT_PIXELS:
                    harmless_intact += 1
                    by_kind_harmless[it['kind']][1] += 1
                else:
                    misses.append(('harmless damaged', f, it, it['text'], f'{dmg:.0%} of its ink covered'))

    n_files = len(files)
    print()
    print('held-out v6, burned-in text (pixels): test/heldout-v6/pixels')
    print(f'  files                              {n_files} ({n_files - len(failed)} ok, {len(failed)} failed/refused)')
    pct = lambda a, b: f'{100.0 * a / b:.1f}%' if b else 'n/a'  # noqa: E731
    print(f'  burned-in PHI words gone           {pct(phi_gone, phi_total)} ({phi_gone}/{phi_total}; target >= 99.5%)')
    print(f'  harmless lines intact              {pct(harmless_intact, harmless_total)} '
          f'({harmless_intact}/{harmless_total}; target >= 98%)')
    print(f'  files failed/refused               {len(failed)} (holding {phi_in_failed} PHI words, '
          f'{harmless_in_failed} harmless lines, not scored above)')
    print(f'  no-PHI images not byte-identical   {len(not_identical)} of {no_phi_files} (must be 0)'
          + (f': files {", ".join(str(i) for i in not_identical)}' if not_identical else ''))
    big = sorted((a for a in away if a[0] > AWAY_SHARE), reverse=True)
    print(f'  image changed away from text       {len(big)} of {len(away)} files over {AWAY_SHARE:.0%} of their area'
          + (': ' + ', '.join(f'#{i:02d} {a:.1%}' for a, i in big) if big else '') + ' (information only)')
    print(f'  deid run                           {wall:.0f} s wall, {cpu:.0f} s CPU (exit {proc.returncode})')
    print()
    print('  PHI words gone by kind:     ' + ', '.join(f'{k} {g}/{t}' for k, (t, g) in sorted(by_kind_phi.items())))
    print('  harmless intact by kind:    '
          + ', '.join(f'{k} {g}/{t}' for k, (t, g) in sorted(by_kind_harmless.items())))
    if failed:
        print()
        print('failed or refused:')
        for idx, mod, ts, why in failed:
            print(f'  #{idx:02d} {mod} {ts}: {why}')
    if misses:
        print()
        print('misses (file, modality screen/transfer, what, kind, font size, position/style [x0,y0,x1,y1], text, share):')
        for what, f, it, text, share in misses:
            print(f'  #{f["index"]:02d} {f["modality"]} {f["screen"]}/{f["transfer"]:13s} {what:16s} {it["kind"]:12s} '
                  f'{it["font"]} {it["size"]}px {it["where"]}/{it["style"]} {it["box"]} "{text}": {share}')


if __name__ == '__main__':
    main()
