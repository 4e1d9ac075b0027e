import { describe, expect, it } from 'vitest';
import { DicomFile, type DeidMessage } from '../../lib/file.js';
import { manifestEntry } from '../../lib/pipeline/manifest-entry.js';
import { manifestWarnings } from '../../lib/pipeline/warnings.js';
import { CLEAN_PIXELS, pixelFindingMessage } from '../../lib/steps/pixels.js';

const finding = (engine: string, type: string, box = true) => ({
  ...pixelFindingMessage({ text: 'not shown', category: 'A', score: 0.9, type, engine, frame: 0, ...(box ? { box: { left: 1, top: 2, width: 3, height: 4 } } : {}) }),
  step: CLEAN_PIXELS,
  severity: 'warning' as const,
});

describe('manifest warnings', () => {
  it('groups burned-in findings into one readable warning with a stable id, naming the detectors in words', () => {
    const messages: DeidMessage[] = [
      finding('local:header-value', 'header:PatientID'),
      finding('local:header-value', 'header:InstitutionName'),
      finding('local:header-date', 'header:StudyDate'),
      finding('local:regex', 'regex'),
      finding('local:regex', 'regex'),
    ];
    expect(messages[3].ruleId).toBe('pixel:local:regex:regex'); // what the manifest used to show
    expect(manifestWarnings(messages)).toEqual([{
      id: 'pixel:phi-filled',
      count: 5,
      text: "5 findings of burned-in PHI text, filled in the pixels; found by values of the file's own header (PatientID, InstitutionName); dates of the file's own header (StudyDate); the rules' patterns",
    }]);
  });

  it('names the labelled-value and unread-line detectors in words too', () => {
    const [w] = manifestWarnings([finding('local:label', 'LABELLED_VALUE'), finding('local:block', 'unread-line'), finding('local:block', 'unread-ink')]);
    expect(w.text).toBe('3 findings of burned-in PHI text, filled in the pixels; found by values after identity labels (LABELLED_VALUE); the fail-closed rule for unread text beside identity lines (unread-line, unread-ink)');
  });

  it('keeps findings without a box apart, and names an unknown detector by its id', () => {
    const [w] = manifestWarnings([finding('aws:comprehend-medical', 'NAME', false), finding('aws:rekognition-x', 'ID', false)]);
    expect(w).toEqual({ id: 'pixel:phi-unlocated', count: 2, text: '2 findings of burned-in PHI text without a position in the image, so not filled; found by Amazon Comprehend Medical (NAME); aws:rekognition-x (ID)' });
  });

  it('gives the other warnings their own sentence, and never lists info or fatal messages', () => {
    const base = { step: 's', reason: 'r' };
    const messages: DeidMessage[] = [
      { ...base, ruleId: 'pixel:not-checked', severity: 'warning' },
      { ...base, ruleId: 'pixel:encoding', severity: 'warning', reason: 'lossy JPEG Baseline original written as Explicit VR Little Endian' },
      { ...base, ruleId: 'pixel:encoding', severity: 'warning', reason: 'lossy JPEG Baseline original written as Explicit VR Little Endian' },
      { ...base, ruleId: 'patient:unidentified', severity: 'warning' },
      { ...base, ruleId: 'save:duplicate-instance', severity: 'warning' },
      { ...base, ruleId: 'something:new', severity: 'warning', reason: 'a new check said this' },
      { ...base, ruleId: 'tag:(0010,0010)', severity: 'info', action: 'D' },
    ];
    const warnings = manifestWarnings(messages);
    expect(warnings.map((w) => [w.id, w.count])).toEqual([
      ['pixel:not-checked', 1], ['pixel:encoding', 2], ['patient:unidentified', 1], ['save:duplicate-instance', 1], ['something:new', 1],
    ]);
    expect(warnings[1].text).toBe('the redacted pixels were written in another encoding: lossy JPEG Baseline original written as Explicit VR Little Endian');
    expect(warnings[4].text).toBe('a new check said this');
    for (const w of warnings) expect(w.text).not.toBe(w.id);
  });

  it('puts them in the manifest line, and leaves the field out when there are none', () => {
    const file = new DicomFile('in.dcm');
    expect(manifestEntry(file).warnings).toBeUndefined();
    file.message({ ruleId: 'pixel:not-checked', step: CLEAN_PIXELS, severity: 'warning', reason: 'x' });
    expect(manifestEntry(file).warnings).toEqual([{ id: 'pixel:not-checked', count: 1, text: expect.stringContaining('--no-pixels') }]);
  });
});
