/**
 * What the header evaluation judged harmless is what learning must never match: the worded text
 * (descriptions, comments) with the findings cut out.
 */
import { describe, expect, it } from 'vitest';
import { createLocalPhiDetector } from '../../lib/engines/local/phi.js';
import { scanMetadataAndKept } from '../../lib/evaluate/scan-metadata.js';
import { gatherIdentity } from '../../lib/metadata/identity.js';
import { FIXTURE_SERIES_DESCRIPTION_CLEAN, FIXTURE_STUDY_DESCRIPTION_CLEAN, makePhiFixture } from '../fixtures/phi-fixture.js';

describe('scanMetadataAndKept', () => {
  it('keeps the clinical words of a raw description and none of its PHI', async () => {
    const { dataset } = makePhiFixture();
    const options = { phiDetector: createLocalPhiDetector(), known: gatherIdentity(dataset) };
    const { findings, harmless } = await scanMetadataAndKept(dataset, options);
    expect(findings.length).toBeGreaterThan(0);
    // `CT CHEST W/O CONTRAST for John Smith 555-201-3344`: the name and phone are findings, cut out.
    expect(harmless.some((t) => t.startsWith(FIXTURE_STUDY_DESCRIPTION_CLEAN))).toBe(true);
    expect(harmless.some((t) => t.startsWith(FIXTURE_SERIES_DESCRIPTION_CLEAN))).toBe(true);
    const all = harmless.join('\n');
    for (const phi of ['John', 'Smith', '555-201-3344', '4455667']) expect(all).not.toContain(phi);
    // Only worded attributes: no names, dates or UIDs.
    expect(harmless.every((t) => !/^\d{8}$/.test(t) && !t.includes('^'))).toBe(true);
  });
});
