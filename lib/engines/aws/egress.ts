/**
 * The notice shown before anything is sent to AWS: which services get what, in which region, and
 * where objects are read and written. The CLI prints it; notebooks show it with `awsEgressNotice`.
 */
import type { AwsSession } from './session.js';

/** What a run will send, for {@link awsEgressNotice}. */
export interface EgressPlan {
  /** Rekognition DetectText reads the pixels (PNG renderings of each frame, or tiles of them). */
  pixelText?: boolean;
  /** Comprehend Medical (or Comprehend) judges text: OCR lines of the pixels and, when evaluating, header values. */
  phiText?: 'comprehend-medical' | 'comprehend';
  /** Header values are judged by the PHI service too (evaluation). */
  headerText?: boolean;
  /** `s3://` sources read. */
  s3Inputs?: string[];
  /** `s3://` destination written. */
  s3Output?: string;
  /** Where large renderings are staged for Rekognition (`s3://bucket/prefix`), if anywhere. */
  rekognitionStaging?: string;
}

/** True when the plan sends or reads anything through AWS. */
export function usesAws(plan: EgressPlan): boolean {
  return Boolean(plan.pixelText || plan.phiText || plan.s3Inputs?.length || plan.s3Output);
}

/**
 * The egress notice, in plain words (empty when nothing leaves the machine). Shown before any call.
 *
 * @example
 * console.log(awsEgressNotice({ pixelText: true, phiText: 'comprehend-medical' }, session));
 */
export function awsEgressNotice(plan: EgressPlan, session?: AwsSession): string {
  if (!usesAws(plan)) return '';
  const region = session?.regionHint ?? '(the profile\'s or environment\'s region)';
  const profile = session?.options.profile ?? process.env.AWS_PROFILE;
  const lines = [
    `This run sends data to Amazon Web Services, region ${region}${profile ? `, profile ${profile}` : ''}:`,
  ];
  if (plan.pixelText) {
    lines.push('  - Amazon Rekognition (DetectText) receives PNG renderings of the pixels of every frame (or tiles of them), burned-in PHI included.');
    if (plan.rekognitionStaging) lines.push(`    Renderings over 5 MB are uploaded to ${plan.rekognitionStaging} for the call and deleted after it.`);
  }
  if (plan.phiText) {
    const service = plan.phiText === 'comprehend' ? 'Amazon Comprehend (DetectPiiEntities)' : 'Amazon Comprehend Medical (DetectPHI)';
    lines.push(`  - ${service} receives the text read from the pixels${plan.headerText ? ' and the header values (names, IDs, dates, free text)' : ''}, batched into as few requests as the limits allow.`);
  }
  if (plan.s3Inputs?.length) lines.push(`  - Amazon S3: reads the original files from ${plan.s3Inputs.join(', ')}.`);
  if (plan.s3Output) lines.push(`  - Amazon S3: writes the de-identified files to ${plan.s3Output}.`);
  const endpoint = session?.s3Endpoint;
  if (endpoint && (plan.s3Inputs?.length || plan.s3Output || plan.rekognitionStaging)) lines.push(`  S3 endpoint: ${endpoint}.`);
  lines.push('Use a HIPAA-eligible account covered by a Business Associate Agreement. Choose --engine local to keep everything on this machine.');
  return lines.join('\n');
}
