/**
 * AWS PHI detection with Amazon Comprehend Medical DetectPHI. Used only when the user chooses the
 * `aws` engine: the text leaves the machine. Many short spans are sent in one request.
 */
import type { ComprehendMedicalClient, ComprehendMedicalClientConfig } from '@aws-sdk/client-comprehendmedical';
import type { SafeHarborCategory } from '../safe-harbor.js';
import { lazyAwsClient } from './aws-sdk.js';
import { engineError } from './errors.js';
import { codePointToUtf16, findingsInBatch, packSpans } from './aws-batching.js';
import { spanText } from './spans.js';
import type { IdentityContext, PhiDetector, PhiFinding, TextSpan } from './types.js';

const ENGINE = 'comprehend-medical';

/** Options of {@link createComprehendMedicalPhiDetector}. */
export interface ComprehendMedicalPhiDetectorOptions {
  /** A ready client, e.g. for tests or custom credentials (default: a new `ComprehendMedicalClient(clientConfig)`). */
  client?: ComprehendMedicalClient;
  /** Configuration of the client created when none is given, e.g. `{ region: 'us-east-1' }` (optional). */
  clientConfig?: ComprehendMedicalClientConfig;
  /** The rules' confidence threshold (0–100); findings count above max(0.85, threshold/100), as the source did (default: 0). */
  confidenceThreshold?: number;
  /** Maximum UTF-8 bytes of text per request (default: 19000; the service allows 20000). */
  maxBytesPerRequest?: number;
}

/** Comprehend Medical PHI types to Safe Harbor letters. */
export const COMPREHEND_MEDICAL_CATEGORIES: Record<string, SafeHarborCategory> = {
  NAME: 'A',
  ADDRESS: 'B',
  DATE: 'C',
  AGE: 'C',
  PHONE_OR_FAX: 'D',
  EMAIL: 'F',
  ID: 'R',
  URL: 'N',
  IP_ADDRESS: 'O',
  PROFESSION: 'R',
};

/** Creates the Comprehend Medical PHI detector. The SDK is imported on first use. */
export function createComprehendMedicalPhiDetector(options: ComprehendMedicalPhiDetectorOptions = {}): PhiDetector {
  const minScore = Math.max(0.85, (options.confidenceThreshold ?? 0) / 100);
  const maxBytes = options.maxBytesPerRequest ?? 19000;

  const aws = lazyAwsClient(ENGINE, '@aws-sdk/client-comprehendmedical', () => import('@aws-sdk/client-comprehendmedical'), (sdk) => new sdk.ComprehendMedicalClient(options.clientConfig ?? {}), options.client);

  return {
    name: 'aws:comprehend-medical',
    async detect(spans: TextSpan[], _context: IdentityContext): Promise<PhiFinding[]> {
      const texts = spans.map(spanText).filter((st) => st.text.trim() !== '');
      const findings: PhiFinding[] = [];
      for (const batch of packSpans(ENGINE, texts, maxBytes)) {
        const { client, sdk } = await aws.load();
        let response;
        try {
          response = await client.send(new sdk.DetectPHICommand({ Text: batch.text }));
        } catch (error) {
          throw engineError(ENGINE, `DetectPHI failed on a batch of ${batch.items.length} spans`, error);
        }
        // Offsets count Unicode code points, JavaScript strings count UTF-16 units.
        const toUtf16 = codePointToUtf16(batch.text);
        for (const e of response.Entities ?? []) {
          if ((e.Score ?? 0) < minScore || e.BeginOffset === undefined || e.EndOffset === undefined) continue;
          const category = COMPREHEND_MEDICAL_CATEGORIES[e.Type ?? ''] ?? 'R';
          // Ages are Safe Harbor identifiers only over 89.
          if (e.Type === 'AGE' && !(Number((e.Text ?? '').replace(/\D/g, '')) > 89)) continue;
          findings.push(...findingsInBatch(batch, toUtf16(e.BeginOffset), toUtf16(e.EndOffset), { category, score: e.Score ?? 0, type: e.Type ?? 'PHI', engine: 'aws:comprehend-medical' }));
        }
      }
      return findings;
    },
    async close(): Promise<void> {
      aws.destroy();
    },
  };
}
