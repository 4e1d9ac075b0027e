/**
 * AWS PHI detection with Amazon Comprehend DetectPiiEntities (general PII, not the medical service).
 * Used only when the user chooses it (`createPhiDetector({ engine: 'aws', service: 'comprehend' })`):
 * the text leaves the machine. Many short spans go in one request of up to 100 KB.
 */
import type { ComprehendClient, ComprehendClientConfig, LanguageCode } from '@aws-sdk/client-comprehend';
import type { SafeHarborCategory } from '../../safe-harbor.js';
import { detectInBatches } from './batching.js';
import { lazyAwsClient } from './client.js';
import { isIdentifyingAge } from './age.js';
import { AwsSession } from './session.js';
import { engineError } from '../errors.js';
import { spanText } from '../spans.js';
import type { IdentityContext, PhiDetector, PhiFinding, TextSpan } from '../types.js';

const ENGINE = 'comprehend';

/** Options of {@link createComprehendPiiDetector}. */
export interface ComprehendPiiDetectorOptions {
  /** A ready client, e.g. for tests (default: a new `ComprehendClient` from the session, made on first use). */
  client?: ComprehendClient;
  /** Extra configuration of the client created when none is given, over the session's (optional). */
  clientConfig?: ComprehendClientConfig;
  /** The run's AWS session: profile, region, retries, usage meter (default: a new one from the environment). */
  session?: AwsSession;
  /** Language of the text; DetectPiiEntities reads `en` and `es` (default: `en`). */
  languageCode?: LanguageCode;
  /** The rules' confidence threshold (0–100); findings count above max(0.85, threshold/100), as the source did (default: 0). */
  confidenceThreshold?: number;
  /** Maximum UTF-8 bytes of text per request (default: 99000; the service allows 100 KB). */
  maxBytesPerRequest?: number;
}

/**
 * Comprehend PII entity types to Safe Harbor letters. Types not listed map to `R` (any other unique
 * identifier); `DATE_TIME` counts only for dates finer than a year and `AGE` only over 89 (see the detector).
 */
export const COMPREHEND_PII_CATEGORIES: Record<string, SafeHarborCategory> = {
  NAME: 'A',
  ADDRESS: 'B',
  DATE_TIME: 'C',
  AGE: 'C',
  PHONE: 'D',
  EMAIL: 'F',
  SSN: 'G',
  // Health numbers issued by insurers / national health services: beneficiary numbers.
  UK_NATIONAL_HEALTH_SERVICE_NUMBER: 'I',
  CA_HEALTH_NUMBER: 'I',
  BANK_ACCOUNT_NUMBER: 'J',
  INTERNATIONAL_BANK_ACCOUNT_NUMBER: 'J',
  CREDIT_DEBIT_NUMBER: 'J',
  DRIVER_ID: 'K',
  PASSPORT_NUMBER: 'K',
  LICENSE_PLATE: 'L',
  VEHICLE_IDENTIFICATION_NUMBER: 'L',
  MAC_ADDRESS: 'M',
  URL: 'N',
  IP_ADDRESS: 'O',
};

const MONTHS = 'JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEP(?:T(?:EMBER)?)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?';
const MONTH_AND_DAY_OR_YEAR = new RegExp(
  `\\b(?:${MONTHS})\\.?\\s*\\d{1,2}(?:ST|ND|RD|TH)?\\b|\\b\\d{1,2}(?:ST|ND|RD|TH)?\\s*(?:OF\\s+)?(?:${MONTHS})\\b|\\b(?:${MONTHS})\\.?,?\\s*(?:1[89]|20)\\d{2}\\b`,
);
const validMonth = (m: number) => m >= 1 && m <= 12;
const validDay = (d: number) => d >= 1 && d <= 31;

/**
 * True when `text` holds a date finer than a year (a day or a month of a year): `02/11/1961`,
 * `1961-02-11`, `19610211`, `07/16`, `02/1961`, `Feb 11`, `11 February 1961`, `February 1961`.
 * False for a year alone (Safe Harbor keeps years), a time, a weekday, a lone month or relative words.
 */
