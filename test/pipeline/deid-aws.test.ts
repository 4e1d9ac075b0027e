/**
 * `deid run` and `deid evaluate` with the aws engine, the services mocked at the client class (so the
 * clients the kit makes itself are the mocked ones): notice first, throttling fails one file and not
 * the batch, a credential error stops the run once, and Comprehend Medical is called fewer times per
 * file than the file has tag values.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ComprehendMedicalClient, DetectPHICommand, type DetectPHICommandInput } from '@aws-sdk/client-comprehendmedical';
import { DetectTextCommand, RekognitionClient, ThrottlingException } from '@aws-sdk/client-rekognition';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deidentifyFiles } from '../../lib/pipeline/deidentify-files.js';
import { evaluateFiles } from '../../lib/pipeline/evaluate-files.js';
import { makePhiFixture } from '../fixtures/phi-fixture.js';
import { deid } from '../support/cli.js';
import { projectRoot } from '../support/paths.js';
import { tempDir } from '../support/temp-dir.js';

const rulesPath = path.join(projectRoot, 'configs/de-id/de_id_rules_auto.yaml');
const aws = { region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } };

let rekognition: ReturnType<typeof mockClient>;
let comprehendMedical: ReturnType<typeof mockClient>;

beforeEach(() => {
  rekognition = mockClient(RekognitionClient);
  comprehendMedical = mockClient(ComprehendMedicalClient);
  rekognition.on(DetectTextCommand).resolves({ TextDetections: [] });
  // Names and the fixture's phone number, with the service's offsets.
  comprehendMedical.on(DetectPHICommand).callsFake(({ Text }: DetectPHICommandInput) => ({
    Entities: [...Text!.matchAll(/John Smith|555-201-3344/g)].map((m) => ({ Type: m[0].startsWith('5') ? 'PHONE_OR_FAX' : 'NAME', Score: 0.98, BeginOffset: m.index, EndOffset: m.index + m[0].length, Text: m[0] })),
  }));
});
afterEach(() => {
  rekognition.restore();
  comprehendMedical.restore();
  vi.unstubAllEnvs();
});

function inputs(n: number): { dir: string; work: string } {
  const work = tempDir('deid-aws-');
  const dir = path.join(work, 'in');
  mkdirSync(dir);
  for (let i = 1; i <= n; i++) writeFileSync(path.join(dir, `PATIENT_${i}.dcm`), makePhiFixture({ instance: i, uidRoot: `1.2.826.0.1.3680043.8.498.${100 + i}` }).bytes());
  return { dir, work };
}

describe('deid run --engine aws (services mocked)', () => {
  it('prints the egress notice before any call, then the usage summary with the estimated cost', async () => {
    const { dir, work } = inputs(1);
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
    const result = await deid('run', dir, '--out', path.join(work, 'out'), '--state', path.join(work, 'state'), '--rules', rulesPath, '--engine', 'aws', '--region', 'us-east-1');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^This run sends data to Amazon Web Services, region us-east-1:\n {2}- Amazon Rekognition \(DetectText\) receives PNG renderings/);
    expect(result.stderr).toMatch(/Amazon Comprehend Medical \(DetectPHI\) receives the text read from the pixels/);
    expect(result.stdout).toMatch(/AWS usage \(estimated at us-east-1 list prices of \d{4}-\d{2}-\d{2}; check the AWS pricing pages\):\n {2}rekognition:DetectText: 1 call, 1 image/);
    expect(result.stdout).toMatch(/estimated total ≈ \$/);
    expect(rekognition.commandCalls(DetectTextCommand)[0].args[0].input.Filters).toEqual({ WordFilter: { MinConfidence: 30 } });
    // Through the library: the notice comes before the first call.
    let callsAtNotice = -1;
    rekognition.resetHistory();
    comprehendMedical.resetHistory();
    await deidentifyFiles([dir], { out: path.join(work, 'out2'), stateDir: path.join(work, 'state'), rulesPath, engine: 'aws', aws, onNotice: () => (callsAtNotice = rekognition.calls().length + comprehendMedical.calls().length) });
    expect(callsAtNotice).toBe(0);
  });

  it('throttling that outlasts the retries fails that file, never the batch', async () => {
    const { dir, work } = inputs(3);
    rekognition.on(DetectTextCommand).rejectsOnce(new ThrottlingException({ message: 'Rate exceeded', $metadata: { httpStatusCode: 400, attempts: 4 } })).resolves({ TextDetections: [] });
    const result = await deidentifyFiles([dir], { out: path.join(work, 'out'), stateDir: path.join(work, 'state'), rulesPath, engine: 'aws', aws });
    expect(result.entries.map((e) => e.status)).toEqual(['error', 'ok', 'ok']);
    expect(result.entries[0].error).toMatch(/text detection failed.*Rate exceeded/);
    expect(result.stopped).toBeUndefined();
    expect(readdirSync(path.join(work, 'out'), { recursive: true }).filter((f) => String(f).endsWith('.dcm'))).toHaveLength(2);
  });

  it('a credential error stops the run once: the other files are listed as not processed, nothing more is sent', async () => {
    const { dir, work } = inputs(3);
    rekognition.on(DetectTextCommand).rejects(Object.assign(new Error('The security token included in the request is invalid.'), { name: 'UnrecognizedClientException' }));
    const result = await deidentifyFiles([dir], { out: path.join(work, 'out'), stateDir: path.join(work, 'state'), rulesPath, engine: 'aws', aws });
    expect(result.entries.map((e) => e.status)).toEqual(['error', 'error', 'error']);
    expect(result.stopped).toMatch(/^the run stopped at file 1: AWS refused the session \(UnrecognizedClientException: The security token/);
    expect(result.entries.slice(1).every((e) => e.error?.startsWith('not processed: the run stopped'))).toBe(true);
    expect(rekognition.commandCalls(DetectTextCommand)).toHaveLength(1);
    expect(existsSync(path.join(work, 'out'))).toBe(false);
  });

  it('a run without a region stops before anything is read or sent, with one message (exit 2)', async () => {
    const { dir, work } = inputs(2);
    for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE']) vi.stubEnv(name, undefined);
    vi.stubEnv('AWS_CONFIG_FILE', '/nonexistent/deid-test/config');
    const result = await deid('run', dir, '--out', path.join(work, 'out'), '--state', path.join(work, 'state'), '--rules', rulesPath, '--engine', 'aws');
    expect(result.code).toBe(2);
    expect(result.stderr.match(/no AWS region is set/g)).toHaveLength(1);
    expect(rekognition.calls()).toHaveLength(0);
    expect(existsSync(path.join(work, 'state'))).toBe(false);
  });
});

describe('deid evaluate --engine aws (services mocked)', () => {
  it('calls Comprehend Medical fewer times per file than the file has tag values, and writes the usage report', async () => {
    const { dir, work } = inputs(2);
    const result = await evaluateFiles([dir], { out: path.join(work, 'eval'), reportDir: path.join(work, 'report'), stateDir: path.join(work, 'state'), rulesPath, engine: 'aws', aws });
    const usage = result.awsUsage!;
    const calls = usage.apis['comprehendmedical:DetectPHI'].calls;
    // Each file's header is scanned twice (evaluation, then the check after redaction): one call each,
    // where the source sent one call per tag value.
    const tagValuesPerScan = usage.comprehendMedicalSpans / 2 / 2;
    expect(usage.comprehendMedicalCallsPerFile).toBe(calls / 2);
    expect(usage.comprehendMedicalCallsPerFile).toBeLessThanOrEqual(2);
    expect(tagValuesPerScan).toBeGreaterThan(20);
    // The service's findings and the local evidence both reached the report.
    const tags = readFileSync(result.reports.tags, 'utf8');
    expect(tags).toMatch(/aws:comprehend-medical/);
    const report = JSON.parse(readFileSync(result.reports.awsUsage!, 'utf8'));
    expect(report.comprehendMedicalCallsPerFile).toBe(usage.comprehendMedicalCallsPerFile);
    expect(report.text).toMatch(/one call per tag value would have made/);
    console.log(`Comprehend Medical: ${usage.comprehendMedicalCallsPerFile} call(s) per file; ${tagValuesPerScan} tag values per header scan`);
  });
});
