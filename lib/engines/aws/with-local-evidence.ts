/**
 * PHI judgement under the `aws` engine: what the AWS service finds together with the local evidence
 * (the file's own header values in the forms screens show them, the rules' regexes, the generic
 * patterns), never instead of it. The keep-list is applied last, to the service's findings too;
 * the file's own identity still wins over it.
 */
import { createLocalPhiDetector, keepListMatcher, type LocalPhiDetectorOptions } from '../local/phi.js';
import type { IdentityContext, PhiDetector, PhiFinding, TextSpan } from '../types.js';

/**
 * Wraps an AWS PHI detector so its findings are joined with the local detector's (made from `local`,
 * the same options the `local` engine takes). A service finding that is keep-list text (`PORTABLE`,
 * `AP`, `120 KV`) is dropped unless a local finding of the file's own identity covers it.
 *
 * @example
 * const phi = withLocalEvidence(createComprehendMedicalPhiDetector({ session }), { regex: rules.regex, keepList: rules.pixelKeepList });
 */
export function withLocalEvidence(service: PhiDetector, local: LocalPhiDetectorOptions = {}): PhiDetector {
  const localDetector = createLocalPhiDetector(local);
  const { isKept } = keepListMatcher(local);
  return {
    name: service.name,
    isHarmless: isKept,
    isClinical: (word: string) => localDetector.isClinical?.(word) ?? false,
    async detect(spans: TextSpan[], context: IdentityContext): Promise<PhiFinding[]> {
      const [found, evidence] = await Promise.all([service.detect(spans, context), localDetector.detect(spans, context)]);
      const identity = evidence.filter((f) => f.engine.startsWith('local:header'));
      const kept = found.filter((f) => !isKept(f.text) || identity.some((i) => i.location === f.location && overlaps(i, f)));
      return [...evidence, ...kept];
    },
    async close(): Promise<void> {
      await service.close?.();
      await localDetector.close?.();
    },
  };
}

function overlaps(a: PhiFinding, b: PhiFinding): boolean {
  if (a.begin !== undefined && a.end !== undefined && b.begin !== undefined && b.end !== undefined) return a.begin < b.end && b.begin < a.end;
  return a.text.toUpperCase().includes(b.text.toUpperCase());
}
