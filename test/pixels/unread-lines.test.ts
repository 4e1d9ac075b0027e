import { describe, expect, it } from 'vitest';
import { createLocalPhiDetector, keepListMatcher } from '../../lib/engines/local/phi.js';
import type { Box, DetectedText, DisplayImage, PhiFinding, TextDetector, TextSpan } from '../../lib/engines/types.js';
import { gatherIdentity } from '../../lib/metadata/index.js';
import { findBurnedInPhi } from '../../lib/pixels/burned-in.js';
import { frameLines, unreadLineFindings } from '../../lib/pixels/unread-lines.js';
import { recipePixelPhiDetector } from '../../lib/pipeline/recipe.js';
import { parseRules } from '../../lib/rules/index.js';
import { makeSample, SAMPLE_SPECS, type Sample } from '../../lib/samples/index.js';
import { pixelFindingMessage } from '../../lib/steps/pixels.js';

const { isKept } = keepListMatcher();
/** A blank frame: no glyph regions, so only the readings speak. */
const blank: DisplayImage = { width: 320, height: 240, channels: 1, data: new Uint8Array(320 * 240) };

/** A reading of one line: words of 10 px text at `top`, from `left`, each read with its confidence. */
function line(location: string, top: number, left: number, words: Array<[string, number]>): TextSpan {
  let x = left;
  const read: DetectedText[] = words.map(([text, confidence]) => {
    const box = { left: x, top, width: 6 * text.length, height: 10 };
    x += box.width + 5;
    return { text, confidence, box, kind: 'word', lineIndex: 0 };
  });
  return { text: words.map(([t]) => t).join(' '), box: { left, top, width: x - 5 - left, height: 10 }, location, words: read };
}

/** A finding of the PHI detector over a whole reading. */
const phi = (span: TextSpan, engine = 'local:header-name'): PhiFinding => ({ text: span.text, category: 'A', score: 1, type: 'header:PatientName', engine, box: span.box, location: span.location });

/**
 * This rule's findings in a block of four 10 px lines: the patient's name (found) at the top, two lines of
 * words each read with its confidence, and the patient ID (found) at the bottom.
 */
function judgeBetweenIdentity(second: Array<[string, number]>, third: Array<[string, number]>): PhiFinding[] {
  const name = line('l0', 10, 8, [['DOE,', 95], ['JOHN', 94]]);
  const id = line('l3', 52, 8, [['ID:', 96], ['10326693', 96]]);
  return unreadLineFindings(blank, [name, line('l1', 24, 8, second), line('l2', 38, 8, third), id], [phi(name), phi(id, 'local:header-value')], isKept);
}

const overlaps = (a: Box, b: Box) => a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

