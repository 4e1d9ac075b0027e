/**
 * The check made once before a run sends anything: a region is set, credentials can be found, and
 * every bucket the run reads or writes answers. Each problem is said once, with what to do about it,
 * instead of failing every file the same way.
 */
import { lazyAwsClient } from './client.js';
import type { AwsService, AwsSession } from './session.js';

/** A run that cannot reach AWS as configured (the CLI exits with 2). */
export class AwsPreflightError extends Error {
  override name = 'AwsPreflightError';
}

/** What {@link preflightAws} checks. */
export interface PreflightPlan {
  /** Services the run will call; one of them is used to resolve the region and the credentials. */
  services: AwsService[];
  /** Bucket checks (S3 storage `checkBucket`), by `s3://bucket` for the message. */
  buckets?: Array<{ url: string; check: () => Promise<void> }>;
}

const IMPORTS: Record<AwsService, () => Promise<Record<string, unknown>>> = {
  s3: () => import('@aws-sdk/client-s3'),
  rekognition: () => import('@aws-sdk/client-rekognition'),
  comprehendmedical: () => import('@aws-sdk/client-comprehendmedical'),
  comprehend: () => import('@aws-sdk/client-comprehend'),
};
const CLIENTS: Record<AwsService, string> = { s3: 'S3Client', rekognition: 'RekognitionClient', comprehendmedical: 'ComprehendMedicalClient', comprehend: 'ComprehendClient' };

type ProbeClient = { config: { region: () => Promise<string>; credentials: () => Promise<unknown> }; destroy(): void };

/**
 * Resolves the region and the credentials through the SDK's own chain (options, environment, profile,
 * container or instance role) and checks each bucket. Resolves to the region in force; throws an
 * {@link AwsPreflightError} saying what is missing and how to set it.
 */
export async function preflightAws(session: AwsSession, plan: PreflightPlan): Promise<{ region: string }> {
  const service = plan.services[0];
  if (!service) return { region: session.regionHint ?? '' };
  const probe = lazyAwsClient({
    engine: 'aws',
    packageName: `the ${service} client of the AWS SDK`,
    importSdk: IMPORTS[service],
    makeClient: (sdk) => new (sdk[CLIENTS[service]] as new (config: Record<string, unknown>) => ProbeClient)(session.clientConfig(service)),
  });
  const { client } = await probe.load();
  let region: string;
  try {
    try {
      region = await client.config.region();
    } catch (error) {
      throw new AwsPreflightError(`no AWS region is set: pass --region, set AWS_REGION, or give the profile a region (${(error as Error).message})`, { cause: error });
    }
    try {
      await client.config.credentials();
    } catch (error) {
      const profile = session.options.profile ?? process.env.AWS_PROFILE;
      throw new AwsPreflightError(
        `no AWS credentials were found${profile ? ` for profile "${profile}"` : ''}: pass --profile, set AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run with a role (${(error as Error).message})`,
        { cause: error },
      );
    }
  } finally {
    probe.destroy();
  }
  for (const bucket of plan.buckets ?? []) {
    try {
      await bucket.check();
    } catch (error) {
      throw new AwsPreflightError(`${bucket.url} cannot be used: ${(error as Error).message.replace(/^\[deid\] \[s3\] /, '')}`, { cause: error });
    }
  }
  return { region };
}
