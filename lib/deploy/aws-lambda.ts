/**
 * The AWS Lambda entry point: de-identifies the S3 objects an event names into the output bucket,
 * one job per object (the queue workers' job: same steps, same pseudonyms from the same secret).
 * It takes an S3 event (`ObjectCreated` notifications), one Step Functions Distributed Map item
 * (`{ bucket, key }`), or a batch of them (`{ Items: [{ Key }], BatchInput: { bucket } }`, as an
 * ItemBatcher hands them). Each file's manifest entry and map entries go, as JSON, to a results
 * prefix kept apart from the output (it links pseudonyms to identities, like the state folder).
 *
 * Configuration (environment): `DEID_OUT` (`s3://bucket/prefix`), `DEID_RESULTS` (`s3://bucket/prefix`),
 * the secret from `DEID_SECRET_ID` (a Secrets Manager secret id or ARN, its string the hex secret) or
 * `DEID_SECRET` (hex), `DEID_RULES` (a rules YAML path, default the packaged auto rules),
 * `DEID_PIXELS=false` to skip the OCR path. See docs/distributed.md.
 */
import { readFileSync } from 'node:fs';
import { AwsSession } from '../engines/aws/session.js';
import { capMessage } from '../pipeline/messages.js';
import type { ManifestWarning } from '../pipeline/warnings.js';
import { DEFAULT_RULES_PATH } from '../pipeline/recipe.js';
import { assertCompleteRules, loadRules } from '../rules/index.js';
import { parseSecretHex, SECRET_ENV } from '../state/secret-source.js';
import { createS3Storage } from '../storage/s3.js';
import { parseStorageTarget } from '../storage/target.js';
import type { ObjectStorage } from '../storage/types.js';
import { claimFieldMaker } from '../queue/address.js';
import { derivedInputState } from '../queue/derived-state.js';
import { JobStorage, processJob, withDuplicateInstance, type JobResult } from '../queue/job.js';
import { openInputContext, type InputContext } from '../queue/one-input.js';

/** What the handler needs; {@link lambdaConfigFromEnv} reads it from the environment. */
export interface LambdaConfig {
  /** Where de-identified objects go: `s3://bucket/prefix`. */
  out: string;
  /** Where each file's result (manifest entry, map entries) goes: `s3://bucket/prefix`, apart from `out`. */
  results: string;
  /** The project secret (read once per container). */
  secret: () => Promise<Uint8Array>;
  /** Rules YAML (default: the packaged auto rules). */
  rulesPath?: string;
  /** Look for burned-in text in the pixels (default: true; needs the memory and time of the OCR path). */
  pixels?: boolean;
  /** The AWS session (default: one from the Lambda's environment and role). */
  session?: AwsSession;
}

/** One file's outcome, as the handler returns it: no input key (it may hold a patient's name), no map entry. */
export interface LambdaFileResult {
  /** A keyed hash of the input's URL: its result object is `<results>/files/<ref>.json`. */
  ref: string;
  status: 'ok' | 'error' | 'skipped';
  output?: string;
  error?: string;
  /** Warnings as in a manifest line: a stable id, a sentence and a count. */
  warnings?: ManifestWarning[];
}

/** What one invocation returns (to Step Functions, or to the Lambda log for an S3 event). */
export interface LambdaResult {
  ok: number;
  failed: number;
  skipped: number;
  files: LambdaFileResult[];
}

/** An event the handler cannot read (thrown: nothing was done). */
export class LambdaEventError extends Error {
  override name = 'LambdaEventError';
}

/** Reads the configuration from the environment. @throws LambdaEventError naming what is missing. */
export function lambdaConfigFromEnv(env: Readonly<Record<string, string | undefined>>, session?: AwsSession): LambdaConfig {
  const out = env.DEID_OUT;
  const results = env.DEID_RESULTS;
  if (!out?.startsWith('s3://')) throw new LambdaEventError('DEID_OUT must be set to s3://bucket/prefix');
  if (!results?.startsWith('s3://')) throw new LambdaEventError('DEID_RESULTS must be set to s3://bucket/prefix (kept apart from DEID_OUT: it holds the identity maps)');
  const secretId = env.DEID_SECRET_ID;
  const secretHex = env[SECRET_ENV];
  if (Boolean(secretId) === Boolean(secretHex)) throw new LambdaEventError(`set exactly one of DEID_SECRET_ID (Secrets Manager) and ${SECRET_ENV}`);
  const secret = secretId
    ? async () => {
        const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
        const client = new SecretsManagerClient(session?.regionHint ? { region: session.regionHint } : {});
        try {
          const answer = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
          return parseSecretHex(answer.SecretString ?? '', 'the Secrets Manager secret DEID_SECRET_ID');
        } finally {
          client.destroy();
        }
      }
    : async () => parseSecretHex(secretHex!, `the ${SECRET_ENV} environment variable`);
  return { out, results, secret, rulesPath: env.DEID_RULES || undefined, pixels: env.DEID_PIXELS !== 'false', session };
}