describe('unreadLineFindings: fail closed on text nobody could read beside identity', () => {
  it('fills a badly read line of an identity block, the block wide, with a rule id of its own', () => {
    const name = line('l0', 10, 8, [['DOE,', 95], ['JOHN', 94]]);
    const garbled = line('l1', 24, 8, [['Sen', 13], ['aE', 0], ['Nn', 39]]);
    const id = line('l2', 38, 8, [['ID:', 96], ['10326693', 96]]);
    const found = unreadLineFindings(blank, [name, garbled, id], [phi(name), phi(id, 'local:header-value')], isKept);
    expect(found.map((f) => `${f.engine}:${f.type}`)).toEqual(['local:block:unread-line']);
    expect(found[0].box).toEqual({ left: 8, top: 24, width: name.box!.width > id.box!.width ? name.box!.width : id.box!.width, height: 10 });
  });

  it('fills an unread identity line that a harmless line below touches only through a misread boxed tall over both', () => {
    const name = line('l0', 10, 8, [['DOE,', 95], ['JOHN', 94]]);
    // The ID line, smeared: read as garbage.
    const worn = line('l1', 24, 8, [['HSN', 14], ['ATSasssE', 0]]);
    const window = line('l2', 38, 8, [['C', 93], ['377', 90], ['W', 89], ['390', 96]]);
    // Another reading of the window line: `W390` boxed from the ID line's rows down to the window line's.
    const tall: TextSpan = { ...line('l3', 38, 8, [['Cc', 71]]), text: 'Cc W390' };
    tall.words!.push({ text: 'W390', confidence: 55, kind: 'word', lineIndex: 0, box: { left: 43, top: 29, width: 35, height: 16 } });
    const found = unreadLineFindings(blank, [name, worn, window, tall], [phi(name)], isKept);
    expect(found.map((f) => `${f.type} ${f.box!.top}`)).toEqual(['unread-line 24']);
    expect(found.some((f) => overlaps(f.box!, window.box!))).toBe(false);
  });

  it('fills an unread identity line read in boxes taller than its glyphs (smeared text)', () => {
    const name = line('l0', 10, 8, [['DOE,', 95], ['JOHN', 94]]);
    const dob = line('l1', 24, 8, [['DOB:', 95], ['1931-04-02', 93]]);
    // The ID line, smeared: read in boxes of 11 and 17 px over 10 px text.
    const worn = line('l2', 38, 8, [['ree', 21], ['moma', 42], ['SAA', 0], ['al', 0]]);
    worn.words!.forEach((w, i) => Object.assign(w.box, i < 2 ? { top: 35, height: 17 } : { height: 11 }));
    const series = line('l3', 56, 8, [['Se:', 94], ['11', 94], ['Im:', 90], ['162', 96]]);
    const found = unreadLineFindings(blank, [name, dob, worn, series], [phi(name), phi(dob, 'local:header-date')], isKept);
    expect(found.map((f) => f.type)).toEqual(['unread-line']);
    expect(overlaps(found[0].box!, worn.words![2].box)).toBe(true);
    expect(overlaps(found[0].box!, series.box!)).toBe(false);
  });

  it('leaves every line of a block without PHI alone, however badly read', () => {
    const tech = line('l0', 10, 200, [['kVp', 92], ['120', 95]]);
    const garbled = line('l1', 24, 200, [['Sen', 13], ['aE', 0]]);
    const window = line('l2', 38, 200, [['W:400', 90], ['L:40', 91]]);
    const name = line('l3', 200, 8, [['DOE,', 95], ['JOHN', 94]]);
    expect(unreadLineFindings(blank, [tech, garbled, window, name], [phi(name)], isKept)).toEqual([]);
  });

  it('keeps harmless annotation and well-read lines of an identity block, read with slips or not', () => {
    const name = line('l0', 10, 8, [['DOE,', 95], ['JOHN', 94]]);
    // `C 377TW 390` is a window line read with a slip: mostly keep-list words and numbers.
    const window = line('l1', 24, 8, [['C', 39], ['377TW', 21], ['390', 96]]);
    const series = line('l2', 38, 8, [['\\Se:', 40], ['3', 30], ['Im:', 35], ['45', 30]]);
    const sex = line('l3', 52, 8, [['Sex:', 92], ['M', 90]]);
    expect(unreadLineFindings(blank, [name, window, series, sex], [phi(name)], isKept)).toEqual([]);
  });

  it('keeps technique lines of an identity block read without their spaces (narrow faces), and fills IDs and dates so read', () => {
    // Narrow faces leave a pixel or two between words: OCR reads `TE 12` as `TE12`, `P4-2 MI 1.3 TIs 2.3` as one word.
    expect(judgeBetweenIdentity([['TE12', 64]], [['P4&-2MI13TIs2.3', 32]])).toEqual([]);
    expect(judgeBetweenIdentity([['Tib1.7', 44]], [['kVp120', 20]])).toEqual([]);
    // Ultrasound gain and a radiograph's exposure index are keep-list words too.
    expect(judgeBetweenIdentity([['Gn', 49], ['62', 49]], [['EI', 55], ['740', 60]])).toEqual([]);
    // An ID (letters and a long number, or numbers joined by a dash), a date whose month OCR read with a digit (`0ct`),
    // and letters that are no keep-list word are no technique values.
    const filled = (word: string) => judgeBetweenIdentity([[word, 40]], [['W:400', 90], ['L:40', 91]]).map((f) => f.type);
    for (const word of ['MR0048213', 'MR1234-5678', '0ct-2021', 'KVBI12', 'L4-2231']) expect(filled(word), word).toEqual(['unread-line']);
  });

  it('keeps device text and a row of column headings read with doubt in an identity block, and fills a date after any other word', () => {
    // A version whose triple reads as a date, a method line, an endoscope's model and settings, a worklist's headings.
    expect(judgeBetweenIdentity([['SW', 41], ['4.1.22', 38]], [['GA(LMP)', 30], ['28w1d', 44]])).toEqual([]);
    expect(judgeBetweenIdentity([['LVEF', 52], ['(Teichholz)', 21], ['61%', 60]], [['GIF-HQ190', 33], ['Enh', 40], ['B3', 35]])).toEqual([]);
    expect(judgeBetweenIdentity([['Name', 45], ['MRN', 40], ['DOB', 38], ['Accession', 51]], [['C2-9-D', 36], ['Str', 30], ['2', 44], ['Zm', 29], ['1.2x', 40]])).toEqual([]);
    // The same dotted triple after a word that names no software (the detector finds the date after `Exam`), and a heading
    // row with a value in it, are filled.
    expect(judgeBetweenIdentity([['Seen', 41], ['4.1.22', 38]], [['W:400', 90], ['L:40', 91]]).map((f) => f.type)).toEqual(['unread-line']);
    expect(judgeBetweenIdentity([['Name', 45], ['MRN', 40], ['A9117', 38]], [['W:400', 90], ['L:40', 91]]).map((f) => f.type)).toEqual(['unread-line']);
  });

  it('keeps a row of column headings OCR read apart, one reading per column, in an identity block; not a row with a value among them', () => {
    const name = line('l0', 10, 8, [['DOE,', 95], ['JOHN', 94]]);
    const id = line('l2', 38, 8, [['ID:', 96], ['10326693', 96]]);
    const judge = (pieces: TextSpan[]) => unreadLineFindings(blank, [name, ...pieces, id], [phi(name), phi(id, 'local:header-value')], isKept);
    expect(judge([line('h0', 24, 8, [['Acc', 40], ['#', 30]]), line('h1', 24, 60, [['Exam', 38]]), line('h2', 24, 110, [['Modality', 35]])])).toEqual([]);
    expect(judge([line('h0', 24, 8, [['MRN', 40]]), line('h1', 24, 60, [['A9117', 38]]), line('h2', 24, 110, [['DOB', 35]])]).map((f) => f.type)).toContain('unread-line');
  });

  it('keeps a line of an identity block whose pieces were read well by different readings', () => {
    const name = line('l0', 10, 8, [['DOE,', 95], ['JOHN', 94]]);
    // One reading caught `Im:`, another `132`: neither covers most of the line alone, each is read well.
    const label = line('l1', 24, 8, [['Im:', 94]]);
    const value = line('l2', 24, 32, [['132', 96]]);
    expect(unreadLineFindings(blank, [name, label, value], [phi(name)], isKept)).toEqual([]);
  });

  it('keeps a line read well in pieces where a reading read a piece of a sure word again badly, and fills it when the bad word lies elsewhere or under an ID shape', () => {
    const judge = (fragment: Box, first = 'Study:') => {
      const name = line('l0', 10, 8, [['DOE,', 95], ['JOHN', 94], ['A.', 93]]);
      const label = line('l1', 24, 8, [[first, 96]]);
      const value = line('l2', 24, 52, [['CHEST', 89], ['PA', 92]]);
      // `ui` of a narrow face's `Study:`, or `6B` of a `6`, read by a third reading.
      const again: TextSpan = { text: 'ui', box: fragment, location: 'l3', words: [{ text: 'ui', confidence: 41, box: fragment, kind: 'word', lineIndex: 0 }] };
      const id = line('l4', 38, 8, [['ID:', 96], ['10326693', 96]]);
      return unreadLineFindings(blank, [name, label, value, again, id], [phi(name), phi(id, 'local:header-value')], isKept);
    };
    expect(judge({ left: 18, top: 25, width: 8, height: 8 })).toEqual([]);
    expect(judge({ left: 104, top: 24, width: 12, height: 10 }).map((f) => [f.type, f.box!.top])).toEqual([['unread-line', 24]]);
    // A word with digits that is no harmless number (an accession number read short) vouches for no other reading of it.
    expect(judge({ left: 18, top: 25, width: 8, height: 8 }, 'A00347').map((f) => [f.type, f.box!.top])).toEqual([['unread-line', 24]]);
  });

  it('fills the badly read words of a PHI line, not its harmless or well-read ones', () => {
    const dob = line('l0', 10, 8, [['DOB:', 95], ['1931-04-02', 93], ['9AY', 22], ['M', 40], ['L', 20]]);
    const dateFinding: PhiFinding = { ...phi(dob, 'local:header-date'), box: dob.words![1].box, text: '1931-04-02' };
    const found = unreadLineFindings(blank, [dob], [dateFinding], isKept);
    expect(found.map((f) => [f.type, f.text])).toEqual([
      ['unread-word', '9AY'],
      ['unread-word', 'M'],
    ]);
  });

  it('keeps an age of 89 or under read badly as two words on a PHI line, its unit or label beside its number, and fills one over 89', () => {
    const judged = (words: Array<[string, number]>) => {
      const dob = line('l0', 10, 8, [['DOB:', 95], ['1961-04-02', 93], ...words]);
      const dateFinding: PhiFinding = { ...phi(dob, 'local:header-date'), box: dob.words![1].box, text: '1961-04-02' };
      return unreadLineFindings(blank, [dob], [dateFinding], isKept).map((f) => f.text);
    };
    expect(judged([['62', 40], ['y/o', 30]])).toEqual([]);
    expect(judged([['Age', 30], ['55', 40]])).toEqual([]);
    expect(judged([['92', 40], ['y/o', 30]])).toEqual(['y/o']);
    expect(judged([['Age', 30], ['95', 40]])).toEqual(['Age']);
    // A unit nowhere near a number says nothing.
    expect(judged([['y/o', 30]])).toEqual(['y/o']);
  });

  it('stops a filled line short of a kept line below it, however tall the garbage read above it', () => {
    const name = line('l0', 10, 8, [['DOE,', 95], ['JOHN', 94]]);
    // Speckle read over a worn line comes back boxed taller than the text: 16 px from 24, down to the next line's top.
    const garbled: TextSpan = { ...line('l1', 24, 8, [['Heh', 31], ['ESTO', 0]]) };
    garbled.words = garbled.words!.map((w) => ({ ...w, box: { ...w.box, height: 16 } }));
    garbled.box = { ...garbled.box!, height: 16 };
    const window = line('l2', 40, 8, [['WW', 93], ['380', 92], ['WL', 93], ['-28', 92]]);
    const found = unreadLineFindings(blank, [name, garbled, window], [phi(name)], isKept);
    expect(found.map((f) => f.type)).toEqual(['unread-line']);
    // The redaction pads each box by 3 px: the band ends 4 px above the kept line, and still covers most of the worn one.
    expect(found[0].box!.top + found[0].box!.height).toBe(36);
    expect(found[0].box!.top).toBe(24);
  });

  it('stops a filled line short of a kept column beside it on its line, left or right, and still fills the block wide elsewhere', () => {
    const name = line('l0', 10, 8, [['DOE,', 95], ['JOHN', 94], ['Series:', 92], ['AX', 93], ['LUNG', 93]]);
    // A value nobody read (`R. VOLKOV` of a condensed face read as `Vv`) before a harmless column read well; then one after a kept column.
    const unread = line('l1', 24, 8, [['Vv', 40], ['ee', 20]]);
    const series = line('l2', 24, 80, [['Series:', 90], ['AX', 93], ['LUNG', 93]]);
    const im = line('l3', 38, 8, [['Im:', 94], ['88', 95]]);
    const after = line('l4', 38, 80, [['TI', 62], ['Sen', 13]]);
    const garbled = line('l5', 52, 8, [['Sen', 13], ['aE', 0]]);
    const id = line('l6', 66, 8, [['ID:', 96], ['10326693', 96]]);
    const found = unreadLineFindings(blank, [name, unread, series, im, after, garbled, id], [phi(name), phi(id, 'local:header-value')], isKept);
    const right = series.box!.left + series.box!.width;
    // The redaction pads each box by 3 px: the bands end 4 px short of the kept columns.
    const bands = found.map((f) => [f.type, f.box!.top, f.box!.left, f.box!.left + f.box!.width] as const).sort((a, b) => a[1] - b[1]);
    expect(bands).toEqual([
      ['unread-line', 24, 8, 76],
      ['unread-line', 38, 8 + im.box!.width + 4, right],
      ['unread-line', 52, 8, right],
    ]);
  });

  it('keeps a description line of an identity block read with doubt as clinical words (condensed 10 px text reads so)', () => {
    expect(judgeBetweenIdentity([['Study:', 55], ['CT', 62], ['CHEST', 52], ['PE', 58], ['PROTOCOL', 48]], [['Series:', 41], ['AX', 60], ['FLAIR', 37]])).toEqual([]);
  });

  it('still fills a doubtful line of an identity block holding a word that is no clinical word, or only the words of an institution', () => {
    const found = judgeBetweenIdentity([['BRAIN', 50], ['KILBRIDE', 45]], [['Medical', 55], ['Center', 50]]);
    expect(found.map((f) => [f.type, f.box!.top])).toEqual([
      ['unread-line', 24],
      ['unread-line', 38],
    ]);
  });

  it('keeps a line of an identity block that starts with a label and goes on in clinical words, the label read short or not', () => {
    expect(judgeBetweenIdentity([['Body', 41], ['Part:', 38], ['CHEST', 45]], [['idy:', 30], ['CT', 55], ['CHEST', 44], ['PROTOCOL', 40]])).toEqual([]);
  });

  it('keeps a clinical line read with a fragment nothing could hide in, and fills one whose fragment holds letters running', () => {
    const found = judgeBetweenIdentity([['CT', 55], ['L-5t.', 30]], [['CT', 55], ['Kil', 30]]);
    expect(found.map((f) => [f.type, f.box!.top])).toEqual([['unread-line', 38]]);
  });

  it('still fills a doubtful line of an identity block whose label is followed by a word that is no clinical word', () => {
    const found = judgeBetweenIdentity([['Ref', 41], ['Dr:', 38], ['KILBRIDE', 45], ['CHEST', 45]], [['Nom:', 40], ['KILBRIDE', 35]]);
    expect(found.map((f) => [f.type, f.box!.top])).toEqual([
      ['unread-line', 24],
      ['unread-line', 38],
    ]);
  });

  it('keeps a harmless column beside an identity value that one reading read as clinical words and another as garbage boxed taller', () => {
    const dob = line('l0', 10, 8, [['DOB:', 95], ['1931-04-02', 93]]);
    const column = line('l1', 10, 110, [['Contrast:', 58], ['NONE', 61]]);
    // The same column read as garbage, boxed 6 px taller than the line.
    const garbage = line('l2', 7, 110, [['Terra', 22], ['Mol:', 31]]);
    garbage.words = garbage.words!.map((w) => ({ ...w, box: { ...w.box, height: 16 } }));
    const dateFinding: PhiFinding = { ...phi(dob, 'local:header-date'), box: dob.words![1].box, text: '1931-04-02' };
    expect(unreadLineFindings(blank, [dob, column, garbage], [dateFinding], isKept)).toEqual([]);
  });

  it('fills a badly read word of a PHI line no higher than the line, clear of the kept line below', () => {
    const dob = line('l0', 10, 8, [['DOB:', 95], ['1931-04-02', 93]]);
    // Boxed 5 px taller than the line, down to 2 px above the next line.
    const garbage = line('l1', 7, 104, [['Xq9Rw', 20]]);
    garbage.words = garbage.words!.map((w) => ({ ...w, box: { ...w.box, height: 15 } }));
    const window = line('l2', 24, 90, [['WW', 93], ['380', 92], ['WL', 93], ['-28', 92]]);
    const dateFinding: PhiFinding = { ...phi(dob, 'local:header-date'), box: dob.words![1].box, text: '1931-04-02' };
    const found = unreadLineFindings(blank, [dob, garbage, window], [dateFinding], isKept);
    expect(found.map((f) => [f.type, f.text])).toEqual([['unread-word', 'Xq9Rw']]);
    // The redaction pads each box by 3 px: the box ends 4 px above the kept line.
    expect(found[0].box!.top + found[0].box!.height).toBe(20);
  });

  it('takes glyph regions no reading reached, inside the band of a line read, for a piece of that line', () => {
    // Strokes 6 px high that the glyph search boxes apart from the 10 px words around them (a colon, a piece of a glyph).
    const judge = (at: number, top: number) => {
      const image: DisplayImage = { width: 320, height: 240, channels: 1, data: new Uint8Array(320 * 240) };
      for (let x = at; x < at + 12; x += 2) for (let y = top; y < top + 6; y++) image.data[y * 320 + x] = 200;
      const name = line('l0', 10, 8, [['DOE,', 95], ['JOHN', 94], ['A.', 93]]);
      const tech = line('l1', 24, 8, [['kVp', 92], ['120', 95]]);
      // The ID read from column 40 on; what stands before it, nobody read.
      const id = line('l2', 38, 40, [['10326693', 96]]);
      return { tech, id, found: unreadLineFindings(image, [name, tech, id], [phi(name), phi(id, 'local:header-value')], isKept) };
    };
    // Beside the words of a kept line: that line's own glyphs, left alone.
    const kept = judge(52, 26);
    expect(kept.found.filter((f) => overlaps(f.box!, kept.tech.box!))).toEqual([]);
    // On the ID line, before its words: filled, but only there, not across the block's width over the words read.
    const { id, found } = judge(8, 40);
    const unread = found.filter((f) => f.type === 'unread-line');
    expect(unread.length).toBeGreaterThan(0);
    for (const f of unread) expect(f.box!.left + f.box!.width).toBeLessThanOrEqual(id.box!.left);
  });

  it('fills faint ink running on past the words read on a PHI line, which no glyph region holds, up to a column gap', () => {
    // A name read short (`HAVES` of `HAVERSTOCK`): faint strokes (22 levels over the ground) go on for 45 px after the words read,
    // then, past a gap of 14 px, a column of other text.
    const image: DisplayImage = { width: 320, height: 240, channels: 1, data: new Uint8Array(320 * 240) };
    for (const [from, to] of [[57, 102], [116, 140]]) for (let x = from; x < to; x += 3) for (let y = 11; y < 19; y++) image.data[y * 320 + x] = 22;
    const name = line('l0', 10, 8, [['Dr', 95], ['HAVES', 40]]);
    const nameFinding: PhiFinding = { ...phi(name), box: name.words![1].box, text: 'HAVES' };
    const found = unreadLineFindings(image, [name], [nameFinding], isKept);
    expect(found.map((f) => [f.type, f.box!.left, f.box!.left + f.box!.width])).toEqual([['unread-ink', 55, 100]]);
  });

  it('does not let harmless numbers of another reading over part of a misread date vouch for it', () => {
    const dob = line('l0', 10, 8, [['DOB:', 95], ['1931-04-02', 93], ['196685', 30]]);
    const other = line('l1', 10, 98, [['20,', 80], ['77', 85]]);
    const dateFinding: PhiFinding = { ...phi(dob, 'local:header-date'), box: dob.words![1].box, text: '1931-04-02' };
    const found = unreadLineFindings(blank, [dob, other], [dateFinding], isKept);
    expect(found.map((f) => [f.type, f.text])).toEqual([['unread-word', '196685']]);
  });

  it('does not let texture read as text chain a harmless block onto an identity block', () => {
    const name = line('l0', 10, 8, [['DOE,', 95], ['JOHN', 94]]);
    // Speckle read as words under the name, stacked down to a harmless line, each aligned with the next.
    const texture = [24, 38, 52].map((top, i) => line(`t${i}`, top, 8, [['aE', 10], ['Nn', 12]]));
    const harmless = line('h', 66, 8, [['W:40O', 30], ['L:4', 30], ['5em', 20]]);
    const found = unreadLineFindings(blank, [name, ...texture, harmless], [phi(name)], isKept);
    expect(found.some((f) => overlaps(f.box!, harmless.box!))).toBe(false);
  });
});

