/**
 * The Step Functions state machine (ASL JSON) for a Distributed Map over a source prefix: valid ASL
 * (asl-validator, AWS's schema and checks) once its substitutions are filled, and wired to the Lambda
 * handler: the items it hands over are events the handler reads, and it retries what the handler
 * says may succeed when tried again.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventObjects } from '../../lib/deploy/aws-lambda.js';
import { RetryableJobError } from '../../lib/queue/job.js';
import { projectRoot } from '../support/paths.js';

type Validator = (definition: unknown) => { isValid: boolean; errorsText: (separator?: string) => string };
const validate = createRequire(import.meta.url)('asl-validator') as Validator;

const file = path.join(projectRoot, 'deploy/aws/deid-distributed-map.asl.json');
const text = readFileSync(file, 'utf8');
const substitutions: Record<string, string> = {
  DeidFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:deid',
  ResultsBucket: 'deid-results',
  ResultsPrefix: 'runs/2026-11-30/',
};
const filled = JSON.parse(text.replace(/\$\{(\w+)\}/g, (_, name: string) => substitutions[name] ?? `<unknown ${name}>`)) as {
  States: Record<string, { Type: string; ItemSelector: Record<string, string>; ItemBatcher?: unknown; ItemProcessor: { ProcessorConfig: { Mode: string }; States: Record<string, { Retry: Array<{ ErrorEquals: string[] }> }> } }>;
  StartAt: string;
};

describe('the Distributed Map state machine', () => {
  it('is valid ASL, with only the documented substitutions', () => {
    expect(JSON.stringify(filled)).not.toContain('<unknown');
    expect([...new Set([...text.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]))].sort()).toEqual(Object.keys(substitutions).sort());
    const result = validate(filled);
    expect(result.errorsText('\n')).toBe('');
    expect(result.isValid).toBe(true);
    // An unsubstituted ARN, or a broken transition, is refused: the check can fail.
    expect(validate({ ...filled, StartAt: 'Nowhere' }).isValid).toBe(false);
  });

  it('hands the handler batches it reads, and retries what the handler says may succeed when tried again', () => {
    const map = filled.States[filled.StartAt];
    expect(map.Type).toBe('Map');
    expect(map.ItemProcessor.ProcessorConfig.Mode).toBe('DISTRIBUTED');
    // What Step Functions makes of two listed objects with this ItemSelector and ItemBatcher.
    const execution = { bucket: 'archive', prefix: 'incoming/' };
    const select = (key: string) => Object.fromEntries(Object.entries(map.ItemSelector).map(([k, v]) => [k.replace(/\.\$$/, ''), v === '$$.Map.Item.Value.Key' ? key : execution[v.replace(/^\$\./, '') as keyof typeof execution]]));
    expect(map.ItemBatcher).toBeDefined();
    expect(eventObjects({ Items: ['incoming/a.dcm', 'incoming/b c.dcm'].map(select) })).toEqual(['s3://archive/incoming/a.dcm', 's3://archive/incoming/b c.dcm']);
    const [task] = Object.values(map.ItemProcessor.States);
    expect(task.Retry.flatMap((r) => r.ErrorEquals)).toContain(new RetryableJobError('x').name);
  });
});
