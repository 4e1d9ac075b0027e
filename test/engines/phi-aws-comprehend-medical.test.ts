import { ComprehendMedicalClient, DetectPHICommand, TextSizeLimitExceededException, TooManyRequestsException, type DetectPHICommandInput } from '@aws-sdk/client-comprehendmedical';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { AwsSession } from '../../lib/engines/aws/session.js';
import { createComprehendMedicalPhiDetector } from '../../lib/engines/aws/comprehend-medical.js';

/** A DetectPHI mock that reports names with the service's offsets: Unicode code points. */
function comprehendMedical() {
  const client = new ComprehendMedicalClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
  const mock = mockClient(client);
  mock.on(DetectPHICommand).callsFake(({ Text }: DetectPHICommandInput) => {
    const text = Text!;
    const cp = (i: number) => [...text.slice(0, i)].length;
    const Entities = [...text.matchAll(/HOLT MARA/g)].map((m) => ({ Type: 'NAME', Category: 'PROTECTED_HEALTH_INFORMATION', Score: 0.99, BeginOffset: cp(m.index), EndOffset: cp(m.index + m[0].length) }));
    return { Entities };
  });
  return { client, mock };
}

describe('Comprehend Medical PHI detector', () => {
  it('reads offsets as code points, so a name after an emoji is cut right', async () => {
    const { client, mock } = comprehendMedical();
    const detector = createComprehendMedicalPhiDetector({ client });
    const findings = await detector.detect([{ text: '🙂🙂 note' }, { text: 'seen by HOLT MARA today' }], { values: [] });
    expect(findings.map((f) => [f.text, f.category])).toEqual([['HOLT MARA', 'A']]);
    expect(mock.commandCalls(DetectPHICommand)).toHaveLength(1);
  });
});

/** A DetectPHI mock finding ages written in words or digits, names, and paging its answer past `perPage` entities. */
function pagingComprehendMedical(perPage = Infinity) {
  const client = new ComprehendMedicalClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
  const mock = mockClient(client);
  mock.on(DetectPHICommand).callsFake(({ Text }: DetectPHICommandInput) => {
    const text = Text!;
    const entities = [
      ...[...text.matchAll(/\b(?:ninety-three|eighty-nine|one hundred and two|\d+ years)\b/g)].map((m) => ({ Type: 'AGE', m })),
      ...[...text.matchAll(/\bPT\d+ [A-Z]+\b/g)].map((m) => ({ Type: 'NAME', m })),
    ].map(({ Type, m }) => ({ Type, Category: 'PROTECTED_HEALTH_INFORMATION', Score: 0.98, BeginOffset: m.index, EndOffset: m.index + m[0].length, Text: m[0] }));
    entities.sort((a, b) => a.BeginOffset - b.BeginOffset);
    return { Entities: entities.slice(0, perPage), ...(entities.length > perPage ? { PaginationToken: 'more' } : {}), ModelVersion: '2.0' };
  });
  return { client, mock };
}

describe('Comprehend Medical: ages, paging, limits, usage', () => {
  it('judges an AGE written in words: over 89 is PHI, 89 is not', async () => {
    const { client } = pagingComprehendMedical();
    const detector = createComprehendMedicalPhiDetector({ client });
    const findings = await detector.detect(
      [{ text: 'patient is ninety-three' }, { text: 'aged eighty-nine' }, { text: 'one hundred and two today' }, { text: '45 years' }],
      { values: [] },
    );
    expect(findings.map((f) => f.text)).toEqual(['ninety-three', 'one hundred and two']);
    expect(findings.every((f) => f.category === 'C' && f.type === 'AGE')).toBe(true);
  });

  it('splits a batch whose answer was paged (DetectPHI cannot be asked for the next page) until every answer is whole', async () => {
    const { client, mock } = pagingComprehendMedical(3);
    const detector = createComprehendMedicalPhiDetector({ client });
    const spans = Array.from({ length: 8 }, (_, i) => ({ text: `PT${i} NAME`, location: `tag ${i}` }));
    const findings = await detector.detect(spans, { values: [] });
    expect(findings.map((f) => f.location).sort()).toEqual(spans.map((s) => s.location).sort());
    const calls = mock.commandCalls(DetectPHICommand).map((c) => c.args[0].input.Text!.split('\n').length);
    expect(calls[0]).toBe(8);
    expect(Math.max(...calls.slice(1))).toBeLessThanOrEqual(4);
  });

  it('fails a single span whose entities were paged, rather than judge half of it', async () => {
    const { client } = pagingComprehendMedical(1);
    const detector = createComprehendMedicalPhiDetector({ client });
    await expect(detector.detect([{ text: 'PT1 ANN and PT2 BOB', location: 'StudyComments' }], { values: [] })).rejects.toThrow(
      /returned only part of the entities of one span \(StudyComments\)/,
    );
  });

  it('reports the service\'s TextSizeLimitExceededException and TooManyRequestsException with their cause; throttling does not stop the run', async () => {
    const { client, mock } = pagingComprehendMedical();
    const session = new AwsSession();
    const detector = createComprehendMedicalPhiDetector({ client, session });
    const tooLong = new TextSizeLimitExceededException({ message: 'Text is too long', $metadata: { httpStatusCode: 400 } });
    mock.on(DetectPHICommand).rejects(tooLong);
    const error = await detector.detect([{ text: 'x' }], { values: [] }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/^\[deid\] \[comprehend-medical\] DetectPHI failed on a batch of 1 spans: Text is too long/);
    expect((error as Error).cause).toBe(tooLong);
    mock.on(DetectPHICommand).rejects(new TooManyRequestsException({ message: 'Rate exceeded', $metadata: { httpStatusCode: 400 } }));
    await expect(detector.detect([{ text: 'x' }], { values: [] })).rejects.toThrow(/Rate exceeded/);
    expect(session.stopped).toBeUndefined();
    mock.on(DetectPHICommand).rejects(Object.assign(new Error('The security token included in the request is invalid.'), { name: 'UnrecognizedClientException' }));
    await expect(detector.detect([{ text: 'x' }], { values: [] })).rejects.toThrow(/security token/);
    expect(session.stopped?.name).toBe('UnrecognizedClientException');
  });

  it('counts calls, characters and 100-character billing units (1 unit minimum per request)', async () => {
    const { client } = pagingComprehendMedical();
    const session = new AwsSession();
    const detector = createComprehendMedicalPhiDetector({ client, session, maxBytesPerRequest: 200 });
    const spans = Array.from({ length: 30 }, (_, i) => ({ text: `value number ${i}` }));
    await detector.detect(spans, { values: [] });
    const u = session.usage.byApi['comprehendmedical:DetectPHI'];
    const sent = spans.map((s) => s.text.length).reduce((a, b) => a + b, 0) + spans.length - u.calls; // joined by newlines
    expect(u.characters).toBe(sent);
    expect(u.calls).toBeGreaterThan(1);
    expect(u.calls).toBeLessThan(spans.length);
    expect(u.units).toBeGreaterThanOrEqual(Math.ceil(sent / 100));
    expect(session.usage.summary().comprehendMedicalSpans).toBe(30);
  });
});
