import { afterEach, describe, expect, it, vi } from 'vitest';
import { awsEgressNotice } from '../../../lib/engines/aws/egress.js';
import { AwsPreflightError, preflightAws } from '../../../lib/engines/aws/preflight.js';
import { AwsSession, isSessionError } from '../../../lib/engines/aws/session.js';
import { AWS_LIST_PRICES, formatUsage } from '../../../lib/engines/aws/usage.js';

/** An environment where the SDK's chain finds nothing: no keys, no profile files, no instance role. */
function emptyAwsEnvironment(): void {
  for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_S3', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_WEB_IDENTITY_TOKEN_FILE']) {
    vi.stubEnv(name, undefined);
  }
  vi.stubEnv('AWS_CONFIG_FILE', '/nonexistent/deid-test/config');
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', '/nonexistent/deid-test/credentials');
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
}

afterEach(() => vi.unstubAllEnvs());

describe('AWS session options', () => {
  it('gives every client the profile, region and adaptive retries with bounded attempts', () => {
    const session = new AwsSession({ profile: 'deid', region: 'eu-west-1', maxAttempts: 6 });
    expect(session.clientConfig('rekognition')).toEqual({ profile: 'deid', region: 'eu-west-1', retryMode: 'adaptive', maxAttempts: 6 });
    expect(new AwsSession().clientConfig('comprehendmedical')).toMatchObject({ retryMode: 'adaptive', maxAttempts: 4 });
  });

  it('uses path-style S3 addresses for localhost and IP endpoints (http://localhost:9000, not de-id-dst.localhost), from the option or AWS_ENDPOINT_URL_S3', () => {
    emptyAwsEnvironment();
    expect(new AwsSession({ endpointUrl: 'http://localhost:9000' }).clientConfig('s3')).toMatchObject({ endpoint: 'http://localhost:9000', forcePathStyle: true, region: 'us-east-1' });
    expect(new AwsSession({ endpointUrl: 'http://127.0.0.1:9000' }).clientConfig('s3')).toMatchObject({ forcePathStyle: true });
    expect(new AwsSession({ endpointUrl: 'https://s3.eu-west-1.amazonaws.com' }).clientConfig('s3')).toMatchObject({ forcePathStyle: false });
    expect(new AwsSession({ endpointUrl: 'https://minio.example.org', s3PathStyle: true }).clientConfig('s3')).toMatchObject({ forcePathStyle: true });
    vi.stubEnv('AWS_ENDPOINT_URL_S3', 'http://localhost:9000');
    const fromEnv = new AwsSession().clientConfig('s3');
    expect(fromEnv).toMatchObject({ forcePathStyle: true });
    expect(fromEnv.endpoint).toBeUndefined(); // the SDK reads AWS_ENDPOINT_URL_S3 itself
    // Other services keep their own endpoints.
    expect(new AwsSession({ endpointUrl: 'http://localhost:9000' }).clientConfig('rekognition').endpoint).toBeUndefined();
  });

  it('refuses bad options when made', () => {
    expect(() => new AwsSession({ endpointUrl: 'localhost:9000' })).toThrow(/must start with http/);
    expect(() => new AwsSession({ endpointUrl: 'not a url' })).toThrow(/must be a URL/);
    expect(() => new AwsSession({ maxAttempts: 0 })).toThrow(/maxAttempts must be an integer from 1 to 20/);
  });

  it('tells credential, region and permission errors (the whole run) from throttling and bad input (one file)', () => {
    for (const name of ['UnrecognizedClientException', 'ExpiredTokenException', 'AccessDeniedException', 'CredentialsProviderError', 'InvalidSignatureException']) {
      expect(isSessionError(Object.assign(new Error('x'), { name }))).toBe(true);
    }
    expect(isSessionError(new Error('wrapped', { cause: new Error('Region is missing') }))).toBe(true);
    for (const name of ['ThrottlingException', 'TooManyRequestsException', 'InvalidImageFormatException', 'TextSizeLimitExceededException']) {
      expect(isSessionError(Object.assign(new Error('x'), { name }))).toBe(false);
    }
  });
});

