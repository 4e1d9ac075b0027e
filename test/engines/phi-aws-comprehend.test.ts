import { ComprehendClient, DetectPiiEntitiesCommand, type DetectPiiEntitiesCommandInput } from '@aws-sdk/client-comprehend';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { createPhiDetector } from '../../lib/engines/index.js';
import { createComprehendPiiDetector, isSpecificDate } from '../../lib/engines/aws/comprehend.js';
import type { DetectedText } from '../../lib/engines/types.js';
import { phiDetectorContract } from './contract.js';

type Rule = readonly [RegExp, string, number];

/** Rules of the fake service: each regex match becomes an entity of that type and score. */
const RULES: Rule[] = [
  [/NAKAMURA HIRO|HOLT MARA|Ana Ruiz/g, 'NAME', 0.99],
  [/\d{2}\/\d{2}\/\d{4}|\b10:30 AM\b|\b2001\b|\bMonday\b|\byesterday\b|\b19610211\b|\bFeb 11\b/g, 'DATE_TIME', 0.97],
  [/SUPINE/g, 'NAME', 0.4],
  [/\b\d{2} years\b/g, 'AGE', 0.99],
  [/\b\d{3}-\d{3}-\d{4}\b/g, 'PHONE', 0.88],
  [/\b\d{3}-\d{2}-\d{4}\b/g, 'SSN', 0.99],
  [/\S+@\S+\.org/g, 'EMAIL', 0.99],
  [/12 Elm St/g, 'ADDRESS', 0.95],
  [/ACCT 998877/g, 'BANK_ACCOUNT_NUMBER', 0.95],
  [/4111 1111 1111 1111/g, 'CREDIT_DEBIT_NUMBER', 0.95],
  [/DL X1234567/g, 'DRIVER_ID', 0.95],
  [/PP 55501234/g, 'PASSPORT_NUMBER', 0.95],
  [/PLATE 7ABC123/g, 'LICENSE_PLATE', 0.95],
  [/https:\/\/\S+/g, 'URL', 0.95],
  [/10\.1\.2\.3/g, 'IP_ADDRESS', 0.95],
  [/user_jdoe/g, 'USERNAME', 0.95],
];

/**
 * A Comprehend mock that finds entities with the service's real conventions: no entity text, offsets in
 * Unicode code points (not JavaScript string indices).
 */
function comprehend(rules: Rule[] = RULES) {
  const client = new ComprehendClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
  const mock = mockClient(client);
  mock.on(DetectPiiEntitiesCommand).callsFake(({ Text }: DetectPiiEntitiesCommandInput) => {
    const text = Text!;
    const cp = (i: number) => [...text.slice(0, i)].length;
    const Entities = [];
    for (const [re, Type, Score] of rules) {
      for (const m of text.matchAll(re)) Entities.push({ BeginOffset: cp(m.index), EndOffset: cp(m.index + m[0].length), Type, Score });
    }
    return { Entities };
  });
  return { client, mock };
}

describe('contract: AWS Comprehend DetectPiiEntities (mocked)', () => phiDetectorContract(() => createComprehendPiiDetector({ client: comprehend().client })));

