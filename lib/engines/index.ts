/**
 * Engine registry: pick a text or PHI detection engine by name. Local engines are the default;
 * nothing is sent to AWS unless `engine: 'aws'` is chosen explicitly.
 */
import { engineError } from './errors.js';
import { createLocalPhiDetector, type LocalPhiDetectorOptions } from './local/phi.js';
import { createLocalTextDetector, type LocalTextDetectorOptions } from './local/tesseract.js';
import type { PhiDetector, TextDetector } from './types.js';
import type { RekognitionTextDetectorOptions } from './aws/rekognition.js';
import type { ComprehendMedicalPhiDetectorOptions } from './aws/comprehend-medical.js';
import type { ComprehendPiiDetectorOptions } from './aws/comprehend.js';

export type * from './types.js';
export { EngineError } from './errors.js';
export { createLocalTextDetector, type LocalTextDetectorOptions } from './local/tesseract.js';
export { createLocalPhiDetector, detectPhiInImageText, imageTextToSpans, type LocalPhiDetectorOptions } from './local/phi.js';
export { DEFAULT_KEEP_LIST } from './local/phi-patterns.js';
export { AwsSession, isSessionError, type AwsSessionOptions, type AwsService } from './aws/session.js';
export { AWS_LIST_PRICES, AwsUsage, billingUnits, formatUsage, type ApiUsage, type AwsUsageSummary } from './aws/usage.js';
export { awsEgressNotice, usesAws, type EgressPlan } from './aws/egress.js';

/** Engine names: `local` (offline, default) or `aws`. */
export const ENGINE_NAMES = ['local', 'aws'] as const;
/** Engine names. */
export type EngineName = (typeof ENGINE_NAMES)[number];

/** True for a known engine name; the one check of engine names (the CLI and the notebook word their own errors). */
export function isEngineName(engine: unknown): engine is EngineName {
  return (ENGINE_NAMES as readonly unknown[]).includes(engine);
}

/** Options of {@link createTextDetector}: the engine name plus that engine's own options. */
export type TextDetectorChoice =
  | ({ engine?: 'local' } & LocalTextDetectorOptions)
  | ({ engine: 'aws' } & RekognitionTextDetectorOptions);

/** The local evidence joined with an AWS service's findings (see `withLocalEvidence`). */
export interface LocalEvidenceChoice {
  /**
   * Options of the local detector whose findings are joined with the service's: the rules' regexes,
   * keep-list and threshold (default: the local detector's defaults). `false` leaves the service alone.
   */
  local?: LocalPhiDetectorOptions | false;
}

/** Options of {@link createPhiDetector}: the engine name plus that engine's own options. */
export type PhiDetectorChoice =
  | ({ engine?: 'local' } & LocalPhiDetectorOptions)
  | ({ engine: 'aws'; service?: 'comprehend-medical' } & ComprehendMedicalPhiDetectorOptions & LocalEvidenceChoice)
  | ({ engine: 'aws'; service: 'comprehend' } & ComprehendPiiDetectorOptions & LocalEvidenceChoice);

function assertEngine(kind: string, engine: unknown): asserts engine is EngineName | undefined {
  if (engine !== undefined && !isEngineName(engine)) {
    throw engineError('engines', `unknown ${kind} engine ${JSON.stringify(engine)}: use 'local' (offline, default) or 'aws'`);
  }
}

/**
 * Creates a text detector: `local` (tesseract.js, offline; default) or `aws` (Rekognition DetectText).
 * The AWS engine loads its SDK on first use.
 */
export async function createTextDetector(choice: TextDetectorChoice = {}): Promise<TextDetector> {
  assertEngine('text', choice.engine);
  const { engine, ...options } = choice;
  if (engine === 'aws') {
    const { createRekognitionTextDetector } = await import('./aws/rekognition.js');
    return createRekognitionTextDetector(options);
  }
  return createLocalTextDetector(options);
}

/**
 * Creates a PHI detector: `local` (rules, header deny-list, patterns, keep-list; default) or
 * `aws` (Comprehend Medical DetectPHI by default; `service: 'comprehend'` for Comprehend DetectPiiEntities),
 * whose findings are joined with the local evidence (`local`) and filtered by the keep-list last.
 */
export async function createPhiDetector(choice: PhiDetectorChoice = {}): Promise<PhiDetector> {
  assertEngine('PHI', choice.engine);
  const { engine, ...options } = choice;
  if (engine === 'aws') {
    const { service, local, ...awsOptions } = options as { service?: string } & LocalEvidenceChoice;
    let detector: PhiDetector;
    if (service === 'comprehend') detector = (await import('./aws/comprehend.js')).createComprehendPiiDetector(awsOptions);
    else if (service === undefined || service === 'comprehend-medical') {
      detector = (await import('./aws/comprehend-medical.js')).createComprehendMedicalPhiDetector(awsOptions);
    } else throw engineError('engines', `unknown AWS PHI service ${JSON.stringify(service)}: use 'comprehend-medical' (default) or 'comprehend'`);
    if (local === false) return detector;
    const { withLocalEvidence } = await import('./aws/with-local-evidence.js');
    return withLocalEvidence(detector, local);
  }
  return createLocalPhiDetector(options);
}