/** A black frame of 320 x 240 with ultrasound-like speckle (exponential intensity, a fixed sequence) in `box`. */
function speckled(box: Box): DisplayImage {
  const image: DisplayImage = { width: 320, height: 240, channels: 1, data: new Uint8Array(320 * 240) };
  let state = 12345;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let y = box.top; y < box.top + box.height; y++) for (let x = box.left; x < box.left + box.width; x++) image.data[y * 320 + x] = Math.min(255, Math.round(-60 * Math.log(Math.max(next(), 1e-6))));
  return image;
}

/** A reading of speckle as words of low confidence, from `left` to `right` on the 10 px line at `top` (`At`, `IM TH`, `PAT ESE`). */
function speckleRead(location: string, top: number, left: number, right: number): TextSpan {
  const texts = ['At', 'IM', 'TH', 'PAT', 'ESE', 'Ne', 'aE'];
  const words: DetectedText[] = [];
  for (let x = left, i = 0; x < right; i++) {
    const width = Math.min(6 * texts[i % texts.length].length, right - x);
    words.push({ text: texts[i % texts.length], confidence: 10 + (i % 3) * 12, box: { left: x, top, width, height: 10 }, kind: 'word', lineIndex: 0 });
    x += width + 9;
  }
  return { text: words.map((w) => w.text).join(' '), box: unionOf(words.map((w) => w.box)), location, words };
}