export function isSpecificDate(text: string): boolean {
  const t = text.toUpperCase();
  if (MONTH_AND_DAY_OR_YEAR.test(t)) return true;
  for (const m of t.matchAll(/\b((?:1[89]|20)\d{2})(\d{2})(\d{2})/g)) if (validMonth(Number(m[2])) && validDay(Number(m[3]))) return true;
  for (const m of t.matchAll(/\b(\d{1,4})\s*([./-])\s*(\d{1,2})(?:\s*\2\s*(\d{1,4}))?\b/g)) {
    const [a, b, c] = [m[1], m[3], m[4]];
    if (c !== undefined) {
      if (a.length === 4 ? validMonth(+b) && validDay(+c) : (c.length === 2 || c.length === 4) && ((validMonth(+a) && validDay(+b)) || (validDay(+a) && validMonth(+b)))) return true;
    } else if (m[2] !== '.') {
      // Two parts: month/day (07/16) or year-month (1961-02); a decimal like 10.5 is not a date.
      if (a.length === 4 ? validMonth(+b) : a.length <= 2 && ((validMonth(+a) && validDay(+b)) || (validDay(+a) && validMonth(+b)))) return true;
    }
  }
  for (const m of t.matchAll(/\b(\d{1,2})\s*[/-]\s*((?:1[89]|20)\d{2})\b/g)) if (validMonth(Number(m[1]))) return true;
  return false;
}

/** Why an entity of a known type is not a Safe Harbor identifier, if it is not. */
function notAnIdentifier(type: string, text: string): boolean {
  if (type === 'DATE_TIME') return !isSpecificDate(text);
  // Ages are identifiers only over 89; an age we cannot read as a number is kept (fail closed).
  if (type === 'AGE') return !isIdentifyingAge(text);
  return false;
}

/**
 * Creates the Comprehend (DetectPiiEntities) PHI detector. The SDK is imported on first use.
 *
 * @example
 * const detector = createComprehendPiiDetector({ clientConfig: { region: 'us-east-1' }, confidenceThreshold: 90 });
 * const findings = await detector.detect([{ text: 'Seen by John Smith on 02/11/1961', location: 'StudyDescription' }], { values: [] });
 */
export function createComprehendPiiDetector(options: ComprehendPiiDetectorOptions = {}): PhiDetector {
  const languageCode = options.languageCode ?? 'en';
  if (languageCode !== 'en' && languageCode !== 'es') {
    throw engineError(ENGINE, `languageCode ${JSON.stringify(languageCode)} is not read by DetectPiiEntities: use 'en' or 'es'`);
  }
  const minScore = Math.max(0.85, (options.confidenceThreshold ?? 0) / 100);
  const maxBytes = options.maxBytesPerRequest ?? 99_000;

  const session = options.session ?? new AwsSession();

  const aws = lazyAwsClient({
    engine: ENGINE,
    packageName: '@aws-sdk/client-comprehend',
    importSdk: () => import('@aws-sdk/client-comprehend'),
    makeClient: (sdk) => new sdk.ComprehendClient({ ...session.clientConfig('comprehend'), ...options.clientConfig }),
    injected: options.client,
  });

  return {
    name: 'aws:comprehend',
    async detect(spans: TextSpan[], _context: IdentityContext): Promise<PhiFinding[]> {
      return detectInBatches(
        {
          engine: ENGINE,
          findingEngine: 'aws:comprehend',
          operation: 'DetectPiiEntities',
          maxBytes,
          minScore,
          async send(text) {
            const { client, sdk } = await aws.load();
            session.usage.record('comprehend:DetectPiiEntities', { characters: [...text].length });
            try {
              return { entities: (await client.send(new sdk.DetectPiiEntitiesCommand({ Text: text, LanguageCode: languageCode }))).Entities ?? [] };
            } catch (error) {
              session.noteError(error);
              throw error;
            }
          },
          classify(e, text) {
            const type = e.Type ?? 'PII';
            if (notAnIdentifier(type, text)) return undefined;
            return { category: COMPREHEND_PII_CATEGORIES[type] ?? 'R', type };
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

export default createComprehendPiiDetector;
