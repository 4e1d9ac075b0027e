/**
 * What the header evaluation judged harmless is what learning must never match: the worded text
 * (descriptions, comments) in which it found nothing. A value holding a finding is not harmless in any
 * part: on raw inputs it may hold more PHI than was found.
 */
import { describe, expect, it } from 'vitest';
import { createLocalPhiDetector } from '../../lib/engines/local/phi.js';
import { scanMetadataAndKept } from '../../lib/evaluate/scan-metadata.js';
import { gatherIdentity } from '../../lib/metadata/identity.js';
import { FIXTURE_SERIES_DESCRIPTION_CLEAN, FIXTURE_STUDY_DESCRIPTION_CLEAN, makePhiFixture } from '../fixtures/phi-fixture.js';

describe('scanMetadataAndKept', () => {
  it('keeps the worded values it found nothing in, and no part of a value it found PHI in', async () => {
    const { dataset } = makePhiFixture();
    const options = { phiDetector: createLocalPhiDetector(), known: gatherIdentity(dataset) };
    const { findings, harmless } = await scanMetadataAndKept(dataset, options);
    expect(findings.length).toBeGreaterThan(0);
    // A model name holds no PHI: judged harmless as written.
    expect(harmless).toContain('SuperScanner 64');
    // `CT CHEST W/O CONTRAST for John Smith 555-201-3344`, `AXIAL 2.5MM LUNG MRN: 4455667`, `Fall at home, found by
    // Mrs. Smith`: they held findings, so not even their clinical parts count (another attribute may say the same words clean).
    expect(harmless).not.toContain(`${FIXTURE_STUDY_DESCRIPTION_CLEAN} for`);
    expect(harmless).not.toContain(FIXTURE_SERIES_DESCRIPTION_CLEAN);
    expect(harmless.some((t) => t.startsWith('Fall at home'))).toBe(false);
    const all = harmless.join('\n');
    for (const phi of ['John', 'Smith', '555-201-3344', '4455667', 'Nonexistent', 'Hypothetical']) expect(all).not.toContain(phi);
    // Only worded attributes: no names, dates or UIDs.
    expect(harmless.every((t) => !/^\d{8}$/.test(t) && !t.includes('^'))).toBe(true);
  });
});
