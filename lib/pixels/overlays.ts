import type { DicomDataset, DicomDict } from '../dicom/dataset.js';
import { decodeEncapsulatedFrame, encodeFrame } from './codecs.js';
import { decodedLayout, encapsulatedFrames, nativePixelBytes } from './decode.js';
import { pixelDataElement } from './encode.js';
import { valueCodec, type RawLayout } from './frames.js';
import { nativeFrameBytes, readPixelModule } from './module.js';
import { syntaxInfo } from '../dicom/transfer-syntaxes.js';
import { codestreamPrecision, nativeHasUnusedBits, rleHasUnusedBits } from './unused-bits.js';
import { toArrayBuffer } from './values.js';

/** One thing {@link cleanOverlays} did, for the step's messages. */
export interface OverlayAction {
  action: 'remove-overlay-group' | 'clear-unused-pixel-bits' | 'remove-icon-image' | 'kept-unused-bits';
  /** Element path or group, e.g. `(6000,xxxx)`, `(0088,0200)`, `(7FE0,0010) frame 2`. */
  location: string;
  detail: string;
}

const ICON_IMAGE_SEQUENCE = '00880200';

/**
 * Removes overlays and thumbnails that can carry burned-in text: every overlay group (60xx,xxxx)
 * with Overlay Data or an overlay embedded in the pixel data, the bits of Pixel Data outside Bits
 * Stored (where embedded overlays live; signed data is left sign-extended, stored values never
 * change), and the Icon Image Sequence (0088,0200) wherever it is nested.
 * The Pixel Data element is replaced, never changed in place, and only when a bit actually changes.
 * @returns the actions taken (empty when there was nothing to clean).
 */
export async function cleanOverlays(dataset: DicomDataset): Promise<OverlayAction[]> {
  const actions: OverlayAction[] = [];
  const d = dataset.dict;
  // Listed once: removing one group's elements leaves the others' where they were.
  const overlayTags = Object.keys(d).filter((t) => t.startsWith('60'));
  for (let g = 0x6000; g <= 0x601e; g += 2) {
    const prefix = g.toString(16).toUpperCase();
    const tags = overlayTags.filter((t) => t.startsWith(prefix));
    if (tags.length === 0) continue;
    const hasData = d[prefix + '3000'] !== undefined;
    const bitPosition = Number(d[prefix + '0102']?.Value?.[0] ?? 0);
    for (const t of tags) delete d[t];
    actions.push({
      action: 'remove-overlay-group',
      location: `(${prefix},xxxx)`,
      detail: hasData ? `removed overlay plane with Overlay Data (${tags.length} elements)` : `removed overlay group (${tags.length} elements; embedded bit position ${bitPosition})`,
    });
  }
  removeIcons(d, '', actions);
  if (d['7FE00010']) actions.push(...(await clearUnusedBits(dataset)));
  return actions;
}

function removeIcons(dict: DicomDict, path: string, actions: OverlayAction[]): void {
  for (const tag of Object.keys(dict)) {
    const el = dict[tag];
    if (tag === ICON_IMAGE_SEQUENCE) {
      delete dict[tag];
      actions.push({ action: 'remove-icon-image', location: `${path}(0088,0200)`, detail: 'removed Icon Image Sequence (thumbnail may show burned-in text)' });
      continue;
    }
    if (el?.vr === 'SQ') {
      (el.Value as DicomDict[] | undefined)?.forEach((item, i) => {
        if (item && typeof item === 'object') removeIcons(item, `${path}(${tag.slice(0, 4)},${tag.slice(4)})[${i}].`, actions);
      });
    }
  }
}

