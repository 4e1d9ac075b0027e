/**
 * AWS PHI detection with Amazon Comprehend Medical DetectPHI. Used only when the user chooses the
 * `aws` engine: the text leaves the machine. Many short spans are sent in one request.
 */
import type { ComprehendMedicalClient, ComprehendMedicalClientConfig } from '@aws-sdk/client-comprehendmedical';
import type { SafeHarborCategory } from '../../safe-harbor.js';
import { lazyAwsClient } from './client.js';
import { detectInBatches } from './batching.js';
import { spanText } from '../spans.js';
import type { IdentityContext, PhiDetector, PhiFinding, TextSpan } from '../types.js';

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
      return detectInBatches(
        {
          engine: ENGINE,
          findingEngine: 'aws:comprehend-medical',
          operation: 'DetectPHI',
          maxBytes,
          minScore,
          async send(text) {
            const { client, sdk } = await aws.load();
            return (await client.send(new sdk.DetectPHICommand({ Text: text }))).Entities ?? [];
          },
          classify(e, text) {
            // Ages are Safe Harbor identifiers only over 89.
            if (e.Type === 'AGE' && !(Number(text.replace(/\D/g, '')) > 89)) return undefined;
            return { category: COMPREHEND_MEDICAL_CATEGORIES[e.Type ?? ''] ?? 'R', type: e.Type ?? 'PHI' };
          },
        },
        spans.map(spanText),
      );
    },
    async close(): Promise<void> {
      aws.destroy();
    },
  };
}
