/**
 * Held-out check of issue 8: the kit on files written independently of its own sample generator
 * (different identities, phrasings, fonts, sizes, layouts; see test/heldout/). Detectors must not
 * be tuned against these fixtures: read the figures, not the files.
 *
 * Skipped unless DEID_HELDOUT=1 while the detector work of issue 8 is under way; the lead will
 * switch it on when that work lands. `npm run heldout` prints the same figures at any time.
 */
import { describe, expect, it } from 'vitest';
import { BARS, formatResult, runHeldout, type HeldoutResult } from './score.js';

const enabled = process.env.DEID_HELDOUT === '1';

describe.skipIf(!enabled)('held-out fixtures (issue 8 "Done when")', () => {
  let result: HeldoutResult;

  it('runs the kit over the held-out set', async () => {
    result = await runHeldout();
    process.stdout.write(formatResult(result));
    expect(result.files).toBeGreaterThan(30);
  }, 600_000);

  it('releases every file (1-bit segmentations, SR, RT included)', () => {
    expect(result.refused.map((r) => `${r.file}: ${r.error}`)).toEqual([]);
  });

  it('leaves no planted header PHI, ages over 89 in any phrasing included', () => {
    expect(result.header.left.map((l) => `${l.file} ${l.attribute} [${l.category}, ${l.kind}]`)).toEqual([]);
  });

  it('keeps every non-identifying description word and every code value and meaning', () => {
    expect(result.words.kept).toBe(result.words.total);
    expect(result.codes.kept).toBe(result.codes.total);
  });

  it('adds no dciodvfy error to any output', () => {
    expect(result.conformance.newErrors).toEqual([]);
  });

  it('removes at least 99.5% of burned-in PHI words', () => {
    expect(result.burned.gone / result.burned.total).toBeGreaterThanOrEqual(BARS.burnedGone);
  });

  it('leaves at least 98% of harmless annotation lines intact', () => {
    expect(result.harmless.intact / result.harmless.total).toBeGreaterThanOrEqual(BARS.harmlessIntact);
  });

  it("fully erases the project's CR sample accession number", () => {
    expect(result.crAccession).toMatchObject({ fullyGone: true });
  });

  it('learns no structural removal, no pattern that matches harmless text, and few address/URL patterns', () => {
    const learning = result.learning!;
    expect(learning.structural).toEqual([]);
    expect(learning.harmfulPatterns).toEqual([]);
    expect(learning.clinicalPatterns).toEqual([]);
    expect(learning.addressUrlPatterns).toBeLessThanOrEqual(BARS.addressUrlPatterns);
  });
});