describe('Comprehend PII detector', () => {
  it('sends many spans in one request and maps each finding back to its span with offsets in that span', async () => {
    const { client, mock } = comprehend();
    const detector = createComprehendPiiDetector({ client, confidenceThreshold: 60 });
    const spans = Array.from({ length: 50 }, (_, i) => ({ text: i === 37 ? 'HOLT MARA seen 03/02/2001, 93 years' : `SUPINE ${i}`, location: `tag ${i}` }));
    const findings = await detector.detect(spans, { values: [] });
    expect(mock.commandCalls(DetectPiiEntitiesCommand)).toHaveLength(1);
    expect(mock.commandCalls(DetectPiiEntitiesCommand)[0].args[0].input.LanguageCode).toBe('en');
    expect(findings.map((f) => [f.text, f.category, f.type, f.location, f.begin, f.end, f.engine])).toEqual([
      ['HOLT MARA', 'A', 'NAME', 'tag 37', 0, 9, 'aws:comprehend'],
      ['03/02/2001', 'C', 'DATE_TIME', 'tag 37', 15, 25, 'aws:comprehend'],
      ['93 years', 'C', 'AGE', 'tag 37', 27, 35, 'aws:comprehend'],
    ]);
  });

  it('counts findings above max(0.85, threshold/100)', async () => {
    const text = [{ text: 'call 555-201-3344' }];
    // 0.88 passes the 0.85 floor at threshold 60 …
    expect(await createComprehendPiiDetector({ client: comprehend().client, confidenceThreshold: 60 }).detect(text, { values: [] })).toHaveLength(1);
    // … but not a threshold of 90.
    expect(await createComprehendPiiDetector({ client: comprehend().client, confidenceThreshold: 90 }).detect(text, { values: [] })).toHaveLength(0);
    // 0.4 never passes, even at threshold 0.
    expect(await createComprehendPiiDetector({ client: comprehend().client }).detect([{ text: 'SUPINE' }], { values: [] })).toHaveLength(0);
  });

  it('maps PII types to Safe Harbor letters', async () => {
    const detector = createComprehendPiiDetector({ client: comprehend().client });
    const lines = {
      'Ana Ruiz': 'A', '12 Elm St': 'B', '02/11/1961': 'C', '555-201-3344': 'D', 'ana@example.org': 'F', '123-45-6789': 'G',
      'ACCT 998877': 'J', '4111 1111 1111 1111': 'J', 'DL X1234567': 'K', 'PP 55501234': 'K', 'PLATE 7ABC123': 'L',
      'https://example.org/ana': 'N', '10.1.2.3': 'O', user_jdoe: 'R',
    };
    const findings = await detector.detect(Object.keys(lines).map((text) => ({ text, location: text })), { values: [] });
    expect(Object.fromEntries(findings.map((f) => [f.text, f.category]))).toEqual(lines);
  });

  it('keeps DATE_TIME findings only for dates finer than a year, and ages only over 89', async () => {
    const detector = createComprehendPiiDetector({ client: comprehend().client });
    const findings = await detector.detect(
      [{ text: 'seen Monday at 10:30 AM in 2001, yesterday' }, { text: 'born 19610211, reviewed Feb 11' }, { text: 'aged 45 years' }, { text: 'aged 93 years' }],
      { values: [] },
    );
    expect(findings.map((f) => f.text)).toEqual(['19610211', 'Feb 11', '93 years']);
  });

  it('reads offsets as code points, so text after an emoji or other astral character is cut right', async () => {
    const detector = createComprehendPiiDetector({ client: comprehend().client });
    const findings = await detector.detect([{ text: '📷 𝐗 image' }, { text: '📷📷 NAKAMURA HIRO, 📷 02/11/1961' }], { values: [] });
    expect(findings.map((f) => [f.text, f.begin])).toEqual([
      ['NAKAMURA HIRO', 5],
      ['02/11/1961', 23],
    ]);
  });

  it('boxes a finding to the words it covers, and splits an entity that runs across two spans', async () => {
    const detector = createComprehendPiiDetector({ client: comprehend([[/HIRO\nPORTABLE/g, 'NAME', 0.99], [/NAKAMURA HIRO/g, 'NAME', 0.99]]).client });
    const words: DetectedText[] = ['EXAM', 'NAKAMURA', 'HIRO'].map((text, i) => ({ text, confidence: 90, kind: 'word', lineIndex: 0, box: { left: 10 + i * 50, top: 7, width: 40, height: 12 } }));
    const findings = await detector.detect([{ text: 'EXAM NAKAMURA HIRO', words, location: 'line 0' }, { text: 'PORTABLE', location: 'line 1', box: { left: 0, top: 40, width: 80, height: 12 } }], { values: [] });
    expect(findings.map((f) => [f.text, f.location, f.box])).toEqual([
      ['HIRO', 'line 0', words[2].box],
      ['PORTABLE', 'line 1', { left: 0, top: 40, width: 80, height: 12 }],
      ['NAKAMURA HIRO', 'line 0', { left: 60, top: 7, width: 90, height: 12 }],
    ]);
  });

  it('uses as few requests as the byte limit allows, each under it', async () => {
    const { client, mock } = comprehend();
    const spans = Array.from({ length: 2000 }, (_, i) => ({ text: `series description number ${i} of a long study list` }));
    const total = spans.reduce((n, s) => n + Buffer.byteLength(s.text) + 1, 0);
    await createComprehendPiiDetector({ client }).detect(spans, { values: [] });
    const calls = mock.commandCalls(DetectPiiEntitiesCommand);
    expect(total).toBeGreaterThan(99_000);
    expect(calls).toHaveLength(Math.ceil(total / 99_000));
    for (const call of calls) expect(Buffer.byteLength(call.args[0].input.Text!)).toBeLessThanOrEqual(99_000);
    expect(calls.flatMap((c) => c.args[0].input.Text!.split('\n'))).toEqual(spans.map((s) => s.text));
  });

  it('sends nothing for blank spans; names the engine and keeps the cause when a call fails or a span is too long', async () => {
    const { client, mock } = comprehend();
    const detector = createComprehendPiiDetector({ client, maxBytesPerRequest: 50, languageCode: 'es' });
    expect(await detector.detect([{ text: '  ' }, { text: '' }], { values: [] })).toEqual([]);
    expect(mock.commandCalls(DetectPiiEntitiesCommand)).toHaveLength(0);
    await expect(detector.detect([{ text: 'x'.repeat(80), location: 'StudyDescription' }], { values: [] })).rejects.toThrow(
      /^\[deid\] \[comprehend\] a span of 81 bytes exceeds the 50-byte request limit \(StudyDescription\)/,
    );
    const throttled = new Error('Rate exceeded');
    mock.on(DetectPiiEntitiesCommand).rejects(throttled);
    const error = await detector.detect([{ text: 'x' }], { values: [] }).catch((e: Error) => e);
    expect((error as Error).message).toBe('[deid] [comprehend] DetectPiiEntities failed on a batch of 1 spans: Rate exceeded');
    expect((error as Error).cause).toBe(throttled);
    expect(mock.commandCalls(DetectPiiEntitiesCommand)[0].args[0].input.LanguageCode).toBe('es');
    expect(() => createComprehendPiiDetector({ client, languageCode: 'fr' })).toThrow(/languageCode "fr" is not read by DetectPiiEntities/);
  });

  it('is chosen in the registry with service: comprehend; Comprehend Medical stays the AWS default', async () => {
    const { client } = comprehend();
    expect((await createPhiDetector({ engine: 'aws', service: 'comprehend', client })).name).toBe('aws:comprehend');
    expect((await createPhiDetector({ engine: 'aws', clientConfig: { region: 'us-east-1' } })).name).toBe('aws:comprehend-medical');
    await expect(createPhiDetector({ engine: 'aws', service: 'textract' } as never)).rejects.toThrow(/unknown AWS PHI service "textract"/);
  });
});

describe('isSpecificDate', () => {
  it.each(['02/11/1961', '1961-02-11', '11.02.1961', '19610211', '07/16', '02/1961', '1961-02', 'Feb 11', '11th of February', 'February 1961', 'on 2/3/61 at 10:30'])('%s is a date finer than a year', (text) => {
    expect(isSpecificDate(text)).toBe(true);
  });
  it.each(['2001', 'in 1961', '10:30 AM', '10.5', 'Monday', 'yesterday', 'February', 'three days', '13/45', '1961-13'])('%s is not', (text) => {
    expect(isSpecificDate(text)).toBe(false);
  });
});