/** The S3 objects an event names, as `s3://bucket/key` URLs. @throws LambdaEventError */
export function eventObjects(event: unknown): string[] {
  const e = event as Record<string, unknown> | null;
  if (!e || typeof e !== 'object') throw new LambdaEventError('the event is not an object');
  const url = (bucket: unknown, key: unknown) => {
    if (typeof bucket !== 'string' || !bucket || typeof key !== 'string' || !key) throw new LambdaEventError('an item names no bucket and key');
    return `s3://${bucket}/${key}`;
  };
  if (Array.isArray(e.Records)) {
    // S3 notifications URL-encode the key, with "+" for a space.
    return (e.Records as Array<{ eventSource?: string; s3?: { bucket?: { name?: string }; object?: { key?: string } } }>).map((record) => {
      if (record.eventSource !== 'aws:s3' || !record.s3) throw new LambdaEventError('a record is not an S3 notification');
      return url(record.s3.bucket?.name, decodeURIComponent(String(record.s3.object?.key ?? '').replace(/\+/g, ' ')));
    });
  }
  if (Array.isArray(e.Items)) {
    const bucket = (e.BatchInput as { bucket?: unknown } | undefined)?.bucket;
    return (e.Items as Array<Record<string, unknown>>).map((item) => url(item.bucket ?? bucket, item.key ?? item.Key));
  }
  if ('key' in e || 'Key' in e) return [url(e.bucket, e.key ?? e.Key)];
  throw new LambdaEventError('not an S3 event, a Distributed Map item ({ bucket, key }) or a batch ({ Items, BatchInput })');
}

/**
 * Makes the handler. Detectors, the rules and the secret are made on the first invocation and kept
 * while the container lives. A file the kit cannot vouch for is an `error` in the result (retrying
 * would not help); an object S3 could not read or write throws, so Lambda or Step Functions retries
 * the invocation (each job is idempotent: the same input gives the same bytes under the same key).
 */
export function createLambdaHandler(config: LambdaConfig): (event: unknown) => Promise<LambdaResult> {
  const outTarget = parseStorageTarget(config.out);
  const resultsTarget = parseStorageTarget(config.results);
  if (outTarget.engine !== 's3' || resultsTarget.engine !== 's3') throw new LambdaEventError('the output and the results must be s3:// places');
  if (outTarget.bucket === resultsTarget.bucket && (outTarget.prefix === '' || resultsTarget.prefix === '' || `${resultsTarget.prefix}/`.startsWith(`${outTarget.prefix}/`) || `${outTarget.prefix}/`.startsWith(`${resultsTarget.prefix}/`))) {
    throw new LambdaEventError('the results prefix must not overlap the output (it holds the identity maps)');
  }
  const session = config.session ?? new AwsSession();
  const storage = new JobStorage({ out: config.out }, session);
  const results: ObjectStorage = createS3Storage({ bucket: resultsTarget.bucket, prefix: resultsTarget.prefix || undefined, session });
  let ready: Promise<{ context: InputContext; secret: Uint8Array }> | undefined;
  const open = () => {
    ready ??= (async () => {
      const secret = await config.secret();
      const rulesPath = config.rulesPath ?? DEFAULT_RULES_PATH;
      readFileSync(rulesPath); // a missing rules file is said plainly, before the parser
      const rules = loadRules(rulesPath);
      assertCompleteRules(rules, {});
      return { secret, context: await openInputContext({ rules, pixels: config.pixels !== false }, secret) };
    })();
    ready.catch(() => (ready = undefined));
    return ready;
  };

  return async (event) => {
    const inputs = eventObjects(event);
    const { context, secret } = await open();
    // The same keyed hash a run's state gives the input (its manifest `ref` starts with it).
    const keyed = derivedInputState(secret);
    const refOf = (input: string) => keyed.keyedHash(input).slice(0, 32);
    const claimField = claimFieldMaker(secret);
    const files: LambdaFileResult[] = [];
    for (const input of inputs) {
      const ref = refOf(input);
      // Output names are claimed in the results prefix: another input with the same SOP Instance UID gets its own name.
      const claim = async (base: string) => {
        const key = `claims/${claimField(base)}`;
        if (await results.has!(key)) {
          const owner = Buffer.from(await results.get(key)).toString('utf8');
          return owner === ref ? undefined : { owner: -1 };
        }
        await results.put(key, Buffer.from(ref), { sensitive: true });
        return undefined;
      };
      // An object of a listed or watched prefix is like a file found in a folder: a stray non-DICOM one is skipped.
      let result: JobResult = await processJob({ input, fromFolder: true }, context, storage, { claim });
      if (result.collision && result.base) {
        const outputKey = result.base.replace(/\.dcm$/, `-${ref.slice(0, 8)}.dcm`);
        result = await processJob({ input, fromFolder: true, outputKey }, context, storage);
        if (result.entry.status === 'ok') result.entry.warnings = withDuplicateInstance(result.entry.warnings);
      }
      const entry = { input, ref: ref.slice(0, 10), ...result.entry, ...(result.entry.error ? { error: capMessage(result.entry.error) } : {}) };
      await results.put(`files/${ref}.json`, Buffer.from(JSON.stringify({ entry, content: result.content, uids: result.records.uids, patients: result.records.patients })), { sensitive: true });
      files.push({ ref, status: entry.status, ...(entry.output ? { output: entry.output } : {}), ...(entry.error ? { error: entry.error } : {}), ...(entry.warnings?.length ? { warnings: entry.warnings } : {}) });
    }
    return {
      ok: files.filter((f) => f.status === 'ok').length,
      failed: files.filter((f) => f.status === 'error').length,
      skipped: files.filter((f) => f.status === 'skipped').length,
      files,
    };
  };
}

let fromEnv: ((event: unknown) => Promise<LambdaResult>) | undefined;

/** The Lambda handler (`lib/deploy/aws-lambda.handler`), configured from the environment on first use. */
export async function handler(event: unknown): Promise<LambdaResult> {
  fromEnv ??= createLambdaHandler(lambdaConfigFromEnv(process.env));
  return fromEnv(event);
}