/** Rewrites words whose bits outside Bits Stored are not canonical (zero, or sign extension); returns whether any changed. */
function canonicalise(layout: RawLayout, raw: Uint8Array): boolean {
  const { read, write } = valueCodec(layout);
  const bytesPerWord = layout.bitsAllocated / 8;
  const words = bytesPerWord === 1 ? raw : bytesPerWord === 2 ? new Uint16Array(raw.buffer, raw.byteOffset, raw.byteLength >> 1) : new Uint32Array(raw.buffer, raw.byteOffset, raw.byteLength >> 2);
  let changed = false;
  for (let i = 0; i < words.length; i++) {
    const clean = write(read(words[i]));
    if (words[i] !== clean) {
      words[i] = clean;
      changed = true;
    }
  }
  return changed;
}

async function clearUnusedBits(dataset: DicomDataset): Promise<OverlayAction[]> {
  const m = readPixelModule(dataset);
  if (m.bitsStored === m.bitsAllocated) return [];
  const info = syntaxInfo(dataset.transferSyntaxUID)!;
  const actions: OverlayAction[] = [];
  if (info.codec === 'native') {
    // Most files have nothing there: a scan of the words, no copy, and the element is left as it was.
    if (!nativeHasUnusedBits(m, nativePixelBytes(dataset))) return [];
    const size = nativeFrameBytes(m);
    const all = nativePixelBytes(dataset).slice();
    let changed = false;
    for (let f = 0; f < m.numberOfFrames; f++) {
      const frame = all.slice(f * size, (f + 1) * size);
      if (canonicalise(m, frame)) {
        all.set(frame, f * size);
        changed = true;
        actions.push({ action: 'clear-unused-pixel-bits', location: `(7FE0,0010) frame ${f}`, detail: `cleared bits outside Bits Stored ${m.bitsStored} of ${m.bitsAllocated}` });
      }
    }
    const old = dataset.dict['7FE00010'];
    if (changed && old) dataset.dict['7FE00010'] = { vr: old.vr, Value: [toArrayBuffer(all)] };
    return actions;
  }
  if (info.lossy || !info.encodable) {
    // JPEG-family codestreams carry only Bits Stored of precision: nothing hides above it.
    return [{ action: 'kept-unused-bits', location: '(7FE0,0010)', detail: `${info.name} stores only the stored bits; nothing to clear` }];
  }
  const encoded = encapsulatedFrames(dataset, m);
  const out = encoded.map((f) => toArrayBuffer(f));
  let changed = false;
  for (let f = 0; f < m.numberOfFrames; f++) {
    if (!mayHoldUnusedBits(m, info.codec, encoded[f])) continue;
    const decoded = await decodeEncapsulatedFrame(m, encoded[f], dataset.transferSyntaxUID);
    const layout = decodedLayout(m, decoded);
    if (layout.photometric !== m.photometric || !canonicalise(layout, decoded.raw)) continue;
    out[f] = toArrayBuffer((await encodeFrame(layout, decoded.raw, dataset.transferSyntaxUID)).bytes);
    changed = true;
    actions.push({ action: 'clear-unused-pixel-bits', location: `(7FE0,0010) frame ${f}`, detail: `cleared bits outside Bits Stored ${m.bitsStored} of ${m.bitsAllocated}; re-encoded ${info.name}` });
  }
  if (changed) dataset.dict['7FE00010'] = pixelDataElement(m.bitsAllocated, out, true);
  return actions;
}

/**
 * Whether an encoded frame must be decoded to look outside Bits Stored: RLE byte segments are
 * scanned as stored; a JPEG-family codestream whose declared precision fits Bits Stored (at the
 * bottom of the word) holds nothing above it.
 */
function mayHoldUnusedBits(m: RawLayout, codec: string, frame: Uint8Array): boolean {
  if (codec === 'rle') return rleHasUnusedBits(m, frame) ?? true;
  if (codec === 'jpeg' || codec === 'jpegls' || codec === 'j2k' || codec === 'htj2k') {
    const precision = codestreamPrecision(codec, frame);
    return precision === undefined || precision > m.bitsStored || m.highBit + 1 !== m.bitsStored;
  }
  return true;
}