const unionOf = (boxes: Box[]): Box => {
  const left = Math.min(...boxes.map((b) => b.left));
  const top = Math.min(...boxes.map((b) => b.top));
  return { left, top, width: Math.max(...boxes.map((b) => b.left + b.width)) - left, height: Math.max(...boxes.map((b) => b.top + b.height)) - top };
};

describe('unreadLineFindings: speckle beside an identity column is image, not a line of text', () => {
  // An ultrasound screen: speckle over columns 0–199, the identity column on black ground from column 216 on.
  const image = speckled({ left: 0, top: 0, width: 200, height: 240 });
  const name = line('l0', 100, 216, [['DOE,', 95], ['JOHN', 94]]);
  const id = line('l2', 128, 216, [['ID:', 96], ['10326693', 96]]);
  const found = [phi(name), phi(id, 'local:header-value')];
  const block = unionOf([name.box!, id.box!]);

  it('fills no band across the speckle for rows of it read as garbage beside the identity lines', () => {
    // Rows of speckle read as words, running from the image into the column, above, between and below the identity lines.
    const rows = [86, 114, 142].map((top, i) => speckleRead(`s${i}`, top, 12, block.left + block.width));
    const filled = unreadLineFindings(image, [name, ...rows, id], found, isKept);
    for (const f of filled) expect(f.box!.left, `${f.type} ${JSON.stringify(f.box)}`).toBeGreaterThanOrEqual(block.left - 10);
  });

  it('still fills an unread identity line sunk in noise of its own between the identity lines, at the block\'s width', () => {
    // The birth date line, worn: noise over its own box only, read as garbage.
    const worn: Box = { left: 216, top: 114, width: 60, height: 10 };
    const noisy = speckled({ left: 0, top: 0, width: 200, height: 240 });
    const own = speckled(worn);
    for (let y = worn.top; y < worn.top + worn.height; y++) for (let x = worn.left; x < worn.left + worn.width; x++) noisy.data[y * 320 + x] = own.data[y * 320 + x];
    const filled = unreadLineFindings(noisy, [name, speckleRead('w', 114, 216, 276), id], found, isKept);
    const lines = filled.filter((f) => f.type === 'unread-line');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.some((f) => f.box!.left <= worn.left && f.box!.left + f.box!.width >= worn.left + worn.width && overlaps(f.box!, worn))).toBe(true);
  });

  it('fills no speckle beside a PHI line as ink of it, and still fills the unread rest of the line sunk in noise of its own', () => {
    // The speckle reaches to 4 px from the name, closer than a word space.
    const near = speckled({ left: 0, top: 0, width: 212, height: 240 });
    const alone = unreadLineFindings(near, [name], [phi(name)], isKept);
    expect(alone.filter((f) => f.box!.left < name.box!.left - 10)).toEqual([]);
    // The rest of the name line (`HAVERSTOCK` of `DOE, JOHN HAVERSTOCK`), worn: noise over its own glyphs only, read by nobody.
    const tail: Box = { left: 274, top: 100, width: 40, height: 10 };
    const worn = speckled({ left: 0, top: 0, width: 212, height: 240 });
    const own = speckled(tail);
    for (let y = tail.top; y < tail.top + tail.height; y++) for (let x = tail.left; x < tail.left + tail.width; x++) worn.data[y * 320 + x] = own.data[y * 320 + x];
    const filled = unreadLineFindings(worn, [name], [phi(name)], isKept);
    expect(filled.some((f) => f.type === 'unread-ink' && overlaps(f.box!, tail))).toBe(true);
  });
});

