/**
 * What a run does before its first AWS call, shared by `deid run`, `deid evaluate` and the notebook
 * processor: one session for every client, the egress notice, the preflight check (once), and where
 * Rekognition may stage renderings over its 5 MB Bytes limit.
 */
import { awsEgressNotice, usesAws, type EgressPlan } from '../engines/aws/egress.js';
import { AwsPreflightError, preflightAws } from '../engines/aws/preflight.js';
import { AwsSession, type AwsService, type AwsSessionOptions } from '../engines/aws/session.js';
import type { ImageStaging } from '../engines/types.js';
import { createS3ImageStaging, createS3Storage, type S3ServerSideEncryption, type S3Storage } from '../storage/s3.js';
import { parseStorageTarget, type StorageTarget } from '../storage/target.js';
import type { ObjectStorage } from '../storage/types.js';

export { AwsPreflightError } from '../engines/aws/preflight.js';

/** The AWS options of a run (all optional; nothing here is used unless the run touches AWS). */
export interface AwsRunOptions {
  /** How to reach AWS: profile, region, S3 endpoint and path style, retries (default: the SDK's chain and environment). */
  aws?: AwsSessionOptions;
  /** A ready session (notebooks, tests), whose usage meter then counts this run too (default: one made from `aws`). */
  awsSession?: AwsSession;
  /** Server-side encryption of S3 writes: `AES256` or `aws:kms` (default: the bucket's own setting). */
  sse?: S3ServerSideEncryption;
  /** KMS key id or ARN with `sse: 'aws:kms'` (default: the AWS-managed key). */
  kmsKeyId?: string;
  /** Called once with the egress notice, before anything is sent (the CLI prints it to stderr). */
  onNotice?: (notice: string) => void;
  /** Check the region, the credentials and every bucket once before the run (default: true). */
  preflight?: boolean;
  /**
   * Where Rekognition reads renderings over its 5 MB Bytes limit from: `s3://bucket/prefix`, ready
   * staging, or false to send a size-bounded JPEG instead (default: beside an S3 output,
   * `s3://<out bucket>/<out prefix>.deid-staging`, as the source staged its PNGs in the destination
   * bucket; for a local output, false).
   */
  rekognitionStaging?: string | false | ImageStaging;
}

/** What the run needs from AWS, for {@link startAwsRun}. */
export interface AwsRunPlan {
  /** `aws` sends pixels to Rekognition and text to Comprehend Medical. */
  engine: 'local' | 'aws';
  /** Pixels are read (Rekognition) when the engine is `aws`. */
  pixels: boolean;
  /** Header values are judged by the service too (evaluation). */
  headerText?: boolean;
  inputs: string[];
  /** The run's output (`s3://…` or a folder), if it writes one. */
  out?: string;
  /** Opens the storage of an `s3://` input with the run's session (the runner's opener, so tests can inject theirs). */
  openInput?: (target: StorageTarget, session: AwsSession) => ObjectStorage;
  /** Opens the output storage with the run's session, for its bucket check. */
  openOutput?: (session: AwsSession) => ObjectStorage | undefined;
}

/** The AWS side of a run: the session its clients share and where Rekognition stages large renderings. */
export interface AwsRun {
  /** Undefined when the run does not touch AWS. */
  session?: AwsSession;
  staging?: ImageStaging;
  /** The egress notice shown (empty when nothing leaves the machine). */
  notice: string;
}

const hasBucketCheck = (s: ObjectStorage | undefined): s is S3Storage => typeof (s as S3Storage | undefined)?.checkBucket === 'function';

/**
 * Prepares the AWS side of a run: makes the session, shows the egress notice, and checks region,
 * credentials and buckets once (throwing {@link AwsPreflightError} with what to fix). Sends nothing to
 * the AI services and writes nothing.
 */
export async function startAwsRun(plan: AwsRunPlan, options: AwsRunOptions = {}): Promise<AwsRun> {
  const s3Inputs = plan.inputs.filter((i) => parseStorageTarget(i).engine === 's3');
  const out = plan.out ? parseStorageTarget(plan.out) : undefined;
  const aws = plan.engine === 'aws';
  let session: AwsSession;
  try {
    session = options.awsSession ?? new AwsSession(options.aws);
  } catch (error) {
    throw new AwsPreflightError((error as Error).message.replace(/^\[deid\] \[aws\] /, ''), { cause: error });
  }
  let staging: ImageStaging | undefined;
  let stagingStorage: S3Storage | undefined;
  if (aws && plan.pixels && options.rekognitionStaging !== false) {
    if (typeof options.rekognitionStaging === 'object') staging = options.rekognitionStaging;
    else {
      const where = options.rekognitionStaging ?? (out?.engine === 's3' ? `s3://${out.bucket}/${out.prefix ? `${out.prefix}.deid-staging` : '.deid-staging'}` : undefined);
      const target = where ? parseStorageTarget(where) : undefined;
      if (target && target.engine !== 's3') throw new AwsPreflightError(`the Rekognition staging place must be s3://bucket/prefix, got ${JSON.stringify(where)}`);
      if (target?.engine === 's3') {
        stagingStorage = createS3Storage({ bucket: target.bucket, prefix: target.prefix || undefined, session, sse: options.sse ?? 'AES256', kmsKeyId: options.kmsKeyId });
        staging = createS3ImageStaging(stagingStorage);
      }
    }
  }
  const egress: EgressPlan = {
    pixelText: aws && plan.pixels,
    phiText: aws ? 'comprehend-medical' : undefined,
    headerText: aws && plan.headerText,
    s3Inputs,
    s3Output: out?.engine === 's3' ? plan.out : undefined,
    rekognitionStaging: staging?.location,
  };
  if (!usesAws(egress)) return { notice: '' };
  const notice = awsEgressNotice(egress, session);
  options.onNotice?.(notice);

  if (options.preflight !== false) {
    const services: AwsService[] = [];
    if (s3Inputs.length || out?.engine === 's3') services.push('s3');
    if (aws && plan.pixels) services.push('rekognition');
    if (aws) services.push('comprehendmedical');
    const buckets: Array<{ url: string; check: () => Promise<void> }> = [];
    for (const input of s3Inputs) {
      const storage = plan.openInput?.(parseStorageTarget(input), session);
      if (hasBucketCheck(storage)) buckets.push({ url: input, check: () => storage.checkBucket() });
    }
    const outStorage = out?.engine === 's3' ? plan.openOutput?.(session) : undefined;
    if (hasBucketCheck(outStorage)) buckets.push({ url: plan.out!, check: () => outStorage.checkBucket() });
    if (stagingStorage) buckets.push({ url: staging!.location, check: () => stagingStorage.checkBucket() });
    await preflightAws(session, { services, buckets });
  }
  return { session, staging, notice };
}
