/** The AWS options `deid run` and `deid evaluate` share, like the source's `get_boto3_session(profile)`. */
import { Option, type Command } from 'commander';
import type { AwsRunOptions } from '../pipeline/aws-run.js';
import { UsageError } from './errors.js';

/** The parsed AWS options of a command. */
export interface AwsCliOptions {
  profile?: string;
  region?: string;
  endpointUrl?: string;
  s3PathStyle?: boolean;
  sse?: string;
  kmsKeyId?: string;
  maxAttempts?: string;
  rekognitionStaging?: string;
}

/** Adds `--profile`, `--region`, `--endpoint-url`, `--s3-path-style`, `--sse`, `--kms-key-id`, `--max-attempts`, `--rekognition-staging`. */
export function addAwsOptions(command: Command): Command {
  return command
    .option('--profile <name>', 'AWS named profile (default: AWS_PROFILE, else the standard credential chain)')
    .option('--region <region>', 'AWS region, e.g. us-east-1 (default: AWS_REGION, else the profile\'s region)')
    .option('--endpoint-url <url>', 'S3-compatible endpoint for s3:// paths, e.g. http://localhost:9000 (default: AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL)')
    .option('--s3-path-style', 'address buckets as <endpoint>/<bucket> (default: on for localhost and IP endpoints)')
    .addOption(new Option('--sse <mode>', 'server-side encryption of S3 writes').choices(['AES256', 'aws:kms']))
    .option('--kms-key-id <id>', 'KMS key id or ARN for --sse aws:kms (default: the AWS-managed key)')
    .option('--max-attempts <n>', 'attempts per AWS call under adaptive retries, the first included (default: 4)')
    .option('--rekognition-staging <s3url>', 'where Rekognition reads renderings over 5 MB: s3://bucket/prefix, or "none" for a bounded JPEG (default: beside an s3:// --out)');
}

/** The run options the AWS flags give; throws a UsageError for bad combinations. */
export function awsRunOptions(options: AwsCliOptions, onNotice: (notice: string) => void): AwsRunOptions {
  if (options.kmsKeyId && options.sse !== 'aws:kms') throw new UsageError('--kms-key-id needs --sse aws:kms');
  const maxAttempts = options.maxAttempts === undefined ? undefined : Number(options.maxAttempts);
  if (maxAttempts !== undefined && !(Number.isInteger(maxAttempts) && maxAttempts >= 1 && maxAttempts <= 20)) throw new UsageError(`--max-attempts must be a whole number from 1 to 20, not "${options.maxAttempts}"`);
  const staging = options.rekognitionStaging;
  if (staging !== undefined && staging !== 'none' && !/^s3:\/\/[^/]+/.test(staging)) throw new UsageError(`--rekognition-staging must be s3://bucket/prefix or none, not "${staging}"`);
  return {
    aws: {
      ...(options.profile ? { profile: options.profile } : {}),
      ...(options.region ? { region: options.region } : {}),
      ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
      ...(options.s3PathStyle ? { s3PathStyle: true } : {}),
      ...(maxAttempts ? { maxAttempts } : {}),
    },
    ...(options.sse ? { sse: options.sse as 'AES256' | 'aws:kms' } : {}),
    ...(options.kmsKeyId ? { kmsKeyId: options.kmsKeyId } : {}),
    ...(staging ? { rekognitionStaging: staging === 'none' ? false : staging } : {}),
    onNotice,
  };
}
