import { ComprehendMedicalClient, DetectPHICommand, type DetectPHICommandInput } from '@aws-sdk/client-comprehendmedical';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { createPhiDetector } from '../../../lib/engines/index.js';
import type { DetectedText, IdentityContext } from '../../../lib/engines/types.js';

/** A DetectPHI mock that finds only what `finds` lists (text and type), with real offsets. */
function service(finds: Array<[RegExp, string]>) {
  const client = new ComprehendMedicalClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
  const mock = mockClient(client);
  mock.on(DetectPHICommand).callsFake(({ Text }: DetectPHICommandInput) => ({
    Entities: finds.flatMap(([re, Type]) => [...Text!.matchAll(new RegExp(re.source, 'g'))].map((m) => ({ Type, Score: 0.97, BeginOffset: m.index, EndOffset: m.index + m[0].length, Text: m[0], Category: 'PROTECTED_HEALTH_INFORMATION' }))),
  }));
  return client;
}

const line = (texts: string[], lineIndex = 0): { text: string; words: DetectedText[]; location: string } => {
  const words = texts.map((text, i) => ({ text, confidence: 96, kind: 'word' as const, lineIndex, box: { left: i * 120, top: 10 + lineIndex * 30, width: 110, height: 20 } }));
  return { text: texts.join(' '), words, location: `frame 0 line ${lineIndex}` };
};

const identity: IdentityContext = {
  values: [
    { value: 'QUILLON^ASTRID', category: 'A', source: 'PatientName', vr: 'PN' },
    { value: 'ZX-99812', category: 'H', source: 'PatientID', vr: 'LO' },
  ],
};

describe('aws engine: AWS findings joined with the local evidence, keep-list last', () => {
  it('keeps what only the local evidence sees: the file\'s own header values in screen forms, and the rules\' regexes', async () => {
    const phi = await createPhiDetector({ engine: 'aws', client: service([]), local: { regex: ['ACC\\d{6}'] } });
    const findings = await phi.detect([line(['QUILLON,', 'ASTRID']), line(['ID', 'ZX99812'], 1), line(['ACC123456'], 2)], identity);
    expect(findings.map((f) => [f.text, f.engine])).toEqual(
      expect.arrayContaining([
        [expect.stringMatching(/QUILLON/), expect.stringMatching(/^local:header/)],
        ['ZX99812', expect.stringMatching(/^local:header/)],
        ['ACC123456', 'local:regex'],
      ]),
    );
  });

  it('adds what only the service sees', async () => {
    const phi = await createPhiDetector({ engine: 'aws', client: service([[/Dr\. Vantongeren/, 'NAME']]) });
    const findings = await phi.detect([line(['Read', 'by', 'Dr.', 'Vantongeren'])], { values: [] });
    expect(findings.map((f) => [f.text, f.engine])).toContainEqual(['Dr. Vantongeren', 'aws:comprehend-medical']);
  });

  it('drops service findings that are keep-list text, unless they are the file\'s own identity', async () => {
    const keepIdentity: IdentityContext = { values: [{ value: 'PORTABLE^LATERAL', category: 'A', source: 'PatientName', vr: 'PN' }] };
    const client = service([[/PORTABLE|SUPINE|120 KV/, 'NAME']]);
    const phi = await createPhiDetector({ engine: 'aws', client });
    expect(await phi.detect([line(['AP', 'SUPINE', '120', 'KV'])], { values: [] })).toEqual([]);
    const own = await phi.detect([line(['PORTABLE'])], keepIdentity);
    expect(own.some((f) => f.engine === 'aws:comprehend-medical' && f.text === 'PORTABLE')).toBe(true);
  });

  it('judges header text the same way (evaluation): a value the service misses is still found locally', async () => {
    const phi = await createPhiDetector({ engine: 'aws', client: service([]), local: { keepList: [] } });
    const findings = await phi.detect([{ text: 'Call 555-201-3344 with results', location: '3' }], { values: [] });
    expect(findings.map((f) => [f.text, f.location])).toContainEqual(['555-201-3344', '3']);
  });

  it('local: false leaves the service alone', async () => {
    const phi = await createPhiDetector({ engine: 'aws', client: service([]), local: false });
    expect(await phi.detect([line(['QUILLON', 'ASTRID'])], identity)).toEqual([]);
  });
});