/** A black frame with white ink under each box given (the glyphs a reading read, as the pixels hold them). */
function inked(boxes: Box[]): DisplayImage {
  const image: DisplayImage = { width: 320, height: 240, channels: 1, data: new Uint8Array(320 * 240) };
  for (const b of boxes) for (let y = b.top + 2; y < b.top + b.height - 2; y++) for (let x = b.left; x < b.left + b.width; x += 2) image.data[y * 320 + x] = 255;
  return image;
}

/** Words of a second look, one per box, read with confidence 90. */
const lookWords = (texts: string[], boxes: Box[]): DetectedText[] => texts.map((text, i) => ({ text, confidence: 90, box: boxes[i], kind: 'word', lineIndex: 0 }));

describe('frameLines: a second look at a doubtful line of an identity block', () => {
  const name = line('l0', 10, 8, [['DOE,', 95], ['JOHN', 94]]);
  const garbled = line('l1', 24, 8, [['nas', 40], ['18¢', 20]]);
  const id = line('l2', 38, 8, [['ID:', 96], ['10326693', 96]]);
  const boxes = garbled.words!.map((w) => w.box);
  const judged = (image: DisplayImage) => frameLines(image, [name, garbled, id], [phi(name), phi(id, 'local:header-value')], isKept);

  it('offers the line for a second look, and keeps it when the look reads harmless annotation holding all its ink', () => {
    const lines = judged(inked([...boxes, name.box!, id.box!]));
    const doubtful = lines.doubtful();
    expect(doubtful).toHaveLength(1);
    expect(lines.unread('frame').map((f) => f.type)).toEqual(['unread-line']);
    expect(lines.unread('frame', [{ box: doubtful[0].fill, words: lookWords(['mAs', '180'], boxes) }])).toEqual([]);
  });

  it('still fills the line when the look leaves ink of it unread, reads a word that is no harmless word, or reads only mostly harmless words', () => {
    const lines = judged(inked([...boxes, { left: 60, top: 24, width: 30, height: 10 }, name.box!, id.box!]));
    const [{ fill }] = lines.doubtful();
    const fills = (words: DetectedText[]) => lines.unread('frame', [{ box: fill, words }]).map((f) => f.type);
    expect(fills(lookWords(['mAs', '180'], boxes))).toEqual(['unread-line']);
    const all = [...boxes, { left: 60, top: 24, width: 30, height: 10 }];
    expect(fills(lookWords(['mAs', '180', 'Kowalski'], all))).toEqual(['unread-line']);
    expect(fills(lookWords(['mAs', '180', 'Wu'], all))).toEqual(['unread-line']);
    expect(fills(lookWords(['mAs', '180', 'FOV'], all))).toEqual([]);
    // One short word boxed over the whole line: OCR's guess at ink it could not read.
    expect(fills(lookWords(['L'], [{ left: 8, top: 24, width: 82, height: 10 }]))).toEqual(['unread-line']);
  });

  it('still fills the line when the look reads a harmless word over a piece of it and the rest is ink of another level', () => {
    const image = inked([boxes[0], name.box!, id.box!]);
    // The second word in grey: not ink at the white word's level, so the ink test alone would not see it unread.
    for (let y = boxes[1].top + 2; y < boxes[1].top + boxes[1].height - 2; y++) for (let x = boxes[1].left; x < boxes[1].left + boxes[1].width; x += 2) image.data[y * 320 + x] = 110;
    const lines = judged(image);
    const [{ fill }] = lines.doubtful();
    expect(lines.unread('frame', [{ box: fill, words: lookWords(['mAs'], [boxes[0]]) }]).map((f) => f.type)).toEqual(['unread-line']);
  });
});