describe('preflight: once, before the run, with what to do', () => {
  it('says when no region is set', async () => {
    emptyAwsEnvironment();
    const error = await preflightAws(new AwsSession(), { services: ['rekognition'] }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(AwsPreflightError);
    expect((error as Error).message).toMatch(/^no AWS region is set: pass --region, set AWS_REGION/);
  });

  it('says when no credentials can be found, naming the profile', async () => {
    emptyAwsEnvironment();
    const error = await preflightAws(new AwsSession({ region: 'us-east-1', profile: 'deid-nowhere' }), { services: ['comprehendmedical'] }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/^no AWS credentials were found for profile "deid-nowhere": pass --profile, set AWS_PROFILE or AWS_ACCESS_KEY_ID/);
  });

  it('passes with a region and credentials, and checks each bucket', async () => {
    emptyAwsEnvironment();
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
    const session = new AwsSession({ region: 'us-west-2' });
    expect(await preflightAws(session, { services: ['s3'], buckets: [{ url: 's3://ok', check: async () => {} }] })).toEqual({ region: 'us-west-2' });
    await expect(
      preflightAws(session, { services: ['s3'], buckets: [{ url: 's3://de-id-dst', check: async () => Promise.reject(new Error('[deid] [s3] no bucket "de-id-dst"')) }] }),
    ).rejects.toThrow(/^s3:\/\/de-id-dst cannot be used: no bucket "de-id-dst"$/);
  });
});

describe('egress notice and usage summary', () => {
  it('names the services, the region and what is sent, before any call', () => {
    const session = new AwsSession({ region: 'us-east-1', profile: 'deid' });
    const notice = awsEgressNotice({ pixelText: true, phiText: 'comprehend-medical', headerText: true, s3Output: 's3://de-id-dst/out', rekognitionStaging: 's3://de-id-dst/out.deid-staging' }, session);
    expect(notice).toMatch(/region us-east-1, profile deid/);
    expect(notice).toMatch(/Rekognition \(DetectText\) receives PNG renderings of the pixels/);
    expect(notice).toMatch(/Comprehend Medical \(DetectPHI\) receives the text read from the pixels and the header values/);
    expect(notice).toMatch(/uploaded to s3:\/\/de-id-dst\/out\.deid-staging .* deleted after it/);
    expect(notice).toMatch(/writes the de-identified files to s3:\/\/de-id-dst\/out/);
    expect(awsEgressNotice({}, session)).toBe('');
  });

  it('estimates the cost at the list prices kept in one place, with their date', () => {
    const session = new AwsSession();
    session.usage.startFile('0');
    session.usage.record('rekognition:DetectText', { images: 1, bytes: 1000 });
    session.usage.record('comprehendmedical:DetectPHI', { characters: 250, spans: 40 });
    session.usage.record('comprehendmedical:DetectPHI', { characters: 30, spans: 2 });
    session.usage.startFile('1');
    session.usage.record('comprehendmedical:DetectPHI', { characters: 100, spans: 38 });
    const summary = session.usage.summary();
    expect(summary.apis['comprehendmedical:DetectPHI']).toMatchObject({ calls: 3, characters: 380, units: 3 + 1 + 1 });
    expect(summary.comprehendMedicalCallsPerFile).toBe(1.5);
    expect(summary.comprehendMedicalSpans).toBe(80);
    expect(summary.estimatedCost['rekognition:DetectText']).toBeCloseTo(AWS_LIST_PRICES.rekognitionDetectTextPerImage);
    expect(summary.estimatedCost['comprehendmedical:DetectPHI']).toBeCloseTo(5 * AWS_LIST_PRICES.comprehendMedicalPhiPerUnit);
    const text = formatUsage(summary);
    expect(text).toContain(`list prices of ${AWS_LIST_PRICES.asOf}`);
    expect(text).toMatch(/comprehendmedical:DetectPHI: 3 calls, 380 characters, 5 units of 100 characters/);
    expect(text).toMatch(/1\.5 call\(s\) per file for 80 text spans \(one call per tag value would have made 80\)/);
  });
});
