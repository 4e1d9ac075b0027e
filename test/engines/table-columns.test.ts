import { describe, expect, it } from 'vitest';
import { createLocalPhiDetector } from '../../lib/engines/local/phi.js';
import { cellShape } from '../../lib/engines/local/table-columns.js';
import type { IdentityContext, TextSpan } from '../../lib/engines/types.js';
import { readLine } from './read-line.js';

const phi = createLocalPhiDetector();
const none: IdentityContext = { values: [] };

/** A row of a table as OCR reads it: each cell a reading of its own, starting at its column's left edge. */
const row = (top: number, cells: Array<[string, number]>, confidence = 88): TextSpan[] => cells.map(([text, left]) => readLine(text, { top, left, confidence, location: `row ${top} col ${left}` }));
/** Column left edges of the tables below: name, ID, birth date, modality, description, status. */
const at = [10, 170, 260, 360, 400, 520];
const cells = (top: number, values: string[]): Array<[string, number]> => values.map((v, i) => [v, at[i]]);

describe('local PHI detector: the columns of a table of identities (a study list, a worklist)', () => {
  const list = [
    ...row(8, cells(8, ['Patient Name', 'MRN', 'DOB', 'Mod', 'Description', 'Status'])),
    ...row(26, cells(26, ['Quillon, Marisol', 'Q4471902', '03/14/1952', 'CT', 'CT HEAD WO', 'Final'])),
    ...row(44, cells(44, ['Tevaite Orsolya', 'Q4471955', '11/02/1948', 'MR', 'MR KNEE RT', 'Scheduled'])),
    ...row(62, cells(62, ['B. Harrowgate', 'Q4472013', '07/30/1990', 'US', 'US RENAL', 'Prelim'])),
    ...row(80, cells(80, ['ZELLWEGER^ANKE', 'Q4472101', '01/05/1939', 'CR', 'CHEST PA/LAT', 'Read'])),
  ];

  it('finds every cell of the name column, whatever the form, and leaves headings and clinical columns', async () => {
    const found = await phi.detect(list, none);
    const texts = found.map((f) => f.text);
    for (const name of ['Quillon, Marisol', 'Tevaite Orsolya', 'B. Harrowgate', 'ZELLWEGER^ANKE']) expect(texts.some((t) => t.includes(name.split(/[ ,^]/)[0]))).toBe(true);
    expect(texts.join(' | ')).not.toMatch(/Patient|MRN|DOB|Mod\b|Description|Status|CT HEAD|MR KNEE|US RENAL|CHEST|Final|Scheduled|Prelim|Read/);
  });

  it('finds a name the reading garbled, in the name column of such a table', async () => {
    const garbled = list.map((s) => (s.text === 'Tevaite Orsolya' ? readLine('Tev@ite 0rs0lya', { top: 44, left: 10, confidence: 40, location: 'garbled' }) : s));
    const found = await phi.detect(garbled, none);
    expect(found.some((f) => f.location === 'garbled')).toBe(true);
  });

  it('fills a row of the name column no reading covers, between rows read', async () => {
    const unread = list.filter((s) => s.text !== 'Tevaite Orsolya');
    const found = await phi.detect(unread, none);
    const gap = found.find((f) => f.engine === 'local:table' && f.type.endsWith(':unread'));
    expect(gap?.box).toMatchObject({ left: 10, top: 44 });
  });

  it('leaves a heading row whose words read as a name or a label (`LAST, FIRST`, `DATE OF BIRTH`)', async () => {
    const headed = [...row(8, cells(8, ['LAST, FIRST', 'ID', 'DATE OF BIRTH', 'MOD', 'PROCEDURE', 'STATE'])), ...list.filter((s) => (s.box?.top ?? 0) > 8)];
    const found = await phi.detect(headed, none);
    expect(found.filter((f) => (f.box?.top ?? 0) === 8)).toEqual([]);
  });

  it('leaves the harmless lines of an identity panel printed as a label column and a value column', async () => {
    const panel = [
      ...row(8, [['Name:', 10], ['QUILLON^MARISOL', 90]]),
      ...row(22, [['DOB:', 10], ['03/14/1952', 90]]),
      ...row(36, [['ID:', 10], ['Q4471902', 90]]),
      ...row(50, [['Acc:', 10], ['A20261107', 90]]),
      ...row(64, [['Series:', 10], ['3', 90]]),
      ...row(78, [['Protocol:', 10], ['CHEST ROUTINE', 90]]),
    ];
    const texts = (await phi.detect(panel, none)).map((f) => f.text).join(' | ');
    expect(texts).not.toMatch(/Series|Protocol|CHEST|ROUTINE|\b3\b/);
  });

  it('takes no column of a table without identifiers: technique values, counts and names of views stay', async () => {
    const technique = [
      ...row(8, [['Series', 10], ['Images', 170], ['Description', 260]]),
      ...row(26, [['Scout', 10], ['3', 170], ['Topogram Lateral', 260]]),
      ...row(44, [['Helical', 10], ['212', 170], ['Abdomen Venous', 260]]),
      ...row(62, [['Coronal', 10], ['88', 170], ['Reformat Soft', 260]]),
    ];
    expect(await phi.detect(technique, none)).toEqual([]);
  });
});

describe('the shape of a table cell', () => {
  const harmless = (w: string) => ['CT', 'HEAD', 'FINAL', 'CHEST'].includes(w.toUpperCase());
  it.each([
    ['03/14/1952', 'date'], ['1952-03-14', 'date'], ['14-Mar-1952', 'date'], ['19520314', 'date'],
    ['Q4471902', 'id'], ['447-190-22', 'id'], ['RIS2612345', 'id'],
    ['Quillon, Marisol', 'name'], ['ZELLWEGER^ANKE', 'name'], ['B. Harrowgate', 'name'], ["O'Dwyer-Lachance, T.", 'name'],
    ['CT HEAD', 'other'], ['Final', 'other'], ['212', 'other'], ['3/124', 'other'], ['14:05', 'other'],
  ])('%j is a %s', (text, shape) => {
    expect(cellShape(text, harmless)).toBe(shape);
  });
});