/**
 * A text detector that reads a sample as OCR would read it well, except the lines given, which it
 * reads as garbage with almost no confidence (the truth's own boxes, so no OCR runs).
 */
function readingAs(sample: Sample, garbled: number[], unread: number[] = []): TextDetector {
  const texts: DetectedText[] = [];
  const tokens = [...sample.truth.phi, ...sample.truth.harmless, ...sample.truth.other];
  sample.truth.lines.forEach((l, i) => {
    if (unread.includes(i)) return;
    const words = tokens.filter((t) => t.line === i).sort((a, b) => a.box.left - b.box.left);
    const read = words.map((t, k) => ({ text: garbled.includes(i) ? ['~e', 'Nn', 'aE'][k % 3] : t.text, confidence: garbled.includes(i) ? 12 : 95, box: t.box }));
    texts.push({ text: read.map((w) => w.text).join(' '), confidence: garbled.includes(i) ? 12 : 95, box: l.box, kind: 'line', lineIndex: i });
    for (const w of read) texts.push({ ...w, kind: 'word', lineIndex: i });
  });
  return { name: 'truth', detect: () => Promise.resolve(texts) };
}

describe('findBurnedInPhi: a line OCR could not read in the identity panel is filled', () => {
  it('fills the patient ID line read as garbage beside the name and birth date, and not a garbled technique line', async () => {
    const sample = await makeSample(SAMPLE_SPECS.find((s) => s.name === 'ct_chest_explicit_le')!, 4);
    const id = sample.truth.phi.find((t) => t.category === 'H')!;
    const tech = sample.truth.harmless.find((t) => /kV|mAs/i.test(t.text))!;
    const phiDetector = createLocalPhiDetector();
    const findings = await findBurnedInPhi(sample.dataset, { textDetector: readingAs(sample, [id.line, tech.line]), phiDetector, identity: gatherIdentity(sample.dataset) });
    const covering = findings.filter((f) => f.box && overlaps(f.box, id.box));
    expect(covering.map((f) => pixelFindingMessage(f).ruleId)).toContain('pixel:local:block:unread-line');
    const idLine = sample.truth.lines[id.line].box;
    expect(covering.some((f) => f.box!.left <= idLine.left && f.box!.left + f.box!.width >= idLine.left + idLine.width)).toBe(true);
    const techWords = sample.truth.harmless.filter((t) => t.line === tech.line);
    expect(findings.filter((f) => f.box && techWords.some((t) => overlaps(f.box!, t.box)))).toEqual([]);
  });

  /** A birth date, then `after` read well right after it on its line: the date's findings, and the boxes of both. */
  async function dateThen(after: (age: number) => string) {
    const spec = SAMPLE_SPECS.find((s) => s.name === 'ct_chest_explicit_le')!;
    const sample = await makeSample(spec, 'age after the date', {
      font: { family: 'DejaVu Sans', size: 10 },
      blocks: (id) => [{ at: 'top-left', ink: 'light', span: 0.5, lines: [[{ text: `${id.birthDate.slice(0, 4)}-${id.birthDate.slice(4, 6)}-${id.birthDate.slice(6)}`, role: 'phi', category: 'C' }, { text: after(Math.min(id.age, 89)), role: 'harmless' }]] }],
    });
    const [date] = sample.truth.phi;
    const [next] = sample.truth.harmless;
    const findings = await findBurnedInPhi(sample.dataset, { textDetector: readingAs(sample, []), phiDetector: createLocalPhiDetector(), identity: gatherIdentity(sample.dataset) });
    return { onDate: findings.filter((f) => f.box && overlaps(f.box, date.box)), next: next.box };
  }
  /** The last column (exclusive) a finding's fill reaches on the right: its box padded by 3 pixels, up to its bounds. */
  const fillRight = (f: PhiFinding & { fillBounds?: { right?: number } }) => Math.min(f.box!.left + f.box!.width + 3, f.fillBounds?.right ?? Infinity);

  it('stops the padding of a birth date\'s fill short of the age read well right after it on its line, not of a lone number', async () => {
    const { onDate, next: age } = await dateThen((years) => `${years}Y`);
    expect(onDate.length).toBeGreaterThan(0);
    for (const f of onDate) {
      expect(overlaps(f.box!, age)).toBe(false);
      // Up to a clear column before the age's glyphs.
      expect(fillRight(f)).toBeLessThan(age.left);
    }
    // A number alone (it may be the end of a value read short) stops no padding.
    const lone = await dateThen(() => '8');
    expect(lone.onDate.every((f) => f.fillBounds?.right === undefined)).toBe(true);
  });

  it('leaves the unread line as it is when the rules say keep (findBurnedInPhi unreadLines: false)', async () => {
    const sample = await makeSample(SAMPLE_SPECS.find((s) => s.name === 'ct_chest_explicit_le')!, 4);
    const id = sample.truth.phi.find((t) => t.category === 'H')!;
    const search = { textDetector: readingAs(sample, [id.line]), phiDetector: createLocalPhiDetector(), identity: gatherIdentity(sample.dataset) };
    expect((await findBurnedInPhi(sample.dataset, search)).some((f) => f.engine === 'local:block')).toBe(true);
    expect((await findBurnedInPhi(sample.dataset, { ...search, unreadLines: false })).some((f) => f.engine === 'local:block')).toBe(false);
  });

  it('fills the birth date line OCR did not read at all, between the name and the ID lines', async () => {
    const sample = await makeSample(SAMPLE_SPECS.find((s) => s.name === 'ct_chest_explicit_le')!, 4);
    const birth = sample.truth.phi.filter((t) => t.category === 'C' && sample.truth.phi.some((n) => n.category === 'A' && n.line === t.line - 1));
    expect(birth.length).toBeGreaterThan(0);
    const findings = await findBurnedInPhi(sample.dataset, { textDetector: readingAs(sample, [], [birth[0].line]), phiDetector: createLocalPhiDetector(), identity: gatherIdentity(sample.dataset) });
    for (const word of birth) expect(findings.some((f) => f.engine === 'local:block' && f.box && overlaps(f.box, word.box)), word.text).toBe(true);
  });
});

