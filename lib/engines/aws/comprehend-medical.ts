/**
 * AWS PHI detection with Amazon Comprehend Medical DetectPHI. Used only when the user chooses the
 * `aws` engine: the text leaves the machine. Many short spans are sent in one request.
 */
import type { ComprehendMedicalClient, ComprehendMedicalClientConfig } from '@aws-sdk/client-comprehendmedical';
import type { SafeHarborCategory } from '../../safe-harbor.js';
import { lazyAwsClient } from './client.js';
import { isIdentifyingAge } from './age.js';
import { AwsSession } from './session.js';
import { detectInBatches } from './batching.js';
import { spanText } from '../spans.js';
import type { IdentityContext, PhiDetector, PhiFinding, TextSpan } from '../types.js';

const ENGINE = 'comprehend-medical';

/** Options of {@link createComprehendMedicalPhiDetector}. */
export interface ComprehendMedicalPhiDetectorOptions {
  /** A ready client, e.g. for tests (default: a new `ComprehendMedicalClient` from the session, made on first use). */
  client?: ComprehendMedicalClient;
  /** Extra configuration of the client created when none is given, over the session's (optional). */
  clientConfig?: ComprehendMedicalClientConfig;
  /** The run's AWS session: profile, region, retries, usage meter (default: a new one from the environment). */
  session?: AwsSession;
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

/**
 * Creates the Comprehend Medical PHI detector. The SDK is imported on first use. Spans are batched
 * (many tag values or OCR lines per request, where the source sent one request per value); each
 * request is counted in the session's usage with its characters and 100-character billing units.
 */
export function createComprehendMedicalPhiDetector(options: ComprehendMedicalPhiDetectorOptions = {}): PhiDetector {
  const minScore = Math.max(0.85, (options.confidenceThreshold ?? 0) / 100);
  const maxBytes = options.maxBytesPerRequest ?? 19000;
  const session = options.session ?? new AwsSession();

  const aws = lazyAwsClient({
    engine: ENGINE,
    packageName: '@aws-sdk/client-comprehendmedical',
    importSdk: () => import('@aws-sdk/client-comprehendmedical'),
    makeClient: (sdk) => new sdk.ComprehendMedicalClient({ ...session.clientConfig('comprehendmedical'), ...options.clientConfig }),
    injected: options.client,
  });

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
          async send(text, spans) {
            const { client, sdk } = await aws.load();
            session.usage.record('comprehendmedical:DetectPHI', { characters: [...text].length, spans });
            try {
              const response = await client.send(new sdk.DetectPHICommand({ Text: text }));
              // DetectPHI's request has no token to send back: a paged answer is split and asked again.
              return { entities: response.Entities ?? [], truncated: Boolean(response.PaginationToken) };
            } catch (error) {
              session.noteError(error);
              throw error;
            }
          },
          classify(e, text) {
            // Ages are Safe Harbor identifiers only over 89 (`ninety-three` too; one that cannot be read is kept).
            if (e.Type === 'AGE' && !isIdentifyingAge(text)) return undefined;
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
