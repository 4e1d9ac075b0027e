/**
 * The state's maps: new entries appended to a per-store journal (a flush costs what it adds), folded
 * into the maps and CSV exports once per run; worker views derive the same values and the store
 * absorbs their entries, refusing ones that disagree.
 */
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStateStore, openStateView } from '../../lib/state/index.js';

const work = mkdtempSync(path.join(tmpdir(), 'deid-journal-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let count = 0;
const newDir = () => path.join(work, `state-${++count}`);
const journals = (dir: string) => (existsSync(path.join(dir, 'maps.journal')) ? readdirSync(path.join(dir, 'maps.journal')) : []);

describe('state journal', () => {
  it('a flush appends only the new entries; the maps are rewritten once, by compact', async () => {
    const dir = newDir();
    const state = openStateStore(dir);
    state.mapUid('1.2.3.4');
    state.pseudonymForPatient('MRN-1');
    await state.flush();
    expect(existsSync(path.join(dir, 'uid_map.json'))).toBe(false);
    const [file] = journals(dir);
    const first = readFileSync(path.join(dir, 'maps.journal', file), 'utf8');
    expect(first.trim().split('\n')).toHaveLength(2);
    state.mapUid('1.2.3.4'); // known: nothing new
    state.mapUid('1.2.3.5');
    await state.flush();
    const second = readFileSync(path.join(dir, 'maps.journal', file), 'utf8');
    expect(second.startsWith(first)).toBe(true);
    expect(second.trim().split('\n')).toHaveLength(3);

    // Another opening sees the journal before any compaction.
    expect(openStateStore(dir).uidMap.get('1.2.3.5')).toBe(state.mapUid('1.2.3.5'));

    state.compact();
    expect(journals(dir)).toEqual([]);
    const uids = JSON.parse(readFileSync(path.join(dir, 'uid_map.json'), 'utf8')) as Record<string, string>;
    expect(Object.keys(uids).sort()).toEqual(['1.2.3.4', '1.2.3.5']);
    expect(readFileSync(path.join(dir, 'patid_mapping.csv'), 'utf8')).toMatch(/^id_old,id_new\nMRN-1,PAT-[A-Z2-9]{10}\n$/);
  });

  it('a last line cut short by a killed run is left out; a damaged line fails closed', async () => {
    const dir = newDir();
    const state = openStateStore(dir);
    state.mapUid('1.9');
    await state.flush();
    const file = path.join(dir, 'maps.journal', journals(dir)[0]);
    appendFileSync(file, '["u","1.10","2.25.1');
    expect(openStateStore(dir).uidMap.has('1.9')).toBe(true);
    expect(openStateStore(dir).uidMap.has('1.10')).toBe(false);
    appendFileSync(file, '\n');
    expect(() => openStateStore(dir)).toThrow(/line 2 of the journal is damaged/);
  });

  it('a view derives the values the store would, and the store absorbs them', () => {
    const dir = newDir();
    const store = openStateStore(dir);
    const known = store.pseudonymForPatient('MRN-KNOWN');
    const view = openStateView(store.snapshot());
    const task = view.forInput();
    const uid = task.mapUid('1.2.840.99.1');
    const pseudonym = task.pseudonymForPatient('MRN-NEW');
    expect(task.pseudonymForPatient(' MRN-KNOWN ')).toBe(known);
    expect(task.dateShiftDays('MRN-NEW', 30)).toBe(store.dateShiftDays('MRN-NEW', 30));
    const records = task.takeRecords();
    expect(store.absorb(records)).toEqual([]);
    expect(store.uidMap.get('1.2.840.99.1')).toBe(uid);
    expect(store.patientIdMap.get('MRN-NEW')).toBe(pseudonym);
    // The same values as the store derives on its own, in another folder with the same secret.
    expect(openStateStore(dir).mapUid('1.2.840.99.1')).toBe(uid);
  });

  it('absorb refuses entries that disagree with the maps; the conflicts make the second try agree', () => {
    const dir = newDir();
    const store = openStateStore(dir);
    const view = openStateView(store.snapshot());
    const first = view.forInput();
    const pseudonym = first.pseudonymForPatient('MRN-A');
    // Another input, absorbed first, claimed that pseudonym for another patient (a forced collision).
    expect(store.absorb({ uids: [], patients: [['MRN-B', pseudonym]] })).toEqual([]);
    const conflicts = store.absorb(first.takeRecords());
    expect(conflicts).toEqual([{ kind: 'taken', pseudonym, owner: 'MRN-B' }]);
    expect(store.patientIdMap.has('MRN-A')).toBe(false);
    const second = view.forInput(conflicts);
    const other = second.pseudonymForPatient('MRN-A');
    expect(other).not.toBe(pseudonym);
    expect(store.absorb(second.takeRecords())).toEqual([]);
    expect(store.patientIdMap.get('MRN-A')).toBe(other);
  });
});