describe('unreadLineFindings: the rules\' own clinical vocabulary', () => {
  it('keeps a description in a site\'s own words only when the vocabulary has them, as the rules give it to the PHI detector', async () => {
    const name = line('l0', 10, 8, [['DOE,', 95], ['JOHN', 94]]);
    const protocol = line('l1', 24, 8, [['Protocol:', 40], ['NEUROVASC', 45]]);
    const id = line('l2', 38, 8, [['ID:', 96], ['10326693', 96]]);
    const spans = [name, protocol, id];
    const found = [phi(name), phi(id, 'local:header-value')];
    const site = createLocalPhiDetector({ vocabulary: ['NEUROVASC'] });
    expect(site.isClinical!('neurovasc')).toBe(true);
    expect(createLocalPhiDetector().isClinical!('neurovasc')).toBe(false);
    expect(unreadLineFindings(blank, spans, found, isKept, 'frame', (w) => site.isClinical!(w))).toEqual([]);
    expect(unreadLineFindings(blank, spans, found, isKept).map((f) => f.box!.top)).toEqual([24]);
    const rules = parseRules('rules:\n  clinical_vocabulary: [NEUROVASC]\n');
    expect((await recipePixelPhiDetector('local', rules)).isClinical!('NEUROVASC')).toBe(true);
  });
});
