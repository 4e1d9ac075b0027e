/**
 * One AWS session for a run, like the source's `get_boto3_session(profile)`: the profile, region and
 * endpoint every client of the run uses, the retry policy, the usage meter, and the first error that
 * no later call can escape (missing credentials, no region, access denied), so it is reported once.
 */
import { AwsUsage } from './usage.js';

/** AWS services the kit calls, by the SDK's client name. */
export type AwsService = 's3' | 'rekognition' | 'comprehendmedical' | 'comprehend';

/** Options of {@link AwsSession}: how to reach AWS. Anything left out comes from the SDK's standard chain. */
export interface AwsSessionOptions {
  /** Named profile of `~/.aws/config` / `~/.aws/credentials` (default: `AWS_PROFILE`, else the default chain). */
  profile?: string;
  /** Region, e.g. `us-east-1` (default: `AWS_REGION`, then the profile's region). */
  region?: string;
  /**
   * Endpoint of an S3-compatible store (MinIO, s3rver, a VPC endpoint), e.g. `http://localhost:9000`
   * (default: `AWS_ENDPOINT_URL_S3`, then `AWS_ENDPOINT_URL`, which the SDK reads itself). Only S3 uses it;
   * other services take `AWS_ENDPOINT_URL_<SERVICE>` from the environment.
   */
  endpointUrl?: string;
  /**
   * Path-style S3 addresses (`http://host/bucket/key`) instead of virtual-hosted ones (`http://bucket.host/key`)
   * (default: true when the S3 endpoint is `localhost` or an IP address, where bucket subdomains cannot resolve).
   */
  s3PathStyle?: boolean;
  /** Attempts per call, the first included, under the SDK's adaptive retry mode (default: 4). */
  maxAttempts?: number;
  /** Credentials or a provider to use instead of the chain (tests, callers holding their own). */
  credentials?: unknown;
}

/** Error names that mean every later call would fail the same way: the run stops instead of failing each file. */
const SESSION_ERRORS = new Set([
  'CredentialsProviderError',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'InvalidAccessKeyId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'UnrecognizedClientException',
  'AccessDeniedException',
  'AuthFailure',
  'MissingRegion',
]);

/** True when `error` (or its cause) is a credential, region or permission error rather than a problem of one file. */
export function isSessionError(error: unknown): boolean {
  for (let e = error as { name?: string; message?: string; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (e.name && SESSION_ERRORS.has(e.name)) return true;
    if (typeof e.message === 'string' && /^Region is missing$/.test(e.message)) return true;
  }
  return false;
}

const LOOPBACK_OR_IP = /^(?:localhost|[\d.]+|\[[\da-f:]+\])$/i;

/**
 * The AWS session of a run. Engines and S3 storage take their client configuration from it and report
 * their usage to it. Making one touches nothing: the SDKs load on first use.
 *
 * @example
 * const session = new AwsSession({ profile: 'deid', region: 'us-east-1' });
 * const text = await createTextDetector({ engine: 'aws', session });
 */
export class AwsSession {
  /** Calls, characters, images and bytes sent, per API. */
  readonly usage = new AwsUsage();
  private stop?: Error;

  constructor(readonly options: AwsSessionOptions = {}) {
    const { maxAttempts, endpointUrl } = options;
    if (maxAttempts !== undefined && !(Number.isInteger(maxAttempts) && maxAttempts >= 1 && maxAttempts <= 20)) {
      throw new TypeError(`[deid] [aws] maxAttempts must be an integer from 1 to 20, got ${String(maxAttempts)}`);
    }
    if (endpointUrl !== undefined) {
      let url: URL;
      try {
        url = new URL(endpointUrl);
      } catch {
        throw new TypeError(`[deid] [aws] endpointUrl must be a URL such as http://localhost:9000, got ${JSON.stringify(endpointUrl)}`);
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`[deid] [aws] endpointUrl must start with http:// or https://, got ${JSON.stringify(endpointUrl)}`);
    }
  }

  /** The S3 endpoint in force: the option, else `AWS_ENDPOINT_URL_S3`, else `AWS_ENDPOINT_URL` (undefined: AWS itself). */
  get s3Endpoint(): string | undefined {
    return this.options.endpointUrl ?? (process.env.AWS_ENDPOINT_URL_S3 || process.env.AWS_ENDPOINT_URL || undefined);
  }

  /** The region the options or the environment name, without reading profile files (undefined: not known yet). */
  get regionHint(): string | undefined {
    return this.options.region ?? (process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || undefined);
  }

  /** Client configuration for one service: profile, region, adaptive retries with bounded attempts, and for S3 the endpoint and addressing. */
  clientConfig(service: AwsService): Record<string, unknown> {
    const { profile, region, credentials } = this.options;
    const config: Record<string, unknown> = { retryMode: 'adaptive', maxAttempts: this.options.maxAttempts ?? 4 };
    if (profile) config.profile = profile;
    if (region) config.region = region;
    if (credentials) config.credentials = credentials;
    if (service === 's3') {
      const endpoint = this.s3Endpoint;
      if (this.options.endpointUrl) config.endpoint = this.options.endpointUrl;
      // S3-compatible stores (MinIO, s3rver) sign with any region; AWS's own default is us-east-1.
      if (endpoint && !this.regionHint && !profile && !process.env.AWS_PROFILE) config.region = 'us-east-1';
      const host = endpoint ? new URL(endpoint).hostname : '';
      config.forcePathStyle = this.options.s3PathStyle ?? LOOPBACK_OR_IP.test(host);
    }
    return config;
  }

  /** The error that stopped the run (credentials, region, access), if any. */
  get stopped(): Error | undefined {
    return this.stop;
  }

  /** Records `error` as the run's stop reason when it is a session error (see {@link isSessionError}); returns whether it was. */
  noteError(error: unknown): boolean {
    if (!isSessionError(error)) return false;
    this.stop ??= error as Error;
    return true;
  }
}
